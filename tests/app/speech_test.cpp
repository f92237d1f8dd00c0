// What is announced to a screen reader and read aloud by "Nghe" (app/speech.cpp), on the unit-test
// survey: worked examples, words in, words out.
#include "app/speech.hpp"

#include <gtest/gtest.h>

#include "app_test_util.hpp"

namespace {

const dr::Question& question(const dr::Survey& s, const char* id) {
  const dr::Question* q = s.find(id);
  EXPECT_NE(q, nullptr) << id;
  return *q;
}

TEST(Speech, QuestionIsReadTitleThenOptionsEachMarked) {
  auto s = apt::mini();
  const app::Speech sp = app::question_speech(question(*s, "pays_online"), drt::words("vi"));
  EXPECT_EQ(sp.lang, "vi-VN");
  EXPECT_EQ(sp.lines, (std::vector<std::string>{"Thanh toán trực tuyến?", "Chưa bao giờ", "Thỉnh thoảng", "Thường xuyên"}));
  EXPECT_EQ(sp.marks, (std::vector<std::string>{"", "opt.pays_online.never", "opt.pays_online.sometimes",
                                                "opt.pays_online.often"}));
}

TEST(Speech, EnglishIsReadInEnglishAndRatingsWithTheirNumber) {
  auto s = apt::mini();
  const app::Speech sp = app::question_speech(question(*s, "confidence"), drt::words("en"));
  EXPECT_EQ(sp.lang, "en-US");
  ASSERT_GE(sp.lines.size(), 3u);
  EXPECT_EQ(sp.lines[0], "Confident?");
  EXPECT_EQ(sp.lines[1], "1 — 1");
  EXPECT_EQ(sp.marks[1], "opt.confidence.1");
}

TEST(Speech, TextQuestionIsJustItsTitle) {
  auto s = apt::mini();
  const app::Speech sp = app::question_speech(question(*s, "note"), drt::words("vi"));
  EXPECT_EQ(sp.lines, (std::vector<std::string>{"Ghi chú"}));
}

TEST(Speech, NewQuestionAnnouncesTitleThenPosition) {
  auto s = apt::mini();
  EXPECT_EQ(app::question_announcement(question(*s, "has_phone"), "vi", "Câu 1/7"),
            "Có điện thoại thông minh?. Câu 1/7");
  EXPECT_EQ(app::question_announcement(question(*s, "safety_intro"), "en", ""), "Safety part");
}

TEST(Speech, SelectionSaysOnlyWhatIsChosen) {
  auto s = apt::mini();
  const dr::Question& q = question(*s, "phone_use");
  dr::Answers a;
  EXPECT_EQ(app::selection_announcement(q, a, "vi", "Đã chọn", "chưa chọn"), "Đã chọn: chưa chọn");
  a["phone_use"] = dr::Value(std::vector<std::string>{"zalo", "call"});
  EXPECT_EQ(app::selection_announcement(q, a, "vi", "Đã chọn", "chưa chọn"), "Đã chọn: Gọi điện, Zalo");
}

TEST(Speech, ResultSaysLevelEachAreaAndTheFirstAdvice) {
  auto s = apt::mini();
  dr::Answers a{{"has_phone", dr::Value("no")}, {"pays_online", dr::Value("never")},
                {"otp", dr::Value("never_share")}};
  const dr::Scores sc = dr::score(*s, a);
  const app::Speech sp = app::result_speech(*s, sc, drt::words("vi"), {"Kết quả", "Mức", "Nên làm"});
  EXPECT_EQ(sp.lang, "vi-VN");
  ASSERT_EQ(sp.lines.size(), 2 + s->dimensions.size() + 1);
  EXPECT_EQ(sp.lines[0], "Kết quả. " + s->title.get("vi"));
  EXPECT_EQ(sp.lines[1], "Mức: " + sc.level_ptr(*s)->label.get("vi") + ", " + app::percent_words(sc.overall));
  EXPECT_EQ(sp.lines[2], "Thiết bị: " + app::percent_words(sc.dimensions[0].percent));
  EXPECT_EQ(sp.lines[3], "Thanh toán: 0%");
  EXPECT_EQ(sp.lines[4], "An toàn: " + app::percent_words(sc.dimensions[2].percent));
  EXPECT_EQ(sp.lines.back().rfind("Nên làm: ", 0), 0u);
}

}  // namespace
