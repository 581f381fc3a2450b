// Dear ImGui platform backend on the browser's own events (emscripten/html5.h): mouse, touch, wheel,
// keyboard, text, focus and cursor shapes, for a full-page canvas. It replaces SDL2 in the browser
// app: SDL's video, event and timer layers cost ~30 KB (gzip) of download for what these few
// callbacks do. The desktop app keeps SDL2 (native/).
#include "imgui_impl_html5.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cstring>

namespace {

constexpr const char* kCanvas = "#canvas";

struct State {
  bool pressed[3] = {false, false, false};  // a press seen since the last frame: a click shorter than a frame still counts
  bool held[3] = {false, false, false};
  ImVec2 mouse{-FLT_MAX, -FLT_MAX};
  float wheel = 0, wheel_h = 0;
  int release_key = 0;  // a key pressed by the on-screen keyboard, released after `release_in` frames
  int release_in = 0;
  ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT;
  double last = 0;
};
State g;

// DOM keyCode values for the keys ImGui needs (io.KeysDown is indexed by keyCode).
enum DomKey {
  kBackspace = 8, kTab = 9, kEnter = 13, kEscape = 27, kSpace = 32, kPageUp = 33, kPageDown = 34, kEnd = 35,
  kHome = 36, kLeft = 37, kUp = 38, kRight = 39, kDown = 40, kInsert = 45, kDelete = 46,
  kA = 65, kC = 67, kV = 86, kX = 88, kY = 89, kZ = 90
};

EM_JS(void, js_set_cursor, (const char* name), { Module.canvas.style.cursor = UTF8ToString(name); });

void set_modifiers(bool ctrl, bool shift, bool alt, bool meta) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = ctrl;
  io.KeyShift = shift;
  io.KeyAlt = alt;
  io.KeySuper = meta;
}

int button_index(unsigned short button) { return button == 0 ? 0 : button == 2 ? 1 : button == 1 ? 2 : -1; }

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  g.mouse = ImVec2(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
  const int b = button_index(e->button);
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN && b >= 0) g.pressed[b] = g.held[b] = true;
  if (type == EMSCRIPTEN_EVENT_MOUSEUP && b >= 0) g.held[b] = false;
  set_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
  return type != EMSCRIPTEN_EVENT_MOUSEMOVE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  // Pixels, lines or pages into ImGui's unit (about five lines of text).
  const double unit = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
  g.wheel -= static_cast<float>(e->deltaY / unit);
  g.wheel_h -= static_cast<float>(e->deltaX / unit);
  return EM_TRUE;
}

// A finger is the left mouse button (as SDL did): the first touch of the gesture moves the pointer.
EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches <= 0) return EM_TRUE;
  const EmscriptenTouchPoint& t = e->touches[0];
  g.mouse = ImVec2(static_cast<float>(t.clientX), static_cast<float>(t.clientY));
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) g.pressed[0] = g.held[0] = true;
  if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) g.held[0] = false;
  return EM_TRUE;  // no emulated mouse events after the touch
}

// Keys that type text are left to the keypress event; the others (and shortcuts) stop here so that
// the browser does not act on them (Backspace, Tab, arrows).
bool types_text(const EmscriptenKeyboardEvent* e) {
  return std::strlen(e->key) == 1 || (static_cast<unsigned char>(e->key[0]) >= 0x80 && std::strlen(e->key) <= 4);
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  set_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
  if (e->keyCode > 0 && e->keyCode < 512) io.KeysDown[e->keyCode] = type == EMSCRIPTEN_EVENT_KEYDOWN;
  if (type != EMSCRIPTEN_EVENT_KEYDOWN) return EM_FALSE;
  if (e->keyCode == 229 || std::strcmp(e->key, "Unidentified") == 0) return EM_FALSE;  // an on-screen keyboard composing
  return !types_text(e) || e->ctrlKey || e->metaKey;
}

EM_BOOL on_keypress(int, const EmscriptenKeyboardEvent* e, void*) {
  if (e->ctrlKey || e->metaKey) return EM_FALSE;
  if (e->charCode >= 32) ImGui::GetIO().AddInputCharacter(e->charCode);
  return EM_TRUE;  // the hidden text field (index.html) must not receive it a second time
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void*) {
  ImGuiIO& io = ImGui::GetIO();
  std::memset(io.KeysDown, 0, sizeof io.KeysDown);
  set_modifiers(false, false, false, false);
  for (bool& h : g.held) h = false;
  return EM_FALSE;
}

const char* css_cursor(ImGuiMouseCursor c) {
  switch (c) {
    case ImGuiMouseCursor_None: return "none";
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
  }
}

}  // namespace

void ImGui_ImplHtml5_Init() {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "imgui_impl_html5";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  const int keys[][2] = {{ImGuiKey_Tab, kTab},         {ImGuiKey_LeftArrow, kLeft},   {ImGuiKey_RightArrow, kRight},
                         {ImGuiKey_UpArrow, kUp},      {ImGuiKey_DownArrow, kDown},   {ImGuiKey_PageUp, kPageUp},
                         {ImGuiKey_PageDown, kPageDown}, {ImGuiKey_Home, kHome},      {ImGuiKey_End, kEnd},
                         {ImGuiKey_Insert, kInsert},   {ImGuiKey_Delete, kDelete},    {ImGuiKey_Backspace, kBackspace},
                         {ImGuiKey_Space, kSpace},     {ImGuiKey_Enter, kEnter},      {ImGuiKey_Escape, kEscape},
                         {ImGuiKey_KeyPadEnter, kEnter}, {ImGuiKey_A, kA},            {ImGuiKey_C, kC},
                         {ImGuiKey_V, kV},             {ImGuiKey_X, kX},              {ImGuiKey_Y, kY},
                         {ImGuiKey_Z, kZ}};
  for (const auto& k : keys) io.KeyMap[k[0]] = k[1];

  const char* win = EMSCRIPTEN_EVENT_TARGET_WINDOW;
  emscripten_set_mousedown_callback(kCanvas, nullptr, true, on_mouse);
  emscripten_set_mouseup_callback(win, nullptr, true, on_mouse);
  emscripten_set_mousemove_callback(win, nullptr, true, on_mouse);
  emscripten_set_wheel_callback(kCanvas, nullptr, true, on_wheel);
  emscripten_set_touchstart_callback(kCanvas, nullptr, true, on_touch);
  emscripten_set_touchmove_callback(kCanvas, nullptr, true, on_touch);
  emscripten_set_touchend_callback(kCanvas, nullptr, true, on_touch);
  emscripten_set_touchcancel_callback(kCanvas, nullptr, true, on_touch);
  emscripten_set_keydown_callback(win, nullptr, true, on_key);
  emscripten_set_keyup_callback(win, nullptr, true, on_key);
  emscripten_set_keypress_callback(win, nullptr, true, on_keypress);
  emscripten_set_blur_callback(win, nullptr, true, on_blur);
}

void ImGui_ImplHtml5_NewFrame(float width, float height, float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width, height);
  io.DisplayFramebufferScale = ImVec2(pixel_ratio, pixel_ratio);
  const double now = emscripten_get_now() / 1000.0;
  io.DeltaTime = g.last > 0 && now > g.last ? static_cast<float>(now - g.last) : 1.0f / 60.0f;
  g.last = now;

  io.MousePos = g.mouse;
  for (int i = 0; i < 3; ++i) {
    io.MouseDown[i] = g.pressed[i] || g.held[i];
    g.pressed[i] = false;
  }
  io.MouseWheel = g.wheel;
  io.MouseWheelH = g.wheel_h;
  g.wheel = g.wheel_h = 0;

  if (g.release_key && --g.release_in <= 0) {
    io.KeysDown[g.release_key] = false;
    g.release_key = 0;
  }
  const ImGuiMouseCursor cursor = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
  if (cursor != g.cursor) {
    g.cursor = cursor;
    js_set_cursor(css_cursor(cursor));
  }
}

void ImGui_ImplHtml5_PressKey(int key_code) {
  ImGui::GetIO().KeysDown[key_code] = true;
  g.release_key = key_code;
  g.release_in = 2;
}
