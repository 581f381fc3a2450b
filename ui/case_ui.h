// Helpers shared by the panels of the CPIMS+ workspace: sending case commands as the signed-in user,
// showing their refusals where the user acted, and names for ids.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "app.h"

namespace kalan::ui {

// Sends the case command `type` (an entry of kCaseCommandTypes) with `args` as the signed-in user.
// A refusal is kept for show_feedback(where); a success clears it and sets `notice`, if given.
bool case_command(App& app, const char* type, nlohmann::json args, const char* where, const char* notice = nullptr);
// The sign-in switch: the trainer or any active user of the scenario (the actor of the commands
// sent from the case workspace and the reporting screens).
void draw_sign_in(App& app);
// Draws the refusal or notice of the last command sent from `where`.
void show_feedback(App& app, const char* where);

std::string org_name(const State& s, const std::string& id);
std::string place_name(const State& s, const std::string& id);
// tr(prefix + value), or the value itself when there is no such key.
std::string tr_value(const char* prefix, const std::string& value);

// Standard base64 of raw bytes (attachments).
std::string base64_encode(const std::string& bytes);

// A combo over `labels` (index 0 may be "any"); publishes anchors "<anchor_id>" and "<anchor_id>.<i>".
bool combo(App& app, const char* id, int& current, const std::vector<std::string>& labels, const char* anchor_id,
           float width);

}  // namespace kalan::ui
