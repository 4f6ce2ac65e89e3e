// Helpers shared by the simulator's tests: a fresh temporary home per test,
// and the world's JSON.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "drivers/sim/lab_processes.h"
#include "drivers/sim/sim_system.h"

namespace lvu::drivers::sim::testing {

// A directory that exists for the life of the object.
class TempHome {
 public:
  TempHome() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lvu_sim_test.XXXXXX").string();
    char* p = ::mkdtemp(tmpl.data());
    EXPECT_NE(p, nullptr);
    path_ = tmpl;
  }
  ~TempHome() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempHome(const TempHome&) = delete;
  TempHome& operator=(const TempHome&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteAll(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
}

inline std::unique_ptr<SimSystem> OpenSim(const std::string& home, SimOptions options = {}) {
  std::unique_ptr<SimSystem> sim;
  Status s = SimSystem::Open(home, options, &sim);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return sim;
}

// The lab without cost jitter (sim.jitter_seed 0): each call costs exactly
// what drivers/cost_model.h says, so tests can name the seconds.
inline std::unique_ptr<SimSystem> InitSim(const std::string& home, SimOptions options = {}) {
  std::string fix_dir;
  Status s = SimSystem::Init(home, &fix_dir);
  EXPECT_TRUE(s.ok()) << s.ToString();
  auto sim = OpenSim(home, options);
  if (sim != nullptr) {
    s = sim->Set("sim.jitter_seed", "0");
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  return sim;
}

// The classes lvupdate gives the lab's processes with no registration:
// kprocs, init and the console's getty are base, every other one mobile.
inline std::vector<ProcessClass> LabClasses() {
  std::vector<ProcessClass> v;
  for (const auto& p : LabProcesses().procs)
    v.push_back({p.pid, p.kproc || p.pid == 1 || p.tty == "console" ? kClassBase : kClassMobile});
  return v;
}

inline nlohmann::json Show(SimSystem& sim) { return nlohmann::json::parse(sim.ShowJson()); }

// The world without the two keys that record the passage of time.
inline nlohmann::json Timeless(nlohmann::json j) {
  j.erase("clock");
  j.erase("errlog");
  return j;
}

inline const nlohmann::json* LparJson(const nlohmann::json& world, int id) {
  for (const auto& l : world["lpars"])
    if (l["id"] == id) return &l;
  return nullptr;
}

inline const nlohmann::json* DiskJson(const nlohmann::json& world, const std::string& name) {
  for (const auto& d : world["disks"])
    if (d["name"] == name) return &d;
  return nullptr;
}

// A fresh lab per test, with the checks the driver tests share.
class LabTest : public ::testing::Test {
 protected:
  void SetUp() override { sim_ = InitSim(home_.path()); }
  // Runs `call` a second time and expects it to change nothing at all.
  template <typename F>
  void ExpectIdempotent(F call) {
    std::string before = sim_->ShowJson();
    Status s = call();
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(sim_->ShowJson(), before);
  }
  void ExpectFailed(const Status& s, const std::string& needle) {
    EXPECT_EQ(s.code(), Status::Code::kFailed) << s.ToString();
    EXPECT_NE(s.message().find(needle), std::string::npos) << s.message();
  }

  TempHome home_;
  std::unique_ptr<SimSystem> sim_;
};

}  // namespace lvu::drivers::sim::testing
