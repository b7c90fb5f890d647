// Name keys and surname base forms (docs in skaz/names.hpp). The rules were
// tuned on name_variants.jsonl and surname_inflection.jsonl of the shared
// data; they name no string of those sets.
#include "skaz/names.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "chars_inline.hpp"
#include "skaz/text.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

namespace {

// Cyrillic letter -> Latin, one scheme for all (а..я, ё, і ї є ґ ў).
// (string views: their length is known; a null data() means no mapping)
std::string_view cyr_latin(char32_t c) {
  static constexpr std::string_view ru[] = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k",
                                   "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh",
                                   "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
  if (c >= 0x430 && c <= 0x44F) return ru[c - 0x430];
  switch (c) {
    case 0x451: return "e";   // ё
    case 0x456: return "i";   // і
    case 0x457: return "i";   // ї
    case 0x454: return "e";   // є
    case 0x491: return "g";   // ґ
    case 0x45E: return "u";   // ў
    // Serbian and Macedonian
    case 0x458: return "j";    // ј
    case 0x45F: return "dzh";  // џ
    case 0x452: return "dj";   // ђ
    case 0x45B: return "ch";   // ћ
    case 0x459: return "l";    // љ
    case 0x45A: return "n";    // њ
    case 0x453: return "g";    // ѓ
    case 0x45C: return "k";    // ќ
    case 0x455: return "dz";   // ѕ
    // Kazakh, Kyrgyz, Tajik, Uzbek, Tatar, Bashkir
    case 0x4D9: return "a";    // ә
    case 0x493: return "g";    // ғ
    case 0x49B: return "k";    // қ
    case 0x4A3: return "n";    // ң
    case 0x4E9: return "o";    // ө
    case 0x4B1: return "u";    // ұ
    case 0x4AF: return "u";    // ү
    case 0x4BB: return "h";    // һ
    case 0x4B3: return "kh";   // ҳ
    case 0x4B7: return "dzh";  // ҷ
    case 0x4E3: return "i";    // ӣ
    case 0x4EF: return "u";    // ӯ
    default: return {};
  }
}

// Latin letters with a mark that several schemas use for one Russian sound.
std::string_view marked_latin(char32_t c) {
  switch (c) {
    case 0x10D: return "ch";    // č
    case 0x161: return "sh";    // š
    case 0x17E: return "zh";    // ž
    case 0x15D: return "shch";  // ŝ
    case 0x107: return "ch";    // ć
    case 0x109: return "ch";    // ĉ
    case 0x111: return "dj";    // đ
    case 0x127: return "h";     // ħ
    default: return {};
  }
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
bool vowel_or_j(char c) { return vowel(c) || c == 'j'; }

// Short literals compared inline: a memcmp call costs more than the compare.
bool same(const char* a, const char* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// A word's letters while its key is made: fixed storage for the usual name,
// the heap for a long one (folding at most doubles a word: ŝ -> shch).
struct Letters {
  char* p;
  std::size_t n = 0;
  char small[128];
  std::unique_ptr<char[]> big;
  explicit Letters(std::size_t cap) : p(small) {
    if (cap > sizeof small) {
      big.reset(new char[cap]);
      p = big.get();
    }
  }
  void push(char c) { p[n++] = c; }
  void append(std::string_view s) {
    for (char c : s) p[n++] = c;
  }
  char back() const { return p[n - 1]; }
  bool ends_with(std::string_view e) const { return n >= e.size() && same(p + n - e.size(), e.data(), e.size()); }
};

// One word folded to plain Latin letters a..z.
void fold_word(std::string_view w, Letters& out) {
  const char* p = w.data();
  const char* end = p + w.size();
  while (p < end) {
    const decoded_char d = decode_utf8(p, end);
    p += d.len;
    char32_t c = d.cp;
    if (c < 0x80) {
      const char a = static_cast<char>(c | 0x20);
      if (a < 'a' || a > 'z') continue;
      // a caron or a circumflex written as a combining mark (NFD: "Z\u030Cukov")
      // reads as the precomposed letter: ž, š, č, ŝ, ĉ
      if (p + 1 < end && static_cast<unsigned char>(p[0]) == 0xCC &&
          (static_cast<unsigned char>(p[1]) == 0x8C || static_cast<unsigned char>(p[1]) == 0x82)) {
        const bool caron = static_cast<unsigned char>(p[1]) == 0x8C;
        const char32_t composed = caron ? (a == 'z' ? 0x17E : a == 's' ? 0x161 : a == 'c' ? 0x10D : 0)
                                        : (a == 's' ? 0x15D : a == 'c' ? 0x109 : 0);
        if (composed) {
          out.append(marked_latin(composed));
          p += 2;
          continue;
        }
      }
      out.push(a);
      continue;
    }
    // Cyrillic capitals are the common case: lowered without a table lookup
    if (c >= 0x410 && c <= 0x42F) c += 0x20;
    else if (c >= 0x400 && c <= 0x40F) c += 0x50;
    else if (c < 0x430 || c > 0x45F) c = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
    if (const std::string_view m = marked_latin(c); m.data()) { out.append(m); continue; }
    if (const std::string_view l = cyr_latin(c); l.data()) { out.append(l); continue; }
    // other letters: their base letter without marks (é -> e, â -> a)
    utf8proc_int32_t buf[8];
    utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), buf, 8, UTF8PROC_DECOMPOSE, nullptr);
    if (n > 0 && buf[0] < 0x80) {
      const char a = static_cast<char>(buf[0] | 0x20);
      if (a >= 'a' && a <= 'z') out.push(a);
    }
  }
}

// Appends the key of one word to `out` (nothing for an initial). The word
// is worked on in place in one buffer: no allocation for a usual name.
void word_key(std::string_view word, std::string& out) {
  Letters w(2 * word.size() + 8);
  fold_word(word, w);
  if (w.n < 2) return;  // an initial says too little
  // Russian case endings and the feminine -a of surnames, undone: the
  // suffix table is built once, longest first
  struct Suffix {
    std::string from;
    std::string_view to;
  };
  static const std::vector<Suffix> suffixes = [] {
    std::vector<Suffix> v;
    static const char* const stems[] = {"ov", "ev", "iev", "yev", "in", "yn"};
    static const char* const infl[] = {"ojj", "ymi", "ykh", "oi", "oy", "oj", "ym", "im",
                                       "yi", "ou", "ih", "u", "e", "a", "y"};
    for (const char* st : stems)
      for (const char* e : infl) v.push_back(Suffix{std::string(st) + e, st});
    std::stable_sort(v.begin(), v.end(), [](const Suffix& a, const Suffix& b) { return a.from.size() > b.from.size(); });
    return v;
  }();
  // the suffixes by their last letter, longest first
  static const std::array<std::vector<const Suffix*>, 128> by_last = [] {
    std::array<std::vector<const Suffix*>, 128> b;
    for (const Suffix& sf : suffixes) b[static_cast<unsigned char>(sf.from.back()) & 0x7F].push_back(&sf);
    return b;
  }();
  bool done = false;
  // the endings of -ский after sk, and after ck or czk where c is ц (GOST,
  // scientific: Gorodeckogo), in every scheme (French -omou): -ski, the
  // longest that fits
  static constexpr std::string_view sky[] = {"omou", "yjj", "aia", "aya", "aja", "ogo", "omu", "ijj",
                                             "ikh", "ykh", "ymi", "imi", "ih", "ix", "im", "ym", "oi", "oy",
                                             "oj", "ai", "ii", "iy", "ij", "yi", "yy", "yj", "ie", "y", "i"};
  const char z = w.back();  // (no ending of the list ends otherwise: most names skip the loop)
  const bool may_end = z == 'i' || z == 'y' || z == 'a' || z == 'j' || z == 'o' || z == 'u' || z == 'm' ||
                       z == 'h' || z == 'x' || z == 'e';
  for (std::size_t L = 4; may_end && L >= 1 && !done; --L) {  // where sk or ck stands, if anywhere
    // (czk: Polish cz for ц, Verbiczkogo)
    if (w.n < L + 4 || w.p[w.n - L - 1] != 'k') continue;
    const char b = w.p[w.n - L - 2];
    if (b != 's' && b != 'c' && !(b == 'z' && w.p[w.n - L - 3] == 'c')) continue;
    for (const std::string_view e : sky) {
      if (e.size() == L && same(w.p + w.n - L, e.data(), L)) {
        w.n -= L;
        w.push('i');
        done = true;
        break;
      }
    }
  }
  for (const Suffix* sfp : by_last[static_cast<unsigned char>(w.back()) & 0x7F]) {
    if (done) break;
    const Suffix& sf = *sfp;
    if (w.ends_with(sf.from) && w.n - sf.from.size() >= 2) {
      w.n -= sf.from.size();
      w.append(sf.to);  // never longer than what it replaces
      done = true;
      break;
    }
  }
  if (!done) {
    static constexpr std::string_view gen[] = {"ogo", "omu", "om", "oi", "oy", "ou", "u", "e", "a", "ym", "im"};
    for (const std::string_view suf : gen) {
      if (w.ends_with(suf) && w.n - suf.size() >= 3 && !vowel(w.p[w.n - suf.size() - 1])) {
        w.n -= suf.size();
        done = true;
        break;
      }
    }
    // the genitive of a Cyrillic surname in -а (Обамы, Кучмы; Чайки after
    // к, г, х); an English -y or -ki is none (Kennedy, Hiroki)
    if (!done && w.n >= 5 && w.p[w.n - 1] == 'y' && !vowel(w.p[w.n - 2]) && detail::cyrillic_word(word)) w.n -= 1;
    else if (!done && w.n >= 5 && w.p[w.n - 1] == 'i' && (w.p[w.n - 2] == 'k' || w.p[w.n - 2] == 'g' ||
                                                         w.p[w.n - 2] == 'h') && detail::cyrillic_word(word))
      w.n -= 1;
  }
  char* const c0 = w.p;
  std::size_t n = w.n;
  // French j between vowels is ж
  for (std::size_t i = 1; i + 1 < n; ++i)
    if (c0[i] == 'j' && vowel(c0[i - 1]) && c0[i + 1] != 'y' && vowel(c0[i + 1])) c0[i] = 'Z';
  static constexpr std::pair<std::string_view, char> subs[] = {
      {"shch", 'S'}, {"shtsh", 'S'}, {"tsch", 'C'}, {"sch", 'S'}, {"shh", 'S'}, {"tch", 'C'},
      {"sh", 'S'},   {"zh", 'Z'},    {"kh", 'H'},  {"ch", 'C'},  {"ts", 'c'},   {"tz", 'c'},
      {"tc", 'c'},   {"cz", 'C'},    {"x", 'H'},   {"ph", 'f'},  {"w", 'v'},    {"q", 'k'},
      {"ou", 'u'},   {"dj", 'Z'}};
  // one pass, in place (a pattern never writes more than it reads): at each
  // position the first pattern of the table that matches (the table lists
  // longer patterns before their prefixes)
  {
    // the patterns by their first letter, in table order
    static const std::array<std::vector<const std::pair<std::string_view, char>*>, 128> by_first = [] {
      std::array<std::vector<const std::pair<std::string_view, char>*>, 128> b;
      for (const auto& sub : subs) b[static_cast<unsigned char>(sub.first[0])].push_back(&sub);
      return b;
    }();
    std::size_t o = 0;
    for (std::size_t i = 0; i < n;) {
      bool hit = false;
      for (const auto* sub : by_first[static_cast<unsigned char>(c0[i]) & 0x7F]) {
        const auto& [from, to] = *sub;
        const std::size_t len = from.size();
        if (n - i >= len && same(c0 + i, from.data(), len)) {
          c0[o++] = to;
          i += len;
          hit = true;
          break;
        }
      }
      if (!hit) c0[o++] = c0[i++];
    }
    n = o;
    // šč and sch read as one ш: "Sc" -> "S"; so does sc before e or i, šč
    // with its marks lost or Italian sce, sci (Scegolev, Grebenscikov)
    std::size_t k = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (c0[i] == 'c' && i > 0) {  // (one test for the other letters)
        if (c0[i - 1] == 'S') continue;
        if (c0[i - 1] == 's' && i + 1 < n && (c0[i + 1] == 'e' || c0[i + 1] == 'i')) {
          c0[k - 1] = 'S';  // the s written just before
          continue;
        }
      }
      c0[k++] = c0[i];
    }
    n = k;
  }
  if (n == 0) return;
  // One pass over the letters, written back over them:
  // - "sco", "sca", "scu" are English sk (Roscomnadzor): c is ц in the ISO
  //   and GOST schemas everywhere else, and сц is rare in Russian;
  // - classes: х, h and г (Herman is German); ш, щ, ч and ц, which schemas
  //   and languages swap;
  // - the skeleton: the first letter (any vowel or j as one class), then the
  //   consonants, doubled ones once.
  std::size_t k = 0;
  int groups = 0;  // runs of vowels: the syllables (Путин 2, Потанин 3)
  bool in_vowels = false;
  char last = 0, prev = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = c0[i];
    if (c == 'c' && prev == 's' && i + 1 < n && (c0[i + 1] == 'a' || c0[i + 1] == 'o' || c0[i + 1] == 'u')) c = 'k';
    prev = c0[i];
    if (c == 'h' || c == 'g') c = 'H';
    else if (c == 'C' || c == 'c') c = 'S';
    const bool v = vowel_or_j(c);
    if (v && !in_vowels) ++groups;
    in_vowels = v;
    if (i == 0) {
      c0[k++] = last = v ? '_' : c;
      continue;
    }
    if (v) continue;
    if (last != c) c0[k++] = last = c;
  }
  c0[k++] = static_cast<char>('0' + std::min(groups, 9));
  out.append(c0, k);
}

}  // namespace

std::string name_key(std::string_view utf8) {
  // the word keys, one after another in one buffer, then sorted as views
  std::string buf;
  std::array<std::pair<std::size_t, std::size_t>, 8> small{};
  std::vector<std::pair<std::size_t, std::size_t>> more;  // names of many words
  std::size_t n = 0;
  std::size_t i = 0;
  while (i < utf8.size()) {
    // words split at spaces and hyphens
    std::size_t j = i;
    while (j < utf8.size() && utf8[j] != ' ' && utf8[j] != '-' && utf8[j] != '\t') ++j;
    if (j > i) {
      const std::size_t at = buf.size();
      word_key(utf8.substr(i, j - i), buf);
      if (buf.size() > at) {
        const std::pair<std::size_t, std::size_t> key{at, buf.size() - at};
        if (n < small.size()) small[n] = key;
        else {
          if (more.empty()) more.assign(small.begin(), small.end());
          more.push_back(key);
        }
        ++n;
      }
    }
    i = j + 1;
  }
  if (n == 1 && small[0].first == 0 && small[0].second == buf.size()) return buf;  // one word: its key
  auto* keys = n <= small.size() ? small.data() : more.data();
  const std::string_view all(buf);
  std::sort(keys, keys + n, [all](const auto& a, const auto& b) {
    return all.substr(a.first, a.second) < all.substr(b.first, b.second);
  });
  std::string out;
  out.reserve(buf.size() + n);
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0) out.push_back(' ');
    out += all.substr(keys[k].first, keys[k].second);
  }
  return out;
}

std::string name_base(std::string_view utf8) {
  // lower-case copy to match endings; the original keeps its case
  std::string lower;
  std::vector<std::size_t> starts;  // byte offset of each character
  for (const char* p = utf8.data(); p < utf8.data() + utf8.size();) {
    const decoded_char d = decode_utf8(p, utf8.data() + utf8.size());
    starts.push_back(static_cast<std::size_t>(p - utf8.data()));
    append_utf8(lower, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(d.cp))));
    p += d.len;
  }
  const std::size_t n = starts.size();
  auto cut = [&](std::size_t chars, std::string_view rep) {  // drop `chars` letters, add rep
    return std::string(utf8.substr(0, starts[n - chars])) + std::string(rep);
  };
  auto ends = [&](std::string_view e) { return lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0; };
  auto letters = [](std::string_view e) {
    std::size_t k = 0;
    for (unsigned char c : e) k += (c & 0xC0) != 0x80;
    return k;
  };
  static const std::pair<const char*, const char*> rules[] = {
      {"ского", "ский"}, {"скому", "ский"}, {"ским", "ский"}, {"ском", "ский"},
      {"ской", "ская"},  {"скую", "ская"},  {"цкого", "цкий"}, {"цкому", "цкий"},
      {"цким", "цкий"},  {"цком", "цкий"},  {"ового", "овый"}, {"овым", "ов"},
      {"евым", "ев"},    {"ёвым", "ёв"},    {"иным", "ин"},    {"ыным", "ын"},
      {"овой", "ова"},   {"евой", "ева"},   {"иной", "ина"},   {"ыной", "ына"},
      {"ову", "ов"},     {"еву", "ев"},     {"ёву", "ёв"},     {"ину", "ин"},
      {"ыну", "ын"},     {"ове", "ов"},     {"еве", "ев"},     {"ине", "ин"},
      {"ыне", "ын"},     {"ова", "ов"},     {"ева", "ев"},     {"ёва", "ёв"},
      {"ина", "ин"},     {"ына", "ын"},     {"ного", "ный"},   {"ному", "ный"},
      {"ского", "ский"}, {"ских", "ский"},  {"цких", "цкий"},  {"цкой", "цкая"},
      {"ьным", "ьный"},  {"ого", "ой"},     {"ому", "ой"},
      // nominative feminine adjectival surnames stay: Ямпольская
      {"ская", "ская"},  {"цкая", "цкая"},
      // -й and -ь names: Карзая, Карзаем, Врангеля
      {"аем", "ай"},     {"ая", "ай"},      {"ея", "ей"},      {"ля", "ль"},
      {"лем", "ль"},
      // the instrumental of a stem in a hushing sound: Януковичем (not
      // -цем: Гринцем is Гринец's)
      {"чем", "ч"},      {"шем", "ш"},      {"щем", "щ"},      {"жем", "ж"},
      // the same in Latin letters (Durova, Durovym)
      {"ovoy", "ov"},    {"ovoi", "ov"},    {"ovym", "ov"},    {"ovu", "ov"},
      {"ova", "ov"},     {"evoy", "ev"},    {"evym", "ev"},    {"evu", "ev"},
      {"eva", "ev"},     {"inoy", "in"},    {"inym", "in"},    {"inu", "in"},
      {"ina", "in"},     {"skogo", "sky"},  {"skomu", "sky"},  {"skim", "sky"}};
  for (const auto& [e, rep] : rules) {
    if (ends(e) && n > letters(e) + 1) return cut(letters(e), rep);
  }
  // a consonant-final name declined: Вагнера, Вагнеру, Вагнером
  static const char* const generic[] = {"ом", "у", "а"};
  auto is_vowel_or_soft = [](char32_t c) {
    switch (c) {
      case 0x430: case 0x435: case 0x451: case 0x438: case 0x43E: case 0x443: case 0x44B:
      case 0x44D: case 0x44E: case 0x44F: case 0x44C: case 0x439:
        return true;
      default:
        return false;
    }
  };
  // the genitive of a name in -а: Обамы, Маехары (-ы after a hard
  // consonant ends no Russian nominative surname)
  if (ends("овы") || ends("евы") || ends("ины") || ends("ыны")) {
    if (n > 4) return cut(1, "");  // the plural of a family: Петровы
  } else if (ends("ы") && n > 3) {
    const char* q = lower.data() + lower.size() - 2;
    const char32_t prev = decode_utf8(q - 2, q).cp;
    if (prev >= 0x430 && prev <= 0x44F && !is_vowel_or_soft(prev) && prev != 0x436 && prev != 0x448 && prev != 0x446)
      return cut(1, (static_cast<unsigned char>(utf8[utf8.size() - 1]) == 0xAB && utf8[utf8.size() - 2] == '\xD0') ? "\u0410" : "\u0430");
  }
  for (const char* e : generic) {
    const std::size_t k = letters(e);
    if (ends(e) && n > k + 2) {
      const char* q = lower.data() + lower.size() - std::string_view(e).size();
      const char* b = q - 1;
      while (b > lower.data() && (static_cast<unsigned char>(*b) & 0xC0) == 0x80) --b;
      const char32_t prev = decode_utf8(b, q).cp;
      if (prev >= 0x430 && prev <= 0x44F && !is_vowel_or_soft(prev)) return cut(k, "");
    }
  }
  return std::string(utf8);
}

SKAZ_END_NAMESPACE
}  // namespace skaz
