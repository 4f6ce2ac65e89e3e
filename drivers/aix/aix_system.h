// The aix driver: drivers::System over the real commands of the partition
// lvupdate runs on (lspv, lspath, alt_disk_copy, bootlist, emgr, ...), of
// its HMC over ssh (lssyscfg, lshwres, chsyscfg, mksyscfg, chsysstate,
// rmsyscfg) and of the VIOS through the HMC (viosvrcmd). docs/drivers.md
// lists what each step runs.
//
// Contracts (besides system.h's):
// - Every command goes through the CommandRunner given (command.h): argv,
//   LANG=C, a timeout, output captured. Each is logged (spdlog: the
//   operation's log) with its exit status, time and output, and its command
//   line is kept for the step that ran it (TakeCommandLines).
// - Output is read by the parsers of drivers/aix/parse; output they cannot
//   read is a Failed naming the command and the line, never a guess.
// - A command that exits non-zero is Failed with its message (an HSCL code
//   from the HMC, an NNNN-NNN message from AIX); ssh that cannot reach the
//   HMC (exit 255) and a timeout are Transient.
// - World-changing calls read the state first and do nothing when the
//   effect is there (idempotent over real commands).
// - Nothing is simulated: a fact no command of this driver reads yet, and
//   a workload command not configured (aix_config.h), is Failed saying so.
// - The configured commands (aix.conf) are run without a shell, their
//   arguments appended; exit 0 is success, and each must be idempotent
//   (exit 0 when its effect is already there):
//     workload_checkpoint_command LPAR       stdin: "PID base|mobile|exit" per process
//     workload_restart_command FROM TO DISK  DISK: the surrogate's rootvg mirror
//     workload_thaw_command LPAR
//     workload_state_command LPAR            prints one word: running, frozen or none
//     live_update_state_command on|off LPAR
//     vhost_client_command VIOS VHOST CLIENT_ID
//   What they change is read back, never taken from their exit status
//   alone: a partition's workload through workload_state_command (every
//   Running partition in ListLpars; without the command, the partition
//   lvupdate runs on is "running"), a vhost's client through lshwres and
//   lsmap (SetClient is Failed when they do not show it after the command).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "drivers/aix/aix_config.h"
#include "drivers/aix/aix_facts.h"
#include "drivers/aix/command.h"
#include "drivers/system.h"

namespace lvu::drivers::aix {

class AixSystem : public System {
 public:
  // `runner` (not owned) runs every command; `home` holds aix.conf and the
  // ssh control socket's directory (<home>/aix).
  AixSystem(const std::string& home, AixConfig config, CommandRunner* runner);
  ~AixSystem() override;
  // The system of `home` with a ProcessRunner: aix.conf read (bad settings:
  // InvalidArgument naming file and line).
  static Status Open(const std::string& home, std::unique_ptr<System>* out);

  const char* name() const override { return "aix"; }
  bool RunsCommands() const override { return true; }
  Hmc& hmc() override;
  Vios& vios() override;
  PartitionOs& os() override;
  FaultPoint& faults() override;
  int64_t ClockSeconds() override;
  void Describe(std::vector<Described>* files, std::vector<std::string>* notes) override;

  std::vector<std::string> TakeCommandLines() override;
  // hmc and the six commands of aix.conf for what has no public interface, while unset.
  RequiredSettings MissingSettings() override;
  // No: until workload.restart lvupdate runs on the original, and the aix
  // driver runs AIX commands on the partition it runs on.
  bool StartsSurrogateServices() const override { return false; }
  // Yes (each call runs its own commands; the command log and the managed
  // system's name are shared under a mutex), unless LVUPDATE_SERIAL_READS=1
  // (the one-by-one baseline `make bench` compares against).
  bool ConcurrentReads() const override;

  // Runs an AIX command of this partition; *out its standard output.
  Status RunAix(const std::vector<std::string>& argv, std::string* out);
  // The same with `env` ("NAME=value") added to its environment and
  // `input` on its standard input.
  Status RunAix(const std::vector<std::string>& argv, const std::vector<std::string>& env, std::string* out,
                const std::string& input = "");
  // Runs an HMC command over ssh; *out its standard output; *no_results when
  // the HMC said "No results were found." (exit 0 or 1).
  Status RunHmc(const std::vector<std::string>& words, std::string* out, bool* no_results = nullptr);
  // RunAix and RunHmc as the pure readers take them (aix_facts.h).
  RunCommand AixRunner();
  RunCommand HmcRunner();
  // The managed system (-m) holding this partition: managed_system, else
  // the one whose partition list has this partition's id and name.
  Status ManagedSystem(std::string* out);
  const AixConfig& config() const { return config_; }
  // The key hmcauth installs on the HMC: <home>/aix/id_ed25519.
  std::string KeyPath() const;
  // Adds hmc and hmc_user to aix.conf when it sets neither (hmcauth).
  Status RecordHmc(const std::string& hmc, const std::string& user);

 private:
  class AixHmc;
  class AixVios;
  class AixOs;
  class NoFaults;

  std::string home_;
  AixConfig config_;
  std::unique_ptr<CommandRunner> own_runner_;
  std::unique_ptr<ObservedRunner> runner_;
  std::mutex mu_;     // guards lines_
  std::mutex ms_mu_;  // guards managed_system_, held while it is found (once)
  std::vector<std::string> lines_;
  std::string managed_system_;
  std::unique_ptr<AixHmc> hmc_;
  std::unique_ptr<AixVios> vios_;
  std::unique_ptr<AixOs> os_;
  std::unique_ptr<NoFaults> faults_;
};

// The ssh command line for HMC command `words` (for tests and docs):
// ssh -o BatchMode=yes -o ControlMaster=auto -o ControlPath=DIR/%C
//     -o ControlPersist=600 -o ConnectTimeout=30 [-i KEY -o IdentitiesOnly=yes]
//     USER@HMC 'WORDS...'
// `identity`: the key `hmcauth` installed (<home>/aix/id_ed25519), when
// there is one; else ssh's own keys of the user running lvupdate.
std::vector<std::string> SshArgv(const AixConfig& c, const std::string& control_dir,
                                 const std::vector<std::string>& words, const std::string& identity = "");

// hmcauth with the aix driver (Hmc::Login): the key <home>/aix/id_ed25519
// (made with ssh-keygen when there is none) is installed on the HMC with
// `mkauthkeys -a KEY`, over one ssh logon with the password (given to ssh
// through SSH_ASKPASS: the password is in that one process's environment,
// in no file, argument or log), then checked with a key-only `lshmc -V`.
// aix.conf gets `hmc` and `hmc_user` when it has none.

}  // namespace lvu::drivers::aix
