#include "drivers/sim/lab.h"

#include "drivers/sim/hmc_session.h"
#include "drivers/sim/lab_processes.h"

namespace lvu::drivers::sim {

World SeedLab() {
  World w;
  w.managed_system.name = "Server-8286-42A-SN214F58V";
  w.managed_system.firmware = "SV810_081";
  w.managed_system.proc_units_total = 8.0;
  w.managed_system.mem_mb_total = 65536;
  w.managed_system.free_virtual_slots = 10;
  w.managed_system.free_vnic_ports = 0;
  w.managed_system.ams_pool_free_mb = 0;
  // hmcauth -a hsc02 -u hscroot -p abc1234; -l shows Address 10.1.50.30.
  w.hmc.address = "10.1.50.30";
  w.hmc.hostname = "hsc02";
  w.hmc.user = "hscroot";
  w.hmc.version = "V8R8.4.0.0";
  w.hmc.password_sha256 = PasswordDigest("hscroot", kLabHmcPassword);
  w.hmc.session_key = "hsc02-session-key";
  w.hmc.session_ttl_s = 24 * 3600;
  w.hmc.session_generation = 1;
  w.hmc.responding = true;
  w.vios = {"s824vio1", "s824vio2"};

  // lspv on aix721534A.
  w.disks = {
      {"hdisk1", "00f94f58cc2de28d", 51200, "rootvg", true, {}},
      {"hdisk2", "00f94f58c90ae057", 51200, "None", false, {}},
      {"hdisk3", "00f94f58c90ae0db", 51200, "None", false, {}},
  };

  // lsmap -vadapter vhost3 on s824vio1 and vhost5 on s824vio2 (cvai shows
  // vscsi0 -> s824vio1->vhost3, vscsi1 -> s824vio2->vhost5).
  w.mappings = {
      {"s824vio1", "vhost3", "U8286.42A.214F58V-V1-C90", 99, "vscsi0",
       {{"vtscsi0", "0x8100000000000000", "hdisk7", "hdisk1"},
        {"vtscsi5", "0x8200000000000000", "hdisk8", "hdisk2"},
        {"vtscsi6", "0x8300000000000000", "hdisk9", "hdisk3"}}},
      {"s824vio2", "vhost5", "U8286.42A.214F58V-V2-C91", 99, "vscsi1",
       {{"vtscsi0", "0x8100000000000000", "hdisk7", "hdisk1"},
        {"vtscsi5", "0x8200000000000000", "hdisk8", "hdisk2"},
        {"vtscsi8", "0x8300000000000000", "hdisk9", "hdisk3"}}},
  };

  WorldLpar lpar;
  lpar.id = 99;
  lpar.name = "aix721534A";
  lpar.state = "Running";
  lpar.proc_units = 0.1;
  lpar.mem_mb = 2048;
  lpar.os_level = "7200-00-00-0000";
  lpar.booted_from = "hdisk1";
  lpar.bootlist = {"hdisk1"};
  for (const char* d : {"hdisk1", "hdisk2", "hdisk3"})
    lpar.disks.push_back({d, {{"vscsi0", "Enabled"}, {"vscsi1", "Enabled"}}});
  lpar.workload = "running";
  lpar.processes = LabProcesses();
  w.lpars = {lpar};
  w.os = SeedOsFacts();
  w.jitter_seed = kLabJitterSeed;
  w.Normalize();
  return w;
}

OsFacts SeedOsFacts() {
  OsFacts f;
  // lsvg rootvg: USED PPs 451 (7216 megabytes) at a PP size of 16 MB;
  // lsps -a: hd6 512 MB; sysdumpdev: lg_dumplv 100 MB.
  f.rootvg_used_mb = 7216;
  f.rootvg_copies = 1;
  f.paging_mb = 512;
  f.dump_mb = 100;
  // df -g of the article, in MB.
  f.filesystems = {
      {"/", "/dev/hd4", "jfs2", "rootvg", 369, 195},
      {"/usr", "/dev/hd2", "jfs2", "rootvg", 2335, 205},
      {"/var", "/dev/hd9var", "jfs2", "rootvg", 1372, 1157},
      {"/tmp", "/dev/hd3", "jfs2", "rootvg", 1116, 1034},
      {"/home", "/dev/hd1", "jfs2", "rootvg", 20, 20},
      {"/admin", "/dev/hd11admin", "jfs2", "rootvg", 123, 123},
      {"/proc", "/proc", "procfs", "", 0, 0},
      {"/opt", "/dev/hd10opt", "jfs2", "rootvg", 31, 20},
      {"/var/adm/ras/livedump", "/dev/livedump", "jfs2", "rootvg", 256, 256},
  };
  f.ifix_location = "/tmp";  // the article's fixes are in /tmp/cg/dummy
  f.rsct_active = true;
  f.ctrace_mb = 64;
  f.lmt_mb = 16;
  f.mobile_processes = 80;
  f.boot_s = 120;
  return f;
}

std::string SeedLvupdateData() {
  return "general:\n"
         "    mode = automated\n"
         "    kext_check = no\n"
         "\n"
         "disks:\n"
         "    nhdisk = hdisk2\n"
         "    mhdisk = hdisk3\n"
         "    tohdisk =\n"
         "    tshdisk =\n"
         "\n"
         "hmc:\n"
         "    lpar_id = 98\n"
         "    management_console = 10.1.50.30\n"
         "    user = hscroot\n";
}

Fix SeedDummyFix() {
  Fix f;
  f.label = "dummy";
  f.abstract = "Test fix for Live Update";
  f.lu_capable = true;
  f.reboot_required = false;
  f.files = {"/usr/lib/drivers/dummy.ext"};
  return f;
}

Fix SeedNoLuFix() {
  Fix f;
  f.label = "nolu";
  f.abstract = "Test fix that needs a reboot";
  f.lu_capable = false;
  f.reboot_required = true;
  f.files = {"/usr/lib/boot/unix_64"};
  return f;
}

}  // namespace lvu::drivers::sim
