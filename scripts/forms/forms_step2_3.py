"""Step 2, comprehensive assessment (2.A), and step 3, case plan (3.A) and case conference (3.B)."""
from formkit import (calc, date, date_after, exclusive, form, group, integer, many, one, repeat, signature, text,
                     worker, yes_no)
import choices  # noqa: F401  (fills CHOICES)


def domain(name, fr, en, status_field, needs_field, needs_relevant):
    """One need domain of 2.A: a status question, then the needs in that domain when the status calls for it."""
    return group(name, fr, en, [
        status_field,
        text(needs_field, f"Besoins identifiés : {fr.lower()}", f"Needs identified: {en.lower()}", multiline=True,
             required=True, relevant=needs_relevant),
    ])


F2A = form("2A", ("2.A Évaluation approfondie", "2.A Comprehensive assessment"),
           ("Évaluation de la situation de l'enfant dans tous les domaines de besoins ; validée par le superviseur "
            "avant le plan de cas.",
            "Assessment of the child's situation in every need domain; approved by the supervisor before the case plan."), [
    date("assessment_date", "Date de l'évaluation approfondie", "Date of the comprehensive assessment", required=True),
    many("assessment_places", "Lieux des entretiens", "Interview places", "places", required=True),
    many("people_met", "Personnes rencontrées", "People met", "conference_roles", required=True),
    domain("health", "Santé", "Health",
           one("health_status", "État de santé de l'enfant", "Child's health", "health_statuses", required=True),
           "health_needs", "${health_status} != 'good'"),
    domain("education", "Éducation", "Education",
           one("school_status", "Scolarisation", "Schooling", "school_statuses", required=True),
           "education_needs", "${school_status} != 'attending'"),
    group("psychosocial", "Bien-être psychosocial", "Psychosocial well-being", [
        many("distress_signs", "Signes de détresse observés", "Signs of distress observed", "distress_signs",
             required=True, **exclusive("none", "Aucun signe", "No sign")),
        text("psychosocial_needs", "Besoins identifiés : bien-être psychosocial", "Needs identified: psychosocial",
             multiline=True, required=True, relevant="not(selected(${distress_signs}, 'none'))"),
    ]),
    group("safety", "Protection et sécurité", "Protection and safety", [
        many("risks_identified", "Risques de protection identifiés", "Protection risks identified", "protection_concerns",
             required=True),
        one("perpetrator_known", "L'auteur présumé est-il connu ?", "Is the alleged perpetrator known?", "yes_no_unknown",
            relevant="selected(${risks_identified}, 'physical_violence') or selected(${risks_identified}, 'sexual_violence') "
                     "or selected(${risks_identified}, 'psychological_violence')"),
        yes_no("perpetrator_has_access", "L'auteur présumé a-t-il encore accès à l'enfant ?",
               "Does the alleged perpetrator still have access to the child?", required=True,
               relevant="${perpetrator_known} = 'oui'"),
        text("safety_needs", "Besoins identifiés : protection et sécurité", "Needs identified: protection and safety",
             multiline=True, required=True),
    ]),
    group("livelihoods", "Moyens de subsistance", "Livelihoods", [
        one("household_income", "Revenus du ménage", "Household income", "income_levels", required=True),
        integer("household_size", "Nombre de personnes dans le ménage", "Number of people in the household",
                constraint=". >= 1 and . <= 60", cmsg=("Nombre entre 1 et 60.", "A number between 1 and 60.")),
        text("livelihood_needs", "Besoins identifiés : moyens de subsistance", "Needs identified: livelihoods",
             multiline=True, relevant="${household_income} != 'regular'"),
    ]),
    domain("documentation", "Documentation / état civil", "Documentation / civil status",
           yes_no("has_birth_certificate", "L'enfant a-t-il un acte de naissance ?",
                  "Does the child have a birth certificate?", required=True),
           "documentation_needs", "${has_birth_certificate} = 'non'"),
    domain("shelter", "Hébergement", "Shelter",
           one("housing_status", "Logement de l'enfant", "Child's housing", "housing_statuses", required=True),
           "shelter_needs", "${housing_status} != 'stable'"),
    group("family_care", "Prise en charge familiale", "Family care", [
        one("caregiver_capacity", "Capacité de la famille à protéger l'enfant", "Family's capacity to protect the child",
            "capacity", required=True),
        text("family_strengths", "Ressources de l'enfant et de sa famille sur lesquelles s'appuyer",
             "Strengths of the child and family to build on", multiline=True),
    ]),
    group("conclusion", "Conclusion de l'évaluation", "Assessment conclusion", [
        text("child_views", "Opinion et souhaits de l'enfant", "Child's views and wishes", multiline=True, required=True),
        many("needs_domains", "Domaines de besoins à couvrir par le plan", "Need domains for the case plan",
             "needs_domains", required=True),
        calc("needs_count", "count-selected(${needs_domains})"),
        one("risk_level", "Niveau de risque après évaluation approfondie", "Risk level after the comprehensive assessment",
            "risk_levels", required=True,
            constraint="not(${perpetrator_has_access} = 'oui' and . = 'low')",
            cmsg=("L'auteur présumé a encore accès à l'enfant : le risque ne peut pas être faible.",
                  "The alleged perpetrator still has access to the child: the risk cannot be low.")),
        many("recommended_services", "Services recommandés", "Recommended services", "service_types"),
        text("assessment_summary", "Synthèse de l'évaluation", "Assessment summary", multiline=True, required=True),
    ]),
    worker(),
])


def goal_rows():
    return [
        one("goal_domain", "Domaine", "Domain", "needs_domains", required=True),
        text("goal", "Objectif", "Goal", required=True),
        text("action", "Action à mener", "Action", multiline=True, required=True),
        one("service_type", "Type de service à mobiliser", "Service type to mobilise", "service_types"),
        text("responsible", "Responsable de l'action", "Who is responsible", required=True),
        date_after("due_date", "Échéance", "Due date", "plan_date", "à la date du plan", "the plan date", strict=False,
                   required=True),
    ]


F3A = form("3A", ("3.A Plan d'action individuel de l'enfant", "3.A Child's individual case plan"),
           ("Objectifs et actions par domaine de besoins, avec un responsable et une échéance ; soumis à l'approbation "
            "du superviseur.",
            "Goals and actions by need domain, each with who is responsible and by when; submitted for the supervisor's "
            "approval."), [
    date("plan_date", "Date du plan", "Plan date", required=True),
    many("plan_developed_with", "Plan élaboré avec", "Plan developed with", "conference_roles", required=True),
    yes_no("child_participated", "L'enfant a-t-il participé à l'élaboration du plan ?",
           "Did the child take part in the plan?", required=True),
    text("child_not_participated_reason", "Pourquoi l'enfant n'a-t-il pas participé ?", "Why did the child not take part?",
         required=True, relevant="${child_participated} = 'non'"),
    repeat("goals", "Objectifs et actions", "Goals and actions", goal_rows()),
    calc("goals_count", "count(${goals})"),
    one("follow_up_frequency", "Fréquence des suivis", "Follow-up frequency", "frequencies", required=True),
    date_after("next_review_date", "Date du prochain réexamen", "Next review date", "plan_date", "à la date du plan",
               "the plan date", required=True),
    yes_no("caregiver_agreement", "Le parent ou tuteur approuve-t-il le plan ?", "Does the parent or caregiver agree?"),
    signature("caregiver_signature", "Signature du parent ou tuteur", "Parent or caregiver's signature",
              relevant="${caregiver_agreement} = 'oui'"),
    worker(),
])


def participants():
    return repeat("participants", "Participants", "Participants", [
        text("participant_name", "Nom", "Name", required=True),
        text("participant_organisation", "Structure", "Organisation"),
        one("participant_role", "Rôle", "Role", "conference_roles", required=True),
    ])


def decisions(after, after_fr, after_en):
    return repeat("decisions", "Décisions", "Decisions", [
        text("decision", "Décision", "Decision", multiline=True, required=True),
        text("responsible", "Responsable", "Who is responsible", required=True),
        date_after("due_date", "Échéance", "Due date", after, after_fr, after_en, strict=False, required=True),
    ])


F3B = form("3B", ("3.B Rapport de conférence de cas", "3.B Case conference report"),
           ("Réunion de protection de l'enfance autour du cas : participants, analyse et décisions qui nourrissent le "
            "plan d'action.",
            "Child-protection meeting on the case: participants, discussion and decisions feeding the case plan."), [
    date("conference_date", "Date de la conférence", "Conference date", required=True),
    text("conference_place", "Lieu", "Place", required=True),
    one("conference_reason", "Objet de la conférence", "Purpose of the conference", "conference_reasons", required=True),
    participants(),
    calc("participants_count", "count(${participants})"),
    yes_no("child_attended", "L'enfant a-t-il participé ?", "Did the child attend?", required=True),
    text("child_views", "Opinion de l'enfant (exprimée ou rapportée)", "Child's views (expressed or reported)",
         multiline=True, required=True),
    text("discussion_summary", "Résumé des échanges", "Summary of the discussion", multiline=True, required=True),
    decisions("conference_date", "à la date de la conférence", "the conference date"),
    date_after("next_conference_date", "Date de la prochaine conférence", "Next conference date", "conference_date",
               "à la date de la conférence", "the conference date"),
    text("facilitator_name", "Animateur de la conférence", "Conference facilitator", required=True),
], repeatable=True)

FORMS = [F2A, F3A, F3B]
