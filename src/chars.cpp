// Character classes: ASCII and the basic Cyrillic block answer from a fast
// path; everything else asks utf8proc's Unicode data.
#include <utf8proc.h>

#include "skaz/text.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

namespace {

inline utf8proc_category_t category(char32_t c) noexcept {
  if (c > 0x10FFFF) return UTF8PROC_CATEGORY_CN;
  return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}

// U+0400..U+045F: Ѐ..Я upper, а..џ lower.
inline bool basic_cyrillic(char32_t c) noexcept { return c >= 0x400 && c <= 0x45F; }

}  // namespace

bool is_letter_nonascii(char32_t c) noexcept {
  if (basic_cyrillic(c)) return true;
  const auto k = category(c);
  return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

bool is_upper_nonascii(char32_t c) noexcept {
  if (basic_cyrillic(c)) return c < 0x430;
  return category(c) == UTF8PROC_CATEGORY_LU || category(c) == UTF8PROC_CATEGORY_LT;
}

bool is_lower_nonascii(char32_t c) noexcept {
  if (basic_cyrillic(c)) return c >= 0x430;
  return category(c) == UTF8PROC_CATEGORY_LL;
}

bool is_digit(char32_t c) noexcept {
  if (c < 0x80) return c >= '0' && c <= '9';
  return category(c) == UTF8PROC_CATEGORY_ND;
}

bool is_space_nonascii(char32_t c) noexcept {
  switch (c) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

bool is_punct(char32_t c) noexcept {
  if (c < 0x80) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~')
               ? category(c) >= UTF8PROC_CATEGORY_PC && category(c) <= UTF8PROC_CATEGORY_PO
               : false;
  }
  const auto k = category(c);
  return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}

script script_of(char32_t c) noexcept {
  if (c < 0x80) return is_letter(c) ? script::latin : script::common;
  if (c >= 0x400 && c <= 0x52F) return script::cyrillic;
  if ((c >= 0x1C80 && c <= 0x1C8F) || (c >= 0x2DE0 && c <= 0x2DFF) ||
      (c >= 0xA640 && c <= 0xA69F))
    return script::cyrillic;
  if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF) ||
      (c >= 0x2C60 && c <= 0x2C7F) || (c >= 0xA720 && c <= 0xA7FF) ||
      (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
    return script::latin;
  if ((c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF)) return script::greek;
  return is_letter(c) ? script::other : script::common;
}

SKAZ_END_NAMESPACE
}  // namespace skaz
