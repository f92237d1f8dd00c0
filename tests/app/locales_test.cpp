// The app's words: every locale has every key (with the same {n} slots), the code asks only for keys
// that exist and every key is asked for, and a language is a file: a third locale added beside the
// real ones is offered, chosen, kept and used with no code edit.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "app/locales.hpp"
#include "app/session.hpp"
#include "app/settings.hpp"
#include "app_test_util.hpp"

namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> locale_files(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") out[e.path().stem().string()] = drt::read_file(e.path().string());
  return out;
}

// "{0} of {1}" -> {0, 1}
std::set<char> slots(const std::string& text) {
  std::set<char> out;
  for (std::size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '{' && text[i + 2] == '}' && text[i + 1] >= '0' && text[i + 1] <= '9') out.insert(text[i + 1]);
  return out;
}

std::string source_text() {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(DR_SOURCE_DIR)) {
    const auto ext = e.path().extension();
    if (ext == ".cpp" || ext == ".hpp") all += drt::read_file(e.path().string()) + "\n";
  }
  return all;
}

// A string literal shaped like a key ("a.b", or a prefix "a.b."), and whether it is handed straight
// to a lookup: t("k"), get("k"), get_in(lang, "k"), all("k"), has_key("k"), Message("k", ...).
struct Literal {
  std::string text;
  bool lookup = false;
};

bool key_shaped(const std::string& s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z' || s.find('.') == std::string::npos) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
  return true;
}

// The function a literal at `at` is handed to, as its first or (get_in) second argument.
std::string callee(const std::string& src, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && src[i - 1] == ' ') --i;
  const bool second = i > 0 && src[i - 1] == ',';
  if (second) {  // back over a plain first argument (no call in it) to its '('
    --i;
    while (i > 0 && src[i - 1] != '(' && src[i - 1] != ')' && src[i - 1] != ';' && src[i - 1] != '\n') --i;
  }
  if (i == 0 || src[i - 1] != '(') return {};
  std::size_t end = --i;
  while (i > 0 && (std::isalnum(static_cast<unsigned char>(src[i - 1])) || src[i - 1] == '_')) --i;
  std::string fn = src.substr(i, end - i);
  return !second || fn == "get_in" ? fn : std::string();
}

// Every string literal of the source (comments and character literals skipped, escapes kept whole).
std::vector<Literal> key_literals(const std::string& src) {
  static const std::set<std::string> lookups = {"t", "get", "get_in", "all", "has_key", "Message"};
  std::vector<Literal> out;
  for (std::size_t i = 0; i < src.size(); ++i) {
    if (src.compare(i, 2, "//") == 0) {
      i = src.find('\n', i);
      if (i == std::string::npos) break;
    } else if (src.compare(i, 2, "/*") == 0) {
      i = src.find("*/", i);
      if (i == std::string::npos) break;
      ++i;
    } else if (src[i] == '\'' || src[i] == '"') {
      const char quote = src[i];
      const std::size_t open = i;
      for (++i; i < src.size() && src[i] != quote; ++i)
        if (src[i] == '\\') ++i;
      if (quote == '\'') continue;
      std::string text = src.substr(open + 1, i - open - 1);
      if (!key_shaped(text)) continue;
      const std::string fn = callee(src, open);
      out.push_back({std::move(text), lookups.count(fn) > 0});
    }
  }
  return out;
}

// The real locales plus tests/app/data/locales/qq.json, a made-up third language.
dr::Strings with_fake_language() {
  dr::Strings w;
  std::vector<app::LocaleFile> files = app::embedded_locales();
  files.push_back({"qq", drt::read_file(std::string(DR_APP_TEST_DATA) + "/locales/qq.json")});
  for (const std::string& problem : app::add_locales(w, files)) ADD_FAILURE() << problem;
  return w;
}

}  // namespace

TEST(Locales, EveryLocaleHasEveryKeyWithTheSameSlots) {
  const dr::Strings& w = drt::words("en");
  ASSERT_GE(w.languages().size(), 2u);
  std::set<std::string> all;
  for (const std::string& lang : w.languages())
    for (const std::string& k : w.keys(lang)) all.insert(k);
  for (const std::string& lang : w.languages()) {
    const std::vector<std::string> have = w.keys(lang);
    for (const std::string& k : all) {
      EXPECT_TRUE(std::binary_search(have.begin(), have.end(), k)) << lang << ".json has no '" << k << "'";
      EXPECT_EQ(slots(w.get_in(lang, k)), slots(w.get_in("en", k))) << lang << ": '" << k << "' has other {n} slots";
    }
    EXPECT_FALSE(w.get_in(lang, "language.name").empty());
  }
}

TEST(Locales, TheAppCarriesExactlyTheLocaleFolder) {
  // The build embeds every assets/locales/*.json: a new file is a new language, no list to edit.
  std::map<std::string, std::string> embedded;
  for (const app::LocaleFile& f : app::embedded_locales()) embedded[f.lang] = f.json;
  EXPECT_EQ(embedded, locale_files(DR_LOCALE_DIR));
}

TEST(Locales, AtTheStartALanguageByItsNameAloneIsListedAsItsFileNamesItAndTheFileReplacesIt) {
  // The app starts with the other languages by their names only (home's language switch) and adds
  // their files after the first frame (src/ui/app.cpp).
  dr::Strings full, start;
  for (const std::string& problem : app::add_locales(full, app::embedded_locales())) ADD_FAILURE() << problem;
  for (const std::string& problem : app::add_locales(start, app::embedded_locale_names())) ADD_FAILURE() << problem;
  EXPECT_EQ(start.languages(), full.languages());
  for (const std::string& lang : full.languages()) {
    EXPECT_EQ(start.get_in(lang, "language.name"), full.get_in(lang, "language.name")) << lang;
    EXPECT_EQ(start.keys(lang), std::vector<std::string>{"language.name"}) << lang;
  }
  const auto not_first = [](std::string_view l) { return l != app::kFirstLanguage; };
  ASSERT_FALSE(app::embedded_locales(not_first).empty());
  for (const std::string& problem : app::add_locales(start, app::embedded_locales(not_first))) ADD_FAILURE() << problem;
  EXPECT_EQ(start.languages(), full.languages());  // each keeps its place in the list
  for (const std::string& lang : full.languages())
    if (lang != app::kFirstLanguage) EXPECT_EQ(start.keys(lang), full.keys(lang)) << lang;
}

TEST(Locales, CodeAsksOnlyForKeysThatExistAndEveryKeyIsAskedFor) {
  const std::string src = source_text();
  const dr::Strings& w = drt::words("en");
  const std::vector<std::string> keys = w.keys("en");
  std::set<std::string> literals, prefixes;
  std::size_t asked = 0;
  for (const Literal& lit : key_literals(src)) {
    literals.insert(lit.text);
    if (lit.text.back() == '.') prefixes.insert(lit.text);  // "import.problem." + code
    else if (lit.lookup) {
      ++asked;
      EXPECT_TRUE(std::binary_search(keys.begin(), keys.end(), lit.text))
          << "the code asks for '" << lit.text << "', no locale has it";
    }
  }
  EXPECT_GT(asked, 100u);  // the scan sees the lookups (a broken scan would find none)
  // A key is used when the code names it, or names its prefix.
  for (const std::string& key : keys) {
    bool used = literals.count(key) > 0;
    for (const std::string& p : prefixes) used = used || key.rfind(p, 0) == 0;
    EXPECT_TRUE(used) << "'" << key << "' is in the locale files but no code asks for it";
  }
}

TEST(Locales, AThirdLanguageIsOfferedChosenKeptAndUsed) {
  dr::Strings w = with_fake_language();
  // Offered: by its own name, after Vietnamese (first) and the others by code.
  const std::vector<app::LanguageChoice> offered = app::language_choices(w);
  ASSERT_EQ(offered.size(), 3u);
  EXPECT_EQ(offered[0].lang, "vi");
  EXPECT_EQ(offered[0].name, "Tiếng Việt");
  EXPECT_EQ(offered[1].name, "English");
  EXPECT_EQ(offered[2].lang, "qq");
  EXPECT_EQ(offered[2].name, "Qq (test language)");
  EXPECT_EQ(app::next_language(w, "en"), "qq");  // the survey screen's one-tap switch
  EXPECT_EQ(app::next_language(w, "qq"), "vi");

  // Chosen and kept: the settings store it and read it back; without the file it is not offered.
  platform::FolderStorage store(apt::fresh_folder());
  ASSERT_TRUE(app::save_settings(store, {"qq", true}));
  EXPECT_EQ(app::load_settings(store, w).lang, "qq");
  EXPECT_EQ(app::load_settings(store, drt::words("en")).lang, "vi");

  // Used: the app's words, a core message, the yes/no labels and a survey's own translation.
  w.set_language("qq");
  EXPECT_EQ(w.get("nav.next"), "Qq-next");
  EXPECT_EQ(w.get("nav.back"), drt::words("en").get("nav.back"));  // not translated yet: English
  EXPECT_EQ(w.text(dr::Message("answer.range", {"0", "24"})), "Qq: 0 .. 24");
  std::string text = drt::read_file(std::string(DR_TEST_DATA) + "/mini.json");
  apt::replace_once(text, "\"en\": \"Own a smartphone?\"", "\"en\": \"Own a smartphone?\", \"qq\": \"Qq-phone?\"");
  auto r = dr::load_survey(text, "mini.json", app::survey_labels(w));
  ASSERT_TRUE(r.ok()) << r.errors[0];
  const dr::Question& q = *r.survey->find("has_phone");
  EXPECT_EQ(q.title.get("qq"), "Qq-phone?");
  EXPECT_EQ(q.options[0].label.get("qq"), "Qq-yes");
  EXPECT_EQ(q.options[1].label.get("vi"), "Không");
}

TEST(Locales, AnswerIssuesInWords) {
  const dr::Strings& vi = drt::words("vi");
  app::AnswerIssue none;
  EXPECT_EQ(app::issue_words(none, vi), "");
  app::AnswerIssue range{app::AnswerIssue::Kind::Rule, dr::Message("answer.at_most", {"10"}), {}};
  EXPECT_EQ(app::issue_words(range, vi), "Vui lòng nhập giá trị không lớn hơn 10.");
  EXPECT_EQ(app::issue_words(range, drt::words("en")), "Please enter a value of at most 10.");
  app::AnswerIssue own = range;
  own.rule.set("vi", "Tối đa 10 ký tự");  // the survey's own message wins
  EXPECT_EQ(app::issue_words(own, vi), "Tối đa 10 ký tự");
  app::AnswerIssue required{app::AnswerIssue::Kind::Required, {}, {}};
  EXPECT_EQ(app::issue_words(required, vi), vi.get("survey.required"));
}
