// The server's storage: one SQLite database (WAL mode) holding rooms, participants, command logs and
// attachments. Only the writer thread writes commands; every call is serialised by one mutex.
#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace kalan::server {

struct RoomRow {
  std::int64_t id = 0;
  std::string code, channel, created, scenario;  // scenario: JSON text
  bool running = false;
  std::int64_t generation = 0;  // bumped by each reset, so clients know to start over
};

struct ParticipantRow {
  std::int64_t id = 0, room = 0;
  std::string name, role, user, token_hash, created;
};

struct CommandRow {
  std::int64_t room = 0, seq = 0, participant = 0;  // participant 0: the trainer
  std::string command, key, accepted, hash;        // hash empty when not checkpointed
  bool refused = false;  // a refused attempt, kept for exercises (changes nothing when replayed)
};

struct AttachmentRow {
  std::int64_t id = 0, room = 0, participant = 0;
  std::string name, mime, data, created;
};

class Store {
 public:
  // Opens (creating if needed) DIR/kalan.db; throws std::runtime_error with SQLite's message.
  // `full_sync` false trades power-cut durability for latency (see the constructor).
  explicit Store(const std::string& path, bool full_sync = true);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  std::int64_t add_room(const RoomRow& r);
  std::int64_t add_participant(const ParticipantRow& p);
  void set_running(std::int64_t room, bool running);
  // Deletes a room's log and attachments and bumps its generation, in one transaction.
  void reset_room(std::int64_t room, std::int64_t generation);
  // Appends commands in one transaction (the group commit); throws on failure, nothing is kept then.
  void append_commands(const std::vector<CommandRow>& rows);
  std::int64_t add_attachment(const AttachmentRow& a);
  // Copies the WAL into the database file (PASSIVE: never blocks the writer); see the constructor.
  void checkpoint_wal();
  // Records a checkpoint hash on a stored command (made when the writer is idle).
  void set_hash(std::int64_t room, std::int64_t seq, const std::string& hash);

  std::vector<RoomRow> rooms();
  std::vector<ParticipantRow> participants();
  std::vector<CommandRow> commands(std::int64_t room);
  std::vector<AttachmentRow> attachments(std::int64_t room, bool with_data);
  std::optional<AttachmentRow> attachment(std::int64_t room, std::int64_t id);

 private:
  void exec(const char* sql);
  sqlite3* db_ = nullptr;
  sqlite3* wal_db_ = nullptr;  // a second connection, for WAL checkpoints off the commit path
  std::mutex mu_;
};

}  // namespace kalan::server
