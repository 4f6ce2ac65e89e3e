// lparstat -i on real outputs (AIX 7.x and 5.3-era layouts).
#include "drivers/aix/parse/lparstat.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Data;
using testing::Shared;

TEST(LparstatTest, DedicatedWithManyDashes) {
  LparInfo i;
  Status s = ParseLparstatInfo(Shared("lparstat_i.1.txt"), &i);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(i.node_name, "devserver");
  EXPECT_EQ(i.partition_name, "dev1");
  EXPECT_EQ(i.partition_number, 1);
  EXPECT_EQ(i.type, "Dedicated-SMT-4");
  EXPECT_EQ(i.mode, "Capped");
  ASSERT_TRUE(i.entitled_capacity.has_value());
  EXPECT_DOUBLE_EQ(*i.entitled_capacity, 2.0);
  EXPECT_EQ(i.online_memory_mb, 61696u);
  EXPECT_EQ(i.online_virtual_cpus, 2u);
  EXPECT_EQ(i.fields.size(), 44u);
  const KeyValue* kv = FindKey(i.fields, "Unallocated Variable Memory Capacity Weight");
  ASSERT_NE(kv, nullptr);
  EXPECT_EQ(kv->value, "-");
  EXPECT_EQ(FindKey(i.fields, "Shared Pool ID")->value, "-");
}

TEST(LparstatTest, DecimalCommaAndUnevenKeySpacing) {
  LparInfo i;
  Status s = ParseLparstatInfo(Shared("lparstat_i.3.txt"), &i);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(i.node_name, "sample1");  // "Node  Name"
  EXPECT_EQ(i.partition_number, 1);   // ":  1"
  EXPECT_EQ(i.type, "Dedicated-SMT");
  EXPECT_DOUBLE_EQ(*i.entitled_capacity, 4.0);  // "4,00"
  EXPECT_EQ(i.online_memory_mb, 7808u);
  EXPECT_EQ(i.fields.size(), 24u);
}

TEST(LparstatTest, SharedUncapped) {
  LparInfo i;
  ASSERT_TRUE(ParseLparstatInfo(Shared("lparstat_i.7.txt"), &i).ok());
  EXPECT_EQ(i.type, "Shared-SMT");
  EXPECT_EQ(i.mode, "Uncapped");
  EXPECT_DOUBLE_EQ(*i.entitled_capacity, 0.70);
  EXPECT_EQ(i.maximum_memory_mb, 65536u);
  ASSERT_TRUE(ParseLparstatInfo(Shared("lparstat_i.5.txt"), &i).ok());
  EXPECT_EQ(i.partition_name, "sample3");
  EXPECT_EQ(i.partition_number, 2);
}

TEST(LparstatTest, AFilteredOutputLacksTheRequiredKeys) {
  LparInfo i;
  Status s = ParseLparstatInfo(Data("seed_lparstat_i_egrep.txt"), &i);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lparstat -i: line 3 (end of output): no \"Partition Name\" line"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
