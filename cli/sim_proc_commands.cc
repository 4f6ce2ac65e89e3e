// lvupdate sim proc: a simulated process calls proc_mobility_base_set() or
// proc_mobility_restartexit_set() (the `sim` command group: it reaches the
// simulator's own interface, SimSystem::SetMobility). It takes no lock: it is
// the world's own processes registering themselves during a live update.
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "actions/apps/mobility_calls.h"
#include "actions/apps/registrations.h"
#include "cli/home.h"
#include "cli/mobility_commands.h"
#include "drivers/sim/sim_system.h"

namespace lvu::cli {
namespace {

int Fail(int code, const Status& s) {
  std::fprintf(stderr, "lvupdate: %s\n", s.message().c_str());
  return code;
}

int Bad(const std::string& what) { return Fail(kExitBadInput, Status::InvalidArgument(what)); }

}  // namespace

int CmdSimProc(const GlobalOptions& g, const ProcOptions& o) {
  std::map<std::string, std::pair<std::string, const char*>> calls = {
      {"base-set", {drivers::kClassBase, "proc_mobility_base_set"}},
      {"restartexit-set", {drivers::kClassExit, "proc_mobility_restartexit_set"}},
      {"unset", {"", "proc_mobility_base_set(0) / proc_mobility_restartexit_set(0)"}},
  };
  auto call = calls.find(o.call);
  if (call == calls.end()) return Bad("sim proc: unknown call '" + o.call + "' (base-set, restartexit-set, unset)");
  const auto& [attr, name] = call->second;
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::unique_ptr<drivers::sim::SimSystem> sim;
  drivers::sim::SimOptions opts;
  s = drivers::sim::SimSystem::Open(home, opts, &sim);
  if (!s.ok()) return Fail(kExitBadInput, s);
  int lpar = o.lpar;
  if (lpar == 0) {
    std::string lpar_name;
    s = sim->os().CurrentLpar(&lpar, &lpar_name);
    if (!s.ok()) return Fail(kExitCannotRun, s);
  }
  drivers::ProcessTable table;
  s = sim->os().ListProcesses(lpar, &table);
  if (!s.ok()) return Fail(kExitBadInput, s);
  std::vector<actions::BaseProcRegistration> base_procs;
  s = actions::LoadBaseProcs(home, &base_procs);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  actions::MobilityVerdict v = actions::JudgeMobilityCall(table, base_procs, o.pid, attr);
  std::string err = v.err;
  if (err.empty()) {
    s = sim->SetMobility(lpar, o.pid, attr, &err);
    if (!s.ok()) return Fail(kExitCannotRun, s);
    if (!err.empty()) v.why = "refused by the partition's kernel";
  }
  if (!err.empty()) {
    std::fprintf(stderr, "lvupdate: %s by process %d on partition %d: %s: %s\n", name, o.pid, lpar, err.c_str(),
                 v.why.c_str());
    return err == "EAGAIN" ? kExitCannotRun : kExitBadInput;
  }
  const drivers::Process* p = table.Find(o.pid);
  std::printf("%s by process %d (%s) on partition %d: done; it is %s.\n", name, o.pid, p->command.c_str(), lpar,
              attr.empty() ? "no longer registered" : ("now a" + std::string(attr == "exit" ? "n " : " ") + attr +
                                                         " process" + (attr == "base" ? ", with its children" : ""))
                                                            .c_str());
  return kExitOk;
}

}  // namespace lvu::cli
