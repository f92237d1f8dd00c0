#include "ui/store.hpp"

#include <algorithm>

#include "platform/platform.hpp"

namespace ui {

int Store::load(const dr::SurveyCatalog& catalog) {
  drafts_.clear();
  results_.clear();
  asides_.clear();
  unavailable_ = 0;
  int set_aside = 0;
  for (const char* prefix : {kDraft, kResult}) {
    for (const std::string& key : platform::storage_keys(prefix)) {
      std::string text = platform::storage_get(key);
      dr::ReadResult rr = dr::read_result(text, key, catalog);
      // Intact but its survey is not loaded (a survey file failed to arrive, or was removed): leave it
      // where it is, untouched, for when the survey is back. Only damaged entries are set aside.
      if (!rr.ok && rr.checksum_ok) {
        ++unavailable_;
        platform::log("kept (survey not loaded) " + key + ": " + (rr.errors.empty() ? "" : rr.errors.front()));
        continue;
      }
      if (!rr.ok || !rr.checksum_ok) {
        // Corrupt or unreadable: move it out of the way so it never breaks the list, keep the bytes.
        std::string reason = !rr.errors.empty() ? rr.errors.front() : "checksum mismatch";
        // "draft-<id>" / "result-<id>": a draft and a result of one id never overwrite each other.
        std::string aside = std::string(kAside) + (prefix == kDraft ? "draft-" : "result-") +
                            key.substr(std::string(prefix).size());
        // Only once the copy is safely stored may the original go (storage may be full).
        if (!platform::storage_set(aside, text) || !platform::storage_set(aside + ".why", reason)) {
          platform::storage_remove(aside);
          platform::log("could not set aside " + key + " (storage full); left in place");
          continue;
        }
        platform::storage_remove(key);
        platform::log("set aside " + key + ": " + reason);
        ++set_aside;
        continue;
      }
      Entry e;
      e.key = key;
      e.progress = dr::progress(*rr.result.survey, dr::all_answers(rr.result));
      e.result = std::move(rr.result);
      (prefix == kDraft ? drafts_ : results_).push_back(std::move(e));
    }
  }
  for (const std::string& key : platform::storage_keys(kAside)) {
    if (key.size() > 4 && key.compare(key.size() - 4, 4, ".why") == 0) continue;
    asides_.push_back({key, platform::storage_get(key), platform::storage_get(key + ".why")});
  }
  // Newest first; the id breaks ties so the order is the same on every visit.
  auto newest = [](const Entry& a, const Entry& b) {
    return a.result.updated != b.result.updated ? a.result.updated > b.result.updated : a.result.id < b.result.id;
  };
  std::sort(drafts_.begin(), drafts_.end(), newest);
  std::sort(results_.begin(), results_.end(), newest);
  return set_aside;
}

bool Store::save_draft(const dr::Result& r) {
  return platform::storage_set(kDraft + r.id, dr::result_to_json(r));
}

bool Store::save_result(const dr::Result& r) {
  if (!platform::storage_set(kResult + r.id, dr::result_to_json(r))) return false;
  platform::storage_remove(kDraft + r.id);
  return true;
}

void Store::remove(const std::string& key) {
  platform::storage_remove(key);
  platform::storage_remove(key + ".why");
}

}  // namespace ui
