// The preview of the seed article's lab: every line PASSED, in the article's
// order and wording, its device sizes (7216 MB of rootvg on 51200 MB disks,
// 512 MB paging, 100 MB dump), and the JSON form.
#include <gtest/gtest.h>

#include <set>

#include "tests/actions/lab_fixture.h"

namespace lvu::actions::testing {
namespace {

using journal::CheckOutcome;

// The article's "Checking other requirements" lines, in its order.
const std::vector<std::string>& ArticleOtherLines() {
  static const std::vector<std::string> v = {
      "sufficient space available in /var.",
      "sufficient space available in /.",
      "no existing altinst_rootvg.",
      "rootvg is not part of a snapshot.",
      "pkcs11 is not installed.",
      "rootvg is not part of a snapshot.",
      "The trustchk Trusted Execution Policy is not on.",
      "The trustchk Trusted Library Policy is not on.",
      "The trustchk TSD_FILES_LOCK policy is not on.",
      "the boot disk is set to the current rootvg.",
      "the mirrorvg name is available.",
      "the rootvg is uniformly mirrored.",
      "the rootvg does not have the maximum number of mirror copies.",
      "the rootvg does not have stale logical volumes.",
      "all of the mounted file systems are of a supported type.",
      "this AIX instance is not diskless.",
      "no Kerberos configured for NFS mounts.",
      "multibos environment not present.",
      "Trusted Computing Base not defined.",
      "no local tape devices found.",
      "live update not executed from console.",
      "the execution environment is valid.",
      "enough available space for /var to dump Component Trace buffers.",
      "enough available space for /var to dump Light weight memory Trace buffers.",
      "all devices are virtual devices.",
      "No active workload partition found.",
      "nfs configuration supported.",
      "HMC token is present.",
      "HMC token is valid.",
      "HMC requests successful.",
      "Provided LPAR ID is available.",
      "A virtual slot is available.",
      "RSCT daemons are active.",
      "no Kerberos configuration.",
      "lpar is not remote restart capable.",
      "no virtual log device configured.",
      "lpar is not using shared memory or ams resources are available.",
      "the disk configuration is supported.",
      "no Generic Routing Encapsulation (GRE) tunnel configured.",
      "Firmware level is supported.",
      "vNIC resources available.",
  };
  return v;
}

class ValidationTest : public ::testing::Test {
 protected:
  void SetUp() override { lab_.Authenticate(); }
  Lab lab_;
};

TEST_F(ValidationTest, TheArticlesLabPassesEveryCheck) {
  PreviewResult p = lab_.Preview();
  EXPECT_TRUE(p.passed);
  for (const auto& l : p.report.lines) {
    EXPECT_NE(l.result, CheckOutcome::kFailed) << l.name << ": " << l.message;
  }
}

TEST_F(ValidationTest, OtherRequirementsAreTheArticlesLinesInItsOrderThenTheLimitations) {
  PreviewResult p = lab_.Preview();
  std::vector<std::string> other;
  for (const auto& l : p.report.lines)
    if (l.section == Section::kOther) other.push_back(l.message);
  ASSERT_GT(other.size(), ArticleOtherLines().size());
  for (size_t i = 0; i < ArticleOtherLines().size(); i++) EXPECT_EQ(other[i], ArticleOtherLines()[i]) << i;
  // The limitations the article lists without a preview line come after its lines.
  EXPECT_EQ(other[ArticleOtherLines().size()], "no optical devices found.");
}

TEST_F(ValidationTest, SectionsComeInTheArticlesOrder) {
  PreviewResult p = lab_.Preview();
  std::vector<Section> order;
  for (const auto& l : p.report.lines)
    if (order.empty() || order.back() != l.section) order.push_back(l.section);
  // No paging or dump line: lvupdate.data names no tohdisk or tshdisk.
  EXPECT_EQ(order, (std::vector<Section>{Section::kInput, Section::kMirrorVg, Section::kNewRootvg,
                                         Section::kAdapters, Section::kOther, Section::kInfo}));
  EXPECT_EQ(p.report.lines.front().message, "ifix dummy (dummy.150813.epkg.Z) is LU CAPABLE.");
  EXPECT_EQ(LineOf(p.report, "adapters.two_sets")->message,
            "adapters can be divided into two sets so that each has paths to all disks.");
}

TEST_F(ValidationTest, DeviceSizesAreTheArticles) {
  PreviewResult p = lab_.Preview();
  EXPECT_EQ(p.report.mirror_vg.required_mb, 7216);
  EXPECT_EQ(p.report.mirror_vg.given_mb, 51200);
  EXPECT_EQ(p.report.new_rootvg.required_mb, 7216);
  EXPECT_EQ(p.report.new_rootvg.given_mb, 51200);
  EXPECT_EQ(p.report.paging.required_mb, 512);
  EXPECT_EQ(p.report.paging.given_mb, -1);
  EXPECT_EQ(p.report.dump.required_mb, 100);
  EXPECT_EQ(p.report.dump.given_mb, -1);
  EXPECT_EQ(LineOf(p.report, "disk.mirror_vg")->message, "device size is sufficient.");
  EXPECT_EQ(LineOf(p.report, "disk.new_rootvg")->message, "device size is sufficient.");
}

TEST_F(ValidationTest, EstimateAndPlan) {
  PreviewResult p = lab_.Preview();
  EXPECT_EQ(p.report.lpar, "aix721534A");
  EXPECT_EQ(p.report.mode, "F");
  EXPECT_EQ(p.report.estimate.blackout_s, 27);
  EXPECT_EQ(p.report.estimate.global_s, 680);
  EXPECT_EQ(p.params.orig_id, 99);
  EXPECT_EQ(p.params.new_id, 98);
  EXPECT_EQ(p.params.nhdisk, "hdisk2");
  EXPECT_EQ(p.params.mhdisk, "hdisk3");
  ASSERT_EQ(p.params.keep.size(), 1u);
  ASSERT_EQ(p.params.move.size(), 1u);
  EXPECT_EQ(p.params.keep[0].adapter, "vscsi0");
  EXPECT_EQ(p.params.move[0].vhost, "vhost5");
  ASSERT_EQ(p.params.fixes.size(), 1u);
  EXPECT_EQ(p.params.fixes[0].label, "dummy");
}

TEST_F(ValidationTest, JsonGivesEveryCheckTheEstimateAndTheSizes) {
  PreviewResult p = lab_.Preview();
  nlohmann::json j = p.report.ToJson();
  EXPECT_EQ(j["passed"], true);
  EXPECT_EQ(j["lpar"], "aix721534A");
  EXPECT_EQ(j["estimate"]["blackout_s"], 27);
  EXPECT_EQ(j["estimate"]["global_s"], 680);
  EXPECT_EQ(j["sizes"]["mirror_vg"]["required_mb"], 7216);
  EXPECT_EQ(j["sizes"]["new_rootvg"]["given_mb"], 51200);
  EXPECT_TRUE(j["sizes"]["paging"]["given_mb"].is_null());
  EXPECT_EQ(j["checks"].size(), p.report.lines.size());
  for (const auto& c : j["checks"]) {
    for (const char* k : {"name", "section", "result", "message", "code"}) EXPECT_TRUE(c.contains(k)) << c.dump();
  }
  EXPECT_EQ(j["checks"][0]["section"], "input");
  EXPECT_EQ(j["checks"].back()["result"], "INFO");
}

TEST_F(ValidationTest, PreviewChangesNothingButTheClock) {
  const std::string before = lab_.Timeless();
  const int64_t clock = lab_.sim().ClockSeconds();
  lab_.Preview();
  EXPECT_TRUE(lab_.Timeless() == before);
  EXPECT_EQ(lab_.sim().ClockSeconds(), clock + 30);  // validation takes 30 simulated seconds
}

TEST(CheckRegistry, NamesAreUniqueAndEveryCheckHasItsTexts) {
  std::set<std::string> names;
  for (const auto& d : AllChecks()) {
    EXPECT_TRUE(names.insert(d.name).second) << d.name;
    if (d.section != Section::kInfo) {
      EXPECT_NE(std::string(d.passed), "") << d.name;
    }
    EXPECT_NE(std::string(SectionName(d.section)), "?");
  }
  EXPECT_GE(AllChecks().size(), 60u);
}

}  // namespace
}  // namespace lvu::actions::testing
