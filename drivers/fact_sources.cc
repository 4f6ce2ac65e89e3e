// See fact_sources.h.
#include "drivers/fact_sources.h"

#include <algorithm>

namespace lvu::drivers {

const std::vector<FactSource>& AllFactSources() {
  static const std::vector<FactSource> sources = {
      // The partition's AIX.
      {"lsvg", "lsvg rootvg; lsvg -l rootvg", "rootvg's used size, mirror copies, stale and multibos logical volumes",
       false},
      {"lsps", "lsps -a", "the paging space's size", false},
      {"df", "df -m", "the file systems' size and free space", false},
      {"lsdev", "lsdev -C", "tape, optical, virtual log and GRE devices", false},
      {"emgr", "emgr -l", "installed ifixes waiting for a reboot", false},
      {"sysdumpdev", "sysdumpdev -l; lslv", "the primary dump device's size", false},
      {"snapshot", "lsvg rootvg (snapshot volume group); snapshot -q", "LVM and JFS2 snapshots of rootvg", false},
      {"mount", "mount", "file system types, NFS versions and NFS security options", false},
      {"lscfg", "lscfg", "devices that are not virtual", false},
      {"capi", "lsdev -Cc accelerator; the processes holding them", "open CAPI devices", false},
      {"diskless", "bootinfo", "whether this is a NIM diskless client", false},
      {"session", "tty; uname -W", "whether lvupdate runs from the console, in a WPAR or a chroot", false},
      {"lslpp", "lslpp -l security.pkcs11", "whether PKCS #11 is installed", false},
      {"trustchk", "trustchk -p", "the Trusted Execution, Trusted Library, TSD_FILES_LOCK, CHKSHLIB and "
                                  "STOP_UNTRUSTD policies", false},
      {"tcb", "tcbck", "whether the Trusted Computing Base is installed", false},
      {"kerberos", "/etc/krb5; the processes holding credentials", "Kerberos configuration and users", false},
      {"powersc", "PowerSC Trusted Logging; aixpert", "Trusted Logging and the DoD security profile", false},
      {"lswpar", "lswpar; audit", "active workload partitions, audit of stopped ones", false},
      {"lssrc", "lssrc -g rsct", "whether the RSCT daemons are active", false},
      {"ras", "trcstop; probevctrl; ctctrl; raso; DMAPI", "trace channel 0, ProbeVue, Component Trace, "
                                                           "lightweight memory trace and DMAPI use", false},
      {"vmo", "vmo -o lgpg_regions; user storage keys", "16 MB pages and user storage keys", false},
      {"ps", "ps -ef with mount", "running programs loaded from NFS", false},
      {"ifix_location", "df of the ifix packages", "whether the ifixes are on a rootvg file system", false},
      // The HMC.
      {"lshwres_sys", "lshwres -r proc|mem --level sys", "the frame's free processing units and memory", true},
      {"lslic", "lslic", "the system firmware level", true},
      {"slots", "lssyscfg -r prof (max_virtual_slots); lshwres -r virtualio --rsubtype slot",
       "free virtual slots for the surrogate", true},
      {"remote_restart", "lssyscfg -r lpar (remote_restart_capable)", "whether the partition is remote restart capable",
       true},
      {"mem_mode", "lshwres -r mem --level lpar (mem_mode)", "dedicated or shared (AMS) memory", true},
      {"mempool", "lshwres -r mempool", "the free memory of the shared memory pool", true},
      {"vnic", "lshwres -r virtualio --rsubtype vnic; lshwres -r sriov", "vNIC adapters and free SR-IOV ports", true},
  };
  return sources;
}

const FactSource* FindFactSource(const std::string& key) {
  for (const FactSource& s : AllFactSources()) {
    if (key == s.key) return &s;
  }
  return nullptr;
}

bool NamesSource(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::vector<std::string> FactSourceKeys(bool hmc) {
  std::vector<std::string> out;
  for (const FactSource& s : AllFactSources()) {
    if (s.hmc == hmc) out.push_back(s.key);
  }
  return out;
}

}  // namespace lvu::drivers
