// lvupdate snap through the real binary: what the bundle holds for
// operations that completed, rolled back, were interrupted or crashed while
// rolling back; that no secret reaches it; that it stays bounded; that a
// failed write leaves nothing; and that preview keeps its last results.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "tools/tar_gz_writer.h"
#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kCrashExit = 86;
constexpr char kTop[] = "lvupdate.snap/";

void AppendFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::app) << text;
}

// The bundle's members by path (without the top directory).
std::map<std::string, std::string> Members(const std::string& file) {
  std::vector<tools::TarMember> members;
  Status s = tools::ReadTarGz(ReadFile(file), 1ull << 30, &members);
  EXPECT_TRUE(s.ok()) << s.message();
  std::map<std::string, std::string> out;
  for (auto& m : members) {
    EXPECT_EQ(m.path.rfind(kTop, 0), 0u) << m.path;
    out[m.path.substr(sizeof kTop - 1)] = std::move(m.bytes);
  }
  return out;
}

// The tar stream itself, decompressed by gzip.
std::string Decompressed(const std::string& file) {
  std::string out;
  std::FILE* p = popen(("gzip -dc '" + file + "'").c_str(), "r");
  if (p == nullptr) return out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

class SnapTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(InitLab(home()).exit_code, 0); }
  const std::string& home() const { return home_.path(); }
  ProcResult Run() { return Lvupdate(home(), {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}); }
  void Fault(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"sim", "fault", "add"};
    all.insert(all.end(), args.begin(), args.end());
    ASSERT_EQ(Lvupdate(home(), all).exit_code, 0);
  }
  // `snap ARGS -o FILE`: the members, after checking the output and the MANIFEST.
  std::map<std::string, std::string> Snap(std::vector<std::string> args = {}) {
    const std::string file = home() + "/bundle.tar.gz";
    fs::remove(file);
    args.insert(args.begin(), "snap");
    args.insert(args.end(), {"-o", file});
    ProcResult r = Lvupdate(home(), args);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("Support bundle: " + file), std::string::npos) << r.out;
    auto members = Members(file);
    EXPECT_NE(r.out.find("Members:        " + std::to_string(members.size()) + " files"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Size:           " + std::to_string(fs::file_size(file)) + " bytes"), std::string::npos)
        << r.out;
    CheckManifest(members);
    last_out_ = r.out;
    return members;
  }
  // MANIFEST lists every other member, with its size.
  void CheckManifest(const std::map<std::string, std::string>& members) {
    ASSERT_EQ(members.count("MANIFEST"), 1u);
    const std::string& m = members.at("MANIFEST");
    for (const auto& [path, bytes] : members) {
      if (path == "MANIFEST") continue;
      std::string needle = " " + std::string(kTop) + path;
      size_t at = m.find(needle);
      ASSERT_NE(at, std::string::npos) << path << "\n" << m;
      size_t bol = m.rfind('\n', at) + 1;
      std::istringstream line(m.substr(bol, at - bol));
      size_t size = 0;
      std::string sha;
      line >> size >> sha;
      EXPECT_EQ(size, bytes.size()) << path;
      EXPECT_EQ(sha.size(), 64u) << path;
    }
  }
  // The operation's members say what the journal commands say.
  void ExpectOperation(const std::map<std::string, std::string>& m, const std::string& op, const std::string& status) {
    const std::string dir = "ops/" + op + "/";
    for (const char* f : {"events.jsonl", "events.capnp", "show.txt", "show.json", "timeline.svg"}) {
      EXPECT_EQ(m.count(dir + f), 1u) << dir << f;
    }
    EXPECT_EQ(m.at(dir + "events.jsonl"), Lvupdate(home(), {"journal", "events", op, "--json"}).out);
    EXPECT_EQ(m.at(dir + "show.txt"), Lvupdate(home(), {"journal", "show", op}).out);
    auto show = nlohmann::json::parse(m.at(dir + "show.json"));
    EXPECT_EQ(show["status"], status) << m.at(dir + "show.txt");
    EXPECT_NE(m.at(dir + "show.txt").find("): " + status), std::string::npos) << m.at(dir + "show.txt");
    EXPECT_NE(m.at(dir + "timeline.svg").find("class=\"bar "), std::string::npos);
    // The capnp stream is the export's, and imports elsewhere into the same story.
    const std::string capnp = home() + "/check.capnp";
    ASSERT_EQ(Lvupdate(home(), {"journal", "export", op, "--format", "capnp", "-o", capnp}).exit_code, 0);
    EXPECT_EQ(m.at(dir + "events.capnp").size(), ReadFile(capnp).size());
    TempHome other;
    std::ofstream(other.path() + "/bundle.capnp", std::ios::binary) << m.at(dir + "events.capnp");
    ProcResult im = Lvupdate(other.path(), {"journal", "import", other.path() + "/bundle.capnp"});
    EXPECT_EQ(im.exit_code, 0) << im.out;
  }
  // The world, config, logs and versions every bundle has.
  void ExpectCommonParts(const std::map<std::string, std::string>& m) {
    for (const char* f : {"versions.txt", "config/lvupdate.data", "config/hmc.txt", "world/show.json",
                          "world/show.txt", "world/faults.json", "world/settings.json"}) {
      EXPECT_EQ(m.count(f), 1u) << f;
    }
    const std::string& v = m.at("versions.txt");
    for (const char* lib : {"lvupdate ", "RocksDB ", "Cap'n-Proto ", "spdlog ", "fmt ", "CLI11 ", "libarchive ",
                            "nlohmann-json "}) {
      EXPECT_NE(v.find(lib), std::string::npos) << lib << "\n" << v;
    }
    EXPECT_EQ(v.find("unknown"), std::string::npos) << v;
    auto world = nlohmann::json::parse(m.at("world/show.json"));
    auto now = World(home());
    EXPECT_EQ(world["lpars"], now["lpars"]);
    EXPECT_EQ(m.count("hmc/token"), 0u);
    for (const auto& [path, bytes] : m) EXPECT_EQ(path.find("token"), std::string::npos) << path;
  }
  std::string Op() { return StatusJson(home())["id"]; }

  TempHome home_;
  std::string last_out_;
};

TEST_F(SnapTest, CompletedOperation) {
  ASSERT_EQ(Run().exit_code, 0);
  auto m = Snap();
  ExpectOperation(m, Op(), "completed");
  ExpectCommonParts(m);
  EXPECT_EQ(m.count("journal/list.txt"), 1u);
  EXPECT_NE(m.at("journal/verify.txt").find("no problem found"), std::string::npos);
  bool log = false;
  for (const auto& [path, bytes] : m) log = log || path.rfind("logs/lvupdlog.", 0) == 0;
  EXPECT_TRUE(log);
  EXPECT_NE(last_out_.find("Operations:     " + Op() + " (update, completed)"), std::string::npos) << last_out_;
}

TEST_F(SnapTest, RolledBackOperation) {
  Fault({"disk.assign", "--kind", "fail"});
  ASSERT_EQ(Run().exit_code, 4);
  auto m = Snap();
  ExpectOperation(m, Op(), "rolled_back");
  ExpectCommonParts(m);
  EXPECT_NE(m.at("ops/" + Op() + "/show.txt").find("injected failure at disk.assign"), std::string::npos);
}

TEST_F(SnapTest, InterruptedOperation) {
  Fault({"workload.restart", "--kind", "crash-after"});
  ASSERT_EQ(Run().exit_code, kCrashExit);
  auto m = Snap();
  ExpectOperation(m, Op(), "interrupted");
  ExpectCommonParts(m);
}

TEST_F(SnapTest, CrashDuringRollback) {
  Fault({"disk.assign", "--kind", "fail"});
  Fault({"lpar.create_surrogate", "--kind", "crash-after", "--phase", "compensate"});
  ASSERT_EQ(Run().exit_code, kCrashExit);
  auto m = Snap();
  ExpectOperation(m, Op(), "interrupted");
  EXPECT_NE(m.at("ops/" + Op() + "/show.txt").find("Rollback:"), std::string::npos);
  // And after the rollback is finished, both tell the same story.
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, 0);
  ExpectOperation(Snap(), Op(), "rolled_back");
}

TEST_F(SnapTest, DefaultTakesTheNewestAndTheUpdateItReverts) {
  ASSERT_EQ(Run().exit_code, 0);
  const std::string update = Op();
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, 0);
  const std::string revert = Op();
  ASSERT_NE(revert, update);
  auto m = Snap();
  ExpectOperation(m, revert, "reverted");
  ExpectOperation(m, update, "completed");
  // An operation named: that one only (a prefix, in lower case).
  std::string prefix = update.substr(0, 20);
  for (auto& c : prefix) c = static_cast<char>(std::tolower(c));
  m = Snap({prefix});
  EXPECT_EQ(m.count("ops/" + update + "/show.txt"), 1u);
  EXPECT_EQ(m.count("ops/" + revert + "/show.txt"), 0u);
  // The update named: and --all.
  m = Snap({"--all"});
  EXPECT_EQ(m.count("ops/" + update + "/show.txt"), 1u);
  EXPECT_EQ(m.count("ops/" + revert + "/show.txt"), 1u);
  // Bad operation arguments.
  EXPECT_EQ(Lvupdate(home(), {"snap", "NOPE"}).exit_code, 2);
  EXPECT_EQ(Lvupdate(home(), {"snap", "--all", update}).exit_code, 2);
}

TEST_F(SnapTest, NoOperationAtAll) {
  auto m = Snap({"-U"});
  ExpectCommonParts(m);
  for (const auto& [path, bytes] : m) EXPECT_NE(path.rfind("ops/", 0), 0u) << path;
  EXPECT_NE(m.at("MANIFEST").find("note: no journal at"), std::string::npos) << m.at("MANIFEST");
  EXPECT_NE(last_out_.find("Operations:     none"), std::string::npos) << last_out_;
}

TEST_F(SnapTest, DefaultOutputAndJson) {
  ProcResult r = Lvupdate(home(), {"snap", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  const std::string path = j["path"];
  EXPECT_EQ(path.rfind(home() + "/snap/lvupdate.snap.", 0), 0u) << path;
  EXPECT_EQ(path.size(), (home() + "/snap/lvupdate.snap.20261123T012345.tar.gz").size()) << path;
  EXPECT_EQ(j["bytes"].get<size_t>(), fs::file_size(path));
  EXPECT_EQ(j["members"].get<size_t>(), Members(path).size());
  EXPECT_TRUE(j["operations"].empty());
}

// One marker password in lvupdate.data, in a log line, in a registered
// notification script's command line (so also in the journal and in the
// run's log), and the HMC token: none of them anywhere in the bundle.
TEST_F(SnapTest, SecretsAppearNowhere) {
  const std::string marker = "Mk7-zq9-PASS";
  const std::string script = home() + "/notify.sh";
  {
    std::ofstream(script) << "#!/bin/sh\necho \"notify $LVUP_PHASE with $*\"\nexit 0\n";
  }
  fs::permissions(script, fs::perms::owner_all);
  ProcResult reg = Lvupdate(home(), {"regscript", "-a", "-n", "NOTIFY", "-s", script + " -u admin -p " + marker, "-d",
                                     "orig", "-P", "LVUP_CHECK", "-p", "1"});
  ASSERT_EQ(reg.exit_code, 0) << reg.out;
  ASSERT_EQ(Lvupdate(home(), {"preview", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}).exit_code, 0);
  ASSERT_EQ(Run().exit_code, 0);
  AppendFile(home() + "/lvupdate.data", "* hmc password = " + marker + "\n");
  fs::create_directories(home() + "/logs");
  AppendFile(home() + "/logs/lvupdlog.2000-01-01_00:00:00.000", "[info] connecting with password=" + marker + " ok\n");
  // The token, as hmcauth saved it.
  std::string token;
  {
    std::istringstream in(ReadFile(home() + "/hmc/token"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("token = ", 0) == 0) token = line.substr(8);
    }
  }
  ASSERT_GE(token.size(), 32u);
  // The registration holds it; the journal and the run's log never did (the
  // script's command line and output are scrubbed before they are written).
  std::string journal_text = Lvupdate(home(), {"journal", "events", "--json"}).out;
  EXPECT_EQ(journal_text.find(marker), std::string::npos);
  EXPECT_NE(journal_text.find("-p <redacted>"), std::string::npos) << journal_text;
  ASSERT_NE(ReadFile(home() + "/liveupdate/lvup_script.json").find(marker), std::string::npos);

  const std::string file = home() + "/bundle.tar.gz";
  ProcResult r = Lvupdate(home(), {"snap", "-o", file});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.find(marker), std::string::npos);
  auto m = Members(file);
  ASSERT_GT(m.size(), 10u);
  for (const auto& [path, bytes] : m) {
    EXPECT_EQ(bytes.find(marker), std::string::npos) << path;
    EXPECT_EQ(bytes.find(token), std::string::npos) << path;
    EXPECT_EQ(path.find(marker), std::string::npos) << path;
  }
  const std::string stream = Decompressed(file);
  ASSERT_GT(stream.size(), 10000u);
  EXPECT_EQ(stream.find(marker), std::string::npos);
  EXPECT_EQ(stream.find(token), std::string::npos);
  // Redacted where they stood, and counted.
  EXPECT_NE(m.at("config/lvupdate.data").find("password = <redacted>"), std::string::npos) << m.at("config/lvupdate.data");
  EXPECT_NE(m.at("config/liveupdate/lvup_script.json").find("-p <redacted>"), std::string::npos);
  EXPECT_NE(m.at("logs/lvupdlog.2000-01-01_00:00:00.000").find("password=<redacted>"), std::string::npos);
  EXPECT_NE(m.at("MANIFEST").find(" replaced by <redacted>"), std::string::npos);
  EXPECT_EQ(m.count("preview/last.json"), 1u);
  // The journal's copy is still a valid stream.
  TempHome other;
  const std::string op = Op();
  std::ofstream(other.path() + "/b.capnp", std::ios::binary) << m.at("ops/" + op + "/events.capnp");
  EXPECT_EQ(Lvupdate(other.path(), {"journal", "import", other.path() + "/b.capnp"}).exit_code, 0);
}

TEST_F(SnapTest, LogsAreBounded) {
  fs::create_directories(home() + "/logs");
  std::string big;
  for (int i = 0; big.size() < 3 * 1024 * 1024; ++i) big += "[info] line " + std::to_string(i) + " of a long log\n";
  AppendFile(home() + "/logs/lvupdlog.2001-01-01_00:00:00.000", big);
  for (int k = 0; k < 5; ++k) {
    AppendFile(home() + "/logs/lvupdlog.2000-01-0" + std::to_string(k + 1) + "_00:00:00.000", big.substr(0, 100000));
  }
  auto m = Snap({"--max-log-bytes", "65536", "--max-total-log-bytes", "200000"});
  const std::string& newest = m.at("logs/lvupdlog.2001-01-01_00:00:00.000");
  EXPECT_LE(newest.size(), 65536u + 64u);
  EXPECT_EQ(newest.rfind("[info] line 0 of a long log\n", 0), 0u);
  const std::string last_line = big.substr(big.rfind('\n', big.size() - 2) + 1);
  EXPECT_EQ(newest.substr(newest.size() - last_line.size()), last_line);
  EXPECT_NE(newest.find(" bytes cut here]\n"), std::string::npos);
  size_t logs = 0, count = 0;
  for (const auto& [path, bytes] : m) {
    if (path.rfind("logs/", 0) == 0) {
      logs += bytes.size();
      ++count;
    }
  }
  EXPECT_LE(logs, 200000u + 6 * 64u);
  EXPECT_LT(count, 6u);
  EXPECT_NE(m.at("MANIFEST").find("left out: the logs' limit"), std::string::npos) << m.at("MANIFEST");
  EXPECT_NE(m.at("MANIFEST").find("(cut: "), std::string::npos) << m.at("MANIFEST");
  // The default keeps a 3 MiB log under 1 MiB.
  auto d = Snap();
  EXPECT_LE(d.at("logs/lvupdlog.2001-01-01_00:00:00.000").size(), (1u << 20) + 64u);
  EXPECT_LT(fs::file_size(home() + "/bundle.tar.gz"), 1u << 20);
}

TEST_F(SnapTest, OperationsAreBounded) {
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(Run().exit_code, 0);
    ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, 0);  // reverted: the next run starts from the lab again
    ASSERT_EQ(InitLab(home()).exit_code, 0);
  }
  auto all = Snap({"--all"});
  size_t ops = 0;
  for (const auto& [path, bytes] : all) ops += path.starts_with("ops/") && path.ends_with("/show.txt");
  EXPECT_EQ(ops, 6u);  // three updates and their reverts
  // A limit of one byte: the first operation whole, the others left out with a note.
  auto m = Snap({"--all", "--max-ops-bytes", "1"});
  ops = 0;
  for (const auto& [path, bytes] : m) ops += path.starts_with("ops/") && path.ends_with("/show.txt");
  EXPECT_EQ(ops, 1u);
  const std::string& manifest = m.at("MANIFEST");
  size_t notes = 0;
  for (size_t at = manifest.find("left out: the operations' limit (--max-ops-bytes 1) is spent"); at != std::string::npos;
       at = manifest.find("left out: the operations' limit", at + 1)) {
    notes++;
  }
  EXPECT_EQ(notes, 5u) << manifest;
}

TEST_F(SnapTest, FailedWriteLeavesNothing) {
  const std::string missing = home() + "/no/such/dir/b.tar.gz";
  ProcResult r = Lvupdate(home(), {"snap", "-o", missing});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find(missing), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(home() + "/no"));
  // A directory in the way: the rename fails, the temporary file goes.
  fs::create_directories(home() + "/out/b.tar.gz");
  r = Lvupdate(home(), {"snap", "-o", home() + "/out/b.tar.gz"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find(home() + "/out/b.tar.gz"), std::string::npos) << r.out;
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(home() + "/out")) {
    ++entries;
    EXPECT_TRUE(e.is_directory()) << e.path();
  }
  EXPECT_EQ(entries, 1u);
}

TEST_F(SnapTest, BesideARunningOperation) {
  // Real time: at 100 simulated seconds per second the update takes about 7 s.
  const std::string out = home() + "/run.out";
  int pid = SpawnLvupdate(home(), {"--speed", "100", "run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}, out);
  ASSERT_GT(pid, 0);
  bool running = false;
  for (int i = 0; i < 200 && !running; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto list = nlohmann::json::parse(Lvupdate(home(), {"journal", "list", "--json"}).out, nullptr, false);
    running = list.is_array() && list.size() == 1 && list[0]["status"] == "running";
  }
  ASSERT_TRUE(running);
  auto m = Snap();
  const std::string op = StatusJson(home())["id"];
  EXPECT_EQ(nlohmann::json::parse(m.at("ops/" + op + "/show.json"))["status"], "running");
  EXPECT_EQ(WaitExit(pid), 0) << ReadFile(out);
}

TEST_F(SnapTest, PreviewKeepsItsLastResults) {
  const auto world = World(home());
  ProcResult p = Lvupdate(home(), {"preview", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  ASSERT_EQ(p.exit_code, 0) << p.out;
  EXPECT_EQ(WithoutClockAndErrlog(World(home())), WithoutClockAndErrlog(world));  // (preview spends world time)
  EXPECT_EQ(ReadFile(home() + "/preview/last.txt"), p.out);
  auto j = nlohmann::json::parse(ReadFile(home() + "/preview/last.json"));
  EXPECT_TRUE(j["passed"].get<bool>());
  EXPECT_EQ(j["exit"], 0);
  ProcResult pj = Lvupdate(home(), {"preview", "--json", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(nlohmann::json::parse(ReadFile(home() + "/preview/last.json"))["preview"], nlohmann::json::parse(pj.out));
  // A failing preview is kept too.
  ASSERT_EQ(Lvupdate(home(), {"sim", "set", "fs./var.free_mb", "10"}).exit_code, 0);
  p = Lvupdate(home(), {"preview", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  ASSERT_EQ(p.exit_code, 3) << p.out;
  EXPECT_EQ(ReadFile(home() + "/preview/last.txt"), p.out);
  EXPECT_FALSE(nlohmann::json::parse(ReadFile(home() + "/preview/last.json"))["passed"].get<bool>());
  // Nothing else changed: no journal (`sim set` took the live update lock,
  // <home>/journal/LVUPDATE.LOCK, and nothing more), no temporary file left.
  EXPECT_FALSE(fs::exists(home() + "/journal/CURRENT"));
  for (const auto& e : fs::directory_iterator(home() + "/preview")) {
    EXPECT_EQ(e.path().filename().string().find(".tmp."), std::string::npos) << e.path();
  }
  auto m = Snap();
  EXPECT_EQ(m.at("preview/last.txt"), p.out);
}

}  // namespace
}  // namespace lvu::testing
