// The provinces before 1 July 2025: the mapping file, the surveys' old-province questions that copy
// it, the old province each record gets, and the indicator table by old province (worked example in
// docs/indicators.md "By old province").
#include <set>
#include <string>

#include "core/engine.hpp"
#include "core/indicators.hpp"
#include "core/province_merger.hpp"
#include "test_util.hpp"

using namespace dr;

namespace {

const char* const kSurveys[] = {"household-digital-skills", "online-payment", "ecommerce-readiness", "sme-dx-readiness"};

ProvinceMerger from_file() {
  ProvinceMerger m;
  std::string err;
  EXPECT_TRUE(m.read_json(drt::read_file(std::string(DR_SURVEY_DIR) + "/../places/provinces-2025.json"), err)) << err;
  return m;
}

std::shared_ptr<const Survey> bundled(const std::string& file) {
  auto r = load_survey(drt::read_file(std::string(DR_SURVEY_DIR) + "/" + file), file);
  for (auto& e : r.errors) ADD_FAILURE() << e;
  return r.survey;
}

std::vector<std::string> values(const std::vector<OldProvince>& old) {
  std::vector<std::string> out;
  for (auto& o : old) out.push_back(o.value);
  return out;
}

TEST(ProvinceMerger, FileHas34NewProvincesFrom63Old) {
  ProvinceMerger m = from_file();
  ASSERT_EQ(m.provinces().size(), 34u);
  std::set<std::string> old;
  std::size_t merged = 0;
  for (auto& [p, olds] : m.provinces()) {
    merged += olds.size() > 1;
    EXPECT_EQ(olds.front().value, p) << "the old province of the same name comes first";
    for (auto& o : olds) EXPECT_TRUE(old.insert(o.value).second) << o.value << " in two new provinces";
  }
  EXPECT_EQ(old.size(), 63u);
  EXPECT_EQ(merged, 23u);  // 11 provinces and cities were not merged
  // The seeds' provinces (../shared/seeds/README.md).
  using V = std::vector<std::string>;
  EXPECT_EQ(values(*m.old_of("hai_phong")), (V{"hai_phong", "hai_duong"}));
  EXPECT_EQ(values(*m.old_of("gia_lai")), (V{"gia_lai", "binh_dinh"}));
  EXPECT_EQ(values(*m.old_of("vinh_long")), (V{"vinh_long", "ben_tre", "tra_vinh"}));
  EXPECT_EQ(values(*m.old_of("tay_ninh")), (V{"tay_ninh", "long_an"}));
  EXPECT_EQ(values(*m.old_of("dong_nai")), (V{"dong_nai", "binh_phuoc"}));
  EXPECT_EQ(values(*m.old_of("ha_noi")), (V{"ha_noi"}));
  EXPECT_EQ(m.find_old("hai_duong")->label.get("vi"), "Hải Dương");
}

// Every survey that asks the province carries the file's mapping, labels included; the versions
// before 2.1.0 carry none.
TEST(ProvinceMerger, SurveysCarryTheFileAndEarlierVersionsNothing) {
  const ProvinceMerger file = from_file();
  for (const char* id : kSurveys) {
    auto s = bundled(std::string(id) + ".json");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->version, "2.1.0") << id;
    ProvinceMerger m;
    m.learn(*s);
    ASSERT_EQ(m.provinces().size(), file.provinces().size()) << id;
    for (auto& [p, olds] : file.provinces()) {
      const auto* got = m.old_of(p);
      ASSERT_TRUE(got) << id << " " << p;
      ASSERT_EQ(values(*got), values(olds)) << id << " " << p;
      for (std::size_t i = 0; i < olds.size(); ++i)
        for (const char* lang : {"vi", "en"}) EXPECT_EQ((*got)[i].label.get(lang), olds[i].label.get(lang)) << id << " " << p;
    }
    for (const char* old : {"2.0.0", "1.0.0"}) {
      ProvinceMerger none;
      none.learn(*bundled(std::string("archive/") + id + "-" + old + ".json"));
      EXPECT_TRUE(none.empty()) << id << " " << old;
    }
  }
}

// The question is shown only for a merged province, and only its own.
TEST(ProvinceMerger, QuestionShownOnlyForItsMergedProvince) {
  auto s = bundled("household-digital-skills.json");
  const Question* hp = s->find("old_province_hai_phong");
  ASSERT_TRUE(hp);
  EXPECT_TRUE(hp->required);
  EXPECT_EQ(hp->options.size(), 2u);
  EXPECT_EQ(hp->title.get("vi"), "Trước 1/7/2025, nơi này thuộc tỉnh nào?");
  EXPECT_EQ(s->find("old_province_ha_noi"), nullptr);  // Hà Nội was not merged: nothing to ask
  for (const char* p : {"ha_noi", "hue", "gia_lai"}) {
    Answers a{{"province", Value(std::string(p))}};
    EXPECT_FALSE(is_visible(*s, *hp, a)) << p;
  }
  Answers a{{"province", Value(std::string("hai_phong"))}};
  EXPECT_TRUE(is_visible(*s, *hp, a));
  int shown = 0;
  for (int i : s->profile) shown += s->questions[size_t(i)].id.rfind("old_province_", 0) == 0 && is_visible(*s, s->questions[size_t(i)], a);
  EXPECT_EQ(shown, 1);
}

// ---- the old province of a record, and the table by old province ----

struct Household {
  const char* version;
  const char* province;
  const char* old;  // answer to old_province_<province>, "" = not given
  int adults, smartphone;
};

Result record(const Survey& s, const Household& h) {
  Answers a{{"household_code", Value(std::string("HH-1"))}, {"province", Value(std::string(h.province))},
            {"commune", Value(std::string("Xã 1"))},       {"village", Value(std::string("Thôn 1"))},
            {"household_size", Value(double(h.adults))},    {"adults", Value(double(h.adults))},
            {"adults_smartphone", Value(double(h.smartphone))}};
  if (*h.old) a[ProvinceMerger::question_id(h.province)] = Value(std::string(h.old));
  Result r = new_result(s, "vi", "2026-01-01T00:00:00Z");
  complete_result(r, s, a, "2026-01-01T00:00:00Z");
  return r;
}

class ByOldProvince : public ::testing::Test {
 protected:
  void SetUp() override {
    now_ = bundled("household-digital-skills.json");
    before_ = bundled("archive/household-digital-skills-2.0.0.json");
    merger_.learn(*now_);
    merger_.learn(*before_);  // teaches nothing; harmless
  }
  // Five households: Hải Phòng's two of 2.1.0 say their old province; one of 2.0.0 cannot;
  // Hà Nội was not merged, so 2.0.0 there is known; 2.1.0 never stores an old province for a
  // province it does not ask about.
  IndicatorTable table(PlaceFilter f, PlaceLevel by = PlaceLevel::None) {
    const Household hh[] = {{"2.1.0", "hai_phong", "hai_duong", 3, 2},
                            {"2.1.0", "hai_phong", "hai_phong", 2, 2},
                            {"2.0.0", "hai_phong", "", 4, 1},
                            {"2.0.0", "ha_noi", "", 1, 1},
                            {"2.1.0", "ha_noi", "hai_duong", 2, 0}};
    IndicatorTable t(std::move(f), by, "vi");
    t.set_merger(merger_);
    for (auto& h : hh) {
      const Survey& s = std::string(h.version) == "2.1.0" ? *now_ : *before_;
      t.add(record(s, h), s);
    }
    return t;
  }
  std::shared_ptr<const Survey> now_, before_;
  ProvinceMerger merger_;
};

TEST_F(ByOldProvince, EachRecordGetsItsOldProvinceOrUnknown) {
  EXPECT_EQ(merger_.old_province(record(*now_, {"", "hai_phong", "hai_duong", 1, 1})), "hai_duong");
  EXPECT_EQ(merger_.old_province(record(*before_, {"", "hai_phong", "", 1, 1})), std::nullopt);
  EXPECT_EQ(merger_.old_province(record(*before_, {"", "ha_noi", "", 1, 1})), "ha_noi");
  // The hidden question's answer is not stored: Hà Nội stays Hà Nội.
  EXPECT_EQ(merger_.old_province(record(*now_, {"", "ha_noi", "hai_duong", 1, 1})), "ha_noi");
}

std::pair<double, double> smartphone(const IndicatorTable& t, const std::string& place = "") {
  for (auto& r : t.rows())
    if (r.id == "adult_smartphone" && r.place == place) return {r.n, r.N};
  return {-1, -1};
}

TEST_F(ByOldProvince, FilterKeepsOnlyThatOldProvinceAndCountsTheUnknownApart) {
  PlaceFilter f;
  f.old_provinces = {"hai_duong"};
  IndicatorTable t = table(f);
  EXPECT_EQ(t.records_kept(), 1u);
  EXPECT_EQ(smartphone(t), std::make_pair(2.0, 3.0));
  EXPECT_EQ(t.old_province_unknown(), 1u);  // Hải Phòng's 2.0.0 household may be in Hải Dương

  PlaceFilter by_label;
  by_label.old_provinces = {" Hải  Dương "};  // the name as typed works as the code does
  EXPECT_EQ(smartphone(table(by_label)), std::make_pair(2.0, 3.0));

  PlaceFilter ha_noi;
  ha_noi.old_provinces = {"ha_noi"};
  IndicatorTable h = table(ha_noi);
  EXPECT_EQ(h.records_kept(), 2u);
  EXPECT_EQ(smartphone(h), std::make_pair(1.0, 3.0));
  EXPECT_EQ(h.old_province_unknown(), 0u);  // the unknown one is in Hải Phòng, never Hà Nội
}

TEST_F(ByOldProvince, GroupingGivesEachOldProvinceAndTheUnknown) {
  IndicatorTable t = table({}, PlaceLevel::OldProvince);
  EXPECT_EQ(t.records_kept(), 5u);
  EXPECT_EQ(t.old_province_unknown(), 1u);
  EXPECT_EQ(smartphone(t, "Hải Dương"), std::make_pair(2.0, 3.0));
  EXPECT_EQ(smartphone(t, "TP. Hải Phòng"), std::make_pair(2.0, 2.0));
  EXPECT_EQ(smartphone(t, "TP. Hà Nội"), std::make_pair(1.0, 3.0));
  EXPECT_EQ(smartphone(t, ""), std::make_pair(1.0, 4.0));  // unknown: "" (words from place_words)
  EXPECT_EQ(place_level_from("old_province"), PlaceLevel::OldProvince);
}

}  // namespace
