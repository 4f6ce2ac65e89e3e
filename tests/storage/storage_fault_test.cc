// The promise under storage faults (issue: storage faults, "What to build"):
// for every sync point of a whole live update, and for each of ENOSPC, EIO
// and a power loss there, the run's journal is written through FaultFs; the
// run must end without aborting (a Status, never SIGABRT), leave a journal
// that verifies and is not behind the world, and then both `lvupdate resume`
// and `lvupdate rollback` (each on its own copy of the home) must end in
// exactly the original or the updated (or reverted) world, the workload
// running on exactly one partition, nothing leaked.
//
// The same for every rename and a sample of the writes; `make torture` runs
// random points, many times (LVU_TORTURE_RUNS).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "tests/storage/storage_harness.h"
#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

using Fault = FaultFs::Fault;
using Op = FaultFs::Op;

struct Case {
  Fault fault;
  Op op;
  uint64_t n;
};

const char* FaultName(Fault f) {
  switch (f) {
    case Fault::kNone: return "none";
    case Fault::kNoSpace: return "enospc";
    case Fault::kIoError: return "eio";
    case Fault::kPowerLoss: return "power_loss";
  }
  return "?";
}

const char* OpName(Op op) {
  switch (op) {
    case Op::kWrite: return "write";
    case Op::kSync: return "sync";
    case Op::kRename: return "rename";
  }
  return "?";
}

uint64_t CountOf(Op op) {
  const RunCounts& c = CleanRunCounts();
  return op == Op::kWrite ? c.writes : op == Op::kSync ? c.syncs : c.renames;
}

void PrintTo(const Case& c, std::ostream* os) { *os << FaultName(c.fault) << " at " << OpName(c.op) << " " << c.n; }

// The end state of one home after a recovery command.
enum class End { kOriginal, kUpdated, kReverted };

// Checks the invariants; returns which world it is (or fails the test).
void ExpectSettled(const std::string& home, const nlohmann::json& before, const std::string& what,
                   std::vector<End> allowed) {
  nlohmann::json w = World(home);
  std::vector<int> on = WorkloadRunningOn(w);
  EXPECT_EQ(on.size(), 1u) << what << ": the workload runs on " << on.size() << " partitions: " << w["lpars"].dump();
  const bool original = WithoutClockAndErrlog(w).dump() == WithoutClockAndErrlog(before).dump();
  const bool updated = NotUpdated(w).empty();
  const bool reverted = NotReverted(w).empty() && !original;
  bool ok = false;
  for (End e : allowed) {
    ok |= (e == End::kOriginal && original) || (e == End::kUpdated && updated) || (e == End::kReverted && reverted);
  }
  EXPECT_TRUE(ok) << what << ": the world is neither of the allowed ends: not updated because " << NotUpdated(w)
                  << "; not reverted because " << NotReverted(w) << "\n" << w.dump(1);
  ProcResult v = Lvupdate(home, {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 0) << what << ": " << v.out;
  // The journal says what the world shows.
  nlohmann::json st = StatusJson(home);
  if (updated) {
    EXPECT_EQ(st["status"], "completed") << what;
  }
  if (reverted) {
    EXPECT_EQ(st["status"], "reverted") << what;
  }
  if (original) {
    EXPECT_TRUE(st["status"] == "none" || st["status"] == "rolled_back" || st["status"] == "failed_validation")
        << what << ": " << st.dump();
  }
}

// One case, in a fresh home.
void RunCase(const Case& c) {
    TempHome home_;
    const std::string home = home_.path();
    ASSERT_EQ(InitLab(home).exit_code, 0);
    nlohmann::json before = World(home);
    FaultFs::Plan plan;
    plan.fault = c.fault;
    plan.op = c.op;
    plan.n = c.n;
    ChildResult r = RunWithFault(home, plan);
    ASSERT_TRUE(r.exited) << "the run was killed by signal " << r.code << " (6 is SIGABRT: an assertion)";
    if (c.fault == Fault::kPowerLoss) {
      EXPECT_EQ(r.code, kPowerLossExit);
    } else {
      EXPECT_TRUE(r.fired);
      // Stopped on the error (exit 1, naming the journal), or done when the
      // failed write was one RocksDB may ignore (its info log).
      EXPECT_TRUE(r.code == 1 || r.code == 0) << "exit " << r.code << ": " << r.error;
      if (r.code == 1) {
        EXPECT_NE(r.error.find("journal"), std::string::npos) << r.error;
      }
    }
    // Whatever happened, the journal verifies and is not behind the world:
    // nothing changed in the world after the failed write.
    ProcResult v = Lvupdate(home, {"journal", "verify"});
    EXPECT_EQ(v.exit_code, 0) << "after the fault: " << v.out;
    // One partition holds the workload: running, or frozen when the fault
    // struck inside the blackout (until resume or rollback, below).
    EXPECT_EQ(WorkloadHeldBy(World(home)).size(), 1u);

    const std::string copy = home + ".rollback";
    CopyHome(home, copy);
    ProcResult rs = Lvupdate(home, {"resume"});
    EXPECT_EQ(rs.exit_code, 0) << "resume: " << rs.out;
    ExpectSettled(home, before, "after resume", {End::kUpdated, End::kOriginal});
    ProcResult rb = Lvupdate(copy, {"rollback"});
    EXPECT_EQ(rb.exit_code, 0) << "rollback: " << rb.out;
    ExpectSettled(copy, before, "after rollback", {End::kOriginal, End::kReverted});
    std::error_code ec;
    std::filesystem::remove_all(copy, ec);
}

class StorageFaultTest : public ::testing::TestWithParam<Case> {};

TEST_P(StorageFaultTest, RecoveryEndsOriginalOrUpdated) {
  const Case& c = GetParam();
  ASSERT_GT(CleanRunCounts().syncs, 0u) << "the clean run failed";
  if (c.n > CountOf(c.op)) GTEST_SKIP() << "a run makes " << CountOf(c.op) << " " << OpName(c.op) << "s";
  RunCase(c);
}

std::string CaseName(const ::testing::TestParamInfo<Case>& i) {
  return std::string(OpName(i.param.op)) + "_" + std::to_string(i.param.n) + "_" + FaultName(i.param.fault);
}

// Bounds large enough for a run (the clean run's counts are checked against
// them below); the cases past the real count skip.
constexpr uint64_t kMaxSyncs = 64;
constexpr uint64_t kMaxRenames = 7;
constexpr uint64_t kMaxWrites = 150;
constexpr uint64_t kWriteStride = 13;

std::vector<Case> Cases(Op op, uint64_t max, uint64_t stride) {
  std::vector<Case> v;
  for (uint64_t n = 1; n <= max; n += stride) {
    for (Fault f : {Fault::kNoSpace, Fault::kIoError, Fault::kPowerLoss}) v.push_back({f, op, n});
  }
  return v;
}

INSTANTIATE_TEST_SUITE_P(EverySync, StorageFaultTest, ::testing::ValuesIn(Cases(Op::kSync, kMaxSyncs, 1)), CaseName);
INSTANTIATE_TEST_SUITE_P(EveryRename, StorageFaultTest, ::testing::ValuesIn(Cases(Op::kRename, kMaxRenames, 1)),
                         CaseName);
INSTANTIATE_TEST_SUITE_P(SampledWrites, StorageFaultTest,
                         ::testing::ValuesIn(Cases(Op::kWrite, kMaxWrites, kWriteStride)), CaseName);

// The bounds above cover a whole run: a run that grew past them would leave
// its last sync points untested.
TEST(StorageFaultBounds, CoverAWholeRun) {
  const RunCounts& c = CleanRunCounts();
  ASSERT_GT(c.syncs, 0u);
  std::printf("a clean run through FaultFs: %llu writes, %llu syncs, %llu renames\n",
              static_cast<unsigned long long>(c.writes), static_cast<unsigned long long>(c.syncs),
              static_cast<unsigned long long>(c.renames));
  EXPECT_LE(c.syncs, kMaxSyncs);
  EXPECT_LE(c.renames, kMaxRenames);
  EXPECT_LE(c.writes, kMaxWrites);
}

// `make torture`: LVU_TORTURE_RUNS random (fault, operation, N), seeded by
// LVU_TORTURE_SEED (printed, to replay a failure).
TEST(StorageFaultTorture, RandomPoints) {
  const char* runs_env = std::getenv("LVU_TORTURE_RUNS");
  if (runs_env == nullptr) GTEST_SKIP() << "set LVU_TORTURE_RUNS (make torture)";
  const int runs = std::atoi(runs_env);
  const char* seed_env = std::getenv("LVU_TORTURE_SEED");
  const unsigned seed = seed_env != nullptr ? static_cast<unsigned>(std::strtoul(seed_env, nullptr, 10))
                                            : std::random_device{}();
  std::printf("storage torture: %d runs, LVU_TORTURE_SEED=%u\n", runs, seed);
  std::mt19937 rng(seed);
  const RunCounts& c = CleanRunCounts();
  ASSERT_GT(c.syncs, 0u);
  for (int i = 0; i < runs && !::testing::Test::HasFailure(); i++) {
    Op op = static_cast<Op>(rng() % 3);
    uint64_t count = CountOf(op);
    if (count == 0) continue;
    Fault f = static_cast<Fault>(1 + rng() % 3);
    Case cs{f, op, 1 + rng() % count};
    SCOPED_TRACE(::testing::PrintToString(cs));
    RunCase(cs);
  }
}

}  // namespace
}  // namespace lvu::testing
