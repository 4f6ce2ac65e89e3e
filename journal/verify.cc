// Verify: see verify.h.
#include "journal/verify.h"

#include <string_view>

#include "journal/event_codec.h"
#include "journal/keys.h"
#include "journal/op_summary.h"

namespace lvu::journal {

namespace {

std::string OpsKey(std::string_view op_id) { return "ops/" + PrintableKey(op_id); }

std::string Joined(const std::vector<std::string>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
  return s + "]";
}

// Compares the stored summary with the one the events make, field by field.
void CompareSummary(const std::string& op_id, const OpSummary& stored, const OpSummary& made,
                    std::vector<Problem>* problems) {
  auto differ = [&](const char* field, const std::string& have, const std::string& want) {
    problems->push_back({OpsKey(op_id), std::string("records ") + field + " " + have +
                                            " but the events make it " + want});
  };
  auto num = [](auto v) { return std::to_string(v); };
  if (stored.op_kind != made.op_kind) {
    differ("opKind", num(static_cast<int>(stored.op_kind)), num(static_cast<int>(made.op_kind)));
  }
  if (stored.fixes != made.fixes) differ("fixes", Joined(stored.fixes), Joined(made.fixes));
  if (stored.started_us != made.started_us) differ("startedUs", num(stored.started_us), num(made.started_us));
  if (stored.finished != made.finished) {
    differ("finished", stored.finished ? "true" : "false", made.finished ? "true" : "false");
  }
  if (made.finished && stored.finished) {
    if (stored.outcome != made.outcome) differ("outcome", OutcomeName(stored.outcome), OutcomeName(made.outcome));
    if (stored.finished_us != made.finished_us) {
      differ("finishedUs", num(stored.finished_us), num(made.finished_us));
    }
  }
  if (stored.steps_total != made.steps_total) differ("stepsTotal", num(stored.steps_total), num(made.steps_total));
  if (stored.steps_done != made.steps_done) differ("stepsDone", num(stored.steps_done), num(made.steps_done));
}

}  // namespace

VerifiedRecords VerifyRecords(const OpRecords& r, std::vector<Problem>* problems) {
  VerifiedRecords v;
  const size_t problems_before = problems->size();
  const std::string& op = r.op_id;
  uint64_t expected = 0;   // the next seq the keys should hold
  bool any_key = false;    // a well-formed key was seen
  uint64_t last_key = 0;   // the greatest well-formed key's seq
  for (const RawRecord& rec : r.events) {
    ++v.records;
    std::string key_op;
    uint64_t seq = 0;
    if (!ParseEventKey(rec.key, &key_op, &seq) || key_op != op) {
      problems->push_back({"events/" + PrintableKey(rec.key),
                           "malformed key (" + std::to_string(rec.key.size()) + " bytes, expected " +
                               std::to_string(kEventKeySize) + ": a 26-character op id and a seq)"});
      continue;
    }
    const std::string name = KeyName(op, seq);
    if (any_key && seq < expected) {
      problems->push_back({name, "out of order: it follows " + KeyName(op, expected - 1)});
    } else if (seq > expected) {
      std::string what = "missing";
      if (seq - expected > 1) what += " (and the " + std::to_string(seq - expected - 1) + " after it)";
      problems->push_back({KeyName(op, expected), what + ": the next stored record is " + name});
    }
    if (seq + 1 > expected) expected = seq + 1;
    any_key = true;
    if (seq > last_key) last_key = seq;

    Event e;
    Status s = Decode(rec.value, &e);
    if (!s.ok()) {
      problems->push_back({name, s.message()});
      continue;
    }
    if (e.op_id != op) {
      problems->push_back({name, "holds an event of operation '" + PrintableKey(e.op_id) + "' (" +
                                     KindName(e.kind) + " seq " + std::to_string(e.seq) + ")"});
      continue;
    }
    if (e.seq != seq) {
      problems->push_back({name, "holds the event with seq " + std::to_string(e.seq) + " (" +
                                     KindName(e.kind) + ")"});
      continue;
    }
    v.events.push_back(std::move(e));
  }

  if (r.has_summary) {
    Status s = DecodeSummary(r.summary, &v.summary);
    if (!s.ok()) {
      problems->push_back({OpsKey(op), s.message()});
    } else if (v.summary.op_id != op) {
      problems->push_back({OpsKey(op), "holds the summary of operation '" + PrintableKey(v.summary.op_id) + "'"});
    } else {
      v.has_summary = true;
    }
  } else if (any_key) {  // (a malformed key alone is not an operation)
    problems->push_back({OpsKey(op), "missing for an operation with " + std::to_string(r.events.size()) +
                                         " event records"});
  }

  if (v.has_summary) {
    const uint64_t last = v.summary.last_seq;
    if (!any_key) {
      problems->push_back({KeyName(op, 0), "missing (" + OpsKey(op) + " records last seq " +
                                               std::to_string(last) + ", and the operation has no events)"});
    } else if (last_key < last) {
      problems->push_back({KeyName(op, last_key + 1), "missing (" + OpsKey(op) + " records last seq " +
                                                          std::to_string(last) + ": the tail is lost)"});
    } else if (last_key > last) {
      problems->push_back({KeyName(op, last + 1), "exists beyond the last seq " + std::to_string(last) +
                                                      " that " + OpsKey(op) + " records"});
    }
  }

  v.intact = problems->size() == problems_before;
  if (v.intact && v.has_summary) {
    OpSummary made;
    for (const Event& e : v.events) ApplyToSummary(e, &made);
    CompareSummary(op, v.summary, made, problems);
    v.intact = problems->size() == problems_before;
  }
  return v;
}

void VerifyActive(const std::string& active, const std::vector<OpSummary>& summaries,
                  std::vector<Problem>* problems) {
  bool found = active.empty();
  for (const OpSummary& s : summaries) {
    if (s.op_id == active) {
      found = true;
      if (s.finished) {
        problems->push_back({"default/active_op", "names operation " + active + ", which is finished (" +
                                                      OutcomeName(s.outcome) + ")"});
      }
    } else if (!s.finished && !s.imported) {
      problems->push_back({OpsKey(s.op_id), "unfinished, but default/active_op names " +
                                                (active.empty() ? std::string("no operation") : active)});
    }
  }
  if (!found) {
    problems->push_back({"default/active_op", "names operation '" + PrintableKey(active) +
                                                  "', which has no summary in the journal"});
  }
}

OpRecords RecordsOf(const std::vector<Event>& events) {
  OpRecords r;
  if (!events.empty()) r.op_id = events.front().op_id;
  OpSummary s;
  for (const Event& e : events) {
    r.events.push_back({EventKey(r.op_id, e.seq), Encode(e)});
    ApplyToSummary(e, &s);
  }
  if (!events.empty()) {
    r.has_summary = true;
    r.summary = EncodeSummary(s);
  }
  return r;
}

}  // namespace lvu::journal
