#include "app/record_store.hpp"

#include <algorithm>

#include "app/respondent.hpp"

namespace app {

RecordStore::Disposition RecordStore::disposition(const dr::ReadResult& rr) {
  if (rr.ok) return Disposition::Open;
  switch (rr.problem) {
    // Written by a newer build: this one cannot judge the format, so it must not touch it (the
    // person may go back to the newer app, or this one may be updated).
    case dr::ReadProblem::NewerApp: return Disposition::LeaveInPlace;
    // Its survey (or that version of it) is not loaded now: intact, wait for the survey.
    case dr::ReadProblem::UnknownSurvey: return Disposition::LeaveInPlace;
    // Read whole and its checksum vouches for it, but it does not fit the survey loaded under its
    // name (a survey file changed without a new version): not damaged, so not moved.
    case dr::ReadProblem::Invalid: return rr.checksum_ok ? Disposition::LeaveInPlace : Disposition::SetAside;
    case dr::ReadProblem::Damaged:
    case dr::ReadProblem::NotAResult:
    case dr::ReadProblem::Changed:
    case dr::ReadProblem::None: break;
  }
  return Disposition::SetAside;
}

int RecordStore::load(const dr::SurveyCatalog& catalog) {
  drafts_.clear();
  results_.clear();
  asides_.clear();
  unopened_.clear();
  int set_aside = 0;
  for (const char* prefix : {kDraft, kResult})
    for (const std::string& key : storage_.keys(prefix)) read(prefix, key, catalog, set_aside);
  for (const std::string& key : storage_.keys(kAside)) {
    if (key.size() > 4 && key.compare(key.size() - 4, 4, ".why") == 0) continue;
    asides_.push_back({key, storage_.get(key), storage_.get(key + ".why")});
  }
  // Newest first; the key breaks ties so the order is the same on every visit.
  auto newest = [](const Entry& a, const Entry& b) {
    return a.result.updated != b.result.updated ? a.result.updated > b.result.updated : a.key < b.key;
  };
  std::sort(drafts_.begin(), drafts_.end(), newest);
  std::sort(results_.begin(), results_.end(), newest);
  std::sort(unopened_.begin(), unopened_.end(), [](const Unopened& a, const Unopened& b) { return a.key < b.key; });
  std::sort(asides_.begin(), asides_.end(), [](const Aside& a, const Aside& b) { return a.key < b.key; });
  return set_aside;
}

void RecordStore::read(const char* prefix, const std::string& key, const dr::SurveyCatalog& catalog, int& set_aside_count) {
  std::string text = storage_.get(key);
  dr::ReadResult rr = dr::read_result(text, key, catalog);
  const std::string why = !rr.errors.empty() ? rr.errors.front() : "checksum mismatch";
  switch (disposition(rr)) {
    case Disposition::Open: {
      Entry e;
      e.key = key;
      e.progress = dr::progress(*rr.result.survey, dr::all_answers(rr.result));
      e.result = std::move(rr.result);
      e.sent = prefix == kResult && !storage_.get(kSent + e.result.id).empty();
      (prefix == kDraft ? drafts_ : results_).push_back(std::move(e));
      return;
    }
    case Disposition::LeaveInPlace: {
      log("kept, not opened " + key + ": " + why);
      Unopened u;
      u.key = key;
      u.text = std::move(text);
      u.draft = prefix == kDraft;
      u.problem = rr.problem;
      u.survey_id = rr.result.survey_id;
      u.survey_version = rr.result.survey_version;
      u.updated = rr.result.updated;
      unopened_.push_back(std::move(u));
      return;
    }
    case Disposition::SetAside:
      if (set_aside(prefix, key, text, why)) ++set_aside_count;
      return;
  }
}

// Moves a damaged record out of the way so it never breaks the list, keeping its bytes.
bool RecordStore::set_aside(const char* prefix, const std::string& key, const std::string& text, const std::string& reason) {
  // "draft-<id>" / "result-<id>": a draft and a result of one id never overwrite each other.
  const std::string aside = std::string(kAside) + (prefix == kDraft ? "draft-" : "result-") +
                            key.substr(std::string(prefix).size());
  // Only once the copy is safely stored may the original go (storage may be full).
  if (!storage_.set(aside, text) || !storage_.set(aside + ".why", reason)) {
    storage_.remove(aside);
    log("could not set aside " + key + " (storage full); left in place");
    return false;
  }
  storage_.remove(key);
  log("set aside " + key + ": " + reason);
  return true;
}

bool RecordStore::save_draft(const dr::Result& r) { return storage_.set(kDraft + r.id, dr::result_to_json(r)); }

bool RecordStore::save_result(const dr::Result& r) {
  if (!storage_.set(kResult + r.id, dr::result_to_json(r))) return false;
  storage_.remove(kDraft + r.id);
  return true;
}

void RecordStore::remove(const std::string& key) {
  storage_.remove(key);
  storage_.remove(key + ".why");
  if (key.rfind(kResult, 0) == 0) storage_.remove(kSent + key.substr(std::string(kResult).size()));
  for (auto* list : {&drafts_, &results_})
    list->erase(std::remove_if(list->begin(), list->end(), [&key](const Entry& e) { return e.key == key; }), list->end());
  asides_.erase(std::remove_if(asides_.begin(), asides_.end(), [&key](const Aside& a) { return a.key == key; }),
                asides_.end());
}

bool RecordStore::mark_sent(const std::string& id) {
  for (Entry& e : results_)
    if (e.result.id == id) e.sent = true;
  return storage_.set(kSent + id, "1");
}

std::vector<const RecordStore::Entry*> RecordStore::deletable(const std::string& except) const {
  std::vector<const Entry*> out;
  // The lists are newest first: walk them backwards for oldest first.
  auto add = [&](const std::vector<Entry>& list, auto keep) {
    for (auto it = list.rbegin(); it != list.rend(); ++it)
      if (it->key != except && keep(*it)) out.push_back(&*it);
  };
  add(results_, [](const Entry& e) { return e.sent; });
  add(results_, [](const Entry& e) { return !e.sent; });
  add(drafts_, [](const Entry&) { return true; });
  return out;
}

const RecordStore::Entry* RecordStore::draft_for(const std::string& survey_id, const std::string& who,
                                                 const std::string& except_id) const {
  const std::string folded = dr::fold(dr::tidy(who));
  if (folded.empty()) return nullptr;
  for (const Entry& d : drafts_)
    if (d.result.survey_id == survey_id && d.result.id != except_id && dr::fold(respondent(d.result)) == folded)
      return &d;
  return nullptr;
}

}  // namespace app
