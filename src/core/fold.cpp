#include "core/fold.hpp"

#include <cstdint>
#include <unordered_map>

namespace dr {

namespace {

// Each Vietnamese letter with marks, by the plain letter it folds to.
constexpr struct {
  char base;
  const char* marked;
} kMarked[] = {
    {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
    {'i', "ìíỉĩịÌÍỈĨỊ"},
    {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
    {'y', "ỳýỷỹỵỲÝỶỸỴ"},
    {'d', "đĐ"},
};

// Decodes one UTF-8 sequence at s[i] (advancing i). A broken byte gives kBroken: kept as it is.
constexpr std::uint32_t kBroken = 0x110000;
std::uint32_t next_cp(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int n = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
  if (n < 0 || i + std::size_t(n) >= s.size()) {
    ++i;
    return n == 0 ? b : kBroken;
  }
  std::uint32_t cp = n == 0 ? b : n == 1 ? (b & 0x1F) : n == 2 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k <= n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + std::size_t(k)]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return kBroken;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += std::size_t(n) + 1;
  return cp;
}

char fold_cp(std::uint32_t cp) {
  static const std::unordered_map<std::uint32_t, char> table = [] {
    std::unordered_map<std::uint32_t, char> t;
    for (const auto& m : kMarked) {
      const std::string_view marked = m.marked;
      for (std::size_t i = 0; i < marked.size();) t.emplace(next_cp(marked, i), m.base);
    }
    return t;
  }();
  const auto it = table.find(cp);
  return it == table.end() ? 0 : it->second;
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && space(s[a])) ++a;
  while (b > a && space(s[b - 1])) --b;
  return std::string(s.substr(a, b - a));
}

std::string tidy(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool gap = false;
  for (char c : s) {
    if (space(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += c;
  }
  return out;
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const std::uint32_t cp = next_cp(s, i);
    if (cp < 0x80) {
      out += (cp >= 'A' && cp <= 'Z') ? char(cp - 'A' + 'a') : char(cp);
    } else if (cp >= 0x300 && cp <= 0x36F) {
      // A combining mark (decomposed text): dropped, as the precomposed letter's marks are.
    } else if (cp == kBroken) {
      // Not UTF-8: a replacement character, never the byte itself, which could pair with a later
      // broken byte into a mark once the mark between them is dropped (fold(fold(x)) != fold(x);
      // found by fuzz_fold).
      out += "\xEF\xBF\xBD";
    } else if (const char base = fold_cp(cp)) {
      out += base;
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

int natural_compare_folded(std::string_view x, std::string_view y) {
  std::size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (digit(x[i]) && digit(y[j])) {
      std::size_t i2 = i, j2 = j;
      while (i2 < x.size() && x[i2] == '0') ++i2;  // leading zeros do not change the value
      while (j2 < y.size() && y[j2] == '0') ++j2;
      std::size_t ie = i2, je = j2;
      while (ie < x.size() && digit(x[ie])) ++ie;
      while (je < y.size() && digit(y[je])) ++je;
      if (ie - i2 != je - j2) return ie - i2 < je - j2 ? -1 : 1;  // more digits, bigger number
      if (const int c = x.substr(i2, ie - i2).compare(y.substr(j2, je - j2))) return c < 0 ? -1 : 1;
      i = ie;
      j = je;
      continue;
    }
    if (x[i] != y[j]) return static_cast<unsigned char>(x[i]) < static_cast<unsigned char>(y[j]) ? -1 : 1;
    ++i;
    ++j;
  }
  if (i < x.size() || j < y.size()) return i < x.size() ? 1 : -1;
  return 0;
}

int natural_compare(std::string_view a, std::string_view b) {
  if (const int c = natural_compare_folded(fold(a), fold(b))) return c;
  const int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace dr
