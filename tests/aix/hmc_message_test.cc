// HMC errors and "No results were found." on real outputs.
#include "drivers/aix/parse/hmc_message.h"

#include <gtest/gtest.h>

#include "drivers/aix/parse/hmc_listing.h"
#include "drivers/aix/parse/hmc_lssyscfg.h"
#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;

TEST(HmcMessageTest, HsclCodeInEnglish) {
  bool none = false;
  Status s = CheckHmcMessage("mkauthkeys", Shared("hmc_error_HSCL3653.1.txt"), &none);
  ASSERT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("mkauthkeys: line 1: HMC error HSCL3653: The Secure Shell (SSH)"), std::string::npos)
      << s.message();
}

TEST(HmcMessageTest, HsclCodeInPolish) {
  std::vector<HmcRecord> r;
  Status s = ParseHmcListing("lshwres -r virtualio", Shared("hmc_error_HSCLA4C0_pl.1.txt"), &r);
  ASSERT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("HMC error HSCLA4C0: System zarządzany nie obsługuje"), std::string::npos)
      << s.message();
}

TEST(HmcMessageTest, ErrorsWithoutACode) {
  std::vector<HmcRecord> r;
  Status s = ParseHmcListing("lssyscfg -r frame", Shared("hmc_error_invalid_parameter.1.txt"), &r);
  ASSERT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("line 1: HMC error without a code: The command entered is either missing"),
            std::string::npos)
      << s.message();
  s = ParseHmcValueListing("lssyscfg -F", Shared("hmc_error_invalid_attribute_pl.1.txt"),
                           {"name", "type_serial", "serial_num", "state"}, &r);
  ASSERT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("HMC error without a code: Wprowadzono niepoprawny atrybut."), std::string::npos)
      << s.message();
}

TEST(HmcMessageTest, NoResultsIsAnEmptyListing) {
  for (const char* f : {"hmc_no_results.1.txt", "hmc_no_results_pl.1.txt", "hmc_lssyscfg_r_sys_no_results.1.txt"}) {
    bool none = false;
    ASSERT_TRUE(CheckHmcMessage("lssyscfg", Shared(f), &none).ok()) << f;
    EXPECT_TRUE(none) << f;
  }
  std::vector<ManagedSystem> sys;
  ASSERT_TRUE(ParseLssyscfgSys(Shared("hmc_lssyscfg_r_sys_no_results.1.txt"), &sys).ok());
  EXPECT_TRUE(sys.empty());
  std::vector<HmcRecord> r;
  ASSERT_TRUE(ParseHmcValueListing("lssyscfg -F", Shared("hmc_no_results_pl.1.txt"), {"name", "serial_num"}, &r).ok());
  EXPECT_TRUE(r.empty());
}

TEST(HmcMessageTest, AListingIsNoMessage) {
  bool none = true;
  ASSERT_TRUE(CheckHmcMessage("lssyscfg", Shared("hmc_lssyscfg_r_sys.1.txt"), &none).ok());
  EXPECT_FALSE(none);
  EXPECT_FALSE(LooksLikeHmcSentence(testing::LinesOf(Shared("hmc_lssysconn_r_all.1.txt"), 1, 1)));
}

}  // namespace
}  // namespace lvu::drivers::aix
