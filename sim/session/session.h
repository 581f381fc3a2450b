// A session: a scenario plus the log of accepted commands. Replaying the log rebuilds the state.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/apply.h"
#include "scenario/scenario.h"

namespace kalan {

inline constexpr const char* kSessionFormat = "kalan-session";
inline constexpr int kSessionVersion = 1;

// One submitted command and what it did, for the event log on screen (not saved).
struct JournalEntry {
  std::int64_t seq = 0;  // position in the accepted log, or -1 when refused
  Command command;
  ApplyResult result;
};

// Told of every submitted command once applied, accepted or refused (an exercise run, say).
// An observer reads; it never changes the state.
using CommandObserver = std::function<void(const Command&, const ApplyResult&, const State&)>;

// A refused command, kept so that a replay shows the same attempts: it came after `before` accepted ones.
struct RefusedCommand {
  std::size_t before = 0;
  Command command;
};

class Session {
 public:
  explicit Session(Scenario scenario);

  // Applies a command; accepted commands join the log, refused ones only the journal.
  ApplyResult submit(const Command& command);
  // Runs the whole scripted timeline (clock.next until nothing is scheduled).
  void run_timeline();

  const Scenario& scenario() const { return scenario_; }
  const State& state() const { return state_; }
  const std::vector<Command>& commands() const { return commands_; }
  const std::vector<JournalEntry>& journal() const { return journal_; }
  void set_journal_limit(size_t n) { journal_limit_ = n; }
  // Whether submit() builds events (off for a silent replay of a saved log).
  void set_record_events(bool on) { record_events_ = on; }
  std::uint64_t hash() const { return state_hash(state_); }
  void set_observer(CommandObserver observer) { observer_ = std::move(observer); }
  const std::vector<RefusedCommand>& refused() const { return refused_; }
  // Whether refused commands are kept for to_json() (off where a log of its own keeps those that matter).
  void set_keep_refused(bool on) { keep_refused_ = on; }

  // The saved form: {format, version, scenario, commands, hash}, and "refused" when some were.
  nlohmann::json to_json() const;

 private:
  Scenario scenario_;
  State state_;
  std::vector<Command> commands_;
  std::vector<JournalEntry> journal_;
  std::vector<RefusedCommand> refused_;
  CommandObserver observer_;
  size_t journal_limit_ = 2000;
  bool record_events_ = true;
  bool keep_refused_ = true;
};

// Replays one entry of a shared log (a workshop room's): a command that was accepted, or one that was
// refused when it was made — kept so that every copy records the attempt (an exercise's mistake
// detectors read it) though it changes nothing. False when this copy decides otherwise: it diverged.
// `result` receives what this copy decided.
bool replay_entry(Session& session, const Command& command, bool refused, ApplyResult* result = nullptr);

struct SessionLoad {
  std::optional<Session> session;
  Diagnostics errors;
};

// Loads a saved session: validates its scenario, parses and replays every command, checks the hash.
SessionLoad load_session(const nlohmann::json& value);
SessionLoad load_session_text(const std::string& text);

// Writes a file through a temporary file and a rename, so a crash never leaves half a file.
bool write_file_atomic(const std::string& path, const std::string& content, std::string* error = nullptr);
// Reads a whole file; nullopt if it cannot be read.
std::optional<std::string> read_file(const std::string& path);

}  // namespace kalan
