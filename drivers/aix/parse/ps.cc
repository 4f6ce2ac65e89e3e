#include "drivers/aix/parse/ps.h"

#include <cctype>

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

constexpr const char* kCmd = "ps -ef";

bool IsClock(const std::string& s) {  // hh:mm:ss
  return s.size() == 8 && s[2] == ':' && s[5] == ':' && isdigit(static_cast<unsigned char>(s[0])) &&
         isdigit(static_cast<unsigned char>(s[1])) && isdigit(static_cast<unsigned char>(s[3])) &&
         isdigit(static_cast<unsigned char>(s[4])) && isdigit(static_cast<unsigned char>(s[6])) &&
         isdigit(static_cast<unsigned char>(s[7]));
}

bool IsMonth(const std::string& s) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (const char* m : kMonths) {
    if (s == m) return true;
  }
  return false;
}

bool IsDay(const std::string& s) {
  uint64_t d = 0;
  return s.size() <= 2 && ParseUint(s, &d) && d >= 1 && d <= 31;
}

// CPU time: digits separated by ':' (and '-' before the hours), ending in
// ":ss".
bool IsCpuTime(const std::string& s) {
  if (s.size() < 4 || s[s.size() - 3] != ':') return false;
  bool digit_before = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit_before = true;
    } else if ((c == ':' || c == '-') && digit_before) {
      digit_before = false;
    } else {
      return false;
    }
  }
  return digit_before;
}

}  // namespace

Status ParsePsEf(const std::string& text, std::vector<Process>* out) {
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  bool first = true;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    const bool header = first && CollapseSpaces(l.text) == "UID PID PPID C STIME TTY TIME CMD";
    first = false;
    if (header) continue;
    const std::vector<Token> t = Tokenize(l.text);
    if (t.size() < 6) return LineError(kCmd, l, "fewer than 6 words");
    Process p;
    p.uid = t[0].text;
    if (!ParseUint(t[1].text, &p.pid) || !ParseUint(t[2].text, &p.ppid) || !ParseUint(t[3].text, &p.cpu)) {
      return LineError(kCmd, l, "PID, PPID or C is not a number");
    }
    size_t k = 4;
    if (IsCpuTime(t[k].text) && t[k + 1].text == "<defunct>") {
      // A zombie: no STIME, no TTY.
    } else {
      if (IsClock(t[k].text)) {
        p.stime = t[k].text;
        k += 1;
      } else if (IsMonth(t[k].text) && IsDay(t[k + 1].text)) {
        p.stime = t[k].text + " " + t[k + 1].text;
        k += 2;
      } else {
        return LineError(kCmd, l, "STIME is neither hh:mm:ss nor \"Mon DD\"");
      }
      if (k + 2 >= t.size()) return LineError(kCmd, l, "row without TTY, TIME and command");
      p.tty = t[k].text;
      k += 1;
    }
    p.time = t[k].text;
    if (!IsCpuTime(p.time)) return LineError(kCmd, l, "TIME is not a CPU time");
    k += 1;
    if (k >= t.size()) return LineError(kCmd, l, "row without its command");
    p.cmd = TrimRight(std::string_view(l.text).substr(t[k].column));
    out->push_back(p);
  }
  if (out->empty()) return EndError(kCmd, lines, "empty output: no process");
  return Status::OK();
}

nlohmann::json ToJson(const std::vector<Process>& processes) {
  nlohmann::json a = nlohmann::json::array();
  for (const Process& p : processes) {
    a.push_back({{"uid", p.uid},
                 {"pid", p.pid},
                 {"ppid", p.ppid},
                 {"c", p.cpu},
                 {"stime", p.stime},
                 {"tty", p.tty},
                 {"time", p.time},
                 {"cmd", p.cmd}});
  }
  return a;
}

}  // namespace lvu::drivers::aix
