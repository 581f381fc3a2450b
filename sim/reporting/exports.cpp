#include "reporting/exports.h"

#include <cstdio>

#include "core/reader.h"
#include "core/time.h"
#include "forms/xlsform.h"
#include "reporting/monthly.h"

namespace kalan::reporting {

namespace {

using nlohmann::json;

// Kobo writes submission times without a zone ("2024-02-05T09:00:00").
std::string kobo_time(SimTime t) {
  std::string s = format_iso_time(t);
  if (!s.empty() && s.back() == 'Z') s.pop_back();
  return s;
}

const char* validation_label(const std::string& status) {
  if (status == "approved") return "Approved";
  if (status == "not_approved") return "Not Approved";
  if (status == "on_hold") return "On Hold";
  return "";
}

std::string validation_from_uid(const std::string& uid) {
  const std::string prefix = "validation_status_";
  return uid.compare(0, prefix.size(), prefix) == 0 ? uid.substr(prefix.size()) : uid;
}

// The metadata columns of the CSV export, then every value field's Kobo key.
std::vector<std::string> csv_header() {
  std::vector<std::string> h = {"_id", "_uuid", "_submission_time", "_submitted_by", "_validation_status",
                                "meta/instanceID", "meta/deprecatedID"};
  for (const std::string& f : value_fields()) h.push_back(kobo_key(f));
  return h;
}

// The field name of a Kobo key: the part after the last group.
std::string field_of(const std::string& key) {
  const auto slash = key.rfind('/');
  return slash == std::string::npos ? key : key.substr(slash + 1);
}

std::string month_label(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

}  // namespace

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

json kobo_json(const ReportingState& r) {
  json results = json::array();
  for (const Submission& s : r.submissions) {
    json item = json::object();
    item["_id"] = s.id;
    item["_uuid"] = s.uuid.substr(s.uuid.compare(0, 5, "uuid:") == 0 ? 5 : 0);
    item["_submission_time"] = kobo_time(s.submitted_at);
    item["_submitted_by"] = s.submitted_by;
    item["_validation_status"] = s.validation.empty()
                                     ? json::object()
                                     : json{{"uid", "validation_status_" + s.validation},
                                            {"label", validation_label(s.validation)},
                                            {"by_whom", s.validated_by},
                                            {"timestamp", s.validated_at}};
    item["meta/instanceID"] = s.uuid;
    if (!s.deprecated.empty()) item["meta/deprecatedID"] = s.deprecated;
    for (const std::string& f : value_fields()) {
      const std::string v = s.value(f);
      if (!v.empty()) item[kobo_key(f)] = v;
    }
    results.push_back(std::move(item));
  }
  return json{{"count", results.size()}, {"next", nullptr}, {"previous", nullptr}, {"results", std::move(results)}};
}

std::string submissions_csv(const ReportingState& r) {
  std::string out = kUtf8Bom;
  out += csv_record(csv_header());
  for (const Submission& s : r.submissions) {
    std::vector<std::string> row = {std::to_string(s.id), s.uuid.substr(s.uuid.compare(0, 5, "uuid:") == 0 ? 5 : 0),
                                    kobo_time(s.submitted_at), s.submitted_by, s.validation, s.uuid, s.deprecated};
    for (const std::string& f : value_fields()) row.push_back(s.value(f));
    out += csv_record(row);
  }
  return out;
}

std::string aggregate_csv(const std::vector<AggregateRow>& rows, Level level) {
  std::vector<std::string> header = {"region"};
  if (level != Level::region) header.push_back("cercle");
  if (level == Level::structure) header.push_back("structure");
  for (const char* h : {"annee", "mois", "rapports"}) header.push_back(h);
  for (const std::string& i : indicators()) header.push_back(i);
  std::string out = kUtf8Bom;
  out += csv_record(header);
  for (const AggregateRow& row : rows) {
    std::vector<std::string> line = {row.region};
    if (level != Level::region) line.push_back(row.cercle);
    if (level == Level::structure) line.push_back(row.structure);
    line.push_back(std::to_string(row.year));
    line.push_back(std::to_string(row.month));
    line.push_back(std::to_string(row.reports));
    for (std::int64_t v : row.values) line.push_back(std::to_string(v));
    out += csv_record(line);
  }
  return out;
}

std::string completeness_csv(const std::vector<CompletenessRow>& rows, int year, int from_month) {
  std::string out = kUtf8Bom;
  std::vector<std::string> header = {"structure"};
  const std::size_t months = rows.empty() ? 0 : rows.front().months.size();
  for (std::size_t m = 0; m < months; ++m) header.push_back(month_label(year, from_month + static_cast<int>(m)));
  header.push_back("recus");
  out += csv_record(header);
  for (const CompletenessRow& row : rows) {
    std::vector<std::string> line = {row.structure};
    line.insert(line.end(), row.months.begin(), row.months.end());
    line.push_back(std::to_string(row.received));
    out += csv_record(line);
  }
  return out;
}

std::string consistency_csv(const std::vector<ConsistencyReport>& reports) {
  std::string out = kUtf8Bom;
  out += csv_record({"structure", "annee", "mois", "_id", "champ", "declare", "attendu"});
  for (const ConsistencyReport& r : reports)
    for (const Discrepancy& d : r.discrepancies)
      out += csv_record({r.structure, std::to_string(r.year), std::to_string(r.month),
                         r.submitted ? std::to_string(r.submission) : "", d.field,
                         r.submitted ? std::to_string(d.declared) : "", std::to_string(d.expected)});
  return out;
}

std::string psea_csv(const std::vector<PseaRow>& rows) {
  std::string out = kUtf8Bom;
  out += csv_record({"annee", "trimestre", "tranche_age", "sexe", "plaintes", "referees_72h", "pct_referees_72h",
                     "repondues_7j", "pct_repondues_7j"});
  char a[32], b[32];
  for (const PseaRow& r : rows) {
    std::snprintf(a, sizeof a, "%.1f", r.pct_referred());
    std::snprintf(b, sizeof b, "%.1f", r.pct_answered());
    out += csv_record({std::to_string(r.year), "T" + std::to_string(r.quarter), r.age_group, r.sex,
                       std::to_string(r.complaints), std::to_string(r.referred_72h), a, std::to_string(r.answered_7d), b});
  }
  return out;
}

std::optional<std::vector<ExportedSubmission>> parse_kobo_json(const json& j, Diagnostics& errors) {
  const std::size_t before = errors.size();
  ObjectReader r(j, "", errors);
  if (!r.is_object()) return std::nullopt;
  std::vector<ExportedSubmission> out;
  auto it = j.find("results");
  if (it == j.end() || !it->is_array()) {
    add_error(errors, "/results", "missing", {"results"});
    return std::nullopt;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& item = (*it)[i];
    const std::string path = path_join("/results", i);
    if (!item.is_object()) {
      add_error(errors, path, "type_object", {item.type_name()});
      continue;
    }
    ExportedSubmission s;
    for (auto kv = item.begin(); kv != item.end(); ++kv) {
      const std::string& key = kv.key();
      if (key == "_id" && kv->is_number_integer()) s.id = kv->get<std::int64_t>();
      else if (key == "_submitted_by" && kv->is_string()) s.submitted_by = kv->get<std::string>();
      else if (key == "_submission_time" && kv->is_string()) s.submission_time = kv->get<std::string>();
      else if (key == "meta/instanceID" && kv->is_string()) s.uuid = kv->get<std::string>();
      else if (key == "_validation_status" && kv->is_object())
        s.validation = validation_from_uid(kv->value("uid", std::string()));
      else if (key[0] == '_' || key.compare(0, 5, "meta/") == 0) continue;
      else if (kv->is_string()) s.values[field_of(key)] = *kv;
      else add_error(errors, path_join(path, key), "type_string", {kv->type_name()});
    }
    if (s.id <= 0) add_error(errors, path_join(path, "_id"), "missing", {"_id"});
    out.push_back(std::move(s));
  }
  if (errors.size() != before) return std::nullopt;
  return out;
}

std::optional<std::vector<ExportedSubmission>> parse_submissions_csv(const std::string& text, Diagnostics& errors) {
  const std::size_t before = errors.size();
  auto records = forms::parse_csv(text, "submissions.csv", errors);
  if (errors.size() != before) return std::nullopt;
  if (records.empty()) {
    add_error(errors, "submissions.csv:1", "missing", {"_id"});
    return std::nullopt;
  }
  const auto& header = records.front().cells;
  if (header != csv_header()) {
    add_error(errors, "submissions.csv:1", "report_csv_header", {});
    return std::nullopt;
  }
  std::vector<ExportedSubmission> out;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& cells = records[i].cells;
    const std::string where = "submissions.csv:" + std::to_string(records[i].line);
    if (cells.size() != header.size()) {
      add_error(errors, where, "report_csv_width", {std::to_string(cells.size()), std::to_string(header.size())});
      continue;
    }
    ExportedSubmission s;
    try {
      s.id = std::stoll(cells[0]);
    } catch (...) {
      add_error(errors, where + ":_id", "type_integer", {cells[0]});
    }
    s.submission_time = cells[2];
    s.submitted_by = cells[3];
    s.validation = cells[4];
    s.uuid = cells[5];
    for (std::size_t c = 7; c < cells.size(); ++c)
      if (!cells[c].empty()) s.values[field_of(header[c])] = cells[c];
    out.push_back(std::move(s));
  }
  if (errors.size() != before) return std::nullopt;
  return out;
}

}  // namespace kalan::reporting
