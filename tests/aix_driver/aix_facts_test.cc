// The preview's facts over real command outputs (drivers/aix/aix_facts.h):
// each command ReadOsFacts and ReadHmcFacts run is answered with a file of
// ../shared/aix-outputs (or the seed article's excerpt), and the facts are
// what those files say; every source not read is listed unread.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "drivers/aix/aix_facts.h"
#include "drivers/aix/command.h"
#include "drivers/fact_sources.h"
#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Data;
using testing::Shared;

// Answers each command line from `outputs`; any other is Failed (the test
// then sees which command it did not expect).
RunCommand Answering(std::map<std::string, std::string> outputs, std::vector<std::string>* ran) {
  return [outputs = std::move(outputs), ran](const std::vector<std::string>& argv, std::string* out) {
    const std::string line = CommandLine(argv);
    ran->push_back(line);
    auto it = outputs.find(line);
    if (it == outputs.end()) return Status::Failed("unexpected command: " + line);
    *out = it->second;
    return Status::OK();
  };
}

bool Has(const std::vector<std::string>& v, const std::string& x) { return NamesSource(v, x); }

std::map<std::string, std::string> RealOsOutputs() {
  return {{"lsvg rootvg", Shared("lsvg_rootvg.3.txt")},
          {"lsvg -l rootvg", Shared("lsvg_l_rootvg.3.txt")},
          {"lsps -a", Shared("lsps_a.1.txt")},
          {"df -m", Data("seed_df_g.txt")},  // the seed's df -g: the reader converts any unit to MB
          {"lsdev -C", Shared("lsdev_Cc_disk.3.txt")},
          {"emgr -l", Shared("emgr_l.1.txt")}};
}

TEST(AixFactsTest, ThePartitionsFactsAreWhatItsCommandsPrint) {
  std::vector<std::string> ran;
  OsFacts f;
  Status s = ReadOsFacts(Answering(RealOsOutputs(), &ran), &f);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(ran, (std::vector<std::string>{"lsvg rootvg", "lsvg -l rootvg", "lsps -a", "df -m", "lsdev -C",
                                           "emgr -l"}));
  // lsvg_rootvg.3: USED PPs 597 of 32 MB.
  EXPECT_EQ(f.rootvg_used_mb, 597 * 32);
  // lsvg_l_rootvg.3: two copies of every LV but lv_dump (16 LPs, 16 PPs);
  // twelve LVs open/stale or closed/stale.
  EXPECT_EQ(f.rootvg_copies, 2);
  EXPECT_FALSE(f.rootvg_uniformly_mirrored);
  EXPECT_EQ(f.rootvg_stale_lvs, 12);
  EXPECT_FALSE(f.multibos);
  // lsps_a.1: hd6, 512MB, rootvg.
  EXPECT_EQ(f.paging_mb, 512);
  // The seed's df -g: /var 1.34 GB, 1.13 free; hd9var is a jfs2 LV of rootvg.
  const FileSystem* var = nullptr;
  for (const auto& fs : f.filesystems) {
    if (fs.mount == "/var") var = &fs;
  }
  ASSERT_NE(var, nullptr);
  EXPECT_EQ(var->device, "/dev/hd9var");
  EXPECT_EQ(var->size_mb, 1372);
  EXPECT_EQ(var->free_mb, 1157);
  EXPECT_EQ(var->vg, "rootvg");
  EXPECT_EQ(var->type, "jfs2");
  ASSERT_EQ(f.filesystems.size(), 9u);
  EXPECT_EQ(f.filesystems[6].type, "procfs");
  // lsdev_Cc_disk.3 lists disks only.
  EXPECT_TRUE(f.tape_devices.empty());
  EXPECT_TRUE(f.optical_devices.empty());
  // emgr_l.1: IJ09625s2a is *Q* (REBOOT REQUIRED).
  EXPECT_EQ(f.reboot_pending_fixes, std::vector<std::string>{"IJ09625s2a"});
  // Read: five sources; every other partition source is unread.
  for (const char* read : {"lsvg", "lsps", "df", "lsdev", "emgr"}) EXPECT_FALSE(Has(f.unread, read)) << read;
  for (const std::string& key : FactSourceKeys(FactSite::kPartition)) {
    if (key != "lsvg" && key != "lsps" && key != "df" && key != "lsdev" && key != "emgr") {
      EXPECT_TRUE(Has(f.unread, key)) << key;
    }
  }
  for (const std::string& key : FactSourceKeys(FactSite::kHmc)) EXPECT_FALSE(Has(f.unread, key)) << key;
}

TEST(AixFactsTest, AFailedOrUnreadableCommandIsItsStatusNotAGuess) {
  std::vector<std::string> ran;
  OsFacts f;
  auto outputs = RealOsOutputs();
  outputs["lsvg -l rootvg"] = Shared("lsvg_l_rootvg_locked.1.txt");
  Status s = ReadOsFacts(Answering(outputs, &ran), &f);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("0516-1201"), std::string::npos) << s.ToString();

  outputs = RealOsOutputs();
  outputs["emgr -l"] = Data("seed_emgr_l_none.txt");
  ASSERT_TRUE(ReadOsFacts(Answering(outputs, &ran), &f).ok());
  EXPECT_TRUE(f.reboot_pending_fixes.empty());

  outputs["lsps -a"] = "Page Space Physical\nhd6 what\n";
  s = ReadOsFacts(Answering(outputs, &ran), &f);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("lsps"), std::string::npos) << s.ToString();
}

std::map<std::string, std::string> RealHmcOutputs(const std::string& lpar_file) {
  const std::string m = "9131-52A-6535CCG";
  return {{"lshwres -r proc --level sys -m " + m, Shared("hmc_lshwres_r_proc_level_sys.1.txt")},
          {"lshwres -r mem --level sys -m " + m, Shared("hmc_lshwres_r_mem_level_sys.1.txt")},
          {"lssyscfg -r lpar -m " + m + " --filter lpar_ids=15", Shared(lpar_file)},
          {"lshwres -r mem --level lpar -m " + m, Shared("hmc_lshwres_r_mem_level_lpar.1.txt")}};
}

TEST(AixFactsTest, TheFramesFactsAreWhatTheHmcPrints) {
  std::vector<std::string> ran;
  HmcFacts f;
  // hmc_lssyscfg_r_lpar.3 is partition 15 with remote_restart_capable=0.
  Status s = ReadHmcFacts(Answering(RealHmcOutputs("hmc_lssyscfg_r_lpar.3.txt"), &ran), "9131-52A-6535CCG", 15, &f);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_DOUBLE_EQ(f.free_proc_units, 1.1);
  EXPECT_EQ(f.free_mem_mb, 13696);
  EXPECT_FALSE(f.remote_restart);
  EXPECT_FALSE(Has(f.unread, "remote_restart"));
  // The memory listing has no partition 15: its mode is not known.
  EXPECT_TRUE(Has(f.unread, "mem_mode"));
  EXPECT_TRUE(Has(f.unread, "mempool"));
  for (const char* key : {"lslic", "slots", "vnic"}) EXPECT_TRUE(Has(f.unread, key)) << key;
  EXPECT_FALSE(Has(f.unread, "lshwres_sys"));
}

TEST(AixFactsTest, AnHmcThatDoesNotPrintAnAttributeLeavesItsSourceUnread) {
  std::vector<std::string> ran;
  HmcFacts f;
  // hmc_lssyscfg_r_lpar.1 (a Power5 HMC) prints no remote_restart_capable;
  // partition 5 is dedicated memory in the memory listing.
  auto outputs = RealHmcOutputs("hmc_lssyscfg_r_lpar.1.txt");
  outputs["lssyscfg -r lpar -m 9131-52A-6535CCG --filter lpar_ids=5"] = Shared("hmc_lssyscfg_r_lpar.1.txt");
  Status s = ReadHmcFacts(Answering(outputs, &ran), "9131-52A-6535CCG", 5, &f);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(Has(f.unread, "remote_restart"));
  EXPECT_EQ(f.mem_mode, "ded");
  EXPECT_FALSE(Has(f.unread, "mem_mode"));
  EXPECT_FALSE(Has(f.unread, "mempool"));
}

TEST(AixFactsTest, EverySourceKeyIsUniqueAndNamesItsCommands) {
  std::vector<std::string> keys;
  for (const FactSource& s : AllFactSources()) {
    EXPECT_FALSE(Has(keys, s.key)) << s.key;
    keys.push_back(s.key);
    EXPECT_NE(std::string(s.commands), "") << s.key;
    EXPECT_EQ(FindFactSource(s.key), &s);
  }
  EXPECT_EQ(FindFactSource("nope"), nullptr);
}

}  // namespace
}  // namespace lvu::drivers::aix
