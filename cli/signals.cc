#include "cli/signals.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <thread>

#include "base/stop_request.h"

namespace lvu::cli {
namespace {

sigset_t StopSet() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGQUIT);
  return set;
}

void WriteAll(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // stderr closed or broken: nothing to say it on
    done += static_cast<size_t>(n);
  }
}

void Watch(sigset_t set) {
  for (;;) {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) continue;
    int count = RequestStop(sig);
    std::string where = StopWhere();
    if (where.empty()) where = "at the next safe point";
    std::string text = "lvupdate: " + SignalName(sig) + " received" + (count > 1 ? " again" : "") +
                       ": the operation stops " + where +
                       ", journaled as interrupted; then `lvupdate resume` finishes it or `lvupdate rollback` "
                       "undoes it. (kill -9 stops at once; resume and rollback recover from that too.)\n";
    WriteAll(2, text);
  }
}

}  // namespace

void InstallStopSignals() {
  ::signal(SIGPIPE, SIG_IGN);
  sigset_t set = StopSet();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread(Watch, set).detach();
  SetStopSignalsInstalled(true);
}

void GuardStandardFds() {
  for (int fd = 0; fd <= 2; fd++) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    int n = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (n >= 0 && n != fd) {
      ::dup2(n, fd);
      ::close(n);
    }
  }
}

}  // namespace lvu::cli
