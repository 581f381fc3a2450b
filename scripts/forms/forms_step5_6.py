"""Step 5, follow-up and review (5.A-5.C), and step 6, closure and feedback (6.A-6.C)."""
from formkit import (age, calc, date, date_after, exclusive, form, group, many, note, one, repeat, text, worker, yes_no)
from forms_step2_3 import decisions, participants
import choices  # noqa: F401  (fills CHOICES)

F5A = form("5A", ("5.A Formulaire de suivi du cas", "5.A Case follow-up"),
           ("Chaque visite ou contact de suivi : progrès du plan, bien-être de l'enfant, nouveaux risques.",
            "Each follow-up visit or contact: progress of the plan, the child's well-being, new risks."), [
    date("follow_up_date", "Date du suivi", "Follow-up date", required=True),
    one("follow_up_type", "Type de suivi", "Type of follow-up", "follow_up_types", required=True),
    yes_no("child_seen", "L'enfant a-t-il été vu ?", "Was the child seen?", required=True),
    text("child_not_seen_reason", "Pourquoi l'enfant n'a-t-il pas été vu ?", "Why was the child not seen?", required=True,
         relevant="${child_seen} = 'non'"),
    group("progress", "Progrès", "Progress", [
        one("plan_progress", "Avancement du plan d'action", "Case plan progress", "progress_levels", required=True),
        yes_no("services_received", "Les services prévus ont-ils été reçus ?", "Were the planned services received?",
               required=True),
        text("services_issues", "Difficultés d'accès aux services", "Problems accessing services", multiline=True,
             required=True, relevant="${services_received} = 'non'"),
        one("child_wellbeing", "Évolution du bien-être de l'enfant", "Change in the child's well-being", "evolution",
            required=True),
    ]),
    group("new_risks_group", "Nouveaux risques", "New risks", [
        yes_no("new_risks", "De nouveaux risques sont-ils apparus ?", "Have new risks appeared?", required=True),
        many("new_risks_list", "Nouveaux risques", "New risks", "protection_concerns", required=True,
             relevant="${new_risks} = 'oui'"),
    ]),
    text("observations", "Observations du suivi", "Follow-up observations", multiline=True, required=True),
    many("actions_needed", "Suites à donner", "Next actions", "follow_up_actions", required=True,
         **exclusive("none", "Aucune", "None")),
    date_after("next_follow_up_date", "Date du prochain suivi", "Next follow-up date", "follow_up_date",
               "à la date de ce suivi", "this follow-up", required=True,
               relevant="not(selected(${actions_needed}, 'closure_request'))"),
    worker(),
], repeatable=True)

F5B = form("5B", ("5.B Formulaire de réexamen du cas", "5.B Case review"),
           ("Réexamen périodique : atteinte de chaque objectif du plan, niveau de risque actualisé, décision.",
            "Periodic review: achievement of each case plan goal, updated risk level, decision."), [
    date("review_date", "Date du réexamen", "Review date", required=True),
    one("review_type", "Type de réexamen", "Type of review", "review_types", required=True),
    repeat("goal_reviews", "Objectifs du plan", "Case plan goals", [
        text("goal_reviewed", "Objectif", "Goal", required=True),
        one("goal_achievement", "Atteinte", "Achievement", "achievement_levels", required=True),
        text("goal_comment", "Commentaire", "Comment"),
    ]),
    calc("goals_reviewed_count", "count(${goal_reviews})"),
    one("risk_level", "Niveau de risque actualisé", "Updated risk level", "risk_levels", required=True),
    many("needs_remaining", "Domaines où des besoins demeurent", "Domains with remaining needs", "needs_domains"),
    text("child_views", "Opinion de l'enfant", "Child's views", multiline=True, required=True),
    text("caregiver_views", "Opinion du parent ou tuteur", "Parent or caregiver's views", multiline=True),
    one("review_decision", "Décision", "Decision", "review_decisions", required=True,
        constraint=". != 'prepare_closure' or ${risk_level} = 'low'",
        cmsg=("La préparation de la clôture suppose un risque actualisé faible.",
              "Preparing closure requires an updated risk level of low.")),
    text("plan_changes", "Modifications à apporter au plan", "Changes to the case plan", multiline=True, required=True,
         relevant="${review_decision} = 'revise_plan'"),
    worker(),
    text("supervisor_comment", "Commentaire du superviseur", "Supervisor's comment", multiline=True),
], repeatable=True)

F5C = form("5C", ("5.C Rapport de conférence de suivi", "5.C Follow-up conference report"),
           ("Conférence de cas en cours de suivi : progrès, difficultés et décisions, avec responsables et échéances.",
            "Case conference during follow-up: progress, difficulties and decisions with who and by when."), [
    date("conference_date", "Date de la conférence", "Conference date", required=True),
    text("conference_place", "Lieu", "Place", required=True),
    one("conference_reason", "Motif de la conférence", "Reason for the conference", "follow_up_conference_reasons",
        required=True),
    participants(),
    calc("participants_count", "count(${participants})"),
    text("progress_summary", "Progrès et difficultés", "Progress and difficulties", multiline=True, required=True),
    text("child_views", "Opinion de l'enfant", "Child's views", multiline=True, required=True),
    decisions("conference_date", "à la date de la conférence", "the conference date"),
    yes_no("plan_update_needed", "Le plan d'action doit-il être révisé (3.A) ?", "Must the case plan be revised (3.A)?",
           required=True),
    date_after("next_conference_date", "Date de la prochaine conférence", "Next conference date", "conference_date",
               "à la date de la conférence", "the conference date"),
    text("facilitator_name", "Animateur de la conférence", "Conference facilitator", required=True),
], repeatable=True)

F6A = form("6A", ("6.A Formulaire de clôture du dossier", "6.A Case closure"),
           ("Demande de clôture par le gestionnaire : raison, situation de l'enfant, services restants. Le superviseur "
            "remplit 6.B et 6.C avant d'approuver.",
            "Closure request by the case worker: reason, child's situation, remaining services. The supervisor fills "
            "6.B and 6.C before approving."), [
    date("closure_request_date", "Date de la demande de clôture", "Closure request date", required=True),
    one("closure_reason", "Raison de la clôture", "Reason for closure", "closure_reasons", required=True,
        constraint=". != 'goals_achieved' or ${child_safe} = 'oui'",
        cmsg=("Objectifs atteints : l'enfant doit être en sécurité.", "Goals met: the child must be safe.")),
    text("closure_reason_other", "Autre raison (précisez)", "Other reason (specify)", required=True,
         relevant="${closure_reason} = 'other'"),
    yes_no("child_safe", "L'enfant est-il aujourd'hui en sécurité ?", "Is the child safe today?", required=True),
    one("goals_met", "Objectifs du plan atteints", "Case plan goals met", "goals_met_levels", required=True),
    one("risk_level_at_closure", "Niveau de risque à la clôture", "Risk level at closure", "risk_levels", required=True,
        constraint=". = 'low' or (${closure_reason} != 'goals_achieved' and ${closure_reason} != 'reunified')",
        cmsg=("Une clôture pour objectifs atteints ou réunification suppose un risque faible.",
              "Closure for goals met or reunification requires a low risk level.")),
    yes_no("pending_services", "Des services ou références sont-ils encore en cours ?",
           "Are services or referrals still under way?", required=True),
    text("pending_services_details", "Services en cours et qui les poursuit", "Services under way and who continues them",
         multiline=True, required=True, relevant="${pending_services} = 'oui'"),
    yes_no("child_informed", "L'enfant a-t-il été informé de la clôture ?", "Was the child told about the closure?",
           required=True),
    yes_no("caregiver_informed", "Le parent ou tuteur a-t-il été informé ?", "Was the parent or caregiver told?"),
    text("closure_summary", "Synthèse de la prise en charge", "Summary of the case", multiline=True, required=True),
    yes_no("community_follow_up", "Un suivi communautaire est-il prévu après la clôture ?",
           "Is community follow-up planned after closure?"),
    text("community_focal_point", "Relais ou comité chargé du suivi", "Reporter or committee in charge",
         required=True, relevant="${community_follow_up} = 'oui'"),
    worker(),
])

def feedback_opening():
    return [
        date("feedback_date", "Date de l'entretien", "Interview date", required=True),
        text("interviewer_name", "Superviseur qui mène l'entretien", "Supervisor conducting the interview", required=True),
    ]


def feedback_closing(who_fr, who_en):
    """Complaints go to the PSEA mechanism before closure; then the supervisor's own assessment."""
    return [
        yes_no("complaint_raised", f"{who_fr} signale-t-il un comportement inapproprié d'un intervenant ?",
               f"Does {who_en} report inappropriate behaviour by a worker?", required=True),
        note("complaint_note", "Orientez immédiatement la plainte vers le mécanisme de plaintes (PSEA) ; la clôture attend.",
             "Refer the complaint to the complaint mechanism (PSEA) at once; closure waits.",
             relevant="${complaint_raised} = 'oui'"),
        text("supervisor_comment", "Appréciation du superviseur", "Supervisor's assessment", multiline=True,
             required=True),
    ]


F6B = form("6B", ("6.B Feedback de l'enfant", "6.B Child feedback"),
           ("Rempli par le superviseur avec l'enfant avant d'approuver la clôture : satisfaction et plaintes.",
            "Filled by the supervisor with the child before approving closure: satisfaction and complaints."), [
    *feedback_opening(),
    age("child_age", required=True),
    yes_no("without_case_worker", "Entretien mené hors de la présence du gestionnaire de cas",
           "Interview held without the case worker present", required=True),
    group("experience", "Expérience de l'enfant", "Child's experience", [
        one("felt_listened", "Je me suis senti·e écouté·e", "I felt listened to", "agreement", required=True),
        one("treated_respectfully", "J'ai été traité·e avec respect", "I was treated with respect", "agreement",
            required=True),
        one("understood_decisions", "On m'a expliqué les décisions me concernant", "Decisions about me were explained",
            "agreement", required=True),
        one("feels_safe_now", "Je me sens en sécurité aujourd'hui", "I feel safe today", "agreement", required=True),
        one("services_helped", "Les services m'ont aidé·e", "The services helped me", "agreement", required=True),
    ]),
    one("satisfaction", "Satisfaction globale de l'enfant", "Child's overall satisfaction", "satisfaction_levels",
        required=True, appearance="likert"),
    text("what_helped", "Ce qui a le plus aidé", "What helped most", multiline=True),
    text("what_to_improve", "Ce qu'il faudrait améliorer", "What should be improved", multiline=True),
    *feedback_closing("L'enfant", "the child"),
])

F6C = form("6C", ("6.C Feedback de l'adulte", "6.C Adult feedback"),
           ("Rempli par le superviseur avec le parent ou tuteur avant d'approuver la clôture : satisfaction et plaintes.",
            "Filled by the supervisor with the parent or caregiver before approving closure: satisfaction and complaints."), [
    *feedback_opening(),
    text("respondent_name", "Nom de la personne interrogée", "Respondent's name", required=True),
    one("respondent_relationship", "Lien avec l'enfant", "Relationship to the child", "relationships", required=True),
    group("experience", "Expérience de la famille", "Family's experience", [
        one("kept_informed", "J'ai été informé·e à chaque étape", "I was kept informed at each step", "agreement",
            required=True),
        one("involved_in_decisions", "J'ai participé aux décisions", "I took part in decisions", "agreement", required=True),
        one("treated_respectfully", "J'ai été traité·e avec respect", "I was treated with respect", "agreement",
            required=True),
        one("services_timely", "Les services sont arrivés à temps", "Services came on time", "agreement", required=True),
    ]),
    one("child_situation", "Situation de l'enfant depuis le début de la prise en charge",
        "Child's situation since the case began", "evolution", required=True),
    yes_no("able_to_care", "Je peux désormais prendre soin de l'enfant et le protéger",
           "I am now able to care for and protect the child", required=True),
    one("satisfaction", "Satisfaction globale de l'adulte", "Adult's overall satisfaction", "satisfaction_levels",
        required=True, appearance="likert"),
    text("suggestions", "Suggestions", "Suggestions", multiline=True),
    *feedback_closing("L'adulte", "the adult"),
])

FORMS = [F5A, F5B, F5C, F6A, F6B, F6C]
