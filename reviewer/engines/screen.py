"""Offline screening engine: deterministic rules over sentences and table cells.

(First version: keyword cues per reason with negation/deferral detection. To be deepened.)
"""

from __future__ import annotations

import re

from reviewer.models import Document, EngineInfo, EngineResult, Evidence, Finding, Rubric, Status

_CUES: dict[str, list[str]] = {
    "R01": [r"\b(handling time|conversion|revenue|cost saving|savings|churn|recovery rate|fraud loss|commercial kpi)\b"],
    "R02": [r"\b(operating model|future[- ]state|process redesign|decision rights|workflow)\b"],
    "R03": [r"\b(operational owner|will own|owned by|accountable for)\b"],
    "R04": [r"\b(data pipeline|source systems?|data quality monitoring|lineage|data platform)\b"],
    "R05": [r"\b(cost per (inference|transaction|case|call)|unit cost|running cost|at scale.*cost)\b"],
    "R06": [r"\b(model risk|bias|fairness|compliance|governance|monitoring|incident response|explainab)\w*"],
    "R07": [r"\b(integrat\w+|api|crm|erp|audit trail|adjacent systems?)\b"],
    "R08": [r"\b(change management|training|adoption|communications plan)\b"],
    "R09": [r"\b(production data|live environment|live operations|real[- ]world)\b"],
    "R10": [r"\b(ai portfolio|chief ai officer|portfolio owner|cio)\b"],
}
_NEG = re.compile(r"\b(no|not|none|yet to be|to be (agreed|confirmed|decided)|tbc|tbd|if the pilot proceeds|phase 2|later)\b", re.I)


class ScreeningEngine:
    """Deterministic, explainable, no model and no key."""

    @property
    def info(self) -> EngineInfo:
        return EngineInfo(name="screen", label="offline screening engine (rules, no model)")

    def review(self, document: Document, rubric: Rubric) -> EngineResult:
        findings: list[Finding] = []
        for reason in rubric.reasons:
            pats = [re.compile(p, re.I) for p in _CUES.get(reason.id, [])]
            ev: list[Evidence] = []
            neg = 0
            for b in document.blocks:
                if any(p.search(b.text) for p in pats):
                    if _NEG.search(b.text):
                        neg += 1
                        continue
                    ev.append(Evidence(quote=b.text[:300], block_id=b.id))
            status = Status.ADDRESSED if len(ev) >= 2 else Status.PARTIAL if ev else Status.MISSING
            findings.append(
                Finding(
                    reason_id=reason.id,
                    title=reason.title,
                    status=status,
                    evidence=ev[:3],
                    rationale=f"{len(ev)} supporting passage(s), {neg} negated or deferred.",
                    missing=[] if status == Status.ADDRESSED else list(reason.look_for),
                    fix=reason.fix,
                )
            )
        return EngineResult(findings=findings)
