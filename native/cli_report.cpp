// `kalan report export`: the monthly reports of a session (or of a scenario, its timeline played) as
// Kobo API v2 JSON, CSV for Excel, aggregated tables, the completeness grid, the consistency report
// or the PSEA indicators.
#include <algorithm>
#include <ostream>

#include "cli.h"
#include "reporting/exports.h"

namespace kalan {

namespace {

const char* kUsage =
    "usage : kalan report export --format kobo|csv|aggregate|completeness|consistency|psea\n"
    "                            [--level region|cercle|structure] [--year AAAA] SESSION_OU_SCÉNARIO\n";

}  // namespace

int run_report_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] != "export") {
    err << kUsage;
    return 2;
  }
  std::string format, level = "cercle", file;
  int year = 0;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--format" && has_value) format = args[++i];
    else if (args[i] == "--level" && has_value) level = args[++i];
    else if (args[i] == "--year" && has_value) {
      try {
        year = std::stoi(args[++i]);
      } catch (...) {
        year = -1;
      }
    } else if (file.empty() && args[i].rfind("--", 0) != 0) file = args[i];
    else {
      err << "kalan report export : argument inattendu « " << args[i] << " »\n" << kUsage;
      return 2;
    }
  }
  const std::vector<std::string> formats = {"kobo", "csv", "aggregate", "completeness", "consistency", "psea"};
  if (file.empty() || std::find(formats.begin(), formats.end(), format) == formats.end()) {
    err << kUsage;
    return 2;
  }
  reporting::Level lvl = reporting::Level::cercle;
  if (level == "region") lvl = reporting::Level::region;
  else if (level == "structure") lvl = reporting::Level::structure;
  else if (level != "cercle") {
    err << "kalan report export : niveau inconnu « " << level << " » (attendu : region, cercle, structure)\n";
    return 2;
  }
  Loaded l = load_any(file, err, Lang::fr);
  if (!l.session) return 1;
  if (!l.was_session) {
    l.session->set_journal_limit(0);
    l.session->run_timeline();
  }
  const State& s = l.session->state();
  // By default, the year before the session's clock (the reports of the past year).
  if (year <= 0) year = civil_from_days(s.clock.now / 86400).year - 1;
  if (format == "kobo") out << reporting::kobo_json(s.reporting).dump(1) << "\n";
  else if (format == "csv") out << reporting::submissions_csv(s.reporting);
  else if (format == "aggregate") out << reporting::aggregate_csv(reporting::aggregate(s.reporting, lvl), lvl);
  else if (format == "completeness") out << reporting::completeness_csv(reporting::completeness(s.reporting, s.world, year), year, 1);
  else if (format == "consistency") out << reporting::consistency_csv(reporting::consistency(s.reporting, s.cases, s.world, year));
  else out << reporting::psea_csv(reporting::psea_indicators(s.reporting.complaints));
  return 0;
}

}  // namespace kalan
