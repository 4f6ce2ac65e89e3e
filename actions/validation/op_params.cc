#include "actions/validation/op_params.h"

namespace lvu::actions {
namespace {

nlohmann::json Refs(const std::vector<VhostRef>& refs) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& r : refs) a.push_back({{"vios", r.vios}, {"vhost", r.vhost}, {"adapter", r.adapter}});
  return a;
}

std::vector<VhostRef> ReadRefs(const nlohmann::json& a) {
  std::vector<VhostRef> out;
  for (const auto& r : a) out.push_back({r.at("vios"), r.at("vhost"), r.at("adapter")});
  return out;
}

}  // namespace

nlohmann::json OpParams::ToJson() const {
  nlohmann::json fx = nlohmann::json::array();
  for (const auto& f : fixes) {
    fx.push_back({{"file", f.file}, {"label", f.label}, {"abstract", f.abstract},
                  {"lu_capable", f.lu_capable}, {"reboot_required", f.reboot_required}});
  }
  return {{"orig_id", orig_id},       {"orig_name", orig_name}, {"orig_boot_disk", orig_boot_disk},
          {"new_id", new_id},         {"proc_units", proc_units}, {"mem_mb", mem_mb},
          {"nhdisk", nhdisk},         {"mhdisk", mhdisk},       {"keep", Refs(keep)},
          {"move", Refs(move)},       {"fixes", fx}};
}

Status OpParams::FromJson(const std::string& text, OpParams* out) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("orig_id")) {
    return Status::Corruption("the validate step's output is not the operation's parameters: " +
                              text.substr(0, 80));
  }
  OpParams p;
  // The journal decoded this text; a missing key here is a corrupted record,
  // reported rather than thrown.
  try {
    p.orig_id = j.at("orig_id");
    p.orig_name = j.at("orig_name");
    p.orig_boot_disk = j.at("orig_boot_disk");
    p.new_id = j.at("new_id");
    p.proc_units = j.at("proc_units");
    p.mem_mb = j.at("mem_mb");
    p.nhdisk = j.at("nhdisk");
    p.mhdisk = j.at("mhdisk");
    p.keep = ReadRefs(j.at("keep"));
    p.move = ReadRefs(j.at("move"));
    for (const auto& f : j.at("fixes")) {
      drivers::Fix fix;
      fix.file = f.at("file");
      fix.label = f.at("label");
      fix.abstract = f.at("abstract");
      fix.lu_capable = f.at("lu_capable");
      fix.reboot_required = f.at("reboot_required");
      p.fixes.push_back(fix);
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(std::string("operation parameters: ") + e.what());
  }
  *out = std::move(p);
  return Status::OK();
}

}  // namespace lvu::actions
