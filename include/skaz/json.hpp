// skaz/json.hpp — the Document as JSON: the output contract of docs/output.md.
#pragma once

#include <string>

#include "skaz/detail/config.hpp"
#include "skaz/document.hpp"
#include "skaz/text.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

struct JsonOptions {
  offset_unit unit = offset_unit::codepoint;  ///< Python str indices by default
  bool pretty = false;                        ///< indented over several lines
  bool tokens = false;                        ///< include "tokens"
};

/// One JSON object, UTF-8, no trailing newline. Strings taken from the input
/// show invalid bytes as U+FFFD; control characters are escaped.
std::string to_json(const Document& doc, const JsonOptions& options = {});

SKAZ_END_NAMESPACE
}  // namespace skaz
