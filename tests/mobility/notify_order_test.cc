// The order of a phase's scripts, the fold of their journal records, and the
// two script events through the journal codec (binary and JSON).
#include <gtest/gtest.h>

#include "actions/apps/notify_scripts.h"
#include "actions/apps/script_ledger.h"
#include "journal/event_codec.h"

namespace lvu::actions {
namespace {

ScriptRegistration R(const std::string& label, const std::string& side, const std::string& phase, int priority) {
  return {label, "/bin/true", side, phase, priority, 120, false};
}

std::vector<std::string> Labels(const std::vector<ScriptRegistration>& v) {
  std::vector<std::string> out;
  for (const auto& r : v) out.push_back(r.label);
  return out;
}

TEST(NotifyOrderTest, OriginalOneToTenSurrogateTenToOneErrorReversed) {
  std::vector<ScriptRegistration> all = {
      R("o7", "orig", "LVUP_PRE_KERNEL", 7), R("s2", "surr", "LVUP_PRE_KERNEL", 2),
      R("o1", "orig", "LVUP_PRE_KERNEL", 1), R("s9", "surr", "LVUP_PRE_KERNEL", 9),
      R("o7b", "orig", "LVUP_PRE_KERNEL", 7), R("c1", "orig", "LVUP_CHECK", 1),
      R("e3", "orig", "LVUP_ERROR", 3), R("e8", "orig", "LVUP_ERROR", 8),
      R("es2", "surr", "LVUP_ERROR", 2), R("es6", "surr", "LVUP_ERROR", 6),
  };
  // Same priority: registration order.
  EXPECT_EQ(Labels(PhaseOrder(all, kPreKernel)), (std::vector<std::string>{"o1", "o7", "o7b", "s9", "s2"}));
  EXPECT_EQ(Labels(PhaseOrder(all, kCheck)), std::vector<std::string>{"c1"});
  EXPECT_TRUE(PhaseOrder(all, kPost).empty());
  // LVUP_ERROR: the whole order reversed: surrogate 1..10, then original 10..1.
  EXPECT_EQ(Labels(PhaseOrder(all, kError)), (std::vector<std::string>{"es2", "es6", "e8", "e3"}));
}

journal::Event Intent(const std::string& label, uint32_t attempt) {
  journal::Event e;
  e.kind = journal::EventKind::kScriptIntent;
  e.script_intent = {2, "LVUP_CHECK", "orig", label, "/opt/app/check.sh -q", 5, attempt, 30};
  return e;
}

journal::Event Done(const std::string& label, int exit_code, bool timed_out = false) {
  journal::Event e;
  e.kind = journal::EventKind::kScriptDone;
  e.script_done.step = 2;
  e.script_done.phase = "LVUP_CHECK";
  e.script_done.side = "orig";
  e.script_done.label = label;
  e.script_done.exit_code = exit_code;
  e.script_done.timed_out = timed_out;
  e.script_done.output = "checked\n";
  e.script_done.elapsed_ms = 1234;
  return e;
}

TEST(ScriptRecordsTest, FoldsIntentsAndResults) {
  ScriptRecords r;
  ScriptKey a{"LVUP_CHECK", "orig", "a"}, b{"LVUP_CHECK", "orig", "b"}, c{"LVUP_CHECK", "orig", "c"};
  r.Apply(Intent("a", 1));
  r.Apply(Done("a", 0));
  r.Apply(Intent("b", 1));  // interrupted: no result
  r.Apply(Intent("c", 1));
  r.Apply(Done("c", -1, /*timed_out=*/true));
  ASSERT_NE(r.Find(a), nullptr);
  EXPECT_TRUE(r.Find(a)->ended && r.Find(a)->ok);
  EXPECT_EQ(r.Find(a)->result, "exit 0");
  EXPECT_FALSE(r.Find(b)->ended);
  EXPECT_FALSE(r.Find(b)->ok);
  EXPECT_EQ(r.Find(b)->attempts, 1u);
  EXPECT_EQ(r.Find(c)->result, "timed out after 30 s");
  EXPECT_EQ(r.Find({"LVUP_PRE", "orig", "a"}), nullptr);
  r.Apply(Intent("b", 2));
  r.Apply(Done("b", 0));
  EXPECT_EQ(r.Find(b)->attempts, 2u);
  EXPECT_TRUE(r.Find(b)->ok);
}

TEST(ScriptEventsTest, RoundTripThroughTheCodecAndJson) {
  for (const journal::Event& in : {Intent("app", 2), Done("app", 3)}) {
    journal::Event e = in;
    e.op_id = "01JD0000000000000000000000";
    e.seq = 7;
    e.time_us = 1700000000000000;
    journal::Event out;
    ASSERT_TRUE(journal::Decode(journal::Encode(e), &out).ok());
    EXPECT_EQ(out.kind, e.kind);
    EXPECT_EQ(journal::ToJson(out), journal::ToJson(e));
    journal::Event back;
    ASSERT_TRUE(journal::FromJson(journal::ToJson(e), &back).ok()) << journal::ToJson(e);
    EXPECT_EQ(journal::Encode(back), journal::Encode(e));
  }
  EXPECT_STREQ(journal::KindName(journal::EventKind::kScriptIntent), "scriptIntent");
  EXPECT_STREQ(journal::KindName(journal::EventKind::kScriptDone), "scriptDone");
  journal::EventKind k;
  ASSERT_TRUE(journal::ParseKindName("scriptDone", &k));
  EXPECT_EQ(k, journal::EventKind::kScriptDone);
}

}  // namespace
}  // namespace lvu::actions
