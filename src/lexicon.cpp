// Lexicons of the language profiles: abbreviations by how their period
// behaves, and the words that start sentences. Written for skaz from general
// knowledge of English and Russian typography; keys are folded (lower case,
// no dots or spaces).
#include <bitset>
#include <cstring>
#include <cstdint>
#include <initializer_list>
#include <string>

#include "chars_inline.hpp"
#include "segment_impl.hpp"
#include "string_table.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

namespace {

// every word of a document is looked up: flat tables, not node-based ones
using Set = StringSet;

enum : std::uint8_t { kAny = 0, kChainOnly = 1, kCapitalOnly = 2 };
struct Entry {
  abbr_class cls;
  std::uint8_t when;
};
using Map = StringTable<Entry>;

void add(Map& m, std::initializer_list<std::string_view> words, abbr_class c,
         std::uint8_t when = kAny) {
  for (auto w : words) m.emplace(w, Entry{c, when});
}

Map english_abbreviations() {
  Map m;
  // Titles, months and days stand before a name or a number, capitalised
  // (lower case they are words: "no", "art", "sat", "sun").
  add(m, {"mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "st", "mt", "ft", "gen", "col",
          "capt", "cpt", "lt", "sgt", "maj", "adm", "cmdr", "rev", "hon", "gov", "sen", "rep",
          "pres", "supt", "det", "insp", "no", "nos", "art", "jan", "feb", "mar", "apr", "jun",
          "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
          "thur", "thurs", "fri", "sat", "sun"},
      abbr_class::prefix, kCapitalOnly);
  // Labels that stand before a number, in either case.
  add(m, {"fig", "figs", "n°", "vol", "vols", "pp", "para", "sec", "ch", "chap", "eq", "eqs", "ref",
          "op", "cf", "vs", "viz", "approx", "dept", "univ", "assn", "ave", "blvd", "rd", "hwy",
          "tel", "ext", "ps"},
      abbr_class::prefix);
  add(m, {"eg", "ie"}, abbr_class::inner, kChainOnly);
  // May end a sentence: companies, suffixes, units, etc.
  add(m, {"co", "corp", "inc", "ltd", "llc", "plc", "bros", "jr", "sr", "esq", "phd", "etc",
          "al", "ed", "eds", "min", "max", "km", "kg", "cm", "mm", "lb", "lbs", "oz", "hr", "hrs",
          "yr", "yrs", "ibid"},
      abbr_class::ambiguous);
  // Times and countries written with dots (as words they are "am", "us").
  add(m, {"am", "pm", "us", "usa", "uk", "eu", "un", "ussr", "dc"}, abbr_class::ambiguous,
      kChainOnly);
  return m;
}

Map russian_abbreviations() {
  Map m;
  add(m, {"ул", "пр", "просп", "пл", "пер", "наб", "ш", "д", "кв", "корп", "стр", "оф", "обл",
          "пос", "пгт", "дер", "проф", "акад", "доц", "св", "ген", "полк", "подп", "ст",
          "п", "пп", "гл", "разд", "рис", "табл", "тов", "гр", "г-н", "г-жа", "куб", "утв",
          "пост", "сокр", "англ", "нем", "франц", "лат", "греч", "букв", "напр", "ср",
          "прим", "зам", "пом", "нач", "зав", "гос", "о", "оз", "с", "ж", "№", "n°", "ио", "вып",
          "изд", "сост", "кн", "тт", "ред"},
      abbr_class::prefix);
  add(m, {"те", "тн", "тк", "то", "тч"}, abbr_class::inner);
  // "1898 г. В 1854 году": after a year, a preposition goes on with the
  // sentence more often than it starts one
  add(m, {"г"}, abbr_class::weak);
  add(m, {"гг", "в", "вв", "р", "руб", "коп", "тыс", "млн", "млрд", "трлн", "долл", "дол",
          "евро", "проц", "мин", "сек", "ч", "час", "км", "м", "см", "мм", "кг", "т", "л", "шт",
          "экз", "др", "тд", "тп", "нэ", "днэ", "га", "мл", "мес",
          // also words ("им" them, "ок" okay): they may end a sentence
          "им", "ок"},
      abbr_class::ambiguous);
  return m;
}

Set english_starters() {
  return {"i", "he", "she", "it", "we", "they", "you", "this", "that", "these", "those", "there",
          "here", "the", "a", "an", "some", "many", "most", "all", "each", "every", "no", "our",
          "my", "his", "her", "their", "its", "your", "but", "and", "so", "yet", "or", "however",
          "then", "thus", "therefore", "meanwhile", "also", "still", "moreover", "furthermore",
          "now", "later", "instead", "nevertheless", "indeed", "what", "when", "where", "who",
          "why", "how", "which", "whether", "in", "on", "at", "for", "from", "with", "by",
          "after", "before", "during", "since", "as", "although", "though", "if", "unless",
          "while", "because", "despite", "among", "according", "is", "are", "was", "were", "do",
          "does", "did", "can", "could", "will", "would", "should", "may", "might", "must", "has",
          "have", "had", "not", "nor", "mr", "mrs", "ms", "dr", "prof", "one", "two", "both",
          "such", "last", "next", "today", "yesterday", "tomorrow", "other", "another", "more"};
}

Set russian_starters() {
  return {"в", "во", "на", "но", "а", "и", "он", "она", "оно", "они", "это", "этот", "эта",
          "эти", "так", "там", "тут", "как", "когда", "что", "чтобы", "если", "по", "с", "со",
          "к", "ко", "у", "о", "об", "из", "за", "для", "при", "после", "до", "однако", "также",
          "кроме", "поэтому", "хотя", "мы", "я", "ты", "вы", "его", "ее", "её", "их", "все", "всё",
          "уже", "сейчас", "теперь", "затем", "потом", "тогда", "здесь", "где", "кто", "почему",
          "зачем", "не", "ни", "между", "среди", "под", "над", "через", "вот", "да", "нет", "еще",
          "ещё", "впрочем", "кстати", "напомним", "ранее", "позже", "сегодня", "вчера", "завтра",
          "при", "согласно", "именно", "лишь", "только", "несмотря", "помимо", "около", "этого",
          "этом", "эту", "той", "тот", "та", "те", "то", "один", "одна", "одно"};
}

}  // namespace

std::string_view fold_key(std::string_view word, char* buf, std::size_t cap) {
  // byte arithmetic for ASCII and two-byte forms (every word of a document
  // is folded); longer forms and stray bytes are copied as they are
  std::size_t n = 0;
  const char* p = word.data();
  const char* end = p + word.size();
  while (p < end) {
    const auto b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
      ++p;
      if (b == '.' || b == ' ') continue;
      if (n + 1 > cap) return {};
      buf[n++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      continue;
    }
    if (b >= 0xC2 && b <= 0xDF && end - p >= 2 && (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80) {
      auto c = static_cast<unsigned char>(p[1]);
      p += 2;
      if (b == 0xC2 && c == 0xA0) continue;  // no-break space
      if (n + 2 > cap) return {};
      if (b == 0xD0 || b == 0xD1) {
        fold_ru2(b, c, buf + n);
      } else {
        buf[n] = static_cast<char>(b);
        buf[n + 1] = static_cast<char>(c);
      }
      n += 2;
      continue;
    }
    // other characters (°, №) are kept as they are
    const std::size_t l = decode_utf8(p, end).len;
    if (n + l > cap) return {};
    for (std::size_t k = 0; k < l; ++k) buf[n + k] = p[k];
    n += l;
    p += l;
  }
  return std::string_view(buf, n);
}

namespace {

struct Lexicons {
  Map abbr;
  Set starters;
  Set exclaim;
};

const Lexicons& lexicons(lang_id lang) {
  static const Lexicons en{english_abbreviations(), english_starters(),
                           {"yahoo", "jeopardy", "joomla", "wham"}};
  static const Lexicons ru{russian_abbreviations(), russian_starters(), {}};
  return lang == lang_id::ru ? ru : en;
}

bool lookup(const Set& s, std::string_view word) {
  char buf[64];
  const std::string_view k = fold_key(word, buf, sizeof buf);
  return !k.empty() && s.contains(k);
}

}  // namespace

abbr_class Profile::abbreviation(std::string_view word, bool chain) const {
  char buf[64];
  const std::string_view k = fold_key(word, buf, sizeof buf);
  if (k.empty()) return abbr_class::none;
  const auto& m = lexicons(lang).abbr;
  const Entry* found = m.find(k);
  if (!found) return abbr_class::none;
  const Entry& e = *found;
  if ((e.when & kChainOnly) && !chain) return abbr_class::none;
  if ((e.when & kCapitalOnly) && !(word[0] >= 'A' && word[0] <= 'Z')) return abbr_class::none;
  return e.cls;
}

bool Profile::starter(std::string_view word) const { return lookup(lexicons(lang).starters, word); }

namespace {

// A starter's shape: its folded first letter and its length in bytes. Most
// capitalised words asked about are names, whose shape no starter has: they
// are turned away before the fold and the two lookups. (-1: a first letter
// not read here, or a full stop, a space or a no-break space, which the fold
// drops; the full test decides.)
int starter_shape(std::string_view w) {
  if (w.empty()) return -1;
  // (words of four bytes or more in overlapping four-byte loads: this runs
  // for every capitalised word)
  auto any_of3 = [](std::uint32_t x) {
    constexpr std::uint32_t ones = 0x01010101u, highs = 0x80808080u;
    auto zero = [&](std::uint32_t v) { return (v - ones) & ~v & highs; };
    return zero(x ^ (ones * '.')) | zero(x ^ (ones * ' ')) | zero(x ^ (ones * 0xC2u));
  };
  const std::size_t n = w.size();
  if (n >= 4) {
    std::uint32_t x;
    for (std::size_t i = 0; i < n; i += 4) {
      std::memcpy(&x, w.data() + std::min(i, n - 4), 4);
      if (any_of3(x)) return -1;
    }
  } else {
    for (const char c : w)
      if (c == '.' || c == ' ' || c == '\xC2') return -1;
  }
  const auto b0 = static_cast<unsigned char>(w[0]);
  int letter;
  if (b0 < 0x80) {
    letter = b0 >= 'A' && b0 <= 'Z' ? b0 + 32 : b0;
  } else if ((b0 == 0xD0 || b0 == 0xD1) && w.size() >= 2) {
    char f[2];
    fold_ru2(b0, static_cast<unsigned char>(w[1]), f);
    letter = 128 + ((static_cast<unsigned char>(f[0]) & 1) << 6) + (static_cast<unsigned char>(f[1]) & 0x3F);
  } else {
    return -1;
  }
  return letter * 64 + static_cast<int>(std::min<std::size_t>(w.size(), 63));
}

struct StarterShapes {
  std::bitset<256 * 64> seen;
  StarterShapes() {
    for (const lang_id l : {lang_id::en, lang_id::ru})
      lexicons(l).starters.each_key([&](std::string_view k) {
        const int s = starter_shape(k);
        if (s >= 0) seen.set(static_cast<std::size_t>(s));
      });
  }
};

}  // namespace

bool starter_any(std::string_view word) {
  static const StarterShapes shapes;
  const int s = starter_shape(word);
  if (s >= 0 && !shapes.seen[static_cast<std::size_t>(s)]) return false;
  char buf[64];
  const std::string_view k = fold_key(word, buf, sizeof buf);
  return !k.empty() && (lexicons(lang_id::en).starters.contains(k) || lexicons(lang_id::ru).starters.contains(k));
}

bool Profile::exclamation_name(std::string_view word) const {
  return lookup(lexicons(lang).exclaim, word);
}

const Profile& profile(lang_id lang) {
  static const Profile en{lang_id::en};
  static const Profile ru{lang_id::ru};
  static const Profile other{lang_id::other};
  switch (lang) {
    case lang_id::en: return en;
    case lang_id::ru: return ru;
    default: return other;
  }
}

lang_id detect_profile(std::string_view text, Span range) {
  const ScriptCount n = count_scripts(text.data() + range.start, text.data() + range.end);
  return n.cyrillic > n.latin ? lang_id::ru : lang_id::en;
}

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
