"""Write a review's deliverables into --out, atomically, under a collision-free stem."""

from __future__ import annotations

from pathlib import Path

from reviewer.models import Document, Review, Rubric
from reviewer.outputs import atomic_write, inside
from reviewer.render.annotate import annotate
from reviewer.render.docx_memo import render_docx_memo
from reviewer.render.markdown import render_markdown


def write_outputs(
    review: Review,
    document: Document | None,
    rubric: Rubric,
    out_dir: Path,
    stem: str,
    formats: tuple[str, ...],
    *,
    password: str | None = None,
) -> list[Path]:
    """Write each requested per-document format; return the paths written.

    ``document`` is needed only for annotated copies (it locates quotes in the original).
    """
    written: list[Path] = []
    if "md" in formats:
        written.append(atomic_write(inside(out_dir, f"{stem}.memo.md"), render_markdown(review, rubric)))
    if "json" in formats:
        written.append(atomic_write(inside(out_dir, f"{stem}.review.json"), review.model_dump_json(indent=2)))
    if "docx" in formats:
        written.append(atomic_write(inside(out_dir, f"{stem}.memo.docx"), render_docx_memo(review, rubric)))
    if "annotated" in formats and document is not None:
        data, ext = annotate(review, document, rubric, password)
        if data is not None:
            written.append(atomic_write(inside(out_dir, f"{stem}.annotated.{ext}"), data))
    return written
