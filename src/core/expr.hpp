// Expression language (docs/survey-format.md "Answers and expressions"): parsed once at load into a
// flat node array, references resolved to question / computed indices, evaluated without allocation.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/survey.hpp"

namespace dr {

struct Expr {
  enum class Op : unsigned char {
    Num, Str, Bool, Ref, Self, Neg, Not, And, Or, Add, Sub, Mul, Div,
    Eq, Ne, Lt, Le, Gt, Ge, Selected, CountSelected, Answered, Length
  };
  struct Node {
    Op op = Op::Num;
    int a = -1, b = -1;  // operand node indices
    double num = 0;      // Num; Bool uses 0/1
    std::string str;     // Str literal, or the referenced id for Ref
    int ref = -1;        // Ref: question index, or questions.size() + computed index
    int column = 1;      // 1-based, for messages
  };
  std::vector<Node> nodes;
  int root = -1;
  std::string src;
};

struct ExprParse {
  std::shared_ptr<Expr> expr;  // null on error
  std::string error;           // "column N: ..."
};

constexpr int kMaxExprDepth = 64;

ExprParse parse_expression(std::string_view src);

// Binds ${id} references. `allow_self`: '.' is allowed (constraints). Also checks that selected()'s
// option exists. Returns "" or "column N: ...".
std::string resolve_expression(Expr& e, const Survey& s, bool allow_self);

// The question / computed indices an expression reads (graph edges for cycle checks).
void expression_refs(const Expr& e, std::vector<int>& out);

// Evaluation state for one answer set: answers indexed by question, visibility cached.
class EvalContext {
 public:
  EvalContext(const Survey& s, const Answers& a);
  // Slots may live in the object itself, so a copy would point into the original.
  EvalContext(const EvalContext&) = delete;
  EvalContext& operator=(const EvalContext&) = delete;
  // Memoised: the first call per question evaluates its visible_if, later ones read the slot.
  bool visible(int question) {
    signed char v = q_[size_t(question)].vis;
    return v ? v == 2 : resolve_visible(question);
  }
  bool truthy(const Expr& e, const Value* self = nullptr);
  // An indicator's count: true -> 1, false / null -> 0, a finite number as is, any other value
  // 1 if truthy else 0 (docs/survey-format.md "Indicator").
  double count(const Expr& e);
  const Value* answer(int question) const { return q_[size_t(question)].answer; }

  struct V {
    enum Kind : unsigned char { Null, Bool, Num, Str, List } kind = Null;
    double n = 0;
    const std::string* s = nullptr;
    const std::vector<std::string>* l = nullptr;
    bool no = false;  // a yesno answer "no": false when used as a condition on its own
  };
  V eval(const Expr& e, int node);

 private:
  V ref_value(int ref);
  bool ref_truthy(int ref);
  const V& computed_value(size_t ci);
  bool resolve_visible(int question);
  const Survey& s_;
  struct Slot {
    const Value* answer;
    signed char vis;  // 0 unknown, 1 hidden, 2 visible: all-zero bytes are the fresh state
  };
  // Scoring builds one context per response: surveys of usual size fit in these inline buffers,
  // so that costs no allocation. Larger ones fall back to the heap vectors.
  static constexpr size_t kInlineQuestions = 64, kInlineComputed = 8;
  Slot* q_ = nullptr;
  V* computed_ = nullptr;
  signed char* computed_done_ = nullptr;  // 0 not yet, 1 done and falsy, 2 done and truthy
  // Left uninitialised: only the first questions.size() slots are cleared, and a computed value
  // is constructed in place when first evaluated.
  Slot q_inline_[kInlineQuestions];
  alignas(V) unsigned char computed_inline_[kInlineComputed * sizeof(V)];
  signed char computed_done_inline_[kInlineComputed];
  std::vector<Slot> q_heap_;
  std::vector<V> computed_heap_;
  std::vector<signed char> computed_done_heap_;
  const Value* self_ = nullptr;
};

// Code points in a UTF-8 string.
std::size_t utf8_length(std::string_view s);

}  // namespace dr
