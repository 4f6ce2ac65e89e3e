// How run, resume and rollback report how an operation ended: the summary
// lines (operation, outcome, reason, blackout and total time against the
// estimate, the log), and, when it did not end, the exact commands that go
// on; or, with --json, one JSON object on standard output with the same.
#pragma once

#include <string>
#include <vector>

#include "actions/engine/executor.h"
#include "base/status.h"

namespace lvu::cli {

// A command that goes on from where the operation stopped, and what it does.
struct NextCommand {
  std::string command;  // "lvupdate resume --retry-step [--reason TEXT]"
  std::string what;     // "run it again, after fixing its cause"
};

// Empty when the operation finished.
std::vector<NextCommand> NextCommands(const actions::OpResult& r);

// The lines after the summary: the step that gave up, its last error, and
// the commands that go on; nothing for a finished operation.
void PrintNext(const actions::OpResult& r);

// Prints the report of `r` (or the error `s`) and returns the exit code.
// `requested_rollback`: a rollback the operator asked for that ends rolled
// back has done what was asked (exit 0); a run that ends so failed (exit 4).
int ReportOutcome(const std::string& log, const Status& s, const actions::OpResult& r, bool requested_rollback,
                  bool json);

}  // namespace lvu::cli
