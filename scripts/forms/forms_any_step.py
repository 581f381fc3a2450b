"""Forms usable at any step: referral (A.1), transfer (A.2), community case management (A.3), reopening (B.1),
and the file tools: checklist and cover page."""
from formkit import (age, age_from, calc, date, form, group, many, note, one, phone,
                     text, worker, yes_no)
import choices  # noqa: F401  (fills CHOICES)


def must_be_yes(name, fr, en, msg_fr, msg_en):
    return one(name, fr, en, "yes_no", required=True, constraint=". = 'oui'", cmsg=(msg_fr, msg_en))


FA1 = form("A1", ("A.1 Formulaire de référence et contre-référence", "A.1 Referral and counter-referral"),
           ("Demande de service à un autre prestataire de la cartographie ; le prestataire renvoie la contre-référence. "
            "Le dossier reste à la structure qui réfère.",
            "Service request to another provider of the service mapping; the provider sends back the counter-referral. "
            "The file stays with the referring structure."), [
    date("referral_date", "Date de la référence", "Referral date", required=True),
    one("urgency", "Urgence", "Urgency", "urgency_levels", required=True),
    must_be_yes("consent_confirmed", "Consentements aux services et au partage (1.A) obtenus",
                "Consent to services and to sharing (1.A) obtained",
                "Pas de référence sans le consentement aux services et au partage (1.A).",
                "No referral without consent to services and to sharing (1.A)."),
    group("referred_to", "Référé vers", "Referred to", [
        one("service_type", "Type de service demandé", "Service type requested", "service_types", required=True),
        text("provider_organisation", "Structure prestataire", "Provider organisation", required=True),
        text("provider_contact_name", "Personne contact", "Contact person"),
        phone("provider_phone", "Téléphone du prestataire", "Provider's phone"),
    ]),
    text("referral_reason", "Motif de la référence et service attendu", "Reason for referral and service expected",
         multiline=True, required=True),
    many("information_shared", "Informations transmises", "Information shared", "shared_information", required=True),
    yes_no("child_accompanied", "L'enfant sera-t-il accompagné ?", "Will the child be accompanied?"),
    group("counter_referral", "Contre-référence (remplie par le prestataire)", "Counter-referral (filled by the provider)", [
        one("referral_response", "Réponse du prestataire", "Provider's answer", "referral_responses", required=True,
            default="pending"),
        text("rejection_reason", "Raison du refus", "Reason for rejection", required=True,
             relevant="${referral_response} = 'rejected'"),
        date("service_provided_date", "Date du service rendu", "Date of the service",
             relevant="${referral_response} = 'accepted'",
             constraint=". >= ${referral_date} and . <= today()",
             cmsg=("La date du service doit être entre la date de référence et aujourd'hui.",
                   "The service date must be between the referral date and today.")),
        text("service_result", "Résultat du service", "Result of the service", multiline=True,
             relevant="${referral_response} = 'accepted'"),
        text("further_needs", "Besoins complémentaires constatés", "Further needs noticed", multiline=True,
             relevant="${referral_response} = 'accepted'"),
        text("provider_respondent", "Nom de la personne qui répond", "Name of the person answering",
             relevant="${referral_response} != 'pending'"),
    ]),
    worker("referring_worker_name", "Gestionnaire de cas qui réfère", "Referring case worker"),
], repeatable=True)

FA2 = form("A2", ("A.2 Formulaire de transfert de dossier", "A.2 Case transfer"),
           ("Transfert du dossier ouvert à une autre structure, qui le poursuit jusqu'à la clôture (enfant qui a "
            "déménagé, structure qui quitte la zone…).",
            "Handing an open file over to another structure, which continues to closure (child moved, structure leaving "
            "the zone…)."), [
    date("transfer_date", "Date de la demande de transfert", "Transfer request date", required=True),
    one("transfer_reason", "Raison du transfert", "Reason for transfer", "transfer_reasons", required=True),
    text("transfer_reason_other", "Autre raison (précisez)", "Other reason (specify)", required=True,
         relevant="${transfer_reason} = 'other'"),
    must_be_yes("consent_transfer", "Consentement au partage des informations pour le transfert (1.A)",
                "Consent to share information for the transfer (1.A)",
                "Pas de transfert sans consentement au partage des informations.",
                "No transfer without consent to share information."),
    group("receiving", "Structure qui reçoit", "Receiving structure", [
        text("receiving_organisation", "Structure", "Organisation", required=True),
        text("receiving_worker_name", "Gestionnaire de cas qui reçoit", "Receiving case worker"),
        phone("receiving_worker_phone", "Téléphone", "Phone"),
        one("receiving_region", "Région", "Region", "regions", required=True),
    ]),
    one("case_stage", "Étape du cas au moment du transfert", "Case step at transfer", "case_stages", required=True),
    many("documents_sent", "Formulaires transmis", "Forms sent", "case_documents", required=True),
    text("open_actions", "Actions en cours à poursuivre", "Actions under way to continue", multiline=True, required=True),
    yes_no("child_informed", "L'enfant a-t-il été informé du transfert ?", "Was the child told about the transfer?",
           required=True),
    yes_no("caregiver_informed", "Le parent ou tuteur a-t-il été informé ?", "Was the parent or caregiver told?"),
    group("transfer_answer", "Réponse de la structure qui reçoit", "Receiving structure's answer", [
        one("transfer_response", "Réponse", "Answer", "referral_responses", required=True, default="pending"),
        date("response_date", "Date de la réponse", "Answer date", relevant="${transfer_response} != 'pending'",
             constraint=". >= ${transfer_date} and . <= today()",
             cmsg=("La date de réponse doit être entre la demande et aujourd'hui.",
                   "The answer date must be between the request and today.")),
        text("response_comment", "Commentaire", "Comment", multiline=True,
             required="${transfer_response} = 'rejected'",
             req_msg=("Expliquez la raison du refus.", "Explain why the transfer is rejected.")),
    ]),
    worker("transferring_worker_name", "Gestionnaire de cas qui transfère", "Transferring case worker"),
], repeatable=True)

FA3 = form("A3", ("A.3 Gestion des cas et référencement communautaire", "A.3 Community case management and referral"),
           ("Fiche des relais et comités (CDPE/CCPE) : situation repérée dans la communauté, actions menées et "
            "référence vers la gestion de cas.",
            "Sheet for community reporters and committees: situation found in the community, actions taken and "
            "referral to case management."), [
    date("community_report_date", "Date", "Date", required=True),
    one("community_structure", "Acteur communautaire", "Community actor", "community_structures", required=True),
    text("reporter_name", "Nom du relais ou membre du comité", "Reporter or committee member's name", required=True),
    phone("reporter_phone", "Téléphone", "Phone"),
    group("child", "Enfant", "Child", [
        text("child_name", "Prénom et nom de l'enfant", "Child's name", required=True),
        one("sex", "Sexe", "Sex", "sex", required=True),
        age("child_age", required=True),
        text("village", "Village / quartier", "Village / neighbourhood", required=True),
    ]),
    many("concerns", "Situation repérée", "Situation found", "protection_concerns", required=True),
    yes_no("urgent", "La situation est-elle urgente ?", "Is it urgent?", required=True),
    many("community_actions", "Actions menées par la communauté", "Actions taken by the community", "community_actions"),
    one("verbal_consent", "L'enfant ou sa famille accepte-t-il la référence ?", "Does the child or family accept the referral?",
        "yes_no", required=True),
    yes_no("referred_to_case_management", "Référé vers un gestionnaire de cas", "Referred to a case worker", required=True,
           relevant="${verbal_consent} = 'oui'"),
    one("referred_service_type", "Autre service sollicité", "Other service requested", "service_types",
        relevant="${verbal_consent} = 'oui'"),
    text("referred_organisation", "Structure contactée", "Organisation contacted",
         relevant="${referred_to_case_management} = 'oui' or ${referred_service_type} != ''"),
    text("community_follow_up", "Suivi prévu par la communauté", "Follow-up planned by the community", multiline=True),
], repeatable=True)

FB1 = form("B1", ("B.1 Formulaire de réouverture de dossier", "B.1 Case reopening"),
           ("Réouverture d'un dossier clos lorsqu'un nouveau risque ou besoin apparaît ; le cas reprend à l'évaluation.",
            "Reopening a closed file when a new risk or need appears; the case resumes at assessment."), [
    date("reopening_date", "Date de réouverture", "Reopening date", required=True),
    date("previous_closure_date", "Date de la clôture précédente", "Previous closure date", required=True,
         constraint=". <= ${reopening_date}",
         cmsg=("La clôture précédente doit précéder la réouverture.", "The previous closure must come before the reopening.")),
    one("reopening_reason", "Raison de la réouverture", "Reason for reopening", "reopening_reasons", required=True),
    text("reason_details", "Détails", "Details", multiline=True, required=True),
    one("reopening_source", "Qui a signalé la situation ?", "Who reported the situation?", "identification_sources",
        required=True),
    many("risks_identified", "Risques identifiés", "Risks identified", "protection_concerns", required=True),
    one("risk_level", "Niveau de risque", "Risk level", "risk_levels", required=True),
    yes_no("new_assessment_needed", "Une nouvelle évaluation approfondie (2.A) est-elle nécessaire ?",
           "Is a new comprehensive assessment (2.A) needed?", required=True),
    worker(),
    text("supervisor_name", "Superviseur informé", "Supervisor informed", required=True),
], repeatable=True)

# The file checklist: one line per form of the file, grouped by step. 1.A to 1.C and 2.A, 3.A are always due.
CHECK_STEPS = [
    ("step1", "Étape 1 : identification et enregistrement", "Step 1: identification and registration",
     ["1A", "1B", "1C", "1D", "1E"]),
    ("step2_3", "Étapes 2 et 3 : évaluation et plan", "Steps 2 and 3: assessment and plan", ["2A", "3A", "3B"]),
    ("step4", "Étape 4 : mise en œuvre", "Step 4: implementation", ["4A", "4B", "4C", "4D", "4E"]),
    ("step5", "Étape 5 : suivi et réexamen", "Step 5: follow-up and review", ["5A", "5B", "5C"]),
    ("step6", "Étape 6 : clôture", "Step 6: closure", ["6A", "6B", "6C"]),
    ("any_step", "Formulaires de toutes étapes", "Any-step forms", ["A1", "A2", "A3", "B1"]),
]
ALWAYS_DUE = {"1A", "1B", "1C", "2A", "3A"}
TITLES = {}  # filled by build_forms.py from the forms themselves


def check_line(form_id):
    fr, en = TITLES[form_id]
    kw = {}
    if form_id in ALWAYS_DUE:
        kw = dict(constraint=". != 'not_applicable'", cmsg=("Ce formulaire est obligatoire dans tout dossier.",
                                                           "This form is required in every file."))
    return one(f"doc_{form_id.lower()}", fr, en, "checklist_status", required=True, **kw)


def checklist_form():
    lines = [group(g, fr, en, [check_line(i) for i in ids]) for g, fr, en, ids in CHECK_STEPS]
    ids = [i for *_, step_ids in CHECK_STEPS for i in step_ids]
    missing = " + ".join(f"if(${{doc_{i.lower()}}} = 'missing' or ${{doc_{i.lower()}}} = 'incomplete', 1, 0)" for i in ids)
    return form("checklist", ("Liste de vérification du dossier", "File checklist"),
                ("Contrôle de la complétude du dossier physique et électronique, formulaire par formulaire.",
                 "Checks that the paper and electronic file is complete, form by form."), [
        date("check_date", "Date de la vérification", "Check date", required=True),
        *lines,
        calc("missing_count", missing),
        note("missing_note", "Des formulaires manquent ou sont incomplets : complétez le dossier avant la demande de clôture.",
             "Some forms are missing or incomplete: complete the file before requesting closure.",
             relevant="${missing_count} > 0"),
        yes_no("attachments_scanned", "Les documents papier sont-ils scannés et joints ?",
               "Are the paper documents scanned and attached?", required=True),
        text("checklist_comments", "Commentaires", "Comments", multiline=True),
        text("checked_by", "Vérifié par (superviseur)", "Checked by (supervisor)", required=True),
    ])


def cover_form():
    return form("cover", ("Page de garde du dossier", "File cover page"),
                ("Page de couverture du dossier : numéro, enfant, structure et équipe, statut. Confidentiel.",
                 "File cover page: number, child, organisation and team, status. Confidential."), [
        note("confidential_note", "CONFIDENTIEL : ce dossier ne doit être consulté que par les personnes autorisées.",
             "CONFIDENTIAL: this file may only be read by authorised people."),
        text("case_number", "Numéro du dossier", "File number", required=True,
             hint=("Exemple : CAS-0001", "Example: CAS-0001"),
             constraint="regex(., '^CAS-[0-9]{4,}$')",
             cmsg=("Le numéro suit le format CAS-0001.", "The number follows the format CAS-0001.")),
        date("opening_date", "Date d'ouverture", "Opening date", required=True),
        group("cover_child", "Enfant", "Child", [
            text("child_first_name", "Prénom(s)", "First name(s)", required=True),
            text("child_last_name", "Nom de famille", "Family name", required=True),
            one("sex", "Sexe", "Sex", "sex", required=True),
            date("date_of_birth", "Date de naissance", "Date of birth"),
            calc("child_age", age_from("date_of_birth")),
        ]),
        group("cover_place", "Structure et lieu", "Organisation and place", [
            text("organisation_name", "Structure", "Organisation", required=True),
            one("region", "Région", "Region", "regions", required=True),
            one("cercle", "Cercle (commune pour Bamako)", "Cercle (commune for Bamako)", "cercles", required=True,
                choice_filter="region = ${region}"),
        ]),
        group("cover_team", "Équipe", "Team", [
            worker(),
            phone("case_worker_phone", "Téléphone du gestionnaire de cas", "Case worker's phone"),
            text("supervisor_name", "Superviseur", "Supervisor", required=True),
        ]),
        one("file_status", "Statut du dossier", "File status", "file_statuses", required=True, default="open"),
        date("closure_date", "Date de clôture", "Closure date", required=True, relevant="${file_status} = 'closed'",
             constraint=". >= ${opening_date} and . <= today()",
             cmsg=("La clôture doit être entre l'ouverture et aujourd'hui.", "Closure must be between opening and today.")),
        text("archive_location", "Lieu d'archivage du dossier papier", "Where the paper file is kept"),
    ])
