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

const std::map<std::string, Template>& catalogue() {
  static const std::map<std::string, Template> table = {
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
      // The sandbox server (kalan serve): answers to HTTP requests.
      {"http_not_found", {"introuvable : {0}", "not found: {0}"}},
      {"http_bad_path", {"chemin refusé : {0}", "path refused: {0}"}},
      {"http_unauthorized", {"jeton manquant ou invalide", "missing or invalid token"}},
      {"http_trainer_only", {"réservé au formateur", "trainer only"}},
      {"http_unknown_room", {"salle inconnue « {0} »", "unknown room \"{0}\""}},
      {"http_body_too_large", {"corps de requête trop grand (maximum {0} octets)", "request body too large (at most {0} bytes)"}},
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
  };
  return table;
}

}  // namespace

// Nouns named in messages: an argument "@role" is rendered through this table.
const std::map<std::string, Template>& nouns() {
  static const std::map<std::string, Template> table = {
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
      {"@region", {"région", "region"}},
      {"@cercle", {"cercle", "cercle"}},
      {"@commune", {"commune", "commune"}},
      {"@shortcode_rule", {"3 à 15 chiffres, par exemple 21999", "3 to 15 digits, for example 21999"}},
  };
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
