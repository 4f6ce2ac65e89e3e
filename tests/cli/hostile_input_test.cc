// Hostile, endless and huge input, and the smaller findings of the storage
// faults issue (findings 4, 5, 6 and 7), each through the real binary: a
// clear error naming the file, option or limit, exit 2 (1 where the system's
// state refuses), and nothing changed in the world or the journal's past.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

namespace fs = std::filesystem;

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(InitLab(home()).exit_code, 0);
    before_ = World(home());
  }
  const std::string& home() const { return home_.path(); }
  std::vector<std::string> RunArgs() const { return {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}; }
  void ExpectUnchanged() {
    EXPECT_EQ(WithoutClockAndErrlog(World(home())).dump(1), WithoutClockAndErrlog(before_).dump(1));
  }
  // Runs lvupdate with its address space capped at `mb` MB: an input read
  // whole would fail (std::bad_alloc, a crash) instead of being refused.
  ProcResult LvupdateCapped(int mb, const std::vector<std::string>& args, const std::string& stdin_file = "") {
    std::vector<std::string> argv = {"/bin/sh", "-c", "ulimit -v " + std::to_string(mb * 1024) + "; exec \"$0\" \"$@\"",
                                     LVU_BINARY, "--home", home(), "--speed", "max"};
    argv.insert(argv.end(), args.begin(), args.end());
    const std::string out = home() + "/capped.out";
    int pid = SpawnProgram(argv, out, stdin_file);
    ProcResult r;
    r.exit_code = WaitExit(pid);
    r.out = ReadFile(out);
    return r;
  }

  TempHome home_;
  nlohmann::json before_;
};

// Finding 4: endless and huge input is refused at its limit, in bounded memory.
TEST_F(HostileInputTest, EndlessLvupdateDataIsRefusedAtItsLimit) {
  ProcResult r = LvupdateCapped(512, {"run", "-f", "/dev/zero", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("lvupdate.data /dev/zero is larger than 1 MiB (the limit for lvupdate.data"), std::string::npos)
      << r.out;
  ExpectUnchanged();
  EXPECT_EQ(StatusJson(home())["status"], "none");
}

TEST_F(HostileInputTest, EndlessFixPackageIsRefusedAtItsLimit) {
  ProcResult r = LvupdateCapped(1024, {"emgr", "-p", "-e", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("/dev/zero is larger than 256 MiB"), std::string::npos) << r.out;
}

TEST_F(HostileInputTest, EndlessPasswordOnStandardInputIsRefused) {
  ProcResult r = LvupdateCapped(512, {"hmcauth", "-a", kLabHmc, "-u", kLabHmcUser}, "/dev/zero");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("at most 1024 bytes"), std::string::npos) << r.out;
}

// A gzip bomb given to replay --from: 300 KB of gzip that unpacks to 300 MB
// (before, a 1 MB one took 6.3 GB).
TEST_F(HostileInputTest, GzipBombBundleIsRefusedAtTheUnpackedLimit) {
  const std::string bomb = home() + "/bomb.tar.gz";
  const std::string dir = home() + "/bombdir";
  fs::create_directories(dir + "/lvupdate.snap/ops/01M8TK064H9SMCN6V12F5SRZ9A");
  std::string cmd = "dd if=/dev/zero of=" + dir + "/lvupdate.snap/ops/01M8TK064H9SMCN6V12F5SRZ9A/events.jsonl"
                    " bs=1M count=300 status=none && tar -C " + dir + " -czf " + bomb + " lvupdate.snap && rm -rf " + dir;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  ASSERT_LT(fs::file_size(bomb), 4u << 20);
  ProcResult r = LvupdateCapped(1024, {"replay", "--against-sim", "--from", bomb});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("unpacks to more than 256 MiB"), std::string::npos) << r.out;
}

// Finding 5: the simulated world never changes under a running operation.
TEST_F(HostileInputTest, SimCommandsThatChangeTheWorldTakeTheLock) {
  const std::string out = home() + "/slow.out";
  std::vector<std::string> args = {"--speed", "150"};
  for (const auto& a : RunArgs()) args.push_back(a);
  int pid = SpawnLvupdate(home(), args, out);
  ASSERT_GT(pid, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  for (std::vector<std::string> cmd : {std::vector<std::string>{"sim", "set", "fs./var.free_mb", "10"},
                                       std::vector<std::string>{"sim", "init"},
                                       std::vector<std::string>{"sim", "fault", "add", "path.restore", "--kind", "fail"},
                                       std::vector<std::string>{"sim", "fault", "clear"}}) {
    ProcResult r = Lvupdate(home(), cmd);
    EXPECT_EQ(r.exit_code, 1) << cmd[1] << ": " << r.out;
    EXPECT_NE(r.out.find("(pid " + std::to_string(pid) + ") holds the live update lock"), std::string::npos) << r.out;
  }
  EXPECT_EQ(WaitExit(pid), 0) << ReadFile(out);
  EXPECT_EQ(NotUpdated(World(home())), "");
}

TEST_F(HostileInputTest, SimInitRefusesToReplaceTheWorldOfAnUnfinishedOperation) {
  ASSERT_EQ(Lvupdate(home(), {"sim", "fault", "add", "disk.assign", "--kind", "crash-after"}).exit_code, 0);
  ASSERT_EQ(Lvupdate(home(), RunArgs()).exit_code, 86);
  nlohmann::json interrupted = World(home());
  ProcResult r = Lvupdate(home(), {"sim", "init"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("is unfinished"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("sim init --force"), std::string::npos) << r.out;
  EXPECT_EQ(World(home()).dump(), interrupted.dump());
  ASSERT_EQ(Lvupdate(home(), {"resume"}).exit_code, 0);  // the world was kept: resume finishes
  EXPECT_EQ(NotUpdated(World(home())), "");
}

TEST_F(HostileInputTest, SimInitForceReplacesTheWorldAndRollbackClosesTheOperation) {
  ASSERT_EQ(Lvupdate(home(), {"sim", "fault", "add", "disk.assign", "--kind", "crash-after"}).exit_code, 0);
  ASSERT_EQ(Lvupdate(home(), RunArgs()).exit_code, 86);
  ProcResult r = Lvupdate(home(), {"sim", "init", "--force"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("warning: operation"), std::string::npos) << r.out;
  ASSERT_EQ(Lvupdate(home(), {"hmcauth", "-a", kLabHmc, "-u", kLabHmcUser, "-p", kLabHmcPassword}).exit_code, 0);
  r = Lvupdate(home(), {"rollback"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(StatusJson(home())["status"], "rolled_back");
  EXPECT_EQ(WorkloadRunningOn(World(home())), std::vector<int>{99});
}

// Finding 6: a completed update stays reachable whatever came after it.
TEST_F(HostileInputTest, ACompletedUpdateIsRevertedAfterAFailedValidation) {
  ASSERT_EQ(Lvupdate(home(), RunArgs()).exit_code, 0);
  const std::string done = StatusJson(home())["id"];
  ASSERT_EQ(Lvupdate(home(), RunArgs()).exit_code, 3);  // the ifix is installed already: validation fails
  ASSERT_NE(StatusJson(home())["id"], done);
  std::string copy = home() + ".copy";
  ASSERT_EQ(std::system(("cp -a " + home() + " " + copy).c_str()), 0);
  // Plain rollback reverts the completed update, not the failed run.
  ProcResult r = Lvupdate(home(), {"rollback"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotReverted(World(home())), "");
  // Named, the same, and then it is nothing to do.
  r = Lvupdate(copy, {"rollback", "--op", done.substr(0, 12)});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotReverted(World(copy)), "");
  r = Lvupdate(copy, {"rollback", "--op", done});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("was reverted by operation"), std::string::npos) << r.out;
  r = Lvupdate(copy, {"rollback", "--op", "NOSUCHOP"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  fs::remove_all(copy);
}

// Finding 7, each small one.
TEST_F(HostileInputTest, BadGlobalOptionsAreExit2) {
  const std::string out = home() + "/options.out";
  for (const char* speed : {"nan", "inf", "1e-300", "-3", "0", "2e7"}) {
    EXPECT_EQ(WaitExit(SpawnProgram({LVU_BINARY, "--home", home(), "--speed", speed, "status"}, out)), 2) << speed;
    EXPECT_NE(ReadFile(out).find("--speed takes 'max' or a number from 0.01 to 1000000"), std::string::npos)
        << ReadFile(out);
  }
  EXPECT_EQ(WaitExit(SpawnProgram({LVU_BINARY, "--home", "", "status"}, out)), 2);
  EXPECT_NE(ReadFile(out).find("--home is empty"), std::string::npos) << ReadFile(out);
  for (std::vector<std::string> a : {std::vector<std::string>{"replay", "--until", "-1"},
                                     std::vector<std::string>{"journal", "events", "--from", "-1"},
                                     std::vector<std::string>{"journal", "events", "--to", "1x"}}) {
    ProcResult r = Lvupdate(home(), a);
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("takes an event's seq, a number from 0"), std::string::npos) << r.out;
  }
}

TEST_F(HostileInputTest, ReasonWithEscapesOrBlanksIsRefusedAndNothingJournaled) {
  ASSERT_EQ(Lvupdate(home(), {"sim", "fault", "add", "path.restore", "--kind", "fail", "--times", "3"}).exit_code, 0);
  ASSERT_EQ(Lvupdate(home(), RunArgs()).exit_code, 5);
  const std::string events = Lvupdate(home(), {"journal", "events", "--json"}).out;
  ProcResult r = Lvupdate(home(), {"resume", "--skip", "path.restore", "--reason", "ok\x1b[2Jcleared"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("--reason holds a control character (\\x1b at byte 3)"), std::string::npos) << r.out;
  r = Lvupdate(home(), {"resume", "--skip", "path.restore", "--reason", "   "});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("--reason is blank"), std::string::npos) << r.out;
  EXPECT_EQ(Lvupdate(home(), {"journal", "events", "--json"}).out, events);
}

TEST_F(HostileInputTest, ByteOrderMarkInLvupdateDataIsAccepted) {
  const std::string data = home() + "/bom.data";
  WriteFile(data, "\xEF\xBB\xBF" + ReadFile(home() + "/lvupdate.data"));
  ProcResult r = Lvupdate(home(), {"preview", "-f", data, "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.find("unknown stanza"), std::string::npos) << r.out;
}

TEST_F(HostileInputTest, ImportOfAnOperationIdThatIsNotOneIsRefused) {
  ASSERT_EQ(Lvupdate(home(), RunArgs()).exit_code, 0);
  const std::string id = StatusJson(home())["id"];
  const std::string file = home() + "/op.jsonl";
  ASSERT_EQ(Lvupdate(home(), {"journal", "export", "-o", file}).exit_code, 0);
  std::string text = ReadFile(file);
  const std::string bad = id.substr(0, 25) + "\\u0000";
  for (size_t at = text.find(id); at != std::string::npos; at = text.find(id, at)) text.replace(at, id.size(), bad);
  WriteFile(file, text);
  TempHome other;
  ProcResult r = Lvupdate(other.path(), {"journal", "import", file});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("Crockford base32"), std::string::npos) << r.out;
  EXPECT_EQ(Lvupdate(other.path(), {"journal", "list"}).out.find(id.substr(0, 25)), std::string::npos);
}

TEST_F(HostileInputTest, AnImportedInterruptedOperationIsNotOfferedToResume) {
  TempHome other;
  ASSERT_EQ(InitLab(other.path()).exit_code, 0);
  ASSERT_EQ(Lvupdate(other.path(), {"sim", "fault", "add", "disk.assign", "--kind", "crash-after"}).exit_code, 0);
  ASSERT_EQ(Lvupdate(other.path(), {"run", "-d", other.path() + "/fixes", "dummy.150813.epkg.Z"}).exit_code, 86);
  const std::string file = other.path() + "/op.jsonl";
  ASSERT_EQ(Lvupdate(other.path(), {"journal", "export", "-o", file}).exit_code, 0);
  ASSERT_EQ(Lvupdate(home(), {"journal", "import", file}).exit_code, 0);
  ProcResult st = Lvupdate(home(), {"status"});
  EXPECT_NE(st.out.find("Status:    imported"), std::string::npos) << st.out;
  EXPECT_EQ(st.out.find("lvupdate resume"), std::string::npos) << st.out;
  EXPECT_TRUE(StatusJson(home())["imported"].get<bool>());
  ProcResult r = Lvupdate(home(), {"resume"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Nothing to do"), std::string::npos) << r.out;
  ExpectUnchanged();
}

}  // namespace
}  // namespace lvu::testing
