// What is kept on this device: drafts (saved at every answer), finished results, and stored entries
// that could not be read (set aside, still downloadable). Backed by platform storage (localStorage).
#pragma once
#include <string>
#include <vector>

#include "core/digiready.hpp"

namespace ui {

class Store {
 public:
  static constexpr const char* kDraft = "digiready.draft.";
  static constexpr const char* kResult = "digiready.result.";
  static constexpr const char* kAside = "digiready.aside.";

  struct Entry {
    std::string key;
    dr::Result result;
    dr::Progress progress;
  };
  struct Aside {
    std::string key, text, reason;
  };

  // Reads every stored entry with the surveys known now. Entries that fail to read are moved aside
  // (the others stay intact). Returns how many were newly set aside.
  int load(const dr::SurveyCatalog& catalog);
  const std::vector<Entry>& drafts() const { return drafts_; }
  const std::vector<Entry>& results() const { return results_; }
  const std::vector<Aside>& asides() const { return asides_; }
  // Intact entries whose survey is not loaded now (kept in storage, not listed).
  int unavailable() const { return unavailable_; }

  // false: the browser refused (storage full or disabled); nothing else is changed.
  bool save_draft(const dr::Result& r);
  bool save_result(const dr::Result& r);  // also removes the draft of the same id
  void remove(const std::string& key);

 private:
  std::vector<Entry> drafts_, results_;
  std::vector<Aside> asides_;
  int unavailable_ = 0;
};

}  // namespace ui
