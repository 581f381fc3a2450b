// The renderer of forms-engine forms (docs/forms-format.md) shared by the case forms and the monthly
// report: relevance hides fields, required and constraint messages sit at the field, read-only and
// labelled calculated fields show their value as text.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app.h"
#include "forms/form.h"

namespace kalan::ui {

// Drawn under a value field, after its message, with the normalized answers (the monthly form puts
// its computed sums there).
using AfterField = std::function<void(const forms::Field& field, const nlohmann::json& normalized)>;

// What attachment and signature fields may name: the record's attachments (a case's), and how a
// signature drawn in the form is stored as one (a command). Without it, those fields are plain text.
struct FormFiles {
  struct File {
    std::string id, name;
  };
  std::vector<File> files;
  std::function<void(const std::string& name, const std::string& svg)> add_signature;
};

// Draws the fields of `form` for `draft`, edited in place. `check` is the draft's validation: its
// issues go to their fields, its normalized values decide relevance. Required messages show once
// `show_required` (the user tried to save); other messages as soon as the field holds a value.
void draw_form_fields(App& app, const forms::Form& form, const forms::EvalContext& ctx, const forms::Validation& check,
                      nlohmann::json& draft, bool show_required, const AfterField& after = {},
                      const FormFiles* files = nullptr);

}  // namespace kalan::ui
