#include "desktop.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cstdio>

#include "app.h"
#include "assets.h"
#include "session/session.h"

namespace kalan {

int run_desktop(const DesktopOptions& options) {
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
  ui::App app(platform);
  if (!options.open.empty()) {
    bool opened = false;
    for (const auto& e : app.builtins())
      if (e.file == options.open && e.scenario) opened = (app.start(*e.scenario), true);
    if (!opened) {
      auto text = read_file(options.open);
      if (!text || !app.open_text(*text)) std::fprintf(stderr, "kalan : impossible d'ouvrir %s\n", options.open.c_str());
    }
  }

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
    const float dt = static_cast<float>(now - last) / static_cast<float>(SDL_GetPerformanceFrequency());
    last = now;
    if (options.quit_after > 0 &&
        static_cast<double>(now - started) / static_cast<double>(SDL_GetPerformanceFrequency()) > options.quit_after)
      running = false;

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
