// The desktop app: an SDL2 window with OpenGL3 that draws the shared ImGui interface.
#pragma once
#include <string>

namespace kalan {

struct DesktopOptions {
  std::string open;          // a scenario or session file to open at start, or a built-in name
  double quit_after = 0;     // seconds; 0 = run until closed (used by the window test)
  std::string room;          // "http://HOST:PORT/?room=CODE": room mode, as a browser page of that server
  std::string trainer;       // with `room`: the trainer's token, to open the trainer console at once
};

int run_desktop(const DesktopOptions& options);

}  // namespace kalan
