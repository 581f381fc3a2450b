// Tokenizer and recursive-descent parser of ODK XPath, following XPath 1.0's precedence
// (or < and < = != < < <= > >= < + - < * div mod < unary -) and its rule that a name after an
// operand is an operator name ("1mod 1", "'1'and'1'").
#include <algorithm>
#include <memory>

#include "forms/xpath_ast.h"

namespace kalan::forms {

namespace {

constexpr int kMaxDepth = 100;   // parser recursion bound: hostile input cannot exhaust the stack
constexpr int kMaxHeight = 100;  // tree height bound, for the evaluator's recursion

enum class Tok { number, string, field, name, func, dot, dotdot, lparen, rparen, comma, op, end };

struct Token {
  Tok kind;
  std::string text;
  std::size_t column;
};

bool is_name_start(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(const std::string& s) : s_(s) {}

  bool run(std::vector<Token>& out, XPathError& err) {
    while (true) {
      while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
      const std::size_t col = i_ + 1;
      if (i_ >= s_.size()) {
        out.push_back({Tok::end, "", col});
        return true;
      }
      const char c = s_[i_];
      const bool after_operand = !out.empty() && (out.back().kind == Tok::number || out.back().kind == Tok::string ||
                                                  out.back().kind == Tok::field || out.back().kind == Tok::name ||
                                                  out.back().kind == Tok::dot || out.back().kind == Tok::dotdot ||
                                                  out.back().kind == Tok::rparen);
      if (is_digit(c) || (c == '.' && i_ + 1 < s_.size() && is_digit(s_[i_ + 1]))) {
        const std::size_t from = i_;
        while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
        if (i_ < s_.size() && s_[i_] == '.') {
          ++i_;
          while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
        }
        out.push_back({Tok::number, s_.substr(from, i_ - from), col});
      } else if (c == '\'' || c == '"') {
        const std::size_t end = s_.find(c, i_ + 1);
        if (end == std::string::npos) return fail(err, "xpath_unclosed_string", col);
        out.push_back({Tok::string, s_.substr(i_ + 1, end - i_ - 1), col});
        i_ = end + 1;
      } else if (c == '$') {
        if (i_ + 1 >= s_.size() || s_[i_ + 1] != '{') return fail(err, "xpath_bad_reference", col);
        const std::size_t end = s_.find('}', i_ + 2);
        if (end == std::string::npos) return fail(err, "xpath_bad_reference", col);
        std::string name = s_.substr(i_ + 2, end - i_ - 2);
        bool ok = !name.empty() && is_name_start(static_cast<unsigned char>(name[0]));
        for (char ch : name) ok = ok && is_name_char(static_cast<unsigned char>(ch)) && ch != ':';
        if (!ok) return fail(err, "xpath_bad_reference", col);
        out.push_back({Tok::field, std::move(name), col});
        i_ = end + 1;
      } else if (c == '.') {
        const bool two = i_ + 1 < s_.size() && s_[i_ + 1] == '.';
        out.push_back({two ? Tok::dotdot : Tok::dot, two ? ".." : ".", col});
        i_ += two ? 2 : 1;
      } else if (c == '(' || c == ')' || c == ',') {
        out.push_back({c == '(' ? Tok::lparen : c == ')' ? Tok::rparen : Tok::comma, std::string(1, c), col});
        ++i_;
      } else if (c == '!' || c == '<' || c == '>') {
        const bool eq = i_ + 1 < s_.size() && s_[i_ + 1] == '=';
        if (c == '!' && !eq) return fail(err, "xpath_unexpected", col, "!");
        out.push_back({Tok::op, std::string(1, c) + (eq ? "=" : ""), col});
        i_ += eq ? 2 : 1;
      } else if (c == '/' || c == '[' || c == '@') {
        return fail(err, "xpath_unsupported", col, std::string(1, c));
      } else if (c == '=' || c == '+' || c == '-' || c == '*' || c == '|') {
        if (c == '*' && !after_operand) return fail(err, "xpath_unsupported", col, "*");
        out.push_back({Tok::op, std::string(1, c), col});
        ++i_;
      } else if (is_name_start(static_cast<unsigned char>(c))) {
        const std::size_t from = i_;
        while (i_ < s_.size() && is_name_char(static_cast<unsigned char>(s_[i_]))) ++i_;
        std::string name = s_.substr(from, i_ - from);
        if (after_operand && (name == "and" || name == "or" || name == "mod" || name == "div")) {
          out.push_back({Tok::op, std::move(name), col});
          continue;
        }
        std::size_t j = i_;
        while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t' || s_[j] == '\n' || s_[j] == '\r')) ++j;
        out.push_back({j < s_.size() && s_[j] == '(' ? Tok::func : Tok::name, std::move(name), col});
      } else {
        std::string ch;
        // A whole UTF-8 sequence for the message.
        std::size_t k = i_ + 1;
        while (k < s_.size() && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80) ++k;
        ch = s_.substr(i_, k - i_);
        return fail(err, "xpath_unexpected", col, ch);
      }
    }
  }

 private:
  bool fail(XPathError& err, const char* code, std::size_t col, std::string arg = "") {
    err = XPathError{code, arg.empty() ? std::vector<std::string>{} : std::vector<std::string>{arg}, col};
    return false;
  }
  const std::string& s_;
  std::size_t i_ = 0;
};

class Parser {
 public:
  Parser(std::vector<Token> toks, std::vector<Node>& nodes, std::vector<std::string>& refs,
         std::vector<XPathError>& problems, bool& uses_self)
      : t_(std::move(toks)), nodes_(nodes), refs_(refs), problems_(problems), uses_self_(uses_self) {}

  int parse_all(XPathError& err) {
    const int root = binary(0, err);
    if (root < 0) return -1;
    if (peek().kind != Tok::end) return fail(err, "xpath_unexpected", peek().column, describe(peek()));
    return root;
  }

 private:
  const Token& peek() const { return t_[pos_]; }
  Token next() { return t_[pos_ < t_.size() - 1 ? pos_++ : pos_]; }

  static std::string describe(const Token& t) {
    if (t.kind == Tok::string) return "'" + t.text + "'";
    if (t.kind == Tok::field) return "${" + t.text + "}";
    return t.text;
  }

  int fail(XPathError& err, const char* code, std::size_t col, std::string arg = "") {
    if (err.code.empty())
      err = XPathError{code, arg.empty() ? std::vector<std::string>{} : std::vector<std::string>{arg}, col};
    return -1;
  }

  int add(Node n) {
    nodes_.push_back(std::move(n));
    return static_cast<int>(nodes_.size()) - 1;
  }

  // Precedence levels, lowest first.
  static int level_of(const std::string& op) {
    if (op == "or") return 0;
    if (op == "and") return 1;
    if (op == "=" || op == "!=") return 2;
    if (op == "<" || op == "<=" || op == ">" || op == ">=") return 3;
    if (op == "+" || op == "-") return 4;
    if (op == "*" || op == "div" || op == "mod") return 5;
    return -1;
  }
  static Op op_of(const std::string& op) {
    static const std::pair<const char*, Op> table[] = {
        {"or", Op::or_}, {"and", Op::and_}, {"=", Op::eq},  {"!=", Op::ne},   {"<", Op::lt},     {"<=", Op::le},
        {">", Op::gt},   {">=", Op::ge},    {"+", Op::add}, {"-", Op::sub},   {"*", Op::mul},    {"div", Op::div},
        {"mod", Op::mod}};
    for (const auto& [name, o] : table)
      if (op == name) return o;
    return Op::add;
  }

  int binary(int level, XPathError& err) {
    if (level > 5) return unary(err);
    if (++depth_ > kMaxDepth) return fail(err, "xpath_too_deep", peek().column);
    int lhs = binary(level + 1, err);
    while (lhs >= 0 && peek().kind == Tok::op && level_of(peek().text) == level) {
      const Token op = next();
      const int rhs = binary(level + 1, err);
      if (rhs < 0) {
        lhs = -1;
        break;
      }
      Node n;
      n.op = op_of(op.text);
      n.a = lhs;
      n.b = rhs;
      n.column = op.column;
      lhs = add(std::move(n));
    }
    --depth_;
    return lhs;
  }

  int unary(XPathError& err) {
    if (peek().kind == Tok::op && peek().text == "-") {
      const Token op = next();
      if (++depth_ > kMaxDepth) return fail(err, "xpath_too_deep", op.column);
      const int operand = unary(err);
      --depth_;
      if (operand < 0) return -1;
      Node n;
      n.op = Op::neg;
      n.a = operand;
      n.column = op.column;
      return add(std::move(n));
    }
    const int p = primary(err);
    if (p >= 0 && peek().kind == Tok::op && peek().text == "|")
      return fail(err, "xpath_unsupported", peek().column, "|");
    return p;
  }

  int primary(XPathError& err) {
    const Token t = next();
    Node n;
    n.column = t.column;
    switch (t.kind) {
      case Tok::number:
        n.lit = Value::number_of(parse_xpath_number(t.text.back() == '.' ? t.text + "0" : t.text));
        return add(std::move(n));
      case Tok::string:
        n.lit = Value::string_of(t.text);
        return add(std::move(n));
      case Tok::field:
        n.op = Op::field;
        n.name = t.text;
        {
          auto at = std::find(refs_.begin(), refs_.end(), t.text);
          n.problem = static_cast<int>(at - refs_.begin());  // for Op::field: index into references()
          if (at == refs_.end()) refs_.push_back(t.text);
        }
        return add(std::move(n));
      case Tok::name:
        n.op = Op::child;
        n.name = t.text;
        return add(std::move(n));
      case Tok::dot:
        n.op = Op::self;
        uses_self_ = true;
        return add(std::move(n));
      case Tok::dotdot:
        n.op = Op::parent;
        return add(std::move(n));
      case Tok::lparen: {
        if (++depth_ > kMaxDepth) return fail(err, "xpath_too_deep", t.column);
        const int inner = binary(0, err);
        --depth_;
        if (inner < 0) return -1;
        if (peek().kind != Tok::rparen) return fail(err, "xpath_expected", peek().column, ")");
        next();
        return inner;
      }
      case Tok::func: return call(t, err);
      case Tok::end: return fail(err, "xpath_unexpected_end", t.column);
      default: return fail(err, "xpath_unexpected", t.column, describe(t));
    }
  }

  int call(const Token& name, XPathError& err) {
    next();  // '('
    Node n;
    n.op = Op::call;
    n.name = name.text;
    n.column = name.column;
    if (peek().kind != Tok::rparen) {
      while (true) {
        if (++depth_ > kMaxDepth) return fail(err, "xpath_too_deep", peek().column);
        const int arg = binary(0, err);
        --depth_;
        if (arg < 0) return -1;
        n.args.push_back(arg);
        if (peek().kind == Tok::comma) {
          next();
          continue;
        }
        break;
      }
    }
    if (peek().kind != Tok::rparen) return fail(err, "xpath_expected", peek().column, ")");
    next();
    const FnInfo* info = find_function(name.text);
    const int argc = static_cast<int>(n.args.size());
    if (!info) {
      n.op = Op::problem;
      n.problem = static_cast<int>(problems_.size());
      problems_.push_back({"xpath_unknown_function", {name.text}, name.column});
    } else if (argc < info->min_args || (info->max_args >= 0 && argc > info->max_args)) {
      n.op = Op::problem;
      n.problem = static_cast<int>(problems_.size());
      const std::string expected = info->max_args < 0 ? std::to_string(info->min_args) + "+"
                                   : info->min_args == info->max_args
                                       ? std::to_string(info->min_args)
                                       : std::to_string(info->min_args) + "-" + std::to_string(info->max_args);
      problems_.push_back({"xpath_arity", {name.text, expected, std::to_string(argc)}, name.column});
    } else {
      n.fn = info->fn;
      const Node* pattern = n.fn == Fn::regex ? &nodes_[static_cast<std::size_t>(n.args[1])] : nullptr;
      if (pattern && pattern->op == Op::literal && pattern->lit.kind == Kind::string) {
        std::string why;
        if (auto re = flows::detail::Regex::compile(pattern->lit.str, false, false, why))
          n.regex = std::make_shared<const flows::detail::Regex>(std::move(*re));
        else
          problems_.push_back({"xpath_bad_regex", {pattern->lit.str, why}, pattern->column});
      }
    }
    return add(std::move(n));
  }

  std::vector<Token> t_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::vector<Node>& nodes_;
  std::vector<std::string>& refs_;
  std::vector<XPathError>& problems_;
  bool& uses_self_;
};

}  // namespace

Expr::Expr() : nodes_(std::make_shared<std::vector<Node>>()) {}

std::optional<Expr> parse_xpath(const std::string& text, XPathError& error) {
  error = XPathError{};
  std::vector<Token> toks;
  if (!Lexer(text).run(toks, error)) return std::nullopt;
  Expr e;
  e.text_ = text;
  auto nodes = std::make_shared<std::vector<Node>>();
  Parser p(std::move(toks), *nodes, e.refs_, e.problems_, e.uses_self_);
  e.root_ = p.parse_all(error);
  if (e.root_ < 0) return std::nullopt;
  // Evaluation recurses along the tree: bound its height (long chains such as a+b+c+… included).
  std::vector<int> height(nodes->size(), 1);
  for (std::size_t i = 0; i < nodes->size(); ++i) {
    const Node& n = (*nodes)[i];
    for (int c : {n.a, n.b}) if (c >= 0) height[i] = std::max(height[i], height[static_cast<std::size_t>(c)] + 1);
    for (int c : n.args) height[i] = std::max(height[i], height[static_cast<std::size_t>(c)] + 1);
    if (height[i] > kMaxHeight) {
      error = XPathError{"xpath_too_deep", {}, n.column};
      return std::nullopt;
    }
  }
  e.nodes_ = std::move(nodes);
  return e;
}

}  // namespace kalan::forms
