// Internals of the quote stage. Not installed.
#pragma once

#include <string_view>
#include <vector>

#include "skaz/document.hpp"
#include "skaz/quotes.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

/// Pairs the marks of `units` (paragraphs or body zones, in text order);
/// an unclosed quote continues into the next unit when that opens with a
/// mark of its family.
void pair_marks(std::string_view text, const std::vector<Span>& units, std::vector<QuotePair>& out);

/// Quotes of the body zones of `text` (the analysed view): marked quotes
/// classed direct, partial, scare or title, indirect speech found by its cue,
/// speakers attributed by an ordered sieve of rules. `entities` are those of
/// find_entities (spans in `text`); spans out are spans of `text`.
void find_quotes(std::string_view text, const std::vector<Span>& zones,
                 const std::vector<Span>& sentences, const std::vector<Entity>& entities,
                 std::vector<Quote>& out);

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
