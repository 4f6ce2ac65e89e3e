// replay::Verify: the storage checks and the fold's rules together, each
// problem naming its event's key; FoldProblems alone.
#include "replay/verify.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "journal/keys.h"
#include "tests/replay/event_builder.h"

namespace lvu::replay {
namespace {

using journal::Outcome;
using journal::Problem;
using testkit::EventBuilder;

const char kOp[] = "01JD5Z8K3M4N5P6Q7R8S9T0V1W";

std::string Text(const std::vector<Problem>& ps) {
  std::string s;
  for (const Problem& p : ps) s += p.ToString() + "\n";
  return s;
}

bool Has(const std::vector<Problem>& ps, uint64_t seq, const std::string& what) {
  return std::any_of(ps.begin(), ps.end(), [&](const Problem& p) {
    return p.key == journal::KeyName(kOp, seq) && p.what.find(what) != std::string::npos;
  });
}

TEST(FoldProblemsTest, EachRuleBrokenIsReportedWithItsKey) {
  EventBuilder b(kOp);
  b.Started().Forward(0, 2);
  b.Done(5);                        // seq 5: done without intent
  b.Compensated(1);                 // seq 6: compensated record for a done step outside a rollback
  b.Finished(Outcome::kCompleted);  // seq 7
  b.Intent(2);                      // seq 8: after opFinished
  std::vector<Problem> ps = FoldProblems(b.events());
  EXPECT_TRUE(Has(ps, 5, "stepDone: done of step lpar.rename_original without an intent in flight")) << Text(ps);
  EXPECT_TRUE(Has(ps, 6, "compensated record for step hmc.reserve in state done")) << Text(ps);
  EXPECT_TRUE(Has(ps, 8, "stepIntent: event after opFinished")) << Text(ps);
  EXPECT_EQ(ps.size(), 3u) << Text(ps);
}

TEST(FoldProblemsTest, GapsAreLeftToTheStorageCheck) {
  EventBuilder b(kOp);
  b.Started().Forward(0, 3);
  std::vector<journal::Event> v = b.events();
  v.erase(v.begin() + 3);  // seq 3: step 1's intent
  std::vector<Problem> ps = FoldProblems(v);
  ASSERT_EQ(ps.size(), 1u) << Text(ps);  // only the consequence: a done without intent
  EXPECT_TRUE(Has(ps, 4, "without an intent")) << Text(ps);
}

TEST(VerifyReportTest, StorageAndFoldProblemsTogetherAndCounts) {
  EventBuilder b(kOp);
  b.Started().Forward(0, 2).Done(7);  // seq 5: done without intent
  b.Intent(2).Done(2).Done(9);        // seq 6, 7, 8: seq 6 damaged below; seq 8 another done without intent
  b.Finished(Outcome::kCompleted);
  journal::OpRecords r = journal::RecordsOf(b.events());
  r.events[6].value = "garbage!";
  VerifyReport rep = Verify({r});
  EXPECT_EQ(rep.operations, 1u);
  EXPECT_EQ(rep.records, b.events().size());
  EXPECT_FALSE(rep.ok());
  EXPECT_TRUE(Has(rep.problems, 5, "done of step path.split without an intent")) << Text(rep.problems);
  EXPECT_TRUE(Has(rep.problems, 6, "does not decode")) << Text(rep.problems);
  // Past the damage the fold is not run: seq 7 (a consequence) and 8 are not reported.
  EXPECT_EQ(rep.problems.size(), 2u) << Text(rep.problems);
  ASSERT_EQ(rep.notes.size(), 1u);
  EXPECT_EQ(rep.notes[0], journal::KeyName(kOp, 6) + " onwards: the fold's rules were not checked past the first damaged record");
}

TEST(VerifyReportTest, NoFoldWhenOpStartedIsLost) {
  EventBuilder b(kOp);
  b.Started().Forward(0, 3).Finished(Outcome::kCompleted);
  journal::OpRecords r = journal::RecordsOf(b.events());
  r.events.erase(r.events.begin());
  VerifyReport rep = Verify({r});
  ASSERT_EQ(rep.problems.size(), 1u) << Text(rep.problems);
  EXPECT_TRUE(Has(rep.problems, 0, "missing")) << Text(rep.problems);
}

TEST(VerifyReportTest, ActivePointerCheckedOnlyWhenAsked) {
  EventBuilder b(kOp);
  b.Started().Forward(0, 1);  // unfinished
  journal::OpRecords r = journal::RecordsOf(b.events());
  EXPECT_TRUE(Verify({r}).ok());
  EXPECT_TRUE(Verify({r}, true, kOp).ok());
  VerifyReport rep = Verify({r}, true, "");
  ASSERT_EQ(rep.problems.size(), 1u);
  EXPECT_EQ(rep.problems[0].key, std::string("ops/") + kOp);
}

TEST(VerifyReportTest, IntactOperationIsOk) {
  EventBuilder b(kOp);
  b.Started().ThroughPonr().Forward(testkit::kPonrStep + 1, testkit::kPlanSize).Finished(Outcome::kCompleted);
  VerifyReport rep = Verify({journal::RecordsOf(b.events())}, true, "");
  EXPECT_TRUE(rep.ok()) << Text(rep.problems);
}

}  // namespace
}  // namespace lvu::replay
