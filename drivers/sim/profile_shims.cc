// See profile_shims.h.
#include "drivers/sim/profile_shims.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "base/str_printf.h"
#include "drivers/sim/vios_shims.h"

namespace lvu::drivers::sim {
namespace {

ShimOutput Out(std::string text) { return {0, std::move(text), ""}; }
ShimOutput Err(std::string text) { return {1, "", std::move(text) + "\n"}; }

std::string Option(const std::vector<std::string>& w, const char* flag) {
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] == flag) return w[i + 1];
  }
  return "";
}

// "name=a,lpar_id=5,\"list=x,y\"" -> {name: a, lpar_id: 5, list: "x,y"}.
std::map<std::string, std::string> Attributes(const std::string& s) {
  std::map<std::string, std::string> out;
  std::string item;
  bool quoted = false;
  for (size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : ',';
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      const size_t eq = item.find('=');
      if (eq != std::string::npos) out[item.substr(0, eq)] = item.substr(eq + 1);
      item.clear();
    } else {
      item += c;
    }
  }
  return out;
}

std::string ScsiAdapters(const World& w, int lpar) {
  std::string out;
  for (const auto& m : w.mappings) {
    if (m.client_id != lpar || m.client_adapter.empty()) continue;
    out += StrPrintf("%s%d/client/%d/%s/%d/1", out.empty() ? "" : ",", ClientSlotOf(m.client_adapter), ViosIdOf(m),
                     m.vios.c_str(), ServerSlotOf(m));
  }
  return out.empty() ? "virtual_scsi_adapters=none" : "\"virtual_scsi_adapters=" + out + "\"";
}

ShimOutput Profiles(const World& w, const std::vector<std::string>& words) {
  const std::string filter = Option(words, "--filter");
  int only = -1;
  if (!filter.empty()) {
    if (filter.rfind("lpar_ids=", 0) != 0) return Err("The shim filters profiles by lpar_ids only");
    only = std::atoi(filter.c_str() + 9);
  }
  std::string out;
  for (const WorldLpar& l : w.lpars) {
    if (only >= 0 && l.id != only) continue;
    out += StrPrintf(
        "name=normal,lpar_name=%s,lpar_id=%d,lpar_env=aixlinux,all_resources=0,min_mem=%d,desired_mem=%d,"
        "max_mem=%d,mem_mode=%s,proc_mode=shared,min_proc_units=0.05,desired_proc_units=%.2f,"
        "max_proc_units=%.2f,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=uncap,uncap_weight=128,"
        "io_slots=none,lpar_io_pool_ids=none,max_virtual_slots=20,%s,virtual_eth_adapters=none,boot_mode=norm\n",
        l.name.c_str(), l.id, std::max(256, l.mem_mb / 2), l.mem_mb, l.mem_mb * 2, l.mem_mode.c_str(), l.proc_units,
        std::max(1.0, l.proc_units * 2), ScsiAdapters(w, l.id).c_str());
  }
  return Out(out.empty() ? "No results were found.\n" : out);
}

ShimOutput Make(SimSystem* sim, const World& w, const std::vector<std::string>& words) {
  auto a = Attributes(Option(words, "-i"));
  if (a["name"].empty() || a["lpar_id"].empty()) return Err("mksyscfg: the shim needs name= and lpar_id= in -i");
  const WorldLpar* like = w.WorkloadLpar();
  if (like == nullptr) return Err("mksyscfg: no partition runs to copy (the simulator's message)");
  if (!w.managed_system.reservation.present) {
    Status s = sim->hmc().Reserve(like->proc_units, like->mem_mb);
    if (!s.ok()) return Err(s.message());
  }
  Status s = sim->hmc().CreateLpar(std::atoi(a["lpar_id"].c_str()), like->id, a["name"]);
  return s.ok() ? Out("") : Err(s.message());
}

}  // namespace

bool RunProfileHmc(SimSystem* sim, const World& w, const std::vector<std::string>& words, ShimOutput* out) {
  if (words[0] == "lssyscfg" && Option(words, "-r") == "prof") {
    *out = Profiles(w, words);
    return true;
  }
  if (words[0] == "mksyscfg" && Option(words, "-r") == "lpar") {
    *out = Make(sim, w, words);
    return true;
  }
  return false;
}

}  // namespace lvu::drivers::sim
