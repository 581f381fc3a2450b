#include "core/json_locate.h"

#include <vector>

#include "sms/text.h"

namespace kalan {

namespace {

// Reads JSON text position by position, without building values.
struct Scanner {
  const std::string& t;
  std::size_t i = 0;

  bool at(char c) const { return i < t.size() && t[i] == c; }
  void ws() {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
  }
  unsigned hex4() {
    unsigned v = 0;
    for (int k = 0; k < 4 && i < t.size(); ++k, ++i) {
      const char c = t[i];
      v = v * 16 + static_cast<unsigned>(c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0);
    }
    return v;
  }
  // A string at t[i] == '"': its decoded value; i ends past the closing quote.
  std::string str() {
    std::string out;
    ++i;
    while (i < t.size() && t[i] != '"') {
      if (t[i] != '\\') {
        out += t[i++];
        continue;
      }
      if (++i >= t.size()) break;
      const char e = t[i++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < t.size() && t[i] == '\\' && t[i + 1] == 'u') {
            i += 2;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
          }
          text::append_utf8(out, cp);
          break;
        }
        default: out += e;  // " \ /
      }
    }
    if (i < t.size()) ++i;
    return out;
  }
  // Skips the value at i (whitespace already skipped).
  void skip() {
    if (at('"')) {
      str();
    } else if (at('{') || at('[')) {
      int depth = 0;
      while (i < t.size()) {
        const char c = t[i];
        if (c == '"') {
          str();
          continue;
        }
        ++i;
        if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) return;
      }
    } else {
      while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' &&
             t[i] != '\r' && t[i] != '\t')
        ++i;
    }
  }
  // After a member or an element: past the comma, true if another one follows.
  bool next() {
    ws();
    if (!at(',')) return false;
    ++i;
    return true;
  }
};

std::vector<std::string> tokens_of(const std::string& pointer) {
  std::vector<std::string> out;
  std::size_t p = 0;
  while (p < pointer.size() && pointer[p] == '/') {
    const std::size_t end = pointer.find('/', p + 1);
    std::string raw = pointer.substr(p + 1, end == std::string::npos ? std::string::npos : end - p - 1);
    std::string tok;
    for (std::size_t k = 0; k < raw.size(); ++k)
      if (raw[k] == '~' && k + 1 < raw.size() && (raw[k + 1] == '0' || raw[k + 1] == '1')) tok += raw[++k] == '0' ? '~' : '/';
      else tok += raw[k];
    out.push_back(std::move(tok));
    if (end == std::string::npos) break;
    p = end;
  }
  return out;
}

bool is_index(const std::string& tok, std::size_t& index) {
  if (tok.empty() || tok.size() > 9) return false;
  index = 0;
  for (char c : tok) {
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

// Moves the scanner from a container at s.i to the start of its member or element `tok`.
bool enter(Scanner& s, const std::string& tok) {
  if (s.at('{')) {
    ++s.i;
    for (;;) {
      s.ws();
      if (!s.at('"')) return false;
      const std::string key = s.str();
      s.ws();
      if (s.at(':')) ++s.i;
      s.ws();
      if (key == tok) return true;
      s.skip();
      if (!s.next()) return false;
    }
  }
  std::size_t index = 0;
  if (!s.at('[') || !is_index(tok, index)) return false;
  ++s.i;
  for (std::size_t k = 0;; ++k) {
    s.ws();
    if (s.at(']') || s.i >= s.t.size()) return false;
    if (k == index) return true;
    s.skip();
    if (!s.next()) return false;
  }
}

}  // namespace

JsonLocation locate_json_pointer(const std::string& text, const std::string& pointer, std::size_t max_snippet) {
  JsonLocation loc;
  Scanner s{text};
  s.ws();
  std::size_t start = s.i;
  const std::vector<std::string> tokens = tokens_of(pointer);
  std::size_t depth = 0;
  for (; depth < tokens.size(); ++depth) {
    if (!enter(s, tokens[depth])) break;
    start = s.i;
    std::string escaped;
    for (char c : tokens[depth]) escaped += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    loc.reached += "/" + escaped;
  }
  loc.found = depth == tokens.size();
  loc.offset = start;
  for (std::size_t k = 0; k < start && k < text.size(); ++k) {
    if (text[k] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {
      ++loc.column;
    }
  }
  Scanner v{text, start};
  v.skip();
  std::size_t len = v.i - start;
  if (len > max_snippet) {
    len = max_snippet;
    while (len > 0 && (static_cast<unsigned char>(text[start + len]) & 0xC0) == 0x80) --len;
    loc.snippet = text.substr(start, len) + "…";
  } else {
    loc.snippet = text.substr(start, len);
  }
  return loc;
}

}  // namespace kalan
