// Dear ImGui platform backend on the browser's events (see imgui_impl_html5.cpp).
#pragma once

// Registers the page's event callbacks (canvas "#canvas") and ImGui's key map.
void ImGui_ImplHtml5_Init();
// Before ImGui::NewFrame: the canvas size in CSS pixels and the device pixel ratio.
void ImGui_ImplHtml5_NewFrame(float width, float height, float pixel_ratio);
// A key pressed by the on-screen keyboard (a DOM keyCode: 8 backspace, 13 enter), held for two frames
// so that ImGui sees it down once.
void ImGui_ImplHtml5_PressKey(int key_code);
