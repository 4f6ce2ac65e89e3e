// See sim_json.h.
#include "drivers/sim/sim_json.h"

namespace lvu::drivers::sim {

nlohmann::json FaultsJson(const std::vector<Fault>& faults) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : faults) {
    out.push_back({{"step", f.step}, {"kind", FaultKindName(f.kind)},
                   {"phase", FaultPhaseName(f.phase)}, {"times", f.times}});
  }
  return out;
}

nlohmann::json SettingsJson(const std::vector<Setting>& settings) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& st : settings) {
    nlohmann::json breaks = nlohmann::json::array();
    for (const auto& b : st.breaks) {
      nlohmann::json j = {{"value", b.value}, {"check", b.check}};
      if (!b.with.empty()) j["with"] = b.with;
      breaks.push_back(j);
    }
    out.push_back({{"key", st.key}, {"value", st.value}, {"feeds", st.feeds}, {"breaks", breaks}, {"help", st.help}});
  }
  return out;
}

}  // namespace lvu::drivers::sim
