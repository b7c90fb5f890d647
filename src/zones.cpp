// Zones: what of a scraped page is the article body. Scrapers glue photo
// captions, credits, repeated titles and links to related articles into the
// text, often without a space; these rules find them between paragraphs and
// inside them:
//  - title: a short first paragraph without a final period;
//  - title_repeat: the title again, alone or glued into a paragraph;
//  - caption: "© Agency / Author ..." up to the next glue point (the title, a
//    new ©, a closing quote glued to a capital, a script change);
//  - related_link: the rest of such a block when it is a lower-case fragment
//    (a headline that lost its subject), or "Read also: «…»";
//  - subheading: a short paragraph without final punctuation between body
//    paragraphs; byline: "By First Last".
#include <cstring>

#include "chars_inline.hpp"
#include "segment_impl.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

namespace {

using zk = zone_kind;

struct Text {
  std::string_view t;
  decoded_char at(std::uint32_t i, std::uint32_t end) const {
    return decode_utf8(t.data() + i, t.data() + end);
  }
  bool starts_with(std::uint32_t i, std::uint32_t end, std::string_view p) const {
    return end - i >= p.size() && t.compare(i, p.size(), p) == 0;
  }
  std::uint32_t skip_spaces(std::uint32_t i, std::uint32_t end) const {
    while (i < end) {
      const decoded_char d = at(i, end);
      if (!is_space(d.cp)) break;
      i += d.len;
    }
    return i;
  }
  std::uint32_t trim_end(std::uint32_t a, std::uint32_t b) const {
    while (b > a) {
      std::uint32_t k = b - 1;
      while (k > a && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
      if (!is_space(at(k, b).cp)) break;
      b = k;
    }
    return b;
  }
};

void push(std::vector<Span>& out, std::uint32_t a, std::uint32_t b, zk kind) {
  if (b > a) out.push_back(Span{a, b, static_cast<std::uint32_t>(kind), 0});
}

// Words in p, counted up to limit + 1 (the callers compare with a limit).
int count_words(const Text& x, Span p, int limit) {
  int words = 0;
  bool in = false;
  for (std::uint32_t i = p.start; i < p.end && words <= limit;) {
    const decoded_char d = x.at(i, p.end);
    const bool w = is_letter(d.cp) || detail::digit_fast(d.cp);
    if (w && !in) ++words;
    in = w || (in && (d.cp == '-' || d.cp == '\''));
    i += d.len;
  }
  return words;
}

char32_t last_char(const Text& x, Span p) {
  if (p.empty()) return 0;
  std::uint32_t k = p.end - 1;
  while (k > p.start && (static_cast<unsigned char>(x.t[k]) & 0xC0) == 0x80) --k;
  return x.at(k, p.end).cp;
}

char32_t first_char(const Text& x, Span p) { return p.empty() ? 0 : x.at(p.start, p.end).cp; }

bool ends_like_sentence(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' || c == ',' ||
         c == 0xBB || c == 0x201D || c == '"' || c == ')';
}

bool starts_credit(const Text& x, std::uint32_t i, std::uint32_t end) {
  return x.starts_with(i, end, "\xC2\xA9") ||  // ©
         x.starts_with(i, end, "Photo:") || x.starts_with(i, end, "Фото:") ||
         x.starts_with(i, end, "Photo by ") || x.starts_with(i, end, "Фото ");
}

bool starts_related(const Text& x, std::uint32_t i, std::uint32_t end) {
  for (std::string_view p : {"Read also", "See also", "Also read", "Read more", "Related:",
                             "Читайте также", "Смотрите также", "См. также", "Читать также"}) {
    if (x.starts_with(i, end, p)) return true;
  }
  return false;
}

// The next glue point after `from`: where a caption or related link ends
// and other text begins. Returns {position, length of the glued closing mark
// that belongs to the left side}.
std::uint32_t glue_point(const Text& x, std::uint32_t from, std::uint32_t end,
                         std::string_view title) {
  script prev_script = script::common;
  char32_t prev = 0;
  int lower_run = 0;        // lower-case letters just before i
  bool word_capital = false;  // the current word starts with a capital
  for (std::uint32_t i = from; i < end;) {
    const decoded_char d = x.at(i, end);
    if (i > from) {
      // a capitalised name runs into the next word: "Jane RoeThe", "СмирноваВласти"
      if (word_capital && lower_run >= 2 && is_upper(d.cp) && i + d.len < end &&
          is_lower(x.at(i + d.len, end).cp))
        return i;
      if (title.size() >= 12 && x.starts_with(i, end, title)) return i;
      if (d.cp == 0xA9) return i;  // a new ©
      // closing quote glued to a capital: «…Telegram»I would
      if ((prev == 0xBB || prev == 0x201D) && is_upper(d.cp)) return i;
      // a script change inside a word: EDRiПри
      const script s = detail::script_fast(d.cp);
      if (is_letter(prev) && is_letter(d.cp) && is_upper(d.cp) &&
          ((prev_script == script::latin && s == script::cyrillic) ||
           (prev_script == script::cyrillic && s == script::latin)))
        return i;
    }
    if (!is_letter(prev) && is_letter(d.cp)) word_capital = is_upper(d.cp);
    lower_run = is_lower(d.cp) ? lower_run + 1 : 0;
    prev = d.cp;
    prev_script = detail::script_fast(d.cp);
    i += d.len;
  }
  return end;
}

// End of the credit itself: "© Agency / First [to] Last" and an optional
// photo-bank phrase ("in fotobank", "the image Bank", "/ Фотобанк").
std::uint32_t credit_end(const Text& x, std::uint32_t a, std::uint32_t b) {
  std::uint32_t i = a;
  // find the slash
  std::uint32_t slash = b;
  for (std::uint32_t k = a; k < b; ++k) {
    if (x.t[k] == '/') { slash = k; break; }
  }
  if (slash == b) return b;
  i = x.skip_spaces(slash + 1, b);
  // capitalised name words, possibly joined by a lower-case particle
  std::uint32_t last = i;
  int names = 0;
  while (i < b) {
    std::uint32_t ws = i;
    std::uint32_t we = ws;
    bool cap = false, first = true;
    while (we < b) {
      const decoded_char d = x.at(we, b);
      if (!(is_letter(d.cp) || d.cp == '-' || d.cp == '.')) break;
      if (first) cap = is_upper(d.cp);
      first = false;
      we += d.len;
    }
    if (we == ws) break;
    const int len = static_cast<int>(we - ws);
    if (cap) {
      ++names;
      last = we;
    } else if (!(names > 0 && len <= 3)) {  // "to", "de", "van" between names
      break;
    }
    i = x.skip_spaces(we, b);
    if (names >= 2) break;  // First Last; a capitalised word after them is the caption's
  }
  if (names == 0) return b;
  // a photo-bank phrase: up to three words, one of them about photos or banks
  std::uint32_t j = x.skip_spaces(last, b);
  std::uint32_t end_phrase = last;
  for (int w = 0; w < 3 && j < b; ++w) {
    std::uint32_t we = j;
    while (we < b && is_letter(x.at(we, b).cp)) we += x.at(we, b).len;
    if (we == j) break;
    const std::string_view word = x.t.substr(j, we - j);
    auto has = [&](std::string_view p) {
      if (word.size() < p.size()) return false;
      for (std::size_t k = 0; k < p.size(); ++k)
        if ((word[k] | 0x20) != p[k]) return false;
      return true;
    };
    if (has("foto") || has("photo") || has("image") || has("bank") || has("archiv") ||
        word.rfind("\xD1\x84\xD0\xBE\xD1\x82\xD0\xBE", 0) == 0 ||  // фото
        word.rfind("\xD0\xA4\xD0\xBE\xD1\x82\xD0\xBE", 0) == 0) {  // Фото
      end_phrase = we;
    }
    j = x.skip_spaces(we, b);
  }
  return end_phrase;
}

}  // namespace

void zones(std::string_view text, const std::vector<Span>& paras, std::vector<Span>& out) {
  const Text x{text};
  if (paras.empty()) return;
  std::string_view title;
  std::size_t first_body = 0;
  {
    const Span p = paras[0];
    const char32_t last = last_char(x, p);
    const bool title_like = paras.size() > 1 && count_words(x, p, 25) <= 25 && last != '.' &&
                            last != ',' && last != ';' && !starts_credit(x, p.start, p.end);
    if (title_like) {
      push(out, p.start, p.end, zk::title);
      title = text.substr(p.start, p.size());
      first_body = 1;
    }
  }
  for (std::size_t n = first_body; n < paras.size(); ++n) {
    const Span p = paras[n];
    std::uint32_t pos = p.start;
    // inline boilerplate at the start of the paragraph
    for (;;) {
      pos = x.skip_spaces(pos, p.end);
      if (pos >= p.end) break;
      if (title.size() >= 12 && x.starts_with(pos, p.end, title)) {
        push(out, pos, pos + static_cast<std::uint32_t>(title.size()), zk::title_repeat);
        pos += static_cast<std::uint32_t>(title.size());
        continue;
      }
      if (starts_credit(x, pos, p.end)) {
        const std::uint32_t end = glue_point(x, pos, p.end, title);
        const std::uint32_t ce = credit_end(x, pos, end);
        const std::uint32_t rest = x.skip_spaces(ce, end);
        if (rest < end && is_lower(x.at(rest, end).cp)) {
          push(out, pos, ce, zk::caption);
          push(out, rest, x.trim_end(rest, end), zk::related_link);
        } else {
          push(out, pos, x.trim_end(pos, end), zk::caption);
        }
        pos = end;
        continue;
      }
      if (starts_related(x, pos, p.end)) {
        // up to a closing quote glued to a capital, or the paragraph's end
        std::uint32_t end = p.end;
        for (std::uint32_t i = pos; i < p.end;) {
          const decoded_char d = x.at(i, p.end);
          if ((d.cp == 0xBB || d.cp == 0x201D) && i + d.len < p.end &&
              is_upper(x.at(i + d.len, p.end).cp)) {
            end = i + d.len;
            break;
          }
          i += d.len;
        }
        push(out, pos, end, zk::related_link);
        pos = end;
        continue;
      }
      break;
    }
    if (pos >= p.end) continue;
    const Span rest{pos, p.end, 0, 0};
    const std::string_view body = text.substr(rest.start, rest.size());
    const bool whole = pos == p.start;
    if (whole && body == title) {
      push(out, rest.start, rest.end, zk::title_repeat);
      continue;
    }
    const char32_t last = last_char(x, rest);
    const char32_t first = first_char(x, rest);
    if (whole && n + 1 < paras.size() && !ends_like_sentence(last) &&
        (is_upper(first) || detail::digit_fast(first)) && count_words(x, rest, 10) <= 10) {
      const bool byline = body.rfind("By ", 0) == 0 || body.rfind("Автор:", 0) == 0 ||
                          body.rfind("Author:", 0) == 0;
      push(out, rest.start, rest.end, byline ? zk::byline : zk::subheading);
      continue;
    }
    push(out, rest.start, rest.end, zk::body);
  }
}

namespace {

// The first position in [a, b) where a glue point may be: a capital letter
// after a letter, itself before a lower-case one (b when there is none). It
// may say yes where there is none (a continuation byte reads as a letter's
// end, a letter outside ASCII and а..я, А..Я as a capital, any byte from
// 0x80 as lower case): glued_words reads from there exactly. It never says
// yes at a character that has no capitals: U+0080..U+00BF (C2: « » and the
// no-break space) and U+2000..U+207F (E2 80, E2 81: dashes, curly quotes),
// which close Russian words often. Nearly every paragraph has no such
// place, and 16 bytes are ruled out at a time.
#if defined(__SSE2__)
// The candidates among the 16 bytes at p, a bit each (p[-1] and p[16..18]
// are read).
inline unsigned glue_candidates(const char* p) {
  const __m128i d0 = _mm_set1_epi8(static_cast<char>(0xD0)), d1 = _mm_set1_epi8(static_cast<char>(0xD1));
  const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  const __m128i vp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1));
  const __m128i zero = _mm_setzero_si128();
  if (_mm_movemask_epi8(v0) == 0) {
    // 16 ASCII bytes (most chunks of English): A..Z after a letter or a
    // multi-byte character's last byte, before a..z or a byte from 0x80.
    // One test, taken whether or not the chunk holds a capital: English
    // has one in most chunks, and a branch on it mispredicted.
    const __m128i after_letter = _mm_or_si128(ascii_letter_bytes(vp), _mm_cmplt_epi8(vp, zero));
    const __m128i before_lower = _mm_or_si128(bytes_in(v1, 'a', 'z'), _mm_cmplt_epi8(v1, zero));
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_and_si128(after_letter, bytes_in(v0, 'A', 'Z')), before_lower)));
  }
  // a lead byte of another block that has capitals: not D0 D1 (Cyrillic,
  // below), C2, nor E2 before 80 or 81
  const __m128i cyr_lead = _mm_or_si128(_mm_cmpeq_epi8(v0, d0), _mm_cmpeq_epi8(v0, d1));
  const __m128i punct_lead = _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8(static_cast<char>(0xE2))), bytes_in(v1, 0x80, 0x81));
  const __m128i other_lead = _mm_andnot_si128(_mm_or_si128(cyr_lead, punct_lead), bytes_in(v0, 0xC3, 0xF4));
  // A..Z; Ѐ..Я (D0 80..AF) and the capitals of D1 (Ѡ ..)
  const __m128i cap_ascii = bytes_in(v0, 'A', 'Z');
  const __m128i cap_cyr = _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, d0), bytes_in(v1, 0x80, 0xAF)),
                                       _mm_and_si128(_mm_cmpeq_epi8(v0, d1), bytes_in(v1, 0x90, 0xBF)));
  // a letter (or any multi-byte character) ends right before
  const __m128i after_letter = _mm_or_si128(ascii_letter_bytes(vp), bytes_in(vp, 0x80, 0xBF));
  // (most chunks of prose hold no capital or other block's letter right
  // after a letter, a fifth of Russian ones some capital: the rest of the
  // test is for the few that do)
  if (_mm_movemask_epi8(_mm_and_si128(after_letter, _mm_or_si128(other_lead, _mm_or_si128(cap_ascii, cap_cyr)))) == 0)
    return 0;
  const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  const __m128i v3 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 3));
  // lower case, or perhaps (at x, with y after it)
  auto maybe_lower = [&](__m128i x, __m128i y) {
    const __m128i cyr = _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(x, d0), bytes_in(y, 0xB0, 0xBF)),
                                     _mm_and_si128(_mm_cmpeq_epi8(x, d1), bytes_in(y, 0x80, 0xBF)));
    const __m128i other = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(x, d0), _mm_cmpeq_epi8(x, d1)), bytes_in(x, 0xC2, 0xF4));
    return _mm_or_si128(_mm_or_si128(bytes_in(x, 'a', 'z'), cyr), other);
  };
  const __m128i upper_ascii = _mm_and_si128(cap_ascii, maybe_lower(v1, v2));
  const __m128i upper_cyr = _mm_and_si128(cap_cyr, maybe_lower(v2, v3));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_and_si128(after_letter, _mm_or_si128(_mm_or_si128(upper_ascii, upper_cyr), other_lead))));
}
#endif

std::uint32_t first_glue_candidate(const char* base, std::uint32_t a, std::uint32_t b) {
  std::uint32_t i = a;
#if defined(__SSE2__)
  if (i < b) ++i;  // the range's first byte has no letter before it here
  for (; i + 19 <= b; i += 16)
    if (const unsigned m = glue_candidates(base + i)) return i + static_cast<std::uint32_t>(__builtin_ctz(m));
  if (i < b) {
    // the last bytes (fewer than 19) the same way, from a copy with zeros
    // after them: a zero is no letter, so no place there reads as a glue
    // point, as none does at the range's end
    char buf[1 + 48] = {};
    buf[0] = base[i - 1];
    std::memcpy(buf + 1, base + i, b - i);
    for (std::uint32_t o = 0; o < b - i; o += 16) {
      unsigned m = glue_candidates(buf + 1 + o);
      if (b - i - o < 16) m &= (1u << (b - i - o)) - 1u;
      if (m) return i + o + static_cast<std::uint32_t>(__builtin_ctz(m));
    }
  }
  return b;
#else
  // a byte at a time, more warily: any capital or lead byte
  for (; i < b; ++i) {
    const auto c = static_cast<unsigned char>(base[i]);
    if ((c >= 'A' && c <= 'Z') || c >= 0xC0) return i;
  }
  return b;
#endif
}

}  // namespace

void glued_words(std::string_view text, Span range, std::vector<Span>& out, bool skip) {
  const Text x{text};
  const char* const base = text.data();
  // From the last ASCII byte that is no letter before the first possible
  // glue point the state is the one the whole loop would have there (a word
  // starts after it): the bytes before it hold no glue point.
  // (and so again after each such place, once a word has ended past it)
  auto word_before = [&](std::uint32_t c, std::uint32_t from) {  // where the word holding c starts
    std::uint32_t r = c;
    while (r > from) {
      const auto b = static_cast<unsigned char>(base[r - 1]);
      if (b < 0x80 && static_cast<unsigned>((b | 0x20) - 'a') >= 26u) break;
      --r;
    }
    return r;
  };
  std::uint32_t cand = range.start;  // the last possible glue point found
  if (skip) {
    cand = first_glue_candidate(base, range.start, range.end);
    if (cand >= range.end) return;
    range.start = word_before(cand, range.start);
  }
  std::uint32_t ws = range.start;
  int lower_run = 0;
  char32_t prev = 0;
  script prev_script = script::common;
  bool word_starts_lower = false;
  for (std::uint32_t i = range.start; i < range.end;) {
    // fast path: a lower-case ASCII letter or а..я inside a word only
    // counts (a glue point is an upper-case letter after a letter)
    {
      const auto b0 = static_cast<unsigned char>(base[i]);
      char32_t lc = 0;
      std::uint32_t len = 0;
      if (b0 < 0x80 && static_cast<unsigned>((b0 | 0x20) - 'a') >= 26u) {  // ASCII, no letter
        lower_run = 0;
        prev = b0;
        prev_script = script::common;
        ws = i + 1;
        ++i;
        // past the last possible glue point: the state here is a word's
        // start's, as it is after the bytes up to the next such point
        if (skip && i > cand) {
          cand = first_glue_candidate(base, i, range.end);
          if (cand >= range.end) return;
          i = ws = word_before(cand, i);
        }
        continue;
      }
      if (b0 >= 'a' && b0 <= 'z') lc = b0, len = 1;
      else if (i + 1 < range.end && lower_ru2(b0, static_cast<unsigned char>(base[i + 1])))
        lc = (char32_t{b0 & 0x1Fu} << 6) | (static_cast<unsigned char>(base[i + 1]) & 0x3Fu), len = 2;
      if (!is_letter(prev)) {
        // a word's first letter, a..z, A..Z, а..я or А..Я: nothing is glued
        // before it; the word's state starts (as the general path below
        // would set it)
        if (len) {
          word_starts_lower = true;
          lower_run = 1;
          prev = lc;
          prev_script = len == 1 ? script::latin : script::cyrillic;
          i += len;
          continue;
        }
        const auto b1 = i + 1 < range.end ? static_cast<unsigned char>(base[i + 1]) : 0u;
        if ((b0 >= 'A' && b0 <= 'Z') || (b0 == 0xD0 && b1 >= 0x90 && b1 <= 0xAF)) {
          word_starts_lower = false;
          lower_run = 0;
          prev = b0 < 0x80 ? char32_t{b0} : ((char32_t{b0 & 0x1Fu} << 6) | (b1 & 0x3Fu));
          prev_script = b0 < 0x80 ? script::latin : script::cyrillic;
          i += b0 < 0x80 ? 1 : 2;
          continue;
        }
      }
      if (len && is_letter(prev)) {
        const script s = len == 1 ? script::latin : script::cyrillic;
        if (s == prev_script) {
          // and the rest of the run of such letters in one loop
          std::uint32_t j = i + len;
          int run = 1;
          if (len == 1) {
            const auto e = static_cast<std::uint32_t>(detail::lower_run<lower_set::latin>(base + j, base + range.end) - base);
            run += static_cast<int>(e - j);  // a byte a letter
            j = e;
            lc = static_cast<unsigned char>(base[j - 1]);
          } else {
            const auto e = static_cast<std::uint32_t>(detail::lower_run<lower_set::cyrillic>(base + j, base + range.end) - base);
            run += static_cast<int>(e - j) / 2;  // two bytes a letter
            j = e;
            lc = (char32_t{static_cast<unsigned char>(base[j - 2]) & 0x1Fu} << 6) |
                 (static_cast<unsigned char>(base[j - 1]) & 0x3Fu);
          }
          lower_run += run;
          prev = lc;
          i = j;
          continue;
        }
      }
    }
    const decoded_char d = x.at(i, range.end);
    const char32_t c = d.cp;
    if (!is_letter(c)) {
      lower_run = 0;
      prev = c;
      prev_script = script::common;
      ws = i + d.len;
      i += d.len;
      continue;
    }
    if (!is_letter(prev)) word_starts_lower = is_lower(c);
    const script s = detail::script_fast(c);
    const bool script_change =
        is_letter(prev) && is_upper(c) && i + d.len < range.end &&
        is_lower(x.at(i + d.len, range.end).cp) && i - ws >= 2 &&
        ((prev_script == script::latin && s == script::cyrillic) ||
         (prev_script == script::cyrillic && s == script::latin));
    // "photoRoskomnadzor": a lower-case word of 3+ letters runs into a
    // capitalised one (iPhone, McDonald, WhatsApp stay whole)
    const bool case_change = word_starts_lower && lower_run >= 3 && is_upper(c) &&
                             prev_script == s && i + d.len < range.end &&
                             is_lower(x.at(i + d.len, range.end).cp);
    if (script_change || case_change) {
      std::uint32_t we = i;
      while (we < range.end && is_letter(x.at(we, range.end).cp)) we += x.at(we, range.end).len;
      out.push_back(Span{ws, we, 0, i});
      ws = i;
      word_starts_lower = false;
    }
    lower_run = is_lower(c) ? lower_run + 1 : 0;
    prev = c;
    prev_script = s;
    i += d.len;
  }
}

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
