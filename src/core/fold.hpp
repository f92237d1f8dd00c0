// Text as people type and read it, for matching and ordering: place names tidied, search without
// case or tone marks, and "Thôn 2" before "Thôn 10".
#pragma once
#include <string>
#include <string_view>

namespace dr {

// Trimmed, with every run of spaces, tabs and line breaks made one space ("Thôn Đông " and
// "Thôn  Đông" are the same village).
std::string tidy(std::string_view s);
// Spaces, tabs and line breaks at both ends dropped; the inside as typed (a long answer keeps its lines).
std::string trim(std::string_view s);

// Lower case without Vietnamese tone and vowel marks, đ as d: "Ấp Mới" -> "ap moi". Precomposed (NFC)
// and decomposed (NFD) input give the same result. Bytes that are not UTF-8 become U+FFFD, so
// fold(fold(x)) == fold(x). For search and ordering, never for display.
std::string fold(std::string_view s);

// Orders as a person would: folded text first, digit runs by their value ("2" < "10"), then the
// exact bytes so that different strings never compare equal. <0, 0, >0.
int natural_compare(std::string_view a, std::string_view b);
// The first step alone, on strings already folded (sort keys worked out once).
int natural_compare_folded(std::string_view x, std::string_view y);

}  // namespace dr
