// See aix_facts.h.
#include "drivers/aix/aix_facts.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "drivers/aix/parse/df.h"
#include "drivers/aix/parse/emgr.h"
#include "drivers/aix/parse/hmc_lshwres.h"
#include "drivers/aix/parse/hmc_lssyscfg.h"
#include "drivers/aix/parse/lsdev.h"
#include "drivers/aix/parse/lsps.h"
#include "drivers/aix/parse/lsvg.h"
#include "drivers/fact_sources.h"

namespace lvu::drivers::aix {
namespace {

int ToMb(std::optional<double> v, DfUnit unit) {
  if (!v) return 0;
  switch (unit) {
    case DfUnit::k512Blocks: return static_cast<int>(std::llround(*v / 2048));
    case DfUnit::k1024Blocks: return static_cast<int>(std::llround(*v / 1024));
    case DfUnit::kMB: return static_cast<int>(std::llround(*v));
    case DfUnit::kGB: return static_cast<int>(std::llround(*v * 1024));
  }
  return 0;
}

bool Prefixed(const std::string& name, const char* prefix) { return name.rfind(prefix, 0) == 0; }

void Unread(std::vector<std::string>* unread, FactSite site, const std::vector<std::string>& read) {
  for (const std::string& key : FactSourceKeys(site)) {
    if (!NamesSource(read, key)) unread->push_back(key);
  }
}

}  // namespace

Status ReadOsFacts(const RunCommand& run, OsFacts* out) {
  OsFacts f;
  std::string text;

  LVU_RETURN_IF_ERROR(run({"lsvg", "rootvg"}, &text));
  VolumeGroupInfo vg;
  LVU_RETURN_IF_ERROR(ParseLsvgInfo(text, &vg));
  f.rootvg_used_mb = static_cast<int>(vg.used_pps * vg.pp_size_mb);

  LVU_RETURN_IF_ERROR(run({"lsvg", "-l", "rootvg"}, &text));
  std::vector<VgLogicalVolumes> lvs;
  LVU_RETURN_IF_ERROR(ParseLsvgLogicalVolumes(text, &lvs));
  std::map<std::string, std::string> rootvg_lv_type;  // LV name -> TYPE
  int most = 1, least = 3;
  f.rootvg_stale_lvs = 0;
  for (const VgLogicalVolumes& g : lvs) {
    if (g.volume_group != "rootvg") continue;
    for (const LogicalVolume& lv : g.lvs) {
      rootvg_lv_type[lv.name] = lv.type;
      if (lv.lps > 0) {
        int copies = static_cast<int>(lv.pps / lv.lps);
        most = std::max(most, copies);
        least = std::min(least, copies);
      }
      if (lv.state.find("stale") != std::string::npos) ++f.rootvg_stale_lvs;
      if (Prefixed(lv.name, "bos_")) f.multibos = true;
    }
  }
  if (rootvg_lv_type.empty()) return Status::Failed("lsvg -l rootvg listed no logical volume of rootvg");
  f.rootvg_copies = most;
  f.rootvg_uniformly_mirrored = least == most;

  LVU_RETURN_IF_ERROR(run({"lsps", "-a"}, &text));
  std::vector<PagingSpace> spaces;
  LVU_RETURN_IF_ERROR(ParseLspsA(text, &spaces));
  f.paging_mb = 0;
  for (const PagingSpace& p : spaces) {
    if (p.volume_group == "rootvg") f.paging_mb += static_cast<int>(p.size_mb);
  }

  LVU_RETURN_IF_ERROR(run({"df", "-m"}, &text));
  DfOutput df;
  LVU_RETURN_IF_ERROR(ParseDf(text, &df));
  for (const DfRow& r : df.rows) {
    FileSystem fs;
    fs.mount = r.mounted_on;
    fs.device = r.filesystem;
    fs.size_mb = ToMb(r.size, df.unit);
    fs.free_mb = ToMb(r.free, df.unit);
    if (Prefixed(r.filesystem, "/dev/")) {
      auto it = rootvg_lv_type.find(r.filesystem.substr(5));
      if (it != rootvg_lv_type.end()) {
        fs.vg = "rootvg";
        fs.type = it->second;
      }
    } else if (r.filesystem == "/proc") {
      fs.type = "procfs";
    }
    f.filesystems.push_back(std::move(fs));
  }

  LVU_RETURN_IF_ERROR(run({"lsdev", "-C"}, &text));
  std::vector<Device> devices;
  LVU_RETURN_IF_ERROR(ParseLsdev(text, &devices));
  for (const Device& d : devices) {
    if (Prefixed(d.name, "rmt")) f.tape_devices.push_back(d.name);
    if (Prefixed(d.name, "cd")) f.optical_devices.push_back(d.name);
    if (Prefixed(d.name, "vlog")) f.vlog_devices.push_back(d.name);
    if (Prefixed(d.name, "gre")) f.gre_tunnels.push_back(d.name);
  }

  LVU_RETURN_IF_ERROR(run({"emgr", "-l"}, &text));
  std::vector<InterimFix> fixes;
  LVU_RETURN_IF_ERROR(ParseEmgrList(text, &fixes));
  for (const InterimFix& x : fixes) {
    if (x.reboot_required) f.reboot_pending_fixes.push_back(x.label);
  }

  Unread(&f.unread, FactSite::kPartition, {"lsvg", "lsps", "df", "lsdev", "emgr"});
  *out = std::move(f);
  return Status::OK();
}

Status ReadHmcFacts(const RunCommand& run_hmc, const std::string& ms, int lpar_id, HmcFacts* out) {
  HmcFacts f;
  std::string text;
  std::vector<std::string> read = {"lshwres_sys"};

  std::vector<SystemProcessors> procs;
  LVU_RETURN_IF_ERROR(run_hmc({"lshwres", "-r", "proc", "--level", "sys", "-m", ms}, &text));
  LVU_RETURN_IF_ERROR(ParseLshwresProcSys(text, &procs));
  std::vector<SystemMemory> mem;
  LVU_RETURN_IF_ERROR(run_hmc({"lshwres", "-r", "mem", "--level", "sys", "-m", ms}, &text));
  LVU_RETURN_IF_ERROR(ParseLshwresMemSys(text, &mem));
  if (procs.size() != 1 || mem.size() != 1) {
    return Status::Failed("lshwres --level sys -m " + ms + " listed " + std::to_string(procs.size()) + " and " +
                          std::to_string(mem.size()) + " records, not one each");
  }
  f.free_proc_units = procs[0].curr_avail_sys_proc_units;
  f.free_mem_mb = static_cast<int>(mem[0].curr_avail_sys_mem);

  const std::string id = std::to_string(lpar_id);
  std::vector<HmcPartition> parts;
  LVU_RETURN_IF_ERROR(run_hmc({"lssyscfg", "-r", "lpar", "-m", ms, "--filter", "lpar_ids=" + id}, &text));
  LVU_RETURN_IF_ERROR(ParseLssyscfgLpar(text, &parts));
  for (const HmcPartition& p : parts) {
    if (p.lpar_id != lpar_id) continue;
    if (const std::string* v = p.record.Find("remote_restart_capable")) {
      if (*v != "0" && *v != "1") {
        return Status::Corruption("lssyscfg -r lpar: line " + std::to_string(p.record.line) +
                                  ": remote_restart_capable is '" + *v + "', not 0 or 1");
      }
      f.remote_restart = *v == "1";
      read.push_back("remote_restart");
    }
  }

  std::vector<PartitionMemory> lpar_mem;
  LVU_RETURN_IF_ERROR(run_hmc({"lshwres", "-r", "mem", "--level", "lpar", "-m", ms}, &text));
  LVU_RETURN_IF_ERROR(ParseLshwresMemLpar(text, &lpar_mem));
  for (const PartitionMemory& m : lpar_mem) {
    if (m.lpar_id != lpar_id || m.mem_mode.empty()) continue;
    f.mem_mode = m.mem_mode;
    read.push_back("mem_mode");
    if (m.mem_mode != "shared") read.push_back("mempool");  // no pool to read for dedicated memory
  }

  Unread(&f.unread, FactSite::kHmc, read);
  *out = std::move(f);
  return Status::OK();
}

}  // namespace lvu::drivers::aix
