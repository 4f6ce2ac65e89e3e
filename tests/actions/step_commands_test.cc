// The executor records with each step's result the command lines the driver
// ran for it (System::TakeCommandLines): the aix driver's real commands, so
// that `journal events` shows what each step ran. A driver that runs none
// (the simulator) records none, and the events' JSON has no such field.
#include <gtest/gtest.h>

#include <memory>

#include "actions/validation/lvupdate_data.h"
#include "journal/event_codec.h"
#include "journal/journal.h"
#include "tests/actions/lab_fixture.h"

namespace lvu::actions {
namespace {

// The lab's simulator, reporting one made-up command line per call of
// TakeCommandLines: "cmd-1", "cmd-2", ...
class CountingSystem : public drivers::System {
 public:
  explicit CountingSystem(drivers::System* inner) : inner_(inner) {}
  const char* name() const override { return inner_->name(); }
  drivers::Hmc& hmc() override { return inner_->hmc(); }
  drivers::Vios& vios() override { return inner_->vios(); }
  drivers::PartitionOs& os() override { return inner_->os(); }
  drivers::FaultPoint& faults() override { return inner_->faults(); }
  int64_t ClockSeconds() override { return inner_->ClockSeconds(); }
  Status Reload() override { return inner_->Reload(); }
  Status Spend(int64_t s) override { return inner_->Spend(s); }
  std::vector<std::string> TakeCommandLines() override { return {"cmd-" + std::to_string(++calls_)}; }

 private:
  drivers::System* inner_;
  int calls_ = 0;
};

Status RunWith(testing::Lab& lab, drivers::System* sys, OpResult* r, std::vector<journal::Event>* events) {
  std::unique_ptr<journal::Journal> j;
  LVU_RETURN_IF_ERROR(journal::Journal::Open(lab.home() + "/journal", journal::Journal::Mode::kWrite, &j));
  Settings settings;
  settings.home = lab.home();
  settings.hmc_token_file = lab.input().hmc_token_file;
  Executor ex(j.get(), sys, nullptr, settings);
  RunRequest req;
  req.input = lab.input();
  req.config_text = FormatLvupdateData(lab.input().data);
  LVU_RETURN_IF_ERROR(ex.Run(req, r));
  return j->ReadOp(r->op_id, events);
}

TEST(StepCommandsTest, EachStepResultCarriesTheCommandsRunForIt) {
  testing::Lab lab;
  lab.Authenticate();
  CountingSystem sys(&lab.sim());
  OpResult r;
  std::vector<journal::Event> events;
  Status s = RunWith(lab, &sys, &r, &events);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(r.ending, Ending::kCompleted) << r.reason;
  int last = 0;
  size_t done = 0;
  for (const auto& e : events) {
    if (e.kind != journal::EventKind::kStepDone) continue;
    ++done;
    ASSERT_EQ(e.done.commands.size(), 1u) << "step " << e.done.step;
    const int n = std::stoi(e.done.commands[0].substr(4));
    EXPECT_GT(n, last) << "step " << e.done.step;
    last = n;
    // And they survive the JSON form.
    journal::Event back;
    ASSERT_TRUE(journal::FromJson(journal::ToJson(e), &back).ok());
    EXPECT_EQ(back.done.commands, e.done.commands);
    EXPECT_NE(journal::ToJson(e).find("\"commands\":[\"cmd-"), std::string::npos) << journal::ToJson(e);
  }
  EXPECT_EQ(done, MakeUpdatePlan().size());
}

TEST(StepCommandsTest, TheSimulatorRecordsNone) {
  testing::Lab lab;
  lab.Authenticate();
  OpResult r;
  std::vector<journal::Event> events;
  ASSERT_TRUE(RunWith(lab, &lab.sim(), &r, &events).ok());
  for (const auto& e : events) {
    EXPECT_TRUE(e.done.commands.empty());
    EXPECT_EQ(journal::ToJson(e).find("commands"), std::string::npos) << journal::ToJson(e);
  }
}

}  // namespace
}  // namespace lvu::actions
