// The registration commands through the real binary: add, list, remove,
// exit 2 naming the field, persistence, the AIX names as program names, and
// the simulated mobility system calls.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/lvu_process.h"

extern char** environ;

namespace lvu::testing {
namespace {

class CommandsTest : public ::testing::Test {
 protected:
  const std::string& home() const { return home_.path(); }
  ProcResult Run(const std::vector<std::string>& args) { return Lvupdate(home(), args); }
  void Ok(const std::vector<std::string>& args) {
    ProcResult r = Run(args);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  void ExpectBad(const std::vector<std::string>& args, const std::string& text) {
    ProcResult r = Run(args);
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find(text), std::string::npos) << r.out;
  }
  TempHome home_;
};

TEST_F(CommandsTest, SetProcsAddListRemove) {
  Ok({"setprocs", "-b", "-n", "myserv", "-a", "/usr/sbin/myservice"});
  EXPECT_EQ(Run({"setprocs", "-bl"}).out, "myserv = /usr/sbin/myservice\n");
  ExpectBad({"setprocs", "-b", "-n", "myserv", "-a", "/usr/sbin/other"}, "-n label: 'myserv' is already registered");
  ExpectBad({"setprocs", "-n", "x", "-a", "/x"}, "-b is required");
  ExpectBad({"setprocs", "-b", "-n", "x", "-a", "x"}, "-a command: 'x' is not a full path");
  ExpectBad({"setprocs", "-b", "-n", std::string(81, 'n'), "-a", "/x"}, "-n label: at most 80 characters");
  ExpectBad({"setprocs", "-b", "-l", "-r", "-n", "x"}, "give exactly one of -a, -r, -l");
  EXPECT_TRUE(std::filesystem::exists(home() + "/liveupdate/lvup_BaseProcs.json"));
  Ok({"setprocs", "-b", "-n", "myserv", "-r"});
  EXPECT_EQ(Run({"setprocs", "-b", "-l"}).out, "No base process is registered.\n");
  ExpectBad({"setprocs", "-b", "-n", "myserv", "-r"}, "no base process is registered as 'myserv'");
}

TEST_F(CommandsTest, InitAddListRemoveWithAixLimits) {
  Ok({"init", "-a", "mysrv:2:respawn:/opt/my/bin/mysrv -d"});
  Ok({"init", "-a", "-i", "other", ":2:once:/opt/my/bin/other"});
  EXPECT_EQ(Run({"init", "-l"}).out, "mysrv:2:respawn:/opt/my/bin/mysrv -d\nother:2:once:/opt/my/bin/other\n");
  ExpectBad({"init", "-a", "mysrv:2:once:/x"}, "Identifier: 'mysrv' is already registered");
  ExpectBad({"init", "-a", "identifier15chr:2:once:/x"}, "Identifier: at most 14 characters");
  ExpectBad({"init", "-a", "x:123456789012345678901:once:/x"}, "RunLevel: at most 20 characters");
  ExpectBad({"init", "-a", "x:2:respawnrespawnrespawn:/x"}, "Action: at most 20 characters");
  ExpectBad({"init", "-a", "x:2:once:/" + std::string(1024, 'c')}, "Command: at most 1024 characters");
  Ok({"init", "-r", "-i", "mysrv"});
  EXPECT_EQ(Run({"init", "-l"}).out, "other:2:once:/opt/my/bin/other\n");
  ExpectBad({"init", "-r", "-i", "mysrv"}, "-i Identifier: no entry 'mysrv'");
}

TEST_F(CommandsTest, RegScriptListsLikeAix) {
  Ok({"regscript", "-a", "-n", "STOP_CACHE", "-s", "/usr/sbin/cache_mgt cache stop -t all", "-d", "orig", "-P",
      "LVUP_CHECK", "-p", "6"});
  Ok({"regscript", "-a", "-n", "ERR_START", "-s", "/usr/bin/startsrc -s pfcdaemon", "-d", "orig", "-P",
      "LVUP_ERROR", "-p", "2", "-t", "30", "--rerunnable"});
  EXPECT_EQ(Run({"regscript", "-l"}).out,
            "orig,LVUP_CHECK,6:\n"
            "        STOP_CACHE = /usr/sbin/cache_mgt cache stop -t all\n"
            "orig,LVUP_ERROR,2:\n"
            "        ERR_START = /usr/bin/startsrc -s pfcdaemon    [timeout 30 s, re-runnable]\n");
  ExpectBad({"regscript", "-a", "-n", "x", "-s", "/bin/true", "-d", "orig", "-P", "LVUP_CHECK"},
            "-p priority: a priority (1 to 10) is required");
  ExpectBad({"regscript", "-a", "-n", "x", "-s", "/bin/true", "-d", "orig", "-P", "LVUP_CHECK", "-p", "11"},
            "-p priority: 11 is not 1 to 10");
  ExpectBad({"regscript", "-a", "-n", "x", "-s", "/bin/true", "-d", "middle", "-P", "LVUP_PRE", "-p", "1"},
            "-d side: 'middle' is neither orig nor surr");
  ExpectBad({"regscript", "-a", "-n", "x", "-s", "/bin/true", "-d", "orig", "-P", "LVUP_SOON", "-p", "1"},
            "-P phase: 'LVUP_SOON'");
  ExpectBad({"regscript", "-a", "-n", "x", "-s", "/bin/true", "-d", "orig", "-P", "LVUP_PRE", "-p", "x"}, "-p");
  Ok({"regscript", "-r", "-n", "STOP_CACHE", "-d", "orig", "-P", "LVUP_CHECK"});
  EXPECT_EQ(Run({"regscript", "-l", "--json"}).exit_code, 0);
  ExpectBad({"regscript", "-r", "-n", "STOP_CACHE", "-d", "orig", "-P", "LVUP_CHECK"}, "no script 'STOP_CACHE'");
}

TEST_F(CommandsTest, RegKeAndSafeKe) {
  Ok({"regke", "-a", "/usr/lib/drivers/acmefs.ext", "-c", "/usr/sbin/acmefs_load -q"});
  EXPECT_EQ(Run({"regke", "-l"}).out, "/usr/lib/drivers/acmefs.ext:\n        command = /usr/sbin/acmefs_load -q\n");
  ExpectBad({"regke", "-a", "/usr/lib/drivers/b.ext"}, "-c command: -a needs the command");
  ExpectBad({"regke", "-a", "/home/me/b.ext", "-c", "/x"}, "it must be in rootvg");
  Ok({"regke", "-r", "/usr/lib/drivers/acmefs.ext"});
  Ok({"safeke", "-a", "/usr/lib/drivers/acmefs.ext"});
  EXPECT_EQ(Run({"safeke", "-l"}).out, "/usr/lib/drivers/acmefs.ext\n");
  ExpectBad({"safeke", "-a", "/usr/lib/drivers/acmefs.ext"}, "already in the safe list");
  Ok({"safeke", "-r", "/usr/lib/drivers/acmefs.ext"});
  EXPECT_EQ(Run({"safeke", "-l"}).out, "No kernel extension is in the safe list.\n");
}

// `lvupdateSetProcs ...` is `lvupdate setprocs ...` when lvupdate is reached
// through a link of that name.
TEST_F(CommandsTest, AixNamesAsProgramNames) {
  std::string bin = home() + "/bin";
  std::filesystem::create_directories(bin);
  for (const char* name : {"lvupdateSetProcs", "lvupdateInit", "lvupdateRegScript", "lvupdateRegKE", "lvupdateSafeKE"})
    std::filesystem::create_symlink(LVU_BINARY, bin + "/" + name);
  auto alias = [&](const std::string& name, std::vector<std::string> args) {
    std::vector<std::string> argv = {bin + "/" + name, "--home", home()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::string out = home() + "/alias.out";
    pid_t pid = SpawnProgram(argv, out);
    ProcResult r;
    r.exit_code = WaitExit(pid);
    r.out = ReadFile(out);
    return r;
  };
  ProcResult r = alias("lvupdateSetProcs", {"-b", "-n", "myserv", "-a", "/usr/sbin/myservice"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Run({"setprocs", "-b", "-l"}).out, "myserv = /usr/sbin/myservice\n");
  EXPECT_EQ(alias("lvupdateSetProcs", {"-bl"}).out, "myserv = /usr/sbin/myservice\n");
  EXPECT_EQ(alias("lvupdateInit", {"-a", "mysrv:2:once:/opt/my/bin/mysrv"}).exit_code, 0);
  EXPECT_EQ(alias("lvupdateInit", {"-l"}).out, "mysrv:2:once:/opt/my/bin/mysrv\n");
  EXPECT_EQ(alias("lvupdateRegScript", {"-a", "-n", "a", "-s", "/bin/true", "-d", "orig", "-P", "LVUP_PRE", "-p", "1"})
                .exit_code,
            0);
  EXPECT_EQ(alias("lvupdateRegKE", {"-l"}).exit_code, 0);
  EXPECT_EQ(alias("lvupdateSafeKE", {"-a", "/usr/lib/drivers/x.ext"}).exit_code, 0);
  ProcResult bad = alias("lvupdateInit", {"-a", "toolongidentifier:2:once:/x"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("Identifier: at most 14 characters"), std::string::npos) << bad.out;
}

TEST_F(CommandsTest, MobilityCallsOutsideALiveUpdateGetEagain) {
  ASSERT_EQ(InitLab(home()).exit_code, 0);
  ProcResult r = Run({"sim", "proc", "base-set", "4063468"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("proc_mobility_base_set by process 4063468 on partition 99: EAGAIN"), std::string::npos)
      << r.out;
  r = Run({"sim", "proc", "restartexit-set", "42"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("ESRCH"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace lvu::testing
