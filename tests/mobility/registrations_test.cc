// Registrations: AIX's field limits, errors naming the field, durable files
// under <home>/liveupdate.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "actions/apps/registrations.h"
#include "tests/support/lvu_process.h"

namespace lvu::actions {
namespace {

void ExpectBad(const Status& s, const std::string& text) {
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_NE(s.message().find(text), std::string::npos) << s.message();
}

TEST(RegistrationsTest, BaseProcLimits) {
  std::vector<BaseProcRegistration> v;
  ASSERT_TRUE(AddBaseProc(&v, "myserv", "/usr/sbin/myservice").ok());
  ExpectBad(AddBaseProc(&v, "myserv", "/usr/sbin/other"), "-n label: 'myserv' is already registered");
  ExpectBad(AddBaseProc(&v, std::string(81, 'l'), "/x"), "-n label: at most 80 characters (81 given)");
  EXPECT_TRUE(AddBaseProc(&v, std::string(80, 'l'), "/x").ok());
  ExpectBad(AddBaseProc(&v, "", "/x"), "-n label: a label is required");
  ExpectBad(AddBaseProc(&v, "a b", "/x"), "contains a blank");
  ExpectBad(AddBaseProc(&v, "rel", "usr/sbin/x"), "-a command: 'usr/sbin/x' is not a full path");
  ExpectBad(AddBaseProc(&v, "long", "/" + std::string(1024, 'c')), "-a command: at most 1024 characters (1025 given)");
  EXPECT_EQ(v.size(), 2u);
  ASSERT_TRUE(RemoveBaseProc(&v, "myserv").ok());
  ExpectBad(RemoveBaseProc(&v, "myserv"), "no base process is registered as 'myserv'");
}

TEST(RegistrationsTest, InittabEntryFieldsAndLimits) {
  drivers::InittabEntry e;
  ASSERT_TRUE(ParseInittabEntry("mysrv:2:respawn:/opt/my/bin/mysrv -d >/dev/console 2>&1", "", &e).ok());
  EXPECT_EQ(e.id, "mysrv");
  EXPECT_EQ(e.runlevel, "2");
  EXPECT_EQ(e.action, "respawn");
  EXPECT_EQ(e.command, "/opt/my/bin/mysrv -d >/dev/console 2>&1");  // colons after the third stay in the command
  ASSERT_TRUE(ParseInittabEntry(":23:once:/opt/a", "byflag", &e).ok());
  EXPECT_EQ(e.id, "byflag");
  ExpectBad(ParseInittabEntry("x:2:once:/a", "y", &e), "-i Identifier: 'y' differs from the entry's identifier 'x'");
  ExpectBad(ParseInittabEntry(":2:once:/a", "", &e), "Identifier: an identifier is required");
  ExpectBad(ParseInittabEntry("abcdefghijklmno:2:once:/a", "", &e), "Identifier: at most 14 characters");
  EXPECT_TRUE(ParseInittabEntry("abcdefghijklmn:2:once:/a", "", &e).ok());
  ExpectBad(ParseInittabEntry("x:" + std::string(21, '2') + ":once:/a", "", &e), "RunLevel: at most 20 characters");
  ExpectBad(ParseInittabEntry("x:2z:once:/a", "", &e), "RunLevel: '2z'");
  ExpectBad(ParseInittabEntry("x:2:" + std::string(21, 'a') + ":/a", "", &e), "Action: at most 20 characters");
  ExpectBad(ParseInittabEntry("x:2:sometimes:/a", "", &e), "Action: 'sometimes' is not an init action");
  ExpectBad(ParseInittabEntry("x:2:once:/" + std::string(1024, 'c'), "", &e), "Command: at most 1024 characters");
  ExpectBad(ParseInittabEntry("x:2:once", "", &e), "is not Identifier:RunLevel:Action:Command");
  std::vector<drivers::InittabEntry> v;
  ASSERT_TRUE(AddInittab(&v, {"a", "2", "once", "/a"}).ok());
  ExpectBad(AddInittab(&v, {"a", "2", "once", "/b"}), "Identifier: 'a' is already registered");
  ExpectBad(RemoveInittab(&v, "b"), "-i Identifier: no entry 'b'");
  EXPECT_TRUE(RemoveInittab(&v, "a").ok());
}

TEST(RegistrationsTest, ScriptFields) {
  std::vector<ScriptRegistration> v;
  ScriptRegistration r{"app", "/opt/app/lvu.sh check now", "orig", "LVUP_CHECK", 5, 120, false};
  ASSERT_TRUE(AddScript(&v, r).ok());
  ExpectBad(AddScript(&v, r), "-n label: 'app' is already registered for orig LVUP_CHECK");
  auto with = [&](auto change) {
    ScriptRegistration x = r;
    x.label = "other";
    change(x);
    return AddScript(&v, x);
  };
  ExpectBad(with([](auto& x) { x.side = "both"; }), "-d side: 'both' is neither orig nor surr");
  ExpectBad(with([](auto& x) { x.phase = "LVUP_LATER"; }), "-P phase: 'LVUP_LATER' is not");
  ExpectBad(with([](auto& x) { x.priority = 0; }), "-p priority: 0 is not 1 to 10");
  ExpectBad(with([](auto& x) { x.priority = 11; }), "-p priority: 11 is not 1 to 10");
  ExpectBad(with([](auto& x) { x.timeout_s = 0; }), "-t timeout: 0 is not 1 to 86400 seconds");
  ExpectBad(with([](auto& x) { x.script = "lvu.sh"; }), "-s script: the program 'lvu.sh' is not a full path");
  ExpectBad(with([](auto& x) { x.script = "/a \"b"; }), "-s script: unterminated double quote");
  ExpectBad(with([](auto& x) { x.side = "surr"; }), "-d side: LVUP_CHECK runs on the original partition only");
  ExpectBad(with([](auto& x) { x.phase = "LVUP_POST"; }), "-d side: LVUP_POST runs on the surrogate partition only");
  EXPECT_TRUE(with([](auto& x) { x.phase = "LVUP_ERROR"; x.side = "surr"; }).ok());
  EXPECT_TRUE(with([](auto& x) { x.phase = "LVUP_PRE_KERNEL"; x.side = "surr"; }).ok());
  ExpectBad(RemoveScript(&v, "app", "orig", "LVUP_CHECK", 4), "no script 'app' is registered for orig LVUP_CHECK");
  EXPECT_TRUE(RemoveScript(&v, "app", "orig", "LVUP_CHECK", 5).ok());
  EXPECT_EQ(v.size(), 2u);
}

TEST(RegistrationsTest, KernelExtensions) {
  std::vector<KextRegistration> v;
  ASSERT_TRUE(AddPreloadKext(&v, "/usr/lib/drivers/acmefs.ext", "/usr/sbin/acmefs_load -q").ok());
  ExpectBad(AddPreloadKext(&v, "/usr/lib/drivers/acmefs.ext", "/x"), "-a kext_path: '/usr/lib/drivers/acmefs.ext' is already registered");
  ExpectBad(AddPreloadKext(&v, "/home/me/x.ext", "/x"), "in /home; it must be in rootvg");
  ExpectBad(AddPreloadKext(&v, "x.ext", "/x"), "-a kext_path: 'x.ext' is not a full path");
  ExpectBad(AddPreloadKext(&v, "/usr/lib/drivers/b.ext", "/home/me/load"), "-c command: '/home/me/load' is in /home");
  ExpectBad(AddPreloadKext(&v, "/usr/lib/drivers/b.ext", ""), "-c command: a command is required");
  std::vector<std::string> safe;
  ASSERT_TRUE(AddSafeKext(&safe, "/usr/lib/drivers/acmefs.ext").ok());
  ExpectBad(AddSafeKext(&safe, "/usr/lib/drivers/acmefs.ext"), "already in the safe list");
  ExpectBad(RemoveSafeKext(&safe, "/usr/lib/drivers/none.ext"), "is not in the safe list");
  EXPECT_TRUE(RemoveSafeKext(&safe, "/usr/lib/drivers/acmefs.ext").ok());
}

TEST(RegistrationsTest, SplitCommandLine) {
  std::vector<std::string> argv;
  ASSERT_TRUE(SplitCommandLine("  /usr/bin/x  a \"b c\" d\"e\"  ", &argv).ok());
  EXPECT_EQ(argv, (std::vector<std::string>{"/usr/bin/x", "a", "b c", "de"}));
  ASSERT_TRUE(SplitCommandLine("/x \"\"", &argv).ok());
  EXPECT_EQ(argv, (std::vector<std::string>{"/x", ""}));
}

TEST(RegistrationsTest, FilesUnderHomeRoundTripAndCorruptionNamesTheFile) {
  testing::TempHome home;
  Registrations r;
  ASSERT_TRUE(LoadRegistrations(home.path(), &r).ok());  // nothing yet: empty lists
  EXPECT_TRUE(r.base_procs.empty() && r.inittab.empty() && r.scripts.empty());
  ASSERT_TRUE(SaveBaseProcs(home.path(), {{"myserv", "/usr/sbin/myservice"}}).ok());
  ASSERT_TRUE(SaveInittab(home.path(), {{"mysrv", "2", "respawn", "/opt/my/bin/mysrv"}}).ok());
  ASSERT_TRUE(SaveScripts(home.path(), {{"app", "/opt/app/lvu.sh", "orig", "LVUP_PRE", 3, 30, true}}).ok());
  ASSERT_TRUE(SavePreloadKexts(home.path(), {{"/usr/lib/drivers/a.ext", "/usr/sbin/load_a"}}).ok());
  ASSERT_TRUE(SaveSafeKexts(home.path(), {"/usr/lib/drivers/a.ext"}).ok());
  ASSERT_TRUE(LoadRegistrations(home.path(), &r).ok());
  ASSERT_EQ(r.base_procs.size(), 1u);
  EXPECT_EQ(r.base_procs[0].command, "/usr/sbin/myservice");
  ASSERT_EQ(r.inittab.size(), 1u);
  EXPECT_EQ(r.inittab[0].action, "respawn");
  ASSERT_EQ(r.scripts.size(), 1u);
  EXPECT_EQ(r.scripts[0].timeout_s, 30);
  EXPECT_TRUE(r.scripts[0].rerunnable);
  EXPECT_EQ(r.preload_kexts[0].command, "/usr/sbin/load_a");
  EXPECT_EQ(r.safe_kexts, std::vector<std::string>{"/usr/lib/drivers/a.ext"});
  for (const char* f : {"lvup_BaseProcs.json", "lvup_inittab.json", "lvup_script.json", "lvup_preload_KE.json",
                        "lvup_safe_KE.json"})
    EXPECT_TRUE(std::filesystem::exists(home.path() + "/liveupdate/" + f)) << f;
  EXPECT_FALSE(std::filesystem::exists(home.path() + "/liveupdate/lvup_script.json.tmp"));
  std::ofstream(home.path() + "/liveupdate/lvup_script.json") << "[{\"label\": 1}]";
  Status s = LoadRegistrations(home.path(), &r);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("lvup_script.json"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::actions
