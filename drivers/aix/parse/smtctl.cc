#include "drivers/aix/parse/smtctl.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

bool StartsWith(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

}  // namespace

Status ParseSmtctl(const std::string& text, SmtState* out) {
  static const char* kCmd = "smtctl";
  *out = SmtState();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  bool capable_seen = false, any = false;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    any = true;
    const std::string t = CollapseSpaces(l.text);
    const std::vector<Token> w = Tokenize(t);
    if (t == "This system is SMT capable." || t == "This system is not SMT capable.") {
      out->capable = t == "This system is SMT capable.";
      capable_seen = true;
    } else if (StartsWith(t, "This system supports up to ") && w.size() == 10 &&
               t.substr(w[6].column) == "SMT threads per processor.") {
      if (!ParseUint(w[5].text, &out->max_threads)) return LineError(kCmd, l, "thread count is not a number");
    } else if (t == "SMT is currently enabled." || t == "SMT is currently disabled.") {
      out->enabled = t == "SMT is currently enabled.";
    } else if (StartsWith(t, "SMT boot mode is ") && t.back() == '.') {
      out->boot_mode = t.substr(17, t.size() - 18);
    } else if (w.size() == 5 && StartsWith(w[0].text, "proc") && w[1].text == "has" &&
               t.substr(w[3].column) == "SMT threads.") {
      SmtProcessor p;
      p.name = w[0].text;
      if (!IsAixName(p.name) || !ParseUint(w[2].text, &p.threads)) {
        return LineError(kCmd, l, "not \"procN has K SMT threads.\"");
      }
      out->processors.push_back(p);
    } else if (StartsWith(t, "Bind processor ") && w.size() == 7 && w[3].text == "is" && w[4].text == "bound" &&
               w[5].text == "with") {
      uint64_t cpu = 0;
      if (!ParseUint(w[2].text, &cpu)) return LineError(kCmd, l, "bind processor is not a number");
      if (out->processors.empty() || out->processors.back().name != w[6].text) {
        return LineError(kCmd, l, "bound with another processor than the one listed before");
      }
      out->processors.back().bind_processors.push_back(cpu);
    } else if (StartsWith(t, "SMT ") || StartsWith(t, "This system ")) {
      out->notes.push_back(t);
    } else {
      return LineError(kCmd, l, "not an smtctl sentence");
    }
  }
  if (!any) return EndError(kCmd, lines, "empty output");
  if (!capable_seen) return EndError(kCmd, lines, "no \"This system is ... SMT capable.\" line");
  return Status::OK();
}

nlohmann::json ToJson(const SmtState& s) {
  nlohmann::json procs = nlohmann::json::array();
  for (const SmtProcessor& p : s.processors) {
    procs.push_back({{"name", p.name}, {"threads", p.threads}, {"bind_processors", p.bind_processors}});
  }
  return {{"capable", s.capable},     {"max_threads", s.max_threads}, {"enabled", s.enabled},
          {"boot_mode", s.boot_mode}, {"notes", s.notes},             {"processors", procs}};
}

}  // namespace lvu::drivers::aix
