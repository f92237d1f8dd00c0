// Worked people (docs/surveys.md, ../shared/indicators.md §3): answers in, level out, on the real
// bundled surveys in assets/surveys/. Each person is what a scoring rule must get right; if a survey
// edit changes one of these levels, the edit changed what a level means.
#include <string>

#include "core/catalog.hpp"
#include "core/indicators.hpp"
#include "core/json.hpp"
#include "test_util.hpp"

using namespace dr;

namespace {

std::shared_ptr<const Survey> bundled(const std::string& file) {
  const std::string path = std::string(DR_SURVEY_DIR) + "/" + file;
  auto r = load_survey(drt::read_file(path), file);
  for (auto& e : r.errors) ADD_FAILURE() << e;
  return r.survey;
}

// Answers written as JSON, as docs/surveys.md shows them and `digiready score` reads them.
Answers answers(const std::string& json_text) {
  rapidjson::Document doc;
  std::string err;
  Answers a;
  if (!json::parse(json_text, kMaxSurveyBytes, kMaxJsonDepth, "answers", doc, err) || !doc.IsObject()) {
    ADD_FAILURE() << err;
    return a;
  }
  for (auto& m : doc.GetObject()) {
    Value v;
    EXPECT_TRUE(json::from_json(m.value, v)) << json::sv(m.name);
    a[std::string(json::sv(m.name))] = std::move(v);
  }
  return a;
}

struct Outcome {
  std::string level;          // level id
  int level_index = -1;       // 0 = lowest
  std::string first_advice;   // dimension id of the first advice ("" = none)
  const Text* first_text = nullptr;
};

Outcome outcome(const Survey& s, const std::string& json_text) {
  Answers a = answers(json_text);
  for (auto& q : s.questions)  // every answer must fit its question, or the person is not what it says
    if (find_answer(a, q.id)) EXPECT_FALSE(check_answer(s, q, a)) << q.id;
  Scores sc = score(s, a);
  Outcome o;
  o.level_index = sc.level;
  if (const Level* l = sc.level_ptr(s)) o.level = l->id;
  if (!sc.weakest.empty()) {
    o.first_advice = s.dimensions[size_t(sc.weakest[0])].id;
    o.first_text = sc.dimensions[size_t(sc.weakest[0])].advice;
  }
  return o;
}

// n and N of one indicator for one complete record with these answers.
std::pair<double, double> indicator(std::shared_ptr<const Survey> s, const std::string& json_text, const std::string& id) {
  Result r = new_result(*s, "vi", "2026-01-01T00:00:00Z");
  complete_result(r, *s, answers(json_text), "2026-01-01T00:00:00Z");
  IndicatorTable t;
  EXPECT_TRUE(t.add(r, *s));
  for (auto& row : t.rows())
    if (row.id == id) return {row.n, row.N};
  ADD_FAILURE() << "no indicator " << id;
  return {-1, -1};
}

std::string vi(const Text* t) { return t ? t->get("vi") : std::string(); }

// Every worked person is checked on the current version (2.1.0) and on 2.0.0, kept byte for byte in
// archive/: the old-province question 2.1.0 added changes no level, advice or indicator.
class WorkedPeople : public ::testing::TestWithParam<const char*> {
 protected:
  std::shared_ptr<const Survey> version_of(const std::string& id) const {
    const std::string v = GetParam();
    return bundled(v == "current" ? id + ".json" : "archive/" + id + "-" + v + ".json");
  }
};
INSTANTIATE_TEST_SUITE_P(Versions, WorkedPeople, ::testing::Values("current", "2.0.0"),
                         [](const auto& info) { return std::string(info.param) == "current" ? "current" : "v2_0_0"; });

// ---- household-digital-skills ----

const char* kHousehold =
    R"("household_size":4,"farming":"yes","adults":3,"adults_smartphone":2,"adults_account":1,)"
    R"("home_internet":"fibre","trained":"last_12m","trained_by":["team"],"team_helped":"yes","completed_by":"self")";

std::string hh(const std::string& own) { return "{" + std::string(kHousehold) + "," + own + "}"; }

TEST_P(WorkedPeople, HouseholdElderWithButtonPhoneIsInALowestLevel) {
  auto s = version_of("household-digital-skills");
  // 65+, button phone, a grandchild makes the Zalo calls, VNeID level 2, never an online procedure.
  Outcome o = outcome(*s, hh(R"("phone":"basic","info_search":"no","comm_self":"others_do","vneid":"level2",)"
                             R"("dvc_done":"no","sec_told_code":"no","k_sms":"scam","k_otp":"confirm","k_police":"no",)"
                             R"("sec_rating":2,"prob_help":"others_do")"));
  EXPECT_EQ(o.level, "not_ready");
  EXPECT_LE(o.level_index, 1);
}

TEST_P(WorkedPeople, HouseholdNoPhoneIsLowestWhateverTheyKnowAboutScams) {
  auto s = version_of("household-digital-skills");
  // Every scam question right (safety 85 %), overall 31 %: still the lowest level without a phone.
  Outcome o = outcome(*s, hh(R"("phone":"none","info_search":"no","info_check":"verify","comm_self":"no",)"
                             R"("vneid":"level1","dvc_done":"no","sec_told_code":"no","k_sms":"scam","k_otp":"confirm",)"
                             R"("k_police":"no","sec_rating":4,"prob_help":"learn")"));
  EXPECT_EQ(o.level, "not_ready");
}

TEST_P(WorkedPeople, HouseholdRequiredOnlyAllWellIsBelowTop) {
  auto s = version_of("household-digital-skills");
  Outcome o = outcome(*s, hh(R"("phone":"smart_own","info_search":"yes","comm_self":"self","vneid":"level2",)"
                             R"("dvc_done":"yes","sec_told_code":"no","k_sms":"scam","k_otp":"confirm","prob_help":"self")"));
  EXPECT_EQ(o.level, "starting");  // 46 %: what was left out counts as "not yet"
}

const char* kHeavyUser =
    R"("phone":"smart_own","dev_install":"yes","dev_rating":4,"info_search":"yes","info_check":"verify",)"
    R"("info_rating":4,"comm_self":"self","comm_video":"yes","comm_rating":4,"vneid":"level2","dvc_done":"yes",)"
    R"("dvc_who":"self","dvc_rating":4,"sec_lock":"yes","k_sms":"scam","k_police":"no","sec_rating":3,)"
    R"("prob_fix":"yes","prob_help":"self",)";

TEST_P(WorkedPeople, HouseholdHeavyUserWhoReadsOtpIsNotConfidentAndGetsSafetyFirst) {
  auto s = version_of("household-digital-skills");
  Outcome o = outcome(*s, hh(std::string(kHeavyUser) + R"("sec_told_code":"yes","k_otp":"staff")"));
  EXPECT_EQ(o.level, "basic");  // 88 % overall, but "confident" requires never reading out an OTP
  EXPECT_EQ(o.first_advice, "safety");
  EXPECT_NE(vi(o.first_text).find("Không bao giờ đọc mã OTP"), std::string::npos) << vi(o.first_text);
}

TEST_P(WorkedPeople, HouseholdEverydaySmartphoneUserIsConfident) {
  auto s = version_of("household-digital-skills");
  Outcome o = outcome(*s, hh(std::string(kHeavyUser) + R"("sec_told_code":"no","k_otp":"confirm")"));
  EXPECT_EQ(o.level, "confident");
  EXPECT_EQ(o.first_advice, "");  // every area is a strength: no remedial advice
}

TEST_P(WorkedPeople, HouseholdRosterGivesAdultRates) {
  auto s = version_of("household-digital-skills");
  std::string a = hh(R"("phone":"smart_own","info_search":"yes","comm_self":"self","vneid":"level2","dvc_done":"no",)"
                     R"("sec_told_code":"no","k_sms":"scam","k_otp":"confirm","prob_help":"self")");
  EXPECT_EQ(indicator(s, a, "adult_smartphone"), std::make_pair(2.0, 3.0));
  EXPECT_EQ(indicator(s, a, "adult_payment_account"), std::make_pair(1.0, 3.0));
  EXPECT_EQ(indicator(s, a, "household_fixed_broadband"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "farming_household_trained"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "household_trained_by_team"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "person_online_public_service"), std::make_pair(0.0, 1.0));
}

// ---- online-payment ----

TEST_P(WorkedPeople, PaymentNoAccountButtonPhoneCashIsLowest) {
  auto s = version_of("online-payment");
  // Knows every scam answer, but has no account and pays in cash.
  Outcome o = outcome(*s, R"({"smartphone":"no","pay_accounts":["none"],"no_account_why":["no_need"],"tr_transfer":"no",
    "k_confirm":"details","rcv_any":"no","k_receipt":"own_app","sells":"yes","bill_aware":"yes","fee_paid":"cash",
    "sec_told_code":"no","k_otp_call":"hang_up","k_pin":"no","k_after_scam":["call_bank","police","change_pw"],
    "sec_rating":4,"completed_by":"self"})");
  EXPECT_EQ(o.level_index, 0);
  EXPECT_EQ(o.first_advice, "account");
  EXPECT_NE(vi(o.first_text).find("mở một tài khoản"), std::string::npos) << vi(o.first_text);
}

TEST_P(WorkedPeople, PaymentAtmCardOnlyIsStarting) {
  auto s = version_of("online-payment");
  Outcome o = outcome(*s, R"({"smartphone":"no","pay_accounts":["bank"],"tr_transfer":"no","k_confirm":"details",
    "rcv_any":"yes","k_receipt":"own_app","sells":"no","bill_aware":"no","fee_paid":"none","sec_told_code":"no",
    "sec_share":"no","k_otp_call":"hang_up","k_pin":"no","k_after_scam":["call_bank","police"],"sec_rating":3,
    "completed_by":"self"})");
  EXPECT_EQ(o.level, "starting");  // 34 %: the bank-app items count 0 without a smartphone
  // Advice fits a card-only account: no bank app to pay bills in, so automatic payment at the bank.
  EXPECT_EQ(o.first_advice, "bills");
  EXPECT_NE(vi(o.first_text).find("tự trừ vào tài khoản"), std::string::npos) << vi(o.first_text);
}

const char* kPayer =
    R"({"smartphone":"yes","pay_accounts":["bank","ewallet"],"app_installed":"yes","app_login":"yes","app_balance":"yes",
    "tr_transfer":"yes","tr_qr":"yes","tr_apps":["bank_app","momo"],"k_confirm":"details","tr_online_buy":"yes",
    "tr_rating":3,"rcv_any":"yes","rcv_qr":"printed","k_receipt":"own_app","rcv_records":"yes","rcv_rating":3,
    "sells":"yes","rcv_share":60,"bills":["electric","water","public_fee"],"bill_aware":"yes","bill_rating":3,
    "fee_paid":"online","sec_share":"no","sec_app_lock":"yes","k_pin":"no","k_fake_qr":"stop",
    "k_after_scam":["call_bank","police","change_pw"],"sec_rating":3,"completed_by":"self",)";

TEST_P(WorkedPeople, PaymentEverydayPayerIsConfident) {
  auto s = version_of("online-payment");
  std::string a = std::string(kPayer) + R"("sec_told_code":"no","k_otp_call":"hang_up"})";
  EXPECT_EQ(outcome(*s, a).level, "confident");
  EXPECT_EQ(indicator(s, a, "person_payment_account"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "person_digital_payment_3m"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "public_fee_paid_online"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "seller_digital_share"), std::make_pair(1.0, 1.0));
}

TEST_P(WorkedPeople, PaymentPayerWhoReadsOtpIsNotConfident) {
  auto s = version_of("online-payment");
  Outcome o = outcome(*s, std::string(kPayer) + R"("sec_told_code":"yes","k_otp_call":"read"})");
  EXPECT_EQ(o.level, "basic");  // 87 %, but "confident" requires hanging up on the fake bank call
  EXPECT_EQ(o.first_advice, "safety");
}

// ---- ecommerce-readiness ----

const char* kFarm = R"("seller_type":"farm","main_product":"Vải thiều","completed_by":"self",)";

TEST_P(WorkedPeople, EcommerceFacebookPageOnlyIsNotOnAPlatform) {
  auto s = version_of("ecommerce-readiness");
  std::string a = "{" + std::string(kFarm) +
                  R"("marketplaces":["none"],"social_sell":"yes","want_open":"later","trained":"no","prod_total":3,
    "list_photo":"yes","list_info":["weight","origin"],"list_video":"yes","list_rating":3,"sold_online":"yes",
    "price_check":"yes","price_ship":"yes","ship_ways":["post"],"pack":"yes","k_fake_order":"check",
    "cust_reply":"hours","k_review":"fix","cust_keep":"yes","cust_rating":3,"trace_stamp":"no","trace_diary":"paper",
    "certs":["none"]})";
  Outcome o = outcome(*s, a);
  EXPECT_EQ(o.level, "starting");  // "basic" needs an active marketplace shop
  EXPECT_EQ(o.first_advice, "accounts");
  EXPECT_NE(vi(o.first_text).find("Postmart"), std::string::npos) << vi(o.first_text);
  EXPECT_EQ(indicator(s, a, "farming_household_marketplace"), std::make_pair(0.0, 1.0));
  EXPECT_EQ(indicator(s, a, "household_social_only"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "marketplace_household_trained"), std::make_pair(0.0, 0.0));
}

TEST_P(WorkedPeople, EcommerceNotSellingIsNotReady) {
  auto s = version_of("ecommerce-readiness");
  Outcome o = outcome(*s, "{" + std::string(kFarm) +
                              R"("marketplaces":["none"],"social_sell":"no","want_open":"now","trained":"no",
    "prod_total":2,"list_photo":"no","list_info":["none"],"list_video":"no","list_rating":1,"sold_online":"no",
    "price_check":"no","price_ship":"no","ship_ways":["none"],"pack":"no","k_fake_order":"ship","k_review":"ignore",
    "cust_keep":"no","cust_rating":1,"trace_stamp":"no","trace_diary":"no","certs":["none"]})");
  EXPECT_EQ(o.level, "not_ready");
}

TEST_P(WorkedPeople, EcommerceRequiredOnlyShopIsBelowTop) {
  auto s = version_of("ecommerce-readiness");
  Outcome o = outcome(*s, "{" + std::string(kFarm) +
                              R"("marketplaces":["postmart"],"social_sell":"no","shop_acts":["display","transact"],
    "trained":"earlier","sold_online":"yes","k_fake_order":"check","trace_stamp":"most"})");
  EXPECT_EQ(o.level, "not_ready");  // 20 %
}

TEST_P(WorkedPeople, EcommerceActiveMarketplaceShopIsConfident) {
  auto s = version_of("ecommerce-readiness");
  std::string a = "{" + std::string(kFarm) +
                  R"("marketplaces":["postmart","shopee"],"social_sell":"yes","shop_setup":"self","shop_login":"yes",
    "shop_acts":["display","search","exchange","transact"],"shop_visit":"daily","trained":"last_12m",
    "trained_by":["team","company"],"prod_total":4,"prod_listed":3,"list_photo":"yes",
    "list_info":["weight","origin","date","storage","cert"],"list_update":"fast","list_video":"yes","list_rating":4,
    "sold_online":"yes","price_check":"yes","price_ship":"yes","ship_ways":["post","platform"],"pack":"yes",
    "order_steps":"full","k_fake_order":"check","cust_reply":"hours","cust_reviews":"yes","k_review":"fix",
    "cust_keep":"yes","cust_rating":4,"trace_stamp":"most","trace_update":"yes","trace_diary":"digital",
    "certs":["vietgap","ocop"]})";
  EXPECT_EQ(outcome(*s, a).level, "confident");
  EXPECT_EQ(indicator(s, a, "farming_household_marketplace"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "household_social_only"), std::make_pair(0.0, 1.0));
  EXPECT_EQ(indicator(s, a, "marketplace_trained_by_team"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "products_listed"), std::make_pair(3.0, 4.0));
}

// ---- sme-dx-readiness ----

const char* kBusiness =
    R"("business_name":"HTX Rau Sạch","province":"an_giang","commune":"Xã Tân Phú","sector":"agriculture",)"
    R"("size":"s10_49","years_operating":5,"respondent_role":"owner",)";

const char* kLeading =
    R"("cx_channels":["website","fanpage","zalo_oa","marketplace","maps"],"cx_update":"weekly","cx_order":"full",
    "cx_revenue":"gt30","cx_feedback":"tracked","st_leader":"yes","st_assess":"yes","st_rating":4,
    "inf_internet":"backup","inf_tools":["einvoice","esign","accounting","sales","cloud","email"],
    "inf_security":["antivirus","own_accounts","twofa","staff_scam","responsible"],"k_bec":"call",
    "op_sales":"software","op_accounts":"software","op_payments":"all_digital","op_internal":"platform",
    "op_supply":"yes","op_trace":"all","cu_training":"plan","cu_ideas":"yes","cu_paper":"esign","cu_rating":4,
    "dt_customers":"crm","dt_use":"weekly","dt_backup":"yes","dt_privacy":"yes","dt_rating":4,
    "dx_platform":"using","etax":"yes","biz_dvc":"yes",)";

TEST_P(WorkedPeople, SmeRequiredOnlyAllWellIsBelowTop) {
  auto s = version_of("sme-dx-readiness");
  Outcome o = outcome(*s, "{" + std::string(kBusiness) +
                              R"("cx_channels":["website","fanpage","zalo_oa","marketplace","maps"],"st_plan":"full",
    "inf_tools":["einvoice","esign","accounting","sales","cloud","email"],"op_sales":"software","cu_training":"plan",
    "dt_customers":"crm","dx_platform":"using","etax":"yes","biz_dvc":"yes"})");
  EXPECT_EQ(o.level, "dbi2");  // 29.72 % is shown as 30 %, and compared as 30
}

TEST_P(WorkedPeople, SmeOnPaperIsNotTransformed) {
  auto s = version_of("sme-dx-readiness");
  std::string a = "{" + std::string(kBusiness) +
                  R"("cx_channels":["none"],"cx_order":"no","cx_revenue":"zero","cx_feedback":"none","st_plan":"none",
    "st_leader":"no","st_assess":"no","st_rating":1,"inf_internet":"phone","inf_tools":["none"],"inf_security":["none"],
    "k_bec":"pay","op_sales":"memory","op_accounts":"paper","op_payments":"cash","op_internal":"verbal",
    "op_supply":"no","op_trace":"no","cu_training":"none","cu_ideas":"no","cu_paper":"paper","cu_rating":1,
    "dt_customers":"none","dt_use":"never","dt_backup":"no","dt_privacy":"no","dt_rating":1,"dx_platform":"unknown",
    "etax":"no","biz_dvc":"no"})";
  EXPECT_EQ(outcome(*s, a).level, "dbi0");
  EXPECT_EQ(indicator(s, a, "sme_dx_platform"), std::make_pair(0.0, 1.0));
  EXPECT_EQ(indicator(s, a, "sme_einvoice_etax"), std::make_pair(0.0, 1.0));
}

TEST_P(WorkedPeople, SmeWithoutAWrittenPlanStopsAtBeginning) {
  auto s = version_of("sme-dx-readiness");
  // 96 % overall, but "Hình thành" and above claim a digital plan.
  EXPECT_EQ(outcome(*s, "{" + std::string(kBusiness) + kLeading + R"("st_plan":"idea"})").level, "dbi2");
}

TEST_P(WorkedPeople, SmeLeadingBusiness) {
  auto s = version_of("sme-dx-readiness");
  std::string a = "{" + std::string(kBusiness) + kLeading + R"("st_plan":"full"})";
  EXPECT_EQ(outcome(*s, a).level, "dbi5");
  EXPECT_EQ(indicator(s, a, "sme_dx_platform"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "sme_einvoice_etax"), std::make_pair(1.0, 1.0));
  EXPECT_EQ(indicator(s, a, "sme_qr_traceability"), std::make_pair(1.0, 1.0));
}

// ---- anyone who answers only the required questions ----

// The best answer a question allows: the right set of a knowledge item, every scoring option of a
// multiple choice, the highest-scoring option, the lowest number allowed.
Value best_answer(const Question& q) {
  if (q.knowledge()) {
    if (q.type == QuestionType::Multiple) return q.correct;
    return q.correct.front();
  }
  switch (q.type) {
    case QuestionType::Multiple: {
      std::vector<std::string> all;
      for (auto& o : q.options)
        if (o.score > 0 && !o.exclusive) all.push_back(o.value);
      if (all.empty()) all.push_back(q.options.front().value);
      return all;
    }
    case QuestionType::Single: case QuestionType::YesNo: case QuestionType::Rating: {
      const Option* best = &q.options.front();
      for (auto& o : q.options)
        if (o.score > best->score) best = &o;
      if (q.type == QuestionType::Rating) return best->number;
      return best->value;
    }
    case QuestionType::Integer: case QuestionType::Decimal: return q.min ? *q.min : 1.0;
    case QuestionType::Date: return std::string("2026-01-15");
    default: return std::string("Thôn Đông 01");  // fits the length rules of codes and names
  }
}

// Silence is not skill: answering only what is required, each at its best, never reaches the top level.
TEST_P(WorkedPeople, RequiredOnlyAtBestNeverReachesTheTopLevel) {
  for (const char* f : {"household-digital-skills", "online-payment", "ecommerce-readiness", "sme-dx-readiness"}) {
    auto s = version_of(f);
    ASSERT_TRUE(s) << f;
    Answers a;
    for (auto& q : s->questions)  // in file order, so a gate is answered before what it shows
      if (q.required && q.type != QuestionType::Info && is_visible(*s, q, a)) a[q.id] = best_answer(q);
    for (auto& q : s->questions)
      if (find_answer(a, q.id)) EXPECT_FALSE(check_answer(*s, q, a)) << f << " " << q.id;
    Scores sc = score(*s, a);
    ASSERT_TRUE(sc.overall) << f;
    EXPECT_LT(sc.level, int(s->levels.size()) - 1) << f << ": " << *sc.overall << " %";
    EXPECT_LT(*sc.overall, 50) << f;
  }
}

// ---- versions ----

// Versions 1.0.0 and 2.0.0 keep shipping unchanged (same checksum as when results were made with
// them), and the catalog offers 2.1.0 (which asks the old province) for new surveys.
TEST(Versions, ArchivedVersionsStillLoadAndNewestIsOffered) {
  struct Kept {
    const char *id, *version, *sha;
  };
  const Kept kept[] = {
      {"household-digital-skills", "1.0.0", "2ebd30a1b85e72d721f41cf4b826cf3e568ead16bb4bcdfbb3f89a60cbdc56d7"},
      {"online-payment", "1.0.0", "734e2ae7410e31ae727785159a1544306161cb1c08133237ade6518810c3145a"},
      {"ecommerce-readiness", "1.0.0", "582da30b09ea346e5d4ab3d87efdd9fdebded4116ee6ec4c852fe375637258b8"},
      {"sme-dx-readiness", "1.0.0", "d247cde542fb56336b688962fd8bc89a746b7d83f9105ef729360fe41b5f3652"},
      {"household-digital-skills", "2.0.0", "b187610b6bf7447ce8ea6314eda6597aa1d8720d076071897ecf76900bfac3cd"},
      {"online-payment", "2.0.0", "d729455b4b817bf64d660a4a14c6b1959a40e1ee2d1772f04e7332e741759db6"},
      {"ecommerce-readiness", "2.0.0", "bcdfebf718acc1be807fcfcf86374ad34ed7f52276d299643968b4defaed6367"},
      {"sme-dx-readiness", "2.0.0", "75ce4007dfe280909193e33a1519ad9ee921dee9816e05ca3da76524be4a65b0"},
  };
  SurveyCatalog cat;
  for (auto& k : kept) {
    auto old = bundled(std::string("archive/") + k.id + "-" + k.version + ".json");
    ASSERT_TRUE(old) << k.id << " " << k.version;
    EXPECT_EQ(old->version, k.version);
    EXPECT_EQ(old->sha256, k.sha) << k.id << " " << k.version;
    cat.add(old);
  }
  for (const char* id : {"household-digital-skills", "online-payment", "ecommerce-readiness", "sme-dx-readiness"})
    cat.add(bundled(std::string(id) + ".json"));
  auto offered = newest_surveys(cat);
  ASSERT_EQ(offered.size(), 4u);
  for (auto& s : offered) EXPECT_EQ(s->version, "2.1.0") << s->id;
  for (const char* v : {"1.0.0", "2.0.0"}) {
    ASSERT_TRUE(cat.find("online-payment", v)) << v;  // drafts and results still resolve
    EXPECT_FALSE(is_newest(cat, *cat.find("online-payment", v))) << v;
  }
  EXPECT_TRUE(is_newest(cat, *cat.find("online-payment", "2.1.0")));
}

TEST(Catalog, VersionsCompareByNumberPerPart) {
  EXPECT_LT(compare_versions("1.0.0", "2.0.0"), 0);
  EXPECT_GT(compare_versions("1.10.0", "1.9.3"), 0);
  EXPECT_EQ(compare_versions("2", "2.0.0"), 0);
  EXPECT_EQ(compare_versions("1.01", "1.1"), 0);
  EXPECT_GT(compare_versions("1.0.1", "1.0"), 0);
  EXPECT_LT(compare_versions("1.0.0-beta", "1.0.1"), 0);
}

TEST(Catalog, NewestOfAnIdWhateverTheOrderAdded) {
  auto mk = [](const char* id, const char* version) {
    auto s = std::make_shared<Survey>();
    s->id = id;
    s->version = version;
    return std::shared_ptr<const Survey>(s);
  };
  SurveyCatalog cat;
  cat.add(mk("a", "2.0.0"));
  cat.add(mk("b", "1.0.0"));
  cat.add(mk("a", "10.0.0"));
  cat.add(mk("a", "9.1.0"));
  EXPECT_EQ(newest_version(cat, "a")->version, "10.0.0");
  EXPECT_EQ(newest_version(cat, "b")->version, "1.0.0");
  EXPECT_EQ(newest_version(cat, "c"), nullptr);
  auto offered = newest_surveys(cat);
  ASSERT_EQ(offered.size(), 2u);
  EXPECT_EQ(offered[0]->id, "a");
  EXPECT_EQ(offered[1]->id, "b");
}

}  // namespace
