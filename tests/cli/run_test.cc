// The operation commands through the real binary: exit codes, the world they
// leave, what status says, and the live update lock.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

namespace fs = std::filesystem;

class RunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(InitLab(home()).exit_code, 0);
    before_ = World(home());
  }
  const std::string& home() const { return home_.path(); }
  ProcResult Run(const std::string& fix = "dummy.150813.epkg.Z", std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run", "-d", home() + "/fixes"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(fix);
    return Lvupdate(home(), args);
  }
  void Fault(const std::vector<std::string>& args) {
    std::vector<std::string> a = {"sim", "fault", "add"};
    a.insert(a.end(), args.begin(), args.end());
    ProcResult r = Lvupdate(home(), a);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  void ExpectUnchanged() {
    EXPECT_EQ(WithoutClockAndErrlog(World(home())).dump(2), WithoutClockAndErrlog(before_).dump(2));
  }
  nlohmann::json StepOf(const nlohmann::json& status, const std::string& name) {
    for (const auto& s : status["steps"]) {
      if (s["name"] == name) return s;
    }
    return nullptr;
  }
  // `replay --against-sim` re-runs the newest operation's story on a fresh
  // lab with the faults its journal shows and finds the same events.
  void ExpectReplayed() {
    ProcResult r = Lvupdate(home(), {"replay", "--against-sim"});
    EXPECT_EQ(r.exit_code, 0) << r.out;
  }
  void WriteData(const std::string& text) { std::ofstream(home() + "/lvupdate.data") << text; }

  TempHome home_;
  nlohmann::json before_;
};

TEST_F(RunTest, RunFromAFreshHomeUpdatesTheWorld) {
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotUpdated(World(home())), "");
  nlohmann::json st = StatusJson(home());
  EXPECT_EQ(st["status"], "completed");
  EXPECT_EQ(st["steps"].size(), 19u);
  for (const auto& s : st["steps"]) EXPECT_EQ(s["state"], "done") << s.dump();
  // The article's phase lines, in order.
  size_t at = 0;
  for (const char* line : {"Initializing live update on original LPAR.", "Validating original LPAR environment.",
                           "Creating rootvg for boot of surrogate.", "Starting the surrogate LPAR.",
                           "Creating mirror of original LPAR's rootvg.", "Blackout Time started.",
                           "Blackout Time end.", "Shutting down the Original LPAR.",
                           "The live update operation succeeded."}) {
    size_t pos = r.out.find(line, at);
    ASSERT_NE(pos, std::string::npos) << line << "\n" << r.out;
    at = pos;
  }
  // The summary sets the simulated run (jittered) against the preview's estimate.
  EXPECT_NE(r.out.find("Blackout time: " + std::to_string(st["blackout_s"].get<int>()) +
                       " s (simulated; estimated 27 s)"),
            std::string::npos)
      << r.out;
}

TEST_F(RunTest, LogGoesToHomeLogs) {
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::string id = StatusJson(home())["id"];
  int logs = 0;
  for (const auto& f : std::filesystem::directory_iterator(home() + "/logs")) {
    if (f.path().filename().string().rfind("lvupdlog.", 0) != 0) continue;
    logs++;
    std::ifstream in(f.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find(id + " seq 0 opStarted"), std::string::npos) << text;
    EXPECT_NE(text.find("opFinished"), std::string::npos);
  }
  EXPECT_EQ(logs, 1);
}

TEST_F(RunTest, MalformedLvupdateDataIsExit2WithFileAndLineAndNothingChanged) {
  WriteData("general:\n    mode = automated\n    colour = blue\n");
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("lvupdate.data:3: key 'colour'"), std::string::npos) << r.out;
  ExpectUnchanged();
  EXPECT_EQ(StatusJson(home())["status"], "none");
}

TEST_F(RunTest, NoSimulatedSystemIsExit2) {
  TempHome empty;
  WriteFile(empty.path() + "/x.epkg.Z", ReadFile(home() + "/fixes/dummy.150813.epkg.Z"));
  ProcResult r = Lvupdate(empty.path(), {"run", "-d", empty.path(), "-f", home() + "/lvupdate.data", "x.epkg.Z"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("sim init"), std::string::npos) << r.out;
}

TEST_F(RunTest, NotLuCapableFixFailsValidationWithExit3AndNoChange) {
  ProcResult r = Run("nolu.150813.epkg.Z");
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("FAILED: ifix nolu (nolu.150813.epkg.Z) is not LU CAPABLE."), std::string::npos) << r.out;
  ExpectUnchanged();
  nlohmann::json st = StatusJson(home());
  EXPECT_EQ(st["status"], "failed_validation");
  EXPECT_EQ(StepOf(st, "hmc.reserve")["state"], "pending");
}

// What the command line names must exist: a missing fix, a missing -d
// directory or a fix given twice is bad input (exit 2), and no operation is
// journaled (before, it was a failed_validation operation, exit 3).
TEST_F(RunTest, MissingFixOrDirectoryOrTwiceIsExit2AndNothingJournaled) {
  ProcResult r = Run("missing.epkg.Z");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("ifix missing.epkg.Z: no file " + home() + "/fixes/missing.epkg.Z"), std::string::npos) << r.out;
  r = Lvupdate(home(), {"run", "-d", home() + "/no-such-dir", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("-d " + home() + "/no-such-dir: no such directory"), std::string::npos) << r.out;
  r = Lvupdate(home(), {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("ifix dummy.150813.epkg.Z is given twice"), std::string::npos) << r.out;
  ExpectUnchanged();
  EXPECT_EQ(StatusJson(home())["status"], "none");
}

TEST_F(RunTest, LparIdInUseFailsValidation) {
  WriteData("disks:\n  nhdisk = hdisk2\n  mhdisk = hdisk3\nhmc:\n  lpar_id = 99\n  management_console = 10.1.50.30\n"
            "  user = hscroot\n");
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("FAILED: lpar_id 99 is the current partition's id."), std::string::npos) << r.out;
  ExpectUnchanged();
}

TEST_F(RunTest, PreviewPassesAndChangesNothing) {
  ProcResult r = Lvupdate(home(), {"preview", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("PASSED: adapters can be divided into two sets so that each has paths to all disks."),
            std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("FAILED"), std::string::npos) << r.out;
  ExpectUnchanged();
  EXPECT_EQ(StatusJson(home())["status"], "none");
}

TEST_F(RunTest, ModePreviewMakesRunPreview) {
  std::ifstream in(home() + "/lvupdate.data");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  text.replace(text.find("automated"), 9, "preview");
  WriteData(text);
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("previewing only"), std::string::npos) << r.out;
  ExpectUnchanged();
}

TEST_F(RunTest, FailureBeforeThePointOfNoReturnRollsBackWithExit4) {
  Fault({"disk.mirror_rootvg", "--kind", "fail"});
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("injected"), std::string::npos) << r.out;
  ExpectUnchanged();
  nlohmann::json st = StatusJson(home());
  EXPECT_EQ(st["status"], "rolled_back");
  EXPECT_EQ(StepOf(st, "lpar.rename_original")["state"], "compensated");
  ExpectReplayed();
}

TEST_F(RunTest, NoAutoRollbackStopsInterruptedThenRollbackRestores) {
  Fault({"path.split", "--kind", "fail"});
  ProcResult r = Run("dummy.150813.epkg.Z", {"--no-auto-rollback"});
  EXPECT_EQ(r.exit_code, 5) << r.out;
  EXPECT_NE(r.out.find("lvupdate resume"), std::string::npos) << r.out;
  EXPECT_EQ(StatusJson(home())["status"], "interrupted");
  r = Lvupdate(home(), {"rollback"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  ExpectUnchanged();
  ExpectReplayed();
}

TEST_F(RunTest, TransientFailuresAreRetried) {
  Fault({"disk.clone_rootvg", "--kind", "transient", "--times", "2"});
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotUpdated(World(home())), "");
  EXPECT_EQ(StepOf(StatusJson(home()), "disk.clone_rootvg")["attempts"], 3);
  ExpectReplayed();
}

TEST_F(RunTest, RetriesRunOutBeforeThePointOfNoReturnRollBack) {
  Fault({"lpar.boot_surrogate", "--kind", "transient", "--times", "5"});
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_EQ(StepOf(StatusJson(home()), "lpar.boot_surrogate")["attempts"], 3);
  ExpectUnchanged();
  ExpectReplayed();
}

TEST_F(RunTest, FailureAfterThePointOfNoReturnInterruptsThenResumeCompletes) {
  Fault({"path.restore", "--kind", "fail"});
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 5) << r.out;
  nlohmann::json st = StatusJson(home());
  EXPECT_EQ(st["status"], "interrupted");
  EXPECT_EQ(st["point_of_no_return"], true);
  EXPECT_EQ(StepOf(st, "path.restore")["state"], "failed");
  // The step gave up: plain resume waits for a decision; --retry-step goes on.
  EXPECT_EQ(Lvupdate(home(), {"resume"}).exit_code, 5);
  r = Lvupdate(home(), {"resume", "--retry-step"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotUpdated(World(home())), "");
  ExpectReplayed();
}

TEST_F(RunTest, RollbackAfterCompletionRevertsThenHasNothingToDo) {
  ASSERT_EQ(Run().exit_code, 0);
  std::string update_id = StatusJson(home())["id"];
  ProcResult r = Lvupdate(home(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotReverted(World(home())), "");
  nlohmann::json st = StatusJson(home());
  EXPECT_EQ(st["status"], "reverted");
  EXPECT_EQ(st["kind"], "revert");
  EXPECT_EQ(st["reverts"], update_id);
  r = Lvupdate(home(), {"rollback"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("already reverted"), std::string::npos) << r.out;
  EXPECT_EQ(NotReverted(World(home())), "");
  ExpectReplayed();
}

TEST_F(RunTest, RunWhileAnOperationIsUnfinishedIsRefused) {
  Fault({"path.split", "--kind", "crash-after"});
  ASSERT_EQ(Run().exit_code, 86);
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("is unfinished"), std::string::npos) << r.out;
}

// The run's log is its owner's only (0600), and a password on a notification
// script's command line, or in what it prints, is scrubbed from the log and
// the journal (before, both held it, in a log of mode 0644).
TEST_F(RunTest, LogIsPrivateAndScriptSecretsAreScrubbed) {
  const std::string script = home() + "/notify.sh";
  WriteFile(script, "#!/bin/sh\necho \"logging in with $*\"\nexit 0\n");
  fs::permissions(script, fs::perms::owner_all);
  const std::string secret = "Sw0rdfish-2026";
  ASSERT_EQ(Lvupdate(home(), {"regscript", "-a", "-n", "DB", "-s", script + " -u admin -p " + secret, "-d", "orig",
                              "-P", "LVUP_CHECK", "-p", "1"}).exit_code, 0);
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  int logs = 0;
  for (const auto& e : fs::directory_iterator(home() + "/logs")) {
    logs++;
    EXPECT_EQ(fs::status(e.path()).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write)
        << e.path();
    const std::string text = ReadFile(e.path());
    EXPECT_EQ(text.find(secret), std::string::npos) << e.path();
    EXPECT_NE(text.find("logging in with -u admin -p <redacted>"), std::string::npos) << text;
  }
  EXPECT_GT(logs, 0);
  EXPECT_EQ(Lvupdate(home(), {"journal", "events", "--json"}).out.find(secret), std::string::npos);
}

// One blackout computation (replay/timeline.h) for the run's summary, `status`
// and `journal show`, also when the blackout spans two processes (a crash
// inside it, then resume).
TEST_F(RunTest, BlackoutIsTheSameInTheSummaryStatusAndStory) {
  ProcResult r = Lvupdate(home(), {"run", "--json", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const nlohmann::json run = nlohmann::json::parse(r.out.substr(r.out.rfind("\n{") + 1));
  const nlohmann::json st = StatusJson(home());
  const nlohmann::json show = nlohmann::json::parse(Lvupdate(home(), {"journal", "show", "--json"}).out);
  EXPECT_EQ(run["blackout_s"], 27);
  EXPECT_EQ(st["blackout_s"], run["blackout_s"]);
  EXPECT_EQ(show["blackout"]["seconds"], run["blackout_s"]);
  EXPECT_EQ(st["total_s"], run["total_s"]);

  TempHome other;
  ASSERT_EQ(InitLab(other.path()).exit_code, 0);
  ASSERT_EQ(Lvupdate(other.path(), {"sim", "fault", "add", "workload.restart", "--kind", "crash-before"}).exit_code, 0);
  ASSERT_EQ(Lvupdate(other.path(), {"run", "-d", other.path() + "/fixes", "dummy.150813.epkg.Z"}).exit_code, 86);
  r = Lvupdate(other.path(), {"resume", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const nlohmann::json resumed = nlohmann::json::parse(r.out.substr(r.out.rfind("\n{") + 1));
  EXPECT_EQ(resumed["blackout_s"], StatusJson(other.path())["blackout_s"]);
  EXPECT_EQ(nlohmann::json::parse(Lvupdate(other.path(), {"journal", "show", "--json"}).out)["blackout"]["seconds"],
            resumed["blackout_s"]);
  EXPECT_GE(resumed["blackout_s"].get<int>(), 27);
}

// Nothing to resume is done (exit 0, as docs/lvupdate.1 says); an override
// with nothing to apply it to is bad input.
TEST_F(RunTest, ResumeWithNothingToResumeIsExit0) {
  ProcResult r = Lvupdate(home(), {"resume"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Nothing to do: there is no unfinished operation to resume"), std::string::npos) << r.out;
  r = Lvupdate(home(), {"resume", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["outcome"], "nothing_to_do");
  r = Lvupdate(home(), {"resume", "--retry-step"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
}

// After a completed run, resume reads the journal read-only: it writes
// nothing (no new RocksDB manifest or options file, no log file).
TEST_F(RunTest, ResumeWithNothingToResumeWritesNothing) {
  ASSERT_EQ(Lvupdate(home(), {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}).exit_code, 0);
  auto names = [](const std::string& dir) {
    std::set<std::string> n;
    for (const auto& e : std::filesystem::directory_iterator(dir)) n.insert(e.path().filename().string());
    return n;
  };
  const auto journal = names(home() + "/journal"), logs = names(home() + "/logs");
  ProcResult r = Lvupdate(home(), {"resume"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Nothing to do: there is no unfinished operation to resume"), std::string::npos) << r.out;
  EXPECT_EQ(names(home() + "/journal"), journal);
  EXPECT_EQ(names(home() + "/logs"), logs);
}

TEST_F(RunTest, SecondProcessIsLockedOutAndKillNineIsRecoverable) {
  // A slow run (about 7 real seconds) holds the live update lock.
  std::string out = home() + "/slow.out";
  int pid = SpawnLvupdate(home(), {"--speed", "100", "run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}, out);
  ASSERT_GT(pid, 0);
  nlohmann::json st;
  for (int i = 0; i < 100; i++) {
    st = StatusJson(home());
    if (st["status"] == "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(st["status"], "running") << st.dump();
  EXPECT_EQ(st["pid"], pid);
  ProcResult second = Run();
  EXPECT_EQ(second.exit_code, 1) << second.out;
  EXPECT_NE(second.out.find("pid " + std::to_string(pid)), std::string::npos) << second.out;
  // Kill it mid-flight, for real.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  kill(pid, SIGKILL);
  EXPECT_EQ(WaitExit(pid), 128 + SIGKILL);
  EXPECT_EQ(StatusJson(home())["status"], "interrupted");
  ProcResult r = Lvupdate(home(), {"resume"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotUpdated(World(home())), "");
  ExpectReplayed();  // wherever the kill landed
}

TEST_F(RunTest, BadArgumentsAreExit2) {
  EXPECT_EQ(Lvupdate(home(), {"sim", "fault", "add", "no.such.step", "--kind", "fail"}).exit_code, 2);
  EXPECT_EQ(Lvupdate(home(), {"sim", "fault", "add", "validate", "--kind", "explode"}).exit_code, 2);
  EXPECT_EQ(Lvupdate(home(), {"frobnicate"}).exit_code, 2);
  int pid = SpawnLvupdate(home(), {"--speed", "fast", "status"}, home() + "/speed.out");
  ASSERT_GT(pid, 0);
  EXPECT_EQ(WaitExit(pid), 2);
}

}  // namespace
}  // namespace lvu::testing
