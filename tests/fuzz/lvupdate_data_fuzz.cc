// libFuzzer target for the lvupdate.data parser (actions/lvupdate_data.h).
//
//   make torture     builds it with clang++ -fsanitize=fuzzer,address,undefined
//                    and runs it for TORTURE_SECONDS (60) from the seed corpus
//                    in tests/fuzz/corpus/lvupdate_data
//
// Besides memory errors and undefined behaviour (the sanitizers), it checks
// the parser's contract on every input and aborts when one does not hold:
// - a refusal is InvalidArgument and its message starts with the file name;
// - an accepted file has every required key (nhdisk, mhdisk,
//   management_console, user), disks of the form hdiskN named once, and an
//   lpar_id of 0 (not given) or 1..1000;
// - FormatLvupdateData of an accepted file parses back to the same values;
// - RedactSecrets never fails and keeps the text's line count.
// tests/fuzz/corpus_test.cc runs the same checks on the seeds and on
// deterministic mutations of them in `make test`.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "actions/validation/lvupdate_data.h"

namespace {

void Require(bool ok, const char* what, const std::string& input) {
  if (ok) return;
  std::fprintf(stderr, "lvupdate.data contract broken: %s\ninput:\n%s\n", what, input.c_str());
  std::abort();
}

bool DiskName(const std::string& d) {
  return d.size() > 5 && d.rfind("hdisk", 0) == 0 && d.find_first_not_of("0123456789", 5) == std::string::npos;
}

bool Same(const lvu::actions::LvupdateData& a, const lvu::actions::LvupdateData& b) {
  return a.mode == b.mode && a.kext_check == b.kext_check && a.cpu_reduction == b.cpu_reduction &&
         a.nhdisk == b.nhdisk && a.mhdisk == b.mhdisk && a.tohdisk == b.tohdisk && a.tshdisk == b.tshdisk &&
         a.lpar_id == b.lpar_id && a.management_console == b.management_console && a.user == b.user;
}

size_t Lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using lvu::actions::LvupdateData;
  const std::string text(reinterpret_cast<const char*>(data), size);
  LvupdateData d;
  lvu::Status s = lvu::actions::ParseLvupdateData(text, "fuzz.data", &d);
  if (!s.ok()) {
    Require(s.IsInvalidArgument(), "a refusal is InvalidArgument", text);
    Require(s.message().rfind("fuzz.data", 0) == 0, "a refusal names the file", text);
  } else {
    Require(!d.nhdisk.empty() && !d.mhdisk.empty(), "nhdisk and mhdisk are given", text);
    Require(!d.management_console.empty() && !d.user.empty(), "management_console and user are given", text);
    Require(d.lpar_id == 0 || (d.lpar_id >= 1 && d.lpar_id <= 1000), "lpar_id is 0 or 1..1000", text);
    std::set<std::string> seen;
    for (const auto* list : {&d.nhdisk, &d.mhdisk, &d.tohdisk, &d.tshdisk})
      for (const auto& disk : *list) {
        Require(DiskName(disk), "disks are hdiskN", text);
        Require(seen.insert(disk).second, "a disk is named once", text);
      }
    LvupdateData again;
    const std::string formatted = lvu::actions::FormatLvupdateData(d);
    Require(lvu::actions::ParseLvupdateData(formatted, "fuzz.data", &again).ok(), "the formatted file parses",
            text + "\nformatted:\n" + formatted);
    Require(Same(d, again), "the formatted file gives back the same values", text + "\nformatted:\n" + formatted);
  }
  const std::string redacted = lvu::actions::RedactSecrets(text);
  Require(Lines(redacted) == Lines(text), "redaction keeps the lines", text);
  return 0;
}
