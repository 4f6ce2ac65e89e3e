// The aix driver over `lvupdate sim shims` through the binary: the set-up
// the driver and crash tests share.
#pragma once

#include <stdlib.h>

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "drivers/sim/standin_shims.h"
#include "tests/support/lvu_process.h"

namespace lvu::testing {

// aix.conf's six commands for what has no public interface, set to the
// shims' stand-ins in `dir` (drivers/sim/standin_shims.h).
inline std::string StandIns(const std::string& dir) { return drivers::sim::StandInConfig(dir); }

// The lab presented as the AIX and HMC commands (sim shims first on PATH,
// restored on destruction), hmcauth done and the six commands of what has
// no public interface set to the shims' stand-ins.
class AixOverShims {
 public:
  explicit AixOverShims(const std::string& h) : h_(h), old_path_(getenv("PATH")) {
    EXPECT_EQ(InitLab(h).exit_code, 0);
    EXPECT_EQ(Lvupdate(h, {"sim", "shims", h + "/shims"}).exit_code, 0);
    setenv("PATH", (h + "/shims:" + old_path_).c_str(), 1);
    ProcResult auth =
        Lvupdate(h, {"--driver", "aix", "hmcauth", "-a", "10.1.50.30", "-u", "hscroot", "-p", kLabHmcPassword});
    EXPECT_EQ(auth.exit_code, 0) << auth.out;
    conf_ = ReadFile(h + "/aix.conf") + StandIns(h + "/shims");
    WriteFile(h + "/aix.conf", conf_);
  }
  ~AixOverShims() { setenv("PATH", old_path_.c_str(), 1); }
  const std::string& conf() const { return conf_; }
  // aix.conf with every source the aix driver does not read checked by hand.
  void CheckEverythingByHand() {
    std::string unread;
    for (const char* k : {"sysdumpdev", "snapshot", "mount", "lscfg", "capi", "diskless", "session", "lslpp",
                          "trustchk", "tcb", "kerberos", "powersc", "lswpar", "lssrc", "ras", "vmo", "ps",
                          "ifix_location", "lslic", "slots", "vnic", "procfiles", "kext_safety"}) {
      unread += std::string(" ") + k;
    }
    WriteFile(h_ + "/aix.conf", conf_ + "checked_by_hand =" + unread + "\n");
  }

 private:
  std::string h_, old_path_, conf_;
};

// The world without what a failed, rolled back operation leaves behind on
// purpose (the clock, the error log).
inline nlohmann::json Timeless(const std::string& h) {
  nlohmann::json w = World(h);
  w.erase("clock");
  w.erase("errlog");
  return w;
}

// A journal event line of `events` holding `what`, or "".
inline std::string EventLine(const std::string& events, const std::string& what) {
  size_t at = events.find(what);
  if (at == std::string::npos) return "";
  return events.substr(at, events.find('\n', at) - at);
}

}  // namespace lvu::testing
