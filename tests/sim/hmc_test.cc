// The simulated HMC: each call's effect, its idempotence, its errors.

#include <gtest/gtest.h>

#include "drivers/sim/sim_system.h"
#include "sim_test_util.h"

namespace lvu::drivers::sim {
namespace {

using testing::DiskJson;
using testing::LparJson;
using testing::Show;
using testing::TempHome;

class HmcTest : public testing::LabTest {
 protected:
  Hmc& hmc() { return sim_->hmc(); }
};

TEST_F(HmcTest, ReserveHoldsResourcesAndIsIdempotent) {
  ASSERT_TRUE(hmc().Reserve(0.1, 2048).ok());
  Reservation r;
  ASSERT_TRUE(hmc().GetReservation(&r).ok());
  EXPECT_TRUE(r.present);
  EXPECT_DOUBLE_EQ(r.proc_units, 0.1);
  EXPECT_EQ(r.mem_mb, 2048);
  EXPECT_EQ(sim_->ClockSeconds(), 10);
  ExpectIdempotent([&] { return hmc().Reserve(0.1, 2048); });
}

TEST_F(HmcTest, ReserveFailsWhenTheFrameIsShort) {
  // 8.0 units total, 0.1 held by LPAR 99: 7.9 free; 65536 - 2048 MB free.
  ExpectFailed(hmc().Reserve(7.95, 1024), "Insufficient resources");
  ExpectFailed(hmc().Reserve(0.1, 65536 - 2048 + 1), "Insufficient resources");
  EXPECT_TRUE(hmc().Reserve(7.9, 65536 - 2048).ok());
}

TEST_F(HmcTest, ReserveFailsWhenADifferentReservationExists) {
  ASSERT_TRUE(hmc().Reserve(0.1, 2048).ok());
  ExpectFailed(hmc().Reserve(0.2, 2048), "already exists");
  ExpectFailed(hmc().Reserve(0, 2048), "Invalid reservation");
}

TEST_F(HmcTest, ReleaseDropsTheReservationAndIsIdempotent) {
  ASSERT_TRUE(hmc().Reserve(0.1, 2048).ok());
  ASSERT_TRUE(hmc().Release().ok());
  Reservation r;
  ASSERT_TRUE(hmc().GetReservation(&r).ok());
  EXPECT_FALSE(r.present);
  EXPECT_EQ(r.mem_mb, 0);
  EXPECT_EQ(sim_->ClockSeconds(), 15);
  ExpectIdempotent([&] { return hmc().Release(); });
}

TEST_F(HmcTest, RenameLpar) {
  ASSERT_TRUE(hmc().RenameLpar(99, "aix721534A_lku0").ok());
  auto j = Show(*sim_);
  EXPECT_EQ((*LparJson(j, 99))["name"], "aix721534A_lku0");
  EXPECT_EQ(sim_->ClockSeconds(), 5);
  ExpectIdempotent([&] { return hmc().RenameLpar(99, "aix721534A_lku0"); });
  ExpectFailed(hmc().RenameLpar(97, "x"), "HSCL8012 The partition with ID 97 was not found");
  ExpectFailed(hmc().RenameLpar(99, ""), "cannot be empty");
}

TEST_F(HmcTest, CreateLparDrawsOnTheReservation) {
  ASSERT_TRUE(hmc().Reserve(0.1, 2048).ok());
  ASSERT_TRUE(hmc().RenameLpar(99, "aix721534A_lku0").ok());
  ASSERT_TRUE(hmc().CreateLpar(98, 99, "aix721534A").ok());
  auto j = Show(*sim_);
  const auto* l = LparJson(j, 98);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ((*l)["name"], "aix721534A");
  EXPECT_EQ((*l)["state"], "Not Activated");
  EXPECT_DOUBLE_EQ((*l)["proc_units"].get<double>(), 0.1);
  EXPECT_EQ((*l)["mem_mb"], 2048);
  EXPECT_TRUE((*l)["disks"].empty());
  EXPECT_TRUE((*l)["bootlist"].empty());
  EXPECT_EQ((*l)["workload"], "");
  EXPECT_EQ((*l)["from_reservation"], true);
  EXPECT_EQ(j["managed_system"]["reservation"]["present"], false);
  EXPECT_EQ(sim_->ClockSeconds(), 10 + 5 + 15);
  ExpectIdempotent([&] { return hmc().CreateLpar(98, 99, "aix721534A"); });
}

TEST_F(HmcTest, CreateLparErrors) {
  ExpectFailed(hmc().CreateLpar(98, 99, "surrogate"), "Not enough reserved resources");
  ASSERT_TRUE(hmc().Reserve(0.1, 1024).ok());
  ExpectFailed(hmc().CreateLpar(98, 99, "surrogate"), "Not enough reserved resources");
  ASSERT_TRUE(hmc().Release().ok());
  ASSERT_TRUE(hmc().Reserve(0.1, 2048).ok());
  ExpectFailed(hmc().CreateLpar(99, 99, "surrogate"), "already used by partition aix721534A");
  ExpectFailed(hmc().CreateLpar(98, 99, "aix721534A"), "name aix721534A is already used by partition 99");
  ExpectFailed(hmc().CreateLpar(98, 42, "surrogate"), "ID 42 was not found");
  ExpectFailed(hmc().CreateLpar(0, 99, "surrogate"), "Invalid partition ID 0");
  ASSERT_TRUE(hmc().CreateLpar(98, 99, "surrogate").ok());
  // Same id, another name: not the same effect.
  ExpectFailed(hmc().CreateLpar(98, 99, "other"), "already used by partition surrogate");
}

TEST_F(HmcTest, DeleteLparOfACreatedLparGivesTheReservationBack) {
  ASSERT_TRUE(hmc().Reserve(0.1, 2048).ok());
  auto reserved = Show(*sim_)["managed_system"];
  ASSERT_TRUE(hmc().CreateLpar(98, 99, "surrogate").ok());
  ASSERT_TRUE(hmc().DeleteLpar(98).ok());
  auto j = Show(*sim_);
  EXPECT_EQ(LparJson(j, 98), nullptr);
  EXPECT_EQ(j["managed_system"], reserved);
  EXPECT_EQ(sim_->ClockSeconds(), 10 + 15 + 10);
  ExpectIdempotent([&] { return hmc().DeleteLpar(98); });
}

TEST_F(HmcTest, DeleteLparOfTheOriginalFreesItsResources) {
  ExpectFailed(hmc().DeleteLpar(99), "is running");
  ASSERT_TRUE(hmc().Shutdown(99).ok());
  ASSERT_TRUE(hmc().DeleteLpar(99).ok());
  auto j = Show(*sim_);
  EXPECT_TRUE(j["lpars"].empty());
  EXPECT_EQ(j["managed_system"]["reservation"]["present"], false);
  // All of the frame is free now.
  EXPECT_TRUE(hmc().Reserve(8.0, 65536).ok());
}

TEST_F(HmcTest, ActivateBootsFromTheDiskAndDiscoversItsMappings) {
  ASSERT_TRUE(hmc().Reserve(0.1, 2048).ok());
  ASSERT_TRUE(hmc().CreateLpar(98, 99, "surrogate").ok());
  ExpectFailed(hmc().Activate(98, "hdisk1"), "not mapped to partition 98");
  ASSERT_TRUE(sim_->vios().SetClient("s824vio2", "vhost5", 98).ok());
  ExpectFailed(hmc().Activate(98, "hdisk2"), "hdisk2 holds no boot image");
  ExpectFailed(hmc().Activate(98, "hdisk9"), "hdisk9 not found");
  ExpectFailed(hmc().Activate(98, "hdisk1"), "boot disk of running partition 99");
  ASSERT_TRUE(sim_->os().AltDiskCopy(99, "hdisk2").ok());
  int64_t before = sim_->ClockSeconds();
  ASSERT_TRUE(hmc().Activate(98, "hdisk2").ok());
  EXPECT_EQ(sim_->ClockSeconds() - before, 120);
  std::vector<Lpar> lpars;
  ASSERT_TRUE(hmc().ListLpars(&lpars).ok());
  const Lpar& l = lpars[0];
  ASSERT_EQ(l.id, 98);
  EXPECT_EQ(l.state, "Running");
  EXPECT_EQ(l.booted_from, "hdisk2");
  EXPECT_EQ(l.bootlist, std::vector<std::string>{"hdisk2"});
  EXPECT_EQ(l.workload, "");
  ASSERT_EQ(l.disks.size(), 3u);
  for (const auto& d : l.disks) {
    ASSERT_EQ(d.paths.size(), 1u) << d.name;
    EXPECT_EQ(d.paths[0].adapter, "vscsi1");
    EXPECT_EQ(d.paths[0].status, "Enabled");
  }
  ExpectIdempotent([&] { return hmc().Activate(98, "hdisk2"); });
  ExpectFailed(hmc().Activate(98, "hdisk3"), "already running from hdisk2");
  ExpectFailed(hmc().Activate(7, "hdisk1"), "ID 7 was not found");
}

TEST_F(HmcTest, ShutdownStopsThePartition) {
  ASSERT_TRUE(hmc().Shutdown(99).ok());
  EXPECT_EQ(sim_->ClockSeconds(), 30);
  std::vector<Lpar> lpars;
  ASSERT_TRUE(hmc().ListLpars(&lpars).ok());
  EXPECT_EQ(lpars[0].state, "Not Activated");
  EXPECT_EQ(lpars[0].booted_from, "");
  EXPECT_TRUE(lpars[0].disks.empty());
  EXPECT_TRUE(lpars[0].ifixes.empty());
  EXPECT_EQ(lpars[0].workload, "");
  EXPECT_EQ(lpars[0].bootlist, std::vector<std::string>{"hdisk1"});  // NVRAM keeps it
  ExpectIdempotent([&] { return hmc().Shutdown(99); });
  ExpectFailed(hmc().Shutdown(5), "ID 5 was not found");
  // And it comes back as it was (paths rediscovered from the VIOS).
  ASSERT_TRUE(hmc().Activate(99, "hdisk1").ok());
  auto j = Show(*sim_);
  EXPECT_EQ((*LparJson(j, 99))["disks"].size(), 3u);
  EXPECT_EQ((*LparJson(j, 99))["disks"][2]["paths"].size(), 2u);
  EXPECT_EQ((*DiskJson(j, "hdisk1"))["vg"], "rootvg");
}

}  // namespace
}  // namespace lvu::drivers::sim
