// skaz/document.hpp — the pipeline (options, one call from text to Document)
// and the Document: plain structs whose spans are byte offsets into the
// original input.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "skaz/detail/config.hpp"
#include "skaz/error.hpp"
#include "skaz/text.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

/// Zone kinds (Span::kind of Document::zones); values equal SKAZ_ZONE_*.
enum class zone_kind : std::uint32_t {
  body = 0, title = 1, subheading = 2, caption = 3, credit = 4,
  related_link = 5, byline = 6, title_repeat = 7,
};
const char* zone_kind_name(std::uint32_t kind) noexcept;

/// Token kinds (Span::kind of Document::tokens); values equal SKAZ_TOKEN_*.
enum class token_kind : std::uint32_t {
  word = 0, number = 1, punct = 2, symbol = 3, url = 4, email = 5,
  handle = 6, hashtag = 7, abbrev = 8,
};
const char* token_kind_name(std::uint32_t kind) noexcept;

enum class entity_type : std::uint32_t { person = 0, organization = 1, role = 2, other = 3 };
const char* entity_type_name(entity_type t) noexcept;

/// A person's grammatical gender, as the quotes stage needs it for he/she,
/// он/она; values equal SKAZ_GENDER_*.
enum class entity_gender : std::uint32_t { unknown = 0, male = 1, female = 2 };
const char* entity_gender_name(entity_gender g) noexcept;

/// Mention kinds (Span::kind of Entity::mentions); values equal SKAZ_MENTION_*:
/// the entity's name as written, or a role phrase standing for a person
/// whose apposition gave it ("The head of Roskomnadzor, in turn, said").
enum class mention_kind : std::uint32_t { name = 0, role = 1 };
const char* mention_kind_name(std::uint32_t kind) noexcept;

struct Entity {
  std::int32_t id = 0;
  entity_type type = entity_type::other;
  std::string name;  ///< canonical name (fullest nominative form)
  std::string key;   ///< name key shared by every spelling
  std::vector<Span> mentions;  ///< in text order; kind is a mention_kind
  std::vector<std::string> roles;
  /// a person's, from the first name, else the surname's form, else a role
  /// noun (spokeswoman, актриса); unknown for the rest
  entity_gender gender = entity_gender::unknown;
};

enum class quote_kind : std::uint32_t { direct = 0, partial = 1, indirect = 2, scare = 3, title = 4 };
const char* quote_kind_name(quote_kind k) noexcept;

inline constexpr std::uint32_t no_offset = 0xFFFFFFFFu;

struct Quote {
  Span span;  ///< content without the marks
  quote_kind kind = quote_kind::direct;
  std::int32_t speaker_entity = -1;  ///< index into Document::entities
  Span speaker{no_offset, no_offset, 0, 0};  ///< the speaker's mention
  Span cue{no_offset, no_offset, 0, 0};      ///< the reporting verb
  std::string rule;  ///< the rule that decided the speaker
  double confidence = 0.0;
};

enum class repair_kind : std::uint32_t {
  mojibake = 0, homoglyph = 1, glued = 2, invisible = 3, invalid_utf8 = 4,
};
const char* repair_kind_name(repair_kind k) noexcept;

struct Repair {
  Span span;  ///< of the original input
  repair_kind kind = repair_kind::invalid_utf8;
  std::string replacement;
};

/// Languages with their own rules. Other ISO codes are kept as given and
/// analysed by the generic (Boost.Locale) path.
struct Options {
  std::string lang = "auto";             ///< "auto", "en", "ru", or another code
  utf8_policy utf8 = utf8_policy::strict;
  bool tokens = false;                   ///< keep tokens in the Document
};

/// The analysis of one text. Owns a copy of the input; every Span is a byte
/// range of that original input (even when the pipeline analysed a repaired
/// view).
struct Document {
  std::string text;      ///< the original input, byte for byte
  std::string language;  ///< what the text was analysed as ("en", "ru", ...)
  std::vector<Span> zones;
  std::vector<Span> paragraphs;
  std::vector<Span> sentences;
  std::vector<Span> tokens;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Repair> repairs;

  /// The surface of a span (bytes of the original input).
  std::string_view slice(const Span& s) const {
    return std::string_view(text).substr(s.start, s.end - s.start);
  }
};

/// The pipeline: immutable after construction, safe to share across threads.
class Pipeline {
 public:
  /// Validates options and loads what the pipeline needs (Boost.Locale with
  /// the ICU backend: not_supported when it is missing).
  static result<Pipeline> create(const Options& options);

  /// Analyses one text. `lang` overrides the pipeline's language when not
  /// empty.
  result<Document> analyze(std::string_view text, std::string_view lang = {}) const;

  const Options& options() const noexcept;

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

 private:
  struct Impl;
  explicit Pipeline(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

/// Guesses a language from the letters of `text`: "ru" when Cyrillic letters
/// outnumber Latin ones, "en" otherwise.
std::string detect_language(std::string_view text);

SKAZ_END_NAMESPACE
}  // namespace skaz
