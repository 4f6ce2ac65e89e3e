#include "drivers/aix/parse/hmc_lshwres.h"

#include "drivers/aix/parse/hmc_listing.h"

namespace lvu::drivers::aix {
namespace {

void Optional(const HmcRecord& r, const char* name, std::string* out) {
  if (const std::string* v = r.Find(name)) *out = *v;
}

template <typename T>
nlohmann::json Opt(const std::optional<T>& o) {
  return o ? nlohmann::json(*o) : nlohmann::json(nullptr);
}

// Parses every record of `text` with fill(record, item).
template <typename T, typename Fill>
Status ParseEach(const char* cmd, const std::string& text, std::vector<T>* out, Fill fill) {
  out->clear();
  std::vector<HmcRecord> recs;
  LVU_RETURN_IF_ERROR(ParseHmcListing(cmd, text, &recs));
  for (HmcRecord& r : recs) {
    T item;
    LVU_RETURN_IF_ERROR(fill(r, &item));
    item.record = std::move(r);
    out->push_back(std::move(item));
  }
  return Status::OK();
}

}  // namespace

Status ParseLshwresProcSys(const std::string& text, std::vector<SystemProcessors>* out) {
  static const char* c = "lshwres -r proc --level sys";
  return ParseEach(c, text, out, [](const HmcRecord& r, SystemProcessors* p) {
    LVU_RETURN_IF_ERROR(HmcDecimal(c, r, "configurable_sys_proc_units", &p->configurable_sys_proc_units));
    LVU_RETURN_IF_ERROR(HmcDecimal(c, r, "curr_avail_sys_proc_units", &p->curr_avail_sys_proc_units));
    LVU_RETURN_IF_ERROR(HmcOptionalDecimal(c, r, "pend_avail_sys_proc_units", &p->pend_avail_sys_proc_units));
    return HmcOptionalDecimal(c, r, "installed_sys_proc_units", &p->installed_sys_proc_units);
  });
}

Status ParseLshwresProcLpar(const std::string& text, std::vector<PartitionProcessors>* out) {
  static const char* c = "lshwres -r proc --level lpar";
  return ParseEach(c, text, out, [](const HmcRecord& r, PartitionProcessors* p) {
    LVU_RETURN_IF_ERROR(HmcText(c, r, "lpar_name", &p->lpar_name));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "lpar_id", &p->lpar_id));
    LVU_RETURN_IF_ERROR(HmcText(c, r, "curr_proc_mode", &p->curr_proc_mode));
    LVU_RETURN_IF_ERROR(HmcOptionalDecimal(c, r, "curr_min_proc_units", &p->curr_min_proc_units));
    LVU_RETURN_IF_ERROR(HmcOptionalDecimal(c, r, "curr_proc_units", &p->curr_proc_units));
    LVU_RETURN_IF_ERROR(HmcOptionalDecimal(c, r, "curr_max_proc_units", &p->curr_max_proc_units));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "curr_min_procs", &p->curr_min_procs));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "curr_procs", &p->curr_procs));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "curr_max_procs", &p->curr_max_procs));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "run_procs", &p->run_procs));
    Optional(r, "curr_sharing_mode", &p->curr_sharing_mode);
    return Status::OK();
  });
}

Status ParseLshwresMemSys(const std::string& text, std::vector<SystemMemory>* out) {
  static const char* c = "lshwres -r mem --level sys";
  return ParseEach(c, text, out, [](const HmcRecord& r, SystemMemory* m) {
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "configurable_sys_mem", &m->configurable_sys_mem));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "curr_avail_sys_mem", &m->curr_avail_sys_mem));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "installed_sys_mem", &m->installed_sys_mem));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "sys_firmware_mem", &m->sys_firmware_mem));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "mem_region_size", &m->mem_region_size));
    return HmcList(c, r, "possible_hpt_ratios", &m->possible_hpt_ratios);
  });
}

Status ParseLshwresMemLpar(const std::string& text, std::vector<PartitionMemory>* out) {
  static const char* c = "lshwres -r mem --level lpar";
  return ParseEach(c, text, out, [](const HmcRecord& r, PartitionMemory* m) {
    LVU_RETURN_IF_ERROR(HmcText(c, r, "lpar_name", &m->lpar_name));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "lpar_id", &m->lpar_id));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "curr_mem", &m->curr_mem));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "curr_min_mem", &m->curr_min_mem));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "curr_max_mem", &m->curr_max_mem));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "run_mem", &m->run_mem));
    Optional(r, "mem_mode", &m->mem_mode);
    return Status::OK();
  });
}

Status ParseLshwresVirtualScsi(const std::string& text, std::vector<VirtualScsiAdapter>* out) {
  static const char* c = "lshwres -r virtualio --rsubtype scsi";
  return ParseEach(c, text, out, [](const HmcRecord& r, VirtualScsiAdapter* a) {
    LVU_RETURN_IF_ERROR(HmcText(c, r, "lpar_name", &a->lpar_name));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "lpar_id", &a->lpar_id));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "slot_num", &a->slot_num));
    LVU_RETURN_IF_ERROR(HmcText(c, r, "adapter_type", &a->adapter_type));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "state", &a->state));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "is_required", &a->is_required));
    Optional(r, "remote_lpar_id", &a->remote_lpar_id);
    Optional(r, "remote_lpar_name", &a->remote_lpar_name);
    Optional(r, "remote_slot_num", &a->remote_slot_num);
    return Status::OK();
  });
}

Status ParseLshwresVirtualEth(const std::string& text, std::vector<VirtualEthAdapter>* out) {
  static const char* c = "lshwres -r virtualio --rsubtype eth";
  return ParseEach(c, text, out, [](const HmcRecord& r, VirtualEthAdapter* a) {
    LVU_RETURN_IF_ERROR(HmcText(c, r, "lpar_name", &a->lpar_name));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "lpar_id", &a->lpar_id));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "slot_num", &a->slot_num));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "port_vlan_id", &a->port_vlan_id));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "state", &a->state));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "is_required", &a->is_required));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "is_trunk", &a->is_trunk));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "trunk_priority", &a->trunk_priority));
    LVU_RETURN_IF_ERROR(HmcOptionalInt(c, r, "ieee_virtual_eth", &a->ieee_virtual_eth));
    LVU_RETURN_IF_ERROR(HmcList(c, r, "addl_vlan_ids", &a->addl_vlan_ids));
    Optional(r, "mac_addr", &a->mac_addr);
    return Status::OK();
  });
}

Status ParseLshwresVirtualSlots(const std::string& text, std::vector<VirtualSlots>* out) {
  static const char* c = "lshwres -r virtualio --rsubtype slot";
  return ParseEach(c, text, out, [](const HmcRecord& r, VirtualSlots* s) {
    LVU_RETURN_IF_ERROR(HmcText(c, r, "lpar_name", &s->lpar_name));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "lpar_id", &s->lpar_id));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "curr_max_virtual_slots", &s->curr_max_virtual_slots));
    LVU_RETURN_IF_ERROR(HmcInt(c, r, "next_avail_virtual_slot", &s->next_avail_virtual_slot));
    return HmcOptionalInt(c, r, "pend_max_virtual_slots", &s->pend_max_virtual_slots);
  });
}

nlohmann::json ToJson(const std::vector<SystemProcessors>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& p : v) {
    a.push_back({{"configurable_sys_proc_units", p.configurable_sys_proc_units},
                 {"curr_avail_sys_proc_units", p.curr_avail_sys_proc_units},
                 {"pend_avail_sys_proc_units", Opt(p.pend_avail_sys_proc_units)},
                 {"installed_sys_proc_units", Opt(p.installed_sys_proc_units)},
                 {"attributes", HmcAttrsToJson(p.record)}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<PartitionProcessors>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& p : v) {
    a.push_back({{"lpar_name", p.lpar_name}, {"lpar_id", p.lpar_id}, {"curr_proc_mode", p.curr_proc_mode},
                 {"curr_min_proc_units", Opt(p.curr_min_proc_units)}, {"curr_proc_units", Opt(p.curr_proc_units)},
                 {"curr_max_proc_units", Opt(p.curr_max_proc_units)}, {"curr_min_procs", Opt(p.curr_min_procs)},
                 {"curr_procs", Opt(p.curr_procs)}, {"curr_max_procs", Opt(p.curr_max_procs)},
                 {"curr_sharing_mode", p.curr_sharing_mode}, {"run_procs", Opt(p.run_procs)},
                 {"attributes", HmcAttrsToJson(p.record)}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<SystemMemory>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& m : v) {
    a.push_back({{"configurable_sys_mem", m.configurable_sys_mem}, {"curr_avail_sys_mem", m.curr_avail_sys_mem},
                 {"installed_sys_mem", Opt(m.installed_sys_mem)}, {"sys_firmware_mem", Opt(m.sys_firmware_mem)},
                 {"mem_region_size", Opt(m.mem_region_size)}, {"possible_hpt_ratios", m.possible_hpt_ratios},
                 {"attributes", HmcAttrsToJson(m.record)}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<PartitionMemory>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& m : v) {
    a.push_back({{"lpar_name", m.lpar_name}, {"lpar_id", m.lpar_id}, {"curr_min_mem", Opt(m.curr_min_mem)},
                 {"curr_mem", m.curr_mem}, {"curr_max_mem", Opt(m.curr_max_mem)}, {"run_mem", Opt(m.run_mem)},
                 {"mem_mode", m.mem_mode}, {"attributes", HmcAttrsToJson(m.record)}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<VirtualScsiAdapter>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& s : v) {
    a.push_back({{"lpar_name", s.lpar_name}, {"lpar_id", s.lpar_id}, {"slot_num", s.slot_num},
                 {"state", Opt(s.state)}, {"is_required", Opt(s.is_required)}, {"adapter_type", s.adapter_type},
                 {"remote_lpar_id", s.remote_lpar_id}, {"remote_lpar_name", s.remote_lpar_name},
                 {"remote_slot_num", s.remote_slot_num}, {"attributes", HmcAttrsToJson(s.record)}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<VirtualEthAdapter>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& e : v) {
    a.push_back({{"lpar_name", e.lpar_name}, {"lpar_id", e.lpar_id}, {"slot_num", e.slot_num},
                 {"state", Opt(e.state)}, {"is_required", Opt(e.is_required)}, {"is_trunk", Opt(e.is_trunk)},
                 {"trunk_priority", Opt(e.trunk_priority)}, {"ieee_virtual_eth", Opt(e.ieee_virtual_eth)},
                 {"port_vlan_id", e.port_vlan_id}, {"addl_vlan_ids", e.addl_vlan_ids}, {"mac_addr", e.mac_addr},
                 {"attributes", HmcAttrsToJson(e.record)}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<VirtualSlots>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& s : v) {
    a.push_back({{"lpar_name", s.lpar_name}, {"lpar_id", s.lpar_id},
                 {"curr_max_virtual_slots", s.curr_max_virtual_slots},
                 {"pend_max_virtual_slots", Opt(s.pend_max_virtual_slots)},
                 {"next_avail_virtual_slot", s.next_avail_virtual_slot},
                 {"attributes", HmcAttrsToJson(s.record)}});
  }
  return a;
}

}  // namespace lvu::drivers::aix
