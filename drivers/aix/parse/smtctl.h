// smtctl (without options): the simultaneous multithreading state.
//
//   This system is SMT capable.
//   This system supports up to 8 SMT threads per processor.
//   SMT is currently enabled.
//   SMT boot mode is not set.
//   SMT threads are bound to the same physical processor.
//
//   proc0 has 4 SMT threads.
//   Bind processor 0 is bound with proc0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct SmtProcessor {
  std::string name;                       // "proc0"
  uint64_t threads = 0;                   // "has 4 SMT threads"
  std::vector<uint64_t> bind_processors;  // logical CPUs bound with it
};

struct SmtState {
  bool capable = false;          // "This system is [not] SMT capable."
  uint64_t max_threads = 0;      // "supports up to N SMT threads per processor." (0 if not printed)
  bool enabled = false;          // "SMT is currently enabled." / "disabled."
  std::string boot_mode;         // after "SMT boot mode is ", without the '.': "not set"
  std::vector<std::string> notes;  // other sentences starting with "SMT " or "This system ", as printed
  std::vector<SmtProcessor> processors;
};

// Corruption naming the line for a line that is none of the sentences above,
// a "Bind processor" line naming another processor than the last "procN has"
// line, a number that is not one, no "SMT capable" line, or empty output.
// Failed for an AIX message.
Status ParseSmtctl(const std::string& text, SmtState* out);

nlohmann::json ToJson(const SmtState& s);

}  // namespace lvu::drivers::aix
