// Factories for every step of the plan (DESIGN.md, "Steps"). Each step is a
// small class in the file named for what it acts on.
#pragma once

#include <memory>

#include "actions/engine/step.h"

namespace lvu::actions::steps {

std::unique_ptr<Step> Validate();             // validate.cc

std::unique_ptr<Step> HmcReserve();           // partition_steps.cc
std::unique_ptr<Step> RenameOriginal();
std::unique_ptr<Step> CreateSurrogate();
std::unique_ptr<Step> BootSurrogate();
std::unique_ptr<Step> ShutdownOriginal();
std::unique_ptr<Step> DeleteOriginal();

std::unique_ptr<Step> CloneRootvg();          // disk_steps.cc
std::unique_ptr<Step> ApplyFixClone();
std::unique_ptr<Step> MirrorRootvg();

std::unique_ptr<Step> PathSplit();            // path_steps.cc
std::unique_ptr<Step> DiskAssign();
std::unique_ptr<Step> PathRestore();

std::unique_ptr<Step> WorkloadCheckpoint();   // workload_steps.cc
std::unique_ptr<Step> WorkloadRestart();

std::unique_ptr<Step> BootlistSet();          // boot_steps.cc
std::unique_ptr<Step> RevertBootlist();
std::unique_ptr<Step> RevertReboot();

std::unique_ptr<Step> NotifyCheck();          // notify_steps.cc
std::unique_ptr<Step> NotifyPre();
std::unique_ptr<Step> NotifyComplete();

}  // namespace lvu::actions::steps
