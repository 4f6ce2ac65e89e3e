// The process part of `lvupdate sim show`: one partition's processes as
// `ps -ef` lists them, with the class each had in the live update that
// placed it (or "-"), its state (running, frozen, frozen-exit) and its
// mobility attribute; then its TCP connections (netstat -Aan) and loaded
// kernel extensions (genkex). Every line starts with `indent`.
#pragma once

#include <string>

#include "drivers/processes.h"

namespace lvu::drivers::sim {

std::string FormatProcesses(const ProcessTable& t, const std::string& indent);

}  // namespace lvu::drivers::sim
