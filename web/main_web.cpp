// The browser app: the shared ImGui interface on SDL2 + WebGL2, driven by the browser's frame loop.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "app.h"
#include "room_client.h"
#include "room_transport_web.h"

namespace {

SDL_Window* g_window = nullptr;
std::unique_ptr<kalan::ui::App> g_app;
kalan::web::WebRoomTransport g_transport;
std::unique_ptr<kalan::ui::RoomClient> g_room;  // room mode, when served by `kalan serve`
float g_scale = 1.0f;
bool g_text_focus = false;
int g_release_key = 0;     // a key pressed by the on-screen keyboard...
int g_release_in = 0;      // ...released after this many frames, so that ImGui sees it down once
double g_last = 0;
long g_frames = 0;
std::string g_debug;

EM_JS(void, js_set_text_focus, (int on), { if (window.kalanTextFocus) window.kalanTextFocus(on); });
EM_JS(void, js_download, (const char* name, const char* data),
      { if (window.kalanDownload) window.kalanDownload(UTF8ToString(name), UTF8ToString(data)); });
EM_JS(double, js_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(int, js_inner_width, (), { return window.innerWidth; });
EM_JS(int, js_inner_height, (), { return window.innerHeight; });
EM_JS(void, js_first_frame, (), { if (window.kalanFirstFrame) window.kalanFirstFrame(); });

void follow_browser_size() {
  const int w = std::max(js_inner_width(), 200), h = std::max(js_inner_height(), 200);
  int cw, ch;
  SDL_GetWindowSize(g_window, &cw, &ch);
  if (cw != w || ch != h) SDL_SetWindowSize(g_window, w, h);
  const float ratio = static_cast<float>(std::clamp(js_pixel_ratio(), 1.0, 4.0));
  if (std::fabs(ratio - g_scale) > 0.01f) {
    g_scale = ratio;
    kalan::ui::setup_style(g_scale);
    ImGui_ImplOpenGL3_DestroyDeviceObjects();  // rebuilt with the new font atlas on the next frame
  }
}

void frame() {
  if (g_release_key && --g_release_in <= 0) {
    SDL_Event up{};
    up.type = SDL_KEYUP;
    up.key.keysym.scancode = static_cast<SDL_Scancode>(g_release_key);
    up.key.keysym.sym = SDL_GetKeyFromScancode(up.key.keysym.scancode);
    SDL_PushEvent(&up);
    g_release_key = 0;
  }
  SDL_Event ev;
  while (SDL_PollEvent(&ev)) ImGui_ImplSDL2_ProcessEvent(&ev);
  follow_browser_size();

  const double now = emscripten_get_now() / 1000.0;
  const float dt = g_last > 0 ? static_cast<float>(std::min(now - g_last, 0.25)) : 0.0f;
  g_last = now;
  g_room->tick(now);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  g_app->frame(size.x, size.y, dt);
  ImGui::Render();
  int w, h;
  SDL_GL_GetDrawableSize(g_window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.97f, 0.96f, 0.94f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  // Open the phone's keyboard when a text field takes focus, close it when none has it.
  const bool want = ImGui::GetIO().WantTextInput;
  if (want != g_text_focus) {
    g_text_focus = want;
    js_set_text_focus(want ? 1 : 0);
  }
  if (++g_frames == 1) js_first_frame();
}

}  // namespace

extern "C" {

// Text typed on an on-screen keyboard (through the hidden input of index.html).
EMSCRIPTEN_KEEPALIVE void kalan_web_text(const char* utf8) {
  const size_t n = std::strlen(utf8);
  size_t i = 0;
  while (i < n) {
    // SDL text events hold 31 bytes: cut on UTF-8 character boundaries.
    size_t len = std::min<size_t>(n - i, 31);
    while (len > 0 && i + len < n && (static_cast<unsigned char>(utf8[i + len]) & 0xC0) == 0x80) --len;
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    std::memcpy(e.text.text, utf8 + i, len);
    SDL_PushEvent(&e);
    i += len;
  }
}

// A key from an on-screen keyboard: 1 = backspace, 2 = enter.
EMSCRIPTEN_KEEPALIVE void kalan_web_key(int which) {
  const SDL_Scancode sc = which == 1 ? SDL_SCANCODE_BACKSPACE : SDL_SCANCODE_RETURN;
  SDL_Event down{};
  down.type = SDL_KEYDOWN;
  down.key.keysym.scancode = sc;
  down.key.keysym.sym = SDL_GetKeyFromScancode(sc);
  SDL_PushEvent(&down);
  g_release_key = sc;
  g_release_in = 2;
}

// Opens a scenario or session from JSON text (file picker or drag and drop). Returns 1 on success.
EMSCRIPTEN_KEEPALIVE int kalan_web_open(const char* text) { return g_app && g_app->open_text(text) ? 1 : 0; }

// A file dropped on the page that is not a scenario: kept for the open case's attachments.
EMSCRIPTEN_KEEPALIVE void kalan_web_drop_file(const char* name, const char* base64) {
  if (!g_app) return;
  g_app->view().cases.dropped_name = name;
  g_app->view().cases.dropped_content = base64;
}

// A JSON summary of the app for end-to-end tests.
EMSCRIPTEN_KEEPALIVE const char* kalan_debug_json() {
  if (!g_app) return "{}";
  nlohmann::json j = nlohmann::json::parse(g_app->debug_json());
  j["room"] = g_room->debug();
  g_debug = j.dump();
  return g_debug.c_str();
}

// Every answer of the room mode's network glue (web/room.js).
EMSCRIPTEN_KEEPALIVE void kalan_room_cb(const char* what, int status, const char* key, const char* body) {
  if (g_room) g_room->on_answer(what ? what : "", status, key ? key : "", body ? body : "");
}

EMSCRIPTEN_KEEPALIVE long kalan_frames() { return g_frames; }
}

int main(int, char**) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return 1;
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  g_window = SDL_CreateWindow("Kalan", 0, 0, std::max(js_inner_width(), 200), std::max(js_inner_height(), 200), flags);
  if (!g_window) return 1;
  SDL_GLContext gl = SDL_GL_CreateContext(g_window);
  SDL_GL_MakeCurrent(g_window, gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  g_scale = static_cast<float>(std::clamp(js_pixel_ratio(), 1.0, 4.0));
  kalan::ui::setup_style(g_scale);
  ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  kalan::ui::Platform platform;
  platform.save_file = [](const std::string& name, const std::string& content) {
    js_download(name.c_str(), content.c_str());
    return std::string();
  };
  platform.fixed_session = [] { return g_room->in_room(); };
  platform.draw_screen = [](kalan::ui::App&) { return g_room->draw_screen(); };
  platform.draw_header = [](kalan::ui::App&) { g_room->draw_header(); };
  g_app = std::make_unique<kalan::ui::App>(platform);
  g_room = std::make_unique<kalan::ui::RoomClient>(*g_app, g_transport);
  g_room->probe();
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
