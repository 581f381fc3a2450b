// The Dear ImGui interface shared by the desktop and browser apps: reads the state, emits commands.
#pragma once
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

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
// the browser's room mode (web/room_client.h) sends them to the server, which decides.
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
  char event_filter[128] = "";
  char open_path[512] = "";
  Diagnostics open_errors;
  std::string status;        // one-line message under the clock bar
  int picked = 0;             // scenario card open in the picker
  int flow_picked = 0;        // flow shown in the flow view when none runs for the phone
  // Screen rectangles of key widgets (x0, y0, x1, y1), published for end-to-end tests.
  std::map<std::string, std::array<float, 4>> anchors;
  float display_w = 0, display_h = 0;
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
  void set_sink(CommandSink* sink) { sink_ = sink; }

  bool has_session() const { return session_.has_value(); }
  const Session* session() const { return session_ ? &*session_ : nullptr; }
  ViewState& view() { return view_; }
  const std::vector<ScenarioEntry>& builtins() const { return builtins_; }
  const Platform& platform() const { return platform_; }

  void start(const Scenario& scenario);
  void start(Session session);
  void close_session() { session_.reset(); }
  // Opens a scenario or session from JSON text; errors land in the view state.
  bool open_text(const std::string& text);
  void save_session();

  // A JSON summary for end-to-end tests: clock, language, filters, counts.
  std::string debug_json() const;

 private:
  Platform platform_;
  std::optional<Session> session_;
  std::vector<ScenarioEntry> builtins_;
  ViewState view_;
  CommandSink* sink_ = nullptr;
};

// Installs the embedded font at a pixel scale and the Kalan colours.
void setup_style(float scale);

}  // namespace kalan::ui
