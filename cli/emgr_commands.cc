// lvupdate emgr -p -e FILE: previews an ifix package as `emgr -p -e` does,
// so that an administrator can see whether it is LU CAPABLE before a live
// update. Nothing is installed.
#include <cstdio>
#include <memory>
#include <string>

#include "cli/home.h"
#include "cli/preview_commands.h"
#include "drivers/open.h"

namespace lvu::cli {
namespace {

constexpr const char* kRule = "+-----------------------------------------------------------------------------+";

void Heading(const char* title) { std::printf("%s\n%s\n%s\n", kRule, title, kRule); }

// "LABEL:" padded so that every value starts in column 18, as emgr prints.
void Attr(const char* name, const std::string& value) { std::printf("%-17s%s\n", name, value.c_str()); }

const char* YesNo(bool b) { return b ? "yes" : "no"; }

}  // namespace

int CmdEmgrPreview(const GlobalOptions& g, const std::string& file) {
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) {
    std::fprintf(stderr, "emgr: %s\n", s.message().c_str());
    return kExitCannotRun;
  }
  drivers::OpenOptions opts;
  opts.speed = 0;
  std::unique_ptr<drivers::System> sys;
  s = drivers::OpenSystem(g.driver, home, opts, &sys);
  if (!s.ok()) {
    std::fprintf(stderr, "emgr: %s\n", s.message().c_str());
    return kExitBadInput;
  }
  drivers::Fix fix;
  s = sys->os().ReadFix(file, &fix);
  if (!s.ok()) {
    std::fprintf(stderr, "emgr: 0645-007 ATTENTION: cannot preview %s: %s\n", file.c_str(), s.message().c_str());
    return kExitBadInput;
  }
  Heading("Efix Manager Initialization");
  std::printf("Efix package file is: %s\nAccessing efix metadata ...\nProcessing efix label \"%s\" ...\n\n",
              file.c_str(), fix.label.c_str());
  Heading("Efix Attributes");
  Attr("LABEL:", fix.label);
  Attr("ABSTRACT:", fix.abstract);
  Attr("REBOOT REQUIRED:", YesNo(fix.reboot_required));
  Attr("LU CAPABLE:", YesNo(fix.lu_capable));
  Attr("EFIX FILES:", std::to_string(fix.files.size()));
  std::printf("\n");
  Heading("Efix Description");
  for (size_t i = 0; i < fix.files.size(); i++) {
    Attr("FILE NUMBER:", std::to_string(i + 1));
    Attr("LOCATION:", fix.files[i]);
    std::printf("\n");
  }
  Heading("Preview Summary");
  std::printf("Efix \"%s\" previewed: nothing was installed.\n", fix.label.c_str());
  return kExitOk;
}

}  // namespace lvu::cli
