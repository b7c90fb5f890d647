// Repair of garbled text.
//
// Mojibake: UTF-8 read as cp1251, cp1252, Latin-1, KOI8-R, cp866 or
// mac-cyrillic is undone by encoding the text back with that code page and
// reading the bytes as UTF-8 (repeated for double encodings); a reading is
// taken only when it is valid UTF-8 and less "odd" than the text it replaces
// (fewer C1 controls, box-drawing marks, stray cp1251 letters...). The old
// 8-bit confusions (KOI8-R read as cp1251, cp1251 read as KOI8-R or as
// Latin-1) produce well-formed letters, so they are judged by a Russian
// letter bigram model (tools/gen_repair.py) and by letter case, which those
// confusions scramble. Code pages come from Boost.Locale, once.
//
// Clean text is never changed: a first scan looks for the marks every
// garbling leaves, and text without them is returned as it is.
#include "chars_inline.hpp"
#include "skaz/repair.hpp"

#include <boost/locale/encoding.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#  include <emmintrin.h>
#endif

#include "confusables_tables.hpp"
#include "repair_impl.hpp"
#include "repair_tables.hpp"
#include "skaz/document.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

namespace {

enum cp_id { kCp1251, kCp1252, kLatin1, kKoi8r, kCp866, kMacCyr, kCp437, kCodePages };

// Code points U+0080..U+04FF and U+2000..U+25FF, where every page's upper
// half lies, index the byte table directly.
constexpr std::size_t kDirect = 0x500 + 0x600;
inline std::size_t direct_index(char32_t c) {
  if (c < 0x500) return c;
  if (c >= 0x2000 && c < 0x2600) return 0x500 + (c - 0x2000);
  return kDirect;
}

struct CodePage {
  char32_t to_uni[128];                                   // bytes 0x80..0xFF
  std::array<std::pair<char32_t, std::uint8_t>, 128> from;  // sorted by code point
  std::array<std::int16_t, kDirect> direct;               // byte, or -1
};

struct CodePages {
  CodePage cp[kCodePages];
  CodePages() {
    static const char* const names[kCodePages] = {"windows-1251", "windows-1252", "ISO-8859-1",
                                                  "KOI8-R",       "CP866",        "MacCyrillic",
                                                  "CP437"};
    for (int k = 0; k < kCodePages; ++k) {
      for (int b = 0x80; b < 0x100; ++b) {
        char32_t u = static_cast<char32_t>(b);  // "sloppy": an undefined byte reads as U+0080+
        try {
          const std::string s(1, static_cast<char>(b));
          const std::string utf =
              boost::locale::conv::to_utf<char>(s, names[k], boost::locale::conv::stop);
          const decoded_char d = decode_utf8(utf.data(), utf.data() + utf.size());
          if (!utf.empty() && d.valid && d.len == utf.size()) u = d.cp;
        } catch (...) {
        }
        cp[k].to_uni[b - 0x80] = u;
        cp[k].from[static_cast<std::size_t>(b - 0x80)] = {u, static_cast<std::uint8_t>(b)};
      }
      std::sort(cp[k].from.begin(), cp[k].from.end());
      cp[k].direct.fill(-1);
      for (char32_t c = 0; c < 0x80; ++c) cp[k].direct[c] = static_cast<std::int16_t>(c);
      for (const auto& e : cp[k].from) {
        const std::size_t d = direct_index(e.first);
        if (d < kDirect) cp[k].direct[d] = e.second;
      }
    }
  }
};

const CodePages& pages() {
  static const CodePages p;  // thread-safe, built on first use
  return p;
}

// The byte for `c` in code page k; -1 when it has none.
int encode_char(const CodePage& p, char32_t c) {
  if (c < 0x80) return static_cast<int>(c);
  const std::size_t d = direct_index(c);
  if (d < kDirect) return p.direct[d];
  auto it = std::lower_bound(p.from.begin(), p.from.end(), std::make_pair(c, std::uint8_t{0}));
  if (it != p.from.end() && it->first == c) return it->second;
  return -1;
}

constexpr int kLost = 0x100;  // a byte lost on the way (U+FFFD in the garbled text)

// Encodes `s` with page p into bytes[0, *n): false when a character has no
// byte there. `bytes` only grows (a character takes a byte at most): no
// per-byte append and no zero-filling once warm.
bool encode(const CodePage& p, std::string_view s, std::vector<int>& bytes, std::size_t* n) {
  if (bytes.size() < s.size()) bytes.resize(s.size());
  int* o = bytes.data();
  const char* q = s.data();
  const char* end = q + s.size();
  while (q < end) {
    const auto c = static_cast<unsigned char>(*q);
    if (c < 0x80) {  // ASCII is itself in every page
      *o++ = c;
      ++q;
      continue;
    }
    const decoded_char d = decode_utf8(q, end);
    q += d.len;
    if (d.cp == 0xFFFD) {
      *o++ = kLost;
      continue;
    }
    const int b = encode_char(p, d.cp);
    if (b < 0) return false;
    *o++ = b;
  }
  *n = static_cast<std::size_t>(o - bytes.data());
  return true;
}

// Do the first non-ASCII characters of `s`, encoded with page p, start a
// well-formed UTF-8 sequence? Looks at no more than one sequence.
bool plausible_start(const CodePage& p, std::string_view s) {
  const char* q = s.data();
  const char* end = q + s.size();
  while (q < end && static_cast<unsigned char>(*q) < 0x80) ++q;
  if (q == end) return false;
  int need = -1;
  for (int k = 0; q < end && k < 4; ++k) {
    const decoded_char d = decode_utf8(q, end);
    q += d.len;
    if (d.cp == 0xFFFD) return true;  // a lost byte: let the full reading decide
    const int b = encode_char(p, d.cp);
    if (b < 0) return false;
    if (k == 0) {
      need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xC2 && b <= 0xDF ? 1 : -1;
      if (need < 0) return false;
    } else if (b == 0x20 && k == 1 && need == 1) {
      return true;  // a no-break space that became a space
    } else if ((b & 0xC0) != 0x80) {
      return false;
    }
    if (k == need) return true;
  }
  return need >= 0 && q == end;
}

// Reads `bytes` as UTF-8 into `out`; a sequence holding a lost byte reads as
// U+FFFD. False when the bytes are not UTF-8. *multi counts the multi-byte
// characters read.
int pair_score_slow(char32_t prev, char32_t c);
// The two commonest cases first, inline: ASCII, and a Russian letter (but
// not Ё/ё, which cp1251 puts among the continuation bytes) after anything
// but a dash (mac-cyrillic's reading of a lead byte).
inline int pair_score(char32_t prev, char32_t c) {
  if (c < 0x80) return 0;
  if (c >= 0x410 && c <= 0x44F && prev != 0x2013 && prev != 0x2014) return 0;
  return pair_score_slow(prev, c);
}

bool read_utf8(const int* bytes, const std::size_t n, std::string& out, int* multi, int* bad) {
  // Written through a pointer into a buffer sized for the worst case (a
  // lost byte becomes the three bytes of U+FFFD): no append per character.
  out.resize(n * 3);
  char* o = &out[0];
  *multi = 0;
  *bad = 0;
  char32_t prev = ' ';
  // the oddness of what is read, as it is read (see badness)
  auto seen = [&](char32_t c) {
    *bad += pair_score(prev, c);
    prev = c;
  };
  auto lost_char = [&] {
    std::memcpy(o, "\xEF\xBF\xBD", 3);
    o += 3;
    seen(0xFFFD);
  };
  std::size_t i = 0;
  while (i < n) {
    const int b0 = bytes[i];
    if (b0 < 0x80) {
      *o++ = static_cast<char>(b0);
      prev = static_cast<char32_t>(b0);  // ASCII scores 0
      ++i;
      continue;
    }
    if (b0 == kLost) {
      lost_char();
      ++i;
      continue;
    }
    const int need = b0 >= 0xF0 && b0 <= 0xF4 ? 3 : b0 >= 0xE0 && b0 <= 0xEF ? 2
                     : b0 >= 0xC2 && b0 <= 0xDF ? 1 : -1;
    if (need < 0 || i + static_cast<std::size_t>(need) >= n) return false;
    // A no-break space (A0) often became a plain space on the way: "Ð Ñƒ"
    // is "Ру". A lone "Ã " is the French word "à", whose space stays.
    if (need == 1 && bytes[i + 1] == 0x20 &&
        (b0 == 0xC2 || b0 == 0xC3 || b0 == 0xC5 || b0 == 0xCE || b0 == 0xD0 || b0 == 0xD9)) {
      *o++ = static_cast<char>(b0);
      *o++ = static_cast<char>(0xA0);
      seen((static_cast<char32_t>(b0 & 0x1F) << 6) | 0x20);
      ++*multi;
      const bool word_a = b0 == 0xC3 && (i == 0 || bytes[i - 1] == 0x20);
      i += word_a ? 1 : 2;
      continue;
    }
    char32_t cp = static_cast<char32_t>(b0 & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07));
    bool lost = false;
    for (int k = 1; k <= need; ++k) {
      const int b = bytes[i + static_cast<std::size_t>(k)];
      if (b == kLost) {
        lost = true;
      } else if ((b & 0xC0) != 0x80) {
        return false;
      }
      cp = (cp << 6) | static_cast<char32_t>(b & 0x3F);
    }
    if (lost) {
      lost_char();
    } else {
      // overlong forms, surrogates and code points past U+10FFFF are not UTF-8
      if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
          (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
        return false;
      for (int k = 0; k <= need; ++k) *o++ = static_cast<char>(bytes[i + static_cast<std::size_t>(k)]);
      seen(cp);
    }
    ++*multi;
    i += static_cast<std::size_t>(need) + 1;
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return true;
}

bool is_russian(char32_t c) { return (c >= 0x410 && c <= 0x44F) || c == 0x401 || c == 0x451; }
bool is_latin1_letter(char32_t c) { return c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7; }
bool is_box(char32_t c) { return c >= 0x2500 && c <= 0x25FF; }
// Cyrillic letters of the cp1251 upper half that Russian does not use
// (Ђ Ѓ Љ Њ Ќ Ћ Џ ђ ѓ љ њ ќ ћ џ Ў ў Ј Ґ Є Ї І і ґ є ј Ѕ ѕ ї).
bool is_odd_cyrillic(char32_t c) {
  return (c >= 0x400 && c <= 0x40F && c != 0x401) || (c >= 0x450 && c <= 0x45F && c != 0x451) ||
         c == 0x490 || c == 0x491;
}
bool is_general_punct(char32_t c) { return c >= 0x2010 && c <= 0x206F; }
// Letters of Ukrainian and Belarusian: І і Ї ї Є є Ґ ґ Ў ў.
bool is_east_slavic(char32_t c) {
  return c == 0x406 || c == 0x456 || c == 0x407 || c == 0x457 || c == 0x404 || c == 0x454 ||
         c == 0x490 || c == 0x491 || c == 0x40E || c == 0x45E;
}

// How odd a text looks: marks that clean text seldom has and mojibake has
// in numbers. UTF-8 read in an 8-bit page turns each multi-byte character
// into a lead-byte reading (a Cyrillic letter, Ã, Â, Ð, Ñ) followed by a
// continuation-byte reading (U+0080..U+00BF, a stray Cyrillic letter, a
// cp1252 mark): such pairs are what is counted.
// Characters that cp1251 puts on the bytes 80..BF: what the continuation
// bytes of UTF-8 read as in that page (Ђ ‚ „ … ‰ Љ ‘ ’ “ ” • – — ™ Ѕ ¤ ...).
bool is_cp1251_continuation(char32_t c) {
  static const std::array<bool, kDirect> table = [] {
    std::array<bool, kDirect> t{};
    for (int b = 0x80; b < 0xC0; ++b) {
      const std::size_t d = direct_index(pages().cp[kCp1251].to_uni[b - 0x80]);
      if (d < kDirect) t[d] = true;
    }
    return t;
  }();
  const std::size_t d = direct_index(c);
  return d < kDirect && table[d];
}

int pair_score_slow(char32_t prev, char32_t c) {
  const bool lead = is_russian(prev) || is_latin1_letter(prev);
  if (c <= 0x9F) return 3;
  if (is_box(c)) return 2;
  if (c == 0xFFFD) return 1;
  if (c >= 0xA0 && c <= 0xBF && c != 0xAB && c != 0xBB && lead &&
      // a no-break space after a word is typography ("в 2008 г."), but after
      // Р/С (lead bytes D0/D1) it is the "Р" of "Ð "
      (c != 0xA0 || prev == 0x420 || prev == 0x421 || is_latin1_letter(prev)))
    return 2;
  if (is_odd_cyrillic(c) &&
      (prev == 0x420 || prev == 0x421 || (is_russian(prev) && !is_east_slavic(c))))
    return 2;  // "Р‘", "вЂ™"; Ukrainian "ВІКІ" is not counted
  if ((prev == 0x2013 || prev == 0x2014) && !is_space(c))
    return 2;  // mac-cyrillic reads the lead bytes D0/D1 as dashes
  if (is_general_punct(c) && (prev == 0x420 || prev == 0x421 || is_latin1_letter(prev)))
    return 2;  // "â€™"
  if ((c == 0x2013 || c == 0x2014) && is_russian(prev)) return 1;  // mac-cyrillic "–С—А"
  // two continuation-byte readings in a row ("в‚Ѕ" is ₽), but not the
  // punctuation clean text puts together ("…»", "»,")
  if (c >= 0x80 && prev >= 0x80 && c != 0xAB && c != 0xBB && c != 0x2026 && prev != 0xAB &&
      prev != 0xBB && prev != 0x2026 && prev != 0xA0 && c != 0xA0 &&
      is_cp1251_continuation(c) && is_cp1251_continuation(prev))
    return 2;
  if ((c >= 0x3000 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
      (c >= 0xE000 && c <= 0xF8FF) || (c >= 0x2B0 && c <= 0x36F) || (c >= 0x590 && c <= 0x1DFF))
    return 2;  // scripts and marks a Russian or Western text does not turn into
  return 0;
}

// Is any pair of `s` odd? (badness(s) > 0, stopping at the first one)
bool any_odd(std::string_view s) {
  char32_t prev = ' ';
  const char* q = s.data();
  const char* end = q + s.size();
  while (q < end) {
    const decoded_char d = decode_utf8(q, end);
    q += d.len;
    if (pair_score(prev, d.cp) > 0) return true;
    prev = d.cp;
  }
  return false;
}

int badness(std::string_view s) {
  int bad = 0;
  char32_t prev = ' ';
  const char* q = s.data();
  const char* end = q + s.size();
  while (q < end) {
    const decoded_char d = decode_utf8(q, end);
    q += d.len;
    bad += pair_score(prev, d.cp);
    prev = d.cp;
  }
  return bad;
}

// Mean trigram score (4*log2 p) of the Russian letters of `w`, or a very
// low value when it holds no Russian letter.
double russian_score(std::string_view w) {
  int prev2 = 32, prev = 32, n = 0;
  long sum = 0;
  const char* q = w.data();
  const char* end = q + w.size();
  while (q < end) {
    const decoded_char d = decode_utf8(q, end);
    q += d.len;
    char32_t c = d.cp;
    if (c == 0x401 || c == 0x451) c = 0x435;
    if (c >= 0x410 && c <= 0x42F) c += 32;
    if (c < 0x430 || c > 0x44F) return -1000.0;  // not a Russian word
    const int cur = static_cast<int>(c - 0x430);
    sum += detail::kRussianTrigram[prev2][prev][cur];
    prev2 = prev;
    prev = cur;
    ++n;
  }
  if (n == 0) return -1000.0;
  sum += detail::kRussianTrigram[prev2][prev][32];
  return static_cast<double>(sum) / (n + 1);
}

enum class case_pattern { lower, capital, upper, other };
case_pattern pattern_of(std::string_view w) {
  int n = 0, upper = 0;
  bool first_upper = false, rest_lower = true;
  const char* q = w.data();
  const char* end = q + w.size();
  while (q < end) {
    const decoded_char d = decode_utf8(q, end);
    q += d.len;
    if (!is_letter(d.cp)) continue;
    const bool up = is_upper(d.cp);
    if (n == 0) first_upper = up;
    else if (up) rest_lower = false;
    upper += up;
    ++n;
  }
  if (n == 0 || upper == 0) return case_pattern::lower;
  if (upper == n && n > 1) return case_pattern::upper;
  if (first_upper && rest_lower) return case_pattern::capital;
  return case_pattern::other;
}

// Reads `w` through page `from` and back as page `to` (an 8-bit confusion).
bool recode(std::string_view w, int from, int to, std::string& out) {
  const CodePages& P = pages();
  out.clear();
  const char* q = w.data();
  const char* end = q + w.size();
  while (q < end) {
    const decoded_char d = decode_utf8(q, end);
    q += d.len;
    const int b = encode_char(P.cp[from], d.cp);
    if (b < 0) return false;
    if (b < 0x80) out.push_back(static_cast<char>(b));
    else append_utf8(out, P.cp[to].to_uni[b - 0x80]);
  }
  return true;
}

// The old 8-bit confusions: 0 = cp1251 read as Latin-1 (Áðîäà), 1 = KOI8-R
// read as cp1251 (вТПДБ), 2 = cp1251 read as KOI8-R (аПНДЮ).
constexpr int kChains[3][2] = {{kLatin1, kCp1251}, {kCp1251, kKoi8r}, {kKoi8r, kCp1251}};

struct Fix8 {
  std::string text;     // the repaired word, empty when none
  int chain = -1;
  bool sure = false;    // the word's own marks (a scrambled case, Latin-1 letters) said so
};

// One word of the 8-bit confusions. With `forced` >= 0 the chain is known
// from surer words of the same text, and any reading at least as plausible
// as the word itself is taken.
Fix8 fix_8bit_word(std::string_view w, int forced = -1) {
  Fix8 r;
  std::size_t letters = 0, cyr = 0, lat1 = 0;
  for (const char* q = w.data(); q < w.data() + w.size();) {
    const decoded_char d = decode_utf8(q, w.data() + w.size());
    q += d.len;
    if (!is_letter(d.cp)) continue;
    ++letters;
    cyr += is_russian(d.cp) || is_odd_cyrillic(d.cp);  // ё in KOI8 reads as Ј in cp1251
    lat1 += is_latin1_letter(d.cp);
  }
  if (letters == 0 || (forced < 0 && letters < 2)) return r;
  std::string cand;
  if (forced >= 0) {
    if ((forced == 0) != (lat1 == letters)) return r;
    if (forced != 0 && cyr != letters) return r;
    if (!recode(w, kChains[forced][0], kChains[forced][1], cand)) return r;
    if (pattern_of(cand) == case_pattern::other) return r;
    if (forced != 0 && russian_score(cand) < russian_score(w)) return r;
    r.text = cand;
    r.chain = forced;
    return r;
  }
  if (lat1 * 10 >= letters * 7) {
    // cp1251 read as Latin-1 (Áðîäà): all but a few letters from À..ÿ
    if (recode(w, kLatin1, kCp1251, cand) && russian_score(cand) > -36.0 &&
        pattern_of(cand) != case_pattern::other) {
      r.text = cand;
      r.chain = 0;
      r.sure = true;
    }
    return r;
  }
  if (cyr != letters) return r;
  const case_pattern pw = pattern_of(w);
  const double sw = russian_score(w);
  // A scrambled case (вТПДБ) is the confusion's own mark: the better of the
  // two readings is taken. A word in a plain case must read much worse than
  // its repair.
  double best_score = pw == case_pattern::other ? -1e9 : sw;
  for (int chain = 1; chain <= 2; ++chain) {
    if (!recode(w, kChains[chain][0], kChains[chain][1], cand)) continue;
    if (pattern_of(cand) == case_pattern::other) continue;
    const double sc = russian_score(cand);
    const double margin = pw == case_pattern::other ? -1e9 : (letters >= 5 ? 10.0 : 1e9);
    if (sc - sw >= margin && sc > best_score && sc > -40.0) {
      best_score = sc;
      r.text = cand;
      r.chain = chain;
      r.sure = pw == case_pattern::other;
    }
  }
  return r;
}

// Marks of garbling, which send a text to the slow path: an odd pair (see
// badness), a scrambled letter case (вТПДБ), two Latin-1 letters in a row
// (Áðîäà), a ligature or U+FFFD. ASCII and Russian letters, the bulk of
// clean text, take a fast path that only watches the case.
// The character before position i of s (' ' at the start).
inline char32_t char_before(std::string_view s, std::size_t i) {
  if (i == 0) return ' ';
  std::size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80 && i - k < 4) --k;
  return decode_utf8(s.data() + k, s.data() + i).cp;
}

// Is the character starting at i a mark of garbling, given the one before?
inline bool marks_garbling(std::string_view s, std::size_t i, decoded_char d) {
  const char32_t c = d.cp;
  const char32_t prev = char_before(s, i);
  if (c >= 0x410 && c <= 0x42F) return prev >= 0x430 && prev <= 0x44F;  // вТПДБ
  if (c == 0x401) return prev >= 0x430 && prev <= 0x44F;
  if (pair_score(prev, c) > 0) return true;
  if (c == 0xFFFD || (c >= 0xFB00 && c <= 0xFB06)) return true;
  return is_latin1_letter(c) && is_latin1_letter(prev);
}

bool suspicious(std::string_view s) {
  const auto* base = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // 16 bytes at a time: ASCII and lower-case Russian letters say nothing,
    // nor does a capital А..Я after an ASCII byte (a space, a quote: only
    // after а..я is it a scrambled case); stop at any other lead byte, at
    // D0 + a byte below B0 (other capitals, Ѐ..Џ) and at D1 + a byte from 90
    // (ё, ѐ..џ).
    const __m128i kC2 = _mm_set1_epi8(static_cast<char>(0xC2));
    const __m128i kD0 = _mm_set1_epi8(static_cast<char>(0xD0));
    const __m128i kD1 = _mm_set1_epi8(static_cast<char>(0xD1));
    const __m128i kB0 = _mm_set1_epi8(static_cast<char>(0xB0));
    const __m128i k90 = _mm_set1_epi8(static_cast<char>(0x90));
    while (i + 17 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
      const __m128i nx = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i + 1));
      const __m128i ge_c2 = _mm_cmpeq_epi8(_mm_max_epu8(v, kC2), v);
      const __m128i is_d0 = _mm_cmpeq_epi8(v, kD0);
      const __m128i is_d1 = _mm_cmpeq_epi8(v, kD1);
      const __m128i other_lead = _mm_andnot_si128(_mm_or_si128(is_d0, is_d1), ge_c2);
      const __m128i nx_lt_b0 = _mm_xor_si128(_mm_cmpeq_epi8(_mm_max_epu8(nx, kB0), nx),
                                             _mm_set1_epi8(-1));
      const __m128i nx_ge_90 = _mm_cmpeq_epi8(_mm_max_epu8(nx, k90), nx);
      // D0 + 90..AF (А..Я) only after a byte that is not ASCII (the byte
      // before the text read as a space)
      const __m128i prev = i > 0 ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i - 1))
                                 : _mm_or_si128(_mm_slli_si128(v, 1), _mm_cvtsi32_si128(' '));
      const __m128i prev_ascii = _mm_cmpgt_epi8(prev, _mm_set1_epi8(-1));
      const __m128i d0_low = _mm_and_si128(is_d0, _mm_andnot_si128(nx_ge_90, nx_lt_b0));  // Ѐ..Џ, Ё
      const __m128i d0_cap = _mm_and_si128(_mm_and_si128(is_d0, nx_ge_90), nx_lt_b0);
      const __m128i ev = _mm_or_si128(_mm_or_si128(other_lead, d0_low),
                                      _mm_or_si128(_mm_andnot_si128(prev_ascii, d0_cap), _mm_and_si128(is_d1, nx_ge_90)));
      const int mask = _mm_movemask_epi8(ev);
      if (mask == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      break;
    }
    if (i >= n) break;
#endif
    const unsigned char b = base[i];
    if (b < 0x80 || (b & 0xC0) == 0x80) {  // ASCII, or the middle of a character
      ++i;
      continue;
    }
    const decoded_char d = decode_utf8(s.data() + i, s.data() + n);
    if (d.cp >= 0x430 && d.cp <= 0x44F) {  // lower-case Russian: nothing to see
      i += d.len;
      continue;
    }
    // U+FFFD alone is an invalid byte, not mojibake: a garbled text that
    // lost bytes ("Ð�") shows other marks too
    if (d.cp != 0xFFFD && marks_garbling(s, i, d)) return true;
    i += d.len;
  }
  return false;
}

// UTF-8 read through one of the pages, undone: the best reading of `s`, or
// empty when none is less odd. A reading that looks no better may still be
// the first step of a double encoding ("Г‚ВЈ" -> "Â£" -> "£"), so each is
// followed one step further before it is judged.
struct Reading {
  std::string text;  // empty: none better
  int bad = 0;       // its oddness
};

Reading undo_utf8_misread(std::string_view s, int depth = 2, int bad0 = -1) {
  const CodePages& P = pages();
  // The oddness of `s` itself is needed only when no reading is clean: it is
  // computed then (a clean reading returns at once, the common case).
  auto original_badness = [&] {
    if (bad0 < 0) bad0 = badness(s);
    return bad0;
  };
  // scratch space of this thread, one set per depth: no allocation per word
  // once warm
  struct Scratch {
    std::vector<int> bytes;
    std::string cand;
  };
  static thread_local Scratch scratch[3];
  Scratch& sc = scratch[depth < 0 ? 0 : depth > 2 ? 2 : depth];
  Reading best{{}, -1};
  bool checked_odd = false;
  for (int k = 0; k < kCodePages; ++k) {
    // cheap rejection first: the first non-ASCII characters must make a
    // UTF-8 sequence (clean Cyrillic fails at its first letter)
    if (!plausible_start(P.cp[k], s)) continue;
    std::size_t nbytes = 0;
    if (!encode(P.cp[k], s, sc.bytes, &nbytes)) continue;
    int multi = 0, b = 0;
    if (!read_utf8(sc.bytes.data(), nbytes, sc.cand, &multi, &b) || multi == 0) continue;
    // a text with nothing odd is not read otherwise, however well it decodes
    if (!checked_odd) {
      checked_odd = true;
      if (bad0 == 0 || (bad0 < 0 && !any_odd(s))) return {};
    }
    if (b == 0) return Reading{sc.cand, 0};  // clean: the pages are tried most common first
    if (original_badness() == 0) return {};
    if (best.bad < 0) best.bad = bad0;
    std::string final_text = sc.cand;
    if (depth > 1 && b <= bad0) {
      Reading further = undo_utf8_misread(final_text, depth - 1, b);
      if (!further.text.empty() && further.bad < b) {
        b = further.bad;
        final_text.swap(further.text);
      }
    }
    if (b < best.bad) {
      best.bad = b;
      best.text.swap(final_text);
    }
  }
  return best.text.empty() ? Reading{} : best;
}

// Does `s` hold a byte that may start a ligature (EF) or a curly quote (E2)?
bool may_need_plain(std::string_view s) {
  return std::memchr(s.data(), '\xEF', s.size()) || std::memchr(s.data(), '\xE2', s.size());
}

// Ligatures and curly quotes made by a repair become plain letters and
// straight quotes, as the original text most likely had them.
void plain(std::string& s) {
  std::string out;
  out.reserve(s.size());
  const char* q = s.data();
  const char* end = q + s.size();
  while (q < end) {
    const decoded_char d = decode_utf8(q, end);
    switch (d.cp) {
      case 0xFB00: out += "ff"; break;
      case 0xFB01: out += "fi"; break;
      case 0xFB02: out += "fl"; break;
      case 0xFB03: out += "ffi"; break;
      case 0xFB04: out += "ffl"; break;
      case 0x2018: case 0x2019: out += '\''; break;
      case 0x201C: case 0x201D: out += '"'; break;
      default: out.append(q, d.len);
    }
    q += d.len;
  }
  s.swap(out);
}

char32_t lookalike(const detail::Lookalike* t, std::size_t n, char32_t c) {
  const auto* end = t + n;
  const auto* it = std::lower_bound(t, end, c, [](const detail::Lookalike& a, char32_t x) { return a.from < x; });
  return it != end && it->from == c ? it->to : 0;
}

// A word of Latin letters holding Cyrillic lookalikes (or the reverse) in
// its minority script, mapped to its majority script: "Tеlеgram" (two
// Cyrillic е) -> "Telegram". Left alone: words whose minority letters have
// no lookalike (EDRiПри is two words glued), ties, and words in capitals,
// where both scripts' capitals look alike and nothing tells which was meant.
bool fix_homoglyphs(std::string_view w, std::string& out) {
  int lat = 0, cyr = 0, upper = 0, letters = 0;
  for (const char* q = w.data(); q < w.data() + w.size();) {
    const decoded_char d = decode_utf8(q, w.data() + w.size());
    q += d.len;
    const script sc = detail::script_fast(d.cp);
    lat += sc == script::latin;
    cyr += sc == script::cyrillic;
    if (is_letter(d.cp)) {
      ++letters;
      upper += is_upper(d.cp);
    }
  }
  if (lat == 0 || cyr == 0 || lat == cyr || upper == letters) return false;
  const bool to_latin = lat > cyr;
  {
    // the minority letters in one run of two or more at an edge of the word
    // are a glued word ("SIMкарта"), not lookalikes
    const script minority = to_latin ? script::cyrillic : script::latin;
    int runs = 0, run_len = 0, longest = 0;
    bool at_edge = false, prev_min = false;
    std::size_t pos = 0;
    for (const char* q = w.data(); q < w.data() + w.size(); ++pos) {
      const decoded_char d = decode_utf8(q, w.data() + w.size());
      const bool is_min = detail::script_fast(d.cp) == minority;
      if (is_min && !prev_min) {
        ++runs;
        run_len = 0;
        if (q == w.data()) at_edge = true;
      }
      if (is_min) longest = std::max(longest, ++run_len);
      q += d.len;
      if (is_min && q == w.data() + w.size()) at_edge = true;
      prev_min = is_min;
    }
    if (runs == 1 && longest >= 2 && at_edge) return false;
  }
  out.clear();
  for (const char* q = w.data(); q < w.data() + w.size();) {
    const decoded_char d = decode_utf8(q, w.data() + w.size());
    q += d.len;
    const script sc = detail::script_fast(d.cp);
    if ((to_latin && sc == script::cyrillic) || (!to_latin && sc == script::latin)) {
      const char32_t m = to_latin
                             ? lookalike(detail::kCyrillicToLatin, detail::kCyrillicToLatinSize, d.cp)
                             : lookalike(detail::kLatinToCyrillic, detail::kLatinToCyrillicSize, d.cp);
      if (m == 0) return false;
      append_utf8(out, m);
    } else {
      append_utf8(out, d.cp);
    }
  }
  return true;
}

bool is_invisible(char32_t c) {
  return c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

// Homoglyphs and invisible characters of a text that is otherwise clean.
std::string fix_letters(std::string_view in, std::vector<RepairEdit>* edits, const RepairOptions& o) {
  std::string out;
  out.reserve(in.size());
  std::string fixed;
  std::size_t i = 0;
  while (i < in.size()) {
    const decoded_char d = decode_utf8(in.data() + i, in.data() + in.size());
    if (o.invisible && is_invisible(d.cp)) {
      if (edits)
        edits->push_back(RepairEdit{Span{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + d.len), 0, 0},
                                    static_cast<std::uint32_t>(repair_kind::invisible), {}});
      i += d.len;
      continue;
    }
    if (o.homoglyphs && is_letter(d.cp)) {
      // the word: letters only
      std::size_t j = i;
      bool mixed_possible = false;
      while (j < in.size()) {
        const decoded_char e = decode_utf8(in.data() + j, in.data() + in.size());
        if (!is_letter(e.cp)) break;
        mixed_possible = mixed_possible || e.cp >= 0x80;
        j += e.len;
      }
      const std::string_view w = in.substr(i, j - i);
      if (mixed_possible && fix_homoglyphs(w, fixed)) {
        if (edits)
          edits->push_back(RepairEdit{Span{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), 0, 0},
                                      static_cast<std::uint32_t>(repair_kind::homoglyph), fixed});
        out += fixed;
      } else {
        out.append(w);
      }
      i = j;
      continue;
    }
    out.append(in.data() + i, d.len);
    i += d.len;
  }
  return out;
}

// Could the text hold a homoglyph word or an invisible character? A quick
// look for a Latin letter next to a Cyrillic one, or for U+00AD, U+200B,
// U+2060, U+FEFF.
bool may_need_letters(std::string_view s, const RepairOptions& o) {
  script prev = script::common;
  const char* const end = s.data() + s.size();
  for (const char* q = s.data(); q < end;) {
#if defined(__SSE2__)
    // 16 ASCII bytes at a time: inside them no script changes but at their
    // first letter, after a Cyrillic one; after them the script is the last
    // byte's
    unsigned carry = 0;  // 1: the last block read ended with a lead byte, whose continuation opens this one
    while (end - q >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
      if (const unsigned hi = static_cast<unsigned>(_mm_movemask_epi8(v))) {
        // 16 bytes of letters of U+0400..U+047F (leads D0, D1) and ASCII
        // non-letters: no script changes inside them either, and no
        // invisible character; a lead byte at the end is read with the next
        // block (its continuation byte opens it: `carry`). Anything else
        // goes by bytes. Each block starts 16 bytes on, not after a test of
        // the one before: a step over a cut letter bound the loop to its
        // latency.
        const unsigned lead = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD0))),
                         _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD1))))));
        const unsigned cont = detail::continuation_mask(v);
        if (detail::ascii_letter_mask(v) != 0 || (hi & ~(lead | cont)) != 0 ||
            cont != (((lead << 1) | carry) & 0xFFFFu) || (prev == script::latin && (lead & 1u)))
          break;
        carry = (lead >> 15) & 1u;
        prev = ((lead | cont) >> 15) & 1u ? script::cyrillic : script::common;
        q += 16;
        continue;
      }
      if (carry) break;  // (the lead before has no continuation byte: invalid UTF-8, read by bytes)
      const auto first = static_cast<unsigned char>(q[0]), last = static_cast<unsigned char>(q[15]);
      if (prev == script::cyrillic && static_cast<unsigned>((first | 0x20) - 'a') < 26u) break;
      prev = static_cast<unsigned>((last | 0x20) - 'a') < 26u ? script::latin : script::common;
      q += 16;
    }
    // (a lead that ended the last block read is read again with its
    // continuation byte; the character before it was no Latin letter, the
    // only script the byte path asks of it)
    if (carry) --q, prev = script::common;
    if (q >= end) break;
#endif
    // ASCII and U+0400..U+047F (no invisible character among them) on bytes
    const auto b = static_cast<unsigned char>(*q);
    if (b < 0x80) {
      const bool letter = static_cast<unsigned>((b | 0x20) - 'a') < 26u;
      if (letter && o.homoglyphs && prev == script::cyrillic) return true;
      prev = letter ? script::latin : script::common;
      ++q;
      continue;
    }
    if ((b == 0xD0 || b == 0xD1) && end - q >= 2 && (static_cast<unsigned char>(q[1]) & 0xC0) == 0x80) {
      if (o.homoglyphs && prev == script::latin) return true;
      prev = script::cyrillic;
      q += 2;
      continue;
    }
    const decoded_char d = decode_utf8(q, end);
    q += d.len;
    if (o.invisible && is_invisible(d.cp)) return true;
    const script sc = detail::script_fast(d.cp);
    if (o.homoglyphs && ((prev == script::latin && sc == script::cyrillic) ||
                         (prev == script::cyrillic && sc == script::latin)))
      return true;
    prev = sc;
  }
  return false;
}

std::string repair_mojibake(std::string_view in, std::vector<RepairEdit>* edits);

}  // namespace

namespace {

// repair_text, and without `want_text` only its edits (an empty string back)
std::string repair(std::string_view in, std::vector<RepairEdit>* edits, const RepairOptions& o, bool want_text) {
  std::vector<RepairEdit> found;
  const bool want_letters = (o.homoglyphs || o.invisible) && may_need_letters(in, o);
  // (text needing no repair is copied only when the text is wanted)
  std::string text = !o.mojibake                    ? (want_text ? std::string(in) : std::string())
                     : want_text || suspicious(in) ? repair_mojibake(in, edits || want_letters ? &found : nullptr)
                                                    : std::string();
  if (!want_letters) {
    if (edits) edits->insert(edits->end(), found.begin(), found.end());
    return want_text ? text : std::string();
  }
  // Letters are judged on the input; where mojibake was undone, its repair
  // stands and the letter repairs inside it are dropped.
  std::vector<RepairEdit> letters;
  fix_letters(in, &letters, o);
  std::vector<RepairEdit> all;
  all.reserve(found.size() + letters.size());
  std::size_t m = 0;
  for (RepairEdit& l : letters) {
    while (m < found.size() && found[m].span.end <= l.span.start) all.push_back(std::move(found[m++]));
    if (m < found.size() && found[m].span.start < l.span.end) continue;  // inside a mojibake repair
    all.push_back(std::move(l));
  }
  while (m < found.size()) all.push_back(std::move(found[m++]));
  std::string out;
  if (want_text) {
    out.reserve(in.size());
    std::size_t pos = 0;
    for (const RepairEdit& e : all) {
      out.append(in.substr(pos, e.span.start - pos));
      out += e.replacement;
      pos = e.span.end;
    }
    out.append(in.substr(pos));
  }
  if (edits) edits->insert(edits->end(), std::make_move_iterator(all.begin()), std::make_move_iterator(all.end()));
  return out;
}

}  // namespace

std::string repair_text(std::string_view in, std::vector<RepairEdit>* edits, const RepairOptions& o) {
  return repair(in, edits, o, true);
}

namespace detail {
void repair_edits(std::string_view in, std::vector<RepairEdit>& edits, const RepairOptions& o) {
  repair(in, &edits, o, false);
}
}  // namespace detail

namespace {

// `t` with UTF-8 misreads undone, up to three rounds for double encodings;
// empty when no reading is better.
std::string undo_in_rounds(std::string_view t) {
  std::string text(t);
  bool any = false;
  for (int round = 0; round < 3; ++round) {
    Reading next = undo_utf8_misread(text);
    if (next.text.empty()) break;
    text.swap(next.text);
    any = true;
    if (next.bad == 0) break;  // clean now
  }
  if (!any) return std::string();
  if (may_need_plain(text)) plain(text);
  return text;
}

std::string repair_mojibake(std::string_view in, std::vector<RepairEdit>* edits) {
  if (!suspicious(in)) return std::string(in);
  // Whole text first: mojibake usually garbles all of it.
  std::string cur = undo_in_rounds(in);
  if (!cur.empty()) {
    if (edits) {
      // An edit per changed word, so that offsets inside the text still map
      // closely to the original: spaces and line breaks come through a
      // misread unchanged, so both sides split into as many words. When
      // they do not (a no-break space became a space), one edit covers the
      // changed middle of the text.
      auto split = [](std::string_view t) {
        std::vector<std::pair<std::size_t, std::size_t>> v;
        std::size_t i = 0;
        while (i < t.size()) {
          while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
          std::size_t j = i;
          while (j < t.size() && !(t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r')) ++j;
          if (j > i) v.emplace_back(i, j);
          i = j;
        }
        return v;
      };
      const auto wi = split(in);
      const auto wc = split(cur);
      if (wi.size() == wc.size()) {
        for (std::size_t k = 0; k < wi.size(); ++k) {
          const std::string_view a = in.substr(wi[k].first, wi[k].second - wi[k].first);
          const std::string_view b = std::string_view(cur).substr(wc[k].first, wc[k].second - wc[k].first);
          if (a == b) continue;
          // within the word, only what changed (the apostrophe of "wasnвЂ™t")
          std::size_t p = 0;
          while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
          while (p > 0 && ((p < a.size() && (static_cast<unsigned char>(a[p]) & 0xC0) == 0x80) ||
                           (p < b.size() && (static_cast<unsigned char>(b[p]) & 0xC0) == 0x80)))
            --p;
          std::size_t ea = a.size(), eb = b.size();
          while (ea > p && eb > p && a[ea - 1] == b[eb - 1]) --ea, --eb;
          while ((ea < a.size() && (static_cast<unsigned char>(a[ea]) & 0xC0) == 0x80) ||
                 (eb < b.size() && (static_cast<unsigned char>(b[eb]) & 0xC0) == 0x80))
            ++ea, ++eb;
          edits->push_back(RepairEdit{Span{static_cast<std::uint32_t>(wi[k].first + p),
                                           static_cast<std::uint32_t>(wi[k].first + ea), 0, 0},
                                      static_cast<std::uint32_t>(repair_kind::mojibake),
                                      std::string(b.substr(p, eb - p))});
        }
      } else {
        std::size_t a = 0;
        while (a < in.size() && a < cur.size() && in[a] == cur[a]) ++a;
        while (a > 0 && a < in.size() && (static_cast<unsigned char>(in[a]) & 0xC0) == 0x80) --a;
        std::size_t bi = in.size(), bc = cur.size();
        while (bi > a && bc > a && in[bi - 1] == cur[bc - 1]) --bi, --bc;
        while (bi < in.size() && (static_cast<unsigned char>(in[bi]) & 0xC0) == 0x80) ++bi, ++bc;
        edits->push_back(RepairEdit{Span{static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(bi), 0, 0},
                                    static_cast<std::uint32_t>(repair_kind::mojibake),
                                    cur.substr(a, bc - a)});
      }
    }
    return cur;
  }
  // Word by word: mixed lines, and the 8-bit confusions.
  struct Word {
    std::size_t a, b;   // [a, b) in `in`
    std::string fixed;  // empty: unchanged
    int chain = -1;     // 8-bit chain that fixed it
    bool merged = false;  // joined to the word before it
  };
  std::vector<Word> words;
  for (std::size_t i = 0; i < in.size();) {
    std::size_t j = i;
    while (j < in.size() && in[j] != ' ' && in[j] != '\t' && in[j] != '\n' && in[j] != '\r') ++j;
    if (j > i) words.push_back(Word{i, j, {}, -1, false});
    i = j + 1;
  }
  // Marks around a word (quotes, brackets, dashes, ASCII punctuation) are
  // not part of its garbling.
  auto core_of = [&](std::size_t a, std::size_t b) {
    auto edge = [](char32_t c) {
      return (c < 0x80 && !std::isalnum(static_cast<int>(c))) || c == 0xAB || c == 0xBB ||
             c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2013 || c == 0x2014 ||
             c == 0xFFFD;  // an invalid byte beside a word is its own repair
    };
    while (a < b) {
      const decoded_char d = decode_utf8(in.data() + a, in.data() + b);
      if (!edge(d.cp)) break;
      a += d.len;
    }
    while (b > a) {
      std::size_t k = b - 1;
      while (k > a && (static_cast<unsigned char>(in[k]) & 0xC0) == 0x80) --k;
      if (!edge(decode_utf8(in.data() + k, in.data() + b).cp)) break;
      b = k;
    }
    return std::pair<std::size_t, std::size_t>{a, b};
  };
  int line_chain = -1;
  for (std::size_t n = 0; n < words.size(); ++n) {
    Word& wd = words[n];
    if (wd.merged) continue;
    const std::string_view w = in.substr(wd.a, wd.b - wd.a);
    // "Р оснефти": a lead byte whose no-break space became a space
    if (n + 1 < words.size() && wd.b + 1 == words[n + 1].a && in[wd.b] == ' ') {
      const decoded_char d = decode_utf8(w.data(), w.data() + w.size());
      if (d.len == w.size() && (d.cp == 0x420 || d.cp == 0x421 || d.cp == 0xD0 || d.cp == 0xD1 ||
                                d.cp == 0xC3 || d.cp == 0xC2) &&
          suspicious(in.substr(words[n + 1].a, words[n + 1].b - words[n + 1].a))) {
        std::string both = undo_in_rounds(in.substr(wd.a, words[n + 1].b - wd.a));
        if (!both.empty()) {
          wd.fixed = both;
          wd.b = words[n + 1].b;
          words[n + 1].merged = true;  // not erased: that would be quadratic
          continue;
        }
      }
    }
    if (!suspicious(w)) continue;
    // the word's core, then the whole word (a word that is the whole text
    // was tried above)
    const auto [ca, cb] = core_of(wd.a, wd.b);
    if (cb > ca && (ca > wd.a || cb < wd.b)) {
      std::string core = undo_in_rounds(in.substr(ca, cb - ca));
      if (!core.empty()) {
        wd.a = ca;  // the edit covers what changed
        wd.b = cb;
        wd.fixed = std::move(core);
      }
    }
    if (wd.fixed.empty() && w.size() != in.size()) wd.fixed = undo_in_rounds(w);
    if (wd.fixed.empty()) {
      Fix8 f = fix_8bit_word(in.substr(ca, cb - ca));
      if (!f.text.empty()) {
        wd.fixed = std::string(in.substr(wd.a, ca - wd.a)) + f.text + std::string(in.substr(cb, wd.b - cb));
        wd.chain = f.chain;
        if (f.sure) line_chain = f.chain;
      }
    }
  }
  // The same confusion garbles a whole text: once a word shows it surely,
  // the other words are read through it too (lower-case words become
  // capitals under KOI8-R/cp1251 and show no mark of their own).
  if (line_chain >= 0) {
    for (Word& wd : words) {
      if (wd.merged || !wd.fixed.empty()) continue;
      const auto [ca, cb] = core_of(wd.a, wd.b);
      if (cb <= ca) continue;
      Fix8 f = fix_8bit_word(in.substr(ca, cb - ca), line_chain);
      if (!f.text.empty())
        wd.fixed = std::string(in.substr(wd.a, ca - wd.a)) + f.text + std::string(in.substr(cb, wd.b - cb));
    }
  }
  std::string out;
  out.reserve(in.size());
  std::size_t pos = 0;
  for (const Word& wd : words) {
    if (wd.merged || wd.fixed.empty() || in.substr(wd.a, wd.b - wd.a) == wd.fixed) continue;
    out.append(in.substr(pos, wd.a - pos));
    out += wd.fixed;
    if (edits)
      edits->push_back(RepairEdit{Span{static_cast<std::uint32_t>(wd.a), static_cast<std::uint32_t>(wd.b), 0, 0},
                                  static_cast<std::uint32_t>(repair_kind::mojibake), wd.fixed});
    pos = wd.b;
  }
  out.append(in.substr(pos));
  return out;
}

}  // namespace

SKAZ_END_NAMESPACE
}  // namespace skaz
