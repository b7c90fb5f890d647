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

/// Zones, sentences and tokens. English and Russian have rule profiles
/// (abbreviations, initials, numbers, quotes, dash speech, lists); other
/// languages fall back to Boost.Locale's boundary analysis (ICU, UAX #29).
/// `lang` is "en", "ru", another ISO code, or "auto" (decided per range by
/// its script). Immutable after create(), safe to share across threads.
/// Spans are byte offsets into the text passed in, which must be valid UTF-8.
class Segmenter {
 public:
  /// Loads Boost.Locale's ICU boundary analysis: not_supported when the ICU
  /// backend is missing.
  static result<Segmenter> create();

  /// Appends the zones of a text split into `paragraphs` to `out` (kind is a
  /// zone_kind); together with the gaps between them they cover the text.
  void zones(std::string_view text, const std::vector<Span>& paragraphs,
             std::vector<Span>& out) const;
  /// Appends the sentences of `range` (a span of `text`) to `out`,
  /// whitespace trimmed.
  void sentences(std::string_view text, Span range, std::string_view lang,
                 std::vector<Span>& out) const;
  /// Appends the tokens of `range` (a span of `text`) to `out`; whitespace is
  /// no token. Span::kind is a token_kind.
  void tokens(std::string_view text, Span range, std::string_view lang,
              std::vector<Span>& out) const;
  /// Words glued at a script change (EDRiПри) or a case change
  /// (photoRoskomnadzor) in `range`: one Span per word, flags = the byte
  /// offset where the second word starts.
  void glued(std::string_view text, Span range, std::vector<Span>& out) const;

 private:
  struct Impl;
  explicit Segmenter(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

SKAZ_END_NAMESPACE
}  // namespace skaz
