// A message as a code with arguments: the core says what happened, the locale files say it in words
// (assets/locales/<lang>.json, key = code, "{0}" = args[0]). Rendered by Strings::text.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace dr {

struct Message {
  std::string key;                // e.g. "answer.range"
  std::vector<std::string> args;  // filled into {0}, {1}, ... of the key's text

  Message() = default;
  explicit Message(std::string k, std::vector<std::string> a = {}) : key(std::move(k)), args(std::move(a)) {}
  bool empty() const { return key.empty(); }
  bool operator==(const Message& o) const { return key == o.key && args == o.args; }
};

// The code form, for logs and reports read by people who fix files: "answer.range(0, 24)".
inline std::string to_string(const Message& m) {
  std::string out = m.key + "(";
  for (std::size_t i = 0; i < m.args.size(); ++i) out += (i ? ", " : "") + m.args[i];
  return out + ")";
}

}  // namespace dr
