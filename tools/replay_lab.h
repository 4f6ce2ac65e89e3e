// The replay lab (`lvupdate replay OP --against-sim`): re-executes the
// sessions of a reproduction (replay/reproduce.h, Derive) on a fresh
// simulated lab, injecting the recorded failures and crashes at the recorded
// steps, and compares the events written there with the recorded ones.
//
// The lab is a directory (a mkdtemp under /tmp, removed when RunReplayLab
// returns; or `keep`, which must be absent or empty, and is kept), driven by
// the binary `self` (`self --home LAB --speed max ...`): `sim init --hmcauth
// [--system JSON]` makes the recorded system (opStarted.system) logged on to
// its HMC, the recorded lvupdate.data (opStarted.config) is written, the
// fixes are found by their base names (the lab's own, else a copy of the
// recorded file). Then, per session: `sim fault clear`, `sim fault add ...`,
// the command. Every command and its output go to the lab's replay.log.
//
// Status: InvalidArgument when the operation cannot be reproduced on this lab
// (the recorded system cannot be made, a fix is neither the lab's nor
// readable, `keep` is not empty); IOError/Failed when the lab could not be
// driven. OK otherwise, divergence or not: the result says which.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "journal/event.h"
#include "replay/reproduce.h"

namespace lvu::tools {

struct ReplayLabOptions {
  std::string self;  // the lvupdate binary that drives the lab
  std::string keep;  // "" : a temporary lab, removed at the end
  std::function<void(const std::string&)> progress;  // one line per step of the lab; may be empty
};

struct LabSession {
  std::string command;  // as typed, the lab's fixes included
  std::vector<replay::SimFault> faults;
  int expected_exit = -1;  // the recorded exit code; -1: not recorded (a crash)
  int exit_code = -1;      // the lab's: an exit code, or 128 + signal
  std::vector<uint64_t> last_seq;  // each lab operation's last seq after it (oldest first)
};

struct ReplayLabResult {
  std::string kept;                       // the kept lab's directory, or ""
  int changed_settings = 0;               // settings `sim init --system` applied
  std::vector<LabSession> sessions;
  std::vector<std::string> lab_ops;       // the lab's operation ids, replayed[i]'s
  std::vector<std::vector<journal::Event>> replayed;  // the events the lab wrote, per compared operation
  replay::Divergence divergence;          // points into the reproduction and into `replayed`
  int divergence_session = -1;            // the session during which it arose, or -1
  int exit_mismatch = -1;                 // the first session whose exit code differs, or -1
};

// Runs the lab for `repro` (no problem, every operation's plan this version's).
// `*out` must not be copied or moved afterwards: its divergence points into it.
Status RunReplayLab(const replay::Reproduction& repro, const ReplayLabOptions& o, ReplayLabResult* out);

}  // namespace lvu::tools
