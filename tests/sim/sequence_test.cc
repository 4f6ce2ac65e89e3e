// Whole live updates as the engine drives them: forward to completion, a
// revert by reboot, and a rollback compensated step by step.

#include <gtest/gtest.h>

#include <functional>
#include <utility>

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

#define ASSERT_OK(expr)                        \
  do {                                         \
    ::lvu::Status _s = (expr);                 \
    ASSERT_TRUE(_s.ok()) << #expr << ": " << _s.ToString(); \
  } while (0)

class SequenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sim_ = InitSim(home_.path());
    ASSERT_OK(sim_->os().ReadFix(home_.path() + "/fixes/dummy.150813.epkg.Z", &fix_));
    initial_ = Show(*sim_);
  }

  // Steps 2..13 of the plan (up to the checkpoint, before the point of no return).
  void ForwardToCheckpoint() {
    Hmc& hmc = sim_->hmc();
    PartitionOs& os = sim_->os();
    ASSERT_OK(hmc.Reserve(0.1, 2048));
    ASSERT_OK(os.AltDiskCopy(99, "hdisk2"));
    ASSERT_OK(os.ApplyFixToAltDisk(99, "hdisk2", fix_));
    ASSERT_OK(hmc.RenameLpar(99, "aix721534A_lku0"));
    ASSERT_OK(hmc.CreateLpar(98, 99, "aix721534A"));
    ASSERT_OK(os.RemovePaths(99, "vscsi1"));
    ASSERT_OK(sim_->vios().SetClient("s824vio2", "vhost5", 98));
    ASSERT_OK(hmc.Activate(98, "hdisk2"));
    ASSERT_OK(os.MirrorRootvg(99, "hdisk3"));
    ASSERT_OK(os.FreezeWorkload(99, testing::LabClasses()));
  }

  // Steps 14..18.
  void ForwardToEnd() {
    Hmc& hmc = sim_->hmc();
    PartitionOs& os = sim_->os();
    ASSERT_OK(os.RestartWorkload(99, 98, "hdisk3"));
    ASSERT_OK(hmc.Shutdown(99));
    ASSERT_OK(hmc.DeleteLpar(99));
    ASSERT_OK(sim_->vios().SetClient("s824vio1", "vhost3", 98));
    ASSERT_OK(os.ConfigurePaths(98, "vscsi0"));
    ASSERT_OK(os.SetBootlist(98, {"hdisk3"}));
  }

  TempHome home_;
  std::unique_ptr<SimSystem> sim_;
  Fix fix_;
  nlohmann::json initial_;
};

TEST_F(SequenceTest, DuringTheUpdateBothPartitionsRunOnHalfThePaths) {
  ForwardToCheckpoint();
  auto j = Show(*sim_);
  ASSERT_EQ(j["lpars"].size(), 2u);
  const auto& orig = *LparJson(j, 99);
  const auto& surr = *LparJson(j, 98);
  EXPECT_EQ(orig["name"], "aix721534A_lku0");
  EXPECT_EQ(orig["workload"], "frozen");
  EXPECT_EQ(orig["ifixes"], nlohmann::json::array());
  EXPECT_EQ(surr["name"], "aix721534A");
  EXPECT_EQ(surr["state"], "Running");
  EXPECT_EQ(surr["ifixes"], nlohmann::json::array({"dummy"}));
  for (const auto& d : orig["disks"]) {
    ASSERT_EQ(d["paths"].size(), 1u);
    EXPECT_EQ(d["paths"][0]["adapter"], "vscsi0");  // the article's lspath during the update
  }
  for (const auto& d : surr["disks"]) {
    ASSERT_EQ(d["paths"].size(), 1u);
    EXPECT_EQ(d["paths"][0]["adapter"], "vscsi1");
  }
  int id = 0;
  std::string name;
  ASSERT_OK(sim_->os().CurrentLpar(&id, &name));
  EXPECT_EQ(id, 99);
}

TEST_F(SequenceTest, ForwardEndsWithThePatchedPartition98) {
  ASSERT_OK(sim_->Spend(30));  // validation
  ForwardToCheckpoint();
  ForwardToEnd();
  auto j = Show(*sim_);
  ASSERT_EQ(j["lpars"].size(), 1u);
  const auto& l = j["lpars"][0];
  EXPECT_EQ(l["id"], 98);
  EXPECT_EQ(l["name"], "aix721534A");
  EXPECT_EQ(l["state"], "Running");
  EXPECT_EQ(l["workload"], "running");
  EXPECT_EQ(l["ifixes"], nlohmann::json::array({"dummy"}));
  ASSERT_EQ(l["disks"].size(), 3u);
  for (const auto& d : l["disks"]) {
    ASSERT_EQ(d["paths"].size(), 2u) << d;
    EXPECT_EQ(d["paths"][0]["adapter"], "vscsi0");
    EXPECT_EQ(d["paths"][0]["status"], "Enabled");
    EXPECT_EQ(d["paths"][1]["adapter"], "vscsi1");
    EXPECT_EQ(d["paths"][1]["status"], "Enabled");
  }
  const std::string boot = l["bootlist"][0];
  EXPECT_EQ(boot, "hdisk3");
  EXPECT_EQ((*DiskJson(j, boot))["vg"], "rootvg");
  EXPECT_EQ((*DiskJson(j, "hdisk3"))["image_ifixes"], nlohmann::json::array({"dummy"}));
  // The original rootvg is retained, unpatched, out of any volume group.
  EXPECT_EQ((*DiskJson(j, "hdisk1"))["vg"], "None");
  EXPECT_EQ((*DiskJson(j, "hdisk1"))["has_image"], true);
  EXPECT_EQ((*DiskJson(j, "hdisk1"))["image_ifixes"], nlohmann::json::array());
  EXPECT_EQ(j["managed_system"]["reservation"]["present"], false);
  for (const auto& m : j["mappings"]) EXPECT_EQ(m["client_id"], 98);
  // About 11 minutes, as in the article: 30 s validation + 635 s of commands.
  EXPECT_EQ(sim_->ClockSeconds(), 665);
  int id = 0;
  std::string name;
  ASSERT_OK(sim_->os().CurrentLpar(&id, &name));
  EXPECT_EQ(id, 98);
  EXPECT_EQ(name, "aix721534A");
}

TEST_F(SequenceTest, BlackoutIsFreezePlusRestart) {
  ForwardToCheckpoint();
  int64_t t0 = sim_->ClockSeconds();
  ASSERT_OK(sim_->os().RestartWorkload(99, 98, "hdisk3"));
  int64_t freeze_started = t0 - 12;
  EXPECT_EQ(sim_->ClockSeconds() - freeze_started, 27);
}

TEST_F(SequenceTest, EveryForwardStepIsIdempotent) {
  // Each step applied twice in a row (as after a crash between the command
  // and its record): the second call finds the effect present, changes nothing.
  Hmc& hmc = sim_->hmc();
  PartitionOs& os = sim_->os();
  Vios& vios = sim_->vios();
  std::vector<std::pair<const char*, std::function<Status()>>> steps = {
      {"hmc.reserve", [&] { return hmc.Reserve(0.1, 2048); }},
      {"disk.clone_rootvg", [&] { return os.AltDiskCopy(99, "hdisk2"); }},
      {"ifix.apply_clone", [&] { return os.ApplyFixToAltDisk(99, "hdisk2", fix_); }},
      {"lpar.rename_original", [&] { return hmc.RenameLpar(99, "aix721534A_lku0"); }},
      {"lpar.create_surrogate", [&] { return hmc.CreateLpar(98, 99, "aix721534A"); }},
      {"path.split", [&] { return os.RemovePaths(99, "vscsi1"); }},
      {"disk.assign", [&] { return vios.SetClient("s824vio2", "vhost5", 98); }},
      {"lpar.boot_surrogate", [&] { return hmc.Activate(98, "hdisk2"); }},
      {"disk.mirror_rootvg", [&] { return os.MirrorRootvg(99, "hdisk3"); }},
      {"workload.checkpoint", [&] { return os.FreezeWorkload(99, testing::LabClasses()); }},
      {"workload.restart", [&] { return os.RestartWorkload(99, 98, "hdisk3"); }},
      {"lpar.shutdown_original", [&] { return hmc.Shutdown(99); }},
      {"lpar.delete_original", [&] { return hmc.DeleteLpar(99); }},
      {"path.restore(vios)", [&] { return vios.SetClient("s824vio1", "vhost3", 98); }},
      {"path.restore", [&] { return os.ConfigurePaths(98, "vscsi0"); }},
      {"bootlist.set", [&] { return os.SetBootlist(98, {"hdisk3"}); }},
  };
  for (auto& [name, step] : steps) {
    Status first = step();
    ASSERT_TRUE(first.ok()) << name << ": " << first.ToString();
    std::string after_first = sim_->ShowJson();
    Status again = step();
    ASSERT_TRUE(again.ok()) << name << " again: " << again.ToString();
    EXPECT_EQ(sim_->ShowJson(), after_first) << name;
  }
  EXPECT_EQ(sim_->ClockSeconds(), 635);
}

TEST_F(SequenceTest, RevertByRebootingTheOriginalDisk) {
  ForwardToCheckpoint();
  ForwardToEnd();
  ASSERT_OK(sim_->os().SetBootlist(98, {"hdisk1"}));
  ASSERT_OK(sim_->os().Reboot(98));
  auto j = Show(*sim_);
  const auto& l = *LparJson(j, 98);
  EXPECT_EQ(l["booted_from"], "hdisk1");
  EXPECT_EQ(l["ifixes"], nlohmann::json::array());
  EXPECT_EQ((*DiskJson(j, "hdisk1"))["vg"], "rootvg");
  EXPECT_EQ((*DiskJson(j, "hdisk3"))["vg"], "None");
  EXPECT_EQ((*DiskJson(j, "hdisk2"))["vg"], "lvup_rootvg");
}

TEST_F(SequenceTest, CompensatingStepByStepRestoresTheOriginalWorld) {
  ForwardToCheckpoint();
  Hmc& hmc = sim_->hmc();
  PartitionOs& os = sim_->os();
  ASSERT_OK(os.ThawWorkload(99));                          // workload.checkpoint
  ASSERT_OK(os.UnmirrorRootvg(99, "hdisk3"));              // disk.mirror_rootvg
  ASSERT_OK(hmc.Shutdown(98));                             // lpar.boot_surrogate
  ASSERT_OK(sim_->vios().SetClient("s824vio2", "vhost5", 99));  // disk.assign
  ASSERT_OK(os.ConfigurePaths(99, "vscsi1"));              // path.split
  ASSERT_OK(hmc.DeleteLpar(98));                           // lpar.create_surrogate
  ASSERT_OK(hmc.RenameLpar(99, "aix721534A"));             // lpar.rename_original
  ASSERT_OK(os.RemoveFixFromAltDisk(99, "hdisk2", "dummy"));  // ifix.apply_clone
  ASSERT_OK(os.RemoveAltDisk(99, "hdisk2"));               // disk.clone_rootvg
  ASSERT_OK(hmc.Release());                                // hmc.reserve
  auto now = Show(*sim_);
  EXPECT_NE(now["clock"], initial_["clock"]);
  EXPECT_EQ(Timeless(now), Timeless(initial_)) << "initial:\n"
                                               << initial_.dump(2) << "\nnow:\n"
                                               << now.dump(2);
}

TEST_F(SequenceTest, CompensatingWithoutRemovingTheFixFirstAlsoRestores) {
  // The clone's removal takes its ifixes with it.
  ForwardToCheckpoint();
  Hmc& hmc = sim_->hmc();
  PartitionOs& os = sim_->os();
  ASSERT_OK(os.ThawWorkload(99));
  ASSERT_OK(os.UnmirrorRootvg(98, "hdisk3"));  // from the surrogate's side
  ASSERT_OK(hmc.Shutdown(98));
  ASSERT_OK(sim_->vios().SetClient("s824vio2", "vhost5", 99));
  ASSERT_OK(os.ConfigurePaths(99, "vscsi1"));
  ASSERT_OK(hmc.DeleteLpar(98));
  ASSERT_OK(hmc.RenameLpar(99, "aix721534A"));
  ASSERT_OK(os.RemoveAltDisk(99, "hdisk2"));
  ASSERT_OK(hmc.Release());
  EXPECT_EQ(Timeless(Show(*sim_)), Timeless(initial_));
}

TEST_F(SequenceTest, ALeakShowsInTheTimelessWorld) {
  // Forgetting one compensation (the reservation) must be visible.
  ForwardToCheckpoint();
  Hmc& hmc = sim_->hmc();
  PartitionOs& os = sim_->os();
  ASSERT_OK(os.ThawWorkload(99));
  ASSERT_OK(os.UnmirrorRootvg(99, "hdisk3"));
  ASSERT_OK(hmc.Shutdown(98));
  ASSERT_OK(sim_->vios().SetClient("s824vio2", "vhost5", 99));
  ASSERT_OK(os.ConfigurePaths(99, "vscsi1"));
  ASSERT_OK(hmc.DeleteLpar(98));
  ASSERT_OK(hmc.RenameLpar(99, "aix721534A"));
  ASSERT_OK(os.RemoveAltDisk(99, "hdisk2"));
  auto now = Timeless(Show(*sim_));
  EXPECT_NE(now, Timeless(initial_));
  EXPECT_EQ(now["managed_system"]["reservation"]["present"], true);
}

}  // namespace
}  // namespace lvu::drivers::sim
