// See aix_mappings.h.
#include "drivers/aix/aix_mappings.h"

#include <future>

#include <cstdlib>
#include <map>
#include <set>

#include "drivers/aix/prefetch.h"
#include "drivers/aix/parse/hmc_lshwres.h"
#include "drivers/aix/parse/lsdev.h"
#include "drivers/aix/parse/lsmap.h"
#include "drivers/aix/parse/lspath.h"

namespace lvu::drivers::aix {
namespace {

// "pv", "file", or "" for a backing device lsmap does not tell the kind of.
std::string BackingKind(const std::string& device) {
  if (device.rfind("hdisk", 0) == 0) return "pv";
  if (!device.empty() && device[0] == '/') return "file";
  return "";
}

}  // namespace

int SlotOf(const std::string& physloc) {
  size_t at = physloc.rfind("-C");
  while (at != std::string::npos) {
    size_t b = at + 2, e = b;
    while (e < physloc.size() && physloc[e] >= '0' && physloc[e] <= '9') ++e;
    if (e > b && e - b <= 5 && (e == physloc.size() || physloc[e] == '-')) {
      return std::atoi(physloc.substr(b, e - b).c_str());
    }
    if (at == 0) break;
    at = physloc.rfind("-C", at - 1);
  }
  return -1;
}

Status ReadMappings(const RunCommand& run_aix_direct, const RunCommand& run_hmc, const std::string& ms, int lpar_id,
                    std::vector<drivers::VhostMapping>* out, bool concurrent) {
  out->clear();
  std::string text;
  // The partition's two commands while the HMC answers lshwres.
  std::future<RunCommand> local = std::async(concurrent ? std::launch::async : std::launch::deferred, [&] {
    return Prefetch(run_aix_direct, {{"lsdev", "-Cc", "adapter", "-F", "name:physloc"}, {"lspath"}}, concurrent);
  });
  std::vector<VirtualScsiAdapter> adapters;
  Status lshwres = run_hmc({"lshwres", "-r", "virtualio", "--rsubtype", "scsi", "--level", "lpar", "-m", ms}, &text);
  const RunCommand run_aix = local.get();
  LVU_RETURN_IF_ERROR(lshwres);
  LVU_RETURN_IF_ERROR(ParseLshwresVirtualScsi(text, &adapters));
  std::map<int64_t, std::string> vios;  // id -> name, every partition with a server adapter
  for (const auto& a : adapters) {
    if (a.adapter_type == "server") vios[a.lpar_id] = a.lpar_name;
  }

  // This partition's client adapters: (VIOS id, server slot) -> its adapter name.
  std::vector<Device> devices;
  LVU_RETURN_IF_ERROR(run_aix({"lsdev", "-Cc", "adapter", "-F", "name:physloc"}, &text));
  LVU_RETURN_IF_ERROR(ParseLsdevFields(text, "name:physloc", &devices));
  std::map<int, std::string> name_by_slot;
  for (const auto& d : devices) {
    if (int slot = SlotOf(d.physloc); slot >= 0) name_by_slot[slot] = d.name;
  }
  std::map<std::pair<int64_t, int64_t>, std::string> client_adapter;
  for (const auto& a : adapters) {
    if (a.adapter_type != "client" || a.lpar_id != lpar_id) continue;
    auto it = name_by_slot.find(static_cast<int>(a.slot_num));
    if (it == name_by_slot.end()) continue;  // not configured on this partition
    client_adapter[{std::atoll(a.remote_lpar_id.c_str()), std::atoll(a.remote_slot_num.c_str())}] = it->second;
  }
  std::set<std::pair<int64_t, int64_t>> any_client;  // (VIOS id, server slot)
  for (const auto& a : adapters) {
    if (a.adapter_type == "server" && a.remote_lpar_id == "any") any_client.insert({a.lpar_id, a.slot_num});
  }

  std::vector<PathEntry> paths;
  LVU_RETURN_IF_ERROR(run_aix({"lspath"}, &text));
  LVU_RETURN_IF_ERROR(ParseLspath(text, &paths));

  std::vector<std::vector<std::string>> lsmaps;
  for (const auto& [id, name] : vios) lsmaps.push_back({"viosvrcmd", "-m", ms, "--id", std::to_string(id), "-c", "lsmap -all"});
  const RunCommand hmc = Prefetch(run_hmc, lsmaps, concurrent);  // every VIOS at once
  for (const auto& [id, name] : vios) {
    std::vector<aix::VhostMapping> maps;
    LVU_RETURN_IF_ERROR(hmc({"viosvrcmd", "-m", ms, "--id", std::to_string(id), "-c", "lsmap -all"}, &text));
    LVU_RETURN_IF_ERROR(ParseLsmap(text, &maps).WithContext("VIOS " + name));
    for (const auto& m : maps) {
      drivers::VhostMapping v;
      v.vios = name;
      v.vhost = m.svsa;
      v.client_id = static_cast<int>(m.client_partition_id);
      const int slot = SlotOf(m.physloc);
      v.any_client = any_client.count({id, slot}) != 0;
      auto adapter = client_adapter.find({id, slot});
      if (v.client_id == lpar_id && adapter != client_adapter.end()) {
        v.client_adapter = adapter->second;
        std::set<std::string> kinds;
        for (const auto& t : m.targets) kinds.insert(BackingKind(t.backing_device));
        if (kinds.size() > 1 || kinds.count("") != 0) {
          std::string devs;
          for (const auto& t : m.targets) devs += (devs.empty() ? "" : ", ") + t.backing_device;
          return Status::Failed("VIOS " + name + " " + m.svsa + " backs " + v.client_adapter + "'s disks with " +
                                devs + ": lvupdate cannot tell which client disk each backs (only whole disks, "
                                "hdiskN, are told apart in lsmap)");
        }
        const std::string kind = kinds.empty() ? "pv" : *kinds.begin();
        for (const auto& p : paths) {
          if (p.parent != v.client_adapter) continue;
          bool seen = false;
          for (const auto& d : v.disks) seen = seen || d == p.name;
          if (seen) continue;
          v.disks.push_back(p.name);
          v.backings.push_back(kind);
        }
      }
      out->push_back(std::move(v));
    }
  }
  return Status::OK();
}

}  // namespace lvu::drivers::aix
