"""Prompt templates (files in prompts/) rendered for one document. No model SDK here.

The fixed part (role, rules, rubric) is the system message and comes first; the document comes
last, as numbered blocks between delimiters, so a batch reuses the provider's prompt cache.
Templates use ``$name`` placeholders (``string.Template``); a missing placeholder is a PromptError.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template

from reviewer.errors import PromptError
from reviewer.models import Block, Document, Rubric
from reviewer.rubric import prompts_dir

_BLOCK_ID = re.compile(r"^([a-z]+)0*(\d+)$")
TEMPLATE_FILES = ("system.md", "review_request.md", "gather_request.md", "judge_request.md", "reask.md")


@dataclass(frozen=True)
class Message:
    role: str  # "system" | "user"
    content: str


@dataclass(frozen=True)
class Gathered:
    """One piece of evidence gathered from a part of a long document."""

    reason_id: str
    block_id: str
    location: str
    quote: str
    note: str
    role: str = "supports"  # supports | gap | deferred | negated | plan


class Prompts:
    """The prompt templates in a folder (the shipped prompts/ by default)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or prompts_dir()
        self.texts: dict[str, str] = {}
        for name in TEMPLATE_FILES:
            path = self.folder / name
            try:
                self.texts[name] = path.read_text(encoding="utf-8")
            except OSError as e:
                raise PromptError(f"{path}: cannot read prompt template ({e.strerror}).",
                                  hint="Restore it from the reviewer package (prompts/).") from e

    @property
    def files_hash(self) -> str:
        """Content hash of every template file, in a fixed order."""
        h = hashlib.sha256()
        for name in TEMPLATE_FILES:
            h.update(name.encode() + b"\0" + self.texts[name].encode("utf-8") + b"\0")
        return h.hexdigest()

    def render(self, name: str, **values: str) -> str:
        try:
            return Template(self.texts[name]).substitute(values).strip() + "\n"
        except (KeyError, ValueError) as e:
            raise PromptError(f"{self.folder / name}: unknown or malformed placeholder {e}.",
                              hint="Placeholders are $name; write $$ for a literal dollar sign.") from e


def render_rubric(rubric: Rubric) -> str:
    """The rubric as the model reads it: same data the screening engine uses."""
    out: list[str] = []
    for r in rubric.reasons:
        out.append(f"### {r.id} {r.title}")
        out.append(f"- proposal question: {r.question_proposal}")
        out.append(f"- report question: {r.question_report}")
        out.append(f"- addressed: {r.criteria.addressed}")
        out.append(f"- partial: {r.criteria.partial}")
        out.append(f"- missing: {r.criteria.missing}")
        if r.look_for:
            out.append(f"- a complete answer names: {'; '.join(r.look_for)}")
        out.append(f"- typical fix: {r.fix}")
        out.append("")
    out.append(f"Scoring: {rubric.scoring_definition}")
    return "\n".join(out)


def display_id(block_id: str) -> str:
    """The compact id the model sees: ``b0012`` -> ``b12`` (fewer tokens); other ids unchanged."""
    m = _BLOCK_ID.match(block_id)
    return f"{m.group(1)}{int(m.group(2))}" if m else block_id


def id_map(blocks: Sequence[Block]) -> dict[str, str]:
    """Displayed id -> real block id (and each real id to itself), to resolve the model's citations."""
    out = {b.id: b.id for b in blocks}
    for b in blocks:
        out.setdefault(display_id(b.id), b.id)
    return out


def block_line(block: Block) -> str:
    """``b12 text``, with ``[hidden]`` after the id for text a human reader would not see."""
    text = " ".join(block.text.split())
    return f"{display_id(block.id)} [hidden] {text}" if block.hidden else f"{display_id(block.id)} {text}"


def delimiter_tag(document: Document) -> str:
    """A tag the document cannot know in advance (derived from its own hash)."""
    return document.sha256[:12] if document.sha256 else "0" * 12


def render_blocks(document: Document, blocks: Sequence[Block]) -> str:
    """Blocks one per line between delimiters, a page marker where a page starts.

    Block ids are shown compactly and sections are not repeated per block (headings are blocks
    themselves): the document costs the model little more than its own tokens.
    """
    tag = delimiter_tag(document)
    lines = [f"<<<DOCUMENT {tag}>>>"]
    page: int | None = None
    for b in blocks:
        if not b.text.strip():
            continue
        if b.page is not None and b.page != page:
            lines.append(f"=== page {b.page} ===")
            page = b.page
        lines.append(block_line(b))
    lines.append(f"<<<END DOCUMENT {tag}>>>")
    return "\n".join(lines)


def _doc_values(document: Document, rubric: Rubric) -> dict[str, str]:
    return {
        "doc_type": document.doc_type.value,
        "doc_type_source": document.doc_type_source,
        "doc_type_reason": document.doc_type_reason or "no reason given",
        "document_name": document.name,
        "format": document.format.upper(),
        "block_count": str(len(document.blocks)),
        "pages": f", {document.pages} pages" if document.pages else "",
        "reason_ids": ", ".join(r.id for r in rubric.reasons),
    }


def system_message(prompts: Prompts, rubric: Rubric) -> Message:
    return Message("system", prompts.render("system.md", rubric_name=rubric.name, rubric=render_rubric(rubric)))


def review_messages(prompts: Prompts, document: Document, rubric: Rubric) -> list[Message]:
    """The one-call prompt: fixed system message, then the request with the whole document last."""
    user = prompts.render("review_request.md", **_doc_values(document, rubric),
                          document=render_blocks(document, document.blocks))
    return [system_message(prompts, rubric), Message("user", user)]


def gather_messages(prompts: Prompts, document: Document, rubric: Rubric, blocks: Sequence[Block],
                    part: int, parts: int) -> list[Message]:
    rng = f"blocks {blocks[0].id}-{blocks[-1].id}" if blocks else "empty"
    values = _doc_values(document, rubric)
    user = prompts.render("gather_request.md", **values, part=str(part), parts=str(parts), part_range=rng,
                          document=render_blocks(document, blocks))
    return [system_message(prompts, rubric), Message("user", user)]


def judge_messages(prompts: Prompts, document: Document, rubric: Rubric, gathered: Sequence[Gathered],
                   parts: int) -> list[Message]:
    tag = delimiter_tag(document)
    outline = [f"{'  ' * ((b.level or 1) - 1)}- {display_id(b.id)} {' '.join(b.text.split())[:120]}"
               for b in document.blocks if b.kind == "heading"]
    ev_lines = [f"<<<EVIDENCE {tag}>>>"]
    for rid in [r.id for r in rubric.reasons]:
        items = [g for g in gathered if g.reason_id == rid]
        ev_lines.append(f"{rid}:" + ("" if items else " (nothing gathered)"))
        for g in items:
            quote = " ".join(g.quote.split())
            note = " ".join(g.note.split())
            ev_lines.append(f"  [{display_id(g.block_id)} {g.location}] \"{quote}\" ({g.role}{': ' + note if note else ''})")
    ev_lines.append(f"<<<END EVIDENCE {tag}>>>")
    user = prompts.render("judge_request.md", **_doc_values(document, rubric), parts=str(parts),
                          outline="\n".join(outline) or "(no headings)", evidence="\n".join(ev_lines))
    return [system_message(prompts, rubric), Message("user", user)]


def reask_message(prompts: Prompts, error: str) -> Message:
    """Asked once after an answer that failed to parse or validate, with the error."""
    return Message("user", prompts.render("reask.md", error=error[:2000]))
