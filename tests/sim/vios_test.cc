// The simulated VIOS pair: remapping a vhost to another client partition.

#include <gtest/gtest.h>

#include "drivers/sim/sim_system.h"
#include "sim_test_util.h"

namespace lvu::drivers::sim {
namespace {

using testing::InitSim;
using testing::LparJson;
using testing::Show;
using testing::TempHome;

TEST(ViosTest, SetClientRemapsTheVhostButNotThePartitionsPaths) {
  TempHome home;
  auto sim = InitSim(home.path());
  ASSERT_TRUE(sim->hmc().Reserve(0.1, 2048).ok());
  ASSERT_TRUE(sim->hmc().CreateLpar(98, 99, "surrogate").ok());
  auto before = Show(*sim);
  ASSERT_TRUE(sim->vios().SetClient("s824vio2", "vhost5", 98).ok());
  EXPECT_EQ(sim->ClockSeconds(), 10 + 15 + 10);
  std::vector<VhostMapping> maps;
  ASSERT_TRUE(sim->vios().ListMappings(&maps).ok());
  EXPECT_EQ(maps[0].client_id, 99);
  EXPECT_EQ(maps[1].vhost, "vhost5");
  EXPECT_EQ(maps[1].client_id, 98);
  auto after = Show(*sim);
  EXPECT_EQ(*LparJson(after, 99), *LparJson(before, 99));
  EXPECT_EQ(after["mappings"][1]["client_id"], 98);
  // lsmap shows the client in hex, as in the article: 0x00000062.
  EXPECT_NE(sim->ShowText().find("client 0x00000062 (98)"), std::string::npos);

  std::string json = sim->ShowJson();
  ASSERT_TRUE(sim->vios().SetClient("s824vio2", "vhost5", 98).ok());
  EXPECT_EQ(sim->ShowJson(), json);
}

TEST(ViosTest, SetClientErrors) {
  TempHome home;
  auto sim = InitSim(home.path());
  Status s = sim->vios().SetClient("s824vio3", "vhost5", 99);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("VIOS s824vio3"), std::string::npos) << s.message();
  s = sim->vios().SetClient("s824vio1", "vhost9", 99);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("\"vhost9\" is not a Virtual SCSI Server Adapter"), std::string::npos)
      << s.message();
  s = sim->vios().SetClient("s824vio1", "vhost3", 98);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("ID 98 was not found"), std::string::npos) << s.message();
  EXPECT_EQ(sim->ClockSeconds(), 0);
}

}  // namespace
}  // namespace lvu::drivers::sim
