"""The gap memo as Markdown: header, one-screen summary, then each reason in full."""

from __future__ import annotations

from reviewer.models import Review, Rubric, Status

STATUS_EMOJI = {Status.ADDRESSED: "✅", Status.PARTIAL: "🟡", Status.MISSING: "❌"}
ICON = {s: f"{STATUS_EMOJI[s]} {s.value}" for s in Status}
ROLE = {
    "supports": "supports",
    "gap": "shows the gap",
    "deferred": "deferred, not done",
    "negated": "stated as absent",
    "plan": "a plan, not a measured result",
}
_ORDER = {Status.MISSING: 0, Status.PARTIAL: 1, Status.ADDRESSED: 2}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def engine_line(review: Review) -> str:
    e = review.engine
    s = e.label
    if e.model:
        s += f", model `{e.model}`"
    if e.prompt_version:
        s += f", prompt {e.prompt_version}"
    if e.fallback_reason:
        s += f" (fallback: {e.fallback_reason})"
    return s


def render_markdown(review: Review, rubric: Rubric) -> str:
    d = review.document
    lines: list[str] = []
    lines.append(f"# Gap memo: {d.title or d.name}")
    lines.append("")
    size = f"{d.pages} page(s)" if d.pages else "no fixed pages; cited by section and paragraph"
    lines.append(f"- **Document:** `{d.name}` ({d.format.upper()}, {size}, {d.blocks} blocks, sha256 `{d.sha256[:12]}`)")
    lines.append(f"- **Type:** {d.doc_type.value} ({d.doc_type_source}: {d.doc_type_reason})")
    lines.append(f"- **Reviewed:** {review.reviewed_at:%Y-%m-%d %H:%M} UTC")
    lines.append(f"- **Engine:** {engine_line(review)}")
    lines.append(f"- **Rubric:** {review.rubric_name}, version `{review.rubric_version}`")
    lines.append(f"- **Readiness:** {review.readiness:.0f}/100 ({rubric.scoring_definition})")
    if review.usage.calls:
        u = review.usage
        cost = f", cost ${u.cost_usd:.4f}" if u.cost_usd is not None else ""
        lines.append(f"- **Usage:** {u.calls} call(s), {u.input_tokens} input ({u.cached_tokens} cached) and {u.output_tokens} output tokens{cost}")
    if d.ocr_pages:
        lines.append(f"- **OCR:** text on page(s) {', '.join(map(str, d.ocr_pages))} came from OCR")
    lines.append("")
    c = review.status_counts
    lines.append("## Summary")
    lines.append("")
    lines.append(f"{c['addressed']} addressed, {c['partial']} partial, {c['missing']} missing.")
    lines.append("")
    lines.append("| # | Reason | Status | Evidence |")
    lines.append("|---|---|---|---|")
    for f in review.findings:
        short = rubric.reason(f.reason_id).short if f.reason_id in {r.id for r in rubric.reasons} else f.title
        lines.append(f"| {f.reason_id} | {_cell(short)} | {ICON[f.status]} | {len(f.evidence)} quote(s) |")
    lines.append("")
    gaps = sorted((f for f in review.findings if f.status != Status.ADDRESSED), key=lambda f: (_ORDER[f.status], f.reason_id))
    if gaps:
        lines.append("**Top gaps:**")
        lines.append("")
        for f in gaps[:3]:
            lines.append(f"1. **{f.reason_id} {f.title}** ({f.status.value}): {f.fix}")
        lines.append("")
    if review.alerts:
        lines.append("## ⚠ Text that must not steer a review")
        lines.append("")
        for a in review.alerts:
            where = f" ({a.location})" if a.location else ""
            lines.append(f"- **{a.kind.replace('_', ' ')}**{where}: “{_cell(a.text[:300])}” {a.detail}")
        lines.append("")
    if review.diagnostics:
        lines.append("## The three diagnostic questions")
        lines.append("")
        for q in review.diagnostics:
            lines.append(f"- **{q.question}** {q.answer}")
        lines.append("")
    lines.append("## Findings")
    for f in review.findings:
        lines.append("")
        lines.append(f"### {f.reason_id} {f.title}: {ICON[f.status]}")
        lines.append("")
        if f.rationale:
            lines.append(f"*{f.rationale}*")
            lines.append("")
        if f.evidence:
            lines.append("Evidence:")
            lines.append("")
            for ev in f.evidence:
                role = f" *({ROLE[ev.role]})*" if ev.role != "supports" else ""
                lines.append(f"> “{ev.quote}”  ")
                lines.append(f"> — {ev.location or ev.block_id}{role}")
                lines.append("")
        else:
            lines.append("Evidence: none found in the document.")
            lines.append("")
        if f.missing:
            lines.append("What is missing: " + "; ".join(f.missing) + ".")
            lines.append("")
        if f.status != Status.ADDRESSED and f.fix:
            lines.append(f"**Fix:** {f.fix}")
            lines.append("")
        for n in f.notes:
            lines.append(f"_Note: {n}_")
            lines.append("")
    if review.warnings:
        lines.append("## Warnings")
        lines.append("")
        for w in review.warnings:
            lines.append(f"- {w}")
        lines.append("")
    lines.append("---")
    lines.append(f"_Produced by reviewer with the {engine_line(review)}. Cache key `{review.cache_key}`._")
    return "\n".join(lines) + "\n"
