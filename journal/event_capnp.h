// The conversion between Event and its Cap'n Proto struct, for the journal's
// own codecs (event_codec.cc: binary; event_json.cc: JSON). Internal to
// journal/: nothing outside it includes generated Cap'n Proto headers.
//
// BuildEvent fills `b` from `e` (only the fields of e.kind). ReadEvent reads
// `r` into *out; it returns Corruption for an enum value or union member this
// version does not know, and lets kj::Exception from a malformed message
// propagate (the callers catch it).
#pragma once

#include "base/status.h"
#include "events.capnp.h"
#include "journal/event.h"

namespace lvu::journal {

void BuildEvent(const Event& e, schema::Event::Builder b);
Status ReadEvent(schema::Event::Reader r, Event* out);

}  // namespace lvu::journal
