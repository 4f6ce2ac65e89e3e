#include <gtest/gtest.h>

#include "journal/event.h"

namespace lvu::journal {
namespace {

TEST(EventNamesTest, KindNamesRoundTrip) {
  const std::pair<EventKind, const char*> kinds[] = {
      {EventKind::kOpStarted, "opStarted"},
      {EventKind::kCheckResult, "checkResult"},
      {EventKind::kEstimate, "estimate"},
      {EventKind::kStepIntent, "stepIntent"},
      {EventKind::kStepDone, "stepDone"},
      {EventKind::kStepFailed, "stepFailed"},
      {EventKind::kPointOfNoReturn, "pointOfNoReturn"},
      {EventKind::kRollbackStarted, "rollbackStarted"},
      {EventKind::kCompensated, "compensated"},
      {EventKind::kOpFinished, "opFinished"},
  };
  for (const auto& [kind, name] : kinds) {
    EXPECT_STREQ(KindName(kind), name);
    EventKind parsed = EventKind::kOpFinished;
    if (kind == EventKind::kOpFinished) parsed = EventKind::kOpStarted;
    ASSERT_TRUE(ParseKindName(name, &parsed)) << name;
    EXPECT_EQ(parsed, kind) << name;
  }
}

TEST(EventNamesTest, ParseRejectsUnknownNames) {
  EventKind k = EventKind::kEstimate;
  EXPECT_FALSE(ParseKindName("", &k));
  EXPECT_FALSE(ParseKindName("stepintent", &k));  // names are case sensitive
  EXPECT_FALSE(ParseKindName("step_intent", &k));
  EXPECT_FALSE(ParseKindName("opStarted ", &k));
  EXPECT_EQ(k, EventKind::kEstimate);  // untouched on failure
}

TEST(EventNamesTest, OutcomeDirectionCheckNames) {
  EXPECT_STREQ(OutcomeName(Outcome::kCompleted), "completed");
  EXPECT_STREQ(OutcomeName(Outcome::kRolledBack), "rolled_back");
  EXPECT_STREQ(OutcomeName(Outcome::kFailedValidation), "failed_validation");
  EXPECT_STREQ(OutcomeName(Outcome::kReverted), "reverted");
  EXPECT_STREQ(DirectionName(Direction::kForward), "forward");
  EXPECT_STREQ(DirectionName(Direction::kCompensate), "compensate");
  EXPECT_STREQ(CheckOutcomeName(CheckOutcome::kPassed), "PASSED");
  EXPECT_STREQ(CheckOutcomeName(CheckOutcome::kFailed), "FAILED");
  EXPECT_STREQ(CheckOutcomeName(CheckOutcome::kInfo), "INFO");
}

}  // namespace
}  // namespace lvu::journal
