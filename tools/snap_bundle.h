// The support bundle's contents (`lvupdate snap`): every file, already
// redacted and bounded, under one top directory, MANIFEST first. The
// command (snap_commands.h) chooses the operations, archives the members
// (tar_gz_writer.h) and writes the bundle.
//
// The members, under lvupdate.snap/:
//   MANIFEST                   every other member: size, sha256, redactions, path, note
//   versions.txt               lvupdate and its libraries (versions.h)
//   ops/<OP>/events.jsonl      `journal export OP` (JSON lines)
//   ops/<OP>/events.capnp      `journal export OP --format capnp` (secrets masked
//                              with '*' of the same length: the stream still decodes)
//   ops/<OP>/show.txt, show.json   `journal show OP` [--json]
//   ops/<OP>/timeline.svg      `journal show OP --svg` (view::TimelineSvg)
//   journal/list.txt, list.json    `journal list` [--json]: every operation
//   journal/verify.txt         `journal verify`: every record of every operation, lost
//                              records (the high-water mark) and the world ahead of the journal
//   journal/HIGHWATER          the journal's high-water mark as stored
//   config/lvupdate.data       <home>/lvupdate.data, secret values redacted
//   config/liveupdate/*.json   the registrations (<home>/liveupdate)
//   config/hmc.txt             the HMC logon: address, user, port, expiry (never the token)
//   preview/last.json, last.txt    the last preview's checks (preview_record.h)
//   world/show.json, show.txt  `sim show` [--json]: the world as the driver sees it
//   world/faults.json, world/settings.json   `sim fault list --json`, `sim set --list --json`
//   system/aix.conf            with the aix driver (--driver aix): its settings, instead of world/
//   logs/lvupdlog.*            <home>/logs, newest first, bounded (below)
// A part that cannot be read (no journal, no simulated system, no preview
// yet, a damaged operation) is left out and MANIFEST says why in a "note:"
// line; the bundle is still made. <home>/hmc/token is never bundled.
//
// Redaction (redact.h): the secrets are collected from the HMC token file,
// lvupdate.data, the registrations' and the journal's command lines and
// every key-value pair of every member; then every occurrence of each is
// replaced in every member (MANIFEST included) by "<redacted>".
//
// Bounds: each log is cut to max_log_bytes, keeping its head and tail (at
// line boundaries) around a line "[lvupdate snap: N bytes cut here]"; logs
// together take at most max_total_log_bytes: once that is spent, older logs
// are cut shorter, then left out (MANIFEST lists them). Operations, in the
// order given, take at most max_ops_bytes together: the first always goes
// in whole; once the budget is spent the others are left out, each with a
// note (`journal export` on the home gets them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "tools/tar_gz_writer.h"
#include "journal/journal.h"

namespace lvu::tools {

inline constexpr char kSnapTop[] = "lvupdate.snap";

struct SnapInput {
  std::string home;
  std::string driver = "sim";            // the driver whose system the bundle describes
  journal::Journal* journal = nullptr;  // opened read-only; null: the home has no journal
  std::string journal_dir;
  std::vector<std::string> ops;         // resolved ids, in the order bundled
  std::string running_op;               // the operation a live process runs now, or ""
  size_t max_log_bytes = 1 << 20;
  size_t max_total_log_bytes = 8 << 20;
  size_t max_ops_bytes = 64 << 20;
  std::string cli11_version;
  int64_t now_us = 0;
};

struct SnapBundle {
  std::vector<TarMember> members;  // MANIFEST first; paths under kSnapTop
  size_t secrets = 0;              // distinct secret values found
  size_t redactions = 0;           // occurrences replaced, over every member
  std::vector<std::string> notes;  // what was left out, and why (also in MANIFEST)
};

Status CollectSnap(const SnapInput& in, SnapBundle* out);

// `text` cut to at most about `limit` bytes (never more than limit plus the
// note's line): its head and tail at line boundaries around the note; *cut
// receives the number of bytes left out (0: `text` as it is).
std::string TrimHeadTail(const std::string& text, size_t limit, size_t* cut);

}  // namespace lvu::tools
