// Space, rootvg, file systems and disks: the storage requirements.
#include <set>

#include "actions/validation/checks/check.h"
#include "actions/validation/checks/text.h"

namespace lvu::actions {
namespace {

// What lvupdate writes to /var (its logs, the journal) and / needs.
constexpr int kVarNeededMb = 100;
constexpr int kRootNeededMb = 50;

Verdict FreeSpace(const Snapshot& s, const std::string& mount, int needed_mb, const std::string& what,
                  std::string* t) {
  const drivers::FileSystem* fs = s.FindFs(mount);
  if (fs == nullptr) {
    *t = "no file system is mounted on " + mount + ".";
    return Verdict::kFail;
  }
  if (fs->free_mb >= needed_mb) return Verdict::kPass;
  *t = what + ": " + std::to_string(fs->free_mb) + " MB free in " + mount + ", " + std::to_string(needed_mb) +
       " MB needed (chfs -a size=+" + std::to_string(needed_mb - fs->free_mb) + "M " + mount + ").";
  return Verdict::kFail;
}

std::vector<std::string> DisksInVg(const Snapshot& s, const std::string& vg) {
  std::vector<std::string> out;
  for (const auto& d : s.disks)
    if (d.vg == vg) out.push_back(d.name);
  return out;
}

bool SupportedFsType(const std::string& type) {
  static const std::set<std::string> ok = {"jfs2", "nfs", "nfs3", "nfs4", "procfs"};
  return ok.count(type) > 0;
}

const char* BackingName(const std::string& b) {
  if (b == "lv") return "a logical volume";
  if (b == "ssp") return "a shared storage pool logical unit";
  if (b == "file") return "a file";
  return b.c_str();
}

}  // namespace

void AddStorageChecks(std::vector<CheckDef>* out) {
  out->push_back({"space.var", Section::kOther, "sufficient space available in /var.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return FreeSpace(s, "/var", kVarNeededMb, "insufficient space available in /var", t);
                  }});
  out->push_back({"space.root", Section::kOther, "sufficient space available in /.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return FreeSpace(s, "/", kRootNeededMb, "insufficient space available in /", t);
                  }});
  out->push_back({"var.ctrace", Section::kOther, "enough available space for /var to dump Component Trace buffers.",
                  kNeedOs, [](const Snapshot& s, std::string* t) {
                    return FreeSpace(s, "/var", s.os.ctrace_mb,
                                     "not enough available space for /var to dump Component Trace buffers", t);
                  }});
  out->push_back({"var.lmt", Section::kOther,
                  "enough available space for /var to dump Light weight memory Trace buffers.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return FreeSpace(s, "/var", s.os.lmt_mb,
                                     "not enough available space for /var to dump Light weight memory Trace buffers",
                                     t);
                  }});
  out->push_back({"rootvg.altinst", Section::kOther, "no existing altinst_rootvg.", kNeedDisks,
                  [](const Snapshot& s, std::string* t) {
                    auto disks = DisksInVg(s, "altinst_rootvg");
                    if (disks.empty()) return Verdict::kPass;
                    *t = "an altinst_rootvg exists on " + JoinNames(disks) +
                         ": remove it (alt_rootvg_op -X altinst_rootvg).";
                    return Verdict::kFail;
                  }});
  out->push_back({"rootvg.snapshot", Section::kOther, "rootvg is not part of a snapshot.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (!s.os.rootvg_lvm_snapshot) return Verdict::kPass;
                    *t = "rootvg is part of a snapshot volume group: rejoin it (joinvg) first.";
                    return Verdict::kFail;
                  }});
  out->push_back({"rootvg.fs_snapshot", Section::kOther, "rootvg is not part of a snapshot.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (!s.os.rootvg_jfs2_snapshot) return Verdict::kPass;
                    *t = "a rootvg file system has a JFS2 snapshot: delete it (snapshot -d) first.";
                    return Verdict::kFail;
                  }});
  out->push_back({"boot.disk", Section::kOther, "the boot disk is set to the current rootvg.", kNeedLpar,
                  [](const Snapshot& s, std::string* t) {
                    const auto& l = *s.lpar;
                    if (!l.bootlist.empty() && l.bootlist[0] == l.booted_from) return Verdict::kPass;
                    *t = "the boot disk is not set to the current rootvg (" + l.booted_from +
                         "): run bootlist -m normal " + l.booted_from + ".";
                    return Verdict::kFail;
                  }});
  out->push_back({"rootvg.mirrorvg_name", Section::kOther, "the mirrorvg name is available.", kNeedDisks,
                  [](const Snapshot& s, std::string* t) {
                    auto disks = DisksInVg(s, "lvup_rootvg");
                    if (disks.empty()) return Verdict::kPass;
                    *t = "the volume group name lvup_rootvg is in use on " + JoinNames(disks) +
                         " (left by an earlier live update): remove it (alt_rootvg_op -X lvup_rootvg).";
                    return Verdict::kFail;
                  }});
  out->push_back({"rootvg.uniform_mirror", Section::kOther, "the rootvg is uniformly mirrored.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.rootvg_uniformly_mirrored) return Verdict::kPass;
                    *t = "the rootvg is not uniformly mirrored: every logical volume needs the same number of "
                         "copies (mklvcopy or rmlvcopy).";
                    return Verdict::kFail;
                  }});
  out->push_back({"rootvg.max_copies", Section::kOther,
                  "the rootvg does not have the maximum number of mirror copies.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.rootvg_copies < 3) return Verdict::kPass;
                    *t = "the rootvg has the maximum number of mirror copies (3): remove one (unmirrorvg).";
                    return Verdict::kFail;
                  }});
  out->push_back({"rootvg.stale_lvs", Section::kOther, "the rootvg does not have stale logical volumes.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.rootvg_stale_lvs == 0) return Verdict::kPass;
                    *t = "the rootvg has " + std::to_string(s.os.rootvg_stale_lvs) +
                         " stale logical volume(s): synchronize them (syncvg -v rootvg).";
                    return Verdict::kFail;
                  }});
  out->push_back({"fs.types", Section::kOther, "all of the mounted file systems are of a supported type.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    std::vector<std::string> bad;
                    for (const auto& fs : s.os.filesystems)
                      if (!SupportedFsType(fs.type)) bad.push_back(fs.mount + " (" + fs.type + ")");
                    if (bad.empty()) return Verdict::kPass;
                    *t = "file system(s) of unsupported type are mounted: " + JoinNames(bad) +
                         "; only JFS2 and NFS are supported.";
                    return Verdict::kFail;
                  },
                  "1430-244"});
  out->push_back({"system.diskless", Section::kOther, "this AIX instance is not diskless.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (!s.os.diskless) return Verdict::kPass;
                    *t = "this AIX instance is a diskless client: live update needs a local rootvg.";
                    return Verdict::kFail;
                  }});
  out->push_back({"system.multibos", Section::kOther, "multibos environment not present.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (!s.os.multibos) return Verdict::kPass;
                    *t = "a multibos environment is present: remove the standby BOS (multibos -R).";
                    return Verdict::kFail;
                  }});
  out->push_back({"disks.config", Section::kOther, "the disk configuration is supported.", kNeedVios,
                  [](const Snapshot& s, std::string* t) {
                    for (const auto& m : s.mappings) {
                      if (m.client_id != s.lpar_id) continue;
                      const std::string where = m.vios + " " + m.vhost;
                      if (m.any_client) {
                        *t = "the disk configuration is not supported: " + where +
                             " accepts any partition or slot; map it to this partition only.";
                        return Verdict::kFail;
                      }
                      for (size_t i = 0; i < m.disks.size() && i < m.backings.size(); i++) {
                        if (m.backings[i] == "pv") continue;
                        *t = "the disk configuration is not supported: " + m.disks[i] + " is backed by " +
                             BackingName(m.backings[i]) + " on " + where +
                             "; only whole physical volumes (or NPIV) are supported.";
                        return Verdict::kFail;
                      }
                    }
                    return Verdict::kPass;
                  }});
  out->push_back({"info.dumps", Section::kInfo, "", kNeedNothing, [](const Snapshot&, std::string* t) {
                    *t = "Any system dumps present in the current dump logical volumes will not be available "
                         "after live update is complete.";
                    return Verdict::kInfo;
                  }});
}

}  // namespace lvu::actions
