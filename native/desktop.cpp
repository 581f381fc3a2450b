#include "desktop.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "app.h"
#include "assets.h"
#include "core/hash.h"
#include "core/json_locate.h"
#include "room_client.h"
#include "room_transport.h"
#include "session/session.h"

namespace kalan {

namespace {

// The watched file's errors on standard error too, each with its place in the file.
void report_errors(ui::App& app) {
  const ui::WatchedFile& w = app.view().watched;
  for (const auto& d : w.errors) {
    const JsonLocation at = locate_json_pointer(w.text, d.path);
    std::fprintf(stderr, "  %s (ligne %zu, colonne %zu) : %s\n", d.path.empty() ? "/" : d.path.c_str(), at.line, at.column,
                 render_message(d.code, d.args).c_str());
  }
}

// The file opened from disk, read again once its modification time changes (checked every second).
struct FileWatch {
  std::string path;
  std::filesystem::file_time_type stamp{};
  double next = 0;

  void poll(ui::App& app, double now) {
    if (now < next) return;
    next = now + 1.0;
    const std::string& watched = app.view().watched.path;
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(watched, ec);
    if (watched.empty() || ec) return;
    if (watched != path) {  // a new file: remember its time, it was just read
      path = watched;
      stamp = t;
      return;
    }
    if (t == stamp) return;
    stamp = t;
    auto text = read_file(path);
    if (!text) return;
    const bool ok = app.open_file(path, *text);
    if (ok) std::fprintf(stderr, "kalan : %s relu et relancé\n", path.c_str());
    else std::fprintf(stderr, "kalan : %s relu : %zu erreur(s), la dernière version valide continue\n", path.c_str(),
                      app.view().watched.errors.size());
    report_errors(app);
  }
};

// Room mode on standard error: joined, then each command followed with the state hash after it.
struct RoomLog {
  bool joined = false;
  std::int64_t seq = -1;

  void print(const ui::RoomClient& room, const ui::App& app) {
    if (!room.in_room() || !app.session() || room.seq() == seq) return;
    seq = room.seq();
    if (!joined) {
      joined = true;
      std::fprintf(stderr, "kalan : salle %s rejointe (%s), n° %lld\n", room.code().c_str(),
                   room.trainer() ? "console du formateur" : "participant", static_cast<long long>(seq));
    } else {
      std::fprintf(stderr, "kalan : salle %s : n° %lld %s\n", room.code().c_str(), static_cast<long long>(seq),
                   hex16(app.session()->hash()).c_str());
    }
  }
};

}  // namespace

int run_desktop(const DesktopOptions& options) {
  if (!options.room.empty() && !HttpRoomTransport(options.room).valid()) {
    std::fprintf(stderr, "kalan : adresse de salle invalide %s (attendu http://HÔTE:PORT/?room=CODE)\n", options.room.c_str());
    return 1;
  }
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "kalan : impossible d'ouvrir une fenêtre (%s)\n", SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_Window* window = SDL_CreateWindow("Kalan — SANDBOX", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 720, flags);
  if (!window) {
    std::fprintf(stderr, "kalan : impossible de créer la fenêtre (%s)\n", SDL_GetError());
    SDL_Quit();
    return 1;
  }
  SDL_GLContext gl = SDL_GL_CreateContext(window);
  SDL_GL_MakeCurrent(window, gl);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // nothing written into the working directory
  float ddpi = 96.0f;
  if (SDL_GetDisplayDPI(0, &ddpi, nullptr, nullptr) != 0) ddpi = 96.0f;
  const float scale = std::clamp(ddpi / 96.0f, 1.0f, 3.0f);
  ui::setup_style(scale);
  ImGui_ImplSDL2_InitForOpenGL(window, gl);
  ImGui_ImplOpenGL3_Init("#version 150");

  ui::Platform platform;
  platform.can_open_paths = true;
  platform.read_file = [](const std::string& path) { return read_file(path); };
  platform.save_file = [](const std::string& name, const std::string& content) {
    std::string err;
    write_file_atomic(name, content, &err);
    return err;
  };
  // Room mode: the browser's room client and screens, over cpp-httplib (native/room_transport.cpp).
  std::unique_ptr<HttpRoomTransport> transport;
  std::unique_ptr<ui::RoomClient> room;
  if (!options.room.empty()) {
    std::string address = options.room;
    if (!options.trainer.empty()) address += std::string(address.find('?') == std::string::npos ? "?" : "&") + "trainer=" + options.trainer;
    transport = std::make_unique<HttpRoomTransport>(address);
    platform.fixed_session = [&room] { return room->in_room(); };
    platform.draw_screen = [&room](ui::App&) { return room->draw_screen(); };
    platform.draw_header = [&room](ui::App&) { room->draw_header(); };
  }
  ui::App app(platform);
  if (transport) {
    room = std::make_unique<ui::RoomClient>(app, *transport);
    room->set_auto_join(!options.trainer.empty());
    room->probe();
  }
  RoomLog room_log;
  if (!options.open.empty()) {
    bool opened = false;
    for (size_t i = 0; i < app.builtins().size() && !opened; ++i) {
      if (app.builtins()[i].file != options.open) continue;
      app.load_builtin(i);
      const auto& e = app.builtins()[i];
      if (e.scenario) opened = (app.start(*e.scenario), true);
    }
    if (!opened) {
      auto text = read_file(options.open);
      if (!text || !app.open_file(options.open, *text)) {
        std::fprintf(stderr, "kalan : impossible d'ouvrir %s\n", options.open.c_str());
        report_errors(app);
      }
    }
  }
  FileWatch watch;

  Uint64 last = SDL_GetPerformanceCounter();
  const Uint64 started = last;
  bool running = true;
  while (running) {
    SDL_Event ev;
    while (SDL_PollEvent(&ev)) {
      ImGui_ImplSDL2_ProcessEvent(&ev);
      if (ev.type == SDL_QUIT) running = false;
      if (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_CLOSE &&
          ev.window.windowID == SDL_GetWindowID(window))
        running = false;
    }
    const Uint64 now = SDL_GetPerformanceCounter();
    const double seconds = static_cast<double>(now - started) / static_cast<double>(SDL_GetPerformanceFrequency());
    watch.poll(app, seconds);
    if (room) {
      transport->pump();
      room->tick(seconds);
      room_log.print(*room, app);
    }
    const float dt = static_cast<float>(now - last) / static_cast<float>(SDL_GetPerformanceFrequency());
    last = now;
    if (options.quit_after > 0 && seconds > options.quit_after) running = false;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    app.frame(size.x, size.y, std::min(dt, 0.25f));
    ImGui::Render();
    int w, h;
    SDL_GL_GetDrawableSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.97f, 0.96f, 0.94f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(window);
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(gl);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}

}  // namespace kalan
