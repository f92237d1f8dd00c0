// CSV / NDJSON export of answers typed by anyone: every CSV is well formed (RFC 4180, one cell per
// column), no cell a spreadsheet would run as a formula, typed text comes back exactly, and a record
// written to NDJSON and read back exports the same CSV.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine.hpp"
#include "core/importer.hpp"
#include "fuzz_shared.hpp"

namespace {

using Rows = std::vector<std::vector<std::string>>;

// Strict RFC 4180 as csv_field writes it (BOM, CRLF after every row). False when malformed.
bool parse_csv(std::string_view s, Rows& rows) {
  if (s.substr(0, 3) != "\xEF\xBB\xBF") return false;
  s.remove_prefix(3);
  std::vector<std::string> row;
  while (!s.empty()) {
    std::string cell;
    if (s.front() == '"') {
      s.remove_prefix(1);
      for (;;) {
        const std::size_t q = s.find('"');
        if (q == std::string_view::npos) return false;
        cell.append(s.substr(0, q));
        s.remove_prefix(q + 1);
        if (s.empty() || s.front() != '"') break;
        cell += '"';
        s.remove_prefix(1);
      }
    } else {
      const std::size_t end = s.find_first_of(",\r");
      cell = std::string(s.substr(0, end));
      if (cell.find_first_of("\"\n") != std::string::npos) return false;  // unquoted quote or LF
      s.remove_prefix(end == std::string_view::npos ? s.size() : end);
    }
    row.push_back(std::move(cell));
    if (s.substr(0, 1) == ",") {
      s.remove_prefix(1);
    } else if (s.substr(0, 2) == "\r\n") {
      s.remove_prefix(2);
      rows.push_back(std::move(row));
      row.clear();
    } else {
      return false;  // every row ends with CRLF
    }
  }
  return row.empty();
}

void check_csv(const std::string& csv, std::size_t want_rows) {
  Rows rows;
  if (!parse_csv(csv, rows) || rows.size() != want_rows) __builtin_trap();
  for (auto& r : rows) {
    if (r.size() != rows.front().size()) __builtin_trap();
    for (auto& c : r)
      if (!c.empty() && std::string_view("=+-@\t\r").find(c.front()) != std::string_view::npos &&
          !dr::is_plain_number(c))
        __builtin_trap();  // a formula got through
  }
}

// Cells as typed: the guard's apostrophe taken off again.
std::string unguard(const std::string& cell, const std::string& typed) {
  return cell.size() == typed.size() + 1 && cell.front() == '\'' ? cell.substr(1) : cell;
}

std::vector<std::string> pieces(std::string_view text, std::size_t n) {
  std::vector<std::string> out;
  while (out.size() + 1 < n) {
    const std::size_t z = text.find('\0');
    out.emplace_back(text.substr(0, z));
    text.remove_prefix(z == std::string_view::npos ? text.size() : z + 1);
  }
  out.emplace_back(text);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto survey = drf::organiser_survey();
  const dr::Survey& s = *survey;
  // village \0 household code \0 text answer \0 number as typed \0 choices (bits)
  auto p = pieces({reinterpret_cast<const char*>(data), size}, 5);
  dr::Answers a;
  if (!p[0].empty()) a["village"] = p[0];
  if (!p[1].empty()) a["household_code"] = p[1];
  if (!p[2].empty()) a["t"] = p[2];
  bool ok = false;
  dr::Value n = dr::parse_typed_input(*s.find("n"), p[3], ok);
  if (ok && n.answered()) a["n"] = n;
  const unsigned bits = p[4].empty() ? 0 : static_cast<unsigned char>(p[4][0]);
  std::vector<std::string> m;
  if (bits & 1) m.push_back("a");
  if (bits & 2) m.push_back("b");
  if (!m.empty()) a["m"] = m;
  if (bits & 4) a["y"] = bits & 8 ? "yes" : "no";

  dr::Result r = dr::new_result(s, bits & 16 ? "en" : "vi", "2024-01-01T00:00:00Z");
  dr::complete_result(r, s, a, "2024-01-01T00:05:00Z");
  const std::vector<dr::Result> one{r};
  dr::Filter f;
  f.survey_id = s.id;
  // No locale files here: the words are their keys, the CSV's shape is the same.
  dr::Strings lang;
  lang.set_language(r.language);
  const std::string csv = dr::results_csv(one, s, f, lang);
  check_csv(csv, 2);
  check_csv(dr::aggregates_csv(dr::aggregate(one, s, f), s, lang), 1 + 1 + s.dimensions.size());
  const auto needs = dr::training_needs(one, s, f, 101);  // everyone with a score is listed
  std::size_t listed = 0;
  for (auto& nd : needs)
    for (auto& [g, ppl] : nd.people) listed += ppl.size();
  check_csv(dr::training_needs_csv(needs, s, lang), 1 + listed);

  // Typed text comes back exactly (tidied where the export tidies).
  Rows rows;
  parse_csv(csv, rows);
  const auto col = [&](std::string_view code) {
    for (std::size_t i = 0; i < rows[0].size(); ++i)
      if (rows[0][i].size() > code.size() && rows[0][i].compare(rows[0][i].size() - code.size(), code.size(), code) == 0)
        return i;
    __builtin_trap();
  };
  const auto typed = [&](const char* id) { return r.profile.count(id) ? r.profile.at(id).str() : r.answers.count(id) ? r.answers.at(id).str() : std::string(); };
  for (const char* id : {"village", "household_code", "t"}) {
    const std::string cell = rows[1][col(std::string("[") + id + "]")];
    if (unguard(cell, typed(id)) != typed(id)) __builtin_trap();
  }

  // NDJSON: the record written and read back (when its text is valid UTF-8) exports the same CSV.
  dr::ReadResult back = dr::read_result(dr::result_to_json(r), "r.json", drf::organiser_catalog());
  if (back.ok && dr::results_csv({back.result}, s, f, lang) != csv) __builtin_trap();
  return 0;
}
