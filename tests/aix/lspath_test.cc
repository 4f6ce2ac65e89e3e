// lspath, default and -F forms, on real outputs.
#include "drivers/aix/parse/lspath.h"

#include <gtest/gtest.h>

#include <map>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Data;
using testing::Shared;
using testing::StripElisions;

std::map<std::string, int> PathsPerDisk(const std::vector<PathEntry>& paths) {
  std::map<std::string, int> n;
  for (const PathEntry& p : paths) ++n[p.name];
  return n;
}

TEST(LspathTest, UnevenPathsNotGroupedByDisk) {
  std::vector<PathEntry> paths;
  ASSERT_TRUE(ParseLspath(Shared("lspath.1.txt"), &paths).ok());
  ASSERT_EQ(paths.size(), 5u);
  EXPECT_EQ(paths[2].name, "hdisk0");
  EXPECT_EQ(paths[2].parent, "vscsi1");
  EXPECT_EQ(paths[4].status, PathStatus::kEnabled);
  const auto n = PathsPerDisk(paths);
  EXPECT_EQ(n.at("hdisk0"), 2);
  EXPECT_EQ(n.at("hdisk2"), 1);  // only through vscsi1
  EXPECT_EQ(paths[4].parent, "vscsi1");
}

TEST(LspathTest, MissingPathsPaddedNames) {
  std::vector<PathEntry> paths;
  ASSERT_TRUE(ParseLspath(StripElisions(Shared("lspath.3.partial.txt")), &paths).ok());
  ASSERT_EQ(paths.size(), 3u);
  for (const PathEntry& p : paths) {
    EXPECT_EQ(p.status, PathStatus::kMissing);
    EXPECT_EQ(p.parent, "fscsi1");
  }
  EXPECT_EQ(paths[2].name, "hdisk5");
}

TEST(LspathTest, WithL) {
  std::vector<PathEntry> paths;
  ASSERT_TRUE(ParseLspath(Shared("lspath_l.1.txt"), &paths).ok());
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(paths[1].name, "hdisk3");
  EXPECT_EQ(paths[1].parent, "fscsi1");
}

TEST(LspathTest, TheSeedsPathsBeforeDuringAndAfterTheUpdate) {
  std::vector<PathEntry> paths;
  ASSERT_TRUE(ParseLspath(Data("seed_lspath_before.txt"), &paths).ok());
  EXPECT_EQ(paths.size(), 6u);
  EXPECT_EQ(PathsPerDisk(paths).at("hdisk3"), 2);
  ASSERT_TRUE(ParseLspath(Data("seed_lspath_during.txt"), &paths).ok());
  EXPECT_EQ(paths.size(), 3u);  // half of the paths went to the surrogate
  EXPECT_EQ(PathsPerDisk(paths).at("hdisk3"), 1);
  for (const PathEntry& p : paths) EXPECT_EQ(p.parent, "vscsi0");
  ASSERT_TRUE(ParseLspath(Data("seed_lspath_after.txt"), &paths).ok());
  EXPECT_EQ(paths.size(), 6u);
  EXPECT_EQ(paths[5].name, "hdisk3");
  EXPECT_EQ(paths[5].parent, "vscsi1");
}

TEST(LspathFieldsTest, PathIdAndConnection) {
  std::vector<PathEntry> paths;
  ASSERT_TRUE(ParseLspathFields(Shared("lspath_F_status_name_path_id_parent_connection.1.txt"),
                                {"status", "name", "path_id", "parent", "connection"}, &paths)
                  .ok());
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(paths[1].path_id, 1);
  EXPECT_EQ(paths[1].parent, "fscsi1");
  EXPECT_EQ(paths[1].connection, "500173800ccd0140,1000000000000");
}

TEST(LspathFieldsTest, OtherOrderAndLunZero) {
  std::vector<PathEntry> paths;
  ASSERT_TRUE(ParseLspathFields(StripElisions(Shared("lspath_H_F_name_parent_path_id_connection_status.1.partial.txt")),
                                {"name", "parent", "path_id", "connection", "status"}, &paths)
                  .ok());
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_EQ(paths[0].name, "hdisk1");
  EXPECT_EQ(paths[0].path_id, 3);
  EXPECT_EQ(paths[0].connection, "50060e80100d2a62,0");
  EXPECT_EQ(paths[0].status, PathStatus::kMissing);
}

TEST(LspathTest, ANameWhereTheStatusShouldBe) {
  // The -F output read as the default form: "hdisk1" is no status.
  std::vector<PathEntry> paths;
  Status s = ParseLspath(StripElisions(Shared("lspath_H_F_name_parent_path_id_connection_status.1.partial.txt")), &paths);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lspath: line 1:"), std::string::npos) << s.message();
}

TEST(LspathTest, EmptyOutputIsNoPath) {
  std::vector<PathEntry> paths;
  ASSERT_TRUE(ParseLspath("", &paths).ok());
  EXPECT_TRUE(paths.empty());
}

}  // namespace
}  // namespace lvu::drivers::aix
