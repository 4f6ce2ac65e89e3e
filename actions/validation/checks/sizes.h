// The device sizes the preview prints before its size checks:
//
//   Checking mirror vg device size:
//   -----
//   Required device size: 7216 MB
//   Given device size: 51200 MB
//
// Required: a copy of rootvg (mirror vg, new root vg) needs the MB rootvg
// uses (lsvg USED PPs); the temporary paging and dump devices need the size
// of the current ones (lsps, sysdumpdev). Given: the sum of the sizes of the
// disks lvupdate.data names for that role (mhdisk, nhdisk, tohdisk,
// tshdisk); a disk the partition does not have counts 0.
#pragma once

#include <string>
#include <vector>

#include "actions/validation/checks/snapshot.h"

namespace lvu::actions {

struct DeviceSize {
  int required_mb = 0;  // -1: not known (the driver did not read the fact source it comes from)
  int given_mb = -1;  // -1: no disk given for that role
};

DeviceSize MirrorVgSize(const Snapshot& s);
DeviceSize NewRootvgSize(const Snapshot& s);
DeviceSize PagingSize(const Snapshot& s);
DeviceSize DumpSize(const Snapshot& s);

}  // namespace lvu::actions
