#include "drivers/aix/parse/lsmpio.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/columns.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {

Status ParseLsmpio(const std::string& text, std::vector<MpioPath>* out) {
  static const char* kCmd = "lsmpio";
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  std::vector<const Line*> rows = NonBlankLines(lines);
  if (rows.empty()) return EndError(kCmd, lines, "empty output: no header");
  std::vector<Span> spans;
  LVU_RETURN_IF_ERROR(
      HeaderSpans(kCmd, *rows[0], {"name", "path_id", "status", "path_status", "parent", "connection"}, &spans));
  if (rows[0]->text.compare(0, 4, "name") != 0) return LineError(kCmd, *rows[0], "not the lsmpio header");
  for (size_t r = 1; r < rows.size(); ++r) {
    std::vector<std::string> c;
    LVU_RETURN_IF_ERROR(SliceRow(kCmd, *rows[r], spans, &c));
    for (size_t k = 0; k < c.size(); ++k) {
      if (c[k].empty()) return LineError(kCmd, *rows[r], "empty column " + std::to_string(k + 1));
      if (c[k].find_first_of(" \t") != std::string::npos) {
        return LineError(kCmd, *rows[r], "column " + std::to_string(k + 1) + " holds more than one word");
      }
    }
    MpioPath p;
    p.disk = c[0];
    if (!IsAixName(p.disk)) return LineError(kCmd, *rows[r], "not a disk name");
    if (!ParseUint(c[1], &p.path_id)) return LineError(kCmd, *rows[r], "path_id is not a number");
    p.status = c[2];
    p.path_status = c[3];
    p.parent = c[4];
    if (!IsAixName(p.parent)) return LineError(kCmd, *rows[r], "not an adapter name");
    p.connection = c[5];
    out->push_back(p);
  }
  return Status::OK();
}

Status ParseLsmpioAdapters(const std::string& text, std::vector<MpioAdapter>* out) {
  static const char* kCmd = "lsmpio -ar";
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  // What the next line may be, within an adapter's stanza.
  enum class Next { kAdapter, kWwpn, kLink, kPathsHeader, kPortsHeader, kPort } next = Next::kAdapter;
  auto finish = [&](const Line* at) -> Status {
    if (next == Next::kWwpn || next == Next::kLink || next == Next::kPathsHeader || next == Next::kPortsHeader) {
      const std::string what = "adapter " + out->back().adapter + " cut short";
      return at ? LineError(kCmd, *at, what) : EndError(kCmd, lines, what);
    }
    return Status::OK();
  };
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    const std::string t = CollapseSpaces(l.text);
    if (t.rfind("Adapter Driver: ", 0) == 0) {
      LVU_RETURN_IF_ERROR(finish(&l));
      const std::vector<Token> w = Tokenize(t);
      // "Adapter Driver: fscsi0 -> AIX PCM"
      if (w.size() < 5 || w[3].text != "->" || !IsAixName(w[2].text)) {
        return LineError(kCmd, l, "not \"Adapter Driver: NAME -> PCM\"");
      }
      MpioAdapter a;
      a.line = l.number;
      a.adapter = w[2].text;
      a.pcm = t.substr(w[4].column);
      out->push_back(a);
      next = Next::kWwpn;
      continue;
    }
    switch (next) {
      case Next::kAdapter:
        return LineError(kCmd, l, "expected \"Adapter Driver:\"");
      case Next::kWwpn:
        if (t.rfind("Adapter WWPN: ", 0) != 0) return LineError(kCmd, l, "expected \"Adapter WWPN:\"");
        out->back().wwpn = t.substr(14);
        next = Next::kLink;
        break;
      case Next::kLink:
        if (t.rfind("Link State: ", 0) != 0) return LineError(kCmd, l, "expected \"Link State:\"");
        out->back().link_state = t.substr(12);
        next = Next::kPathsHeader;
        break;
      case Next::kPathsHeader:
        if (t != "Paths Paths Paths Paths") return LineError(kCmd, l, "expected the column header");
        next = Next::kPortsHeader;
        break;
      case Next::kPortsHeader:
        if (t != "Remote Ports Enabled Disabled Failed Missing ID") {
          return LineError(kCmd, l, "expected the column header");
        }
        next = Next::kPort;
        break;
      case Next::kPort: {
        const std::vector<Token> w = Tokenize(l.text);
        if (w.size() != 6) return LineError(kCmd, l, std::to_string(w.size()) + " words where a port row has 6");
        MpioRemotePort p;
        p.wwpn = w[0].text;
        if (!ParseUint(w[1].text, &p.enabled) || !ParseUint(w[2].text, &p.disabled) ||
            !ParseUint(w[3].text, &p.failed) || !ParseUint(w[4].text, &p.missing)) {
          return LineError(kCmd, l, "a path count is not a number");
        }
        p.scsi_id = w[5].text;
        out->back().remote_ports.push_back(p);
        break;
      }
    }
  }
  if (out->empty()) return EndError(kCmd, lines, "empty output: no adapter");
  return finish(nullptr);
}

nlohmann::json ToJson(const std::vector<MpioPath>& paths) {
  nlohmann::json a = nlohmann::json::array();
  for (const MpioPath& p : paths) {
    a.push_back({{"disk", p.disk},
                 {"path_id", p.path_id},
                 {"status", p.status},
                 {"path_status", p.path_status},
                 {"parent", p.parent},
                 {"connection", p.connection}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<MpioAdapter>& adapters) {
  nlohmann::json a = nlohmann::json::array();
  for (const MpioAdapter& ad : adapters) {
    nlohmann::json ports = nlohmann::json::array();
    for (const MpioRemotePort& p : ad.remote_ports) {
      ports.push_back({{"wwpn", p.wwpn},
                       {"enabled", p.enabled},
                       {"disabled", p.disabled},
                       {"failed", p.failed},
                       {"missing", p.missing},
                       {"id", p.scsi_id}});
    }
    a.push_back({{"adapter", ad.adapter},
                 {"pcm", ad.pcm},
                 {"wwpn", ad.wwpn},
                 {"link_state", ad.link_state},
                 {"remote_ports", ports}});
  }
  return a;
}

}  // namespace lvu::drivers::aix
