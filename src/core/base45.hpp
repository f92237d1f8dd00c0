// Base45 (RFC 9285): bytes as text in the 45 characters of a QR code's alphanumeric mode
// (0-9 A-Z space $ % * + - . / :). Two bytes become three characters, which that mode packs into
// 11 bits per two characters: 16.5 bits of code for 16 bits of data. Used by the compact result text.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dr {

std::string base45_encode(std::string_view bytes);
// nullopt when `text` holds a character outside the set, a group above 65535, or a dangling character.
std::optional<std::string> base45_decode(std::string_view text);

}  // namespace dr
