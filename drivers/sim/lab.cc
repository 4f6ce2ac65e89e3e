#include "drivers/sim/lab.h"

namespace lvu::drivers::sim {

World SeedLab() {
  World w;
  w.managed_system.name = "Server-8286-42A-SN214F58V";
  w.managed_system.firmware = "SV810_081";
  w.managed_system.proc_units_total = 8.0;
  w.managed_system.mem_mb_total = 65536;
  w.hmc = {"10.1.50.30", "hscroot", "V8R8.4.0.0"};
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
  w.lpars = {lpar};
  w.Normalize();
  return w;
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
