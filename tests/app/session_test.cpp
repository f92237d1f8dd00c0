// Taking a survey: the resume rule, Next/Back, when problems are said, typed input, what is kept.
#include "app/session.hpp"

#include "app/household_code.hpp"
#include "app/question_count.hpp"

#include "app_test_util.hpp"

namespace {

using app::Session;

struct SessionTest : ::testing::Test {
  std::shared_ptr<const dr::Survey> s = apt::mini();
  platform::FolderStorage disk{apt::fresh_folder()};
  app::RecordStore store{disk};
  dr::SurveyCatalog catalog;
  Session ss;

  void SetUp() override {
    catalog.add(s);
    ss.start(s, "vi", "2026-11-01T08:00:00Z");
  }
  int at(const char* id) const { return s->find(id)->index; }
  const dr::Question& q(const char* id) const { return *s->find(id); }
  // A profile filled in: household code, places, age 30.
  dr::Answers profile() const {
    dr::Answers a;
    a["household_code"] = "HO-001";
    a["province"] = "Đồng Nai";
    a["commune"] = "Xã 1";
    a["village"] = "Ấp 1";
    a["age"] = 30;
    return a;
  }
  dr::Result kept_draft(const dr::Answers& a) {
    dr::Result r = dr::new_result(*s, "vi", "2026-11-01T08:00:00Z");
    dr::update_result(r, *s, a, "2026-11-01T08:05:00Z");
    r.survey = s;
    return r;
  }
};

TEST_F(SessionTest, ResumeContinuesAtTheFirstVisibleQuestionWithoutAnAnswer) {
  dr::Answers a = profile();
  a["has_phone"] = "yes";
  a["phone_use"] = std::vector<std::string>{"zalo"};
  EXPECT_TRUE(ss.resume(kept_draft(a)));
  EXPECT_EQ(ss.pos, at("confidence"));
  EXPECT_EQ(ss.answers.size(), a.size());
}

TEST_F(SessionTest, ResumeSkipsQuestionsHiddenByEarlierAnswers) {
  dr::Answers a = profile();
  a["has_phone"] = "no";  // phone_use and confidence are hidden
  ss.resume(kept_draft(a));
  EXPECT_EQ(ss.pos, at("hours"));
}

TEST_F(SessionTest, ResumeStopsAtAnAnswerThatBreaksARule) {
  dr::Answers a = profile();
  a["age"] = 5;  // below the minimum of 15
  ss.resume(kept_draft(a));
  EXPECT_EQ(ss.pos, at("age"));
}

TEST_F(SessionTest, ResumeOfACompleteDraftGoesToTheReviewPage) {
  dr::Answers a = profile();
  a["has_phone"] = "no";
  a["hours"] = 2.5;
  a["pays_online"] = "never";
  a["otp"] = "never_share";
  a["note"] = "ok";
  a["adult_only"] = "yes";
  a["dob"] = "1990-01-02";
  EXPECT_FALSE(ss.resume(kept_draft(a)));
  EXPECT_EQ(ss.pos, int(s->questions.size()) - 1);
}

TEST_F(SessionTest, NextIsRefusedWhileARequiredAnswerIsMissingAndSaysSoOnlyThen) {
  ss.go_to(at("has_phone"));
  EXPECT_FALSE(ss.issue(q("has_phone"))) << "not said before Next";
  EXPECT_EQ(ss.next().move, Session::Move::Stay);
  EXPECT_EQ(ss.issue(q("has_phone")).kind, app::AnswerIssue::Kind::Required);
  ss.choose(q("has_phone"), "no");
  EXPECT_FALSE(ss.issue(q("has_phone")));
  const Session::Next n = ss.next();
  EXPECT_EQ(n.move, Session::Move::Question);
  EXPECT_EQ(n.pos, at("hours")) << "phone_use and confidence are hidden by 'no'";
}

TEST_F(SessionTest, ABrokenRuleIsSaidAtOnce) {
  ss.go_to(at("note"));
  ss.type(q("note"), "much longer than ten");
  const app::AnswerIssue i = ss.issue(q("note"));
  EXPECT_EQ(i.kind, app::AnswerIssue::Kind::Rule);
  EXPECT_EQ(ss.next().move, Session::Move::Stay);
}

TEST_F(SessionTest, TextThatIsNotANumberIsKeptAsTypedAndTheOldAnswerGoes) {
  ss.go_to(at("age"));
  ss.type(q("age"), "30");
  ASSERT_NE(dr::find_answer(ss.answers, "age"), nullptr);
  ss.type(q("age"), "3O");
  EXPECT_EQ(dr::find_answer(ss.answers, "age"), nullptr);
  EXPECT_EQ(ss.typed.at("age"), "3O");
  EXPECT_EQ(ss.issue(q("age")).kind, app::AnswerIssue::Kind::NotAnInteger);
  EXPECT_EQ(ss.next().move, Session::Move::Stay);
  ss.type(q("dob"), "2026-02-30");
  EXPECT_EQ(ss.issue(q("dob")).kind, app::AnswerIssue::Kind::NotADate);
  ss.type(q("hours"), "1,5");
  EXPECT_EQ(dr::find_answer(ss.answers, "hours")->number(), 1.5);
  ss.type(q("age"), "");
  EXPECT_FALSE(ss.issue(q("age"))) << "an emptied field is no answer, not a bad one";
}

TEST_F(SessionTest, SpacesAroundATextAnswerGoWhenTypingEnds) {
  ss.type(q("household_code"), "  HO-7 ");
  EXPECT_TRUE(ss.trim("household_code"));
  EXPECT_EQ(dr::find_answer(ss.answers, "household_code")->str(), "HO-7");
  EXPECT_FALSE(ss.trim("household_code"));
  ss.type(q("note"), "   ");
  EXPECT_TRUE(ss.trim("note"));
  EXPECT_EQ(dr::find_answer(ss.answers, "note"), nullptr);
  EXPECT_FALSE(ss.trim("age")) << "numbers are not text";
}

TEST_F(SessionTest, EditingFromTheReviewPageReturnsThere) {
  ss.answers = profile();
  ss.go_to(at("village"));
  ss.back_to_review = true;
  const Session::Next n = ss.next();
  EXPECT_EQ(n.move, Session::Move::Review);
  EXPECT_TRUE(n.from_review);
  EXPECT_FALSE(ss.back_to_review);
}

TEST_F(SessionTest, TheLastQuestionLeadsToTheReviewPage) {
  ss.answers = profile();
  ss.go_to(ss.last());
  EXPECT_EQ(ss.pos, at("dob"));
  const Session::Next n = ss.next();
  EXPECT_EQ(n.move, Session::Move::Review);
  EXPECT_FALSE(n.from_review);
}

TEST_F(SessionTest, AQuestionHiddenByAnEarlierAnswerGivesWayToTheNextVisibleOne) {
  ss.answers = profile();
  ss.answers["has_phone"] = "yes";
  ss.go_to(at("confidence"));
  ss.choose(q("has_phone"), "no");  // e.g. changed through Back
  EXPECT_TRUE(ss.settle());
  EXPECT_EQ(ss.pos, at("hours"));
  EXPECT_EQ(ss.step(at("hours"), -1), at("has_phone"));
}

TEST_F(SessionTest, OneCountEverywhereProfileIncludedHiddenOnesLeaveWaitingOnesStay) {
  // A new survey (the home card): every askable question may come — 5 profile fields and 10
  // questions; the info screen is not a question.
  const app::QuestionCount fresh = app::count_questions(*s, {});
  EXPECT_EQ(fresh.answered, 0);
  EXPECT_EQ(fresh.total, 15);
  ss.answers = profile();
  ss.answers["has_phone"] = "no";
  // phone_use and confidence are ruled out; wallet still waits on pays_online.
  const app::QuestionCount c = app::count_questions(*s, ss.answers);
  EXPECT_EQ(c.answered, 6);
  EXPECT_EQ(c.total, 13);
  EXPECT_EQ(app::question_number(*s, ss.answers, at("household_code")), 1);
  EXPECT_EQ(app::question_number(*s, ss.answers, at("village")), 4);
  EXPECT_EQ(app::question_number(*s, ss.answers, at("hours")), 7);  // 5 profile, has_phone, hours
  EXPECT_EQ(app::question_number(*s, ss.answers, at("safety_intro")), 0);
  EXPECT_EQ(app::question_number(*s, ss.answers, at("confidence")), 0);
}

TEST_F(SessionTest, StartingASurveyWithADraftOffersTheNewestDraftOfThatSurvey) {
  EXPECT_EQ(app::draft_to_offer(store, s->id), nullptr);
  dr::Answers a = profile();
  store.save_draft(kept_draft(a));
  a["household_code"] = "HO-002";
  dr::Result newer = kept_draft(a);
  newer.updated = "2026-11-02T08:00:00Z";
  store.save_draft(newer);
  store.load(catalog);
  const app::RecordStore::Entry* d = app::draft_to_offer(store, s->id);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->result.id, newer.id);
  EXPECT_EQ(app::draft_to_offer(store, "another-survey"), nullptr);
  // Back on the intro of the survey just started: its own draft is not offered to itself.
  EXPECT_NE(app::draft_to_offer(store, s->id, newer.id)->result.id, newer.id);
}

TEST_F(SessionTest, APersonAnsweringAloneGetsATemporaryCodeThatSaysSo) {
  EXPECT_FALSE(ss.answer_alone(q("province"))) << "only the household code";
  ss.result.id = "3f7a9c0011223344";
  ASSERT_TRUE(ss.answer_alone(q("household_code")));
  const dr::Value* v = dr::find_answer(ss.answers, "household_code");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->str(), "CHUA-MA-3F7A9C");
  EXPECT_TRUE(app::is_alone_code(v->str()));
  EXPECT_FALSE(app::is_alone_code("TL-05-023"));
  // It passes the survey's rules: Next goes on.
  ss.go_to(at("household_code"));
  EXPECT_EQ(ss.next().move, Session::Move::Question);
}

TEST_F(SessionTest, DraftIsKeptAtEachAnswerAndFinishingKeepsTheResultInstead) {
  ss.answers = profile();
  ASSERT_TRUE(ss.save_draft(store, "2026-11-01T08:01:00Z"));
  store.load(catalog);
  ASSERT_EQ(store.drafts().size(), 1u);
  EXPECT_EQ(store.drafts()[0].result.updated, "2026-11-01T08:01:00Z");
  ss.answers["has_phone"] = "no";
  ss.answers["pays_online"] = "never";
  EXPECT_TRUE(ss.finish(store, "2026-11-01T08:09:00Z"));
  EXPECT_TRUE(ss.scores.overall.has_value());
  store.load(catalog);
  EXPECT_TRUE(store.drafts().empty());
  ASSERT_EQ(store.results().size(), 1u);
  EXPECT_EQ(store.results()[0].result.status, dr::Status::Complete);
}

TEST_F(SessionTest, WhenStorageIsFullFinishingStillScores) {
  ss.answers = profile();
  ss.answers["has_phone"] = "no";
  ss.answers["pays_online"] = "never";
  disk.set_capacity(1);
  EXPECT_FALSE(ss.finish(store, "2026-11-01T08:09:00Z"));
  EXPECT_FALSE(ss.saved_on_device);
  EXPECT_TRUE(ss.scores.overall.has_value());
}

TEST_F(SessionTest, AKeptDraftForTheSamePersonIsOfferedInsteadOfASecond) {
  dr::Answers a = profile();
  a["has_phone"] = "yes";
  const dr::Result first = kept_draft(a);
  ASSERT_TRUE(store.save_draft(first));
  store.load(catalog);
  EXPECT_EQ(ss.same_person_draft(store), nullptr) << "nobody named yet";
  ss.type(q("household_code"), "ho-001 ");
  const auto* offered = ss.same_person_draft(store);
  ASSERT_NE(offered, nullptr);
  EXPECT_EQ(offered->result.id, first.id);
  ss.type(q("household_code"), "HO-002");
  EXPECT_EQ(ss.same_person_draft(store), nullptr);
  // The draft itself, resumed, is not its own duplicate.
  ss.resume(store.drafts()[0].result);
  EXPECT_EQ(ss.same_person_draft(store), nullptr);
}

TEST_F(SessionTest, OpeningAResultRecomputesItsScores) {
  dr::Answers a = profile();
  a["has_phone"] = "no";
  a["pays_online"] = "never";
  dr::Result r = kept_draft(a);
  dr::complete_result(r, *s, a, "2026-11-01T09:00:00Z");
  ss.open(r);
  EXPECT_TRUE(ss.saved_on_device);
  EXPECT_EQ(ss.scores.overall, dr::score(*s, a).overall);
}

}  // namespace

TEST_F(SessionTest, SendOnTheReviewPageGoesToTheFirstQuestionToFixOrFinishes) {
  ss.answers = profile();
  ss.answers["age"] = 5;  // below the minimum of 15
  EXPECT_EQ(ss.submit_review(), at("age"));
  EXPECT_EQ(ss.pos, at("age"));
  EXPECT_TRUE(ss.back_to_review);  // Next comes back to the review page
  EXPECT_EQ(ss.issue(q("age")).message, dr::Message("answer.range", {"15", "100"}));
  ss.answers["age"] = 30;
  EXPECT_EQ(ss.submit_review(), at("has_phone"));  // required, not answered: said now
  EXPECT_TRUE(ss.show_problem);
  EXPECT_EQ(ss.issue(q("has_phone")).kind, app::AnswerIssue::Kind::Required);
  ss.answers["has_phone"] = "no";
  ss.answers["pays_online"] = "never";
  EXPECT_EQ(ss.submit_review(), -1);  // nothing left: the survey finishes
}
