#include "reporting/setup.h"

#include "core/reader.h"

namespace kalan {

using nlohmann::json;

ReportingSetup parse_reporting_setup(const json* value, const std::string& path, Diagnostics& out) {
  ReportingSetup s;
  if (!value) return s;
  ObjectReader r(*value, path, out);
  if (!r.is_object()) return s;
  if (const json* a = r.object("activity", false)) {
    ObjectReader ar(*a, r.path_of("activity"), out);
    if (ar.is_object()) {
      s.simulate = true;
      s.year = static_cast<int>(ar.integer("year", 2000, 2100).value_or(0));
      s.min_cases = static_cast<int>(ar.integer("min_cases", 0, 50).value_or(0));
      s.max_cases = static_cast<int>(ar.integer("max_cases", 0, 50).value_or(0));
      if (s.max_cases < s.min_cases) ar.error("max_cases", "out_of_range",
                                              {std::to_string(s.max_cases), std::to_string(s.min_cases), "50"});
      ar.reject_unknown_keys();
    }
  }
  if (const json* p = r.object("prefill", false)) {
    ObjectReader pr(*p, r.path_of("prefill"), out);
    if (pr.is_object()) {
      s.prefill_through = static_cast<int>(pr.integer("through_month", 0, 12).value_or(0));
      if (const json* m = pr.object("missing", false)) {
        for (auto it = m->begin(); it != m->end(); ++it) {
          const std::string mp = path_join(pr.path_of("missing"), it.key());
          if (!it->is_array()) {
            add_error(out, mp, "type_array", {it->type_name()});
            continue;
          }
          for (std::size_t i = 0; i < it->size(); ++i) {
            const json& v = (*it)[i];
            if (!v.is_number_integer() || v.get<int>() < 1 || v.get<int>() > 12)
              add_error(out, path_join(mp, i), "out_of_range", {v.dump(), "1", "12"});
            else s.missing[it.key()].push_back(v.get<int>());
          }
        }
      }
      s.referrals_as_new = pr.strings("referrals_as_new", false).value_or(std::vector<std::string>{});
      pr.reject_unknown_keys();
    }
  }
  r.reject_unknown_keys();
  return s;
}

}  // namespace kalan
