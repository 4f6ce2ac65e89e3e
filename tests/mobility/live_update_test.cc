// Live updates through the real binary with processes, registrations and
// real notification scripts: every phase once and in order, priorities,
// abort and LVUP_ERROR, timeouts, no second run after a crash, the
// processes the new partition runs, validation of the rules and of kernel
// extensions, inittab entries and kernel extensions on the surrogate, and
// dynamic registration from a script.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

constexpr int kCrashExit = 86;

class LiveUpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ProcResult r = InitLab(home());
    ASSERT_EQ(r.exit_code, 0) << r.out;
    before_ = World(home());
    // Appends "PHASE SIDE LABEL" to the record file.
    recorder_ = Script("record.sh", "echo \"$LVUP_PHASE $LVUP_SIDE $LVUP_LABEL\" >> " + Record() + "\n");
  }
  const std::string& home() const { return home_.path(); }
  std::string Record() const { return home() + "/phases.txt"; }
  std::string Script(const std::string& name, const std::string& body) {
    std::string path = home() + "/" + name;
    std::ofstream(path) << "#!/bin/sh\n" << body;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path;
  }
  void Reg(const std::string& label, const std::string& side, const std::string& phase, int priority,
           const std::string& script = "", std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"regscript", "-a", "-n", label, "-s", script.empty() ? recorder_ : script,
                                     "-d", side, "-P", phase, "-p", std::to_string(priority)};
    args.insert(args.end(), extra.begin(), extra.end());
    ProcResult r = Lvupdate(home(), args);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  ProcResult Run() { return Lvupdate(home(), {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}); }
  void Cmd(const std::vector<std::string>& args) {
    ProcResult r = Lvupdate(home(), args);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  std::vector<std::string> Lines() {
    std::ifstream in(Record());
    std::vector<std::string> v;
    for (std::string l; std::getline(in, l);) v.push_back(l);
    return v;
  }
  void ExpectUnchanged() {
    EXPECT_EQ(WithoutClockAndErrlog(World(home())).dump(2), WithoutClockAndErrlog(before_).dump(2));
  }
  static const nlohmann::json* Lpar(const nlohmann::json& w, int id) {
    for (const auto& l : w["lpars"])
      if (l["id"] == id) return &l;
    return nullptr;
  }
  static std::map<int, nlohmann::json> Procs(const nlohmann::json& lpar) {
    std::map<int, nlohmann::json> m;
    for (const auto& p : lpar["processes"]["procs"]) m[p["pid"].get<int>()] = p;
    return m;
  }
  void SetData(const std::string& from, const std::string& to) {
    std::string path = home() + "/lvupdate.data";
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(path) << text;
  }

  // The steps' story replays on a lab without the registrations: a step that
  // failed because of a script is a `fail` fault there; script events are
  // not compared.
  void ExpectReplayed() {
    ProcResult r = Lvupdate(home(), {"replay", "--against-sim"});
    EXPECT_EQ(r.exit_code, 0) << r.out;
  }

  void RegisterEveryPhase() {
    Reg("check", "orig", "LVUP_CHECK", 5);
    Reg("pre", "orig", "LVUP_PRE", 5);
    Reg("prek_o", "orig", "LVUP_PRE_KERNEL", 5);
    Reg("prek_s", "surr", "LVUP_PRE_KERNEL", 5);
    Reg("post", "surr", "LVUP_POST", 5);
    Reg("complete", "surr", "LVUP_COMPLETE", 5);
    Reg("error", "orig", "LVUP_ERROR", 5);
  }

  TempHome home_;
  nlohmann::json before_;
  std::string recorder_;
};

const std::vector<std::string> kEveryPhase = {
    "LVUP_CHECK orig check",         "LVUP_PRE orig pre",   "LVUP_PRE_KERNEL orig prek_o",
    "LVUP_PRE_KERNEL surr prek_s",   "LVUP_POST surr post", "LVUP_COMPLETE surr complete",
};


// THE test: one real script per phase appends to a file; a live update runs
// each once, in the order of the phases; LVUP_ERROR not at all.
TEST_F(LiveUpdateTest, EveryPhaseRunsOnceInOrder) {
  RegisterEveryPhase();
  std::string env_file = home() + "/env.txt";
  Reg("env", "orig", "LVUP_PRE", 9, Script("env.sh", "echo \"$LVUP_OPID $LVUPDATE_HOME $LVUP_PRIORITY\" > " + env_file + "\n"));
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Lines(), kEveryPhase);
  std::ifstream in(env_file);
  std::string op, h, prio;
  in >> op >> h >> prio;
  EXPECT_EQ(op, StatusJson(home())["id"]);
  EXPECT_EQ(h, home());
  EXPECT_EQ(prio, "9");
  EXPECT_NE(r.out.find("LVUP_PRE_KERNEL script prek_s (surr): exit 0."), std::string::npos) << r.out;
  EXPECT_EQ(NotUpdated(World(home())), "");
  // journal show lists every run: its intent (the command) and its end.
  std::string show = Lvupdate(home(), {"journal", "show"}).out;
  EXPECT_NE(show.find("scriptIntent    LVUP_PRE_KERNEL surr prek_s: "), std::string::npos) << show;
  EXPECT_NE(show.find("scriptDone      LVUP_COMPLETE surr complete: exit 0"), std::string::npos) << show;
}

TEST_F(LiveUpdateTest, PrioritiesOneToTenOnTheOriginalTenToOneOnTheSurrogate) {
  for (int p : {7, 2, 5}) Reg("c" + std::to_string(p), "orig", "LVUP_CHECK", p);
  Reg("ko4", "orig", "LVUP_PRE_KERNEL", 4);
  Reg("ks3", "surr", "LVUP_PRE_KERNEL", 3);
  Reg("ks9", "surr", "LVUP_PRE_KERNEL", 9);
  Reg("p1", "surr", "LVUP_POST", 1);
  Reg("p10", "surr", "LVUP_POST", 10);
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Lines(), (std::vector<std::string>{"LVUP_CHECK orig c2", "LVUP_CHECK orig c5", "LVUP_CHECK orig c7",
                                               "LVUP_PRE_KERNEL orig ko4", "LVUP_PRE_KERNEL surr ks9",
                                               "LVUP_PRE_KERNEL surr ks3", "LVUP_POST surr p10", "LVUP_POST surr p1"}));
}

TEST_F(LiveUpdateTest, AFailingCheckScriptAbortsRollsBackAndRunsLvupError) {
  Reg("a", "orig", "LVUP_CHECK", 1);
  Reg("b", "orig", "LVUP_CHECK", 2, Script("fail.sh", "echo \"LVUP_CHECK orig b\" >> " + Record() + "\nexit 3\n"));
  Reg("c", "orig", "LVUP_CHECK", 3);
  Reg("e2", "orig", "LVUP_ERROR", 2);
  Reg("e8", "orig", "LVUP_ERROR", 8);
  Reg("es1", "surr", "LVUP_ERROR", 1);
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("LVUP_CHECK script b (orig, priority 2) failed: exit 3"), std::string::npos) << r.out;
  // c never runs; LVUP_ERROR in reverse: surrogate 1..10, then original 10..1.
  EXPECT_EQ(Lines(), (std::vector<std::string>{"LVUP_CHECK orig a", "LVUP_CHECK orig b", "LVUP_ERROR surr es1",
                                               "LVUP_ERROR orig e8", "LVUP_ERROR orig e2"}));
  ExpectUnchanged();
  EXPECT_EQ(StatusJson(home())["status"], "rolled_back");
  ExpectReplayed();
}

TEST_F(LiveUpdateTest, AFailingPreScriptAbortsAfterTheSurrogateWasBuilt) {
  RegisterEveryPhase();
  Reg("bad", "orig", "LVUP_PRE", 7, Script("bad.sh", "exit 1\n"));
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_EQ(Lines(), (std::vector<std::string>{"LVUP_CHECK orig check", "LVUP_PRE orig pre", "LVUP_ERROR orig error"}));
  ExpectUnchanged();  // the surrogate, clone and mirror are gone again
  ExpectReplayed();
}

TEST_F(LiveUpdateTest, ATimedOutScriptIsKilledAndFailsItsPhase) {
  Reg("slow", "orig", "LVUP_PRE", 1, Script("slow.sh", "sleep 60\n"), {"-t", "1"});
  auto start = std::chrono::steady_clock::now();
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 30.0);
  EXPECT_NE(r.out.find("LVUP_PRE script slow (orig, priority 1) failed: timed out after 1 s"), std::string::npos)
      << r.out;
  ExpectUnchanged();
  ExpectReplayed();
}

TEST_F(LiveUpdateTest, AFailureInALaterPhaseIsLoggedAndTheUpdateGoesOn) {
  Reg("post_bad", "surr", "LVUP_POST", 5, Script("post_bad.sh", "echo broken\nexit 2\n"));
  Reg("complete", "surr", "LVUP_COMPLETE", 5);
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("LVUP_POST script post_bad (surr): exit 2."), std::string::npos) << r.out;
  EXPECT_EQ(Lines(), std::vector<std::string>{"LVUP_COMPLETE surr complete"});
  ExpectReplayed();
}

TEST_F(LiveUpdateTest, LvupErrorRunsOnARollbackOnlyAfterTheCheckNotification) {
  RegisterEveryPhase();
  Cmd({"sim", "fault", "add", "disk.mirror_rootvg", "--kind", "fail"});
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_EQ(Lines(), (std::vector<std::string>{"LVUP_CHECK orig check", "LVUP_ERROR orig error"}));
  ExpectUnchanged();

  // Applications never heard of an update that failed before LVUP_CHECK.
  std::filesystem::remove(Record());
  Cmd({"sim", "fault", "add", "hmc.reserve", "--kind", "fail"});
  r = Run();
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_TRUE(Lines().empty());
}

TEST_F(LiveUpdateTest, AnOperatorRollbackRunsLvupErrorToo) {
  RegisterEveryPhase();
  Cmd({"sim", "fault", "add", "disk.assign", "--kind", "fail"});
  ProcResult r = Lvupdate(home(), {"run", "--no-auto-rollback", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 5) << r.out;
  EXPECT_EQ(Lines(), std::vector<std::string>{"LVUP_CHECK orig check"});
  r = Lvupdate(home(), {"rollback"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Lines(), (std::vector<std::string>{"LVUP_CHECK orig check", "LVUP_ERROR orig error"}));
  ExpectUnchanged();
}

// A crash before or after each step that runs scripts, then resume: every
// phase still ran exactly once.
struct Crash {
  std::string step, kind;
};

class CrashAtPhaseTest : public LiveUpdateTest, public ::testing::WithParamInterface<Crash> {};

TEST_P(CrashAtPhaseTest, ResumeRunsEveryScriptOnce) {
  RegisterEveryPhase();
  Cmd({"sim", "fault", "add", GetParam().step, "--kind", GetParam().kind});
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, kCrashExit) << r.out;
  r = Lvupdate(home(), {"resume"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Lines(), kEveryPhase);
  EXPECT_EQ(NotUpdated(World(home())), "");
  ExpectReplayed();
}

TEST_P(CrashAtPhaseTest, RollbackRunsWhatRanOnceAndLvupErrorOnce) {
  RegisterEveryPhase();
  Cmd({"sim", "fault", "add", GetParam().step, "--kind", GetParam().kind});
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, kCrashExit) << r.out;
  std::vector<std::string> ran = Lines();
  r = Lvupdate(home(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::vector<std::string> after = Lines();
  std::set<std::string> distinct(after.begin(), after.end());
  EXPECT_EQ(distinct.size(), after.size()) << "a script ran twice";
  bool past_ponr = GetParam().step == "apps.notify_complete" ||
                   (GetParam().step == "workload.restart" && GetParam().kind == "crash-after");
  if (past_ponr) {
    // Finished forward (the remaining phases once), then reverted.
    EXPECT_EQ(after, kEveryPhase);
    EXPECT_EQ(NotReverted(World(home())), "");
  } else {
    std::vector<std::string> expected = ran;
    expected.push_back("LVUP_ERROR orig error");
    EXPECT_EQ(after, expected);
    ExpectUnchanged();
  }
  ExpectReplayed();
}

std::vector<Crash> Crashes() {
  std::vector<Crash> v;
  for (const char* step : {"apps.notify_check", "apps.notify_pre", "workload.checkpoint", "workload.restart",
                           "apps.notify_complete"})
    for (const char* kind : {"crash-before", "crash-after"}) v.push_back({step, kind});
  return v;
}

std::string CrashName(const ::testing::TestParamInfo<Crash>& info) {
  std::string n = info.param.step + "_" + info.param.kind;
  for (auto& c : n)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(EveryPhase, CrashAtPhaseTest, ::testing::ValuesIn(Crashes()), CrashName);

// lvupdate itself dies while a script runs (the script kills it): the script
// is not run again on resume; its unknown result fails LVUP_CHECK.
TEST_F(LiveUpdateTest, ACrashDuringAScriptNeverRunsItAgain) {
  Reg("killer", "orig", "LVUP_CHECK", 1,
      Script("killer.sh", "echo \"LVUP_CHECK orig killer\" >> " + Record() + "\nkill -9 $PPID\nsleep 1\n"));
  Reg("error", "orig", "LVUP_ERROR", 1);
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 128 + 9) << r.out;
  r = Lvupdate(home(), {"resume"});
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("LVUP_CHECK script killer (orig, priority 1) failed: interrupted"), std::string::npos) << r.out;
  EXPECT_EQ(Lines(), (std::vector<std::string>{"LVUP_CHECK orig killer", "LVUP_ERROR orig error"}));
  ExpectUnchanged();
}

TEST_F(LiveUpdateTest, AReRunnableScriptRunsAgainAfterACrashInterruptedIt) {
  std::string marker = home() + "/killed-once";
  Reg("killer", "orig", "LVUP_CHECK", 1,
      Script("killer.sh", "echo \"LVUP_CHECK orig killer\" >> " + Record() + "\nif [ ! -e " + marker + " ]; then touch " +
                              marker + "; kill -9 $PPID; sleep 1; fi\n"),
      {"--rerunnable"});
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 128 + 9) << r.out;
  r = Lvupdate(home(), {"resume"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Lines(), (std::vector<std::string>{"LVUP_CHECK orig killer", "LVUP_CHECK orig killer"}));
}

// After a run the new partition runs exactly: the mobile processes with
// their pids, tids and TCP connections, and the surrogate's base set.
TEST_F(LiveUpdateTest, TheNewPartitionRunsTheMobileProcessesWithTheirPids) {
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Blackout time: 27 s"), std::string::npos) << r.out;
  nlohmann::json w = World(home());
  ASSERT_NE(Lpar(w, 98), nullptr);
  std::map<int, nlohmann::json> orig = Procs(*Lpar(before_, 99)), now = Procs(*Lpar(w, 98));
  std::set<int> mobile;
  for (const auto& [pid, p] : orig)
    if (!p["kproc"].get<bool>() && pid != 1 && p["tty"] != "console") mobile.insert(pid);
  EXPECT_EQ(mobile.size(), 14u);
  int base = 0;
  for (const auto& [pid, p] : now) {
    if (mobile.count(pid)) {
      const nlohmann::json& o = orig[pid];
      EXPECT_EQ(p["class"], "mobile");
      EXPECT_EQ(p["command"], o["command"]);
      EXPECT_EQ(p["tids"], o["tids"]);
      EXPECT_EQ(p["ppid"], o["ppid"]);
      EXPECT_EQ(p["sockets"], o["sockets"]) << "TCP connections of " << o["command"];
      EXPECT_EQ(p["state"], "running");
    } else {
      EXPECT_EQ(p["class"], "base") << p.dump();
      base++;
    }
  }
  for (int pid : mobile) EXPECT_TRUE(now.count(pid)) << pid;
  // The surrogate's base set: swapper, 10 kprocs, init, getty, syslogd, slvupdate.
  EXPECT_EQ(base, 15);
  EXPECT_EQ(now.size(), mobile.size() + 15);
  EXPECT_EQ(Lpar(w, 98)->at("processes")["live_update"], false);
}

// Applications register themselves from their LVUP_CHECK script: cron as
// an exit process (init respawns it on the surrogate with a new pid), syncd
// as an exit process nobody restarts, xmwlm's attempt at base refused.
TEST_F(LiveUpdateTest, DynamicRegistrationFromACheckScript) {
  std::string lvu = LVU_BINARY;
  Reg("register", "orig", "LVUP_CHECK", 1,
      Script("register.sh", lvu + " sim proc restartexit-set 3801324 || exit 1\n" + lvu +
                                " sim proc restartexit-set 3997932 || exit 1\n" + lvu +
                                " sim proc base-set 4128984 2>> " + home() + "/refused.txt\nexit 0\n"));
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::ifstream in(home() + "/refused.txt");
  std::string refused((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(refused.find("EINVAL"), std::string::npos) << refused;
  nlohmann::json w = World(home());
  std::map<int, nlohmann::json> now = Procs(*Lpar(w, 98));
  EXPECT_FALSE(now.count(3801324));  // cron exited...
  EXPECT_FALSE(now.count(3997932));  // syncd too
  int crons = 0;
  for (const auto& [pid, p] : now) {
    if (p["command"] == "/usr/sbin/cron") {
      crons++;
      EXPECT_EQ(p["ppid"], 1);  // ...and init started a new one
      EXPECT_EQ(p["class"], "");
    }
    EXPECT_NE(p["command"], "/usr/sbin/syncd 60");
  }
  EXPECT_EQ(crons, 1);
  EXPECT_TRUE(now.count(4063468));  // java moved
  EXPECT_TRUE(now.count(4128984));  // xmwlm stayed mobile
}

TEST_F(LiveUpdateTest, EveryRuleViolationIsAFailedCheckAndNothingChanges) {
  Cmd({"setprocs", "-b", "-n", "syslog", "-a", "/usr/sbin/syslogd"});
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("FAILED: process 3342570 (/usr/sbin/syslogd) is a base process (setprocs syslog), but its "
                       "parent 3080370 (/usr/sbin/srcmstr) is not a base process: rule 5"),
            std::string::npos)
      << r.out;
  ExpectUnchanged();
  EXPECT_EQ(StatusJson(home())["status"], "failed_validation");
  // preview says the same.
  r = Lvupdate(home(), {"preview", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("rule 5 (a base process is a direct child of init or of another base process)"),
            std::string::npos)
      << r.out;
}

TEST_F(LiveUpdateTest, AnUnsafeKernelExtensionFailsValidationUnlessListedOrUnchecked) {
  ProcResult r = Lvupdate(home(), {"preview", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 0) << r.out;  // the lab's lvupdate.data says kext_check = no
  EXPECT_NE(r.out.find("INFO: kext_check = no"), std::string::npos) << r.out;
  SetData("kext_check = no", "kext_check = yes");
  r = Run();
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("FAILED: kernel extension /usr/lib/drivers/acmefs.ext is loaded and not Live Update safe"),
            std::string::npos)
      << r.out;
  ExpectUnchanged();
  Cmd({"safeke", "-a", "/usr/lib/drivers/acmefs.ext"});
  r = Run();
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(LiveUpdateTest, InittabEntriesAndKernelExtensionsOnTheSurrogate) {
  Cmd({"init", "-a", "mysrv:2:respawn:/opt/my/bin/mysrv -d >/dev/console 2>&1"});
  Cmd({"regke", "-a", "/usr/lib/drivers/acmefs.ext", "-c", "/usr/sbin/acmefs_load -q"});
  ProcResult r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json w = World(home());
  const nlohmann::json& l = *Lpar(w, 98);
  int mysrv = 0;
  for (const auto& p : l["processes"]["procs"]) {
    if (p["command"] != "/opt/my/bin/mysrv -d") continue;
    mysrv++;
    EXPECT_EQ(p["ppid"], 1);
    EXPECT_EQ(p["mobility"], "base");
    EXPECT_EQ(p["class"], "base");
    EXPECT_EQ(p["inittab_id"], "mysrv");
  }
  EXPECT_EQ(mysrv, 1);
  bool loaded = false;
  for (const auto& k : l["processes"]["kexts"])
    if (k["path"] == "/usr/lib/drivers/acmefs.ext") loaded = k["loaded_by"] == "/usr/sbin/acmefs_load -q";
  EXPECT_TRUE(loaded) << l["processes"]["kexts"].dump();
}

TEST_F(LiveUpdateTest, ARegisteredKernelExtensionMustBeLoaded) {
  Cmd({"regke", "-a", "/usr/lib/drivers/absent.ext", "-c", "/usr/sbin/load_absent"});
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("FAILED: kernel extension /usr/lib/drivers/absent.ext is registered to be loaded on the "
                       "surrogate (lvupdate regke) but is not loaded on this partition."),
            std::string::npos)
      << r.out;
}

TEST_F(LiveUpdateTest, AScriptThatIsNotExecutableFailsValidation) {
  Reg("gone", "orig", "LVUP_PRE", 1, home() + "/missing.sh");
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("FAILED: LVUP_PRE script gone (orig): " + home() + "/missing.sh is not an executable file."),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace lvu::testing
