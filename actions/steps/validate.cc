// validate: reads the world once, decides the operation's parameters (which
// partition, which disks, which adapters go to the surrogate, which fixes) and
// checks that a live update can run. Any FAILED check ends the operation
// before anything is changed. The parameters are its stepDone output.
#include <algorithm>
#include <map>
#include <set>

#include "actions/path_split.h"
#include "actions/steps/steps.h"
#include "actions/world_view.h"

namespace lvu::actions::steps {
namespace {

using journal::CheckOutcome;
using journal::CheckResult;

void Check(StepContext& c, const std::string& name, bool passed, const std::string& pass_text,
           const std::string& fail_text) {
  c.checks.push_back(CheckResult{name, passed ? CheckOutcome::kPassed : CheckOutcome::kFailed,
                                 passed ? pass_text : fail_text});
}

std::string FixPath(const ValidationInput& in, const std::string& f) {
  if (!f.empty() && f[0] == '/') return f;
  return (in.fix_dir.empty() ? std::string(".") : in.fix_dir) + "/" + f;
}

class ValidateStep : public Step {
 public:
  const char* name() const override { return "validate"; }

  Status Apply(StepContext& c, std::string* output) override {
    if (c.input == nullptr) {
      return Status::Failed("validate cannot run again on resume: its input is not in this process");
    }
    const ValidationInput& in = *c.input;
    LVU_RETURN_IF_ERROR(c.sys->Spend(30));
    OpParams& p = c.params;
    LVU_RETURN_IF_ERROR(c.sys->os().CurrentLpar(&p.orig_id, &p.orig_name));
    std::vector<drivers::Lpar> lpars;
    LVU_RETURN_IF_ERROR(c.sys->hmc().ListLpars(&lpars));
    auto orig = std::find_if(lpars.begin(), lpars.end(), [&](const auto& l) { return l.id == p.orig_id; });
    if (orig == lpars.end()) return Status::Failed("the HMC does not know partition " + std::to_string(p.orig_id));
    p.proc_units = orig->proc_units;
    p.mem_mb = orig->mem_mb;
    p.orig_boot_disk = orig->booted_from;

    CheckFixes(c, in, *orig);
    std::vector<drivers::Disk> disks;
    LVU_RETURN_IF_ERROR(c.sys->os().ListDisks(&disks));
    p.mhdisk = in.data.mhdisk.empty() ? "" : in.data.mhdisk[0];
    p.nhdisk = in.data.nhdisk.empty() ? "" : in.data.nhdisk[0];
    CheckDisk(c, disks, "disk.mirror_vg", p.mhdisk);
    CheckDisk(c, disks, "disk.new_rootvg", p.nhdisk);
    LVU_RETURN_IF_ERROR(CheckAdapters(c, *orig));
    bool altinst = std::any_of(disks.begin(), disks.end(), [](const auto& d) {
      return d.vg == "altinst_rootvg" || d.vg == "lvup_rootvg";
    });
    Check(c, "altinst_rootvg", !altinst, "no existing altinst_rootvg.",
          "an altinst_rootvg or lvup_rootvg already exists: remove it (alt_rootvg_op -X).");
    bool boot_ok = !orig->bootlist.empty() && orig->bootlist[0] == orig->booted_from;
    Check(c, "boot_disk", boot_ok, "the boot disk is set to the current rootvg.",
          "the boot disk is not set to the current rootvg (" + orig->booted_from + ").");
    CheckLparId(c, in, lpars);

    size_t failed = std::count_if(c.checks.begin(), c.checks.end(),
                                  [](const auto& r) { return r.result == CheckOutcome::kFailed; });
    if (failed > 0) {
      return Status::Failed("validation failed: " + std::to_string(failed) + " check(s) FAILED");
    }
    *output = p.ToJson().dump();
    return Status::OK();
  }

  // Validation leaves nothing in the world: an in-flight one runs again.
  Status Probe(StepContext&, bool* applied) override {
    *applied = false;
    return Status::OK();
  }

 private:
  static void CheckFixes(StepContext& c, const ValidationInput& in, const drivers::Lpar& orig) {
    if (in.fixes.empty()) {
      Check(c, "ifix", false, "", "no ifix was given.");
      return;
    }
    for (const auto& f : in.fixes) {
      std::string shown = f.substr(f.rfind('/') + 1);  // run journals absolute paths
      std::string name = "ifix." + shown;
      drivers::Fix fix;
      Status s = c.sys->os().ReadFix(FixPath(in, f), &fix);
      if (!s.ok()) {
        Check(c, name, false, "", "ifix " + shown + ": " + s.message());
        continue;
      }
      bool installed = std::find(orig.ifixes.begin(), orig.ifixes.end(), fix.label) != orig.ifixes.end();
      if (!fix.lu_capable) {
        Check(c, name, false, "", "ifix " + fix.label + " (" + shown + ") is not LU CAPABLE.");
      } else if (installed) {
        Check(c, name, false, "", "ifix " + fix.label + " (" + shown + ") is already installed.");
      } else {
        Check(c, name, true, "ifix " + fix.label + " (" + shown + ") is LU CAPABLE.", "");
        c.params.fixes.push_back(fix);
      }
    }
  }

  static void CheckDisk(StepContext& c, const std::vector<drivers::Disk>& disks, const std::string& name,
                        const std::string& disk) {
    auto d = std::find_if(disks.begin(), disks.end(), [&](const auto& x) { return x.name == disk; });
    if (disk.empty() || d == disks.end()) {
      Check(c, name, false, "", "disk " + (disk.empty() ? std::string("(none)") : disk) + " does not exist.");
    } else {
      Check(c, name, d->vg == "None", "device size is sufficient.",
            "disk " + disk + " is in use by volume group " + d->vg + ".");
    }
  }

  static Status CheckAdapters(StepContext& c, const drivers::Lpar& orig) {
    std::map<std::string, std::set<std::string>> paths;
    for (const auto& d : orig.disks) {
      auto& set = paths[d.name];
      for (const auto& p : d.paths) {
        if (p.status == "Enabled") set.insert(p.adapter);
      }
    }
    const std::string name = "adapters.two_sets";
    const std::string pass = "adapters can be divided into two sets so that each has paths to all disks.";
    actions::PathSplit split;
    Status s = SplitAdapters(paths, &split);
    if (!s.ok()) {
      Check(c, name, false, "", s.message() + ".");
      return Status::OK();
    }
    std::vector<drivers::VhostMapping> maps;
    LVU_RETURN_IF_ERROR(c.sys->vios().ListMappings(&maps));
    auto refs = [&](const std::vector<std::string>& adapters, std::vector<VhostRef>* out) {
      for (const auto& a : adapters) {
        auto m = std::find_if(maps.begin(), maps.end(), [&](const auto& m) {
          return m.client_id == orig.id && m.client_adapter == a;
        });
        if (m == maps.end()) return a;
        out->push_back({m->vios, m->vhost, a});
      }
      return std::string();
    };
    std::string missing = refs(split.keep, &c.params.keep);
    if (missing.empty()) missing = refs(split.move, &c.params.move);
    Check(c, name, missing.empty(), pass, "adapter " + missing + " is not served by any VIOS vhost.");
    return Status::OK();
  }

  static void CheckLparId(StepContext& c, const ValidationInput& in, const std::vector<drivers::Lpar>& lpars) {
    std::set<int> used;
    for (const auto& l : lpars) used.insert(l.id);
    int id = in.data.lpar_id;
    if (id == 0) {
      for (id = 1000; id > 0 && used.count(id); id--) {
      }
    }
    c.params.new_id = id;
    std::string fail = id == c.params.orig_id ? "lpar_id " + std::to_string(id) + " is the current partition's id."
                                              : "lpar_id " + std::to_string(id) + " is already in use.";
    Check(c, "hmc.lpar_id", !used.count(id), "Provided LPAR ID is available.", fail);
  }
};

}  // namespace

std::unique_ptr<Step> Validate() { return std::make_unique<ValidateStep>(); }

}  // namespace lvu::actions::steps
