#include "i18n.h"

#include <cstring>
#include <map>

namespace kalan::ui {

namespace {

Lang g_lang = Lang::fr;

struct Entry {
  const char* fr;
  const char* en;
};

struct Less {
  bool operator()(const char* a, const char* b) const { return std::strcmp(a, b) < 0; }
};

const std::map<const char*, Entry, Less>& table() {
  static const std::map<const char*, Entry, Less> t = {
      {"app.banner", {"SANDBOX — données fictives", "SANDBOX — fictional data"}},
      {"app.title", {"Kalan — simulateur de protection de l'enfant", "Kalan — child-protection simulator"}},
      {"app.language", {"English", "Français"}},
      {"app.change_scenario", {"Changer de scénario", "Change scenario"}},
      {"app.save_session", {"Enregistrer la session", "Save session"}},
      {"app.saved", {"Session enregistrée : {0}", "Session saved: {0}"}},
      {"app.save_failed", {"Échec de l'enregistrement : {0}", "Save failed: {0}"}},
      {"picker.title", {"Choisir un scénario", "Choose a scenario"}},
      {"picker.builtin", {"Scénarios intégrés", "Built-in scenarios"}},
      {"picker.start", {"Démarrer", "Start"}},
      {"picker.open_file", {"Ouvrir un fichier (scénario ou session)", "Open a file (scenario or session)"}},
      {"picker.path", {"Chemin du fichier", "File path"}},
      {"picker.open", {"Ouvrir", "Open"}},
      {"picker.errors", {"Ce fichier contient des erreurs :", "This file has errors:"}},
      {"picker.objectives", {"Objectifs :", "Objectives:"}},
      {"picker.start_at", {"Début : {0}", "Starts: {0}"}},
      {"picker.counts", {"{0} utilisateurs, {1} services, {2} événements programmés",
                         "{0} users, {1} services, {2} scheduled events"}},
      {"clock.play", {"Lecture", "Play"}},
      {"clock.pause", {"Pause", "Pause"}},
      {"clock.paused", {"en pause", "paused"}},
      {"clock.running", {"en marche (×{0})", "running (×{0})"}},
      {"clock.plus15", {"+15 min", "+15 min"}},
      {"clock.plus1h", {"+1 h", "+1 h"}},
      {"clock.plus1d", {"+1 jour", "+1 day"}},
      {"clock.next", {"Événement suivant", "Next event"}},
      {"clock.next_is", {"Prochain : {0} — {1}", "Next: {0} — {1}"}},
      {"clock.none_left", {"Aucun événement programmé à venir", "No scheduled event ahead"}},
      {"clock.speed", {"Vitesse", "Speed"}},
      {"tab.events", {"Journal", "Event log"}},
      {"tab.phones", {"Téléphones", "Phones"}},
      {"tab.flow", {"Flux", "Flow"}},
      {"phone.other", {"Autre numéro", "Other number"}},
      {"phone.hint", {"Écrire un SMS au 21999…", "Write an SMS to 21999…"}},
      {"phone.send", {"Envoyer", "Send"}},
      {"phone.no_response", {"Pas de réponse", "No response"}},
      {"phone.waiting", {"le flux attend une réponse", "the flow waits for an answer"}},
      {"phone.waiting_until", {"le flux attend une réponse (délai : {0})", "the flow waits for an answer (timeout: {0})"}},
      {"phone.events", {"Événements du flux", "Flow events"}},
      {"phone.no_events", {"Aucun événement pour ce téléphone.", "No event for this phone."}},
      {"phone.context", {"Contexte des expressions (@)", "Expression context (@)"}},
      {"pill.result", {"Résultat « {0} » = {1} ({2})", "Result \"{0}\" = {1} ({2})"}},
      {"pill.result_plain", {"Résultat « {0} » = {1}", "Result \"{0}\" = {1}"}},
      {"pill.field", {"Champ « {0} » = {1}", "Field \"{0}\" = {1}"}},
      {"pill.name", {"Nom du contact : {0}", "Contact name: {0}"}},
      {"pill.groups", {"Groupes : {0}", "Groups: {0}"}},
      {"pill.webhook", {"Webhook {0} → {1}", "Webhook {0} → {1}"}},
      {"pill.started", {"Début du flux « {0} »", "Flow \"{0}\" started"}},
      {"pill.ended", {"Fin du flux « {0} » ({1})", "Flow \"{0}\" ended ({1})"}},
      {"pill.entered", {"Sous-flux « {0} »", "Subflow \"{0}\""}},
      {"pill.broadcast", {"SMS envoyé à {0}", "SMS sent to {0}"}},
      {"pill.error", {"Erreur : {0}", "Error: {0}"}},
      {"pill.wait", {"En attente d'une réponse", "Waiting for an answer"}},
      {"pill.case", {"Cas {0} créé (signalement {1})", "Case {0} created (report {1})"}},
      {"flowview.none", {"Ce scénario n'a pas de flux SMS.", "This scenario has no SMS flow."}},
      {"flowview.pick", {"Flux :", "Flow:"}},
      {"flowview.running", {"Flux « {0} » en cours pour {1}", "Flow \"{0}\" running for {1}"}},
      {"flowview.send", {"Envoyer", "Send"}},
      {"flowview.broadcast", {"Diffuser", "Broadcast"}},
      {"flowview.result", {"Résultat", "Result"}},
      {"flowview.field", {"Champ", "Field"}},
      {"flowview.subflow", {"Sous-flux", "Subflow"}},
      {"flowview.wait", {"[attente] ", "[wait] "}},
      {"flowview.random", {"au hasard", "random"}},
      {"ev.sms.sent", {"SMS envoyé à {0} : « {1} »", "SMS sent to {0}: \"{1}\""}},
      {"ev.flow.msg_created", {"21999 → {0} : « {1} »", "21999 → {0}: \"{1}\""}},
      {"tab.world", {"Annuaire", "Directory"}},
      {"tab.exercise", {"Exercice", "Exercise"}},
      {"exercise.none", {"Ce scénario n'a pas d'exercice.", "This scenario has no exercise."}},
      {"exercise.pick", {"Choisissez un exercice :", "Pick an exercise:"}},
      {"exercise.start", {"Commencer", "Start"}},
      {"exercise.score", {"Score {0} / {1} — tâches {2} / {3}", "Score {0} / {1} — tasks {2} / {3}"}},
      {"exercise.tasks", {"Tâches", "Tasks"}},
      {"exercise.hints", {"Indices", "Hints"}},
      {"exercise.hint_ask", {"Demander un indice (−{0})", "Ask for a hint (−{0})"}},
      {"exercise.mistakes", {"Erreurs", "Mistakes"}},
      {"exercise.debrief", {"Débriefing (HTML)", "Debrief (HTML)"}},
      {"exercise.saved", {"Débriefing enregistré.", "Debrief saved."}},
      {"events.title", {"Journal des événements", "Event log"}},
      {"events.filter", {"Filtrer", "Filter"}},
      {"events.empty", {"Rien pour l'instant. Faites avancer l'horloge.", "Nothing yet. Move the clock forward."}},
      {"events.refused", {"Refusé — {0}", "Refused — {0}"}},
      {"ev.clock.advanced", {"Horloge : {0} → {1}", "Clock: {0} → {1}"}},
      {"ev.timeline.fired", {"Événement programmé : {0}", "Scheduled event: {0}"}},
      {"ev.timeline.failed", {"Échec d'un événement programmé : {0}", "A scheduled event failed: {0}"}},
      {"ev.sms.received", {"SMS reçu au {0} de {1} : « {2} »", "SMS received at {0} from {1}: \"{2}\""}},
      {"ev.message.delivered", {"Message pour {0} : « {1} »", "Message to {0}: \"{1}\""}},
      {"ev.case.identified", {"Cas {0} identifié : {1} ({2})", "Case {0} identified: {1} ({2})"}},
      {"world.title", {"Annuaire du monde simulé", "Directory of the simulated world"}},
      {"world.search", {"Rechercher", "Search"}},
      {"world.organisations", {"Organisations", "Organisations"}},
      {"world.users", {"Utilisateurs", "Users"}},
      {"world.services", {"Services", "Services"}},
      {"world.contacts", {"Contacts", "Contacts"}},
      {"world.locations", {"Lieux", "Places"}},
      {"col.name", {"Nom", "Name"}},
      {"col.role", {"Rôle", "Role"}},
      {"col.kind", {"Type", "Type"}},
      {"col.organisation", {"Structure", "Organisation"}},
      {"col.location", {"Lieu", "Place"}},
      {"col.phone", {"Téléphone", "Phone"}},
      {"col.hours", {"Horaires", "Opening hours"}},
      {"col.groups", {"Groupes", "Groups"}},
      {"col.level", {"Niveau", "Level"}},
      {"col.parent", {"Rattachement", "Part of"}},
      {"col.status", {"Statut", "Status"}},
      {"status.active", {"actif", "active"}},
      {"status.disabled", {"désactivé", "disabled"}},
      {"role.community_reporter", {"Signalant (relais communautaire)", "Community reporter"}},
      {"role.case_worker", {"Gestionnaire de cas", "Case worker"}},
      {"role.supervisor", {"Superviseur·e de cas", "Supervisor"}},
      {"role.service_provider", {"Prestataire de services", "Service provider"}},
      {"role.administrator", {"Administrateur·rice", "Administrator"}},
      {"role.information_manager", {"Gestionnaire d'information", "Information manager"}},
      {"role.coordinator", {"Coordination (DNPEF/DRPFEF)", "Coordinator (DNPEF/DRPFEF)"}},
      {"kind.state", {"Service de l'État", "State service"}},
      {"kind.ngo", {"ONG", "NGO"}},
      {"kind.un", {"Agence des Nations unies", "UN agency"}},
      {"kind.community", {"Structure communautaire", "Community structure"}},
      {"svc.health", {"Santé", "Health"}},
      {"svc.psychosocial", {"Psychosocial", "Psychosocial"}},
      {"svc.legal", {"Juridique", "Legal"}},
      {"svc.shelter", {"Hébergement", "Shelter"}},
      {"svc.socio_economic", {"Socio-économique", "Socio-economic"}},
      {"svc.education", {"Éducation", "Education"}},
      {"svc.police_justice", {"Police et justice", "Police and justice"}},
      {"svc.civil_registration", {"État civil", "Civil registration"}},
      {"svc.case_management", {"Gestion de cas", "Case management"}},
      {"svc.family_tracing", {"Recherche familiale", "Family tracing"}},
      {"level.region", {"Région", "Region"}},
      {"level.cercle", {"Cercle", "Cercle"}},
      {"level.commune", {"Commune", "Commune"}},
      {"day.0", {"lun.", "Mon"}}, {"day.1", {"mar.", "Tue"}}, {"day.2", {"mer.", "Wed"}}, {"day.3", {"jeu.", "Thu"}},
      {"day.4", {"ven.", "Fri"}}, {"day.5", {"sam.", "Sat"}}, {"day.6", {"dim.", "Sun"}},
      {"month.1", {"janv.", "Jan"}}, {"month.2", {"févr.", "Feb"}}, {"month.3", {"mars", "Mar"}}, {"month.4", {"avr.", "Apr"}},
      {"month.5", {"mai", "May"}}, {"month.6", {"juin", "Jun"}}, {"month.7", {"juil.", "Jul"}}, {"month.8", {"août", "Aug"}},
      {"month.9", {"sept.", "Sep"}}, {"month.10", {"oct.", "Oct"}}, {"month.11", {"nov.", "Nov"}}, {"month.12", {"déc.", "Dec"}},
      {"who.trainer", {"formateur·rice", "trainer"}},
      {"who.system", {"système", "system"}},
      {"who.unknown", {"numéro inconnu {0}", "unknown number {0}"}},
  };
  return t;
}

}  // namespace

Lang language() { return g_lang; }
void set_language(Lang lang) { g_lang = lang; }

const char* tr(const char* key) {
  const auto& t = table();
  const auto it = t.find(key);
  if (it == t.end()) return key;
  return g_lang == Lang::fr ? it->second.fr : it->second.en;
}

std::string trf(const char* key, const std::vector<std::string>& args) { return fill_template(tr(key), args); }

}  // namespace kalan::ui
