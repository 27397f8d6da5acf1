"""The gap memo as a Word document a consultant can edit and send.

Structure (real ``Heading 1``/``Heading 2`` styles so Word's navigation pane lists it): title block,
summary table of the reasons with coloured status cells, alerts, the article's diagnostic questions,
one section per reason (evidence with its page/section, what is missing, the fix), usage, warnings,
and an appendix of extracted facts. Core properties and zip timestamps come from the review, so the
same review renders to the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import datetime

import docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from reviewer.models import Evidence, Facts, Finding, Review, Rubric, Status
from reviewer.render.markdown import ROLE, engine_line

# Fill / text colours per status (the familiar good / neutral / bad palette).
STATUS_FILL = {Status.ADDRESSED: "C6EFCE", Status.PARTIAL: "FFEB9C", Status.MISSING: "FFC7CE"}
STATUS_TEXT = {Status.ADDRESSED: "006100", Status.PARTIAL: "9C5700", Status.MISSING: "9C0006"}
STATUS_LABEL = {Status.ADDRESSED: "Addressed", Status.PARTIAL: "Partial", Status.MISSING: "Missing"}
HEADER_FILL = "1F3864"
_ORDER = {Status.MISSING: 0, Status.PARTIAL: 1, Status.ADDRESSED: 2}


def shade(cell: _Cell, fill: str) -> None:
    """Set a table cell's background colour (``w:shd`` in the cell properties)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _cell_text(cell: _Cell, text: str, *, bold: bool = False, color: str | None = None, size: float | None = None) -> None:
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    if size:
        run.font.size = Pt(size)


def _header_row(table: Table, labels: Iterable[str]) -> None:
    for cell, label in zip(table.rows[0].cells, labels, strict=False):
        shade(cell, HEADER_FILL)
        _cell_text(cell, label, bold=True, color="FFFFFF")
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    hdr = OxmlElement("w:tblHeader")  # repeat the header row on each page
    tr_pr.append(hdr)


def _status_run(p: Paragraph, status: Status) -> None:
    run = p.add_run(STATUS_LABEL[status])
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(STATUS_TEXT[status])


def _labelled(doc: WordDocument, label: str, text: str, style: str | None = None) -> Paragraph:
    p = doc.add_paragraph(style=style)
    p.add_run(f"{label} ").bold = True
    p.add_run(text)
    return p


def _where(ev: Evidence) -> str:
    return ev.location or ev.section or (f"p. {ev.page}" if ev.page else "") or (ev.block_id or "")


def _short(rubric: Rubric, f: Finding) -> str:
    try:
        return rubric.reason(f.reason_id).short
    except KeyError:
        return f.title


def _title_block(doc: WordDocument, review: Review, rubric: Rubric) -> None:
    d = review.document
    doc.add_paragraph(f"Gap memo: {d.title or d.name}", style="Title")
    rows: list[tuple[str, str]] = [
        ("Document", f"{d.name} ({d.format.upper()}, {d.pages or '?'} page(s), sha256 {d.sha256[:12]})"),
        ("Type", f"{d.doc_type.value} ({d.doc_type_source}{': ' + d.doc_type_reason if d.doc_type_reason else ''})"),
        ("Reviewed", f"{review.reviewed_at:%d %B %Y, %H:%M} UTC"),
        ("Engine", engine_line(review).replace("`", "")),
        ("Model", review.engine.model or "none (offline screening)"),
        ("Rubric", f"{review.rubric_name}, version {review.rubric_version}"),
        ("Readiness", f"{review.readiness:.0f} / 100. {rubric.scoring_definition}"),
    ]
    if d.ocr_pages:
        rows.append(("OCR", "text on page(s) " + ", ".join(map(str, d.ocr_pages)) + " came from OCR"))
    t = doc.add_table(rows=len(rows), cols=2)
    t.style = "Table Grid"
    for row, (k, v) in zip(t.rows, rows, strict=True):
        shade(row.cells[0], "D9E2F3")
        _cell_text(row.cells[0], k, bold=True)
        _cell_text(row.cells[1], v)
    _widths(t, [Cm(3.2), Cm(13.3)])


def _widths(table: Table, widths: list[Cm]) -> None:
    table.autofit = False
    for col, w in zip(table.columns, widths, strict=False):
        col.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=False):
            cell.width = w


def _summary(doc: WordDocument, review: Review, rubric: Rubric) -> None:
    doc.add_heading("Summary", level=1)
    c = review.status_counts
    doc.add_paragraph(
        f"{c['addressed']} addressed, {c['partial']} partial, {c['missing']} missing. "
        f"Readiness {review.readiness:.0f} / 100."
    )
    t = doc.add_table(rows=1 + len(review.findings), cols=4)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _header_row(t, ["#", "Reason", "Status", "Evidence"])
    for row, f in zip(t.rows[1:], review.findings, strict=True):
        _cell_text(row.cells[0], f.reason_id, bold=True)
        _cell_text(row.cells[1], _short(rubric, f))
        shade(row.cells[2], STATUS_FILL[f.status])
        _cell_text(row.cells[2], STATUS_LABEL[f.status], bold=True, color=STATUS_TEXT[f.status])
        n = len(f.evidence)
        _cell_text(row.cells[3], f"{n} quote{'s' if n != 1 else ''}")
    _widths(t, [Cm(1.5), Cm(8.0), Cm(3.0), Cm(3.0)])
    gaps = sorted((f for f in review.findings if f.status != Status.ADDRESSED), key=lambda f: (_ORDER[f.status], f.reason_id))
    if gaps:
        tg = doc.add_paragraph()
        tg.paragraph_format.space_before = Pt(10)
        tg.add_run("Top gaps").bold = True
        for f in gaps[:3]:
            p = doc.add_paragraph(style="List Number")
            p.add_run(f"{f.reason_id} {_short(rubric, f)} ({f.status.value}): ").bold = True
            reason = next((r for r in rubric.reasons if r.id == f.reason_id), None)
            p.add_run(f.fix or (reason.fix if reason else ""))


def _alerts(doc: WordDocument, review: Review) -> None:
    if not review.alerts:
        return
    doc.add_heading("Alerts: text that must not steer a review", level=1)
    doc.add_paragraph(
        "The passages below are addressed to automated reviewers or hidden from a human reader. "
        "They were not treated as evidence."
    )
    for a in review.alerts:
        p = doc.add_paragraph(style="List Bullet")
        p.add_run(a.kind.replace("_", " ").capitalize()).bold = True
        if a.location:
            p.add_run(f" ({a.location})")
        p.add_run(f": “{a.text[:300]}”")
        if a.detail:
            p.add_run(f" {a.detail}")


def _diagnostics(doc: WordDocument, review: Review) -> None:
    if not review.diagnostics:
        return
    doc.add_heading("The three diagnostic questions", level=1)
    for q in review.diagnostics:
        doc.add_heading(f"{q.id}. {q.question}", level=2)
        doc.add_paragraph(q.answer)


def _finding(doc: WordDocument, f: Finding, rubric: Rubric) -> None:
    doc.add_heading(f"{f.reason_id} {f.title}", level=2)
    p = doc.add_paragraph()
    p.add_run("Status: ").bold = True
    _status_run(p, f.status)
    if f.downgraded_from:
        p.add_run(f" (downgraded from {f.downgraded_from.value})")
    if f.rationale:
        doc.add_paragraph().add_run(f.rationale).italic = True
    if f.evidence:
        doc.add_paragraph().add_run("Evidence").bold = True
        for ev in f.evidence:
            q = doc.add_paragraph(f"“{ev.quote}”", style="Quote")
            q.paragraph_format.left_indent = Cm(0.8)
            src = doc.add_paragraph()
            src.paragraph_format.left_indent = Cm(0.8)
            role = f" ({ROLE[ev.role]})" if ev.role != "supports" else ""
            r = src.add_run(f"— {_where(ev)}{role}")
            r.font.size = Pt(9)
            r.font.color.rgb = RGBColor.from_string("595959")
    else:
        doc.add_paragraph("Evidence: none found in the document.")
    if f.missing:
        doc.add_paragraph().add_run("What is missing").bold = True
        for m in f.missing:
            doc.add_paragraph(m, style="List Bullet")
    reason = next((r for r in rubric.reasons if r.id == f.reason_id), None)
    if f.status != Status.ADDRESSED:
        fix = f.fix or (reason.fix if reason else "")
        if fix:
            _labelled(doc, "Fix:", fix)
        if reason:
            _labelled(doc, "Why it matters:", reason.why_it_matters)
    for n in f.notes:
        doc.add_paragraph().add_run(f"Note: {n}").italic = True


def _usage(doc: WordDocument, review: Review) -> None:
    u = review.usage
    if not u.calls:
        return
    doc.add_heading("Usage and cost", level=1)
    cost = f"${u.cost_usd:.4f}" if u.cost_usd is not None else "not priced"
    src = f" (prices: {u.price_source})" if u.price_source else ""
    doc.add_paragraph(
        f"{u.calls} model call(s): {u.input_tokens} input tokens ({u.cached_tokens} cached), "
        f"{u.output_tokens} output tokens. Cost {cost}{src}."
    )


def _fact_rows(facts: Facts) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []

    def where(ev: Evidence | None) -> str:
        return _where(ev) if ev else ""

    for k in facts.commercial_kpis:
        val = f"{k.metric}; baseline {k.baseline or 'not stated'}; target {k.target or 'not stated'}"
        if k.measurement:
            val += f"; measured by {k.measurement}"
        rows.append(("Commercial KPI", val, where(k.evidence)))
    for it in facts.technical_metrics:
        rows.append(("Technical metric", it.value, where(it.evidence)))
    for label, one in (("Operational owner", facts.operational_owner), ("Sponsor", facts.sponsor),
                       ("AI portfolio owner", facts.portfolio_owner)):
        if one is not None:
            rows.append((label, one.value, where(one.evidence)))
    for it in facts.unit_costs:
        rows.append(("Unit cost", it.value, where(it.evidence)))
    for it in facts.governance:
        rows.append(("Governance", it.value, where(it.evidence)))
    return rows


def _appendix(doc: WordDocument, review: Review) -> None:
    doc.add_heading("Appendix: extracted facts", level=1)
    rows = _fact_rows(review.facts)
    if not rows:
        doc.add_paragraph(
            "No facts were extracted (the offline screening engine does not extract facts; "
            "the model engine does)." if review.engine.name == "screen" else "No facts were extracted."
        )
        return
    t = doc.add_table(rows=1 + len(rows), cols=3)
    t.style = "Table Grid"
    _header_row(t, ["Fact", "Value", "Where"])
    for row, (k, v, w) in zip(t.rows[1:], rows, strict=True):
        _cell_text(row.cells[0], k, bold=True)
        _cell_text(row.cells[1], v)
        _cell_text(row.cells[2], w, size=9)
    _widths(t, [Cm(3.5), Cm(8.5), Cm(4.5)])


def _footer(doc: WordDocument, review: Review) -> None:
    section = doc.sections[0]
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(f"{review.document.name} · rubric {review.rubric_version} · {review.cache_key} · page ")
    r.font.size = Pt(8)
    _page_field(p)


def _page_field(p: Paragraph) -> None:
    """Append a PAGE field (the current page number) to ``p``."""
    run = p.add_run()
    run.font.size = Pt(8)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    num = OxmlElement("w:t")
    num.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for el in (begin, instr, sep, num, end):
        run._r.append(el)


def _setup(doc: WordDocument, review: Review) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    title = doc.styles["Title"]
    title.font.size = Pt(22)
    for name in ("Heading 1", "Heading 2"):
        doc.styles[name].paragraph_format.keep_with_next = True
    cp = doc.core_properties
    d = review.document
    when = review.reviewed_at.replace(tzinfo=None, microsecond=0)
    cp.title = f"Gap memo: {d.title or d.name}"[:250]
    cp.subject = f"{review.rubric_name} ({review.rubric_version})"
    cp.author = "reviewer"
    cp.last_modified_by = "reviewer"
    cp.comments = f"Engine: {review.engine.label}. Cache key {review.cache_key}."
    cp.keywords = "AI pilot review; gap memo"
    cp.category = d.doc_type.value
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 1


def _stable_zip(data: bytes, when: datetime) -> bytes:
    """Rewrite the package with fixed member timestamps so equal reviews give equal bytes."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def build_memo(review: Review, rubric: Rubric) -> WordDocument:
    """Build the memo as a python-docx Document (``render_docx_memo`` serialises it)."""
    doc = docx.Document()
    _setup(doc, review)
    _title_block(doc, review, rubric)
    _summary(doc, review, rubric)
    _alerts(doc, review)
    _diagnostics(doc, review)
    doc.add_heading("Findings", level=1)
    for f in review.findings:
        _finding(doc, f, rubric)
    _usage(doc, review)
    if review.warnings:
        doc.add_heading("Warnings", level=1)
        for w in review.warnings:
            doc.add_paragraph(w, style="List Bullet")
    _appendix(doc, review)
    _footer(doc, review)
    return doc


def render_docx_memo(review: Review, rubric: Rubric) -> bytes:
    """The Word gap memo for ``review`` as .docx bytes."""
    buf = io.BytesIO()
    build_memo(review, rubric).save(buf)
    return _stable_zip(buf.getvalue(), review.reviewed_at)
