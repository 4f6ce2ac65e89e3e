// HMC lshwres: processors and memory of the managed system and of each
// partition, and the virtual I/O adapters (SCSI, Ethernet, slots), in the
// name=value form (no -F).
//
// As for lssyscfg: no entry for "No results were found.", Failed for an HSCL
// error or an error sentence without a code, Corruption naming the line for a
// record without a required attribute or with a number that is not one.
// Attributes that only some lines have (a VIOS has no huge-page fields, a
// dedicated-processor partition no processing units, trunk_priority only on
// a trunk adapter) are optional.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "drivers/aix/parse/hmc_attrs.h"

namespace lvu::drivers::aix {

// lshwres -r proc --level sys: one record.
struct SystemProcessors {
  double configurable_sys_proc_units = 0;  // required
  double curr_avail_sys_proc_units = 0;    // required
  std::optional<double> pend_avail_sys_proc_units;
  std::optional<double> installed_sys_proc_units;
  HmcRecord record;
};
Status ParseLshwresProcSys(const std::string& text, std::vector<SystemProcessors>* out);

// lshwres -r proc --level lpar. Required: lpar_name, lpar_id, curr_proc_mode.
struct PartitionProcessors {
  std::string lpar_name;
  int64_t lpar_id = 0;
  std::string curr_proc_mode;                 // "shared", "ded"
  std::optional<double> curr_min_proc_units, curr_proc_units, curr_max_proc_units;
  std::optional<int64_t> curr_min_procs, curr_procs, curr_max_procs;
  std::string curr_sharing_mode;              // "cap", "uncap", "share_idle_procs"...
  std::optional<int64_t> run_procs;
  HmcRecord record;
};
Status ParseLshwresProcLpar(const std::string& text, std::vector<PartitionProcessors>* out);

// lshwres -r mem --level sys (MB). Required: configurable_sys_mem, curr_avail_sys_mem.
struct SystemMemory {
  int64_t configurable_sys_mem = 0;
  int64_t curr_avail_sys_mem = 0;
  std::optional<int64_t> installed_sys_mem, sys_firmware_mem, mem_region_size;
  std::vector<std::string> possible_hpt_ratios;  // "1:32", "1:64", ...
  HmcRecord record;
};
Status ParseLshwresMemSys(const std::string& text, std::vector<SystemMemory>* out);

// lshwres -r mem --level lpar (MB). Required: lpar_name, lpar_id, curr_mem.
struct PartitionMemory {
  std::string lpar_name;
  int64_t lpar_id = 0;
  std::optional<int64_t> curr_min_mem;
  int64_t curr_mem = 0;
  std::optional<int64_t> curr_max_mem, run_mem;
  std::string mem_mode;  // "ded", "shared"
  HmcRecord record;
};
Status ParseLshwresMemLpar(const std::string& text, std::vector<PartitionMemory>* out);

// lshwres -r virtualio --rsubtype scsi. Required: lpar_name, lpar_id,
// slot_num, adapter_type.
struct VirtualScsiAdapter {
  std::string lpar_name;
  int64_t lpar_id = 0;
  int64_t slot_num = 0;
  std::optional<int64_t> state;        // 1 = configured
  std::optional<int64_t> is_required;
  std::string adapter_type;            // "server", "client"
  std::string remote_lpar_id;          // a number or "any"
  std::string remote_lpar_name;
  std::string remote_slot_num;         // a number or "any"
  HmcRecord record;
};
Status ParseLshwresVirtualScsi(const std::string& text, std::vector<VirtualScsiAdapter>* out);

// lshwres -r virtualio --rsubtype eth. Required: lpar_name, lpar_id,
// slot_num, port_vlan_id.
struct VirtualEthAdapter {
  std::string lpar_name;
  int64_t lpar_id = 0;
  int64_t slot_num = 0;
  std::optional<int64_t> state, is_required, is_trunk, trunk_priority, ieee_virtual_eth;
  int64_t port_vlan_id = 0;
  std::vector<std::string> addl_vlan_ids;  // "" is none
  std::string mac_addr;
  HmcRecord record;
};
Status ParseLshwresVirtualEth(const std::string& text, std::vector<VirtualEthAdapter>* out);

// lshwres -r virtualio --rsubtype slot --level lpar. Required: lpar_name,
// lpar_id, curr_max_virtual_slots, next_avail_virtual_slot.
struct VirtualSlots {
  std::string lpar_name;
  int64_t lpar_id = 0;
  int64_t curr_max_virtual_slots = 0;
  std::optional<int64_t> pend_max_virtual_slots;
  int64_t next_avail_virtual_slot = 0;
  HmcRecord record;
};
Status ParseLshwresVirtualSlots(const std::string& text, std::vector<VirtualSlots>* out);

nlohmann::json ToJson(const std::vector<SystemProcessors>& v);
nlohmann::json ToJson(const std::vector<PartitionProcessors>& v);
nlohmann::json ToJson(const std::vector<SystemMemory>& v);
nlohmann::json ToJson(const std::vector<PartitionMemory>& v);
nlohmann::json ToJson(const std::vector<VirtualScsiAdapter>& v);
nlohmann::json ToJson(const std::vector<VirtualEthAdapter>& v);
nlohmann::json ToJson(const std::vector<VirtualSlots>& v);

}  // namespace lvu::drivers::aix
