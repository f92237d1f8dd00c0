#include "core/compact.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>

#include "core/base45.hpp"
#include "core/engine.hpp"
#include "core/json.hpp"

namespace dr {

namespace {

constexpr std::size_t kSurveyShaBytes = 4;  // enough to tell two copies of a survey apart
constexpr std::size_t kChecksumBytes = 8;   // of the record's sha256: a wrong rebuild goes unseen 1 in 2^64

// ---- calendar: days since 1970-01-01 in the proleptic Gregorian calendar (no time zones) ----

std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;                                   // 0..399
  std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // 0..365, from March 1
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, int& m, int& d) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  d = int(doy - (153 * mp + 2) / 5 + 1);
  m = int(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2);
}

// Years 0000..9999 keep the four-digit text form.
const std::int64_t kMinDay = days_from_civil(0, 1, 1), kMaxDay = days_from_civil(9999, 12, 31);

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::string format_day(std::int64_t day) {
  std::int64_t y;
  int m, d;
  civil_from_days(day, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(y), m, d);
  return buf;
}

// "YYYY-MM-DD" -> day number, only when formatting it back gives the same text.
std::optional<std::int64_t> parse_day(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, y) || !digits(s, 5, 2, m) ||
      !digits(s, 8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31)
    return std::nullopt;
  std::int64_t day = days_from_civil(y, m, d);
  if (format_day(day) != s) return std::nullopt;
  return day;
}

// "YYYY-MM-DDTHH:MM:SSZ" (what now_iso8601 writes) <-> seconds since 1970.
std::optional<std::int64_t> parse_time(std::string_view s) {
  int h, mi, se;
  if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' || !digits(s, 11, 2, h) ||
      !digits(s, 14, 2, mi) || !digits(s, 17, 2, se) || h > 23 || mi > 59 || se > 59)
    return std::nullopt;
  auto day = parse_day(s.substr(0, 10));
  if (!day) return std::nullopt;
  return *day * 86400 + h * 3600 + mi * 60 + se;
}

std::optional<std::string> format_time(std::int64_t t) {
  if (t < kMinDay * 86400 || t > kMaxDay * 86400 + 86399) return std::nullopt;
  std::int64_t day = (t >= 0 ? t : t - 86399) / 86400, sec = t - day * 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", int(sec / 3600), int(sec / 60 % 60), int(sec % 60));
  return format_day(day) + buf;
}

// ---- numbers ----

std::uint64_t zigzag(std::int64_t v) { return (std::uint64_t(v) << 1) ^ (v < 0 ? ~std::uint64_t(0) : 0); }
std::int64_t unzigzag(std::uint64_t u) { return std::int64_t(u >> 1) ^ -std::int64_t(u & 1); }

constexpr double kPow10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
constexpr int kRawDouble = 7;  // scale code: eight IEEE-754 bytes follow

bool same_double(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// A number as decimal mantissa and scale (1.5 -> 15, 1), when m / 10^scale gives back exactly the
// same double (both are exact doubles, so the division is correctly rounded, like reading the text).
std::optional<std::pair<std::int64_t, int>> decimal_of(double v) {
  std::string t = json::number_text(v);
  std::int64_t m = 0;
  int scale = -1, ndigits = 0;
  std::size_t i = t.size() > 0 && t[0] == '-' ? 1 : 0;
  for (; i < t.size(); ++i) {
    if (t[i] == '.' && scale < 0) { scale = 0; continue; }
    if (t[i] < '0' || t[i] > '9' || ++ndigits > 15) return std::nullopt;
    m = m * 10 + (t[i] - '0');
    if (scale >= 0) ++scale;
  }
  if (scale < 0) scale = 0;
  if (scale >= kRawDouble) return std::nullopt;
  if (t[0] == '-') m = -m;
  if (!same_double(double(m) / kPow10[scale], v)) return std::nullopt;
  return std::make_pair(m, scale);
}

// ---- byte writer / reader ----

struct Out {
  std::string b;
  void byte(std::uint8_t v) { b += char(v); }
  void uv(std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) byte(std::uint8_t(v | 0x80));
    byte(std::uint8_t(v));
  }
  void raw(std::string_view s) { b.append(s); }
  void str(std::string_view s) { uv(s.size()); raw(s); }
  // A string usually written as an integer (a time, a day): 0 = "", odd = zigzag(value - base),
  // even = the text itself, length k/2 - 1.
  void packed(std::string_view s, std::optional<std::int64_t> value, std::int64_t base) {
    if (s.empty()) uv(0);
    else if (value) uv(zigzag(*value - base) * 2 + 1);
    else { uv((s.size() + 1) * 2); raw(s); }
  }
  // One of a short list of usual values (by index), else the string after them.
  void choice(std::string_view s, const std::vector<std::string>& usual) {
    for (std::size_t i = 0; i < usual.size(); ++i)
      if (usual[i] == s) { uv(i); return; }
    uv(usual.size() + s.size());
    raw(s);
  }
  void number(double v) {
    if (auto d = decimal_of(v)) { uv(zigzag(d->first) * 8 + std::uint64_t(d->second)); return; }
    uv(kRawDouble);
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    for (int i = 0; i < 8; ++i) byte(std::uint8_t(bits >> (8 * i)));  // little-endian on every host
  }
};

// Every read checks the bytes left first, so no length in the input can make it allocate more than
// the input holds. The first failure sticks; later reads return zeros.
struct In {
  std::string_view b;
  std::size_t at = 0;
  std::string error;
  bool fail(std::string msg) {
    if (error.empty()) error = std::move(msg) + " (at byte " + std::to_string(at) + ")";
    return false;
  }
  std::size_t left() const { return b.size() - at; }
  bool byte(std::uint8_t& v) {
    if (!error.empty()) return false;
    if (at >= b.size()) return fail("cut short");
    v = std::uint8_t(b[at++]);
    return true;
  }
  std::uint64_t uv() {
    std::uint64_t v = 0;
    std::uint8_t c = 0x80;
    for (int shift = 0; c & 0x80; shift += 7) {
      if (shift > 63) { fail("number too long"); return 0; }
      if (!byte(c)) return 0;
      v |= std::uint64_t(c & 0x7F) << shift;
    }
    return v;
  }
  std::string raw(std::uint64_t n) {
    if (!error.empty()) return {};
    if (n > left()) { fail("cut short"); return {}; }
    std::string s(b.substr(at, std::size_t(n)));
    at += std::size_t(n);
    return s;
  }
  std::string str() { return raw(uv()); }
  // Inverse of Out::packed; `format` turns the value back into text (nullopt = out of range).
  template <class F>
  std::string packed(std::int64_t base, F format) {
    std::uint64_t k = uv();
    if (k == 0 || !error.empty()) return {};
    if (k % 2 == 0) return raw(k / 2 - 1);
    std::int64_t v = unzigzag(k >> 1);
    std::optional<std::string> s;
    // Wrap-around of value + base is checked by the range check in `format`, done in unsigned maths.
    s = format(std::int64_t(std::uint64_t(v) + std::uint64_t(base)));
    if (!s) fail("date or time out of range");
    return s.value_or("");
  }
  std::string choice(const std::vector<std::string>& usual) {
    std::uint64_t k = uv();
    if (k < usual.size()) return usual[std::size_t(k)];
    return raw(k - usual.size());
  }
  double number() {
    std::uint64_t h = uv();
    if ((h & 7) != kRawDouble) return double(unzigzag(h >> 3)) / kPow10[h & 7];
    if (h != kRawDouble) { fail("bad number"); return 0; }
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) {
      std::uint8_t c = 0;
      byte(c);
      bits |= std::uint64_t(c) << (8 * i);
    }
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
  }
};

// ---- answers, one per askable question in survey order ----

bool askable(const Question& q) { return q.type != QuestionType::Info; }

int option_index(const Question& q, const Value& v) {
  for (std::size_t i = 0; i < q.options.size(); ++i) {
    const Option& o = q.options[i];
    if (q.type == QuestionType::Rating ? o.number == v.number() : o.value == v.str()) return int(i);
  }
  return -1;
}

// Multiple: 0 + a bitmap when the list is in option order (as the app keeps it), else count + indices.
void put_multiple(Out& o, const Question& q, const std::vector<std::string>& list) {
  std::vector<int> idx;
  for (auto& x : list) idx.push_back(option_index(q, Value(x)));
  bool ordered = true;
  for (std::size_t i = 1; i < idx.size(); ++i) ordered = ordered && idx[i - 1] < idx[i];
  if (!ordered) {
    o.uv(idx.size());
    for (int i : idx) o.uv(std::uint64_t(i));
    return;
  }
  o.uv(0);
  std::string bits((q.options.size() + 7) / 8, '\0');
  for (int i : idx) bits[std::size_t(i) / 8] = char(bits[std::size_t(i) / 8] | (1 << (i % 8)));
  o.raw(bits);
}

std::vector<std::string> get_multiple(In& in, const Question& q) {
  std::vector<std::string> list;
  std::uint64_t k = in.uv();
  const std::size_t n = q.options.size();
  if (k > n) { in.fail("more choices than options"); return list; }
  if (k > 0) {
    for (std::uint64_t i = 0; i < k && in.error.empty(); ++i) {
      std::uint64_t j = in.uv();
      if (j >= n) { in.fail("no such option"); break; }
      list.push_back(q.options[std::size_t(j)].value);
    }
    return list;
  }
  std::string bits = in.raw((n + 7) / 8);
  if (!in.error.empty()) return list;
  for (std::size_t i = 0; i < n; ++i)
    if (bits[i / 8] >> (i % 8) & 1) list.push_back(q.options[i].value);
  for (std::size_t i = n; i < bits.size() * 8; ++i)
    if (bits[i / 8] >> (i % 8) & 1) in.fail("no such option");
  return list;
}

void put_answer(Out& o, const Question& q, const Value& v) {
  switch (q.type) {
    case QuestionType::Single:
    case QuestionType::YesNo:
    case QuestionType::Rating: o.uv(std::uint64_t(option_index(q, v))); break;
    case QuestionType::Multiple: put_multiple(o, q, v.list()); break;
    case QuestionType::Integer:
    case QuestionType::Decimal: o.number(v.number()); break;
    case QuestionType::Date: o.packed(v.str(), parse_day(v.str()), 0); break;
    case QuestionType::Text:
    case QuestionType::LongText:
    case QuestionType::Info: o.str(v.str()); break;
  }
}

Value get_answer(In& in, const Question& q) {
  switch (q.type) {
    case QuestionType::Single:
    case QuestionType::YesNo:
    case QuestionType::Rating: {
      std::uint64_t i = in.uv();
      if (!in.error.empty()) return {};
      if (i >= q.options.size()) { in.fail("no such option for " + q.id); return {}; }
      const Option& opt = q.options[std::size_t(i)];
      return q.type == QuestionType::Rating ? Value(opt.number) : Value(opt.value);
    }
    case QuestionType::Multiple: return Value(get_multiple(in, q));
    case QuestionType::Integer:
    case QuestionType::Decimal: return Value(in.number());
    case QuestionType::Date:
      return Value(in.packed(0, [](std::int64_t d) {
        return d < kMinDay || d > kMaxDay ? std::nullopt : std::optional<std::string>(format_day(d));
      }));
    case QuestionType::Text:
    case QuestionType::LongText:
    case QuestionType::Info: return Value(in.str());
  }
  return {};
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    std::uint32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) return false;
      cp = cp << 6 | (cc & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    static const std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

bool valid_answer_text(const Value& v) {
  if (v.is_string()) return valid_utf8(v.str());
  for (auto& x : v.list())
    if (!valid_utf8(x)) return false;
  return true;
}

// ---- hex fields (ids and checksums are lowercase hex in records) ----

std::string to_hex(std::string_view bytes) {
  static const char* kHex = "0123456789abcdef";
  std::string h;
  for (char c : bytes) {
    h += kHex[std::uint8_t(c) >> 4];
    h += kHex[std::uint8_t(c) & 15];
  }
  return h;
}

// The first n bytes of a lowercase hex string, or nullopt.
std::optional<std::string> from_hex(std::string_view hex, std::size_t n) {
  if (hex.size() < 2 * n) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < 2 * n; ++i) {
    char c = hex[i];
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (v < 0) return std::nullopt;
    if (i % 2 == 0) out += char(v << 4);
    else out.back() = char(out.back() | v);
  }
  return out;
}

std::string checksum_of(const std::string& record_json) {
  rapidjson::Document d;
  d.Parse(record_json.data(), record_json.size());
  auto it = d.IsObject() ? d.FindMember("checksum") : d.MemberEnd();
  return it != d.MemberEnd() && it->value.IsString() ? std::string(json::sv(it->value)) : std::string();
}

bool same_scores(const StoredScores& a, const StoredScores& b) {
  return a.dimensions == b.dimensions && a.overall == b.overall && a.level == b.level;
}

// Why r cannot be encoded against s, or "".
std::string misfit(const Result& r, const Survey& s) {
  // The version label may differ when the content is the same (SurveyCatalog::resolve reads such records).
  if (r.survey_id != s.id) return "the record is of survey " + r.survey_id + ", not " + s.id;
  if (r.survey_sha256 != s.sha256)
    return "the record was made with another version or copy of survey " + s.id + " than " + s.version;
  if (r.id.size() != 32 || !from_hex(r.id, 16)) return "the record id is not 32 lowercase hex digits";
  std::size_t found = 0;
  for (auto& q : s.questions) {
    const Answers& part = q.profile() ? r.profile : r.answers;
    auto it = part.find(q.id);
    if (!askable(q) || it == part.end()) continue;
    ++found;
    if (!it->second.answered() || !answer_format_ok(q, it->second) || !valid_answer_text(it->second))
      return "the answer to " + q.id + " does not fit the question";
  }
  if (found != r.profile.size() + r.answers.size())
    return "the record has answers that are not questions of survey " + s.id + " (or not in their part)";
  if (r.status == Status::Complete && r.completed.empty()) return "a complete record needs its completion time";
  if (!same_scores(r.scores, stored_scores(s, score(s, all_answers(r)))))
    return "the stored scores are not the ones the answers give";
  return "";
}

std::vector<const Question*> askable_questions(const Survey& s) {
  std::vector<const Question*> qs;
  for (auto& q : s.questions)
    if (askable(q)) qs.push_back(&q);
  return qs;
}

void put_answers(Out& o, const Result& r, const Survey& s) {
  auto qs = askable_questions(s);
  std::string present((qs.size() + 7) / 8, '\0');
  for (std::size_t i = 0; i < qs.size(); ++i)
    if ((qs[i]->profile() ? r.profile : r.answers).count(qs[i]->id)) present[i / 8] = char(present[i / 8] | 1 << (i % 8));
  o.raw(present);
  for (const Question* q : qs) {
    const Answers& part = q->profile() ? r.profile : r.answers;
    auto it = part.find(q->id);
    if (it != part.end()) put_answer(o, *q, it->second);
  }
}

void get_answers(In& in, Result& r, const Survey& s) {
  auto qs = askable_questions(s);
  std::string present = in.raw((qs.size() + 7) / 8);
  if (!in.error.empty()) return;
  for (std::size_t i = qs.size(); i < present.size() * 8; ++i)
    if (present[i / 8] >> (i % 8) & 1) in.fail("answer bits past the last question");
  for (std::size_t i = 0; i < qs.size() && in.error.empty(); ++i) {
    if (!(present[i / 8] >> (i % 8) & 1)) continue;
    const Question& q = *qs[i];
    Value v = get_answer(in, q);
    if (!in.error.empty()) break;
    if (!v.answered() || !answer_format_ok(q, v) || !valid_answer_text(v))
      in.fail("the answer to " + q.id + " does not fit the question");
    else (q.profile() ? r.profile : r.answers).emplace(q.id, std::move(v));
  }
}

// Everything after the header, to the last byte (Out order in encode_compact).
void get_body(In& in, Result& r, const Survey& s) {
  std::uint64_t flags = in.uv();
  if (flags > 1) in.fail("unknown flags");
  r.status = flags == 1 ? Status::Complete : Status::Draft;
  r.language = in.choice(s.languages);
  r.app_version = in.str();
  r.started = in.packed(0, format_time);
  r.updated = in.packed(parse_time(r.started).value_or(0), format_time);
  r.completed = in.packed(parse_time(r.updated).value_or(0), format_time);
  get_answers(in, r, s);
  if (in.error.empty() && in.left()) in.fail("bytes after the end of the record");
  for (const std::string* t : {&r.survey_id, &r.survey_version, &r.language, &r.app_version, &r.started, &r.updated,
                               &r.completed})
    if (in.error.empty() && !valid_utf8(*t)) in.fail("text that is not UTF-8");
}

// The header's survey: exact id + version with the same sha256 prefix, else (like
// SurveyCatalog::resolve) the same content under another version label.
std::shared_ptr<const Survey> find_survey(const SurveyCatalog& cat, const std::string& id, const std::string& version,
                                          const std::string& sha_prefix, std::string& error) {
  bool same_id = false;
  for (auto& s : cat.surveys()) {
    if (s->id != id) continue;
    same_id = true;
    if (from_hex(s->sha256, kSurveyShaBytes) == sha_prefix && (s->version == version)) return s;
  }
  for (auto& s : cat.surveys())
    if (s->id == id && from_hex(s->sha256, kSurveyShaBytes) == sha_prefix) return s;
  error = same_id ? "another survey version: " + id + " '" + version + "' is not on this device in the form it was answered"
                  : "unknown survey '" + id + "'";
  return nullptr;
}

std::string trim(std::string_view t) {
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  std::size_t a = t.find_first_not_of(" \t\r\n"), b = t.find_last_not_of(" \t\r\n");
  return a == std::string_view::npos ? std::string() : std::string(t.substr(a, b - a + 1));
}

}  // namespace

CompactEncoding encode_compact(const Result& r, const Survey& s) {
  CompactEncoding e;
  e.error = misfit(r, s);
  if (!e.ok()) return e;
  std::string sum = checksum_of(result_to_json(r));
  Out o;
  o.byte(kCompactVersion);
  o.str(r.survey_id);
  o.str(r.survey_version);  // the record's label, which may name the same content under another version
  o.raw(from_hex(s.sha256, kSurveyShaBytes).value_or(std::string(kSurveyShaBytes, '\0')));
  o.raw(from_hex(sum, kChecksumBytes).value_or(std::string(kChecksumBytes, '\0')));
  o.raw(*from_hex(r.id, 16));
  o.uv(r.status == Status::Complete ? 1 : 0);
  o.choice(r.language, s.languages);
  o.str(r.app_version);
  // Times as seconds, each after the one before: a few bytes instead of twenty characters.
  auto started = parse_time(r.started), updated = parse_time(r.updated);
  o.packed(r.started, started, 0);
  o.packed(r.updated, updated, started.value_or(0));
  o.packed(r.completed, parse_time(r.completed), updated.value_or(0));
  put_answers(o, r, s);
  if (o.b.size() > kMaxCompactBytes)
    e.error = "too long for one QR code (" + std::to_string(o.b.size()) + " bytes); send the file instead";
  else e.bytes = std::move(o.b);
  return e;
}

std::string compact_text(std::string_view bytes) { return std::string(kCompactPrefix) + base45_encode(bytes); }

CompactDecoding decode_compact(std::string_view bytes, const SurveyCatalog& catalog) {
  CompactDecoding d;
  auto refuse = [&d](ReadProblem p, std::string why) {
    d.problem = p;
    d.error = std::move(why);
    d.result = Result{};
    d.json.clear();
    return d;
  };
  if (bytes.size() > kMaxCompactBytes) return refuse(ReadProblem::Damaged, "longer than any QR code can hold");
  In in;
  in.b = bytes;
  std::uint8_t version = 0;
  if (!in.byte(version)) return refuse(ReadProblem::Damaged, "empty");
  if (version != kCompactVersion)
    return refuse(version > kCompactVersion ? ReadProblem::NewerApp : ReadProblem::NotAResult,
                  "compact format " + std::to_string(version) + " is not readable by this app (reads 1)");
  std::string sid = in.str(), sversion = in.str(), ssha = in.raw(kSurveyShaBytes), sum = in.raw(kChecksumBytes),
              id = in.raw(16);
  if (!in.error.empty()) return refuse(ReadProblem::Damaged, in.error);
  std::string why;
  auto sp = find_survey(catalog, sid, sversion, ssha, why);
  if (!sp) return refuse(ReadProblem::UnknownSurvey, why);
  const Survey& s = *sp;
  Result& r = d.result;
  r.id = to_hex(id);
  r.survey_id = sid;
  r.survey_version = sversion;
  r.survey_sha256 = s.sha256;
  r.survey = sp;
  get_body(in, r, s);
  if (!in.error.empty()) return refuse(ReadProblem::Damaged, in.error);
  if (r.status == Status::Complete && r.completed.empty())
    return refuse(ReadProblem::Invalid, "complete, but without a completion time");
  r.scores = stored_scores(s, score(s, all_answers(r)));
  d.json = result_to_json(r);
  r.checksum = checksum_of(d.json);
  if (from_hex(r.checksum, kChecksumBytes) != sum)
    return refuse(ReadProblem::Changed, "the rebuilt record does not match its checksum: damaged, or made with "
                                        "another copy of the survey");
  d.ok = true;
  return d;
}

bool is_compact_text(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t a = text.find_first_not_of(" \t\r\n");
  return a != std::string_view::npos && text.substr(a, kCompactPrefix.size()) == kCompactPrefix;
}

CompactDecoding decode_compact_text(std::string_view text, const SurveyCatalog& catalog) {
  CompactDecoding d;
  d.problem = ReadProblem::NotAResult;
  // Base45 grows the bytes by half: anything longer cannot be from a QR code.
  if (text.size() > kMaxCompactBytes * 3 / 2 + 64) { d.problem = ReadProblem::Damaged; d.error = "too long"; return d; }
  std::string t = trim(text);
  if (t.compare(0, kCompactPrefix.size(), kCompactPrefix) != 0) {
    d.error = "does not start with " + std::string(kCompactPrefix);
    return d;
  }
  auto bytes = base45_decode(std::string_view(t).substr(kCompactPrefix.size()));
  if (!bytes) { d.problem = ReadProblem::Damaged; d.error = "not base45 text"; return d; }
  return decode_compact(*bytes, catalog);
}

std::vector<AnyRecord> read_any_record(std::string_view bytes, std::string_view file_name,
                                       const SurveyCatalog& catalog) {
  std::vector<AnyRecord> out;
  if (!is_compact_text(bytes)) {
    out.push_back({std::string(file_name), std::string(bytes), "", ReadProblem::None});
    return out;
  }
  if (bytes.size() > kMaxResultBytes) {
    out.push_back({std::string(file_name), "", std::string(file_name) + ": larger than " +
                   std::to_string(kMaxResultBytes) + " bytes", ReadProblem::Damaged});
    return out;
  }
  std::size_t line = 0;
  for (std::size_t at = 0; at <= bytes.size();) {
    std::size_t end = std::min(bytes.find('\n', at), bytes.size());
    std::string_view text = bytes.substr(at, end - at);
    at = end + 1;
    ++line;
    if (trim(text).empty()) continue;
    std::string name = std::string(file_name) + ":" + std::to_string(line);
    CompactDecoding d = decode_compact_text(text, catalog);
    if (d.ok) out.push_back({name, std::move(d.json), "", ReadProblem::None});
    else out.push_back({name, "", name + ": " + d.error, d.problem});
  }
  return out;
}

}  // namespace dr
