// The simulator's ifix package format and its error messages.

#include "drivers/sim/fix_package.h"

#include <gtest/gtest.h>

#include "sim_test_util.h"

namespace lvu::drivers::sim {
namespace {

using testing::TempHome;
using testing::WriteAll;

constexpr char kHeader[] = "# lvupdate simulated ifix package v1\n";

Status Parse(const std::string& body, Fix* fix) {
  return ParseFixPackage(kHeader + body, "/fixes/x.epkg.Z", fix);
}

void ExpectInvalid(const Status& s, const std::string& needle) {
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_NE(s.message().find(needle), std::string::npos) << s.message();
}

TEST(FixPackageTest, ParsesAllKeys) {
  Fix f;
  Status s = Parse(
      "LABEL: dummy\n"
      "ABSTRACT:   Test fix for Live Update  \n"
      "\n"
      "# a comment\n"
      "LU CAPABLE: yes\n"
      "REBOOT REQUIRED: no\n"
      "FILE: /usr/lib/drivers/dummy.ext\n"
      "FILE: /usr/lib/libc.a\n",
      &f);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(f.file, "/fixes/x.epkg.Z");
  EXPECT_EQ(f.label, "dummy");
  EXPECT_EQ(f.abstract, "Test fix for Live Update");
  EXPECT_TRUE(f.lu_capable);
  EXPECT_FALSE(f.reboot_required);
  EXPECT_EQ(f.files, (std::vector<std::string>{"/usr/lib/drivers/dummy.ext", "/usr/lib/libc.a"}));
}

TEST(FixPackageTest, DefaultsAreNotLuCapable) {
  Fix f;
  ASSERT_TRUE(Parse("LABEL: x\n", &f).ok());
  EXPECT_FALSE(f.lu_capable);
  EXPECT_TRUE(f.files.empty());
}

TEST(FixPackageTest, FormatRoundTrips) {
  Fix f;
  f.label = "IJ12345s1a";
  f.abstract = "kernel fix";
  f.lu_capable = true;
  f.reboot_required = true;
  f.files = {"/unix"};
  Fix back;
  ASSERT_TRUE(ParseFixPackage(FormatFixPackage(f), "p", &back).ok());
  EXPECT_EQ(back.label, f.label);
  EXPECT_EQ(back.abstract, f.abstract);
  EXPECT_EQ(back.lu_capable, f.lu_capable);
  EXPECT_EQ(back.reboot_required, f.reboot_required);
  EXPECT_EQ(back.files, f.files);
}

TEST(FixPackageTest, ErrorsNameFileAndLine) {
  Fix f;
  ExpectInvalid(ParseFixPackage("LABEL: x\n", "/f/a.epkg.Z", &f),
                "/f/a.epkg.Z:1: not a simulated ifix package");
  ExpectInvalid(ParseFixPackage("", "/f/a.epkg.Z", &f), "/f/a.epkg.Z:1: empty file");
  ExpectInvalid(Parse("LABEL: x\nthis line has no colon\n", &f),
                "/fixes/x.epkg.Z:3: expected \"KEY: value\"");
  ExpectInvalid(Parse("LABEL: x\nPRIORITY: 1\n", &f), "/fixes/x.epkg.Z:3: unknown key \"PRIORITY\"");
  ExpectInvalid(Parse("LABEL: x\nLU CAPABLE: maybe\n", &f),
                "/fixes/x.epkg.Z:3: LU CAPABLE must be yes or no");
  ExpectInvalid(Parse("LABEL: x\nLABEL: y\n", &f), "/fixes/x.epkg.Z:3: duplicate LABEL");
  ExpectInvalid(Parse("LABEL: bad label\n", &f), "/fixes/x.epkg.Z:2: invalid LABEL");
  ExpectInvalid(Parse("ABSTRACT: x\nFILE: /a\n", &f), "/fixes/x.epkg.Z: no LABEL");
  ExpectInvalid(Parse("LABEL: x\nFILE:\n", &f), "/fixes/x.epkg.Z:3: empty FILE");
}

TEST(FixPackageTest, ReadFixPackageFromDisk) {
  TempHome home;
  const std::string path = home.path() + "/a.epkg.Z";
  Fix f;
  Status s = ReadFixPackage(path, &f);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
  std::string text = kHeader;  // append, not operator+ on a temporary: GCC 12's false -Warray-bounds
  WriteAll(path, text.append("LABEL: a\nLU CAPABLE: yes\n"));
  ASSERT_TRUE(ReadFixPackage(path, &f).ok());
  EXPECT_EQ(f.label, "a");
  EXPECT_EQ(f.file, path);
  text = kHeader;
  WriteAll(path, text.append("LABEL: a\nLU CAPABLE yes\n"));
  ExpectInvalid(ReadFixPackage(path, &f), path + ":3:");
}

}  // namespace
}  // namespace lvu::drivers::sim
