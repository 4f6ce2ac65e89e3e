// See standin_shims.h.
#include "drivers/sim/standin_shims.h"

#include <algorithm>
#include <sstream>

namespace lvu::drivers::sim {
namespace {

ShimOutput Done(const Status& s) { return s.ok() ? ShimOutput{0, "", ""} : ShimOutput{1, "", s.message() + "\n"}; }
ShimOutput Usage(const std::string& cmd, const std::string& form) {
  return {2, "", cmd + ": usage: " + cmd + " " + form + "\n"};
}

bool Id(const std::string& text, int* out) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  *out = std::stoi(text);
  return true;
}

// "PID CLASS" lines; false on a malformed one (*bad: the line).
bool Classes(const std::string& input, std::vector<ProcessClass>* out, std::string* bad) {
  std::istringstream in(input);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string pid, cls, extra;
    words >> pid >> cls >> extra;
    int p = 0;
    if (!Id(pid, &p) || !extra.empty() || (cls != kClassBase && cls != kClassMobile && cls != kClassExit)) {
      *bad = line;
      return false;
    }
    out->push_back({p, cls});
  }
  return true;
}

}  // namespace

std::vector<std::string> StandInShimNames() {
  return {"sim-workload-checkpoint", "sim-workload-restart",  "sim-workload-thaw",
          "sim-workload-state",      "sim-live-update-state", "sim-vhost-client"};
}

std::string StandInConfig(const std::string& dir) {
  std::string conf;
  for (const std::string& name : StandInShimNames()) {
    std::string key = name.substr(4);  // "sim-workload-checkpoint" -> "workload_checkpoint_command"
    for (char& c : key) c = c == '-' ? '_' : c;
    conf += key + "_command = " + dir + "/" + name + "\n";
  }
  return conf;
}

bool RunStandInShim(SimSystem* sim, const World& w, const std::vector<std::string>& a, const std::string& input,
                    ShimOutput* out) {
  const std::string& cmd = a[0];
  const std::vector<std::string> names = StandInShimNames();
  if (std::find(names.begin(), names.end(), cmd) == names.end()) return false;
  int id = 0, to = 0;
  if (cmd == "sim-workload-checkpoint") {
    if (a.size() != 2 || !Id(a[1], &id)) {
      *out = Usage(cmd, "LPAR_ID < \"PID base|mobile|exit\" lines");
      return true;
    }
    std::vector<ProcessClass> classes;
    std::string bad;
    if (!Classes(input, &classes, &bad)) {
      *out = {2, "", cmd + ": standard input: '" + bad + "' is not \"PID base|mobile|exit\"\n"};
      return true;
    }
    // ps -ef does not list kernel processes: the kernel keeps them, as
    // base processes of the surrogate (rule 1).
    if (const WorldLpar* l = w.FindLpar(id)) {
      for (const auto& p : l->processes.procs) {
        const bool listed =
            std::any_of(classes.begin(), classes.end(), [&](const ProcessClass& c) { return c.pid == p.pid; });
        if (p.kproc && !listed) classes.push_back({p.pid, kClassBase});
      }
    }
    *out = Done(sim->os().FreezeWorkload(id, classes));
  } else if (cmd == "sim-workload-restart") {
    *out = a.size() == 4 && Id(a[1], &id) && Id(a[2], &to) ? Done(sim->os().RestartWorkload(id, to, a[3]))
                                                            : Usage(cmd, "FROM_LPAR_ID TO_LPAR_ID MIRROR_DISK");
  } else if (cmd == "sim-workload-thaw") {
    *out = a.size() == 2 && Id(a[1], &id) ? Done(sim->os().ThawWorkload(id)) : Usage(cmd, "LPAR_ID");
  } else if (cmd == "sim-workload-state") {
    if (a.size() != 2 || !Id(a[1], &id)) {
      *out = Usage(cmd, "LPAR_ID");
      return true;
    }
    const WorldLpar* l = w.FindLpar(id);
    if (l == nullptr) *out = {1, "", cmd + ": no partition " + a[1] + "\n"};
    else *out = {0, (l->workload.empty() ? std::string("none") : l->workload) + "\n", ""};
  } else if (cmd == "sim-live-update-state") {
    *out = a.size() == 3 && (a[1] == "on" || a[1] == "off") && Id(a[2], &id)
               ? Done(sim->os().SetLiveUpdate(id, a[1] == "on"))
               : Usage(cmd, "on|off LPAR_ID");
  } else {
    *out = a.size() == 4 && Id(a[3], &id) ? Done(sim->vios().SetClient(a[1], a[2], id))
                                          : Usage(cmd, "VIOS VHOST CLIENT_LPAR_ID");
  }
  return true;
}

}  // namespace lvu::drivers::sim
