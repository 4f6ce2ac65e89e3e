#include "drivers/aix/parse/parse_command.h"

#include <map>

#include "base/command_line.h"
#include "drivers/aix/parse/bootlist.h"
#include "drivers/aix/parse/df.h"
#include "drivers/aix/parse/emgr.h"
#include "drivers/aix/parse/emgr_display.h"
#include "drivers/aix/parse/errpt.h"
#include "drivers/aix/parse/genkex.h"
#include "drivers/aix/parse/getconf.h"
#include "drivers/aix/parse/hmc_listing.h"
#include "drivers/aix/parse/hmc_lshwres.h"
#include "drivers/aix/parse/hmc_lssyscfg.h"
#include "drivers/aix/parse/lparstat.h"
#include "drivers/aix/parse/lsattr.h"
#include "drivers/aix/parse/lsdev.h"
#include "drivers/aix/parse/lsmap.h"
#include "drivers/aix/parse/lsmpio.h"
#include "drivers/aix/parse/lspath.h"
#include "drivers/aix/parse/lsps.h"
#include "drivers/aix/parse/lspv.h"
#include "drivers/aix/parse/lsvg.h"
#include "drivers/aix/parse/oslevel.h"
#include "drivers/aix/parse/ps.h"
#include "drivers/aix/parse/smtctl.h"
#include "drivers/aix/parse/uname.h"

namespace lvu::drivers::aix {
namespace {

// Options of a command line, getopt style: `spec` lists the one-letter
// options, a ':' after one that takes a value ("Cc:s:"); `long_opts` the
// --options that take a value, `long_flags` those that do not; letters may be
// grouped ("-Cc disk").
struct Options {
  std::map<std::string, std::string> values;  // "c" -> "disk", "level" -> "sys", "o" -> ""
  std::vector<std::string> args;              // the operands
  bool Has(const std::string& k) const { return values.count(k) != 0; }
  std::string Get(const std::string& k) const {
    auto it = values.find(k);
    return it == values.end() ? "" : it->second;
  }
};

bool ParseOptions(const std::vector<std::string>& argv, const std::string& spec,
                  const std::vector<std::string>& long_opts, const std::vector<std::string>& long_flags,
                  Options* o) {
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
      const std::string name = a.substr(2);
      bool found = false;
      for (const std::string& l : long_opts) {
        if (l == name) {
          if (i + 1 >= argv.size()) return false;
          o->values[name] = argv[++i];
          found = true;
        }
      }
      for (const std::string& l : long_flags) {
        if (l == name) {
          o->values[name] = "";
          found = true;
        }
      }
      if (!found) return false;
    } else if (a.size() > 1 && a[0] == '-') {
      for (size_t k = 1; k < a.size(); ++k) {
        const size_t at = spec.find(a[k]);
        if (at == std::string::npos) return false;
        if (at + 1 < spec.size() && spec[at + 1] == ':') {
          std::string v = a.substr(k + 1);
          if (v.empty()) {
            if (i + 1 >= argv.size()) return false;
            v = argv[++i];
          }
          o->values[std::string(1, a[k])] = v;
          break;
        }
        o->values[std::string(1, a[k])] = "";
      }
    } else {
      o->args.push_back(a);
    }
  }
  return true;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  for (const std::string& w : SplitOn(s, ' ')) {
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

Status Unsupported(const std::string& command_line, const std::string& why) {
  std::string msg = "cannot parse the output of '" + command_line + "': " + why + "; supported commands:";
  for (const std::string& c : SupportedCommands()) msg += "\n  " + c;
  return Status::InvalidArgument(msg);
}

// lsvg and lsvg -o: the names.
nlohmann::json ToJson(const std::vector<std::string>& names) { return names; }

// Runs a parser into a value of type T and renders it.
template <typename T, typename Parse>
Status Run(const std::string& family, Parse parse, const std::string& text, nlohmann::json* result,
           std::string* parser) {
  T v{};
  LVU_RETURN_IF_ERROR(parse(text, &v));
  *result = ToJson(v);
  *parser = family;
  return Status::OK();
}

Status Dispatch(const std::vector<std::string>& argv, const std::string& cl, const std::string& text,
                nlohmann::json* result, std::string* parser) {
  std::string cmd = argv[0];
  if (const size_t slash = cmd.rfind('/'); slash != std::string::npos) cmd = cmd.substr(slash + 1);
  Options o;
  auto opts = [&](const std::string& spec, const std::vector<std::string>& lo = {},
                  const std::vector<std::string>& lf = {}) { return ParseOptions(argv, spec, lo, lf, &o); };
  const std::string bad = "options or operands not understood";

  if (cmd == "lspv") {
    if (!opts("l")) return Unsupported(cl, bad);
    if (o.Has("l") && o.args.size() == 1) {
      return Run<PvLogicalVolumes>("lspv -l", ParseLspvLogicalVolumes, text, result, parser);
    }
    if (o.values.empty() && o.args.empty()) {
      return Run<std::vector<PhysicalVolume>>("lspv", ParseLspv, text, result, parser);
    }
    if (o.values.empty() && o.args.size() == 1) {
      return Run<PhysicalVolumeDetails>("lspv hdiskN", ParseLspvDisk, text, result, parser);
    }
    return Unsupported(cl, bad);
  }
  if (cmd == "lspath") {
    if (!opts("l:p:s:w:HF:") || !o.args.empty()) return Unsupported(cl, bad);
    if (o.Has("F")) {
      const std::vector<std::string> fields = Words(o.Get("F"));
      return Run<std::vector<PathEntry>>(
          "lspath -F",
          [&](const std::string& t, std::vector<PathEntry>* p) { return ParseLspathFields(t, fields, p); }, text,
          result, parser);
    }
    if (o.Has("H")) return Unsupported(cl, "-H without -F");
    return Run<std::vector<PathEntry>>("lspath", ParseLspath, text, result, parser);
  }
  if (cmd == "lsvg") {
    if (!opts("olp")) return Unsupported(cl, bad);
    if (o.values.empty() && o.args.empty()) return Run<std::vector<std::string>>("lsvg", ParseLsvgList, text, result, parser);
    if (o.values.size() == 1 && o.Has("o") && o.args.empty()) {
      return Run<std::vector<std::string>>("lsvg -o", ParseLsvgList, text, result, parser);
    }
    if (o.values.size() == 1 && o.Has("l") && !o.args.empty()) {
      return Run<std::vector<VgLogicalVolumes>>("lsvg -l", ParseLsvgLogicalVolumes, text, result, parser);
    }
    if (o.values.size() == 1 && o.Has("p") && !o.args.empty()) {
      return Run<std::vector<VgPhysicalVolumes>>("lsvg -p", ParseLsvgPhysicalVolumes, text, result, parser);
    }
    if (o.values.empty() && o.args.size() == 1) {
      return Run<VolumeGroupInfo>("lsvg VG", ParseLsvgInfo, text, result, parser);
    }
    return Unsupported(cl, bad);
  }
  if (cmd == "lsdev") {
    if (!opts("Cc:s:t:S:l:F:") || !o.Has("C") || !o.args.empty()) return Unsupported(cl, bad);
    if (o.Has("F")) {
      const std::string f = o.Get("F");
      return Run<std::vector<Device>>(
          "lsdev -F", [&](const std::string& t, std::vector<Device>* d) { return ParseLsdevFields(t, f, d); }, text,
          result, parser);
    }
    return Run<std::vector<Device>>("lsdev", ParseLsdev, text, result, parser);
  }
  if (cmd == "bootlist") {
    if (!opts("m:o") || !o.Has("o") || !o.args.empty()) return Unsupported(cl, "only 'bootlist -m MODE -o'");
    return Run<std::vector<BootDevice>>("bootlist", ParseBootlist, text, result, parser);
  }
  if (cmd == "oslevel") {
    if (!opts("s") || !o.Has("s") || !o.args.empty()) return Unsupported(cl, "only 'oslevel -s'");
    return Run<OsLevel>("oslevel -s", ParseOslevel, text, result, parser);
  }
  if (cmd == "emgr") {
    if (opts("lde:v:") && o.args.empty()) {
      if (o.Has("l") && !o.Has("d") && !o.Has("e") && !o.Has("v")) {
        return Run<std::vector<InterimFix>>("emgr -l", ParseEmgrList, text, result, parser);
      }
      if (o.Has("d") && o.Has("e") && !o.Has("l")) {
        return Run<FixDisplay>("emgr -d", ParseEmgrDisplay, text, result, parser);
      }
    }
    return Unsupported(cl, "only 'emgr -l' and 'emgr -d -e PACKAGE [-vN]'");
  }
  if (cmd == "lparstat") {
    if (!opts("i") || !o.Has("i") || !o.args.empty()) return Unsupported(cl, "only 'lparstat -i'");
    return Run<LparInfo>("lparstat -i", ParseLparstatInfo, text, result, parser);
  }
  if (cmd == "uname") {
    if (!opts("L") || !o.Has("L") || !o.args.empty()) return Unsupported(cl, "only 'uname -L'");
    return Run<PartitionId>("uname -L", ParseUnameL, text, result, parser);
  }
  if (cmd == "df") {
    if (!opts("gmk")) return Unsupported(cl, bad);
    return Run<DfOutput>("df", ParseDf, text, result, parser);
  }
  if (cmd == "getconf") {
    if (argv.size() != 3 || argv[1] != "DISK_SIZE") return Unsupported(cl, "only 'getconf DISK_SIZE /dev/hdiskN'");
    uint64_t mb = 0;
    LVU_RETURN_IF_ERROR(ParseGetconfDiskSize(text, &mb));
    *result = {{"size_mb", mb}};
    *parser = "getconf DISK_SIZE";
    return Status::OK();
  }
  if (cmd == "bootinfo") {
    if (argv.size() != 3 || argv[1] != "-s") return Unsupported(cl, "only 'bootinfo -s hdiskN'");
    uint64_t mb = 0;
    LVU_RETURN_IF_ERROR(ParseBootinfoSize(text, &mb));
    *result = {{"size_mb", mb}};
    *parser = "bootinfo -s";
    return Status::OK();
  }
  if (cmd == "lsmap") {
    const bool all = argv.size() == 2 && argv[1] == "-all";
    const bool one = argv.size() == 3 && (argv[1] == "-vadapter" || argv[1] == "-vadaptor");
    if (!all && !one) return Unsupported(cl, "only 'lsmap -all' and 'lsmap -vadapter vhostN'");
    return Run<std::vector<VhostMapping>>("lsmap", ParseLsmap, text, result, parser);
  }
  if (cmd == "lsps") {
    if (!opts("a") || !o.Has("a") || !o.args.empty()) return Unsupported(cl, "only 'lsps -a'");
    return Run<std::vector<PagingSpace>>("lsps -a", ParseLspsA, text, result, parser);
  }
  if (cmd == "lsattr") {
    if (!opts("EDPOHl:a:") || !o.Has("l") || !o.args.empty()) return Unsupported(cl, "only 'lsattr -E|-D|-P [-O] -l DEVICE [-a ATTR]'");
    if (o.Has("E") + o.Has("D") + o.Has("P") != 1) return Unsupported(cl, "one of -E, -D, -P");
    if (o.Has("O")) return Run<std::vector<AttributeValue>>("lsattr -O", ParseLsattrColon, text, result, parser);
    return Run<std::vector<DeviceAttribute>>("lsattr", ParseLsattr, text, result, parser);
  }
  if (cmd == "genkex") {
    if (!opts("d") || !o.args.empty()) return Unsupported(cl, "only 'genkex' and 'genkex -d'");
    return Run<KernelExtensions>("genkex", ParseGenkex, text, result, parser);
  }
  if (cmd == "errpt") {
    // Filters keep the format; -a gives the detailed entries.
    if (!opts("aN:J:d:T:s:e:j:k:l:") || !o.args.empty()) return Unsupported(cl, bad);
    if (o.Has("a")) return Run<std::vector<ErrorLogDetail>>("errpt -a", ParseErrptDetailed, text, result, parser);
    return Run<std::vector<ErrorLogSummary>>("errpt", ParseErrpt, text, result, parser);
  }
  if (cmd == "ps") {
    if (!opts("ef") || !o.Has("e") || !o.Has("f") || !o.args.empty()) return Unsupported(cl, "only 'ps -ef'");
    return Run<std::vector<Process>>("ps -ef", ParsePsEf, text, result, parser);
  }
  if (cmd == "lsmpio") {
    if (!opts("l:ar") || !o.args.empty()) return Unsupported(cl, bad);
    if (o.Has("a") && o.Has("r") && !o.Has("l")) {
      return Run<std::vector<MpioAdapter>>("lsmpio -ar", ParseLsmpioAdapters, text, result, parser);
    }
    if (o.Has("a") || o.Has("r")) return Unsupported(cl, "only 'lsmpio [-l hdiskN]' and 'lsmpio -ar'");
    return Run<std::vector<MpioPath>>("lsmpio", ParseLsmpio, text, result, parser);
  }
  if (cmd == "smtctl") {
    if (argv.size() != 1) return Unsupported(cl, "only 'smtctl' without options");
    return Run<SmtState>("smtctl", ParseSmtctl, text, result, parser);
  }
  if (cmd == "lssyscfg" || cmd == "lshwres" || cmd == "lssysconn" || cmd == "lshmc") {
    if (!opts("r:m:F:V", {"level", "rsubtype", "filter"}) || !o.args.empty()) return Unsupported(cl, bad);
    const std::string r = o.Get("r"), level = o.Get("level"), sub = o.Get("rsubtype");
    if (o.Has("F") && (o.Get("F").empty() || o.Get("F")[0] == '-')) {
      return Unsupported(cl, "-F without a list of attributes");
    }
    if (o.Has("F")) {
      const std::vector<std::string> names = SplitOn(o.Get("F"), ',');
      std::vector<HmcRecord> recs;
      LVU_RETURN_IF_ERROR(ParseHmcValueListing(cmd + " -F", text, names, &recs));
      *result = HmcRecordsToJson(recs);
      *parser = "hmc -F";
      return Status::OK();
    }
    if (cmd == "lssyscfg" && r == "sys") return Run<std::vector<ManagedSystem>>("lssyscfg -r sys", ParseLssyscfgSys, text, result, parser);
    if (cmd == "lssyscfg" && r == "lpar") return Run<std::vector<HmcPartition>>("lssyscfg -r lpar", ParseLssyscfgLpar, text, result, parser);
    if (cmd == "lssyscfg" && r == "prof") return Run<std::vector<HmcProfile>>("lssyscfg -r prof", ParseLssyscfgProf, text, result, parser);
    if (cmd == "lshwres" && r == "proc" && level == "sys") return Run<std::vector<SystemProcessors>>("lshwres -r proc --level sys", ParseLshwresProcSys, text, result, parser);
    if (cmd == "lshwres" && r == "proc" && level == "lpar") return Run<std::vector<PartitionProcessors>>("lshwres -r proc --level lpar", ParseLshwresProcLpar, text, result, parser);
    if (cmd == "lshwres" && r == "mem" && level == "sys") return Run<std::vector<SystemMemory>>("lshwres -r mem --level sys", ParseLshwresMemSys, text, result, parser);
    if (cmd == "lshwres" && r == "mem" && level == "lpar") return Run<std::vector<PartitionMemory>>("lshwres -r mem --level lpar", ParseLshwresMemLpar, text, result, parser);
    if (cmd == "lshwres" && r == "virtualio" && sub == "scsi") return Run<std::vector<VirtualScsiAdapter>>("lshwres -r virtualio --rsubtype scsi", ParseLshwresVirtualScsi, text, result, parser);
    if (cmd == "lshwres" && r == "virtualio" && sub == "eth") return Run<std::vector<VirtualEthAdapter>>("lshwres -r virtualio --rsubtype eth", ParseLshwresVirtualEth, text, result, parser);
    if (cmd == "lshwres" && r == "virtualio" && sub == "slot") return Run<std::vector<VirtualSlots>>("lshwres -r virtualio --rsubtype slot", ParseLshwresVirtualSlots, text, result, parser);
    // Any other listing: the generic records.
    if (cmd != "lshmc" && r.empty()) return Unsupported(cl, "no -r resource");
    if (cmd == "lshmc" && !o.Has("V")) return Unsupported(cl, "only 'lshmc -V'");
    std::vector<HmcRecord> recs;
    const std::string name = cmd + (r.empty() ? "" : " -r " + r) + (sub.empty() ? "" : " --rsubtype " + sub);
    LVU_RETURN_IF_ERROR(ParseHmcListing(name, text, &recs));
    *result = HmcRecordsToJson(recs);
    *parser = "hmc records";
    return Status::OK();
  }
  return Unsupported(cl, "unknown command");
}

}  // namespace

std::vector<std::string> SupportedCommands() {
  return {
      "lspv",
      "lspv hdiskN",
      "lspv -l hdiskN",
      "lspath [-l D] [-p P] [-s S] [-w C] [-H] [-F \"fields\"]",
      "lsvg",
      "lsvg -o",
      "lsvg VG",
      "lsvg -l VG...",
      "lsvg -p VG...",
      "lsdev -C[c class] [-s sub] [-t type] [-S state] [-F \"name:description\"]",
      "bootlist -m MODE -o",
      "oslevel -s",
      "emgr -l",
      "emgr -d -e PACKAGE [-v1|-v2|-v3]",
      "lparstat -i",
      "uname -L",
      "df [-g|-m|-k] [FS...]",
      "getconf DISK_SIZE /dev/hdiskN",
      "lsmap -all | lsmap -vadapter vhostN",
      "lssyscfg -r sys|lpar|prof [-m SYS] [--filter F] [-F a,b,c]",
      "lshwres -r proc|mem --level sys|lpar [-m SYS]",
      "lshwres -r virtualio --rsubtype scsi|eth|slot [--level lpar] [-m SYS]",
      "lssyscfg|lshwres|lssysconn -r OTHER [...]  (generic name=value records)",
      "lshmc -V",
      "bootinfo -s hdiskN",
      "lsps -a",
      "lsattr -E|-D|-P -l DEVICE [-a ATTR]... [-H]",
      "lsattr -E|-D|-P -O -l DEVICE [-a ATTR]...",
      "genkex | genkex -d",
      "errpt [-N RES] [-J LABEL] [-d CLASS] [-T TYPE] [-s/-e DATE] [-j ID] [-k ID] [-l SEQ]",
      "errpt -a [same filters]",
      "ps -ef",
      "lsmpio [-l hdiskN] | lsmpio -ar",
      "smtctl",
  };
}

Status ParseCommandOutput(const std::string& command_line, const std::string& text, nlohmann::json* out) {
  std::vector<std::string> argv;
  Status s = SplitCommandLine(command_line, &argv);
  if (!s.ok()) return Unsupported(command_line, s.message());
  if (argv.empty()) return Unsupported(command_line, "no command");
  nlohmann::json result;
  std::string parser;
  LVU_RETURN_IF_ERROR(Dispatch(argv, command_line, text, &result, &parser).WithContext("'" + command_line + "'"));
  *out = {{"command", command_line}, {"parser", parser}, {"result", result}};
  return Status::OK();
}

}  // namespace lvu::drivers::aix
