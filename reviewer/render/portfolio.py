"""The portfolio view of a batch: every pilot against the ten reasons, as HTML, CSV and Markdown.

What it shows: a documents × reasons heatmap; each document's readiness score (the rubric's
definition, printed alongside); the gaps most common across the portfolio and which pilots one fix
would serve; a proposal and a report of the same pilot side by side; engine and rubric version.

Pairing a proposal with its report: each file name stem (and title) is reduced to a *pilot key*:
lower-cased, accents dropped, split on anything not a letter or digit, minus words that name the
document type or version (proposal, report, post, pilot, final, draft, v2, years...). The
similarity of two documents is the higher of rapidfuzz's ``token_sort_ratio`` between their stem
keys and between their title keys, over 100. A proposal and a report pair when it is at least
``PAIR_THRESHOLD``; pairs are taken best first, each document at most once.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from reviewer.models import BatchResult, DocType, Review, Rubric, Status
from reviewer.render.markdown import STATUS_EMOJI

PAIR_THRESHOLD = 0.80
TOP_GAPS = 5
PAIR_DEFINITION = (
    "Proposal/report pairs: file names (and titles) are reduced to a pilot key (lower case, split on "
    "non-alphanumerics, without document-type and version words such as proposal, report, post, pilot, "
    "final, draft, v2 or a year); similarity is the better of the token-sort ratio of the two name keys "
    f"and of the two title keys; pairs need similarity of at least {PAIR_THRESHOLD:.2f}, best first, one-to-one."
)
_STOP = {
    "proposal", "proposals", "report", "reports", "post", "pre", "pilot", "pilots", "final", "draft", "version",
    "evaluation", "eval", "review", "technical", "tech", "summary", "copy", "doc", "document", "docx", "pdf",
    "the", "a", "an", "of", "and", "for", "on", "to", "in", "v", "rev", "ver", "update", "updated", "closeout",
    "close", "out", "results", "result", "findings", "plan", "business", "case",
}
_VERSIONISH = re.compile(r"^(v|rev|r)?\d+$|^\d{4,}$")
STATUS_ICON = {Status.ADDRESSED: "✓", Status.PARTIAL: "½", Status.MISSING: "✗"}


def pilot_key(text: str) -> str:
    """A file stem or title reduced to the words that name the pilot (see the module docstring)."""
    t = unicodedata.normalize("NFKD", text)
    t = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", "".join(c for c in t if not unicodedata.combining(c))).lower()
    words = [w for w in re.split(r"[^0-9a-z]+", t) if w]
    return " ".join(w for w in words if w not in _STOP and not _VERSIONISH.match(w))


def similarity(a: Review, b: Review) -> float:
    """How likely two reviews are of the same pilot, 0-1 (see the module docstring)."""
    best = 0.0
    for x, y in ((Path(a.document.name).stem, Path(b.document.name).stem), (a.document.title or "", b.document.title or "")):
        kx, ky = pilot_key(x), pilot_key(y)
        if kx and ky:
            best = max(best, fuzz.token_sort_ratio(kx, ky) / 100.0)
    return round(best, 3)


@dataclass
class Row:
    """One reviewed document in the portfolio."""

    review: Review
    label: str
    links: dict[str, str] = field(default_factory=dict)  # format -> relative path

    @property
    def statuses(self) -> dict[str, Status]:
        return {f.reason_id: f.status for f in self.review.findings}


@dataclass
class Gap:
    """A reason that is missing or partial in several pilots: one fix serves them all."""

    reason_id: str
    short: str
    fix: str
    missing: list[str]
    partial: list[str]

    @property
    def count(self) -> int:
        return len(self.missing) + len(self.partial)


@dataclass
class Pair:
    proposal: Row
    report: Row
    similarity: float


@dataclass
class Failed:
    path: str
    error: str


@dataclass
class Portfolio:
    rubric: Rubric
    rows: list[Row]
    gaps: list[Gap]
    pairs: list[Pair]
    failed: list[Failed] = field(default_factory=list)

    @property
    def mean_readiness(self) -> float:
        return round(sum(r.review.readiness for r in self.rows) / len(self.rows), 1) if self.rows else 0.0

    @property
    def engines(self) -> list[str]:
        out: list[str] = []
        for r in self.rows:
            e = r.review.engine
            s = e.label + (f", model {e.model}" if e.model else "")
            if s not in out:
                out.append(s)
        return out

    @property
    def rubric_versions(self) -> list[str]:
        return sorted({r.review.rubric_version for r in self.rows})

    @property
    def as_of(self) -> str:
        if not self.rows:
            return ""
        return max(r.review.reviewed_at for r in self.rows).strftime("%d %B %Y %H:%M UTC")

    def counts(self, reason_id: str) -> dict[Status, int]:
        c = dict.fromkeys(Status, 0)
        for r in self.rows:
            s = r.statuses.get(reason_id)
            if s is not None:
                c[s] += 1
        return c

    def pair_of(self, row: Row) -> tuple[Row, float] | None:
        for p in self.pairs:
            if p.proposal is row:
                return p.report, p.similarity
            if p.report is row:
                return p.proposal, p.similarity
        return None


def _label(review: Review) -> str:
    return review.document.name


def common_gaps(rows: Sequence[Row], rubric: Rubric, top: int = TOP_GAPS) -> list[Gap]:
    """Reasons ranked by how many pilots miss them (missing or partial), then by how many miss them outright."""
    gaps: list[Gap] = []
    for reason in rubric.reasons:
        missing = [r.label for r in rows if r.statuses.get(reason.id) == Status.MISSING]
        partial = [r.label for r in rows if r.statuses.get(reason.id) == Status.PARTIAL]
        if missing or partial:
            gaps.append(Gap(reason.id, reason.short, reason.fix, missing, partial))
    gaps.sort(key=lambda g: (-g.count, -len(g.missing), g.reason_id))
    return gaps[:top]


def pair_documents(rows: Sequence[Row], threshold: float = PAIR_THRESHOLD) -> list[Pair]:
    """Proposal/report pairs of the same pilot, best similarity first, each document once."""
    props = [r for r in rows if r.review.document.doc_type == DocType.PROPOSAL]
    reps = [r for r in rows if r.review.document.doc_type == DocType.REPORT]
    cands = sorted(
        ((similarity(p.review, q.review), i, j) for i, p in enumerate(props) for j, q in enumerate(reps)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_p: set[int] = set()
    used_r: set[int] = set()
    pairs: list[Pair] = []
    for s, i, j in cands:
        if s < threshold or i in used_p or j in used_r:
            continue
        used_p.add(i)
        used_r.add(j)
        pairs.append(Pair(props[i], reps[j], s))
    return pairs


def build_portfolio(
    reviews: Sequence[Review],
    rubric: Rubric,
    *,
    failed: Sequence[Failed] = (),
    links: dict[str, dict[str, str]] | None = None,
) -> Portfolio:
    """Assemble the portfolio from reviews (``links`` maps a document path to its outputs by format)."""
    rows = [Row(r, _label(r), (links or {}).get(r.document.path, {})) for r in reviews]
    rows.sort(key=lambda r: (-r.review.readiness, r.label.lower()))
    return Portfolio(rubric, rows, common_gaps(rows, rubric), pair_documents(rows), list(failed))


# --------------------------------------------------------------------------- CSV


def _csv_safe(v: object) -> str:
    """Neutralise spreadsheet formulas in text cells (a file name may start with '=')."""
    s = "" if v is None else str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def render_csv(p: Portfolio) -> str:
    """One row per document (failures last, with their error); UTF-8 with a BOM so Excel reads it."""
    ids = [r.id for r in p.rubric.reasons]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["document", "path", "doc_type", "title", "readiness", *ids, "addressed", "partial", "missing",
                "paired_with", "pair_similarity", "engine", "model", "rubric_version", "cache_key", "error"])
    for r in p.rows:
        rv = r.review
        st = r.statuses
        c = rv.status_counts
        pair = p.pair_of(r)
        w.writerow([_csv_safe(x) for x in [
            r.label, rv.document.path, rv.document.doc_type.value, rv.document.title or "", f"{rv.readiness:.1f}",
            *[st[i].value if i in st else "" for i in ids], c["addressed"], c["partial"], c["missing"],
            pair[0].label if pair else "", f"{pair[1]:.2f}" if pair else "", rv.engine.label, rv.engine.model or "",
            rv.rubric_version, rv.cache_key, "",
        ]])
    for f in p.failed:
        w.writerow([_csv_safe(x) for x in [Path(f.path).name, f.path, "", "", "", *[""] * len(ids), "", "", "",
                                          "", "", "", "", "", "", f.error]])
    return "\ufeff" + buf.getvalue()


# --------------------------------------------------------------------------- Markdown


def _md(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render_md(p: Portfolio) -> str:
    reasons = p.rubric.reasons
    out = [f"# AI pilot portfolio: {len(p.rows)} document(s) against the ten reasons", ""]
    out.append(f"- **Mean readiness:** {p.mean_readiness:.0f}/100")
    out.append(f"- **Readiness:** {p.rubric.scoring_definition}")
    out.append(f"- **Engine:** {'; '.join(p.engines) or 'n/a'}")
    out.append(f"- **Rubric:** {p.rubric.name}, version {', '.join(p.rubric_versions) or p.rubric.version}")
    if len(p.rubric_versions) > 1:
        out.append("- **Warning:** the reviews used different rubric versions; compare with care.")
    if p.failed:
        out.append(f"- **Not reviewed:** {len(p.failed)} file(s), listed at the end")
    out.append("")
    out.append("## Heatmap")
    out.append("")
    out.append("| Document | Type | Readiness | " + " | ".join(f"{r.id} {r.short}" for r in reasons) + " |")
    out.append("|---|---|---:|" + "---|" * len(reasons))
    for r in p.rows:
        st = r.statuses
        cells = [STATUS_EMOJI[st[x.id]] if x.id in st else "" for x in reasons]
        out.append(f"| {_md(r.label)} | {r.review.document.doc_type.value} | {r.review.readiness:.0f} | " + " | ".join(cells) + " |")
    out.append("")
    out.append("✅ addressed · 🟡 partial · ❌ missing")
    out.append("")
    out.append("## The most common gaps: one fix, many pilots")
    out.append("")
    if not p.gaps:
        out.append("No gaps: every document addresses every reason.")
    for g in p.gaps:
        out.append(f"### {g.reason_id} {g.short}: {g.count} of {len(p.rows)} pilot(s)")
        out.append("")
        out.append(f"**Fix once:** {g.fix}")
        out.append("")
        if g.missing:
            out.append("- Missing in: " + ", ".join(_md(x) for x in g.missing))
        if g.partial:
            out.append("- Partial in: " + ", ".join(_md(x) for x in g.partial))
        out.append("")
    out.append("## Proposal and report side by side")
    out.append("")
    out.append(f"_{PAIR_DEFINITION}_")
    out.append("")
    if not p.pairs:
        out.append("No proposal/report pairs found in this batch.")
        out.append("")
    for pr in p.pairs:
        out.append(f"### {_md(pr.proposal.label)} ↔ {_md(pr.report.label)} (similarity {pr.similarity:.2f})")
        out.append("")
        out.append(f"Readiness: proposal {pr.proposal.review.readiness:.0f} → report {pr.report.review.readiness:.0f}")
        out.append("")
        out.append("| Reason | Proposal | Report | Change |")
        out.append("|---|---|---|---|")
        for x in reasons:
            a, b = pr.proposal.statuses.get(x.id), pr.report.statuses.get(x.id)
            out.append(f"| {x.id} {x.short} | {STATUS_EMOJI.get(a, '') if a else ''} {a.value if a else ''} | "
                       f"{STATUS_EMOJI.get(b, '') if b else ''} {b.value if b else ''} | {_change(p.rubric, a, b)} |")
        out.append("")
    if p.failed:
        out.append("## Not reviewed")
        out.append("")
        for f in p.failed:
            out.append(f"- `{Path(f.path).name}`: {_md(_strip_path(f))}")
        out.append("")
    return "\n".join(out) + "\n"


def _strip_path(f: Failed) -> str:
    """The error without its leading 'path: ' (the file is named beside it)."""
    for prefix in (f.path, Path(f.path).name):
        if f.error.startswith(prefix + ": "):
            return f.error[len(prefix) + 2 :]
    return f.error


def _change(rubric: Rubric, a: Status | None, b: Status | None) -> str:
    if a is None or b is None:
        return ""
    da, db = rubric.scoring.get(a, 0.0), rubric.scoring.get(b, 0.0)
    return "improved" if db > da else "worse" if db < da else "same"


# --------------------------------------------------------------------------- HTML

_CSS = """
:root{--ink:#1b2430;--muted:#5b6675;--line:#dde3ea;--bg:#f6f8fa;--navy:#1f3864;
--ok:#c6efce;--okt:#006100;--part:#ffeb9c;--partt:#7a4a00;--miss:#ffc7ce;--misst:#9c0006}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 "Segoe UI",-apple-system,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--navy);color:#fff;padding:28px 40px 22px}
header h1{margin:0 0 4px;font-size:26px;font-weight:600;letter-spacing:.2px}
header p{margin:0;color:#c9d4e6}
main{padding:24px 40px 48px;max-width:1500px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:20px 24px;margin:0 0 20px}
h2{margin:0 0 12px;font-size:18px;color:var(--navy)}
h3{margin:16px 0 6px;font-size:15px}
.kpis{display:flex;gap:16px;flex-wrap:wrap;margin:0 0 20px}
.kpi{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;min-width:170px}
.kpi b{display:block;font-size:26px;color:var(--navy)}
.kpi span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.5px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:middle}
th{font-size:12px;color:var(--muted);font-weight:600}
table.heat th.r{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;height:150px;vertical-align:bottom;text-align:left;padding:6px 4px}
table.heat td.s{text-align:center;font-weight:700;width:44px;border:2px solid #fff}
.addressed{background:var(--ok);color:var(--okt)} .partial{background:var(--part);color:var(--partt)} .missing{background:var(--miss);color:var(--misst)}
.doc{font-weight:600} .sub{display:block;color:var(--muted);font-size:12px;font-weight:400;max-width:420px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.tag{display:inline-block;padding:1px 8px;border-radius:10px;font-size:11px;background:#e8edf5;color:var(--navy);text-transform:uppercase;letter-spacing:.4px}
.bar{display:inline-block;width:90px;height:8px;background:#e6eaef;border-radius:4px;vertical-align:middle;margin-left:8px;overflow:hidden}
.bar i{display:block;height:100%;background:var(--navy)}
.muted{color:var(--muted)} .okt{color:var(--okt);font-weight:600} .misst{color:var(--misst);font-weight:600} .small{font-size:12px}
.legend span{display:inline-block;padding:2px 10px;border-radius:4px;margin-right:8px;font-size:12px;font-weight:600}
.gap{border-left:4px solid var(--misst);padding:4px 0 4px 14px;margin:12px 0}
.gap .n{font-size:22px;font-weight:700;color:var(--misst);margin-right:8px}
.chips span{display:inline-block;margin:2px 4px 2px 0;padding:1px 8px;border-radius:10px;font-size:12px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:0 24px}
.pair table td.s{text-align:center;font-weight:600;width:110px}
a{color:var(--navy)}
footer{color:var(--muted);font-size:12px;padding:0 40px 32px}
@media print{body{background:#fff}header{-webkit-print-color-adjust:exact;print-color-adjust:exact}
section{break-inside:avoid;border:none;padding:8px 0}td.s,.legend span,.chips span{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def _e(s: object) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _status_cell(s: Status | None, title: str = "") -> str:
    if s is None:
        return '<td class="s"></td>'
    return f'<td class="s {s.value}" title="{_e(title)}">{STATUS_ICON[s]}</td>'


def _doc_cell(r: Row) -> str:
    d = r.review.document
    name = _e(r.label)
    link = r.links.get("docx") or r.links.get("md")
    if link:
        name = f'<a href="{_e(link)}">{name}</a>'
    sub = f'<span class="sub" title="{_e(d.title)}">{_e(d.title)}</span>' if d.title and d.title != d.name else ""
    if r.links.get("annotated"):
        sub += f'<span class="sub"><a href="{_e(r.links["annotated"])}">annotated copy</a></span>'
    return f'<td class="doc">{name}{sub}</td>'


def render_html(p: Portfolio) -> str:
    reasons = p.rubric.reasons
    n = len(p.rows)
    h: list[str] = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
                    '<meta name="viewport" content="width=device-width, initial-scale=1">',
                    "<title>AI pilot portfolio review</title>", f"<style>{_CSS}</style></head><body>"]
    h.append("<header><h1>AI pilot portfolio review</h1>")
    h.append(f"<p>{n} document(s) reviewed against {_e(p.rubric.name)}"
             + (f" · as of {_e(p.as_of)}" if p.as_of else "") + "</p>")
    h.append(f"<p>Engine: {_e('; '.join(p.engines) or 'n/a')} · rubric version "
             f"{_e(', '.join(p.rubric_versions) or p.rubric.version)}</p></header><main>")
    # KPIs
    fully = sum(1 for r in p.rows if r.review.status_counts["addressed"] == len(reasons))
    top = p.gaps[0] if p.gaps else None
    h.append('<div class="kpis">')
    h.append(f'<div class="kpi"><span>Documents</span><b>{n}</b>'
             f'<span>{sum(1 for r in p.rows if r.review.document.doc_type == DocType.PROPOSAL)} proposals · '
             f'{sum(1 for r in p.rows if r.review.document.doc_type == DocType.REPORT)} reports</span></div>')
    h.append(f'<div class="kpi"><span>Mean readiness</span><b>{p.mean_readiness:.0f}<small>/100</small></b><span>{fully} fully ready</span></div>')
    if top:
        h.append(f'<div class="kpi"><span>Most common gap</span><b>{_e(top.reason_id)}</b><span>{_e(top.short)}: '
                 f'{top.count} of {n}</span></div>')
    h.append(f'<div class="kpi"><span>Proposal / report pairs</span><b>{len(p.pairs)}</b><span>{len(p.failed)} file(s) not reviewed</span></div>')
    h.append("</div>")
    # Heatmap
    h.append("<section><h2>Every pilot against the ten reasons</h2>")
    h.append('<p class="legend small"><span class="addressed">✓ addressed</span><span class="partial">◐ partial</span>'
             '<span class="missing">✗ missing</span> Hover a cell for the finding.</p>')
    h.append('<table class="heat"><thead><tr><th>Document</th><th>Type</th><th>Readiness</th>')
    for x in reasons:
        h.append(f'<th class="r" title="{_e(x.title)}">{_e(x.id)} {_e(x.short)}</th>')
    h.append("</tr></thead><tbody>")
    for r in p.rows:
        rv = r.review
        h.append("<tr>" + _doc_cell(r) + f'<td><span class="tag">{_e(rv.document.doc_type.value)}</span></td>')
        h.append(f'<td><b>{rv.readiness:.0f}</b><span class="bar"><i style="width:{max(0.0, min(100.0, rv.readiness)):.0f}%"></i></span></td>')
        by = {f.reason_id: f for f in rv.findings}
        for x in reasons:
            f = by.get(x.id)
            h.append(_status_cell(f.status if f else None, f"{x.id} {x.short}: {f.status.value}. {f.rationale}" if f else ""))
        h.append("</tr>")
    h.append("<tr><td class='muted small'>Pilots with the gap (missing + partial)</td><td></td><td></td>")
    for x in reasons:
        c = p.counts(x.id)
        h.append(f'<td class="s muted small">{c[Status.MISSING] + c[Status.PARTIAL]}</td>')
    h.append("</tr></tbody></table>")
    h.append(f'<p class="small muted"><b>Readiness score.</b> {_e(p.rubric.scoring_definition)} '
             f'(weights: {", ".join(f"{s.value} = {v:g}" for s, v in p.rubric.scoring.items())}).</p></section>')
    # Gaps
    h.append("<section><h2>The most common gaps: one fix, many pilots</h2>")
    if not p.gaps:
        h.append("<p>No gaps: every document addresses every reason.</p>")
    for g in p.gaps:
        h.append(f'<div class="gap"><h3><span class="n">{g.count}/{n}</span>{_e(g.reason_id)} {_e(g.short)}</h3>')
        h.append(f"<p><b>Fix once:</b> {_e(g.fix)}</p><p class='chips small'>Serves "
                 f"({len(g.missing)} missing, {len(g.partial)} partial): ")
        h.extend(f'<span class="missing">{_e(x)}</span>' for x in g.missing)
        h.extend(f'<span class="partial">{_e(x)}</span>' for x in g.partial)
        h.append("</p></div>")
    h.append("</section>")
    # Pairs
    h.append("<section><h2>Proposal and report side by side</h2>")
    h.append(f'<p class="small muted">{_e(PAIR_DEFINITION)}</p>')
    if not p.pairs:
        h.append("<p>No proposal/report pairs found in this batch.</p>")
    for pr in p.pairs:
        a, b = pr.proposal, pr.report
        h.append(f"<h3>{_e(a.label)} ↔ {_e(b.label)} <span class='muted small'>(similarity {pr.similarity:.2f}; "
                 f"readiness {a.review.readiness:.0f} → {b.review.readiness:.0f})</span></h3>")
        h.append("<table><thead><tr><th>Reason</th><th>Proposal</th><th>Report</th><th>Change</th></tr></thead><tbody>")
        for x in reasons:
            sa, sb = a.statuses.get(x.id), b.statuses.get(x.id)
            ca = f'<td class="s {sa.value}">{STATUS_ICON[sa]} {sa.value}</td>' if sa else "<td></td>"
            cb = f'<td class="s {sb.value}">{STATUS_ICON[sb]} {sb.value}</td>' if sb else "<td></td>"
            ch = _change(p.rubric, sa, sb)
            cls = {"improved": "okt", "worse": "misst"}.get(ch, "muted")
            h.append(f"<tr><td>{_e(x.id)} {_e(x.short)}</td>{ca}{cb}<td class='{cls}'>{_e(ch)}</td></tr>")
        h.append("</tbody></table>")
    h.append("</section>")
    if p.failed:
        h.append("<section><h2>Not reviewed</h2><ul>")
        h.extend(f"<li><b>{_e(Path(f.path).name)}</b>: {_e(_strip_path(f))}</li>" for f in p.failed)
        h.append("</ul></section>")
    h.append("</main><footer>")
    h.append(f"Engine: {_e('; '.join(p.engines) or 'n/a')}. Rubric: {_e(p.rubric.name)}, version "
             f"{_e(', '.join(p.rubric_versions) or p.rubric.version)}.")
    if len(p.rubric_versions) > 1:
        h.append(" <b>The reviews used different rubric versions; compare with care.</b>")
    h.append(" Produced by reviewer. Each finding, its quoted evidence and the fix are in the document's memo.</footer>")
    h.append("</body></html>")
    return "\n".join(h) + "\n"


# --------------------------------------------------------------------------- batch hook


def from_batch(result: BatchResult, rubric: Rubric, out_dir: Path | None = None) -> Portfolio:
    """The portfolio of a batch result (reviewed and cached documents; failures listed apart)."""
    reviews: list[Review] = []
    links: dict[str, dict[str, str]] = {}
    for o in result.outcomes:
        if o.review is None:
            continue
        reviews.append(o.review)
        fmt_links: dict[str, str] = {}
        for w in o.outputs:
            wp = Path(w)
            kind = ("docx" if wp.name.endswith(".memo.docx") else "md" if wp.name.endswith(".memo.md")
                    else "annotated" if ".annotated." in wp.name else None)
            if kind and out_dir is not None:
                try:
                    fmt_links[kind] = wp.resolve().relative_to(out_dir.resolve()).as_posix()
                except ValueError:
                    continue
        links[o.review.document.path] = fmt_links
    failed = [Failed(o.path, o.error or o.error_type or "failed") for o in result.outcomes if o.status == "failed"]
    return build_portfolio(reviews, rubric, failed=failed, links=links)


def write_portfolio(result: BatchResult, rubric: Rubric, out_dir: Path) -> list[Path]:
    """Write portfolio.html, .csv and .md into ``out_dir``; record them on ``result.portfolio``."""
    from reviewer.outputs import atomic_write, inside

    p = from_batch(result, rubric, out_dir)
    written = [
        atomic_write(inside(out_dir, "portfolio.html"), render_html(p)),
        atomic_write(inside(out_dir, "portfolio.csv"), render_csv(p)),
        atomic_write(inside(out_dir, "portfolio.md"), render_md(p)),
    ]
    result.portfolio = [str(w) for w in written]
    return written
