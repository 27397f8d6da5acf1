"""How far two labellings of the same documents agree: a second labeller against the first, or one
reviewer against an adjudicated reference.

This is the ceiling an engine can be held to: if two careful readers agree on 75% of statuses, an
engine scored against either of them cannot be expected to reach 90%.

Figures: three-way agreement, Cohen's kappa (agreement corrected for chance, from each side's own
status shares), gap agreement (both say partial-or-missing, or both say addressed), doc-type
agreement, a confusion matrix per reason (reference x other) and the list of disagreements.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from reviewer.errors import ConfigError
from reviewer.evaluate import STATUSES, LabelledDocument, load_labels
from reviewer.models import Status


class Disagreement(BaseModel):
    file: str
    reason_id: str
    reference: Status
    other: Status
    reference_why: str = ""
    other_why: str = ""


class ReasonAgreement(BaseModel):
    items: int = 0
    agreed: int = 0
    accuracy: float | None = None
    kappa: float | None = None


class Agreement(BaseModel):
    pairs: list[tuple[str, str]] = Field(description="(reference labels file, other labels file)")
    documents: int = 0
    unmatched: list[str] = Field(default_factory=list, description="documents labelled on one side only")
    items: int = 0
    agreed: int = 0
    accuracy: float | None = None
    kappa: float | None = None
    gap_agreement: float | None = None
    doc_type_agreed: int = 0
    confusion: dict[str, dict[str, dict[str, int]]] = Field(default_factory=dict, description="reason -> reference -> other -> count")
    per_reason: dict[str, ReasonAgreement] = Field(default_factory=dict)
    disagreements: list[Disagreement] = Field(default_factory=list)


def kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of (a, b) status pairs; None when undefined (no items, or both sides use one status only)."""
    n = len(pairs)
    if not n:
        return None
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[s] * cb[s] for s in set(ca) | set(cb)) / (n * n)
    return None if pe >= 1.0 else round((po - pe) / (1 - pe), 4)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _documents(path: Path) -> dict[Path, LabelledDocument]:
    labels = load_labels(path)
    return {(path.parent / d.file).resolve(): d for d in labels.documents}


def reference_beside(other: Path, name: str = "labels.toml") -> Path:
    """The reference labels file of that name in the same folder as ``other``."""
    ref = other.parent / name
    if ref == other:
        raise ConfigError(f"labels file {other} would be compared with itself.",
                          hint=f"Name a second labelling that is not {name}, or pass --reference.")
    return ref


def agreement(pairs: Sequence[tuple[str | Path, str | Path]], reason_ids: Sequence[str] | None = None) -> Agreement:
    """Compare each (reference, other) pair of labels files, pooled; documents are matched by their resolved path."""
    if not pairs:
        raise ConfigError("no labels files given.", hint="Pass at least one pair of labels files.")
    out = Agreement(pairs=[(str(a), str(b)) for a, b in pairs])
    items: list[tuple[str, str]] = []
    per: dict[str, list[tuple[str, str]]] = {}
    gap_same = 0
    for ref_path, other_path in pairs:
        ref, other = _documents(Path(ref_path)), _documents(Path(other_path))
        out.unmatched += [str(p) for p in sorted(set(ref) ^ set(other))]
        for key in sorted(set(ref) & set(other)):
            a, b = ref[key], other[key]
            out.documents += 1
            out.doc_type_agreed += a.doc_type == b.doc_type
            name = f"{Path(ref_path).parent.name}/{a.file}"
            for rid in reason_ids or sorted(a.statuses):
                sa, sb = a.statuses.get(rid), b.statuses.get(rid)
                if sa is None or sb is None:
                    continue
                items.append((sa.value, sb.value))
                per.setdefault(rid, []).append((sa.value, sb.value))
                row = out.confusion.setdefault(rid, {s: dict.fromkeys(STATUSES, 0) for s in STATUSES})
                row[sa.value][sb.value] += 1
                gap_same += (sa == Status.ADDRESSED) == (sb == Status.ADDRESSED)
                if sa != sb:
                    out.disagreements.append(Disagreement(file=name, reason_id=rid, reference=sa, other=sb,
                                                          reference_why=a.why.get(rid, ""), other_why=b.why.get(rid, "")))
    out.items = len(items)
    out.agreed = sum(a == b for a, b in items)
    out.accuracy = _ratio(out.agreed, out.items)
    out.kappa = kappa(items)
    out.gap_agreement = _ratio(gap_same, out.items)
    out.per_reason = {rid: ReasonAgreement(items=len(ps), agreed=sum(a == b for a, b in ps),
                                           accuracy=_ratio(sum(a == b for a, b in ps), len(ps)), kappa=kappa(ps))
                      for rid, ps in sorted(per.items())}
    if not out.items:
        raise ConfigError("the labels files share no labelled document.",
                          hint="Each document is matched by its path (the labels file's folder + its `file` entry); "
                               "check both files name the same documents.")
    return out


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def render_agreement(a: Agreement, *, show: int = 0) -> str:
    """A plain-text rendering: the pooled figures, one line per reason, and up to ``show`` disagreements."""
    lines = [f"Agreement of {len(a.pairs)} pair(s) of labellings over {a.documents} document(s), {a.items} statuses",
             f"  three-way agreement {_f(a.accuracy)}   Cohen's kappa {_f(a.kappa)}   gap agreement {_f(a.gap_agreement)}   "
             f"doc type {a.doc_type_agreed}/{a.documents}", ""]
    lines.append("Per reason (rows: reference a/p/m; columns: other a/p/m)")
    for rid, r in a.per_reason.items():
        m = a.confusion[rid]
        rows = "  ".join(f"{lab[0]}:" + " ".join(f"{m[lab][o]:>2}" for o in STATUSES) for lab in STATUSES)
        lines.append(f"  {rid}  agree {_f(r.accuracy)}  kappa {_f(r.kappa):>5}   {rows}")
    if a.unmatched:
        lines += ["", f"{len(a.unmatched)} document(s) labelled on one side only:"] + [f"  {u}" for u in a.unmatched]
    if show:
        lines += ["", f"Disagreements (first {min(show, len(a.disagreements))} of {len(a.disagreements)}):"]
        for d in a.disagreements[:show]:
            lines.append(f"  {d.file} {d.reason_id}: {d.reference.value} vs {d.other.value}")
            if d.reference_why or d.other_why:
                lines.append(f"      reference: {d.reference_why}\n      other:     {d.other_why}")
    return "\n".join(lines)
