"""Document-type detection on short texts written for this test (general English, no fixture phrases)."""

from __future__ import annotations

from pathlib import Path

from reviewer import DocType, parse
from tests.helpers import make_docx


def _detect(tmp_path: Path, heading: str, paras: list[str]) -> DocType:
    return parse(make_docx(tmp_path / "d.docx", paras, heading=heading)).doc_type


def test_title_decides_when_clear(tmp_path: Path) -> None:
    assert _detect(tmp_path, "Invoice Automation: Pilot Proposal", ["Background on the finance team."]) == DocType.PROPOSAL
    assert _detect(tmp_path, "Invoice Automation: Pilot Evaluation", ["Background on the finance team."]) == DocType.REPORT


def test_tense_decides_without_cues(tmp_path: Path) -> None:
    past = ["The assistant handled 4,000 queries over six weeks.", "Agents were positive and queues fell.",
            "We measured response times each week and they improved."]
    future = ["The assistant will handle queries for six weeks.", "Agents will be trained before go-live.",
              "We will measure response times each week."]
    assert _detect(tmp_path, "Virtual Assistant", past) == DocType.REPORT
    assert _detect(tmp_path, "Virtual Assistant", future) == DocType.PROPOSAL


def test_evaluation_plan_is_not_a_report(tmp_path: Path) -> None:
    paras = ["This document sets out how the pilot will run and what it will cost."]
    assert _detect(tmp_path, "Pilot Plan and Evaluation Framework", paras) == DocType.PROPOSAL


def test_override_wins_and_is_recorded(tmp_path: Path) -> None:
    p = make_docx(tmp_path / "d.docx", ["We will run a pilot."], heading="Proposal")
    doc = parse(p, doc_type="report")
    assert doc.doc_type == DocType.REPORT and doc.doc_type_source == "override"


NEUTRAL = ["The rota assistant ran in two depots.", "Next steps will be set by the board.",
           "Further work will follow if it is funded."]  # tense leans to a plan: the title has to decide


def test_a_retrospective_title_in_plain_words_reads_as_a_report(tmp_path: Path) -> None:
    for title in ("Re: Rota assistant trial — where we ended up", "Room booking pilot: what we learned",
                  "Depot Slotting Pilot — Spring 2026 Review", "How did the rota trial go?", "Rota Pilot Summary"):
        assert _detect(tmp_path, title, NEUTRAL) == DocType.REPORT, title


def test_a_plan_that_names_results_or_reviews_is_not_a_report(tmp_path: Path) -> None:
    past = ["The depots ran the old rota for years.", "Managers were frustrated and overtime grew.",
            "We observed the team for a week."]
    for title in ("Grant Application — Results We Will Be Accountable For", "Project Plan — Rota Assistant",
                  "Rota Assistant — Pilot Pitch"):
        assert _detect(tmp_path, title, past) == DocType.PROPOSAL, title
    assert _detect(tmp_path, "Pilot of Automated Timesheet Review", NEUTRAL) == DocType.PROPOSAL  # what is piloted
