// The surrogate's mksyscfg attributes from real profiles
// (hmc_lssyscfg_r_prof.1: shared processors, two VIOS client adapters;
// hmc_lssyscfg_r_prof.3: dedicated processors) and a reservation.
#include <gtest/gtest.h>

#include "drivers/aix/surrogate_profile.h"
#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

HmcProfile First(const std::string& file) {
  std::vector<HmcProfile> p;
  Status s = ParseLssyscfgProf(testing::Shared(file), &p);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return p.empty() ? HmcProfile{} : p[0];
}

TEST(SurrogateProfileTest, ASharedProfileWithTheReservedUnitsAndItsClientAdapters) {
  Reservation r{true, 0.3, 6144};
  std::string attrs;
  ASSERT_TRUE(SurrogateAttributes(First("hmc_lssyscfg_r_prof.1.txt"), "nim1_lvup", 6, r, &attrs).ok());
  EXPECT_EQ(attrs,
            "name=nim1_lvup,lpar_id=6,profile_name=lvupdate,lpar_env=aixlinux,min_mem=2048,desired_mem=6144,"
            "max_mem=10240,proc_mode=shared,min_proc_units=0.10,desired_proc_units=0.30,max_proc_units=0.80,"
            "min_procs=1,desired_procs=1,max_procs=2,sharing_mode=cap,uncap_weight=0,max_virtual_slots=10,"
            "\"virtual_scsi_adapters=2/client/2/vios1/2/1,3/client/3/vios2/2/1\"");
  // More than the profile's maximum: the range is widened to hold it.
  r = {true, 1.5, 16384};
  ASSERT_TRUE(SurrogateAttributes(First("hmc_lssyscfg_r_prof.1.txt"), "nim1_lvup", 6, r, &attrs).ok());
  EXPECT_NE(attrs.find("desired_mem=16384,max_mem=16384"), std::string::npos) << attrs;
  EXPECT_NE(attrs.find("desired_proc_units=1.50,max_proc_units=1.50"), std::string::npos) << attrs;
}

TEST(SurrogateProfileTest, ADedicatedProfileGetsWholeProcessors) {
  std::string attrs;
  ASSERT_TRUE(SurrogateAttributes(First("hmc_lssyscfg_r_prof.3.txt"), "lpar05_lvup", 16, {true, 1.0, 2048}, &attrs)
                  .ok());
  EXPECT_NE(attrs.find("proc_mode=ded,min_procs=1,desired_procs=1,max_procs=1,sharing_mode=share_idle_procs"),
            std::string::npos)
      << attrs;
  EXPECT_NE(attrs.find("\"virtual_scsi_adapters=304/client/2/vio_server1/4/1,404/client/3/vio_server2/6/1\""),
            std::string::npos)
      << attrs;
  EXPECT_EQ(attrs.find("proc_units"), std::string::npos) << attrs;
}

TEST(SurrogateProfileTest, NoReservationOrAnUnknownModeIsRefused) {
  std::string attrs;
  HmcProfile p = First("hmc_lssyscfg_r_prof.1.txt");
  EXPECT_TRUE(SurrogateAttributes(p, "x", 6, {true, 0, 0}, &attrs).IsInvalidArgument());
  p.proc_mode = "";
  Status s = SurrogateAttributes(p, "x", 6, {true, 0.3, 6144}, &attrs);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("profile normal of nim1 has proc_mode ''"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace lvu::drivers::aix
