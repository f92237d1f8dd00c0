// Storage full: a save was refused. The way out offered is exactly this: the person deletes drafts
// or results they no longer need (those already sent elsewhere first), and the refused save is tried
// again after each deletion, until it goes through.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/record_store.hpp"

namespace app {

class FreeSpace {
 public:
  explicit FreeSpace(RecordStore& store) : store_(store) {}

  // A save was refused. `retry` tries it again (true: saved); `saving` is the key of the record it
  // saves, which is never offered for deletion.
  void need(std::function<bool()> retry, std::string saving);
  bool waiting() const { return static_cast<bool>(retry_); }
  // What may be deleted now, in the order to offer (RecordStore::deletable).
  std::vector<const RecordStore::Entry*> offer() const { return store_.deletable(saving_); }

  // Deletes the record `key`, then tries the waiting save again. Returns whether it went through
  // (then nothing waits any more).
  bool remove(const std::string& key);
  bool retry();
  // The person leaves without making room: nothing waits (the next refused save asks again).
  void give_up();

 private:
  RecordStore& store_;
  std::function<bool()> retry_;
  std::string saving_;
};

}  // namespace app
