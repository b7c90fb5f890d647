// Inline fast paths of is_digit and script_of for ASCII and basic Cyrillic,
// the characters of nearly every byte skaz reads; the rest goes to the
// exported functions (chars.cpp), which give the same answers.
#pragma once

#include "skaz/text.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

inline bool digit_fast(char32_t c) noexcept { return c < 0x80 ? c - '0' < 10 : is_digit(c); }

inline script script_fast(char32_t c) noexcept {
  if (c < 0x80) return is_letter(c) ? script::latin : script::common;
  if (c - 0x400 < 0x130) return script::cyrillic;  // U+0400..U+052F
  return script_of(c);
}

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
