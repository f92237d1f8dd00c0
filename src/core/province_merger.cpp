#include "core/province_merger.hpp"

#include <algorithm>

#include "core/fold.hpp"
#include "core/json.hpp"

namespace dr {

namespace {

constexpr const char* kPrefix = "old_province_";

const std::string* profile_text(const Result& r, std::string_view field) {
  auto it = r.profile.find(field);
  return it != r.profile.end() && it->second.is_string() ? &it->second.str() : nullptr;
}

bool asks_old_province(const Survey& s) {
  for (int i : s.profile)
    if (s.questions[size_t(i)].id.rfind(kPrefix, 0) == 0) return true;
  return false;
}

// {"vi": "...", "en": "..."} in file order; false when it is not an object of strings.
bool read_text(const rapidjson::Value& v, Text& out) {
  if (!v.IsObject()) return false;
  for (auto& m : v.GetObject()) {
    if (!m.value.IsString()) return false;
    out.items.emplace_back(std::string(json::sv(m.name)), std::string(json::sv(m.value)));
  }
  return !out.items.empty();
}

}  // namespace

std::string ProvinceMerger::question_id(std::string_view province) { return kPrefix + std::string(province); }

void ProvinceMerger::learn(const Survey& s) {
  const Question* prov = s.find("province");
  if (!prov || !asks_old_province(s)) return;
  for (const Option& o : prov->options) {
    std::vector<OldProvince> old;
    if (const Question* q = s.find(question_id(o.value)))
      for (const Option& oo : q->options) old.push_back({oo.value, oo.label});
    else
      old.push_back({o.value, o.label});
    by_new_[o.value] = std::move(old);
  }
}

void ProvinceMerger::learn(const SurveyCatalog& cat) {
  for (auto& s : cat.surveys()) learn(*s);
}

bool ProvinceMerger::read_json(std::string_view text, std::string& error) {
  rapidjson::Document doc;
  if (!json::parse(text, 1 << 20, 16, "provinces", doc, error)) return false;
  auto fail = [&](const char* what) { error = std::string("provinces: ") + what; return false; };
  if (!doc.IsObject() || !doc.HasMember("format") || !doc["format"].IsString() ||
      json::sv(doc["format"]) != "digiready-provinces")
    return fail("not a digiready-provinces file");
  if (!doc.HasMember("provinces") || !doc["provinces"].IsArray()) return fail("no 'provinces' array");
  std::map<std::string, std::vector<OldProvince>, std::less<>> out;
  for (auto& p : doc["provinces"].GetArray()) {
    if (!p.IsObject() || !p.HasMember("province") || !p["province"].IsString() || !p.HasMember("old") || !p["old"].IsArray())
      return fail("each entry needs 'province' and an 'old' array");
    std::vector<OldProvince> old;
    for (auto& o : p["old"].GetArray()) {
      OldProvince op;
      if (!o.IsObject() || !o.HasMember("value") || !o["value"].IsString() || !o.HasMember("label") || !read_text(o["label"], op.label))
        return fail("each old province needs 'value' and a 'label'");
      op.value = std::string(json::sv(o["value"]));
      old.push_back(std::move(op));
    }
    if (old.empty()) return fail("a province without old provinces");
    out[std::string(json::sv(p["province"]))] = std::move(old);
  }
  by_new_ = std::move(out);
  return true;
}

const std::vector<OldProvince>* ProvinceMerger::old_of(std::string_view province) const {
  auto it = by_new_.find(province);
  return it == by_new_.end() ? nullptr : &it->second;
}

const OldProvince* ProvinceMerger::find_old(std::string_view old_value) const {
  for (auto& p : by_new_)
    for (auto& o : p.second)
      if (o.value == old_value) return &o;
  return nullptr;
}

std::optional<std::string> ProvinceMerger::old_province(const Result& r) const {
  const std::string* province = profile_text(r, "province");
  if (!province || province->empty()) return std::nullopt;
  if (const std::string* said = profile_text(r, question_id(*province)); said && !said->empty()) return *said;
  const auto* old = old_of(*province);
  if (old && old->size() == 1) return old->front().value;  // not merged: the same province
  return std::nullopt;
}

bool ProvinceMerger::names(std::string_view wanted, std::string_view old_value) const {
  const std::string want = tidy(wanted);
  if (want == old_value) return true;
  const OldProvince* o = find_old(old_value);
  return o && std::any_of(o->label.items.begin(), o->label.items.end(), [&](auto& l) { return tidy(l.second) == want; });
}

bool ProvinceMerger::may_contain(std::string_view province, std::string_view wanted) const {
  const auto* old = old_of(province);
  if (!old) return true;  // a province the mapping does not know: it cannot be ruled out
  return std::any_of(old->begin(), old->end(), [&](const OldProvince& o) { return names(wanted, o.value); });
}

}  // namespace dr
