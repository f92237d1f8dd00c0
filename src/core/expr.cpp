#include "core/expr.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>

#include "core/same_bytes.hpp"

namespace dr {

namespace {

using Op = Expr::Op;

bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Recursive descent with an explicit depth bound so hostile input cannot exhaust the stack.
class Parser {
 public:
  explicit Parser(std::string_view src) : src_(src) {}

  ExprParse run() {
    ExprParse out;
    auto e = std::make_shared<Expr>();
    e_ = e.get();
    e->src = std::string(src_);
    skip();
    if (pos_ >= src_.size()) fail("empty expression");
    int root = error_.empty() ? parse_or() : -1;
    skip();
    if (error_.empty() && pos_ < src_.size()) fail("unexpected '" + std::string(1, src_[pos_]) + "'");
    if (!error_.empty()) {
      out.error = "column " + std::to_string(err_col_) + ": " + error_;
      return out;
    }
    // Left-assoc chains ("1+1+1…") grow the tree without parser recursion; evaluation recurses on
    // the tree, so bound its height too. Children always precede parents in `nodes`.
    std::vector<int> h(e->nodes.size(), 1);
    for (size_t i = 0; i < e->nodes.size(); ++i) {
      const auto& n = e->nodes[i];
      if (n.a >= 0) h[i] = std::max(h[i], h[size_t(n.a)] + 1);
      if (n.b >= 0) h[i] = std::max(h[i], h[size_t(n.b)] + 1);
      if (h[i] > 4 * kMaxExprDepth) {
        out.error = "column " + std::to_string(n.column) + ": expression too long";
        return out;
      }
    }
    e->root = root;
    out.expr = std::move(e);
    return out;
  }

 private:
  void fail(std::string msg) { fail_at(pos_, std::move(msg)); }
  void fail_at(size_t pos, std::string msg) {
    if (!error_.empty()) return;
    error_ = std::move(msg);
    err_col_ = int(pos) + 1;
  }
  void skip() {
    while (pos_ < src_.size() && (src_[pos_] == ' ' || src_[pos_] == '\t' || src_[pos_] == '\n' || src_[pos_] == '\r'))
      ++pos_;
  }
  bool eat(std::string_view tok) {
    skip();
    if (src_.substr(pos_, tok.size()) != tok) return false;
    // Words must not run into an identifier ("order" is not "or").
    if (is_ident(tok.back()) && pos_ + tok.size() < src_.size() && is_ident(src_[pos_ + tok.size()])) return false;
    pos_ += tok.size();
    return true;
  }
  int node(Op op, size_t pos, int a = -1, int b = -1) {
    Expr::Node n;
    n.op = op; n.a = a; n.b = b; n.column = int(pos) + 1;
    e_->nodes.push_back(std::move(n));
    return int(e_->nodes.size()) - 1;
  }
  struct Depth {
    Parser& p;
    explicit Depth(Parser& p_) : p(p_) { ++p.depth_; }
    ~Depth() { --p.depth_; }
  };
  bool too_deep() {
    if (depth_ > kMaxExprDepth) { fail("expression nested too deeply"); return true; }
    return false;
  }

  int parse_or() {
    Depth d(*this);
    if (too_deep()) return -1;
    int l = parse_and();
    while (error_.empty()) {
      size_t p = (skip(), pos_);
      if (!eat("or")) break;
      l = node(Op::Or, p, l, parse_and());
    }
    return l;
  }
  int parse_and() {
    int l = parse_not();
    while (error_.empty()) {
      size_t p = (skip(), pos_);
      if (!eat("and")) break;
      l = node(Op::And, p, l, parse_not());
    }
    return l;
  }
  int parse_not() {
    Depth d(*this);
    if (too_deep()) return -1;
    size_t p = (skip(), pos_);
    if (eat("not")) return node(Op::Not, p, parse_not());
    return parse_cmp();
  }
  int parse_cmp() {
    int l = parse_add();
    if (!error_.empty()) return l;
    size_t p = (skip(), pos_);
    static const struct { const char* tok; Op op; } ops[] = {{"<=", Op::Le}, {">=", Op::Ge}, {"!=", Op::Ne},
                                                             {"=", Op::Eq},  {"<", Op::Lt},  {">", Op::Gt}};
    for (auto& o : ops)
      if (eat(o.tok)) return node(o.op, p, l, parse_add());
    return l;
  }
  int parse_add() {
    int l = parse_mul();
    while (error_.empty()) {
      size_t p = (skip(), pos_);
      if (eat("+")) l = node(Op::Add, p, l, parse_mul());
      else if (eat("-")) l = node(Op::Sub, p, l, parse_mul());
      else break;
    }
    return l;
  }
  int parse_mul() {
    int l = parse_unary();
    while (error_.empty()) {
      size_t p = (skip(), pos_);
      if (eat("*")) l = node(Op::Mul, p, l, parse_unary());
      else if (eat("/")) l = node(Op::Div, p, l, parse_unary());
      else break;
    }
    return l;
  }
  int parse_unary() {
    Depth d(*this);
    if (too_deep()) return -1;
    size_t p = (skip(), pos_);
    if (eat("-")) return node(Op::Neg, p, parse_unary());
    return parse_primary();
  }
  int parse_ref() {
    size_t p = (skip(), pos_);
    if (!eat("${")) { fail("expected ${id}"); return -1; }
    size_t start = pos_;
    while (pos_ < src_.size() && is_ident(src_[pos_])) ++pos_;
    if (pos_ == start) { fail("expected an id after ${"); return -1; }
    std::string id(src_.substr(start, pos_ - start));
    if (pos_ >= src_.size() || src_[pos_] != '}') { fail("expected '}'"); return -1; }
    ++pos_;
    int n = node(Op::Ref, p);
    e_->nodes[size_t(n)].str = std::move(id);
    return n;
  }
  int parse_string() {
    size_t p = pos_;
    char q = src_[pos_++];
    std::string s;
    while (pos_ < src_.size() && src_[pos_] != q) s += src_[pos_++];
    if (pos_ >= src_.size()) { fail_at(p, "unterminated string"); return -1; }
    ++pos_;
    int n = node(Op::Str, p);
    e_->nodes[size_t(n)].str = std::move(s);
    return n;
  }
  int parse_number() {
    size_t p = pos_;
    while (pos_ < src_.size() && is_digit(src_[pos_])) ++pos_;
    if (pos_ < src_.size() && src_[pos_] == '.') {
      ++pos_;
      while (pos_ < src_.size() && is_digit(src_[pos_])) ++pos_;
    }
    std::string text(src_.substr(p, pos_ - p));
    if (text == ".") { fail_at(p, "bad number"); return -1; }
    int n = node(Op::Num, p);
    e_->nodes[size_t(n)].num = std::strtod(text.c_str(), nullptr);
    return n;
  }
  int parse_call(Op op, size_t p, int nargs) {
    if (!eat("(")) { fail("expected '('"); return -1; }
    int a = op == Op::Selected || op == Op::CountSelected ? parse_ref() : parse_or();
    int b = -1;
    if (nargs == 2 && error_.empty()) {
      if (!eat(",")) { fail("expected ','"); return -1; }
      skip();
      if (pos_ < src_.size() && (src_[pos_] == '\'' || src_[pos_] == '"')) b = parse_string();
      else { fail("expected an option value in quotes"); return -1; }
    }
    if (!error_.empty()) return -1;
    if (!eat(")")) { fail("expected ')'"); return -1; }
    return node(op, p, a, b);
  }
  int parse_primary() {
    skip();
    if (pos_ >= src_.size()) { fail("unexpected end of expression"); return -1; }
    size_t p = pos_;
    char c = src_[pos_];
    if (c == '(') {
      ++pos_;
      int e = parse_or();
      if (error_.empty() && !eat(")")) fail("expected ')'");
      return e;
    }
    if (c == '\'' || c == '"') return parse_string();
    if (is_digit(c) || (c == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) return parse_number();
    if (c == '.') { ++pos_; return node(Op::Self, p); }
    if (c == '$') return parse_ref();
    if (eat("true")) { int n = node(Op::Bool, p); e_->nodes[size_t(n)].num = 1; return n; }
    if (eat("false")) return node(Op::Bool, p);
    if (eat("selected")) return parse_call(Op::Selected, p, 2);
    if (eat("count_selected")) return parse_call(Op::CountSelected, p, 1);
    if (eat("answered")) return parse_call(Op::Answered, p, 1);
    if (eat("length")) return parse_call(Op::Length, p, 1);
    if (is_ident(c)) {
      size_t end = pos_;
      while (end < src_.size() && is_ident(src_[end])) ++end;
      fail("unknown name '" + std::string(src_.substr(pos_, end - pos_)) + "' (write ${id} for an answer)");
      return -1;
    }
    fail("unexpected '" + std::string(1, c) + "'");
    return -1;
  }

  std::string_view src_;
  size_t pos_ = 0;
  Expr* e_ = nullptr;
  std::string error_;
  int err_col_ = 1;
  int depth_ = 0;
};

bool num_of_str(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end && *end == '\0';
}

}  // namespace

ExprParse parse_expression(std::string_view src) { return Parser(src).run(); }

std::string resolve_expression(Expr& e, const Survey& s, bool allow_self) {
  for (auto& n : e.nodes) {
    if (n.op == Op::Self && !allow_self)
      return "column " + std::to_string(n.column) + ": '.' (this answer) is only allowed in a constraint";
    if (n.op != Op::Ref) continue;
    int qi = s.index_of(n.str);
    if (qi >= 0) { n.ref = qi; continue; }
    int ci = s.computed_index(n.str);
    if (ci >= 0) { n.ref = int(s.questions.size()) + ci; continue; }
    return "column " + std::to_string(n.column) + ": unknown question '" + n.str + "'";
  }
  for (auto& n : e.nodes) {
    if (n.op != Op::Selected && n.op != Op::CountSelected) continue;
    const auto& r = e.nodes[size_t(n.a)];
    if (r.ref >= int(s.questions.size()))
      return "column " + std::to_string(n.column) + ": '" + r.str + "' is computed, not a choice question";
    const Question& q = s.questions[size_t(r.ref)];
    if (!q.choice())
      return "column " + std::to_string(n.column) + ": question '" + q.id + "' has no options";
    if (n.op == Op::Selected && !q.find_option(e.nodes[size_t(n.b)].str))
      return "column " + std::to_string(e.nodes[size_t(n.b)].column) + ": question '" + q.id + "' has no option '" +
             e.nodes[size_t(n.b)].str + "'";
  }
  return {};
}

void expression_refs(const Expr& e, std::vector<int>& out) {
  for (auto& n : e.nodes)
    if (n.op == Op::Ref && n.ref >= 0) out.push_back(n.ref);
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

EvalContext::EvalContext(const Survey& s, const Answers& a) : s_(s) {
  const size_t nq = s.questions.size(), nc = s.computed.size();
  if (nq <= kInlineQuestions) {
    q_ = q_inline_;
  } else {
    q_heap_.resize(nq);
    q_ = q_heap_.data();
  }
  std::memset(static_cast<void*>(q_), 0, nq * sizeof(Slot));  // null answers, visibility unknown
  if (nc <= kInlineComputed) {
    computed_ = reinterpret_cast<V*>(computed_inline_);
    computed_done_ = computed_done_inline_;
  } else {
    computed_heap_.resize(nc);
    computed_done_heap_.resize(nc);
    computed_ = computed_heap_.data();
    computed_done_ = computed_done_heap_.data();
  }
  for (size_t i = 0; i < nc; ++i) computed_done_[i] = 0;
  // Both sides are sorted by id: one merge pass instead of a map lookup per question.
  auto it = a.begin();
  auto jt = s.by_id.begin();
  while (it != a.end() && jt != s.by_id.end()) {
    const std::string& x = it->first;
    const std::string& y = jt->first;
    // Answer files hold the survey's own ids, so test for a match first: cheaper than a three-way compare.
    if (same_bytes(x, y)) {
      if (it->second.answered()) q_[size_t(jt->second)].answer = &it->second;
      ++it; ++jt;
      continue;
    }
    // First byte inline: most ids differ there, which avoids a memcmp call per step.
    int c = !x.empty() && !y.empty() && x[0] != y[0] ? (static_cast<unsigned char>(x[0]) < static_cast<unsigned char>(y[0]) ? -1 : 1)
                                                     : x.compare(y);
    if (c < 0) ++it;
    else ++jt;
  }
}

bool EvalContext::truthy(const Expr& e, const Value* self) {
  const Value* saved = self_;
  self_ = self;
  V r = eval(e, e.root);
  self_ = saved;
  switch (r.kind) {
    case V::Null: return false;
    case V::Bool:
    case V::Num: return r.n != 0;
    case V::Str: return !r.s->empty() && !r.no;
    case V::List: return !r.l->empty();
  }
  return false;
}

double EvalContext::count(const Expr& e) {
  V r = eval(e, e.root);
  if (r.kind == V::Num || r.kind == V::Bool) return std::isfinite(r.n) ? r.n : 0.0;
  return truthy(e) ? 1.0 : 0.0;
}

namespace {
EvalContext::V from_value(const Value* v) {
  EvalContext::V r;
  if (!v || !v->answered()) return r;
  switch (v->kind()) {
    case Value::Kind::Number: r.kind = EvalContext::V::Num; r.n = v->number(); break;
    case Value::Kind::String: r.kind = EvalContext::V::Str; r.s = &v->str(); break;
    case Value::Kind::List: r.kind = EvalContext::V::List; r.l = &v->list(); break;
    case Value::Kind::Null: break;
  }
  return r;
}

bool truth(const EvalContext::V& r) {
  switch (r.kind) {
    case EvalContext::V::Null: return false;
    case EvalContext::V::Bool:
    case EvalContext::V::Num: return r.n != 0;
    case EvalContext::V::Str: return !r.s->empty() && !r.no;
    case EvalContext::V::List: return !r.l->empty();
  }
  return false;
}

// -2: not comparable (null or mixed kinds); else -1/0/1.
int compare(const EvalContext::V& a, const EvalContext::V& b) {
  using V = EvalContext::V;
  if (a.kind == V::Null || b.kind == V::Null) return -2;
  double x, y;
  if ((a.kind == V::Num || a.kind == V::Bool) && (b.kind == V::Num || b.kind == V::Bool)) { x = a.n; y = b.n; }
  else if (a.kind == V::Str && b.kind == V::Str) { int c = a.s->compare(*b.s); return c < 0 ? -1 : c > 0; }
  // A rating answer (number) against '3', or a number-like text against 3.
  else if (a.kind == V::Num && b.kind == V::Str) { if (!num_of_str(*b.s, y)) return -2; x = a.n; }
  else if (a.kind == V::Str && b.kind == V::Num) { if (!num_of_str(*a.s, x)) return -2; y = b.n; }
  else if (a.kind == V::List && b.kind == V::Str) { return a.l->size() == 1 && (*a.l)[0] == *b.s ? 0 : -2; }
  else if (a.kind == V::Str && b.kind == V::List) { return b.l->size() == 1 && (*b.l)[0] == *a.s ? 0 : -2; }
  else if (a.kind == V::List && b.kind == V::List) { return *a.l == *b.l ? 0 : -2; }
  else return -2;
  return x < y ? -1 : x > y ? 1 : 0;
}
}  // namespace

bool EvalContext::resolve_visible(int q) {
  const Expr* e = s_.questions[size_t(q)].visible_if.get();
  // Loader guarantees no cycles and a bounded chain, so this recursion is shallow.
  bool v;
  if (!e) v = true;
  // Most skip logic is a bare "${id}": read it directly instead of walking the tree. visible_if
  // never contains '.', so skipping truthy()'s self reset changes nothing.
  else if (e->nodes.size() == 1 && e->nodes[0].op == Op::Ref) v = ref_truthy(e->nodes[0].ref);
  else v = truthy(*e);
  q_[size_t(q)].vis = v ? 2 : 1;
  return v;
}

EvalContext::V EvalContext::ref_value(int ref) {
  int nq = int(s_.questions.size());
  if (ref < nq) {
    if (!visible(ref)) return V{};
    V v = from_value(q_[size_t(ref)].answer);
    v.no = v.kind == V::Str && s_.questions[size_t(ref)].type == QuestionType::YesNo && same_bytes(*v.s, "no");
    return v;
  }
  return computed_value(size_t(ref - nq));
}

const EvalContext::V& EvalContext::computed_value(size_t ci) {
  if (!computed_done_[ci]) {
    computed_done_[ci] = 1;
    // Null first, as a (loader-rejected) self reference would have read before.
    ::new (static_cast<void*>(&computed_[ci])) V();
    V v = eval(*s_.computed[ci].expr, s_.computed[ci].expr->root);
    computed_[ci] = v;
    computed_done_[ci] = truth(v) ? 2 : 1;  // truth kept too: skip logic reads it many times
  }
  return computed_[ci];
}

// truth(ref_value(ref)) without building the V for a question's answer.
bool EvalContext::ref_truthy(int ref) {
  const int nq = int(s_.questions.size());
  if (ref >= nq) {
    const size_t ci = size_t(ref - nq);
    if (!computed_done_[ci]) computed_value(ci);
    return computed_done_[ci] == 2;
  }
  if (!visible(ref)) return false;
  const Value* a = q_[size_t(ref)].answer;  // only answered values are stored
  if (!a) return false;
  switch (a->kind()) {
    case Value::Kind::Number: return a->number() != 0;
    case Value::Kind::String:
      return !(s_.questions[size_t(ref)].type == QuestionType::YesNo && same_bytes(a->str(), "no"));
    case Value::Kind::List: return true;
    case Value::Kind::Null: break;
  }
  return false;
}

EvalContext::V EvalContext::eval(const Expr& e, int idx) {
  const Expr::Node& n = e.nodes[size_t(idx)];
  V r;
  auto num = [&](double d) { r.kind = V::Num; r.n = d; return r; };
  auto boolean = [&](bool b) { r.kind = V::Bool; r.n = b ? 1 : 0; return r; };
  switch (n.op) {
    case Op::Num: return num(n.num);
    case Op::Bool: return boolean(n.num != 0);
    case Op::Str: r.kind = V::Str; r.s = &n.str; return r;
    case Op::Ref: return ref_value(n.ref);
    case Op::Self: return from_value(self_);
    case Op::Neg: { V a = eval(e, n.a); return a.kind == V::Num ? num(-a.n) : r; }
    case Op::Not: return boolean(!truth(eval(e, n.a)));
    case Op::And: return boolean(truth(eval(e, n.a)) && truth(eval(e, n.b)));
    case Op::Or: return boolean(truth(eval(e, n.a)) || truth(eval(e, n.b)));
    case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: {
      V a = eval(e, n.a), b = eval(e, n.b);
      if (a.kind != V::Num || b.kind != V::Num) return r;  // null in, null out
      if (n.op == Op::Add) return num(a.n + b.n);
      if (n.op == Op::Sub) return num(a.n - b.n);
      if (n.op == Op::Mul) return num(a.n * b.n);
      return b.n == 0 ? r : num(a.n / b.n);
    }
    case Op::Eq: case Op::Ne: case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: {
      int c = compare(eval(e, n.a), eval(e, n.b));
      if (c == -2) return boolean(false);  // anything against unanswered is false
      switch (n.op) {
        case Op::Eq: return boolean(c == 0);
        case Op::Ne: return boolean(c != 0);
        case Op::Lt: return boolean(c < 0);
        case Op::Le: return boolean(c <= 0);
        case Op::Gt: return boolean(c > 0);
        default: return boolean(c >= 0);
      }
    }
    case Op::Selected: {
      V a = eval(e, n.a);
      const std::string& opt = e.nodes[size_t(n.b)].str;
      if (a.kind == V::Str) return boolean(same_bytes(*a.s, opt));
      if (a.kind == V::List) {
        for (auto& s : *a.l)
          if (same_bytes(s, opt)) return boolean(true);
        return boolean(false);
      }
      double d;
      if (a.kind == V::Num) return boolean(num_of_str(opt, d) && d == a.n);
      return boolean(false);
    }
    case Op::CountSelected: {
      V a = eval(e, n.a);
      if (a.kind == V::List) return num(double(a.l->size()));
      return num(a.kind == V::Null ? 0 : 1);
    }
    case Op::Answered: return boolean(eval(e, n.a).kind != V::Null);
    case Op::Length: {
      V a = eval(e, n.a);
      return a.kind == V::Str ? num(double(utf8_length(*a.s))) : r;
    }
  }
  return r;
}

}  // namespace dr
