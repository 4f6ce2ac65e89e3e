// Path split: dividing a partition's disk adapters into two sets that each
// reach every disk. Every returned split is checked by an independent brute
// force (does it cover every disk from both sides? is it as balanced as any
// valid split?), and every refusal is checked against the brute force's
// finding that no split exists.
#include "actions/validation/path_split.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace lvu::actions {
namespace {

using Paths = std::map<std::string, std::set<std::string>>;
using Names = std::vector<std::string>;

std::set<std::string> AllAdapters(const Paths& paths) {
  std::set<std::string> all;
  for (const auto& [disk, adapters] : paths) all.insert(adapters.begin(), adapters.end());
  return all;
}

// Why `split` is not a valid division of the adapters of `paths` ("" if it is):
// the two sets are disjoint, together hold exactly the adapters, and each
// has a path to every disk.
std::string Invalid(const Paths& paths, const PathSplit& split) {
  std::set<std::string> keep(split.keep.begin(), split.keep.end());
  std::set<std::string> move(split.move.begin(), split.move.end());
  if (keep.size() != split.keep.size() || move.size() != split.move.size()) return "an adapter twice in one set";
  if (keep.empty() || move.empty()) return "an empty set";
  for (const auto& a : keep) {
    if (move.count(a)) return "adapter " + a + " in both sets";
  }
  std::set<std::string> both = keep;
  both.insert(move.begin(), move.end());
  if (both != AllAdapters(paths)) return "the sets do not hold exactly the adapters";
  for (const auto& [disk, adapters] : paths) {
    bool from_keep = false, from_move = false;
    for (const auto& a : adapters) {
      from_keep = from_keep || keep.count(a) > 0;
      from_move = from_move || move.count(a) > 0;
    }
    if (!from_keep) return "disk " + disk + " has no path from keep";
    if (!from_move) return "disk " + disk + " has no path from move";
  }
  return "";
}

// Tries every assignment of every adapter (no side fixed in advance). Returns
// the smallest |keep| - |move| imbalance over all valid splits, or -1.
int BestImbalance(const Paths& paths) {
  std::vector<std::string> names;
  for (const auto& a : AllAdapters(paths)) names.push_back(a);
  int best = -1;
  for (uint64_t mask = 0; mask < (uint64_t{1} << names.size()); mask++) {
    PathSplit s;
    for (size_t i = 0; i < names.size(); i++) (mask >> i & 1 ? s.keep : s.move).push_back(names[i]);
    if (!Invalid(paths, s).empty()) continue;
    int imbalance = std::abs(static_cast<int>(s.keep.size()) - static_cast<int>(s.move.size()));
    if (best < 0 || imbalance < best) best = imbalance;
  }
  return best;
}

// Runs SplitAdapters and checks the result against the brute force: success
// exactly when a split exists, a valid and most balanced split, the first
// adapter in keep, both lists in name order.
Status CheckedSplit(const Paths& paths, PathSplit* out) {
  Status s = SplitAdapters(paths, out);
  const int best = BestImbalance(paths);
  if (!s.ok()) {
    EXPECT_EQ(best, -1) << "refused a splittable topology: " << s.ToString();
    return s;
  }
  EXPECT_NE(best, -1) << "split an unsplittable topology";
  EXPECT_EQ(Invalid(paths, *out), "");
  EXPECT_EQ(std::abs(static_cast<int>(out->keep.size()) - static_cast<int>(out->move.size())), best)
      << "not the most balanced split";
  EXPECT_FALSE(out->keep.empty());
  if (!out->keep.empty()) {
    EXPECT_EQ(out->keep[0], *AllAdapters(paths).begin());
  }
  EXPECT_TRUE(std::is_sorted(out->keep.begin(), out->keep.end()));
  EXPECT_TRUE(std::is_sorted(out->move.begin(), out->move.end()));
  return s;
}

// A Failed status whose message names `disk`.
void ExpectFailedNaming(const Status& s, const std::string& disk) {
  EXPECT_EQ(s.code(), Status::Code::kFailed) << s.ToString();
  EXPECT_NE(s.message().find("disk " + disk), std::string::npos) << s.message();
}

// Failed, naming one of the disks of `paths`.
void ExpectFailedNamingADisk(const Status& s, const Paths& paths) {
  EXPECT_EQ(s.code(), Status::Code::kFailed) << s.ToString();
  bool named = false;
  for (const auto& [disk, adapters] : paths) {
    const std::string d = "disk " + disk;
    size_t at = s.message().find(d);
    // Whole name: "disk hdisk1" must not match inside "disk hdisk10".
    while (at != std::string::npos && !named) {
      size_t end = at + d.size();
      named = end == s.message().size() || !std::isalnum(static_cast<unsigned char>(s.message()[end]));
      at = s.message().find(d, at + 1);
    }
  }
  EXPECT_TRUE(named) << "no disk named: " << s.message();
}

// ----- The article -----

TEST(PathSplitTest, ArticleTopology) {
  // lspath on aix721534A: hdisk1..3, each Enabled through vscsi0 and vscsi1.
  const Paths paths = {{"hdisk1", {"vscsi0", "vscsi1"}},
                       {"hdisk2", {"vscsi0", "vscsi1"}},
                       {"hdisk3", {"vscsi0", "vscsi1"}}};
  PathSplit split;
  Status s = CheckedSplit(paths, &split);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(split.keep, Names{"vscsi0"});
  EXPECT_EQ(split.move, Names{"vscsi1"});
}

// ----- Splittable topologies -----

TEST(PathSplitTest, FourAdaptersReachingEveryDiskSplitTwoTwo) {
  const std::set<std::string> all = {"vscsi0", "vscsi1", "vscsi2", "vscsi3"};
  const Paths paths = {{"hdisk0", all}, {"hdisk1", all}, {"hdisk2", all}, {"hdisk3", all}};
  PathSplit split;
  Status s = CheckedSplit(paths, &split);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(split.keep.size(), 2u);
  EXPECT_EQ(split.move.size(), 2u);
  EXPECT_EQ(split.keep[0], "vscsi0");
}

TEST(PathSplitTest, OddAdapterCountSplitsAsEvenlyAsPossible) {
  const std::set<std::string> all = {"fcs0", "fcs1", "fcs2", "fcs3", "fcs4"};
  const Paths paths = {{"hdisk0", all}, {"hdisk1", all}};
  PathSplit split;
  ASSERT_TRUE(CheckedSplit(paths, &split).ok());
  EXPECT_EQ(std::abs(static_cast<int>(split.keep.size()) - static_cast<int>(split.move.size())), 1);
}

TEST(PathSplitTest, GreedyChoicesFailButASplitExists) {
  // Taking each disk in turn and putting its first unplaced adapter in keep
  // and its next in move gives keep {a0,a2}, move {a1,a3}: hdiskC, on a1 and
  // a3, is then reachable from move only. Cutting the sorted adapters in
  // halves (keep {a0,a1}) strands hdiskA. The only valid split (a0 kept):
  // a1 moves (hdiskA), so a3 stays (hdiskC), so a2 moves (hdiskB).
  const Paths paths = {{"hdiskA", {"a0", "a1"}}, {"hdiskB", {"a2", "a3"}}, {"hdiskC", {"a1", "a3"}}};
  PathSplit split;
  Status s = CheckedSplit(paths, &split);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(split.keep, (Names{"a0", "a3"}));
  EXPECT_EQ(split.move, (Names{"a1", "a2"}));
}

TEST(PathSplitTest, OnlyAnUnbalancedSplitExists) {
  // Every disk runs through a0 and one other adapter: a0 alone stays.
  const Paths paths = {{"hdisk1", {"a0", "a1"}}, {"hdisk2", {"a0", "a2"}}, {"hdisk3", {"a0", "a3"}}};
  PathSplit split;
  Status s = CheckedSplit(paths, &split);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(split.keep, Names{"a0"});
  EXPECT_EQ(split.move, (Names{"a1", "a2", "a3"}));
}

TEST(PathSplitTest, TheFirstAdapterStaysEvenWhenItReachesFewDisks) {
  // fcs0 only reaches hdisk1; the balanced answer must still keep it.
  const Paths paths = {{"hdisk1", {"fcs0", "fcs1", "fcs2", "fcs3"}}, {"hdisk2", {"fcs1", "fcs2", "fcs3"}}};
  PathSplit split;
  Status s = CheckedSplit(paths, &split);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(split.keep.size(), 2u);
  EXPECT_EQ(split.keep[0], "fcs0");
}

TEST(PathSplitTest, BalancedSplitIsPreferredOverAnUnbalancedOne) {
  // The only valid splits: keep {a0} / move {a1,a2,a3} (1-3, the first one
  // the search meets) and keep {a0,a1} / move {a2,a3} (2-2); the 2-2 one must
  // win.
  const Paths paths = {{"hdisk1", {"a0", "a1", "a2"}}, {"hdisk2", {"a0", "a3"}}, {"hdisk3", {"a0", "a2"}}};
  PathSplit split;
  ASSERT_TRUE(CheckedSplit(paths, &split).ok());
  EXPECT_EQ(split.keep, (Names{"a0", "a1"}));
  EXPECT_EQ(split.move, (Names{"a2", "a3"}));
}

TEST(PathSplitTest, ExactlyMaxAdaptersIsAccepted) {
  // kMaxAdapters adapters in pairs, each pair the two paths of one disk.
  Paths paths;
  auto name = [](size_t i) { return std::string(i < 10 ? "fcs0" : "fcs") + std::to_string(i); };
  for (size_t i = 0; i + 1 < kMaxAdapters; i += 2) paths["hdisk" + std::to_string(i / 2)] = {name(i), name(i + 1)};
  ASSERT_EQ(AllAdapters(paths).size(), kMaxAdapters);
  PathSplit split;
  Status s = SplitAdapters(paths, &split);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Invalid(paths, split), "");
  EXPECT_EQ(split.keep.size(), kMaxAdapters / 2);
  EXPECT_EQ(split.keep[0], "fcs00");
}

// ----- Refusals -----

TEST(PathSplitTest, TriangleHasNoSplit) {
  // Disk A on {a0,a1}, B on {a1,a2}, C on {a0,a2}: each disk needs its two
  // adapters on opposite sides, and three adapters cannot alternate around a
  // cycle of three. Every disk has two paths, yet no split exists.
  const Paths paths = {{"hdiskA", {"a0", "a1"}}, {"hdiskB", {"a1", "a2"}}, {"hdiskC", {"a0", "a2"}}};
  ASSERT_EQ(BestImbalance(paths), -1);
  PathSplit split;
  Status s = CheckedSplit(paths, &split);
  ASSERT_FALSE(s.ok());
  ExpectFailedNamingADisk(s, paths);
}

TEST(PathSplitTest, FanoPlaneHasNoSplitDespiteThreePathsPerDisk) {
  // The seven lines of the Fano plane as disks over seven adapters: every
  // disk has three paths, every adapter serves three disks, and yet any
  // division leaves some disk entirely on one side (the Fano plane is not
  // 2-colourable).
  const int lines[7][3] = {{0, 1, 2}, {0, 3, 4}, {0, 5, 6}, {1, 3, 5}, {1, 4, 6}, {2, 3, 6}, {2, 4, 5}};
  Paths paths;
  for (int l = 0; l < 7; l++) {
    for (int a : lines[l]) paths["hdisk" + std::to_string(l)].insert("fcs" + std::to_string(a));
  }
  ASSERT_EQ(BestImbalance(paths), -1);
  PathSplit split;
  Status s = CheckedSplit(paths, &split);
  ASSERT_FALSE(s.ok());
  ExpectFailedNamingADisk(s, paths);
}

TEST(PathSplitTest, DiskWithASinglePath) {
  const Paths paths = {{"hdisk1", {"vscsi0", "vscsi1"}}, {"hdisk2", {"vscsi1"}}, {"hdisk3", {"vscsi0", "vscsi1"}}};
  PathSplit split;
  Status s = CheckedSplit(paths, &split);
  ASSERT_FALSE(s.ok());
  ExpectFailedNaming(s, "hdisk2");
}

TEST(PathSplitTest, DiskWithNoPath) {
  const Paths paths = {{"hdisk0", {"vscsi0", "vscsi1"}}, {"hdisk7", {}}};
  PathSplit split;
  Status s = SplitAdapters(paths, &split);
  ASSERT_FALSE(s.ok());
  ExpectFailedNaming(s, "hdisk7");
}

TEST(PathSplitTest, MoreThanMaxAdapters) {
  // kMaxAdapters + 1 adapters in a ring of two-path disks: the message says
  // how many adapters there are.
  const size_t n = kMaxAdapters + 1;
  Paths paths;
  for (size_t i = 0; i < n; i++) {
    paths["hdisk" + std::to_string(i)] = {"fcs" + std::to_string(i), "fcs" + std::to_string((i + 1) % n)};
  }
  ASSERT_EQ(AllAdapters(paths).size(), n);
  PathSplit split;
  Status s = SplitAdapters(paths, &split);
  EXPECT_EQ(s.code(), Status::Code::kFailed) << s.ToString();
  EXPECT_NE(s.message().find(std::to_string(n)), std::string::npos) << s.message();
}

TEST(PathSplitTest, MoreThanMaxAdaptersEvenWhenTriviallySplittable) {
  // Every disk reachable through every one of kMaxAdapters + 1 adapters.
  std::set<std::string> all;
  for (size_t i = 0; i <= kMaxAdapters; i++) all.insert("fcs" + std::to_string(i));
  const Paths paths = {{"hdisk0", all}};
  PathSplit split;
  Status s = SplitAdapters(paths, &split);
  EXPECT_EQ(s.code(), Status::Code::kFailed) << s.ToString();
}

TEST(PathSplitTest, EmptyInput) {
  PathSplit split;
  Status s = SplitAdapters({}, &split);
  EXPECT_EQ(s.code(), Status::Code::kFailed) << s.ToString();
  EXPECT_FALSE(s.message().empty());
}

// ----- Determinism -----

TEST(PathSplitTest, SameInputSameOutput) {
  const std::set<std::string> all = {"vscsi0", "vscsi1", "vscsi2", "vscsi3", "vscsi4", "vscsi5"};
  const Paths paths = {{"hdisk0", all}, {"hdisk1", {"vscsi1", "vscsi4"}}, {"hdisk2", {"vscsi2", "vscsi5", "vscsi0"}}};
  PathSplit a, b;
  ASSERT_TRUE(CheckedSplit(paths, &a).ok());
  ASSERT_TRUE(SplitAdapters(paths, &b).ok());
  EXPECT_EQ(a.keep, b.keep);
  EXPECT_EQ(a.move, b.move);
  EXPECT_EQ(a.keep[0], "vscsi0");
}

TEST(PathSplitTest, FirstAdapterInNameOrderIsKept) {
  // Whatever the disks, the adapter that sorts first stays with the original.
  const Paths paths = {{"hdisk1", {"vscsi3", "fcs1"}}, {"hdisk2", {"vscsi2", "fcs0"}}, {"hdisk3", {"fcs0", "fcs1"}}};
  PathSplit split;
  ASSERT_TRUE(CheckedSplit(paths, &split).ok());
  EXPECT_EQ(split.keep[0], "fcs0");
  EXPECT_EQ(std::count(split.move.begin(), split.move.end(), "fcs0"), 0);
}

TEST(PathSplitTest, OutputIsReplacedNotAppended) {
  const Paths paths = {{"hdisk1", {"vscsi0", "vscsi1"}}};
  PathSplit split;
  split.keep = {"stale0", "stale1"};
  split.move = {"stale2"};
  ASSERT_TRUE(SplitAdapters(paths, &split).ok());
  EXPECT_EQ(split.keep, Names{"vscsi0"});
  EXPECT_EQ(split.move, Names{"vscsi1"});
}

// ----- Against the brute force, on random topologies -----

TEST(PathSplitTest, RandomTopologiesAgreeWithBruteForce) {
  std::mt19937 rng(20150813);
  int splittable = 0, unsplittable = 0;
  for (int round = 0; round < 2000; round++) {
    const int adapters = 2 + static_cast<int>(rng() % 7);  // 2..8
    const int disks = 1 + static_cast<int>(rng() % 6);     // 1..6
    Paths paths;
    for (int d = 0; d < disks; d++) {
      std::set<std::string> set;
      // At least two distinct paths per disk, sometimes more.
      while (set.size() < 2 || rng() % 3 == 0) set.insert("ad" + std::to_string(rng() % adapters));
      paths["hdisk" + std::to_string(d)] = set;
    }
    SCOPED_TRACE("round " + std::to_string(round));
    PathSplit split;
    Status s = CheckedSplit(paths, &split);
    if (s.ok()) {
      splittable++;
    } else {
      unsplittable++;
      ExpectFailedNamingADisk(s, paths);
    }
  }
  // The generator exercises both outcomes.
  EXPECT_GT(splittable, 100);
  EXPECT_GT(unsplittable, 100);
}

}  // namespace
}  // namespace lvu::actions
