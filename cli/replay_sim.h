// `lvupdate replay OP --against-sim`: re-executes an operation's recorded
// sessions on a fresh simulated lab, injecting the recorded failures and
// crashes at the recorded steps, and checks that the same events result
// (replay/reproduce.h derives the sessions and compares).
//
// The lab is a temporary home (mkdtemp; removed at the end unless --keep DIR),
// driven by this very binary (/proc/self/exe --home TMP --speed max): `sim
// init`, `hmcauth` with the lab's HMC credentials (the password goes through
// standard input, never on a command line or in the output), the recorded
// lvupdate.data (opStarted.config), the fixes by their base names (the lab's
// own, else a copy of the recorded file when it can be read). Then, per
// session: `sim fault clear`, `sim fault add ...`, the command.
//
// Exit: 0 no divergence; 1 a divergence (the first one is printed: both
// events as `journal events` prints them, and the session running), or the
// lab could not be driven; 2 bad input (unknown OP, unreadable --from file,
// an operation that cannot be reproduced on the lab: another driver, a failed
// validation, a revert without its update, ...).
#pragma once

#include "cli/commands.h"
#include "cli/journal_commands.h"

namespace lvu::cli {

int CmdReplayAgainstSim(const GlobalOptions& g, const ReplayOptions& o);

}  // namespace lvu::cli
