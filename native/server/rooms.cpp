#include "rooms.h"

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <ctime>

#include "core/hash.h"
#include "core/reader.h"

namespace kalan::server {

namespace {
constexpr int kCheckpointMs = 500;  // under load, a room is hashed at most this often (see Room)
constexpr int kHashShare = 100;     // ... and at most 1 % of the time goes to hashing it
constexpr int kIdleMs = 20;         // then caught up after this long without commands
// Refused attempts in a room's log: per caller a burst of 20, then 10 a minute; 5,000 per room; 16 KiB
// each. Beyond that a refusal is still answered, only not logged (a flood would slow every page's replay).
constexpr double kRefusalBurst = 20, kRefusalsPerMinute = 10;
constexpr std::size_t kRefusalsPerRoom = 5000, kRefusalBytes = 16 * 1024;

bool is_permission_refusal(const std::string& code) {
  return code == "forbidden" || code == "unknown_actor" || code == "inactive_actor" || code == "not_reporter";
}

// The answer to a refused command: 403 when the actor may not do it, 409 otherwise.
Outcome refusal_outcome(const ApplyResult& r, Lang lang) {
  Outcome o{is_permission_refusal(r.error.code) ? 403 : 409, result_to_json(r, lang)};
  o.body["errors"] = {{{"code", r.error.code}, {"message", o.body["error"]["message"]}}};
  return o;
}
}  // namespace

std::string now_utc() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const std::time_t t = system_clock::to_time_t(now);
  const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

std::string Room::hash_now() {
  const auto t0 = std::chrono::steady_clock::now();
  std::string h = hex16(session->hash());
  hash_cost = std::chrono::steady_clock::now() - t0;
  return h;
}

bool Room::checkpoint_due(std::chrono::steady_clock::time_point now) const {
  return now - checkpoint_at >= std::max<std::chrono::steady_clock::duration>(std::chrono::milliseconds(kCheckpointMs), kHashShare * hash_cost);
}

void Room::set_checkpoint(std::int64_t seq_after, const std::string& h) {
  checkpoint_seq = seq_after;
  checkpoint_hash = h;
  checkpoint_at = std::chrono::steady_clock::now();
}

bool Room::log_refusal(std::int64_t participant, const std::string& command_text) {
  if (!log_refusals || refused_logged >= kRefusalsPerRoom || command_text.size() > kRefusalBytes) return false;
  const auto now = std::chrono::steady_clock::now();
  RefusalBudget& b = refusal_budget.try_emplace(participant, RefusalBudget{kRefusalBurst, now}).first->second;
  b.tokens = std::min(kRefusalBurst, b.tokens + std::chrono::duration<double>(now - b.at).count() * kRefusalsPerMinute / 60);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  ++refused_logged;
  return true;
}

Participant* Room::participant(std::int64_t id) {
  for (auto& p : participants)
    if (p.row.id == id) return &p;
  return nullptr;
}

// Resets the room's session to its scenario and replays `commands` (each accepted command accepted
// again, each refused attempt refused again); stops at the first that the core decides otherwise.
// Call with the room locked (or not yet shared).
void replay(Room& room, const std::vector<CommandRow>& commands, std::vector<std::string>& problems) {
  const std::string where = "room " + room.row.code;
  ScenarioLoad sl = load_scenario_text(room.row.scenario);
  if (!sl.scenario) throw std::runtime_error(where + ": stored scenario no longer loads");
  room.session = std::make_unique<Session>(std::move(*sl.scenario));
  room.session->set_journal_limit(0);
  room.session->set_record_events(false);
  room.log.clear();
  room.by_key.clear();
  room.session->set_keep_refused(false);  // the log keeps the refusals that matter
  room.log_refusals = !room.session->scenario().exercises.empty();
  room.refused_logged = 0;
  room.refusal_budget.clear();
  for (auto& p : room.participants) p.last_action.clear(), p.last_at.clear(), p.actions = 0;
  // Hashing is O(state): checking every stored hash would make a restart quadratic in the log. The
  // last stored hash is always checked, and those at seq 1, 2, 4, 8, … and every 1000th on the way.
  size_t last_hashed = commands.size();
  for (size_t i = 0; i < commands.size(); ++i)
    if (!commands[i].hash.empty()) last_hashed = i;
  for (size_t i = 0; i < commands.size(); ++i) {
    const CommandRow& row = commands[i];
    const bool check = i == last_hashed || (row.seq & (row.seq - 1)) == 0 || row.seq % 1000 == 0;
    Diagnostics errors;
    std::optional<Command> cmd;
    if (auto value = parse_json_text(row.command, errors)) cmd = parse_command(*value, "", errors);
    if (!cmd) {
      problems.push_back(where + " seq " + std::to_string(row.seq) + ": " + (errors.empty() ? "?" : render(errors[0])));
      break;
    }
    ApplyResult r;
    if (!replay_entry(*room.session, *cmd, row.refused, &r)) {
      problems.push_back(where + " seq " + std::to_string(row.seq) + ": " +
                         (r.ok ? render_message("room_refusal_accepted", {}) : render_message(r.error.code, r.error.args)));
      break;
    }
    if (check && !row.hash.empty()) {
      const std::string h = hex16(room.session->hash());
      if (h != row.hash) problems.push_back(where + " seq " + std::to_string(row.seq) + ": hash " + h + " != stored " + row.hash);
    }
    LogEntry e{row.seq, row.command, row.hash, row.participant, row.accepted, row.refused};
    // The events of a command accepted before a restart are not kept: a resent key gets its seq.
    if (!row.key.empty()) {
      Outcome again = row.refused ? refusal_outcome(r, Lang::fr) : Outcome{200, {{"ok", true}}};
      again.body["seq"] = row.seq;
      room.by_key[row.key] = Remembered{again.status, dump_json(again.body)};
    }
    if (row.refused) ++room.refused_logged;
    if (Participant* p = room.participant(row.participant)) {
      p->last_action = command_type(*cmd), p->last_at = row.accepted;
      ++p->actions;
    }
    room.log.push_back(std::move(e));
  }
  room.set_checkpoint(room.seq(), hex16(room.session->hash()));
  room.checkpoint_at = {};  // the next command is checkpointed at once
  if (!room.log.empty()) room.log.back().hash = room.checkpoint_hash;
  room.session->set_record_events(true);
}

std::shared_ptr<Room> rebuild_room(const RoomRow& row, const std::vector<ParticipantRow>& participants,
                                   const std::vector<CommandRow>& commands, std::vector<std::string>& problems) {
  auto room = std::make_shared<Room>();
  room->row = row;
  for (const auto& p : participants)
    if (p.room == row.id) room->participants.push_back(Participant{p, "", "", 0});
  replay(*room, commands, problems);
  return room;
}

Writer::Writer(Store& store) : store_(store), thread_([this] { loop(); }) {}

Writer::~Writer() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

Outcome Writer::submit(const std::shared_ptr<Room>& room, Command command, std::int64_t participant, Lang lang,
                       bool log_refusal) {
  auto job = std::make_unique<Job>();
  job->room = room;
  job->command = std::move(command);
  job->participant = participant;
  job->lang = lang;
  job->log_refusal = log_refusal;
  return enqueue(std::move(job));
}

Outcome Writer::exclusive(std::function<Outcome()> task) {
  auto job = std::make_unique<Job>();
  job->task = std::move(task);
  return enqueue(std::move(job));
}

Outcome Writer::enqueue(std::unique_ptr<Job> job) {
  std::future<Outcome> result = job->done.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stop_) return Outcome{503, {{"errors", {{{"code", "stopping"}, {"message", "server stopping"}}}}}};
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
  if (result.wait_for(std::chrono::seconds(60)) != std::future_status::ready)
    return Outcome{503, {{"errors", {{{"code", "http_internal"}, {"message", "timeout"}}}}}};
  return result.get();
}

void Writer::loop() {
  for (;;) {
    std::vector<std::unique_ptr<Job>> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      const auto ready = [&] { return stop_ || !queue_.empty(); };
      // Lagging checkpoints are made once nothing has come for kIdleMs: closed-loop clients leave the
      // queue empty for an instant after every batch, which is not idleness.
      if (!behind_.empty() && !wake_.wait_for(lock, std::chrono::milliseconds(kIdleMs), ready)) {
        lock.unlock();
        catch_up();
        continue;
      }
      wake_.wait(lock, ready);
      if (queue_.empty()) return;
      if (queue_.front()->task) {
        auto job = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        try {
          job->done.set_value(job->task());
        } catch (const std::exception& e) {
          job->done.set_value(Outcome{500, {{"errors", {{{"code", "internal"}, {"message", e.what()}}}}}});
        }
        continue;
      }
      while (!queue_.empty() && !queue_.front()->task) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    try {
      run_batch(batch);
    } catch (const std::exception& e) {
      // Keep the writer alive; the jobs of this batch that got no answer time out in submit().
      std::fprintf(stderr, "kalan serve : ERREUR du rédacteur : %s\n", e.what());
    }
  }
}

void Writer::run_batch(std::vector<std::unique_ptr<Job>>& batch) {
  // A command joining the log: accepted, or a refused attempt the room logs.
  struct Accepted {
    Job* job;
    CommandRow row;
    LogEntry entry;
    Outcome outcome;
  };
  std::vector<Accepted> accepted;
  std::map<Room*, size_t> last_of_room;  // index in `accepted` of each room's last command
  std::map<Room*, std::int64_t> pending;  // per room, the entries of this batch not yet in its log
  const std::string at = now_utc();
  for (auto& job : batch) {
    Room& room = *job->room;
    std::lock_guard<std::mutex> lock(room.mu);
    const std::string& key = job->command.key;
    if (!key.empty()) {
      auto it = room.by_key.find(key);
      if (it != room.by_key.end()) {
        Outcome again{it->second.status == 201 ? 200 : it->second.status, nlohmann::json::parse(it->second.body)};
        again.body["duplicate"] = true;
        job->done.set_value(again);
        job.reset();
        continue;
      }
    }
    ApplyResult r;
    try {
      r = room.session->submit(job->command);
    } catch (const std::exception& e) {  // the core catches its own errors; this is the last guard
      job->done.set_value(Outcome{500, {{"errors", {{{"code", "http_internal"}, {"message", e.what()}}}}}});
      job.reset();
      continue;
    }
    Participant* p = room.participant(job->participant);
    if (p) p->last_action = command_type(job->command), p->last_at = at, ++p->actions;
    const std::string cmd_text = dump_json(command_to_json(job->command));
    if (!r.ok && !(job->log_refusal && room.log_refusal(job->participant, cmd_text))) {
      Outcome o = refusal_outcome(r, job->lang);
      if (!key.empty()) room.by_key[key] = Remembered{o.status, dump_json(o.body)};
      job->done.set_value(o);
      job.reset();
      continue;
    }
    const std::int64_t seq = room.seq() + ++pending[&room];
    Accepted a{job.get(), CommandRow{room.row.id, seq, job->participant, cmd_text, key, at, "", !r.ok},
               LogEntry{seq, cmd_text, "", job->participant, at, !r.ok},
               r.ok ? Outcome{201, result_to_json(r, job->lang)} : refusal_outcome(r, job->lang)};
    a.outcome.body["seq"] = seq;
    if (!key.empty()) room.by_key[key] = Remembered{a.outcome.status, dump_json(a.outcome.body)};  // a resend inside this batch finds it
    last_of_room[&room] = accepted.size();
    accepted.push_back(std::move(a));
  }
  if (accepted.empty()) return;
  // At most one hash per room per batch, the state after its last command: hashing is O(state) and
  // applying is not. A room is hashed if its last checkpoint is kCheckpointMs old, else caught up when idle.
  // Only the most overdue room is hashed in one batch, so that hashes do not pile up in one latency.
  const auto now = std::chrono::steady_clock::now();
  std::map<Room*, bool> checkpointed;
  Room* due = nullptr;
  for (auto& [room, index] : last_of_room) {
    std::lock_guard<std::mutex> lock(room->mu);
    checkpointed[room] = false;
    if (room->checkpoint_due(now) && (!due || room->checkpoint_at < due->checkpoint_at))
      due = room;
  }
  if (due) {
    std::lock_guard<std::mutex> lock(due->mu);
    const size_t index = last_of_room[due];
    const std::string h = due->hash_now();
    accepted[index].row.hash = accepted[index].entry.hash = h;
    accepted[index].outcome.body["hash"] = h;
    checkpointed[due] = true;
  }
  std::vector<CommandRow> rows;
  rows.reserve(accepted.size());
  for (auto& a : accepted) rows.push_back(a.row);
  std::string failure;
  try {
    store_.append_commands(rows);
  } catch (const std::exception& e) {
    failure = e.what();
  }
  if (!failure.empty()) {
    // Nothing of this batch is stored: rebuild the rooms from the database and refuse every command.
    for (auto& [room, index] : last_of_room) {
      std::lock_guard<std::mutex> lock(room->mu);
      std::vector<std::string> problems;
      try {
        replay(*room, store_.commands(room->row.id), problems);
      } catch (const std::exception&) {
      }
      room->changed.notify_all();
    }
    for (auto& a : accepted)
      a.job->done.set_value(Outcome{500, {{"errors", {{{"code", "storage_failed"}, {"message", failure}}}}}});
    return;
  }
  for (auto& a : accepted) {
    Room& room = *a.job->room;
    std::lock_guard<std::mutex> lock(room.mu);
    // Remembered already before the commit; again only for the one answer that gained a hash since.
    if (!a.row.key.empty() && !a.row.hash.empty()) room.by_key[a.row.key] = Remembered{a.outcome.status, dump_json(a.outcome.body)};
    room.log.push_back(std::move(a.entry));
  }
  for (auto& [room, index] : last_of_room) {
    std::lock_guard<std::mutex> lock(room->mu);
    if (checkpointed[room]) {
      room->set_checkpoint(accepted[index].row.seq, accepted[index].row.hash);
    } else if (std::find_if(behind_.begin(), behind_.end(), [&](const auto& r) { return r.get() == room; }) == behind_.end()) {
      behind_.push_back(accepted[index].job->room);
    }
    room->changed.notify_all();
  }
  for (auto& a : accepted) a.job->done.set_value(std::move(a.outcome));
}

void Writer::catch_up() {
  for (auto& room : behind_) {
    std::lock_guard<std::mutex> lock(room->mu);
    if (room->log.empty() || room->checkpoint_seq >= room->seq()) continue;
    const std::string h = room->hash_now();
    try {
      store_.set_hash(room->row.id, room->seq(), h);
    } catch (const std::exception&) {
      // Only a missing check: the command itself is stored.
    }
    room->log.back().hash = h;
    room->set_checkpoint(room->seq(), h);
    room->changed.notify_all();
  }
  behind_.clear();
}

}  // namespace kalan::server
