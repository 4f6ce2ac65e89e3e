// journal list | show | events and replay --until, through the real binary,
// on operations that completed, rolled back, were interrupted, and crashed
// during their rollback; OP prefixes; read-only while a run holds the lock.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

constexpr int kCrashExit = 86;

nlohmann::json Json(const ProcResult& r) {
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

int Count(const std::string& s, const std::string& what) {
  int n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) n++;
  return n;
}

class JournalCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(InitLab(home()).exit_code, 0); }
  const std::string& home() const { return home_.path(); }
  ProcResult Run(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run", "-d", home() + "/fixes"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("dummy.150813.epkg.Z");
    return Lvupdate(home(), args);
  }
  void Fault(const std::vector<std::string>& args) {
    std::vector<std::string> a = {"sim", "fault", "add"};
    a.insert(a.end(), args.begin(), args.end());
    ProcResult r = Lvupdate(home(), a);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  ProcResult J(std::vector<std::string> args) {
    args.insert(args.begin(), "journal");
    return Lvupdate(home(), args);
  }
  nlohmann::json Show(const std::string& op = "") {
    std::vector<std::string> a = {"show", "--json"};
    if (!op.empty()) a.push_back(op);
    return Json(J(a));
  }
  static nlohmann::json Step(const nlohmann::json& show, const std::string& name) {
    for (const auto& s : show["steps"]) {
      if (s["name"] == name) return s;
    }
    return nullptr;
  }
  void ExpectVerifies() {
    ProcResult v = J({"verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out;
    EXPECT_NE(v.out.find("no problem found"), std::string::npos) << v.out;
  }

  TempHome home_;
};

TEST_F(JournalCommandsTest, EmptyHomeListsNothingAndShowIsExit2) {
  ProcResult r = J({"list"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("No live update operation has been run"), std::string::npos) << r.out;
  EXPECT_EQ(Json(J({"list", "--json"})), nlohmann::json::array());
  r = J({"show"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("no journal at"), std::string::npos) << r.out;
  r = J({"verify"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("nothing to verify"), std::string::npos) << r.out;
}

TEST_F(JournalCommandsTest, CompletedUpdateStoryMatchesStatus) {
  ASSERT_EQ(Run().exit_code, 0);
  nlohmann::json st = StatusJson(home());
  nlohmann::json show = Show();
  EXPECT_EQ(show["id"], st["id"]);
  EXPECT_EQ(show["status"], "completed");
  EXPECT_EQ(show["outcome"], "completed");
  EXPECT_EQ(show["kind"], "update");
  ASSERT_EQ(show["fixes"].size(), 1u);
  EXPECT_TRUE(show["fixes"][0].get<std::string>().ends_with("/dummy.150813.epkg.Z")) << show["fixes"];
  // The blackout and the total, as status computes them: one computation (replay/timeline.h).
  ASSERT_TRUE(show["blackout"].is_object()) << show.dump(2);
  EXPECT_EQ(show["blackout"]["seconds"], st["blackout_s"]);
  EXPECT_EQ(show["blackout"]["ended_by"], "restart");
  EXPECT_EQ(show["clock"]["seconds"], st["total_s"]);
  ASSERT_TRUE(show["point_of_no_return"].is_object());
  EXPECT_TRUE(show["rollback"].is_null());
  ASSERT_EQ(show["steps"].size(), 19u);
  for (const auto& s : show["steps"]) {
    EXPECT_EQ(s["state"], "done") << s.dump();
    ASSERT_EQ(s["spans"].size(), 1u) << s.dump();
    const auto& span = s["spans"][0];
    EXPECT_EQ(span["result"], "done");
    EXPECT_EQ(span["direction"], "forward");
    EXPECT_TRUE(span["params"].is_object()) << span.dump();  // the intent's params, as JSON
    // The clock is the intent's own field (clockS), not part of the step's params.
    EXPECT_FALSE(span["params"].contains("clock_s")) << span.dump();
    EXPECT_GE(span["seconds"].get<int>(), 0);
  }
  // The ponr is recorded right after workload.restart's completion.
  EXPECT_EQ(show["point_of_no_return"]["seq"].get<int>(), Step(show, "workload.restart")["spans"][0]["end_seq"].get<int>() + 1);

  ProcResult text = J({"show"});
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("Operation " + st["id"].get<std::string>() + " (update): completed"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("Point of no return: passed at seq"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Blackout:     27 s"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("ended with the workload running on the surrogate"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  14  workload.restart         done"), std::string::npos) << text.out;
  ExpectVerifies();
}

TEST_F(JournalCommandsTest, RolledBackStoryShowsTheFailureTheRollbackAndTheSvg) {
  Fault({"disk.mirror_rootvg", "--kind", "fail"});
  ASSERT_EQ(Run().exit_code, 4);
  std::string svg = home() + "/timeline.svg";
  ProcResult text = J({"show", "--svg", svg});
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("): rolled_back"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Rollback:     automatic, at seq"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("FAILED: injected failure at disk.mirror_rootvg"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Point of no return: not reached"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Blackout:     none"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Timeline picture: " + svg), std::string::npos) << text.out;
  // Params are printed when they change: the undo of the clone uses the same.
  EXPECT_EQ(Count(text.out, "params {\"disk\":\"hdisk2\"}\n"), 1) << text.out;
  EXPECT_NE(text.out.find("compensate (probe)"), std::string::npos) << text.out;

  nlohmann::json show = Show();
  EXPECT_EQ(show["status"], "rolled_back");
  EXPECT_TRUE(show["rollback"]["automatic"].get<bool>());
  EXPECT_NE(show["rollback"]["reason"].get<std::string>().find("disk.mirror_rootvg"), std::string::npos);
  nlohmann::json mirror = Step(show, "disk.mirror_rootvg");
  ASSERT_EQ(mirror["spans"].size(), 2u) << mirror.dump(2);
  EXPECT_EQ(mirror["spans"][0]["result"], "failed");
  EXPECT_EQ(mirror["spans"][0]["error"], "injected failure at disk.mirror_rootvg");
  EXPECT_EQ(mirror["spans"][1]["result"], "compensated");  // found undone by probe
  EXPECT_TRUE(mirror["spans"][1]["recovered"].get<bool>());
  nlohmann::json clone = Step(show, "disk.clone_rootvg");
  ASSERT_EQ(clone["spans"].size(), 2u);
  EXPECT_EQ(clone["spans"][1]["direction"], "compensate");
  EXPECT_EQ(clone["spans"][1]["result"], "compensated");
  EXPECT_TRUE(show["blackout"].is_null());
  EXPECT_TRUE(Step(show, "apps.notify_pre")["spans"].empty());

  // The picture: a bar per span, red for the failure, orange for the undoing.
  std::string pic = ReadFile(svg);
  ASSERT_EQ(pic.rfind("<?xml", 0), 0u) << pic.substr(0, 100);
  EXPECT_EQ(Count(pic, "class=\"bar forward failed\" data-step=\"disk.mirror_rootvg\""), 1);
  EXPECT_EQ(Count(pic, "class=\"bar compensate compensated\" data-step=\"disk.mirror_rootvg\""), 1);
  EXPECT_EQ(Count(pic, "data-step=\"disk.clone_rootvg\""), 2);
  EXPECT_EQ(Count(pic, "data-step=\"apps.notify_pre\""), 0);
  EXPECT_EQ(Count(pic, "<rect class=\"blackout\""), 0);
  EXPECT_EQ(Count(pic, "<line class=\"rollback\""), 1);
  EXPECT_EQ(Count(pic, "class=\"bar "), 22);  // 11 forward spans + their 11 compensations
  ExpectVerifies();
}

TEST_F(JournalCommandsTest, CompletedPictureMarksTheBlackoutAndThePonr) {
  ASSERT_EQ(Run().exit_code, 0);
  std::string svg = home() + "/done.svg";
  ProcResult r = J({"show", "--json", "--svg", svg});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::string pic = ReadFile(svg);
  EXPECT_EQ(Count(pic, "<rect class=\"blackout\""), 1);
  EXPECT_NE(pic.find("blackout 27 s"), std::string::npos);
  EXPECT_EQ(Count(pic, "<line class=\"ponr\""), 1);
  EXPECT_EQ(Count(pic, "class=\"bar forward done\""), 19);
}

TEST_F(JournalCommandsTest, InterruptedThenCrashedDuringRollbackThenRolledBack) {
  Fault({"path.split", "--kind", "crash-after"});
  ASSERT_EQ(Run().exit_code, kCrashExit);
  nlohmann::json show = Show();
  EXPECT_EQ(show["status"], "interrupted");
  EXPECT_TRUE(show["outcome"].is_null());
  nlohmann::json split = Step(show, "path.split");
  EXPECT_EQ(split["state"], "in_flight");
  ASSERT_EQ(split["spans"].size(), 1u);
  EXPECT_EQ(split["spans"][0]["result"], "open");
  EXPECT_TRUE(split["spans"][0]["seconds"].is_null());
  ProcResult text = J({"show"});
  EXPECT_NE(text.out.find("no result (interrupted or running)"), std::string::npos) << text.out;
  ExpectVerifies();

  // A second crash, while undoing the clone.
  Fault({"disk.clone_rootvg", "--kind", "crash-after", "--phase", "compensate"});
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, kCrashExit);
  show = Show();
  EXPECT_EQ(show["status"], "interrupted");
  EXPECT_FALSE(show["rollback"]["automatic"].get<bool>());
  nlohmann::json clone = Step(show, "disk.clone_rootvg");
  EXPECT_EQ(clone["state"], "compensating");
  EXPECT_EQ(clone["spans"].back()["direction"], "compensate");
  EXPECT_EQ(clone["spans"].back()["result"], "open");
  EXPECT_EQ(Step(show, "path.split")["state"], "compensated");
  ExpectVerifies();

  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, 0);
  show = Show();
  EXPECT_EQ(show["status"], "rolled_back");
  EXPECT_EQ(Step(show, "disk.clone_rootvg")["state"], "compensated");
  ExpectVerifies();
}

TEST_F(JournalCommandsTest, ListNewestFirstAndOpPrefixes) {
  ASSERT_EQ(Run().exit_code, 0);
  std::string update = StatusJson(home())["id"];
  ASSERT_EQ(Lvupdate(home(), {"rollback"}).exit_code, 0);  // a revert: a second operation
  std::string revert = StatusJson(home())["id"];
  nlohmann::json list = Json(J({"list", "--json"}));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["id"], revert);
  EXPECT_EQ(list[0]["kind"], "revert");
  EXPECT_EQ(list[0]["status"], "reverted");
  EXPECT_EQ(list[1]["id"], update);
  EXPECT_EQ(list[1]["status"], "completed");
  EXPECT_EQ(list[1]["steps_total"], 19);
  EXPECT_EQ(list[1]["steps_done"], 19);
  EXPECT_TRUE(list[1]["fixes"][0].get<std::string>().ends_with("/dummy.150813.epkg.Z")) << list[1]["fixes"];
  EXPECT_FALSE(list[1]["imported"].get<bool>());
  ProcResult text = J({"list"});
  std::vector<std::string> lines = Lines(text.out);
  ASSERT_EQ(lines.size(), 3u) << text.out;
  EXPECT_EQ(lines[0].rfind("ID ", 0), 0u);
  EXPECT_EQ(lines[1].rfind(revert, 0), 0u);
  EXPECT_NE(lines[2].find("completed"), std::string::npos);
  EXPECT_NE(lines[2].find("19/19"), std::string::npos);

  // OP: the newest by default; a unique prefix, in any case; else exit 2.
  EXPECT_EQ(Show()["id"], revert);
  std::string prefix = update.substr(0, 24);
  for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(Show(prefix)["id"], update);
  ProcResult unknown = J({"show", "ZZZZ"});
  EXPECT_EQ(unknown.exit_code, 2) << unknown.out;
  EXPECT_NE(unknown.out.find("no operation matches 'ZZZZ'"), std::string::npos) << unknown.out;
  size_t common = 0;
  while (update[common] == revert[common]) common++;
  ProcResult ambiguous = J({"show", update.substr(0, common)});
  EXPECT_EQ(ambiguous.exit_code, 2) << ambiguous.out;
  EXPECT_NE(ambiguous.out.find("ambiguous"), std::string::npos) << ambiguous.out;
  EXPECT_NE(ambiguous.out.find(update), std::string::npos) << ambiguous.out;
  EXPECT_NE(ambiguous.out.find(revert), std::string::npos) << ambiguous.out;
  EXPECT_EQ(J({"events", update.substr(0, common)}).exit_code, 2);
  EXPECT_EQ(Lvupdate(home(), {"replay", "ZZZZ"}).exit_code, 2);
  ExpectVerifies();
}

TEST_F(JournalCommandsTest, EventsHumanJsonRangeAndKind) {
  Fault({"lpar.rename_original", "--kind", "transient", "--times", "1"});
  ASSERT_EQ(Run().exit_code, 0);
  nlohmann::json show = Show();
  const int events = show["events"];
  ProcResult all = J({"events"});
  ASSERT_EQ(all.exit_code, 0) << all.out;
  std::vector<std::string> lines = Lines(all.out);
  ASSERT_EQ(static_cast<int>(lines.size()), events) << all.out;
  EXPECT_NE(lines[0].find("opStarted"), std::string::npos) << lines[0];
  EXPECT_NE(lines.back().find("opFinished"), std::string::npos);
  EXPECT_NE(lines.back().find("completed"), std::string::npos);
  EXPECT_TRUE(std::regex_search(all.out, std::regex("stepFailed +step 6 lpar.rename_original forward \\(retryable\\)")))
      << all.out;

  // JSON lines: one object per event, 64-bit values as numbers, "kind" named.
  ProcResult json = J({"events", "--json"});
  std::vector<std::string> jl = Lines(json.out);
  ASSERT_EQ(static_cast<int>(jl.size()), events);
  for (size_t i = 0; i < jl.size(); ++i) {
    auto j = nlohmann::json::parse(jl[i], nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << jl[i];
    EXPECT_EQ(j["seq"], i);
    EXPECT_TRUE(j["timeUs"].is_number_integer()) << jl[i];
    EXPECT_TRUE(j.contains(j["kind"].get<std::string>())) << jl[i];
  }
  EXPECT_EQ(nlohmann::json::parse(jl.back())["opFinished"]["outcome"], "completed");

  ProcResult range = J({"events", "--from", "3", "--to", "5"});
  lines = Lines(range.out);
  ASSERT_EQ(lines.size(), 3u) << range.out;
  EXPECT_EQ(lines[0].substr(0, 5), "    3");
  EXPECT_EQ(lines[2].substr(0, 5), "    5");
  ProcResult failed = J({"events", "--kind", "stepFailed", "--json"});
  jl = Lines(failed.out);
  ASSERT_EQ(jl.size(), 1u) << failed.out;
  auto f = nlohmann::json::parse(jl[0]);
  EXPECT_EQ(f["kind"], "stepFailed");
  EXPECT_EQ(f["stepFailed"]["retryable"], true);
  ProcResult bad = J({"events", "--kind", "explosion"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("stepIntent"), std::string::npos) << bad.out;  // lists the kinds
}

TEST_F(JournalCommandsTest, ReplayUntilShowsTheStateAfterThatEvent) {
  ASSERT_EQ(Run().exit_code, 0);
  nlohmann::json show = Show();
  const int ponr = show["point_of_no_return"]["seq"];
  nlohmann::json before = Json(Lvupdate(home(), {"replay", "--until", std::to_string(ponr - 1), "--json"}));
  EXPECT_EQ(before["until_seq"], ponr - 1);
  EXPECT_EQ(before["event"]["kind"], "stepDone");
  EXPECT_FALSE(before["point_of_no_return"].get<bool>());
  EXPECT_EQ(before["status"], "in_progress");
  EXPECT_EQ(before["steps"][13]["state"], "done");
  EXPECT_EQ(before["steps"][14]["state"], "pending");
  nlohmann::json at = Json(Lvupdate(home(), {"replay", show["id"], "--until", std::to_string(ponr), "--json"}));
  EXPECT_TRUE(at["point_of_no_return"].get<bool>());
  // The whole operation, as status says.
  nlohmann::json end = Json(Lvupdate(home(), {"replay", "--json"}));
  EXPECT_EQ(end["status"], "completed");
  nlohmann::json st = StatusJson(home());
  for (size_t i = 0; i < 19; ++i) EXPECT_EQ(end["steps"][i]["state"], st["steps"][i]["state"]);
  ProcResult text = Lvupdate(home(), {"replay", "--until", "2"});
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("After:     seq 2 of 0-"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Status:    in progress"), std::string::npos) << text.out;
  ProcResult beyond = Lvupdate(home(), {"replay", "--until", "100000"});
  EXPECT_EQ(beyond.exit_code, 2);
  EXPECT_NE(beyond.out.find("has events 0 to"), std::string::npos) << beyond.out;
}

TEST_F(JournalCommandsTest, ReplayUntilDuringTheRollback) {
  Fault({"disk.mirror_rootvg", "--kind", "fail"});
  ASSERT_EQ(Run().exit_code, 4);
  nlohmann::json show = Show();
  const int rb = show["rollback"]["seq"];
  nlohmann::json s = Json(Lvupdate(home(), {"replay", "--until", std::to_string(rb + 2), "--json"}));
  EXPECT_EQ(s["status"], "rolling_back");
  EXPECT_TRUE(s["rolling_back"].get<bool>());
  EXPECT_NE(s["rollback_reason"].get<std::string>().find("disk.mirror_rootvg"), std::string::npos);
  EXPECT_EQ(s["steps"][0]["state"], "done");
}

TEST_F(JournalCommandsTest, ReadOnlyWhileARunHoldsTheLock) {
  std::string out = home() + "/slow.out";
  int pid = SpawnLvupdate(home(), {"--speed", "100", "run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}, out);
  ASSERT_GT(pid, 0);
  nlohmann::json list;
  for (int i = 0; i < 100; i++) {
    list = Json(J({"list", "--json"}));
    if (list.size() == 1 && list[0]["status"] == "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["status"], "running");
  EXPECT_EQ(Show()["status"], "running");
  EXPECT_EQ(J({"events"}).exit_code, 0);
  EXPECT_EQ(J({"verify"}).exit_code, 0);
  EXPECT_EQ(Lvupdate(home(), {"replay"}).exit_code, 0);
  EXPECT_EQ(WaitExit(pid), 0);
  EXPECT_EQ(Show()["status"], "completed");
}

}  // namespace
}  // namespace lvu::testing
