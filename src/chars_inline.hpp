// Inline fast paths of is_digit and script_of for ASCII and basic Cyrillic,
// the characters of nearly every byte skaz reads; the rest goes to the
// exported functions (chars.cpp), which give the same answers.
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "skaz/text.hpp"

#if defined(__SSE2__)
#  include <emmintrin.h>
#endif

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

// Asks the memory for the line holding p ahead of its use (a hint: nothing
// where the compiler has no such builtin).
inline void prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

// Frees a buffer kept from one document to the next (a thread's) once it
// has grown past `keep` elements: a huge document's is not kept.
// (swapped with an empty one that then goes: a string moved into keeps its
// memory)
template <class Buffer>
inline void release_if_over(Buffer& b, std::size_t keep) {
  if (b.capacity() > keep) {
    Buffer empty;
    std::swap(b, empty);
  }
}

inline bool digit_fast(char32_t c) noexcept { return c < 0x80 ? c - '0' < 10 : is_digit(c); }

inline script script_fast(char32_t c) noexcept {
  if (c < 0x80) return is_letter(c) ? script::latin : script::common;
  if (c - 0x400 < 0x130) return script::cyrillic;  // U+0400..U+052F
  return script_of(c);
}

// The word of type U at byte i of p.
template <class U>
inline U load_at(const char* p, std::size_t i) noexcept {
  U x;
  std::memcpy(&x, p + i, sizeof x);
  return x;
}
// a[0..n) == b[0..n) for sizeof(U) <= n <= 2 sizeof(U): the first and the
// last U of each, overlapping
template <class U>
inline bool same_ends(const char* a, const char* b, std::size_t n) noexcept {
  return load_at<U>(a, 0) == load_at<U>(b, 0) && load_at<U>(a, n - sizeof(U)) == load_at<U>(b, n - sizeof(U));
}
// a == b over n bytes, by fixed-size loads (overlapping at the end): words
// are short, and memcmp of a variable size is a call into libc for every
// word a table finds.
inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (load_at<std::uint64_t>(a, i) != load_at<std::uint64_t>(b, i)) return false;
    return load_at<std::uint64_t>(a, n - 8) == load_at<std::uint64_t>(b, n - 8);
  }
  if (n >= 4) return same_ends<std::uint32_t>(a, b, n);
  if (n >= 2) return same_ends<std::uint16_t>(a, b, n);
  return n == 0 || *a == *b;
}

// Does w start with pre?
inline bool starts_with(std::string_view w, std::string_view pre) noexcept {
  return w.size() >= pre.size() && same_bytes(w.data(), pre.data(), pre.size());
}
// Does w end in suf with more than `stem` bytes before it?
inline bool ends_with(std::string_view w, std::string_view suf, std::size_t stem = 0) noexcept {
  return w.size() > suf.size() + stem && same_bytes(w.data() + w.size() - suf.size(), suf.data(), suf.size());
}
// Does w end in one of the suffixes, with more than `stem` bytes before it?
inline bool ends_any(std::string_view w, std::initializer_list<std::string_view> suffixes,
                     std::size_t stem = 0) noexcept {
  for (const std::string_view x : suffixes)
    if (ends_with(w, x, stem)) return true;
  return false;
}

#if defined(__SSE2__)
// 0xFF in each byte of v that lies in lo..hi (unsigned), 0 elsewhere.
inline __m128i bytes_in(__m128i v, unsigned char lo, unsigned char hi) noexcept {
  const __m128i x = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(static_cast<char>(hi - lo))), x);
}
// 0xFF where byte i of v is a..z or A..Z (no byte from 0x80 is), else 0.
inline __m128i ascii_letter_bytes(__m128i v) noexcept {
  return bytes_in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
}
// Bit i set where byte i of v is a..z or A..Z.
inline unsigned ascii_letter_mask(__m128i v) noexcept {
  return static_cast<unsigned>(_mm_movemask_epi8(ascii_letter_bytes(v)));
}
// Bit i set where byte i of v is a UTF-8 continuation byte (10xxxxxx).
inline unsigned continuation_mask(__m128i v) noexcept {
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(
      _mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80)))));
}
#endif

// Does the word start with a letter of U+0400..U+047F (lead byte D0 or D1)?
inline bool cyrillic_word(std::string_view w) noexcept {
  return !w.empty() && (static_cast<unsigned char>(w[0]) == 0xD0 || static_cast<unsigned char>(w[0]) == 0xD1);
}

// Two-byte Russian letters read on their bytes b0 b1 (lead D0 or D1), the
// most common characters of Russian text: а..я, А..я, and the lower-case
// fold (А..Я -> а..я, Ё and ё -> е; any other letter unchanged).
inline bool lower_ru2(unsigned char b0, unsigned char b1) noexcept {
  return (b0 == 0xD0 && b1 >= 0xB0 && b1 <= 0xBF) || (b0 == 0xD1 && b1 >= 0x80 && b1 <= 0x8F);
}
inline bool ru2(unsigned char b0, unsigned char b1) noexcept {
  return (b0 == 0xD0 && b1 >= 0x90 && b1 <= 0xBF) || (b0 == 0xD1 && b1 >= 0x80 && b1 <= 0x8F);
}
inline void fold_ru2(unsigned char b0, unsigned char b1, char* out) noexcept {
  if (b0 == 0xD0 && b1 >= 0x90 && b1 <= 0x9F) b1 = static_cast<unsigned char>(b1 + 0x20);  // А..П
  else if (b0 == 0xD0 && b1 >= 0xA0 && b1 <= 0xAF) b0 = 0xD1, b1 = static_cast<unsigned char>(b1 - 0x20);  // Р..Я
  else if ((b0 == 0xD0 && b1 == 0x81) || (b0 == 0xD1 && b1 == 0x91)) b0 = 0xD0, b1 = 0xB5;  // Ё ё -> е
  out[0] = static_cast<char>(b0);
  out[1] = static_cast<char>(b1);
}
// Which lower-case letters lower_run() takes: a..z, а..я (as lower_ru2
// reads them), or both.
enum class lower_set { latin = 1, cyrillic = 2, both = 3 };

// The end of the run of lower-case letters of `set` from p (no byte at or
// past end is read; a..z are a byte each, а..я two). Every stage reads
// words a byte at a time, and a word's end was a mispredicted loop exit:
// over 16 bytes at a time (SSE2) the run's end is a bit count.
// With `copy`, the run's bytes (lower-case: their own fold) are copied to
// copy[0..]; up to 16 bytes past the run may be written there too, which
// the caller's buffer must hold (as many bytes as [p, end)).
template <lower_set set>
inline const char* lower_run(const char* p, const char* end, char* copy = nullptr) noexcept {
  constexpr bool lat = (static_cast<int>(set) & 1) != 0;
  constexpr bool cyr = (static_cast<int>(set) & 2) != 0;
  const char* const from = p;
#if defined(__SSE2__)
  // (17 bytes: the pair whose lead is the 16th byte is read whole)
  while (end - p >= 17) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    unsigned az = 0, ps = 0;
    if (lat) az = static_cast<unsigned>(_mm_movemask_epi8(bytes_in(v, 'a', 'z')));
    if (cyr) {
      // a pair starts where D0 precedes B0..BF or D1 precedes 80..8F
      const __m128i nx = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
      const __m128i d0 = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD0))), bytes_in(nx, 0xB0, 0xBF));
      const __m128i d1 = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD1))), bytes_in(nx, 0x80, 0x8F));
      ps = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(d0, d1)));
    }
    if (copy) _mm_storeu_si128(reinterpret_cast<__m128i*>(copy + (p - from)), v);
    // (a pair's second byte is 80..BF, never a lead or a..z: no overlap)
    const unsigned ok = az | ps | (ps << 1);
    const unsigned z = static_cast<unsigned>(__builtin_ctz(~ok));  // 0..17
    if (z < 16) return p + z;
    if (z > 16) {  // the pair cut by the chunk's end, its second byte too
      if (copy) copy[p - from + 16] = p[16];
      ++p;
    }
    p += 16;
  }
#endif
  while (p < end) {
    const auto b0 = static_cast<unsigned char>(*p);
    if (lat && b0 >= 'a' && b0 <= 'z') {
      if (copy) copy[p - from] = *p;
      ++p;
    } else if (cyr && end - p >= 2 && lower_ru2(b0, static_cast<unsigned char>(p[1]))) {
      if (copy) copy[p - from] = p[0], copy[p - from + 1] = p[1];
      p += 2;
    } else {
      break;
    }
  }
  return p;
}

// A Russian letter's other case, in place (а..п D0 B0..BF <-> А..П D0
// 90..9F, р..я D1 80..8F <-> Р..Я D0 A0..AF; any other letter unchanged).
inline void swap_case_ru2(char* p) noexcept {
  const auto b0 = static_cast<unsigned char>(p[0]), b1 = static_cast<unsigned char>(p[1]);
  if (b0 == 0xD0 && b1 >= 0xB0 && b1 <= 0xBF) p[1] = static_cast<char>(b1 - 0x20);
  else if (b0 == 0xD1 && b1 >= 0x80 && b1 <= 0x8F) p[0] = static_cast<char>(0xD0), p[1] = static_cast<char>(b1 + 0x20);
  else if (b0 == 0xD0 && b1 >= 0x90 && b1 <= 0x9F) p[1] = static_cast<char>(b1 + 0x20);
  else if (b0 == 0xD0 && b1 >= 0xA0 && b1 <= 0xAF) p[0] = static_cast<char>(0xD1), p[1] = static_cast<char>(b1 - 0x20);
}

// Letters of each script in [p, end): a byte loop, decoding only outside
// ASCII and Ѐ..ӿ (language detection reads every byte of a document).
struct ScriptCount {
  std::size_t latin = 0, cyrillic = 0;
};
inline ScriptCount count_scripts(const char* p, const char* end) noexcept {
  ScriptCount n;
  // one character by bytes: ASCII, Ѐ..ӿ on their two bytes, the rest decoded
  auto one = [&]() {
    const auto b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
      n.latin += static_cast<unsigned>((b | 0x20) - 'a') < 26u;
      ++p;
      return;
    }
    if (b >= 0xD0 && b <= 0xD3 && end - p >= 2 && (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80) {
      ++n.cyrillic;  // U+0400..U+04FF
      p += 2;
      return;
    }
    const decoded_char d = decode_utf8(p, end);
    p += d.len;
    const script s = script_fast(d.cp);
    n.latin += s == script::latin;
    n.cyrillic += s == script::cyrillic;
  };
#if defined(__SSE2__)
  // 16 bytes at a time while every lead byte among them is D0..D3 with a
  // continuation byte after it: ASCII letters count as Latin, those leads as
  // Cyrillic, as the byte path would count them; a chunk with any other
  // lead byte goes by bytes (from a continuation byte, the byte path reads
  // it alone, as an invalid character of no script)
  const __m128i kC0 = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i k1 = _mm_set1_epi8(1);
  // the counts summed in vectors, a byte of 1 per letter added up by
  // _mm_sad_epu8 (two 64-bit sums), read out at the end: a count of mask
  // bits a chunk (no popcnt instruction without -mpopcnt) was a chain of a
  // dozen dependent operations
  __m128i sum_latin = _mm_setzero_si128(), sum_cyr = _mm_setzero_si128();
  while (end - p >= 17) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i nx = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
    const __m128i letters = ascii_letter_bytes(v);
    const __m128i cyr_v = bytes_in(v, 0xD0, 0xD3);
    const unsigned cyr = static_cast<unsigned>(_mm_movemask_epi8(cyr_v));
    const unsigned lead = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, kC0), v)));
    const unsigned cont_next = continuation_mask(nx);
    if (lead != cyr || (cyr & ~cont_next) != 0) {
      const char* const stop = p + 16;
      while (p < stop) one();
      continue;
    }
    sum_latin = _mm_add_epi64(sum_latin, _mm_sad_epu8(_mm_and_si128(letters, k1), _mm_setzero_si128()));
    sum_cyr = _mm_add_epi64(sum_cyr, _mm_sad_epu8(_mm_and_si128(cyr_v, k1), _mm_setzero_si128()));
    // The next chunk starts 16 bytes on, whatever this one holds: it may
    // open with the continuation byte of a letter counted here, which no
    // path counts (a byte from 0x80 is no ASCII letter and no lead). A step
    // over that byte waited on this chunk's test, and the loop ran at its
    // latency.
    p += 16;
  }
  const auto total = [](__m128i x) {
    std::uint64_t h[2];
    _mm_storeu_si128(reinterpret_cast<__m128i*>(h), x);
    return static_cast<std::size_t>(h[0] + h[1]);
  };
  n.latin += total(sum_latin);
  n.cyrillic += total(sum_cyr);
#endif
  while (p < end) one();
  return n;
}

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
