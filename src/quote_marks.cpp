// Quotation marks paired: every convention, nesting, apostrophes, lost
// marks and quotes that run over paragraphs. One pass, a stack of open
// marks; popping whatever lies above a match keeps it amortised linear
// however the marks are (un)balanced.
#include <algorithm>
#include <array>

#if defined(__SSE2__)
#  include <emmintrin.h>
#endif

#include "chars_inline.hpp"
#include "quotes_impl.hpp"
#include "skaz/quotes.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

namespace {

// Families: a closing mark only closes an opening mark of its family.
enum fam : std::uint8_t { guil, low9, en2, str2, en1, str1, sguil, n_fam };

struct Open {
  std::uint32_t pos;
  std::uint8_t len;
  std::uint8_t fam;
};

// Only these deepest levels are returned (0, 1, 2): a million nested marks
// must not make a quadratic output.
constexpr std::uint32_t kMaxDepth = 2;

bool single_fam(std::uint8_t f) { return f == en1 || f == str1 || f == sguil; }

// First byte in [i, end) that may begin a mark: " ' and the lead bytes of
// « » (C2) and of the typographic marks (E2); 16 bytes at a time where SSE2
// is (every byte of a text is looked at here).
inline std::size_t skip_to_mark(const char* t, std::size_t i, std::size_t end) {
#if defined(__SSE2__)
  const __m128i q2 = _mm_set1_epi8('"'), q1 = _mm_set1_epi8('\''),
                c2 = _mm_set1_epi8(static_cast<char>(0xC2)), e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  while (i + 16 <= end) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i));
    const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, q2), _mm_cmpeq_epi8(v, q1)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(m));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    i += 16;
  }
#endif
  while (i < end) {
    const auto b = static_cast<unsigned char>(t[i]);
    if (b == '"' || b == '\'' || b == 0xC2 || b == 0xE2) break;
    ++i;
  }
  return i;
}

char32_t cp_before(std::string_view t, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t i = pos - 1;
  while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80 && pos - i < 4) --i;
  return decode_utf8(t.data() + i, t.data() + pos).cp;
}

char32_t cp_at(std::string_view t, std::size_t pos) {
  if (pos >= t.size()) return 0;
  return decode_utf8(t.data() + pos, t.data() + t.size()).cp;
}

bool word_char(char32_t c) { return c != 0 && (is_letter(c) || detail::digit_fast(c)); }
bool blank(char32_t c) { return c == 0 || is_space(c); }
// Characters after which a mark opens: start, space, brackets, dashes, slashes.
bool open_context(char32_t c) {
  return blank(c) || c == '(' || c == '[' || c == '{' || c == '/' || c == 0x2014 ||
         c == 0x2013 || c == '-' || c == 0xAB || c == 0x201E || c == 0x201C || c == '"';
}

// The mark (if any) that starts at t[i]: its code point and byte length.
bool mark_at(std::string_view t, std::size_t i, char32_t& cp, std::uint8_t& len) {
  const auto b = static_cast<unsigned char>(t[i]);
  if (b == '"' || b == '\'') {
    cp = b;
    len = 1;
    return true;
  }
  if (b == 0xC2 && i + 1 < t.size()) {
    const auto c = static_cast<unsigned char>(t[i + 1]);
    if (c == 0xAB || c == 0xBB) {
      cp = c;
      len = 2;
      return true;
    }
    return false;
  }
  if (b == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(t[i + 2]);
    if ((c >= 0x98 && c <= 0x9F) || c == 0xB9 || c == 0xBA) {
      cp = 0x2000 + (c - 0x80);
      len = 3;
      return true;
    }
  }
  return false;
}

// The family a character opens when it starts a unit (for continuation).
int opener_family(char32_t c) {
  switch (c) {
    case 0xAB: return guil;
    case 0x201E: return low9;
    case 0x201C: return en2;
    case '"': return str2;
    default: return -1;
  }
}

class Pairer {
 public:
  Pairer(std::string_view t, std::vector<QuotePair>& out) : t_(t), out_(out) {}

  void unit(Span u, const Span* next) {
    std::size_t i = u.start;
    boundary_ = u.start;
    if (carried_) {
      // the continuation's opening mark belongs to the quote that goes on
      std::size_t j = skip_space(u.start, u.end);
      char32_t cp;
      std::uint8_t len;
      if (j < u.end && mark_at(t_, j, cp, len)) i = j + len;
      carried_ = false;
    }
    while (i < u.end) {
      i = skip_to_mark(t_.data(), i, u.end);
      if (i >= u.end) break;
      char32_t cp;
      std::uint8_t len;
      if (!mark_at(t_, i, cp, len)) {
        ++i;
        continue;
      }
      mark(u, i, cp, len);
      i += len;
    }
    finish_unit(u, next);
  }

 private:
  std::size_t skip_space(std::size_t i, std::size_t end) const {
    while (i < end) {
      const decoded_char d = decode_utf8(t_.data() + i, t_.data() + end);
      if (!is_space(d.cp)) break;
      i += d.len;
    }
    return i;
  }

  // A straight mark after a sentence's end and a space, inside an open
  // straight quote ("You will need gloves. "Shoes with a tread," he said):
  // machine translation and careless typing open each sentence of a quote
  // again; the quote goes on (nesting takes single marks, or a mark inside
  // a sentence: "the film "Heat" is long").
  bool reopens(const Span& u, std::size_t i) const {
    std::size_t j = i;
    while (j > u.start && (t_[j - 1] == ' ' || t_[j - 1] == '\t')) --j;
    if (j == i || j == u.start) return false;
    const char c = t_[j - 1];
    if (c == '.' || c == '?' || c == '!') return true;
    return j >= u.start + 3 && t_.compare(j - 3, 3, "\xE2\x80\xA6") == 0;  // …
  }

  // A straight mark after a comma and a space, inside an open straight
  // quote, before a report of who spoke (`…a lot, "Albert Proza said`,
  // `…as possible, "the striker said`, `…team, "added Proza`): machine
  // translation put a space before the closing mark. A quote nested after a
  // comma (`he told me, "Go home," and left`) has no reporting verb in its
  // first words.
  bool detached_closer(const Span& u, std::size_t i) const {
    std::size_t j = i;
    while (j > u.start && t_[j - 1] == ' ') --j;
    if (j == i || j == u.start || t_[j - 1] != ',') return false;
    static constexpr std::string_view kVerbs[] = {"said", "says", "added", "adds", "told", "noted", "notes",
                                                  "explained", "stressed", "admitted", "wrote", "writes",
                                                  "asked", "replied", "continued", "concluded", "emphasized",
                                                  "recalled", "commented", "confirmed", "stated", "insisted"};
    std::size_t k = i + 1;
    bool the = false;
    for (int w = 0; w < 5 && k < u.end; ++w) {
      while (k < u.end && t_[k] == ' ') ++k;
      std::size_t e = k;
      while (e < u.end && ((t_[e] >= 'a' && t_[e] <= 'z') || (t_[e] >= 'A' && t_[e] <= 'Z') ||
                           static_cast<unsigned char>(t_[e]) >= 0x80 || t_[e] == '-' || t_[e] == '\''))
        ++e;
      if (e == k) return false;  // a digit or a mark: no report
      const std::string_view word = t_.substr(k, e - k);
      for (const std::string_view v : kVerbs)
        if (word == v) return true;
      // the speaker's words before the verb: capitalised, or a phrase
      // that opens with "the" (the striker, the head coach)
      const bool capital = t_[k] >= 'A' && t_[k] <= 'Z';
      if (w == 0) the = word == "the";
      if (!capital && !the) return false;
      k = e;
      if (k < u.end && t_[k] != ' ') return false;  // punctuation ends the phrase
    }
    return false;
  }

  int find(std::uint8_t f) const {
    if (count_[f] == 0) return -1;
    for (std::size_t k = stack_.size(); k-- > 0;)
      if (stack_[k].fam == f) return static_cast<int>(k);
    return -1;
  }
  int find2(std::uint8_t f, std::uint8_t g) const {
    if (count_[f] == 0 && count_[g] == 0) return -1;
    for (std::size_t k = stack_.size(); k-- > 0;)
      if (stack_[k].fam == f || stack_[k].fam == g) return static_cast<int>(k);
    return -1;
  }
  void push(std::size_t pos, std::uint8_t len, std::uint8_t f) {
    stack_.push_back(Open{static_cast<std::uint32_t>(pos), len, f});
    ++count_[f];
  }
  void pop_to(std::size_t k) {
    while (stack_.size() > k) {
      --count_[stack_.back().fam];
      stack_.pop_back();
    }
  }
  // Closes stack_[k] with the mark at [pos, pos+len): inner opens are dropped.
  void close(int k, std::size_t pos, std::uint8_t len) {
    const Open o = stack_[static_cast<std::size_t>(k)];
    pop_to(static_cast<std::size_t>(k));
    emit(o.pos, o.len, pos, len, false, false);
  }
  void emit(std::size_t open, std::size_t olen, std::size_t close, std::size_t clen, bool mo,
            bool mc) {
    const auto depth = static_cast<std::uint32_t>(stack_.size());
    if (depth == 0) boundary_ = close + clen;
    if (depth > kMaxDepth || open + olen >= close) return;
    QuotePair p;
    p.open = static_cast<std::uint32_t>(open);
    p.content_start = static_cast<std::uint32_t>(open + olen);
    p.content_end = static_cast<std::uint32_t>(close);
    p.close = static_cast<std::uint32_t>(close);
    p.depth = depth;
    p.missing_open = mo;
    p.missing_close = mc;
    (void)clen;
    out_.push_back(p);
  }
  // A closing mark with nothing to close: the quote opened where the unit
  // (or the text after the last outer quote) began; with `sentence`, where
  // the sentence before the mark began, if later.
  void orphan(const Span& u, std::size_t pos, std::size_t len, bool sentence = false) {
    if (!stack_.empty()) return;
    std::size_t from = std::max<std::size_t>(boundary_, u.start);
    if (sentence) {
      // back to a full stop, ! or ? and a space before a capital letter
      for (std::size_t j = pos; j > from + 2; --j) {
        const char c = t_[j - 2];
        if ((c == '.' || c == '!' || c == '?') && t_[j - 1] == ' ' &&
            ((t_[j] >= 'A' && t_[j] <= 'Z') || static_cast<unsigned char>(t_[j]) >= 0x80)) {
          from = j;
          break;
        }
      }
    }
    std::size_t s = skip_space(from, pos);
    boundary_ = pos + len;
    // a dash that introduces speech is no part of it
    while (s < pos) {
      const decoded_char d = decode_utf8(t_.data() + s, t_.data() + pos);
      if (d.cp != 0x2014 && d.cp != 0x2013 && d.cp != '-' && !is_space(d.cp)) break;
      s += d.len;
    }
    if (s >= pos) return;
    // a lost opening mark, unless the quote would be marks alone
    char32_t cp;
    std::uint8_t ml;
    if (mark_at(t_, s, cp, ml) && skip_space(s + ml, pos) == pos) return;
    emit(s, 0, pos, 0, true, false);
    boundary_ = pos + len;
  }

  void mark(const Span& u, std::size_t i, char32_t cp, std::uint8_t len) {
    const char32_t p = i > u.start ? cp_before(t_, i) : 0;
    const char32_t n = cp_at(t_, i + len);
    const bool closer_look = !blank(p) && (blank(n) || (!word_char(n)));
    switch (cp) {
      case 0xAB:  // «
        push(i, len, guil);
        return;
      case 0xBB: {  // »
        const int k = find(guil);
        if (k >= 0) return close(k, i, len);
        if (word_char(n)) return push(i, len, guil);  // »text: a mark turned round
        return orphan(u, i, len);
      }
      case 0x201E:  // „
        return push(i, len, low9);
      case 0x201C: {  // “ closes „ (ru, de) or opens (en)
        const int k = find(low9);
        if (k >= 0) return close(k, i, len);
        const int e = find(en2);
        if (e >= 0 && closer_look) return close(e, i, len);
        return push(i, len, en2);
      }
      case 0x201D: {  // ”
        const int k = find2(en2, low9);
        if (k >= 0) return close(k, i, len);
        if (open_context(p) && word_char(n)) return push(i, len, en2);
        return orphan(u, i, len);
      }
      case '"': {
        const int k = find(str2);
        if (k >= 0 && word_char(n) && reopens(u, i)) return;
        if (k >= 0 && word_char(n) && detached_closer(u, i)) return close(k, i, len);
        // ("…long-suffering land, " the pontiff said": the same with the
        // opening mark lost; the quote is taken back to its sentence's start)
        if (k < 0 && detached_closer(u, i)) return orphan(u, i, len, true);
        // by position: an opener-looking mark inside an open quote nests
        // ("работа "Без названия" представляет"), any other one closes
        if (k >= 0 && open_context(p) && p != 0 && word_char(n) && p != '"') return push(i, len, str2);
        if (k >= 0) return close(k, i, len);
        if (closer_look && !open_context(p)) return;  // 12" or a lost mark: no quote
        return push(i, len, str2);
      }
      case 0x2018: {  // ‘
        if (is_letter(p)) return;  // O‘Brien
        return push(i, len, en1);
      }
      case 0x2019: {  // ’: an apostrophe unless it closes ‘
        if (word_char(p) && is_letter(n)) return;
        const int k = find(en1);
        if (k >= 0 && !blank(p)) return close(k, i, len);
        return;
      }
      case '\'': {
        if (word_char(p) && is_letter(n)) return;  // don't
        const int k = find(str1);
        if (k >= 0 && !blank(p) && !word_char(n)) return close(k, i, len);
        if (open_context(p) && word_char(n)) return push(i, len, str1);
        return;
      }
      case 0x2039:  // ‹
        return push(i, len, sguil);
      case 0x203A: {  // ›
        const int k = find(sguil);
        if (k >= 0) return close(k, i, len);
        return;
      }
      default:
        return;
    }
  }

  void finish_unit(const Span& u, const Span* next) {
    // the outermost unclosed double mark ends with its unit, or goes on
    // when the next unit opens with a mark of its family
    std::size_t k = 0;
    while (k < stack_.size() && single_fam(stack_[k].fam)) ++k;
    if (k == stack_.size()) {
      pop_to(0);
      return;
    }
    const Open o = stack_[k];
    if (next) {
      const std::size_t j = skip_space(next->start, next->end);
      char32_t cp;
      std::uint8_t len;
      if (j < next->end && mark_at(t_, j, cp, len) && opener_family(cp) == o.fam) {
        pop_to(0);
        push(o.pos, o.len, o.fam);
        carried_ = true;
        return;
      }
    }
    pop_to(0);
    std::size_t e = u.end;
    while (e > o.pos + o.len && is_space(cp_before(t_, e))) {
      const char32_t c = cp_before(t_, e);
      e -= c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    emit(o.pos, o.len, e, 0, false, true);
  }

  std::string_view t_;
  std::vector<QuotePair>& out_;
  std::vector<Open> stack_;
  std::array<std::size_t, n_fam> count_{};
  std::size_t boundary_ = 0;
  bool carried_ = false;
};

}  // namespace

void pair_marks(std::string_view text, const std::vector<Span>& units, std::vector<QuotePair>& out) {
  Pairer p(text, out);
  for (std::size_t i = 0; i < units.size(); ++i)
    p.unit(units[i], i + 1 < units.size() ? &units[i + 1] : nullptr);
  std::sort(out.begin(), out.end(),
            [](const QuotePair& a, const QuotePair& b) { return a.open < b.open; });
}

}  // namespace detail

std::vector<QuotePair> pair_quote_marks(std::string_view text) {
  std::vector<QuotePair> out;
  detail::pair_marks(text, split_paragraphs(text), out);
  return out;
}

SKAZ_END_NAMESPACE
}  // namespace skaz
