#include "cli/world_lock.h"

#include "journal/journal.h"

namespace lvu::cli {

Status LockWorld(const std::string& home, const std::string& command, std::unique_ptr<journal::LockFile>* lock) {
  Status s = journal::LockFile::Acquire(home + "/journal", lock);
  if (s.IsBusy()) {
    return Status::Busy(s.message() + ": `lvupdate " + command +
                        "` would change the simulated world under a running live update; wait for it to end "
                        "(or stop it with Ctrl-C: it stops at its next safe point)");
  }
  return s;
}

Status UnfinishedOperation(const std::string& home, std::string* op) {
  op->clear();
  std::unique_ptr<journal::Journal> j;
  Status s = journal::Journal::Open(home + "/journal", journal::Journal::Mode::kReadOnly, &j);
  if (s.IsNotFound()) return Status::OK();
  if (!s.ok()) return s;
  return j->ActiveOp(op);
}

}  // namespace lvu::cli
