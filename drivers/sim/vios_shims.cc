// See vios_shims.h.
#include "drivers/sim/vios_shims.h"

#include <algorithm>
#include <cstdlib>

#include "base/str_printf.h"

namespace lvu::drivers::sim {
namespace {

ShimOutput Out(std::string text) { return {0, std::move(text), ""}; }

// The number after `tag` ("-V", "-C") in a location code; -1 when none.
int Number(const std::string& physloc, const char* tag) {
  size_t at = physloc.find(tag);
  if (at == std::string::npos) return -1;
  return std::atoi(physloc.c_str() + at + 2);
}

// "U8286.42A.214F58V" from "U8286.42A.214F58V-V1-C90".
std::string Frame(const World& w) {
  for (const auto& m : w.mappings) {
    size_t v = m.physloc.find("-V");
    if (v != std::string::npos) return m.physloc.substr(0, v);
  }
  return "U9999.999.0000000";
}

std::string LparName(const World& w, int id) {
  const WorldLpar* l = w.FindLpar(id);
  return l == nullptr ? "" : l->name;
}

std::string BackingDevice(const VhostLun& lun) {
  if (lun.backing == "pv") return lun.backing_device;
  if (lun.backing == "file") return "/var/vio/storagepools/lvupool/" + lun.disk;
  if (lun.backing == "ssp") return "lu_" + lun.disk;
  return "lv_" + lun.disk;
}

ShimOutput Lshwres(const World& w) {
  std::string out;
  for (const auto& m : w.mappings) {
    const std::string cname = LparName(w, m.client_id);
    const bool any = m.any_client || m.client_id == 0;
    out += StrPrintf("lpar_name=%s,lpar_id=%d,slot_num=%d,state=1,is_required=0,adapter_type=server,", m.vios.c_str(),
                     ViosIdOf(m), ServerSlotOf(m));
    if (any) {
      out += "remote_lpar_id=any,remote_lpar_name=,remote_slot_num=any\n";
    } else {
      out += StrPrintf("remote_lpar_id=%d,remote_lpar_name=%s,remote_slot_num=%d\n", m.client_id, cname.c_str(),
                       ClientSlotOf(m.client_adapter));
    }
  }
  for (const auto& m : w.mappings) {
    // The client's adapter names its VIOS slot even when the server accepts any client.
    if (m.client_id == 0 || LparName(w, m.client_id).empty()) continue;
    out += StrPrintf(
        "lpar_name=%s,lpar_id=%d,slot_num=%d,state=1,is_required=0,adapter_type=client,remote_lpar_id=%d,"
        "remote_lpar_name=%s,remote_slot_num=%d\n",
        LparName(w, m.client_id).c_str(), m.client_id, ClientSlotOf(m.client_adapter), ViosIdOf(m), m.vios.c_str(),
        ServerSlotOf(m));
  }
  if (out.empty()) return Out("No results were found.\n");
  return Out(out);
}

// vios_lsmap_all.1's layout, with the seed's Mirrored line.
ShimOutput Lsmap(const World& w, int vios_id) {
  std::string out;
  for (const auto& m : w.mappings) {
    if (ViosIdOf(m) != vios_id) continue;
    out += "SVSA                 Physloc                           Client Partition ID\n"
           "-------------        --------------------------------- ------------------\n";
    out += StrPrintf("%-21s%-34s0x%08x\n\n", m.vhost.c_str(), m.physloc.c_str(), m.client_id);
    if (m.luns.empty()) out += "VTD                   NO VIRTUAL TARGET DEVICE FOUND\n\n";
    for (size_t i = 0; i < m.luns.size(); ++i) {
      const VhostLun& lun = m.luns[i];
      out += StrPrintf("VTD                   %s\nStatus                Available\nLUN                   %s\n"
                       "Backing device        %s\nPhysloc\nMirrored              false\n",
                       lun.vtd.c_str(), lun.lun.c_str(), BackingDevice(lun).c_str());
      if (i + 1 < m.luns.size()) out += "\n";
    }
  }
  return Out(out);
}

}  // namespace

int ViosIdOf(const WorldMapping& m) { return Number(m.physloc, "-V"); }
int ServerSlotOf(const WorldMapping& m) { return Number(m.physloc, "-C"); }
int ClientSlotOf(const std::string& adapter) {
  size_t d = adapter.find_first_of("0123456789");
  return d == std::string::npos ? -1 : std::atoi(adapter.c_str() + d) + 2;
}

bool RunViosLsdev(const World& w, const std::vector<std::string>& a, ShimOutput* out) {
  if (a.size() != 5 || a[1] != "-Cc" || a[2] != "adapter" || a[3] != "-F" || a[4] != "name:physloc") return false;
  const WorldLpar* l = w.WorkloadLpar();
  std::vector<std::string> adapters;
  if (l != nullptr) {
    for (const auto& d : l->disks) {
      for (const auto& p : d.paths) adapters.push_back(p.adapter);
    }
    for (const auto& m : w.mappings) {
      if (m.client_id == l->id && !m.client_adapter.empty()) adapters.push_back(m.client_adapter);
    }
  }
  std::sort(adapters.begin(), adapters.end());
  adapters.erase(std::unique(adapters.begin(), adapters.end()), adapters.end());
  std::string text;
  if (l != nullptr) text += StrPrintf("vsa0:%s-V%d-C0\n", Frame(w).c_str(), l->id);
  for (const auto& a : adapters) {
    text += StrPrintf("%s:%s-V%d-C%d-T1\n", a.c_str(), Frame(w).c_str(), l->id, ClientSlotOf(a));
  }
  *out = Out(text);
  return true;
}

bool RunViosHmc(const World& w, const std::vector<std::string>& words, ShimOutput* out) {
  auto has = [&](const char* flag, const char* value) {
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i] == flag && words[i + 1] == value) return true;
    }
    return false;
  };
  if (words[0] == "lshwres" && has("-r", "virtualio") && has("--rsubtype", "scsi")) {
    *out = Lshwres(w);
    return true;
  }
  if (words[0] == "viosvrcmd") {
    int id = -1;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i] == "--id") id = std::atoi(words[i + 1].c_str());
    }
    if (!has("-c", "lsmap -all")) {
      *out = {1, "", "viosvrcmd: the shim runs lsmap -all only\n"};
    } else if (std::none_of(w.mappings.begin(), w.mappings.end(), [&](const auto& m) { return ViosIdOf(m) == id; })) {
      *out = {1, "", "HSCL8012 The partition " + std::to_string(id) + " is not a VIOS of the simulator's frame\n"};
    } else {
      *out = Lsmap(w, id);
    }
    return true;
  }
  return false;
}

}  // namespace lvu::drivers::sim
