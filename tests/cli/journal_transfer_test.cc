// journal export and import through the real binary: an operation exported
// from one home and imported into another tells the same story; import is
// all or nothing and refuses what does not verify or is already there.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

constexpr int kCrashExit = 86;

class JournalTransferTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(InitLab(a()).exit_code, 0); }
  const std::string& a() const { return a_.path(); }
  const std::string& b() const { return b_.path(); }
  ProcResult Run() { return Lvupdate(a(), {"run", "-d", a() + "/fixes", "dummy.150813.epkg.Z"}); }
  std::string Show(const std::string& home, const std::string& op) {
    ProcResult r = Lvupdate(home, {"journal", "show", op, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return r.out;
  }
  std::string Events(const std::string& home, const std::string& op) {
    ProcResult r = Lvupdate(home, {"journal", "events", op, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return r.out;
  }
  // Exports the newest operation of A in `format`, imports it into B, and
  // checks that B tells the same story.
  void RoundTrip(const std::string& format) {
    std::string op = StatusJson(a())["id"];
    std::string file = a() + "/export." + format;
    ProcResult ex = Lvupdate(a(), {"journal", "export", "-o", file, "--format", format});
    ASSERT_EQ(ex.exit_code, 0) << ex.out;
    EXPECT_NE(ex.out.find("Exported operation " + op), std::string::npos) << ex.out;
    for (const auto& f : std::filesystem::directory_iterator(a())) {
      EXPECT_EQ(f.path().filename().string().find(".tmp."), std::string::npos) << f.path();
    }
    ProcResult im = Lvupdate(b(), {"journal", "import", file});
    ASSERT_EQ(im.exit_code, 0) << im.out;
    EXPECT_NE(im.out.find("Imported operation " + op), std::string::npos) << im.out;
    EXPECT_EQ(Show(b(), op), Show(a(), op));
    EXPECT_EQ(Events(b(), op), Events(a(), op));
    ProcResult v = Lvupdate(b(), {"journal", "verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out;
    // Once only.
    ProcResult again = Lvupdate(b(), {"journal", "import", file});
    EXPECT_EQ(again.exit_code, 2) << again.out;
    EXPECT_NE(again.out.find("already in the journal"), std::string::npos) << again.out;
  }

  TempHome a_, b_;
};

TEST_F(JournalTransferTest, RolledBackOperationRoundTripsAsJsonLines) {
  ASSERT_EQ(Lvupdate(a(), {"sim", "fault", "add", "path.split", "--kind", "transient"}).exit_code, 0);
  ASSERT_EQ(Lvupdate(a(), {"sim", "fault", "add", "disk.mirror_rootvg", "--kind", "fail"}).exit_code, 0);
  ASSERT_EQ(Run().exit_code, 4);
  RoundTrip("jsonl");
  // Each line is one event: the JSON lines of `journal events --json`.
  EXPECT_EQ(ReadFile(a() + "/export.jsonl"), Events(a(), ""));
  auto list = nlohmann::json::parse(Lvupdate(b(), {"journal", "list", "--json"}).out);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_TRUE(list[0]["imported"].get<bool>());
  EXPECT_EQ(list[0]["status"], "rolled_back");
  EXPECT_NE(Lvupdate(b(), {"journal", "list"}).out.find("rolled_back*"), std::string::npos);
}

TEST_F(JournalTransferTest, CompletedOperationRoundTripsAsTheRawStream) {
  ASSERT_EQ(Run().exit_code, 0);
  RoundTrip("capnp");
  std::string raw = ReadFile(a() + "/export.capnp");
  EXPECT_EQ(raw.size() % 8, 0u);
  EXPECT_EQ(raw.find("{\"opId\""), std::string::npos);  // binary, not JSON
}

TEST_F(JournalTransferTest, InterruptedOperationImportsAsInterruptedAndNeverActive) {
  ASSERT_EQ(Lvupdate(a(), {"sim", "fault", "add", "disk.assign", "--kind", "crash-before"}).exit_code, 0);
  ASSERT_EQ(Run().exit_code, kCrashExit);
  RoundTrip("jsonl");
  auto list = nlohmann::json::parse(Lvupdate(b(), {"journal", "list", "--json"}).out);
  EXPECT_EQ(list[0]["status"], "interrupted");
  // Nothing for resume to act on in B: the imported operation is not active.
  ProcResult resume = Lvupdate(b(), {"resume"});
  EXPECT_EQ(resume.exit_code, 0) << resume.out;
  EXPECT_NE(resume.out.find("Nothing to do: there is no unfinished operation to resume"), std::string::npos)
      << resume.out;
  EXPECT_EQ(nlohmann::json::parse(Lvupdate(b(), {"journal", "list", "--json"}).out)[0]["events"],
            list[0]["events"]);
}

TEST_F(JournalTransferTest, ImportRefusesWhatDoesNotVerifyAndWritesNothing) {
  ASSERT_EQ(Run().exit_code, 0);
  std::string file = a() + "/op.jsonl";
  ASSERT_EQ(Lvupdate(a(), {"journal", "export", "-o", file}).exit_code, 0);
  std::string text = ReadFile(file);

  // A line removed from the middle: a gap, and a done without its intent.
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::string gap;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i != 12) gap += lines[i] + "\n";
  }
  WriteFile(a() + "/gap.jsonl", gap);
  ProcResult r = Lvupdate(b(), {"journal", "import", a() + "/gap.jsonl"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("/12: missing"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("does not verify: nothing was imported"), std::string::npos) << r.out;

  // Not an event.
  WriteFile(a() + "/bad.jsonl", lines[0] + "\n{\"seq\":1}\n");
  r = Lvupdate(b(), {"journal", "import", a() + "/bad.jsonl"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("bad.jsonl:2: no \"kind\""), std::string::npos) << r.out;

  // A raw stream cut short.
  ASSERT_EQ(Lvupdate(a(), {"journal", "export", "-o", a() + "/op.capnp", "--format", "capnp"}).exit_code, 0);
  std::string raw = ReadFile(a() + "/op.capnp");
  WriteFile(a() + "/cut.capnp", raw.substr(0, raw.size() - 16));
  r = Lvupdate(b(), {"journal", "import", a() + "/cut.capnp"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("cut short"), std::string::npos) << r.out;

  r = Lvupdate(b(), {"journal", "import", a() + "/no-such-file"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  // B's journal holds nothing.
  EXPECT_EQ(nlohmann::json::parse(Lvupdate(b(), {"journal", "list", "--json"}).out), nlohmann::json::array());
}

TEST_F(JournalTransferTest, ExportNeedsAFileAndAKnownFormat) {
  ASSERT_EQ(Run().exit_code, 0);
  EXPECT_EQ(Lvupdate(a(), {"journal", "export"}).exit_code, 2);
  EXPECT_EQ(Lvupdate(a(), {"journal", "export", "-o", a() + "/x", "--format", "xml"}).exit_code, 2);
  ProcResult r = Lvupdate(a(), {"journal", "export", "-o", a() + "/no/such/dir/x.jsonl"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
}

}  // namespace
}  // namespace lvu::testing
