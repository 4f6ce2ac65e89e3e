// Runs one notification script: a real executable on this machine, started
// with posix_spawn (argv, never a shell string), in a process group of its
// own, stdin from /dev/null, stdout and stderr captured together.
//
// Contracts:
// - argv[0] must be a full path; the environment is lvupdate's plus `env`
//   ("NAME=value" entries replace same-named ones).
// - At `timeout_s` the whole process group gets SIGTERM, and SIGKILL two
//   seconds later if anything of it is left; the outcome says timed_out.
// - The run ends when the script itself exits: a background child it left
//   behind keeps running (and may keep writing nowhere); it is not waited for.
// - Never throws; a script that cannot be started is an outcome (error).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lvu::actions {

struct ScriptOutcome {
  int exit_code = -1;      // exit status when it exited, else -1
  int signal = 0;          // the signal that ended it, 0 if none
  bool timed_out = false;  // ended by the timeout
  std::string error;       // why it could not start; "" when it started
  std::string output;      // stdout and stderr, at most 1 MiB (the start is kept)
  int64_t elapsed_ms = 0;

  bool ok() const { return error.empty() && !timed_out && signal == 0 && exit_code == 0; }
  // "exit 0", "exit 3", "killed by signal 9", "timed out after 5 s",
  // "cannot run: No such file or directory".
  std::string Describe(int timeout_s) const;
};

// The words for how a script ended, from its parts (also for a journaled
// scriptDone: actions/script_ledger.h).
std::string DescribeScriptEnd(const std::string& error, bool timed_out, int signal, int exit_code, int timeout_s);

ScriptOutcome RunScript(const std::vector<std::string>& argv, const std::vector<std::string>& env, int timeout_s);

}  // namespace lvu::actions
