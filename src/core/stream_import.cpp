#include "core/stream_import.hpp"

#include <functional>
#include <utility>

#include "core/json.hpp"

namespace dr {

namespace {
// Big enough that per-chunk work is negligible, small enough to stay a few MB for any survey.
constexpr std::size_t kChunk = 256;

std::string csv_header_of(const Survey& s, const Filter& f, const Strings& words) {
  return results_csv({}, s, f, words);
}
}  // namespace

namespace {
// The checksum result_to_json stamped: the hash of the record's canonical content.
std::string stamped_checksum(const std::string& canonical) {
  rapidjson::Document doc;
  std::string err;
  if (!json::parse(canonical, canonical.size(), kMaxJsonDepth, "", doc, err) || !doc.IsObject()) return canonical;
  auto it = doc.FindMember("checksum");
  return it != doc.MemberEnd() && it->value.IsString() ? std::string(json::sv(it->value)) : canonical;
}
}  // namespace

VerifiedRecord verify_record(std::string_view json, std::string file, const SurveyCatalog& catalog, bool canonical) {
  VerifiedRecord v;
  v.read = read_result(json, file, catalog);
  v.file = std::move(file);
  if (!v.read.ok) return v;
  // A clean record is already in canonical form: its stored checksum is the one result_to_json
  // would stamp. Others (changed scores, older format) are written out again to get theirs, so a
  // copy with stale stored scores still counts as the same content, as in Importer.
  const bool clean = v.read.checksum_ok && v.read.score_differences.empty() && !v.read.migrated;
  if (canonical || !clean) v.canonical = result_to_json(v.read.result);
  v.digest = std::hash<std::string>{}(clean ? v.read.result.checksum : stamped_checksum(v.canonical));
  return v;
}

VerifiedRecord unreadable_record(std::string file, std::string error) {
  VerifiedRecord v;
  v.read.errors.push_back(std::move(error));
  v.read.problem = ReadProblem::Damaged;
  v.file = std::move(file);
  return v;
}

SurveyTally::SurveyTally(std::shared_ptr<const Survey> s, const Strings& words, const std::string& lang, double below,
                         bool rows, bool include_unsealed)
    : survey_(std::move(s)), words_(words), below_(below), rows_(rows) {
  words_.set_language(lang);
  filter_.survey_id = survey_->id;
  filter_.include_unsealed = include_unsealed;
  sums_ = aggregate({}, *survey_, filter_);
  dim_sum_.assign(survey_->dimensions.size(), 0);
  training_ = training_needs({}, *survey_, filter_, below_);
  chunk_.reserve(kChunk);
  if (rows_) header_ = csv_header_of(*survey_, filter_, words_);
}

std::string SurveyTally::csv_header() const { return header_; }

void SurveyTally::add(Result r, std::string& csv_rows) {
  chunk_.push_back(std::move(r));
  if (chunk_.size() >= kChunk) flush(csv_rows);
}

void SurveyTally::flush(std::string& csv_rows) {
  if (chunk_.empty()) return;
  const Aggregates part = aggregate(chunk_, *survey_, filter_);
  sums_.count += part.count;
  sums_.no_level += part.no_level;
  for (size_t i = 0; i < part.by_level.size(); ++i) sums_.by_level[i] += part.by_level[i];
  sums_.unsealed_left_out += part.unsealed_left_out;
  for (const Result& r : chunk_)
    if (r.scores.overall && filter_.matches(r)) {
      overall_sum_ += *r.scores.overall;
      ++overall_n_;
    }
  for (size_t d = 0; d < part.dimensions.size(); ++d) {
    auto& to = sums_.dimensions[d];
    const auto& from = part.dimensions[d];
    to.scored += from.scored;
    if (from.mean) dim_sum_[d] += *from.mean * double(from.scored);
    for (size_t i = 0; i < from.by_level.size(); ++i) to.by_level[i] += from.by_level[i];
  }
  // Training lists keep input order within each group, as one training_needs() call would. Only
  // `people` is kept (what the CSV lists); `by_group`'s result ids would double the memory.
  auto needs = training_needs(chunk_, *survey_, filter_, below_);
  for (size_t d = 0; d < needs.size(); ++d) {
    for (auto& [group, people] : needs[d].people) {
      auto& to = training_[d].people[group];
      to.insert(to.end(), people.begin(), people.end());
    }
  }
  if (rows_) {
    // results_csv starts every call with the BOM and header: keep only the rows.
    std::string all = results_csv(chunk_, *survey_, filter_, words_);
    csv_rows.append(all, header_.size(), std::string::npos);
  }
  chunk_.clear();
}

Aggregates SurveyTally::aggregates() const {
  Aggregates ag = sums_;
  if (overall_n_) ag.mean_overall = overall_sum_ / double(overall_n_);
  for (size_t d = 0; d < ag.dimensions.size(); ++d)
    if (ag.dimensions[d].scored) ag.dimensions[d].mean = dim_sum_[d] / double(ag.dimensions[d].scored);
  return ag;
}

StreamImporter::StreamImporter(const SurveyCatalog& catalog, const Strings& words, std::string lang, double below,
                               bool rows)
    : catalog_(&catalog), words_(&words), lang_(std::move(lang)), below_(below), rows_(rows) {
  tallies_.resize(catalog.surveys().size());
}

StreamImporter::Taken StreamImporter::take(VerifiedRecord& rec, std::string& csv_rows) {
  Taken t;
  ++counts_.files;
  ReadResult& rr = rec.read;
  if (!rr.ok) {
    ++counts_.failed;
    return t;
  }
  auto [it, fresh] = seen_.emplace(rr.result.id, rec.digest);
  if (!fresh) {
    t.duplicate = true;
    ++counts_.duplicates;
    if (it->second != rec.digest) {
      t.conflict = true;
      ++counts_.conflicts;
      rr.warnings.push_back(rec.file + ": same result id as an earlier file but other content: a conflict, counted only once a copy is chosen");
    }
    return t;
  }
  ++(rr.result.unsealed ? counts_.unsealed : counts_.verified);
  t.changed = !rr.score_differences.empty();
  if (t.changed) {
    ++counts_.changed;
    rr.warnings.push_back(rec.file + ": scores: changed after export, or another survey version");
  }
  const auto& surveys = catalog_->surveys();
  size_t at = 0;
  while (at < surveys.size() && surveys[at] != rr.result.survey) ++at;
  if (at == surveys.size()) return t;  // read_result only passes catalog surveys
  auto& tally = tallies_[at];
  if (!tally) {
    const Survey& s = *surveys[at];
    tally = std::make_unique<SurveyTally>(surveys[at], *words_, lang_.empty() ? s.languages.front() : lang_, below_, rows_,
                                          include_unsealed_);
  }
  tally->add(std::move(rr.result), csv_rows);
  t.kept = true;
  t.tally = tally.get();
  return t;
}

std::vector<SurveyTally*> StreamImporter::tallies() {
  std::vector<SurveyTally*> out;
  for (auto& t : tallies_)
    if (t) out.push_back(t.get());
  return out;
}

}  // namespace dr
