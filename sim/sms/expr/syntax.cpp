#include "sms/expr/syntax.h"

#include <algorithm>

#include "sms/expr/unicode.h"
#include "sms/text.h"

namespace kalan::flows::expr {

namespace {

enum class Tok : std::uint8_t {
  comma, lparen, rparen, lbrack, rbrack, dot, arrow, plus, minus, times, divide, caret,
  eq, neq, lte, lt, gte, gt, amp, text, integer, decimal, kw_true, kw_false, kw_null, name, bad, eof
};

struct Token {
  Tok kind = Tok::eof;
  size_t start = 0;
  std::string value;  // text literal (unescaped), number or name
};

// Decodes the code point at s[i], returning its length in bytes (invalid bytes count as one).
char32_t code_point_at(std::string_view s, size_t i, size_t& len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  len = 1;
  if (c < 0x80) return c;
  const size_t n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (n == 1 || i + n > s.size()) return 0xFFFD;
  char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) {
    const unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (cc & 0x3F);
  }
  len = n;
  return cp;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Unescapes the inside of a "..." literal as Go's strconv.Unquote does; false if it can't.
bool unquote(std::string_view in, std::string& out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '\n') return false;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= in.size()) return false;
    const char e = in[i];
    switch (e) {
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '"': out += '"'; break;
      case 'x': {
        if (i + 2 >= in.size()) return false;
        const int h1 = hex_value(in[i + 1]);
        const int h2 = hex_value(in[i + 2]);
        if (h1 < 0 || h2 < 0) return false;
        out += static_cast<char>(h1 * 16 + h2);
        i += 2;
        break;
      }
      case 'u':
      case 'U': {
        const size_t n = e == 'u' ? 4 : 8;
        if (i + n >= in.size()) return false;
        char32_t cp = 0;
        for (size_t k = 1; k <= n; ++k) {
          const int h = hex_value(in[i + k]);
          if (h < 0) return false;
          cp = cp * 16 + static_cast<char32_t>(h);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        text::append_utf8(out, cp);
        i += n;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          if (i + 2 >= in.size()) return false;
          int v = 0;
          for (size_t k = 0; k < 3; ++k) {
            const char o = in[i + k];
            if (o < '0' || o > '7') return false;
            v = v * 8 + (o - '0');
          }
          if (v > 255) return false;
          out += static_cast<char>(v);
          i += 2;
          break;
        }
        return false;
    }
  }
  return true;
}

bool is_name_start(char32_t c) { return c == '_' || (is_alnum(c) && !(c >= '0' && c <= '9')); }

std::vector<Token> lex(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  auto add = [&out](Tok k, size_t start, std::string v = {}) { out.push_back(Token{k, start, std::move(v)}); };
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    const size_t start = i;
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    switch (c) {
      case ',': add(Tok::comma, start); ++i; continue;
      case '(': add(Tok::lparen, start); ++i; continue;
      case ')': add(Tok::rparen, start); ++i; continue;
      case '[': add(Tok::lbrack, start); ++i; continue;
      case ']': add(Tok::rbrack, start); ++i; continue;
      case '.': add(Tok::dot, start); ++i; continue;
      case '+': add(Tok::plus, start); ++i; continue;
      case '-': add(Tok::minus, start); ++i; continue;
      case '*': add(Tok::times, start); ++i; continue;
      case '/': add(Tok::divide, start); ++i; continue;
      case '^': add(Tok::caret, start); ++i; continue;
      case '&': add(Tok::amp, start); ++i; continue;
      case '=':
        if (next == '>') add(Tok::arrow, start), i += 2;
        else add(Tok::eq, start), ++i;
        continue;
      case '!':
        if (next == '=') add(Tok::neq, start), i += 2;
        else add(Tok::bad, start), ++i;
        continue;
      case '<':
        if (next == '=') add(Tok::lte, start), i += 2;
        else add(Tok::lt, start), ++i;
        continue;
      case '>':
        if (next == '=') add(Tok::gte, start), i += 2;
        else add(Tok::gt, start), ++i;
        continue;
      default: break;
    }
    if (c == '"') {
      // Up to the next unescaped quote; a backslash escapes the character after it.
      size_t j = i + 1;
      bool closed = false;
      while (j < s.size()) {
        if (s[j] == '\\') {
          j += 2;
          continue;
        }
        if (s[j] == '"') {
          closed = true;
          break;
        }
        ++j;
      }
      if (!closed) {
        add(Tok::bad, start);
        ++i;
        continue;
      }
      const std::string_view inside = s.substr(i + 1, j - i - 1);
      std::string value;
      if (!unquote(inside, value)) value = std::string(inside);
      add(Tok::text, start, std::move(value));
      i = j + 1;
      continue;
    }
    if (c >= '0' && c <= '9') {
      size_t j = i;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      Tok kind = Tok::integer;
      if (j + 1 < s.size() && s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9') {
        ++j;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        kind = Tok::decimal;
      }
      add(kind, start, std::string(s.substr(i, j - i)));
      i = j;
      continue;
    }
    size_t len;
    const char32_t cp = code_point_at(s, i, len);
    if (is_name_start(cp)) {
      size_t j = i + len;
      while (j < s.size()) {
        size_t l2;
        const char32_t c2 = code_point_at(s, j, l2);
        if (c2 != '_' && !is_alnum(c2)) break;
        j += l2;
      }
      std::string name(s.substr(i, j - i));
      const std::string folded = text::to_lower(name);
      if (folded == "true") add(Tok::kw_true, start, name);
      else if (folded == "false") add(Tok::kw_false, start, name);
      else if (folded == "null") add(Tok::kw_null, start, name);
      else add(Tok::name, start, std::move(name));
      i = j;
      continue;
    }
    add(Tok::bad, start);
    i += len;
  }
  add(Tok::eof, s.size());
  return out;
}

using NodeP = std::shared_ptr<Node>;

// Limits that keep parsing and evaluation well inside the native and WebAssembly stacks.
constexpr int kMaxNesting = 200;  // parentheses, calls and brackets inside each other
constexpr int kMaxHeight = 400;   // levels of the parsed tree ("1+1+1+..." is a deep tree)

class Parser {
 public:
  explicit Parser(std::string_view src) : src_(src), toks_(lex(src)) {}

  Parsed run() {
    Parsed p;
    NodeP root = binary(1);
    if (error_.empty() && peek().kind != Tok::eof) fail();
    if (!error_.empty()) {
      p.error = error_;
      return p;
    }
    p.root = root;
    return p;
  }

 private:
  const Token& peek(size_t ahead = 0) const {
    const size_t k = pos_ + ahead;
    return k < toks_.size() ? toks_[k] : toks_.back();
  }

  NodeP fail() {
    if (!error_.empty()) return nullptr;
    const Token& t = peek();
    if (t.kind == Tok::eof) {
      error_ = "syntax error at end of expression";
    } else {
      std::string context;
      size_t i = t.start, n = 0;
      while (i < src_.size() && n < 10) {
        size_t len;
        code_point_at(src_, i, len);
        context.append(src_.substr(i, len));
        i += len;
        ++n;
      }
      error_ = "syntax error at " + context;
    }
    return nullptr;
  }

  bool deeper() {
    if (++depth_ > kMaxNesting) {
      if (error_.empty()) error_ = "expression is nested too deeply";
      return false;
    }
    return true;
  }

  // Sets the height of a new inner node; too tall a tree is an error.
  NodeP grown(NodeP n) {
    int h = 0;
    for (const auto& k : n->kids) h = std::max(h, k ? k->height : 0);
    n->height = h + 1;
    if (n->height > kMaxHeight) {
      if (error_.empty()) error_ = "expression is nested too deeply";
      return nullptr;
    }
    return n;
  }

  static NodeP make(Node::Kind k) {
    auto n = std::make_shared<Node>();
    n->kind = k;
    return n;
  }

  // Binary operators by level: 1 &, 2 = !=, 3 < <= > >=, 4 + -, 5 * /, 6 ^.
  static char binary_op(Tok t, int level) {
    switch (level) {
      case 1: return t == Tok::amp ? '&' : 0;
      case 2: return t == Tok::eq ? '=' : t == Tok::neq ? '!' : 0;
      case 3: return t == Tok::lt ? '<' : t == Tok::lte ? 'l' : t == Tok::gt ? '>' : t == Tok::gte ? 'g' : 0;
      case 4: return t == Tok::plus ? '+' : t == Tok::minus ? '-' : 0;
      case 5: return t == Tok::times ? '*' : t == Tok::divide ? '/' : 0;
      case 6: return t == Tok::caret ? '^' : 0;
      default: return 0;
    }
  }

  NodeP binary(int level) {
    if (!error_.empty()) return nullptr;
    if (level > 6) return unary();
    if (level == 1 && !deeper()) return nullptr;
    NodeP lhs = binary(level + 1);
    while (lhs && error_.empty()) {
      const char op = binary_op(peek().kind, level);
      if (!op) break;
      ++pos_;
      NodeP rhs = binary(level + 1);
      if (!rhs) {
        lhs = nullptr;
        break;
      }
      NodeP n = make(Node::Kind::binary);
      n->op = op;
      n->kids = {lhs, rhs};
      lhs = grown(n);
    }
    if (level == 1) --depth_;
    return lhs;
  }

  NodeP unary() {
    if (!deeper()) return nullptr;
    NodeP result;
    if (peek().kind == Tok::minus) {
      ++pos_;
      NodeP operand = unary();
      if (operand) {
        result = make(Node::Kind::negate);
        result->kids = {operand};
        result = grown(result);
      }
    } else {
      result = primary();
    }
    --depth_;
    return result;
  }

  bool lambda_ahead() const {
    // ( name [, name]* ) =>
    size_t k = 1;
    if (peek(k).kind != Tok::name) return false;
    ++k;
    while (peek(k).kind == Tok::comma) {
      if (peek(k + 1).kind != Tok::name) return false;
      k += 2;
    }
    return peek(k).kind == Tok::rparen && peek(k + 1).kind == Tok::arrow;
  }

  NodeP primary() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::text: {
        NodeP n = make(Node::Kind::text);
        n->str = t.value;
        ++pos_;
        return n;
      }
      case Tok::integer:
      case Tok::decimal: {
        NodeP n = make(Node::Kind::number);
        const auto d = Decimal::parse(t.value);
        if (!d) {
          if (error_.empty()) error_ = "number is too large: " + t.value.substr(0, 20);
          return nullptr;
        }
        n->num = *d;
        ++pos_;
        return n;
      }
      case Tok::kw_true:
      case Tok::kw_false: {
        NodeP n = make(Node::Kind::boolean);
        n->b = t.kind == Tok::kw_true;
        ++pos_;
        return n;
      }
      case Tok::kw_null: ++pos_; return make(Node::Kind::null);
      case Tok::lparen: {
        if (lambda_ahead()) {
          NodeP n = make(Node::Kind::lambda);
          ++pos_;
          while (peek().kind == Tok::name) {
            n->params.push_back(text::to_lower(peek().value));
            ++pos_;
            if (peek().kind == Tok::comma) ++pos_;
          }
          pos_ += 2;  // ) =>
          NodeP body = binary(1);
          if (!body) return nullptr;
          n->kids = {body};
          return grown(n);
        }
        ++pos_;
        NodeP inner = binary(1);
        if (!inner) return nullptr;
        if (peek().kind != Tok::rparen) return fail();
        ++pos_;
        return postfix(inner);
      }
      case Tok::name: {
        NodeP n = make(Node::Kind::ref);
        n->str = t.value;
        ++pos_;
        return postfix(n);
      }
      default: return fail();
    }
  }

  NodeP postfix(NodeP atom) {
    while (atom && error_.empty()) {
      const Tok k = peek().kind;
      if (k == Tok::lparen) {
        ++pos_;
        NodeP call = make(Node::Kind::call);
        call->kids.push_back(atom);
        if (peek().kind != Tok::rparen) {
          for (;;) {
            NodeP arg = binary(1);
            if (!arg) return nullptr;
            call->kids.push_back(arg);
            if (peek().kind != Tok::comma) break;
            ++pos_;
          }
        }
        if (peek().kind != Tok::rparen) return fail();
        ++pos_;
        atom = grown(call);
      } else if (k == Tok::dot) {
        const Token& name = peek(1);
        // Property names: names and whole numbers (array positions); true/false/null are accepted too.
        if (name.kind != Tok::name && name.kind != Tok::integer && name.kind != Tok::kw_true &&
            name.kind != Tok::kw_false && name.kind != Tok::kw_null) {
          ++pos_;
          return fail_at_previous();
        }
        NodeP n = make(Node::Kind::dot);
        n->str = name.value;
        n->kids = {atom};
        pos_ += 2;
        atom = grown(n);
      } else if (k == Tok::lbrack) {
        ++pos_;
        NodeP key = binary(1);
        if (!key) return nullptr;
        if (peek().kind != Tok::rbrack) return fail();
        ++pos_;
        NodeP n = make(Node::Kind::index);
        n->kids = {atom, key};
        atom = grown(n);
      } else {
        break;
      }
    }
    return atom;
  }

  // Reports the error from the token before the current one (the dot of a bad lookup).
  NodeP fail_at_previous() {
    if (pos_ > 0) --pos_;
    return fail();
  }

  std::string_view src_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;
};

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

const char* op_text(char op) {
  switch (op) {
    case '!': return "!=";
    case 'l': return "<=";
    case 'g': return ">=";
    case '+': return "+";
    case '-': return "-";
    case '*': return "*";
    case '/': return "/";
    case '^': return "^";
    case '&': return "&";
    case '=': return "=";
    case '<': return "<";
    case '>': return ">";
    default: return "?";
  }
}

}  // namespace

Parsed parse_expression(std::string_view src) {
  try {
    return Parser(src).run();
  } catch (...) {
    Parsed p;
    p.error = "syntax error";
    return p;
  }
}

std::string to_source(const Node& n) {
  switch (n.kind) {
    case Node::Kind::text: return quote(n.str);
    case Node::Kind::number: return n.num.to_string();
    case Node::Kind::boolean: return n.b ? "true" : "false";
    case Node::Kind::null: return "null";
    case Node::Kind::ref: return text::to_lower(n.str);
    case Node::Kind::dot: return to_source(*n.kids[0]) + "." + n.str;
    case Node::Kind::index: return to_source(*n.kids[0]) + "[" + to_source(*n.kids[1]) + "]";
    case Node::Kind::call: {
      std::string out = to_source(*n.kids[0]) + "(";
      for (size_t i = 1; i < n.kids.size(); ++i) {
        if (i > 1) out += ", ";
        out += to_source(*n.kids[i]);
      }
      return out + ")";
    }
    case Node::Kind::lambda: {
      std::string out = "(";
      for (size_t i = 0; i < n.params.size(); ++i) {
        if (i > 0) out += ", ";
        out += n.params[i];
      }
      return out + ") => " + to_source(*n.kids[0]);
    }
    case Node::Kind::negate: return "-" + to_source(*n.kids[0]);
    case Node::Kind::binary:
      return to_source(*n.kids[0]) + " " + op_text(n.op) + " " + to_source(*n.kids[1]);
  }
  return "";
}

std::vector<Segment> scan_template(std::string_view s) {
  std::vector<Segment> out;
  std::string text;
  auto flush = [&]() {
    if (text.empty()) return;
    Segment seg;
    seg.kind = Segment::Kind::text;
    seg.text = std::move(text);
    text.clear();
    out.push_back(std::move(seg));
  };
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '@' || i + 1 >= s.size()) {
      text += s[i++];
      continue;
    }
    const char next = s[i + 1];
    if (next == '@') {
      text += '@';
      i += 2;
      continue;
    }
    if (next == '(') {
      // Up to the matching parenthesis, skipping over text literals.
      int depth = 1;
      size_t j = i + 2;
      while (j < s.size() && depth > 0) {
        const char c = s[j];
        if (c == '"') {
          ++j;
          while (j < s.size() && s[j] != '"') j += s[j] == '\\' ? 2 : 1;
          if (j < s.size()) ++j;
          continue;
        }
        if (c == '(') ++depth;
        if (c == ')') --depth;
        ++j;
      }
      if (depth > 0) {  // never closed: the rest is text
        text.append(s.substr(i));
        break;
      }
      flush();
      Segment seg;
      seg.kind = Segment::Kind::expression;
      seg.text = std::string(s.substr(i + 2, j - i - 3));
      seg.source = std::string(s.substr(i, j - i));
      out.push_back(std::move(seg));
      i = j;
      continue;
    }
    size_t len;
    const char32_t cp = code_point_at(s, i + 1, len);
    if (!is_name_char(cp)) {
      text += '@';
      ++i;
      continue;
    }
    // A name, then ".name" parts: a period only continues the reference if a name character follows.
    size_t j = i + 1;
    size_t first_dot = std::string_view::npos;
    while (j < s.size()) {
      size_t l;
      const char32_t c = code_point_at(s, j, l);
      if (c == '.') {
        if (first_dot == std::string_view::npos) first_dot = j;
        if (j + 1 >= s.size()) break;
        size_t l2;
        const char32_t after = code_point_at(s, j + 1, l2);
        if (!is_name_char(after)) break;
        j += 1 + l2;
        continue;
      }
      if (!is_name_char(c)) break;
      j += l;
    }
    flush();
    Segment seg;
    seg.kind = Segment::Kind::reference;
    seg.text = std::string(s.substr(i + 1, j - i - 1));
    seg.source = "@" + seg.text;
    const size_t top_end = first_dot == std::string_view::npos || first_dot > j ? j : first_dot;
    seg.top_level = lower(s.substr(i + 1, top_end - i - 1));
    out.push_back(std::move(seg));
    i = j;
  }
  flush();
  return out;
}

}  // namespace kalan::flows::expr
