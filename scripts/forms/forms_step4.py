"""Step 4, implementation: services (4.A), tracing (4.B), verifications (4.C, 4.D), reunification (4.E)."""
from formkit import (age, calc, date, date_after, exclusive, form, group, many, note, one, phone, repeat,
                     signature, text, worker, yes_no)
import choices  # noqa: F401  (fills CHOICES)

F4A = form("4A", ("4.A Services offerts à l'enfant", "4.A Services provided to the child"),
           ("Services prévus et rendus dans le cadre du plan d'action, chacun avec son prestataire et son statut.",
            "Services planned and delivered under the case plan, each with its provider and status."), [
    date("services_report_date", "Date de mise à jour", "Update date", required=True),
    repeat("services", "Services", "Services", [
        one("service_type", "Type de service", "Service type", "service_types", required=True),
        text("provider", "Prestataire (structure)", "Provider (organisation)", required=True),
        text("service_description", "Service ou appui apporté", "Service or support given", multiline=True),
        one("service_mode", "Modalité", "How it is delivered", "service_modes", required=True),
        one("service_status", "Statut du service", "Service status", "service_status", required=True,
            default="planned"),
        date("planned_date", "Date prévue", "Planned date", past=False),
        date("service_date", "Date de réalisation", "Date delivered", required=True,
             relevant="${service_status} = 'done'"),
        text("cancel_reason", "Raison de l'annulation", "Reason for cancelling", required=True,
             relevant="${service_status} = 'cancelled'"),
        text("service_outcome", "Résultat pour l'enfant", "Outcome for the child", multiline=True,
             relevant="${service_status} = 'done'"),
    ]),
    calc("services_count", "count(${services})"),
    text("services_observations", "Observations", "Observations", multiline=True),
    worker(),
], repeatable=True)

F4B = form("4B", ("4.B Localisation de l'enfant ou de la famille (recherche)", "4.B Child or family tracing"),
           ("Démarches de recherche familiale pour un enfant séparé (1.D) ou un enfant disparu (1.E), et leur résultat.",
            "Family tracing steps for a separated child (1.D) or a missing child (1.E), and their result."), [
    date("tracing_start_date", "Début de la recherche", "Tracing start date", required=True),
    one("tracing_for", "Objet de la recherche", "Tracing for", "tracing_targets", required=True),
    repeat("tracing_actions", "Démarches de recherche", "Tracing actions", [
        date("action_date", "Date de la démarche", "Date of the action", required=True),
        one("action_type", "Type de démarche", "Type of action", "tracing_action_types", required=True),
        text("action_place", "Lieu", "Place"),
        text("action_by", "Réalisée par", "Done by", required=True),
        one("action_result", "Résultat", "Result", "tracing_results", required=True),
        text("action_notes", "Informations obtenues", "Information obtained", multiline=True),
    ]),
    one("tracing_outcome", "Résultat de la recherche", "Tracing outcome", "tracing_outcomes", required=True),
    group("located", "Personne retrouvée", "Person located", [
        text("located_name", "Nom de la personne retrouvée", "Name of the person located", required=True),
        one("located_relationship", "Lien avec l'enfant", "Relationship to the child", "relationships", required=True),
        text("located_address", "Adresse", "Address", required=True),
        phone("located_phone", "Téléphone", "Phone"),
    ], relevant="${tracing_outcome} = 'family_located' or ${tracing_outcome} = 'child_located'"),
    text("tracing_next_steps", "Prochaines étapes", "Next steps", multiline=True),
    worker(),
], repeatable=True)

# 4.C: the answers that must match what the child said; their count decides whether the link can be "verified".
MATCHES = [
    ("knows_child_full_name", "Connaît le nom complet de l'enfant", "Knows the child's full name"),
    ("knows_child_age", "Connaît l'âge ou la date de naissance de l'enfant", "Knows the child's age or date of birth"),
    ("describes_child", "Décrit l'enfant et ses signes distinctifs", "Describes the child and distinctive marks"),
    ("knows_separation", "Connaît les circonstances de la séparation", "Knows how the separation happened"),
    ("has_proof", "Présente une photo ou un document liant à l'enfant", "Shows a photo or document linking to the child"),
    ("community_confirms", "Un leader communautaire confirme le lien", "A community leader confirms the link"),
]

def verification_end(condition, cmsg):
    """4.C and 4.D end alike: the result may be "verified" only when `condition` holds."""
    return [
        one("verification_result", "Résultat de la vérification", "Verification result", "verification_results",
            required=True, constraint=f". != 'verified' or {condition}", cmsg=cmsg),
        worker("verifier_name", "Nom de la personne qui vérifie", "Verifier's name"),
    ]


F4C = form("4C", ("4.C Vérification de l'adulte", "4.C Adult verification"),
           ("Vérifie que l'adulte retrouvé est bien de la famille de l'enfant et peut le prendre en charge.",
            "Checks that the adult found is the child's family and able to care for the child."), [
    date("verification_date", "Date de la vérification", "Verification date", required=True),
    group("adult", "Adulte", "Adult", [
        text("adult_name", "Nom de l'adulte", "Adult's name", required=True),
        one("adult_sex", "Sexe", "Sex", "sex"),
        one("adult_relationship", "Lien déclaré avec l'enfant", "Stated relationship to the child", "relationships",
            required=True),
        one("adult_id_document", "Pièce d'identité présentée", "ID document shown", "id_documents", required=True),
        phone("adult_phone", "Téléphone", "Phone"),
        text("adult_address", "Adresse", "Address", required=True),
    ]),
    group("matching", "Éléments concordants", "Matching information",
          [yes_no(n, fr, en, required=True) for n, fr, en in MATCHES] + [
              text("leader_name", "Nom du leader communautaire", "Community leader's name", required=True,
                   relevant="${community_confirms} = 'oui'"),
          ]),
    calc("matches_count", " + ".join(f"if(${{{n}}} = 'oui', 1, 0)" for n, _, _ in MATCHES)),
    yes_no("willing_to_care", "L'adulte souhaite-t-il prendre l'enfant en charge ?", "Is the adult willing to care for the child?",
           required=True),
    one("capacity_to_care", "Capacité de prise en charge", "Capacity to care", "capacity", required=True),
    *verification_end("${matches_count} >= 3",
                      ("Moins de 3 éléments concordants : le lien ne peut pas être déclaré vérifié.",
                       "Fewer than 3 matching answers: the relationship cannot be declared verified.")),
], repeatable=True)

F4D = form("4D", ("4.D Vérification de l'enfant", "4.D Child verification"),
           ("Recueille la parole de l'enfant sur l'adulte retrouvé et sur son souhait de réunification.",
            "Records the child's account of the adult found and wish to be reunified."), [
    date("verification_date", "Date de l'entretien", "Interview date", required=True),
    age("child_age", required=True),
    yes_no("interpreter_used", "Un interprète a-t-il été utilisé ?", "Was an interpreter used?"),
    text("adult_shown", "Adulte présenté (nom)", "Adult shown (name)", required=True),
    yes_no("child_recognises_adult", "L'enfant reconnaît-il l'adulte (en personne ou sur photo) ?",
           "Does the child recognise the adult (in person or on a photo)?", required=True),
    yes_no("child_names_adult", "L'enfant nomme-t-il l'adulte et son lien ?", "Does the child name the adult and the link?",
           required=True),
    yes_no("accounts_match", "Le récit de l'enfant concorde-t-il avec celui de l'adulte ?",
           "Does the child's account match the adult's?", required=True),
    one("child_wishes_reunification", "L'enfant souhaite-t-il rejoindre cet adulte ?", "Does the child wish to join this adult?",
        "wishes", required=True),
    yes_no("child_fears", "L'enfant exprime-t-il des craintes ?", "Does the child express fears?", required=True),
    text("child_fears_details", "Craintes exprimées", "Fears expressed", multiline=True, required=True,
         relevant="${child_fears} = 'oui'"),
    text("child_views", "Parole de l'enfant", "Child's own words", multiline=True, required=True),
    yes_no("best_interest_concern", "Y a-t-il un doute sur l'intérêt supérieur de l'enfant ?",
           "Is there a doubt about the child's best interest?", required=True),
    *verification_end("(${child_recognises_adult} = 'oui' and ${accounts_match} = 'oui')",
                      ("L'enfant doit reconnaître l'adulte et les récits doivent concorder pour déclarer le lien vérifié.",
                       "The child must recognise the adult and the accounts must match to declare the link verified.")),
], repeatable=True)

F4E = form("4E", ("4.E Formulaire de réunification", "4.E Reunification form"),
           ("Remise de l'enfant à sa famille après vérification (4.C, 4.D) et organisation du suivi post-réunification.",
            "Handing the child over to the family after verification (4.C, 4.D), and planning post-reunification follow-up."), [
    date("reunification_date", "Date de la réunification", "Reunification date", required=True),
    text("reunification_place", "Lieu de la réunification", "Place of reunification", required=True),
    group("receiving_adult", "Adulte qui accueille l'enfant", "Adult receiving the child", [
        text("receiving_adult_name", "Nom", "Name", required=True),
        one("receiving_adult_relationship", "Lien avec l'enfant", "Relationship to the child", "relationships",
            required=True),
        phone("receiving_adult_phone", "Téléphone", "Phone"),
    ]),
    yes_no("adult_verified", "La vérification adulte (4.C) a-t-elle conclu au lien vérifié ?",
           "Did the adult verification (4.C) verify the relationship?", required=True,
           constraint=". = 'oui'", cmsg=("La réunification exige une vérification adulte (4.C) concluante.",
                                        "Reunification requires a conclusive adult verification (4.C).")),
    yes_no("child_verified", "La vérification enfant (4.D) a-t-elle conclu au lien vérifié ?",
           "Did the child verification (4.D) verify the relationship?", required=True,
           constraint=". = 'oui'", cmsg=("La réunification exige une vérification enfant (4.D) concluante.",
                                        "Reunification requires a conclusive child verification (4.D).")),
    yes_no("child_agrees", "L'enfant est-il d'accord avec la réunification ?", "Does the child agree to the reunification?",
           required=True),
    note("child_disagrees_note", "L'enfant n'est pas d'accord : suspendez la réunification et organisez une conférence de cas.",
         "The child does not agree: suspend the reunification and hold a case conference.",
         relevant="${child_agrees} = 'non'"),
    text("accompanied_by", "Enfant accompagné par", "Child accompanied by"),
    many("reintegration_support", "Appui à la réinsertion remis", "Reintegration support given", "reintegration_kits",
         **exclusive("none", "Aucun", "None")),
    date_after("post_reunification_visit", "Date de la première visite de suivi", "Date of the first follow-up visit",
               "reunification_date", "à la date de réunification", "the reunification date", required=True),
    text("follow_up_organisation", "Structure chargée du suivi", "Organisation in charge of follow-up", required=True),
    signature("receiving_adult_signature", "Signature de l'adulte qui accueille l'enfant",
              "Signature of the receiving adult", required=True),
    worker(),
])

FORMS = [F4A, F4B, F4C, F4D, F4E]
