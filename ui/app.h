// The Dear ImGui interface shared by the desktop and browser apps: reads the state, emits commands.
#pragma once
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exercises/board.h"
#include "exercises/run.h"
#include "reporting_view.h"
#include "session/session.h"

namespace kalan::ui {

class App;

// What the shell provides: the app never touches files, windows or the browser directly.
struct Platform {
  bool can_open_paths = false;  // desktop: files can be opened by path
  // Offers a file to the user (desktop: writes it; browser: downloads it). Returns an error or "".
  std::function<std::string(const std::string& name, const std::string& content)> save_file;
  // Reads a file by path (desktop only).
  std::function<std::optional<std::string>(const std::string& path)> read_file;
  // The browser's room mode: the room decides the scenario (no "change scenario" button)...
  std::function<bool()> fixed_session;
  // ...draws its own screen (join form) instead of the picker or session when this returns true...
  std::function<bool(App& app)> draw_screen;
  // ...and a status line (connection, pending commands, trainer console) under the banner.
  std::function<void(App& app)> draw_header;
};

// Where emitted commands go. Without one the app applies them to its own session (single-player);
// room mode (ui/room_client.h, browser and desktop) sends them to the server, which decides.
class CommandSink {
 public:
  virtual ~CommandSink() = default;
  // Takes a command from a panel. A verdict that comes later (remote) returns ok without events.
  virtual ApplyResult submit(Command command) = 0;
};

// A built-in scenario as listed in the picker.
struct ScenarioEntry {
  std::string file;
  std::string title;
  std::string description;
  std::vector<std::string> objectives;
  std::string start;
  size_t users = 0, services = 0, events = 0;
  std::optional<Scenario> scenario;
  Diagnostics errors;
  std::string text;     // the file, loaded (validated, timeline played) when its card first opens
  bool loaded = false;
};

// View state of the CPIMS+ workspace (sign-in, case list, open record, dialogs).
struct CaseView {
  std::string user = "trainer";  // the signed-in user: the actor of every case command
  bool user_locked = false;      // in a room, a participant is their scenario user and cannot switch
  char search[128] = "";
  int status = 0, risk = 0, stage = 0, owner = 0;  // filter combos, 0 = any
  bool overdue_only = false;
  int sort = 0;
  bool descending = false;
  std::string open_case;      // case shown in the record ("" = the list)
  std::string open_form;      // form being filled ("" = the list of forms)
  std::string open_entry;     // entry being edited ("" = a new entry)
  nlohmann::json draft = nlohmann::json::object();  // values of the form being filled
  bool show_issues = false;   // field messages shown once the user tried to save
  std::string error_where;    // the widget group where the last refusal happened
  std::string error;          // that refusal, rendered in the UI language
  std::string notice;         // a success message at the same place
  char comment[256] = "";     // approval, referral and transfer comments
  char note[256] = "";
  int service_type = 0, service_place = 0, pick_user = 0, assign_user = 0, report_place = 0, open_risk = 1;
  char attach_path[512] = "";
  char attach_name[128] = "";
  std::string dropped_name, dropped_content;  // browser: last file dropped on the page (base64)
  // Account administration.
  std::string edit_user;      // user being edited ("" = creating)
  char acc_id[64] = "", acc_name[128] = "", acc_phone[32] = "", acc_email[128] = "";
  int acc_role = 0, acc_supervisor = 0;
  // New case report and tracing request.
  char child[128] = "", place[64] = "", summary[256] = "", inquirer[128] = "";
  int age = -1, sex = 0;
  size_t listed = 0;          // cases in the list last frame (for tests)
  bool select_cases_tab = false;  // an alert was opened: show its case next frame
};

// View state of the monthly-reporting screens: the dashboard's filters and drill-down, and the
// monthly form being filled on the signed-in user's phone.
struct ReportingView {
  ReportFilter filter;              // year 0 until the first draw sets the year before the clock's
  int level = 1;                    // zone bars and table: 0 structure, 1 cercle, 2 region
  int indicator = 0;                // index in reporting::indicators()
  std::optional<DrillDown> drill;   // the submissions opened by a click; none = the dashboard
  std::string drill_title;
  std::int64_t open_submission = 0;  // the submission shown in detail, 0 = none
  char export_dir[512] = "";        // desktop: folder of the exports ("" = the working directory)
  std::string instance;             // instanceID of the report being filled, "" = the phone's lists
  std::string deprecated;           // the sent report it edits, if any
  nlohmann::json draft = nlohmann::json::object();
  bool show_issues = false;         // required messages once the user tried to finalize
  int new_structure = 0, new_month = 0, new_year = 0;  // the new-report picker (0 = not set yet)
  // PSEA intake (ui/panel_psea.cpp): the new complaint's answers, the complaint opened and its actions.
  PseaIntake psea;
  char psea_received[32] = "", psea_note[256] = "", psea_response[256] = "", psea_refer_note[256] = "";
  int psea_structure = 0, psea_service = 0;
  std::string psea_open;            // id of the complaint shown, "" = none
  int missing = -1;                 // missing reports in the grid last drawn (for tests)
  size_t listed = 0;                // submissions in the drill-down last drawn (for tests)
};

// Desktop: the scenario or session file opened from disk, read again whenever it changes.
struct WatchedFile {
  std::string path;
  std::string text;    // as last read
  Diagnostics errors;  // of that text, with their JSON paths; the last good session keeps running
  int selected = -1;   // the error shown with its place in the file
  int reloads = 0;
};

// View state that belongs to panels, never to the simulation.
struct ViewState {
  bool playing = false;
  int speed = 60;            // sim seconds per real second while playing
  double play_debt = 0;      // real seconds not yet turned into sim minutes
  std::string phone;         // the URN of the phone shown in the simulator
  char phone_input[512] = "";
  char new_number[32] = "+223";
  char world_search[128] = "";
  // Adding a service to the directory (service.add).
  bool svc_form = false;
  char svc_id[64] = "", svc_name[160] = "", svc_phone[32] = "", svc_open[8] = "08:00", svc_close[8] = "17:00";
  int svc_type = 0, svc_org = 0, svc_place = 0, svc_days = 0;
  std::string svc_message;  // the last refusal, or the confirmation
  bool svc_ok = false;
  char event_filter[128] = "";
  std::string exercise_shown;     // room mode: the board's run shown in the exercise panel
  bool exercise_trainer = false;  // the exercise panel's trainer view: every actor's progress
  char open_path[512] = "";
  Diagnostics open_errors;
  WatchedFile watched;
  std::string status;        // one-line message under the clock bar
  int picked = 0;             // scenario card open in the picker
  int flow_picked = 0;        // flow shown in the flow view when none runs for the phone
  // Screen rectangles of key widgets (x0, y0, x1, y1), published for end-to-end tests.
  std::map<std::string, std::array<float, 4>> anchors;
  float display_w = 0, display_h = 0;
  CaseView cases;
  ReportingView reporting;
  bool wide_left = false;  // a wide workspace (cases, reporting) was shown last frame
};

class App {
 public:
  explicit App(Platform platform);

  // Draws one frame. `width`/`height` are the display size in logical pixels, `dt` real seconds.
  void frame(float width, float height, float dt);

  // Sends a command through the one path: the sink if there is one, else a local apply.
  ApplyResult emit(Command command);
  // Applies a command to the local session, bypassing the sink (commands the server accepted).
  ApplyResult apply(const Command& command);
  // Replays one entry of a room's log (an accepted command or a refused attempt, sim/session/session.h),
  // silently; false when this copy decides otherwise (it diverged).
  bool replay(const Command& command, bool refused);
  void set_sink(CommandSink* sink) { sink_ = sink; }

  bool has_session() const { return session_.has_value(); }
  const Session* session() const { return session_ ? &*session_ : nullptr; }
  ViewState& view() { return view_; }
  const std::vector<ScenarioEntry>& builtins() const { return builtins_; }
  // Loads built-in scenario i if not yet done (the picker shows titles from the JSON alone at start).
  void load_builtin(size_t i);
  const Platform& platform() const { return platform_; }

  void start(const Scenario& scenario);
  void start(Session session);
  // Room mode: a session whose observer is `board`, every exercise of the room followed from its log.
  void start(Session session, std::unique_ptr<ExerciseBoard> board);
  void close_session() {
    exercise_.reset();
    board_.reset();
    session_.reset();
    view_.watched = {};
  }
  const ExerciseBoard* board() const { return board_.get(); }
  // The exercise being played in this session, if any; starting one runs its setup (not in room
  // mode, where the trainer starts them for the room and the panel shows the board's runs).
  const ExerciseRun* exercise_run() const { return exercise_.get(); }
  void start_exercise(size_t index);
  void request_hint(size_t hint);
  // Offers the exercise's debrief as HTML (and the platform saves or downloads it).
  void save_debrief();
  // Opens a scenario or session from JSON text; errors land in the view state.
  bool open_text(const std::string& text);
  // Desktop: opens a file's text and watches it (native/desktop.cpp reads it again when it changes):
  // a valid text (re)starts the session; an invalid one lists its errors and keeps the last good session.
  bool open_file(const std::string& path, const std::string& text);
  void save_session();

  // A JSON summary for end-to-end tests: clock, language, filters, counts.
  std::string debug_json() const;

 private:
  Platform platform_;
  std::optional<Session> session_;
  std::unique_ptr<ExerciseRun> exercise_;  // observes session_; reset whenever session_ changes
  std::unique_ptr<ExerciseBoard> board_;   // room mode: observes session_ instead of exercise_
  std::vector<ScenarioEntry> builtins_;
  ViewState view_;
  CommandSink* sink_ = nullptr;
};

// Installs the embedded font at a pixel scale and the Kalan colours.
void setup_style(float scale);

}  // namespace kalan::ui
