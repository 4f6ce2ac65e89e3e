// See fact_sources.h.
#include "drivers/fact_sources.h"

#include <algorithm>

namespace lvu::drivers {

const std::vector<FactSource>& AllFactSources() {
  static const std::vector<FactSource> sources = {
      // The partition's AIX.
      {"lsvg", "lsvg rootvg; lsvg -l rootvg", "rootvg's used size, mirror copies, stale and multibos logical volumes",
       FactSite::kPartition},
      {"lsps", "lsps -a", "the paging space's size", FactSite::kPartition},
      {"df", "df -m", "the file systems' size and free space", FactSite::kPartition},
      {"lsdev", "lsdev -C", "tape, optical, virtual log and GRE devices", FactSite::kPartition},
      {"emgr", "emgr -l", "installed ifixes waiting for a reboot", FactSite::kPartition},
      {"sysdumpdev", "sysdumpdev -l; lslv", "the primary dump device's size", FactSite::kPartition},
      {"snapshot", "lsvg rootvg (snapshot volume group); snapshot -q", "LVM and JFS2 snapshots of rootvg",
       FactSite::kPartition},
      {"mount", "mount", "file system types, NFS versions and NFS security options", FactSite::kPartition},
      {"lscfg", "lscfg", "devices that are not virtual", FactSite::kPartition},
      {"capi", "lsdev -Cc accelerator; the processes holding them", "open CAPI devices", FactSite::kPartition},
      {"diskless", "bootinfo", "whether this is a NIM diskless client", FactSite::kPartition},
      {"session", "tty; uname -W", "whether lvupdate runs from the console, in a WPAR or a chroot",
       FactSite::kPartition},
      {"lslpp", "lslpp -l security.pkcs11", "whether PKCS #11 is installed", FactSite::kPartition},
      {"trustchk", "trustchk -p",
       "the Trusted Execution, Trusted Library, TSD_FILES_LOCK, CHKSHLIB and "
       "STOP_UNTRUSTD policies",
       FactSite::kPartition},
      {"tcb", "tcbck", "whether the Trusted Computing Base is installed", FactSite::kPartition},
      {"kerberos", "/etc/krb5; the processes holding credentials", "Kerberos configuration and users",
       FactSite::kPartition},
      {"powersc", "PowerSC Trusted Logging; aixpert", "Trusted Logging and the DoD security profile",
       FactSite::kPartition},
      {"lswpar", "lswpar; audit", "active workload partitions, audit of stopped ones", FactSite::kPartition},
      {"lssrc", "lssrc -g rsct", "whether the RSCT daemons are active", FactSite::kPartition},
      {"ras", "trcstop; probevctrl; ctctrl; raso; DMAPI",
       "trace channel 0, ProbeVue, Component Trace, "
       "lightweight memory trace and DMAPI use",
       FactSite::kPartition},
      {"vmo", "vmo -o lgpg_regions; user storage keys", "16 MB pages and user storage keys", FactSite::kPartition},
      {"ps", "ps -ef with mount", "running programs loaded from NFS", FactSite::kPartition},
      {"ifix_location", "df of the ifix packages", "whether the ifixes are on a rootvg file system",
       FactSite::kPartition},
      // The HMC.
      {"lshwres_sys", "lshwres -r proc|mem --level sys", "the frame's free processing units and memory",
       FactSite::kHmc},
      {"lslic", "lslic", "the system firmware level", FactSite::kHmc},
      {"slots", "lssyscfg -r prof (max_virtual_slots); lshwres -r virtualio --rsubtype slot",
       "free virtual slots for the surrogate", FactSite::kHmc},
      {"remote_restart", "lssyscfg -r lpar (remote_restart_capable)", "whether the partition is remote restart capable",
       FactSite::kHmc},
      {"mem_mode", "lshwres -r mem --level lpar (mem_mode)", "dedicated or shared (AMS) memory", FactSite::kHmc},
      {"mempool", "lshwres -r mempool", "the free memory of the shared memory pool", FactSite::kHmc},
      {"vnic", "lshwres -r virtualio --rsubtype vnic; lshwres -r sriov", "vNIC adapters and free SR-IOV ports",
       FactSite::kHmc},
      // The processes (what ps -ef and genkex do not say).
      {"procfiles", "procfiles; ipcs; netstat -Aan", "each process's open files, pipes, shared memory and sockets",
       FactSite::kProcesses},
      {"kext_safety", "no AIX command shows it", "whether a loaded kernel extension was loaded Live Update safe",
       FactSite::kProcesses},
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

std::vector<std::string> FactSourceKeys(FactSite site) {
  std::vector<std::string> out;
  for (const FactSource& s : AllFactSources()) {
    if (s.site == site) out.push_back(s.key);
  }
  return out;
}

}  // namespace lvu::drivers
