#include "sms/router_regex.h"

#include <cstdint>

#include "sms/router_unicode.h"
#include "sms/text.h"

namespace kalan::flows::detail {

namespace {

constexpr int kMaxRepeat = 1000;         // RE2's limit for {n,m}
constexpr size_t kMaxInstructions = 20000;
constexpr long kStepBudget = 4000000;    // thread steps per search
constexpr size_t kMaxPatternBytes = 4000;
constexpr int kMaxDepth = 64;            // nesting of groups (keeps recursion shallow in wasm)

// Named character predicates: Perl classes (ASCII, as in RE2), Unicode categories and scripts
// (approximated by router_unicode), POSIX classes.
enum class Pred {
  Digit, Word, Space, Letter, Upper, Lower, Mark, Number, DecimalDigit, Punct, Symbol, Separator,
  Control, AnyChar, Latin, Greek, Cyrillic, Arabic, Han, Nko,
  PAlnum, PAlpha, PAscii, PBlank, PCntrl, PGraph, PPrint, PPunct, PSpace, PUpper, PLower, PXdigit
};

char32_t upper_case(char32_t c) {
  if (c < 0x180) return text::upper(c);
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 0x20;
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 0x20;
  return c;
}

bool pred_holds(Pred p, char32_t c) {
  const CharKind k = char_kind(c);
  switch (p) {
    case Pred::Digit: return c >= '0' && c <= '9';
    case Pred::Word: return is_ascii_word(c);
    case Pred::Space: return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    case Pred::Letter: return k == CharKind::Letter;
    case Pred::Upper: return k == CharKind::Letter && fold_case(c) != c;
    case Pred::Lower: return k == CharKind::Letter && upper_case(c) != c;
    case Pred::Mark: return k == CharKind::Mark;
    case Pred::Number: return k == CharKind::Number;
    case Pred::DecimalDigit:
      return parseable_digit(c) >= 0 || (c >= 0x7C0 && c <= 0x7C9) || (c >= 0x966 && c <= 0x96F) ||
             (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xE50 && c <= 0xE59) || (c >= 0x1040 && c <= 0x1049);
    case Pred::Punct:
      return k == CharKind::Separator && !text::is_space(c) && c >= 0x21 && !(c >= 0x7F && c <= 0x9F);
    case Pred::Symbol: return k == CharKind::Symbol;
    case Pred::Separator: return text::is_space(c) && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' && c != 0x85;
    case Pred::Control: return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    case Pred::AnyChar: return true;
    case Pred::Latin:
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 0xAA || c == 0xBA ||
             (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF) ||
             (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
    case Pred::Greek: return (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) || (c >= 0x1F00 && c <= 0x1FFF);
    case Pred::Cyrillic: return c >= 0x400 && c <= 0x52F;
    case Pred::Arabic: return (c >= 0x600 && c <= 0x6FF && c != 0x60C && c != 0x61B && c != 0x61F && c != 0x640) ||
                              (c >= 0x750 && c <= 0x77F);
    case Pred::Han: return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FA1F);
    case Pred::Nko: return c >= 0x7C0 && c <= 0x7FF;
    case Pred::PAlnum: return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    case Pred::PAlpha: return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    case Pred::PAscii: return c < 0x80;
    case Pred::PBlank: return c == ' ' || c == '\t';
    case Pred::PCntrl: return c < 0x20 || c == 0x7F;
    case Pred::PGraph: return c > 0x20 && c < 0x7F;
    case Pred::PPrint: return c >= 0x20 && c < 0x7F;
    case Pred::PPunct: return c > 0x20 && c < 0x7F && (!is_ascii_word(c) || c == '_');
    case Pred::PSpace: return c == ' ' || (c >= '\t' && c <= '\r');
    case Pred::PUpper: return c >= 'A' && c <= 'Z';
    case Pred::PLower: return c >= 'a' && c <= 'z';
    case Pred::PXdigit: return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
  return false;
}

struct CharClass {
  std::vector<std::pair<char32_t, char32_t>> ranges;
  std::vector<std::pair<Pred, bool>> preds;  // (predicate, negated)
  bool negated = false;
  bool fold = false;

  bool raw_contains(char32_t c) const {
    for (const auto& r : ranges)
      if (c >= r.first && c <= r.second) return true;
    for (const auto& p : preds)
      if (pred_holds(p.first, c) != p.second) return true;
    return false;
  }
  bool contains(char32_t c) const {
    bool in = raw_contains(c);
    if (!in && fold) in = raw_contains(fold_case(c)) || raw_contains(upper_case(c));
    return in != negated;
  }
};

// ---- Syntax tree ---------------------------------------------------------------------------

enum class NodeKind { Empty, Literal, Class, Any, Assert, Group, Concat, Alternate, Repeat };
enum class AssertKind { BeginLine, EndLine, BeginText, EndText, WordBoundary, NotWordBoundary };

struct Node {
  NodeKind kind = NodeKind::Empty;
  char32_t lit = 0;
  bool fold = false;
  bool dotall = false;
  int cls = -1;
  AssertKind assertion = AssertKind::BeginText;
  int capture = -1;  // group index, -1 for a non-capturing group
  int min = 0, max = 0;
  bool greedy = true;
  std::vector<std::unique_ptr<Node>> kids;
};
using NodePtr = std::unique_ptr<Node>;

NodePtr make(NodeKind k) {
  auto n = std::make_unique<Node>();
  n->kind = k;
  return n;
}

struct Flags {
  bool i = false, m = false, s = false, U = false;
};

class Parser {
 public:
  Parser(std::string_view pattern, std::vector<CharClass>& classes) : classes_(classes) {
    for (const auto& cp : decode_with_offsets(pattern)) cps_.push_back(cp.c);
  }
  NodePtr parse(Flags flags, std::string& error) {
    NodePtr n = alternation(flags, 0);
    if (!error_.empty()) {
      error = error_;
      return nullptr;
    }
    if (pos_ < cps_.size()) {
      error = "unexpected )";
      return nullptr;
    }
    return n;
  }
  int groups() const { return next_group_; }

 private:
  std::vector<char32_t> cps_;
  size_t pos_ = 0;
  int next_group_ = 1;
  std::string error_;
  std::vector<CharClass>& classes_;

  bool more() const { return pos_ < cps_.size() && error_.empty(); }
  char32_t peek(size_t ahead = 0) const { return pos_ + ahead < cps_.size() ? cps_[pos_ + ahead] : 0; }
  bool at_end(size_t ahead = 0) const { return pos_ + ahead >= cps_.size(); }
  NodePtr fail(const std::string& why) {
    if (error_.empty()) error_ = why;
    return make(NodeKind::Empty);
  }

  NodePtr alternation(Flags& flags, int depth) {
    if (depth > kMaxDepth) return fail("expression nests too deeply");
    std::vector<NodePtr> branches;
    branches.push_back(concat(flags, depth));
    while (more() && peek() == '|') {
      ++pos_;
      branches.push_back(concat(flags, depth));
    }
    if (branches.size() == 1) return std::move(branches[0]);
    auto n = make(NodeKind::Alternate);
    n->kids = std::move(branches);
    return n;
  }

  NodePtr concat(Flags& flags, int depth) {
    auto n = make(NodeKind::Concat);
    while (more() && peek() != '|' && peek() != ')') {
      const char32_t c = peek();
      if (c == '*' || c == '+' || c == '?') return fail("missing argument to repetition operator");
      NodePtr atom_node = atom(flags, depth);
      if (!error_.empty()) return n;
      if (!atom_node) continue;  // a flag group like (?i) adds nothing
      atom_node = quantified(std::move(atom_node), flags);
      n->kids.push_back(std::move(atom_node));
    }
    return n;
  }

  // Parses {n}, {n,} or {n,m} at pos_; false (and pos_ unchanged) when it is a literal '{'.
  bool repeat_bounds(int& lo, int& hi) {
    size_t p = pos_ + 1;
    auto number = [&](int& out) {
      const size_t start = p;
      long v = 0;
      while (p < cps_.size() && cps_[p] >= '0' && cps_[p] <= '9') {
        if (v < 100000) v = v * 10 + static_cast<long>(cps_[p] - '0');
        ++p;
      }
      out = static_cast<int>(v);
      return p > start;
    };
    if (!number(lo)) return false;
    if (p < cps_.size() && cps_[p] == '}') {
      hi = lo;
    } else if (p < cps_.size() && cps_[p] == ',') {
      ++p;
      if (p < cps_.size() && cps_[p] == '}') {
        hi = -1;
      } else if (!number(hi) || p >= cps_.size() || cps_[p] != '}') {
        return false;
      }
    } else {
      return false;
    }
    pos_ = p + 1;
    return true;
  }

  NodePtr quantified(NodePtr atom_node, const Flags& flags) {
    bool quantified_once = false;
    while (more()) {
      const char32_t c = peek();
      int lo = 0, hi = 0;
      if (c == '*') {
        lo = 0, hi = -1, ++pos_;
      } else if (c == '+') {
        lo = 1, hi = -1, ++pos_;
      } else if (c == '?') {
        lo = 0, hi = 1, ++pos_;
      } else if (c == '{') {
        const size_t save = pos_;
        if (!repeat_bounds(lo, hi)) break;
        if (lo > kMaxRepeat || hi > kMaxRepeat || (hi >= 0 && hi < lo)) {
          pos_ = save;
          fail("invalid repeat count");
          return atom_node;
        }
      } else {
        break;
      }
      if (quantified_once) {
        fail("invalid nested repetition operator");
        return atom_node;
      }
      quantified_once = true;
      bool greedy = true;
      if (more() && peek() == '?') {
        greedy = false;
        ++pos_;
      }
      if (flags.U) greedy = !greedy;
      auto r = make(NodeKind::Repeat);
      r->min = lo;
      r->max = hi;
      r->greedy = greedy;
      r->kids.push_back(std::move(atom_node));
      atom_node = std::move(r);
    }
    return atom_node;
  }

  NodePtr literal(char32_t c, const Flags& flags) {
    auto n = make(NodeKind::Literal);
    n->lit = c;
    n->fold = flags.i;
    return n;
  }

  NodePtr class_node(CharClass cc, const Flags& flags) {
    cc.fold = flags.i;
    classes_.push_back(std::move(cc));
    auto n = make(NodeKind::Class);
    n->cls = static_cast<int>(classes_.size() - 1);
    return n;
  }

  NodePtr assertion(AssertKind k) {
    auto n = make(NodeKind::Assert);
    n->assertion = k;
    return n;
  }

  // Parses flags after "(?"; returns false on a syntax error. Sets `scoped` for "(?flags:".
  bool parse_flags(Flags& flags, bool& scoped) {
    bool negate = false, any = false;
    while (more()) {
      const char32_t c = peek();
      ++pos_;
      if (c == ':' || c == ')') {
        if (negate && !any) return false;
        scoped = c == ':';
        return true;
      }
      if (c == '-') {
        if (negate) return false;
        negate = true;
        any = false;
        continue;
      }
      bool* f = c == 'i' ? &flags.i : c == 'm' ? &flags.m : c == 's' ? &flags.s : c == 'U' ? &flags.U : nullptr;
      if (!f) return false;
      *f = !negate;
      any = true;
    }
    return false;
  }

  NodePtr group(Flags& flags, int depth) {
    ++pos_;  // '('
    int capture = -1;
    Flags inner = flags;
    if (peek() == '?') {
      if (peek(1) == 'P' && peek(2) == '<') {
        pos_ += 3;
      } else if (peek(1) == '<' && peek(2) != '=' && peek(2) != '!') {
        pos_ += 2;
      } else {
        ++pos_;
        bool scoped = false;
        Flags parsed = flags;
        if (!parse_flags(parsed, scoped)) return fail("invalid or unsupported Perl syntax");
        if (!scoped) {
          flags = parsed;  // (?i) applies to the rest of the enclosing group
          return nullptr;
        }
        inner = parsed;
        auto n = make(NodeKind::Group);
        n->kids.push_back(alternation(inner, depth + 1));
        if (!more() || peek() != ')') return fail("missing closing )");
        ++pos_;
        return n;
      }
      // named group: the name is letters, digits and '_'
      const size_t start = pos_;
      while (more() && is_ascii_word(peek())) ++pos_;
      if (pos_ == start || !more() || peek() != '>') return fail("invalid named capture");
      ++pos_;
    }
    capture = next_group_++;
    auto n = make(NodeKind::Group);
    n->capture = capture;
    n->kids.push_back(alternation(inner, depth + 1));
    if (!more() || peek() != ')') return fail("missing closing )");
    ++pos_;
    return n;
  }

  static bool hex_value(char32_t c, int& v) {
    if (c >= '0' && c <= '9') v = static_cast<int>(c - '0');
    else if (c >= 'a' && c <= 'f') v = static_cast<int>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v = static_cast<int>(c - 'A' + 10);
    else return false;
    return true;
  }

  // Unicode class name after \p or \P: one letter, or {Name} (with optional ^ for negation).
  bool unicode_class(Pred& p, bool& negated) {
    std::string name;
    if (peek() == '{') {
      ++pos_;
      if (peek() == '^') {
        negated = !negated;
        ++pos_;
      }
      while (more() && peek() != '}') {
        if (peek() >= 0x80) return false;
        name += static_cast<char>(peek());
        ++pos_;
      }
      if (!more()) return false;
      ++pos_;
    } else if (more()) {
      if (peek() >= 0x80) return false;
      name = std::string(1, static_cast<char>(peek()));
      ++pos_;
    }
    static const std::pair<const char*, Pred> names[] = {
        {"L", Pred::Letter}, {"Lu", Pred::Upper}, {"Ll", Pred::Lower}, {"Lt", Pred::Upper},
        {"Lm", Pred::Letter}, {"Lo", Pred::Letter}, {"M", Pred::Mark}, {"Mn", Pred::Mark},
        {"Mc", Pred::Mark}, {"Me", Pred::Mark}, {"N", Pred::Number}, {"Nd", Pred::DecimalDigit},
        {"Nl", Pred::Number}, {"No", Pred::Number}, {"P", Pred::Punct}, {"Pc", Pred::Punct},
        {"Pd", Pred::Punct}, {"Ps", Pred::Punct}, {"Pe", Pred::Punct}, {"Pi", Pred::Punct},
        {"Pf", Pred::Punct}, {"Po", Pred::Punct}, {"S", Pred::Symbol}, {"Sc", Pred::Symbol},
        {"Sm", Pred::Symbol}, {"Sk", Pred::Symbol}, {"So", Pred::Symbol}, {"Z", Pred::Separator},
        {"Zs", Pred::Separator}, {"C", Pred::Control}, {"Cc", Pred::Control}, {"Any", Pred::AnyChar},
        {"Latin", Pred::Latin}, {"Greek", Pred::Greek}, {"Cyrillic", Pred::Cyrillic},
        {"Arabic", Pred::Arabic}, {"Han", Pred::Han}, {"Nko", Pred::Nko}};
    for (const auto& [n, pr] : names)
      if (name == n) {
        p = pr;
        return true;
      }
    return false;
  }

  // After a backslash: a Perl or Unicode class (adds to cc, returns 1), a literal code point
  // (sets lit, returns 2), an assertion outside classes (sets ak, returns 3), \Q (returns 4), or 0
  // on error.
  int escape(CharClass& cc, char32_t& lit, AssertKind& ak, bool in_class) {
    if (!more()) return 0;
    const char32_t c = peek();
    ++pos_;
    switch (c) {
      case 'd': cc.preds.push_back({Pred::Digit, false}); return 1;
      case 'D': cc.preds.push_back({Pred::Digit, true}); return 1;
      case 'w': cc.preds.push_back({Pred::Word, false}); return 1;
      case 'W': cc.preds.push_back({Pred::Word, true}); return 1;
      case 's': cc.preds.push_back({Pred::Space, false}); return 1;
      case 'S': cc.preds.push_back({Pred::Space, true}); return 1;
      case 'p':
      case 'P': {
        Pred p = Pred::Letter;
        bool negated = c == 'P';
        if (!unicode_class(p, negated)) return 0;
        cc.preds.push_back({p, negated});
        return 1;
      }
      case 'a': lit = 7; return 2;
      case 'f': lit = '\f'; return 2;
      case 't': lit = '\t'; return 2;
      case 'n': lit = '\n'; return 2;
      case 'r': lit = '\r'; return 2;
      case 'v': lit = '\v'; return 2;
      case 'x': {
        int v = 0;
        long value = 0;
        if (peek() == '{') {
          ++pos_;
          int digits = 0;
          while (more() && peek() != '}') {
            if (!hex_value(peek(), v) || ++digits > 8) return 0;
            value = value * 16 + v;
            ++pos_;
          }
          if (!more() || digits == 0 || value > 0x10FFFF) return 0;
          ++pos_;
        } else {
          for (int k = 0; k < 2; ++k) {
            if (!more() || !hex_value(peek(), v)) return 0;
            value = value * 16 + v;
            ++pos_;
          }
        }
        lit = static_cast<char32_t>(value);
        return 2;
      }
      case 'b': if (in_class) return 0; ak = AssertKind::WordBoundary; return 3;
      case 'B': if (in_class) return 0; ak = AssertKind::NotWordBoundary; return 3;
      case 'A': if (in_class) return 0; ak = AssertKind::BeginText; return 3;
      case 'z': if (in_class) return 0; ak = AssertKind::EndText; return 3;
      case 'Q': if (in_class) return 0; return 4;
      default: break;
    }
    // Any other escaped ASCII punctuation stands for itself; letters and digits are errors (no
    // back-references in RE2).
    if (c < 0x80 && !is_ascii_word(c) && c > 0x20) {
      lit = c;
      return 2;
    }
    return 0;
  }

  NodePtr char_class(const Flags& flags) {
    ++pos_;  // '['
    CharClass cc;
    if (peek() == '^') {
      cc.negated = true;
      ++pos_;
    }
    bool first = true;
    while (true) {
      if (!more()) return fail("missing closing ]");
      char32_t c = peek();
      if (c == ']' && !first) {
        ++pos_;
        break;
      }
      first = false;
      // POSIX class [:name:] or [:^name:]
      if (c == '[' && peek(1) == ':') {
        size_t p = pos_ + 2;
        bool negated = false;
        if (p < cps_.size() && cps_[p] == '^') {
          negated = true;
          ++p;
        }
        std::string name;
        while (p < cps_.size() && cps_[p] >= 'a' && cps_[p] <= 'z') name += static_cast<char>(cps_[p++]);
        if (p + 1 < cps_.size() && cps_[p] == ':' && cps_[p + 1] == ']') {
          static const std::pair<const char*, Pred> posix[] = {
              {"alnum", Pred::PAlnum}, {"alpha", Pred::PAlpha}, {"ascii", Pred::PAscii},
              {"blank", Pred::PBlank}, {"cntrl", Pred::PCntrl}, {"digit", Pred::Digit},
              {"graph", Pred::PGraph}, {"lower", Pred::PLower}, {"print", Pred::PPrint},
              {"punct", Pred::PPunct}, {"space", Pred::PSpace}, {"upper", Pred::PUpper},
              {"word", Pred::Word}, {"xdigit", Pred::PXdigit}};
          bool found = false;
          for (const auto& [n, pr] : posix)
            if (name == n) {
              cc.preds.push_back({pr, negated});
              found = true;
            }
          if (!found) return fail("invalid character class range");
          pos_ = p + 2;
          continue;
        }
      }
      char32_t lo = 0;
      if (c == '\\') {
        ++pos_;
        AssertKind ak;
        const int e = escape(cc, lo, ak, true);
        if (e == 0) return fail("invalid escape sequence");
        if (e == 1) continue;
      } else {
        lo = c;
        ++pos_;
      }
      char32_t hi = lo;
      if (peek() == '-' && !at_end(1) && peek(1) != ']') {
        ++pos_;
        char32_t h = peek();
        if (h == '\\') {
          ++pos_;
          AssertKind ak;
          CharClass scratch;
          if (escape(scratch, h, ak, true) != 2) return fail("invalid character class range");
        } else {
          ++pos_;
        }
        hi = h;
        if (hi < lo) return fail("invalid character class range");
      }
      cc.ranges.push_back({lo, hi});
    }
    return class_node(std::move(cc), flags);
  }

  NodePtr atom(Flags& flags, int depth) {
    const char32_t c = peek();
    switch (c) {
      case '(': return group(flags, depth);
      case '[': return char_class(flags);
      case '.': {
        ++pos_;
        auto n = make(NodeKind::Any);
        n->dotall = flags.s;
        return n;
      }
      case '^': ++pos_; return assertion(flags.m ? AssertKind::BeginLine : AssertKind::BeginText);
      case '$': ++pos_; return assertion(flags.m ? AssertKind::EndLine : AssertKind::EndText);
      case '\\': {
        ++pos_;
        CharClass cc;
        char32_t lit = 0;
        AssertKind ak = AssertKind::BeginText;
        const int e = escape(cc, lit, ak, false);
        if (e == 0) return fail("invalid escape sequence");
        if (e == 1) return class_node(std::move(cc), flags);
        if (e == 2) return literal(lit, flags);
        if (e == 3) return assertion(ak);
        // \Q...\E: literal text
        auto n = make(NodeKind::Concat);
        while (more() && !(peek() == '\\' && peek(1) == 'E')) {
          n->kids.push_back(literal(peek(), flags));
          ++pos_;
        }
        if (more()) pos_ += 2;
        return n;
      }
      default:
        ++pos_;
        return literal(c, flags);
    }
  }
};

// ---- Program ---------------------------------------------------------------------------------

enum class Op : std::uint8_t { Char, Class, Any, AnyNotNL, Split, Jmp, Save, Assert, Match };

struct Inst {
  Op op = Op::Match;
  bool fold = false;
  char32_t c = 0;
  int x = 0, y = 0;  // Split: x preferred; Jmp: x; Save: slot in x; Class: class in x
  AssertKind assertion = AssertKind::BeginText;
};

}  // namespace

struct RegexProgram {
  std::vector<Inst> insts;
  std::vector<CharClass> classes;
  int ngroups = 1;
};

namespace {

class Compiler {
 public:
  explicit Compiler(RegexProgram& p) : p_(p) {}
  bool emit(const Node& n) {
    if (p_.insts.size() > kMaxInstructions) return false;
    switch (n.kind) {
      case NodeKind::Empty: return true;
      case NodeKind::Literal: {
        Inst i;
        i.op = Op::Char;
        i.c = n.fold ? fold_case(n.lit) : n.lit;
        i.fold = n.fold;
        p_.insts.push_back(i);
        return true;
      }
      case NodeKind::Class: {
        Inst i;
        i.op = Op::Class;
        i.x = n.cls;
        p_.insts.push_back(i);
        return true;
      }
      case NodeKind::Any: {
        Inst i;
        i.op = n.dotall ? Op::Any : Op::AnyNotNL;
        p_.insts.push_back(i);
        return true;
      }
      case NodeKind::Assert: {
        Inst i;
        i.op = Op::Assert;
        i.assertion = n.assertion;
        p_.insts.push_back(i);
        return true;
      }
      case NodeKind::Group: {
        if (n.capture >= 0) save(2 * n.capture);
        if (!emit(*n.kids[0])) return false;
        if (n.capture >= 0) save(2 * n.capture + 1);
        return true;
      }
      case NodeKind::Concat:
        for (const auto& k : n.kids)
          if (!emit(*k)) return false;
        return true;
      case NodeKind::Alternate: {
        std::vector<size_t> jumps;
        for (size_t k = 0; k < n.kids.size(); ++k) {
          if (k + 1 < n.kids.size()) {
            const size_t split = add(Op::Split);
            p_.insts[split].x = static_cast<int>(p_.insts.size());
            if (!emit(*n.kids[k])) return false;
            jumps.push_back(add(Op::Jmp));
            p_.insts[split].y = static_cast<int>(p_.insts.size());
          } else if (!emit(*n.kids[k])) {
            return false;
          }
        }
        for (size_t j : jumps) p_.insts[j].x = static_cast<int>(p_.insts.size());
        return true;
      }
      case NodeKind::Repeat: {
        const Node& body = *n.kids[0];
        for (int k = 0; k < n.min; ++k)
          if (!emit(body) || p_.insts.size() > kMaxInstructions) return false;
        if (n.max < 0) {
          // loop: L: split(body, out); body; jmp L
          const size_t split = add(Op::Split);
          const size_t body_start = p_.insts.size();
          if (!emit(body)) return false;
          const size_t jmp = add(Op::Jmp);
          p_.insts[jmp].x = static_cast<int>(split);
          prefer(split, body_start, p_.insts.size(), n.greedy);
          return true;
        }
        // (max - min) nested optional copies: (body (body ...)?)?
        std::vector<size_t> splits;
        for (int k = n.min; k < n.max; ++k) {
          const size_t split = add(Op::Split);
          splits.push_back(split);
          p_.insts[split].x = static_cast<int>(p_.insts.size());
          if (!emit(body) || p_.insts.size() > kMaxInstructions) return false;
        }
        for (size_t s : splits) prefer(s, s + 1, p_.insts.size(), n.greedy);
        return true;
      }
    }
    return false;
  }

 private:
  RegexProgram& p_;
  size_t add(Op op) {
    Inst i;
    i.op = op;
    p_.insts.push_back(i);
    return p_.insts.size() - 1;
  }
  void save(int slot) {
    const size_t i = add(Op::Save);
    p_.insts[i].x = slot;
  }
  void prefer(size_t split, size_t body, size_t out, bool greedy) {
    p_.insts[split].x = static_cast<int>(greedy ? body : out);
    p_.insts[split].y = static_cast<int>(greedy ? out : body);
  }
};

}  // namespace

std::optional<Regex> Regex::compile(std::string_view pattern, bool case_insensitive, bool multiline,
                                    std::string& error) {
  if (pattern.size() > kMaxPatternBytes) {
    error = "expression too large";
    return std::nullopt;
  }
  auto prog = std::make_shared<RegexProgram>();
  Parser parser(pattern, prog->classes);
  Flags flags;
  flags.i = case_insensitive;
  flags.m = multiline;
  NodePtr root = parser.parse(flags, error);
  if (!root) return std::nullopt;
  prog->ngroups = parser.groups();
  Compiler compiler(*prog);
  Inst save0;
  save0.op = Op::Save;
  save0.x = 0;
  prog->insts.push_back(save0);
  if (!compiler.emit(*root) || prog->insts.size() > kMaxInstructions) {
    error = "expression too large";
    return std::nullopt;
  }
  Inst save1;
  save1.op = Op::Save;
  save1.x = 1;
  prog->insts.push_back(save1);
  Inst match;
  match.op = Op::Match;
  prog->insts.push_back(match);
  Regex r;
  r.prog_ = std::move(prog);
  return r;
}

int Regex::group_count() const { return prog_ ? prog_->ngroups : 0; }

namespace {

// Whether an assertion holds between code points prev and next, at position i of n.
bool assertion_holds(AssertKind kind, char32_t prev, char32_t next, size_t i, size_t n) {
  switch (kind) {
    case AssertKind::BeginLine: return i == 0 || prev == '\n';
    case AssertKind::EndLine: return i == n || next == '\n';
    case AssertKind::BeginText: return i == 0;
    case AssertKind::EndText: return i == n;
    case AssertKind::WordBoundary:
    case AssertKind::NotWordBoundary: {
      const bool a = i > 0 && is_ascii_word(prev);
      const bool b = i < n && is_ascii_word(next);
      return (a != b) == (kind == AssertKind::WordBoundary);
    }
  }
  return false;
}

// Whether a character-reading instruction accepts code point c.
bool reads(const RegexProgram& prog, const Inst& in, char32_t c) {
  switch (in.op) {
    case Op::Char: return in.fold ? fold_case(c) == in.c : c == in.c;
    case Op::Class: return prog.classes[static_cast<size_t>(in.x)].contains(c);
    case Op::Any: return true;
    case Op::AnyNotNL: return c != '\n';
    default: return false;
  }
}

struct Thread {
  int pc;
  std::vector<long> caps;
};

struct SearchLists {
  std::vector<Thread> clist, nlist, stack;
  std::vector<size_t> mark;
};

}  // namespace

Regex::Find Regex::find(std::string_view text, std::vector<std::pair<long, long>>& groups) const {
  groups.clear();
  return search(text, groups);
}

// Whether the pattern matches somewhere. Which thread wins and where groups fall do not matter then,
// so a thread is only its program counter: the lists hold no captures and the search stops at the
// first match. The step budget applies as in search.
Regex::Find Regex::test(std::string_view text) const {
  if (!prog_) return Find::NoMatch;
  const RegexProgram& prog = *prog_;
  thread_local std::vector<CodePoint> cps;
  thread_local std::vector<int> clist, nlist, stack;
  thread_local std::vector<size_t> mark;  // generation in which each pc was added
  decode_with_offsets(text, cps);
  const size_t n = cps.size();
  clist.clear();
  mark.assign(prog.insts.size(), SIZE_MAX);
  size_t generation = 0;
  long budget = kStepBudget;

  // Follows empty transitions from pc at position i, appending the threads that read a character to
  // `list`. Returns 1 when a Match is reached, -1 when over budget, else 0.
  auto add_thread = [&](std::vector<int>& list, int start_pc, size_t i) -> int {
    stack.clear();
    stack.push_back(start_pc);
    while (!stack.empty()) {
      const auto pc = static_cast<size_t>(stack.back());
      stack.pop_back();
      if (mark[pc] == generation) continue;
      mark[pc] = generation;
      if (--budget < 0) return -1;
      const Inst& in = prog.insts[pc];
      switch (in.op) {
        case Op::Match: return 1;
        case Op::Jmp: stack.push_back(in.x); break;
        case Op::Split:
          stack.push_back(in.y);
          stack.push_back(in.x);
          break;
        case Op::Save: stack.push_back(static_cast<int>(pc) + 1); break;
        case Op::Assert:
          if (assertion_holds(in.assertion, i > 0 ? cps[i - 1].c : 0, i < n ? cps[i].c : 0, i, n))
            stack.push_back(static_cast<int>(pc) + 1);
          break;
        default: list.push_back(static_cast<int>(pc)); break;
      }
    }
    return 0;
  };
  auto outcome = [](int r) { return r > 0 ? Find::Match : Find::TooComplex; };

  ++generation;
  for (size_t i = 0;; ++i) {
    if (int r = add_thread(clist, 0, i)) return outcome(r);  // a match may start here
    if (clist.empty() && i >= n) break;
    ++generation;
    nlist.clear();
    const char32_t c = i < n ? cps[i].c : 0;
    for (int pc : clist)
      if (i < n && reads(prog, prog.insts[static_cast<size_t>(pc)], c))
        if (int r = add_thread(nlist, pc + 1, i + 1)) return outcome(r);
    std::swap(clist, nlist);
    if (i >= n) break;
  }
  return Find::NoMatch;
}

// The leftmost-first search with captures (Pike VM): each thread carries its group offsets.
Regex::Find Regex::search(std::string_view text, std::vector<std::pair<long, long>>& groups) const {
  if (!prog_) return Find::NoMatch;
  const RegexProgram& prog = *prog_;
  const auto cps = decode_with_offsets(text);
  const size_t n = cps.size();
  const size_t ninst = prog.insts.size();
  const size_t nslots = static_cast<size_t>(2 * prog.ngroups);
  auto offset = [&](size_t i) { return static_cast<long>(i < n ? cps[i].at : text.size()); };

  long budget = kStepBudget;
  bool over_budget = false;
  // The lists are reused from search to search (a search never runs inside another): no allocation
  // once they have grown.
  thread_local SearchLists lists;
  std::vector<Thread>& clist = lists.clist;
  std::vector<Thread>& nlist = lists.nlist;
  std::vector<Thread>& stack = lists.stack;
  std::vector<size_t>& mark = lists.mark;  // generation in which each pc was added
  clist.clear();
  mark.assign(ninst, SIZE_MAX);
  size_t generation = 0;

  // Follows empty transitions from pc in priority order, appending runnable threads to `list`.
  auto add_thread = [&](std::vector<Thread>& list, int start_pc, std::vector<long> caps, size_t i) {
    stack.clear();
    stack.push_back({start_pc, std::move(caps)});
    while (!stack.empty()) {
      Thread t = std::move(stack.back());
      stack.pop_back();
      const size_t pc = static_cast<size_t>(t.pc);
      if (mark[pc] == generation) continue;
      mark[pc] = generation;
      if (--budget < 0) {
        over_budget = true;
        return;
      }
      const Inst& in = prog.insts[pc];
      switch (in.op) {
        case Op::Jmp:
          stack.push_back({in.x, std::move(t.caps)});
          break;
        case Op::Split:
          stack.push_back({in.y, t.caps});
          stack.push_back({in.x, std::move(t.caps)});
          break;
        case Op::Save:
          if (static_cast<size_t>(in.x) < t.caps.size()) t.caps[static_cast<size_t>(in.x)] = offset(i);
          stack.push_back({t.pc + 1, std::move(t.caps)});
          break;
        case Op::Assert:
          if (assertion_holds(in.assertion, i > 0 ? cps[i - 1].c : 0, i < n ? cps[i].c : 0, i, n))
            stack.push_back({t.pc + 1, std::move(t.caps)});
          break;
        default:
          list.push_back(std::move(t));
          break;
      }
    }
  };

  std::vector<long> matched;
  bool found = false;
  ++generation;  // the list for position 0
  for (size_t i = 0;; ++i) {
    // A match starting here has lower priority than every thread that started earlier.
    if (!found) add_thread(clist, 0, std::vector<long>(nslots, -1), i);
    if (over_budget) return Find::TooComplex;
    if (clist.empty() && (found || i >= n)) break;
    ++generation;  // the list for position i + 1
    nlist.clear();
    const char32_t c = i < n ? cps[i].c : 0;
    for (size_t t = 0; t < clist.size(); ++t) {
      const Inst& in = prog.insts[static_cast<size_t>(clist[t].pc)];
      if (in.op == Op::Match) {
        matched = clist[t].caps;
        found = true;
        t = clist.size();  // lower-priority threads lose to this match
        continue;
      }
      if (i < n && reads(prog, in, c)) add_thread(nlist, clist[t].pc + 1, std::move(clist[t].caps), i + 1);
      if (over_budget) return Find::TooComplex;
    }
    std::swap(clist, nlist);
    if (i >= n) break;
  }
  if (!found) return Find::NoMatch;
  groups.resize(static_cast<size_t>(prog.ngroups));
  for (size_t g = 0; g < groups.size(); ++g) {
    const long a = matched[2 * g], b = matched[2 * g + 1];
    groups[g] = (a >= 0 && b >= 0) ? std::make_pair(a, b) : std::make_pair(-1L, -1L);
  }
  return Find::Match;
}

}  // namespace kalan::flows::detail
