#include "chart.h"

#include <imgui.h>

#include <algorithm>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

// Girls in warm tones, boys in cool ones, youngest lightest; a single series is teal.
ImU32 series_colour(std::size_t series, std::size_t count) {
  static const ImU32 six[] = {IM_COL32(244, 165, 130, 255), IM_COL32(214, 96, 77, 255),  IM_COL32(178, 24, 43, 255),
                              IM_COL32(146, 197, 222, 255), IM_COL32(67, 147, 195, 255), IM_COL32(33, 102, 172, 255)};
  if (count == 1) return IM_COL32(42, 157, 143, 255);
  return six[series % 6];
}

void legend(const std::vector<std::string>& labels) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float box = ImGui::GetTextLineHeight() * 0.8f;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const float w = box + 6 + ImGui::CalcTextSize(labels[i].c_str()).x;
    if (i > 0) same_line_if_fits(w);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float dy = (ImGui::GetTextLineHeight() - box) / 2;
    dl->AddRectFilled(ImVec2(p.x, p.y + dy), ImVec2(p.x + box, p.y + dy + box), series_colour(i, labels.size()));
    ImGui::Dummy(ImVec2(box + 2, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, 4);
    ImGui::TextUnformatted(labels[i].c_str());
  }
}

// The label cut to fit `width` (the tooltip gives it whole).
std::string fitted(const std::string& label, float width) {
  std::string s = label;
  while (!s.empty() && ImGui::CalcTextSize(s.c_str()).x > width) {
    s.pop_back();
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();  // whole UTF-8 characters
  }
  return s;
}

void tooltip(const StackedBars& bars, std::size_t bar, const std::vector<std::string>& series_labels,
             const std::vector<std::string>& bar_labels) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(bar_labels[bar].c_str());
  ImGui::Separator();
  for (std::size_t k = 0; k < bars.series.size(); ++k)
    ImGui::Text("%s : %lld", series_labels[k].c_str(), static_cast<long long>(bars.values[bar][k]));
  if (bars.series.size() > 1) ImGui::Text("%s : %lld", tr("dash.total"), static_cast<long long>(bars.total(bar)));
  ImGui::TextDisabled("%s", tr("dash.click_to_open"));
  ImGui::EndTooltip();
}

}  // namespace

int draw_stacked_bars(App& app, const char* id, const StackedBars& bars, const std::vector<std::string>& series_labels,
                      const std::vector<std::string>& bar_labels, float height) {
  legend(series_labels);
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x, 120.0f);
  ImGui::InvisibleButton(id, ImVec2(width, height));
  anchor(app, id);
  const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float bottom = origin.y + height - line - 4, top = origin.y + line + 2;
  dl->AddLine(ImVec2(origin.x, bottom), ImVec2(origin.x + width, bottom), IM_COL32(120, 120, 120, 255));
  const std::size_t n = bars.values.size();
  const float slot = width / static_cast<float>(std::max<std::size_t>(n, 1));
  const double max = static_cast<double>(std::max<std::int64_t>(bars.max_total(), 1));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int picked = -1;
  for (std::size_t i = 0; i < n; ++i) {
    const float x0 = origin.x + slot * static_cast<float>(i), bx = x0 + slot * 0.15f, bw = slot * 0.7f;
    const bool over = hovered && mouse.x >= x0 && mouse.x < x0 + slot;
    if (over) dl->AddRectFilled(ImVec2(x0, top), ImVec2(x0 + slot, bottom), IM_COL32(0, 0, 0, 18));
    float y = bottom;
    for (std::size_t k = 0; k < bars.series.size(); ++k) {
      const float h = static_cast<float>(bars.values[i][k] / max) * (bottom - top);
      dl->AddRectFilled(ImVec2(bx, y - h), ImVec2(bx + bw, y), series_colour(k, bars.series.size()));
      y -= h;
    }
    const std::string total = std::to_string(bars.total(i));
    const float tw = ImGui::CalcTextSize(total.c_str()).x;
    if (tw <= slot) dl->AddText(ImVec2(x0 + (slot - tw) / 2, y - line - 1), ImGui::GetColorU32(ImGuiCol_Text), total.c_str());
    const std::string label = fitted(bar_labels[i], slot - 2);
    const float lw = ImGui::CalcTextSize(label.c_str()).x;
    dl->AddText(ImVec2(x0 + (slot - lw) / 2, bottom + 2), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    app.view().anchors[std::string(id) + "." + std::to_string(i)] = {x0, top, x0 + slot, bottom};
    if (over) {
      tooltip(bars, i, series_labels, bar_labels);
      if (clicked) picked = static_cast<int>(i);
    }
  }
  return picked;
}

}  // namespace kalan::ui
