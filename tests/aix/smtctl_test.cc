// smtctl on a real output (aix-outputs).
#include "drivers/aix/parse/smtctl.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;

TEST(SmtctlTest, Smt4OnTwoProcessors) {
  SmtState s;
  Status st = ParseSmtctl(Shared("smtctl.1.txt"), &s);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_TRUE(s.capable);
  EXPECT_EQ(s.max_threads, 8u);
  EXPECT_TRUE(s.enabled);
  EXPECT_EQ(s.boot_mode, "not set");
  EXPECT_EQ(s.notes, (std::vector<std::string>{"SMT threads are bound to the same physical processor."}));
  ASSERT_EQ(s.processors.size(), 2u);
  EXPECT_EQ(s.processors[0].name, "proc0");
  EXPECT_EQ(s.processors[0].threads, 4u);
  EXPECT_EQ(s.processors[0].bind_processors, (std::vector<uint64_t>{0, 1, 2, 3}));
  EXPECT_EQ(s.processors[1].name, "proc8");
  EXPECT_EQ(s.processors[1].bind_processors, (std::vector<uint64_t>{4, 5, 6, 7}));
}

TEST(SmtctlTest, BindLinesMustFollowTheirProcessor) {
  const std::string real = Shared("smtctl.1.txt");
  SmtState s;
  // The proc0 block without its "proc0 has" line: its bind lines name proc0
  // after nothing.
  Status st = ParseSmtctl(testing::LinesOf(real, 1, 7) + testing::LinesOf(real, 9, 9), &s);
  ASSERT_TRUE(st.IsCorruption());
  EXPECT_NE(st.message().find("smtctl: line 8: bound with another processor"), std::string::npos) << st.message();
  st = ParseSmtctl(testing::LinesOf(real, 8, 12), &s);
  ASSERT_TRUE(st.IsCorruption());
  EXPECT_NE(st.message().find("smtctl: line 6 (end of output): no \"This system is"), std::string::npos)
      << st.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
