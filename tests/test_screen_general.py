"""Screening rules written in general terms, each checked with wording no fixture uses.

These cover how documents tend to say things rather than particular phrases: a KPI table whose column
headings a PDF parser split off from the rows, a redesigned way of working described by what people stop
doing and keep the right to do, and a clause joined by "and" whose subject is two words long.
"""

from __future__ import annotations

import pytest

from reviewer.engines.screen import ScreeningEngine
from reviewer.models import Block, BlockKind, DocType, Document, Status

from .helpers import sectioned_doc
from .test_screen import RUBRIC, make_doc, review


def _blocks(items: list[tuple[str, BlockKind]], section: str = "Success measures") -> Document:
    return sectioned_doc(items, section)


P, ROW = BlockKind.PARAGRAPH, BlockKind.TABLE_ROW


def test_kpi_row_finds_column_headings_split_off_by_the_parser() -> None:
    doc = _blocks([("Measure", P), ("Baseline (winter 2025/26) | Pilot target", ROW), ("Source", P),
                   ("Missed appointments per week | 38 | 20", ROW), ("Booking system log", P),
                   ("Repeat calls per customer 1.7 | 1.2 | Telephony", ROW)])
    status, why = review(doc)["R01"]
    assert status == Status.ADDRESSED, why


def test_kpi_row_without_column_headings_lacks_baseline_and_target() -> None:
    doc = _blocks([("Measure", P), ("Source", P), ("Repeat calls per customer 1.7 | 1.2 | Telephony", ROW)])
    assert review(doc)["R01"][0] == Status.PARTIAL


def test_headings_from_another_section_do_not_count() -> None:
    doc = _blocks([("The measures are listed below with their sources.", P), ("The finance team will check each one monthly.", P),
                   ("Repeat calls per customer 1.7 | 1.2 | Telephony", ROW)])
    other = Block(id="b0000", kind=ROW, text="Baseline | Target", start=0, end=17, page=1, heading_path=["Pilot proposal", "Budget"])
    doc = doc.model_copy(update={"blocks": [doc.blocks[0], other, *doc.blocks[1:]]})
    assert review(doc)["R01"][0] == Status.PARTIAL


def test_a_redesigned_way_of_working_in_plain_words_is_addressed() -> None:
    doc = make_doc(["Today the dispatcher sets the arrival window and the call centre repeats it.",
                    "In the pilot the model proposes the window; dispatchers keep the right to override, and every override will need a reason code.",
                    "Call centre agents will no longer set or change windows themselves.",
                    "This is the arrangement we intend to run at scale, and the pilot is designed around it."])
    status, why = review(doc)["R02"]
    assert status == Status.ADDRESSED, why
    # the same pilot bolted onto today's routine
    plain = make_doc(["Today the dispatcher sets the arrival window and the call centre repeats it.",
                      "In the pilot the model shows a suggested window next to the existing process."])
    assert review(plain)["R02"][0] != Status.ADDRESSED


def test_need_in_a_later_clause_does_not_defer_an_earlier_one() -> None:
    # ", and every override will need ..." starts a new clause: the right to override is not deferred
    doc = make_doc(["Dispatchers keep the right to override, and every override will need a reason code."])
    assert "deferred" not in review(doc)["R02"][1]


def test_live_as_an_adjective_before_any_work_is_live_testing() -> None:
    status, why = review(make_doc(["The pilot runs on two live refinancing matters, staffed by the whole assigned team, not volunteers."]))["R09"]
    assert status == Status.ADDRESSED, why


def test_live_as_a_verb_or_a_broadcast_is_not_live_testing() -> None:
    doc = make_doc(["Our clinics serve 60,000 people who live far from a hospital.",
                    "Live news and sports stayed with the stenocaptioners throughout."])
    assert review(doc)["R09"][0] == Status.MISSING


def test_users_nominated_by_a_manager_are_not_the_workforce_at_large() -> None:
    doc = make_doc(["The tool drafted captions for live programmes in the evening schedule.",
                    "Only three caption editors, nominated by their manager, worked with it."])
    status, why = review(doc)["R09"]
    assert status == Status.PARTIAL, why


def test_rostered_staff_acting_as_part_of_the_normal_shift_is_live() -> None:
    doc = make_doc(["Site supervisors act on the alarms as part of the normal shift, on every machine in the two depots."])
    assert review(doc)["R09"][0] == Status.ADDRESSED


def test_results_written_into_a_named_products_record_is_integration() -> None:
    doc = make_doc(["The model writes a priority band and the top three reasons into the Vantix case record through the existing case API.",
                    "Every score and decision is kept in the case audit trail."])
    status, why = review(doc)["R07"]
    assert status == Status.ADDRESSED, why


def test_volunteers_alone_are_not_change_management() -> None:
    doc = make_doc(["Three volunteer reviewers from the laboratory will spend about two hours a week on the pilot."])
    assert review(doc)["R08"][0] == Status.MISSING


def test_a_programme_that_holds_several_ai_efforts_is_portfolio_context() -> None:
    got = review(make_doc(["The pilot is one of four AI initiatives in the Digital Lab Programme reporting to the site leadership team."]))["R10"]
    assert got[0] == Status.PARTIAL, got[1]
    owned = review(make_doc(["Maria Lopez, Chief Information Officer, owns the council's AI work programme of three pilots."]))["R10"]
    assert owned[0] == Status.ADDRESSED, owned[1]
    # a private-equity client's portfolio companies are not an AI portfolio
    assert review(make_doc(["Two clients, whose portfolio companies we also advise, asked for faster reviews."]))["R10"][0] == Status.MISSING


def test_a_named_task_time_or_safety_outcome_is_a_kpi_named_without_figures() -> None:
    for sentence in ("The benefit we expect is lower drafting time for caseworkers.",
                     "The benefit we expect is fewer near misses and lost-time injuries on site."):
        status, why = review(make_doc([sentence]))["R01"]
        assert status == Status.PARTIAL, (sentence, why)
    # a machine's time is not a business outcome
    assert review(make_doc(["Warning time before failure was 6.5 days; engineering time was two weeks."]))["R01"][0] == Status.MISSING


def test_a_standalone_pilot_that_names_the_integration_it_needs_is_partial() -> None:
    gap = "During the pilot the scores were exported each morning as a CSV file and shared with the CRM team by email."
    need = "Connecting the scores to the campaign management tool is planned for the production phase."
    status, why = review(make_doc([gap, need]))["R07"]
    assert status == Status.PARTIAL, why
    assert review(make_doc([gap]))["R07"][0] == Status.MISSING
    # the web application it ran in is the gap itself, not a named need
    webapp = "The assistant is a separate web application; feedback was copied back by hand into the learning platform."
    assert review(make_doc([webapp]))["R07"][0] == Status.MISSING


def test_a_change_of_work_named_for_later_is_partial() -> None:
    for sentence in ("The Tier-1 and Tier-2 split will have to be redesigned once containment rises further.",
                     "A risk-driven schedule would change how the repair crews plan their week.",
                     "The lodgement team would need to stop doing its own manual check if the tool were adopted.",
                     "At fleet scale the performance centre would need the right to set a target arrival time."):
        status, why = review(make_doc([sentence]))["R02"]
        assert status == Status.PARTIAL, (sentence, why)
    assert review(make_doc(["The website redesign went live in March."]))["R02"][0] == Status.MISSING


def test_a_planning_role_is_not_a_plan() -> None:
    doc = make_doc(["Aoife Brennan, Supply Planning Manager, took over the model and its monthly run from the analyst on 1 October."],
                   doc_type=DocType.REPORT)
    status, why = review(doc)["R03"]
    assert status == Status.ADDRESSED, why
    planned = make_doc(["Aoife Brennan, Supply Planning Manager, is planned to take over the model in October."], doc_type=DocType.REPORT)
    assert review(planned)["R03"][0] != Status.ADDRESSED


def test_the_owner_of_a_hazard_is_not_the_owner_of_the_tool() -> None:
    doc = make_doc(["This is the highest-rated risk on our hazard register and the owner of that hazard is the Plant Manager."])
    assert review(doc)["R03"][0] == Status.MISSING


def test_documenting_the_model_and_testing_for_unfair_differences_is_governance() -> None:
    doc = make_doc(["Before go-live the model will be independently validated by Group Model Risk; we will document the model to the "
                    "policy standard and test outcomes for unfair differences between customer groups."])
    status, why = review(doc)["R06"]
    assert status == Status.ADDRESSED, why


def test_a_gap_cue_denied_earlier_in_its_clause_is_not_the_gap() -> None:
    denied = make_doc(["We have designed the target process first and will run the pilot against it, rather than bolting the tool on to today's queue."])
    assert "current process" not in review(denied)["R02"][1]
    stated = make_doc(["The tool will be bolted on to today's queue for the pilot."])
    assert review(stated)["R02"][0] == Status.MISSING
    assert "current process" in review(stated)["R02"][1]


def test_training_for_the_whole_workforce_is_adoption_beyond_the_pilot() -> None:
    doc = make_doc(["All 40 radiographers, nurses and drivers across the eight clinics, not only the four pilot vehicles, "
                    "will receive two days of training before the roll-out.",
                    "The training budget is R240,000."])
    status, why = review(doc)["R08"]
    assert status == Status.ADDRESSED, why
    firm = make_doc(["We propose to budget $60,000 for firm-wide rollout: a half-day session per office and one champion per team."])
    assert review(firm)["R08"][0] == Status.ADDRESSED
    # the pilot's users described as all working with it is live testing, not change management
    users = make_doc(["All 34 clerks at the hub worked with it as part of their normal jobs."])
    assert review(users)["R08"][0] == Status.MISSING


def test_a_small_amount_per_unit_of_work_is_a_unit_cost() -> None:
    doc = make_doc(["CAD reads cost R18 per read.", "At 60,000 screens a year the annual running cost is R2,640,000 including support."])
    status, why = review(doc)["R05"]
    assert status == Status.ADDRESSED, why
    hourly = make_doc(["Analysts cost £35 per hour.", "At full volume the annual running cost is £2.6m including support."])
    assert review(hourly)["R05"][0] == Status.PARTIAL


def test_an_interface_into_a_system_people_use_is_integration() -> None:
    for sentence in ("The recommendation is returned through the lender's origination API into the existing loan screen.",
                     "Work notifications are raised in SAP PM through an interface, and the alert history is kept there.",
                     "The service reads purchase orders directly from the ERP through its standard integration layer."):
        doc = make_doc([sentence, "Each recommendation and the user's decision are written to the audit history."])
        status, why = review(doc)["R07"]
        assert status == Status.ADDRESSED, (sentence, why)
    # an API alone, landing nowhere named, is not yet integration with adjacent systems
    alone = make_doc(["The model exposes a REST API.", "Each recommendation is written to the audit history."])
    assert review(alone)["R07"][0] == Status.PARTIAL


def test_data_exported_once_is_a_one_off_extract() -> None:
    doc = make_doc(["Our data engineer exported the segments from the reservations data warehouse once, in March, and cleaned them in notebooks."])
    status, why = review(doc)["R04"]
    assert status == Status.MISSING, why
    fed = make_doc(["A nightly feed from the reservations data warehouse loads the segments, with automated data-quality checks."])
    assert review(fed)["R04"][0] == Status.ADDRESSED


def test_running_alongside_the_normal_check_is_shadow_running() -> None:
    doc = make_doc(["We ran it on real applications as they came in, alongside the normal lodgement check, so the officers could compare both."],
                   doc_type=DocType.REPORT)
    status, why = review(doc)["R09"]
    assert status == Status.PARTIAL, why


def test_stripped_or_replayed_history_with_volunteers_is_missing_even_with_live_plans() -> None:
    doc = make_doc(["For the pilot, 400 historical chromatograms will be selected, with identifiers removed.",
                    "Three volunteer reviewers will compare the tool's flags with their own.",
                    "If the pilot succeeds, we will test it on live batches in phase 2."])
    status, why = review(doc)["R09"]
    assert status == Status.MISSING, why
    replay = make_doc(["The tool generates daily recommendations for the 2025 season as if it had been live, using historical bookings.",
                       "Two revenue managers who volunteered compare them with their own decisions."])
    assert review(replay)["R09"][0] == Status.MISSING
    # redacting personal data is a privacy measure, not a curated test set
    redacted = make_doc(["The 25 users were nominated by their team leaders and worked on live correspondence.",
                         "Personal data was redacted before any text left the department's tenancy."])
    assert review(redacted)["R09"][0] == Status.PARTIAL


def test_training_for_people_of_any_trade_is_training() -> None:
    for sentence in ("The twelve validators at the pilot sites will receive two days of training and weekly huddles.",
                     "Inspectors on Line 3 received half a day of training from the integrator.",
                     "We did a 45-minute session for both branches on reading the match scores."):
        status, why = review(make_doc([sentence]))["R08"]
        assert status == Status.PARTIAL, (sentence, why)
    assert review(make_doc(["The model received two days of training on the labelled images."]))["R08"][0] == Status.MISSING


def test_results_landing_where_people_already_work_is_integration() -> None:
    for sentence in ("Agents accept or correct the link in their normal CMS screen.",
                     "Every AI result, its version and the reading radiologist are logged in RIS.",
                     "The recommendation is served by an API to the product pages on web and app."):
        doc = make_doc([sentence, "Each decision is kept in the audit trail."])
        status, why = review(doc)["R07"]
        assert status == Status.ADDRESSED, (sentence, why)
    # an acronym that is a file format is not a system
    assert review(make_doc(["Results were saved in CSV format for the analysts.", "Each decision is kept in the audit trail."]))["R07"][0] != Status.ADDRESSED


def test_owner_named_in_another_cell_of_its_row() -> None:
    doc = make_doc(["Ownership after the pilot."], rows=["Role | Name",
                    "Role: Owner of the service in production, from 1 October | Name: Dr Anjali Menon, Group Head of Revenue Cycle Operations"],
                   doc_type=DocType.REPORT)
    status, why = review(doc)["R03"]
    assert status == Status.ADDRESSED, why


def test_a_titled_owner_is_not_the_supplier_they_manage() -> None:
    doc = make_doc(["From today Priya Shah, Head of Delivery, owns CV Match: she holds the supplier relationship and decides who uses it."])
    status, why = review(doc)["R03"]
    assert status == Status.ADDRESSED, why
    assert review(make_doc(["The supplier owns the model and runs it for us."]))["R03"][0] == Status.PARTIAL


def test_items_under_a_lead_in_that_says_they_are_built_are_in_place() -> None:
    from .test_screen_topics import _doc_with_list

    items = ["Model documentation maintained by the vendor and reviewed by Group Risk.",
             "Monitoring: weekly accuracy sampling by Compliance; errors reported through the incident process.",
             "A data protection impact assessment completed before the pilot."]
    built = _doc_with_list("The pilot is designed to the standards a production system would need:", items, heading="Governance")
    status, why = review(built)["R06"]
    assert status == Status.ADDRESSED, why
    later = _doc_with_list("A production system would need:", items, heading="Governance")
    assert review(later)["R06"][0] != Status.ADDRESSED


def test_and_will_starts_a_clause_of_its_own() -> None:
    doc = make_doc(["Dana Whitfield, SVP Commercial Credit Operations, is the business owner from kick-off and will run the capability if it is scaled."])
    status, why = review(doc)["R03"]
    assert status == Status.ADDRESSED, why


def test_days_to_a_decision_is_a_kpi() -> None:
    doc = make_doc(["Days to first payment decision: baseline 23.4 days last year, target 16 days by month 6."])
    status, why = review(doc)["R01"]
    assert status == Status.ADDRESSED, why


def test_a_decision_without_a_second_sign_off_is_a_change_of_decision_rights() -> None:
    doc = make_doc(["From week 2 both units moved to a new discharge workflow.",
                    "The coordinator approves the claim without a second sign-off."])
    status, why = review(doc)["R02"]
    assert status == Status.ADDRESSED, why


def test_processing_a_change_of_circumstances_is_not_a_process_change() -> None:
    doc = make_doc(["Average days to process a change of circumstances fell from 14.2 to 9.8."], doc_type=DocType.REPORT)
    assert review(doc)["R02"][0] == Status.MISSING


def test_governance_for_when_we_go_live_is_deferred() -> None:
    doc = make_doc(["We'll set up proper model governance and an AI policy when we go GA."])
    assert review(doc)["R06"][0] == Status.MISSING


def test_data_saved_automatically_and_checked_nightly_is_an_enterprise_flow() -> None:
    doc = make_doc(["Every image is saved automatically to the plant server together with the lot number read from the MES work order.",
                    "A nightly job checks the image store and emails the maintenance team when something is out of range."])
    status, why = review(doc)["R04"]
    assert status == Status.ADDRESSED, why


def test_a_committee_that_follows_several_pilots_is_portfolio_context() -> None:
    doc = make_doc(["The Data & AI committee, which meets monthly, follows the advisor alongside two other pilots."])
    assert review(doc)["R10"][0] == Status.PARTIAL
    assert review(make_doc(["Knowledge & Innovation Committee, 30 January."]))["R10"][0] == Status.MISSING


def test_a_function_named_for_later_ownership_is_a_vague_owner() -> None:
    for sentence in ("The sales team will own the new process and the tool once the pilot ends.",
                     "If the pilot is successful the service would be led by a Principal Social Worker for Duty and Intake (post to be confirmed)."):
        status, why = review(make_doc([sentence]))["R03"]
        assert status == Status.PARTIAL, (sentence, why)
    # the pilot team running the pilot, with ownership left for later, names no owner
    doc = make_doc(["The Change Team runs the pilot; ownership will be settled at the scale decision."])
    assert review(doc)["R03"][0] == Status.MISSING
    assert review(make_doc(["Ownership will be agreed at the scale gate."]))["R03"][0] == Status.MISSING


def test_a_function_proposed_under_an_ownership_heading_is_a_vague_owner() -> None:
    from .test_screen_topics import _doc_with_list

    doc = _doc_with_list("Proposed: the E-commerce department (to be confirmed by the committee).", [], heading="Who will run it")
    status, why = review(doc)["R03"]
    assert status == Status.PARTIAL, why


def test_a_monthly_bill_is_not_a_running_cost_at_scale() -> None:
    pilot = make_doc(["The entity matching service costs A$0.40 per entity looked up.", "Cloud compute and storage cost A$1,150 per month."])
    assert review(pilot)["R05"][0] == Status.PARTIAL
    scaled = make_doc(["The entity matching service costs A$0.40 per entity looked up.",
                       "At full scale, cloud compute and storage would cost A$14,000 a year across all 12 offices."])
    assert review(scaled)["R05"][0] == Status.ADDRESSED
    table = make_doc(["Running costs."], rows=["Item | Per call | Annual", "Voice platform | $0.21 per call | $399,000",
                                               "Total | $790,000 per year (about $0.42 per call)"])
    status, why = review(table)["R05"]
    assert status == Status.ADDRESSED, why


def test_a_cost_model_being_prepared_is_not_yet_there() -> None:
    doc = make_doc(["Measured cost during the pilot was EUR 0.0011 per parcel checked.",
                    "A full run-cost model for all 38 depots is being prepared by Controlling for the November committee."])
    assert review(doc)["R05"][0] == Status.PARTIAL


def test_what_is_expected_at_scale_is_not_designed_now() -> None:
    doc = make_doc(["At scale we expect the intake role to change: agents would spend less time classifying and some teams may be merged."])
    assert review(doc)["R02"][0] == Status.PARTIAL


def test_anonymised_extracts_and_test_calls_with_volunteers_are_missing() -> None:
    for data in ("Data: an anonymised extract of 2,000 closed referrals from 2022-2024, prepared by our information team.",
                 "Twenty staff will place scripted test calls from a test number over four weeks."):
        doc = make_doc([data, "Eight volunteers from the duty team will rate the outputs."])
        status, why = review(doc)["R09"]
        assert status == Status.MISSING, (data, why)


def test_live_work_run_in_parallel_is_shadow_running() -> None:
    doc = make_doc(["The pilot uses live applications from two branches, run in parallel: analysts still spread manually in the system of record."])
    assert review(doc)["R09"][0] == Status.PARTIAL


def test_who_decides_in_the_new_flow_is_decision_rights() -> None:
    for sentence in ("Flagged claims go straight to the Total Loss Desk, which may authorise early salvage collection.",
                     "The model decides clean applications within policy; underwriters handle referrals and overrides only.",
                     "The markdown decision moved from counter chiefs to floor managers."):
        doc = make_doc(["In the target process the model scores each case at lodgement.", sentence])
        status, why = review(doc)["R02"]
        assert status == Status.ADDRESSED, (sentence, why)
    # "so we can decide what to do next" is a meeting, not a decision right
    doc = make_doc(["In the target process the model scores each case at lodgement.", "Here is a short write-up so we can decide what to do next."])
    assert review(doc)["R02"][0] != Status.ADDRESSED


def test_business_costs_and_losses_named_are_kpis() -> None:
    for sentence in ("The expected benefits are less lost generation and lower repair costs.",
                     "Downgrade losses were the reason for the project.",
                     "We expect higher postpaid conversion and a better attach rate."):
        status, why = review(make_doc([sentence]))["R01"]
        assert status == Status.PARTIAL, (sentence, why)


def test_model_governance_in_plain_operational_words_is_addressed() -> None:
    doc = make_doc(["The pilot is recorded in the company's algorithm register, with a description of the model, its data and its limits.",
                    "A drift dashboard tracks agreement weekly; a drop below 85% for two weeks stops proposals until IT reviews.",
                    "We compared agreement rates by variety and by region to make sure no group of members is graded harsher.",
                    "Each recommendation shows the three inputs that drove it most, so the operator can see why."])
    status, why = review(doc)["R06"]
    assert status == Status.ADDRESSED, why
    # drivers told why their route changed is a briefing, not model explainability
    assert review(make_doc(["Drivers got a briefing so they would understand why their stop order might change."]))["R06"][0] == Status.MISSING


def test_a_hedge_is_not_a_deferral() -> None:
    doc = make_doc(["Second line sampled 10% of notes weekly for wording that could be read as advice; error rates were tracked on a dashboard."],
                   doc_type=DocType.REPORT)
    assert "deferred" not in review(doc)["R06"][1]


def test_a_new_rule_or_lighter_step_named_for_scale_is_partial() -> None:
    for sentence in ("Letting account managers send standard quotes needs a new sign-off rule and we haven't designed it.",
                     "At scale, low-risk alerts would move to a lighter confirm-and-close review with a 10% sample.",
                     "Switch the record of classification from manual to the tool for the four layers."):
        status, why = review(make_doc([sentence]))["R02"]
        assert status == Status.PARTIAL, (sentence, why)


def test_owner_of_named_hazards_is_another_sense() -> None:
    doc = make_doc(["The Safety Officer remains the owner of the hot meal and cyclone blockage hazards; existing procedures apply."])
    assert review(doc)["R03"][0] == Status.MISSING


def test_a_probable_owner_is_tentative_and_agreeing_who_will_own_is_deferred() -> None:
    assert review(make_doc(["Once it's live, the business will own it - probably Customer Service."]))["R03"][0] == Status.PARTIAL
    doc = make_doc(["Agree with the fab who will own the classifier after deployment; this was not decided during the trial."],
                   doc_type=DocType.REPORT)
    assert review(doc)["R03"][0] == Status.MISSING


def test_a_nightly_job_that_moves_and_checks_data_is_an_enterprise_flow() -> None:
    doc = make_doc(["Stations write grades straight into the grain management system.",
                    "A nightly job moves tickets and images to the data platform, checks for missing images and flags gaps to IT."])
    status, why = review(doc)["R04"]
    assert status == Status.ADDRESSED, why
    planned = make_doc(["A group data platform with proper pipelines is being planned by Group IT as a separate project."])
    assert review(planned)["R04"][0] != Status.ADDRESSED


def test_a_director_holding_the_ai_portfolio_is_its_owner() -> None:
    doc = make_doc(["Helen Marsh, Operations Director, holds our automation and AI portfolio of three projects."])
    status, why = review(doc)["R10"]
    assert status == Status.ADDRESSED, why


def test_run_on_all_shifts_with_regular_crews_is_live() -> None:
    doc = make_doc(["The station ran on all three shifts of the line with regular crews and real routing to packing."], doc_type=DocType.REPORT)
    assert review(doc)["R09"][0] == Status.ADDRESSED
    plan = make_doc(["For the whole trial the system runs in shadow.", "The inspection team will run the system day to day on all shifts."])
    assert review(plan)["R09"][0] != Status.ADDRESSED


def test_a_report_that_dates_the_handover_to_a_named_owner_is_addressed() -> None:
    dated = make_doc(["From 1 April 2026 the Merchandising Operations Department (General Manager: Mr Kenji Arai) will own and operate the system."],
                     doc_type=DocType.REPORT)
    status, why = review(dated)["R03"]
    assert status == Status.ADDRESSED, why
    undated = make_doc(["The Merchandising Operations Department (General Manager: Mr Kenji Arai) will own and operate the system."],
                       doc_type=DocType.REPORT)
    assert review(undated)["R03"][0] == Status.PARTIAL


def test_a_sponsor_is_not_the_operational_owner() -> None:
    doc = make_doc(["The pilot was sponsored by the General Manager, Member Services, and run by the Digital Innovation team."])
    assert review(doc)["R03"][0] != Status.ADDRESSED


def test_a_vice_president_owning_the_ai_portfolio_is_its_owner() -> None:
    doc = make_doc(["This pilot is part of the enterprise AI portfolio owned by Anita Sharma, Vice-President, Enterprise AI."])
    assert review(doc)["R10"][0] == Status.ADDRESSED


def test_a_manual_pilot_that_names_the_data_link_it_needs_is_partial_on_r04() -> None:
    gap = "Loading the records into the national system currently requires a manual upload by the ICT team each week."
    need = "An interface between the staging database and the national land information system has been requested."
    status, why = review(make_doc([gap, need]))["R04"]
    assert status == Status.PARTIAL, why
    assert review(make_doc([gap]))["R04"][0] == Status.MISSING


def test_write_back_named_as_a_need_is_partial_on_r07() -> None:
    doc = make_doc(["Suggestions appeared in a separate browser window next to CAD.",
                    "Write-back of the outcome into CAD is still to be built."])
    status, why = review(doc)["R07"]
    assert status == Status.PARTIAL, why


def test_scores_written_into_a_named_product_and_seen_on_screen_are_integrated() -> None:
    doc = make_doc(["Scores are written into Salesforce Service Cloud, so the agent sees the recommended offer on the contact screen.",
                    "Every offer made is kept in the audit trail with the model version."])
    status, why = review(doc)["R07"]
    assert status == Status.ADDRESSED, why


def test_money_in_more_currencies_and_cost_per_unit_stated_later_in_the_sentence() -> None:
    for sentence in ("The OCR component is licensed from a vendor at IDR 450 per document processed.",
                     "Processing cost per folio, measured from the service provider's invoices, was KES 3.20."):
        status, why = review(make_doc([sentence, "The pilot cost KES 18.6 million."]))["R05"]
        assert status == Status.PARTIAL, (sentence, why)
    assert review(make_doc(["The supplier's licence is £42,000 per year for up to 150 named users."]))["R05"][0] == Status.PARTIAL
    pilot = make_doc(["The pilot budget is €86,000: vendor licence for the pilot period (€38,000) and integration work (€29,000)."])
    assert review(pilot)["R05"][0] == Status.MISSING


def test_the_pilot_counted_among_ai_efforts_is_portfolio_context() -> None:
    for sentence in ("This is one of three AI bets this year, each reporting to its own product lead.",
                     "The tool is entered in the AI register, and the AI oversight committee decides across seven tools."):
        status, why = review(make_doc([sentence]))["R10"]
        assert status == Status.PARTIAL, (sentence, why)


def test_a_vague_owner_once_proven_is_partial() -> None:
    for sentence in ("The business will take ownership of the model once it has been proven.",
                     "Theater Operations will own the tool once it is proven."):
        status, why = review(make_doc([sentence]))["R03"]
        assert status == Status.PARTIAL, (sentence, why)
    assert review(make_doc(["Agree an owner with the business."]))["R03"][0] == Status.MISSING


def test_a_change_to_work_named_in_other_words_is_partial() -> None:
    for sentence in ("The screening order on the ward would need to change so that flagged cases are screened first.",
                     "In future the senior inspector role could focus on flagged films only; this has not been worked out.",
                     "What happens to the visual inspectors and who makes the call on borderline parts needs to be settled before any rollout.",
                     "Whether the system should drive the reject gate, and what that means for the operator's checks, is for later."):
        status, why = review(make_doc([sentence]))["R02"]
        assert status == Status.PARTIAL, (sentence, why)


def test_authority_given_to_a_role_is_a_decision_right() -> None:
    doc = make_doc(["Before the pilot, lane openings were fixed by a roster agreed the previous evening.",
                    "During the pilot the duty manager was given authority to open or close lanes against the forecast, in a new process for the terminal."])
    status, why = review(doc)["R02"]
    assert status == Status.ADDRESSED, why


def test_output_that_becomes_work_in_another_system_is_integration() -> None:
    doc = make_doc(["Drafts appear in the sidebar of the helpdesk, inside the ticket the agent already has open.",
                    "Every draft, edit and send is stored against the ticket, so QA can see what the model proposed."])
    status, why = review(doc)["R07"]
    assert status == Status.ADDRESSED, why
    jobs = make_doc(["A flagged home creates a proactive inspection job in the repairs scheduling system through its job interface."])
    assert review(jobs)["R07"][0] != Status.MISSING


def test_putting_the_score_inside_a_system_later_is_partial() -> None:
    doc = make_doc(["Outputs will be displayed in a separate viewer.",
                    "Putting the score inside the case management system is something we will have to do for a rollout."])
    status, why = review(doc)["R07"]
    assert status == Status.PARTIAL, why


def test_a_toolbox_talk_is_training() -> None:
    assert review(make_doc(["The Line 3 crews had a 30-minute toolbox talk on the new camera."]))["R08"][0] == Status.PARTIAL


def test_training_before_phase_two_is_not_deferred() -> None:
    doc = make_doc(["Enumerators and committee members in the four pilot wards will receive two days of training before Phase 2."])
    assert review(doc)["R08"][0] == Status.PARTIAL
    later = make_doc(["Enumerators and committee members will receive two days of training in Phase 2."])
    assert review(later)["R08"][0] == Status.MISSING


def test_a_webinar_for_staff_is_training() -> None:
    assert review(make_doc(["We ran a 30-minute webinar for technicians in the 12 pilot stores."]))["R08"][0] == Status.PARTIAL


def test_time_measured_in_seconds_is_the_system_speed_not_a_kpi() -> None:
    rows = [("Measure | Target | Result", ROW), ("Scoring time per invoice | under 2 s | 0.8 s", ROW),
            ("Extraction accuracy | 95% | 96.4%", ROW)]
    status, why = review(_blocks(rows))["R01"]
    assert status == Status.MISSING, why
    # the same words measured in minutes are people's time: a commercial KPI
    people = [("Measure | Baseline | Target", ROW), ("Clerk time per invoice | 6 min | 2 min", ROW)]
    assert review(_blocks(people))["R01"][0] == Status.ADDRESSED


def test_today_and_target_columns_give_baseline_and_target_whatever_the_section() -> None:
    rows = [("Measure | Today (spring average) | Target by year end", ROW), ("Cost per collection round | £212 | £180", ROW)]
    status, why = review(_blocks(rows, section="What we want to change"))["R01"]
    assert status == Status.ADDRESSED, why
    # without the header row nothing says the figures are a measure to move
    assert review(_blocks(rows[1:], section="What we want to change"))["R01"][0] == Status.MISSING


def test_today_and_target_columns_in_a_report_are_not_a_measured_result() -> None:
    planned = [("Measure | Today | Target", ROW), ("Cost per collection round | £212 | £180", ROW)]
    doc = sectioned_doc(planned, "What we set out to change", doc_type=DocType.REPORT)
    assert review(doc)["R01"][0] == Status.PARTIAL
    measured = [("Measure | Before | After", ROW), ("Cost per collection round | £212 | £180", ROW)]
    doc = sectioned_doc(measured, "What changed", doc_type=DocType.REPORT)
    assert review(doc)["R01"][0] == Status.ADDRESSED


def test_a_report_that_names_the_business_outcome_but_did_not_measure_it_is_partial() -> None:
    lines = [("Tagging accuracy reached 94% against the pharmacists' own codes.", P),
             ("We did not measure the pharmacists' handling time during the pilot.", P)]
    doc = sectioned_doc(lines, "Results", doc_type=DocType.REPORT)
    status, why = review(doc)["R01"]
    assert status == Status.PARTIAL, why
    # the same words in a proposal: nothing commercial will be measured, so only the technical metric counts
    assert review(sectioned_doc(lines, "Success measures"))["R01"][0] == Status.MISSING


def test_today_and_target_headings_split_off_by_the_parser_still_count() -> None:
    items = [("Measure | Today | Target", P), ("Source", P), ("Cost per collection round | £212 | £180 | Fleet ledger", ROW)]
    status, why = review(_blocks(items, section="What we want to change"))["R01"]
    assert status == Status.ADDRESSED, why


def test_a_redesign_announced_and_then_listed_is_addressed() -> None:
    items = [("For the trial the booking process was redesigned:", P),
             ("the tool proposes a slot and the clerk confirms it;", BlockKind.LIST_ITEM),
             ("disputed slots go back to the yard supervisor with a reason.", BlockKind.LIST_ITEM)]
    status, why = review(_blocks(items, section="How the trial ran"))["R02"]
    assert status == Status.ADDRESSED, why
    # the same sentence with nothing listed under it names the redesign only
    assert review(_blocks([("For the trial the booking process was redesigned.", P)], section="How the trial ran"))["R02"][0] == Status.PARTIAL


def test_running_cost_in_production_is_not_a_live_test() -> None:
    doc = make_doc(["The assistant was tested on an anonymised sample of past letters in the vendor's test environment.",
                    "We have not estimated the cost of running it in production."])
    status, why = review(doc)["R09"]
    assert status == Status.MISSING, why


def test_users_a_manager_nominated_on_live_work_are_partial() -> None:
    doc = make_doc(["Each depot manager has nominated three planners, who will use the tool on live delivery runs for ten weeks."])
    status, why = review(doc)["R09"]
    assert status == Status.PARTIAL, why


def test_live_work_run_in_parallel_anywhere_in_the_clause_is_shadow_running() -> None:
    doc = make_doc(["The pilot takes live claims from the two northern regional offices and the call centre, run in parallel: "
                    "handlers still settle every claim by hand."])
    status, why = review(doc)["R09"]
    assert status == Status.PARTIAL, why


def test_an_amount_in_the_at_scale_column_is_running_cost_at_volume() -> None:
    rows = [("Cost item | Trial (two depots) | All 14 depots, per year", ROW),
            ("Routing cost per van per day | £1.10 | £0.70", ROW)]
    status, why = review(_blocks(rows, section="Costs"))["R05"]
    assert status == Status.ADDRESSED, why
    # the same row under trial-only columns is a unit cost alone
    trial = [("Cost item | Month 1 | Month 2", ROW), ("Routing cost per van per day | £1.10 | £0.70", ROW)]
    assert review(_blocks(trial, section="Costs"))["R05"][0] == Status.PARTIAL


def test_the_cost_of_each_unit_of_work_stated_as_a_sentence_is_a_unit_cost() -> None:
    doc = make_doc(["We measured the cost of each nightly reconciliation run at €2.40 in compute.",
                    "At full volume we expect a running cost of €9,000 a year across all sites."])
    status, why = review(doc)["R05"]
    assert status == Status.ADDRESSED, why


def test_an_owner_left_for_the_scale_decision_beside_the_pilot_team_is_missing() -> None:
    doc = make_doc(["The project team in Digital Services owns the tool during the pilot.",
                    "No owner for the service after the pilot has been named; that will be settled at the scale decision."])
    status, why = review(doc)["R03"]
    assert status == Status.MISSING, why
    # the pilot team alone, with nothing left for later, is a vague owner: partial
    alone = make_doc(["The project team in Digital Services owns the tool during the pilot."])
    assert review(alone)["R03"][0] == Status.PARTIAL


@pytest.mark.parametrize("sentence", [
    "Training for the other depots will be planned once a decision on full rollout is taken.",
    "Communications for the wider workforce are something we will sort out if and when we roll out.",
])
def test_change_work_left_for_the_rollout_decision_is_missing(sentence: str) -> None:
    status, why = review(make_doc([sentence], doc_type=DocType.REPORT))["R08"]
    assert status == Status.MISSING, why


def test_a_change_plan_for_the_whole_workforce_not_only_the_pilot_group_is_addressed() -> None:
    doc = make_doc(["The change plan covers all 210 Customer Contact and Billing staff, not only the pilot group, "
                    "with a half-day course for each person.",
                    "The training budget for the rollout is £48,000."])
    status, why = review(doc)["R08"]
    assert status == Status.ADDRESSED, why


def test_the_remaining_machines_are_not_the_remaining_workforce() -> None:
    doc = make_doc(["Extend the sensors to the remaining 11 conveyors next year."], doc_type=DocType.REPORT)
    assert review(doc)["R08"][0] == Status.MISSING


def test_a_deferral_to_a_named_boards_scale_decision_defers() -> None:
    doc = make_doc(["Training for the other 84 crews will be planned after the Executive Board's scale decision."], doc_type=DocType.REPORT)
    assert review(doc)["R08"][0] == Status.MISSING


def test_governance_left_for_the_scale_gate_is_missing_even_when_its_parts_are_named() -> None:
    doc = make_doc(["Governance (data protection, model risk, audit requirements): to be defined at the scale gate."])
    status, why = review(doc)["R06"]
    assert status == Status.MISSING, why
    # the same controls in place now are governance named
    now = make_doc(["Model risk is reviewed by the Model Risk team and every decision is logged for audit."])
    assert review(now)["R06"][0] != Status.MISSING


@pytest.mark.parametrize("sentence", [
    "The tool is one of the initiatives under the Smart Operations programme, alongside route planning.",
    "It would sit beside the depot scheduling trial on the region's list of innovation trials.",
    "This is the second project under our automation steering committee.",
    "The analytics team also runs four other machine-learning pilots.",
    "Each quarter the operations team looks across the three trials and decides which to fund.",
])
def test_the_pilot_counted_among_the_organisations_other_efforts_is_portfolio_context(sentence: str) -> None:
    status, why = review(make_doc([sentence]))["R10"]
    assert status == Status.PARTIAL, (sentence, why)


def test_a_pipeline_of_business_projects_is_not_an_ai_portfolio() -> None:
    doc = make_doc(["The group's pipeline of construction projects is worth £2.3bn over three years."])
    assert review(doc)["R10"][0] == Status.MISSING


def test_what_a_model_predicts_is_not_the_business_outcome() -> None:
    doc = make_doc(["The churn prediction pilot beat the old rules on every measure: AUC 0.84 against 0.66."], doc_type=DocType.REPORT)
    status, why = review(doc)["R01"]
    assert status == Status.MISSING, why
    measured = make_doc(["Monthly churn fell from 2.3% to 1.9% in the pilot regions against the control regions."], doc_type=DocType.REPORT)
    assert review(measured)["R01"][0] == Status.ADDRESSED


def test_a_kpi_table_in_the_documents_own_words_fills_the_commercial_kpi_facts() -> None:
    rows = [("Measure | Before (2025) | Target", ROW), ("Missed bin collections per 10,000 | 41 | 25", ROW),
            ("Crew overtime hours per week | 212 | 150", ROW)]
    facts = ScreeningEngine().review(_blocks(rows, section="What we want to change"), RUBRIC).facts
    got = {k.metric: (k.baseline, k.target) for k in facts.commercial_kpis}
    assert got.get("Missed bin collections per 10,000") == ("41", "25"), got
    assert got.get("Crew overtime hours per week") == ("212", "150"), got


def test_a_docx_row_that_carries_its_headings_gives_the_values_only() -> None:
    rows = [("Measure | Baseline | Pilot result", ROW), ("Measure: Jobs completed per technician per day | Baseline: 5.1 | Pilot result: 5.6", ROW)]
    doc = sectioned_doc(rows, "Results", doc_type=DocType.REPORT)
    kpi = next(k for k in ScreeningEngine().review(doc, RUBRIC).facts.commercial_kpis if "Jobs completed" in k.metric)
    assert (kpi.metric, kpi.baseline, kpi.measurement) == ("Jobs completed per technician per day", "5.1", "5.6")


@pytest.mark.parametrize("sentence", [
    "The trial was live from the first day and every roster was published to drivers in the usual way.",
    "The alerts run on the live plant and go to the engineers on shift.",
    "We ran the classifier on every new claim received at the two centres for ten weeks.",
    "Cameras were fitted to three in-service trains on the northern line.",
])
def test_live_work_in_general_words_is_live(sentence: str) -> None:
    status, why = review(make_doc([sentence], doc_type=DocType.REPORT))["R09"]
    assert status == Status.ADDRESSED, (sentence, why)


def test_observe_only_on_the_live_line_is_shadow_running() -> None:
    doc = make_doc(["The system runs on the live line in observe-only mode and does not drive the reject gate."], doc_type=DocType.REPORT)
    status, why = review(doc)["R09"]
    assert status == Status.PARTIAL, why


def test_two_periods_side_by_side_the_later_one_the_pilots_are_before_and_after() -> None:
    rows = [("Measure | Jan–Jun 2025 | Jan–Jun 2026 (pilot)", ROW), ("Missed home visits per month | 140 | 95", ROW)]
    doc = sectioned_doc(rows, "What changed", doc_type=DocType.REPORT)
    status, why = review(doc)["R01"]
    assert status == Status.ADDRESSED, why
    # two periods with no pilot among them are a trend, not a before and after
    trend = [("Measure | Jan–Jun 2024 | Jan–Jun 2025", ROW), ("Missed home visits per month | 140 | 95", ROW)]
    assert review(sectioned_doc(trend, "What changed", doc_type=DocType.REPORT))["R01"][0] != Status.ADDRESSED


@pytest.mark.parametrize("text", [
    "The Fleet Support team will look after the planner app day to day.",
    "Member Services will take the chatbot forward.",
    "Our customer contact unit will keep the assistant running.",
    "Once live, the tool will be maintained by the Estates Office.",
])
def test_who_keeps_the_tool_going_in_plain_words_is_an_owner_statement(text: str) -> None:
    # a function that will keep it going, with no accountable person: at least partial, never "no owner named"
    status, why = review(make_doc([text]))["R03"]
    assert status in (Status.PARTIAL, Status.ADDRESSED) and "No operational owner named" not in why


@pytest.mark.parametrize("text", [
    "We will take the lessons forward into the next phase.",
    "Ward nurses will look after patients as they do today.",
    "The supplier will run the pilot for twelve weeks.",
])
def test_lessons_patients_or_the_pilot_are_not_the_tool_handed_on(text: str) -> None:
    assert review(make_doc([text]))["R03"][0] != Status.ADDRESSED
    if "supplier" not in text:
        assert review(make_doc([text]))["R03"][0] == Status.MISSING
