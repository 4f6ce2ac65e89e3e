// The commands of lvupdate, each returning the process exit code. cli.cc
// parses the command line (CLI11) and calls these; nothing here parses argv.
//
// Exit codes (also in --help and docs/lvupdate.1):
//   0 done   1 could not run (journal locked, corrupted or unwritable)
//   2 bad input   3 validation failed, nothing changed
//   4 failed and rolled back   5 interrupted: run `lvupdate resume` or `lvupdate rollback`
#pragma once

#include <string>
#include <vector>

namespace lvu::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitCannotRun = 1;
inline constexpr int kExitBadInput = 2;

struct GlobalOptions {
  std::string home;     // "" until resolved: --home, $LVUPDATE_HOME, ~/.lvupdate
  // --driver, else $LVUPDATE_DRIVER, else the machine's (drivers/open.h,
  // MachineDriver); `driver_named` when --driver or $LVUPDATE_DRIVER named it.
  // resume and rollback use the driver the operation recorded.
  std::string driver = "sim";
  bool driver_named = false;
  double speed = 200;   // simulated seconds per real second; 0 = max
  bool verbose = false;
};

struct RunOptions {
  std::string data_file;  // -f; default <home>/lvupdate.data
  std::string fix_dir;    // -d; default the current directory
  std::vector<std::string> fixes;
  bool no_auto_rollback = false;
  bool json = false;      // run: the report as one JSON object (progress on stderr)
};

struct FaultOptions {
  std::string step;
  std::string kind;
  std::string phase = "apply";
  int times = 1;
};

int CmdRun(const GlobalOptions& g, const RunOptions& o);
int CmdPreview(const GlobalOptions& g, const RunOptions& o, bool json);
struct ResumeOptions {
  bool no_auto_rollback = false;
  bool retry_step = false;  // --retry-step
  std::string skip;         // --skip STEP
  std::string reason;       // --reason TEXT
  bool json = false;        // the report as one JSON object (progress on stderr)
};

int CmdResume(const GlobalOptions& g, const ResumeOptions& o);
// op: --op, the completed update to revert ("" for the unfinished or newest operation).
int CmdRollback(const GlobalOptions& g, bool json, const std::string& op);
int CmdStatus(const GlobalOptions& g, bool json);

struct SimInitOptions {
  bool force = false;    // replace the world even though an operation is unfinished
  bool hmcauth = false;  // then log on to the lab's HMC, as `hmcauth -a hsc02 -u hscroot` would
  std::string system;    // then make it the system an operation recorded (opStarted.system JSON)
};
int CmdSimInit(const GlobalOptions& g, const SimInitOptions& o);
int CmdSimShow(const GlobalOptions& g, bool json);
// sim shims DIR: an executable in DIR for every command the shims answer
// (drivers/sim/shims.h), each running `sim exec NAME` on this home. With DIR
// first on PATH, `--driver aix` reaches the simulated system.
int CmdSimShims(const GlobalOptions& g, const std::string& dir, int latency_ms = 0, int hmc_latency_ms = 0);
// sim exec NAME ARGS...: what the real command NAME prints and does, on the
// simulated system; its exit status.
int CmdSimExec(const GlobalOptions& g, const std::vector<std::string>& argv);
int CmdSimFaultAdd(const GlobalOptions& g, const FaultOptions& f);
int CmdSimFaultList(const GlobalOptions& g, bool json);
int CmdSimFaultClear(const GlobalOptions& g);

// The whole command line; what main() calls (and tests, in a child process).
int Main(int argc, char** argv);

}  // namespace lvu::cli
