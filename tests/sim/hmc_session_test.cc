// The simulated HMC's logon and sessions: it knows its user by a digest of
// the password, hands out tokens that expire on the world clock, recognizes
// only its own, and forgets them all when its session generation changes.
#include <gtest/gtest.h>

#include "drivers/sim/hmc_session.h"
#include "base/sha256.h"
#include "tests/sim/sim_test_util.h"

namespace lvu::drivers::sim {
namespace {

using testing::TempHome;

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

class HmcSessionTest : public ::testing::Test {
 protected:
  void SetUp() override { sim_ = testing::InitSim(home_.path()); }
  Hmc& hmc() { return sim_->hmc(); }
  TempHome home_;
  std::unique_ptr<SimSystem> sim_;
};

TEST_F(HmcSessionTest, TheWorldKeepsNoPassword) {
  EXPECT_EQ(sim_->ShowJson().find(kLabHmcPassword), std::string::npos);
  EXPECT_EQ(testing::ReadAll(home_.path() + "/sim/world.json").find(kLabHmcPassword), std::string::npos);
}

TEST_F(HmcSessionTest, LogonByAddressOrHostName) {
  for (const char* name : {"10.1.50.30", "hsc02"}) {
    HmcSession s;
    Status st = hmc().Login(name, "hscroot", kLabHmcPassword, &s);
    ASSERT_TRUE(st.ok()) << st.ToString();
    EXPECT_EQ(s.hmc, name);
    EXPECT_EQ(s.address, "10.1.50.30");
    EXPECT_EQ(s.user, "hscroot");
    EXPECT_EQ(s.port, 12443);
    EXPECT_EQ(s.expires_s, sim_->ClockSeconds() + 86400);
    EXPECT_EQ(s.token.size(), 64u);
    EXPECT_EQ(s.token.find(kLabHmcPassword), std::string::npos);
    EXPECT_TRUE(hmc().CheckSession(s).ok());
  }
}

TEST_F(HmcSessionTest, WrongPasswordUserOrHostIsRefused) {
  HmcSession s;
  Status st = hmc().Login("10.1.50.30", "hscroot", "abc1235", &s);
  EXPECT_EQ(st.code(), Status::Code::kFailed);
  EXPECT_NE(st.message().find("PMCSS00G"), std::string::npos) << st.message();
  EXPECT_FALSE(hmc().Login("10.1.50.30", "liveup", kLabHmcPassword, &s).ok());
  st = hmc().Login("hsc99", "hscroot", kLabHmcPassword, &s);
  EXPECT_NE(st.message().find("no such host"), std::string::npos) << st.message();
  EXPECT_FALSE(hmc().Login("10.1.50.30", "hscroot", "", &s).ok());
}

TEST_F(HmcSessionTest, LogonChangesNothing) {
  const std::string before = sim_->ShowJson();
  HmcSession s;
  ASSERT_TRUE(hmc().Login("hsc02", "hscroot", kLabHmcPassword, &s).ok());
  EXPECT_EQ(sim_->ShowJson(), before);
}

TEST_F(HmcSessionTest, SessionExpiresOnTheWorldClock) {
  ASSERT_TRUE(sim_->Set("hmc.session_ttl_s", "100").ok());
  HmcSession s;
  ASSERT_TRUE(hmc().Login("hsc02", "hscroot", kLabHmcPassword, &s).ok());
  ASSERT_TRUE(sim_->Spend(99).ok());
  EXPECT_TRUE(hmc().CheckSession(s).ok());
  ASSERT_TRUE(sim_->Spend(1).ok());
  Status st = hmc().CheckSession(s);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("expired"), std::string::npos) << st.message();
}

TEST_F(HmcSessionTest, EditedOrForeignTokensAreNotRecognized) {
  HmcSession s;
  ASSERT_TRUE(hmc().Login("hsc02", "hscroot", kLabHmcPassword, &s).ok());
  HmcSession longer = s;
  longer.expires_s += 1000000;  // a token's expiry cannot be extended by editing the file
  EXPECT_NE(hmc().CheckSession(longer).message().find("does not recognize"), std::string::npos);
  HmcSession other_user = s;
  other_user.user = "liveup";
  EXPECT_FALSE(hmc().CheckSession(other_user).ok());
  HmcSession other_hmc = s;
  other_hmc.address = "10.1.50.31";
  EXPECT_NE(hmc().CheckSession(other_hmc).message().find("does not manage this partition"), std::string::npos);
}

TEST_F(HmcSessionTest, NewGenerationRevokesEverySession) {
  HmcSession s;
  ASSERT_TRUE(hmc().Login("hsc02", "hscroot", kLabHmcPassword, &s).ok());
  ASSERT_TRUE(sim_->Set("hmc.session_generation", "2").ok());
  EXPECT_FALSE(hmc().CheckSession(s).ok());
  ASSERT_TRUE(hmc().Login("hsc02", "hscroot", kLabHmcPassword, &s).ok());
  EXPECT_TRUE(hmc().CheckSession(s).ok());
}

TEST_F(HmcSessionTest, AnHmcThatDoesNotAnswerFailsEveryRequest) {
  HmcSession s;
  ASSERT_TRUE(hmc().Login("hsc02", "hscroot", kLabHmcPassword, &s).ok());
  ASSERT_TRUE(sim_->Set("hmc.responding", "no").ok());
  EXPECT_TRUE(hmc().CheckSession(s).IsTransient());
  EXPECT_TRUE(hmc().Login("hsc02", "hscroot", kLabHmcPassword, &s).IsTransient());
  std::vector<Lpar> lpars;
  EXPECT_TRUE(hmc().ListLpars(&lpars).IsTransient());
  HmcFacts f;
  EXPECT_TRUE(hmc().GetFacts(99, &f).IsTransient());
  EXPECT_TRUE(hmc().Reserve(0.1, 2048).IsTransient());
}

TEST_F(HmcSessionTest, FactsOfThePartitionAndItsFrame) {
  HmcFacts f;
  ASSERT_TRUE(hmc().GetFacts(99, &f).ok());
  EXPECT_EQ(f.firmware, "SV810_081");
  EXPECT_EQ(f.free_virtual_slots, 10);
  EXPECT_FALSE(f.remote_restart);
  EXPECT_EQ(f.mem_mode, "ded");
  EXPECT_DOUBLE_EQ(f.free_proc_units, 7.9);
  EXPECT_EQ(f.free_mem_mb, 65536 - 2048);
  EXPECT_FALSE(hmc().GetFacts(42, &f).ok());
  // A reservation is no longer free.
  ASSERT_TRUE(hmc().Reserve(0.1, 2048).ok());
  ASSERT_TRUE(hmc().GetFacts(99, &f).ok());
  EXPECT_DOUBLE_EQ(f.free_proc_units, 7.8);
}

TEST_F(HmcSessionTest, OsFactsOfARunningPartitionOnly) {
  OsFacts f;
  ASSERT_TRUE(sim_->os().GetFacts(99, &f).ok());
  EXPECT_EQ(f.rootvg_used_mb, 7216);
  EXPECT_EQ(f.paging_mb, 512);
  EXPECT_EQ(f.dump_mb, 100);
  EXPECT_EQ(f.filesystems.size(), 9u);
  EXPECT_EQ(sim_->os().GetFacts(98, &f).code(), Status::Code::kFailed);
}

}  // namespace
}  // namespace lvu::drivers::sim
