// Commands as the aix driver runs them: an argv (never a shell string),
// found on PATH, with LANG=C and LC_ALL=C (decimal points, English
// messages), standard input given or empty, standard output and error
// captured, a timeout per command, the exit status checked by the caller.
//
// Contracts:
// - Run returns a non-OK Status only when the command could not be run:
//   NotFound "<cmd>: not found on PATH", IOError for a pipe or spawn error,
//   Transient "<command line>: timed out after N s" (its process group was
//   killed). A command that ran and exited non-zero is OK with its
//   exit_code: what that means is the caller's to say (Failed naming the
//   command, its exit and its message; see Describe).
// - Output beyond kMaxCommandOutputBytes per stream is dropped and
//   `truncated` set: a command that never stops printing cannot exhaust
//   memory.
// - The command runs in its own process group, so that a timeout kills
//   whatever it started (ssh's children too).
// - CommandLine quotes each word as a POSIX shell would need it, for logs
//   and journals: "viosvrcmd -m sys1 -p vios1 -c 'lsmap -all'".
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"

namespace lvu::drivers::aix {

inline constexpr size_t kMaxCommandOutputBytes = 16u << 20;

struct Command {
  std::vector<std::string> argv;  // argv[0] is looked up on PATH
  int timeout_ms = 120000;
  std::string input;  // written to its standard input, then closed (a password: never logged)
  std::vector<std::string> env;  // "NAME=value" added to (or replacing in) its environment; never logged
};

struct CommandResult {
  int exit_code = -1;   // -1 when it was killed by a signal
  int signal = 0;       // the signal that ended it, or 0
  std::string out;
  std::string err;
  bool truncated = false;
  int64_t elapsed_ms = 0;
};

// "cmd arg 'arg with space'": each word quoted only when it needs it.
std::string CommandLine(const std::vector<std::string>& argv);

// "`lspv` exited 1: 0514-521 lspv: ..." (the first line of stderr, else of
// stdout), for Failed statuses.
std::string Describe(const Command& c, const CommandResult& r);

class CommandRunner {
 public:
  virtual ~CommandRunner() = default;
  virtual Status Run(const Command& c, CommandResult* r) = 0;
};

// Runs commands as processes of this machine.
class ProcessRunner : public CommandRunner {
 public:
  Status Run(const Command& c, CommandResult* r) override;
};

// What a runner saw of one command: for the operation's log and the step's
// record (the command line, never its standard input).
struct CommandRecord {
  std::string line;  // CommandLine(argv)
  int exit_code = -1;
  int signal = 0;
  int64_t elapsed_ms = 0;
  std::string status;  // "" when it ran; else why it could not
};

// A runner that passes each command to another and tells `observer` what
// happened after each one (logging, the step's list of commands).
class ObservedRunner : public CommandRunner {
 public:
  using Observer = std::function<void(const Command&, const CommandResult&, const Status&)>;
  ObservedRunner(CommandRunner* inner, Observer observer) : inner_(inner), observer_(std::move(observer)) {}
  Status Run(const Command& c, CommandResult* r) override;

 private:
  CommandRunner* inner_;
  Observer observer_;
};

}  // namespace lvu::drivers::aix
