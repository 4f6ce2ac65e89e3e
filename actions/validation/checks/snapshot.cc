#include "actions/validation/checks/snapshot.h"

#include <algorithm>

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

Status Gather(drivers::System& sys, const ValidationInput& in, Snapshot* out) {
  Snapshot s;
  s.input = &in;
  s.clock_s = sys.ClockSeconds();
  LVU_RETURN_IF_ERROR(sys.os().CurrentLpar(&s.lpar_id, &s.lpar_name));

  s.hmc_status = sys.hmc().ListLpars(&s.lpars);
  for (const auto& l : s.lpars)
    if (l.id == s.lpar_id) s.lpar = l;
  s.hmc_facts_status = sys.hmc().GetFacts(s.lpar_id, &s.hmc);
  s.os_status = sys.os().GetFacts(s.lpar_id, &s.os);
  s.disks_status = sys.os().ListDisks(&s.disks);
  s.vios_status = sys.vios().ListMappings(&s.mappings);
  s.settings = sys.MissingSettings();

  s.token_status = in.hmc_token_file.empty() ? Status::NotFound("no HMC token file")
                                             : LoadHmcToken(in.hmc_token_file, &s.token);
  if (s.token_status.ok()) s.session_status = sys.hmc().CheckSession(s.token);

  for (const auto& f : in.fixes) {
    FixRead r;
    r.given = f;
    r.path = !f.empty() && f[0] == '/' ? f : (in.fix_dir.empty() ? std::string(".") : in.fix_dir) + "/" + f;
    r.status = sys.os().ReadFix(r.path, &r.fix);
    s.fixes.push_back(std::move(r));
  }
  *out = std::move(s);
  return Status::OK();
}

}  // namespace lvu::actions
