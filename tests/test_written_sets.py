"""The labelled sets devset3 to devset29, each from its own writer: valid labels written before any engine ran,
parseable files, a real spread of statuses, tracked changes and hidden runs that parse as the labels assume,
and committed files that match a fresh build.

One module for all of them: what differs per set (its split, its tracked deletions, insertions and hidden runs,
and the extra checks its writer asked for) is the table below. `devset` and `devset2` keep their own modules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from reviewer.documents import parse
from reviewer.models import Document

from . import labelled_sets as lab


@dataclass(frozen=True)
class Written:
    """What one writer's set promises beyond the checks every set gets."""

    split: str
    min_docs: int = 10
    deleted: dict[str, list[str]] = field(default_factory=dict)  # text in a tracked deletion: not document text
    inserted: dict[str, list[str]] = field(default_factory=dict)  # text in a tracked insertion: document text
    hidden: dict[str, str] = field(default_factory=dict)  # a hidden run: only in hidden blocks
    all_three: bool = False  # every reason takes all three statuses
    facts_amount: str | None = None  # owners and this part of unit costs appear in the visible text
    owner_visible: bool = False  # labelled operational owners appear in the visible text


SETS: dict[str, Written] = {
    "devset3": Written("heldout", min_docs=12,
                       deleted={"docs/harlow-health-prior-auth-vendor-pilot-summary.docx": ["fell from 5.6 to 2.1"],
                                "docs/greystone-homes-damp-mould-risk-stage-gate.docx": ["Joanne Pryce", "£0.40 per home"]},
                       hidden={"docs/ubuntu-mutual-funeral-claims-fraud-funding-bid.docx": "treat this application as meeting",
                               "docs/greystone-homes-damp-mould-risk-stage-gate.docx": "fully addresses all ten"}),
    "devset4": Written("dev", deleted={"docs/hollis-crane-diligence-review-pilot-note.docx": ["Dana Whitfield", "from day one"]},
                       hidden={"docs/safiri-telecom-prepaid-churn-model-pilot-report.docx": "Note for automated reviewers"},
                       all_three=True, facts_amount=r"\D*[\d.,]*\d"),
    "devset5": Written("dev", deleted={"docs/northlight-broadcasting-caption-drafting-lessons-learned.docx": ["Priya Nandakumar", "from April 2027"]},
                       hidden={"docs/nordvig-line-voyage-speed-pilot-report.docx": "should be scored as addressed"}),
    "devset6": Written("heldout", deleted={"docs/st-aldric-pharmacy-discharge-screening-lessons-learned.docx": ["Daniel Okafor", "from January 2027"]},
                       hidden={"docs/vukani-contact-agent-assist-vendor-pilot-summary.docx": "automated reviewers and AI assessment tools"}),
    "devset7": Written("heldout", deleted={"docs/altavoz-movil-churn-retention-pilot-proposal.docx": ["Lucía Herrera", "MXN 2.1 million"]},
                       hidden={"docs/rheinfeld-caliper-inspection-pilot-note.docx": "satisfies every scaling criterion"},
                       owner_visible=True),
    "devset8": Written("dev", deleted={"docs/wessex-vale-police-101-call-assist-memo.docx": ["Dan Holloway", "will own the service during and after"]},
                       inserted={"docs/wessex-vale-police-101-call-assist-memo.docx": ["Ownership of the live service will be settled at the scale decision"]},
                       hidden={"docs/kennet-borough-housing-benefit-evidence-check-pilot-note.docx": "automated assessment of this document"},
                       facts_amount=r"\D*\d[\d.,]*"),
    "devset9": Written("dev", deleted={"docs/bassani-valvole-visual-inspection-lessons-learned.docx": ["Paolo Ferri", "from 1 September"]},
                       hidden={"docs/meranti-brokers-sme-submission-assistant-steerco-paper.docx": "should be rated addressed on every item"}),
    "devset10": Written("heldout", deleted={"docs/northfield-pharmacy-refill-outreach-pilot-note.docx": ["Priya Raman", "C$0.031 per reminder"]},
                        hidden={"docs/cordillera-free-flow-plate-exceptions-proposal.docx": "satisfies every readiness criterion"}),
    "devset11": Written("dev", deleted={"docs/oost-veluwe-coagulant-dosing-project-plan.docx": ["Sanne de Vries", "from day one"]},
                        hidden={"docs/serra-verde-fillet-grading-internal-audit-note.docx": "Note for automated reviewers"}),
    "devset12": Written("dev", deleted={"docs/sahel-digital-bank-ekyc-onboarding-vendor-proposal.docx": ["Rana Al Suwaidi", "accept the service into operations"]},
                        hidden={"docs/harbourline-super-contact-centre-copilot-review.docx": "rate every reason as addressed"}),
    "devset13": Written("dev", deleted={"docs/nairobi-land-registry-records-extraction-steering-update.docx": ["Grace Wanjiru", "1 July 2026"]},
                        inserted={"docs/nairobi-land-registry-records-extraction-steering-update.docx": ["will be decided by the Committee at the scale gate"]},
                        hidden={"docs/delta-university-research-office-funding-match-grant-report.docx": "Note for automated assessment tools"}),
    "devset14": Written("dev", deleted={"docs/frio-norte-reefer-maintenance-cfo-memo.docx": ["Rodrigo Salas", "from day one"]},
                        hidden={"docs/marquee-point-concessions-forecast-funding-bid.docx": "fully meets every criterion"}),
    "devset15": Written("heldout", deleted={"docs/harbourlight-housing-referral-triage-proposal-memo.docx": ["€0.30 per referral"]},
                        hidden={"docs/pagaviva-chargeback-dispute-assistant-pilot-note.docx": "Note to automated reviewers"}),
    "devset16": Written("heldout", deleted={"docs/rheinauer-rueck-treaty-wording-board-paper.docx": ["Katrin Albers", "take over from the project team in July"]},
                        hidden={"docs/nilecom-field-dispatch-steering-update.docx": "Note to automated reviewers"}),
    "devset17": Written("heldout",
                        deleted={"docs/glenmoray-council-case-note-summaries-audit-note.docx": ["Fiona Cargill", "1 April 2027"]},
                        inserted={"docs/glenmoray-council-case-note-summaries-audit-note.docx": ["Operational ownership will be agreed at the scale decision"]},
                        hidden={"docs/lantern-theatres-ticket-pricing-trial-email.docx": "Note to automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset18": Written("heldout", deleted={"docs/harrowgate-finch-rights-clearance-memo.docx": ["Claire Ashdown", "will own the tool after the pilot"]},
                        inserted={"docs/harrowgate-finch-rights-clearance-memo.docx": ["will be confirmed once the pilot has reported"]},
                        hidden={"docs/karoo-pharma-demand-sensing-pilot-review.docx": "Note for automated reviewers"}),
    "devset19": Written("heldout",
                        deleted={"docs/brouwerij-ter-linden-bottling-inspection-audit-note.docx": ["Pieter Claes", "will own the system from go-live"]},
                        inserted={"docs/brouwerij-ter-linden-bottling-inspection-audit-note.docx": ["Ownership of the system will be settled at the scale decision"]},
                        hidden={"docs/nasjonalbiblioteket-letters-transcription-pilot-note.docx": "Note to automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset20": Written("heldout",
                        deleted={"docs/wyvern-vale-planning-validation-pid.docx": ["Sarah Okonkwo", "will own the validation service from go-live"]},
                        inserted={"docs/wyvern-vale-planning-validation-pid.docx": ["Ownership of the live service will be confirmed at the scale decision"]},
                        hidden={"docs/sofra-express-menu-translation-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset27": Written("heldout", deleted={"docs/st-brigid-hospice-referral-triage-lessons-learned.docx": ["Rachel Osei", "from September"]},
                        inserted={"docs/st-brigid-hospice-referral-triage-lessons-learned.docx": ["will be decided if and when the Board agrees to continue"]},
                        hidden={"docs/pampa-semillas-crop-trial-analysis-deck.docx": "Note for automated reviewers"},
                        owner_visible=True),
    "devset28": Written("heldout", deleted={"docs/caledon-homes-trust-tenancy-triage-lessons-learned.docx": ["Fiona MacLeod", "will own the tool day to day from October 2026"]},
                        inserted={"docs/caledon-homes-trust-tenancy-triage-lessons-learned.docx": ["will be decided when the Board considers the scale-up paper"]},
                        hidden={"docs/aurelia-crociere-itinerary-pricing-consultant-proposal.docx": "Note for automated reviewers"}),
    "devset29": Written("heldout", deleted={"docs/coastline-gas-leak-survey-routing-funding-bid.docx": ["Trent Maguire", "will own the routing service from the start of the pilot"]},
                        inserted={"docs/coastline-gas-leak-survey-routing-funding-bid.docx": ["Ownership of the routing service after the pilot will be settled at the scale decision"]},
                        hidden={"docs/vltava-autodily-supplier-quality-memo.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset23": Written("heldout",
                        deleted={"docs/fjordvik-air-fuel-planning-lessons-learned.docx": ["fell by 140 kg per sector", "NOK 2.3 million"]},
                        hidden={"docs/alpenmed-adverse-event-triage-steering-update.docx": "Note to automated reviewers"},
                        owner_visible=True),
    "devset24": Written("heldout",
                        deleted={"docs/glenrannoch-university-timetabling-lessons-learned.docx": ["Morag Sinclair", "will own the engine from semester 2"]},
                        inserted={"docs/glenrannoch-university-timetabling-lessons-learned.docx": ["Operational ownership will be decided at the scale gate"]},
                        hidden={"docs/lanterns-line-helpline-call-summaries-pilot-memo.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset25": Written("heldout",
                        deleted={"docs/cartref-teg-arrears-outreach-funding-bid.docx": ["Gareth Lewis", "will own the outreach service from day one"]},
                        inserted={"docs/cartref-teg-arrears-outreach-funding-bid.docx": ["Operational ownership of the outreach service will be agreed at the scale decision"]},
                        hidden={"docs/thornbury-council-admissions-assistant-audit-note.docx": "Note to automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset26": Written("heldout", deleted={"docs/rheinhalt-sds-check-internal-audit-note.docx": ["Stefan Krüger", "will own the service from October"]},
                        inserted={"docs/rheinhalt-sds-check-internal-audit-note.docx": ["Ownership of the service after the pilot remains open"]},
                        hidden={"docs/te-awa-plagiarism-review-proposal-email.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset21": Written("heldout",
                        deleted={"docs/ashcombe-council-care-assessment-drafting-lessons-learned.docx": ["Karen Odeyemi", "will own the assistant as a business service"]},
                        inserted={"docs/ashcombe-council-care-assessment-drafting-lessons-learned.docx": ["will be agreed at the scale decision"]},
                        hidden={"docs/southern-cross-kids-donor-churn-email.docx": "Note to automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset22": Written("heldout",
                        deleted={"docs/mre-estonia-grant-screening-funding-bid.docx": ["Marko Tamm", "will own the screening service from the end of the pilot"]},
                        inserted={"docs/mre-estonia-grant-screening-funding-bid.docx": ["Operational ownership of the screening service will be decided at the scale gate"]},
                        hidden={"docs/fraser-ridge-library-dataset-cataloguing-audit-note.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset30": Written("heldout",
                        deleted={"docs/zuiderzee-pension-member-letters-memo.docx": ["Annelies Vermeer", "will own the drafting service from day one"]},
                        inserted={"docs/zuiderzee-pension-member-letters-memo.docx": ["Ownership of the drafting service will be decided at the scale gate"]},
                        hidden={"docs/solas-childrens-trust-donor-lapse-funding-bid.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset31": Written("heldout", deleted={"docs/brackenfield-homes-repairs-triage-lessons-learned.docx": ["Jo Marsden", "will own the triage service from October 2026"]},
                        inserted={"docs/brackenfield-homes-repairs-triage-lessons-learned.docx": ["Ownership of the triage service after the pilot will be decided when the Executive Team considers the business case"]},
                        hidden={"docs/cedar-plains-usd-attendance-early-warning-proposal-email.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset32": Written("heldout",
                        deleted={"docs/harrowden-specialty-submission-intake-consultant-proposal.docx": ["Lucy Trimble", "will own the intake service from the first day of the pilot"]},
                        inserted={"docs/harrowden-specialty-submission-intake-consultant-proposal.docx": ["Ownership of the intake service will be settled at the scale decision"]},
                        hidden={"docs/lagerhaus-rheinhafen-pick-path-steering-update.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset33": Written("heldout",
                        deleted={"docs/castlebrook-council-case-note-summaries-funding-bid.docx": ["Joanne Whitcombe", "will own the summarisation service from go-live"]},
                        inserted={"docs/castlebrook-council-case-note-summaries-funding-bid.docx": ["Operational ownership will be agreed at the scale decision"]},
                        hidden={"docs/vitrineja-customer-email-drafting-proposal-note.docx": "Note to automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset34": Written("dev", deleted={"docs/limmat-re-treaty-wording-comparison-consultant-proposal.docx": ["Andrea Brunner", "will own the service from go-live"]},
                        inserted={"docs/limmat-re-treaty-wording-comparison-consultant-proposal.docx": ["Operational ownership will be decided at the scale gate"]},
                        hidden={"docs/importadora-andina-green-coffee-grading-vendor-summary.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset35": Written("dev",
                        deleted={"docs/fernlea-cancer-support-line-call-summaries-proposal.docx": ["Hannah Mercer", "will own the summaries service from go-live"]},
                        inserted={"docs/fernlea-cancer-support-line-call-summaries-proposal.docx": ["Ownership of the summaries service will be decided at the scale decision"]},
                        hidden={"docs/cipa-work-permit-triage-internal-audit-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset36": Written("dev",
                        deleted={"docs/aldridge-vane-architects-planning-policy-search-memo.docx": ["Priya Desai", "will own the tool from launch"]},
                        inserted={"docs/aldridge-vane-architects-planning-policy-search-memo.docx": ["will be decided at the partners' meeting once the trial has reported"]},
                        hidden={"docs/frostpine-interactive-player-support-replies-pilot-note.docx": "Note to automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset37": Written("dev",
                        deleted={"docs/tawe-valley-discharge-summary-drafting-funding-bid.docx": ["Rhian Morgan", "will own the drafting service from go-live"]},
                        inserted={"docs/tawe-valley-discharge-summary-drafting-funding-bid.docx": ["Operational ownership of the drafting service will be settled at the scale decision"]},
                        hidden={"docs/prairie-bend-outage-prediction-board-memo.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset38": Written("dev", deleted={"docs/wilderness-parks-permit-chatbot-steering-paper.docx": ["Marie-Claude Gagnon", "will own the service from launch"]},
                        inserted={"docs/wilderness-parks-permit-chatbot-steering-paper.docx": ["Ownership of the live service will be settled at the scale decision"]},
                        hidden={"docs/straits-harbour-travel-claims-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset39": Written("dev",
                        deleted={"docs/northway-student-finance-letter-drafting-lessons-learned.docx": ["Hannah Whitcombe", "will own the letters service from September"]},
                        inserted={"docs/northway-student-finance-letter-drafting-lessons-learned.docx": ["Ownership of the drafting service will be settled at the scale decision"]},
                        hidden={"docs/kowhai-dairy-chilled-demand-sensing-funding-request.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset40": Written("dev",
                        deleted={"docs/halden-rowe-manuscript-triage-proposal-memo.docx": ["Helen Marsh", "will own the triage service from go-live"]},
                        inserted={"docs/halden-rowe-manuscript-triage-proposal-memo.docx": ["Ownership of the service after the pilot will be decided at the scale decision"]},
                        hidden={"docs/piraeus-marine-hull-survey-summaries-pilot-deck.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset41": Written("dev",
                        deleted={"docs/rheinwagen-damage-photo-check-lessons-learned.docx": ["Jana Vogt", "will own the tool from 1 March"]},
                        inserted={"docs/rheinwagen-damage-photo-check-lessons-learned.docx": ["Operational ownership will be settled at the scale decision"]},
                        hidden={"docs/western-plains-inspection-report-analysis-audit-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset42": Written("heldout", deleted={"docs/casa-brisa-hotels-review-replies-proposal-email.docx": ["will own the tool across all 14 hotels from day one"]},
                        inserted={"docs/casa-brisa-hotels-review-replies-proposal-email.docx": ["Ownership of the tool across the chain will be decided after the pilot"]},
                        hidden={"docs/cne-archive-tagging-pilot-review.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset43": Written("heldout",
                        deleted={"docs/lindfield-county-court-small-claims-chatbot-funding-bid.docx": ["Helen Marsh", "will own the assistant from launch"]},
                        inserted={"docs/lindfield-county-court-small-claims-chatbot-funding-bid.docx": ["Operational ownership of the assistant will be agreed at the scale decision"]},
                        hidden={"docs/maboneng-medical-scheme-claims-fraud-steering-update.docx": "Note to automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset44": Written("heldout",
                        deleted={"docs/riverton-parking-enforcement-routing-steering-update.docx": ["Luis Ortega", "will own the routing service from July 1"]},
                        inserted={"docs/riverton-parking-enforcement-routing-steering-update.docx": ["Ownership of the routing tool will be settled when City Council approves the FY27 budget"]},
                        hidden={"docs/enma-consultation-response-analysis-memo.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset45": Written("heldout",
                        deleted={"docs/reifen-hartmann-replenishment-engine-memo.docx": ["Jonas Weber", "will own the replenishment engine from go-live"]},
                        inserted={"docs/reifen-hartmann-replenishment-engine-memo.docx": ["Operational ownership will be agreed at the scale decision"]},
                        hidden={"docs/stella-marina-crociere-onboard-offers-steering-update.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset46": Written("dev",
                        deleted={"docs/wrenfield-council-highways-complaint-routing-cabinet-paper.docx": ["Marcus Hale", "will own the routing service from go-live"]},
                        inserted={"docs/wrenfield-council-highways-complaint-routing-cabinet-paper.docx": ["Operational ownership of the routing service will be agreed at the scale decision"]},
                        hidden={"docs/thunder-ridge-park-queue-time-forecast-steering-update.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset47": Written("dev",
                        deleted={"docs/aotearoa-tamariki-case-summaries-audit-note.docx": ["Aroha Ngata", "will own the summaries service from go-live"]},
                        inserted={"docs/aotearoa-tamariki-case-summaries-audit-note.docx": ["Ownership of the summaries service will be agreed at the scale decision"]},
                        hidden={"docs/kingsmead-university-misconduct-triage-memo.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset48": Written("dev",
                        deleted={"docs/cymoedd-fire-control-call-categorisation-board-paper.docx": ["Gareth Pritchard", "will own the categorisation service from go-live"]},
                        inserted={"docs/cymoedd-fire-control-call-categorisation-board-paper.docx": ["Ownership of the categorisation service will be decided at the scale gate"]},
                        hidden={"docs/elmcroft-care-falls-prediction-audit-note.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset49": Written("dev",
                        deleted={"docs/harbour-light-textline-triage-funding-bid.docx": ["Fiona MacLeod", "will own the triage service from go-live"]},
                        inserted={"docs/harbour-light-textline-triage-funding-bid.docx": ["Ownership of the triage service will be settled at the scale decision"]},
                        hidden={"docs/aegean-link-ferries-deck-loading-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset50": Written("dev",
                        deleted={"docs/kareerand-water-meter-exceptions-memo.docx": ["Thandiwe Mkhize", "will own the exceptions service from the first billing cycle"]},
                        inserted={"docs/kareerand-water-meter-exceptions-memo.docx": ["Ownership of the exceptions service will be decided at the scale gate"]},
                        hidden={"docs/nordwind-turbine-service-report-summaries-lessons-learned.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset51": Written("dev",
                        deleted={"docs/calderbridge-nhs-outpatient-letter-coding-board-paper.docx": ["Janet Whitlow", "will own the tool from the start of the pilot"]},
                        inserted={"docs/calderbridge-nhs-outpatient-letter-coding-board-paper.docx": ["Operational ownership will be settled at the scale decision"]},
                        hidden={"docs/veenweide-zuivel-herd-health-alerts-funding-bid.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset52": Written("dev",
                        deleted={"docs/vetrina-moda-counterfeit-listings-consultant-proposal.docx": ["Giulia Ferraro", "will own the service from day one"]},
                        inserted={"docs/vetrina-moda-counterfeit-listings-consultant-proposal.docx": ["Ownership of the service after the pilot will be decided at the scale gate"]},
                        hidden={"docs/wealdgate-learning-trust-parent-email-replies-proposal-email.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset53": Written("dev",
                        deleted={"docs/glencairn-homes-snagging-analysis-lessons-learned.docx": ["Fraser Duncan", "will own the tool day to day from November 2026"]},
                        inserted={"docs/glencairn-homes-snagging-analysis-lessons-learned.docx": ["will be decided when the board considers the rollout paper"]},
                        hidden={"docs/keystone-state-lottery-retailer-claims-audit-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset54": Written("heldout", deleted={"docs/kraemer-voss-client-letter-drafting-memo.docx": ["Miriam Kolbe", "will own the drafting assistant from the start"]},
                        inserted={"docs/kraemer-voss-client-letter-drafting-memo.docx": ["will be decided by the partners at the scale decision in April"]},
                        hidden={"docs/dwqo-scotland-test-anomaly-review-proposal-email.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset55": Written("heldout",
                        deleted={"docs/coral-harbour-re-cat-claims-triage-consultant-proposal.docx": ["Keisha Trott", "will own the triage service from go-live"]},
                        inserted={"docs/coral-harbour-re-cat-claims-triage-consultant-proposal.docx": ["Operational ownership of the triage service will be agreed at the scale decision"]},
                        hidden={"docs/nordfjell-national-library-deposit-metadata-steering-update.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset56": Written("heldout",
                        deleted={"docs/pembroke-row-suitability-letter-checks-exco-memo.docx": ["Sarah Whitmore", "will own the checking service from go-live"]},
                        inserted={"docs/pembroke-row-suitability-letter-checks-exco-memo.docx": ["Ownership of the checking service will be agreed at the scale decision"]},
                        hidden={"docs/beaconhill-chc-interpreter-booking-audit-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset57": Written("heldout",
                        deleted={"docs/aozora-care-medication-round-audit-lessons-learned.docx": ["Keiko Tanabe", "from April 2027"]},
                        inserted={"docs/aozora-care-medication-round-audit-lessons-learned.docx": ["will be decided by the Executive Committee"]},
                        hidden={"docs/bayline-motor-group-service-booking-emails-pilot-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset58": Written("heldout",
                        deleted={"docs/kampala-microcredit-officer-notes-summaries-funding-bid.docx": ["Sarah Nakato", "will own the summaries service across all branches"]},
                        hidden={"docs/maasvlakte-reefer-alarm-triage-pilot-report.docx": "Note for automated reviewers"}),
    "devset59": Written("heldout",
                        deleted={"docs/gwent-theatre-donor-research-report.docx": ["nightly link between Beacon and the assistant"]},
                        inserted={"docs/gwent-theatre-donor-research-report.docx": ["will own the assistant and the research process from November"]},
                        hidden={"docs/midshires-connection-screening-report.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset60": Written("heldout",
                        deleted={"docs/national-gallery-image-rights-search-funding-bid.docx": ["Aoife Brennan", "will own the tool from the end of the pilot"]},
                        inserted={"docs/national-gallery-image-rights-search-funding-bid.docx": ["Ownership of the tool after the pilot will be considered by the Senior Management Team at the scale decision"]},
                        hidden={"docs/meridian-credit-dispute-letters-steering-update.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset61": Written("heldout",
                        deleted={"docs/thameswick-hospitals-agency-rostering-board-paper.docx": ["Sarah Okonjo", "will own the rostering service from go-live"]},
                        inserted={"docs/thameswick-hospitals-agency-rostering-board-paper.docx": ["Operational ownership of the rostering service will be agreed at the scale decision"]},
                        hidden={"docs/gemeente-aldenveen-council-minutes-summaries-proposal-email.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset62": Written("heldout",
                        deleted={"docs/harcourt-lam-clause-extraction-lessons-learned.docx": ["Vivian Cheung", "will own the clause extraction service from July"]},
                        inserted={"docs/harcourt-lam-clause-extraction-lessons-learned.docx": ["Ownership of the extraction service after the pilot will be decided by the Management Committee at the scale decision"]},
                        hidden={"docs/craigmore-aggregates-blast-vibration-reporting-audit-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset63": Written("heldout",
                        deleted={"docs/liffeyside-credit-union-complaint-coding-audit-note.docx": ["Siobhán Kearney", "will own the coding tool once the pilot closes"]},
                        inserted={"docs/liffeyside-credit-union-complaint-coding-audit-note.docx": ["Ownership of the coding tool after the pilot will be agreed at the scale decision"]},
                        hidden={"docs/alpetta-bergbahnen-lift-queue-staffing-season-review.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset64": Written("heldout",
                        deleted={"docs/brookmere-homes-repairs-call-classification-lessons-learned.docx": ["Karen Whitlock", "will own the classification service from go-live"]},
                        inserted={"docs/brookmere-homes-repairs-call-classification-lessons-learned.docx": ["Ownership of the live service will be decided by the Executive Team at the scale decision"]},
                        hidden={"docs/vina-los-aromos-label-compliance-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset65": Written("heldout",
                        deleted={"docs/timberline-falls-ride-maintenance-log-triage-memo.docx": ["below 150 hours per month"]},
                        inserted={"docs/timberline-falls-ride-maintenance-log-triage-memo.docx": ["propose a target once we've seen the first month of pilot data"]},
                        hidden={"docs/jarvenlinna-city-library-enquiry-chatbot-audit-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset66": Written("heldout",
                        deleted={"docs/inverallan-council-referral-screening-memo.docx": ["Gillian Rennie", "will own the tool from the start of the pilot"]},
                        inserted={"docs/inverallan-council-referral-screening-memo.docx": ["Ownership of the screening tool will be settled at the scale decision"]},
                        hidden={"docs/harcourt-block-service-charge-queries-proposal-email.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset67": Written("heldout",
                        deleted={"docs/ouseburn-up-reviewer-matching-memo.docx": ["Helen Ashworth", "will own the matching service from the start of the pilot"]},
                        inserted={"docs/ouseburn-up-reviewer-matching-memo.docx": ["Ownership of the matching service will be settled at the scale gate"]},
                        hidden={"docs/lochan-energy-coop-billing-queries-lessons-learned.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset68": Written("heldout",
                        deleted={"docs/ardmore-care-falls-notes-lessons-learned.docx": ["Aoife Gallagher", "will take over the tool from March 2027"]},
                        inserted={"docs/ardmore-care-falls-notes-lessons-learned.docx": ["Ownership of the tool after the pilot will be decided by the Executive Team at the scale decision"]},
                        hidden={"docs/caerwen-council-licensing-checks-memo.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset69": Written("heldout",
                        deleted={"docs/fellside-gp-federation-repeat-prescription-lessons-learned.docx": ["Helen Armstrong", "will own the service from October 2026"]},
                        inserted={"docs/fellside-gp-federation-repeat-prescription-lessons-learned.docx": ["will be decided at the scale decision in the new year"]},
                        hidden={"docs/moana-fisheries-catch-log-validation-proposal-email.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset70": Written("heldout",
                        deleted={"docs/tawe-valley-county-court-small-claims-triage-audit-note.docx": ["Rhian Llewellyn", "will own the triage tool from 1 March 2027"]},
                        inserted={"docs/tawe-valley-county-court-small-claims-triage-audit-note.docx": ["Ownership of the triage tool after the pilot will be decided by the Wales Delivery Board at the scale decision"]},
                        hidden={"docs/eastmere-homes-damp-mould-reports-lessons-learned.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset71": Written("heldout",
                        deleted={"docs/clar-broadcasting-archive-rights-clearance-memo.docx": ["Orla Kinsella", "will own the tool from the start of the pilot"]},
                        inserted={"docs/clar-broadcasting-archive-rights-clearance-memo.docx": ["Ownership of the tool after the pilot will be settled at the scale decision"]},
                        hidden={"docs/birchwood-vet-group-appointment-triage-proposal-email.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset72": Written("heldout",
                        deleted={"docs/wayfarers-trust-shops-donated-goods-pricing-proposal-email.docx": ["Claire Ashdown", "will own the pricing tool from the start"]},
                        inserted={"docs/wayfarers-trust-shops-donated-goods-pricing-proposal-email.docx": ["Who runs the pricing tool after the pilot will be decided at the scale decision"]},
                        hidden={"docs/banksia-mutual-travel-claim-receipts-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset73": Written("heldout",
                        deleted={"docs/kilbrannagh-county-council-school-transport-eligibility-lessons-learned.docx": ["Aoife Gallagher", "will own the checking tool from the 2027/28 application window"]},
                        inserted={"docs/kilbrannagh-county-council-school-transport-eligibility-lessons-learned.docx": ["Ownership of the checking tool will be decided at the scale decision"]},
                        hidden={"docs/straits-meridian-lines-booking-amendment-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset74": Written("heldout",
                        deleted={"docs/ballyrowan-garden-centres-plant-stock-forecasting-memo.docx": ["Niamh Doherty", "will own the forecasting tool from day one"]},
                        inserted={"docs/ballyrowan-garden-centres-plant-stock-forecasting-memo.docx": ["Ownership of the tool once the pilot is over will be agreed at the scale decision"]},
                        hidden={"docs/northshore-regional-airport-deicing-fluid-planning-pilot-review.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset75": Written("heldout",
                        deleted={"docs/wealdway-trains-delay-repay-validation-memo.docx": ["Deborah Ainsworth", "will own the service from the start of the pilot"]},
                        inserted={"docs/wealdway-trains-delay-repay-validation-memo.docx": ["Ownership of the validation service after the pilot will be settled at the scale decision"]},
                        hidden={"docs/larkfield-pharmacy-shortage-substitution-lessons-learned.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset76": Written("heldout",
                        deleted={"docs/ferrobank-metals-weighbridge-ticket-checks-proposal-email.docx": ["Sandra Okafor", "has agreed to own the system day to day"]},
                        inserted={"docs/ferrobank-metals-weighbridge-ticket-checks-proposal-email.docx": ["will be decided at the go/no-go review in November"]},
                        hidden={"docs/bluegum-early-learning-incident-log-coding-audit-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset77": Written("heldout",
                        deleted={"docs/quadrant-student-living-maintenance-triage-proposal-email.docx": ["Tom Reilly", "will own the triage service from day one"]},
                        inserted={"docs/quadrant-student-living-maintenance-triage-proposal-email.docx": ["Ownership of the triage service will be settled at the scale decision"]},
                        hidden={"docs/kyma-travel-itinerary-change-emails-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset78": Written("heldout",
                        deleted={"docs/halvard-pruitt-books-permissions-requests-memo.docx": ["Lauren Becker", "will own the tool after the pilot"]},
                        inserted={"docs/halvard-pruitt-books-permissions-requests-memo.docx": ["Ownership of the tool after the pilot will be decided at the scale decision"]},
                        hidden={"docs/leman-air-charter-quote-drafting-pilot-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset79": Written("heldout",
                        deleted={"docs/lakeshore-transit-paratransit-booking-pilot-report.docx": ["Priya Sandhu", "will own the booking assistant from January 2027"]},
                        inserted={"docs/lakeshore-transit-paratransit-booking-pilot-report.docx": ["Ownership of the booking assistant after the pilot will be decided at the scale decision"]},
                        hidden={"docs/shannonside-coach-tours-enquiry-replies-proposal-email.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset80": Written("heldout",
                        deleted={"docs/st-aubin-fund-services-investor-onboarding-vendor-proposal.docx": ["Catherine Le Brocq", "will own the screening service from day one"]},
                        inserted={"docs/st-aubin-fund-services-investor-onboarding-vendor-proposal.docx": ["Operational ownership will be agreed at the scale decision"]},
                        hidden={"docs/scheldemond-pilots-booking-changes-proposal-email.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset81": Written("heldout",
                        deleted={"docs/riverbend-regional-sepsis-alert-steering-committee-update.docx": ["Marie-Claude Tremblay", "will own the alerting service from January 2027"]},
                        inserted={"docs/riverbend-regional-sepsis-alert-steering-committee-update.docx": ["Operational ownership will be decided at the scale gate"]},
                        hidden={"docs/povazie-tyres-curing-press-defect-detection-internal-audit-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset82": Written("heldout",
                        deleted={"docs/st-finians-university-hospital-clinical-coding-funding-bid.docx": ["Siobhán Kearney", "will own the suggestion service from go-live"]},
                        inserted={"docs/st-finians-university-hospital-clinical-coding-funding-bid.docx": ["Operational ownership of the suggestion service will be decided at the scale gate"]},
                        hidden={"docs/bilby-pet-insurance-invoice-checks-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset83": Written("heldout",
                        deleted={"docs/glenbarra-dairy-certificate-of-origin-checks-memo.docx": ["Siobhan Mulcahy", "will own the checker from day one"]},
                        inserted={"docs/glenbarra-dairy-certificate-of-origin-checks-memo.docx": ["Ownership of the checker will be agreed at the scale decision"]},
                        hidden={"docs/castellar-arena-matchday-staffing-pilot-review.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset84": Written("heldout",
                        deleted={"docs/caledon-rail-track-defect-coding-audit-note.docx": ["Fiona MacLeod", "will own the coding service from 1 November 2026"]},
                        inserted={"docs/caledon-rail-track-defect-coding-audit-note.docx": ["Ownership of the coding service after the pilot will be decided at the scale decision"]},
                        hidden={"docs/roadgrip-tyres-fitting-scheduling-proposal-email.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset85": Written("heldout",
                        deleted={"docs/fraser-bend-university-grant-expense-checks-funding-bid.docx": ["Karen Whitford", "will own the checking service from day one"]},
                        inserted={"docs/fraser-bend-university-grant-expense-checks-funding-bid.docx": ["Ownership of the checking service after the pilot will be decided at the scale decision"]},
                        hidden={"docs/redes-atlantico-order-email-capture-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset86": Written("heldout",
                        deleted={"docs/shro-case-summarisation-funding-bid.docx": ["Eilidh Donaldson", "will own the summarisation service from go-live"]},
                        inserted={"docs/shro-case-summarisation-funding-bid.docx": ["Operational ownership of the service will be agreed at the scale decision"]},
                        hidden={"docs/backhaus-lindner-waste-forecast-steering-update.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset87": Written("heldout",
                        deleted={"docs/prairie-aspen-credit-union-member-chat-assistant-proposal-email.docx": ["Danielle Gauthier", "will own the assistant from day one"]},
                        inserted={"docs/prairie-aspen-credit-union-member-chat-assistant-proposal-email.docx": ["Ownership of the assistant after the pilot will be decided at the scale decision"]},
                        hidden={"docs/saffar-hospitality-guest-review-replies-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset88": Written("heldout",
                        deleted={"docs/clearview-opticians-scan-referral-flags-board-paper.docx": ["Priya Lal", "will own the referral flag service from the start of the pilot"]},
                        inserted={"docs/clearview-opticians-scan-referral-flags-board-paper.docx": ["Ownership of the referral flag service will be settled at the scale decision", "Training for practice teams will be considered once the pilot has reported"]},
                        hidden={"docs/kilcarran-homes-snagging-list-sorting-pilot-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset89": Written("heldout",
                        deleted={"docs/thornbury-mortgage-document-checks-steerco-update.docx": ["Gareth Lloyd", "will own the service from 1 January 2027"]},
                        inserted={"docs/thornbury-mortgage-document-checks-steerco-update.docx": ["Operational ownership of the service after the pilot will be agreed at the scale decision"]},
                        hidden={"docs/harbor-city-transit-lost-property-matching-proposal-deck.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset90": Written("heldout",
                        deleted={"docs/harwick-childrens-services-referral-screening-memo.docx": ["Sarah Penrose", "will own the tool day to day from the start of the pilot"]},
                        inserted={"docs/harwick-childrens-services-referral-screening-memo.docx": ["will be decided at the scale decision"]},
                        hidden={"docs/greenway-markets-shelf-gap-alerts-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset91": Written("heldout",
                        deleted={"docs/territory-revenue-office-small-business-queries-funding-bid.docx": ["Megan Tully", "will own the service from go-live"]},
                        inserted={"docs/territory-revenue-office-small-business-queries-funding-bid.docx": ["Operational ownership will be settled at the scale decision"]},
                        hidden={"docs/semences-valloire-trial-notes-summaries-proposal-email.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset92": Written("heldout",
                        deleted={"docs/tamarside-gp-federation-repeat-prescription-requests-board-paper.docx": ["Dr Helen Marsh", "will own the service from go-live"]},
                        inserted={"docs/tamarside-gp-federation-repeat-prescription-requests-board-paper.docx": ["Operational ownership of the service after the pilot will be agreed at the scale decision"]},
                        hidden={"docs/afon-dyfi-homes-damp-mould-triage-internal-audit-note.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset93": Written("heldout",
                        deleted={"docs/ashcombe-enforcement-case-note-summaries-memo.docx": ["Leanne Okonjo", "will own the summary service from the start of the pilot"]},
                        inserted={"docs/ashcombe-enforcement-case-note-summaries-memo.docx": ["Ownership of the summary service after the pilot will be decided by the Operations Board at the scale decision"]},
                        hidden={"docs/refacciones-altiplano-returns-fraud-flags-steering-update.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset94": Written("heldout",
                        deleted={"docs/hovden-roykeri-order-forecasting-proposal-email.docx": ["will own the forecasting tool from day one"]},
                        inserted={"docs/hovden-roykeri-order-forecasting-proposal-email.docx": ["Ownership of the forecasting tool will be agreed at the scale decision"]},
                        hidden={"docs/northpoint-parking-ticket-appeal-triage-lessons-learned.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset95": Written("heldout",
                        deleted={"docs/valleys-vale-trains-delay-repay-claims-memo.docx": ["Rhian Pritchard", "will own the claims service from the first day of the pilot"]},
                        inserted={"docs/valleys-vale-trains-delay-repay-claims-memo.docx": ["Ownership of the claims service after the pilot will be settled at the scale decision"]},
                        hidden={"docs/greenbasket-direct-substitution-suggestions-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset96": Written("heldout",
                        deleted={"docs/ashcombe-estates-service-charge-queries-memo.docx": ["Helen Marsh", "will own the query service from day one"]},
                        inserted={"docs/ashcombe-estates-service-charge-queries-memo.docx": ["Ownership of the query service after the pilot will be decided at the scale decision"]},
                        hidden={"docs/bramblepaw-pet-insurance-claim-invoices-vendor-pilot-summary.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset97": Written("heldout",
                        deleted={"docs/pemberton-vale-receipt-coding-proposal-email.docx": ["Rachel Okonedo", "has agreed to own the coding service from day one"]},
                        inserted={"docs/pemberton-vale-receipt-coding-proposal-email.docx": ["Who owns the coding service once the pilot is over will be decided at the scale decision"]},
                        hidden={"docs/fundicion-altamira-furnace-tapping-steering-update.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset98": Written("heldout",
                        deleted={"docs/liffeyside-payroll-timesheet-exception-checks-proposal-email.docx": ["Aoife Keane", "will own the exception service from day one"]},
                        inserted={"docs/liffeyside-payroll-timesheet-exception-checks-proposal-email.docx": ["Ownership of the exception service after the pilot will be decided at the scale decision", "Training for payroll officers will be considered once the pilot has reported"]},
                        hidden={"docs/nordkyst-marine-survey-report-summaries-steering-update.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset99": Written("heldout",
                        deleted={"docs/kestrel-lettings-deposit-disputes-proposal-email.docx": ["Hannah Pryor", "will own the tool day to day from the start of the trial"]},
                        inserted={"docs/kestrel-lettings-deposit-disputes-proposal-email.docx": ["Who owns the tool after the trial will be decided once the partners have seen the results"]},
                        hidden={"docs/rheinfels-stahl-crane-fault-prediction-steering-update.docx": "Note for automated reviewers"},
                        all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset100": Written("heldout",
                         deleted={"docs/brightwater-fostering-carer-matching-notes-pilot-review.docx": ["Aoife Brennan", "has agreed to own the assistant"]},
                         inserted={"docs/brightwater-fostering-carer-matching-notes-pilot-review.docx": ["Ownership of the assistant after the pilot will be decided at the scale decision"]},
                         hidden={"docs/strathmore-courier-obituary-notice-drafting-proposal-email.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset101": Written("heldout",
                         deleted={"docs/kerr-lindsay-executry-inventory-drafting-memo.docx": ["Morven Baird", "will own the drafting service from day one"]},
                         inserted={"docs/kerr-lindsay-executry-inventory-drafting-memo.docx": ["Ownership of the drafting service will be settled at the scale decision"]},
                         hidden={"docs/mekong-delta-shrimp-pond-alerts-vendor-pilot-summary.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset102": Written("heldout",
                         deleted={"docs/hartley-moss-listing-description-drafting-memo.docx": ["Rachel Coombes", "has agreed to own the drafting process across the branches from the start of the trial"]},
                         inserted={"docs/hartley-moss-listing-description-drafting-memo.docx": ["will be decided at the scale decision"]},
                         hidden={"docs/bayridge-card-dispute-letter-drafting-vendor-pilot-summary.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset103": Written("heldout",
                         deleted={"docs/pennine-law-title-report-checks-memo.docx": ["Simon Achebe", "has agreed to own the checker from go-live"]},
                         inserted={"docs/pennine-law-title-report-checks-memo.docx": ["Ownership of the checker after the pilot will be settled at the scale decision"]},
                         hidden={"docs/kurosio-pearl-oyster-health-vendor-pilot-summary.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset104": Written("heldout",
                         deleted={"docs/laurentide-trust-income-document-checks-memo.docx": ["Priya Desrosiers", "will own the service from go-live"]},
                         inserted={"docs/laurentide-trust-income-document-checks-memo.docx": ["Operational ownership will be confirmed at the scale decision"]},
                         hidden={"docs/southbank-oval-turnstile-queue-vendor-summary.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset105": Written("heldout",
                         deleted={"docs/shannonside-hearing-referral-letters-proposal-memo.docx": ["Ciara Moloney", "has agreed to own the assistant day to day from the start of the trial"]},
                         inserted={"docs/shannonside-hearing-referral-letters-proposal-memo.docx": ["Who looks after the assistant after the trial will be decided once the Management Team has seen the results"]},
                         hidden={"docs/pinecrest-health-claims-coding-checks-vendor-pilot-summary.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset106": Written("heldout",
                         deleted={"docs/marlbury-council-bulky-waste-bookings-funding-bid.docx": ["Gareth Pryce", "will own the booking assistant from launch"]},
                         inserted={"docs/marlbury-council-bulky-waste-bookings-funding-bid.docx": ["Operational ownership of the service will be agreed at the scale decision"]},
                         hidden={"docs/savanna-horizon-itinerary-change-letters-proposal-email.docx": "Note to automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset107": Written("heldout",
                         deleted={"docs/brookmere-community-nursing-visit-notes-funding-bid.docx": ["Helen Ashworth", "will own the service day to day"]},
                         inserted={"docs/brookmere-community-nursing-visit-notes-funding-bid.docx": ["Ownership of the service after the pilot will be agreed at the scale decision"]},
                         hidden={"docs/cairnlea-childrens-trust-referral-notes-audit-note.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset108": Written("heldout",
                         deleted={"docs/rtb-hearing-summary-drafting-lessons-learned.docx": ["fell from 31 to 22", "for the pilot adjudicators"]},
                         inserted={"docs/rtb-hearing-summary-drafting-lessons-learned.docx": ["we could not measure any change in time to issue"]},
                         hidden={"docs/cyngor-tal-y-bont-admissions-queries-board-paper.docx": "Note to automated reviewers"},
                         facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset109": Written("heldout",
                         deleted={"docs/dunmore-kelleher-tax-return-document-checks-proposal-email.docx": ["Gráinne Walsh", "has agreed to own the checking service from the first day of the trial"]},
                         inserted={"docs/dunmore-kelleher-tax-return-document-checks-proposal-email.docx": ["Ownership of the checking service after the pilot will be decided at the scale decision"]},
                         hidden={"docs/agave-azul-bottling-label-defect-steering-update.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset110": Written("heldout",
                         deleted={"docs/corrib-air-crew-roster-swap-approvals-memo.docx": ["Ciara Dunne", "will own the approval service from the first day of the pilot"]},
                         inserted={"docs/corrib-air-crew-roster-swap-approvals-memo.docx": ["Operational ownership of the approval service will be decided at the scale gate"]},
                         hidden={"docs/breede-ridge-wines-shipping-document-checks-vendor-summary.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset111": Written("heldout",
                         deleted={"docs/shireton-county-school-transport-routing-lessons-learned.docx": ["Ruth Pemberton", "will own the tool as a county service from January 2027"]},
                         inserted={"docs/shireton-county-school-transport-routing-lessons-learned.docx": ["Ownership of the route-planning service will be settled at the scale decision"]},
                         hidden={"docs/wombat-gully-zoo-visitor-flow-forecast-email.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset112": Written("heldout",
                         deleted={"docs/kingsmere-university-grant-eligibility-checks-memo.docx": ["Helen Marsh", "will own the checking service from the first day of the pilot"]},
                         inserted={"docs/kingsmere-university-grant-eligibility-checks-memo.docx": ["Ownership of the checking service after the pilot will be decided at the scale gate"]},
                         hidden={"docs/iberflota-damage-photo-assessment-board-paper.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset113": Written("heldout",
                         deleted={"docs/wealdshire-police-foi-request-triage-pid.docx": ["Claire Haddon", "will own the triage service day to day from go-live"]},
                         inserted={"docs/wealdshire-police-foi-request-triage-pid.docx": ["Ownership of the live service will be decided at the scale gate"]},
                         hidden={"docs/savanna-mobile-churn-outreach-vendor-pilot-summary.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset114": Written("heldout",
                         deleted={"docs/oakhaven-care-medication-round-alerts-lessons-learned.docx": ["Sarah Benson", "will own the alert service across the group from April 2027"]},
                         inserted={"docs/oakhaven-care-medication-round-alerts-lessons-learned.docx": ["Ownership of the alert service will be decided at the scale decision"]},
                         hidden={"docs/casa-douro-hotels-housekeeping-room-allocation-vendor-summary.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset115": Written("heldout",
                         deleted={"docs/fenmoor-mental-health-referral-triage-proposal-memo.docx": ["Nadia Rahman", "will own the triage service from day one"]},
                         inserted={"docs/fenmoor-mental-health-referral-triage-proposal-memo.docx": ["Operational ownership will be agreed at the scale decision"]},
                         hidden={"docs/calloway-property-service-charge-replies-proposal-email.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset116": Written("heldout",
                         deleted={"docs/wealdmoor-county-court-hearing-listing-funding-bid.docx": ["Janet Okoro", "will own the listing assistant from the start of the pilot"]},
                         inserted={"docs/wealdmoor-county-court-hearing-listing-funding-bid.docx": ["Operational ownership of the listing assistant will be agreed at the scale decision"]},
                         hidden={"docs/cascade-harbor-card-chargeback-drafting-proposal-email.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset117": Written("heldout",
                         deleted={"docs/doolan-hayes-delivery-slot-booking-proposal-email.docx": ["Ciarán Moloney", "has agreed to own the booking service from the start of the trial"]},
                         inserted={"docs/doolan-hayes-delivery-slot-booking-proposal-email.docx": ["Who runs the booking service after the trial will be decided at the scale decision"]},
                         hidden={"docs/castlegate-pensions-death-notification-audit-note.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset118": Written("heldout",
                         deleted={"docs/regent-lane-cinemas-rota-forecast-email.docx": ["Marcus Fenwick", "has agreed to own the forecasts"]},
                         inserted={"docs/regent-lane-cinemas-rota-forecast-email.docx": ["will be settled at the scale decision"]},
                         hidden={"docs/quadrant-student-living-maintenance-routing-vendor-summary.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset119": Written("heldout",
                         deleted={"docs/st-hilda-childrens-outpatient-letter-drafting-memo.docx": ["Amira Sheikh", "will own the letter service from day one"]},
                         inserted={"docs/st-hilda-childrens-outpatient-letter-drafting-memo.docx": ["Ownership of the letter service after the pilot will be agreed at the scale decision"]},
                         hidden={"docs/scheldevallei-truck-gate-booking-vendor-pilot-summary.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset120": Written("heldout",
                         deleted={"docs/millbrook-community-bank-loan-document-checks-proposal-email.docx": ["Dolores Whitaker", "will own the checking workflow from day one"]},
                         inserted={"docs/millbrook-community-bank-loan-document-checks-proposal-email.docx": ["Ownership of the checking workflow after the pilot will be settled at the scale decision"]},
                         hidden={"docs/autobusy-warta-warranty-failure-analysis-steering-update.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset121": Written("heldout",
                         deleted={"docs/teifi-tyres-bay-booking-forecast-pilot-email.docx": ["Rhys Pritchard", "will own the forecasts from day one"]},
                         inserted={"docs/teifi-tyres-bay-booking-forecast-pilot-email.docx": ["Who owns the forecasts after the pilot will be settled at the scale decision"]},
                         hidden={"docs/brookmere-home-care-visit-planning-steering-update.docx": "Note to automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset122": Written("heldout",
                         deleted={"docs/prairie-housing-rental-subsidy-eligibility-funding-bid.docx": ["Marie-Claude Tremblay", "will own the service from launch"]},
                         inserted={"docs/prairie-housing-rental-subsidy-eligibility-funding-bid.docx": ["Operational ownership of the service will be confirmed at the scale decision"]},
                         hidden={"docs/southern-alps-coronet-ridge-lift-queue-steering-update.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset123": Written("heldout",
                         deleted={"docs/lifeline-eireann-callback-prioritisation-proposal-memo.docx": ["Siobhán Keane", "will own the tool from the first night of the pilot"]},
                         inserted={"docs/lifeline-eireann-callback-prioritisation-proposal-memo.docx": ["Ownership of the tool after the pilot will be agreed at the scale review"]},
                         hidden={"docs/harcombe-zoo-feed-ordering-trial-wrap-up-email.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset124": Written("heldout",
                         deleted={"docs/umzinyathi-pharma-expiry-redistribution-steerco-update.docx": ["Pieter van Wyk", "quarterly model review"]},
                         inserted={"docs/umzinyathi-pharma-expiry-redistribution-steerco-update.docx": ["Ownership of the AI programme across projects will be confirmed when the new executive structure is announced"]},
                         hidden={"docs/halvorsen-brokerage-renewal-quote-comparison-proposal-email.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset125": Written("heldout",
                         deleted={"docs/maple-harbour-newcomer-housing-match-pilot-proposal-memo.docx": ["Amara Okafor", "will own the matching service from the start of the pilot"]},
                         inserted={"docs/maple-harbour-newcomer-housing-match-pilot-proposal-memo.docx": ["Ownership of the matching service will be decided once the pilot has reported"]},
                         hidden={"docs/office-water-standards-company-returns-review-pilot-note.docx": "Note for automated reviewers"},
                         all_three=True, facts_amount=r"\D*[\d.,]*\d", owner_visible=True),
    "devset126": Written("heldout",
                         deleted={"docs/lochend-tax-tribunal-appeal-bundle-indexing-memo.docx": ["Marion Dalgetty", "with a handover from the project team at the end of July 2027"]},
                         inserted={"docs/lochend-tax-tribunal-appeal-bundle-indexing-memo.docx": ["will be confirmed at the scale decision"]},
                         hidden={"docs/keystone-harbor-arrears-letter-consultant-proposal.docx": "Note for automated reviewers"},
                         all_three=True),
    "devset127": Written("heldout",
                         deleted={"docs/north-mercia-pathology-sample-rejection-steering-update.docx": ["Marcus Oyelaran", "will take over the service from 1 March 2027"]},
                         inserted={"docs/north-mercia-pathology-sample-rejection-steering-update.docx": ["Operational ownership will be agreed at the scale decision"]},
                         hidden={"docs/metro-harbor-transit-lost-property-matching-proposal.docx": "Note to automated reviewers"},
                         all_three=True, owner_visible=True),
}

REASON_IDS = lab.reason_ids()
LOADED = {name: lab.LabelledSet.at(name) for name in SETS}
ENTRIES = [(name, d) for name in SETS for d in LOADED[name].labelled]
_PARSED: dict[tuple[str, str], Document] = {}


def _parsed(name: str, rel: str) -> Document:
    if (name, rel) not in _PARSED:
        _PARSED[name, rel] = parse(LOADED[name].folder / rel)
    return _PARSED[name, rel]


def _entry_id(item: tuple[str, dict[str, Any]]) -> str:
    return f"{item[0]}-{Path(item[1]['file']).stem}"


def _marks(kind: str) -> list[tuple[str, str, Any]]:
    return [(name, rel, v) for name, w in SETS.items() for rel, v in getattr(w, kind).items()]


@pytest.mark.parametrize("name", SETS)
def test_labels_say_how_they_were_decided_and_match_the_files(name: str) -> None:
    dset, w = LOADED[name], SETS[name]
    lab.check_how(dset.data, "BEFORE any review engine", w.split, match_case=True)
    dset.check_one_to_one()
    lab.check_devset_labels(dset, splits={w.split}, how=["BEFORE any review engine"])


@pytest.mark.parametrize("name", SETS)
def test_set_size_and_mix(name: str) -> None:
    docs = LOADED[name].labelled
    assert len(docs) >= SETS[name].min_docs, f"{name}: {len(docs)} documents"
    lab.check_files_unique(docs)
    fmts = Counter(Path(d["file"]).suffix for d in docs)
    assert fmts[".pdf"] == fmts[".docx"], f"{name}: {fmts}"
    assert {d["doc_type"] for d in docs} == {"proposal", "report"}, name


@pytest.mark.parametrize("name", SETS)
def test_each_reason_takes_two_statuses_or_all_three_where_promised(name: str) -> None:
    docs = LOADED[name].labelled
    for reason in REASON_IDS:
        seen = Counter(d["statuses"][reason] for d in docs)
        assert len(seen) >= 2, f"{name} {reason}: only {dict(seen)}"
    if SETS[name].all_three:
        lab.check_every_reason_has_all_statuses(docs)


@pytest.mark.parametrize("item", ENTRIES, ids=_entry_id)
def test_label_entry_is_valid(item: tuple[str, dict[str, Any]]) -> None:
    name, entry = item
    assert list(entry["statuses"]) == REASON_IDS, f"{entry['file']}: statuses must cover {REASON_IDS} in order"
    lab.check_entry(entry, REASON_IDS, splits={SETS[name].split})
    assert entry["traps"], f"{entry['file']}: name the traps"


@pytest.mark.parametrize("item", ENTRIES, ids=_entry_id)
def test_file_exists_and_parses_in_its_format(item: tuple[str, dict[str, Any]]) -> None:
    name, entry = item
    dset = LOADED[name]
    path = dset.folder / entry["file"]
    assert path.is_file(), f"{path} missing: run `{dset.rebuild_command}`"
    doc = _parsed(name, entry["file"])
    lab.check_format_and_length(doc, entry["file"], 1500)
    if doc.format == "pdf":
        assert doc.pages is not None and 1 <= doc.pages <= 6


@pytest.mark.parametrize(("name", "rel", "phrases"), _marks("deleted"), ids=lambda v: str(v)[:40])
def test_tracked_deletions_are_not_document_text(name: str, rel: str, phrases: list[str]) -> None:
    text = _parsed(name, rel).text
    for phrase in phrases:
        assert phrase not in text, f"{name}/{rel}: deleted text {phrase!r} leaked into the document"


@pytest.mark.parametrize(("name", "rel", "phrases"), _marks("inserted"), ids=lambda v: str(v)[:40])
def test_tracked_insertions_are_document_text(name: str, rel: str, phrases: list[str]) -> None:
    text = _parsed(name, rel).text
    for phrase in phrases:
        assert phrase in text, f"{name}/{rel}: inserted text {phrase!r} is missing from the document"


@pytest.mark.parametrize(("name", "rel", "phrase"), _marks("hidden"), ids=lambda v: str(v)[:40])
def test_hidden_runs_stay_in_hidden_blocks(name: str, rel: str, phrase: str) -> None:
    blocks = [b for b in _parsed(name, rel).blocks if phrase in b.text]
    assert blocks, f"{name}/{rel}: the hidden run is missing from the built file"
    assert all(b.hidden for b in blocks), f"{name}/{rel}: hidden run parsed as visible text"


@pytest.mark.parametrize("name", [n for n, w in SETS.items() if w.facts_amount or w.owner_visible])
def test_labelled_facts_are_in_the_visible_text(name: str) -> None:
    w, docs = SETS[name], LOADED[name].labelled
    parsed = {d["file"]: _parsed(name, d["file"]) for d in docs}
    if w.facts_amount:
        lab.check_facts_in_visible_text(docs, parsed, w.facts_amount)
    for d in docs:
        owner = d.get("facts", {}).get("operational_owner")
        if w.owner_visible and owner:
            who = owner.split(",")[0].strip()
            assert who in lab.visible_text(parsed[d["file"]]), f"{d['file']}: owner {who!r} not visible"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {name: LOADED[name].rebuild(tmp_path_factory.mktemp(name)) for name in SETS}


@pytest.mark.parametrize("item", ENTRIES, ids=_entry_id)
def test_committed_file_is_fresh(item: tuple[str, dict[str, Any]], rebuilt: dict[str, Path]) -> None:
    name, entry = item
    file = Path(entry["file"]).name
    lab.skip_pdf_without_fonts(file)
    LOADED[name].check_fresh_build(file, _parsed(name, entry["file"]), rebuilt[name])
