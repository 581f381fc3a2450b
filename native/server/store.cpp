#include "store.h"

#include <sqlite3.h>

#include <stdexcept>

namespace kalan::server {

namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS rooms(
  id INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL, channel TEXT UNIQUE NOT NULL, created TEXT NOT NULL,
  scenario TEXT NOT NULL, running INTEGER NOT NULL DEFAULT 0, generation INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS participants(
  id INTEGER PRIMARY KEY, room INTEGER NOT NULL REFERENCES rooms(id), name TEXT NOT NULL, role TEXT NOT NULL,
  user_id TEXT NOT NULL, token_hash TEXT UNIQUE NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS commands(
  room INTEGER NOT NULL REFERENCES rooms(id), seq INTEGER NOT NULL, command TEXT NOT NULL, key TEXT,
  participant INTEGER NOT NULL, accepted TEXT NOT NULL, hash TEXT, refused INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(room, seq), UNIQUE(room, key));
CREATE TABLE IF NOT EXISTS attachments(
  id INTEGER PRIMARY KEY, room INTEGER NOT NULL REFERENCES rooms(id), participant INTEGER NOT NULL,
  name TEXT NOT NULL, mime TEXT NOT NULL, data BLOB NOT NULL, created TEXT NOT NULL);
)sql";

// One prepared statement, finalised on scope exit.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK) fail();
  }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt& text(int i, const std::string& s) {
    sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& text_or_null(int i, const std::string& s) {
    if (s.empty()) sqlite3_bind_null(st_, i);
    else text(i, s);
    return *this;
  }
  Stmt& blob(int i, const std::string& s) {
    sqlite3_bind_blob(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& integer(int i, std::int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  // Steps once: true while rows come.
  bool row() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }
  void run() {
    row();
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  std::string col_text(int i) {
    const auto* p = sqlite3_column_blob(st_, i);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(st_, i))) : "";
  }
  std::int64_t col_int(int i) { return sqlite3_column_int64(st_, i); }

 private:
  [[noreturn]] void fail() { throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_)); }
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

}  // namespace

Store::Store(const std::string& path, bool full_sync) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) !=
      SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error(path + ": " + why);
  }
  sqlite3_busy_timeout(db_, 5000);
  // WAL + synchronous=FULL: COMMIT returns only after the WAL is fsync'ed, so an acknowledged command
  // survives a crash of the process and a power cut. NORMAL would survive kill -9 but not a power cut;
  // the writer's group commit keeps FULL affordable (one fsync per batch, not per command).
  // `kalan serve --sync normal` chooses NORMAL where fsync is slow and a power cut is not a concern.
  exec("PRAGMA journal_mode=WAL");
  exec(full_sync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  exec("PRAGMA foreign_keys=ON");
  // SQLite would copy the WAL back into the database inside some COMMIT (every 1000 pages), stalling that
  // batch for tens of ms; the server's background thread calls checkpoint_wal() instead.
  exec("PRAGMA wal_autocheckpoint=0");
  exec(kSchema);
  // Databases made before refused attempts were logged: add the column (every stored command was accepted).
  sqlite3_stmt* probe = nullptr;
  const bool has_refused = sqlite3_prepare_v2(db_, "SELECT refused FROM commands LIMIT 0", -1, &probe, nullptr) == SQLITE_OK;
  sqlite3_finalize(probe);
  if (!has_refused) exec("ALTER TABLE commands ADD COLUMN refused INTEGER NOT NULL DEFAULT 0");
  if (sqlite3_open_v2(path.c_str(), &wal_db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK)
    throw std::runtime_error(path + ": cannot open a second connection");
  sqlite3_busy_timeout(wal_db_, 1000);
}

Store::~Store() {
  sqlite3_close(wal_db_);
  sqlite3_close(db_);
}

void Store::checkpoint_wal() { sqlite3_wal_checkpoint_v2(wal_db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr); }

void Store::exec(const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string why = msg ? msg : "?";
    sqlite3_free(msg);
    throw std::runtime_error("sqlite: " + why);
  }
}

std::int64_t Store::add_room(const RoomRow& r) {
  std::lock_guard<std::mutex> lock(mu_);
  Stmt s(db_, "INSERT INTO rooms(code, channel, created, scenario, running, generation) VALUES(?,?,?,?,?,?)");
  s.text(1, r.code).text(2, r.channel).text(3, r.created).text(4, r.scenario).integer(5, r.running).integer(6, r.generation);
  s.run();
  return sqlite3_last_insert_rowid(db_);
}

std::int64_t Store::add_participant(const ParticipantRow& p) {
  std::lock_guard<std::mutex> lock(mu_);
  Stmt s(db_, "INSERT INTO participants(room, name, role, user_id, token_hash, created) VALUES(?,?,?,?,?,?)");
  s.integer(1, p.room).text(2, p.name).text(3, p.role).text(4, p.user).text(5, p.token_hash).text(6, p.created);
  s.run();
  return sqlite3_last_insert_rowid(db_);
}

void Store::set_running(std::int64_t room, bool running) {
  std::lock_guard<std::mutex> lock(mu_);
  Stmt s(db_, "UPDATE rooms SET running=? WHERE id=?");
  s.integer(1, running).integer(2, room);
  s.run();
}

void Store::reset_room(std::int64_t room, std::int64_t generation) {
  std::lock_guard<std::mutex> lock(mu_);
  exec("BEGIN IMMEDIATE");
  try {
    Stmt d1(db_, "DELETE FROM commands WHERE room=?");
    d1.integer(1, room);
    d1.run();
    Stmt d2(db_, "DELETE FROM attachments WHERE room=?");
    d2.integer(1, room);
    d2.run();
    Stmt u(db_, "UPDATE rooms SET generation=?, running=0 WHERE id=?");
    u.integer(1, generation).integer(2, room);
    u.run();
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void Store::append_commands(const std::vector<CommandRow>& rows) {
  std::lock_guard<std::mutex> lock(mu_);
  exec("BEGIN IMMEDIATE");
  try {
    Stmt s(db_, "INSERT INTO commands(room, seq, command, key, participant, accepted, hash, refused) VALUES(?,?,?,?,?,?,?,?)");
    for (const auto& r : rows) {
      s.integer(1, r.room).integer(2, r.seq).text(3, r.command).text_or_null(4, r.key).integer(5, r.participant);
      s.text(6, r.accepted).text_or_null(7, r.hash).integer(8, r.refused);
      s.run();
    }
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void Store::set_hash(std::int64_t room, std::int64_t seq, const std::string& hash) {
  std::lock_guard<std::mutex> lock(mu_);
  Stmt s(db_, "UPDATE commands SET hash=? WHERE room=? AND seq=?");
  s.text(1, hash).integer(2, room).integer(3, seq);
  s.run();
}

std::int64_t Store::add_attachment(const AttachmentRow& a) {
  std::lock_guard<std::mutex> lock(mu_);
  Stmt s(db_, "INSERT INTO attachments(room, participant, name, mime, data, created) VALUES(?,?,?,?,?,?)");
  s.integer(1, a.room).integer(2, a.participant).text(3, a.name).text(4, a.mime).blob(5, a.data).text(6, a.created);
  s.run();
  return sqlite3_last_insert_rowid(db_);
}

std::vector<RoomRow> Store::rooms() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<RoomRow> out;
  Stmt s(db_, "SELECT id, code, channel, created, scenario, running, generation FROM rooms ORDER BY id");
  while (s.row())
    out.push_back({s.col_int(0), s.col_text(1), s.col_text(2), s.col_text(3), s.col_text(4), s.col_int(5) != 0, s.col_int(6)});
  return out;
}

std::vector<ParticipantRow> Store::participants() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ParticipantRow> out;
  Stmt s(db_, "SELECT id, room, name, role, user_id, token_hash, created FROM participants ORDER BY id");
  while (s.row())
    out.push_back({s.col_int(0), s.col_int(1), s.col_text(2), s.col_text(3), s.col_text(4), s.col_text(5), s.col_text(6)});
  return out;
}

std::vector<CommandRow> Store::commands(std::int64_t room) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<CommandRow> out;
  Stmt s(db_, "SELECT room, seq, participant, command, key, accepted, hash, refused FROM commands WHERE room=? ORDER BY seq");
  s.integer(1, room);
  while (s.row())
    out.push_back({s.col_int(0), s.col_int(1), s.col_int(2), s.col_text(3), s.col_text(4), s.col_text(5), s.col_text(6),
                   s.col_int(7) != 0});
  return out;
}

std::vector<AttachmentRow> Store::attachments(std::int64_t room, bool with_data) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<AttachmentRow> out;
  Stmt s(db_, with_data ? "SELECT id, room, participant, name, mime, created, data FROM attachments WHERE room=? ORDER BY id"
                        : "SELECT id, room, participant, name, mime, created, '' FROM attachments WHERE room=? ORDER BY id");
  s.integer(1, room);
  while (s.row())
    out.push_back({s.col_int(0), s.col_int(1), s.col_int(2), s.col_text(3), s.col_text(4), s.col_text(6), s.col_text(5)});
  return out;
}

std::optional<AttachmentRow> Store::attachment(std::int64_t room, std::int64_t id) {
  for (auto& a : attachments(room, true))
    if (a.id == id) return a;
  return std::nullopt;
}

}  // namespace kalan::server
