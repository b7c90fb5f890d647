// skaz/text.hpp — the text layer: UTF-8 validation and decoding, spans as
// byte offsets into the original input, byte <-> code point <-> UTF-16 offset
// conversion, the analysed view with its map back to the original, paragraphs
// and character classes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "skaz/detail/config.hpp"
#include "skaz/error.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

/// What to do with invalid UTF-8.
enum class utf8_policy : std::uint8_t {
  strict,   ///< reject, naming the byte offset of the first invalid byte
  replace,  ///< read each maximal invalid subpart as U+FFFD
};

/// A half-open range of byte offsets into the ORIGINAL input, with a kind
/// (zone kind, token kind, ...) and rule bits. Layout-compatible with the C
/// ABI's skaz_span.
struct Span {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t kind = 0;
  std::uint32_t flags = 0;
  constexpr std::uint32_t size() const noexcept { return end - start; }
  constexpr bool empty() const noexcept { return end <= start; }
  friend constexpr bool operator==(const Span& a, const Span& b) noexcept {
    return a.start == b.start && a.end == b.end && a.kind == b.kind &&
           a.flags == b.flags;
  }
};

/// Largest input skaz accepts: offsets are 32-bit.
inline constexpr std::size_t max_input_bytes = 0xFFFFFFFEu;

/// One decoded character. For invalid input, `valid` is false, cp is U+FFFD and
/// len is the length of the maximal subpart (Unicode §3.9, "U+FFFD Substitution
/// of Maximal Subparts" — the practice of Python, ICU and the WHATWG encoder).
struct decoded_char {
  char32_t cp;
  std::uint8_t len;
  bool valid;
};

/// Decodes the character at p (p < end). Never reads past end.
decoded_char decode_utf8_multibyte(const char* p, const char* end) noexcept;
inline decoded_char decode_utf8(const char* p, const char* end) noexcept {
  const auto b = static_cast<unsigned char>(*p);
  if (b < 0x80) return decoded_char{b, 1, true};  // ASCII and two-byte forms (Cyrillic)
  if (b >= 0xC2 && b <= 0xDF && end - p >= 2) {   // inline; the rest out of line
    const auto c = static_cast<unsigned char>(p[1]);
    if ((c & 0xC0) == 0x80) return decoded_char{(char32_t{b & 0x1Fu} << 6) | (c & 0x3Fu), 2, true};
  }
  return decode_utf8_multibyte(p, end);
}

/// Byte offset of the first invalid byte, or npos when `s` is valid UTF-8.
/// Overlong forms, surrogates (U+D800..U+DFFF), code points above U+10FFFF and
/// truncated sequences are invalid; NUL is a valid character.
std::size_t find_invalid_utf8(std::string_view s) noexcept;
inline bool is_valid_utf8(std::string_view s) noexcept {
  return find_invalid_utf8(s) == std::string_view::npos;
}

/// `s` with every maximal invalid subpart replaced by U+FFFD (EF BF BD).
std::string replace_invalid_utf8(std::string_view s);

/// Appends the UTF-8 encoding of cp (cp must be a scalar value).
void append_utf8(std::string& out, char32_t cp);

/// Offset units.
enum class offset_unit : std::uint8_t { byte, codepoint, utf16 };

/// Converts byte offsets of one text into code points or UTF-16 units in O(1)
/// after an O(n) build (a checkpoint every 64 bytes, then a short scan).
/// Invalid bytes count as the U+FFFD that replaces their maximal subpart, so
/// code point offsets index the text as Python's decode(errors="replace")
/// reads it.
class OffsetMap {
 public:
  OffsetMap() = default;
  explicit OffsetMap(std::string_view text);
  /// An offset inside a character converts to that character's start;
  /// offsets past the end clamp to the end.
  std::uint32_t convert(std::uint32_t byte_offset, offset_unit unit) const noexcept;

 private:
  static constexpr std::uint32_t kStep = 64;
  std::string_view text_;
  // cumulative counts at each checkpoint: checkpoint k sits on the first
  // character start at or after byte k * kStep
  struct Mark {
    std::uint32_t byte, cp, u16;
  };
  std::vector<Mark> marks_;
  bool valid_ = true;  // valid UTF-8: a character is a byte that is no continuation byte
};

/// One edit between the original input and the analysed view.
struct Edit {
  std::uint32_t view_start, view_end;  // in the view
  std::uint32_t orig_start, orig_end;  // in the original
};

/// The text the pipeline analyses (always valid UTF-8), with a map from its
/// byte offsets back to the original input.
class TextView {
 public:
  /// Validates `original` under `policy`. Strict: an error naming the byte
  /// offset of the first invalid byte. Replace: invalid subparts become U+FFFD
  /// and are recorded as edits. Inputs above max_input_bytes are refused.
  static result<TextView> make(std::string_view original, utf8_policy policy);

  std::string_view text() const noexcept {
    return edits_.empty() ? original_ : std::string_view(owned_);
  }
  const std::vector<Edit>& edits() const noexcept { return edits_; }

  /// Maps a view offset to the original. Inside an edit, a start offset maps
  /// to the edit's original start and an end offset to its original end.
  std::uint32_t to_original_start(std::uint32_t view_offset) const noexcept;
  std::uint32_t to_original_end(std::uint32_t view_offset) const noexcept;
  Span to_original(Span s) const noexcept {
    return Span{to_original_start(s.start), to_original_end(s.end), s.kind, s.flags};
  }

  /// One replacement in the current view: [start, end) becomes `text`.
  struct Replacement {
    std::uint32_t start, end;
    std::string text;
  };
  /// Rewrites the view with `reps` (sorted, not overlapping, on character
  /// boundaries); offsets keep mapping to the original input. An earlier
  /// edit inside a replaced range is absorbed by it.
  void apply(const std::vector<Replacement>& reps);

 private:
  std::uint32_t map(std::uint32_t off, bool is_end) const noexcept;
  std::string_view original_;  // the caller's input
  std::string owned_;          // the view when it differs from the original
  std::vector<Edit> edits_;
};

/// Paragraphs: maximal runs of text between line breaks (LF, CRLF, CR, U+2028,
/// U+2029), with surrounding whitespace and a leading BOM excluded. Lines that
/// hold only whitespace produce no paragraph.
std::vector<Span> split_paragraphs(std::string_view text);

/// Scripts skaz tells apart.
enum class script : std::uint8_t { common, latin, cyrillic, greek, other };

/// Character classes: ASCII and Cyrillic from fast tables, the rest through
/// utf8proc's Unicode data.
bool is_letter_nonascii(char32_t c) noexcept;
bool is_upper_nonascii(char32_t c) noexcept;
bool is_lower_nonascii(char32_t c) noexcept;
// (U+0400..U+045F, Ѐ..Я upper and а..џ lower, answer inline too: Russian
// text is mostly made of them)
inline bool is_letter(char32_t c) noexcept {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return c - 0x400 < 0x60 || is_letter_nonascii(c);
}
inline bool is_upper(char32_t c) noexcept {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return c - 0x400 < 0x60 ? c < 0x430 : is_upper_nonascii(c);
}
inline bool is_lower(char32_t c) noexcept {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return c - 0x400 < 0x60 ? c >= 0x430 : is_lower_nonascii(c);
}
bool is_digit(char32_t c) noexcept;   // any decimal digit (Nd)
bool is_space_nonascii(char32_t c) noexcept;
/// White_Space, incl. NBSP and U+2028/9.
inline bool is_space(char32_t c) noexcept {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return is_space_nonascii(c);
}
bool is_punct(char32_t c) noexcept;   // P* categories
script script_of(char32_t c) noexcept;

SKAZ_END_NAMESPACE
}  // namespace skaz
