#include "drivers/sim/world.h"

#include <algorithm>
#include <cmath>

#include "drivers/sim/facts_json.h"
#include "drivers/sim/process_json.h"

namespace lvu::drivers::sim {

using nlohmann::json;

WorldLpar* World::FindLpar(int id) {
  for (auto& l : lpars)
    if (l.id == id) return &l;
  return nullptr;
}

const WorldLpar* World::FindLpar(int id) const {
  for (const auto& l : lpars)
    if (l.id == id) return &l;
  return nullptr;
}

WorldDisk* World::FindDisk(const std::string& name) {
  for (auto& d : disks)
    if (d.name == name) return &d;
  return nullptr;
}

const WorldDisk* World::FindDisk(const std::string& name) const {
  for (const auto& d : disks)
    if (d.name == name) return &d;
  return nullptr;
}

WorldMapping* World::FindMapping(const std::string& vios_name, const std::string& vhost) {
  for (auto& m : mappings)
    if (m.vios == vios_name && m.vhost == vhost) return &m;
  return nullptr;
}

const WorldLpar* World::WorkloadLpar() const {
  for (const auto& l : lpars)
    if (l.workload == "running" || l.workload == "frozen") return &l;
  for (const auto& l : lpars)
    if (l.state == "Running") return &l;
  return nullptr;
}

std::vector<std::string> World::RunningIfixes(const WorldLpar& l) const {
  if (l.state != "Running") return {};
  const WorldDisk* d = FindDisk(l.booted_from);
  if (d == nullptr || !d->has_image) return {};
  return d->image_ifixes;
}

void World::Normalize() {
  std::sort(lpars.begin(), lpars.end(),
            [](const WorldLpar& a, const WorldLpar& b) { return a.id < b.id; });
  std::sort(disks.begin(), disks.end(),
            [](const WorldDisk& a, const WorldDisk& b) { return a.name < b.name; });
  std::sort(mappings.begin(), mappings.end(), [](const WorldMapping& a, const WorldMapping& b) {
    return a.vios != b.vios ? a.vios < b.vios : a.vhost < b.vhost;
  });
  std::sort(vios.begin(), vios.end());
  for (auto& l : lpars) {
    std::sort(l.disks.begin(), l.disks.end(),
              [](const LparDisk& a, const LparDisk& b) { return a.name < b.name; });
    for (auto& d : l.disks)
      std::sort(d.paths.begin(), d.paths.end(),
                [](const Path& a, const Path& b) { return a.adapter < b.adapter; });
  }
  managed_system.reservation.proc_units = RoundUnits(managed_system.reservation.proc_units);
  for (auto& l : lpars) l.proc_units = RoundUnits(l.proc_units);
  for (auto& l : lpars) NormalizeProcessTable(&l.processes);
}

double RoundUnits(double units) { return std::round(units * 100.0) / 100.0; }

namespace {

json PathsJson(const std::vector<Path>& paths) {
  json a = json::array();
  for (const auto& p : paths) a.push_back({{"adapter", p.adapter}, {"status", p.status}});
  return a;
}

json LparJson(const WorldLpar& l) {
  json disks = json::array();
  for (const auto& d : l.disks) disks.push_back({{"name", d.name}, {"paths", PathsJson(d.paths)}});
  return {{"id", l.id},
          {"name", l.name},
          {"state", l.state},
          {"proc_units", l.proc_units},
          {"mem_mb", l.mem_mb},
          {"os_level", l.os_level},
          {"booted_from", l.booted_from},
          {"bootlist", l.bootlist},
          {"disks", disks},
          {"workload", l.workload},
          {"from_reservation", l.from_reservation},
          {"remote_restart", l.remote_restart},
          {"mem_mode", l.mem_mode},
          {"vnic_adapters", l.vnic_adapters},
          {"processes", ProcessTableToJson(l.processes)}};
}

}  // namespace

json WorldToJson(const World& w) {
  json j;
  j["clock"] = w.clock;
  json errlog = json::array();
  for (const auto& e : w.errlog)
    errlog.push_back({{"time", e.time}, {"label", e.label}, {"text", e.text}, {"lpar", e.lpar}});
  j["errlog"] = errlog;
  const auto& ms = w.managed_system;
  j["managed_system"] = {
      {"name", ms.name},
      {"firmware", ms.firmware},
      {"proc_units_total", ms.proc_units_total},
      {"mem_mb_total", ms.mem_mb_total},
      {"reservation",
       {{"present", ms.reservation.present},
        {"proc_units", ms.reservation.proc_units},
        {"mem_mb", ms.reservation.mem_mb}}},
      {"free_virtual_slots", ms.free_virtual_slots},
      {"free_vnic_ports", ms.free_vnic_ports},
      {"ams_pool_free_mb", ms.ams_pool_free_mb}};
  j["hmc"] = {{"address", w.hmc.address},
              {"hostname", w.hmc.hostname},
              {"user", w.hmc.user},
              {"version", w.hmc.version},
              {"password_sha256", w.hmc.password_sha256},
              {"session_key", w.hmc.session_key},
              {"session_ttl_s", w.hmc.session_ttl_s},
              {"session_generation", w.hmc.session_generation},
              {"responding", w.hmc.responding}};
  j["vios"] = w.vios;
  json mappings = json::array();
  for (const auto& m : w.mappings) {
    json luns = json::array();
    for (const auto& u : m.luns)
      luns.push_back({{"vtd", u.vtd},
                      {"lun", u.lun},
                      {"backing_device", u.backing_device},
                      {"disk", u.disk},
                      {"backing", u.backing}});
    mappings.push_back({{"vios", m.vios},
                        {"vhost", m.vhost},
                        {"physloc", m.physloc},
                        {"client_id", m.client_id},
                        {"client_adapter", m.client_adapter},
                        {"luns", luns},
                        {"any_client", m.any_client}});
  }
  j["mappings"] = mappings;
  json disks = json::array();
  for (const auto& d : w.disks)
    disks.push_back({{"name", d.name},
                     {"pvid", d.pvid},
                     {"size_mb", d.size_mb},
                     {"vg", d.vg},
                     {"has_image", d.has_image},
                     {"image_ifixes", d.image_ifixes}});
  j["disks"] = disks;
  json lpars = json::array();
  for (const auto& l : w.lpars) lpars.push_back(LparJson(l));
  j["lpars"] = lpars;
  j["os"] = OsFactsToJson(w.os);
  j["jitter_seed"] = w.jitter_seed;
  return j;
}

std::string WorldToJsonText(const World& w) { return WorldToJson(w).dump(2) + "\n"; }

Status ParseWorld(const std::string& text, const std::string& where, World* out) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::Corruption(where + ": not valid JSON");
  World w;
  // nlohmann reports a missing or mistyped field by throwing; this is the one
  // boundary where that is turned into a Status.
  try {
    w.clock = j.at("clock").get<int64_t>();
    for (const auto& e : j.at("errlog"))
      w.errlog.push_back({e.at("time").get<int64_t>(), e.at("label").get<std::string>(),
                          e.at("text").get<std::string>(), e.at("lpar").get<int>()});
    const auto& ms = j.at("managed_system");
    w.managed_system.name = ms.at("name").get<std::string>();
    w.managed_system.firmware = ms.at("firmware").get<std::string>();
    w.managed_system.proc_units_total = ms.at("proc_units_total").get<double>();
    w.managed_system.mem_mb_total = ms.at("mem_mb_total").get<int>();
    const auto& r = ms.at("reservation");
    w.managed_system.reservation.present = r.at("present").get<bool>();
    w.managed_system.reservation.proc_units = r.at("proc_units").get<double>();
    w.managed_system.reservation.mem_mb = r.at("mem_mb").get<int>();
    w.managed_system.free_virtual_slots = ms.at("free_virtual_slots").get<int>();
    w.managed_system.free_vnic_ports = ms.at("free_vnic_ports").get<int>();
    w.managed_system.ams_pool_free_mb = ms.at("ams_pool_free_mb").get<int>();
    const auto& h = j.at("hmc");
    w.hmc.address = h.at("address").get<std::string>();
    w.hmc.hostname = h.at("hostname").get<std::string>();
    w.hmc.user = h.at("user").get<std::string>();
    w.hmc.version = h.at("version").get<std::string>();
    w.hmc.password_sha256 = h.at("password_sha256").get<std::string>();
    w.hmc.session_key = h.at("session_key").get<std::string>();
    w.hmc.session_ttl_s = h.at("session_ttl_s").get<int64_t>();
    w.hmc.session_generation = h.at("session_generation").get<int>();
    w.hmc.responding = h.at("responding").get<bool>();
    w.vios = j.at("vios").get<std::vector<std::string>>();
    for (const auto& m : j.at("mappings")) {
      WorldMapping wm;
      wm.vios = m.at("vios").get<std::string>();
      wm.vhost = m.at("vhost").get<std::string>();
      wm.physloc = m.at("physloc").get<std::string>();
      wm.client_id = m.at("client_id").get<int>();
      wm.client_adapter = m.at("client_adapter").get<std::string>();
      for (const auto& u : m.at("luns"))
        wm.luns.push_back({u.at("vtd").get<std::string>(), u.at("lun").get<std::string>(),
                           u.at("backing_device").get<std::string>(),
                           u.at("disk").get<std::string>(), u.at("backing").get<std::string>()});
      wm.any_client = m.at("any_client").get<bool>();
      w.mappings.push_back(std::move(wm));
    }
    for (const auto& d : j.at("disks")) {
      WorldDisk wd;
      wd.name = d.at("name").get<std::string>();
      wd.pvid = d.at("pvid").get<std::string>();
      wd.size_mb = d.at("size_mb").get<int>();
      wd.vg = d.at("vg").get<std::string>();
      wd.has_image = d.at("has_image").get<bool>();
      wd.image_ifixes = d.at("image_ifixes").get<std::vector<std::string>>();
      w.disks.push_back(std::move(wd));
    }
    for (const auto& l : j.at("lpars")) {
      WorldLpar wl;
      wl.id = l.at("id").get<int>();
      wl.name = l.at("name").get<std::string>();
      wl.state = l.at("state").get<std::string>();
      wl.proc_units = l.at("proc_units").get<double>();
      wl.mem_mb = l.at("mem_mb").get<int>();
      wl.os_level = l.at("os_level").get<std::string>();
      wl.booted_from = l.at("booted_from").get<std::string>();
      wl.bootlist = l.at("bootlist").get<std::vector<std::string>>();
      for (const auto& d : l.at("disks")) {
        LparDisk ld;
        ld.name = d.at("name").get<std::string>();
        for (const auto& p : d.at("paths"))
          ld.paths.push_back({p.at("adapter").get<std::string>(), p.at("status").get<std::string>()});
        wl.disks.push_back(std::move(ld));
      }
      wl.workload = l.at("workload").get<std::string>();
      wl.from_reservation = l.at("from_reservation").get<bool>();
      wl.remote_restart = l.at("remote_restart").get<bool>();
      wl.mem_mode = l.at("mem_mode").get<std::string>();
      wl.vnic_adapters = l.at("vnic_adapters").get<int>();
      wl.processes = ProcessTableFromJson(l.at("processes"));
      w.lpars.push_back(std::move(wl));
    }
    w.os = OsFactsFromJson(j.at("os"));
    w.jitter_seed = j.at("jitter_seed").get<uint64_t>();
  } catch (const json::exception& e) {
    return Status::Corruption(where + ": " + e.what());
  }
  w.Normalize();
  *out = std::move(w);
  return Status::OK();
}

}  // namespace lvu::drivers::sim
