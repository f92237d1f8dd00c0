// Enumerator mode: one phone, many households. Each finished result shown while the mode is on
// joins the session's batch (one file to hand over); the next household starts with the same
// place and a fresh household code.
#pragma once
#include <string>
#include <vector>

#include "app/record_store.hpp"
#include "core/digiready.hpp"

namespace app {

class EnumeratorBatch {
 public:
  bool on() const { return on_; }
  void start();  // a new session: the batch starts empty
  void stop() { on_ = false; }

  // A complete result finished or opened while the mode is on joins the batch, once. Returns
  // whether it joined (a draft, or with the mode off, never does).
  bool add(const dr::Result& r);
  std::size_t size() const { return ids_.size(); }
  // The batch file: one record per line (NDJSON), in the order they joined.
  std::string ndjson() const;

  // The next household's first answers after `last`: its province, commune and village (where the
  // survey asks them) and the next household code not used by any kept draft or result.
  static dr::Answers next_household(const dr::Survey& s, const dr::Result& last, const RecordStore& store);

 private:
  bool on_ = false;
  std::vector<std::string> ids_, records_;
};

}  // namespace app
