// HMC lssyscfg -r sys | lpar | prof, in the name=value form (no -F).
//
// Each typed struct keeps its record (every attribute, as printed) next to
// the attributes lvupdate reads; the attribute sets differ between HMC levels
// and between lines. Every parser returns no entry for "No results were
// found.", Failed for an HSCL error or an error sentence without a code, and
// Corruption naming the line for a record without one of its required
// attributes or with a number that is not one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "drivers/aix/parse/hmc_attrs.h"

namespace lvu::drivers::aix {

// lssyscfg -r sys. Required: name, state.
struct ManagedSystem {
  std::string name;        // "9131-52A-6535CCG"
  std::string type_model;  // "9131-52A"
  std::string serial_num;  // "6535CCG"
  std::string ipaddr;
  std::string state;       // "Operating", "Power Off", ...
  HmcRecord record;
};
Status ParseLssyscfgSys(const std::string& text, std::vector<ManagedSystem>* out);

// lssyscfg -r lpar. Required: name, lpar_id, state.
struct HmcPartition {
  std::string name;
  int64_t lpar_id = 0;
  std::string lpar_env;         // "aixlinux", "vioserver", "os400"
  std::string state;            // "Running", "Not Activated", ...
  std::string os_version;       // "AIX 6.1 6100-00-01-0748"; localised "Unknown" ("Nieznane")
  std::string curr_profile;
  std::string default_profile;
  std::string rmc_state;        // "active", "inactive"
  std::string rmc_ipaddr;       // may be empty
  HmcRecord record;
};
Status ParseLssyscfgLpar(const std::string& text, std::vector<HmcPartition>* out);

// The level in an os_version: "6100-00-01-0748" for "AIX 6.1 6100-00-01-0748";
// "" for anything not of that form, "AIX V.R NNNN-NN-NN-NNNN" with V.R the
// level's first two digits: a localised "Unknown" ("Nieznane"), a VIOS's.
std::string OsLevelOf(const std::string& os_version);

// lssyscfg -r prof. Required: name, lpar_name, lpar_id.
struct HmcProfile {
  std::string name;
  std::string lpar_name;
  int64_t lpar_id = 0;
  std::string lpar_env;
  std::optional<int64_t> min_mem, desired_mem, max_mem;  // MB
  std::string proc_mode;                                  // "shared", "ded"
  std::optional<int64_t> min_procs, desired_procs, max_procs;
  std::optional<double> desired_proc_units;               // shared processors only
  std::vector<std::string> io_slots;                      // "21010002/none/1"
  std::vector<std::string> virtual_scsi_adapters;         // "2/client/2/vios1/2/1"
  std::vector<std::string> virtual_eth_adapters;
  std::vector<std::string> virtual_fc_adapters;           // "504/client/2/vio_server1/8/c05...,c05.../1"
  std::vector<std::string> virtual_serial_adapters;
  HmcRecord record;
};
Status ParseLssyscfgProf(const std::string& text, std::vector<HmcProfile>* out);

nlohmann::json ToJson(const std::vector<ManagedSystem>& v);
nlohmann::json ToJson(const std::vector<HmcPartition>& v);
nlohmann::json ToJson(const std::vector<HmcProfile>& v);

}  // namespace lvu::drivers::aix
