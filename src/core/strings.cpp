#include "core/strings.hpp"

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
  locales_[std::string(lang)] = std::move(table);
  return {};
}

const std::string& Strings::get(std::string_view key) const {
  auto lit = locales_.find(lang_);
  if (lit != locales_.end()) {
    auto it = lit->second.find(key);
    if (it != lit->second.end()) return it->second;
  }
  std::string tag = lang_ + ":" + std::string(key);
  if (report_ && reported_.insert(tag).second) report_("missing string '" + std::string(key) + "' in locale " + lang_);
  auto en = locales_.find("en");
  if (en != locales_.end()) {
    auto it = en->second.find(key);
    if (it != en->second.end()) return it->second;
  }
  auto k = keys_.find(key);
  if (k == keys_.end()) k = keys_.emplace(std::string(key), std::string(key)).first;
  return k->second;
}

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9') {
      size_t n = size_t(pattern[i + 1] - '0');
      if (n < args.size()) out.append(*(args.begin() + n));
      i += 2;
    } else {
      out.push_back(pattern[i]);
    }
  }
  return out;
}

}  // namespace dr
