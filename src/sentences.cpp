// Sentence boundaries by rules, one pass over a zone. A terminal cluster
// (. ! ? … with glued closing quotes and brackets) ends a sentence when what
// follows can start one; a period after an abbreviation ends one only before
// a sentence starter; initials, list numbers, decimals, URLs, ellipses inside
// a sentence, Russian dash-introduced speech («…?» — спросил он) and short
// author remarks inside a quotation do not end one. Numbered or lettered list
// items, bullets and emoticons start or end sentences.
#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#  include <emmintrin.h>
#endif

#include "chars_inline.hpp"
#include "segment_impl.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

namespace {

bool is_terminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool is_dash_cp(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012 || c == 0x2015; }
// Marks that only close.
bool is_closer(char32_t c) {
  return c == 0xBB || c == 0x201D || c == 0x2019 || c == ')' || c == ']' || c == '}' || c == 0x203A;
}
// Marks that open, or may open (straight quotes).
bool is_opener(char32_t c) {
  return c == 0xAB || c == 0x201C || c == 0x201E || c == 0x2018 || c == '(' || c == '[' ||
         c == '{' || c == '"' || c == '\'' || c == 0x2039;
}
bool is_bullet(char32_t c) {
  return c == 0x2022 || c == 0x25E6 || c == 0x25AA || c == 0x2043 || c == 0x2023 ||
         c == 0x25CF || c == 0x25A0 || c == 0x25BA || c == 0x2219;
}
bool is_vowel(char32_t c) {
  switch (c | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: break;
  }
  switch (c) {
    case 0x430: case 0x435: case 0x451: case 0x438: case 0x43E: case 0x443: case 0x44B:
    case 0x44D: case 0x44E: case 0x44F: case 0x410: case 0x415: case 0x401: case 0x418:
    case 0x41E: case 0x423: case 0x42B: case 0x42D: case 0x42E: case 0x42F:
      return true;
    default: return false;
  }
}
bool is_roman(char32_t c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M';
}

class Scanner {
 public:
  Scanner(std::string_view text, Span range, const Profile& prof, std::vector<Span>& out)
      : t_(text), r_(range), p_(prof), out_(out) {}

  void run();

 private:
  // --- reading
  decoded_char at(std::uint32_t i) const {
    return decode_utf8(t_.data() + i, t_.data() + r_.end);
  }
  char32_t cp(std::uint32_t i) const { return i < r_.end ? at(i).cp : 0; }
  // start of the character that ends at i
  std::uint32_t prev_start(std::uint32_t i) const {
    std::uint32_t k = i - 1;
    while (k > r_.start && (static_cast<unsigned char>(t_[k]) & 0xC0) == 0x80) --k;
    return k;
  }
  char32_t before(std::uint32_t i) const { return i > r_.start ? cp(prev_start(i)) : 0; }
  std::uint32_t skip_spaces(std::uint32_t i) const {
    while (i < r_.end) {
      const decoded_char d = at(i);
      if (!is_space(d.cp)) break;
      i += d.len;
    }
    return i;
  }

  // --- sentence state
  void emit(std::uint32_t end, std::uint32_t next_start);
  void reset() {
    letters_ = digits_ = false;
    letter_scan_ = digit_scan_ = start_;
    remark_ = no_offset;
  }
  bool seen(std::uint32_t i, bool want_letter);
  int words_back(std::uint32_t from, std::uint32_t to, int cap) const;

  // --- decisions
  void find_markers();
  void on_terminal(std::uint32_t& i);
  bool can_start(std::uint32_t k, bool* lower_next) const;
  bool next_is_starter(std::uint32_t k, int min_letters = 1) const;
  abbr_class classify_period(std::uint32_t dot, bool* initial, bool* marker, bool* pronoun) const;

  std::string_view t_;
  Span r_;
  const Profile& p_;
  std::vector<Span>& out_;

  std::uint32_t start_ = 0;
  bool letters_ = false, digits_ = false;  // found in the sentence so far
  std::uint32_t letter_scan_ = 0, digit_scan_ = 0;
  std::uint32_t remark_ = no_offset;  // where an author's remark in a quote began
  int depth_ = 0;
  std::vector<std::uint32_t> markers_;  // list items that start sentences, ascending
  bool markers_ready_ = false;
  // Start of a list label ("12", "b", "в") ending just before the '.' or ')'
  // at i, preceded by a space or the zone start; no_offset when none.
  std::uint32_t label_start(std::uint32_t i) const {
    std::uint32_t s0 = i;
    while (s0 > r_.start && i - s0 < 3 && t_[s0 - 1] >= '0' && t_[s0 - 1] <= '9') --s0;
    if (s0 == i) {
      if (i >= r_.start + 1 && t_[i - 1] >= 'a' && t_[i - 1] <= 'z') s0 = i - 1;
      else if (i >= r_.start + 2 && static_cast<unsigned char>(t_[i - 2]) == 0xD0) s0 = i - 2;
      else return no_offset;
    }
    if (s0 > r_.start && t_[s0 - 1] != ' ') return no_offset;
    return s0;
  }
};

void Scanner::emit(std::uint32_t end, std::uint32_t next_start) {
  // trim
  std::uint32_t a = start_, b = end;
  a = skip_spaces(a);
  while (b > a) {
    const std::uint32_t k = prev_start(b);
    if (!is_space(cp(k))) break;
    b = k;
  }
  if (b > a) out_.push_back(Span{a, b, 0, 0});
  start_ = next_start;
  reset();
}

// Does [start_, i) hold a letter / a digit? The search resumes where it
// stopped, so each byte of a sentence is looked at once at most.
bool Scanner::seen(std::uint32_t i, bool want_letter) {
  bool& found = want_letter ? letters_ : digits_;
  std::uint32_t& k = want_letter ? letter_scan_ : digit_scan_;
  if (found) return true;
  if (k < start_) k = start_;
  while (k < i) {
    const unsigned char b = static_cast<unsigned char>(t_[k]);
    if (b < 0x80) {
      const bool hit = want_letter ? ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') : (b >= '0' && b <= '9');
      if (hit) return found = true;
      ++k;
      continue;
    }
    const decoded_char d = at(k);
    if (want_letter ? is_letter(d.cp) : detail::digit_fast(d.cp)) return found = true;
    k += d.len;
  }
  return false;
}

// Words (runs holding a letter) in [from, to), counted backwards and only up
// to `cap`: what the rules ask is "at least 4" or "at most 3". A stretch of
// 512 bytes counts as many words, which keeps each question short.
int Scanner::words_back(std::uint32_t from, std::uint32_t to, int cap) const {
  int n = 0;
  bool in = false, letter = false;
  std::uint32_t k = to;
  while (k > from && n < cap) {
    if (to - k > 512) return cap;
    const std::uint32_t p = prev_start(k);
    const char32_t c = cp(p);
    // "U.S", "p.m": a dot between letters keeps the word going
    if (c == '.' && in && p > from && is_letter(before(p))) {
      k = p;
      continue;
    }
    if (is_letter(c) || detail::digit_fast(c)) {
      in = true;
      letter = letter || is_letter(c);
    } else {
      if (in && letter) ++n;
      in = letter = false;
    }
    k = p;
  }
  if (in && letter) ++n;
  return n < cap ? n : cap;
}

// List markers: "1)", "2.", "3.)", "a.", "b)" after a space. One starts a
// sentence when it follows ; or :, or when the next or previous number (or
// letter) of the same style is also a marker in this zone.
void Scanner::find_markers() {
  struct M {
    std::uint32_t pos;
    int value;
    int style;  // 0 ")", 1 ".", 2 ".)"; +3 for letters
    bool after_colon;
  };
  std::vector<M> ms;
  // A marker ends in "." or ")" before a space: find those with memchr and
  // look back for the label.
  auto consider = [&](std::uint32_t i) {
    const char c = t_[i];
    const bool digit = c >= '0' && c <= '9';
    const bool letter = (c >= 'a' && c <= 'z');
    const bool cyr = static_cast<unsigned char>(c) == 0xD0 && i + 1 < r_.end &&
                     static_cast<unsigned char>(t_[i + 1]) >= 0xB0 &&
                     static_cast<unsigned char>(t_[i + 1]) <= 0xBF;  // а..п
    if (!digit && !letter && !cyr) return;
    if (i > r_.start && !is_space(before(i))) return;
    std::uint32_t j = i;
    int value = 0;
    if (digit) {
      while (j < r_.end && j - i < 3 && t_[j] >= '0' && t_[j] <= '9') value = value * 10 + (t_[j++] - '0');
      if (j < r_.end && t_[j] >= '0' && t_[j] <= '9') return;
    } else if (letter) {
      value = c - 'a' + 1;
      j = i + 1;
    } else {
      value = static_cast<unsigned char>(t_[i + 1]) - 0xB0 + 1;
      j = i + 2;
    }
    int style;
    if (j + 1 < r_.end && t_[j] == '.' && t_[j + 1] == ')') { style = 2; j += 2; }
    else if (j < r_.end && t_[j] == ')') { style = 0; j += 1; }
    else if (j < r_.end && t_[j] == '.') { style = 1; j += 1; }
    else return;
    if (j >= r_.end || t_[j] != ' ') return;
    if (!digit) {
      style += 3;
      // a lettered item starts with a capital: "a. The first item"
      if (!is_upper(cp(skip_spaces(j)))) return;
    }
    std::uint32_t k = i;
    while (k > r_.start && is_space(before(k))) k = prev_start(k);
    const char32_t pc = before(k);
    ms.push_back({i, value, style, pc == ';' || pc == ':'});
  };
  for (const char mark : {'.', ')'}) {
    const char* base = t_.data();
    const char* p = base + r_.start;
    const char* end = base + r_.end;
    while ((p = static_cast<const char*>(std::memchr(p, mark, static_cast<std::size_t>(end - p))))) {
      const auto pos = static_cast<std::uint32_t>(p - base);
      ++p;
      if (mark == ')' && pos > r_.start && t_[pos - 1] == '.') continue;  // ".)" seen at its '.'
      // the label: 1-3 digits, or one letter (2 bytes for Cyrillic)
      std::uint32_t s0 = pos;
      while (s0 > r_.start && pos - s0 < 3 && t_[s0 - 1] >= '0' && t_[s0 - 1] <= '9') --s0;
      if (s0 == pos) {
        if (pos >= r_.start + 1 && t_[pos - 1] >= 'a' && t_[pos - 1] <= 'z') s0 = pos - 1;
        else if (pos >= r_.start + 2 && static_cast<unsigned char>(t_[pos - 2]) == 0xD0) s0 = pos - 2;
        else continue;
      }
      consider(s0);
    }
  }
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end(), [](const M& x, const M& y) { return x.pos < y.pos; });
  // Which values each style holds (digits up to 999, letters up to 32):
  // linear however many markers there are.
  if (ms.empty()) return;
  std::vector<bool> seen(6 * 1001, false);
  for (const M& m : ms) seen[static_cast<std::size_t>(m.style * 1001 + m.value)] = true;
  for (std::size_t a = 0; a < ms.size(); ++a) {
    const M& m = ms[a];
    const std::size_t base = static_cast<std::size_t>(m.style) * 1001;
    const bool neighbour = (m.value > 0 && seen[base + static_cast<std::size_t>(m.value - 1)]) ||
                           (m.value < 1000 && seen[base + static_cast<std::size_t>(m.value + 1)]);
    // a lettered list must hold its first letter
    const bool breaks = m.after_colon || (neighbour && (m.style < 3 || seen[base + 1]));
    if (breaks) markers_.push_back(ms[a].pos);
  }
}

namespace {
// Bytes at which the scanner must look: terminals, quotes, dashes, bullets,
// emoticon eyes; C2 and E2 lead the multi-byte ones (« » … – — “ ” •).
struct Interesting {
  bool b[256] = {};
  constexpr Interesting() {
    for (unsigned char c : {'.', '!', '?', ':', ';', '=', '-', ')'}) b[c] = true;
    b[0xC2] = b[0xE2] = true;
  }
};
constexpr Interesting kInteresting{};

// First byte in [i, stop) that matters; 16 bytes at a time where SSE2 is.
// `size` is the whole text's: a block may be read past `stop` (not past the
// text) and its bits beyond `stop` are masked off.
inline std::uint32_t skip_plain(const char* t, std::uint32_t i, std::uint32_t stop,
                                std::size_t size) {
#if defined(__SSE2__)
  const __m128i c1 = _mm_set1_epi8('.'), c2 = _mm_set1_epi8('!'), c3 = _mm_set1_epi8('?'),
                c4 = _mm_set1_epi8(':'), c5 = _mm_set1_epi8(';'), c6 = _mm_set1_epi8('='),
                c7 = _mm_set1_epi8('-'), c8 = _mm_set1_epi8(static_cast<char>(0xC2)),
                c9 = _mm_set1_epi8(static_cast<char>(0xE2)), c10 = _mm_set1_epi8(')');
  while (i < stop && i + 16 <= size) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i));
    __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, c1), _mm_cmpeq_epi8(v, c2));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, c3), _mm_cmpeq_epi8(v, c4)));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, c5), _mm_cmpeq_epi8(v, c6)));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, c7), _mm_cmpeq_epi8(v, c8)));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, c9), _mm_cmpeq_epi8(v, c10)));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(m));
    if (stop - i < 16) mask &= (1u << (stop - i)) - 1u;
    if (mask != 0) return i + static_cast<std::uint32_t>(__builtin_ctz(mask));
    i += 16;
  }
#endif
  while (i < stop && !kInteresting.b[static_cast<unsigned char>(t[i])]) ++i;
  return i < stop ? i : stop;
}
}  // namespace

// Can a sentence start at k? Lower case (after opening marks and dashes) and
// continuing punctuation say no.
bool Scanner::can_start(std::uint32_t k, bool* lower_next) const {
  *lower_next = false;
  std::uint32_t j = k;
  while (j < r_.end) {
    const decoded_char d = at(j);
    if (is_opener(d.cp) || is_dash_cp(d.cp) || is_space(d.cp)) {
      j += d.len;
      continue;
    }
    if (is_lower(d.cp)) {
      *lower_next = true;
      return false;
    }
    return true;
  }
  return true;
}

// Is the word at k (after opening marks) one that starts sentences? A single
// letter followed by a period is an initial, not the conjunction "И".
bool Scanner::next_is_starter(std::uint32_t k, int min_letters) const {
  std::uint32_t j = k;
  while (j < r_.end) {
    const decoded_char d = at(j);
    if (!(is_opener(d.cp) || is_space(d.cp) || is_dash_cp(d.cp))) break;
    j += d.len;
  }
  const std::uint32_t ws = j;
  int n = 0;
  while (j < r_.end) {
    const decoded_char d = at(j);
    if (!is_letter(d.cp)) break;
    j += d.len;
    ++n;
  }
  if (n < min_letters) return false;
  if (n == 1 && j < r_.end && t_[j] == '.') return false;
  return p_.starter(t_.substr(ws, j - ws));
}

// What the word before the period at `dot` is. Sets *initial for single
// capital letters (initials) and *marker for a list label that opens the
// sentence (IV., PS., a.).
abbr_class Scanner::classify_period(std::uint32_t dot, bool* initial, bool* marker,
                                    bool* pronoun) const {
  *initial = false;
  *marker = false;
  *pronoun = false;
  std::uint32_t e = dot;
  if (e > r_.start && t_[e - 1] == ' ') --e;  // "Гойер ." and "т . д ."
  // the word: letters (and ° after N)
  std::uint32_t s = e;
  int n = 0;
  bool upper_first = false, all_upper = true, all_lower = true, vowels = false;
  while (s > r_.start) {
    const std::uint32_t k = prev_start(s);
    const char32_t c = cp(k);
    if (!(is_letter(c) || (c == 0xB0 && n == 0))) break;
    s = k;
    if (c != 0xB0) {
      ++n;
      upper_first = is_upper(c);
      all_upper = all_upper && is_upper(c);
      all_lower = all_lower && is_lower(c);
      vowels = vowels || is_vowel(c);
    }
  }
  if (n == 0) return abbr_class::none;  // digits, brackets, quotes
  const char32_t pre = before(s);
  // "1990-е.": a suffix after a hyphen is a word ending, not an abbreviation
  if (pre == '-' && n <= 3) return abbr_class::none;
  // the dotted chain before it: "U.S.", "т. д.", "к.п.н."
  // A chain ends in a short group: unspaced groups of up to 3 letters
  // (U.S., к.п.н., Ph.D.), spaced ones of single letters (т. д., н. э.).
  std::uint32_t cs = s;
  int groups = 1;
  bool singles = n == 1;
  for (int last = n; last <= 3;) {
    std::uint32_t k = cs;
    bool spaced = false;
    if (k > r_.start && t_[k - 1] == ' ') {
      --k;
      spaced = true;
    }
    if (!(k > r_.start && t_[k - 1] == '.')) break;
    --k;
    if (k > r_.start && t_[k - 1] == ' ') {
      --k;
      spaced = true;
    }
    std::uint32_t g = k;
    int m = 0;
    while (g > r_.start && is_letter(cp(prev_start(g)))) {
      g = prev_start(g);
      ++m;
    }
    if (m == 0 || m > 3 || (spaced && (m > 1 || last > 1))) break;
    cs = g;
    ++groups;
    singles = singles && m == 1;
    last = m;
  }
  // a label opening the sentence
  const bool first = skip_spaces(start_) == cs;
  if (first && groups == 1 && e == dot) {
    bool roman = all_upper;
    for (std::uint32_t k = s; k < e && roman; ++k) roman = is_roman(static_cast<unsigned char>(t_[k]));
    if (roman || n == 1 || (all_upper && n <= 2)) {
      *marker = true;
      return abbr_class::prefix;
    }
  }
  if (groups > 1) {
    const abbr_class c = p_.abbreviation(t_.substr(cs, e - cs), true);
    return c == abbr_class::none ? abbr_class::ambiguous : c;  // unknown chains may end one
  }
  const std::string_view word = t_.substr(s, e - s);
  // no abbreviation in the lexicons is longer than 7 letters
  const abbr_class c = n > 7 ? abbr_class::none : p_.abbreviation(word);
  if (n == 1) {
    if (upper_first) {
      if (p_.lang == lang_id::en && word == "I") {
        *pronoun = true;  // ends a sentence before a starter
        return abbr_class::ambiguous;
      }
      *initial = true;
      return abbr_class::prefix;
    }
    return c == abbr_class::none && p_.lang != lang_id::ru ? abbr_class::prefix : c;
  }
  if (c != abbr_class::none) return c;
  // "awesome_content.html": the end of a file or domain name is a word
  if (pre == '.' || pre == '/' || pre == '_' || pre == '@') return abbr_class::none;
  // Short words without vowels are abbreviations: Дж., Mr., млн.
  if (!vowels && n <= 4 && !all_upper) {
    return upper_first ? abbr_class::prefix : abbr_class::ambiguous;
  }
  (void)singles;
  return abbr_class::none;
}

void Scanner::on_terminal(std::uint32_t& i) {
  const std::uint32_t t0 = i;
  const bool detached = t0 > r_.start && is_space(before(t0));
  // A spaced ellipsis ". . ." not glued to a word is part of the sentence.
  if (detached || t0 == skip_spaces(start_)) {
    if (t0 + 4 < r_.end && t_[t0] == '.' && t_[t0 + 1] == ' ' && t_[t0 + 2] == '.' &&
        t_[t0 + 3] == ' ' && t_[t0 + 4] == '.') {
      i = t0 + 5;
      return;
    }
  }
  // The cluster: terminals with glued closing marks, and terminals again.
  std::uint32_t j = t0;
  std::uint32_t run_end = t0;  // end of the first run of terminals
  bool closers = false, more_after_closer = false;
  int dots = 0;
  bool ellipsis_char = false, only_dots = true;
  while (j < r_.end) {
    const decoded_char d = at(j);
    if (is_terminal(d.cp)) {
      if (closers) more_after_closer = true;
      if (!closers) {
        if (d.cp == '.') ++dots;
        else only_dots = false;
        if (d.cp == 0x2026) ellipsis_char = true;
        run_end = j + d.len;
      }
      j += d.len;
    } else if (is_closer(d.cp) || ((d.cp == '"' || d.cp == '\'') && !closers && j == run_end)) {
      closers = true;
      if (d.cp == 0xBB || d.cp == 0x201D) depth_ = depth_ > 0 ? depth_ - 1 : 0;
      j += d.len;
    } else {
      break;
    }
  }
  i = j;
  if (j >= r_.end) return;  // the zone ends here anyway
  const char32_t glued = cp(j);
  if (!is_space(glued)) {
    // "example.com", "1.мороженое", "Jr.'s": no boundary, except a closing
    // quote glued to a capital (a scraped "…Telegram»I would")
    if (closers && is_upper(glued) && !more_after_closer) emit(j, j);
    return;
  }
  const std::uint32_t k = skip_spaces(j);
  if (k >= r_.end) return;
  const char32_t nc = cp(k);

  // A detached run of two or four dots after words: its first dot ends the
  // sentence and the rest stands alone ("reste .. Logiquement").
  if (detached && only_dots && !closers && (dots == 2 || dots >= 4) && seen(t0, true)) {
    emit(t0 + 1, t0 + 1);
    i = t0 + 1;
    return;
  }
  // What follows is punctuation of the same sentence, or another terminal.
  if (nc == ',' || nc == ';' || nc == ':' || is_closer(nc)) return;
  if (is_terminal(nc)) {
    const bool spaced = nc == '.' && k + 4 < r_.end && t_[k + 1] == ' ' && t_[k + 2] == '.' &&
                        t_[k + 3] == ' ' && t_[k + 4] == '.';
    if (spaced) {
      // "compounds. . . . The": the ellipsis opens the next sentence when a
      // capital follows it
      std::uint32_t m = skip_spaces(k + 5);
      if (m < r_.end && t_[m] == '.') m = skip_spaces(m + 1);
      bool lower = false;
      if (m < r_.end && can_start(m, &lower) && is_upper(cp(m))) emit(j, k);
      return;
    }
    const bool run = (nc == '.' && k + 1 < r_.end && t_[k + 1] == '.') || nc == 0x2026;
    if (run) emit(j, k);  // "Sentence. .. Next"
    return;
  }
  bool lower = false;
  if (!can_start(k, &lower)) return;

  // Nothing before the cluster: "." opening a zone never ends a sentence.
  if (skip_spaces(r_.start) >= t0) return;

  // Decide by what precedes the cluster.
  const bool single_period = dots == 1 && only_dots && run_end == t0 + 1;
  if (single_period && !more_after_closer) {
    if (!seen(t0, true) && seen(t0, false)) return;  // "4.", "17 .", "8.1.", "§2." open a list item
    bool initial = false, marker = false, pronoun = false;
    const abbr_class c = classify_period(t0, &initial, &marker, &pronoun);
    if (marker || initial) return;
    if (!closers) {
      if (c == abbr_class::prefix || c == abbr_class::inner) return;
      if (pronoun && !next_is_starter(k)) return;
      if (c == abbr_class::ambiguous && !pronoun &&
          !(words_back(start_, t0, 4) >= 4 && next_is_starter(k)))
        return;
      if (c == abbr_class::weak && !(words_back(start_, t0, 4) >= 4 && next_is_starter(k, 2)))
        return;
    } else if (c == abbr_class::prefix || c == abbr_class::inner) {
      return;
    }
  } else if (!only_dots || ellipsis_char || dots > 1) {
    // Yahoo! Research
    if (cp(t0) == '!' && !detached) {
      std::uint32_t s = t0;
      while (s > r_.start && is_letter(cp(prev_start(s)))) s = prev_start(s);
      if (s < t0 && p_.exclamation_name(t_.substr(s, t0 - s))) return;
    }
  }
  // A short author remark inside a quotation («…? – спросила мама. – …»)
  // does not end the quoted sentence.
  if (depth_ > 0 && remark_ != no_offset && remark_ >= start_ && words_back(remark_, t0, 4) <= 3) return;
  emit(j, k);
}

void Scanner::run() {
  start_ = r_.start;
  reset();
  std::uint32_t i = r_.start;
  while (i < r_.end) {
    i = skip_plain(t_.data(), i, r_.end, t_.size());
    if (i >= r_.end) break;
    // "2." or "b)" closing a list label: the item starts a sentence when the
    // zone's markers say so (found once, on the first label seen)
    if (t_[i] == '.' || t_[i] == ')') {
      const std::uint32_t m = label_start(i);
      if (m != no_offset) {
        if (!markers_ready_) {
          find_markers();
          markers_ready_ = true;
        }
        if (std::binary_search(markers_.begin(), markers_.end(), m) && m > start_ &&
            (seen(m, true) || seen(m, false)))
          emit(m, m);
      }
      if (t_[i] == ')') {
        ++i;
        continue;
      }
    }
    const decoded_char d = at(i);
    const char32_t c = d.cp;
    if (is_terminal(c)) {
      on_terminal(i);
      continue;
    }
    if (c == 0xAB || c == 0x201C) {
      ++depth_;
    } else if (c == 0xBB || c == 0x201D) {
      depth_ = depth_ > 0 ? depth_ - 1 : 0;
    } else if (is_dash_cp(c) && depth_ > 0 && i > r_.start && is_space(before(i))) {
      std::uint32_t k = i;
      while (k > r_.start && is_space(before(k))) k = prev_start(k);
      const char32_t pc = before(k);
      if (pc == ',' || is_terminal(pc) || pc == 0xBB || pc == 0x201D) {
        remark_ = i;
      }
    } else if (is_bullet(c) && i > r_.start && is_space(before(i))) {
      if (seen(i, true) || seen(i, false)) emit(i, i);
    } else if ((c == ':' || c == ';' || c == '=') && i + 1 < r_.end) {
      // emoticons :) ;)) =( end a sentence before a capital
      std::uint32_t j = i + 1;
      if (t_[j] == '-') ++j;
      const std::uint32_t m = j;
      while (j < r_.end && (t_[j] == ')' || t_[j] == '(')) ++j;
      if (j > m && j < r_.end && is_space(cp(j))) {
        const std::uint32_t k = skip_spaces(j);
        if (k < r_.end && is_upper(cp(k))) {
          emit(j, k);
          i = k;
          continue;
        }
      }
    }
    i += d.len;
  }
  emit(r_.end, r_.end);
}

}  // namespace

void sentences(std::string_view text, Span range, const Profile& prof, std::vector<Span>& out) {
  Scanner(text, range, prof, out).run();
}

// Scraped English news often has its headline and the article's first
// sentence on one line with a space between them. The lead starts where,
// after a word or a number that ends in a letter or a digit (no function
// word: a headline does not end in one), an article opens a common noun
// phrase ("… traps 5 An avalanche swept", "… in Birmingham The family of"),
// or, after a lower-case word, a number or a closing quote, a capitalised
// word that the headline already holds opens a phrase going on in lower
// case ("… player's death Police have arrested"). Only in the first 250
// bytes, with three words or more on each side.
namespace {
// The first space in [i, stop) of t (stop when there is none); 16 bytes are
// read at a time while they lie in t (size bytes).
std::uint32_t next_space(const char* t, std::uint32_t i, std::uint32_t stop, std::size_t size) {
#if defined(__SSE2__)
  while (i < stop && i + 16 <= size) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
    if (stop - i < 16) mask &= (1u << (stop - i)) - 1u;
    if (mask != 0) return i + static_cast<std::uint32_t>(__builtin_ctz(mask));
    i += 16;
  }
#endif
  while (i < stop && t[i] != ' ') ++i;
  return i < stop ? i : stop;
}
}  // namespace

void split_glued_headline(std::string_view text, std::vector<Span>& sents, std::size_t first) {
  if (first >= sents.size()) return;
  const Span s = sents[first];
  const std::uint32_t limit = std::min<std::uint32_t>(s.end, s.start + 250);
  // the space-separated chunks of the first 250 bytes
  struct W {
    std::uint32_t s, e;  // the chunk without its closing quote marks
    std::uint32_t end;   // the chunk
    bool caps, lower, num, quote_end, bare;  // bare: ends in a letter or digit
  };
  W words[64];
  std::size_t n = 0;
  for (std::uint32_t i = s.start; i < limit && n < 64;) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    const std::uint32_t j = next_space(text.data(), i, s.end, text.size());
    const auto c = static_cast<unsigned char>(text[i]);
    W w{i, j, j, c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', false, false};
    // closing marks: " ' ” ’
    while (w.e > i) {
      if (text[w.e - 1] == '"' || text[w.e - 1] == '\'') {
        --w.e;
      } else if (w.e - i >= 3 && text[w.e - 3] == '\xE2' && text[w.e - 2] == '\x80' &&
                 (text[w.e - 1] == '\x9D' || text[w.e - 1] == '\x99')) {
        w.e -= 3;
      } else {
        break;
      }
      w.quote_end = true;
    }
    if (w.e > i) {
      const auto l = static_cast<unsigned char>(text[w.e - 1]);
      w.bare = static_cast<unsigned>((l | 0x20) - 'a') < 26u || (l >= '0' && l <= '9');
    }
    words[n++] = w;
    i = j;
  }
  static constexpr std::string_view kFunction[] = {
      "the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "but", "nor", "with", "by", "from",
      "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
      "may", "might", "must", "shall", "should", "not", "no", "his", "her", "their", "its", "our", "my", "your",
      "that", "this", "these", "those", "which", "who", "whom", "whose", "what", "than", "between", "about",
      "into", "onto", "over", "under", "after", "before", "against", "without", "within", "amid", "among",
      "during", "near", "through", "across", "toward", "towards", "via", "per", "since", "until", "if", "when",
      "while", "so", "very", "such", "both", "either", "neither", "each", "every", "all"};
  // a chunk's word: without the punctuation after it and the marks before
  // it ("West:" and '"Washington"' are West and Washington), read when
  // first asked (few chunks are)
  // (the bounds of those read: an array of string_views would be zeroed
  // at every call)
  std::uint32_t word_a[64], word_e[64];
  bool read[64] = {};
  auto word = [&](std::size_t k) {
    if (read[k]) return text.substr(word_a[k], word_e[k] - word_a[k]);
    read[k] = true;
    std::uint32_t a = words[k].s, e = words[k].e;
    while (e > a && (text[e - 1] == ',' || text[e - 1] == ':' || text[e - 1] == ';')) --e;
    for (;;) {
      if (a < e && (text[a] == '"' || text[a] == '\'')) {
        ++a;
      } else if (a + 1 < e && text[a] == '\xC2' && text[a + 1] == '\xAB') {
        a += 2;
      } else if (a + 2 < e && text[a] == '\xE2' && text[a + 1] == '\x80' &&
                 (text[a + 2] == '\x9C' || text[a + 2] == '\x9E')) {
        a += 3;
      } else {
        break;
      }
    }
    word_a[k] = a;
    word_e[k] = e;
    return text.substr(a, e - a);
  };
  auto function = [&](std::string_view w) {
    for (const std::string_view f : kFunction)
      if (w == f) return true;
    return false;
  };
  for (std::size_t k = 3; k + 3 < n; ++k) {
    const W& prev = words[k - 1];
    const W& w = words[k];
    if (!w.caps || !w.bare || w.quote_end || !words[k + 1].lower || !prev.bare) continue;
    const std::string_view x = word(k);
    // (an article may follow a name: "… stabbed to death in Birmingham The
    // family of …"; a repeated word only a lower-case word or a number)
    bool lead = x == "The" || x == "A" || x == "An";
    if (!lead && !(prev.lower || prev.num || prev.quote_end)) continue;
    for (std::size_t m = 0; !lead && x.size() >= 4 && m + 1 < k; ++m) lead = word(m) == x;
    if (!lead || function(word(k - 1))) continue;
    sents[first].end = prev.end;  // the headline keeps its closing mark
    sents.insert(sents.begin() + static_cast<std::ptrdiff_t>(first) + 1, Span{w.s, s.end, s.kind, s.flags});
    return;
  }
}

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
