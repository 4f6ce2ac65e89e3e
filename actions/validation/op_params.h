// OpParams: everything the steps of an operation act on, decided once by the
// validate step from lvupdate.data and the world, and recorded as that step's
// stepDone output. Resume and rollback read it back from the journal, never
// from the world (which the operation itself has changed since: after the
// rename the original is no longer called by its name).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "drivers/types.h"

namespace lvu::actions {

struct VhostRef {
  std::string vios;
  std::string vhost;
  std::string adapter;  // the client adapter it serves on the original
};

struct OpParams {
  int orig_id = 0;
  std::string orig_name;
  std::string orig_boot_disk;       // the original rootvg disk, retained for revert
  int new_id = 0;                   // the surrogate's lpar_id
  double proc_units = 0;
  int mem_mb = 0;
  std::string nhdisk;               // surrogate boot disk (clone of rootvg)
  std::string mhdisk;               // mirror of rootvg: the updated partition's rootvg
  std::vector<VhostRef> keep;       // adapters the original keeps until it is deleted
  std::vector<VhostRef> move;       // adapters given to the surrogate at path.split
  std::vector<drivers::Fix> fixes;

  nlohmann::json ToJson() const;
  static Status FromJson(const std::string& text, OpParams* out);
};

}  // namespace lvu::actions
