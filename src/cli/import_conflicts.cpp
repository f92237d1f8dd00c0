#include "cli/import_conflicts.hpp"

#include <cstdio>

#include "app/conflict_answers.hpp"
#include "app/respondent.hpp"

namespace drcli {

ConflictCopies::ConflictCopies(std::set<std::string> ids, std::vector<std::string> keep)
    : ids_(std::move(ids)), keep_(std::move(keep)) {}

bool ConflictCopies::kept(const std::string& file) const {
  for (const std::string& k : keep_)
    if (file == k || (file.size() > k.size() && file.compare(0, k.size(), k) == 0 && file[k.size()] == ':'))
      return true;
  return false;
}

bool ConflictCopies::take(const dr::VerifiedRecord& v) {
  Held& h = held_[v.read.result.id];
  std::size_t at = 0;
  while (at < h.copies.size() && h.copies[at].digest != v.digest) ++at;
  if (at == h.copies.size()) h.copies.push_back({{}, v.digest, v.read.result});
  h.copies[at].files.push_back(v.file);
  if (h.chosen < 0 && kept(v.file)) h.chosen = int(at);
  // The chosen content counts (its identical copies are then plain duplicates); every other is held.
  return h.chosen == int(at);
}

std::string ConflictCopies::undecided_ndjson() const {
  std::string out;
  for (const auto& [id, h] : held_)
    if (h.chosen < 0)
      for (const Content& c : h.copies) out += dr::result_to_json(c.result) + "\n";
  return out;
}

std::size_t ConflictCopies::undecided() const {
  std::size_t n = 0;
  for (const auto& [id, h] : held_) n += h.chosen < 0;
  return n;
}

namespace {
std::string shown(const dr::Question& q, const dr::Value* v, const std::string& lang) {
  return v ? "\"" + dr::answer_label(q, *v, lang) + "\"" : "(no answer)";
}
}  // namespace

void ConflictCopies::print(const std::string& lang_opt) const {
  for (const auto& [id, h] : held_) {
    if (h.copies.size() < 2) continue;
    const dr::Result& first = h.copies[0].result;
    const std::string lang = !lang_opt.empty() || !first.survey ? lang_opt : first.survey->languages.front();
    const std::string who = app::respondent(first), village = app::profile_text(first, "village");
    std::printf("\nconflict: result %s, household %s%s: %zu copies with other content\n", id.c_str(),
                who.empty() ? "(no code)" : who.c_str(), village.empty() ? "" : (" (" + village + ")").c_str(),
                h.copies.size());
    for (std::size_t c = 0; c < h.copies.size(); ++c)
      for (const std::string& f : h.copies[c].files) std::printf("  copy %zu: %s\n", c + 1, f.c_str());
    // What differs, copy 1 against each other copy: the person can see which one is right.
    for (std::size_t c = 1; c < h.copies.size(); ++c) {
      const auto diffs = app::answer_differences(first, h.copies[c].result);
      for (const app::AnswerDifference& d : diffs)
        std::printf("  %s: copy 1 %s, copy %zu %s\n", d.question->title.get(lang).c_str(),
                    shown(*d.question, d.a, lang).c_str(), c + 1, shown(*d.question, d.b, lang).c_str());
      if (diffs.empty()) std::printf("  copy 1 and copy %zu: same answers, other times or survey version\n", c + 1);
    }
    if (h.chosen >= 0)
      std::printf("  counted: copy %d (%s, chosen with --keep)\n", h.chosen + 1, h.copies[size_t(h.chosen)].files[0].c_str());
    else
      std::printf("  left out of every figure and file: choose the right copy with --keep FILE\n");
  }
}

}  // namespace drcli
