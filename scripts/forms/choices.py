"""Choice lists shared by the harmonized forms (French first, English second)."""
from formkit import C, CHOICES

CHOICES["yes_no"] = [C("oui", "Oui", "Yes"), C("non", "Non", "No")]
CHOICES["yes_no_unknown"] = [C("oui", "Oui", "Yes"), C("non", "Non", "No"), C("ne_sait_pas", "Ne sait pas", "Does not know")]
CHOICES["sex"] = [C("f", "Féminin", "Female"), C("m", "Masculin", "Male")]
CHOICES["risk_levels"] = [C("low", "Faible", "Low"), C("medium", "Moyen", "Medium"), C("high", "Élevé", "High")]

# The protection concerns of the seeds: risks (violence, separation, armed groups, labour, exploitation,
# begging) and vulnerabilities (no civil-status papers, extreme poverty), which call for prevention.
CHOICES["protection_concerns"] = [
    C("physical_violence", "Violence physique", "Physical violence"),
    C("psychological_violence", "Violence psychologique", "Psychological violence"),
    C("sexual_violence", "Violence sexuelle", "Sexual violence"),
    C("neglect", "Négligence", "Neglect"),
    C("abandonment", "Abandon", "Abandonment"),
    C("separated", "Enfant séparé", "Separated child"),
    C("unaccompanied", "Enfant non accompagné", "Unaccompanied child"),
    C("armed_groups", "Enfant associé aux forces et groupes armés", "Child associated with armed forces or groups"),
    C("worst_forms_labour", "Pires formes de travail des enfants", "Worst forms of child labour"),
    C("sexual_exploitation", "Exploitation sexuelle à des fins commerciales", "Commercial sexual exploitation"),
    C("forced_begging", "Exploitation par la mendicité (enfant talibé)", "Forced begging (talibé child)"),
    C("child_marriage", "Mariage d'enfant", "Child marriage"),
    C("fgm", "Mutilations génitales féminines / excision", "Female genital mutilation"),
    C("trafficking", "Traite des enfants", "Child trafficking"),
    C("conflict_with_law", "Enfant en conflit avec la loi", "Child in conflict with the law"),
    C("street_situation", "Enfant en situation de rue", "Child in a street situation"),
    C("no_civil_status", "Absence de documents d'état civil (vulnérabilité)", "No civil-status documents (vulnerability)"),
    C("extreme_poverty", "Grande précarité économique de la famille (vulnérabilité)", "Extreme family poverty (vulnerability)"),
    C("other", "Autre", "Other"),
]

CHOICES["needs_domains"] = [
    C("health", "Santé", "Health"),
    C("education", "Éducation", "Education"),
    C("psychosocial", "Bien-être psychosocial", "Psychosocial well-being"),
    C("protection_safety", "Protection / sécurité", "Protection / safety"),
    C("livelihoods", "Moyens de subsistance", "Livelihoods"),
    C("documentation", "Documentation / état civil", "Documentation / civil status"),
    C("shelter", "Hébergement", "Shelter"),
    C("family_care", "Prise en charge familiale", "Family care"),
    C("legal", "Assistance juridique", "Legal assistance"),
]

# The service types of the simulated world (sim/world/world.cpp service_types()).
CHOICES["service_types"] = [
    C("health", "Santé", "Health"),
    C("psychosocial", "Soutien psychosocial", "Psychosocial support"),
    C("legal", "Assistance juridique", "Legal assistance"),
    C("shelter", "Hébergement / accueil transitoire", "Shelter / interim care"),
    C("socio_economic", "Appui socio-économique", "Socio-economic support"),
    C("education", "Éducation / formation", "Education / training"),
    C("police_justice", "Police / justice", "Police / justice"),
    C("civil_registration", "État civil", "Civil registration"),
    C("case_management", "Gestion de cas", "Case management"),
    C("family_tracing", "Recherche familiale et réunification", "Family tracing and reunification"),
]

CHOICES["service_status"] = [
    C("planned", "Prévu", "Planned"), C("in_progress", "En cours", "In progress"),
    C("done", "Réalisé", "Done"), C("cancelled", "Annulé", "Cancelled"),
]

CHOICES["regions"] = [
    C("bamako", "District de Bamako", "Bamako District"), C("mopti", "Mopti", "Mopti"),
    C("gao", "Gao", "Gao"), C("tombouctou", "Tombouctou", "Timbuktu"),
]
# Cercles (communes for the Bamako district) carry their region for the choice_filter.
CHOICES["cercles"] = [C(n, fr, fr, region=r) for r, n, fr in [
    ("bamako", "commune_i", "Commune I"), ("bamako", "commune_ii", "Commune II"),
    ("bamako", "commune_iii", "Commune III"), ("bamako", "commune_iv", "Commune IV"),
    ("bamako", "commune_v", "Commune V"), ("bamako", "commune_vi", "Commune VI"),
    ("mopti", "mopti", "Mopti"), ("mopti", "bandiagara", "Bandiagara"), ("mopti", "bankass", "Bankass"),
    ("mopti", "djenne", "Djenné"), ("mopti", "douentza", "Douentza"), ("mopti", "koro", "Koro"),
    ("mopti", "tenenkou", "Ténenkou"), ("mopti", "youwarou", "Youwarou"),
    ("gao", "gao", "Gao"), ("gao", "ansongo", "Ansongo"), ("gao", "bourem", "Bourem"),
    ("tombouctou", "tombouctou", "Tombouctou"), ("tombouctou", "dire", "Diré"), ("tombouctou", "goundam", "Goundam"),
    ("tombouctou", "gourma_rharous", "Gourma-Rharous"), ("tombouctou", "niafunke", "Niafunké"),
]]

CHOICES["languages"] = [
    C("fra", "Français", "French"), C("bam", "Bambara", "Bambara"), C("ful", "Peul (fulfulde)", "Fula"),
    C("son", "Songhaï", "Songhay"), C("tmh", "Tamasheq", "Tamasheq"), C("dog", "Dogon", "Dogon"),
    C("snk", "Soninké", "Soninke"), C("other", "Autre", "Other"),
]

CHOICES["relationships"] = [
    C("mother", "Mère", "Mother"), C("father", "Père", "Father"), C("grandparent", "Grand-parent", "Grandparent"),
    C("sibling", "Frère / sœur", "Sibling"), C("uncle_aunt", "Oncle / tante", "Uncle / aunt"),
    C("other_relative", "Autre parent", "Other relative"), C("legal_guardian", "Tuteur légal", "Legal guardian"),
    C("koranic_master", "Maître coranique", "Koranic teacher"), C("other", "Autre", "Other"),
]

CHOICES["consent_givers"] = [
    C("child", "L'enfant lui-même / elle-même", "The child"),
    C("parent", "Parent", "Parent"),
    C("legal_guardian", "Tuteur légal", "Legal guardian"),
    C("caregiver", "Autre personne qui prend soin de l'enfant", "Other caregiver"),
    C("best_interest", "Gestionnaire de cas, dans l'intérêt supérieur (aucun adulte disponible)",
      "Case worker, in the best interest (no adult available)"),
]

CHOICES["places"] = [
    C("home", "Domicile", "Home"), C("office", "Bureau de la structure", "Agency office"),
    C("school", "École / daara", "School / daara"), C("health_centre", "Centre de santé", "Health centre"),
    C("community", "Lieu communautaire", "Community place"), C("shelter", "Centre d'accueil", "Shelter"),
    C("phone", "Par téléphone", "By phone"), C("other", "Autre", "Other"),
]

CHOICES["agreement"] = [C("yes", "Oui", "Yes"), C("partly", "En partie", "Partly"), C("no", "Non", "No")]

CHOICES["satisfaction_levels"] = [
    C("very_satisfied", "Très satisfait·e", "Very satisfied"), C("satisfied", "Satisfait·e", "Satisfied"),
    C("neutral", "Ni satisfait·e ni insatisfait·e", "Neither satisfied nor dissatisfied"),
    C("dissatisfied", "Insatisfait·e", "Dissatisfied"), C("very_dissatisfied", "Très insatisfait·e", "Very dissatisfied"),
]

CHOICES["evolution"] = [C("improved", "Améliorée", "Improved"), C("same", "Inchangée", "Unchanged"), C("worse", "Dégradée", "Worse")]

CHOICES["conference_roles"] = [
    C("case_worker", "Gestionnaire de cas", "Case worker"), C("supervisor", "Superviseur·e", "Supervisor"),
    C("service_provider", "Prestataire de services", "Service provider"), C("child", "Enfant", "Child"),
    C("caregiver", "Parent / tuteur", "Parent / caregiver"), C("community", "Membre de la communauté (CDPE…)", "Community member"),
    C("state_service", "Service technique de l'État", "State technical service"), C("other", "Autre", "Other"),
]

CHOICES["verification_results"] = [
    C("verified", "Lien vérifié", "Relationship verified"), C("not_verified", "Lien non vérifié", "Relationship not verified"),
    C("more_info", "Informations complémentaires nécessaires", "More information needed"),
]

CHOICES["referral_responses"] = [
    C("pending", "En attente de réponse", "Awaiting answer"), C("accepted", "Acceptée", "Accepted"), C("rejected", "Refusée", "Rejected"),
]

CHOICES["capacity"] = [C("adequate", "Suffisante", "Adequate"), C("limited", "Limitée", "Limited"), C("none", "Aucune", "None")]

CHOICES["checklist_status"] = [
    C("present", "Présent et complet", "Present and complete"), C("incomplete", "Présent mais incomplet", "Present but incomplete"),
    C("missing", "Manquant", "Missing"), C("not_applicable", "Sans objet", "Not applicable"),
]

CHOICES["closure_reasons"] = [
    C("goals_achieved", "Objectifs du plan atteints, enfant en sécurité", "Case plan goals met, child safe"),
    C("reunified", "Enfant réunifié et stable dans sa famille", "Child reunified and settled with family"),
    C("turned_18", "L'enfant a atteint 18 ans (relais vers services adultes)", "Child turned 18 (handed over to adult services)"),
    C("transferred", "Dossier transféré à une autre structure", "File transferred to another structure"),
    C("moved_away", "Famille partie, hors de portée", "Family moved out of reach"),
    C("lost_contact", "Perte de contact malgré les recherches", "Contact lost despite tracing"),
    C("refused_services", "Refus des services par l'enfant ou la famille", "Services refused by child or family"),
    C("death", "Décès de l'enfant", "Death of the child"),
    C("other", "Autre", "Other"),
]

CHOICES["identification_sources"] = [
    C("sms_report", "Signalement SMS (Jam, 21999)", "SMS report (Jam, 21999)"),
    C("community_reporter", "Relais communautaire / CDPE", "Community reporter / committee"),
    C("self", "L'enfant lui-même", "The child themself"), C("family", "Famille", "Family"),
    C("school", "École / daara", "School / daara"), C("health_centre", "Centre de santé", "Health centre"),
    C("police", "Police / gendarmerie", "Police / gendarmerie"), C("ngo", "Autre organisation", "Another organisation"),
    C("other", "Autre", "Other"),
]

CHOICES["nationalities"] = [C("malian", "Malienne", "Malian"), C("other", "Autre", "Other"), C("unknown", "Inconnue", "Unknown")]

CHOICES["care_arrangements"] = [
    C("both_parents", "Les deux parents", "Both parents"), C("one_parent", "Un seul parent", "One parent"),
    C("relatives", "Famille élargie", "Extended family"), C("foster_family", "Famille d'accueil", "Foster family"),
    C("koranic_master", "Maître coranique (daara)", "Koranic teacher (daara)"), C("employer", "Employeur", "Employer"),
    C("institution", "Centre ou institution", "Centre or institution"), C("street", "Dans la rue", "In the street"),
    C("alone", "Seul·e", "Alone"), C("other", "Autre", "Other"),
]

CHOICES["not_opened_reasons"] = [
    C("no_concern", "Pas de préoccupation de protection", "No protection concern"),
    C("referred", "Référé vers un autre service", "Referred to another service"),
    C("already_followed", "Déjà suivi par une autre structure", "Already followed by another structure"),
    C("refused", "Refus de l'enfant ou de la famille", "Refused by the child or family"),
    C("other", "Autre", "Other"),
]

CHOICES["separation_statuses"] = [
    C("unaccompanied", "Non accompagné (ENA) : sans parent ni adulte qui en a la charge",
      "Unaccompanied: with no parent or responsible adult"),
    C("separated", "Séparé (ES) : sans ses parents, avec un autre adulte", "Separated: without parents, with another adult"),
]

CHOICES["separation_causes"] = [
    C("conflict", "Conflit armé / attaque", "Armed conflict / attack"), C("displacement", "Déplacement de population", "Displacement"),
    C("abduction", "Enlèvement", "Abduction"), C("lost", "Perdu pendant la fuite ou un trajet", "Lost during flight or travel"),
    C("sent_away", "Confié ou envoyé ailleurs par la famille", "Sent away by the family"),
    C("armed_group", "Recrutement par un groupe armé", "Recruited by an armed group"),
    C("parents_death", "Décès des parents", "Death of the parents"), C("abandonment", "Abandon", "Abandonment"),
    C("other", "Autre", "Other"),
]

CHOICES["interim_care"] = [
    C("foster_family", "Famille d'accueil", "Foster family"), C("relatives", "Parents éloignés", "Distant relatives"),
    C("community", "Membre de la communauté", "Community member"), C("institution", "Centre d'accueil", "Shelter / centre"),
    C("street", "Dans la rue", "In the street"), C("alone", "Seul·e", "Alone"), C("other", "Autre", "Other"),
]

CHOICES["disappearance_circumstances"] = [
    C("displacement", "Déplacement de population", "Displacement"), C("conflict", "Conflit armé / attaque", "Armed conflict / attack"),
    C("migration", "Départ en migration", "Left to migrate"), C("abduction", "Enlèvement", "Abduction"),
    C("runaway", "Fugue", "Ran away"), C("daara", "Confié à un maître coranique", "Entrusted to a Koranic teacher"),
    C("labour", "Parti travailler (orpaillage, domesticité…)", "Left to work (gold mining, domestic work…)"),
    C("unknown", "Inconnues", "Unknown"), C("other", "Autre", "Other"),
]

CHOICES["health_statuses"] = [
    C("good", "Bon", "Good"), C("needs_care", "A besoin de soins", "Needs care"),
    C("serious", "Grave (soins urgents)", "Serious (urgent care)"), C("chronic", "Maladie chronique", "Chronic illness"),
]
CHOICES["school_statuses"] = [
    C("attending", "Scolarisé et fréquente", "Enrolled and attending"),
    C("irregular", "Scolarisé, fréquentation irrégulière", "Enrolled, irregular attendance"),
    C("dropped_out", "Déscolarisé", "Dropped out"), C("never", "Jamais scolarisé", "Never enrolled"),
    C("daara", "École coranique uniquement", "Koranic school only"),
    C("vocational", "Apprentissage / formation professionnelle", "Apprenticeship / vocational training"),
]
CHOICES["distress_signs"] = [
    C("withdrawal", "Repli sur soi", "Withdrawal"), C("sleep", "Troubles du sommeil", "Sleep problems"),
    C("fear", "Peurs, angoisses", "Fears, anxiety"), C("aggression", "Agressivité", "Aggression"),
    C("sadness", "Tristesse persistante", "Persistent sadness"), C("self_harm", "Idées ou gestes d'auto-agression", "Self-harm"),
    C("substance", "Consommation de substances", "Substance use"), C("none", "Aucun signe", "No sign"),
]
CHOICES["income_levels"] = [
    C("none", "Aucun revenu", "No income"), C("irregular", "Revenus irréguliers", "Irregular income"),
    C("regular", "Revenus réguliers suffisants", "Regular, sufficient income"),
]
CHOICES["housing_statuses"] = [
    C("stable", "Stable et sûr", "Stable and safe"), C("precarious", "Précaire", "Precarious"),
    C("none", "Sans logement", "No housing"),
]
CHOICES["frequencies"] = [
    C("weekly", "Hebdomadaire", "Weekly"), C("fortnightly", "Toutes les deux semaines", "Fortnightly"),
    C("monthly", "Mensuelle", "Monthly"),
]
CHOICES["conference_reasons"] = [
    C("case_plan", "Élaboration du plan d'action", "Drawing up the case plan"),
    C("emergency", "Situation d'urgence", "Emergency"), C("complex_case", "Cas complexe, avis multiples", "Complex case"),
    C("other", "Autre", "Other"),
]

CHOICES["service_modes"] = [
    C("direct", "Service direct de la structure", "Direct service by the agency"),
    C("referral", "Par référence (A.1)", "Through a referral (A.1)"),
]
CHOICES["tracing_targets"] = [
    C("family_of_child", "La famille d'un enfant séparé (1.D)", "The family of a separated child (1.D)"),
    C("missing_child", "Un enfant disparu signalé par sa famille (1.E)", "A missing child reported by the family (1.E)"),
]
CHOICES["tracing_action_types"] = [
    C("home_visit", "Visite au dernier domicile connu", "Visit to the last known address"),
    C("phone_call", "Appel téléphonique", "Phone call"), C("radio", "Annonce radio", "Radio announcement"),
    C("photo_tracing", "Recherche par photo", "Photo tracing"),
    C("community_leaders", "Rencontre des leaders communautaires", "Meeting community leaders"),
    C("other_org", "Contact avec une autre organisation", "Contact with another organisation"),
    C("database", "Recherche dans le système (correspondances)", "Search in the system (matches)"),
]
CHOICES["tracing_results"] = [
    C("no_info", "Aucune information", "No information"), C("lead", "Piste à suivre", "Lead to follow"),
    C("located", "Personne localisée", "Person located"),
]
CHOICES["tracing_outcomes"] = [
    C("ongoing", "Recherche en cours", "Tracing ongoing"), C("family_located", "Famille localisée", "Family located"),
    C("child_located", "Enfant localisé", "Child located"), C("unsuccessful", "Recherche infructueuse", "Unsuccessful"),
    C("stopped", "Recherche arrêtée", "Tracing stopped"),
]
CHOICES["id_documents"] = [
    C("nina", "Carte NINA / carte d'identité", "NINA card / identity card"),
    C("birth_certificate", "Acte de naissance", "Birth certificate"), C("family_booklet", "Livret de famille", "Family booklet"),
    C("passport", "Passeport", "Passport"), C("other", "Autre", "Other"), C("none", "Aucune", "None"),
]
CHOICES["wishes"] = [C("yes", "Oui", "Yes"), C("no", "Non", "No"), C("undecided", "Ne sait pas encore", "Undecided")]
CHOICES["reintegration_kits"] = [
    C("food", "Vivres", "Food"), C("hygiene", "Kit d'hygiène", "Hygiene kit"), C("school_kit", "Kit scolaire", "School kit"),
    C("clothes", "Vêtements", "Clothes"), C("cash", "Transfert monétaire", "Cash transfer"), C("none", "Aucun", "None"),
]

CHOICES["follow_up_types"] = [
    C("home_visit", "Visite à domicile", "Home visit"), C("office_visit", "Entretien au bureau", "Office visit"),
    C("school_visit", "Visite à l'école", "School visit"), C("phone_call", "Appel téléphonique", "Phone call"),
    C("other", "Autre", "Other"),
]
CHOICES["progress_levels"] = [
    C("on_track", "Conforme au plan", "On track"), C("partial", "Partiel", "Partial"),
    C("no_progress", "Aucun progrès", "No progress"),
]
CHOICES["follow_up_actions"] = [
    C("update_plan", "Réviser le plan d'action", "Revise the case plan"), C("new_referral", "Nouvelle référence", "New referral"),
    C("conference", "Conférence de suivi", "Follow-up conference"),
    C("emergency", "Mesure d'urgence", "Emergency measure"), C("closure_request", "Demander la clôture", "Request closure"),
    C("none", "Aucune", "None"),
]
CHOICES["review_types"] = [
    C("periodic", "Réexamen périodique", "Periodic review"), C("incident", "Après un incident", "After an incident"),
    C("before_closure", "Avant clôture", "Before closure"),
]
CHOICES["achievement_levels"] = [
    C("achieved", "Atteint", "Achieved"), C("partly", "Partiellement atteint", "Partly achieved"),
    C("not_achieved", "Non atteint", "Not achieved"), C("not_relevant", "N'est plus pertinent", "No longer relevant"),
]
CHOICES["review_decisions"] = [
    C("continue_plan", "Poursuivre le plan", "Continue the plan"), C("revise_plan", "Réviser le plan", "Revise the plan"),
    C("conference", "Tenir une conférence de suivi", "Hold a follow-up conference"),
    C("prepare_closure", "Préparer la clôture", "Prepare closure"), C("transfer", "Transférer le dossier", "Transfer the file"),
]
CHOICES["follow_up_conference_reasons"] = [
    C("scheduled", "Réexamen prévu", "Scheduled review"), C("no_progress", "Manque de progrès", "Lack of progress"),
    C("new_risk", "Nouveau risque", "New risk"), C("closure", "Préparation de la clôture", "Preparing closure"),
    C("transfer", "Transfert envisagé", "Transfer considered"),
]
CHOICES["goals_met_levels"] = [
    C("all", "Tous", "All"), C("most", "La plupart", "Most"), C("some", "Quelques-uns", "Some"), C("none", "Aucun", "None"),
]

CHOICES["urgency_levels"] = [C("urgent", "Urgent (sous 24 h)", "Urgent (within 24 h)"), C("normal", "Normal", "Normal")]
CHOICES["shared_information"] = [
    C("identity", "Identité de l'enfant", "Child's identity"), C("contacts", "Coordonnées de la famille", "Family contacts"),
    C("assessment", "Synthèse de l'évaluation", "Assessment summary"), C("medical", "Informations médicales", "Medical information"),
    C("case_plan", "Plan d'action", "Case plan"),
]
CHOICES["transfer_reasons"] = [
    C("child_moved", "L'enfant a déménagé dans une autre zone", "The child moved to another area"),
    C("leaving_zone", "La structure quitte la zone", "The structure is leaving the area"),
    C("specialised", "Prise en charge spécialisée nécessaire", "Specialised care needed"), C("other", "Autre", "Other"),
]
CHOICES["case_stages"] = [
    C("assessment", "Évaluation", "Assessment"), C("case_plan", "Plan d'action", "Case plan"),
    C("implementation", "Mise en œuvre", "Implementation"), C("follow_up", "Suivi", "Follow-up"),
]
CHOICES["case_documents"] = [C(i.lower(), f"Formulaire {i[0]}.{i[1]}", f"Form {i[0]}.{i[1]}")
                             for i in ["1A", "1B", "1C", "1D", "1E", "2A", "3A", "3B", "4A", "4B", "4C", "4D", "4E",
                                       "5A", "5B", "5C", "A1"]] + [C("attachments", "Pièces jointes", "Attachments")]
CHOICES["community_structures"] = [
    C("cdpe", "Comité de protection de l'enfant (CDPE/CCPE)", "Child protection committee"),
    C("relay", "Relais communautaire", "Community relay"), C("religious_leader", "Leader religieux", "Religious leader"),
    C("women_group", "Groupement de femmes", "Women's group"), C("youth_group", "Association de jeunes", "Youth group"),
    C("other", "Autre", "Other"),
]
CHOICES["community_actions"] = [
    C("mediation", "Médiation familiale", "Family mediation"), C("awareness", "Sensibilisation", "Awareness raising"),
    C("material_support", "Appui matériel", "Material support"), C("school_return", "Retour à l'école", "Return to school"),
    C("accompaniment", "Accompagnement vers un service", "Accompanying to a service"),
]
CHOICES["reopening_reasons"] = [
    C("new_risk", "Nouveau risque de protection", "New protection risk"), C("recurrence", "Récidive des faits", "Recurrence"),
    C("new_need", "Nouveau besoin de services", "New need for services"),
    C("returned", "Retour de l'enfant dans la zone", "Child back in the area"),
    C("premature_closure", "Clôture prématurée", "Premature closure"), C("other", "Autre", "Other"),
]
CHOICES["file_statuses"] = [
    C("open", "Ouvert", "Open"), C("closed", "Clos", "Closed"), C("transferred", "Transféré", "Transferred"),
    C("reopened", "Rouvert", "Reopened"),
]
