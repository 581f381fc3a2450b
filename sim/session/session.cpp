#include "session/session.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>

#include "core/hash.h"
#include "core/reader.h"

namespace kalan {

Session::Session(Scenario scenario) : scenario_(std::move(scenario)), state_(initial_state(scenario_)) {}

ApplyResult Session::submit(const Command& command) {
  ApplyResult r = apply(state_, command, record_events_);
  JournalEntry entry;
  entry.seq = r.ok ? static_cast<std::int64_t>(commands_.size()) : -1;
  if (r.ok) commands_.push_back(command);
  else if (keep_refused_) refused_.push_back(RefusedCommand{commands_.size(), command});
  if (observer_) observer_(command, r, state_);
  if (journal_limit_ > 0) {
    entry.command = command;
    entry.result = r;
    journal_.push_back(std::move(entry));
    if (journal_.size() > journal_limit_) journal_.erase(journal_.begin(), journal_.begin() + journal_.size() / 4);
  }
  return r;
}

bool replay_entry(Session& session, const Command& command, bool refused, ApplyResult* result) {
  ApplyResult r = session.submit(command);
  const bool same = r.ok != refused;
  if (result) *result = std::move(r);
  return same;
}

void Session::run_timeline() {
  Command next{kSystem, "", ClockNext{}};
  while (state_.next_scheduled()) submit(next);
}

nlohmann::json Session::to_json() const {
  nlohmann::json cmds = nlohmann::json::array();
  for (const auto& c : commands_) cmds.push_back(command_to_json(c));
  nlohmann::json j = {{"format", kSessionFormat},
                      {"version", kSessionVersion},
                      {"scenario", scenario_.source},
                      {"commands", std::move(cmds)},
                      {"hash", hex16(hash())}};
  if (!refused_.empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : refused_) list.push_back({{"before", r.before}, {"command", command_to_json(r.command)}});
    j["refused"] = std::move(list);
  }
  return j;
}

namespace {

SessionLoad load_checked(const nlohmann::json& value) {
  SessionLoad result;
  Diagnostics& out = result.errors;
  ObjectReader root(value, "", out);
  if (!root.is_object()) return result;
  if (auto format = root.string("format"))
    if (*format != kSessionFormat) root.error("format", "bad_format", {*format, kSessionFormat});
  if (auto version = root.integer("version", 0, 1000000))
    if (*version != kSessionVersion)
      root.error("version", "bad_version", {std::to_string(*version), std::to_string(kSessionVersion)});
  std::optional<Scenario> scenario;
  if (const nlohmann::json* sc = root.required("scenario")) {
    ScenarioLoad sl = load_scenario(*sc);
    for (auto& d : sl.errors) {
      d.path = "/scenario" + d.path;
      out.push_back(std::move(d));
    }
    scenario = std::move(sl.scenario);
  }
  std::vector<Command> commands;
  if (const nlohmann::json* list = root.array("commands")) {
    for (size_t i = 0; i < list->size(); ++i)
      if (auto c = parse_command((*list)[i], path_join("/commands", i), out)) commands.push_back(std::move(*c));
  }
  std::vector<RefusedCommand> refused;
  if (const nlohmann::json* list = root.array("refused", false)) {
    for (size_t i = 0; i < list->size(); ++i) {
      ObjectReader r((*list)[i], path_join("/refused", i), out);
      if (!r.is_object()) continue;
      auto before = r.integer("before", 0, static_cast<std::int64_t>(commands.size()));
      const nlohmann::json* c = r.required("command");
      auto cmd = c ? parse_command(*c, r.path_of("command"), out) : std::nullopt;
      r.reject_unknown_keys();
      if (before && cmd) refused.push_back(RefusedCommand{static_cast<size_t>(*before), std::move(*cmd)});
    }
  }
  auto saved_hash = root.string("hash", false);
  // A room exported by the sandbox server adds its participants, log metadata and attachments: not state.
  root.get("room");
  root.get("attachments");
  root.reject_unknown_keys();
  if (!out.empty() || !scenario) return result;

  Session session(std::move(*scenario));
  session.set_journal_limit(0);
  session.set_record_events(false);
  size_t next_refused = 0;
  // Refused attempts are submitted again where they were made; they change nothing.
  auto submit_refused_before = [&](size_t i) {
    for (; next_refused < refused.size() && refused[next_refused].before <= i; ++next_refused)
      session.submit(refused[next_refused].command);
  };
  for (size_t i = 0; i < commands.size(); ++i) {
    submit_refused_before(i);
    ApplyResult r = session.submit(commands[i]);
    if (!r.ok) {
      add_error(out, path_join("/commands", i), "command_refused",
                {std::to_string(i), render_message(r.error.code, r.error.args)});
      return result;
    }
  }
  submit_refused_before(commands.size());
  const std::string replayed = hex16(session.hash());
  if (saved_hash && *saved_hash != replayed) {
    add_error(out, "/hash", "session_hash_mismatch", {replayed, *saved_hash});
    return result;
  }
  session.set_journal_limit(2000);
  session.set_record_events(true);
  result.session.emplace(std::move(session));
  return result;
}

}  // namespace

SessionLoad load_session(const nlohmann::json& value) {
  try {
    return load_checked(value);
  } catch (const std::exception& e) {
    SessionLoad r;
    add_error(r.errors, "", "json_syntax", {"?", "?", e.what()});
    return r;
  }
}

SessionLoad load_session_text(const std::string& text) {
  SessionLoad r;
  auto value = parse_json_text(text, r.errors);
  if (!value) return r;
  return load_session(*value);
}

// C stdio rather than fstream: iostreams would add ~15 KB (gzip) to the browser download.
bool write_file_atomic(const std::string& path, const std::string& content, std::string* error) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    if (error) *error = tmp + ": " + std::strerror(errno);
    return false;
  }
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size() && std::fflush(f) == 0;
  const int saved_errno = errno;
  if (std::fclose(f) != 0 || !written) {
    if (error) *error = tmp + ": " + std::strerror(written ? errno : saved_errno);
    std::remove(tmp.c_str());
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    if (error) *error = path + ": " + std::strerror(errno);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

std::optional<std::string> read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::string out;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return std::nullopt;
  return out;
}

}  // namespace kalan
