// lvupdate sim set: the facts of the simulated system (drivers/sim/settings.h).
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/home.h"
#include "cli/preview_commands.h"
#include "drivers/sim/sim_json.h"
#include "cli/world_lock.h"
#include "drivers/sim/sim_system.h"

namespace lvu::cli {
namespace {

int Fail(int code, const Status& s) {
  std::fprintf(stderr, "lvupdate: %s\n", s.message().c_str());
  return code;
}

int OpenSim(const GlobalOptions& g, std::unique_ptr<drivers::sim::SimSystem>* sim) {
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  drivers::sim::SimOptions opts;
  opts.speed = 0;
  s = drivers::sim::SimSystem::Open(home, opts, sim);
  if (!s.ok()) return Fail(kExitBadInput, s);
  return kExitOk;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

std::string Breaks(const drivers::sim::Setting& st) {
  std::vector<std::string> parts;
  for (const auto& b : st.breaks)
    parts.push_back(b.value + (b.with.empty() ? "" : " (with " + b.with + ")") + " -> " + b.check);
  return parts.empty() ? "-" : Join(parts, "; ");
}

}  // namespace

int CmdSimSet(const GlobalOptions& g, const std::string& key, const std::string& value) {
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::unique_ptr<journal::LockFile> lock;
  s = LockWorld(home, "sim set", &lock);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::unique_ptr<drivers::sim::SimSystem> sim;
  if (int rc = OpenSim(g, &sim); rc != kExitOk) return rc;
  s = sim->Set(key, value);
  if (!s.ok()) return Fail(s.IsInvalidArgument() ? kExitBadInput : kExitCannotRun, s);
  for (const auto& st : sim->Settings()) {
    if (st.key == key) std::printf("%s = %s\n", key.c_str(), st.value.c_str());
  }
  return kExitOk;
}

int CmdSimSetList(const GlobalOptions& g, bool json) {
  std::unique_ptr<drivers::sim::SimSystem> sim;
  if (int rc = OpenSim(g, &sim); rc != kExitOk) return rc;
  const auto settings = sim->Settings();
  if (json) {
    std::printf("%s\n", drivers::sim::SettingsJson(settings).dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-36s %-14s %-40s %s\n", "KEY", "VALUE", "FEEDS", "FAILS WITH -> CHECK");
  for (const auto& st : settings)
    std::printf("%-36s %-14s %-40s %s\n", st.key.c_str(), st.value.c_str(), Join(st.feeds, ",").c_str(),
                Breaks(st).c_str());
  return kExitOk;
}

}  // namespace lvu::cli
