#!/usr/bin/env python3
"""Writes scenarios/curriculum-*.json: the world and flows of mopti-atelier, no timeline, and exercises;
and scenarios/curriculum-remontee.json: the world and simulated year of remontee-mensuelle-2024-mopti
(the Mopti reporting workshop, seed 002). The complete form entries come from tests/unit/case_fixtures.h.
The monthly figures of the reporting reference solutions are read from the simulated year by the built
core (`kalan report export`, --kalan PATH, default build/native/kalan). Check the result with
`kalan exercise check scenarios/curriculum-*.json`."""
import copy
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
base = json.load(open(f"{ROOT}/scenarios/mopti-atelier.json"))
_fixtures = open(f"{ROOT}/tests/unit/case_fixtures.h").read()
forms = json.loads(_fixtures[_fixtures.index('R"KALAN(') + 8:_fixtures.index(')KALAN"')])


def scenario(title, description, objectives, exercises, with_sms=True):
    s = copy.deepcopy(base)
    if not with_sms:
        del s["sms"]
    s["meta"] = {"title": title, "language": "fr", "description": description, "objectives": objectives}
    s["timeline"] = []
    s["exercises"] = exercises
    return s


def sms(frm, text):
    return {"type": "sms.receive", "actor": "trainer", "from": frm, "text": text}


SEYDOU = "tel:+22370000111"
AMADOU = "tel:+22370000113"
SERVICE = "tel:+22370000208"


def jam(name_line, extra=()):
    return [sms(SEYDOU, "Jam"), sms(SEYDOU, name_line), *[sms(SEYDOU, t) for t in extra],
            sms(SEYDOU, "7"), sms(SEYDOU, "Socoura"), sms(SEYDOU, "oui")]


def refused(command, code, **where):
    w = {"command": command, "code": code}
    w.update(where)
    return {"event": "command.refused", "where": w}


def rp_exercises():
    age_letters = {
        "id": "age-en-lettres",
        "title": {"fr": "Âge écrit en lettres", "en": "Age written in letters"},
        "condition": {"event": "flow.run_result_changed", "where": {"name": "Âge", "category": "Manquant",
                                                                     "input": {"exists": True}}},
        "explanation": {
            "fr": "L'âge de la victime doit être écrit en chiffres (« 10 », pas « dix ») : RapidProtection ne "
                  "comprend pas les nombres en lettres et redemande l'âge, ce qui retarde l'alerte.",
            "en": "The victim's age must be written in digits (\"10\", not \"ten\"): RapidProtection cannot read "
                  "numbers in words and asks again, which delays the alert."},
        "penalty": 2,
    }
    registered = {"exists": "sms.contacts", "where": {"urns": AMADOU, "fields.inscrit": "oui"}}
    return [
        {
            "id": "rp-inscription-prot",
            "title": {"fr": "Inscrire un signalant avec « prot », avec son consentement",
                      "en": "Register a reporter with \"prot\", with consent"},
            "module": "RapidProtection — inscription des signalants",
            "objectives": ["Inscrire un nouveau signalant par SMS", "Recueillir le consentement avant toute donnée"],
            "roles": [],
            "tasks": [
                {"id": "prot-demarre", "title": {"fr": "Le flux « Inscription prot » a démarré", "en": "The \"prot\" flow started"},
                 "condition": {"event": "flow.run_started", "where": {"flow.name": "Inscription prot"}}, "weight": 2},
                {"id": "consentement", "title": {"fr": "Le signalant a donné son consentement", "en": "The reporter consented"},
                 "condition": {"event": "flow.run_result_changed", "where": {"name": "Consentement", "category": "Oui"}},
                 "weight": 4},
                {"id": "inscrit", "title": {"fr": "Amadou Yalcouyé est inscrit dans le groupe Signalants",
                                            "en": "Amadou Yalcouyé is in the Signalants group"},
                 "condition": registered, "deadline": "1h", "weight": 4},
            ],
            "hints": [
                {"task": "prot-demarre", "text": {"fr": "Depuis le téléphone d'Amadou (+223 70 00 01 13), envoyez « prot » au 21999.",
                                                   "en": "From Amadou's phone (+223 70 00 01 13), text \"prot\" to 21999."},
                 "after": "20m", "cost": 1},
                {"task": "consentement", "text": {"fr": "Répondez « oui » à la dernière question : sans consentement, rien n'est enregistré.",
                                                  "en": "Answer \"oui\" to the last question: without consent nothing is recorded."},
                 "cost": 1},
            ],
            "mistakes": [
                {"id": "refus-consentement", "title": {"fr": "Consentement refusé", "en": "Consent refused"},
                 "condition": {"event": "flow.run_result_changed", "where": {"name": "Consentement", "category": "Non"}},
                 "explanation": {"fr": "Le signalant a répondu « non » au consentement : il n'est pas inscrit. Expliquez-lui "
                                       "à quoi servent ses données avant de lui faire répondre.",
                                 "en": "The reporter refused consent and is not registered. Explain what the data is for first."},
                 "penalty": 2},
            ],
            "reference_solution": [sms(AMADOU, "prot"), sms(AMADOU, "Amadou Yalcouyé"), sms(AMADOU, "CDPE Sio"),
                                   sms(AMADOU, "Sio"), sms(AMADOU, "1"), sms(AMADOU, "oui")],
            "wrong_runs": {"refus-consentement": [sms(AMADOU, "prot"), sms(AMADOU, "Amadou Yalcouyé"), sms(AMADOU, "CDPE Sio"),
                                                  sms(AMADOU, "Sio"), sms(AMADOU, "1"), sms(AMADOU, "non")]},
        },
        {
            "id": "rp-jam-complet",
            "title": {"fr": "Un signalement « Jam » complet", "en": "A complete \"Jam\" report"},
            "module": "RapidProtection — signalement Jam",
            "objectives": ["Envoyer un signalement complet", "Suivre l'alerte jusqu'au service compétent et au cas identifié"],
            "roles": [{"slot": "signalant", "role": "community_reporter", "user": "sdicko"}],
            "tasks": [
                {"id": "signalement", "title": {"fr": "Le signalement d'Awa Diarra (10 ans) est enregistré",
                                                "en": "Awa Diarra's report (age 10) is recorded"},
                 "condition": {"exists": "sms.reports", "where": {"child_name": {"contains": "awa diarra"}, "age": 10}},
                 "weight": 4},
                {"id": "cas-identifie", "title": {"fr": "Un cas est identifié en gestion de cas", "en": "A case is identified"},
                 "condition": {"exists": "cases.records", "where": {"child_name": {"contains": "Awa"}, "report_reference": {"exists": True}}},
                 "weight": 3},
                {"id": "alerte-30min", "title": {"fr": "Le service est alerté dans les 30 minutes", "en": "The service is alerted within 30 minutes"},
                 "condition": {"event": "flow.broadcast_created", "within": "30m",
                               "after": {"event": "sms.received", "where": {"from": SEYDOU, "text": {"contains": "jam"}}}},
                 "weight": 3},
            ],
            "hints": [
                {"task": "signalement", "text": {"fr": "Une seule réponse suffit pour la victime : « Awa Diarra 10 f ».",
                                                 "en": "One reply is enough for the victim: \"Awa Diarra 10 f\"."},
                 "after": "15m", "cost": 1},
            ],
            "mistakes": [age_letters],
            "reference_solution": jam("Awa Diarra 10 f"),
            "wrong_runs": {"age-en-lettres": jam("Awa Diarra dix f", ["10"])},
        },
        {
            "id": "rp-reponses-invalides",
            "title": {"fr": "Un signalement avec des réponses invalides", "en": "A report with invalid answers"},
            "module": "RapidProtection — signalement Jam",
            "objectives": ["Voir comment le flux redemande ce qui manque", "Corriger une réponse sans recommencer"],
            "roles": [{"slot": "signalant", "role": "community_reporter", "user": "sdicko"}],
            "tasks": [
                {"id": "relance", "title": {"fr": "Le flux a redemandé le sexe manquant", "en": "The flow asked again for the missing sex"},
                 "condition": {"event": "flow.run_result_changed", "where": {"name": "Sexe", "category": "Manquant"}},
                 "weight": 3},
                {"id": "corrige", "title": {"fr": "Le signalement est enregistré malgré tout", "en": "The report is recorded anyway"},
                 "condition": {"all": [{"exists": "sms.reports", "where": {"child_name": {"contains": "Awa"}, "sex": "f"}},
                                       {"count": {"event": "sms.received", "where": {"from": SEYDOU}}, "min": 6}]},
                 "weight": 4},
            ],
            "hints": [
                {"task": "relance", "text": {"fr": "Envoyez d'abord « Awa Diarra 10 » sans le sexe, puis répondez à la question.",
                                             "en": "First send \"Awa Diarra 10\" without the sex, then answer the question."},
                 "cost": 1},
            ],
            "mistakes": [age_letters],
            "reference_solution": jam("Awa Diarra 10", ["f"]),
            "wrong_runs": {"age-en-lettres": jam("Awa Diarra dix", ["10", "f"])},
        },
        {
            "id": "rp-suivi-relaye",
            "title": {"fr": "Le suivi relayé au signalant", "en": "Follow-up relayed to the reporter"},
            "module": "RapidProtection — suivi prestataire",
            "objectives": ["Confirmer la prise en charge (PEC)", "Envoyer un suivi que RapidProtection relaie au signalant"],
            "roles": [],
            "setup": jam("Awa Diarra 10 f"),
            "tasks": [
                {"id": "pec", "title": {"fr": "Le service confirme la prise en charge de REF-0001", "en": "The service confirms REF-0001"},
                 "condition": {"event": "sms.received", "where": {"from": SERVICE, "text": {"contains": "pec ref-0001"}}},
                 "weight": 3},
                {"id": "suivi", "title": {"fr": "Un suivi est enregistré sur le signalement", "en": "A follow-up is recorded on the report"},
                 "condition": {"exists": "sms.reports", "where": {"reference": "REF-0001", "follow_ups": {"exists": True}}},
                 "weight": 3},
                {"id": "signalant-informe", "title": {"fr": "Seydou Dicko reçoit le suivi", "en": "Seydou Dicko receives the follow-up"},
                 "condition": {"exists": "sms.log", "where": {"direction": "out", "urn": SEYDOU, "text": {"contains": "suivi de votre signalement"}}},
                 "weight": 4},
            ],
            "hints": [
                {"task": "suivi", "text": {"fr": "Depuis le téléphone du service (+223 70 00 02 08) : « SUIVI REF-0001 » suivi des nouvelles.",
                                           "en": "From the service's phone (+223 70 00 02 08): \"SUIVI REF-0001\" and the news."},
                 "after": "30m", "cost": 1},
            ],
            "mistakes": [
                {"id": "mauvaise-reference", "title": {"fr": "Référence inconnue", "en": "Unknown reference"},
                 "condition": {"event": "flow.run_result_changed", "where": {"name": {"exists": True}, "category": "Failure",
                                                                              "extra.found": False}},
                 "explanation": {"fr": "La référence envoyée n'existe pas : recopiez exactement le numéro reçu dans l'alerte (REF-0001).",
                                 "en": "That reference does not exist: copy the number of the alert exactly (REF-0001)."},
                 "penalty": 2},
            ],
            "reference_solution": [sms(SERVICE, "PEC REF-0001 OK"), sms(SERVICE, "SUIVI REF-0001 visite à domicile faite, Awa est à l'école")],
            "wrong_runs": {"mauvaise-reference": [sms(SERVICE, "SUIVI REF-0009 visite faite")]},
        },
    ]


# --- CPIMS+ ---------------------------------------------------------------------------------------
CW, SUP, PROV, ADMIN, CW2 = "fkansaye", "mtembely", "htapily", "idjimde", "kguindo"
PAIR = [{"slot": "gestionnaire", "role": "case_worker", "user": CW}, {"slot": "superviseur", "role": "supervisor", "user": SUP}]
CHILD = {"contains": "awa traore"}


def report():
    return {"type": "case.report", "actor": CW, "child_name": "Awa Traoré", "age": 13, "sex": "f", "location": "socoura",
            "summary": "Fille de 13 ans retirée de l'école, mariage annoncé par un voisin."}


def open_case():
    return {"type": "case.open", "actor": CW, "case": "CAS-0001", "risk_level": "high"}


def form(f, actor=CW, **changes):
    v = copy.deepcopy(forms[f])
    v.update(changes)
    return {"type": "case.form.save", "actor": actor, "case": "CAS-0001", "form": f, "values": v}


def request(kind):
    return {"type": "case.approval.request", "actor": CW, "case": "CAS-0001", "kind": kind}


def decide(kind, decision="approve", actor=SUP, comment=None):
    c = {"type": "case.approval.decide", "actor": actor, "case": "CAS-0001", "kind": kind, "decision": decision}
    if comment:
        c["comment"] = comment
    return c


def conference():
    return {"type": "case.form.save", "actor": CW, "case": "CAS-0001", "form": "3B", "values": {
        "conference_date": "2024-03-04", "conference_place": "SLPFEF Mopti", "conference_reason": "case_plan",
        "participants": [{"participant_name": "Fatoumata Kansaye", "participant_role": "case_worker"},
                         {"participant_name": "Moussa Tembely", "participant_role": "supervisor"}],
        "child_attended": "oui", "child_views": "Awa veut retourner à l'école",
        "discussion_summary": "Médiation avec la famille et retour à l'école",
        "decisions": [{"decision": "Médiation avec le père", "responsible": "Fatoumata Kansaye", "due_date": "2024-03-20"}],
        "facilitator_name": "Fatoumata Kansaye"}}


def case_with(*forms_):
    return {"exists": "cases.records", "where": {"child_name": CHILD, "forms": {"some": {"form": {"in": list(forms_)}, "missing": {"exists": False}}}}}


def approved(kind):
    return {"exists": "cases.records", "where": {"child_name": CHILD, f"approvals.{kind}.status": "approved",
                                                 f"approvals.{kind}.decided_by": {"role": "supervisor"}}}


REGISTERED = [report(), open_case(), form("1A"), form("1C")]
ASSESSED = REGISTERED + [form("2A"), request("assessment"), decide("assessment")]
PLANNED = ASSESSED + [form("3A"), request("case_plan"), decide("case_plan")]
REFERRAL = {"type": "case.referral.create", "actor": CW, "case": "CAS-0001", "service": "svc-csref", "note": "Bilan de santé"}
RESPOND = {"type": "case.referral.respond", "actor": PROV, "case": "CAS-0001", "referral": "RFC-0001", "decision": "accept"}
DONE = {"type": "case.referral.done", "actor": PROV, "case": "CAS-0001", "referral": "RFC-0001", "result": "Bilan fait, aucune pathologie"}
ADVANCE = {"type": "clock.advance", "actor": "trainer", "days": 1}
FOLLOWED = PLANNED + [REFERRAL, RESPOND, DONE, ADVANCE, form("5A")]

no_consent = {
    "id": "reference-sans-consentement",
    "title": {"fr": "Référencement sans consentement", "en": "Referral without consent"},
    "condition": refused("case.referral.create", "missing_consent"),
    "explanation": {"fr": "Un référencement partage les informations de l'enfant : il faut d'abord le consentement (1A, "
                          "« consent_services » et « consent_sharing » = oui).",
                    "en": "A referral shares the child's information: consent comes first (1A, consent_services and consent_sharing = oui)."},
    "penalty": 3,
}
self_approval = {
    "id": "approuver-son-propre-cas",
    "title": {"fr": "Approuver son propre cas", "en": "Approving one's own case"},
    "condition": {"event": "command.refused", "where": {"command": "case.approval.decide", "code": {"in": ["forbidden", "self_approval"]}}},
    "explanation": {"fr": "La gestionnaire ne peut pas approuver son propre travail : l'approbation revient au superviseur "
                          "(double regard sur les décisions).",
                    "en": "A case worker cannot approve their own work: approval belongs to the supervisor."},
    "penalty": 3,
}
closure_no_feedback = {
    "id": "cloture-sans-retours",
    "title": {"fr": "Clôture sans les formulaires de retour", "en": "Closure without the feedback forms"},
    "condition": {"any": [refused("case.approval.decide", "closure_forms_missing"), refused("case.close", "closure_not_approved")]},
    "explanation": {"fr": "Avant d'approuver la clôture, le superviseur recueille les retours de l'enfant (6B) et de la "
                          "famille (6C) ; on ne ferme un dossier qu'après cette approbation.",
                    "en": "Before approving closure, the supervisor collects the child's (6B) and family's (6C) feedback."},
    "penalty": 3,
}


def cpims_exercises():
    return [
        {
            "id": "cpims-m1-enregistrement",
            "title": {"fr": "Module 1 — identification et enregistrement, avec consentement",
                      "en": "Module 1 — identification and registration, with consent"},
            "module": "CPIMS+ formation de formateurs, module 1",
            "objectives": ["Identifier un enfant à risque", "Ouvrir le dossier", "Recueillir le consentement (1A) et faire l'évaluation initiale (1C)"],
            "roles": PAIR,
            "tasks": [
                {"id": "identifie", "title": {"fr": "Le cas d'Awa Traoré est identifié", "en": "Awa Traoré's case is identified"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD}}, "weight": 2},
                {"id": "ouvert", "title": {"fr": "Le dossier est ouvert par une gestionnaire de cas", "en": "A case worker opens the case"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "status": "open", "owner": {"role": "case_worker"}}},
                 "weight": 2},
                {"id": "consentement", "title": {"fr": "Le consentement (1A) est complet", "en": "Consent (1A) is complete"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "forms": {"some": {
                     "form": "1A", "missing": {"exists": False}, "values.consent_services": "oui", "values.consent_sharing": "oui"}}}},
                 "deadline": "4h", "weight": 4},
                {"id": "evaluation-initiale", "title": {"fr": "L'évaluation initiale (1C) est complète", "en": "The initial assessment (1C) is complete"},
                 "condition": case_with("1C"), "weight": 2},
            ],
            "hints": [
                {"task": "consentement", "text": {"fr": "Ouvrez le formulaire 1A et répondez à toutes les questions obligatoires, "
                                                        "consentement aux services et au partage compris.",
                                                  "en": "Fill every required answer of form 1A, consent to services and to sharing included."},
                 "after": "1h", "cost": 1},
            ],
            "mistakes": [no_consent],
            "reference_solution": REGISTERED,
            "wrong_runs": {"reference-sans-consentement": [report(), open_case(), REFERRAL]},
        },
        {
            "id": "cpims-m2-evaluation",
            "title": {"fr": "Module 2 — évaluation approfondie, approuvée après un rejet",
                      "en": "Module 2 — comprehensive assessment, approved after one rejection"},
            "module": "CPIMS+ formation de formateurs, module 2",
            "objectives": ["Remplir l'évaluation approfondie (2A)", "Demander l'approbation", "Corriger après un rejet motivé"],
            "roles": PAIR,
            "setup": REGISTERED,
            "tasks": [
                {"id": "2a-complet", "title": {"fr": "L'évaluation approfondie (2A) est complète", "en": "2A is complete"},
                 "condition": case_with("2A"), "weight": 2},
                {"id": "rejet-motive", "title": {"fr": "Le superviseur rejette une première fois, avec un commentaire",
                                                 "en": "The supervisor rejects once, with a comment"},
                 "condition": {"event": "case.approval_decided", "where": {"kind": "assessment", "decision": "rejected",
                                                                           "by": {"role": "supervisor"}, "comment": {"exists": True}}},
                 "weight": 3},
                {"id": "approuvee", "title": {"fr": "L'évaluation est approuvée après correction", "en": "The assessment is approved after correction"},
                 "condition": {"all": [approved("assessment"),
                                       {"event": "case.approval_decided", "where": {"kind": "assessment", "decision": "approved"},
                                        "after": {"event": "case.approval_decided", "where": {"kind": "assessment", "decision": "rejected"}}}]},
                 "weight": 5},
            ],
            "hints": [
                {"task": "rejet-motive", "text": {"fr": "Connecté comme Moussa Tembely, rejetez la demande en expliquant ce qui manque.",
                                                  "en": "As Moussa Tembely, reject the request and say what is missing."},
                 "after": "1h", "cost": 1},
            ],
            "mistakes": [self_approval],
            "reference_solution": [form("2A"), request("assessment"),
                                   decide("assessment", "reject", comment="Préciser l'avis de la mère."),
                                   form("2A", child_views="Veut rester à l'école ; la mère souhaite reporter le mariage"),
                                   request("assessment"), decide("assessment")],
            "wrong_runs": {"approuver-son-propre-cas": [form("2A"), request("assessment"), decide("assessment", actor=CW)]},
        },
        {
            "id": "cpims-m3-plan",
            "title": {"fr": "Module 3 — conférence de cas et approbation du plan d'action",
                      "en": "Module 3 — case conference and approval of the case plan"},
            "module": "CPIMS+ formation de formateurs, module 3",
            "objectives": ["Tenir et consigner une conférence de cas (3B)", "Rédiger le plan d'action (3A)", "Le faire approuver"],
            "roles": PAIR,
            "setup": ASSESSED,
            "tasks": [
                {"id": "conference", "title": {"fr": "Le rapport de conférence de cas (3B) est complet", "en": "The case conference report (3B) is complete"},
                 "condition": case_with("3B"), "weight": 3},
                {"id": "plan", "title": {"fr": "Le plan d'action (3A) est complet", "en": "The case plan (3A) is complete"},
                 "condition": case_with("3A"), "weight": 3},
                {"id": "plan-approuve", "title": {"fr": "Le plan d'action est approuvé par le superviseur", "en": "The supervisor approves the plan"},
                 "condition": approved("case_plan"), "weight": 4},
            ],
            "hints": [{"task": "plan", "text": {"fr": "Le plan d'action reprend les décisions de la conférence : objectifs, actions, responsables, échéances.",
                                                "en": "The plan takes up the conference's decisions: goals, actions, who, when."}, "cost": 1}],
            "mistakes": [{
                "id": "approbation-avant-plan",
                "title": {"fr": "Demander l'approbation avant le plan", "en": "Asking approval before the plan"},
                "condition": refused("case.approval.request", "form_first", kind="case_plan"),
                "explanation": {"fr": "L'approbation porte sur le plan d'action : remplissez 3A avant de la demander.",
                                "en": "Approval is of the case plan: fill 3A before asking for it."},
                "penalty": 2}],
            "reference_solution": [conference(), form("3A"), request("case_plan"), decide("case_plan")],
            "wrong_runs": {"approbation-avant-plan": [request("case_plan")]},
        },
        {
            "id": "cpims-m4-suivi",
            "title": {"fr": "Module 4 — mise en œuvre et suivi", "en": "Module 4 — implementation and follow-up"},
            "module": "CPIMS+ formation de formateurs, module 4",
            "objectives": ["Référer vers un service de santé", "Recevoir la contre-référence", "Consigner une visite de suivi (5A)"],
            "roles": PAIR + [{"slot": "prestataire", "role": "service_provider", "user": PROV}],
            "setup": PLANNED,
            "tasks": [
                {"id": "reference-sante", "title": {"fr": "Un référencement vers un service de santé est fait", "en": "A health referral is made"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "referrals": {"some": {"service_type": "health"}}}},
                 "weight": 3},
                {"id": "contre-reference", "title": {"fr": "Le prestataire renvoie la contre-référence", "en": "The provider sends the counter-referral"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "referrals": {"some": {"status": "done", "result": {"exists": True}}}}},
                 "weight": 3},
                {"id": "suivi", "title": {"fr": "Une visite de suivi (5A) est consignée", "en": "A follow-up visit (5A) is recorded"},
                 "condition": case_with("5A"), "deadline": "7d", "weight": 4},
            ],
            "hints": [{"task": "contre-reference", "text": {"fr": "Connectée comme Hawa Tapily (CSRéf), acceptez d'abord le référencement, puis renseignez le résultat.",
                                                            "en": "As Hawa Tapily (CSRéf), accept the referral first, then give the result."},
                       "after": "2h", "cost": 1}],
            "mistakes": [{
                "id": "resultat-avant-acceptation",
                "title": {"fr": "Résultat avant acceptation", "en": "Result before acceptance"},
                "condition": refused("case.referral.done", "bad_transition"),
                "explanation": {"fr": "Le prestataire accepte d'abord le référencement, puis renvoie la contre-référence.",
                                "en": "The provider first accepts the referral, then sends the counter-referral."},
                "penalty": 1}],
            "reference_solution": [REFERRAL, RESPOND, DONE, ADVANCE, form("5A")],
            "wrong_runs": {"resultat-avant-acceptation": [REFERRAL, DONE]},
        },
        {
            "id": "cpims-m5-cloture",
            "title": {"fr": "Module 5 — clôture avec les retours de l'enfant et de la famille",
                      "en": "Module 5 — closure with feedback"},
            "module": "CPIMS+ formation de formateurs, module 5",
            "objectives": ["Demander la clôture (6A)", "Recueillir les retours (6B, 6C)", "Approuver puis clôturer"],
            "roles": PAIR,
            "setup": FOLLOWED,
            "tasks": [
                {"id": "demande-cloture", "title": {"fr": "La clôture est demandée avec 6A", "en": "Closure requested with 6A"},
                 "condition": {"all": [case_with("6A"), {"event": "case.approval_requested", "where": {"kind": "closure"}}]}, "weight": 2},
                {"id": "retours", "title": {"fr": "Les retours de l'enfant (6B) et de la famille (6C) sont recueillis", "en": "Feedback 6B and 6C collected"},
                 "condition": {"all": [case_with("6B"), case_with("6C")]}, "weight": 4},
                {"id": "cloture", "title": {"fr": "Le dossier est clôturé après approbation", "en": "The case is closed after approval"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "status": "closed", "approvals.closure.status": "approved"}},
                 "weight": 4},
            ],
            "hints": [{"task": "retours", "text": {"fr": "6B et 6C sont remplis par le superviseur, sans la gestionnaire de cas.",
                                                   "en": "6B and 6C are filled by the supervisor, without the case worker."}, "cost": 1}],
            "mistakes": [closure_no_feedback],
            "reference_solution": [form("6A"), request("closure"), form("6B", actor=SUP), form("6C", actor=SUP),
                                   decide("closure"), {"type": "case.close", "actor": CW, "case": "CAS-0001"}],
            "wrong_runs": {"cloture-sans-retours": [form("6A"), request("closure"), decide("closure")]},
        },
        {
            "id": "cpims-m6-documents",
            "title": {"fr": "Module 6 — documents et photos", "en": "Module 6 — documents and photos"},
            "module": "CPIMS+ formation de formateurs, module 6",
            "objectives": ["Joindre le consentement signé", "Joindre une photo seulement après le consentement"],
            "roles": PAIR,
            "setup": [report(), open_case()],
            "tasks": [
                {"id": "consentement", "title": {"fr": "Le consentement (1A) est saisi", "en": "Consent (1A) is recorded"},
                 "condition": case_with("1A"), "weight": 2},
                {"id": "document", "title": {"fr": "Le consentement signé est joint (document)", "en": "The signed consent is attached"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "attachments": {"some": {"kind": "document", "removed": False}}}},
                 "weight": 3},
                {"id": "photo", "title": {"fr": "Une photo de l'enfant est jointe", "en": "A photo of the child is attached"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "attachments": {"some": {"kind": "photo", "removed": False}}}},
                 "weight": 3},
            ],
            "hints": [],
            "mistakes": [{
                "id": "photo-avant-consentement",
                "title": {"fr": "Photo avant le consentement", "en": "Photo before consent"},
                "condition": {"all": [{"event": "command.accepted", "where": {"command": "case.attachment.add", "kind": "photo"}},
                                      {"not": {"event": "case.form_saved", "where": {"form": "1A"}}}]},
                "explanation": {"fr": "Une photo est une donnée personnelle sensible : recueillez le consentement (1A) avant de la prendre.",
                                "en": "A photo is sensitive personal data: get consent (1A) first."},
                "penalty": 3}],
            "reference_solution": [form("1A"),
                                   {"type": "case.attachment.add", "actor": CW, "case": "CAS-0001", "name": "consentement-signe.pdf",
                                    "kind": "document", "mime": "application/pdf", "content": "JVBERi0xLjQK"},
                                   {"type": "case.attachment.add", "actor": CW, "case": "CAS-0001", "name": "awa.jpg",
                                    "kind": "photo", "mime": "image/jpeg", "content": "/9j/4AAQ"}],
            "wrong_runs": {"photo-avant-consentement": [
                {"type": "case.attachment.add", "actor": CW, "case": "CAS-0001", "name": "awa.jpg",
                 "kind": "photo", "mime": "image/jpeg", "content": "/9j/4AAQ"}]},
        },
        {
            "id": "cpims-m7-transfert-reference",
            "title": {"fr": "Module 7 — transfert ou référencement ?", "en": "Module 7 — transfer versus referral"},
            "module": "CPIMS+ formation de formateurs, module 7",
            "objectives": ["Référer pour un service (le dossier reste)", "Transférer quand l'enfant déménage (le dossier part)"],
            "roles": PAIR + [{"slot": "prestataire", "role": "service_provider", "user": PROV},
                             {"slot": "gestionnaire-b", "role": "case_worker", "user": CW2}],
            "setup": REGISTERED,
            "tasks": [
                {"id": "reference-sante", "title": {"fr": "Référencement santé vers le CSRéf", "en": "Health referral to the CSRéf"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "referrals": {"some": {"service": "svc-csref"}}}},
                 "weight": 2},
                {"id": "contre-reference", "title": {"fr": "La contre-référence est reçue", "en": "The counter-referral is received"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "referrals": {"some": {"status": "done"}}}},
                 "weight": 3},
                {"id": "transfert", "title": {"fr": "Le dossier est transféré à l'ONG Benkadi (Kadiatou Guindo)", "en": "The case is transferred to ONG Benkadi"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "owner": CW2, "organisation": "ong-benkadi"}},
                 "weight": 5},
            ],
            "hints": [{"task": "transfert", "text": {"fr": "L'enfant déménage à Sio : c'est un transfert (case.transfer.create vers kguindo), que Kadiatou doit accepter.",
                                                     "en": "The child moves to Sio: it is a transfer to kguindo, who must accept it."},
                       "after": "1h", "cost": 2}],
            "mistakes": [{
                "id": "referer-au-lieu-de-transferer",
                "title": {"fr": "Référer au lieu de transférer", "en": "Referring instead of transferring"},
                "condition": {"event": "case.referral_created", "where": {"service_type": "case_management"}},
                "explanation": {"fr": "Un référencement demande un service et le dossier reste chez vous ; quand l'enfant "
                                      "déménage, la gestion du cas passe à une autre structure : c'est un transfert.",
                                "en": "A referral asks for a service and the case stays; when the child moves, it is a transfer."},
                "penalty": 2}],
            "reference_solution": [REFERRAL, RESPOND, DONE,
                                   {"type": "case.transfer.create", "actor": CW, "case": "CAS-0001", "to_user": CW2, "note": "La famille déménage à Sio"},
                                   {"type": "case.transfer.respond", "actor": CW2, "case": "CAS-0001", "transfer": "TRF-0001", "decision": "accept"}],
            "wrong_runs": {"referer-au-lieu-de-transferer": [
                {"type": "case.referral.create", "actor": CW, "case": "CAS-0001", "service": "svc-gestion", "note": "Déménagement"}]},
        },
        {
            "id": "psea-plainte",
            "title": {"fr": "PSEA — une plainte reçue, assistance sous 72 h, réponse sous 7 jours",
                      "en": "PSEA — a complaint, assistance within 72 h, answer within 7 days"},
            "module": "PSEA — prise en charge d'une plainte",
            "objectives": ["Recueillir le consentement éclairé avant toute démarche",
                           "Référer vers une assistance dans les 72 heures", "Obtenir la réponse du service dans les 7 jours"],
            "roles": PAIR + [{"slot": "assistance", "role": "case_worker", "user": CW2}],
            "setup": [{"type": "case.report", "actor": CW, "child_name": "Awa Traoré", "age": 16, "sex": "f", "location": "socoura",
                       "summary": "Plainte pour exploitation et abus sexuels visant un agent d'une organisation partenaire."}],
            "tasks": [
                {"id": "consentement", "title": {"fr": "Consentement éclairé recueilli (1A, partage compris)", "en": "Informed consent (1A, sharing included)"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "forms": {"some": {
                     "form": "1A", "missing": {"exists": False}, "values.consent_sharing": "oui"}}}},
                 "weight": 3},
                {"id": "assistance-72h", "title": {"fr": "Référée vers une assistance psychosociale dans les 72 h", "en": "Referred to psychosocial assistance within 72 h"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "referrals": {"some": {"service_type": "psychosocial"}}}},
                 "deadline": "72h", "weight": 4},
                {"id": "reponse-7j", "title": {"fr": "Le service a répondu dans les 7 jours", "en": "The service answered within 7 days"},
                 "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "referrals": {"some": {"service_type": "psychosocial", "status": "done"}}}},
                 "deadline": "7d", "weight": 3},
            ],
            "hints": [{"task": "assistance-72h", "text": {"fr": "Le service psychosocial de l'ONG Benkadi (svc-psy) assure l'assistance.",
                                                          "en": "ONG Benkadi's psychosocial service (svc-psy) gives assistance."},
                       "after": "24h", "cost": 1}],
            "mistakes": [no_consent],
            "reference_solution": [open_case(), form("1A"), {"type": "clock.advance", "actor": "trainer", "days": 1},
                                   {"type": "case.referral.create", "actor": CW, "case": "CAS-0001", "service": "svc-psy", "note": "Assistance psychosociale"},
                                   {"type": "case.referral.respond", "actor": CW2, "case": "CAS-0001", "referral": "RFC-0001", "decision": "accept"},
                                   {"type": "clock.advance", "actor": "trainer", "days": 2},
                                   {"type": "case.referral.done", "actor": CW2, "case": "CAS-0001", "referral": "RFC-0001", "result": "Trois séances d'écoute"}],
            "wrong_runs": {"reference-sans-consentement": [open_case(), {"type": "case.referral.create", "actor": CW, "case": "CAS-0001", "service": "svc-psy"}]},
        },
        {
            "id": "cpims-m8-compte",
            "title": {"fr": "Module 8 — créer un compte utilisateur", "en": "Module 8 — creating a user account"},
            "module": "CPIMS+ formation de formateurs, module 8",
            "objectives": ["Créer le compte d'une nouvelle gestionnaire de cas", "Lui donner son superviseur"],
            "roles": [{"slot": "administrateur", "role": "administrator", "user": ADMIN}],
            "tasks": [
                {"id": "compte", "title": {"fr": "Le compte d'Oumou Cissé (gestionnaire de cas) existe", "en": "Oumou Cissé's account exists"},
                 "condition": {"exists": "world.users", "where": {"name": {"contains": "oumou cisse"}, "role": "case_worker",
                                                                  "organisation": "slpfef-mopti"}},
                 "weight": 5},
                {"id": "superviseur", "title": {"fr": "Son superviseur est Moussa Tembely", "en": "Her supervisor is Moussa Tembely"},
                 "condition": {"exists": "world.users", "where": {"name": {"contains": "oumou"}, "supervisor": SUP}}, "weight": 3},
            ],
            "hints": [{"task": "compte", "text": {"fr": "Le numéro s'écrit avec l'indicatif : tel:+22370000188.",
                                                  "en": "Write the number with the country code: tel:+22370000188."}, "cost": 1}],
            "mistakes": [{
                "id": "numero-invalide",
                "title": {"fr": "Numéro de téléphone invalide", "en": "Invalid phone number"},
                "condition": refused("user.create", "bad_phone"),
                "explanation": {"fr": "Un numéro s'écrit « tel:+223 » suivi des 8 chiffres, sans espaces.",
                                "en": "A number is written \"tel:+223\" followed by 8 digits, no spaces."},
                "penalty": 1}],
            "reference_solution": [{"type": "user.create", "actor": ADMIN, "id": "ocisse", "name": "Oumou Cissé", "role": "case_worker",
                                    "phone": "tel:+22370000188", "supervisor": SUP}],
            "wrong_runs": {"numero-invalide": [{"type": "user.create", "actor": ADMIN, "id": "ocisse", "name": "Oumou Cissé",
                                                "role": "case_worker", "phone": "70 00 01 88", "supervisor": SUP}]},
        },
    ]


# --- Service mapping (seed 001) -------------------------------------------------------------------
IM = "ntogo"  # information manager, DRPFEF
ONE_STOP = {"type": "service.add", "actor": IM, "id": "svc-one-stop", "name": "One Stop Center du CSRéf de Mopti",
            "service_type": "health", "organisation": "csref-mopti", "location": "mopti-commune",
            "phone": "tel:+22370000250", "email": "onestop.csref@example.org",
            "hours": [{"days": "mon-fri", "open": "08:00", "close": "17:00"}, {"days": "sat", "open": "08:00", "close": "12:00"}]}
NEW_SERVICE = {"service": {"not": {"in": ["svc-csref"]}}, "service_type": "health", "to_organisation": "csref-mopti"}


def mapping_exercises():
    added = {"exists": "world.services", "where": {"name": {"contains": "one stop"}, "type": "health", "organisation": "csref-mopti",
                                                   "phone": {"exists": True}, "hours": {"exists": True}}}
    return [{
        "id": "cartographie-nouveau-service",
        "title": {"fr": "Cartographie — ajouter un nouveau service de santé, puis y référer",
                  "en": "Service mapping — add a new health service, then refer to it"},
        "module": "Cartographie des services et référencement (fiche info 4)",
        "objectives": ["Mettre à jour la cartographie des services quand un service de santé ouvre",
                       "Référer un enfant vers ce nouveau service", "Recevoir la contre-référence"],
        "roles": [{"slot": "gestionnaire-information", "role": "information_manager", "user": IM},
                  {"slot": "gestionnaire", "role": "case_worker", "user": CW},
                  {"slot": "prestataire", "role": "service_provider", "user": PROV}],
        "setup": REGISTERED,
        "tasks": [
            {"id": "service-ajoute", "title": {"fr": "Le One Stop Center du CSRéf est dans l'annuaire, avec téléphone et horaires",
                                               "en": "The CSRéf One Stop Center is in the directory, with phone and hours"},
             "condition": added, "weight": 4},
            {"id": "reference-nouveau-service", "title": {"fr": "Awa est référée vers le nouveau service",
                                                          "en": "Awa is referred to the new service"},
             "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "referrals": {"some": NEW_SERVICE}}},
             "weight": 3},
            {"id": "contre-reference", "title": {"fr": "Le service renvoie la contre-référence", "en": "The service sends the counter-referral"},
             "condition": {"exists": "cases.records", "where": {"child_name": CHILD, "referrals": {"some": dict(NEW_SERVICE, status="done")}}},
             "deadline": "3d", "weight": 3},
        ],
        "hints": [
            {"task": "service-ajoute", "text": {"fr": "Connectée comme Nana Togo (DRPFEF), ajoutez le service dans Annuaire › Services : "
                                                      "nom, type « santé », organisation CSRéf de Mopti, lieu, téléphone tel:+223…, horaires.",
                                                "en": "As Nana Togo (DRPFEF), add the service in Directory › Services: name, type health, "
                                                      "organisation CSRéf de Mopti, place, phone tel:+223…, opening hours."},
             "after": "1h", "cost": 1},
            {"task": "contre-reference", "text": {"fr": "Connectée comme Hawa Tapily (CSRéf), acceptez le référencement puis renseignez le résultat.",
                                                  "en": "As Hawa Tapily (CSRéf), accept the referral, then give the result."}, "cost": 1},
        ],
        "mistakes": [
            {"id": "numero-invalide", "title": {"fr": "Numéro du service invalide", "en": "Invalid service phone number"},
             "condition": refused("service.add", "bad_phone"),
             "explanation": {"fr": "Le numéro d'un service s'écrit « tel:+223 » suivi des 8 chiffres, sans espaces : c'est ce numéro "
                                   "que les gestionnaires et les signalants appelleront.",
                             "en": "A service's number is written \"tel:+223\" followed by 8 digits, no spaces."},
             "penalty": 1},
            {"id": "ajout-non-autorise", "title": {"fr": "Ajout par un rôle non autorisé", "en": "Added by a role that may not"},
             "condition": refused("service.add", "forbidden"),
             "explanation": {"fr": "La cartographie des services est tenue par la gestionnaire de l'information ou la coordination "
                                   "(ou l'administrateur pour sa propre structure) : la gestionnaire de cas signale le nouveau service, "
                                   "elle ne l'ajoute pas elle-même.",
                             "en": "The service directory is kept by the information manager or the coordination (or an administrator "
                                   "for their own structure): the case worker reports the new service, she does not add it."},
             "penalty": 1},
        ],
        "reference_solution": [
            ONE_STOP,
            {"type": "case.referral.create", "actor": CW, "case": "CAS-0001", "service": "svc-one-stop",
             "note": "Prise en charge médicale et psychosociale"},
            {"type": "case.referral.respond", "actor": PROV, "case": "CAS-0001", "referral": "RFC-0001", "decision": "accept"},
            {"type": "clock.advance", "actor": "trainer", "days": 1},
            {"type": "case.referral.done", "actor": PROV, "case": "CAS-0001", "referral": "RFC-0001",
             "result": "Consultation faite, suivi psychosocial en cours"},
        ],
        "wrong_runs": {
            "numero-invalide": [dict(ONE_STOP, phone="70 00 02 50")],
            "ajout-non-autorise": [dict(ONE_STOP, actor=CW)],
        },
    }]


# --- Mopti reporting workshop (seed 002) ----------------------------------------------------------
REMONTEE = json.load(open(f"{ROOT}/scenarios/remontee-mensuelle-2024-mopti.json"))
KDEMBELE = "kdembele"     # information manager, DRPFEF Mopti
JIGIYA, JIGIYA_CW = "ong-jigiya", "acisse"      # the structure that fills January to December
BENKADI, BENKADI_CW = "ong-benkadi", "rkassogue"  # counts the referrals it receives as new cases
Q3 = [7, 8, 9]
SESSION_START = "2025-01-01T00:00:00Z"  # reports sent during an exercise are sent after this


def remontee_base():
    s = copy.deepcopy(REMONTEE)
    s["timeline"] = []
    # ONG Jigiya has sent nothing for 2024: its focal point fills the twelve months during the workshop.
    s["reporting"]["prefill"]["missing"][JIGIYA] = list(range(1, s["reporting"]["prefill"]["through_month"] + 1))
    return s


def kalan_path():
    for i, a in enumerate(sys.argv):
        if a == "--kalan" and i + 1 < len(sys.argv):
            return sys.argv[i + 1]
    return f"{ROOT}/build/native/kalan"


def export(scenario, fmt):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(scenario, f, ensure_ascii=False)
    try:
        out = subprocess.run([kalan_path(), "report", "export", "--format", fmt, "--year", "2024", f.name],
                             check=True, capture_output=True).stdout.decode("utf-8-sig")
    finally:
        os.unlink(f.name)
    return out


def monthly_fields():
    form = json.load(open(f"{ROOT}/scenarios/reporting/mensuel.json"))
    out = []

    def walk(fields):
        for x in fields:
            if x.get("type") == "integer" and x["name"] not in ("month", "year"):
                out.append(x["name"])
            walk(x.get("fields", []))
    walk(form["fields"])
    return out


class Year:
    """The simulated 2024 of the curriculum scenario, read back from the core's exports."""

    def __init__(self, scenario):
        self.indicators = monthly_fields()
        self.expected = {}  # (structure, month) -> {field: n}, nonzero only
        for row in csv.DictReader(io.StringIO(export(scenario, "consistency"))):
            self.expected.setdefault((row["structure"], int(row["mois"])), {})[row["champ"]] = row
        self.kobo = json.loads(export(scenario, "kobo"))["results"]

    def instance(self, structure, month):
        """The instanceID of the current report (Kobo's _uuid without its "uuid:" prefix)."""
        r = self.declared(structure, month)
        return r.get("meta/instanceID") or "uuid:" + r["_uuid"]

    def declared(self, structure, month):
        """The current report of a structure and month, as sent."""
        found = None
        for r in self.kobo:
            if r.get("identification/structure") == structure and int(r.get("identification/month", 0)) == month:
                found = r
        return found

    def figures(self, structure, month):
        """What the case records say, every indicator."""
        f = {n: 0 for n in self.indicators}
        sent = self.declared(structure, month) or {}
        sent_values = {k.split("/")[-1]: v for k, v in sent.items()}
        for name in self.indicators:
            f[name] = int(sent_values.get(name, 0) or 0)
        for name, row in self.expected.get((structure, month), {}).items():
            f[name] = int(row["attendu"])
        return f

    def values(self, structure, month, figures=None):
        """The report's values as the form wants them (relevance as in sim/reporting/activity.cpp)."""
        f = figures or self.figures(structure, month)
        org = next(o for o in REMONTEE["world"]["organisations"] if o["id"] == structure)
        locs = {l["id"]: l for l in REMONTEE["world"]["locations"]}
        cercle = locs[org["location"]]
        while cercle["level"] == "commune":
            cercle = locs[cercle["parent"]]
        v = {"structure": structure, "region": cercle["parent"], "cercle": cercle["id"], "month": str(month), "year": "2024"}
        for name in self.indicators:
            n = f[name]
            if f["nc_total"] == 0 and ((name.startswith("nc_") and name != "nc_total") or name.startswith("rq_")):
                continue
            if f["ref_total"] == 0 and name.startswith("ref_") and name not in ("ref_total", "ref_recues"):
                continue
            if f["vbg_total"] == 0 and name.startswith("vbg_") and name != "vbg_total":
                continue
            v[name] = str(n)
        if f["nc_total"] == 0:
            v["raison_zero"] = "aucun_signalement"
        return v

    def counted_twice(self, structure, month):
        """The figures with the received referrals counted again as new cases (the error of seed 002)."""
        f = dict(self.figures(structure, month))
        k = f["ref_recues"]
        f["nc_total"] += k
        f["nc_f_12_17"] += k
        f["rq_autre"] += k
        f["ref_recues"] = 0
        return f

    def wrong_months(self, structure):
        out = []
        for m in range(1, 10):
            sent = self.declared(structure, m)
            exp = self.expected.get((structure, m), {})
            if sent and "ref_recues" in exp and "nc_total" in exp:
                out.append(m)
        return out


def send(actor, instance, values, deprecated=None):
    save = {"type": "reporting.draft.save", "actor": actor, "instance": instance, "values": values}
    if deprecated:
        save["deprecated"] = deprecated
    return [save, {"type": "reporting.finalize", "actor": actor, "instance": instance},
            {"type": "reporting.send", "actor": actor, "instance": instance}]


def answer(exercise, question, value, actor=KDEMBELE):
    return {"type": "exercise.answer", "actor": actor, "exercise": exercise, "question": question, "answer": value}


def answered(question, correct=True):
    return {"answer": question} if correct else {"answer": question, "correct": False}


counted_as_new = {
    "id": "reference-comptee-comme-nouveau-cas",
    "title": {"fr": "Référence reçue comptée comme nouveau cas", "en": "Received referral counted as a new case"},
    "condition": {"exists": "dashboard.consistency", "where": {"referral_counted_as_new": True,
                                                               "submitted_at": {"gt": SESSION_START}}},
    "explanation": {
        "fr": "Un enfant reçu en référence reste un cas de la structure qui l'a identifié et référé : la structure qui "
              "le reçoit le compte dans « références reçues », jamais dans les nouveaux cas. Sinon, les sommes par cercle "
              "et par région comptent cet enfant deux fois (atelier de Mopti, février 2025).",
        "en": "A child received by referral remains a case of the structure that identified and referred them: the "
              "receiving structure counts them in \"referrals received\", never as a new case. Otherwise the sums by "
              "cercle and region count that child twice."},
    "penalty": 3,
}


def remontee_exercises(year):
    ex_a, ex_b, ex_c, ex_d = "remontee-tableau-de-bord", "remontee-janvier-decembre", "remontee-double-comptage", "remontee-relances"
    # a. Reading the dashboard: the expected answers are computed from the dashboard when the trainee answers.
    girls_mopti_march = {"sum": "dashboard.by_cercle", "field": "nc_f_12_17",
                         "where": {"cercle": "mopti-cercle", "year": 2024, "month": 3}}
    missing_feb = {"values": "dashboard.completeness", "field": "structure", "where": {"year": 2024, "month": 2, "status": "manquant"}}
    region_q1 = {"sum": "dashboard.by_region", "field": "nc_total", "where": {"region": "mopti", "year": 2024, "month": {"in": [1, 2, 3]}}}
    effective = {}
    for r in year.kobo:
        effective[(r["identification/structure"], int(r["identification/month"]))] = r
    girls = sum(int(r.get("nouveaux_cas/nc_sexe_age/nc_f_12_17", 0)) for (st, m), r in effective.items()
                if m == 3 and r["identification/cercle"] == "mopti-cercle")
    q1_total = sum(int(r.get("nouveaux_cas/nc_total", 0)) for (st, m), r in effective.items() if m in (1, 2, 3))
    structures = [o["id"] for o in REMONTEE["world"]["organisations"]
                  if any(u["organisation"] == o["id"] and u["role"] == "case_worker" for u in REMONTEE["world"]["users"])]
    feb_missing = sorted(st for st in structures if (st, 2) not in effective)

    dashboard = {
        "id": ex_a,
        "title": {"fr": "Remontée — lire le tableau de bord (bases du suivi)", "en": "Reporting — reading the dashboard (monitoring basics)"},
        "module": "Remontée des données de gestion de cas — suivi et évaluation (atelier de Mopti, module 1)",
        "objectives": ["Lire un tableau agrégé par cercle et par mois", "Lire la grille de complétude",
                       "Répondre avec les chiffres du tableau, pas de mémoire"],
        "roles": [{"slot": "gestionnaire-information", "role": "information_manager", "user": KDEMBELE}],
        "questions": [
            {"id": "filles-12-17-mopti-mars",
             "text": {"fr": "Combien de nouveaux cas de filles de 12 à 17 ans le cercle de Mopti a-t-il déclarés en mars 2024 ?",
                      "en": "How many new cases of girls aged 12–17 did the cercle of Mopti report in March 2024?"},
             "expected": girls_mopti_march},
            {"id": "sans-rapport-fevrier",
             "text": {"fr": "Quelles structures n'ont envoyé aucun rapport pour février 2024 ? (identifiants ou noms, séparés par des virgules)",
                      "en": "Which structures sent no report for February 2024? (ids or names, comma-separated)"},
             "expected": missing_feb},
            {"id": "nouveaux-cas-region-t1",
             "text": {"fr": "Combien de nouveaux cas la région de Mopti a-t-elle déclarés au premier trimestre 2024 (janvier à mars) ?",
                      "en": "How many new cases did the Mopti region report in the first quarter of 2024 (January to March)?"},
             "expected": region_q1},
        ],
        "tasks": [
            {"id": "lecture-cercle", "title": {"fr": "Le chiffre du cercle de Mopti en mars est lu correctement",
                                               "en": "The figure of the cercle of Mopti in March is read correctly"},
             "condition": answered("filles-12-17-mopti-mars"), "weight": 3},
            {"id": "lecture-completude", "title": {"fr": "Les structures sans rapport en février sont trouvées",
                                                   "en": "The structures without a February report are found"},
             "condition": answered("sans-rapport-fevrier"), "weight": 3},
            {"id": "lecture-region", "title": {"fr": "Le total régional du premier trimestre est juste",
                                               "en": "The regional total of the first quarter is right"},
             "condition": answered("nouveaux-cas-region-t1"), "deadline": "2h", "weight": 4},
        ],
        "hints": [
            {"task": "lecture-cercle", "text": {"fr": "Tableau agrégé par cercle : ligne « Cercle de Mopti », mois 3, colonne nc_f_12_17.",
                                                "en": "Table by cercle: row \"Cercle de Mopti\", month 3, column nc_f_12_17."}, "cost": 1},
            {"task": "lecture-completude", "text": {"fr": "Grille de complétude : colonne 2024-02, cases « manquant ».",
                                                    "en": "Completeness grid: column 2024-02, cells \"manquant\"."},
             "after": "30m", "cost": 1},
        ],
        "mistakes": [
            {"id": "mauvaise-ligne", "title": {"fr": "Chiffre du cercle mal lu", "en": "Cercle figure misread"},
             "condition": answered("filles-12-17-mopti-mars", False),
             "explanation": {"fr": "Lisez la ligne du cercle (et non de la région ou d'une seule structure), le bon mois et la bonne "
                                   "tranche : filles (f) de 12 à 17 ans, nouveaux cas seulement.",
                             "en": "Read the cercle's row (not the region's or one structure's), the right month and the right "
                                   "group: girls (f) aged 12–17, new cases only."},
             "penalty": 1},
            {"id": "completude-incomplete", "title": {"fr": "Liste des structures manquantes inexacte", "en": "Wrong list of missing structures"},
             "condition": answered("sans-rapport-fevrier", False),
             "explanation": {"fr": "Une structure attendue (qui a un gestionnaire de cas) sans rapport reçu pour le mois est « manquante » : "
                                   "donnez-les toutes, et seulement celles-là.",
                             "en": "An expected structure (one with a case worker) with no report for the month is missing: "
                                   "name all of them, and only them."},
             "penalty": 1},
        ],
        "reference_solution": [answer(ex_a, "filles-12-17-mopti-mars", girls),
                               answer(ex_a, "sans-rapport-fevrier", ", ".join(feb_missing)),
                               answer(ex_a, "nouveaux-cas-region-t1", str(q1_total))],
        "wrong_runs": {"mauvaise-ligne": [answer(ex_a, "filles-12-17-mopti-mars", girls + 2)],
                       "completude-incomplete": [answer(ex_a, "sans-rapport-fevrier", feb_missing[:1])]},
    }

    # b. January to December for ONG Jigiya.
    jig = [c for m in range(1, 13) for c in send(JIGIYA_CW, f"uuid:jigiya-2024-{m:02d}", year.values(JIGIYA, m))]
    twice_month = next((m for m in range(1, 13) if year.figures(JIGIYA, m)["ref_recues"] > 0), None)
    assert twice_month, "ONG Jigiya receives no referral in 2024: choose another structure"
    jig_wrong = send(JIGIYA_CW, "uuid:jigiya-faux", year.values(JIGIYA, twice_month, year.counted_twice(JIGIYA, twice_month)))
    consistent = {"structure": JIGIYA, "year": 2024, "submitted": True, "discrepancies": {"exists": False}}
    january_to_december = {
        "id": ex_b,
        "title": {"fr": "Remontée — remplir janvier à décembre 2024 pour ONG Jigiya",
                  "en": "Reporting — filling January to December 2024 for ONG Jigiya"},
        "module": "Remontée des données de gestion de cas — collecte de janvier à décembre 2024 (atelier de Mopti, module 5)",
        "objectives": ["Remplir le formulaire mensuel à partir des dossiers de la structure", "Finaliser puis envoyer chaque mois",
                       "Envoyer des chiffres cohérents avec les dossiers"],
        "roles": [{"slot": "point-focal", "role": "case_worker", "user": JIGIYA_CW}],
        "tasks": [
            {"id": "premier-trimestre", "title": {"fr": "Les rapports de janvier, février et mars sont reçus",
                                                  "en": "The January, February and March reports are received"},
             "condition": {"count": "dashboard.completeness", "where": {"structure": JIGIYA, "year": 2024, "month": {"in": [1, 2, 3]},
                                                                        "status": "recu"}, "min": 3}, "weight": 2},
            {"id": "douze-mois", "title": {"fr": "Les 12 rapports de 2024 sont reçus", "en": "The 12 reports of 2024 are received"},
             "condition": {"count": "dashboard.completeness", "where": {"structure": JIGIYA, "year": 2024, "status": "recu"}, "min": 12},
             "weight": 3},
            {"id": "sans-ecart", "title": {"fr": "Les 12 rapports concordent avec les dossiers (aucun écart)",
                                           "en": "The 12 reports agree with the case records (no discrepancy)"},
             "condition": {"count": "dashboard.consistency", "where": consistent, "min": 12}, "weight": 5},
        ],
        "hints": [
            {"task": "sans-ecart", "text": {"fr": "Comptez les dossiers identifiés dans le mois par ONG Jigiya ; un enfant reçu en "
                                                  "référence va dans « références reçues ».",
                                            "en": "Count the cases ONG Jigiya identified in the month; a child received by referral "
                                                  "goes in \"referrals received\"."}, "after": "2h", "cost": 1},
        ],
        "mistakes": [counted_as_new],
        "reference_solution": jig,
        "wrong_runs": {counted_as_new["id"]: jig_wrong},
    }

    # c. A referred case counted twice by ONG Benkadi: find it, send corrected versions.
    wrong = year.wrong_months(BENKADI)
    assert wrong, "ONG Benkadi has no month with a received referral"
    fixes, edits = [], []
    for m in wrong:
        fixes += send(BENKADI_CW, f"uuid:benkadi-correction-{m:02d}", year.values(BENKADI, m), year.instance(BENKADI, m))
    first = wrong[0]
    keep_error = dict(year.values(BENKADI, first, year.counted_twice(BENKADI, first)), observations="Vérifié")
    edits = send(BENKADI_CW, "uuid:benkadi-correction-faux", keep_error, year.instance(BENKADI, first))
    twice = {"values": "dashboard.consistency", "field": "month",
             "where": {"structure": BENKADI, "year": 2024, "referral_counted_as_new": True}}
    double = {
        "id": ex_c,
        "title": {"fr": "Remontée — un cas référé compté deux fois : trouver et corriger",
                  "en": "Reporting — a referred case counted twice: find and correct it"},
        "module": "Remontée des données de gestion de cas — cohérence avec les dossiers (atelier de Mopti, modules 3 et 4)",
        "objectives": ["Lire le rapport d'écarts entre les rapports et les dossiers",
                       "Reconnaître une référence reçue comptée comme nouveau cas",
                       "Envoyer une version corrigée (modification) sans créer de doublon"],
        "roles": [{"slot": "gestionnaire-information", "role": "information_manager", "user": KDEMBELE},
                  {"slot": "point-focal", "role": "case_worker", "user": BENKADI_CW}],
        "questions": [
            {"id": "mois-double-comptage",
             "text": {"fr": "Avant toute correction : pour quels mois de 2024 ONG Benkadi a-t-elle compté des enfants reçus en "
                            "référence comme nouveaux cas ? (numéros des mois, séparés par des virgules)",
                      "en": "Before any correction: for which months of 2024 did ONG Benkadi count children received by referral "
                            "as new cases? (month numbers, comma-separated)"},
             "expected": twice},
        ],
        "tasks": [
            {"id": "ecart-trouve", "title": {"fr": "Les mois en double comptage sont trouvés", "en": "The double-counted months are found"},
             "condition": answered("mois-double-comptage"), "weight": 3},
            {"id": "premiere-correction", "title": {"fr": f"Le rapport de {MONTHS[first]} 2024 est corrigé par une nouvelle version",
                                                    "en": f"The report for {MONTHS_EN[first]} 2024 is corrected by a new version"},
             "condition": {"all": [
                 {"exists": "dashboard.consistency", "where": {"structure": BENKADI, "year": 2024, "month": first, "submitted": True,
                                                               "version": {"gt": 1}, "discrepancies": {"exists": False}}}]},
             "weight": 3},
            {"id": "tout-corrige", "title": {"fr": "Plus aucun rapport de Benkadi ne compte une référence reçue comme nouveau cas",
                                             "en": "No Benkadi report counts a received referral as a new case any more"},
             "condition": {"all": [{"count": "dashboard.consistency", "where": {"structure": BENKADI, "referral_counted_as_new": True}, "max": 0},
                                   {"count": "dashboard.consistency", "where": {"structure": BENKADI, "version": {"gt": 1}}, "min": len(wrong)}]},
             "weight": 4},
        ],
        "hints": [
            {"task": "ecart-trouve", "text": {"fr": "Rapport d'écarts : les mois où « nc_total » déclaré dépasse l'attendu et où "
                                                    "« ref_recues » déclaré est en dessous.",
                                              "en": "Discrepancy report: the months where declared nc_total exceeds the expected and "
                                                    "declared ref_recues falls short."}, "after": "30m", "cost": 1},
            {"task": "premiere-correction", "text": {"fr": "Une correction est une modification du rapport envoyé (« deprecated » = son "
                                                           "identifiant d'instance), pas un nouveau rapport : sinon le mois a deux rapports.",
                                                     "en": "A correction edits the sent report (deprecated = its instance id), it is not a "
                                                           "new report."}, "cost": 1},
        ],
        "mistakes": [counted_as_new,
                     {"id": "mauvais-mois", "title": {"fr": "Mois mal identifiés", "en": "Wrong months"},
                      "condition": answered("mois-double-comptage", False),
                      "explanation": {"fr": "Comparez, mois par mois, les nouveaux cas déclarés et attendus ainsi que les références "
                                            "reçues : le double comptage fait monter les uns et baisser les autres du même nombre.",
                                      "en": "Compare, month by month, declared and expected new cases and referrals received: double "
                                            "counting raises one and lowers the other by the same number."},
                      "penalty": 1}],
        "reference_solution": [answer(ex_c, "mois-double-comptage", ", ".join(str(m) for m in wrong))] + fixes,
        "wrong_runs": {counted_as_new["id"]: edits,
                       "mauvais-mois": [answer(ex_c, "mois-double-comptage", "12")]},
    }

    # d. Following up the structures that have not reported (third quarter).
    q3_missing = [(st, m) for st in structures for m in Q3 if (st, m) not in effective]
    reported = next((st, m) for st in structures for m in Q3 if (st, m) in effective)
    remind = [{"type": "reporting.reminder.send", "actor": KDEMBELE, "structure": st, "year": 2024, "month": m}
              for st, m in q3_missing]
    q3 = {"year": 2024, "month": {"in": Q3}}
    relances = {
        "id": ex_d,
        "title": {"fr": "Remontée — relancer les structures qui n'ont pas envoyé leurs rapports du 3e trimestre",
                  "en": "Reporting — following up the structures that have not sent their third-quarter reports"},
        "module": "Remontée des données de gestion de cas — complétude (atelier de Mopti, module 3)",
        "objectives": ["Lire la grille de complétude", "Relancer chaque structure pour chaque mois manquant, et seulement celles-là"],
        "roles": [{"slot": "gestionnaire-information", "role": "information_manager", "user": KDEMBELE}],
        "questions": [
            {"id": "manquants-t3",
             "text": {"fr": "Combien de rapports mensuels manquent pour juillet, août et septembre 2024 (toutes structures) ?",
                      "en": "How many monthly reports are missing for July, August and September 2024 (all structures)?"},
             "expected": {"count": "dashboard.completeness", "where": dict(q3, status="manquant")}},
        ],
        "tasks": [
            {"id": "manquants-comptes", "title": {"fr": "Les rapports manquants du trimestre sont comptés",
                                                  "en": "The missing reports of the quarter are counted"},
             "condition": answered("manquants-t3"), "weight": 2},
            {"id": "toutes-relancees", "title": {"fr": "Chaque rapport manquant du trimestre a fait l'objet d'une relance",
                                                 "en": "Every missing report of the quarter has been followed up"},
             "condition": {"all": [{"exists": "reporting.reminders"},
                                   {"count": "dashboard.completeness", "where": dict(q3, status="manquant", reminded=False), "max": 0}]},
             "weight": 6},
        ],
        "hints": [
            {"task": "toutes-relancees", "text": {"fr": "Une relance par structure et par mois manquant (« manquant » dans la grille) ; "
                                                        "une structure peut manquer plusieurs mois.",
                                                  "en": "One reminder per structure and missing month; a structure may miss several months."},
             "after": "1h", "cost": 1},
        ],
        "mistakes": [
            {"id": "relance-structure-a-jour", "title": {"fr": "Relance d'une structure qui a déjà envoyé", "en": "Reminding a structure that reported"},
             "condition": refused("reporting.reminder.send", "report_already_received"),
             "explanation": {"fr": "Cette structure a déjà envoyé son rapport pour ce mois : vérifiez la grille de complétude avant de "
                                   "relancer. Les relances inutiles fatiguent les points focaux et font douter de la plateforme.",
                             "en": "That structure already sent its report for the month: check the completeness grid before "
                                   "reminding. Needless reminders tire focal points."},
             "penalty": 2},
            {"id": "mauvais-compte", "title": {"fr": "Nombre de rapports manquants faux", "en": "Wrong number of missing reports"},
             "condition": answered("manquants-t3", False),
             "explanation": {"fr": "Comptez une case « manquant » par structure et par mois ; les mois d'octobre à décembre ne font pas "
                                   "partie du 3e trimestre.",
                             "en": "Count one \"manquant\" cell per structure and month; October to December are not in the third quarter."},
             "penalty": 1},
        ],
        "reference_solution": [answer(ex_d, "manquants-t3", len(q3_missing))] + remind,
        "wrong_runs": {"relance-structure-a-jour": [{"type": "reporting.reminder.send", "actor": KDEMBELE, "structure": reported[0],
                                                     "year": 2024, "month": reported[1]}],
                       "mauvais-compte": [answer(ex_d, "manquants-t3", len(q3_missing) + 3)]},
    }
    return [dashboard, january_to_december, double, relances]


MONTHS = ["", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
MONTHS_EN = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def write(name, s):
    with open(f"{ROOT}/scenarios/{name}", "w") as f:
        json.dump(s, f, ensure_ascii=False, indent=1)
        f.write("\n")


write("curriculum-rapidprotection.json", scenario(
    "Curriculum RapidProtection — signaler par SMS",
    "Exercices du module RapidProtection : inscription d'un signalant avec « prot », signalement « Jam » complet, "
    "réponses invalides, suivi relayé au signalant. Cercle de Mopti, mars 2024. Toutes les personnes sont fictives.",
    ["Inscrire un signalant avec son consentement", "Envoyer un signalement complet", "Corriger une réponse invalide",
     "Relayer le suivi au signalant"], rp_exercises()))
write("curriculum-cpims.json", scenario(
    "Curriculum CPIMS+ — formation de formateurs, modules 1 à 8",
    "Un exercice par module de la formation de formateurs CPIMS+ : du signalement d'Awa Traoré à la clôture, "
    "documents, transfert et référencement, comptes ; et une plainte PSEA. Cercle de Mopti, mars 2024. Toutes les personnes sont fictives.",
    ["Suivre un cas à chaque étape de la gestion de cas", "Travailler en binôme gestionnaire / superviseur"],
    cpims_exercises(), with_sms=False))
write("curriculum-cartographie.json", scenario(
    "Curriculum cartographie des services — un nouveau service de santé",
    "Un service de santé ouvre à Mopti : la gestionnaire de l'information de la DRPFEF l'ajoute à la cartographie des services "
    "(annuaire), la gestionnaire de cas y réfère Awa Traoré et le service renvoie la contre-référence (fiche info 4 : "
    "collaboration et coordination). Cercle de Mopti, mars 2024. Toutes les personnes sont fictives.",
    ["Mettre à jour la cartographie des services", "Référer vers un nouveau service et recevoir la contre-référence"],
    mapping_exercises(), with_sms=False))

remontee = remontee_base()
remontee["meta"] = {
    "title": "Curriculum remontée mensuelle — atelier de Mopti (janvier à décembre 2024)",
    "language": "fr",
    "description": "Les exercices de l'atelier de mise en place de la remontée des données de gestion de cas (Mopti, février 2025) : "
                   "lire le tableau de bord, remplir janvier à décembre 2024 pour une structure, trouver et corriger un cas référé "
                   "compté deux fois, relancer les structures qui n'ont pas envoyé. Même monde et même année simulée que « Remontée "
                   "mensuelle 2024 — Mopti », sauf ONG Jigiya qui n'a encore rien envoyé. Toutes les personnes sont fictives.",
    "objectives": ["Lire un tableau agrégé et la grille de complétude", "Envoyer des rapports cohérents avec les dossiers",
                   "Ne jamais compter une référence reçue comme nouveau cas", "Relancer les structures en retard"],
}
remontee["exercises"] = remontee_exercises(Year(remontee))
write("curriculum-remontee.json", remontee)
