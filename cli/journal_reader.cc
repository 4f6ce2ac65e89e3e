// See journal_reader.h.
#include "cli/journal_reader.h"

#include <cstdio>

#include "cli/home.h"

namespace lvu::cli {

namespace {

int Fail(int code, const Status& s) {
  std::fprintf(stderr, "lvupdate: %s\n", s.message().c_str());
  return code;
}

}  // namespace

int FailJournalRead(const Status& s) {
  if (s.IsCorruption()) {
    std::fprintf(stderr, "lvupdate: %s\n(run `lvupdate journal verify` to see every damaged record)\n",
                 s.message().c_str());
    return kExitCannotRun;
  }
  return Fail(s.IsNotFound() || s.IsInvalidArgument() ? kExitBadInput : kExitCannotRun, s);
}

int OpenJournalReader(const GlobalOptions& g, JournalReader* r) {
  Status s = ResolveHome(g.home, &r->home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  r->dir = r->home + "/journal";
  s = journal::Journal::Open(r->dir, journal::Journal::Mode::kReadOnly, &r->journal);
  if (s.IsNotFound()) {
    r->journal.reset();
    return kExitOk;
  }
  if (!s.ok()) return Fail(kExitCannotRun, s);
  return kExitOk;
}

int ResolveOpArg(const JournalReader& r, const std::string& arg, std::string* op) {
  if (r.journal == nullptr) {
    return Fail(kExitBadInput, Status::NotFound("no journal at " + r.dir +
                                                ": no live update has been run from this home"));
  }
  Status s = arg.empty() ? r.journal->LatestOp(op) : r.journal->ResolveOp(arg, op);
  if (s.ok()) return kExitOk;
  if (s.IsNotFound() && arg.empty()) {
    return Fail(kExitBadInput, Status::NotFound("no operation in the journal at " + r.dir));
  }
  return Fail(s.IsNotFound() || s.IsInvalidArgument() ? kExitBadInput : kExitCannotRun, s);
}

bool OpRunning(const JournalReader& r, const std::string& op) {
  bool held = false;
  int pid = 0;
  if (!journal::LockHolder(r.dir, &held, &pid).ok() || !held) return false;
  std::string active;
  return r.journal->ActiveOp(&active).ok() && active == op;
}

}  // namespace lvu::cli
