// The line of a check whose fact sources were not read (check.h, UnreadLine).
#include "actions/validation/checks/check.h"
#include "drivers/fact_sources.h"

namespace lvu::actions {
namespace {

std::string Keys(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : " ") + k;
  return out;
}

}  // namespace

void UnreadLine(const std::string& passed, const std::vector<std::string>& unread,
                const std::vector<std::string>& checked_by_hand, CheckLine* line) {
  std::vector<std::string> not_checked;
  for (const auto& k : unread) {
    if (!drivers::NamesSource(checked_by_hand, k)) not_checked.push_back(k);
  }
  if (not_checked.empty()) {
    line->result = journal::CheckOutcome::kInfo;
    line->message = "not verified by lvupdate, checked by hand (checked_by_hand: " + Keys(unread) + "): " + passed;
    return;
  }
  std::string commands;
  for (const auto& k : not_checked) {
    const drivers::FactSource* src = drivers::FindFactSource(k);
    commands += (commands.empty() ? "" : ", ") + k + " (" + (src != nullptr ? src->commands : "?") + ")";
  }
  line->result = journal::CheckOutcome::kFailed;
  line->message = "cannot verify that " + passed + " The driver does not read " + commands +
                  ": check it by hand, then add " + Keys(not_checked) + " to checked_by_hand in aix.conf.";
}

}  // namespace lvu::actions
