#include "actions/validation/checks/snapshot.h"

#include <algorithm>
#include <functional>
#include <future>

#include "actions/validation/hmc_token.h"

namespace lvu::actions {

const drivers::Disk* Snapshot::FindDisk(const std::string& name) const {
  for (const auto& d : disks)
    if (d.name == name) return &d;
  return nullptr;
}

const drivers::FileSystem* Snapshot::FindFs(const std::string& mount) const {
  for (const auto& fs : os.filesystems)
    if (fs.mount == mount) return &fs;
  return nullptr;
}

// Runs `reads` one after the other, or each on its own thread when the
// driver allows it (drivers::System::ConcurrentReads): a preview then takes
// about as long as its slowest read, not their sum.
void RunReads(drivers::System& sys, std::vector<std::function<void()>>* reads) {
  if (!sys.ConcurrentReads()) {
    for (auto& r : *reads) r();
    return;
  }
  std::vector<std::future<void>> running;
  for (auto& r : *reads) running.push_back(std::async(std::launch::async, r));
  for (auto& f : running) f.get();
}

Status Gather(drivers::System& sys, const ValidationInput& in, Snapshot* out) {
  Snapshot s;
  s.input = &in;
  s.clock_s = sys.ClockSeconds();
  LVU_RETURN_IF_ERROR(sys.os().CurrentLpar(&s.lpar_id, &s.lpar_name));

  s.token_status = in.hmc_token_file.empty() ? Status::NotFound("no HMC token file")
                                             : LoadHmcToken(in.hmc_token_file, &s.token);
  for (const auto& f : in.fixes) {
    FixRead r;
    r.given = f;
    r.path = !f.empty() && f[0] == '/' ? f : (in.fix_dir.empty() ? std::string(".") : in.fix_dir) + "/" + f;
    s.fixes.push_back(std::move(r));
  }
  // Independent reads, each writing its own fields.
  std::vector<std::function<void()>> reads = {
      [&] { s.hmc_status = sys.hmc().ListLpars(&s.lpars); },
      [&] { s.hmc_facts_status = sys.hmc().GetFacts(s.lpar_id, &s.hmc); },
      [&] { s.os_status = sys.os().GetFacts(s.lpar_id, &s.os); },
      [&] { s.disks_status = sys.os().ListDisks(&s.disks); },
      [&] { s.vios_status = sys.vios().ListMappings(&s.mappings); },
      [&] { s.processes_status = sys.os().ListProcesses(s.lpar_id, &s.processes); },
  };
  if (s.token_status.ok()) reads.push_back([&] { s.session_status = sys.hmc().CheckSession(s.token); });
  for (auto& r : s.fixes) reads.push_back([&sys, &r] { r.status = sys.os().ReadFix(r.path, &r.fix); });
  RunReads(sys, &reads);
  for (const auto& l : s.lpars)
    if (l.id == s.lpar_id) s.lpar = l;
  s.settings = sys.MissingSettings();
  *out = std::move(s);
  return Status::OK();
}

}  // namespace lvu::actions
