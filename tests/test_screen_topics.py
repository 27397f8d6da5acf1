"""The screening engine's topic fallback and out-of-scope lists.

A document that touches a reason's subject in its own words (a security certification, a separate web
portal with integration still to agree, a planning strategy that must change) but names none of the
elements of a complete answer is partial, not missing; the same words negated, or listed as out of scope,
stay missing.
"""

from __future__ import annotations

import pytest

from reviewer.models import BlockKind, Document, Status

from .helpers import sectioned_doc
from .test_screen import make_doc, review


def _doc_with_list(lead: str, items: list[str], heading: str = "Scope") -> Document:
    """A proposal with a heading, a lead-in paragraph and list items under it."""
    return sectioned_doc([(lead, BlockKind.PARAGRAPH)] + [(t, BlockKind.LIST_ITEM) for t in items], heading)


@pytest.mark.parametrize(("reason", "sentence"), [
    ("R06", "The vendor holds ISO 27001 certification and signed a data processing agreement before any data was shared."),
    ("R07", "How the scores reach the planners is open: the integration approach is to be agreed with IT."),
    ("R02", "The maintenance strategy would have to move to condition-based planning."),
    ("R05", "The licence fee is quoted per depot."),
])
def test_touching_the_subject_is_partial_not_missing(reason: str, sentence: str) -> None:
    status, why = review(make_doc([sentence]))[reason]
    assert status == Status.PARTIAL, why
    assert review(make_doc(["The pilot ran for twelve weeks in two offices."]))[reason][0] == Status.MISSING


def test_negated_subject_stays_missing() -> None:
    status, why = review(make_doc(["No security review or risk assessment was considered necessary for the trial."]))["R06"]
    assert status == Status.MISSING, why


def test_keyword_in_another_sense_is_not_the_subject() -> None:
    # training a model, a vendor's onboarding and a merger are not change management or integration
    doc = make_doc(["Onboarding can begin in July once the order form is signed.",
                    "The integration of the two claims teams after the merger is complete."])
    got = review(doc)
    assert got["R08"][0] == Status.MISSING, got["R08"][1]
    assert got["R07"][0] == Status.MISSING, got["R07"][1]


ITEM = "A data protection impact assessment and a security review of the vendor."


@pytest.mark.parametrize("lead", ["The following are out of scope for the pilot:", "Exclusions:"])
def test_items_under_an_out_of_scope_lead_in_are_not_evidence(lead: str) -> None:
    status, why = review(_doc_with_list(lead, [ITEM]))["R06"]
    assert status == Status.MISSING, why
    assert review(_doc_with_list("During the pilot we will deliver:", [ITEM]))["R06"][0] == Status.PARTIAL


def test_items_under_an_out_of_scope_heading_are_not_evidence() -> None:
    doc = _doc_with_list("These are for a later business case.", [ITEM], heading="Out of scope")
    assert review(doc)["R06"][0] == Status.MISSING
    assert review(_doc_with_list("These are part of the plan.", [ITEM], heading="Pilot plan"))["R06"][0] == Status.PARTIAL


@pytest.mark.parametrize("cur", ["INR ", "Rs ", "R", "KSh ", "US$", "EUR ", "¥", "₹"])
def test_any_currency_counts_as_money(cur: str) -> None:
    # the same sentences with dollars are addressed; the currency's form must not change that
    def text(c: str) -> list[str]:
        return [f"The measured cost is {c}1.90 per call handled by the assistant.",
                f"At full volume the annual running cost would be {c}340,000 per year, including retraining and monitoring."]
    assert review(make_doc(text("$")))["R05"][0] == Status.ADDRESSED
    status, why = review(make_doc(text(cur)))["R05"]
    assert status == Status.ADDRESSED, why


@pytest.mark.parametrize("row", ["Model and extraction cost per invoice | $0.018 | $0.018",
                                 "Document AI cost per page | n/a | $0.012",
                                 "Cost per bus per month | $19.40 | $7.90"])
def test_a_cost_per_unit_with_its_amount_after_is_a_unit_cost(row: str) -> None:
    doc = make_doc(["Economics at full volume."], rows=["Item | Pilot | Full volume", row,
                                                      "Total annual run cost | $78,700 | $233,200"])
    status, why = review(doc)["R05"]
    assert status == Status.ADDRESSED, why
    # a cost per month is a budget line, not the cost of a unit of work
    monthly = make_doc(["Economics at full volume."], rows=["Item | Pilot | Full volume", "Cost per month | $6,500 | $6,500"])
    assert review(monthly)["R05"][0] != Status.ADDRESSED


def test_money_folding_keeps_offsets_and_leaves_words_alone() -> None:
    from reviewer.engines.screen_rules import fold_money

    text = "inr 1.90 per call, rs 40 a visit, r4.7 million, us$3, eur 12; the eur zone and r2 of r&d"
    out = fold_money(text)
    assert len(out) == len(text)
    assert out.startswith("$$$ 1.90 per call, $$ 40 a visit, $4.7 million, $$$3, $$$ 12;")
    assert "the eur zone" in out  # a code with no amount after it is a word


@pytest.mark.parametrize("sentence", [
    "Fig 1: Example of the interface used by reviewers to assess and amend themes.",
    "Greedy was then chosen to integrate with the forecasting model and the UI.",
    "We hope to add in other costs in future updates.",
    "Participants connect to an online version of Zeitgeist with the same polls.",
])
def test_components_captions_and_verbs_are_not_system_integration(sentence: str) -> None:
    status, why = review(make_doc([sentence]))["R07"]
    assert status == Status.MISSING, why


def test_a_real_integration_need_in_plain_words_is_partial() -> None:
    for sentence in ("The desk will need the score inside ClaimCentre; integration will be needed and IT will advise later.",
                     "Both need proper connections before we scale; IT has them on next year's plan."):
        status, why = review(make_doc([sentence]))["R07"]
        assert status == Status.PARTIAL, (sentence, why)


@pytest.mark.parametrize("sentence", [
    "At scale the flagged invoices would have to go straight into Oracle as holds; nobody has designed that yet.",
    "Later, the risk scores will need to be shown in the case-management system the officers already use.",
    "For rollout the tool should raise maintenance tickets in ServiceNow rather than sending emails.",
    "Writing the agreed codes back into each clinic's records will be required before we scale.",
    "Linking the suggestions to the dispatch systems is left for a second phase.",
])
def test_outputs_that_must_land_in_a_named_system_are_an_integration_need(sentence: str) -> None:
    doc = make_doc(["During the pilot the team worked in the vendor's separate web portal.", sentence])
    status, why = review(doc)["R07"]
    assert status == Status.PARTIAL, (sentence, why)


@pytest.mark.parametrize("sentence", [
    "Results go into a spreadsheet that the analysts share.",
    "The pilot team will flow into other projects when it ends.",
])
def test_landing_in_a_spreadsheet_or_a_team_is_not_integration(sentence: str) -> None:
    doc = make_doc(["During the pilot the team worked in the vendor's separate web portal.", sentence])
    assert review(doc)["R07"][0] == Status.MISSING, sentence


@pytest.mark.parametrize("sentence", [
    "Meter readings reach the model automatically from the telemetry hub.",
    "Scan images are pulled from the imaging archive by a scheduled job every hour.",
    "Product descriptions are synced from the catalogue every night via its API.",
])
def test_part_of_the_data_arriving_on_its_own_is_partial_beside_a_one_off_extract(sentence: str) -> None:
    doc = make_doc(["The customer list was a one-off extract cleaned by hand.", sentence])
    status, why = review(doc)["R04"]
    assert status == Status.PARTIAL, (sentence, why)


def test_a_data_route_named_beside_privacy_is_partial_not_privacy_only() -> None:
    doc = make_doc(["All records were pseudonymised under the DPIA before use.",
                    "Test orders arrive over HL7 from the laboratory system."])
    status, why = review(doc)["R04"]
    assert status == Status.PARTIAL, why
    # privacy alone is still not a data architecture
    assert review(make_doc(["All records were pseudonymised under the DPIA before use."]))["R04"][0] == Status.MISSING


@pytest.mark.parametrize("sentence", [
    "A proactive model changes what the planning desk does: fewer manual checks and different targets.",
    "At scale the planners' targets and shift patterns would change, which we have not worked through.",
    "Changes to the claims desk's work are acknowledged but left for rollout.",
])
def test_a_pilot_in_todays_process_that_names_the_change_it_needs_is_partial(sentence: str) -> None:
    doc = make_doc(["During the pilot the tool ran inside the existing process; staff worked exactly as today.", sentence])
    status, why = review(doc)["R02"]
    assert status == Status.PARTIAL, (sentence, why)


def test_a_pilot_in_todays_process_with_no_change_named_is_missing() -> None:
    doc = make_doc(["During the pilot the tool ran inside the existing process; staff worked exactly as today."])
    assert review(doc)["R02"][0] == Status.MISSING
