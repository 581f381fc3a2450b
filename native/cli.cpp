#include "cli.h"

#include <algorithm>
#include <cstdlib>
#include <ostream>
#include <sstream>

#include "core/hash.h"
#include "core/state.h"
#include "core/reader.h"
#include "scenario/scenario.h"
#include "session/session.h"

namespace kalan {

namespace {

const char* kUsage =
    "kalan — simulateur de gestion de cas de protection de l'enfant (SANDBOX, données fictives)\n"
    "\n"
    "Usage :\n"
    "  kalan                                   ouvre l'application de bureau\n"
    "  kalan validate FICHIER...               vérifie des scénarios ou des sessions\n"
    "  kalan replay FICHIER [--state json]                    rejoue une session ou un scénario (toute sa chronologie)\n"
    "  kalan run SCENARIO --commands F.jsonl   applique des commandes (une par ligne)\n"
    "        [--save SESSION.json] [--lang fr|en]\n"
    "  kalan serve [--port 8080] [--lan] ...     serveur d'atelier (navigateurs du réseau local)\n"
    "  kalan flow check EXPORT.json             vérifie un export RapidPro (flux, déclencheurs)\n"
    "  kalan flow eval [--utc-offset ±HH:MM] MODÈLE   évalue un modèle d'expression RapidPro\n"
    "  kalan flow run ENTRÉE.json              exécute un flux (assets, contact, trigger, resumes)\n"
    "  kalan forms eval [--utc-offset ±HH:MM] [--now ISO] EXPR   évalue une expression XPath ODK\n"
    "  kalan forms eval --table FICHIER         exécute une table de conformance XPath\n"
    "  kalan forms check FICHIER                vérifie un formulaire (ou les « forms » d'un scénario)\n"
    "  kalan forms validate FORMULAIRE VALEURS.json   valide une saisie (problèmes en JSON)\n"
    "  kalan forms import FICHIER_OU_DOSSIER    convertit un XLSForm (CSV ou JSON Kobo) en JSON Kalan\n"
    "  kalan forms xform FORMULAIRE.json        écrit le XForm ODK (XML) du formulaire, comme KoboCollect le télécharge\n"
    "  kalan report export --format kobo|csv|aggregate|completeness|consistency|psea [--level region|cercle|structure]\n"
    "                     [--year AAAA] SESSION_OU_SCÉNARIO   exporte les rapports mensuels (docs/reporting.md)\n"
    "  kalan exercise check SCÉNARIO...        vérifie les exercices d'un scénario\n"
    "  kalan exercise run SCÉNARIO --exercise ID --commands F.jsonl   joue un exercice\n"
    "  kalan exercise debrief SESSION --exercise ID [--html F] [--lang en]   débriefing\n"
    "  kalan --version\n";

struct Options {
  Lang lang = Lang::fr;
  std::vector<std::string> positional;
  std::string commands, save;
  std::string error;
  bool state = false;  // replay --state json: print the canonical state after the summary
};

Options parse_options(const std::vector<std::string>& args) {
  CliOptions c = parse_cli_options(args, {"--commands", "--save", "--state"});
  return Options{c.lang, c.positional, c.value("--commands"), c.value("--save"), c.error, c.value("--state") == "json"};
}

void print_errors(std::ostream& err, const std::string& file, const Diagnostics& errors, Lang lang) {
  for (const auto& d : errors) err << file << ":" << render(d, lang) << "\n";
}

// A file holds a session if its "format" says so; anything else is read as a scenario.
bool looks_like_session(const nlohmann::json& v) {
  return v.is_object() && v.contains("format") && v["format"] == kSessionFormat;
}

void print_summary(std::ostream& out, const Session& s) {
  const State& st = s.state();
  out << "hash " << hex16(s.hash()) << "\n";
  out << "scénario : " << s.scenario().meta.title << "\n";
  out << "horloge : " << format_iso_time(st.clock.start) << " → " << format_iso_time(st.clock.now) << "\n";
  out << "commandes : " << s.commands().size() << ", événements programmés restants : "
      << (st.schedule.size() - st.schedule_cursor) << "\n";
  out << "SMS : " << st.sms.log.size() << ", messages : " << st.messages.items.size()
      << ", cas : " << st.cases.records.size() << "\n";
}

int cmd_validate(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.positional.empty()) {
    err << "kalan validate : aucun fichier\n";
    return 2;
  }
  bool all_ok = true;
  for (const auto& file : o.positional) {
    Loaded l = load_any(file, err, o.lang);
    if (l.session) out << file << ": ok (" << (l.was_session ? "session" : "scénario") << ")\n";
    else all_ok = false;
  }
  return all_ok ? 0 : 1;
}

int cmd_replay(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.positional.size() != 1) {
    err << "kalan replay : un seul fichier attendu\n";
    return 2;
  }
  Loaded l = load_any(o.positional[0], err, o.lang);
  if (!l.session) return 1;
  if (!l.was_session) {
    l.session->set_journal_limit(0);
    l.session->run_timeline();
  }
  print_summary(out, *l.session);
  // The canonical state too, to compare two platforms line by line.
  if (o.state) out << dump_json(canonical_state(l.session->state()), 1) << "\n";
  return 0;
}

int cmd_run(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.positional.size() != 1 || o.commands.empty()) {
    err << "kalan run : usage : kalan run SCENARIO --commands FICHIER.jsonl\n";
    return 2;
  }
  Loaded l = load_any(o.positional[0], err, o.lang);
  if (!l.session) return 1;
  auto text = read_file(o.commands);
  if (!text) {
    err << o.commands << ": " << render_message("file_unreadable", {o.commands}, o.lang) << "\n";
    return 1;
  }
  Session& session = *l.session;
  session.set_journal_limit(0);
  bool malformed = false;
  for (CommandLine& cl : read_command_lines(*text)) {
    const std::string where = o.commands + ":" + std::to_string(cl.line);
    nlohmann::json report = {{"line", cl.line}};
    if (!cl.command) {
      malformed = true;
      report["ok"] = false;
      nlohmann::json list = nlohmann::json::array();
      for (const auto& d : cl.errors) list.push_back(render(d, o.lang));
      report["invalid"] = list;
      for (const auto& d : cl.errors) err << where << ":" << render(d, o.lang) << "\n";
    } else {
      nlohmann::json r = result_to_json(session.submit(*cl.command), o.lang);
      report.update(r);
      report["type"] = command_type(*cl.command);
    }
    out << report.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  out << "hash " << hex16(session.hash()) << "\n";
  if (!o.save.empty()) {
    std::string why;
    if (!write_file_atomic(o.save, dump_json(session.to_json(), 1), &why)) {
      err << "kalan run : " << why << "\n";
      return 1;
    }
  }
  return malformed ? 1 : 0;
}

}  // namespace

std::string CliOptions::value(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

CliOptions parse_cli_options(const std::vector<std::string>& args, const std::vector<std::string>& value_options) {
  CliOptions o;
  auto fail = [&o](std::string why) {
    if (o.error.empty()) o.error = std::move(why);
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool known = a == "--lang" || std::find(value_options.begin(), value_options.end(), a) != value_options.end();
    if (known && i + 1 >= args.size()) {
      fail("option " + a + " : valeur manquante");
    } else if (a == "--lang") {
      const std::string& l = args[++i];
      if (l == "en") o.lang = Lang::en;
      else if (l != "fr") fail("langue inconnue : " + l + " (fr ou en)");
    } else if (known) {
      o.values[a] = args[++i];
    } else if (a.rfind("--", 0) == 0) {
      fail("option inconnue : " + a);
    } else {
      o.positional.push_back(a);
    }
  }
  return o;
}

std::vector<CommandLine> read_command_lines(const std::string& text) {
  std::vector<CommandLine> out;
  std::istringstream lines(text);
  std::string line;
  int line_no = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    CommandLine cl;
    cl.line = line_no;
    if (auto value = parse_json_text(line, cl.errors)) cl.command = parse_command(*value, "", cl.errors);
    out.push_back(std::move(cl));
  }
  return out;
}

std::optional<int> parse_utc_offset(const std::string& s) {
  // ±HH:MM
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return std::nullopt;
  for (int i : {1, 2, 4, 5})
    if (s[static_cast<size_t>(i)] < '0' || s[static_cast<size_t>(i)] > '9') return std::nullopt;
  const int minutes = ((s[1] - '0') * 10 + (s[2] - '0')) * 60 + (s[4] - '0') * 10 + (s[5] - '0');
  if (minutes > 14 * 60) return std::nullopt;
  return s[0] == '-' ? -minutes : minutes;
}

std::optional<nlohmann::json> read_json_file(const std::string& file, std::ostream& err) {
  Diagnostics errors;
  auto text = read_file(file);
  if (!text) {
    err << file << ": " << render_message("file_unreadable", {file}) << "\n";
    return std::nullopt;
  }
  auto v = parse_json_text(*text, errors);
  for (const auto& d : errors) err << file << ":" << render(d) << "\n";
  return v;
}

Loaded load_any(const std::string& file, std::ostream& err, Lang lang) {
  Loaded l;
  Diagnostics errors;
  auto text = read_file(file);
  if (!text) {
    add_error(errors, "", "file_unreadable", {file});
    print_errors(err, file, errors, lang);
    return l;
  }
  auto value = parse_json_text(*text, errors);
  if (!value) {
    print_errors(err, file, errors, lang);
    return l;
  }
  if (looks_like_session(*value)) {
    l.was_session = true;
    SessionLoad sl = load_session(*value);
    print_errors(err, file, sl.errors, lang);
    l.session = std::move(sl.session);
  } else {
    ScenarioLoad sl = load_scenario(*value);
    print_errors(err, file, sl.errors, lang);
    if (sl.scenario) l.session.emplace(std::move(*sl.scenario));
  }
  return l;
}

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    out << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version" || args[0] == "version") {
    out << "kalan " << kVersion << "\n";
    return 0;
  }
  const std::string sub = args[0];
  if (sub == "flow") return run_flow_cli(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
  if (sub == "exercise") return run_exercise_cli(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
  if (sub == "forms") return run_forms_cli(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
  if (sub == "report") return run_report_cli(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
  Options o = parse_options(std::vector<std::string>(args.begin() + 1, args.end()));
  if (!o.error.empty()) {
    err << "kalan " << sub << " : " << o.error << "\n";
    return 2;
  }
  if (sub == "validate") return cmd_validate(o, out, err);
  if (sub == "replay") return cmd_replay(o, out, err);
  if (sub == "run") return cmd_run(o, out, err);
  err << "kalan : sous-commande inconnue « " << sub << " »\n\n" << kUsage;
  return 2;
}

}  // namespace kalan
