#include "core/strings.hpp"

#include <algorithm>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace dr {

std::string Strings::add_locale(std::string_view lang, std::string_view json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  if (doc.HasParseError())
    return std::string("locale ") + std::string(lang) + ": " + rapidjson::GetParseError_En(doc.GetParseError()) +
           " at byte " + std::to_string(doc.GetErrorOffset());
  if (!doc.IsObject()) return std::string("locale ") + std::string(lang) + ": not a JSON object";
  Table table;
  for (auto& m : doc.GetObject()) {
    if (m.value.IsString()) table[m.name.GetString()] = m.value.GetString();
  }
  if (!has_locale(lang)) order_.emplace_back(lang);
  locales_[std::string(lang)] = std::move(table);
  return {};
}

std::vector<std::string> Strings::keys(std::string_view lang) const {
  std::vector<std::string> out;
  auto lit = locales_.find(lang);
  if (lit != locales_.end())
    for (const auto& kv : lit->second) out.push_back(kv.first);
  return out;
}

const std::string& Strings::get(std::string_view key) const {
  auto lit = locales_.find(lang_);
  if (lit != locales_.end()) {
    auto it = lit->second.find(key);
    if (it != lit->second.end()) return it->second;
  }
  std::string tag = lang_ + ":" + std::string(key);
  if (report_ && reported_.insert(tag).second) report_("missing string '" + std::string(key) + "' in locale " + lang_);
  return get_in("en", key);
}

bool Strings::has_key(std::string_view key) const {
  for (std::string_view l : {std::string_view(lang_), std::string_view("en")}) {
    auto lit = locales_.find(l);
    if (lit != locales_.end() && lit->second.count(key)) return true;
  }
  return false;
}

const std::string& Strings::get_in(std::string_view lang, std::string_view key) const {
  for (std::string_view l : {lang, std::string_view("en")}) {
    auto lit = locales_.find(l);
    if (lit == locales_.end()) continue;
    auto it = lit->second.find(key);
    if (it != lit->second.end()) return it->second;
  }
  auto k = keys_.find(key);
  if (k == keys_.end()) k = keys_.emplace(std::string(key), std::string(key)).first;
  return k->second;
}

std::string Strings::text(const Message& m) const { return format(get(m.key), m.args); }

Text Strings::all(std::string_view key) const {
  Text t;
  for (const std::string& lang : order_) t.set(lang, get_in(lang, key));
  return t;
}

namespace {
template <class Arg>
std::string format_with(std::string_view pattern, const Arg* args, size_t count) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9') {
      size_t n = size_t(pattern[i + 1] - '0');
      if (n < count) out.append(args[n]);
      i += 2;
    } else {
      out.push_back(pattern[i]);
    }
  }
  return out;
}
}  // namespace

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
  return format_with(pattern, args.begin(), args.size());
}

std::string format(std::string_view pattern, const std::vector<std::string>& args) {
  return format_with(pattern, args.data(), args.size());
}

}  // namespace dr
