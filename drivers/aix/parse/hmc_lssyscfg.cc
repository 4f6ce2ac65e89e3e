#include "drivers/aix/parse/hmc_lssyscfg.h"

#include "drivers/aix/parse/hmc_listing.h"

namespace lvu::drivers::aix {
namespace {

void Optional(const HmcRecord& r, const char* name, std::string* out) {
  if (const std::string* v = r.Find(name)) *out = *v;
}

nlohmann::json Opt(const std::optional<int64_t>& o) { return o ? nlohmann::json(*o) : nlohmann::json(nullptr); }
nlohmann::json Opt(const std::optional<double>& o) { return o ? nlohmann::json(*o) : nlohmann::json(nullptr); }

}  // namespace

Status ParseLssyscfgSys(const std::string& text, std::vector<ManagedSystem>* out) {
  static const char* kCmd = "lssyscfg -r sys";
  out->clear();
  std::vector<HmcRecord> recs;
  LVU_RETURN_IF_ERROR(ParseHmcListing(kCmd, text, &recs));
  for (HmcRecord& r : recs) {
    ManagedSystem s;
    LVU_RETURN_IF_ERROR(HmcText(kCmd, r, "name", &s.name));
    LVU_RETURN_IF_ERROR(HmcText(kCmd, r, "state", &s.state));
    Optional(r, "type_model", &s.type_model);
    Optional(r, "serial_num", &s.serial_num);
    Optional(r, "ipaddr", &s.ipaddr);
    s.record = std::move(r);
    out->push_back(std::move(s));
  }
  return Status::OK();
}

Status ParseLssyscfgLpar(const std::string& text, std::vector<HmcPartition>* out) {
  static const char* kCmd = "lssyscfg -r lpar";
  out->clear();
  std::vector<HmcRecord> recs;
  LVU_RETURN_IF_ERROR(ParseHmcListing(kCmd, text, &recs));
  for (HmcRecord& r : recs) {
    HmcPartition p;
    LVU_RETURN_IF_ERROR(HmcText(kCmd, r, "name", &p.name));
    LVU_RETURN_IF_ERROR(HmcInt(kCmd, r, "lpar_id", &p.lpar_id));
    LVU_RETURN_IF_ERROR(HmcText(kCmd, r, "state", &p.state));
    Optional(r, "lpar_env", &p.lpar_env);
    Optional(r, "os_version", &p.os_version);
    Optional(r, "curr_profile", &p.curr_profile);
    Optional(r, "default_profile", &p.default_profile);
    Optional(r, "rmc_state", &p.rmc_state);
    Optional(r, "rmc_ipaddr", &p.rmc_ipaddr);
    p.record = std::move(r);
    out->push_back(std::move(p));
  }
  return Status::OK();
}

Status ParseLssyscfgProf(const std::string& text, std::vector<HmcProfile>* out) {
  static const char* kCmd = "lssyscfg -r prof";
  out->clear();
  std::vector<HmcRecord> recs;
  LVU_RETURN_IF_ERROR(ParseHmcListing(kCmd, text, &recs));
  for (HmcRecord& r : recs) {
    HmcProfile p;
    LVU_RETURN_IF_ERROR(HmcText(kCmd, r, "name", &p.name));
    LVU_RETURN_IF_ERROR(HmcText(kCmd, r, "lpar_name", &p.lpar_name));
    LVU_RETURN_IF_ERROR(HmcInt(kCmd, r, "lpar_id", &p.lpar_id));
    Optional(r, "lpar_env", &p.lpar_env);
    Optional(r, "proc_mode", &p.proc_mode);
    LVU_RETURN_IF_ERROR(HmcOptionalInt(kCmd, r, "min_mem", &p.min_mem));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(kCmd, r, "desired_mem", &p.desired_mem));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(kCmd, r, "max_mem", &p.max_mem));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(kCmd, r, "min_procs", &p.min_procs));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(kCmd, r, "desired_procs", &p.desired_procs));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(kCmd, r, "max_procs", &p.max_procs));
    LVU_RETURN_IF_ERROR(HmcOptionalDecimal(kCmd, r, "desired_proc_units", &p.desired_proc_units));
    LVU_RETURN_IF_ERROR(HmcList(kCmd, r, "io_slots", &p.io_slots));
    LVU_RETURN_IF_ERROR(HmcList(kCmd, r, "virtual_scsi_adapters", &p.virtual_scsi_adapters));
    LVU_RETURN_IF_ERROR(HmcList(kCmd, r, "virtual_eth_adapters", &p.virtual_eth_adapters));
    LVU_RETURN_IF_ERROR(HmcList(kCmd, r, "virtual_fc_adapters", &p.virtual_fc_adapters));
    LVU_RETURN_IF_ERROR(HmcList(kCmd, r, "virtual_serial_adapters", &p.virtual_serial_adapters));
    p.record = std::move(r);
    out->push_back(std::move(p));
  }
  return Status::OK();
}

nlohmann::json ToJson(const std::vector<ManagedSystem>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const ManagedSystem& s : v) {
    a.push_back({{"name", s.name}, {"type_model", s.type_model}, {"serial_num", s.serial_num},
                 {"ipaddr", s.ipaddr}, {"state", s.state}, {"attributes", HmcAttrsToJson(s.record)}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<HmcPartition>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const HmcPartition& p : v) {
    a.push_back({{"name", p.name}, {"lpar_id", p.lpar_id}, {"lpar_env", p.lpar_env}, {"state", p.state},
                 {"os_version", p.os_version}, {"curr_profile", p.curr_profile},
                 {"default_profile", p.default_profile}, {"rmc_state", p.rmc_state},
                 {"rmc_ipaddr", p.rmc_ipaddr}, {"attributes", HmcAttrsToJson(p.record)}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<HmcProfile>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const HmcProfile& p : v) {
    a.push_back({{"name", p.name}, {"lpar_name", p.lpar_name}, {"lpar_id", p.lpar_id},
                 {"lpar_env", p.lpar_env}, {"min_mem", Opt(p.min_mem)}, {"desired_mem", Opt(p.desired_mem)},
                 {"max_mem", Opt(p.max_mem)}, {"proc_mode", p.proc_mode}, {"min_procs", Opt(p.min_procs)},
                 {"desired_procs", Opt(p.desired_procs)}, {"max_procs", Opt(p.max_procs)},
                 {"desired_proc_units", Opt(p.desired_proc_units)}, {"io_slots", p.io_slots},
                 {"virtual_scsi_adapters", p.virtual_scsi_adapters},
                 {"virtual_eth_adapters", p.virtual_eth_adapters},
                 {"virtual_fc_adapters", p.virtual_fc_adapters},
                 {"virtual_serial_adapters", p.virtual_serial_adapters},
                 {"attributes", HmcAttrsToJson(p.record)}});
  }
  return a;
}

std::string OsLevelOf(const std::string& os_version) {
  // "AIX " V.R " " NNNN-NN-NN-NNNN: release, technology level, service pack, build week.
  if (os_version.size() != 4 + 3 + 1 + 15 || os_version.compare(0, 4, "AIX ") != 0) return "";
  const std::string word = os_version.substr(8);
  if (os_version[7] != ' ' || os_version[5] != '.' || os_version[4] != word[0] || os_version[6] != word[1]) return "";
  for (size_t i = 0; i < word.size(); ++i) {
    const bool dash = i == 4 || i == 7 || i == 10;
    if (dash ? word[i] != '-' : (word[i] < '0' || word[i] > '9')) return "";
  }
  return word;
}

}  // namespace lvu::drivers::aix
