#!/usr/bin/env python3
"""Writes scenarios/curriculum-*.json: the world and flows of mopti-atelier, no timeline, and exercises.
The complete form entries come from tests/unit/case_fixtures.h. Check the result with
`kalan exercise check scenarios/curriculum-*.json`.

TODO once monthly reporting is merged: the Mopti reporting workshop (seed 002: dashboard, January to
December 2024, a referred case counted twice, structures that have not reported) with the detector
"counting a received referral as a new case"; service mapping (seed 001) once the directory can be
edited by a command."""
import copy
import json
import os

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
