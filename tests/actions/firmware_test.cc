// Firmware levels that support live update: the seed article's list.
#include "actions/validation/checks/firmware.h"

#include <gtest/gtest.h>

namespace lvu::actions {
namespace {

bool Ok(const std::string& level) {
  std::string why;
  return FirmwareSupported(level, &why);
}

TEST(FirmwareTest, TheLabsLevelIsSupported) { EXPECT_TRUE(Ok("SV810_081")); }

TEST(FirmwareTest, EachOlderReleaseFromItsFirstServicePack) {
  for (auto [first, before] : std::vector<std::pair<const char*, const char*>>{{"AL730_066", "AL730_065"},
                                                                               {"AL740_043", "AL740_042"},
                                                                               {"AM770_063", "AM770_062"},
                                                                               {"AM773_056", "AM773_055"},
                                                                               {"AM780_056", "AM780_055"}}) {
    EXPECT_TRUE(Ok(first)) << first;
    EXPECT_FALSE(Ok(before)) << before;
  }
  EXPECT_TRUE(Ok("AL730_099"));
}

TEST(FirmwareTest, Release810AndLaterAtAnyServicePack) {
  EXPECT_TRUE(Ok("SV810_001"));
  EXPECT_TRUE(Ok("SV860_056"));
  EXPECT_TRUE(Ok("VL940_071"));
}

TEST(FirmwareTest, OtherReleasesAreNot) {
  std::string why;
  EXPECT_FALSE(FirmwareSupported("AM760_100", &why));
  EXPECT_NE(why.find("release 760 has no live update support"), std::string::npos) << why;
  EXPECT_FALSE(FirmwareSupported("AM780_040", &why));
  EXPECT_NE(why.find("needs service pack 056 or later"), std::string::npos) << why;
}

TEST(FirmwareTest, MalformedLevels) {
  for (const char* bad : {"", "SV810", "SV810-081", "S8100_081", "SVABC_081", "SV810_08x", "SV810_0811"}) {
    std::string why;
    EXPECT_FALSE(FirmwareSupported(bad, &why)) << bad;
    EXPECT_NE(why.find("not of the form"), std::string::npos) << bad << ": " << why;
  }
}

}  // namespace
}  // namespace lvu::actions
