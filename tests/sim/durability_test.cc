// The world is durable (every change is on disk before the call returns) and
// deterministic (the same calls give the same world, byte for byte).

#include <gtest/gtest.h>
#include <unistd.h>
#include <sys/stat.h>

#include <filesystem>

#include "drivers/sim/sim_system.h"
#include "sim_test_util.h"

namespace lvu::drivers::sim {
namespace {

using testing::InitSim;
using testing::LparJson;
using testing::OpenSim;
using testing::ReadAll;
using testing::Show;
using testing::TempHome;
using testing::WriteAll;

// A short sequence touching the HMC, a VIOS, the OS and the clock.
void SomeCalls(SimSystem& sim) {
  ASSERT_TRUE(sim.Spend(30).ok());
  ASSERT_TRUE(sim.hmc().Reserve(0.1, 2048).ok());
  ASSERT_TRUE(sim.os().AltDiskCopy(99, "hdisk2").ok());
  ASSERT_TRUE(sim.hmc().RenameLpar(99, "aix721534A_lku0").ok());
  ASSERT_TRUE(sim.hmc().CreateLpar(98, 99, "aix721534A").ok());
  ASSERT_TRUE(sim.os().RemovePaths(99, "vscsi1").ok());
  ASSERT_TRUE(sim.vios().SetClient("s824vio2", "vhost5", 98).ok());
  ASSERT_TRUE(sim.hmc().Activate(98, "hdisk2").ok());
  ASSERT_TRUE(sim.os().ErrlogAdd(99, "LVUPDATE", "Live AIX update started").ok());
}

TEST(DurabilityTest, EveryEffectSurvivesReopening) {
  TempHome home;
  std::string shown;
  {
    auto sim = InitSim(home.path());
    SomeCalls(*sim);
    shown = sim->ShowJson();
  }
  auto reopened = OpenSim(home.path());
  EXPECT_EQ(reopened->ShowJson(), shown);
  EXPECT_EQ(reopened->ClockSeconds(), 30 + 10 + 180 + 5 + 15 + 10 + 10 + 120);
  auto j = Show(*reopened);
  EXPECT_EQ((*LparJson(j, 98))["state"], "Running");
  EXPECT_EQ(j["errlog"].size(), 1u);
}

TEST(DurabilityTest, TheFileIsWrittenBeforeTheCallReturns) {
  TempHome home;
  auto sim = InitSim(home.path());
  const std::string world_file = home.path() + "/sim/world.json";
  ASSERT_TRUE(sim->hmc().RenameLpar(99, "renamed").ok());
  // Still open, nothing flushed at destruction: the file already has it.
  auto on_disk = nlohmann::json::parse(ReadAll(world_file));
  EXPECT_EQ(on_disk["lpars"][0]["name"], "renamed");
  EXPECT_EQ(on_disk["clock"], 5);
  auto other = OpenSim(home.path());  // a second process would see it too
  EXPECT_EQ(other->ShowJson(), sim->ShowJson());
  EXPECT_FALSE(std::filesystem::exists(world_file + ".tmp"));
}

TEST(DurabilityTest, AFailedCallWritesNothing) {
  TempHome home;
  auto sim = InitSim(home.path());
  const std::string world_file = home.path() + "/sim/world.json";
  std::string before = ReadAll(world_file);
  EXPECT_FALSE(sim->os().AltDiskCopy(99, "hdisk1").ok());
  EXPECT_FALSE(sim->hmc().DeleteLpar(99).ok());
  EXPECT_EQ(ReadAll(world_file), before);
}

TEST(DurabilityTest, ASaveThatFailsLeavesTheWorldAsItWas) {
  TempHome home;
  auto sim = InitSim(home.path());
  std::string before = sim->ShowJson();
  // The temporary file (base/file.h: <path>.tmp.<pid>) cannot be created: a directory is in its way.
  ASSERT_TRUE(std::filesystem::create_directory(home.path() + "/sim/world.json.tmp." + std::to_string(::getpid())));
  Status s = sim->hmc().RenameLpar(99, "renamed");
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_NE(s.message().find("world.json.tmp"), std::string::npos) << s.message();
  EXPECT_EQ(sim->ShowJson(), before);
  EXPECT_EQ(sim->ClockSeconds(), 0);
}

TEST(DurabilityTest, ACorruptWorldIsReportedWithItsFile) {
  TempHome home;
  { auto sim = InitSim(home.path()); }
  const std::string world_file = home.path() + "/sim/world.json";
  WriteAll(world_file, "{\"clock\": 3");
  std::unique_ptr<SimSystem> sim;
  Status s = SimSystem::Open(home.path(), {}, &sim);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find(world_file), std::string::npos) << s.message();

  WriteAll(world_file, "{\"clock\": 3}");
  s = SimSystem::Open(home.path(), {}, &sim);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("errlog"), std::string::npos) << s.message();
}

TEST(DurabilityTest, SameCallsGiveTheSameWorldByteForByte) {
  TempHome a, b;
  auto sa = InitSim(a.path());
  auto sb = InitSim(b.path());
  SomeCalls(*sa);
  SomeCalls(*sb);
  EXPECT_EQ(sa->ShowJson(), sb->ShowJson());
  EXPECT_EQ(sa->ShowText(), sb->ShowText());
  EXPECT_EQ(ReadAll(a.path() + "/sim/world.json"), ReadAll(b.path() + "/sim/world.json"));
  EXPECT_EQ(sa->ClockSeconds(), sb->ClockSeconds());
}

}  // namespace
}  // namespace lvu::drivers::sim
