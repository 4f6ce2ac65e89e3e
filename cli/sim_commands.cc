// lvupdate sim: the simulated Power system (init, show, faults).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "actions/validation/hmc_token.h"
#include "actions/engine/plan.h"
#include "cli/commands.h"
#include "cli/home.h"
#include "cli/world_lock.h"
#include "drivers/sim/hmc_session.h"
#include "drivers/sim/settings.h"
#include "drivers/sim/shims.h"
#include "drivers/sim/sim_json.h"
#include "drivers/sim/sim_system.h"
#include "drivers/sim/world_store.h"

namespace lvu::cli {
namespace {

using drivers::sim::SimSystem;

int Fail(int code, const Status& s) {
  std::fprintf(stderr, "lvupdate: %s\n", s.message().c_str());
  return code;
}

// `lock`: the command changes the world, so it takes the live update lock
// (`command` names it in the refusal).
int OpenSim(const GlobalOptions& g, std::unique_ptr<SimSystem>* sim, const char* command = nullptr,
            std::unique_ptr<journal::LockFile>* lock = nullptr) {
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  if (lock != nullptr) {
    s = LockWorld(home, command, lock);
    if (!s.ok()) return Fail(kExitCannotRun, s);
  }
  drivers::sim::SimOptions opts;
  opts.speed = g.speed;
  s = SimSystem::Open(home, opts, sim);
  if (!s.ok()) return Fail(kExitBadInput, s);
  return kExitOk;
}


}  // namespace

int CmdSimInit(const GlobalOptions& g, const SimInitOptions& o) {
  const bool force = o.force;
  std::string home, fix_dir;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::unique_ptr<journal::LockFile> lock;
  s = LockWorld(home, "sim init", &lock);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::string unfinished;
  s = UnfinishedOperation(home, &unfinished);
  if (!s.ok()) return Fail(kExitCannotRun, s.WithContext("cannot tell whether an operation is unfinished"));
  if (!unfinished.empty()) {
    if (!force) {
      return Fail(kExitCannotRun,
                  Status::InvalidArgument(
                      "operation " + unfinished + " is unfinished in " + home +
                      ": its world is the simulated system there, and `sim init` would replace it (resume and "
                      "rollback could then not finish it). Run `lvupdate resume` or `lvupdate rollback` first, or "
                      "`lvupdate sim init --force` to replace the world anyway"));
    }
    std::fprintf(stderr,
                 "lvupdate: warning: operation %s is unfinished; its world is replaced by a new lab. "
                 "`lvupdate rollback` then undoes against the new lab what is left of it.\n",
                 unfinished.c_str());
  }
  s = SimSystem::Init(home, &fix_dir);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::printf("Created the simulated system in %s/sim:\n"
              "  HMC 10.1.50.30 (hscroot), VIOS s824vio1 and s824vio2,\n"
              "  LPAR 99 aix721534A (AIX 7200-00-00-0000), hdisk1 (rootvg) hdisk2 hdisk3 of 51200 MB\n"
              "  behind vscsi0 and vscsi1.\n"
              "lvupdate.data: %s/lvupdate.data\n"
              "Fix directory: %s\n",
              home.c_str(), home.c_str(), fix_dir.c_str());
  if (o.hmcauth) {
    std::unique_ptr<SimSystem> sim;
    s = SimSystem::Open(home, drivers::sim::SimOptions{}, &sim);
    drivers::HmcSession session;
    if (s.ok()) s = sim->hmc().Login("hsc02", "hscroot", drivers::sim::kLabHmcPassword, &session);
    if (s.ok()) s = actions::SaveHmcToken(actions::HmcTokenPath(home), session);
    if (!s.ok()) return Fail(kExitCannotRun, s.WithContext("--hmcauth"));
    std::printf("Logged on to the lab's HMC hsc02 as hscroot (token in %s).\n", actions::HmcTokenPath(home).c_str());
  }
  if (!o.system.empty()) {
    drivers::sim::World w;
    int changed = 0;
    s = drivers::sim::LoadWorld(home, &w);
    if (s.ok()) s = drivers::sim::ApplySystemSettings(&w, o.system, &changed);
    if (!s.ok()) return Fail(s.IsInvalidArgument() ? kExitBadInput : kExitCannotRun, s.WithContext("--system"));
    s = drivers::sim::SaveWorld(home, w);
    if (!s.ok()) return Fail(kExitCannotRun, s);
    std::printf("The recorded system: %d setting(s) applied.\n", changed);
  }
  return kExitOk;
}

int CmdSimShow(const GlobalOptions& g, bool json) {
  std::unique_ptr<SimSystem> sim;
  if (int rc = OpenSim(g, &sim); rc != kExitOk) return rc;
  std::printf("%s\n", json ? sim->ShowJson().c_str() : sim->ShowText().c_str());
  return kExitOk;
}

int CmdSimShims(const GlobalOptions& g, const std::string& dir, int latency_ms, int hmc_latency_ms) {
  std::unique_ptr<SimSystem> sim;
  if (int rc = OpenSim(g, &sim); rc != kExitOk) return rc;
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) return Fail(kExitCannotRun, Status::IOError("cannot find this program (/proc/self/exe)"));
  std::error_code ec;
  std::string abs_dir = std::filesystem::absolute(dir, ec).string();
  std::string abs_home = std::filesystem::absolute(home, ec).string();
  s = drivers::sim::WriteShims(abs_dir, std::string(self, static_cast<size_t>(n)), abs_home, latency_ms,
                               hmc_latency_ms);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::string names;
  for (const auto& c : drivers::sim::ShimNames()) names += " " + c;
  std::printf("Shims in %s for the simulated system of %s:%s\n", abs_dir.c_str(), abs_home.c_str(), names.c_str());
  if (latency_ms > 0 || hmc_latency_ms > 0) {
    std::printf("Each AIX command takes %d ms more, each HMC command %d ms more.\n", latency_ms, hmc_latency_ms);
  }
  std::printf("Put it first on PATH to run lvupdate --driver aix against it:\n  export PATH=%s:$PATH\n",
              abs_dir.c_str());
  return kExitOk;
}

int CmdSimExec(const GlobalOptions& g, const std::vector<std::string>& argv) {
  std::unique_ptr<SimSystem> sim;
  if (int rc = OpenSim(g, &sim); rc != kExitOk) return rc;
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  drivers::sim::ShimOutput out;
  std::string input;
  if (!argv.empty() && drivers::sim::ShimReadsInput(argv[0]) && !isatty(0)) {
    char buf[4096];
    ssize_t got;
    while ((got = ::read(0, buf, sizeof buf)) > 0 && input.size() < (1u << 20)) input.append(buf, static_cast<size_t>(got));
  }
  s = drivers::sim::RunShim(sim.get(), home, argv, &out, input);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::fwrite(out.out.data(), 1, out.out.size(), stdout);
  std::fwrite(out.err.data(), 1, out.err.size(), stderr);
  return out.exit_code;
}

int CmdSimFaultAdd(const GlobalOptions& g, const FaultOptions& o) {
  drivers::sim::Fault f;
  if (!actions::KnownStep(o.step)) {
    return Fail(kExitBadInput, Status::InvalidArgument("unknown step '" + o.step + "' (see `lvupdate status` for the plan)"));
  }
  if (!drivers::sim::ParseFaultKind(o.kind, &f.kind)) {
    return Fail(kExitBadInput, Status::InvalidArgument("unknown fault kind '" + o.kind +
                                                           "' (fail, transient, crash-before, crash-after, crash-recorded, signal)"));
  }
  if (o.phase != "apply" && o.phase != "compensate") {
    return Fail(kExitBadInput, Status::InvalidArgument("unknown phase '" + o.phase + "' (apply or compensate)"));
  }
  if (o.times < 1) return Fail(kExitBadInput, Status::InvalidArgument("--times must be at least 1"));
  f.step = o.step;
  f.phase = o.phase == "apply" ? drivers::FaultPoint::Phase::kApply : drivers::FaultPoint::Phase::kCompensate;
  f.times = o.times;
  std::unique_ptr<SimSystem> sim;
  std::unique_ptr<journal::LockFile> lock;
  if (int rc = OpenSim(g, &sim, "sim fault add", &lock); rc != kExitOk) return rc;
  Status s = sim->AddFault(f);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::printf("Fault added: %s %s (%s) x%d\n", o.kind.c_str(), o.step.c_str(), o.phase.c_str(), o.times);
  return kExitOk;
}

int CmdSimFaultList(const GlobalOptions& g, bool json) {
  std::unique_ptr<SimSystem> sim;
  if (int rc = OpenSim(g, &sim); rc != kExitOk) return rc;
  std::vector<drivers::sim::Fault> faults;
  Status s = sim->ListFaults(&faults);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  if (json) {
    std::printf("%s\n", drivers::sim::FaultsJson(faults).dump(2).c_str());
    return kExitOk;
  }
  for (const auto& f : faults) {
    std::printf("%-24s %-13s %-10s x%d\n", f.step.c_str(), drivers::sim::FaultKindName(f.kind),
                drivers::sim::FaultPhaseName(f.phase), f.times);
  }
  if (faults.empty()) std::printf("No faults.\n");
  return kExitOk;
}

int CmdSimFaultClear(const GlobalOptions& g) {
  std::unique_ptr<SimSystem> sim;
  std::unique_ptr<journal::LockFile> lock;
  if (int rc = OpenSim(g, &sim, "sim fault clear", &lock); rc != kExitOk) return rc;
  Status s = sim->ClearFaults();
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::printf("Faults cleared.\n");
  return kExitOk;
}

}  // namespace lvu::cli
