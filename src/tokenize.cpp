// Tokens. Text is cut into atoms (runs of Cyrillic letters, runs of Latin
// letters, runs of digits, single punctuation marks, single other
// characters); adjacent atoms with no space between them are joined by rules:
// compounds over dashes and underscores (что-то, Т-34, US-controlled),
// decimals and fractions (6.5, 1,5, 1/2), runs of final punctuation (..., ?!,
// !..), emoticons (:))), letters of other scripts (Δσ). This is the
// convention of the Russian reference corpora (razdel), which skaz follows
// for every language; URLs, e-mails, @handles and #hashtags are whole tokens,
// and in the English profile so are apostrophe words (it's, O'Neil) and
// dotted abbreviations (U.S., e.g.).
#include <algorithm>

#include "chars_inline.hpp"
#include "segment_impl.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

namespace {

enum class atom_t : std::uint8_t { ru, lat, num, punct, other, whole };  // whole: URL, e-mail, ...

struct Atom {
  std::uint32_t start, end;
  atom_t type;
  char32_t first;  // first code point (the mark itself for punct)
};

constexpr bool is_ru_letter(char32_t c) { return (c >= 0x410 && c <= 0x44F) || c == 0x401 || c == 0x451; }
constexpr bool is_lat_letter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

constexpr bool is_dash(char32_t c) {
  return c == '-' || c == 0x2011 || c == 0x2013 || c == 0x2014 || c == 0x2212;
}

// The punctuation set of the reference convention; anything else that is not
// a letter, digit or space is an "other" atom.
constexpr bool is_punct_atom(char32_t c) {
  switch (c) {
    case '\\': case '/': case '!': case '#': case '$': case '%': case '&': case '*':
    case '+': case ',': case '.': case ':': case ';': case '<': case '=': case '>':
    case '?': case '@': case '^': case '_': case '`': case '|': case '~':
    case 0x2116:  // №
    case 0x2026:  // …
    // "{" is not: it joins the letters it touches ({с/з}то), as in the reference data
    case '"': case '\'': case '(': case ')': case '[': case ']': case '}':
    case 0xAB: case 0xBB:                    // « »
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x201E:  // “ ” ‘ ’ „
      return true;
    default:
      return is_dash(c);
  }
}

bool is_ending(char32_t c) { return c == '.' || c == '?' || c == '!' || c == 0x2026; }

// Unicode White_Space, as Python's \s sees it.
bool is_ws(char32_t c) { return is_space(c) || (c >= 0x1C && c <= 0x1F); }

// ASCII classes for the fast path of make_atoms.
enum : std::uint8_t { kWs, kLat, kNum, kPunct, kOther };
struct AsciiClasses {
  std::uint8_t c[128] = {};
  constexpr AsciiClasses() {
    for (int i = 0; i < 128; ++i) {
      const auto ch = static_cast<char32_t>(i);
      c[i] = (ch == ' ' || (ch >= 0x09 && ch <= 0x0D) || (ch >= 0x1C && ch <= 0x1F)) ? kWs
             : ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')                          ? kLat
             : (ch >= '0' && ch <= '9')                                              ? kNum
             : is_punct_atom(ch)                                                     ? kPunct
                                                                                     : kOther;
    }
  }
};

// Cyrillic letter encoded at p (2 bytes, D0/D1 lead), or 0.
inline char32_t ru_at(const char* p, const char* end) {
  const auto b0 = static_cast<unsigned char>(p[0]);
  if ((b0 != 0xD0 && b0 != 0xD1) || p + 1 >= end) return 0;
  const auto b1 = static_cast<unsigned char>(p[1]);
  if ((b1 & 0xC0) != 0x80) return 0;
  const char32_t cp = (static_cast<char32_t>(b0 & 0x1F) << 6) | (b1 & 0x3F);
  return is_ru_letter(cp) ? cp : 0;
}

// The atom at or after i (whitespace skipped); false at the end.
bool next_atom(const char* base, std::uint32_t& i, std::uint32_t limit, Atom& out) {
  static constexpr AsciiClasses kClass{};
  const char* end = base + limit;
  while (i < limit) {
    const auto b = static_cast<unsigned char>(base[i]);
    if (b < 0x80) {  // ASCII: one table look-up per byte
      const std::uint8_t cls = kClass.c[b];
      if (cls == kWs) {
        ++i;
        continue;
      }
      std::uint32_t j = i + 1;
      if (cls == kLat || cls == kNum) {
        while (j < limit && static_cast<unsigned char>(base[j]) < 0x80 &&
               kClass.c[static_cast<unsigned char>(base[j])] == cls)
          ++j;
        // other decimal digits continue a number
        while (cls == kNum && j < limit && static_cast<unsigned char>(base[j]) >= 0x80) {
          const decoded_char e = decode_utf8(base + j, end);
          if (!detail::digit_fast(e.cp)) break;
          j += e.len;
        }
      }
      const atom_t t = cls == kLat ? atom_t::lat : cls == kNum ? atom_t::num
                       : cls == kPunct ? atom_t::punct : atom_t::other;
      out = Atom{i, j, t, b};
      i = j;
      return true;
    }
    if (const char32_t ru = ru_at(base + i, end)) {  // a run of Cyrillic letters
      std::uint32_t j = i + 2;
      while (j < limit && ru_at(base + j, end)) j += 2;
      out = Atom{i, j, atom_t::ru, ru};
      i = j;
      return true;
    }
    const decoded_char d = decode_utf8(base + i, end);
    const char32_t c = d.cp;
    if (is_ws(c)) {
      i += d.len;
      continue;
    }
    atom_t t;
    if (detail::digit_fast(c)) t = atom_t::num;
    else if (is_punct_atom(c)) t = atom_t::punct;
    else t = atom_t::other;
    std::uint32_t j = i + d.len;
    if (t == atom_t::num) {
      while (j < limit) {
        const decoded_char e = decode_utf8(base + j, end);
        if (!detail::digit_fast(e.cp)) break;
        j += e.len;
      }
    }
    out = Atom{i, j, t, c};
    i = j;
    return true;
  }
  return false;
}

// What an atom adds to its token's kind: letters make a word, digits a
// number, marks punctuation, the rest a symbol.
inline std::uint8_t kind_bits(const Atom& a) {
  switch (a.type) {
    case atom_t::ru: case atom_t::lat: return 8;
    case atom_t::num: return 4;
    case atom_t::punct: return is_punct(a.first) ? 2 : 1;
    case atom_t::other: return is_letter(a.first) ? 8 : detail::digit_fast(a.first) ? 4 : is_punct(a.first) ? 2 : 1;
    case atom_t::whole: return 8;
  }
  return 1;
}

inline std::uint32_t kind_from_bits(std::uint8_t bits) {
  const token_kind k = (bits & 8) ? token_kind::word : (bits & 4) ? token_kind::number
                       : (bits & 2) ? token_kind::punct : token_kind::symbol;
  return static_cast<std::uint32_t>(k);
}

bool lower_equals(std::string_view s, std::string_view lower_ascii) {
  if (s.size() != lower_ascii.size()) return false;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if ((s[k] | 0x20) != lower_ascii[k]) return false;
  }
  return true;
}

// Is "[=:;]-?[)(]{1,3}" the whole of text[a, b)?
bool is_smile(std::string_view s) {
  if (s.empty() || (s[0] != '=' && s[0] != ':' && s[0] != ';')) return false;
  std::size_t k = 1;
  if (k < s.size() && s[k] == '-') ++k;
  const std::size_t n = s.size() - k;
  if (n < 1 || n > 3) return false;
  for (; k < s.size(); ++k)
    if (s[k] != ')' && s[k] != '(') return false;
  return true;
}

// Joins L and R (adjacent, no space between them) into one token? L2 is the
// atom before L and R2 the one after R (spaces between do not matter), when
// there are such; `buf` is the token so far, which ends with L.
bool join(std::string_view text, const Atom* L2, const Atom& L, const Atom& R, const Atom* R2,
          std::string_view buf) {
  if (L.type == atom_t::whole || R.type == atom_t::whole) return false;
  auto single = [](const Atom& x, auto pred) { return x.type == atom_t::punct && pred(x.first); };
  // "2112" rules: a one-mark delimiter between two atoms. Each joins or has
  // no say; the next rule is asked then.
  auto rule2112 = [&](auto is_delim, auto ok) {
    const Atom* left = nullptr;
    const Atom* right = nullptr;
    if (single(L, is_delim)) {
      left = L2;
      right = &R;
    } else if (single(R, is_delim)) {
      left = &L;
      right = R2;
    }
    return left && right && left->type != atom_t::whole && right->type != atom_t::whole &&
           ok(*left, *right);
  };
  auto not_punct = [](const Atom& x, const Atom& y) {
    return x.type != atom_t::punct && y.type != atom_t::punct;
  };
  auto both_num = [](const Atom& x, const Atom& y) {
    return x.type == atom_t::num && y.type == atom_t::num;
  };
  if (rule2112(is_dash, not_punct)) return true;
  if (rule2112([](char32_t c) { return c == '_'; }, not_punct)) return true;
  if (rule2112([](char32_t c) { return c == '.' || c == ','; }, both_num)) return true;
  if (rule2112([](char32_t c) { return c == '/' || c == '\\'; }, both_num)) return true;
  if (L.type == atom_t::punct && R.type == atom_t::punct) {
    // the token so far and R: ":" ")" ")" is ":))"
    const auto from = static_cast<std::size_t>(buf.data() - text.data());
    if (is_smile(text.substr(from, R.end - from))) return true;
    if (is_ending(L.first) && is_ending(R.first)) return true;
    if ((L.first == '-' && R.first == '-') || (L.first == '*' && R.first == '*')) return true;
    return false;
  }
  const bool lw = L.type == atom_t::ru || L.type == atom_t::lat;
  const bool rw = R.type == atom_t::ru || R.type == atom_t::lat;
  if (L.type == atom_t::other && (R.type == atom_t::other || rw)) return true;
  if ((L.type == atom_t::other || lw) && R.type == atom_t::other) return true;
  if (L.type == atom_t::lat && R.first == '!' &&
      lower_equals(text.substr(L.start, L.end - L.start), "yahoo"))
    return true;
  return false;
}

// Length of a URL, e-mail address, @handle or #hashtag starting at i, or 0.
// These never hold spaces; trailing sentence punctuation is not theirs.
std::uint32_t complex_atom(std::string_view text, std::uint32_t i, std::uint32_t limit,
                           token_kind& kind) {
  const std::string_view rest = text.substr(i, limit - i);
  auto starts = [&](std::string_view p) {
    return rest.size() > p.size() && std::equal(p.begin(), p.end(), rest.begin(),
                                                [](char a, char b) { return (a | 0x20) == b; });
  };
  auto run_end = [&](std::uint32_t from) {  // up to whitespace
    std::uint32_t j = from;
    const char* base = text.data();
    while (j < limit) {
      const decoded_char d = decode_utf8(base + j, base + limit);
      if (is_ws(d.cp) || d.cp == 0xAB || d.cp == 0xBB || d.cp == 0x201C || d.cp == 0x201D ||
          d.cp == '"' || d.cp == '<' || d.cp == '>')
        break;
      j += d.len;
    }
    // trailing punctuation belongs to the sentence, and a closing bracket
    // only to a URL that opened one
    int depth = 0;
    for (std::uint32_t k = from; k < j; ++k) {
      if (text[k] == '(') ++depth;
      if (text[k] == ')') --depth;
    }
    while (j > from) {
      const char c = text[j - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'') {
        --j;
      } else if (c == ')' && depth < 0) {
        --j;
        ++depth;
      } else {
        break;
      }
    }
    return j;
  };
  if (starts("http://") || starts("https://") || starts("ftp://") || starts("www.")) {
    const std::uint32_t j = run_end(i);
    if (j > i + 7) {
      kind = token_kind::url;
      return j - i;
    }
    return 0;
  }
  const char c = text[i];
  if ((c == '@' || c == '#') && i + 1 < limit) {
    // a handle or hashtag starts after a space or the start, and holds word characters
    if (i > 0 && !is_ws(static_cast<unsigned char>(text[i - 1])) && text[i - 1] != '(') return 0;
    std::uint32_t j = i + 1;
    const char* base = text.data();
    bool letters = false;
    while (j < limit) {
      const decoded_char d = decode_utf8(base + j, base + limit);
      if (is_letter(d.cp)) letters = true;
      else if (!(detail::digit_fast(d.cp) || d.cp == '_')) break;
      j += d.len;
    }
    if (!letters) return 0;
    kind = c == '@' ? token_kind::handle : token_kind::hashtag;
    return j - i;
  }
  return 0;
}

// An e-mail address around the '@' at `at`: [start, end) or {0, 0}.
Span email_at(std::string_view text, Span range, std::uint32_t at) {
  auto local_char = [](char ch) {
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z' ? true
           : (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-' || ch == '+';
  };
  std::uint32_t a = at;
  while (a > range.start && local_char(text[a - 1])) --a;
  while (a < at && text[a] == '.') ++a;
  std::uint32_t b = at + 1;
  bool dot = false;
  while (b < range.end && (local_char(text[b]))) {
    if (text[b] == '.') dot = true;
    ++b;
  }
  while (b > at + 1 && (text[b - 1] == '.' || text[b - 1] == '-')) --b;
  if (a == at || b <= at + 3 || !dot) return Span{0, 0, 0, 0};
  // the domain must end in a dot and letters
  std::uint32_t k = b;
  while (k > at + 1 && ((text[k - 1] | 0x20) >= 'a' && (text[k - 1] | 0x20) <= 'z')) --k;
  if (k == b || text[k - 1] != '.') return Span{0, 0, 0, 0};
  return Span{a, b, static_cast<std::uint32_t>(token_kind::email), 0};
}

}  // namespace

void tokenize(std::string_view text, Span range, const Profile& prof, std::vector<Span>& out) {
  const char* base = text.data();
  const std::size_t first_out = out.size();
  // A window over the atom stream: L2, L (the last atom), R (the current
  // one) and R2 (the next), so that rules see two atoms on each side.
  Atom w[4];
  int have_l2 = 0, have_l = 0;
  std::uint32_t pos = range.start;
  Atom cur, nxt;
  bool has_cur = false, has_nxt = false;
  std::uint32_t tok_start = 0, tok_end = 0;
  std::uint8_t bits = 0;
  bool open = false;

  // The next atom, with URLs, handles and hashtags made whole.
  auto pull = [&](Atom& a) -> bool {
    if (!next_atom(base, pos, range.end, a)) return false;
    const char f = text[a.start];
    if ((a.type == atom_t::lat && (f == 'h' || f == 'H' || f == 'w' || f == 'W' || f == 'f' || f == 'F')) ||
        (a.type == atom_t::punct && (f == '@' || f == '#'))) {
      token_kind k;
      const std::uint32_t n = complex_atom(text, a.start, range.end, k);
      if (n > 0) {
        a = Atom{a.start, a.start + n, atom_t::whole, static_cast<char32_t>(k)};
        pos = a.end;
      }
    }
    return true;
  };
  auto close = [&]() {
    if (!open) return;
    const std::uint32_t kind = w[1].type == atom_t::whole && tok_start == w[1].start && tok_end == w[1].end
                                   ? static_cast<std::uint32_t>(w[1].first)
                                   : kind_from_bits(bits);
    out.push_back(Span{tok_start, tok_end, kind, 0});
    open = false;
  };

  has_cur = pull(cur);
  if (has_cur) has_nxt = pull(nxt);
  while (has_cur) {
    // an e-mail address: its local part was cut into tokens already
    if (cur.type == atom_t::punct && cur.first == '@') {
      const Span e = email_at(text, range, cur.start);
      if (e.end > e.start) {
        close();
        while (out.size() > first_out && out.back().start >= e.start) out.pop_back();
        if (out.size() > first_out && out.back().end > e.start) out.back().end = e.start;
        out.push_back(e);
        pos = e.end;
        have_l2 = have_l = 0;
        has_cur = pull(cur);
        if (has_cur) has_nxt = pull(nxt);
        continue;
      }
    }
    const bool glued = have_l && w[1].end == cur.start;
    if (open && glued &&
        join(text, have_l2 ? &w[0] : nullptr, w[1], cur, has_nxt ? &nxt : nullptr,
             text.substr(tok_start, tok_end - tok_start))) {
      tok_end = cur.end;
      bits = static_cast<std::uint8_t>(bits | kind_bits(cur));
    } else {
      close();
      tok_start = cur.start;
      tok_end = cur.end;
      bits = kind_bits(cur);
      open = true;
    }
    w[0] = w[1];
    have_l2 = have_l;
    w[1] = cur;
    have_l = 1;
    cur = nxt;
    has_cur = has_nxt;
    if (has_cur) has_nxt = pull(nxt);
  }
  close();

  if (prof.lang == lang_id::en) join_english(text, prof, out, first_out);
}

// English: apostrophe words (it's, O'Neil, rock 'n' roll stays apart) and
// dotted abbreviations (U.S., e.g., Mr.) become single tokens.
void join_english(std::string_view text, const Profile& prof, std::vector<Span>& toks,
                  std::size_t first) {
  std::size_t w = first;
  auto is_apos = [&](const Span& t) {
    const std::string_view s = text.substr(t.start, t.size());
    return s == "'" || s == "\xE2\x80\x99";
  };
  auto latin_word = [&](const Span& t) {
    return t.kind == static_cast<std::uint32_t>(token_kind::word) &&
           is_lat_letter(static_cast<unsigned char>(text[t.start]));
  };
  for (std::size_t r = first; r < toks.size(); ++r) {
    Span t = toks[r];
    // word ' word  (no spaces)
    while (r + 2 < toks.size() && latin_word(t) && is_apos(toks[r + 1]) &&
           latin_word(toks[r + 2]) && toks[r + 1].start == t.end &&
           toks[r + 2].start == toks[r + 1].end) {
      t.end = toks[r + 2].end;
      r += 2;
    }
    // abbreviations: letters '.' (letters '.')* when the chain is a known
    // abbreviation or made of single letters (U.S., e.g.)
    if (latin_word(t) && r + 1 < toks.size() && text[toks[r + 1].start] == '.' &&
        toks[r + 1].size() == 1 && toks[r + 1].start == t.end) {
      std::size_t k = r + 1;
      std::uint32_t end = toks[k].end;
      bool singles = t.size() == 1;
      std::size_t groups = 1;
      while (k + 2 < toks.size() && latin_word(toks[k + 1]) && toks[k + 1].start == end &&
             toks[k + 1].size() <= 2 && text[toks[k + 2].start] == '.' && toks[k + 2].size() == 1 &&
             toks[k + 2].start == toks[k + 1].end) {
        singles = singles && toks[k + 1].size() == 1;
        end = toks[k + 2].end;
        k += 2;
        ++groups;
      }
      const std::string_view word = text.substr(t.start, toks[k].start - t.start);
      const bool known = prof.abbreviation(word, groups > 1) != abbr_class::none;
      if ((groups > 1 && singles) || (groups == 1 && known)) {
        t.end = end;
        t.kind = static_cast<std::uint32_t>(token_kind::abbrev);
        r = k;
      }
    }
    toks[w++] = t;
  }
  toks.resize(w);
}

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
