// Operator overrides through the real binary: a step whose retries run out
// stops the operation (gaveUp, errlog entry, the exact next commands); plain
// resume waits; resume --retry-step and resume --skip STEP --reason TEXT go on,
// journaled with who and why; a refused override writes nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

class OverridesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(InitLab(home()).exit_code, 0);
    before_ = World(home());
  }
  const std::string& home() const { return home_.path(); }
  ProcResult Run() { return Lvupdate(home(), {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}); }
  void Fault(const std::vector<std::string>& args) {
    std::vector<std::string> a = {"sim", "fault", "add"};
    a.insert(a.end(), args.begin(), args.end());
    ProcResult r = Lvupdate(home(), a);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  nlohmann::json StepOf(const std::string& name) {
    nlohmann::json status = StatusJson(home());
    for (const auto& s : status["steps"]) {
      if (s["name"] == name) return s;
    }
    return nullptr;
  }
  std::string Events() { return Lvupdate(home(), {"journal", "events"}).out; }
  nlohmann::json EventsOfKind(const std::string& kind) {
    ProcResult r = Lvupdate(home(), {"journal", "events", "--kind", kind, "--json"});
    nlohmann::json out = nlohmann::json::array();
    size_t at = 0;
    while (at < r.out.size()) {
      size_t nl = r.out.find('\n', at);
      std::string line = r.out.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      if (!line.empty()) out.push_back(nlohmann::json::parse(line));
      if (nl == std::string::npos) break;
      at = nl + 1;
    }
    return out;
  }
  // path.restore (after the point of no return) fails until its retries run out.
  void StopAtPathRestore() {
    Fault({"path.restore", "--kind", "transient", "--times", "3"});
    ProcResult r = Run();
    ASSERT_EQ(r.exit_code, 5) << r.out;
    run_out_ = r.out;
  }
  // The journal verifies, and its story re-run on a fresh lab (the recorded
  // faults, the operator's commands) gives the same events.
  void ExpectVerifies() {
    ProcResult v = Lvupdate(home(), {"journal", "verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out;
    ProcResult r = Lvupdate(home(), {"replay", "--against-sim"});
    EXPECT_EQ(r.exit_code, 0) << r.out;
  }

  TempHome home_;
  nlohmann::json before_;
  std::string run_out_;
};

TEST_F(OverridesTest, RetriesRunOutStopWithTheNextCommandsAndAnErrlogEntry) {
  StopAtPathRestore();
  EXPECT_NE(run_out_.find("Step path.restore failed 3 time(s)"), std::string::npos) << run_out_;
  EXPECT_NE(run_out_.find("injected transient failure at path.restore"), std::string::npos) << run_out_;
  EXPECT_NE(run_out_.find("lvupdate resume --retry-step"), std::string::npos) << run_out_;
  EXPECT_NE(run_out_.find("lvupdate resume --skip path.restore --reason TEXT"), std::string::npos) << run_out_;
  // Past the point of no return a rollback is no way out: not offered.
  EXPECT_EQ(run_out_.find("lvupdate rollback "), std::string::npos) << run_out_;
  nlohmann::json st = StatusJson(home());
  EXPECT_EQ(st["waiting_for_operator"], true);
  EXPECT_EQ(st["gave_up"]["step"], "path.restore");
  EXPECT_EQ(st["gave_up"]["attempts"], 3);
  std::string text = Lvupdate(home(), {"status"}).out;
  EXPECT_NE(text.find("Step path.restore failed 3 time(s)"), std::string::npos) << text;
  EXPECT_NE(text.find("lvupdate resume --retry-step"), std::string::npos) << text;
  nlohmann::json gave = EventsOfKind("gaveUp");
  ASSERT_EQ(gave.size(), 1u);
  EXPECT_EQ(gave[0]["gaveUp"]["attempts"], 3);
  EXPECT_EQ(gave[0]["gaveUp"]["direction"], "forward");
  bool logged = false;
  nlohmann::json world = World(home());
  for (const auto& e : world["errlog"]) {
    std::string text = e["text"];
    logged = logged || (e["label"] == "LVUPDATE" && text.find("stopped") != std::string::npos &&
                        text.find("path.restore") != std::string::npos);
  }
  EXPECT_TRUE(logged) << world["errlog"].dump();
  std::string show = Lvupdate(home(), {"sim", "show"}).out;
  EXPECT_NE(show.find("Live AIX update stopped"), std::string::npos) << show;
  ExpectVerifies();
}

TEST_F(OverridesTest, PlainResumeWaitsAndChangesNothing) {
  StopAtPathRestore();
  std::string events = Events();
  nlohmann::json world = World(home());
  ProcResult r = Lvupdate(home(), {"resume"});
  EXPECT_EQ(r.exit_code, 5) << r.out;
  EXPECT_NE(r.out.find("an operator must decide"), std::string::npos) << r.out;
  EXPECT_EQ(Events(), events);
  EXPECT_EQ(World(home()).dump(), world.dump());
}

TEST_F(OverridesTest, RetryStepFinishesAndIsJournaledWithWhoAndWhy) {
  StopAtPathRestore();
  ProcResult r = Lvupdate(home(), {"resume", "--retry-step", "--reason", "vhost mapping fixed on vios1"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotUpdated(World(home())), "");
  EXPECT_EQ(StepOf("path.restore")["attempts"], 4);
  nlohmann::json sessions = EventsOfKind("session");
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0]["session"]["command"], "resume");
  EXPECT_FALSE(sessions[0]["session"]["user"].get<std::string>().empty());
  nlohmann::json actions = EventsOfKind("operatorAction");
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0]["operatorAction"]["action"], "retry_step");
  EXPECT_EQ(actions[0]["operatorAction"]["step"], 16);
  EXPECT_EQ(actions[0]["operatorAction"]["reason"], "vhost mapping fixed on vios1");
  std::string show = Lvupdate(home(), {"journal", "show"}).out;
  EXPECT_NE(show.find("retry step 17 path.restore, by "), std::string::npos) << show;
  EXPECT_NE(show.find("vhost mapping fixed on vios1"), std::string::npos) << show;
  EXPECT_NE(show.find("gave up after 3 attempt(s)"), std::string::npos) << show;
  ExpectVerifies();
}

TEST_F(OverridesTest, SkipMarksTheStepDoneWithoutRunningIt) {
  Fault({"path.restore", "--kind", "fail", "--times", "10"});
  ASSERT_EQ(Run().exit_code, 5);
  ProcResult r = Lvupdate(home(), {"resume", "--skip", "path.restore", "--reason", "paths restored by hand, ticket 42"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Step path.restore skipped by "), std::string::npos) << r.out;
  nlohmann::json st = StatusJson(home());
  EXPECT_EQ(st["status"], "completed");
  EXPECT_EQ(StepOf("path.restore")["state"], "done");
  EXPECT_EQ(StepOf("path.restore")["attempts"], 1);  // a permanent failure: not retried, and not run again
  // The world shows it: the update is in place but every disk keeps one path.
  std::string why = NotUpdated(World(home()));
  EXPECT_NE(why.find("path"), std::string::npos) << why;
  std::string show = Lvupdate(home(), {"journal", "show"}).out;
  EXPECT_NE(show.find("SKIPPED by "), std::string::npos) << show;
  EXPECT_NE(show.find("paths restored by hand, ticket 42"), std::string::npos) << show;
  nlohmann::json j = nlohmann::json::parse(Lvupdate(home(), {"journal", "show", "--json"}).out);
  EXPECT_EQ(j["steps"][16]["skipped"]["reason"], "paths restored by hand, ticket 42");
  ExpectVerifies();
}

TEST_F(OverridesTest, RefusedOverridesExitTwoAndWriteNothing) {
  StopAtPathRestore();
  std::string events = Events();
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  std::vector<Case> cases = {
      {{"resume", "--skip", "path.restore"}, "needs --reason"},
      {{"resume", "--skip", "lpar.delete_original", "--reason", "x"}, "cannot be skipped"},
      {{"resume", "--skip", "bootlist.set", "--reason", "x"}, "only the next step of the plan (path.restore)"},
      {{"resume", "--skip", "no.such.step", "--reason", "x"}, "no such step"},
      {{"resume", "--reason", "x"}, "--reason goes with --retry-step or --skip"},
      {{"resume", "--retry-step", "--skip", "path.restore"}, "excludes"},
  };
  for (const Case& c : cases) {
    ProcResult r = Lvupdate(home(), c.args);
    EXPECT_EQ(r.exit_code, 2) << ::testing::PrintToString(c.args) << r.out;
    EXPECT_NE(r.out.find(c.says), std::string::npos) << ::testing::PrintToString(c.args) << r.out;
  }
  EXPECT_EQ(Events(), events);
  // By number: step 17 is path.restore.
  ProcResult r = Lvupdate(home(), {"resume", "--skip", "17", "--reason", "by hand"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(OverridesTest, RetryWithNothingFailedIsRefused) {
  Fault({"disk.assign", "--kind", "crash-after"});
  ASSERT_EQ(Run().exit_code, 86);
  ProcResult r = Lvupdate(home(), {"resume", "--retry-step"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("no failed step to retry"), std::string::npos) << r.out;
  EXPECT_EQ(Lvupdate(home(), {"resume"}).exit_code, 0);
  EXPECT_EQ(NotUpdated(World(home())), "");
}

TEST_F(OverridesTest, CompensationThatGivesUpIsRetriedByRollback) {
  Fault({"lpar.boot_surrogate", "--kind", "fail"});
  Fault({"disk.assign", "--kind", "transient", "--times", "4", "--phase", "compensate"});
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 5) << r.out;
  EXPECT_NE(r.out.find("The compensation of disk.assign failed 3 time(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("retry the rollback"), std::string::npos) << r.out;
  EXPECT_EQ(Lvupdate(home(), {"resume"}).exit_code, 5);  // waits
  r = Lvupdate(home(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(StatusJson(home())["status"], "rolled_back");
  EXPECT_EQ(WithoutClockAndErrlog(World(home())).dump(2), WithoutClockAndErrlog(before_).dump(2));
  nlohmann::json actions = EventsOfKind("operatorAction");
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0]["operatorAction"]["direction"], "compensate");
  EXPECT_EQ(actions[0]["operatorAction"]["reason"], "lvupdate rollback");
  ExpectVerifies();
}

TEST_F(OverridesTest, NoAutoRollbackGaveUpThenRollbackUndoes) {
  Fault({"disk.assign", "--kind", "fail"});
  ProcResult r = Lvupdate(home(), {"run", "--no-auto-rollback", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  ASSERT_EQ(r.exit_code, 5) << r.out;
  EXPECT_NE(r.out.find("undo the update"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("--skip disk.assign"), std::string::npos) << r.out;  // not skippable
  r = Lvupdate(home(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(WithoutClockAndErrlog(World(home())).dump(2), WithoutClockAndErrlog(before_).dump(2));
  ExpectVerifies();
}

// The JSON object --json prints last on stdout (progress goes to stderr,
// merged here before it).
nlohmann::json LastJson(const std::string& out) {
  for (size_t at = out.rfind('{'); at != std::string::npos; at = at == 0 ? std::string::npos : out.rfind('{', at - 1)) {
    if (at != 0 && out[at - 1] != '\n') continue;
    nlohmann::json j = nlohmann::json::parse(out.substr(at), nullptr, false);
    if (!j.is_discarded()) return j;
  }
  return nullptr;
}

TEST_F(OverridesTest, JsonReportsForScripts) {
  Fault({"path.restore", "--kind", "transient", "--times", "3"});
  ProcResult r = Lvupdate(home(), {"run", "--json", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  ASSERT_EQ(r.exit_code, 5) << r.out;
  nlohmann::json j = LastJson(r.out);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(j["outcome"], "interrupted");
  EXPECT_EQ(j["exit_code"], 5);
  EXPECT_EQ(j["waiting_for_operator"], true);
  EXPECT_EQ(j["gave_up"]["step"], "path.restore");
  EXPECT_EQ(j["gave_up"]["attempts"], 3);
  EXPECT_EQ(j["gave_up"]["skippable"], true);
  ASSERT_EQ(j["next"].size(), 2u);  // retry, skip; past the point of no return: no rollback
  EXPECT_EQ(j["next"][0]["command"], "lvupdate resume --retry-step [--reason TEXT]");
  EXPECT_EQ(j["next"][1]["command"], "lvupdate resume --skip path.restore --reason TEXT");
  EXPECT_EQ(j["blackout_s"], 27);
  r = Lvupdate(home(), {"resume", "--retry-step", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  j = LastJson(r.out);
  EXPECT_EQ(j["outcome"], "completed");
  EXPECT_EQ(j["id"], StatusJson(home())["id"]);
  EXPECT_TRUE(j["next"].empty());
  r = Lvupdate(home(), {"rollback", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(LastJson(r.out)["outcome"], "reverted");
}

// An operation imported from another system is never rolled back here.
TEST_F(OverridesTest, RollbackNeverActsOnAnImportedOperation) {
  TempHome other;
  ASSERT_EQ(InitLab(other.path()).exit_code, 0);
  ASSERT_EQ(Lvupdate(other.path(), {"run", "-d", other.path() + "/fixes", "dummy.150813.epkg.Z"}).exit_code, 0);
  std::string file = other.path() + "/op.jsonl";
  ASSERT_EQ(Lvupdate(other.path(), {"journal", "export", "-o", file}).exit_code, 0);
  ASSERT_EQ(Lvupdate(home(), {"journal", "import", file}).exit_code, 0);
  ProcResult r = Lvupdate(home(), {"rollback"});
  EXPECT_EQ(r.exit_code, 0) << r.out;  // nothing to do
  EXPECT_NE(r.out.find("Nothing to do: there is no operation to roll back"), std::string::npos) << r.out;
  // Named, it is refused.
  r = Lvupdate(home(), {"rollback", "--op", StatusJson(home())["id"].get<std::string>()});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("imported from another system"), std::string::npos) << r.out;
  EXPECT_EQ(World(home()).dump(), before_.dump());
  // With an operation of its own, that one is reverted, not the imported one.
  ASSERT_EQ(Run().exit_code, 0);
  r = Lvupdate(home(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotReverted(World(home())), "");
}

}  // namespace
}  // namespace lvu::testing
