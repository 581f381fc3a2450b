// Writing a form as an ODK XForm 1.0 document: model (itext, instance, binds) then body, in document
// order, with the form's expressions rewritten from ${name} to XForm paths.
#include "core/markup.h"
#include "forms/xform.h"

#include <set>
#include <sstream>

namespace kalan::forms {

namespace {

constexpr const char* kRoot = "data";

// The XForm path of a field: /data/group/.../name.
std::string path_of(const Form& form, int field) {
  std::string path;
  for (int f = field; f >= 0; f = form.fields[static_cast<std::size_t>(f)].parent)
    path = "/" + form.fields[static_cast<std::size_t>(f)].name + path;
  return "/" + std::string(kRoot) + path;
}

// The enclosing groups and repeats of a field, innermost first.
std::vector<int> ancestors(const Form& form, int field) {
  std::vector<int> out;
  for (int p = form.fields[static_cast<std::size_t>(field)].parent; p >= 0; p = form.fields[static_cast<std::size_t>(p)].parent)
    out.push_back(p);
  return out;
}

// The path from `from` to `to` when they share a repeat entry ("../name", "../../g/name"), else "".
std::string relative_path(const Form& form, int from, int to) {
  const int repeat = form.fields[static_cast<std::size_t>(to)].repeat;
  if (from < 0 || repeat < 0) return "";
  const std::vector<int> up = ancestors(form, from);
  bool inside = false;
  for (int a : up) inside = inside || a == repeat;
  if (!inside) return "";
  // The innermost ancestor of `from` (itself excluded) that holds `to` too.
  const std::vector<int> to_up = ancestors(form, to);
  std::string path;
  for (int a : up) {
    path += path.empty() ? ".." : "/..";
    for (std::size_t k = 0; k < to_up.size(); ++k) {
      if (to_up[k] != a) continue;
      std::string down;
      for (std::size_t j = k; j-- > 0;) down += "/" + form.fields[static_cast<std::size_t>(to_up[j])].name;
      return path + down + "/" + form.fields[static_cast<std::size_t>(to)].name;
    }
  }
  return "";
}

std::string convert(const Form& form, const std::string& expr, int from, const char* relative);

bool has_english(const Text& t) { return !t.en.empty(); }

// Writes indented lines.
class Out {
 public:
  void line(const std::string& text) { out_ << std::string(depth_ * 2, ' ') << text << "\n"; }
  void open(const std::string& tag) { line(tag), ++depth_; }
  void close(const std::string& tag) { --depth_, line(tag); }
  std::string str() const { return out_.str(); }

 private:
  std::ostringstream out_;
  int depth_ = 0;
};

std::string attr(const char* name, const std::string& value) { return std::string(" ") + name + "=\"" + markup_escape(value) + "\""; }

std::string itext_ref(const std::string& id) { return "jr:itext('" + id + "')"; }

std::string choice_text_id(const std::string& list, std::size_t i) { return "choices/" + list + "/" + std::to_string(i); }

const char* bind_type(FieldType t) {
  switch (t) {
    case FieldType::integer: return "int";
    case FieldType::decimal: return "decimal";
    case FieldType::date: return "date";
    case FieldType::datetime: return "dateTime";
    case FieldType::time: return "time";
    case FieldType::attachment:
    case FieldType::signature: return "binary";
    case FieldType::group:
    case FieldType::repeat: return nullptr;
    default: return "string";
  }
}

class Writer {
 public:
  explicit Writer(const Form& form) : form_(form) {
    for (const Field& f : form_.fields)
      if (f.choice_filter) filtered_.insert(f.choices);
  }

  std::string run() {
    out_.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out_.open(
        "<h:html xmlns=\"http://www.w3.org/2002/xforms\" xmlns:h=\"http://www.w3.org/1999/xhtml\" "
        "xmlns:ev=\"http://www.w3.org/2001/xml-events\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
        "xmlns:jr=\"http://openrosa.org/javarosa\" xmlns:odk=\"http://www.opendatakit.org/xforms\" "
        "xmlns:orx=\"http://openrosa.org/xforms\">");
    out_.open("<h:head>");
    out_.line("<h:title>" + markup_escape(form_.title.fr) + "</h:title>");
    out_.open("<model odk:xforms-version=\"1.0.0\">");
    itext();
    out_.open("<instance>");
    out_.open("<" + std::string(kRoot) + attr("id", form_.id) + attr("version", std::to_string(form_.version)) + ">");
    for (int i : form_.top) instance(i);
    out_.open("<meta>");
    out_.line("<instanceID/>");
    out_.close("</meta>");
    out_.close("</" + std::string(kRoot) + ">");
    out_.close("</instance>");
    secondary_instances();
    for (std::size_t i = 0; i < form_.fields.size(); ++i) bind(static_cast<int>(i));
    out_.line("<bind nodeset=\"/" + std::string(kRoot) + "/meta/instanceID\" type=\"string\" readonly=\"true()\" jr:preload=\"uid\"/>");
    out_.close("</model>");
    out_.close("</h:head>");
    out_.open("<h:body>");
    for (int i : form_.top) body(i);
    out_.close("</h:body>");
    out_.close("</h:html>");
    return out_.str();
  }

 private:
  // Every text of the form, French first (the default), then English when the form has any.
  void itext() {
    std::vector<std::pair<std::string, const Text*>> texts;
    for (std::size_t i = 0; i < form_.fields.size(); ++i) {
      const Field& f = form_.fields[i];
      const std::string path = path_of(form_, static_cast<int>(i));
      const std::pair<const char*, const Text*> parts[] = {
          {":label", &f.label}, {":hint", &f.hint}, {":jr:constraintMsg", &f.constraint_message}, {":jr:requiredMsg", &f.required_message}};
      for (const auto& [suffix, text] : parts)
        if (!text->fr.empty()) texts.emplace_back(path + suffix, text);
    }
    for (const auto& [list, choices] : form_.choices)
      for (std::size_t i = 0; i < choices.size(); ++i) texts.emplace_back(choice_text_id(list, i) + ":label", &choices[i].label);
    bool english = false;
    for (const auto& t : texts) english = english || has_english(*t.second);
    out_.open("<itext>");
    for (const bool en : {false, true}) {
      if (en && !english) break;
      out_.open(en ? "<translation lang=\"English (en)\">" : "<translation lang=\"French (fr)\" default=\"true()\">");
      for (const auto& [id, text] : texts)
        out_.line("<text" + attr("id", id) + "><value>" + markup_escape(en ? text->in(Lang::en) : text->fr) + "</value></text>");
      out_.close("</translation>");
    }
    out_.close("</itext>");
  }

  void instance(int i) {
    const Field& f = form_.fields[static_cast<std::size_t>(i)];
    if (f.type == FieldType::group || f.type == FieldType::repeat) {
      out_.open("<" + f.name + (f.type == FieldType::repeat ? " jr:template=\"\"" : "") + ">");
      for (int c : f.children) instance(c);
      out_.close("</" + f.name + ">");
    } else if (f.default_value.empty()) {
      out_.line("<" + f.name + "/>");
    } else {
      out_.line("<" + f.name + ">" + markup_escape(f.default_value) + "</" + f.name + ">");
    }
  }

  // A list read through a choice_filter is a secondary instance, so that the filter can select items.
  void secondary_instances() {
    for (const std::string& list : filtered_) {
      auto it = form_.choices.find(list);
      if (it == form_.choices.end()) continue;
      out_.open("<instance" + attr("id", list) + ">");
      out_.open("<root>");
      for (std::size_t i = 0; i < it->second.size(); ++i) {
        const Choice& c = it->second[i];
        std::string item = "<item><itextId>" + markup_escape(choice_text_id(list, i)) + "</itextId><name>" + markup_escape(c.name) + "</name>";
        for (const auto& [key, value] : c.attributes) item += "<" + key + ">" + markup_escape(value) + "</" + key + ">";
        out_.line(item + "</item>");
      }
      out_.close("</root>");
      out_.close("</instance>");
    }
  }

  std::string message_attr(const char* name, const Text& t, const std::string& path, const char* suffix) const {
    return t.fr.empty() ? "" : attr(name, itext_ref(path + suffix));
  }

  void bind(int i) {
    const Field& f = form_.fields[static_cast<std::size_t>(i)];
    const char* type = bind_type(f.type);
    if (!type && !f.relevant) return;  // a group or repeat binds only its relevance
    const std::string path = path_of(form_, i);
    std::string b = "<bind" + attr("nodeset", path);
    if (type) b += attr("type", type);
    if (f.required_if) b += attr("required", xform_expression(form_, f.required_if->text(), i));
    else if (f.required) b += " required=\"true()\"";
    b += message_attr("jr:requiredMsg", f.required_message, path, ":jr:requiredMsg");
    if (f.relevant) b += attr("relevant", xform_expression(form_, f.relevant->text(), i));
    if (f.constraint) b += attr("constraint", xform_expression(form_, f.constraint->text(), i));
    b += message_attr("jr:constraintMsg", f.constraint_message, path, ":jr:constraintMsg");
    if (f.calculation) b += attr("calculate", xform_expression(form_, f.calculation->text(), i));
    if (f.read_only || f.type == FieldType::note) b += " readonly=\"true()\"";
    out_.line(b + "/>");
  }

  std::string label_lines(int i) const {
    const Field& f = form_.fields[static_cast<std::size_t>(i)];
    const std::string path = path_of(form_, i);
    std::string out;
    if (!f.label.fr.empty()) out += "<label ref=\"" + markup_escape(itext_ref(path + ":label")) + "\"/>";
    if (!f.hint.fr.empty()) out += "<hint ref=\"" + markup_escape(itext_ref(path + ":hint")) + "\"/>";
    return out;
  }

  void items(int i) {
    const Field& f = form_.fields[static_cast<std::size_t>(i)];
    if (f.choice_filter) {
      const std::string filter = convert(form_, f.choice_filter->text(), i, "current()/");
      out_.line("<itemset" + attr("nodeset", "instance('" + f.choices + "')/root/item[" + filter + "]") +
                "><value ref=\"name\"/><label ref=\"jr:itext(itextId)\"/></itemset>");
      return;
    }
    auto it = form_.choices.find(f.choices);
    if (it == form_.choices.end()) return;
    for (std::size_t k = 0; k < it->second.size(); ++k)
      out_.line("<item><label ref=\"" + markup_escape(itext_ref(choice_text_id(f.choices, k) + ":label")) + "\"/><value>" +
                markup_escape(it->second[k].name) + "</value></item>");
  }

  void body(int i) {
    const Field& f = form_.fields[static_cast<std::size_t>(i)];
    const std::string path = path_of(form_, i);
    const std::string appearance = f.appearance.empty() ? "" : attr("appearance", f.appearance);
    switch (f.type) {
      case FieldType::calculate: return;
      case FieldType::group:
      case FieldType::repeat: {
        out_.open("<group" + attr("ref", path) + (f.type == FieldType::group ? appearance : "") + ">");
        if (const std::string labels = label_lines(i); !labels.empty()) out_.line(labels);
        if (f.type == FieldType::repeat) out_.open("<repeat" + attr("nodeset", path) + appearance + ">");
        for (int c : f.children) body(c);
        if (f.type == FieldType::repeat) out_.close("</repeat>");
        out_.close("</group>");
        return;
      }
      case FieldType::select_one:
      case FieldType::select_multiple:
      case FieldType::yes_no:
      case FieldType::consent: {
        const std::string tag = f.type == FieldType::select_multiple ? "select" : "select1";
        out_.open("<" + tag + attr("ref", path) + appearance + ">" + label_lines(i));
        items(i);
        out_.close("</" + tag + ">");
        return;
      }
      case FieldType::attachment:
      case FieldType::signature: {
        const std::string look = f.type == FieldType::signature ? attr("appearance", "signature") : appearance;
        out_.line("<upload" + attr("ref", path) + " mediatype=\"image/*\"" + look + ">" + label_lines(i) + "</upload>");
        return;
      }
      default: out_.line("<input" + attr("ref", path) + appearance + ">" + label_lines(i) + "</input>");
    }
  }

  const Form& form_;
  std::set<std::string> filtered_;  // choice lists read through a choice_filter
  Out out_;
};

}  // namespace


namespace {

// xform_expression, with `relative` put before relative paths (current()/ in an itemset predicate,
// whose context is the item).
std::string convert(const Form& form, const std::string& expr, int from, const char* relative) {
  std::string out;
  std::size_t i = 0;
  while (i < expr.size()) {
    const std::size_t start = expr.find("${", i);
    const std::size_t end = start == std::string::npos ? start : expr.find('}', start);
    if (end == std::string::npos) break;
    out.append(expr, i, start - i);
    const std::string name = expr.substr(start + 2, end - start - 2);
    auto it = form.index.find(name);
    if (it == form.index.end()) {
      out.append(expr, start, end + 1 - start);  // parse_form refuses these; kept as written
    } else {
      const std::string rel = relative_path(form, from, it->second);
      out += rel.empty() ? path_of(form, it->second) : relative + rel;
    }
    i = end + 1;
  }
  out.append(expr, i, std::string::npos);
  return out;
}

}  // namespace

std::string xform_expression(const Form& form, const std::string& expr, int from) { return convert(form, expr, from, ""); }

std::string to_xform(const Form& form) { return Writer(form).run(); }

}  // namespace kalan::forms
