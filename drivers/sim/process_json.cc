#include "drivers/sim/process_json.h"

#include <algorithm>

namespace lvu::drivers::sim {

using nlohmann::json;

json ProcessTableToJson(const ProcessTable& t) {
  json kexts = json::array();
  for (const auto& k : t.kexts)
    kexts.push_back({{"path", k.path}, {"lu_safe", k.lu_safe}, {"loaded_by", k.loaded_by}});
  json procs = json::array();
  for (const auto& p : t.procs) {
    json sockets = json::array();
    for (const auto& s : p.sockets)
      sockets.push_back({{"local", s.local}, {"remote", s.remote}, {"state", s.state}});
    procs.push_back({{"pid", p.pid},
                     {"ppid", p.ppid},
                     {"tids", p.tids},
                     {"command", p.command},
                     {"kproc", p.kproc},
                     {"tty", p.tty},
                     {"mem_mb", p.mem_mb},
                     {"shm", p.shm},
                     {"pipes", p.pipes},
                     {"files", p.files},
                     {"sockets", sockets},
                     {"watcher", p.watcher},
                     {"inittab_id", p.inittab_id},
                     {"mobility", p.mobility},
                     {"state", p.state},
                     {"class", p.cls}});
  }
  return {{"live_update", t.live_update}, {"kexts", kexts}, {"procs", procs}};
}

ProcessTable ProcessTableFromJson(const json& j) {
  ProcessTable t;
  t.live_update = j.at("live_update").get<bool>();
  for (const auto& k : j.at("kexts"))
    t.kexts.push_back({k.at("path").get<std::string>(), k.at("lu_safe").get<bool>(),
                       k.at("loaded_by").get<std::string>()});
  for (const auto& jp : j.at("procs")) {
    Process p;
    p.pid = jp.at("pid").get<int>();
    p.ppid = jp.at("ppid").get<int>();
    p.tids = jp.at("tids").get<std::vector<int>>();
    p.command = jp.at("command").get<std::string>();
    p.kproc = jp.at("kproc").get<bool>();
    p.tty = jp.at("tty").get<std::string>();
    p.mem_mb = jp.at("mem_mb").get<int>();
    p.shm = jp.at("shm").get<std::vector<std::string>>();
    p.pipes = jp.at("pipes").get<std::vector<std::string>>();
    p.files = jp.at("files").get<std::vector<std::string>>();
    for (const auto& s : jp.at("sockets"))
      p.sockets.push_back({s.at("local").get<std::string>(), s.at("remote").get<std::string>(),
                           s.at("state").get<std::string>()});
    p.watcher = jp.at("watcher").get<std::string>();
    p.inittab_id = jp.at("inittab_id").get<std::string>();
    p.mobility = jp.at("mobility").get<std::string>();
    p.state = jp.at("state").get<std::string>();
    p.cls = jp.at("class").get<std::string>();
    t.procs.push_back(std::move(p));
  }
  return t;
}

void NormalizeProcessTable(ProcessTable* t) {
  std::sort(t->procs.begin(), t->procs.end(),
            [](const Process& a, const Process& b) { return a.pid < b.pid; });
  std::sort(t->kexts.begin(), t->kexts.end(),
            [](const KernelExtension& a, const KernelExtension& b) { return a.path < b.path; });
  for (auto& p : t->procs) {
    std::sort(p.tids.begin(), p.tids.end());
    std::sort(p.shm.begin(), p.shm.end());
    std::sort(p.pipes.begin(), p.pipes.end());
    std::sort(p.files.begin(), p.files.end());
    std::sort(p.sockets.begin(), p.sockets.end(), [](const TcpConnection& a, const TcpConnection& b) {
      return a.local != b.local ? a.local < b.local : a.remote < b.remote;
    });
  }
}

}  // namespace lvu::drivers::sim
