#include "actions/validation/validation.h"

#include <algorithm>
#include <set>

#include "actions/validation/checks/adapters.h"
#include "actions/validation/estimate.h"
#include "actions/validation/process_checks.h"

namespace lvu::actions {
namespace {

// The operation's parameters from what validation read.
OpParams ParamsOf(const Snapshot& s) {
  OpParams p;
  p.orig_id = s.lpar_id;
  p.orig_name = s.lpar_name;
  if (s.lpar) {
    p.proc_units = s.lpar->proc_units;
    p.mem_mb = s.lpar->mem_mb;
    p.orig_boot_disk = s.lpar->booted_from;
  }
  const auto& d = s.input->data;
  p.nhdisk = d.nhdisk.empty() ? "" : d.nhdisk[0];
  p.mhdisk = d.mhdisk.empty() ? "" : d.mhdisk[0];
  if (s.lpar && s.vios_status.ok() && !SplitAdaptersOf(s, &p.keep, &p.move).ok()) {
    p.keep.clear();  // the adapters check is FAILED: the run stops there
    p.move.clear();
  }
  p.new_id = d.lpar_id;
  if (p.new_id == 0) {  // not given: the highest free id
    std::set<int> used;
    for (const auto& l : s.lpars) used.insert(l.id);
    for (p.new_id = 1000; p.new_id > 0 && used.count(p.new_id); p.new_id--) {
    }
  }
  std::vector<std::string> installed = s.lpar ? s.lpar->ifixes : std::vector<std::string>{};
  for (const auto& f : s.fixes) {
    if (f.status.ok() && f.fix.lu_capable &&
        std::find(installed.begin(), installed.end(), f.fix.label) == installed.end())
      p.fixes.push_back(f.fix);
  }
  return p;
}

}  // namespace

bool ValidationReport::passed() const {
  return std::none_of(lines.begin(), lines.end(),
                      [](const CheckLine& l) { return l.result == journal::CheckOutcome::kFailed; });
}

std::vector<journal::CheckResult> ValidationReport::Results() const {
  std::vector<journal::CheckResult> out;
  for (const auto& l : lines) out.push_back({l.name, l.result, l.message});
  return out;
}

nlohmann::json ValidationReport::ToJson() const {
  auto size = [](const DeviceSize& d) {
    return nlohmann::json{{"required_mb", d.required_mb < 0 ? nlohmann::json(nullptr) : nlohmann::json(d.required_mb)},
                          {"given_mb", d.given_mb < 0 ? nlohmann::json(nullptr) : nlohmann::json(d.given_mb)}};
  };
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& l : lines)
    checks.push_back({{"name", l.name},
                      {"section", SectionName(l.section)},
                      {"result", journal::CheckOutcomeName(l.result)},
                      {"message", l.message},
                      {"code", l.code}});
  return {{"passed", passed()},
          {"lpar", lpar},
          {"mode", mode},
          {"estimate", {{"blackout_s", estimate.blackout_s}, {"global_s", estimate.global_s}}},
          {"sizes",
           {{"mirror_vg", size(mirror_vg)}, {"new_rootvg", size(new_rootvg)}, {"paging", size(paging)},
            {"dump", size(dump)}}},
          {"checks", checks}};
}

Status Validate(drivers::System& sys, const ValidationInput& input, ValidationReport* report, OpParams* params) {
  Snapshot s;
  LVU_RETURN_IF_ERROR(Gather(sys, input, &s));
  ValidationReport r;
  r.lpar = s.lpar_name;
  r.mirror_vg = MirrorVgSize(s);
  r.new_rootvg = NewRootvgSize(s);
  r.paging = PagingSize(s);
  r.dump = DumpSize(s);
  r.lines = RunChecks(s);
  AddCustomizationChecks(sys, input, s.processes, s.processes_status, &r.lines);  // process_checks.h
  // Lines added after RunChecks still print in their section (INFO last).
  std::stable_sort(r.lines.begin(), r.lines.end(),
                   [](const CheckLine& a, const CheckLine& b) { return a.section < b.section; });
  *params = ParamsOf(s);
  r.estimate = EstimateUpdate(s, *params);
  *report = std::move(r);
  return Status::OK();
}

}  // namespace lvu::actions
