// genkex -d on a real output (aix-outputs).
#include "drivers/aix/parse/genkex.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;

TEST(GenkexTest, RightAlignedHexColumns) {
  KernelExtensions k;
  Status s = ParseGenkex(Shared("genkex_d.1.txt"), &k);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(k.with_data);
  ASSERT_EQ(k.extensions.size(), 2u);
  EXPECT_EQ(k.extensions[0].text_address, 0xf1000000c0338000u);
  EXPECT_EQ(k.extensions[0].text_size, 0x77000u);
  EXPECT_EQ(k.extensions[0].data_address, 0xf1000000c0390000u);
  EXPECT_EQ(k.extensions[0].data_size, 0x1ec8cu);
  EXPECT_EQ(k.extensions[0].file, "/usr/lib/drivers/cluster");
  EXPECT_EQ(k.extensions[1].text_address, 0x6390000u);
  EXPECT_EQ(k.extensions[1].data_size, 0xba8u);
  EXPECT_EQ(k.extensions[1].file, "/usr/lib/drivers/if_en");
  const nlohmann::json j = ToJson(k);
  EXPECT_EQ(j["extensions"][0]["text_address"], "f1000000c0338000");  // 64-bit: a string
  EXPECT_EQ(j["extensions"][1]["data_size"], 0xba8);
}

TEST(GenkexTest, HeaderAloneIsNoExtensionRowsAloneAreRejected) {
  const std::string real = Shared("genkex_d.1.txt");
  KernelExtensions k;
  ASSERT_TRUE(ParseGenkex(testing::LinesOf(real, 1, 1), &k).ok());
  EXPECT_TRUE(k.extensions.empty());
  Status s = ParseGenkex(testing::LinesOf(real, 2, 3), &k);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("genkex: line 1: not the genkex header"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
