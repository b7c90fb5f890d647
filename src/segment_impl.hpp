// Internals of segmentation: language profiles (lexicons) and the rule
// passes for zones, sentences and tokens. Not installed.
#pragma once

#include <string_view>
#include <vector>

#include "skaz/document.hpp"
#include "skaz/text.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

enum class lang_id : std::uint8_t { en, ru, other };

/// How a word followed by a period behaves.
enum class abbr_class : std::uint8_t {
  none,       ///< an ordinary word: its period ends a sentence
  prefix,     ///< stands before a name or number (Mr., ул., p.): never ends one
  inner,      ///< always continues (e.g., т.е.)
  ambiguous,  ///< may end one (Co., U.S., тыс.): only before a sentence starter
  weak,       ///< like ambiguous, but a one-letter starter (В, С) is not enough (г.)
};

/// A language profile: lexicons of abbreviations and sentence starters.
/// Lookups take a key folded to lower case with dots and spaces removed
/// ("U.S." -> "us", "т. д." -> "тд"). Immutable, shared across threads.
struct Profile {
  lang_id lang;
  /// `word` is one word ("Mr", "тыс") or a dotted chain ("U.S", "т. д").
  /// Some entries only count as chains (a.m., U.S.: "am" and "us" are
  /// words) and some only capitalised (No., Art., Sat.: "no", "art" and
  /// "sat" are words).
  abbr_class abbreviation(std::string_view word, bool chain = false) const;
  bool starter(std::string_view word) const;       ///< The, However, В, Но, ...
  bool exclamation_name(std::string_view word) const;  ///< Yahoo!, Jeopardy!
};

const Profile& profile(lang_id lang);
/// en for Latin-script text, ru for Cyrillic, by the letters of `range`.
lang_id detect_profile(std::string_view text, Span range);

/// Folds `word` (letters, optionally with dots, spaces, hyphens) into `buf`
/// as a lookup key; returns an empty view when it does not fit.
std::string_view fold_key(std::string_view word, char* buf, std::size_t cap);

/// Whether `word` starts sentences in English or in Russian (one fold, two
/// lookups: profile(en).starter(w) || profile(ru).starter(w)).
bool starter_any(std::string_view word);

void sentences(std::string_view text, Span range, const Profile& prof, std::vector<Span>& out);
/// An English headline glued to its article by a space ("Avalanche at ski
/// resort kills 1, traps 5 An avalanche swept …"): splits sents[first], the
/// text's first sentence, where the article's lead starts.
void split_glued_headline(std::string_view text, std::vector<Span>& sents, std::size_t first);
void tokenize(std::string_view text, Span range, const Profile& prof, std::vector<Span>& out);
void join_english(std::string_view text, const Profile& prof, std::vector<Span>& toks,
                  std::size_t first);

/// Zones of a document: every paragraph gets one or more zones (title,
/// caption, related link, ... and body for the rest). `zones` are ordered and
/// never overlap.
void zones(std::string_view text, const std::vector<Span>& paragraphs, std::vector<Span>& out);

/// What QuoteScan::words() tells of each word in its Span's kind: bits of
/// these (a word whose first character is a letter, its case; hyphen or
/// apostrophe joined).
enum word_bits : std::uint32_t {
  kWordJoined = 1,       // a hyphen or an apostrophe joins letters in it (co-founder, don't, 12-летний)
  kWordFirstLetter = 2,  // its first character is a letter
  kWordFirstUpper = 4,   // ... an upper-case one
  kWordFirstLower = 8,   // ... a lower-case one
  kWordAcronym = 16,     // two capitals or more and no lower-case letter (not told of a joined word)
};

/// Name mentions in the body zones, clustered into entities (spans in
/// `text`, the analysed view). `tokens` are the words of a QuoteScan of the
/// same text (the words are then read from those where they agree; their
/// kinds are word_bits), or null (read from the bytes); the entities are
/// the same.
void find_entities(std::string_view text, const std::vector<Span>& zones, const std::vector<Span>& sentences,
                   const std::vector<Span>* tokens, std::vector<Entity>& out);

/// Whether `word` (Cyrillic UTF-8, any case, ё or е) is a common Russian
/// first name of the entities lexicon (Игорь, Юрий, Наталья).
bool russian_first_name(std::string_view word);

/// 1 when `word` is a common English (or Western) female given name of the
/// entities lexicon, 0 when a male one, -1 otherwise (Hillary, Donald; Latin
/// script only: name keys are too coarse to find Дональд among Russian
/// words).
int english_first_name(std::string_view word);

/// Whether a role phrase names a woman (spokeswoman, actress; актриса).
bool feminine_role(std::string_view role);

/// Words glued at a script change (EDRiПри) or a case change (photoRoskomnadzor):
/// appends one Span per glued word, with flags = byte offset of the split.
// (`skip`: pass over the bytes before the first place a glue point may be;
// false reads every byte, the test's reference)
void glued_words(std::string_view text, Span range, std::vector<Span>& out, bool skip = true);

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
