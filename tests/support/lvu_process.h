// Test support: runs the real lvupdate binary in a fresh home and reads the
// simulated world back as JSON.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lvu::testing {

struct ProcResult {
  int exit_code = -1;  // the process's exit status (the crash fault's code for a crash)
  std::string out;     // stdout and stderr together
};

// A temporary lvupdate home, removed when the object dies.
class TempHome {
 public:
  TempHome();
  ~TempHome();
  TempHome(const TempHome&) = delete;
  TempHome& operator=(const TempHome&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs `lvupdate --home HOME --speed max ARGS...` and waits for it.
ProcResult Lvupdate(const std::string& home, const std::vector<std::string>& args);

// Starts the program argv[0] (a path; argv[0] is also its name) with stdout
// and stderr in `out_file` and, if `stdin_file` is given, that file on its
// standard input; does not wait. Returns the pid, or -1.
int SpawnProgram(const std::vector<std::string>& argv, const std::string& out_file,
                 const std::string& stdin_file = "");

// Starts `lvupdate --home HOME ARGS...` (no --speed added) without waiting;
// its output goes to `out_file`. Returns the pid, or -1.
int SpawnLvupdate(const std::string& home, const std::vector<std::string>& args, const std::string& out_file);
// Waits for a spawned process; its exit code as Lvupdate reports it.
int WaitExit(int pid);

// A whole file's bytes ("" when it cannot be read), and a file written whole.
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& text);

// The lab's HMC and its user's password (drivers/sim/hmc_session.h).
inline constexpr char kLabHmc[] = "10.1.50.30";
inline constexpr char kLabHmcUser[] = "hscroot";
inline constexpr char kLabHmcPassword[] = "abc1234";

// A lab ready for a live update, as an administrator prepares it:
// `lvupdate sim init`, then `lvupdate hmcauth -a 10.1.50.30 -u hscroot -p
// abc1234`. The result of the first command that fails, else of hmcauth.
ProcResult InitLab(const std::string& home);

// `lvupdate sim show --json`, parsed.
nlohmann::json World(const std::string& home);
// `lvupdate status --json`, parsed.
nlohmann::json StatusJson(const std::string& home);
// The world without the two keys allowed to differ across a rollback.
nlohmann::json WithoutClockAndErrlog(nlohmann::json w);

// The partitions that run the workload (state Running, workload running):
// after any command, exactly one (DESIGN.md, invariant 5).
std::vector<int> WorkloadRunningOn(const nlohmann::json& w);
// The partitions holding the workload, running or frozen.
std::vector<int> WorkloadHeldBy(const nlohmann::json& w);

// The journal's newest write-ahead log file (<home>/journal/NNNNNN.log), or "".
std::string WalFile(const std::string& home);

// Non-empty text describing the first way `w` is not the updated world of the
// seed lab (one LPAR aix721534A, id 98, Running with the workload running, ifix dummy, two Enabled paths
// on every disk, bootlist's first disk holding rootvg, no *_lku0, no reservation).
std::string NotUpdated(const nlohmann::json& w);
// Same for the reverted world: one LPAR aix721534A Running, no ifix, booted
// from the original rootvg disk hdisk1, bootlist hdisk1, two paths per disk.
std::string NotReverted(const nlohmann::json& w);

}  // namespace lvu::testing
