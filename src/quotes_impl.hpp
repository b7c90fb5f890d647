// Internals of the quote stage. Not installed.
#pragma once

#include <memory>
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

struct QuoteBuffers;

/// The quote stage's first half, which the entity stage shares: the marks of
/// the body zones of `text` (the analysed view) paired, and the whole text
/// tokenized once. It works in its thread's buffers (or, while another scan
/// of the thread is alive, in its own); `text` and `zones` must outlive it.
class QuoteScan {
 public:
  QuoteScan(std::string_view text, const std::vector<Span>& zones);
  ~QuoteScan();
  QuoteScan(const QuoteScan&) = delete;
  QuoteScan& operator=(const QuoteScan&) = delete;

  /// The tokens holding a letter, in text order (every letter of the text
  /// is in one), until find_quotes(): each [start, end) with kind the
  /// word_bits of it (kWordJoined where a hyphen or an apostrophe joins
  /// letters in it: co-founder, don't, 12-летний; else letters and digits
  /// only, from a character that is neither to the next).
  const std::vector<Span>& words() const noexcept;

 private:
  friend void find_quotes(QuoteScan&, const std::vector<Span>&, const std::vector<Entity>&, std::vector<Quote>&);
  std::string_view text_;
  const std::vector<Span>& zones_;
  QuoteBuffers* bufs_;
  std::unique_ptr<QuoteBuffers> own_;
};

/// Quotes of the body zones of the scan's text: marked quotes classed
/// direct, partial, scare or title, indirect speech found by its cue,
/// speakers attributed by an ordered sieve of rules. `entities` are those of
/// find_entities (spans in the text); spans out are spans of the text.
void find_quotes(QuoteScan& scan, const std::vector<Span>& sentences, const std::vector<Entity>& entities,
                 std::vector<Quote>& out);

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
