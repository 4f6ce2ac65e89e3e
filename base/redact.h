// Redaction: collect the secrets that the inputs hold, then remove every
// occurrence of every one of them from text: the support bundle's files
// (`lvupdate snap`), and the notification scripts' command lines and output
// before they are logged or journaled. Pure functions over text, no I/O.
//
// Why by value and not by place: a password typed once into lvupdate.data or
// into a notification script's command line reappears wherever that text was
// copied (the journal's events, the logs, a script's output); scrubbing each
// collected value everywhere removes every copy, whatever its form.
//
// Contracts:
// - IsSecretKey: a key names a secret when, lower-cased, it contains
//   "passw" (password, passwd), "secret" or "token", or is a signing key
//   ("session_key", "api_key", "private_key"), unless it names where a
//   secret is kept rather than the secret ("hmc_token_file", "token_path",
//   "token_dir", ...). Hyphens and underscores are part of a key
//   ("--password", "hmc_password").
// - CollectKeyValueSecrets finds, anywhere in the text, a secret key
//   followed (after an optional closing quote and blanks) by '=' or ':' and
//   its value: quoted (up to the matching quote, on the same line) or a word
//   (up to a blank or one of , ; } ] ) "). A key that is an option
//   ("--password", "-token") also takes the next word without '=' or ':'.
//   So it reads "password = x" (lvupdate.data), "password=x", "--password
//   x", "\"token\": \"x\"" (JSON), "token: x".
// - CollectCommandLineSecrets: in a command line (words separated by blanks,
//   double quotes grouping words), the word after "-p", as AIX commands take
//   a password (hmcauth -p, mkauthkeys -p), plus what CollectKeyValueSecrets
//   finds in it.
// - A value is kept as a secret only if it has at least kMinSecretLength
//   bytes and is not "<redacted>" or part of it: scrubbing every "abc" of
//   every file would destroy the bundle, so shorter values are only removed
//   where they stand next to their key (RedactSecrets in lvupdate.data).
// - Scrub replaces every occurrence of every secret by "<redacted>", the
//   longest secret first where two overlap, and adds the number of
//   replacements to *count. ScrubKeepLength replaces each by as many '*' as
//   it has bytes, for binary members (the Cap'n Proto stream) whose framing
//   holds lengths: the stream still decodes.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace lvu {

inline constexpr size_t kMinSecretLength = 4;
inline constexpr char kRedacted[] = "<redacted>";

using SecretSet = std::set<std::string>;

bool IsSecretKey(std::string_view key);

// Adds `value` to *out when it qualifies (see above); returns whether it did.
bool AddSecret(std::string_view value, SecretSet* out);

void CollectKeyValueSecrets(std::string_view text, SecretSet* out);
void CollectCommandLineSecrets(std::string_view line, SecretSet* out);

std::string Scrub(std::string_view text, const SecretSet& secrets, size_t* count);
std::string ScrubKeepLength(std::string_view bytes, const SecretSet& secrets, size_t* count);

}  // namespace lvu
