// skaz/quotes.hpp — quotation marks paired, quotes classed and attributed.
//
// The whole stage (classes, speakers, cues) runs inside Pipeline::analyze,
// which has the sentences and entities it needs; Document::quotes holds the
// result. pair_quote_marks() is the first step on its own: the marks of one
// text paired, for hosts that only want quoted spans.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "skaz/detail/config.hpp"
#include "skaz/text.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

/// One pair of quotation marks. Offsets are bytes of the text given.
struct QuotePair {
  std::uint32_t open = 0;   ///< the opening mark (== content_start when it is missing)
  std::uint32_t content_start = 0;
  std::uint32_t content_end = 0;
  std::uint32_t close = 0;  ///< the closing mark (== content_end when it is missing)
  std::uint32_t depth = 0;  ///< 0 for an outermost quote
  bool missing_open = false;   ///< a closing mark whose opening mark was lost
  bool missing_close = false;  ///< ran to the end of its paragraph unclosed
};

/// Pairs quotation marks of every convention (« », “ ”, „ “, " ", ‘ ’, ‹ ›,
/// ' ' and nesting) within each paragraph of `text` (UTF-8). Apostrophes
/// (don't, O’Brien, Durova’s) are never taken for marks; a paragraph that
/// opens a quote it does not close continues into the next paragraph when
/// that one opens with a mark too (the English convention for long quotes).
/// Pairs deeper than three levels are matched but not returned, so that the
/// output stays linear in the input. Sorted by `open`.
std::vector<QuotePair> pair_quote_marks(std::string_view text);

SKAZ_END_NAMESPACE
}  // namespace skaz
