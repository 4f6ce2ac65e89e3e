// Test support for the preview checks: the seed lab in a temporary home,
// opened in-process, authenticated with the HMC as an administrator would
// (hmcauth), with the validation input of `lvupdate preview -d DIR
// dummy.150813.epkg.Z`.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "actions/engine/executor.h"
#include "actions/validation/hmc_token.h"
#include "actions/validation/lvupdate_data.h"
#include "actions/validation/preview.h"
#include "drivers/sim/hmc_session.h"
#include "drivers/sim/lab.h"
#include "drivers/sim/sim_system.h"
#include "drivers/sim/world_store.h"
#include "journal/journal.h"

namespace lvu::actions::testing {

class Lab {
 public:
  Lab() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lvu_checks_test.XXXXXX").string();
    EXPECT_NE(::mkdtemp(tmpl.data()), nullptr);
    home_ = tmpl;
    std::string fix_dir;
    Status s = drivers::sim::SimSystem::Init(home_, &fix_dir);
    EXPECT_TRUE(s.ok()) << s.ToString();
    s = drivers::sim::SimSystem::Open(home_, {}, &sim_);
    EXPECT_TRUE(s.ok()) << s.ToString();
    input_.fix_dir = fix_dir;
    input_.fixes = {drivers::sim::kDummyFixFile};
    input_.hmc_token_file = HmcTokenPath(home_);
    std::string text;
    s = LoadLvupdateData(home_ + "/lvupdate.data", &input_.data, &text);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  ~Lab() {
    std::error_code ec;
    std::filesystem::remove_all(home_, ec);
  }
  Lab(const Lab&) = delete;
  Lab& operator=(const Lab&) = delete;

  // hmcauth -a 10.1.50.30 -u hscroot -p abc1234.
  void Authenticate(const std::string& hmc = "10.1.50.30", const std::string& user = "hscroot") {
    drivers::HmcSession session;
    Status s = sim_->hmc().Login(hmc, user, drivers::sim::kLabHmcPassword, &session);
    ASSERT_TRUE(s.ok()) << s.ToString();
    s = SaveHmcToken(HmcTokenPath(home_), session);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  // Changes the saved world (what no `sim set` key reaches, e.g. a new
  // disk), then reopens the simulator on it.
  void EditWorld(const std::function<void(drivers::sim::World*)>& edit) {
    drivers::sim::World w;
    Status s = drivers::sim::LoadWorld(home_, &w);
    ASSERT_TRUE(s.ok()) << s.ToString();
    edit(&w);
    s = drivers::sim::SaveWorld(home_, w);
    ASSERT_TRUE(s.ok()) << s.ToString();
    sim_.reset();
    s = drivers::sim::SimSystem::Open(home_, {}, &sim_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  PreviewResult Preview() {
    PreviewResult p;
    Status s = actions::Preview(*sim_, input_, &p);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return p;
  }

  // The world without clock and errlog: what a failed validation must not change.
  std::string Timeless() {
    nlohmann::json j = nlohmann::json::parse(sim_->ShowJson());
    j.erase("clock");
    j.erase("errlog");
    return j.dump(1);
  }

  // The live update in-process with the validation input, lvupdate.data
  // journaled as the input has it; *syncs (if given): the journal syncs of
  // the run. The Status is the executor's.
  Status Run(OpResult* r, uint64_t* syncs = nullptr) {
    std::unique_ptr<journal::Journal> j;
    LVU_RETURN_IF_ERROR(journal::Journal::Open(home_ + "/journal", journal::Journal::Mode::kWrite, &j));
    Settings settings;
    settings.home = home_;
    settings.hmc_token_file = input_.hmc_token_file;
    Executor ex(j.get(), sim_.get(), nullptr, settings);
    RunRequest req;
    req.input = input_;
    // The run reads lvupdate.data back from the journal: journal what the test set.
    req.config_text = FormatLvupdateData(input_.data);
    const uint64_t before = j->sync_count();
    Status s = ex.Run(req, r);
    if (syncs != nullptr) *syncs = j->sync_count() - before;
    return s;
  }

  const std::string& home() const { return home_; }
  drivers::sim::SimSystem& sim() { return *sim_; }
  ValidationInput& input() { return input_; }

 private:
  std::string home_;
  std::unique_ptr<drivers::sim::SimSystem> sim_;
  ValidationInput input_;
};

// The line of check `name`, or nullptr.
inline const CheckLine* LineOf(const ValidationReport& r, const std::string& name) {
  for (const auto& l : r.lines)
    if (l.name == name) return &l;
  return nullptr;
}

}  // namespace lvu::actions::testing
