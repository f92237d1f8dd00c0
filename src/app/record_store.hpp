// What is kept on this device: drafts (saved at every answer), finished results, and records that
// could not be read. The policy: a record this build can open is listed; an intact record it cannot
// open (written by a newer app, or of a survey / survey version not on this device) is left exactly
// where it is and listed as such; only a damaged record is set aside (its bytes kept, downloadable).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/storage.hpp"
#include "core/digiready.hpp"

namespace app {

class RecordStore {
 public:
  static constexpr const char* kDraft = "digiready.draft.";
  static constexpr const char* kResult = "digiready.result.";
  static constexpr const char* kAside = "digiready.aside.";
  // "This result left the device" (downloaded or shared): a marker beside the result, so the
  // results offered for deletion when storage is full start with those that have a copy elsewhere.
  static constexpr const char* kSent = "digiready.sent.";

  struct Entry {
    std::string key;
    dr::Result result;
    dr::Progress progress;
    bool sent = false;  // results: downloaded or shared once
  };
  // Set aside: damaged; the text as it was stored and why.
  struct Aside {
    std::string key, text, reason;
  };
  // Intact but not openable by this build; left in storage untouched.
  struct Unopened {
    std::string key, text;
    bool draft = false;
    dr::ReadProblem problem = dr::ReadProblem::None;  // NewerApp, UnknownSurvey or Invalid
    std::string survey_id, survey_version, updated;   // as stored ("" when unreadable: NewerApp)
  };

  // What load() does with one record, from how it read.
  enum class Disposition { Open, LeaveInPlace, SetAside };
  static Disposition disposition(const dr::ReadResult& rr);

  // `log` gets one line per record not opened (what was done and why).
  explicit RecordStore(KeyValueStore& storage, std::function<void(const std::string&)> log = {})
      : storage_(storage), log_(std::move(log)) {}

  // Reads every stored record with the surveys known now. Returns how many were newly set aside.
  int load(const dr::SurveyCatalog& catalog);
  const std::vector<Entry>& drafts() const { return drafts_; }    // newest first
  const std::vector<Entry>& results() const { return results_; }  // newest first
  const std::vector<Aside>& asides() const { return asides_; }
  const std::vector<Unopened>& unopened() const { return unopened_; }

  // false: storage refused (full or disabled); nothing else is changed.
  bool save_draft(const dr::Result& r);
  bool save_result(const dr::Result& r);  // also removes the draft of the same id
  // Deletes a record for good: its text, its sent marker, its reason (set aside), and its entry in
  // the lists, so it is gone at once and after a reload.
  void remove(const std::string& key);
  // The result `id` was downloaded or shared (false: storage refused the marker).
  bool mark_sent(const std::string& id);

  // What a person may delete to make room, in the order offered: results already sent, then the
  // other results, then drafts; oldest first in each. `except` (the record being saved) is left out.
  std::vector<const Entry*> deletable(const std::string& except = {}) const;

  // The draft of this survey for this respondent (see respondent()), if one is kept; nullptr when
  // `who` is empty: a person not yet named matches nobody.
  const Entry* draft_for(const std::string& survey_id, const std::string& who, const std::string& except_id) const;

 private:
  void read(const char* prefix, const std::string& key, const dr::SurveyCatalog& catalog, int& set_aside);
  bool set_aside(const char* prefix, const std::string& key, const std::string& text, const std::string& reason);
  void log(const std::string& line) const {
    if (log_) log_(line);
  }

  KeyValueStore& storage_;
  std::function<void(const std::string&)> log_;
  std::vector<Entry> drafts_, results_;
  std::vector<Aside> asides_;
  std::vector<Unopened> unopened_;
};

}  // namespace app
