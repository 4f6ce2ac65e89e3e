// The four device-size sections: the disks lvupdate.data names for the
// mirror of rootvg (mhdisk), the surrogate's boot copy (nhdisk) and the
// temporary paging and dump devices (tohdisk, tshdisk) must exist, be free
// and be large enough. The paging and dump disks are optional: without them
// AIX prints only the required size, and so does this.
#include "actions/validation/checks/check.h"
#include "actions/validation/checks/sizes.h"
#include "drivers/fact_sources.h"

namespace lvu::actions {
namespace {

int GivenMb(const Snapshot& s, const std::vector<std::string>& disks) {
  if (disks.empty()) return -1;
  int total = 0;
  for (const auto& name : disks) {
    if (const drivers::Disk* d = s.FindDisk(name)) total += d->size_mb;
  }
  return total;
}

// Every disk of `role` exists and is free, and together they are large enough.
Verdict DisksFit(const Snapshot& s, const char* role, const std::vector<std::string>& disks, DeviceSize size,
                 bool required, std::string* text) {
  if (disks.empty()) {
    if (!required) return Verdict::kSkip;
    *text = std::string("no disk is given for ") + role + " in lvupdate.data.";
    return Verdict::kFail;
  }
  for (const auto& name : disks) {
    const drivers::Disk* d = s.FindDisk(name);
    if (d == nullptr) {
      *text = name + " (" + role + ") was not found on this partition.";
      return Verdict::kFail;
    }
    if (d->vg != "None") {
      *text = name + " (" + role + ") is not free: it belongs to volume group " + d->vg + ".";
      return Verdict::kFail;
    }
  }
  if (size.given_mb < size.required_mb) {
    *text = "device size is not sufficient.";
    return Verdict::kFail;
  }
  return Verdict::kPass;
}

}  // namespace

namespace {

// `mb`, or -1 when the driver left `source` (drivers/fact_sources.h) unread.
int Required(const Snapshot& s, const char* source, int mb) {
  return drivers::NamesSource(s.os.unread, source) ? -1 : mb;
}

}  // namespace

DeviceSize MirrorVgSize(const Snapshot& s) {
  return {Required(s, "lsvg", s.os.rootvg_used_mb), GivenMb(s, s.input->data.mhdisk)};
}
DeviceSize NewRootvgSize(const Snapshot& s) {
  return {Required(s, "lsvg", s.os.rootvg_used_mb), GivenMb(s, s.input->data.nhdisk)};
}
DeviceSize PagingSize(const Snapshot& s) {
  return {Required(s, "lsps", s.os.paging_mb), GivenMb(s, s.input->data.tohdisk)};
}
DeviceSize DumpSize(const Snapshot& s) {
  return {Required(s, "sysdumpdev", s.os.dump_mb), GivenMb(s, s.input->data.tshdisk)};
}

void AddSizeChecks(std::vector<CheckDef>* out) {
  constexpr const char* kSufficient = "device size is sufficient.";
  constexpr unsigned kNeeds = kNeedOs | kNeedDisks;
  out->push_back({"disk.mirror_vg", Section::kMirrorVg, kSufficient, kNeeds,
                  [](const Snapshot& s, std::string* t) {
                    return DisksFit(s, "mhdisk", s.input->data.mhdisk, MirrorVgSize(s), true, t);
                  }});
  out->push_back({"disk.new_rootvg", Section::kNewRootvg, kSufficient, kNeeds,
                  [](const Snapshot& s, std::string* t) {
                    return DisksFit(s, "nhdisk", s.input->data.nhdisk, NewRootvgSize(s), true, t);
                  }});
  out->push_back({"disk.paging", Section::kPaging, kSufficient, kNeeds,
                  [](const Snapshot& s, std::string* t) {
                    return DisksFit(s, "tohdisk", s.input->data.tohdisk, PagingSize(s), false, t);
                  }});
  out->push_back({"disk.dump", Section::kDump, kSufficient, kNeeds,
                  [](const Snapshot& s, std::string* t) {
                    return DisksFit(s, "tshdisk", s.input->data.tshdisk, DumpSize(s), false, t);
                  }});
}

}  // namespace lvu::actions
