// ps -ef: the processes.
//
//        UID      PID     PPID   C    STIME    TTY  TIME CMD
//       root  7077894 10485878   0   Mar 08      -  1:35 /usr/sbin/lsvg -p rootvg
//       root 43122796 41287680   0 17:04:24  pts/5  0:00 /bin/ksh /etc/chvg -u rootvg
//
// UID is right-aligned; STIME is the time of day for a process started today
// and "Mon DD" (two words) before; TTY is "-" for none; CMD, the command and
// its arguments, runs to the end of the line. A zombie has no STIME nor TTY:
//       root   123456   1   0                  0:00 <defunct>
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct Process {
  std::string uid;    // user name, or the number when the user is unknown
  uint64_t pid = 0;
  uint64_t ppid = 0;
  uint64_t cpu = 0;   // C: CPU utilisation for scheduling
  std::string stime;  // "17:04:24" or "Mar 08" (one blank); "" for <defunct>
  std::string tty;    // "pts/5", "-"; "" for <defunct>
  std::string time;   // cumulative CPU time as printed ("1:35", "12:01:35")
  std::string cmd;    // the rest of the line, as printed
};

// The header line is optional: the output is often filtered by grep. Output
// without a process is Corruption (ps -ef lists at least itself). Corruption naming the
// line for a row whose PID, PPID or C is not a number, whose STIME is neither
// hh:mm:ss nor "Mon DD", whose TIME is not [[dd-]hh:]mm:ss-like (digits and
// ':' or '-'), or that has no command. Failed for an AIX message.
Status ParsePsEf(const std::string& text, std::vector<Process>* out);

nlohmann::json ToJson(const std::vector<Process>& processes);

}  // namespace lvu::drivers::aix
