#include "drivers/sim/facts_json.h"

namespace lvu::drivers::sim {

using nlohmann::json;

namespace {

// One table drives both directions, so a field cannot be written and not
// read (or the reverse).
template <typename Facts, typename Visit>
void Fields(Facts& f, Visit&& v) {
  v("rootvg_used_mb", f.rootvg_used_mb);
  v("rootvg_copies", f.rootvg_copies);
  v("rootvg_uniformly_mirrored", f.rootvg_uniformly_mirrored);
  v("rootvg_stale_lvs", f.rootvg_stale_lvs);
  v("rootvg_lvm_snapshot", f.rootvg_lvm_snapshot);
  v("rootvg_jfs2_snapshot", f.rootvg_jfs2_snapshot);
  v("paging_mb", f.paging_mb);
  v("dump_mb", f.dump_mb);
  v("ifix_location", f.ifix_location);
  v("tape_devices", f.tape_devices);
  v("optical_devices", f.optical_devices);
  v("physical_devices", f.physical_devices);
  v("open_capi_devices", f.open_capi_devices);
  v("vlog_devices", f.vlog_devices);
  v("gre_tunnels", f.gre_tunnels);
  v("diskless", f.diskless);
  v("multibos", f.multibos);
  v("console_session", f.console_session);
  v("environment", f.environment);
  v("pkcs11_installed", f.pkcs11_installed);
  v("trustchk_tep", f.trustchk_tep);
  v("trustchk_tlp", f.trustchk_tlp);
  v("trustchk_tsd_files_lock", f.trustchk_tsd_files_lock);
  v("trustchk_chkshlib", f.trustchk_chkshlib);
  v("trustchk_stop_untrustd", f.trustchk_stop_untrustd);
  v("tcb", f.tcb);
  v("kerberos_configured", f.kerberos_configured);
  v("kerberos_processes", f.kerberos_processes);
  v("nfs_kerberos_mounts", f.nfs_kerberos_mounts);
  v("nfs_v2_mounts", f.nfs_v2_mounts);
  v("trusted_logging", f.trusted_logging);
  v("dod_profile", f.dod_profile);
  v("active_wpars", f.active_wpars);
  v("audited_stopped_wpars", f.audited_stopped_wpars);
  v("rsct_active", f.rsct_active);
  v("trace_channel0_in_use", f.trace_channel0_in_use);
  v("probevue_sessions", f.probevue_sessions);
  v("ctrace_mb", f.ctrace_mb);
  v("lmt_mb", f.lmt_mb);
  v("large_page_regions", f.large_page_regions);
  v("dmapi_in_use", f.dmapi_in_use);
  v("user_storage_keys", f.user_storage_keys);
  v("nfs_executables", f.nfs_executables);
  v("reboot_pending_fixes", f.reboot_pending_fixes);
  v("mobile_processes", f.mobile_processes);
  v("boot_s", f.boot_s);
}

}  // namespace

json OsFactsToJson(const OsFacts& f) {
  json j = json::object();
  Fields(f, [&](const char* key, const auto& value) { j[key] = value; });
  json fss = json::array();
  for (const auto& fs : f.filesystems)
    fss.push_back({{"mount", fs.mount}, {"device", fs.device}, {"type", fs.type},
                   {"vg", fs.vg}, {"size_mb", fs.size_mb}, {"free_mb", fs.free_mb}});
  j["filesystems"] = fss;
  return j;
}

OsFacts OsFactsFromJson(const json& j) {
  OsFacts f;
  Fields(f, [&](const char* key, auto& value) {
    value = j.at(key).get<std::remove_reference_t<decltype(value)>>();
  });
  for (const auto& fs : j.at("filesystems"))
    f.filesystems.push_back({fs.at("mount").get<std::string>(), fs.at("device").get<std::string>(),
                             fs.at("type").get<std::string>(), fs.at("vg").get<std::string>(),
                             fs.at("size_mb").get<int>(), fs.at("free_mb").get<int>()});
  return f;
}

}  // namespace lvu::drivers::sim
