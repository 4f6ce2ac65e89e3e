// The simulated partition OS: each call's effect, cost, idempotence, errors.

#include <gtest/gtest.h>

#include <chrono>

#include "drivers/sim/sim_system.h"
#include "sim_test_util.h"

namespace lvu::drivers::sim {
namespace {

using testing::DiskJson;
using testing::InitSim;
using testing::LparJson;
using testing::Show;
using testing::TempHome;
using testing::Timeless;

class OsTest : public testing::LabTest {
 protected:
  PartitionOs& os() { return sim_->os(); }
  // Runs `call`, expects OK, and returns the clock it spent.
  template <typename F>
  int64_t Cost(F call) {
    int64_t before = sim_->ClockSeconds();
    Status s = call();
    EXPECT_TRUE(s.ok()) << s.ToString();
    return sim_->ClockSeconds() - before;
  }
  nlohmann::json Disk(const std::string& name) { return *DiskJson(Show(*sim_), name); }
  nlohmann::json Lpar(int id) { return *LparJson(Show(*sim_), id); }
  Fix DummyFix() {
    Fix f;
    EXPECT_TRUE(os().ReadFix(home_.path() + "/fixes/dummy.150813.epkg.Z", &f).ok());
    return f;
  }
};

TEST_F(OsTest, CurrentLparIsTheOneHoldingTheWorkload) {
  int id = 0;
  std::string name;
  ASSERT_TRUE(os().FreezeWorkload(99, testing::LabClasses()).ok());
  ASSERT_TRUE(os().CurrentLpar(&id, &name).ok());
  EXPECT_EQ(id, 99);
  // No workload anywhere: the lowest running partition.
  ASSERT_TRUE(sim_->hmc().Shutdown(99).ok());
  ExpectFailed(os().CurrentLpar(&id, &name), "no partition is running");
  ASSERT_TRUE(sim_->hmc().Activate(99, "hdisk1").ok());
  ASSERT_TRUE(os().CurrentLpar(&id, &name).ok());
  EXPECT_EQ(id, 99);
  EXPECT_EQ(name, "aix721534A");
}

TEST_F(OsTest, RemovePathsLeavesTheOtherAdapter) {
  EXPECT_EQ(Cost([&] { return os().RemovePaths(99, "vscsi1"); }), 10);
  auto l = Lpar(99);
  for (const auto& d : l["disks"]) {
    ASSERT_EQ(d["paths"].size(), 1u) << d;
    EXPECT_EQ(d["paths"][0]["adapter"], "vscsi0");
  }
  ExpectIdempotent([&] { return os().RemovePaths(99, "vscsi1"); });
  // AIX refuses to remove the last path of a disk.
  ExpectFailed(os().RemovePaths(99, "vscsi0"), "last path of hdisk1");
  ExpectFailed(os().RemovePaths(99, "vscsi7"), "0514-519 The following path was not found: hdisk1 vscsi7");
  ExpectFailed(os().RemovePaths(42, "vscsi0"), "ID 42 was not found");
}

TEST_F(OsTest, ConfigurePathsRestoresThePathsOfTheMappedDisks) {
  auto initial = Show(*sim_);
  ASSERT_TRUE(os().RemovePaths(99, "vscsi1").ok());
  EXPECT_EQ(Cost([&] { return os().ConfigurePaths(99, "vscsi1"); }), 15);
  EXPECT_EQ(Timeless(Show(*sim_)), Timeless(initial));
  ExpectIdempotent([&] { return os().ConfigurePaths(99, "vscsi1"); });
  ExpectFailed(os().ConfigurePaths(99, "vscsi7"), "0514-519 The following path was not found");
}

TEST_F(OsTest, ConfigurePathsFindsNothingWhenTheVhostServesAnotherPartition) {
  ASSERT_TRUE(sim_->hmc().Reserve(0.1, 2048).ok());
  ASSERT_TRUE(sim_->hmc().CreateLpar(98, 99, "surrogate").ok());
  ASSERT_TRUE(os().RemovePaths(99, "vscsi1").ok());
  ASSERT_TRUE(sim_->vios().SetClient("s824vio2", "vhost5", 98).ok());
  ExpectIdempotent([&] { return os().ConfigurePaths(99, "vscsi1"); });
  EXPECT_EQ(Lpar(99)["disks"][0]["paths"].size(), 1u);
}

TEST_F(OsTest, OsCommandsNeedARunningPartition) {
  ASSERT_TRUE(sim_->hmc().Shutdown(99).ok());
  ExpectFailed(os().RemovePaths(99, "vscsi1"), "is not running (state Not Activated)");
  ExpectFailed(os().AltDiskCopy(99, "hdisk2"), "is not running");
  ExpectFailed(os().FreezeWorkload(99, testing::LabClasses()), "is not running");
  ExpectFailed(os().SetBootlist(99, {"hdisk1"}), "is not running");
  ExpectFailed(os().Reboot(99), "is not running");
}

TEST_F(OsTest, AltDiskCopyClonesTheRunningRootvg) {
  EXPECT_EQ(Cost([&] { return os().AltDiskCopy(99, "hdisk2"); }), 180);
  auto d = Disk("hdisk2");
  EXPECT_EQ(d["vg"], "lvup_rootvg");
  EXPECT_EQ(d["has_image"], true);
  EXPECT_EQ(d["image_ifixes"], nlohmann::json::array());
  ExpectIdempotent([&] { return os().AltDiskCopy(99, "hdisk2"); });
  // A fix applied to the clone survives a repeated copy: the effect is present.
  ASSERT_TRUE(os().ApplyFixToAltDisk(99, "hdisk2", DummyFix()).ok());
  ExpectIdempotent([&] { return os().AltDiskCopy(99, "hdisk2"); });
  EXPECT_EQ(Disk("hdisk2")["image_ifixes"], nlohmann::json::array({"dummy"}));
}

TEST_F(OsTest, AltDiskCopyErrors) {
  ExpectFailed(os().AltDiskCopy(99, "hdisk1"), "0505-117 alt_disk_copy: hdisk1 is in use: it belongs to volume group rootvg");
  ExpectFailed(os().AltDiskCopy(99, "hdisk9"), "0516-1396 alt_disk_copy: The physical volume hdisk9 was not found");
  ExpectFailed(os().AltDiskCopy(7, "hdisk2"), "ID 7 was not found");
  EXPECT_EQ(sim_->ClockSeconds(), 0);
}

TEST_F(OsTest, RemoveAltDiskFreesTheDisk) {
  auto initial = Show(*sim_);
  ASSERT_TRUE(os().AltDiskCopy(99, "hdisk2").ok());
  ASSERT_TRUE(os().ApplyFixToAltDisk(99, "hdisk2", DummyFix()).ok());
  EXPECT_EQ(Cost([&] { return os().RemoveAltDisk(99, "hdisk2"); }), 20);
  EXPECT_EQ(Timeless(Show(*sim_)), Timeless(initial));
  ExpectIdempotent([&] { return os().RemoveAltDisk(99, "hdisk2"); });
  ExpectFailed(os().RemoveAltDisk(99, "hdisk1"), "hdisk1 does not hold lvup_rootvg (volume group rootvg)");
}

TEST_F(OsTest, ApplyAndRemoveFixOnTheClone) {
  Fix fix = DummyFix();
  ExpectFailed(os().ApplyFixToAltDisk(99, "hdisk2", fix), "hdisk2 does not hold lvup_rootvg");
  ExpectFailed(os().ApplyFixToAltDisk(99, "hdisk1", fix), "hdisk1 does not hold lvup_rootvg");
  ASSERT_TRUE(os().AltDiskCopy(99, "hdisk2").ok());
  EXPECT_EQ(Cost([&] { return os().ApplyFixToAltDisk(99, "hdisk2", fix); }), 40);
  EXPECT_EQ(Disk("hdisk2")["image_ifixes"], nlohmann::json::array({"dummy"}));
  // The running image is untouched: ifixes of 99 stay empty.
  EXPECT_EQ(Lpar(99)["ifixes"], nlohmann::json::array());
  ExpectIdempotent([&] { return os().ApplyFixToAltDisk(99, "hdisk2", fix); });
  EXPECT_EQ(Cost([&] { return os().RemoveFixFromAltDisk(99, "hdisk2", "dummy"); }), 10);
  EXPECT_EQ(Disk("hdisk2")["image_ifixes"], nlohmann::json::array());
  ExpectIdempotent([&] { return os().RemoveFixFromAltDisk(99, "hdisk2", "dummy"); });
  Fix unlabeled;
  unlabeled.file = "/tmp/x.epkg.Z";
  ExpectFailed(os().ApplyFixToAltDisk(99, "hdisk2", unlabeled), "has no label");
}

TEST_F(OsTest, MirrorAndUnmirrorRootvg) {
  auto initial = Show(*sim_);
  EXPECT_EQ(Cost([&] { return os().MirrorRootvg(99, "hdisk3"); }), 150);
  auto d = Disk("hdisk3");
  EXPECT_EQ(d["vg"], "rootvg");
  EXPECT_EQ(d["has_image"], true);
  ExpectIdempotent([&] { return os().MirrorRootvg(99, "hdisk3"); });
  ExpectFailed(os().UnmirrorRootvg(99, "hdisk1"), "hdisk1 is the boot disk of running partition 99");
  EXPECT_EQ(Cost([&] { return os().UnmirrorRootvg(99, "hdisk3"); }), 30);
  EXPECT_EQ(Timeless(Show(*sim_)), Timeless(initial));
  ExpectIdempotent([&] { return os().UnmirrorRootvg(99, "hdisk3"); });
}

TEST_F(OsTest, MirrorErrors) {
  ExpectFailed(os().MirrorRootvg(99, "hdisk1"), "hdisk1 is the boot disk of partition 99");
  ASSERT_TRUE(os().AltDiskCopy(99, "hdisk2").ok());
  ExpectFailed(os().MirrorRootvg(99, "hdisk2"), "hdisk2 is in use: it belongs to volume group lvup_rootvg");
  ExpectFailed(os().UnmirrorRootvg(99, "hdisk2"), "hdisk2 is not in rootvg (volume group lvup_rootvg)");
  ExpectFailed(os().MirrorRootvg(99, "hdisk4"), "0516-1396 mirrorvg: The physical volume hdisk4");
}

TEST_F(OsTest, FreezeAndThawTheWorkload) {
  EXPECT_EQ(Cost([&] { return os().FreezeWorkload(99, testing::LabClasses()); }), 12);
  EXPECT_EQ(Lpar(99)["workload"], "frozen");
  ExpectIdempotent([&] { return os().FreezeWorkload(99, testing::LabClasses()); });
  EXPECT_EQ(Cost([&] { return os().ThawWorkload(99); }), 5);
  EXPECT_EQ(Lpar(99)["workload"], "running");
  ExpectIdempotent([&] { return os().ThawWorkload(99); });
  ASSERT_TRUE(sim_->hmc().Shutdown(99).ok());
  ASSERT_TRUE(sim_->hmc().Activate(99, "hdisk1").ok());  // boots without the workload
  ExpectFailed(os().FreezeWorkload(99, testing::LabClasses()), "no workload to checkpoint on partition 99");
  ExpectFailed(os().ThawWorkload(99), "no frozen workload on partition 99");
}

TEST_F(OsTest, RestartWorkloadPreconditions) {
  ASSERT_TRUE(sim_->hmc().Reserve(0.1, 2048).ok());
  ASSERT_TRUE(os().AltDiskCopy(99, "hdisk2").ok());
  ASSERT_TRUE(sim_->hmc().CreateLpar(98, 99, "surrogate").ok());
  ExpectFailed(os().RestartWorkload(99, 98, "hdisk3"), "partition 98 (surrogate) is not running");
  ASSERT_TRUE(os().RemovePaths(99, "vscsi1").ok());
  ASSERT_TRUE(sim_->vios().SetClient("s824vio2", "vhost5", 98).ok());
  ASSERT_TRUE(sim_->hmc().Activate(98, "hdisk2").ok());
  ExpectFailed(os().RestartWorkload(99, 98, "hdisk3"), "workload of partition 99 is not checkpointed (workload running)");
  ASSERT_TRUE(os().FreezeWorkload(99, testing::LabClasses()).ok());
  ExpectFailed(os().RestartWorkload(99, 98, "hdisk3"), "hdisk3 holds no rootvg mirror (volume group None)");
  ExpectFailed(os().RestartWorkload(99, 99, "hdisk3"), "source and target partition are both 99");
  ExpectFailed(os().RestartWorkload(97, 98, "hdisk3"), "ID 97 was not found");
}

TEST_F(OsTest, SetBootlist) {
  ASSERT_TRUE(os().MirrorRootvg(99, "hdisk3").ok());
  EXPECT_EQ(Cost([&] { return os().SetBootlist(99, {"hdisk3", "hdisk1"}); }), 3);
  EXPECT_EQ(Lpar(99)["bootlist"], nlohmann::json::array({"hdisk3", "hdisk1"}));
  ExpectIdempotent([&] { return os().SetBootlist(99, {"hdisk3", "hdisk1"}); });
  ExpectFailed(os().SetBootlist(99, {}), "no boot device given");
  ExpectFailed(os().SetBootlist(99, {"hdisk2"}), "0514-223 bootlist: hdisk2 holds no boot image");
  ExpectFailed(os().SetBootlist(99, {"hdisk8"}), "hdisk8 was not found");
}

TEST_F(OsTest, RebootBootsTheFirstBootlistDisk) {
  ASSERT_TRUE(os().MirrorRootvg(99, "hdisk3").ok());
  ASSERT_TRUE(os().SetBootlist(99, {"hdisk3"}).ok());
  EXPECT_EQ(Cost([&] { return os().Reboot(99); }), 90);
  auto j = Show(*sim_);
  EXPECT_EQ((*LparJson(j, 99))["booted_from"], "hdisk3");
  EXPECT_EQ((*DiskJson(j, "hdisk3"))["vg"], "rootvg");
  EXPECT_EQ((*DiskJson(j, "hdisk1"))["vg"], "None");
  EXPECT_EQ((*DiskJson(j, "hdisk1"))["has_image"], true);  // disks keep their images
  EXPECT_EQ((*LparJson(j, 99))["workload"], "running");
  ExpectIdempotent([&] { return os().Reboot(99); });
}

TEST_F(OsTest, ErrlogAddAppendsAtTheCurrentClock) {
  ASSERT_TRUE(sim_->Spend(30).ok());
  ASSERT_TRUE(os().ErrlogAdd(99, "LVUPDATE", "Live AIX update started").ok());
  EXPECT_EQ(sim_->ClockSeconds(), 30);  // errlogger costs nothing
  auto j = Show(*sim_);
  ASSERT_EQ(j["errlog"].size(), 1u);
  EXPECT_EQ(j["errlog"][0]["time"], 30);
  EXPECT_EQ(j["errlog"][0]["lpar"], 99);
  EXPECT_EQ(j["errlog"][0]["label"], "LVUPDATE");
  EXPECT_EQ(j["errlog"][0]["text"], "Live AIX update started");
  ExpectFailed(os().ErrlogAdd(3, "X", "y"), "ID 3 was not found");
}

TEST_F(OsTest, SpendAdvancesTheClockOnly) {
  auto before = Show(*sim_);
  ASSERT_TRUE(sim_->Spend(30).ok());
  ASSERT_TRUE(sim_->Spend(0).ok());
  EXPECT_EQ(sim_->ClockSeconds(), 30);
  EXPECT_EQ(Timeless(Show(*sim_)), Timeless(before));
  EXPECT_TRUE(sim_->Spend(-1).IsInvalidArgument());
  // Through the System interface the engine sees.
  System& system = *sim_;
  ASSERT_TRUE(system.Spend(5).ok());
  EXPECT_EQ(system.ClockSeconds(), 35);
  EXPECT_STREQ(system.name(), "sim");
}

TEST(OsSpeedTest, ScaledSpeedSleepsCostOverSpeed) {
  TempHome home;
  SimOptions options;
  options.speed = 200;  // Shutdown: 30 simulated s -> 0.15 real s
  auto sim = InitSim(home.path(), options);
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(sim->hmc().Shutdown(99).ok());
  auto elapsed = std::chrono::steady_clock::now() - t0;
  EXPECT_GE(elapsed, std::chrono::milliseconds(140));
  // A call with nothing to do does not sleep.
  t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(sim->hmc().Shutdown(99).ok());
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(100));
}

}  // namespace
}  // namespace lvu::drivers::sim
