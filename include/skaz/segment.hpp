// skaz/segment.hpp — sentences and tokens inside paragraphs.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "skaz/detail/config.hpp"
#include "skaz/error.hpp"
#include "skaz/text.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

/// Sentence and token boundaries. Immutable after create(), safe to share
/// across threads. Spans are byte offsets into the text passed in.
class Segmenter {
 public:
  /// Loads Boost.Locale's ICU boundary analysis: not_supported when the ICU
  /// backend is missing.
  static result<Segmenter> create();

  /// Appends the sentences of `paragraph` (a span of `text`) to `out`,
  /// whitespace trimmed.
  void sentences(std::string_view text, Span paragraph, std::string_view lang,
                 std::vector<Span>& out) const;
  /// Appends the tokens of `range` (a span of `text`) to `out`; whitespace is
  /// no token. Span::kind is a token_kind.
  void tokens(std::string_view text, Span range, std::string_view lang,
              std::vector<Span>& out) const;

 private:
  struct Impl;
  explicit Segmenter(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

SKAZ_END_NAMESPACE
}  // namespace skaz
