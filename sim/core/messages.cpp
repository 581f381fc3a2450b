// The message catalogue of the core: every user-facing text of sim/, in French and English.
#include <map>
#include <string>
#include <vector>

#include "core/diag.h"

namespace kalan {

namespace {

struct Template {
  const char* fr;
  const char* en;
};

// The tables are constant data (a std::map initializer list would compile to code, one string
// construction per row); the maps are built from them at first use.
struct Row {
  const char* code;
  Template text;
};

template <size_t N>
std::map<std::string, Template> index_rows(const Row (&rows)[N]) {
  std::map<std::string, Template> out;
  for (const Row& r : rows) out.emplace(r.code, r.text);
  return out;
}

const Row kCatalogue[] = {
  {"json_syntax", {"JSON invalide, ligne {0}, colonne {1} : {2}", "invalid JSON, line {0}, column {1}: {2}"}},
  {"file_unreadable", {"fichier illisible : {0}", "cannot read file: {0}"}},
  {"missing", {"champ obligatoire « {0} » manquant", "required field \"{0}\" is missing"}},
  {"unknown_key", {"clé inconnue « {0} » (attendu : {1})", "unknown key \"{0}\" (expected: {1})"}},
  {"type_object", {"un objet est attendu, trouvé {0}", "an object is expected, found {0}"}},
  {"type_array", {"une liste est attendue, trouvé {0}", "an array is expected, found {0}"}},
  {"type_string", {"un texte est attendu, trouvé {0}", "a string is expected, found {0}"}},
  {"type_integer", {"un nombre entier est attendu, trouvé {0}", "an integer is expected, found {0}"}},
  {"type_bool", {"vrai ou faux (true/false) est attendu, trouvé {0}", "true or false is expected, found {0}"}},
  {"empty_string", {"ce texte ne peut pas être vide", "this text cannot be empty"}},
  {"out_of_range", {"valeur {0} hors limites (de {1} à {2})", "value {0} out of range ({1} to {2})"}},
  {"unknown_value", {"{0} inconnu « {1} » (attendu : {2})", "unknown {0} \"{1}\" (expected: {2})"}},
  {"bad_id", {"identifiant invalide « {0} » (lettres, chiffres, « _ », « - » ou « . », 64 au plus)",
              "invalid identifier \"{0}\" (letters, digits, '_', '-' or '.', at most 64)"}},
  {"duplicate_id", {"« {0} » en double (déjà utilisé en {1})", "duplicate \"{0}\" (already used at {1})"}},
  {"unknown_ref", {"{0} « {1} » introuvable", "{0} \"{1}\" not found"}},
  {"bad_time", {"date et heure invalides « {0} » (attendu : AAAA-MM-JJTHH:MM:SSZ)",
                "invalid date and time \"{0}\" (expected: YYYY-MM-DDTHH:MM:SSZ)"}},
  {"bad_duration", {"durée invalide « {0} » (exemples : 90m, 2h, 1d6h)", "invalid duration \"{0}\" (examples: 90m, 2h, 1d6h)"}},
  {"bad_clock_time", {"heure invalide « {0} » (attendu : HH:MM)", "invalid time of day \"{0}\" (expected: HH:MM)"}},
  {"bad_phone", {"numéro invalide « {0} » (attendu : tel:+ suivi de 8 à 15 chiffres)",
                 "invalid phone number \"{0}\" (expected: tel:+ followed by 8 to 15 digits)"}},
  {"bad_email", {"adresse e-mail invalide « {0} »", "invalid e-mail address \"{0}\""}},
  {"bad_version", {"version de format {0} non prise en charge (versions connues : {1})",
                   "unsupported format version {0} (known versions: {1})"}},
  {"bad_format", {"format « {0} » inattendu (attendu : « {1} »)", "unexpected format \"{0}\" (expected \"{1}\")"}},
  {"bad_parent", {"le parent d'un(e) {0} doit être un(e) {1}, pas « {2} » ({3})",
                  "the parent of a {0} must be a {1}, not \"{2}\" ({3})"}},
  {"parent_forbidden", {"une région n'a pas de parent", "a region has no parent"}},
  {"before_start", {"l'heure {0} précède le début du scénario ({1})", "time {0} is before the scenario start ({1})"}},
  {"too_far", {"l'heure {0} est à plus de 10 ans du début du scénario", "time {0} is more than 10 years after the scenario start"}},
  {"at_or_after", {"donner soit « at » soit « after », pas les deux", "give either \"at\" or \"after\", not both"}},
  {"need_at_or_after", {"« at » (date et heure) ou « after » (durée) est obligatoire",
                        "\"at\" (date and time) or \"after\" (duration) is required"}},
  {"hours_order", {"l'heure d'ouverture {0} doit précéder l'heure de fermeture {1}",
                   "opening time {0} must be before closing time {1}"}},
  {"one_amount", {"donner exactement une durée : minutes, hours ou days", "give exactly one amount: minutes, hours or days"}},
  {"nested_timeline", {"un événement programmé ne peut pas en contenir un autre", "a scheduled event cannot contain another"}},
  {"empty_list", {"la liste ne peut pas être vide", "the list cannot be empty"}},
  // Exercises: conditions, tasks, hints and mistakes.
  {"cond_form", {"une condition a exactement une forme parmi : {0}", "a condition has exactly one form among: {0}"}},
  {"cond_unknown_operator", {"opérateur inconnu « {0} » (attendu : {1})", "unknown operator \"{0}\" (expected: {1})"}},
  {"cond_unknown_key", {"« {0} » n'existe pas dans « {1} » de l'état : vouliez-vous dire « {2} » ? (docs/exercises.md, « Ce qu'on peut lire dans l'état »)",
                        "\"{0}\" does not exist in the state's \"{1}\": did you mean \"{2}\"? (docs/exercises.md, state paths)"}},
  {"cond_unknown_key_list", {"« {0} » n'existe pas dans « {1} » de l'état (clés : {2} ; docs/exercises.md, « Ce qu'on peut lire dans l'état »)",
                             "\"{0}\" does not exist in the state's \"{1}\" (keys: {2}; docs/exercises.md, state paths)"}},
  {"cond_path_value", {"« {0} » ne peut pas suivre « {1} » : c'est une valeur (texte, nombre), pas un objet",
                       "\"{0}\" cannot follow \"{1}\": it is a value (text, number), not an object"}},
  {"cond_bad_root", {"section d'état inconnue « {0} » (attendu : {1})", "unknown state section \"{0}\" (expected: {1})"}},
  {"cond_bad_path", {"chemin invalide « {0} » (noms séparés par des points, « [*] » permis)",
                     "invalid path \"{0}\" (names separated by dots, \"[*]\" allowed)"}},
  {"cond_bad_operand", {"« {0} » attend un(e) {1}", "\"{0}\" expects a {1}"}},
  {"cond_nested_after", {"un « after » ne peut pas contenir un autre « after »", "an \"after\" cannot contain another \"after\""}},
  {"exercise_role_mismatch", {"l'utilisateur « {0} » a le rôle {1}, pas {2}", "user \"{0}\" has role {1}, not {2}"}},
  {"exercise_unknown_mistake", {"aucun détecteur d'erreur « {0} » dans cet exercice", "no mistake detector \"{0}\" in this exercise"}},
  {"exercise_tasks_not_done", {"tâches non accomplies : {0}", "tasks not done: {0}"}},
  {"exercise_mistakes_fired", {"erreurs détectées : {0}", "mistakes detected: {0}"}},
  {"exercise_tasks_done_empty", {"sans rien faire, tâches accomplies : {0}", "doing nothing completes: {0}"}},
  {"exercise_no_wrong_run", {"aucun « wrong_runs » pour l'erreur « {0} »", "no \"wrong_runs\" for mistake \"{0}\""}},
  {"exercise_mistake_not_fired", {"l'erreur « {0} » n'a pas été détectée", "mistake \"{0}\" was not detected"}},
  // Exercises: debrief labels.
  {"debrief_title", {"Débriefing d'exercice", "Exercise debrief"}},
  {"debrief_sandbox", {"Simulation de formation — données fictives", "Training simulation — fictional data"}},
  {"debrief_module", {"Module", "Module"}},
  {"debrief_started", {"début", "started"}},
  {"debrief_score", {"score", "score"}},
  {"debrief_pair", {"Binôme", "Pair"}},
  {"debrief_tasks", {"Tâches", "Tasks"}},
  {"debrief_task", {"Tâche", "Task"}},
  {"debrief_weight", {"Points", "Points"}},
  {"debrief_result", {"Résultat", "Result"}},
  {"debrief_when", {"Quand", "When"}},
  {"debrief_by", {"Par", "By"}},
  {"debrief_done", {"accomplie", "done"}},
  {"debrief_late", {"accomplie après l'échéance", "done after the deadline"}},
  {"debrief_missed", {"échéance dépassée", "deadline missed"}},
  {"debrief_not_done", {"non accomplie", "not done"}},
  {"debrief_mistakes", {"Erreurs", "Mistakes"}},
  {"debrief_no_mistake", {"Aucune erreur détectée.", "No mistake detected."}},
  {"debrief_hints", {"Indices affichés", "Hints shown"}},
  {"debrief_questions", {"Questions", "Questions"}},
  {"debrief_question", {"Question", "Question"}},
  {"debrief_answer", {"Réponse donnée", "Answer given"}},
  {"debrief_expected", {"Réponse attendue", "Expected answer"}},
  {"debrief_unanswered", {"sans réponse", "not answered"}},
  {"debrief_reference", {"Comparaison avec la solution de référence", "Comparison with the reference solution"}},
  {"debrief_trainee", {"Stagiaire", "Trainee"}},
  {"debrief_reference_solution", {"Référence", "Reference"}},
  {"debrief_commands", {"Commandes", "Commands"}},
  {"debrief_duration", {"Durée (temps simulé)", "Time taken (sim time)"}},
  {"debrief_missing", {"Tâches que la référence accomplit et pas le stagiaire : {0}",
                       "Tasks the reference achieves and the trainee does not: {0}"}},
  {"debrief_timeline", {"Chronologie des actions", "Timeline of actions"}},
  {"debrief_action", {"Action", "Action"}},
  {"debrief_room", {"{0} participant(s) ou binôme(s) — score moyen {1}, meilleur score {2}",
                    "{0} participant(s) or pair(s) — average score {1}, best score {2}"}},
  {"exercise_refused", {"commande {0} refusée : {1}", "command {0} refused: {1}"}},
  {"nested_commands", {"une commande {0} ne peut pas figurer dans une liste de commandes d'une autre", "a {0} command cannot appear in another command's list"}},
  {"exercise_already_started", {"l'exercice « {0} » a déjà commencé", "exercise \"{0}\" has already started"}},
  {"exercise_setup_refused", {"mise en place de l'exercice « {0} » : la commande n° {1} ({2}) est refusée : {3} ; rien n'est joué",
                              "setup of exercise \"{0}\": command #{1} ({2}) is refused: {3}; nothing is played"}},
  {"exercise_start_inside", {"exercise.start ne peut pas figurer dans l'exercice « {0} » : c'est le formateur qui le lance, mise en place comprise",
                             "exercise.start cannot appear in exercise \"{0}\": the trainer starts it, setup included"}},
  // Forms: XPath expressions.
  {"xpath_at", {"colonne {0} : {1}", "column {0}: {1}"}},
  {"xpath_unclosed_string", {"texte entre guillemets non fermé", "unclosed quoted string"}},
  {"xpath_bad_reference", {"référence invalide (attendu : ${nom_du_champ})", "invalid reference (expected: ${field_name})"}},
  {"xpath_unexpected", {"« {0} » inattendu", "unexpected \"{0}\""}},
  {"xpath_unexpected_end", {"expression incomplète", "incomplete expression"}},
  {"xpath_expected", {"« {0} » attendu", "\"{0}\" expected"}},
  {"xpath_unsupported", {"« {0} » n'est pas pris en charge (chemins XPath : utiliser ${champ})",
                         "\"{0}\" is not supported (XPath paths: use ${field})"}},
  {"xpath_too_deep", {"expression trop imbriquée", "expression nested too deeply"}},
  {"xpath_unknown_function", {"fonction inconnue « {0}() »", "unknown function \"{0}()\""}},
  {"xpath_arity", {"{0}() attend {1} argument(s), reçu {2}", "{0}() takes {1} argument(s), got {2}"}},
  {"xpath_bad_date", {"date invalide « {0} »", "invalid date \"{0}\""}},
  // Forms: definitions and entries.
  {"form_expression", {"expression invalide, colonne {0} : {1}", "invalid expression, column {0}: {2}"}},
  {"form_bad_name", {"nom de champ invalide « {0} » (lettre ou « _ », puis lettres, chiffres ou « _ »)",
                     "invalid field name \"{0}\" (a letter or '_', then letters, digits or '_')"}},
  {"form_not_select", {"« choices » ne s'applique qu'aux champs select_one et select_multiple (type « {0} »)",
                       "\"choices\" only applies to select_one and select_multiple fields (type \"{0}\")"}},
  {"form_not_container", {"seuls les groupes et répétitions ont des « fields » (type « {0} »)",
                          "only groups and repeats have \"fields\" (type \"{0}\")"}},
  {"form_cycle", {"calcul circulaire : « {0} » dépend de lui-même", "circular calculation: \"{0}\" depends on itself"}},
  {"form_too_deep", {"groupes et répétitions imbriqués sur plus de {0} niveaux", "groups and repeats nested more than {0} levels deep"}},
  {"form_required", {"Cette réponse est obligatoire.", "This answer is required."}},
  {"form_constraint", {"Valeur non valide.", "Invalid value."}},
  {"form_type_integer", {"« {0} » n'est pas un nombre entier.", "\"{0}\" is not a whole number."}},
  {"form_type_decimal", {"« {0} » n'est pas un nombre.", "\"{0}\" is not a number."}},
  {"form_type_date", {"« {0} » n'est pas une date (AAAA-MM-JJ).", "\"{0}\" is not a date (YYYY-MM-DD)."}},
  {"form_type_datetime", {"« {0} » n'est pas une date et heure (AAAA-MM-JJTHH:MM:SS).",
                          "\"{0}\" is not a date and time (YYYY-MM-DDTHH:MM:SS)."}},
  {"form_type_time", {"« {0} » n'est pas une heure (HH:MM).", "\"{0}\" is not a time (HH:MM)."}},
  {"form_type_text", {"un texte est attendu, trouvé {0}.", "a text is expected, found {0}."}},
  {"form_type_repeat", {"une liste d'entrées est attendue.", "a list of entries is expected."}},
  {"form_type_entry", {"un objet {champ: valeur} est attendu.", "an object {field: value} is expected."}},
  {"form_unknown_choice", {"Choix « {0} » non proposé.", "Choice \"{0}\" is not offered."}},
  {"form_unknown_field", {"Champ inconnu « {0} ».", "Unknown field \"{0}\"."}},
  // Forms: XLSForm import.
  {"xls_unclosed_quote", {"guillemet non fermé", "unclosed quote"}},
  {"xls_end_without_begin", {"{0} sans {1} correspondant", "{0} without a matching {1}"}},
  {"xls_unclosed", {"{0} « {1} » jamais fermé", "{0} \"{1}\" is never closed"}},
  {"xls_unsupported_type", {"type « {0} » non pris en charge par Kalan", "type \"{0}\" is not supported by Kalan"}},
  {"xpath_bad_regex", {"expression régulière invalide « {0} » : {1}", "invalid regular expression \"{0}\": {1}"}},
  // Refusals of commands.
  {"unknown_actor", {"acteur inconnu « {0} »", "unknown actor \"{0}\""}},
  {"inactive_actor", {"le compte « {0} » est désactivé", "account \"{0}\" is disabled"}},
  {"forbidden", {"action « {0} » non autorisée pour le rôle {1}", "action \"{0}\" is not allowed for role {1}"}},
  {"no_session", {"aucun scénario n'est ouvert", "no scenario is open"}},
  {"no_scheduled_event", {"aucun événement programmé à venir", "no scheduled event ahead"}},
  {"clock_backwards", {"l'horloge ne peut pas reculer ({0} est avant {1})", "the clock cannot go back ({0} is before {1})"}},
  {"not_reporter", {"le numéro {0} n'appartient à aucun contact ni utilisateur", "number {0} belongs to no contact or user"}},
  {"timeline_failed", {"l'événement programmé n° {0} a échoué : {1}", "scheduled event #{0} failed: {1}"}},
  {"session_hash_mismatch", {"l'empreinte rejouée {0} ne correspond pas à l'empreinte enregistrée {1}",
                             "replayed hash {0} does not match the saved hash {1}"}},
  {"command_refused", {"commande n° {0} refusée : {1}", "command #{0} refused: {1}"}},
  {"room_refusal_accepted", {"une tentative refusée du journal est acceptée en rejouant : le journal ne correspond plus au cœur",
                             "a refused attempt of the log is accepted on replay: the log no longer matches the core"}},
  {"unsupported", {"{0} « {1} » non pris en charge (nœud {2})", "unsupported {0} \"{1}\" (node {2})"}},
  {"dangling", {"{0} « {1} » introuvable (nœud {2})", "{0} \"{1}\" not found (node {2})"}},
  {"bad_template", {"expression invalide : {0} (nœud {1})", "invalid expression: {0} (node {1})"}},
  {"bad_arity", {"le test « {0} » attend de {1} à {2} arguments, {3} donnés (nœud {4})",
                 "test \"{0}\" takes {1} to {2} arguments, {3} given (node {4})"}},
  {"no_flows", {"aucun flux dans l'export", "no flow in the export"}},
  {"unknown_contact", {"contact inconnu « {0} »", "unknown contact \"{0}\""}},
  {"no_waiting_session", {"aucun flux n'attend de réponse de {0}", "no flow is waiting for an answer from {0}"}},
  {"too_large", {"entrée trop grande ({0} octets, {1} au plus)", "input too large ({0} bytes, at most {1})"}},
  {"too_deep", {"imbrication JSON trop profonde", "JSON nested too deeply"}},
  // Monthly reporting (KoboToolbox) and PSEA complaints.
  {"report_unknown_structure", {"la structure « {0} » n'existe pas", "structure \"{0}\" does not exist"}},
  {"report_not_region", {"« {0} » n'est pas une région", "\"{0}\" is not a region"}},
  {"report_not_cercle", {"« {0} » n'est pas un cercle", "\"{0}\" is not a cercle"}},
  {"report_cercle_region", {"le cercle « {0} » n'est pas dans la région « {1} »", "cercle \"{0}\" is not in region \"{1}\""}},
  {"report_bad_instance", {"identifiant d'instance « {0} » invalide (attendu : uuid:…)", "invalid instance id \"{0}\" (expected: uuid:…)"}},
  {"report_other_structure", {"{0} ne peut pas envoyer le rapport de la structure « {1} »",
                              "{0} may not send the report of structure \"{1}\""}},
  {"report_stale_edit", {"la version « {0} » a déjà été modifiée : modifiez la dernière version",
                         "version \"{0}\" was already edited: edit the latest version"}},
  {"report_already_sent", {"le rapport « {0} » a déjà été envoyé : créez une modification", "report \"{0}\" was already sent: make an edit"}},
  {"report_queued", {"le rapport « {0} » est dans la boîte d'envoi", "report \"{0}\" is in the outbox"}},
  {"report_not_finalized", {"le rapport « {0} » n'est pas finalisé", "report \"{0}\" is not finalized"}},
  {"report_nothing_to_send", {"aucun rapport à envoyer pour {0}", "no report to send for {0}"}},
  {"report_csv_header", {"en-tête inattendu : ce n'est pas un export des soumissions du formulaire mensuel",
                         "unexpected header: not a submissions export of the monthly form"}},
  {"report_csv_width", {"{0} colonnes au lieu de {1}", "{0} columns instead of {1}"}},
  {"psea_already", {"plainte {0} : {1} déjà enregistrée", "complaint {0}: {1} already recorded"}},
  {"psea_received_future", {"date de réception dans le futur : « {0} »", "reception date in the future: \"{0}\""}},
  // Case management (CPIMS+).
  {"bad_base64", {"contenu base64 invalide", "invalid base64 content"}},
  {"case_not_visible", {"le dossier {0} n'est pas accessible à {1}", "case {0} is not accessible to {1}"}},
  {"case_read_only", {"{1} peut consulter le dossier {0} mais pas le modifier", "{1} may read case {0} but not change it"}},
  {"case_frozen", {"le dossier {0} est {1} : aucune modification n'est possible", "case {0} is {1}: it cannot be changed"}},
  {"case_status", {"action impossible : le dossier {0} est au statut « {1} » (attendu : {2})",
                   "not possible: case {0} has status \"{1}\" (expected: {2})"}},
  {"form_invalid", {"formulaire {0}, champ « {1} » : {2}", "form {0}, field \"{1}\": {2}"}},
  {"form_incomplete", {"le formulaire {0} est incomplet : la réponse « {1} » est obligatoire",
                       "form {0} is incomplete: answer \"{1}\" is required"}},
  {"form_first", {"le formulaire {0} doit d'abord être rempli sur le dossier {1}", "form {0} must first be filled on case {1}"}},
  {"approval_pending", {"une demande d'approbation « {0} » est déjà en attente sur {1}",
                        "an approval request \"{0}\" is already pending on {1}"}},
  {"approval_done", {"« {0} » est déjà approuvé sur {1}", "\"{0}\" is already approved on {1}"}},
  {"approval_none", {"aucune demande d'approbation « {0} » en attente sur {1} (état actuel : {2})",
                     "no pending approval request \"{0}\" on {1} (current state: {2})"}},
  {"not_case_supervisor", {"{0} n'est pas le superviseur du dossier {1} (superviseur : {2})",
                           "{0} is not the supervisor of case {1} (supervisor: {2})"}},
  {"self_approval", {"{0} ne peut pas approuver son propre dossier {1}", "{0} cannot approve their own case {1}"}},
  {"comment_required", {"un commentaire est obligatoire pour un rejet", "a comment is required to reject"}},
  {"closure_not_approved", {"la clôture du dossier {0} n'est pas approuvée", "closure of case {0} is not approved"}},
  {"closure_forms_missing", {"le superviseur doit remplir {0} avant d'approuver la clôture de {1}",
                             "the supervisor must fill {0} before approving the closure of {1}"}},
  {"missing_consent", {"consentement manquant sur {0} : {1} (formulaire 1A)", "consent missing on {0}: {1} (form 1A)"}},
  {"bad_transition", {"{0} {1} : passage de « {2} » à « {3} » impossible", "{0} {1}: cannot go from \"{2}\" to \"{3}\""}},
  {"not_receiver", {"{0} n'appartient pas à la structure destinataire de {1}", "{0} does not belong to the receiving structure of {1}"}},
  {"user_disabled", {"le compte « {0} » est désactivé", "account \"{0}\" is disabled"}},
  {"not_case_worker", {"{0} n'a pas de rôle pouvant suivre un dossier (rôle : {1})", "{0} has no role that can follow a case (role: {1})"}},
  {"other_structure", {"{0} n'appartient pas à la structure {1}", "{0} does not belong to structure {1}"}},
  {"same_structure", {"{0} est déjà dans la structure {1} : utiliser l'assignation", "{0} is already in structure {1}: use assignment"}},
  {"already_owner", {"{0} suit déjà le dossier {1}", "{0} already follows case {1}"}},
  {"transfer_target", {"indiquer le destinataire (to_user) ou un transfert distant (remote)",
                       "give the receiver (to_user) or a remote transfer (remote)"}},
  {"transfer_pending", {"le transfert {0} est déjà en cours pour le dossier {1}", "transfer {0} is already in progress for case {1}"}},
  {"user_exists", {"l'identifiant « {0} » est déjà utilisé", "identifier \"{0}\" is already taken"}},
  {"not_your_alert", {"l'alerte {0} n'est pas dans la boîte de {1}", "alert {0} is not in {1}'s inbox"}},
  {"tracing_matched", {"la demande de recherche {0} est déjà liée au dossier {1}", "tracing request {0} is already linked to case {1}"}},
  // The sandbox server (kalan serve): answers to HTTP requests.
  {"http_not_found", {"introuvable : {0}", "not found: {0}"}},
  {"http_bad_path", {"chemin refusé : {0}", "path refused: {0}"}},
  {"http_unauthorized", {"jeton manquant ou invalide", "missing or invalid token"}},
  {"http_trainer_only", {"réservé au formateur", "trainer only"}},
  {"http_unknown_room", {"salle inconnue « {0} »", "unknown room \"{0}\""}},
  {"http_body_too_large", {"corps de requête trop grand (maximum {0} octets)", "request body too large (at most {0} bytes)"}},
  {"http_length_required", {"longueur du corps requise (Content-Length) : l'envoi par morceaux n'est pas accepté", "request body length required (Content-Length): chunked uploads are not accepted"}},
  {"http_rate_limited", {"trop de requêtes : réessayez dans un instant", "too many requests: try again in a moment"}},
  {"http_cross_origin", {"origine « {0} » refusée : même origine uniquement", "origin \"{0}\" refused: same origin only"}},
  {"http_bad_request", {"requête HTTP invalide", "invalid HTTP request"}},
  {"http_method", {"méthode {0} non prise en charge ici", "method {0} is not supported here"}},
  {"http_internal", {"erreur interne : {0}", "internal error: {0}"}},
  {"http_actor_mismatch", {"vous agissez en tant que « {0} », pas « {1} »", "you act as \"{0}\", not \"{1}\""}},
  {"http_no_user_for_role", {"aucun utilisateur actif du scénario n'a le rôle « {0} »", "no active user of the scenario has role \"{0}\""}},
  {"http_unknown_scenario", {"scénario intégré inconnu « {0} » (attendu : {1})", "unknown built-in scenario \"{0}\" (expected: {1})"}},
  {"http_unknown_action", {"action d'horloge inconnue « {0} » (attendu : {1})", "unknown clock action \"{0}\" (expected: {1})"}},
  {"http_storage", {"enregistrement impossible : {0}", "cannot store: {0}"}},
  {"bad_answer", {"une réponse est un texte, un nombre ou une liste de textes ou de nombres",
                  "an answer is a text, a number or a list of texts or numbers"}},
  {"exercise_unknown_question", {"aucune question « {0} » dans l'exercice « {1} »", "no question \"{0}\" in exercise \"{1}\""}},
  {"exercise_unknown_hint", {"aucun indice n° {0} dans l'exercice « {1} »", "no hint #{0} in exercise \"{1}\""}},
  {"exercise_other_exercise", {"cette réponse est pour l'exercice « {0} », pas « {1} »", "this answer is for exercise \"{0}\", not \"{1}\""}},
  {"report_already_received", {"{0} a déjà envoyé son rapport de {1} : pas de relance",
                               "{0} already sent its report for {1}: no reminder"}},
  {"report_not_due", {"le rapport de {0} n'est pas encore dû (le mois n'est pas terminé)",
                      "the report for {0} is not due yet (the month has not ended)"}},
  {"report_not_expected", {"la structure « {0} » n'envoie pas de rapport mensuel (aucun gestionnaire de cas)",
                           "structure \"{0}\" sends no monthly report (no case worker)"}},
  {"service_duplicate", {"le service « {0} » existe déjà à cet endroit ({1})", "service \"{0}\" already exists at this place ({1})"}},
};

const std::map<std::string, Template>& catalogue() {
  static const std::map<std::string, Template> table = index_rows(kCatalogue);
  return table;
}

// Nouns named in messages: an argument "@role" is rendered through this table.
const Row kNouns[] = {
  {"@role", {"rôle", "role"}},
  {"@level", {"niveau", "level"}},
  {"@org_kind", {"type d'organisation", "organisation type"}},
  {"@service_type", {"type de service", "service type"}},
  {"@day", {"jour", "day"}},
  {"@action", {"action", "action"}},
  {"@router", {"routeur", "router"}},
  {"@test", {"test", "test"}},
  {"@wait", {"attente", "wait"}},
  {"@trigger", {"déclencheur", "trigger"}},
  {"@flow", {"flux", "flow"}},
  {"@node", {"nœud", "node"}},
  {"@exit", {"sortie", "exit"}},
  {"@category", {"catégorie", "category"}},
  {"@group", {"groupe", "group"}},
  {"@language", {"langue", "language"}},
  {"@command_type", {"type de commande", "command type"}},
  {"@sex", {"sexe", "sex"}},
  {"@shortcode", {"numéro court", "short code"}},
  {"@location", {"lieu", "place"}},
  {"@parent_location", {"lieu parent", "parent place"}},
  {"@organisation", {"organisation", "organisation"}},
  {"@user", {"utilisateur", "user"}},
  {"@task", {"tâche", "task"}},
  {"@number_or_time", {"nombre ou heure (« +2h » ou AAAA-MM-JJTHH:MM:SSZ)", "number or time (\"+2h\" or YYYY-MM-DDTHH:MM:SSZ)"}},
  {"@region", {"région", "region"}},
  {"@cercle", {"cercle", "cercle"}},
  {"@commune", {"commune", "commune"}},
  {"@case", {"dossier", "case"}},
  {"@draft", {"brouillon", "draft"}},
  {"@submission", {"soumission", "submission"}},
  {"@complaint", {"plainte", "complaint"}},
  {"@psea_referral", {"référence vers l'assistance", "referral to assistance"}},
  {"@response", {"réponse", "response"}},
  {"@validation_status", {"statut de validation", "validation status"}},
  {"@psea_channel", {"canal de plainte", "complaint channel"}},
  {"@psea_type", {"type de plainte", "complaint type"}},
  {"@scope", {"portée", "scope"}},
  {"@closed", {"clôturé", "closed"}},
  {"@transferred", {"transféré hors du système", "transferred out of the system"}},
  {"@referral", {"référencement", "referral"}},
  {"@transfer", {"transfert", "transfer"}},
  {"@attachment", {"pièce jointe", "attachment"}},
  {"@alert", {"alerte", "alert"}},
  {"@tracing_request", {"demande de recherche", "tracing request"}},
  {"@form", {"formulaire", "form"}},
  {"@form_entry", {"entrée de formulaire", "form entry"}},
  {"@service", {"service", "service"}},
  {"@risk_level", {"niveau de risque", "risk level"}},
  {"@approval_kind", {"type d'approbation", "approval kind"}},
  {"@decision", {"décision", "decision"}},
  {"@attachment_kind", {"type de pièce jointe", "attachment kind"}},
  {"@shortcode_rule", {"3 à 15 chiffres, par exemple 21999", "3 to 15 digits, for example 21999"}},
  {"@question", {"question", "question"}},
};

}  // namespace

const std::map<std::string, Template>& nouns() {
  static const std::map<std::string, Template> table = index_rows(kNouns);
  return table;
}

std::string fill_template(const char* tmpl, const std::vector<std::string>& args) {
  std::string out;
  for (const char* p = tmpl; *p; ++p) {
    if (*p == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
      const size_t i = static_cast<size_t>(p[1] - '0');
      if (i < args.size()) out += args[i];
      p += 2;
    } else {
      out += *p;
    }
  }
  return out;
}

std::string render_message(const std::string& code, const std::vector<std::string>& args, Lang lang) {
  const auto& table = catalogue();
  const auto it = table.find(code);
  if (it == table.end()) return code;
  std::vector<std::string> words = args;
  for (auto& w : words) {
    if (w.size() > 1 && w[0] == kBilingual) {  // "\x01français\x01english"
      const size_t cut = w.find(kBilingual, 1);
      if (cut != std::string::npos) w = lang == Lang::fr ? w.substr(1, cut - 1) : w.substr(cut + 1);
      continue;
    }
    if (w.empty() || w[0] != '@') continue;
    const auto n = nouns().find(w);
    if (n != nouns().end()) w = lang == Lang::fr ? n->second.fr : n->second.en;
  }
  return fill_template(lang == Lang::fr ? it->second.fr : it->second.en, words);
}

std::string render(const Diagnostic& d, Lang lang) {
  const std::string msg = render_message(d.code, d.args, lang);
  return (d.path.empty() ? std::string("/") : d.path) + ": " + msg;
}

std::string path_join(const std::string& base, const std::string& key) {
  std::string out = base + "/";
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string path_join(const std::string& base, std::size_t index) {
  return base + "/" + std::to_string(index);
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  return out;
}

}  // namespace kalan
