// How the journal commands print an operation, in words and in JSON: the
// story of `journal show`, one line per event for `journal events`, the state
// of `replay --until`, the rows of `journal list`. Pure functions of what was
// read, so that the support bundle prints exactly what the commands print.
//
// Times: wall-clock times are UTC ("2026-11-23 01:33:41.633 UTC" in text,
// "2026-11-23T01:33:41.633Z" in JSON); "clock" is the world's clock in
// seconds (replay/timeline.h), simulated with the sim driver.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "journal/event.h"
#include "journal/journal.h"
#include "replay/op_state.h"
#include "replay/timeline.h"

namespace lvu::view {

std::string WallTime(int64_t us);  // text form; "-" for 0
std::string IsoTime(int64_t us);   // JSON form

// How an operation stands: its outcome's name when finished, else "running"
// (the lock is held and it is the active operation) or "interrupted".
std::string OpStatus(const replay::OperationState& s, bool running);
std::string OpStatus(const journal::OpSummary& s, bool running);

const char* OpKindName(journal::OpKind k);  // "update", "revert"

// Words for a session, operator decision, gaveUp or script event (the notes
// of `journal show`, and what `journal events` prints for them).
std::string NoteText(const journal::Event& e, const std::vector<std::string>& plan);

// `journal show`.
std::string ShowText(const replay::Timeline& t, const std::string& status);
nlohmann::json ShowJson(const replay::Timeline& t, const std::string& status);

// `journal events`: one line, without a newline. `plan` names the steps;
// `clock` is the event's clock (Timeline::clock), or -1.
std::string EventLine(const journal::Event& e, const std::vector<std::string>& plan, int64_t clock);

// `replay --until`: the state after event `at` (of events 0..last_seq).
std::string ReplayText(const replay::OperationState& s, const journal::Event& at, int64_t clock, uint64_t last_seq);
nlohmann::json ReplayJson(const replay::OperationState& s, const journal::Event& at, int64_t clock,
                          uint64_t last_seq);

// `journal list`.
std::string ListText(const std::vector<journal::OpSummary>& ops, const std::vector<std::string>& statuses);
nlohmann::json ListJson(const std::vector<journal::OpSummary>& ops, const std::vector<std::string>& statuses);

}  // namespace lvu::view
