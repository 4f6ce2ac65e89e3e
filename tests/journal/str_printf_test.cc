// base/str_printf.h: printf into a string of any length.
#include "base/str_printf.h"

#include <gtest/gtest.h>

#include <string>

namespace lvu {
namespace {

TEST(StrPrintfTest, FormatsAndNeverTruncates) {
  EXPECT_EQ(StrPrintf("%2zu  %-6s|", size_t{7}, "ab"), " 7  ab    |");
  EXPECT_EQ(StrPrintf("%s", ""), "");
  // journal show prints errors and step outputs of any length on one line.
  const std::string error(5000, 'x');
  const std::string line = StrPrintf("FAILED: %s.", error.c_str());
  EXPECT_EQ(line.size(), error.size() + 9);
  EXPECT_EQ(line.back(), '.');
}

}  // namespace
}  // namespace lvu
