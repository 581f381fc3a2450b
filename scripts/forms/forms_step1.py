"""Step 1, identification and registration: 1.A to 1.E."""
from formkit import (age, age_from, attachment, calc, date, form, group, integer, many, note, one,
                     phone, signature, text, worker, yes_no)
import choices  # noqa: F401  (fills CHOICES)



def consent(name, fr, en, **kw):
    # Consent answers are select_one over yes_no so that they read « oui » / « non » like the 1.A paper form.
    return one(name, fr, en, "yes_no", required=True, **kw)


F1A = form("1A", ("1.A Accord au partage de l'information (consentement et assentiment)",
                  "1.A Consent to share information (consent and assent)"),
           ("Recueille le consentement éclairé (ou l'assentiment de l'enfant) avant toute prise en charge, "
            "référence ou transfert.",
            "Records informed consent (or the child's assent) before any service, referral or transfer."), [
    note("consent_intro", "Expliquez à l'enfant et à sa famille, dans une langue qu'ils comprennent, ce qu'est la gestion "
         "de cas, quelles informations seront notées, avec qui elles pourront être partagées et qu'ils peuvent refuser "
         "à tout moment sans perdre l'accès aux services d'urgence.",
         "Explain to the child and family, in a language they understand, what case management is, what will be "
         "recorded, with whom it may be shared, and that they may refuse at any time without losing emergency care."),
    group("consent_context", "Contexte de l'entretien", "Interview context", [
        date("consent_date", "Date du consentement", "Date of consent", required=True),
        age("child_age", required=True),
        one("language_used", "Langue utilisée pour l'explication", "Language used", "languages", required=True),
        yes_no("interpreter_used", "Un interprète a-t-il été utilisé ?", "Was an interpreter used?"),
        yes_no("child_understood", "L'enfant a-t-il compris les explications ?", "Did the child understand the explanation?",
               required=True),
    ]),
    group("consent_person", "Personne qui donne le consentement", "Person giving consent", [
        one("consent_giver", "Qui donne le consentement ?", "Who gives consent?", "consent_givers", required=True,
            constraint=". != 'child' or ${child_age} >= 15",
            cmsg=("Avant 15 ans, l'enfant donne son assentiment ; le consentement est donné par le parent ou le tuteur.",
                  "Under 15, the child gives assent; consent is given by the parent or guardian.")),
        text("consent_giver_name", "Nom de la personne qui consent", "Name of the person giving consent", required=True,
             relevant="${consent_giver} != 'child' and ${consent_giver} != 'best_interest'"),
        one("consent_giver_relationship", "Lien avec l'enfant", "Relationship to the child", "relationships",
            required=True, relevant="${consent_giver} = 'parent' or ${consent_giver} = 'legal_guardian' or ${consent_giver} = 'caregiver'"),
        one("child_assent", "L'enfant donne-t-il son assentiment ?", "Does the child give assent?", "yes_no",
            required=True, relevant="${consent_giver} != 'child' and ${child_age} >= 7"),
        text("best_interest_reason", "Pourquoi aucun adulte ne peut consentir", "Why no adult can consent", multiline=True,
             required=True, relevant="${consent_giver} = 'best_interest'"),
    ]),
    group("consent_answers", "Consentements", "Consents", [
        consent("consent_services", "Consentement pour recevoir les services de gestion de cas",
                "Consent to receive case management services"),
        consent("consent_sharing", "Consentement au partage des informations avec d'autres organisations",
                "Consent to share information with other organisations"),
        many("sharing_services", "Types de services avec lesquels les informations peuvent être partagées",
             "Types of services the information may be shared with", "service_types", required=True,
             relevant="${consent_sharing} = 'oui'"),
        text("sharing_restrictions", "Informations à ne pas partager", "Information not to be shared", multiline=True,
             relevant="${consent_sharing} = 'oui'"),
        yes_no("consent_photo", "Accord pour prendre et joindre des photos", "Consent to take and attach photos"),
        text("refusal_reason", "Raison du refus", "Reason for refusal", multiline=True,
             relevant="${consent_services} = 'non' or ${consent_sharing} = 'non'"),
        note("refusal_note", "Sans consentement au partage, aucune référence (A.1) ni transfert (A.2) n'est possible ; "
             "les soins d'urgence restent assurés.",
             "Without consent to share, no referral (A.1) or transfer (A.2) is possible; emergency care remains available.",
             relevant="${consent_sharing} = 'non'"),
    ]),
    signature("consent_signature", "Signature ou empreinte de la personne qui consent",
              "Signature or thumbprint of the person giving consent", required=True),
    worker(),
])

F1B = form("1B", ("1.B Enregistrement du cas", "1.B Case registration"),
           ("Fiche d'identification : qui est l'enfant, où il vit, qui s'en occupe et pourquoi le cas est signalé.",
            "Identification sheet: who the child is, where they live, who cares for them and why the case is reported."), [
    group("registration", "Enregistrement", "Registration", [
        date("registration_date", "Date d'enregistrement", "Registration date", required=True),
        one("identification_source", "Source de l'identification", "Source of identification", "identification_sources",
            required=True),
        text("reporter_name", "Nom de la personne qui signale", "Name of the person reporting",
             relevant="${identification_source} != 'self'"),
        phone("reporter_phone", "Téléphone de la personne qui signale", "Phone of the person reporting",
              relevant="${identification_source} != 'self'"),
    ]),
    group("child_identity", "Identité de l'enfant", "Child's identity", [
        text("child_first_name", "Prénom(s)", "First name(s)", required=True),
        text("child_last_name", "Nom de famille", "Family name", required=True),
        text("child_nickname", "Surnom / autre nom utilisé", "Nickname / other name used"),
        one("sex", "Sexe", "Sex", "sex", required=True),
        date("date_of_birth", "Date de naissance", "Date of birth",
             constraint=". <= today() and int((decimal-date-time(today()) - decimal-date-time(.)) div 365.25) < 18",
             cmsg=("La date de naissance doit être passée et l'enfant doit avoir moins de 18 ans.",
                   "The date of birth must be in the past and the child under 18.")),
        age("age_declared", "Âge estimé (ans)", "Estimated age (years)", required=True,
            relevant="${date_of_birth} = ''",
            req_msg=("Sans date de naissance, indiquez l'âge estimé.", "Without a date of birth, give the estimated age.")),
        calc("age_calculated", age_from("date_of_birth")),
        calc("child_age", "coalesce(${age_calculated}, ${age_declared})"),
        one("nationality", "Nationalité", "Nationality", "nationalities"),
        many("languages_spoken", "Langues parlées", "Languages spoken", "languages"),
        yes_no("has_birth_certificate", "L'enfant a-t-il un acte de naissance ?", "Does the child have a birth certificate?"),
        yes_no("has_disability", "L'enfant vit-il avec un handicap ?", "Does the child live with a disability?"),
        text("disability_details", "Précisez le handicap", "Describe the disability", relevant="${has_disability} = 'oui'"),
    ]),
    group("child_location", "Lieu de résidence", "Place of residence", [
        one("region", "Région", "Region", "regions", required=True),
        one("cercle", "Cercle (commune pour Bamako)", "Cercle (commune for Bamako)", "cercles", required=True,
            choice_filter="region = ${region}"),
        text("address_details", "Quartier / village, repères", "Neighbourhood / village, landmarks"),
    ]),
    group("care_situation", "Situation de prise en charge", "Care situation", [
        one("care_arrangement", "Avec qui vit l'enfant ?", "Who does the child live with?", "care_arrangements",
            required=True),
        text("caregiver_name", "Nom de la personne qui s'occupe de l'enfant", "Caregiver's name",
             relevant="${care_arrangement} != 'alone' and ${care_arrangement} != 'street'"),
        one("caregiver_relationship", "Lien avec l'enfant", "Relationship to the child", "relationships",
            relevant="${care_arrangement} != 'alone' and ${care_arrangement} != 'street'"),
        phone("caregiver_phone", "Téléphone de la personne qui s'occupe de l'enfant", "Caregiver's phone",
              relevant="${care_arrangement} != 'alone' and ${care_arrangement} != 'street'"),
    ]),
    group("concerns", "Motif du signalement", "Reason for reporting", [
        many("protection_concerns", "Préoccupations de protection", "Protection concerns", "protection_concerns",
             required=True),
        text("concern_other", "Autre préoccupation (précisez)", "Other concern (specify)", required=True,
             relevant="selected(${protection_concerns}, 'other')"),
        text("situation_description", "Description de la situation", "Description of the situation", multiline=True,
             required=True),
        yes_no("immediate_danger", "L'enfant est-il en danger immédiat ?", "Is the child in immediate danger?",
               required=True),
    ]),
    worker(),
    text("organisation_name", "Structure", "Organisation", required=True),
])

F1C = form("1C", ("1.C Évaluation initiale", "1.C Initial assessment"),
           ("Première évaluation des risques et des besoins urgents ; fixe le niveau de risque qui règle les délais "
            "de la suite.", "First assessment of risks and urgent needs; sets the risk level that drives later deadlines."), [
    date("assessment_date", "Date de l'évaluation initiale", "Date of the initial assessment", required=True),
    one("assessment_place", "Lieu de l'entretien", "Place of the interview", "places", required=True),
    yes_no("child_seen", "L'enfant a-t-il été vu ?", "Was the child seen?", required=True),
    text("child_not_seen_reason", "Pourquoi l'enfant n'a-t-il pas été vu ?", "Why was the child not seen?",
         required=True, relevant="${child_seen} = 'non'"),
    group("risks", "Risques identifiés", "Risks identified", [
        many("risks_identified", "Risques et vulnérabilités identifiés", "Risks and vulnerabilities identified",
             "protection_concerns", required=True),
        calc("risks_count", "count-selected(${risks_identified})"),
        yes_no("immediate_safety_risk", "L'enfant court-il un danger immédiat pour sa sécurité ?",
               "Is the child's safety at immediate risk?", required=True),
        yes_no("medical_urgency", "Y a-t-il une urgence médicale ?", "Is there a medical emergency?", required=True),
        one("sexual_violence_72h", "Les faits de violence sexuelle datent-ils de moins de 72 heures ?",
            "Did the sexual violence happen less than 72 hours ago?", "yes_no_unknown", required=True,
            relevant="selected(${risks_identified}, 'sexual_violence')"),
        note("urgent_health_note", "Référez immédiatement l'enfant vers le centre de santé : la prise en charge médicale "
             "doit intervenir dans les 72 heures.",
             "Refer the child to the health centre at once: medical care must be given within 72 hours.",
             relevant="${sexual_violence_72h} = 'oui' or ${medical_urgency} = 'oui'"),
    ]),
    group("immediate_needs", "Besoins immédiats", "Immediate needs", [
        many("immediate_needs_domains", "Domaines de besoins immédiats", "Immediate needs by domain", "needs_domains"),
        text("immediate_actions", "Actions immédiates menées", "Immediate actions taken", multiline=True),
    ]),
    group("risk_rating", "Niveau de risque", "Risk level", [
        one("risk_level", "Niveau de risque", "Risk level", "risk_levels", required=True,
            hint=("Élevé : évaluation approfondie sous 24 h et suivi hebdomadaire.",
                  "High: comprehensive assessment within 24 h and weekly follow-up."),
            constraint="not(${immediate_safety_risk} = 'oui' and . = 'low')",
            cmsg=("Un enfant en danger immédiat ne peut pas être classé en risque faible.",
                  "A child in immediate danger cannot be rated low risk.")),
        text("risk_justification", "Justification du niveau de risque", "Why this risk level", multiline=True,
             required=True),
        yes_no("supervisor_informed", "Le superviseur a-t-il été informé ?", "Was the supervisor informed?",
               required=True, relevant="${risk_level} = 'high'"),
    ]),
    yes_no("case_opened", "Le cas est-il ouvert en gestion de cas ?", "Is a case opened?", required=True),
    one("not_opened_reason", "Raison de la non-ouverture", "Reason for not opening a case", "not_opened_reasons",
        required=True, relevant="${case_opened} = 'non'"),
    worker(),
])

F1D = form("1D", ("1.D Enregistrement d'un enfant non accompagné ou séparé (ENA/ES)",
                  "1.D Registration of an unaccompanied or separated child (UASC)"),
           ("Enregistre l'enfant séparé de ses parents, les circonstances de la séparation et ce qu'il sait de sa "
            "famille, pour la recherche familiale.",
            "Registers the child separated from their parents, the separation and what they know of their family, "
            "for family tracing."), [
    date("registration_date", "Date d'enregistrement", "Registration date", required=True),
    one("separation_status", "Statut", "Status", "separation_statuses", required=True),
    group("child", "Enfant", "Child", [
        text("child_first_name", "Prénom(s)", "First name(s)", required=True),
        text("child_last_name", "Nom de famille", "Family name"),
        one("sex", "Sexe", "Sex", "sex", required=True),
        age("child_age", required=True),
        text("distinctive_marks", "Signes distinctifs", "Distinctive marks"),
        many("languages_spoken", "Langues parlées", "Languages spoken", "languages"),
    ]),
    group("separation", "Séparation", "Separation", [
        date("separation_date", "Date (approximative) de la séparation", "(Approximate) date of separation"),
        text("separation_place", "Lieu de la séparation", "Place of separation", required=True),
        one("separation_cause", "Cause de la séparation", "Cause of separation", "separation_causes", required=True),
    ]),
    group("current_care", "Prise en charge actuelle", "Current care", [
        one("current_care_arrangement", "Prise en charge actuelle", "Current care arrangement", "interim_care",
            required=True),
        text("current_caregiver_name", "Nom de la personne ou structure d'accueil", "Name of the carer or facility",
             relevant="${current_care_arrangement} != 'alone' and ${current_care_arrangement} != 'street'"),
        text("current_address", "Adresse actuelle de l'enfant", "Child's current address", required=True),
    ]),
    group("family", "Famille", "Family", [
        text("father_name", "Nom du père", "Father's name"),
        one("father_alive", "Le père est-il en vie ?", "Is the father alive?", "yes_no_unknown"),
        text("mother_name", "Nom de la mère", "Mother's name"),
        one("mother_alive", "La mère est-elle en vie ?", "Is the mother alive?", "yes_no_unknown"),
        integer("siblings_with_child", "Frères et sœurs avec l'enfant", "Siblings with the child",
                constraint=". >= 0 and . <= 20", cmsg=("Nombre entre 0 et 20.", "A number between 0 and 20.")),
        text("last_family_address", "Dernière adresse connue de la famille", "Last known family address", multiline=True),
        phone("family_phone", "Téléphone connu d'un membre de la famille", "Known phone of a family member"),
    ]),
    yes_no("wishes_reunification", "L'enfant souhaite-t-il retrouver sa famille ?", "Does the child wish to rejoin the family?",
           required=True),
    yes_no("tracing_consent", "Accord pour lancer la recherche familiale", "Consent to start family tracing", required=True),
    attachment("child_photo", "Photo de l'enfant", "Photo of the child", relevant="${tracing_consent} = 'oui'"),
    worker(),
])

F1E = form("1E", ("1.E Localisation d'un enfant disparu", "1.E Missing child localisation"),
           ("Demande de recherche déposée par une famille qui a perdu la trace d'un enfant.",
            "Tracing request filed by a family that has lost track of a child."), [
    date("request_date", "Date de la demande", "Date of the request", required=True),
    group("requester", "Demandeur", "Requester", [
        text("requester_name", "Nom du demandeur", "Requester's name", required=True),
        one("requester_relationship", "Lien avec l'enfant disparu", "Relationship to the missing child", "relationships",
            required=True),
        phone("requester_phone", "Téléphone du demandeur", "Requester's phone"),
        text("requester_address", "Adresse du demandeur", "Requester's address", required=True),
    ]),
    group("missing_child", "Enfant disparu", "Missing child", [
        text("missing_child_first_name", "Prénom(s) de l'enfant", "Child's first name(s)", required=True),
        text("missing_child_last_name", "Nom de famille de l'enfant", "Child's family name", required=True),
        one("missing_child_sex", "Sexe", "Sex", "sex", required=True),
        age("missing_child_age", "Âge de l'enfant au moment de la disparition (ans)", "Child's age when missing (years)",
            required=True),
        text("physical_description", "Description physique, vêtements, signes distinctifs",
             "Physical description, clothes, distinctive marks", multiline=True),
        attachment("missing_child_photo", "Photo récente de l'enfant", "Recent photo of the child"),
    ]),
    group("disappearance", "Disparition", "Disappearance", [
        date("disappearance_date", "Date de la disparition", "Date of disappearance", required=True),
        text("disappearance_place", "Lieu où l'enfant a été vu pour la dernière fois", "Place last seen", required=True),
        one("disappearance_circumstances", "Circonstances", "Circumstances", "disappearance_circumstances", required=True),
        text("last_seen_with", "Avec qui l'enfant a-t-il été vu ?", "Who was the child last seen with?"),
        text("places_to_search", "Lieux où l'enfant pourrait se trouver", "Places where the child might be", multiline=True),
    ]),
    yes_no("consent_publish", "Accord pour diffuser la description et la photo aux acteurs de la recherche",
           "Consent to circulate the description and photo to tracing actors", required=True),
    worker(),
])

FORMS = [F1A, F1B, F1C, F1D, F1E]
