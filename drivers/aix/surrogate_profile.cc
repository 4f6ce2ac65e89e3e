// See surrogate_profile.h.
#include "drivers/aix/surrogate_profile.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "base/str_printf.h"

namespace lvu::drivers::aix {
namespace {

std::string Units(double v) { return StrPrintf("%.2f", v); }

// The record's value of `name` as a number, or `fallback`.
double RecordNumber(const HmcProfile& p, const char* name, double fallback) {
  const std::string* v = p.record.Find(name);
  if (v == nullptr || v->empty() || *v == "null") return fallback;
  char* end = nullptr;
  double d = std::strtod(v->c_str(), &end);
  return end != nullptr && *end == '\0' ? d : fallback;
}

}  // namespace

Status SurrogateAttributes(const HmcProfile& like, const std::string& name, int id, const Reservation& r,
                           std::string* out) {
  if (r.mem_mb <= 0 || r.proc_units <= 0) {
    return Status::InvalidArgument("the reservation holds no memory or processors for the surrogate");
  }
  if (like.proc_mode != "shared" && like.proc_mode != "ded") {
    return Status::InvalidArgument("profile " + like.name + " of " + like.lpar_name + " has proc_mode '" +
                                   like.proc_mode + "', not shared or ded");
  }
  std::vector<std::string> a = {"name=" + name, "lpar_id=" + std::to_string(id), "profile_name=lvupdate",
                                "lpar_env=" + (like.lpar_env.empty() ? std::string("aixlinux") : like.lpar_env)};
  const int64_t mem = r.mem_mb;
  a.push_back("min_mem=" + std::to_string(std::min(like.min_mem.value_or(mem), mem)));
  a.push_back("desired_mem=" + std::to_string(mem));
  a.push_back("max_mem=" + std::to_string(std::max(like.max_mem.value_or(mem), mem)));
  a.push_back("proc_mode=" + like.proc_mode);
  if (like.proc_mode == "shared") {
    a.push_back("min_proc_units=" + Units(std::min(RecordNumber(like, "min_proc_units", r.proc_units), r.proc_units)));
    a.push_back("desired_proc_units=" + Units(r.proc_units));
    a.push_back("max_proc_units=" + Units(std::max(RecordNumber(like, "max_proc_units", r.proc_units), r.proc_units)));
    const int64_t procs = like.desired_procs.value_or(1);
    a.push_back("min_procs=" + std::to_string(std::min(like.min_procs.value_or(procs), procs)));
    a.push_back("desired_procs=" + std::to_string(procs));
    a.push_back("max_procs=" + std::to_string(std::max(like.max_procs.value_or(procs), procs)));
  } else {
    const int64_t procs = static_cast<int64_t>(std::ceil(r.proc_units - 1e-9));
    a.push_back("min_procs=" + std::to_string(std::min(like.min_procs.value_or(procs), procs)));
    a.push_back("desired_procs=" + std::to_string(procs));
    a.push_back("max_procs=" + std::to_string(std::max(like.max_procs.value_or(procs), procs)));
  }
  for (const char* k : {"sharing_mode", "uncap_weight", "max_virtual_slots"}) {
    if (const std::string* v = like.record.Find(k); v != nullptr && !v->empty() && *v != "null") {
      a.push_back(std::string(k) + "=" + *v);
    }
  }
  std::string scsi;
  for (const std::string& s : like.virtual_scsi_adapters) {
    if (s.find("/client/") != std::string::npos) scsi += (scsi.empty() ? "" : ",") + s;
  }
  if (!scsi.empty()) a.push_back("\"virtual_scsi_adapters=" + scsi + "\"");
  out->clear();
  for (const auto& x : a) *out += (out->empty() ? "" : ",") + x;
  return Status::OK();
}

}  // namespace lvu::drivers::aix
