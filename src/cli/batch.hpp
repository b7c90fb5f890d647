// skaz analyze --jsonl: documents in parallel, output in input order.
#pragma once

#include <string>
#include <vector>

#include "skaz/document.hpp"
#include "skaz/json.hpp"

namespace skaz::cli {

struct BatchOptions {
  unsigned jobs = 1;          ///< worker threads (1: one worker beside the reader)
  bool text_format = false;   ///< the text report instead of JSON
  bool pretty = false;
  JsonOptions json;
  bool skip_bad = false;      ///< a malformed line is reported and skipped, not fatal
  bool stats = false;         ///< a summary on stderr at the end
  bool progress = false;      ///< a progress line on stderr (a terminal only)
};

/// Reads {"id", "text", "lang"?} lines from every input ("-" is stdin),
/// writes one line per document in input order. Memory stays bounded: at
/// most 8 chunks of 16 lines per worker are in flight. Returns the exit status;
/// a fatal error is printed to stderr naming the input and line.
int run_jsonl(const Pipeline& pipeline, const std::vector<std::string>& inputs,
              const BatchOptions& options);

}  // namespace skaz::cli
