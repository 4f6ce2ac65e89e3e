// The process-wide request to stop an operation at its next safe point.
//
// Signals are process-wide, so is this: the signal thread of the command line
// (cli/signals.h) records SIGINT, SIGTERM, SIGHUP or SIGQUIT here, and the
// executor reads it between moves (actions/executor.h). The executor also
// says here where it would stop, so that the signal thread can tell the
// operator (a second signal repeats it). Lock-free reads; thread-safe.
#pragma once

#include <string>

namespace lvu {

// Records a request to stop (the first signal number is kept); returns how
// many requests there have been, this one included.
int RequestStop(int signal);
// The signal of the first request, 0 when none.
int StopSignal();
// For tests and for a second operation in one process: forgets the request.
void ClearStopRequest();

// Where the operation will stop if asked now ("after step 8 path.split").
void SetStopWhere(const std::string& where);
std::string StopWhere();

// Whether a signal thread is installed (cli/signals.h): only then may a
// simulated fault raise a real signal; otherwise it calls RequestStop.
void SetStopSignalsInstalled(bool on);
bool StopSignalsInstalled();

// "SIGINT", "SIGTERM", ... ("signal N" for another).
std::string SignalName(int signal);

}  // namespace lvu
