// Checks: the requirements `lvupdate preview` (geninstall -k -p) verifies,
// each a small named predicate over a Snapshot.
//
// Contracts:
// - A check's name is stable (it is journaled in checkResult events) and
//   unique; its `passed` text is the line AIX prints, word for word where the
//   seed article shows it.
// - AllChecks() lists them in the order the preview prints them: the
//   article's order within each section, then the limitations the article
//   lists without a preview line, then the INFO line.
// - A check whose `needs` include a source that could not be read is FAILED
//   with that source's error, without calling its predicate.
// - A check reading a fact source (drivers/fact_sources.h) the driver left
//   unread is FAILED naming the source, without calling its predicate;
//   INFO instead when the source is checked by hand (the driver's
//   settings). No check PASSes on a fact nobody read.
// - Predicates are pure: same Snapshot, same verdict and text.
// - The ifixes named on the command line are checked one line each
//   (FixLines), in the order given, under "Validating live update input data."
#pragma once

#include <string>
#include <vector>

#include "actions/validation/checks/snapshot.h"
#include "journal/event.h"

namespace lvu::actions {

// Where a line is printed (the article's headings).
enum class Section {
  kInput,      // Validating live update input data.
  kMirrorVg,   // Checking mirror vg device size:
  kNewRootvg,  // Checking new root vg device size:
  kPaging,     // Checking temporary paging space device size:
  kDump,       // Checking temporary dump device size:
  kAdapters,   // Validating the adapters and their paths:
  kOther,      // Checking other requirements:
  kInfo,       // the INFO lines after them
};

const char* SectionName(Section s);  // "input", "mirror_vg", ... (JSON)

// What a check reads besides lvupdate.data and the ifixes.
enum Needs : unsigned {
  kNeedNothing = 0,
  kNeedLpar = 1u << 0,       // the HMC's partition list (and this partition's paths)
  kNeedHmcFacts = 1u << 1,
  kNeedOs = 1u << 2,
  kNeedDisks = 1u << 3,
  kNeedVios = 1u << 4,
};

enum class Verdict { kPass, kFail, kSkip /* no line: does not apply */, kInfo };

struct CheckDef {
  const char* name;    // "space.var"
  Section section;
  const char* passed;  // "sufficient space available in /var."
  unsigned needs;
  // The verdict; on kFail, *text is the FAILED line (on kInfo, the INFO line).
  Verdict (*pred)(const Snapshot& s, std::string* text);
  const char* code = "";  // AIX message number printed before FAILED, when known
};

// One printed line of a preview: a check's result.
struct CheckLine {
  std::string name;
  Section section = Section::kOther;
  journal::CheckOutcome result = journal::CheckOutcome::kPassed;
  std::string message;  // the text after "PASSED: " / "FAILED: " / "INFO: "
  std::string code;     // "1430-246" or ""
};

const std::vector<CheckDef>& AllChecks();

// Every check (and the ifix lines) over `s`, in print order.
std::vector<CheckLine> RunChecks(const Snapshot& s);

// The groups of checks, one per file (checks/*_checks.cc), that AllChecks
// orders.
void AddSizeChecks(std::vector<CheckDef>* out);
void AddAdapterChecks(std::vector<CheckDef>* out);
void AddStorageChecks(std::vector<CheckDef>* out);
void AddSecurityChecks(std::vector<CheckDef>* out);
void AddDeviceChecks(std::vector<CheckDef>* out);
void AddHmcChecks(std::vector<CheckDef>* out);
void AddWorkloadChecks(std::vector<CheckDef>* out);
void AddFixChecks(std::vector<CheckDef>* out);
void AddDriverChecks(std::vector<CheckDef>* out);

// The fact sources (drivers/fact_sources.h keys) check `name` reads, in
// check_sources.cc; empty for a check that reads none (lvupdate.data, the
// HMC's partition list, lspv, the VIOS mappings).
const std::vector<std::string>& SourcesOf(const std::string& name);

// The result and message of a check whose fact sources `unread` (not
// empty) the driver did not read (unread_line.cc): FAILED naming each
// source and its commands, or INFO when every one is in `checked_by_hand`.
// `passed` is the check's PASSED text. The process checks use it too.
void UnreadLine(const std::string& passed, const std::vector<std::string>& unread,
                const std::vector<std::string>& checked_by_hand, CheckLine* line);

// The ifix lines (fix_checks.cc): one per ifix given, named "ifix.FILE".
std::vector<CheckLine> FixLines(const Snapshot& s);

}  // namespace lvu::actions
