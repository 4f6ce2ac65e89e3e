// `sim set`: every key of the lab is listed with its value, reads back what
// was set, and refuses unknown keys and bad values naming the key; a setting
// changes that one attribute and not the clock.
#include "drivers/sim/settings.h"

#include <gtest/gtest.h>

#include <set>

#include "drivers/sim/lab.h"
#include "tests/sim/sim_test_util.h"

namespace lvu::drivers::sim {
namespace {

using testing::TempHome;

std::string ValueOf(const World& w, const std::string& key) {
  for (const auto& s : ListSettings(w))
    if (s.key == key) return s.value;
  return "(no such key)";
}

TEST(SettingsTest, KeysAreUniqueAndEachHasHelpAndFeeds) {
  std::set<std::string> keys;
  for (const auto& s : ListSettings(SeedLab())) {
    EXPECT_TRUE(keys.insert(s.key).second) << s.key;
    EXPECT_FALSE(s.help.empty()) << s.key;
    EXPECT_FALSE(s.feeds.empty()) << s.key;
    for (const auto& b : s.breaks) EXPECT_FALSE(b.check.empty()) << s.key;
  }
  for (const char* k : {"rootvg.used_mb", "fs./var.free_mb", "fs./.free_mb", "fs./home.type", "firmware",
                        "hmc.responding", "disk.hdisk3.size_mb", "path.hdisk2.vscsi1", "lun.hdisk2.backing",
                        "vhost.s824vio1.vhost3.any_client", "lpar.bootlist", "sim.jitter_seed"})
    EXPECT_TRUE(keys.count(k)) << k;
}

TEST(SettingsTest, LabValues) {
  World w = SeedLab();
  EXPECT_EQ(ValueOf(w, "rootvg.used_mb"), "7216");
  EXPECT_EQ(ValueOf(w, "fs./var.free_mb"), "1157");
  EXPECT_EQ(ValueOf(w, "devices.tape"), "none");
  EXPECT_EQ(ValueOf(w, "trustchk.tep"), "off");
  EXPECT_EQ(ValueOf(w, "rsct.active"), "yes");
  EXPECT_EQ(ValueOf(w, "firmware"), "SV810_081");
  EXPECT_EQ(ValueOf(w, "frame.proc_units_total"), "8.00");
  EXPECT_EQ(ValueOf(w, "lpar.bootlist"), "hdisk1");
  EXPECT_EQ(ValueOf(w, "path.hdisk2.vscsi1"), "Enabled");
  EXPECT_EQ(ValueOf(w, "sim.jitter_seed"), "20150914");
}

TEST(SettingsTest, EveryBreakingValueIsAcceptedAndReadsBack) {
  for (const auto& s : ListSettings(SeedLab())) {
    for (const auto& b : s.breaks) {
      World w = SeedLab();
      Status st = ApplySetting(&w, s.key, b.value);
      ASSERT_TRUE(st.ok()) << s.key << "=" << b.value << ": " << st.ToString();
      std::string back = ValueOf(w, s.key);
      EXPECT_EQ(back, s.key == "frame.proc_units_total" ? "0.10" : b.value) << s.key;
    }
  }
}

TEST(SettingsTest, ListsAndTypesTakeTheirForms) {
  World w = SeedLab();
  ASSERT_TRUE(ApplySetting(&w, "devices.tape", "rmt0,rmt1").ok());
  EXPECT_EQ(w.os.tape_devices, (std::vector<std::string>{"rmt0", "rmt1"}));
  ASSERT_TRUE(ApplySetting(&w, "devices.tape", "none").ok());
  EXPECT_TRUE(w.os.tape_devices.empty());
  ASSERT_TRUE(ApplySetting(&w, "devices.tape", "").ok());
  ASSERT_TRUE(ApplySetting(&w, "trustchk.tlp", "on").ok());
  EXPECT_TRUE(w.os.trustchk_tlp);
  ASSERT_TRUE(ApplySetting(&w, "lun.hdisk2.backing", "ssp").ok());
  for (const auto& m : w.mappings)
    for (const auto& u : m.luns) {
      EXPECT_EQ(u.backing, u.disk == "hdisk2" ? "ssp" : "pv");
    }
  ASSERT_TRUE(ApplySetting(&w, "path.hdisk2.vscsi1", "Failed").ok());
  EXPECT_EQ(w.FindLpar(99)->disks[1].paths[1].status, "Failed");
  ASSERT_TRUE(ApplySetting(&w, "lpar.mem_mode", "shared").ok());
  EXPECT_EQ(w.FindLpar(99)->mem_mode, "shared");
}

TEST(SettingsTest, UnknownKeyAndBadValuesNameTheKey) {
  World w = SeedLab();
  const World before = w;
  Status s = ApplySetting(&w, "rootvg.colour", "blue");
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("unknown key 'rootvg.colour'"), std::string::npos) << s.message();
  for (auto [key, value] : std::vector<std::pair<const char*, const char*>>{
           {"rootvg.used_mb", "lots"}, {"rootvg.used_mb", "-5"}, {"rootvg.copies", "4"}, {"rsct.active", "maybe"},
           {"trustchk.tep", "yes"}, {"devices.tape", "rmt0,,rmt1"}, {"devices.tape", "rmt 0"},
           {"session.environment", "lpar"}, {"path.hdisk2.vscsi1", "Broken"}, {"lun.hdisk2.backing", "tape"},
           {"frame.proc_units_total", "x"}, {"lpar.bootlist", ""}, {"fs./home.type", ""}}) {
    s = ApplySetting(&w, key, value);
    EXPECT_TRUE(s.IsInvalidArgument()) << key << "=" << value;
    EXPECT_NE(s.message().find(std::string("sim set ") + key + ":"), std::string::npos) << s.message();
  }
  EXPECT_EQ(WorldToJsonText(w), WorldToJsonText(before));
}

TEST(SettingsTest, SetIsDurableAndDoesNotMoveTheClock) {
  TempHome home;
  auto sim = testing::InitSim(home.path());
  const int64_t clock = sim->ClockSeconds();
  ASSERT_TRUE(sim->Set("fs./var.free_mb", "42").ok());
  EXPECT_EQ(sim->ClockSeconds(), clock);
  auto reopened = testing::OpenSim(home.path());
  OsFacts f;
  ASSERT_TRUE(reopened->os().GetFacts(99, &f).ok());
  for (const auto& fs : f.filesystems)
    if (fs.mount == "/var") {
      EXPECT_EQ(fs.free_mb, 42);
    }
}

}  // namespace
}  // namespace lvu::drivers::sim
