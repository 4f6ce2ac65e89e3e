// Fact sources: the named places a driver reads the preview's facts from
// (drivers/facts.h), each standing for the AIX or HMC commands that report
// them. A driver that cannot read a source lists its key in the facts'
// `unread`; every check that reads that source then FAILs naming it, unless
// the administrator checked it by hand (aix.conf `checked_by_hand`), when
// it prints an INFO line saying so. A check never PASSes on a fact nobody
// read.
//
// Contract: keys are stable (aix.conf names them, docs/drivers.md lists
// them), lower case, unique; the list is in the order docs print it.
#pragma once

#include <string>
#include <vector>

namespace lvu::drivers {

// Where a source's facts go: OsFacts, HmcFacts, or the ProcessTable the
// process checks read (PartitionOs::ListProcesses).
enum class FactSite { kPartition, kHmc, kProcesses };

struct FactSource {
  const char* key;       // "trustchk"
  const char* commands;  // "trustchk -p": what reports it on AIX or the HMC
  const char* facts;     // "Trusted Execution, Trusted Library and TSD policies"
  FactSite site;
};

const std::vector<FactSource>& AllFactSources();

// The source named `key`, or nullptr.
const FactSource* FindFactSource(const std::string& key);

// Whether `keys` (an `unread` or `checked_by_hand` list) names source `key`.
bool NamesSource(const std::vector<std::string>& keys, const std::string& key);

// The keys of every source of `site`.
std::vector<std::string> FactSourceKeys(FactSite site);

}  // namespace lvu::drivers
