// "Validating the adapters and their paths": the adapters can be divided
// into two sets that each reach every disk (only Enabled paths count).
#include <algorithm>
#include <map>
#include <set>

#include "actions/validation/checks/adapters.h"
#include "actions/validation/checks/check.h"
#include "actions/validation/path_split.h"

namespace lvu::actions {

Status SplitAdaptersOf(const Snapshot& s, std::vector<VhostRef>* keep, std::vector<VhostRef>* move) {
  std::map<std::string, std::set<std::string>> paths;
  for (const auto& d : s.lpar->disks) {
    auto& adapters = paths[d.name];
    for (const auto& p : d.paths) {
      if (p.status == "Enabled") adapters.insert(p.adapter);
    }
  }
  PathSplit split;
  Status st = SplitAdapters(paths, &split);
  if (!st.ok()) return Status::Failed(st.message() + ".");
  auto refs = [&](const std::vector<std::string>& adapters, std::vector<VhostRef>* out) -> Status {
    for (const auto& a : adapters) {
      auto m = std::find_if(s.mappings.begin(), s.mappings.end(),
                            [&](const auto& m) { return m.client_id == s.lpar_id && m.client_adapter == a; });
      if (m == s.mappings.end()) return Status::Failed("adapter " + a + " is not served by any VIOS vhost.");
      out->push_back({m->vios, m->vhost, a});
    }
    return Status::OK();
  };
  keep->clear();
  move->clear();
  LVU_RETURN_IF_ERROR(refs(split.keep, keep));
  return refs(split.move, move);
}

void AddAdapterChecks(std::vector<CheckDef>* out) {
  out->push_back({"adapters.two_sets", Section::kAdapters,
                  "adapters can be divided into two sets so that each has paths to all disks.",
                  kNeedLpar | kNeedVios, [](const Snapshot& s, std::string* t) {
                    std::vector<VhostRef> keep, move;
                    Status st = SplitAdaptersOf(s, &keep, &move);
                    if (st.ok()) return Verdict::kPass;
                    *t = st.message();
                    return Verdict::kFail;
                  }});
}

}  // namespace lvu::actions
