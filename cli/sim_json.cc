// See sim_json.h.
#include "cli/sim_json.h"

namespace lvu::cli {

nlohmann::json FaultsJson(const std::vector<drivers::sim::Fault>& faults) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : faults) {
    out.push_back({{"step", f.step}, {"kind", drivers::sim::FaultKindName(f.kind)},
                   {"phase", drivers::sim::FaultPhaseName(f.phase)}, {"times", f.times}});
  }
  return out;
}

nlohmann::json SettingsJson(const std::vector<drivers::sim::Setting>& settings) {
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

}  // namespace lvu::cli
