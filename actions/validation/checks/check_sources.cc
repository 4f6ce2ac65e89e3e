// Which fact sources each check reads (check.h, SourcesOf): the table
// docs/checks.md prints as "reads", and what lets a driver that cannot read
// a source make exactly the checks that need it FAIL.
#include <map>

#include "actions/validation/checks/check.h"

namespace lvu::actions {

const std::vector<std::string>& SourcesOf(const std::string& name) {
  static const std::map<std::string, std::vector<std::string>> table = {
      {"disk.mirror_vg", {"lsvg"}},
      {"disk.new_rootvg", {"lsvg"}},
      {"disk.paging", {"lsps"}},
      {"disk.dump", {"sysdumpdev"}},
      {"space.var", {"df"}},
      {"space.root", {"df"}},
      {"rootvg.snapshot", {"snapshot"}},
      {"security.pkcs11", {"lslpp"}},
      {"rootvg.fs_snapshot", {"snapshot"}},
      {"trustchk.tep", {"trustchk"}},
      {"trustchk.tlp", {"trustchk"}},
      {"trustchk.tsd_files_lock", {"trustchk"}},
      {"rootvg.uniform_mirror", {"lsvg"}},
      {"rootvg.max_copies", {"lsvg"}},
      {"rootvg.stale_lvs", {"lsvg"}},
      {"fs.types", {"mount"}},
      {"system.diskless", {"diskless"}},
      {"nfs.kerberos", {"mount"}},
      {"system.multibos", {"lsvg"}},
      {"security.tcb", {"tcb"}},
      {"devices.tape", {"lsdev"}},
      {"session.console", {"session"}},
      {"session.environment", {"session"}},
      {"var.ctrace", {"ras", "df"}},
      {"var.lmt", {"ras", "df"}},
      {"devices.virtual", {"lscfg"}},
      {"wpar.active", {"lswpar"}},
      {"nfs.config", {"mount"}},
      {"hmc.virtual_slot", {"slots"}},
      {"rsct.active", {"lssrc"}},
      {"security.kerberos", {"kerberos"}},
      {"lpar.remote_restart", {"remote_restart"}},
      {"devices.vlog", {"lsdev"}},
      {"lpar.ams", {"mem_mode", "mempool"}},
      {"net.gre", {"lsdev"}},
      {"firmware.level", {"lslic"}},
      {"lpar.vnic", {"vnic"}},
      {"devices.optical", {"lsdev"}},
      {"devices.capi", {"capi"}},
      {"trustchk.chkshlib", {"trustchk"}},
      {"vmm.large_pages", {"vmo"}},
      {"vmm.storage_keys", {"vmo"}},
      {"ras.probevue", {"ras"}},
      {"ras.trace_channel0", {"ras"}},
      {"io.dmapi", {"ras"}},
      {"security.kerberos_processes", {"kerberos"}},
      {"security.trusted_logging", {"powersc"}},
      {"security.dod_profile", {"powersc"}},
      {"wpar.audit", {"lswpar"}},
      {"workload.nfs_executables", {"ps"}},
      {"ifix.location", {"ifix_location"}},
      {"ifix.reboot_pending", {"emgr"}},
      {"frame.resources", {"lshwres_sys"}},
  };
  static const std::vector<std::string> none;
  auto it = table.find(name);
  return it == table.end() ? none : it->second;
}

}  // namespace lvu::actions
