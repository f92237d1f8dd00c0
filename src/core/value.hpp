// An answer value and the answer map (question id -> value).
#pragma once
#include <map>
#include <string>
#include <vector>

namespace dr {

// null / number / string / list of strings — everything a survey answer can be.
struct Value {
  enum class Kind : unsigned char { Null, Number, String, List };

  Value() = default;
  Value(double n) : kind_(Kind::Number), num_(n) {}
  Value(int n) : kind_(Kind::Number), num_(n) {}
  Value(const char* s) : kind_(Kind::String), str_(s) {}
  Value(std::string s) : kind_(Kind::String), str_(std::move(s)) {}
  Value(std::vector<std::string> l) : kind_(Kind::List), list_(std::move(l)) {}

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_number() const { return kind_ == Kind::Number; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_list() const { return kind_ == Kind::List; }
  // Accessors return 0 / "" / {} for other kinds, so callers never trip on a wrong type.
  double number() const { return kind_ == Kind::Number ? num_ : 0.0; }
  const std::string& str() const { return str_; }
  const std::vector<std::string>& list() const { return list_; }
  std::vector<std::string>& list_mut() { return list_; }
  // "Answered" per the format: not null, not an empty string, not an empty list.
  // Only spaces typed is no answer, like an empty string.
  bool answered() const {
    return kind_ == Kind::Number || (kind_ == Kind::String && str_.find_first_not_of(" \t\r\n") != std::string::npos) ||
           (kind_ == Kind::List && !list_.empty());
  }

  friend bool operator==(const Value& a, const Value& b) {
    if (a.kind_ != b.kind_) return false;
    switch (a.kind_) {
      case Kind::Null: return true;
      case Kind::Number: return a.num_ == b.num_;
      case Kind::String: return a.str_ == b.str_;
      case Kind::List: return a.list_ == b.list_;
    }
    return false;
  }
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

 private:
  Kind kind_ = Kind::Null;
  double num_ = 0;
  std::string str_;
  std::vector<std::string> list_;
};

using Answers = std::map<std::string, Value, std::less<>>;

}  // namespace dr
