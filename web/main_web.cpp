// The browser app: the shared ImGui interface on WebGL2 and the page's events (imgui_impl_html5),
// driven by the browser's frame loop.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "app.h"
#include "imgui_impl_html5.h"
#include "room_client.h"
#include "room_transport_web.h"

namespace {

std::unique_ptr<kalan::ui::App> g_app;
kalan::web::WebRoomTransport g_transport;
std::unique_ptr<kalan::ui::RoomClient> g_room;  // room mode, when served by `kalan serve`
float g_scale = 1.0f;
bool g_text_focus = false;
int g_width = 0, g_height = 0;  // the canvas in CSS pixels
double g_last = 0;
long g_frames = 0;
std::string g_debug;

EM_JS(void, js_set_text_focus, (int on), { if (window.kalanTextFocus) window.kalanTextFocus(on); });
// The bytes are decoded keeping a leading BOM (UTF8ToString's TextDecoder would drop the one that
// the CSV exports start with, for Excel).
EM_JS(void, js_download, (const char* name, const char* data, int size), {
  if (!window.kalanDownload) return;
  const text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(HEAPU8.subarray(data, data + size));
  window.kalanDownload(UTF8ToString(name), text);
});
EM_JS(double, js_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(int, js_inner_width, (), { return window.innerWidth; });
EM_JS(int, js_inner_height, (), { return window.innerHeight; });
EM_JS(void, js_first_frame, (), { if (window.kalanFirstFrame) window.kalanFirstFrame(); });

// The canvas fills the page (CSS); its drawing buffer follows the page size times the pixel ratio.
void follow_browser_size() {
  const int w = std::max(js_inner_width(), 200), h = std::max(js_inner_height(), 200);
  const float ratio = static_cast<float>(std::clamp(js_pixel_ratio(), 1.0, 4.0));
  if (w != g_width || h != g_height || std::fabs(ratio - g_scale) > 0.01f) {
    g_width = w;
    g_height = h;
    emscripten_set_canvas_element_size("#canvas", static_cast<int>(w * ratio), static_cast<int>(h * ratio));
  }
  if (std::fabs(ratio - g_scale) > 0.01f) {
    g_scale = ratio;
    kalan::ui::setup_style(g_scale);
    ImGui_ImplOpenGL3_DestroyDeviceObjects();  // rebuilt with the new font atlas on the next frame
  }
}

void frame() {
  follow_browser_size();

  const double now = emscripten_get_now() / 1000.0;
  const float dt = g_last > 0 ? static_cast<float>(std::min(now - g_last, 0.25)) : 0.0f;
  g_last = now;
  g_room->tick(now);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplHtml5_NewFrame(static_cast<float>(g_width), static_cast<float>(g_height), g_scale);
  ImGui::NewFrame();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  g_app->frame(size.x, size.y, dt);
  ImGui::Render();
  glViewport(0, 0, static_cast<int>(g_width * g_scale), static_cast<int>(g_height * g_scale));
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
EMSCRIPTEN_KEEPALIVE void kalan_web_text(const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); }

// A key from an on-screen keyboard: 1 = backspace, 2 = enter.
EMSCRIPTEN_KEEPALIVE void kalan_web_key(int which) { ImGui_ImplHtml5_PressKey(which == 1 ? 8 : 13); }

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
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.antialias = EM_FALSE;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
  if (gl <= 0) return 1;
  emscripten_webgl_make_context_current(gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  g_scale = static_cast<float>(std::clamp(js_pixel_ratio(), 1.0, 4.0));
  kalan::ui::setup_style(g_scale);
  follow_browser_size();
  ImGui_ImplHtml5_Init();
  ImGui_ImplOpenGL3_Init("#version 300 es");

  kalan::ui::Platform platform;
  platform.save_file = [](const std::string& name, const std::string& content) {
    js_download(name.c_str(), content.data(), static_cast<int>(content.size()));
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
