// `lvupdate replay OP --against-sim` through the real binary: every kind of
// recorded story (completed, failed and rolled back, retried, crashed and
// resumed or rolled back, crashed during the rollback, reverted, gave up and
// retried by the operator, exported and imported) is reproduced on a fresh lab
// without divergence; an edited journal is not, and the first divergence is
// named.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

constexpr int kCrashExit = 86;

nlohmann::json ParseJson(const ProcResult& r) {
  // --json prints the object on stdout; stderr (merged here) has nothing then.
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded()) return nlohmann::json{{"unparsable_output", r.out}};
  return j;
}

class ReplaySimTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(InitLab(home()).exit_code, 0); }
  const std::string& home() const { return home_.path(); }
  ProcResult Run() { return Lvupdate(home(), {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}); }
  void Fault(const std::string& step, const std::string& kind, const std::string& phase = "apply", int times = 1) {
    ASSERT_EQ(Lvupdate(home(), {"sim", "fault", "add", step, "--kind", kind, "--phase", phase, "--times",
                                std::to_string(times)})
                  .exit_code,
              0);
  }
  std::string Newest() { return StatusJson(home())["id"]; }
  // Replays `op` (default: the newest) and expects no divergence.
  nlohmann::json ExpectReproduced(const std::string& op = "") {
    std::vector<std::string> args = {"replay"};
    if (!op.empty()) args.push_back(op);
    args.push_back("--against-sim");
    args.push_back("--json");
    ProcResult r = Lvupdate(home(), args);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    nlohmann::json j = ParseJson(r);
    EXPECT_EQ(j["divergence"], nullptr) << r.out;
    EXPECT_GT(j["events_compared"].get<int>(), 0) << r.out;
    return j;
  }

  TempHome home_;
};

TEST_F(ReplaySimTest, CompletedRun) {
  ASSERT_EQ(Run().exit_code, 0);
  ProcResult r = Lvupdate(home(), {"replay", "--against-sim"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("events reproduced, no divergence"), std::string::npos) << r.out;
  // Progress names each session's command.
  EXPECT_NE(r.out.find("replay: session 1/1: lvupdate run dummy.150813.epkg.Z"), std::string::npos) << r.out;
  // The lab is gone.
  EXPECT_EQ(r.out.find("kept"), std::string::npos) << r.out;
}

TEST_F(ReplaySimTest, FailureAndAutomaticRollback) {
  Fault("disk.assign", "fail");
  ASSERT_EQ(Run().exit_code, 4);
  nlohmann::json j = ExpectReproduced();
  ASSERT_EQ(j["sessions"].size(), 1u);
  EXPECT_EQ(j["sessions"][0]["faults"][0]["kind"], "fail");
  EXPECT_EQ(j["sessions"][0]["faults"][0]["step"], "disk.assign");
  EXPECT_EQ(j["sessions"][0]["exit"], 4);
}

TEST_F(ReplaySimTest, TransientFailureRetried) {
  Fault("lpar.rename_original", "transient", "apply", 2);
  ASSERT_EQ(Run().exit_code, 0);
  nlohmann::json j = ExpectReproduced();
  ASSERT_EQ(j["sessions"][0]["faults"].size(), 1u);
  EXPECT_EQ(j["sessions"][0]["faults"][0]["kind"], "transient");
  EXPECT_EQ(j["sessions"][0]["faults"][0]["times"], 2);
}

TEST_F(ReplaySimTest, CrashThenResume) {
  Fault("path.split", "crash-after");
  ASSERT_EQ(Run().exit_code, kCrashExit);
  ASSERT_EQ(Lvupdate(home(), {"resume"}).exit_code, 0);
  nlohmann::json j = ExpectReproduced();
  ASSERT_EQ(j["sessions"].size(), 2u);
  EXPECT_EQ(j["sessions"][0]["faults"][0]["kind"], "crash-after");
  EXPECT_EQ(j["sessions"][0]["exit"], kCrashExit);
  EXPECT_EQ(j["sessions"][1]["command"], "lvupdate resume");
}

TEST_F(ReplaySimTest, CrashThenRollback) {
  Fault("lpar.boot_surrogate", "crash-before");
  ASSERT_EQ(Run().exit_code, kCrashExit);
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, 0);
  nlohmann::json j = ExpectReproduced();
  ASSERT_EQ(j["sessions"].size(), 2u);
  EXPECT_EQ(j["sessions"][0]["faults"][0]["kind"], "crash-before");
  EXPECT_EQ(j["sessions"][1]["command"], "lvupdate rollback");
}

TEST_F(ReplaySimTest, CrashDuringRollback) {
  Fault("disk.mirror_rootvg", "crash-after");
  ASSERT_EQ(Run().exit_code, kCrashExit);
  Fault("disk.assign", "crash-before", "compensate");
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, kCrashExit);
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, 0);
  nlohmann::json j = ExpectReproduced();
  ASSERT_EQ(j["sessions"].size(), 3u);
  EXPECT_EQ(j["sessions"][1]["faults"][0]["phase"], "compensate");
  EXPECT_EQ(j["sessions"][1]["faults"][0]["kind"], "crash-before");
}

TEST_F(ReplaySimTest, RevertOfACompletedUpdate) {
  ASSERT_EQ(Run().exit_code, 0);
  std::string update = Newest();
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, 0);
  std::string revert = Newest();
  ASSERT_NE(update, revert);
  nlohmann::json j = ExpectReproduced(revert);
  EXPECT_EQ(j["kind"], "revert");
  ASSERT_EQ(j["sessions"].size(), 2u);  // run, then rollback
  EXPECT_EQ(j["lab_ops"].size(), 2u);
  ExpectReproduced(update);
}

TEST_F(ReplaySimTest, RollbackPastThePointOfNoReturnCrashingInTheRevert) {
  Fault("workload.restart", "crash-after");
  ASSERT_EQ(Run().exit_code, kCrashExit);
  Fault("revert.reboot", "crash-after");
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, kCrashExit);
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, 0);
  nlohmann::json j = ExpectReproduced();  // the revert, with its update
  EXPECT_EQ(j["kind"], "revert");
  ASSERT_EQ(j["sessions"].size(), 3u);
  EXPECT_EQ(j["sessions"][1]["exit"], kCrashExit);
}

TEST_F(ReplaySimTest, GaveUpThenRetryStep) {
  // Past the point of no return, retries run out: the operator retries.
  Fault("path.restore", "transient", "apply", 3);
  ASSERT_EQ(Run().exit_code, 5);
  ProcResult r = Lvupdate(home(), {"resume", "--retry-step"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json j = ExpectReproduced();
  ASSERT_EQ(j["sessions"].size(), 2u);
  EXPECT_EQ(j["sessions"][0]["exit"], 5);
  EXPECT_EQ(j["sessions"][1]["command"], "lvupdate resume --retry-step");
}

TEST_F(ReplaySimTest, GaveUpThenSkip) {
  Fault("path.restore", "fail");
  ASSERT_EQ(Run().exit_code, 5);
  ProcResult r = Lvupdate(home(), {"resume", "--skip", "path.restore", "--reason", "paths configured by hand"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json j = ExpectReproduced();
  ASSERT_EQ(j["sessions"].size(), 2u);
  EXPECT_EQ(j["sessions"][1]["command"], "lvupdate resume --skip path.restore --reason 'paths configured by hand'");
}

TEST_F(ReplaySimTest, FromASupportBundle) {
  Fault("disk.clone_rootvg", "crash-before");
  ASSERT_EQ(Run().exit_code, kCrashExit);
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, 0);
  std::string op = Newest();
  const std::string bundle = home() + "/support.tar.gz";
  ProcResult r = Lvupdate(home(), {"snap", "-o", bundle});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  TempHome empty;
  r = Lvupdate(empty.path(), {"replay", "--against-sim", "--from", bundle});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("replay: operation " + op), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no divergence"), std::string::npos) << r.out;
}

// opStarted records the settings that made the system differ from the lab:
// the replay makes the lab that system first, so a validation that FAILED
// there (and a run whose costs depend on a setting) is reproduced, from the
// journal, an export or a bundle.
TEST_F(ReplaySimTest, TheLabIsMadeTheRecordedSystem) {
  ASSERT_EQ(Lvupdate(home(), {"sim", "set", "fs./var.free_mb", "10"}).exit_code, 0);
  ASSERT_EQ(Lvupdate(home(), {"sim", "set", "sim.jitter_seed", "7"}).exit_code, 0);
  ASSERT_EQ(Run().exit_code, 3);
  nlohmann::json started = nlohmann::json::parse(
      Lvupdate(home(), {"journal", "events", "--kind", "opStarted", "--json"}).out);
  EXPECT_EQ(started["opStarted"]["system"], "{\"fs./var.free_mb\":\"10\",\"sim.jitter_seed\":\"7\"}");
  const std::string file = home() + "/op.jsonl";
  ASSERT_EQ(Lvupdate(home(), {"journal", "export", "-o", file}).exit_code, 0);
  TempHome empty;
  ProcResult r = Lvupdate(empty.path(), {"replay", "--against-sim", "--from", file});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("the lab made the recorded system: 2 setting(s) applied"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("exit 3 (recorded: 3)"), std::string::npos) << r.out;

  // A run with a slower boot and another jitter: the same story, from a bundle.
  ASSERT_EQ(Lvupdate(home(), {"sim", "set", "fs./var.free_mb", "1157"}).exit_code, 0);
  ASSERT_EQ(Lvupdate(home(), {"sim", "set", "lpar.boot_s", "300"}).exit_code, 0);
  ASSERT_EQ(Run().exit_code, 0);
  const std::string bundle = home() + "/support.tar.gz";
  ASSERT_EQ(Lvupdate(home(), {"snap", "-o", bundle}).exit_code, 0);
  r = Lvupdate(empty.path(), {"replay", "--against-sim", "--from", bundle});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("2 setting(s) applied"), std::string::npos) << r.out;
}

TEST_F(ReplaySimTest, ExportedImportedAndFromFile) {
  Fault("hmc.reserve", "crash-after");
  ASSERT_EQ(Run().exit_code, kCrashExit);
  ASSERT_EQ(Lvupdate(home(), {"resume"}).exit_code, 0);
  std::string op = Newest();
  const std::string file = home() + "/op.jsonl";
  ASSERT_EQ(Lvupdate(home(), {"journal", "export", "-o", file}).exit_code, 0);
  const std::string capnp = home() + "/op.capnp";
  ASSERT_EQ(Lvupdate(home(), {"journal", "export", "-o", capnp, "--format", "capnp"}).exit_code, 0);

  TempHome other;
  ASSERT_EQ(Lvupdate(other.path(), {"journal", "import", file}).exit_code, 0);
  ProcResult r = Lvupdate(other.path(), {"replay", op.substr(0, 8), "--against-sim"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("no divergence"), std::string::npos) << r.out;

  // Straight from the files, in a home with no journal at all.
  TempHome empty;
  for (const std::string& f : {file, capnp}) {
    r = Lvupdate(empty.path(), {"replay", "--against-sim", "--from", f});
    EXPECT_EQ(r.exit_code, 0) << f << "\n" << r.out;
  }
  // --keep: the lab stays, with its journal and the commands' output.
  const std::string kept = empty.path() + "/lab";
  r = Lvupdate(empty.path(), {"replay", "--against-sim", "--from", file, "--keep", kept});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(std::filesystem::exists(kept + "/journal"));
  EXPECT_NE(ReadFile(kept + "/replay.log").find("$ lvupdate resume"), std::string::npos);
  EXPECT_EQ(ReadFile(kept + "/replay.log").find("abc1234"), std::string::npos);  // the password goes by stdin
  r = Lvupdate(empty.path(), {"replay", "--against-sim", "--from", file, "--keep", kept});
  EXPECT_EQ(r.exit_code, 2) << r.out;  // not empty any more
}

TEST_F(ReplaySimTest, DivergenceNamesTheSeqAndTheSession) {
  ASSERT_EQ(Run().exit_code, 0);
  std::string op = Newest();
  const std::string file = home() + "/op.jsonl";
  ASSERT_EQ(Lvupdate(home(), {"journal", "export", "-o", file}).exit_code, 0);
  // The stepDone of lpar.rename_original (step 6, index 5) becomes a failure
  // the engine went on from: no reproduction does that.
  std::string text = ReadFile(file);
  const std::string done = R"("kind":"stepDone","stepDone":{"step":5,)";
  size_t at = text.find(done);
  ASSERT_NE(at, std::string::npos);
  size_t line_start = text.rfind('\n', at) + 1;
  size_t line_end = text.find('\n', at);
  std::string line = text.substr(line_start, line_end - line_start);
  size_t seq_at = line.find("\"seq\":") + 6;
  const std::string seq = line.substr(seq_at, line.find(',', seq_at) - seq_at);
  std::string edited = line.substr(0, line.find("\"kind\"")) +
                       R"("kind":"stepFailed","stepFailed":{"step":5,"direction":"forward","error":"edited","retryable":true}})";
  text.replace(line_start, line_end - line_start, edited);
  WriteFile(file, text);

  TempHome other;
  ProcResult im = Lvupdate(other.path(), {"journal", "import", file});
  ASSERT_EQ(im.exit_code, 0) << im.out;
  ProcResult r = Lvupdate(other.path(), {"replay", op, "--against-sim"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  // The transient failure is reproduced, then the engine retries where the
  // edited journal went on to the next step.
  const std::string next = std::to_string(std::stoi(seq) + 1);
  EXPECT_NE(r.out.find("DIVERGENCE at seq " + next + " of operation " + op), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("while:    session 1 of 1: lvupdate run"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("recorded: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("replayed: "), std::string::npos) << r.out;

  r = Lvupdate(other.path(), {"replay", op, "--against-sim", "--json"});
  EXPECT_EQ(r.exit_code, 1);
  nlohmann::json j = ParseJson(r);
  EXPECT_EQ(j["divergence"]["seq"].dump(), next) << r.out;
  EXPECT_EQ(j["divergence"]["recorded"]["kind"], "stepIntent") << r.out;
  EXPECT_EQ(j["divergence"]["recorded"]["stepIntent"]["step"], 6) << r.out;
  EXPECT_EQ(j["divergence"]["replayed"]["stepIntent"]["step"], 5) << r.out;
}

TEST_F(ReplaySimTest, BadInput) {
  ProcResult r = Lvupdate(home(), {"replay", "--against-sim"});
  EXPECT_EQ(r.exit_code, 2) << r.out;  // no journal yet
  ASSERT_EQ(Run().exit_code, 0);
  EXPECT_EQ(Lvupdate(home(), {"replay", "ZZZZ", "--against-sim"}).exit_code, 2);
  EXPECT_EQ(Lvupdate(home(), {"replay", "--against-sim", "--until", "3"}).exit_code, 2);
  EXPECT_EQ(Lvupdate(home(), {"replay", "--from", "x.jsonl"}).exit_code, 2);
  EXPECT_EQ(Lvupdate(home(), {"replay", "--against-sim", "--from", home() + "/none.jsonl"}).exit_code, 2);
  // Another driver's operation.
  const std::string file = home() + "/op.jsonl";
  ASSERT_EQ(Lvupdate(home(), {"journal", "export", "-o", file}).exit_code, 0);
  std::string text = ReadFile(file);
  size_t at = text.find(R"("driver":"sim")");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 14, R"("driver":"aix")");
  WriteFile(file, text);
  r = Lvupdate(home(), {"replay", "--against-sim", "--from", file});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("aix driver"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace lvu::testing
