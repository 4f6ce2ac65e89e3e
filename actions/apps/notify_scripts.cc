#include "actions/apps/notify_scripts.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <sstream>

#include "actions/apps/app_context.h"
#include "actions/apps/script_ledger.h"
#include "actions/apps/script_runner.h"
#include "base/redact.h"

namespace lvu::actions {
namespace {

constexpr size_t kJournaledOutput = 4096;

bool Aborts(Phase p) { return p == kCheck || p == kPre; }

// The last kJournaledOutput bytes of `out`.
std::string Tail(const std::string& out) {
  return out.size() <= kJournaledOutput ? out : out.substr(out.size() - kJournaledOutput);
}

// The secrets a script's command line holds (a password after -p, a
// password=value argument): they never reach the log or the journal.
SecretSet SecretsOf(const ScriptRegistration& r) {
  SecretSet s;
  CollectCommandLineSecrets(r.script, &s);
  return s;
}

std::string Scrubbed(const std::string& text, const SecretSet& secrets) {
  size_t n = 0;
  return Scrub(text, secrets, &n);
}

void LogOutput(const ScriptRegistration& r, const std::string& out) {
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) spdlog::info("[{} {} {}] {}", r.phase, r.side, r.label, line);
}

std::string Who(const ScriptRegistration& r) {
  return r.phase + " script " + r.label + " (" + r.side + ", priority " + std::to_string(r.priority) + ")";
}

// Runs one script (or accounts for its recorded run). *failed: it did not
// end with exit 0; *why says how.
Status RunOne(drivers::System& sys, AppContext& a, const ScriptRegistration& r, bool* failed, std::string* why) {
  ScriptKey key{r.phase, r.side, r.label};
  const ScriptRecord* rec = a.ledger->Find(key);
  if (rec != nullptr && (rec->ok || !r.rerunnable)) {
    *failed = !rec->ok;
    *why = rec->ended ? rec->result : "interrupted (" + rec->result + ")";
    spdlog::info("{}: already run in this operation ({}); not run again", Who(r), *why);
    return Status::OK();
  }
  std::vector<std::string> argv;
  LVU_RETURN_IF_ERROR(SplitCommandLine(r.script, &argv));
  const SecretSet secrets = SecretsOf(r);
  journal::ScriptIntent intent;
  intent.step = a.step;
  intent.phase = r.phase;
  intent.side = r.side;
  intent.label = r.label;
  intent.command = Scrubbed(r.script, secrets);
  intent.priority = static_cast<uint32_t>(r.priority);
  intent.attempt = rec == nullptr ? 1 : rec->attempts + 1;
  intent.timeout_s = static_cast<uint32_t>(r.timeout_s);
  LVU_RETURN_IF_ERROR(a.ledger->Started(intent));

  spdlog::info("{}: running {}", Who(r), intent.command);
  std::vector<std::string> env = {"LVUP_PHASE=" + r.phase, "LVUP_SIDE=" + r.side, "LVUP_OPID=" + a.op_id,
                                  "LVUP_LABEL=" + r.label, "LVUP_PRIORITY=" + std::to_string(r.priority),
                                  "LVUPDATE_HOME=" + a.home};
  ScriptOutcome o = RunScript(argv, env, r.timeout_s);
  o.output = Scrubbed(o.output, secrets);
  LogOutput(r, o.output);
  *failed = !o.ok();
  *why = o.Describe(r.timeout_s);
  if (*failed) spdlog::warn("{}: {}", Who(r), *why);
  else spdlog::info("{}: {}", Who(r), *why);

  journal::ScriptDone done;
  done.step = a.step;
  done.phase = r.phase;
  done.side = r.side;
  done.label = r.label;
  done.exit_code = o.exit_code;
  done.signal = o.signal;
  done.timed_out = o.timed_out;
  done.error = o.error;
  done.output = Tail(o.output);
  done.elapsed_ms = o.elapsed_ms;
  LVU_RETURN_IF_ERROR(a.ledger->Ended(done));
  // Read the world again before anything saves it: the script may have
  // changed it (a process registering itself).
  LVU_RETURN_IF_ERROR(sys.Reload());
  return sys.Spend(std::max<int64_t>(1, (o.elapsed_ms + 999) / 1000));
}

}  // namespace

const char* PhaseName(Phase p) { return kPhases[p]; }

std::vector<ScriptRegistration> PhaseOrder(const std::vector<ScriptRegistration>& all, Phase phase) {
  auto side = [&](const char* s, bool ascending) {
    std::vector<ScriptRegistration> v;
    for (const auto& r : all)
      if (r.phase == PhaseName(phase) && r.side == s) v.push_back(r);
    std::stable_sort(v.begin(), v.end(), [&](const ScriptRegistration& a, const ScriptRegistration& b) {
      return ascending ? a.priority < b.priority : a.priority > b.priority;
    });
    return v;
  };
  std::vector<ScriptRegistration> order = side("orig", true);
  std::vector<ScriptRegistration> surr = side("surr", false);
  order.insert(order.end(), surr.begin(), surr.end());
  if (phase == kError) std::reverse(order.begin(), order.end());
  return order;
}

Status RunPhase(drivers::System& sys, AppContext* apps, Phase phase) {
  if (apps == nullptr || apps->ledger == nullptr) return Status::OK();
  std::vector<ScriptRegistration> all;
  LVU_RETURN_IF_ERROR(LoadScripts(apps->home, &all));
  for (const auto& r : PhaseOrder(all, phase)) {
    bool failed = false;
    std::string why;
    LVU_RETURN_IF_ERROR(RunOne(sys, *apps, r, &failed, &why));
    if (failed && Aborts(phase)) return Status::Failed(Who(r) + " failed: " + why);
  }
  return Status::OK();
}

Status NotifyRollback(drivers::System& sys, AppContext* apps, int orig_id) {
  LVU_RETURN_IF_ERROR(RunPhase(sys, apps, kError));
  return sys.os().SetLiveUpdate(orig_id, false);
}

}  // namespace lvu::actions
