// Rooms in memory: each one a Session rebuilt from its stored log, its participants, and the log as sent
// to clients. A single writer thread applies every command and commits them in batches (group commit).
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"
#include "session/session.h"
#include "store.h"

namespace kalan::server {

struct Participant {
  ParticipantRow row;
  std::string last_action, last_at;  // type of their last command (accepted or refused) and when
  std::int64_t actions = 0;
};

// One committed entry of a room's log as clients see it: an accepted command, or (in a room with
// exercises) a refused attempt, which every copy replays as a refusal that changes nothing.
struct LogEntry {
  std::int64_t seq = 0;  // 1, 2, 3, ...
  std::string command;   // its JSON text: a tree per command would cost kilobytes in a long workshop
  std::string hash;  // state hash after it; set on the last command of every committed batch
  std::int64_t participant = 0;
  std::string at;  // wall-clock time of acceptance (UTC)
  bool refused = false;
};

// How many refused attempts one caller may still add to a room's log: a token bucket, so that a
// script hammering forbidden commands cannot flood the log every page replays (see Room::log_refusal).
struct RefusalBudget {
  double tokens = 0;
  std::chrono::steady_clock::time_point at;
};

// What a submitted command gave: kept so that a resent idempotency key gets the same answer.
struct Outcome {
  int status = 500;
  nlohmann::json body;
};

// An answer as remembered for a resent key: compact JSON text.
struct Remembered {
  int status = 0;
  std::string body;
};

struct Room {
  RoomRow row;
  std::mutex mu;
  std::condition_variable changed;  // notified when the log grows or the room is reset
  std::unique_ptr<Session> session;
  std::vector<LogEntry> log;
  std::unordered_map<std::string, Remembered> by_key;
  std::vector<Participant> participants;
  // Refused attempts are logged in rooms whose scenario has exercises: their mistake detectors read them
  // (the only trace of a forbidden attempt). Elsewhere nothing reads them and the log keeps accepted ones.
  bool log_refusals = false;
  std::size_t refused_logged = 0;
  std::map<std::int64_t, RefusalBudget> refusal_budget;  // by participant (0: the trainer)
  bool closing = false;  // the server is stopping: waiters return
  // The latest checkpoint: the state hash after command `checkpoint_seq`. Hashing is O(state), so under
  // load a room is hashed at most every max(500 ms, 100 × its hash time) (1 % of the writer per room);
  // once the writer is idle every room is up to date.
  std::int64_t checkpoint_seq = 0;
  std::string checkpoint_hash;
  std::chrono::steady_clock::time_point checkpoint_at;
  std::chrono::steady_clock::duration hash_cost{};  // how long the last hash took

  std::int64_t seq() const { return static_cast<std::int64_t>(log.size()); }
  const std::string& hash() const { return checkpoint_hash; }
  void set_checkpoint(std::int64_t seq, const std::string& hash);
  // Hashes the state now (the writer's session must hold exactly the committed log plus this batch).
  std::string hash_now();
  bool checkpoint_due(std::chrono::steady_clock::time_point now) const;
  Participant* participant(std::int64_t id);
  // Whether a refused command (its JSON text) by `participant` joins the log: in a room with exercises,
  // within the caller's budget (a burst, then a few a minute), the room's cap and a size limit.
  bool log_refusal(std::int64_t participant, const std::string& command_text);
};

// Builds a room from its stored rows: replays the log through the core, checking the last stored hash
// and a logarithmic sample of the others (see replay).
// Errors (an entry decided otherwise, hash mismatch) go to `problems`; the room keeps the entries before them.
std::shared_ptr<Room> rebuild_room(const RoomRow& row, const std::vector<ParticipantRow>& participants,
                                   const std::vector<CommandRow>& commands, std::vector<std::string>& problems);

// Submits commands through one thread: apply in order, one transaction per batch, then answer.
class Writer {
 public:
  explicit Writer(Store& store);
  ~Writer();
  // Applies `command` in `room` on behalf of `participant` (0: the trainer) and waits for the answer:
  // 201 accepted and committed, 200 a resent key, 403/409 a refusal, 500 storage failure.
  // A refusal is logged (and committed before the answer) when the room logs refusals and
  // `log_refusal` allows it (the ticker's own clock steps do not); its answer then carries its "seq".
  Outcome submit(const std::shared_ptr<Room>& room, Command command, std::int64_t participant, Lang lang,
                 bool log_refusal = true);
  // Runs `task` on the writer thread between batches (a reset must not interleave with commands).
  Outcome exclusive(std::function<Outcome()> task);

 private:
  struct Job {
    std::shared_ptr<Room> room;
    Command command;
    std::int64_t participant = 0;
    Lang lang = Lang::fr;
    bool log_refusal = true;
    std::function<Outcome()> task;  // set for exclusive() jobs
    std::promise<Outcome> done;
  };
  Outcome enqueue(std::unique_ptr<Job> job);
  void loop();
  void run_batch(std::vector<std::unique_ptr<Job>>& batch);
  // Hashes the rooms whose last command has no checkpoint yet (when the queue is empty).
  void catch_up();

  Store& store_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::unique_ptr<Job>> queue_;
  std::vector<std::shared_ptr<Room>> behind_;  // rooms whose checkpoint lags their log (writer thread only)
  bool stop_ = false;
  std::thread thread_;
};

// The wall clock as "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string now_utc();
// Replays `commands` into the room from its scenario (room locked or not yet shared); see rebuild_room.
void replay(Room& room, const std::vector<CommandRow>& commands, std::vector<std::string>& problems);

}  // namespace kalan::server
