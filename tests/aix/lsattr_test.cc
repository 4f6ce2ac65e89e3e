// lsattr -El and lsattr -EOl on real outputs (aix-outputs).
#include "drivers/aix/parse/lsattr.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;

const DeviceAttribute* Find(const std::vector<DeviceAttribute>& a, const std::string& name) {
  for (const DeviceAttribute& d : a) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

TEST(LsattrTest, SanLunWithEmptyLocationAndAValueFillingItsColumn) {
  std::vector<DeviceAttribute> a;
  Status s = ParseLsattr(Shared("lsattr_El_hdisk.1.txt"), &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(a.size(), 31u);
  EXPECT_EQ(a[0].name, "PCM");
  EXPECT_EQ(a[0].value, "PCM/friend/sddpcm");
  EXPECT_EQ(a[0].description, "PCM");
  EXPECT_TRUE(a[0].user_settable);
  EXPECT_FALSE(a[0].updatable_in_use);
  const DeviceAttribute* loc = Find(a, "location");
  ASSERT_NE(loc, nullptr);
  EXPECT_EQ(loc->value, "");
  EXPECT_EQ(loc->description, "Location Label");
  const DeviceAttribute* uid = Find(a, "unique_id");
  ASSERT_NE(uid, nullptr);
  EXPECT_EQ(uid->value, "33213600507110180813E50000000000003F304214503IBMfcp");
  EXPECT_EQ(uid->description, "Device Unique Identification");
  EXPECT_FALSE(uid->user_settable);
  const DeviceAttribute* q = Find(a, "qfull_dly");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->description, "delay in seconds for SCSI TASK SET FULL");
  EXPECT_EQ(Find(a, "queue_depth")->value, "20");
  EXPECT_EQ(Find(a, "reserve_policy")->value, "no_reserve");
  EXPECT_EQ(Find(a, "size_in_mb"), nullptr);
}

TEST(LsattrTest, TruePlusMarksAttributesUpdatableInUse) {
  std::vector<DeviceAttribute> a;
  Status s = ParseLsattr(Shared("lsattr_El_hdisk.3.txt"), &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(a.size(), 30u);
  EXPECT_EQ(a[0].value, "PCM/friend/fcpother");
  EXPECT_FALSE(a[0].user_settable);
  const DeviceAttribute* alg = Find(a, "algorithm");
  ASSERT_NE(alg, nullptr);
  EXPECT_EQ(alg->value, "round_robin");
  EXPECT_TRUE(alg->user_settable);
  EXPECT_TRUE(alg->updatable_in_use);
  EXPECT_FALSE(Find(a, "clr_q")->updatable_in_use);
  EXPECT_EQ(Find(a, "location")->value, "");
  EXPECT_EQ(Find(a, "unique_id")->value, "362136000144000000010301F14BAD89B486607Invista03EMCfcp");
  EXPECT_EQ(Find(a, "unique_id")->description, "Unique device identifier");
  EXPECT_EQ(Find(a, "min_rw_to")->description, "Minimum value for rw_timeout");
}

TEST(LsattrTest, PowerPathDiskWithOtherWidths) {
  std::vector<DeviceAttribute> a;
  Status s = ParseLsattr(Shared("lsattr_El_hdisk.5.txt"), &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(a.size(), 18u);
  EXPECT_EQ(a[0].description, "Reserve Key.");
  EXPECT_EQ(Find(a, "clr_q")->description, "Clear Queue (RS/6000)");
  EXPECT_EQ(Find(a, "location")->value, "");
  EXPECT_EQ(Find(a, "pvid")->value, "00f8c13b3303bc100000000000000000");
  EXPECT_EQ(Find(a, "reserve_policy")->value, "single_path");
  EXPECT_EQ(Find(a, "reserve_policy")->description, "Reserve Policy used to reserve device on open.");
}

TEST(LsattrTest, MemoryWithEmptyValuesAndProcessor) {
  std::vector<DeviceAttribute> a;
  Status s = ParseLsattr(Shared("lsattr_El_mem0.1.txt"), &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(a.size(), 5u);
  EXPECT_EQ(a[0].name, "ent_mem_cap");
  EXPECT_EQ(a[0].value, "");
  EXPECT_EQ(a[0].description, "I/O memory entitlement in Kbytes");
  EXPECT_EQ(a[1].value, "7648");
  EXPECT_EQ(a[1].description, "Amount of usable physical memory in Mbytes");
  EXPECT_EQ(a[4].value, "");
  s = ParseLsattr(Shared("lsattr_El_proc0.1.txt"), &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(a.size(), 5u);
  EXPECT_EQ(a[0].value, "1654344000");
  EXPECT_EQ(a[0].description, "Processor Speed");  // "Processor" starts every description
  EXPECT_EQ(a[1].description, "Processor SMT enabled");
  EXPECT_EQ(a[4].value, "PowerPC_POWER5");
  EXPECT_FALSE(a[4].user_settable);
}

TEST(LsattrTest, RowsFilteredByGrepAreReadOnlyWhenUnambiguous) {
  const std::string real = Shared("lsattr_El_mem0.1.txt");
  std::vector<DeviceAttribute> a;
  // `| grep size`: one row with a value, one... both with values, aligned,
  // but not one blank after the longest name left: values or descriptions?
  Status s = ParseLsattr(testing::LinesOf(real, 4, 4), &a);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsattr -E: line 1: no value one blank after the longest attribute name"),
            std::string::npos)
      << s.message();
  // `| grep mem`: a row without value beside one with: the value column shows.
  s = ParseLsattr(testing::LinesOf(real, 1, 2), &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].value, "");
  EXPECT_EQ(a[0].description, "I/O memory entitlement in Kbytes");
  EXPECT_EQ(a[1].value, "7648");
  EXPECT_EQ(a[1].description, "Amount of usable physical memory in Mbytes");
}

TEST(LsattrTest, ColonForm) {
  std::vector<AttributeValue> v;
  Status s = ParseLsattrColon(Shared("lsattr_EOl_size_in_mb.1.txt"), &v);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "size_in_mb");
  EXPECT_EQ(v[0].value, "69797");
  ASSERT_TRUE(ParseLsattrColon(Shared("lsattr_EOl_size_in_mb.3.txt"), &v).ok());
  EXPECT_EQ(v[0].value, "9100");
}

TEST(LsattrTest, TheFormsAreNotMistakenForEachOther) {
  std::vector<DeviceAttribute> a;
  Status s = ParseLsattr(Shared("lsattr_EOl_size_in_mb.1.txt"), &a);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsattr -E: line 1:"), std::string::npos) << s.message();
  std::vector<AttributeValue> v;
  s = ParseLsattrColon(Shared("lsattr_El_proc0.1.txt"), &v);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsattr -O: line 1: not a '#name:name...' line"), std::string::npos) << s.message();
  s = ParseLsattrColon("#size_in_mb:pvid\n69797\n", &v);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("line 2: 1 values for 2 attribute names"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
