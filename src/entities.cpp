// Document entities: name mentions found by capitalisation, clustered by
// the name key of their last word, with a canonical name.
//
// A mention is a run of capitalised words (Latin or Cyrillic) in a body
// zone. A known first name (in any transliteration: first names are
// compared by name key) joins the capitalised word after it, across a
// particle that machine translation leaves between them ("Kirill to
// Kallinikova"), into one person mention; other capitalised words are
// mentions of their own. A word that opens a sentence and is a sentence
// starter (The, He, В, Но) is no mention. Mentions whose last words share a
// name key are one entity (Durov, Durova, Pavel Durov; Roskomnadzor,
// Roscomnadzor). The canonical name is the fullest person mention, its
// surname in the base form that agrees with the first name's gender
// (Kirill ... Kallinikova -> Kirill Kallinikov; Natalia Seliverstova stays),
// or else the most frequent spelling.
#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <deque>
#include <new>
#include <type_traits>
#include <unordered_map>
#include <string>
#include <vector>

#include "chars_inline.hpp"
#include "segment_impl.hpp"
#include "skaz/document.hpp"
#include "skaz/names.hpp"
#include "string_table.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

namespace {

// Common Russian first names (Cyrillic), with gender. Compared by name key,
// so every transliteration (Pavel, Pawel, Павел) is found.
struct FirstName {
  const char* name;
  bool female;
};
const FirstName kFirstNames[] = {
    {"Александр", false}, {"Алексей", false},  {"Анатолий", false}, {"Андрей", false},
    {"Антон", false},     {"Аркадий", false},  {"Артём", false},    {"Борис", false},
    {"Вадим", false},     {"Валентин", false}, {"Валерий", false},  {"Василий", false},
    {"Виктор", false},    {"Виталий", false},  {"Владимир", false}, {"Владислав", false},
    {"Вячеслав", false},  {"Геннадий", false}, {"Георгий", false},  {"Герман", false},
    {"Глеб", false},      {"Григорий", false}, {"Денис", false},    {"Дмитрий", false},
    {"Евгений", false},   {"Егор", false},     {"Иван", false},     {"Игорь", false},
    {"Илья", false},      {"Кирилл", false},   {"Константин", false}, {"Леонид", false},
    {"Максим", false},    {"Михаил", false},   {"Никита", false},   {"Николай", false},
    {"Олег", false},      {"Павел", false},    {"Пётр", false},     {"Роман", false},
    {"Руслан", false},    {"Сергей", false},   {"Станислав", false}, {"Степан", false},
    {"Тимур", false},     {"Фёдор", false},    {"Юрий", false},     {"Яков", false},
    {"Ярослав", false},   {"Эдуард", false},   {"Рамзан", false},   {"Семён", false},
    {"Александра", true}, {"Алла", true},      {"Анастасия", true}, {"Анна", true},
    {"Валентина", true},  {"Вера", true},      {"Виктория", true},  {"Галина", true},
    {"Дарья", true},      {"Екатерина", true}, {"Елена", true},     {"Елизавета", true},
    {"Ирина", true},      {"Ксения", true},    {"Лариса", true},    {"Любовь", true},
    {"Людмила", true},    {"Мария", true},     {"Марина", true},    {"Надежда", true},
    {"Наталья", true},    {"Наталия", true},   {"Ольга", true},     {"Полина", true},
    {"Светлана", true},   {"Софья", true},     {"Татьяна", true},   {"Юлия", true},
    {"Майя", true},       {"Евгения", true},   {"Маргарита", true}, {"Зоя", true},
    {"Артур", false},     {"Арсений", false},  {"Лев", false},  {"Богдан", false},   {"Даниил", false},
    {"Матвей", false},    {"Филипп", false},   {"Альберт", false},  {"Ростислав", false},
    {"Алина", true},      {"Алёна", true},     {"Вероника", true},  {"Кристина", true},
    {"Лидия", true},      {"Нина", true},      {"Оксана", true},    {"Тамара", true},
    {"Инна", true},       {"Жанна", true},     {"Валерия", true},   {"Яна", true},
    // (not Регина, Раиса, Карина, Алиса, Олеся, Диана, Милана, Римма, Ева,
    // Родион: their keys are those of Region, Райс, Korean, Elysee, День,
    // Milan, Рим, Ива, Radiana)
    {"Всеволод", false},  {"Давид", false},    {"Захар", false},    {"Марат", false},
    {"Ренат", false},     {"Рустам", false},   {"Святослав", false}, {"Тарас", false},
    {"Тимофей", false},   {"Тихон", false},    {"Эмиль", false},
    {"Эльдар", false},    {"Шамиль", false},   {"Магомед", false},  {"Ринат", false},
    {"Ильдар", false},    {"Айдар", false},    {"Рамиль", false},   {"Прохор", false},
    {"Эльвира", true},    {"Зинаида", true},   {"Клавдия", true},   {"Снежана", true},
    {"Ульяна", true},     {"Эльмира", true},   {"Ангелина", true},  {"Василиса", true},
    {"Варвара", true},    {"Таисия", true},    {"Виолетта", true},
    // English forms a translation may use
    {"Alexander", false}, {"Peter", false},    {"Michael", false},  {"Nicholas", false},
    {"George", false},    {"Gregory", false},  {"Paul", false},     {"Alexandra", true},
    {"Catherine", true},  {"Helen", true},     {"Mary", true},      {"Natalie", true},
};

// Common English (and Western European) given names, with gender: a
// capitalised word of this list before another capitalised word opens a
// person's name ("Donald Trump said", "Terry Branstad, the ambassador"),
// as a Russian first name does. Compared by spelling (case-folded), not by
// name key: an English name's key may be a Russian surname's. Left out:
// given names that are also common words, months, places or titles (Will,
// May, Bill, Mark, Grace, Jordan, Georgia, Victoria, Dean, Earl, Kim).
const char* const kEnglishMale[] = {
    "Aaron", "Adam", "Adrian", "Alan", "Albert", "Alex", "Alfred", "Andrew", "Andy", "Anthony",
    "Antonio", "Arnold", "Arthur", "Barack", "Barry", "Ben", "Benjamin", "Bernard", "Bernie",
    "Bob", "Bobby", "Brad", "Bradley", "Brandon", "Brett", "Brian", "Bruce", "Bryan", "Carl",
    "Carlos", "Charles", "Charlie", "Chris", "Christopher", "Chuck", "Colin", "Craig", "Dan",
    "Daniel", "Danny", "Darren", "Dave", "David", "Dennis", "Derek", "Dick", "Dominic", "Donald",
    "Doug", "Douglas", "Duncan", "Dylan", "Ed", "Eddie", "Edward", "Elon", "Emmanuel", "Eric",
    "Erik", "Ernest", "Eugene", "Francis", "Francisco", "Franklin", "Fred", "Frederick", "Gary",
    "Gavin", "Geoffrey", "Gerald", "Gerhard", "Gilbert", "Glenn", "Gordon", "Greg", "Hans",
    "Harold", "Harry", "Harvey", "Hector", "Henry", "Herbert", "Howard", "Hugh", "Hugo", "Ian",
    "Jack", "Jacob", "Jake", "James", "Jamie", "Jason", "Jay", "Jean", "Jeff", "Jeffrey", "Jeremy",
    "Jerome", "Jerry", "Jim", "Jimmy", "Joe", "Joel", "John", "Johnny", "Jon", "Jonathan", "Jorge",
    "Jose", "Joseph", "Josh", "Joshua", "Juan", "Julian", "Justin", "Karl", "Keith", "Kenneth",
    "Kevin", "Kyle", "Larry", "Lawrence", "Leo", "Leon", "Lewis", "Liam", "Louis", "Luis", "Luke",
    "Malcolm", "Manuel", "Marco", "Mario", "Martin", "Matt", "Matthew", "Maurice", "Max", "Michel",
    "Mick", "Mike", "Mitch", "Nathan", "Neil", "Nick", "Nigel", "Noah", "Norman", "Oliver", "Oscar",
    "Owen", "Patrick", "Paolo", "Pedro", "Phil", "Philip", "Pierre", "Ralph", "Randy", "Raymond",
    "Richard", "Rick", "Ricky", "Rob", "Robert", "Roberto", "Rodney", "Roger", "Ron", "Ronald",
    "Ross", "Roy", "Russell", "Ryan", "Sam", "Samuel", "Scott", "Sean", "Sebastian", "Simon",
    "Stefan", "Stephen", "Steve", "Steven", "Stuart", "Ted", "Terry", "Theodore", "Thomas", "Tim",
    "Timothy", "Todd", "Tom", "Tommy", "Tony", "Travis", "Trevor", "Victor", "Vincent", "Walter",
    "Warren", "Wayne", "Wesley", "William", "Wolfgang", "Zachary",
    // Arabic given names as English news writes them
    "Abdullah", "Ahmad", "Ahmed", "Faisal", "Hamad", "Hassan", "Hussein", "Ibrahim", "Jamal",
    "Khaled", "Khalid", "Mahmoud", "Mohamed", "Mohammad", "Mohammed", "Muhammad", "Mustafa", "Omar",
    "Rashid", "Saeed", "Salman", "Tariq", "Walid", "Youssef", "Yusuf",
};
const char* const kEnglishFemale[] = {
    "Abigail", "Alice", "Alison", "Amanda", "Amy", "Andrea", "Angela", "Angelina", "Ann", "Anne",
    "Annie", "Barbara", "Betty", "Beverly", "Brenda", "Caroline", "Carol", "Catherine", "Charlotte",
    "Cheryl", "Christina", "Christine", "Claire", "Claudia", "Cynthia", "Deborah", "Debra", "Denise",
    "Diana", "Diane", "Donna", "Doris", "Dorothy", "Elizabeth", "Ellen", "Emily", "Emma", "Eva",
    "Evelyn", "Fiona", "Frances", "Gloria", "Hannah", "Heidi", "Helen", "Hillary", "Isabel",
    "Isabella", "Jacqueline", "Jane", "Janet", "Janice", "Jennifer", "Jessica", "Jill", "Joan",
    "Joanna", "Judith", "Judy", "Julia", "Julie", "Karen", "Kate", "Katherine", "Kathleen", "Kathryn",
    "Kathy", "Katie", "Kamala", "Kelly", "Laura", "Lauren", "Linda", "Lisa", "Liz", "Louise", "Lucy",
    "Margaret", "Maria", "Marie", "Marilyn", "Martha", "Megan", "Melania", "Melissa", "Michelle",
    "Monica", "Nancy", "Nicola", "Nicole", "Olivia", "Pamela", "Patricia", "Paula", "Rachel",
    "Rebecca", "Ruth", "Samantha", "Sandra", "Sara", "Sarah", "Sharon", "Shirley", "Sophie",
    "Stephanie", "Susan", "Suzanne", "Teresa", "Theresa", "Tina", "Ursula", "Valerie", "Vanessa",
    "Wendy",
};

struct NameIndex {
  StringTable<bool> female_by_key;  // name key -> female
  // the Cyrillic names as written (folded) -> female: keys join names of
  // both genders (Илья and Юлия are both _l2), the spelling does not
  StringTable<bool> female_exact;
  StringTable<bool> both_genders;  // keys of a man's and a woman's name
  NameIndex() {
    char buf[64];
    for (const FirstName& f : kFirstNames) {
      const std::string key = name_key(f.name);
      const bool* seen = female_by_key.find(key);
      if (seen && *seen != f.female) both_genders.emplace(key, true);
      female_by_key.emplace(key, f.female);
      const std::string_view k = fold_key(f.name, buf, sizeof buf);
      if (!k.empty()) female_exact.emplace(k, f.female);
    }
  }
  // the gender of a Cyrillic name in the lexicon, spelled as it is there,
  // unless the spelling is also a case form of a man's name (Александра of
  // Александр, Валерия of Валерий, Евгения of Евгений)
  const bool* exact(std::string_view word) const {
    const bool* f = spelled(word);
    return f && *f && !man_of_woman(word).empty() ? nullptr : f;
  }
  // the man's name whose genitive is this woman's name of the lexicon
  // (Александра -> Александр, Валерия -> Валерий); empty when none
  std::string man_for(std::string_view word) const {
    const bool* f = spelled(word);
    return f && *f ? man_of_woman(word) : std::string();
  }

 private:
  const bool* spelled(std::string_view word) const {
    char buf[64];
    const std::string_view k = fold_key(word, buf, sizeof buf);
    return k.empty() ? nullptr : female_exact.find(k);
  }
  // man_for() of a word known to spell a woman's name
  std::string man_of_woman(std::string_view word) const {
    if (word.size() < 4) return {};
    const std::string stem(word.substr(0, word.size() - 2));
    auto man = [&](const std::string& n) {
      char b2[64];
      const bool* g = female_exact.find(fold_key(n, b2, sizeof b2));
      return g && !*g;
    };
    if (ends_any(word, {"а"}) && man(stem)) return stem;
    if (ends_any(word, {"я"})) {
      for (const char* end : {"й", "ь"})
        if (man(stem + end)) return stem + end;
    }
    return {};
  }
};

const NameIndex& first_names() {
  static const NameIndex idx;
  return idx;
}

// Particles between a first name and a surname: name particles (de, van,
// von) and the prepositions machine translation inserts ("Kirill to ...").
bool particle(std::string_view w) {
  return w == "to" || w == "de" || w == "van" || w == "von" || w == "da" || w == "di" || w == "le";
}

// Days and months: capitalised, but no names.
bool calendar_word(std::string_view w) {
  static const StringSet words = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
      "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December",
      "Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье",
      "Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь",
      "Октябрь", "Ноябрь", "Декабрь"};
  return words.contains(w);
}

// An English sentence adverb opening a sentence: "Earlier Lithuanian
// Defense Minister …", "Recently Yerevan …", "Surprisingly, Yesenin" (a
// word of six letters or more in one of the adverbs' endings, -ally, -ntly,
// -usly, -edly, -ngly, …, that is no given name; Anatoly, Vitaly, Kimberly
// and Piccadilly end otherwise).
bool sentence_adverb(std::string_view w) {
  // (and adverbs of time: "Позднее Рено сказала" names no "Позднее Рено")
  for (std::string_view a : {"Earlier", "Previously", "Later", "Meanwhile", "Yesterday", "Today", "Позднее",
                             "Позже", "Ранее", "Затем", "Теперь", "Сейчас", "Сегодня", "Вчера", "Накануне",
                             "Впоследствии"})
    if (w == a) return true;
  if (w.size() < 6 || w[0] < 'A' || w[0] > 'Z' || w[w.size() - 1] != 'y' || w[w.size() - 2] != 'l') return false;
  for (std::size_t i = 1; i < w.size(); ++i)
    if (w[i] < 'a' || w[i] > 'z') return false;
  return ends_any(w, {"ally", "ntly", "usly", "edly", "ngly", "tely", "sely", "vely", "ctly", "arly", "ssly", "fully"}) &&
         english_first_name(w) < 0;
}

// Capitalised words of place and institution names, never a first name or
// a surname: "United States" recurs as "the States" but names nobody.
bool place_word(std::string_view w) {
  static const StringSet words = {
      "United", "New", "North", "South", "East", "West", "Great", "Saint", "Royal", "National",
      "Federal", "European", "Russian", "American", "British", "State", "States", "Nations",
      "Kingdom", "Republic", "Union", "City", "County", "Bank", "University", "Ministry",
      "Department", "Agency", "Council", "Court", "Party", "Street", "Square", "River"};
  return words.contains(w);
}

// Nouns that name a role or office (en, ru), as role_noun() compares them.
constexpr std::string_view kRoleNouns[] = {
      "head", "chief", "director", "founder", "co-founder", "minister", "president", "spokesman",
      "spokeswoman", "spokesperson", "adviser", "advisor", "ombudsman", "chairman", "chairwoman",
      "governor", "mayor", "leader", "secretary", "ambassador", "editor", "owner", "CEO", "deputy",
      "commander", "prosecutor", "judge", "senator", "analyst", "expert", "captain", "master", "chancellor",
      "глава", "руководитель", "директор", "основатель", "министр", "президент", "председатель",
      "губернатор", "мэр", "лидер", "секретарь", "посол", "советник", "представитель", "редактор",
      "владелец", "заместитель", "командующий", "прокурор", "судья", "сенатор", "аналитик",
      "эксперт", "капитан", "омбудсмен"};

// The byte lengths of the role nouns by their first two bytes, folded as
// role_noun() folds them (ASCII letters to lower case, a Cyrillic first
// letter to lower case): a word is turned away by its shape before any
// lookup (role_noun runs for many words). The slot of a Latin word is its
// two first letters' low five bits (case-blind), of a Cyrillic one its
// first letter; no role noun starts with another byte.
inline int role_slot(std::string_view w) noexcept {
  const auto a = static_cast<unsigned char>(w[0]);
  const auto b = static_cast<unsigned char>(w.size() > 1 ? w[1] : 0);
  if (a < 0x80) return (a & 0x1F) << 5 | (b & 0x1F);  // (letters: below 896)
  if (a != 0xD0 && a != 0xD1) return -1;
  char f[2];
  fold_ru2(a, b, f);
  return 896 + ((static_cast<unsigned char>(f[0]) & 1) << 6 | (static_cast<unsigned char>(f[1]) & 0x3F));
}
const std::array<std::uint64_t, 1024> kRoleShapes = [] {
  std::array<std::uint64_t, 1024> t{};
  for (const std::string_view n : kRoleNouns) t[static_cast<std::size_t>(role_slot(n))] |= std::uint64_t{1} << n.size();
  return t;
}();

inline bool role_shape(std::string_view w) noexcept {
  if (w.empty() || w.size() >= 64) return false;
  const int slot = role_slot(w);
  return slot >= 0 && (kRoleShapes[static_cast<std::size_t>(slot)] >> w.size() & 1);
}

bool role_noun(std::string_view w);

// A role or an institution after a nationality adjective: "German
// Chancellor", "German Foreign Ministry", "German Government".
bool institution_word(std::string_view w) {
  static const StringSet words = {"chancellor", "government", "ministry", "foreign", "federal", "interior",
                                  "defence", "defense", "economy", "finance", "health", "embassy", "army",
                                  "navy", "parliament", "police", "court", "bundestag", "football", "national",
                                  "state", "central", "green", "greens", "social", "christian", "media"};
  char buf[16];
  if (w.size() > sizeof buf) return false;
  const std::string_view k = fold_key(w, buf, sizeof buf);
  return (!k.empty() && words.contains(k)) || role_noun(w);
}

// Nouns that name a role or office (en, ru); a role phrase before a person's
// name is an apposition: "the head of Roskomnadzor Alexander Zharov".
bool role_noun(std::string_view w) {
  if (!role_shape(w)) return false;
  static const StringSet nouns = [] {
    StringSet t;
    for (const std::string_view n : kRoleNouns) t.set(n, true);
    return t;
  }();
  char buf[32];  // the longest noun is 26 bytes
  if (w.size() > sizeof buf) return false;
  for (std::size_t i = 0; i < w.size(); ++i) buf[i] = w[i] >= 'A' && w[i] <= 'Z' ? static_cast<char>(w[i] + 32) : w[i];
  if (nouns.contains(std::string_view(buf, w.size()))) return true;
  // Cyrillic: compare the word as written and with its first letter lowered
  if (nouns.contains(w)) return true;
  if (w.size() >= 2 && static_cast<unsigned char>(w[0]) == 0xD0) {
    std::copy(w.begin(), w.end(), buf);
    fold_ru2(static_cast<unsigned char>(buf[0]), static_cast<unsigned char>(buf[1]), buf);
    if (nouns.contains(std::string_view(buf, w.size()))) return true;
  }
  return false;
}

// The words of a window of at most 120 bytes (so at most 61 words), kept
// on the stack: these run for every person mention. (Raw storage: an
// array of string_views or pairs would be zeroed, 1 KiB, at each call.)
template <class T>
struct WindowWords {
  static_assert(std::is_trivially_copy_constructible<T>::value && std::is_trivially_destructible<T>::value, "raw storage");
  static constexpr std::size_t kMax = 64;
  alignas(T) unsigned char raw[kMax * sizeof(T)];
  std::size_t n = 0;
  void push_back(T v) {
    if (n < kMax) new (raw + n++ * sizeof(T)) T(v);
  }
  template <class... A>
  void emplace_back(A... a) { push_back(T(a...)); }
  std::size_t size() const { return n; }
  const T& operator[](std::size_t i) const { return *std::launder(reinterpret_cast<const T*>(raw + i * sizeof(T))); }
};

// What ends an apposition: sentence and clause punctuation, quotation
// marks (ASCII, guillemets, curly) and dashes. Returns the length of the
// stop that starts at p[i], or 0. (after_last_stop() looks for the first
// bytes of these stops: a new one's first byte goes there too.)
std::size_t phrase_stop(std::string_view p, std::size_t i) {
  const auto b = static_cast<unsigned char>(p[i]);
  switch (b) {
    case '.': case '"': case ';': case '(': case ')': case ':': case '!': case '?': return 1;
    case 0xC2:  // « »
      return i + 1 < p.size() && (p[i + 1] == '\xAB' || p[i + 1] == '\xBB') ? 2 : 0;
    case 0xE2: {  // “ ” „ — –
      if (i + 2 >= p.size() || p[i + 1] != '\x80') return 0;
      const auto c = static_cast<unsigned char>(p[i + 2]);
      return c == 0x9C || c == 0x9D || c == 0x9E || c == 0x94 || c == 0x93 ? 3 : 0;
    }
    default: return 0;
  }
}

// Where the last stop in p ends (0 when p holds none): a phrase ending at
// p's end starts there at the earliest. The bytes that may open a stop are
// looked for 16 at a time from the end (these run for every person
// mention, over windows of up to 120 bytes).
std::size_t after_last_stop(std::string_view p) {
  std::size_t k = p.size();
#if defined(__SSE2__)
  for (; k >= 16; k -= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.data() + k - 16));
    auto is = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    const __m128i ascii = _mm_or_si128(_mm_or_si128(_mm_or_si128(is('.'), is('"')), _mm_or_si128(is(';'), is('('))),
                                       _mm_or_si128(_mm_or_si128(is(')'), is(':')), _mm_or_si128(is('!'), is('?'))));
    unsigned m = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(ascii, _mm_or_si128(is(static_cast<char>(0xC2)), is(static_cast<char>(0xE2))))));
    while (m != 0) {
      const unsigned bit = 31u - static_cast<unsigned>(__builtin_clz(m));
      const std::size_t at = k - 16 + bit;
      if (const std::size_t n = phrase_stop(p, at)) return at + n;
      m &= ~(1u << bit);
    }
  }
#endif
  for (; k > 0; --k)
    if (const std::size_t n = phrase_stop(p, k - 1)) return k - 1 + n;
  return 0;
}

bool capitalised(std::string_view p) {
  const decoded_char d = decode_utf8(p.data(), p.data() + p.size());
  return is_upper(d.cp);
}

// Words that may link a role noun to a name or an organisation.
bool link_word(std::string_view w) {
  static const StringSet links = {
      "of", "the", "to", "on", "for", "at", "in", "de", "на", "по", "при", "в"};
  return links.contains(w);
}

// The role phrase in apposition right after a mention that ends at `at`:
// ", the founder of Telegram," / ", глава ведомства," — from the comma to
// the next comma or full stop, opening with a role noun (after at most two
// capitalised words: ", Telegram founder,") and holding no clause; a view
// into `text`.
std::string_view role_after(std::string_view text, std::uint32_t at, std::uint32_t to) {
  if (to > text.size() || at >= to || text[at] != ',') return {};
  std::string_view win = text.substr(at + 1, std::min<std::uint32_t>(to - at - 1, 120));
  std::size_t end = win.find(',');
  const std::size_t stop = win.find('.');
  if (stop < end) end = stop;
  if (end == std::string_view::npos) return {};  // not closed inside the window
  win = win.substr(0, end);
  if (after_last_stop(win) != 0) return {};  // (a stop anywhere)
  while (!win.empty() && win.front() == ' ') win.remove_prefix(1);
  while (!win.empty() && win.back() == ' ') win.remove_suffix(1);
  WindowWords<std::string_view> ws;
  for (std::size_t i = 0; i < win.size();) {
    std::size_t j = win.find(' ', i);
    if (j == std::string_view::npos) j = win.size();
    if (j > i) ws.push_back(win.substr(i, j - i));
    i = j + 1;
  }
  std::size_t k = 0;
  if (k < ws.size() && (ws[k] == "the" || ws[k] == "a" || ws[k] == "an" || ws[k] == "its" || ws[k] == "his" || ws[k] == "her")) ++k;
  const std::size_t open = k;
  while (k < ws.size() && k < open + 2 && !role_noun(ws[k]) && capitalised(ws[k])) ++k;
  if (k >= ws.size() || !role_noun(ws[k])) return {};
  std::size_t content = 0;
  for (std::size_t i = k + 1; i < ws.size(); ++i)
    if (!capitalised(ws[i]) && !link_word(ws[i]) && !role_noun(ws[i]) && ++content > 2) return {};
  const std::size_t from = static_cast<std::size_t>(ws[open].data() - win.data());
  return win.substr(from);
}

bool given_name(std::string_view w);

// The role phrase that ends right before `at` (a person mention) in the
// same sentence, or empty: from the last role noun (with the capitalised
// words right before it: "Internet Ombudsman", "General Director") to `at`;
// a view into `text`.
std::string_view role_before(std::string_view text, std::uint32_t from, std::uint32_t at) {
  if (at <= from) return {};
  const std::uint32_t lo = at - from > 120 ? at - 120 : from;
  std::string_view win = text.substr(lo, at - lo);
  // the phrase may not cross a quotation mark, a dash or a full stop
  win = win.substr(after_last_stop(win));
  // a comma may stand right before the name ("founder of Telegram, Pavel
  // Durov"); one further back closes a clause: "the head, said that Durov"
  {
    std::string_view body = win;
    while (!body.empty() && (body.back() == ' ' || body.back() == ',')) body.remove_suffix(1);
    const std::size_t comma = body.rfind(',');
    if (comma != std::string_view::npos) win = win.substr(comma + 1);
  }
  // words of the window
  WindowWords<std::pair<std::size_t, std::size_t>> ws;
  for (std::size_t i = 0; i < win.size();) {
    while (i < win.size() && (win[i] == ' ' || win[i] == ',')) ++i;
    std::size_t j = i;
    while (j < win.size() && win[j] != ' ' && win[j] != ',') ++j;
    if (j > i) ws.emplace_back(i, j);
    i = j;
  }
  const auto word = [&](std::size_t i) { return win.substr(ws[i].first, ws[i].second - ws[i].first); };
  const auto capital = capitalised;
  std::size_t content = 0;  // lowercase content words between noun and name
  for (std::size_t k = ws.size(); k > 0; --k) {
    const std::string_view w = word(k - 1);
    if (!role_noun(w)) {
      // a clause ("called the team and personally") is no apposition; a
      // modifier or two ("development", "information-analytical") is
      if (!capital(w) && !link_word(w) && ++content > 2) return {};
      // nor is a person's name and its verb ("head of Roskomnadzor Alexander
      // Zharov met Pavel Durov": Zharov's role, not Durov's; "Minister of
      // Health of Nizhny Novgorod region" is one role)
      if (!capital(w) && !link_word(w) && k >= 3 && capital(word(k - 2)) && capital(word(k - 3)) &&
          given_name(word(k - 3)))
        return {};
      continue;
    }
    std::size_t first = k - 1;
    for (;;) {
      // capitalised words join a capitalised noun only ("Internet Ombudsman";
      // not "told RIA Novosti adviser")
      while (first > 0 && capital(word(first))) {
        const std::string_view p = word(first - 1);
        // "The" opens the phrase; it is not part of the role
        if (!capital(p) || role_noun(p) || p == "The") break;
        --first;
      }
      // a role of a role: "adviser of RF President"
      if (first >= 2 && (word(first - 1) == "of" || word(first - 1) == "to") && role_noun(word(first - 2)))
        first -= 2;
      else
        break;
    }
    std::string_view role = win.substr(ws[first].first);
    while (!role.empty() && (role.back() == ' ' || role.back() == ',')) role.remove_suffix(1);
    return role;
  }
  return {};
}

struct Word {
  std::uint32_t start, end;
  bool cap;          // starts with a capital letter
  bool acronym;      // two or more capitals, no lower case
  bool sent_start;   // opens a sentence
  std::uint32_t zone = 0, sentence = 0;  // indices of its zone and sentence
};

// F(spelling) remembered by each thread across documents (names recur from
// article to article: Putin, Москвы). The values never move (a deque), and
// the cache is emptied only between documents (trim(), once it holds
// 64 Ki spellings): a reference is good through the document, so the
// entity stage keeps pointers instead of copies.
template <class Value, Value (*F)(std::string_view)>
struct Cache {
  StringTable<std::uint32_t> at;
  std::deque<Value> values;
  static Cache& mine() {
    thread_local Cache c;
    return c;
  }
  Value& get(std::string_view spelling) { return get(spelling, string_hash(spelling)); }
  Value& get(std::string_view spelling, std::uint64_t hash) {
    if (const std::uint32_t* i = at.find(spelling, hash)) return values[*i];
    values.push_back(F(spelling));
    at.set(spelling, static_cast<std::uint32_t>(values.size() - 1));
    return values.back();
  }
  bool trim() {  // (true: emptied)
    if (values.size() < (std::size_t{1} << 16)) return false;
    clear();
    return true;
  }
  void clear() {
    at = StringTable<std::uint32_t>();
    values.clear();
  }
};

// One string per distinct name key, kept by the thread with the spellings
// that point at it: the spellings of a name (Durov, Дуров, DUROV) share one
// pointer, so the entity stage groups mentions by pointer instead of
// sorting them by comparing keys (2 % of an English document's time).
std::string key_copy(std::string_view key) { return std::string(key); }
using KeyPool = Cache<std::string, key_copy>;

// What the entity stage asks of a capitalised word's spelling, kept by the
// thread with it: its name key, and (once asked) whether it opens sentences
// and the gender of a first name of that key. A name is a few hash lookups
// the first time it is seen and one after.
constexpr signed char kNotAsked = -2;  // (english_first_name answers -1 for none)
struct Spelled {
  const std::string* key;         // name_key, pooled (KeyPool: one string per key)
  // the spelling's word lists, once asked (kNotAsked: not yet): the
  // mention rules ask them of most capitalised words, which recur
  signed char starter = kNotAsked;  // a sentence starter (He, The, Monday)
  signed char place = kNotAsked;    // place_word
  signed char role = kNotAsked;     // role_noun
  signed char common = kNotAsked;   // common_noun_form
  signed char english = kNotAsked;  // english_first_name
  bool first_asked = false;
  bool nominative_asked = false;
  const bool* first = nullptr;    // first_names().female_by_key of key, once asked
  std::string_view nominative;    // lexicon_first() of the spelling, once asked (in a static table)
};
Spelled spell(std::string_view spelling) {
  Spelled p;
  p.key = &KeyPool::mine().get(name_key(spelling));
  return p;
}
using SpelledCache = Cache<Spelled, spell>;
Spelled& spelled(std::string_view spelling) { return SpelledCache::mine().get(spelling); }
const std::string& name_key_cached(std::string_view spelling) { return *spelled(spelling).key; }

// A first name of the lexicons in any script (Alexander, Александр, Joe).
bool given_name(std::string_view w) {
  return english_first_name(w) >= 0 || russian_first_name(w) ||
         first_names().female_by_key.contains(name_key_cached(w));
}
const std::string& name_base_cached(std::string_view spelling) {
  return Cache<std::string, name_base>::mine().get(spelling);
}

}  // namespace

bool russian_first_name(std::string_view word) {
  // keys folded as the lexicons fold them (lower case, ё as е)
  static const StringSet names = [] {
    StringSet s;
    char buf[64];
    for (const FirstName& f : kFirstNames)
      if (cyrillic_word(f.name)) s.set(fold_key(f.name, buf, sizeof buf), true);
    return s;
  }();
  char buf[64];
  const std::string_view k = fold_key(word, buf, sizeof buf);
  return !k.empty() && names.contains(k);
}

// 1 female, 0 male, -1 not a given name of the English lists.
int english_first_name(std::string_view w) {
  static const StringTable<bool> names = [] {
    StringTable<bool> t;
    char buf[64];
    for (const char* n : kEnglishMale) t.set(fold_key(n, buf, sizeof buf), false);
    for (const char* n : kEnglishFemale) t.set(fold_key(n, buf, sizeof buf), true);
    return t;
  }();
  if (w.empty() || static_cast<unsigned char>(w[0]) >= 0x80) return -1;
  char buf[64];
  const std::string_view k = fold_key(w, buf, sizeof buf);
  const bool* f = k.empty() ? nullptr : names.find(k);
  return f ? (*f ? 1 : 0) : -1;
}

namespace {

// The lexicon's nominative of a Russian first name written in an oblique
// case (Андрея, Наталье, Анной; Павла -> Павел, Льва -> Лев); empty when none
// fits. The case forms of every lexicon name are made once, so a word costs
// one lookup.
std::string_view lexicon_first(std::string_view first) {
  static const StringTable<std::uint16_t> forms = [] {
    // ending in the text, ending of the nominative it replaces
    static const std::pair<const char*, const char*> swaps[] = {
        {"ы", "а"}, {"и", "а"}, {"и", "я"}, {"е", "а"}, {"е", "я"}, {"у", "а"}, {"ю", "я"},
        {"ой", "а"}, {"ей", "я"}, {"ей", "а"}, {"а", ""}, {"у", ""}, {"е", ""}, {"ом", ""},
        {"я", "й"}, {"ю", "й"}, {"ем", "й"}, {"я", "ь"}, {"ю", "ь"}, {"ем", "ь"}, {"е", "й"},
        {"е", "ь"}, {"ом", "ь"}};
    StringTable<std::uint16_t> t;
    char buf[64];
    auto add = [&](const std::string& form, std::size_t name) {
      const std::string_view k = fold_key(form, buf, sizeof buf);
      if (!k.empty() && !russian_first_name(form)) t.emplace(k, static_cast<std::uint16_t>(name));
    };
    for (const auto& [end, rep] : swaps) {
      const std::size_t n = std::strlen(rep);
      for (std::size_t i = 0; i < sizeof kFirstNames / sizeof kFirstNames[0]; ++i) {
        const std::string name = kFirstNames[i].name;
        if (!cyrillic_word(name)) continue;
        if (name.size() < n || name.compare(name.size() - n, n, rep) != 0) continue;
        add(name.substr(0, name.size() - n) + end, i);
        // a vowel that drops in the oblique cases: Павел -> Павла, Лев -> Льва
        if (n == 0 && name.size() >= 6 && name.compare(name.size() - 4, 2, "е") == 0) {
          const std::string head = name.substr(0, name.size() - 4), tail = name.substr(name.size() - 2);
          add(head + tail + end, i);
          add(head + "ь" + tail + end, i);
        }
      }
    }
    return t;
  }();
  char buf[64];
  const std::string_view k = fold_key(first, buf, sizeof buf);
  const std::uint16_t* i = k.empty() ? nullptr : forms.find(k);
  return i ? std::string_view(kFirstNames[*i].name) : std::string_view();
}

// How surely a first name as written is a nominative: 2 for a lexicon name
// as it is, a Latin name or one the surname rules leave alone (Андрей,
// Барак); 1 for a name in -а/-я, a woman's nominative or a man's genitive
// (Анджелина, Барака); 0 for an oblique ending (Андрея, Анджелиной, Павлом).
int nominative_score(std::string_view first) {
  if (!cyrillic_word(first) || russian_first_name(first)) return 2;  // Latin names do not decline in the text
  if (ends_any(first, {"ой", "ей", "ом", "ем", "ою", "ею", "ую"}, 2)) return 0;  // instrumental, dative, accusative
  if (!lexicon_first(first).empty()) return 0;
  if (name_base_cached(first) == first) return 2;
  const std::string_view last = first.substr(first.size() >= 2 ? first.size() - 2 : 0);
  return last == "а" || last == "я" ? 1 : 0;
}
bool nominative_first(std::string_view first) { return nominative_score(first) == 2; }

// A capitalised word that opens a sentence with the ending of a Russian
// common noun, not of a first name: Выступление, Сторонники, Власти,
// Повстанцы, Общество, Семья (before a name: "Выступление Мадонны"; not
// -ка, the genitive of Барак, Тарек).
bool common_noun_form(std::string_view w) {
  if (!cyrillic_word(w)) return false;
  return ends_any(w, {"ние", "тие", "ство", "ость", "ция", "ии", "ые", "ие", "ых", "ы", "ики", "ели", "сти", "ьи",
                      "тура", "ья"}, 2);
}

// Does a Cyrillic first name show the nominative by its form? A name of the
// lexicon as it is, or another that ends in a consonant and would decline
// (Барак, Биньямин); names in a vowel (Берни, Уго, Андреа) do not decline.
bool declined_first(std::string_view first) {
  if (!cyrillic_word(first)) return false;
  if (russian_first_name(first)) return true;
  if (!nominative_first(first)) return false;  // Дмитрием
  if (first.size() < 4 || name_base_cached(first) != first) return false;
  return !ends_any(first, {"а", "я", "о", "е", "ё", "и", "у", "ю", "ы", "э", "ь", "й"});
}

// The nominative of a first name: the lexicon's name; any other first name
// stays as written (Криштиану is a nominative, Адвокаты no name at all): the
// choice of the mention prefers a nominative one (Майкл Джексон over Майкла
// Джексона) where the document has it.
std::string first_name_base(std::string_view first) {
  if (!cyrillic_word(first) || russian_first_name(first)) return std::string(first);
  const std::string_view known = lexicon_first(first);
  if (known.empty()) return std::string(first);
  std::string r(known);
  // the document's е for ё (Петра -> Петр, Пётра -> Пётр)
  if (first.find("ё") == std::string_view::npos && first.find("Ё") == std::string_view::npos)
    for (std::size_t p = 0; (p = r.find("ё", p)) != std::string::npos;) r.replace(p, 2, "е");
  return r;
}

// A man's surname from the document's spellings of it: the rules of
// name_base, but a surname that the text declines like Обама (Обамы, Обамой,
// Кучмы; Чайки) ends in -а.
std::string male_surname(std::string_view last, const std::vector<std::pair<std::string_view, int>>& spellings) {
  std::string base = name_base_cached(last);
  if (!cyrillic_word(base) || base.size() < 4) return base;
  auto velar = [](std::string_view w) { return ends_any(w, {"к", "г", "х", "ж", "ш", "ч", "щ"}); };
  // -ов, -ев, -ин: Алиевой is a woman's form, not Алиева's declension
  if (ends_any(base, {"ов", "ев", "ёв", "ин", "ын", "ий", "ой", "ый"})) return base;
  // the text's form is itself an -а declension (Чайки, Кучмы): Чайка
  if (base == last && base.size() >= 8 &&
      (ends_any(base, {"ы"}) || (ends_any(base, {"и"}) && velar(std::string_view(base).substr(0, base.size() - 2)))))
    return base.substr(0, base.size() - 2) + "а";
  for (const char* end : {"ы", "ой", "и"}) {
    const std::string form = base + end;
    // -и after к, г, х, ж, ш, ч, щ only (Чайки); -и after others is a plural
    if (std::strcmp(end, "и") == 0 && !velar(base)) continue;
    for (const auto& sp : spellings)
      if (sp.first == form) return base + "а";
  }
  return base;
}

// A woman's surname form: Тимакова, Ильина, Ямпольская.
bool feminine_surname(std::string_view w) { return ends_any(w, {"ова", "ева", "ёва", "ина", "ына", "ая"}); }

// A woman's surname: the feminine nominative (Тимаковой -> Тимакова,
// Сабировой -> Сабирова), never a man's form.
std::string female_surname(std::string_view last) {
  const std::string base = name_base_cached(last);
  if (feminine_surname(base)) return base;
  // a woman's surname in a case the base form reads as a man's (Савичеву
  // is his dative, her accusative; Ефимовой is hers only)
  static const std::pair<std::string_view, std::string_view> swaps[] = {
      {"ову", "ова"}, {"еву", "ева"}, {"ёву", "ёва"}, {"ину", "ина"}, {"ыну", "ына"},
      {"овой", "ова"}, {"евой", "ева"}, {"ёвой", "ёва"}, {"иной", "ина"}, {"ыной", "ына"},
      {"ской", "ская"}, {"цкой", "цкая"}, {"скую", "ская"}, {"цкую", "цкая"}};
  for (const auto& [from, to] : swaps)
    if (ends_with(last, from, 2))
      return std::string(last.substr(0, last.size() - from.size())) + std::string(to);
  return std::string(last);
}

// Prepositions and articles: a capitalised pair after them is no name in
// apposition but a place or an institution.
bool function_word(std::string_view w) {
  for (const std::string_view f : {"of", "the", "in", "at", "on", "for", "to", "from", "by", "with", "и", "в", "во",
                                   "на", "из", "о", "об", "для", "с", "со", "по", "к", "у", "при", "от", "до"})
    if (w == f) return true;
  return false;
}

}  // namespace

// Does a role phrase name a woman? (spokeswoman, actress, wife; актриса,
// певица, журналистка)
bool feminine_role(std::string_view role) {
  static constexpr std::string_view words[] = {
      "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "woman", "actress", "wife", "mother",
      "daughter", "sister", "widow", "queen", "princess", "duchess", "актриса", "певица", "журналистка",
      "спортсменка", "жена", "мать", "дочь", "сестра", "вдова", "женщина", "поэтесса", "писательница",
      "чемпионка", "балерина", "теннисистка", "гимнастка"};
  for (std::size_t i = 0; i < role.size();) {
    std::size_t j = role.find(' ', i);
    if (j == std::string_view::npos) j = role.size();
    const std::string_view wd = role.substr(i, j - i);
    for (const std::string_view f : words)
      if (wd == f) return true;
    i = j + 1;
  }
  return false;
}

namespace {

// A person's gender from the canonical name and the roles: a woman's by an
// English given name, a woman's surname (-ова, -ина, -ая; -ova, -ina, -aya),
// a first name in -а/-я or a feminine role (spokeswoman, актриса); a man's
// by a man's given name of the lexicons or a man's surname (-ов, -ин,
// -ский; -ov, -in, -sky); unknown otherwise. (The mentions' first-name
// genders, which cluster names, guess at unknown first names: Vrio, Joel.)
entity_gender person_gender(const NameIndex& names, std::string_view name, const std::vector<std::string>& roles) {
  for (const std::string& r : roles)
    if (feminine_role(r)) return entity_gender::female;
  const std::size_t sp = name.rfind(' ');
  const std::string_view last = sp == std::string_view::npos ? name : name.substr(sp + 1);
  const std::string_view first = sp == std::string_view::npos ? std::string_view() : name.substr(0, name.find(' '));
  int english = -1;
  if (!first.empty() && static_cast<unsigned char>(first[0]) < 0x80) {
    english = english_first_name(first);
    if (english == 1) return entity_gender::female;
  }
  if (english < 0) {
    if (ends_any(last, {"ova", "eva", "ina", "aya", "ова", "ева", "ёва", "ина", "ая", "ына"}))
      return entity_gender::female;
    if (!first.empty() && ends_any(first, {"a", "а", "я"}) && first != "Ilya" && first != "Илья" &&
        first != "Nikita" && first != "Никита" && first != "Foma" && first != "Фома")
      return entity_gender::female;
  }
  if (english == 0) return entity_gender::male;
  if (!first.empty()) {
    const bool* f = names.exact(first);
    if (f && !*f) return entity_gender::male;
  }
  if (ends_any(last, {"ov", "ev", "in", "yn", "sky", "skiy", "skii", "ов", "ев", "ёв", "ин", "ын", "ский", "цкий"}))
    return entity_gender::male;
  return entity_gender::unknown;
}

bool letter_or_digit(char32_t c) { return is_letter(c) || (c >= '0' && c <= '9'); }

// Is the word before `s` no part of the role's noun phrase? Not a
// capitalised word or a role noun ("The Deputy Foreign Minister" is not the
// Foreign Minister), not a modifier of time or rank (former, acting, ex-;
// бывший, врио) and not a Russian adjective (нового главы).
bool plain_before(std::string_view text, std::uint32_t s, bool opens_sentence = false) {
  if (s > 0 && text[s - 1] == '-') return false;
  std::uint32_t e = s;
  while (e > 0 && text[e - 1] == ' ') --e;
  std::uint32_t b = e;
  while (b > 0 && (static_cast<unsigned char>(text[b - 1]) >= 0x80 || ((static_cast<unsigned char>(text[b - 1]) | 0x20) >= 'a' && (static_cast<unsigned char>(text[b - 1]) | 0x20) <= 'z'))) --b;
  if (b == e || e == s) return true;  // punctuation or the text's start before it
  const std::string_view w = text.substr(b, e - b);
  // (a capitalised word is part of the phrase, unless capitalised for
  // opening the sentence: "Позже глава МИД уехал")
  if ((capitalised(w) && !opens_sentence) || role_noun(w)) return false;
  // (compared folded: Former, Бывший; "A founder" is someone else too)
  static const StringSet modifiers = {
      "former", "acting", "deputy", "vice", "interim", "new", "late", "first", "next", "previous", "then", "ex",
      "бывший", "бывшего", "бывшему", "бывшим", "экс", "врио", "нового", "новый", "новому", "новым", "первый",
      "первого", "a", "an"};
  char buf[32];
  const std::string_view f = w.size() < sizeof buf ? fold_key(w, buf, sizeof buf) : std::string_view();
  if (!f.empty() && modifiers.contains(f)) return false;
  return !(cyrillic_word(w) && ends_any(w, {"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ым", "им", "ую", "юю"}));
}

// The persons' mentions of a document (names and roles), sorted, for the
// role passes below: whether a stretch overlaps one, and whether a person's
// name ends right before a position or starts right after one, across ", "
// and "the " ("Durov, the founder of Telegram"; "the head of the
// municipality, Sergei Nikitenko").
class PersonSpans {
 public:
  PersonSpans(std::string_view text, const std::vector<Entity>& out, std::size_t first) : text_(text) {
    std::size_t n = 0;
    for (std::size_t i = first; i < out.size(); ++i)
      if (out[i].type == entity_type::person) n += out[i].mentions.size();
    spans_.reserve(n);
    for (std::size_t i = first; i < out.size(); ++i)
      if (out[i].type == entity_type::person) spans_.insert(spans_.end(), out[i].mentions.begin(), out[i].mentions.end());
    std::sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  }
  bool overlaps(std::uint32_t s, std::uint32_t e) const {
    auto it = first_at(e);
    while (it != spans_.begin()) {
      --it;
      if (it->end > s) return true;
      if (it->start + 256 < s) break;  // mentions are short; the sort is by start
    }
    return false;
  }
  bool name_before(std::uint32_t s) const {
    std::uint32_t b = s;
    if (b >= 4 && text_.substr(b - 4, 4) == "the ") b -= 4;
    while (b > 0 && (text_[b - 1] == ' ' || text_[b - 1] == ',')) --b;
    if (b == s) return false;
    for (auto it = first_at(b); it != spans_.begin();) {
      --it;
      if (it->end == b && it->kind == kName) return true;
      if (it->start + 256 < b) break;
    }
    return false;
  }
  bool name_after(std::uint32_t e) const {
    std::uint32_t b = e;
    while (b < text_.size() && (text_[b] == ' ' || text_[b] == ',')) ++b;
    if (b == e) return false;
    for (auto it = first_at(b); it != spans_.end() && it->start == b; ++it)
      if (it->kind == kName) return true;
    return false;
  }

 private:
  static constexpr std::uint32_t kName = static_cast<std::uint32_t>(mention_kind::name);
  std::vector<Span>::const_iterator first_at(std::uint32_t at) const {
    return std::lower_bound(spans_.begin(), spans_.end(), at,
                            [](const Span& x, std::uint32_t a) { return x.start < a; });
  }
  std::string_view text_;
  std::vector<Span> spans_;
};

// A role phrase in apposition to a person ("The head of Roskomnadzor
// Alexander Zharov", "Durov, the founder of Telegram,") names that person
// again where it recurs alone ("The head of Roskomnadzor, in turn, said"):
// such an occurrence becomes a role mention of the person (kind role). The
// person must be named before it; with two holders of one role the one
// named last before it takes it. Not a mention: the apposition itself (a
// capitalised word follows, or a person's name precedes across ", the "), a
// stretch inside another person's name, and a one-word role without "the"
// before it ("founder" alone is too common; Russian one-word roles decline).
void link_role_mentions(std::string_view text, const std::vector<Word>& words, std::vector<Entity>& out,
                        std::size_t first) {
  struct Holder {
    std::string_view role;
    std::size_t entity;
    std::uint32_t named_at;  // the entity's first name mention
  };
  // (its size once: a Word is 20 bytes, and size() a division)
  const std::size_t n_words = words.size();
  std::vector<Holder> holders;
  for (std::size_t i = first; i < out.size(); ++i) {
    const Entity& e = out[i];
    if (e.type != entity_type::person || e.roles.empty() || e.mentions.empty()) continue;
    for (const std::string& r : e.roles)
      if (r.size() >= 5) holders.push_back(Holder{r, i, e.mentions.front().start});
  }
  if (holders.empty()) return;
  const std::uint32_t n = static_cast<std::uint32_t>(text.size());
  const PersonSpans persons(text, out, first);
  // Each role as written, and with its first letter capitalised (opening a
  // sentence), to its holders by the position of their first name mention;
  // the roles by their first word, with the lengths they come in. The text
  // is walked once, word by word: at a word that opens a role, one lookup a
  // role length (at most the 120 bytes of a role phrase), so the cost stays
  // linear however many roles a document has. (The words are the entity
  // stage's: every run of letters of every zone.)
  struct Forms {
    std::vector<std::pair<std::uint32_t, std::size_t>> holders;  // (named_at, entity), sorted
    bool one_word = false;
  };
  std::unordered_map<std::string_view, Forms> by_role;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> lengths;  // first word -> role lengths
  std::vector<std::string> variants;
  variants.reserve(2 * holders.size());  // (never moves: views into it are kept)
  std::array<bool, 256> opens{};  // first bytes of the roles' first words
  // and bits of their first two bytes (a Cyrillic word's first letter),
  // 512 bytes that turn most Cyrillic words away before a hash-map lookup
  // (unless a role's first word is of one byte)
  auto bit12 = [](std::uint32_t x) { return static_cast<std::size_t>((x * 2654435761u) >> 20); };
  auto two = [](const char* p) { return std::uint32_t{load_at<std::uint16_t>(p, 0)}; };
  auto four = [](const char* p) { return load_at<std::uint32_t>(p, 0); };
  std::bitset<4096> opens2;
  bool short_first = false;
  auto first_word = [&](std::string_view r) {
    std::size_t i = 0;
    while (i < r.size()) {
      const decoded_char d = decode_utf8(r.data() + i, r.data() + r.size());
      if (!letter_or_digit(d.cp) && d.cp != '-') break;
      i += d.len;
    }
    return r.substr(0, i);
  };
  for (const Holder& x : holders) {
    const bool one_word = x.role.find(' ') == std::string_view::npos;
    if (one_word && static_cast<unsigned char>(x.role[0]) >= 0x80) continue;
    const bool lower_first = x.role[0] >= 'a' && x.role[0] <= 'z';
    if (lower_first && variants.size() < variants.capacity()) {
      variants.emplace_back(x.role);
      variants.back()[0] = static_cast<char>(variants.back()[0] - 'a' + 'A');
    }
    for (int form = 0; form < (lower_first ? 2 : 1); ++form) {
      const std::string_view r = form ? std::string_view(variants.back()) : x.role;
      const std::string_view w = first_word(r);
      if (w.empty()) continue;
      Forms& f = by_role[r];
      f.one_word = one_word;
      f.holders.emplace_back(x.named_at, x.entity);
      opens[static_cast<unsigned char>(w[0])] = true;
      if (w.size() >= 2) opens2.set(bit12(two(w.data())));
      else short_first = true;
      auto& ls = lengths[w];
      if (std::find(ls.begin(), ls.end(), static_cast<std::uint32_t>(r.size())) == ls.end())
        ls.push_back(static_cast<std::uint32_t>(r.size()));
    }
  }
  for (auto& [r, f] : by_role) std::sort(f.holders.begin(), f.holders.end());
  // A Russian role recurs in another case ("президент России" … "по словам
  // президента России"): its words are matched by the name key of the
  // phrase, after cheap tests of the first two letters of its first word
  // (either case) and the first three of its last. By phrase length in
  // words (2..6): the heads and tails there are, and the keys, so a word
  // costs a few lookups however many roles a document has.
  struct Declined {
    std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, std::size_t>>> by_key;  // -> (named_at, entity)
    std::unordered_map<std::string_view, bool> heads, tails;
  };
  std::array<Declined, 7> declined;
  bool any_declined = false;
  std::bitset<4096> heads4;  // bits of every length's heads (4 bytes each)
  for (const Holder& x : holders) {
    const std::string_view r = x.role;
    if (r.size() < 8 || r.find(' ') == std::string_view::npos || !cyrillic_word(first_word(r))) continue;
    std::size_t nw = 1;
    for (const char ch : r) nw += ch == ' ';
    if (nw > 6) continue;
    Declined& d = declined[nw];
    const std::string_view last = r.substr(r.rfind(' ') + 1);
    d.tails[last.substr(0, std::min<std::size_t>(6, last.size()))] = true;
    d.heads[r.substr(0, 4)] = true;
    heads4.set(bit12(four(r.data())));
    // its first letter in the other case, kept beside the variants above
    if (variants.size() < variants.capacity()) {
      std::string u(r.substr(0, 4));
      swap_case_ru2(&u[0]);
      variants.push_back(std::move(u));
      d.heads[variants.back()] = true;
      heads4.set(bit12(four(variants.back().data())));
    }
    d.by_key[name_key_cached(r)].emplace_back(x.named_at, x.entity);
    any_declined = true;
  }
  for (Declined& d : declined)
    for (auto& [k, hs] : d.by_key) std::sort(hs.begin(), hs.end());
  std::vector<std::pair<std::size_t, Span>> found;
  // a role phrase at [s, e) standing alone: the checks of both searches
  auto alone = [&](std::uint32_t s, std::uint32_t e, bool one_word, bool after_opener) {
    if (e < n && letter_or_digit(decode_utf8(text.data() + e, text.data() + n).cp)) return false;
    const bool the = s >= 4 && (text.substr(s - 4, 4) == "the " || text.substr(s - 4, 4) == "The ");
    if (one_word && !the) return false;
    if (!the && !plain_before(text, s, after_opener)) return false;
    // "head of Roskomnadzor Alexander Zharov": the apposition itself
    if (e + 1 < n && text[e] == ' ' && capitalised(text.substr(e + 1, 4))) return false;
    return !(persons.overlaps(s, e) || persons.name_before(s) || persons.name_after(e));
  };
  // the holder named last before `s`
  auto holder = [](const std::vector<std::pair<std::uint32_t, std::size_t>>& hs, std::uint32_t s) {
    auto h = std::lower_bound(hs.begin(), hs.end(), std::make_pair(s, std::size_t{0}));
    return h == hs.begin() ? std::size_t(-1) : std::prev(h)->second;
  };
  for (std::size_t wi = 0; wi < n_words; ++wi) {
    const Word& word = words[wi];
    const std::uint32_t s = word.start;
    const bool after_opener = wi > 0 && words[wi - 1].sent_start;
    if (any_declined && word.end - s >= 4 && (static_cast<unsigned char>(text[s]) & 0xFE) == 0xD0 &&
        heads4.test(bit12(four(text.data() + s)))) {
      const std::string_view h = text.substr(s, 4);
      for (std::size_t nw = 2; nw < declined.size() && wi + nw <= n_words; ++nw) {
        const Declined& d = declined[nw];
        if (d.by_key.empty() || !d.heads.count(h)) continue;
        const Word& lw = words[wi + nw - 1];
        if (!d.tails.count(text.substr(lw.start, std::min<std::uint32_t>(6, lw.end - lw.start)))) continue;
        bool chain = true;
        for (std::size_t q = wi + 1; q < wi + nw && chain; ++q) {
          chain = words[q].sentence == word.sentence && words[q].start > words[q - 1].end;
          for (std::uint32_t g = words[q - 1].end; g < words[q].start && chain; ++g) chain = text[g] == ' ';
        }
        if (!chain) continue;
        const auto k = d.by_key.find(name_key_cached(text.substr(s, lw.end - s)));
        if (k == d.by_key.end() || !alone(s, lw.end, false, after_opener)) continue;
        const std::size_t who = holder(k->second, s);
        if (who != std::size_t(-1)) found.emplace_back(who, Span{s, lw.end, static_cast<std::uint32_t>(mention_kind::role), 0});
      }
    }
    if (!opens[static_cast<unsigned char>(text[s])]) continue;
    if (!short_first && (s + 1 >= n || !opens2.test(bit12(two(text.data() + s))))) continue;
    if (s > 0 && text[s - 1] >= '0' && text[s - 1] <= '9') continue;  // (words start at a letter)
    const std::string_view w = first_word(text.substr(s, std::min<std::uint32_t>(n - s, 256)));
    const auto ls = lengths.find(w);
    if (ls == lengths.end()) continue;
    for (const std::uint32_t len : ls->second) {
      if (len > n - s) continue;
      const auto f = by_role.find(text.substr(s, len));
      if (f == by_role.end()) continue;
      const auto e = s + len;
      if (!alone(s, e, f->second.one_word, after_opener)) continue;
      const std::size_t who = holder(f->second.holders, s);
      if (who != std::size_t(-1)) found.emplace_back(who, Span{s, e, static_cast<std::uint32_t>(mention_kind::role), 0});
    }
  }
  if (found.empty()) return;
  // a shorter role inside a longer one found at the same place ("founder" in
  // "founder of Telegram") is one mention, the longer
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.second.start != b.second.start ? a.second.start < b.second.start : a.second.end > b.second.end;
  });
  std::uint32_t covered = 0;
  std::vector<std::size_t> touched;
  for (const auto& [i, sp] : found) {
    if (sp.start < covered) continue;
    covered = sp.end;
    out[i].mentions.push_back(sp);
    touched.push_back(i);
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  for (std::size_t i : touched)
    std::sort(out[i].mentions.begin(), out[i].mentions.end(),
              [](const Span& x, const Span& y) { return x.start < y.start; });
}


// Roles named without a holder in the text ("глава МИД заявил", "the
// Internet Ombudsman said" with no name beside it): entities of type role,
// one per name key of the phrase (глава МИД, главы МИД), named by their most
// frequent spelling. A phrase is a role noun with the capitalised words
// right before it and, after it, "of"/"for" (and "the") with capitalised
// words, or capitalised words alone (Russian: президент России); it holds a
// capitalised word besides the noun ("the President" alone is no entity).
// Not an entity: a phrase in apposition to a name or inside the apposition
// a person's role was read from, inside a person's mention, after a modifier
// (the former head), or whose key is a role of a person of the document
// (that role names the person: see above).
void find_role_entities(std::string_view text, const std::vector<Word>& words, const std::vector<std::uint32_t>& shaped,
                        std::vector<Span>& role_spans, std::vector<Entity>& out, std::size_t first) {
  if (shaped.empty()) return;
  const std::size_t n_words = words.size();  // (once: a Word is 20 bytes, and size() a division)
  std::sort(role_spans.begin(), role_spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  // inside the apposition a person's role was read from ("told RIA Novosti
  // adviser of RF President on development of Internet Herman Klimenko")
  auto in_apposition = [&](std::uint32_t s, std::uint32_t e) {
    auto it = std::lower_bound(role_spans.begin(), role_spans.end(), e,
                               [](const Span& x, std::uint32_t at) { return x.start < at; });
    while (it != role_spans.begin()) {
      --it;
      if (it->end > s) return true;
      if (it->start + 256 < s) break;
    }
    return false;
  };
  auto surface = [&](const Word& w) { return text.substr(w.start, w.end - w.start); };
  // only spaces between two words
  auto adjacent = [&](const Word& a, const Word& b) {
    if (b.start <= a.end || a.sentence != b.sentence) return false;
    for (std::uint32_t i = a.end; i < b.start; ++i)
      if (text[i] != ' ') return false;
    return true;
  };
  StringSet held;  // keys of the persons' roles
  for (std::size_t i = first; i < out.size(); ++i)
    if (out[i].type == entity_type::person)
      for (const std::string& r : out[i].roles) held.set(name_key_cached(r), true);
  const PersonSpans persons(text, out, first);
  struct Phrase {
    Span span;
    std::string key;
  };
  std::vector<Phrase> found;
  std::size_t done = 0;  // the words before it are read (a phrase found takes the words up to its end)
  for (const std::uint32_t sk : shaped) {
    if (sk < done) continue;
    const std::size_t k = sk;
    const Word& w = words[k];
    // cheap first, the shape of a phrase: a capitalised word right before
    // it, right after it, or after "of"/"for" (and "the")
    auto cap_at = [&](std::size_t i) { return i < n_words && words[i].cap && adjacent(words[i - 1], words[i]); };
    auto word_is = [&](std::size_t i, std::string_view x) {
      return i < n_words && surface(words[i]) == x && adjacent(words[i - 1], words[i]);
    };
    const bool shape = (k > 0 && words[k - 1].cap && !words[k - 1].sent_start && adjacent(words[k - 1], w)) ||
                       cap_at(k + 1) ||
                       ((word_is(k + 1, "of") || word_is(k + 1, "for")) &&
                        (cap_at(k + 2) || (word_is(k + 2, "the") && cap_at(k + 3))));
    if (!shape || !role_noun(surface(w))) continue;
    std::size_t a = k, b = k;
    int caps = 0;
    // capitalised words right before (Internet Ombudsman, US President), not
    // a sentence's first word, capitalised for opening it (Позднее, The)
    // (English only: a Russian word of the phrase follows its noun, and a
    // capitalised word before it belongs elsewhere: "сообщил РИА Новости
    // представитель"; nor a determiner: "parade The President")
    static const StringSet determiners = {"The", "A", "An", "This", "That", "These", "Those",
                                          "His", "Her", "Its", "Their", "Our", "My"};
    while (a > 0 && k - a < 2 && words[a - 1].cap && !words[a - 1].sent_start && adjacent(words[a - 1], words[a]) &&
           !cyrillic_word(surface(words[a - 1])) && !role_noun(surface(words[a - 1])) &&
           !determiners.contains(surface(words[a - 1])))
      --a, ++caps;
    // after it: of/for (the) Capitalised… (head of Roskomnadzor), or, in
    // Russian, acronyms and genitives directly (глава МИД, президент
    // России); a capitalised word in another form is a name in apposition
    // ("Президент Путин", "President Putin"), which ends the phrase and,
    // below, rejects it
    std::size_t j = k + 1;
    bool of = false;
    if (j < n_words && adjacent(words[j - 1], words[j]) &&
        (surface(words[j]) == "of" || surface(words[j]) == "for")) {
      of = true;
      ++j;
      if (j < n_words && adjacent(words[j - 1], words[j]) && surface(words[j]) == "the") ++j;
    }
    // (a first name is no genitive: "судья Карина Морозова"; nor a verb in
    // -ла, -ли, -ся: "вынесла", "находится")
    auto genitive = [&](const Word& x) {
      const std::string_view t = surface(x);
      return x.acronym || (cyrillic_word(t) && t.size() >= 6 &&
                           ends_any(t, {"а", "я", "ы", "и", "ого", "его", "ой", "ей", "ых", "их"}) &&
                           !ends_any(t, {"ла", "ли", "ло", "ся"}) && !russian_first_name(t) && lexicon_first(t).empty());
    };
    std::size_t c = j;
    // (a given name ends it: "Minister of the Jewish State Naftali Bennett")
    while (c < n_words && c - j < 4 && words[c].cap && adjacent(words[c - 1], words[c]) &&
           (of ? !given_name(surface(words[c])) : genitive(words[c])))
      ++c;
    // two capitalised words, the second a Slavic surname's form: a person's
    // name with a first name the lexicon lacks ("Судья Карина Морозова",
    // "President of Ukraine Volodymyr Zelensky")
    bool name_after = false;
    for (std::size_t q = j + 1; q < c && !name_after; ++q) {
      const std::string_view t = surface(words[q]);
      name_after = cyrillic_word(t) ? ends_any(t, {"ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына",
                                                   "ский", "ская", "цкий", "цкая"})
                                    : t.size() >= 5 && ends_any(t, {"ov", "ev", "ova", "eva", "sky", "ski", "skaya",
                                                                    "enko", "chuk", "vich", "shvili", "dze"});
    }
    if (name_after) continue;
    // a Russian genitive runs on in lower case after its capitalised head
    // (президент Фонда прав человека, директор Большого московского цирка)
    if (!of && c > j)
      while (c < n_words && c - j < 6 && !words[c].cap && adjacent(words[c - 1], words[c]) && genitive(words[c]))
        ++c;
    if (c > j) {
      caps += static_cast<int>(c - j);
      b = c - 1;
    }
    if (caps == 0) continue;
    const std::uint32_t ps = words[a].start, pe = words[b].end;
    // in apposition to a name ("глава МИД Сергей Лавров", "Durov, the
    // founder of Telegram", "the head of the municipality, Sergei Nikitenko")
    if (b + 1 < n_words && words[b + 1].cap && adjacent(words[b], words[b + 1])) continue;
    if (persons.name_after(pe) || persons.name_before(ps) || persons.overlaps(ps, pe) || in_apposition(ps, pe))
      continue;
    const bool the = ps >= 4 && (text.substr(ps - 4, 4) == "the " || text.substr(ps - 4, 4) == "The ");
    if (!the && !plain_before(text, ps, a > 0 && words[a - 1].sent_start)) continue;
    std::string key = name_key_cached(text.substr(ps, pe - ps));
    if (key.empty() || held.contains(key)) continue;
    found.push_back(Phrase{Span{ps, pe, static_cast<std::uint32_t>(mention_kind::name), 0}, std::move(key)});
    done = b + 1;
  }
  if (found.empty()) return;
  // one entity a key, in order of first mention
  std::vector<std::size_t> order(found.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return found[x].key < found[y].key; });
  std::vector<std::pair<std::uint32_t, Entity>> made;  // first mention, entity
  for (std::size_t r = 0; r < order.size();) {
    std::size_t r_end = r + 1;
    while (r_end < order.size() && found[order[r_end]].key == found[order[r]].key) ++r_end;
    Entity e;
    e.type = entity_type::role;
    e.key = found[order[r]].key;
    // the most frequent spelling, the earliest on a tie (order is by
    // text); among the first 16 spellings, counted over the first 1024
    // mentions (a bound that keeps a hostile text linear)
    for (std::size_t q = r; q < r_end; ++q) e.mentions.push_back(found[order[q]].span);
    auto spelling = [&](std::size_t q) {
      const Span& sp = found[order[q]].span;
      return text.substr(sp.start, sp.end - sp.start);
    };
    std::string_view best;
    int best_count = 0;
    for (std::size_t q = r; q < r_end && q < r + 16; ++q) {
      int count = 0;
      for (std::size_t u = r; u < r_end && u < r + 1024; ++u) count += spelling(u) == spelling(q);
      if (count > best_count) best = spelling(q), best_count = count;
    }
    e.name = std::string(best);
    made.emplace_back(e.mentions.front().start, std::move(e));
    r = r_end;
  }
  std::sort(made.begin(), made.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [at, e] : made) {
    e.id = static_cast<std::int32_t>(out.size());
    out.push_back(std::move(e));
  }
}
// A name found in the text (find_entities).
struct Mention {
  Span span;
  const std::string* key = nullptr;  // of the last word (in the key cache, which keeps it through the document)
  int words;
  int first_name = -1; // 1 female, 0 male, -1 none
  bool english_first = false;  // the first name is of the English list
  bool genitive_first = false;  // an unknown first name in the genitive (Барака Обамы)
  bool gender_sure = true;  // false: a key of a man's and a woman's name, the spelling in neither
  std::string_view first;   // the first name as written (in `text`)
  const std::string* first_key = nullptr;  // its name key
  std::string_view last;    // the last word as written
  bool sentence_initial = false;  // one word opening a sentence
  std::string role;    // a role phrase in apposition before it
};

// A capitalised word of pass 1: its index and its string_hash.
struct Cap {
  std::uint64_t hash;
  std::size_t word;
};

// The person of the document with a first name (find_entities: a first
// name alone is that person's when only one has it).
struct FirstHolder {
  const std::string* first_key;
  const Mention* m;
  bool many;
};

// One entity's mentions, at members[at, at + n) (find_entities).
struct Group {
  std::uint32_t at, n;
};

// The entity stage's working buffers, kept by each thread from one
// document to the next, as the quote stage's are (QuoteBuffers): a short
// document allocated and freed each of them, a dozen malloc/free pairs.
// Each use clears what it fills.
struct EntityBuffers {
  std::vector<Word> words;
  std::vector<Cap> caps;
  std::vector<std::uint32_t> shaped;
  std::vector<Spelled*> spelled_of;
  std::vector<Mention> mentions;
  std::vector<Span> role_spans;
  std::vector<std::size_t> order, members;
  std::vector<Group> groups;
  std::vector<std::vector<std::size_t>> sub;
  std::vector<int> sub_gender;
  std::vector<std::pair<const std::string*, int>> firsts;
  std::vector<std::pair<std::string_view, int>> spellings;
  std::vector<FirstHolder> holders;
  StringTable<bool> alone;
  StringTable<std::uint32_t> holder_of;
  static EntityBuffers& mine() {
    thread_local EntityBuffers b;
    return b;
  }
  // (a huge document's buffers are not kept for the next one)
  void trim() {
    constexpr std::size_t kKeep = std::size_t{1} << 16;  // words
    release_if_over(words, kKeep);
    release_if_over(spelled_of, kKeep);
    release_if_over(caps, kKeep / 4);
    release_if_over(shaped, kKeep / 4);
    release_if_over(mentions, kKeep / 4);
    release_if_over(role_spans, kKeep / 4);
    release_if_over(order, kKeep / 4);
    release_if_over(members, kKeep / 4);
    release_if_over(groups, kKeep / 4);
    release_if_over(sub_gender, kKeep / 4);
    release_if_over(firsts, kKeep / 4);
    release_if_over(spellings, kKeep / 4);
    if (sub.size() > 64) sub.clear();
    for (std::vector<std::size_t>& v : sub) release_if_over(v, kKeep / 4);
    release_if_over(holders, kKeep / 4);
    release_if_over(alone, kKeep / 4);
    release_if_over(holder_of, kKeep / 4);
  }
};

}  // namespace

void find_entities(std::string_view text, const std::vector<Span>& zones, const std::vector<Span>& sentences,
                   const std::vector<Span>* tokens, std::vector<Entity>& out) {
  const NameIndex& names = first_names();
  // (between documents only: see Cache; the pool goes with the spellings
  // that point into it)
  if (SpelledCache::mine().trim()) KeyPool::mine().clear();
  Cache<std::string, name_base>::mine().trim();
  EntityBuffers& bufs = EntityBuffers::mine();
  bufs.trim();
  std::vector<Mention>& mentions = bufs.mentions;
  mentions.clear();
  std::vector<Span>& role_spans = bufs.role_spans;  // the appositions the mentions' roles come from
  role_spans.clear();
  // Pass 1: the words of every zone (titles and captions name people too).
  std::vector<Word>& words = bufs.words;
  words.clear();
  // about a word per 6 bytes in English, 9 in Russian (a hostile text of
  // one long word reserves no more than a million)
  words.reserve(std::min<std::size_t>(text.size() / 6, std::size_t{1} << 20));
  SpelledCache& cache = SpelledCache::mine();
  // the words of a role noun's first bytes and length (role_shape): the
  // only ones find_role_entities() starts a phrase at
  std::vector<std::uint32_t>& shaped = bufs.shaped;
  shaped.clear();
  // The capitalised words, in order: their index (the passes over them
  // skip the other words without reading them: a test a word, mispredicted
  // at every capital) and their string_hash.
  std::vector<Cap>& caps = bufs.caps;
  caps.clear();
  caps.reserve(std::min<std::size_t>(text.size() / 24, std::size_t{1} << 18));  // (about one a 30 bytes)
  // The first word opening in [i, until) of zone z, read from the bytes: a
  // word opens at a letter and runs over letters, digits, apostrophes and
  // hyphens before a capital (it may run past `until`). next: where reading
  // goes on (`until` when no word opens before it).
  struct Read {
    std::uint32_t start, end, next;
    bool cap, acronym, found;
  };
  auto read_word = [&](std::uint32_t i, std::uint32_t until, const Span& z) -> Read {
    while (i < until) {
      const decoded_char d = decode_utf8(text.data() + i, text.data() + z.end);
      if (!is_letter(d.cp)) {
        i += d.len;
        continue;
      }
      // (an Arabic surname with its article, al-Mishri, el-Sisi, is capitalised)
      const bool article = (d.cp == 'a' || d.cp == 'e') && i + 3 < z.end && text[i + 1] == 'l' &&
                           text[i + 2] == '-' && text[i + 3] >= 'A' && text[i + 3] <= 'Z';
      int upper = 0, lower = 0;
      std::uint32_t j = i;
      while (j < z.end) {
        // lower-case a..z and а..я, most letters of a text, read in runs
        // (`lower` is only tested for zero: a byte count will do)
        const auto run_end = static_cast<std::uint32_t>(
            lower_run<lower_set::both>(text.data() + j, text.data() + z.end) - text.data());
        lower += static_cast<int>(run_end - j);
        j = run_end;
        if (j >= z.end) break;
        const decoded_char e = decode_utf8(text.data() + j, text.data() + z.end);
        if (!(is_letter(e.cp) || detail::digit_fast(e.cp) || e.cp == '-' || e.cp == '\'' || e.cp == 0x2019)) break;
        // a hyphen joins names (Jean-Pierre, Йошкар-Ола), not a name and a
        // word (FSB-tossed)
        if (e.cp == '-' && j + 1 < z.end) {
          const decoded_char n = decode_utf8(text.data() + j + 1, text.data() + z.end);
          if (!is_upper(n.cp)) break;
        }
        upper += is_upper(e.cp);
        lower += is_lower(e.cp);
        j += e.len;
      }
      std::uint32_t end = j;
      // an English possessive is not part of the name: Durova's
      // (bytes compared in place: this runs for every word)
      if (j - i > 3 && text[j - 1] == 's') {
        if (text[j - 2] == '\'') end = j - 2;
        else if (text[j - 4] == '\xE2' && text[j - 3] == '\x80' && text[j - 2] == '\x99') end = j - 4;
      }
      return Read{i, end, j, is_upper(d.cp) || article, upper >= 2 && lower == 0, true};
    }
    return Read{i, i, i, false, false, false};
  };
  // The quote tokenizer's words (`tokens`) are these words where no hyphen
  // or apostrophe is in or right after them (it joins co-founder and don't,
  // this pass only hyphens before a capital, and any apostrophe): such a
  // word is taken as it is, the rest read from the bytes.
  const std::size_t nt = tokens ? tokens->size() : 0;
  std::size_t ti = 0;  // the next token
  // the sentence of the words read (si: its index, or ns past the last),
  // its bounds (kAfter: none), and the last word's sentence and end
  // (kept in registers: the vectors' fields were reloaded at every word)
  constexpr std::uint32_t kAfter = ~std::uint32_t{0};
  const std::size_t ns = sentences.size();
  std::size_t si = 0;
  std::uint32_t s_start = ns > 0 ? sentences[0].start : kAfter, s_end = ns > 0 ? sentences[0].end : kAfter;
  std::size_t last_sentence = ~std::size_t{0};  // (no word yet)
  std::uint32_t last_end = 0;
  for (std::uint32_t zi = 0; zi < zones.size(); ++zi) {
    const Span& z = zones[zi];
    std::uint32_t i = z.start;
    bool clean = false;  // no letter between i and the next token (one ends at i)
    while (i < z.end) {
      Read r;
      std::uint32_t until = z.end;  // read from the bytes up to here
      bool take = false;            // the token at i is a word as it is
      if (tokens) {
        const std::vector<Span>& tw = *tokens;
        while (ti < nt && tw[ti].start < i) ++ti;
        const std::uint32_t next = ti < nt ? std::min(tw[ti].start, z.end) : z.end;
        if (i < next && clean) {
          // (no letter before the next token: on to it in this turn)
          i = next;
          if (i >= z.end) break;
        }
        if (i < next) {
          until = next;  // (letters of a token cut by the zone's start, or of one read in part)
        } else {
          const Span& t = tw[ti];
          // (the token's first character, as the tokenizer read it: word_bits)
          const unsigned char after = t.end < z.end ? static_cast<unsigned char>(text[t.end]) : 0;
          take = (t.kind & (kWordJoined | kWordFirstLetter)) == kWordFirstLetter && t.end <= z.end && after != '-' &&
                 after != '\'' &&
                 !(after == 0xE2 && t.end + 2 < z.end && text[t.end + 1] == '\x80' && text[t.end + 2] == '\x99');
          if (take) {
            // two capitals or more and no lower-case letter (kWordAcronym:
            // the tokenizer counted them as it read the word)
            const bool acronym = (t.kind & kWordAcronym) != 0;
            r = Read{i, t.end, t.end, (t.kind & kWordFirstUpper) != 0, acronym, true};
            ++ti;
          } else {
            until = std::min(t.end, z.end);
          }
        }
      }
      if (!take) r = read_word(i, until, z);
      clean = take;
      i = r.next;
      if (!r.found) continue;
      if (s_end <= r.start) {
        do ++si;
        while (si < ns && sentences[si].end <= r.start);
        s_start = si < ns ? sentences[si].start : kAfter;
        s_end = si < ns ? sentences[si].end : kAfter;
      }
      // the first word of a sentence (after any opening quotes or dashes)
      const bool sent_start = s_start <= r.start && (last_sentence != si || last_end <= s_start);
      last_sentence = si;
      last_end = r.end;
      // (built in its place in the vector: a copy of a just-built Word was
      // read back as one 16-byte load of its fresh byte stores, a
      // store-forwarding stall on every word)
      Word& w = words.emplace_back();
      w.start = r.start;
      w.end = r.end;
      w.cap = r.cap;
      w.acronym = r.acronym;
      w.sent_start = sent_start;
      w.zone = zi;
      w.sentence = static_cast<std::uint32_t>(si);
      if (r.cap) {  // (see spelled_of below)
        caps.push_back(Cap{string_hash(text.substr(r.start, r.end - r.start)), words.size() - 1});
        cache.at.prefetch(caps.back().hash);
      }
      if (role_shape(text.substr(r.start, r.end - r.start)))
        shaped.push_back(static_cast<std::uint32_t>(words.size() - 1));
    }
  }
  auto surface = [&](const Word& w) { return text.substr(w.start, w.end - w.start); };
  auto starter = [&](std::string_view s) { return starter_any(s) || calendar_word(s) || sentence_adverb(s); };
  // what the thread knows of each capitalised word's spelling (its name
  // key first of all), looked up for all of them at once below (for
  // capitalised words only: a string per word of a long document costs
  // more than the keys themselves)
  mentions.reserve(caps.size());  // one mention per capitalised word at most: the vector never moves
  // (the cache's spellings stay put through this document)
  static const std::string kNoKey;  // the key of a word that is not capitalised
  // (the words' count once: a Word is 20 bytes, and size() a division)
  const std::size_t n_words = words.size();
  std::vector<Spelled*>& spelled_of = bufs.spelled_of;
  spelled_of.assign(n_words, nullptr);
  {
    // every capitalised word is looked up at once: the thread's table is
    // large and its lookups miss the cache, so the slots are asked of the
    // memory as the words are read (pass 1), then read, asking for the
    // values found, and only then are missing spellings added (in the
    // passes that used each in turn, one miss waited on another)
    for (const Cap& c : caps) {
      const std::size_t k = c.word;
      if (const std::uint32_t* i = cache.at.find(surface(words[k]), c.hash)) {
        spelled_of[k] = &cache.values[*i];
        prefetch(spelled_of[k]);
      }
    }
    for (const Cap& c : caps) {
      const std::size_t k = c.word;
      const std::uint64_t h = c.hash;
      if (!spelled_of[k]) spelled_of[k] = &cache.get(surface(words[k]), h);
      prefetch(spelled_of[k]->key);  // (read by the passes below)
    }
  }
  auto spelled_at = [&](std::size_t k) -> Spelled& {
    if (!spelled_of[k]) spelled_of[k] = &spelled(surface(words[k]));
    return *spelled_of[k];
  };
  // (pooled: equal keys are one string, compared by address below)
  auto key = [&](std::size_t k) -> const std::string& { return words[k].cap ? *spelled_at(k).key : kNoKey; };
  // the gender of a first name of the word's key (null: none)
  auto first_name_of = [&](std::size_t k) -> const bool* {
    if (!words[k].cap) return nullptr;  // (its key is the empty one)
    Spelled& p = spelled_at(k);
    if (!p.first_asked) p.first = names.female_by_key.find(*p.key), p.first_asked = true;
    return p.first;
  };
  // the word lists' answers for a capitalised word, asked once a spelling
  // (another word is asked directly)
  auto ask = [&](std::size_t k, signed char Spelled::*slot, auto f) -> int {
    if (!words[k].cap) return f(surface(words[k]));
    Spelled& p = spelled_at(k);
    if (p.*slot == kNotAsked) p.*slot = static_cast<signed char>(f(surface(words[k])));
    return p.*slot;
  };
  // whether a capitalised word is a sentence starter (He, The, Monday)
  auto starter_at = [&](std::size_t k) { return ask(k, &Spelled::starter, [&](std::string_view w) { return starter(w) ? 1 : 0; }) == 1; };
  auto place_at = [&](std::size_t k) { return ask(k, &Spelled::place, [](std::string_view w) { return place_word(w) ? 1 : 0; }) == 1; };
  auto role_at = [&](std::size_t k) { return ask(k, &Spelled::role, [](std::string_view w) { return role_noun(w) ? 1 : 0; }) == 1; };
  auto common_at = [&](std::size_t k) {
    return ask(k, &Spelled::common, [](std::string_view w) { return common_noun_form(w) ? 1 : 0; }) == 1;
  };
  auto english_at = [&](std::size_t k) { return ask(k, &Spelled::english, [](std::string_view w) { return english_first_name(w); }); };
  // Pass 2: the keys of capitalised words seen alone inside a sentence: a
  // capitalised word before such a word is a first name (Tomas Brell ...
  // Brell said).
  StringTable<bool>& alone = bufs.alone;
  alone.clear();
  for (const Cap& c : caps) {
    const std::size_t k = c.word;
    const Word& w = words[k];
    if (w.acronym || w.sent_start) continue;
    const bool prev_cap = k > 0 && words[k - 1].cap && words[k - 1].sentence == words[k].sentence;
    const bool next_cap = k + 1 < n_words && words[k + 1].cap && words[k + 1].sentence == words[k].sentence;
    if (!prev_cap && !next_cap) alone.set(key(k), true);
  }
  // Pass 3: mentions.
  constexpr std::size_t kNoWord = ~std::size_t{0};
  std::size_t k = kNoWord;
  for (const Cap& c : caps) {
    // (a name takes the words after k up to n: k = n below)
    if (k != kNoWord && c.word <= k) continue;
    k = c.word;
    const Word& w = words[k];
    const std::string_view s = surface(w);
    if (!w.acronym && starter_at(k)) continue;  // He, The, In, Monday
    if (w.acronym && s.size() < 2) continue;
    Mention m;
    m.span = Span{w.start, w.end, 0, 0};
    m.words = 1;
    m.last = s;
    const bool* fn = first_name_of(k);
    if (!fn && s.find('x') != std::string_view::npos) {
      // English x is ks (Alexander, Maxim); the keys read x as х
      std::string ks(s);
      for (std::size_t p = 0; (p = ks.find('x', p)) != std::string::npos; p += 2) ks.replace(p, 1, "ks");
      fn = names.female_by_key.find(name_key(ks));
    }
    const bool cyr = cyrillic_word(s);
    // the lexicon's nominative of a case form (Павлом -> Павел), looked up
    // when first asked of the spelling, and kept with it
    Spelled& spelling = spelled_at(k);
    auto nominative = [&] {
      if (!spelling.nominative_asked) spelling.nominative = lexicon_first(s), spelling.nominative_asked = true;
      return spelling.nominative;
    };
    if (!fn && cyr && k + 1 < n_words && words[k + 1].cap) {
      // a first name whose case form the keys do not fold (Павлом, Львом)
      if (!nominative().empty()) fn = names.female_by_key.find(name_key_cached(nominative()));
    }
    bool gender_sure = true;
    if (fn && cyr) {
      // the name's own gender when the lexicon spells it so, or one of its
      // case forms (Юлия, Юлии: not Илья's, which shares the key)
      const bool* ex = names.exact(s);
      if (!ex && !nominative().empty()) ex = names.exact(nominative());
      if (ex) fn = ex;
      else gender_sure = !names.both_genders.contains(key(k));
    }
    // the surname after a first name, across one particle, in one sentence
    std::size_t n = k + 1;
    if (n < n_words && particle(surface(words[n])) && n + 1 < n_words) ++n;
    // ("German" is Герман and the adjective: "German Chancellor", "German
    // Foreign Minister" name no Mr Chancellor; a name's words stand with
    // spaces between them: "Yerevan, Armenia sent", "Durov's Telegram" are
    // no name)
    auto spaced = [&](std::uint32_t a, std::uint32_t b) {  // spaces, tabs, no-break spaces (Ю.\u00A0Лесин)
      for (std::uint32_t i = a; i < b; ++i) {
        if (text[i] == ' ' || text[i] == '\t') continue;
        if (text[i] == '\xC2' && i + 1 < b && text[i + 1] == '\xA0') {
          ++i;
          continue;
        }
        return false;
      }
      return a < b;
    };
    // (an initial's full stop too: Е. Душко, Ю. Лесин)
    const bool initial = w.end - w.start <= 2 && w.end < text.size() && text[w.end] == '.';
    const bool next_ok = n < n_words && spaced(w.end + (initial ? 1 : 0), words[k + 1].start) &&
                         (n == k + 1 || spaced(words[k + 1].end, words[n].start)) && words[n].cap &&
                         !words[n].acronym && !w.acronym &&
                         words[n].sentence == words[k].sentence && words[n].zone == words[k].zone &&
                         !starter_at(n) && !first_name_of(n) &&
                         !(s == "German" && institution_word(surface(words[n])));
    int gender = -1;
    bool english = false, middle = false, genitive_pair = false;
    if (next_ok && fn) {
      gender = *fn ? 1 : 0;
      // a woman's name that is also a man's genitive (Валентина, Александра)
      // opening a sentence: a past-tense verb right after the name agrees
      // with its gender
      // ("Валентина Терешкова заявила" is hers, "Александра Жукова сказал"
      // does not occur; no verb: the key's reading stays)
      // (the name opening its sentence: "Мать Александра Кокорина была …"
      // agrees with the mother)
      if (w.sent_start && cyr && !names.man_for(s).empty()) {
        std::uint32_t q = words[n].end;
        while (q < text.size() && text[q] == ' ') ++q;
        std::uint32_t qe = q;
        while (qe + 1 < text.size() && lower_ru2(static_cast<unsigned char>(text[qe]), static_cast<unsigned char>(text[qe + 1])))
          qe += 2;
        const std::string_view v = text.substr(q, qe - q);
        if (v.size() >= 8 && ends_any(v, {"ла", "лась"})) gender = 1, gender_sure = true;
        else if (v.size() >= 8 && ends_any(v, {"л", "лся"})) gender = 0, gender_sure = true;
      }
    } else if (next_ok && (gender = english_at(k)) >= 0) {
      english = true;  // an English given name (Donald Trump)
      // a middle name or the first half of a double surname: "Steven
      // Thomas Ochsner", "Luis Roberto Barroso" (a given name), "Christine
      // Blasey Ford" (the last word recurs alone)
      const std::size_t m3 = n + 1;
      if (n == k + 1 && m3 < n_words && words[m3].cap && !words[m3].acronym &&
          words[m3].sentence == words[k].sentence && words[m3].zone == words[k].zone && !starter_at(m3) &&
          !place_at(m3) && english_at(m3) < 0 &&
          (english_at(n) >= 0 ||
           (alone.contains(key(m3)) && !alone.contains(key(n)))))
        middle = true, n = m3;
    } else if (next_ok && n == k + 1 && alone.contains(key(n)) && !alone.contains(key(k)) &&
               !place_at(k) && !place_at(n) && !common_at(k) &&
               // (no office for a surname: "Prime Minister" ... "Minister of
               // Ecology" (a title before one is kept: Judge Kavanaugh); no
               // letter of a dotted abbreviation: "U.S. Treasury")
               !role_at(n) && !(w.start > 0 && text[w.start - 1] == '.') &&
               // (nor a Russian office before a genitive: "Президент Турции
               // добавил" is no Mr Турции)
               !(cyrillic_word(s) && role_at(k))) {
      // an unknown first name: its surname recurs alone. In -а/-я it is a
      // woman's, unless the surname after it is a genitive (Барака Обамы,
      // Майкла Джексона: a man's name in the genitive)
      const std::string_view sur = surface(words[n]);
      const bool in_a = s.back() == 'a' || ends_any(s, {"а", "я"});
      // (-и after к, г, х, ж, ш, ч, щ only: Ортеги, not Джоли)
      const bool genitive = in_a && cyrillic_word(sur) &&
                            ends_any(sur, {"ы", "а", "я", "ки", "ги", "хи", "жи", "ши", "чи", "щи"}) &&
                            !feminine_surname(sur) && !ends_any(sur, {"яя"});
      gender = in_a && !genitive ? 1 : 0;
      genitive_pair = genitive;
      // a first name that is no genitive before a surname that surely is
      // (-ы, -ки) is no name: "Визит Обамы"
      if (!in_a && cyrillic_word(s) && cyrillic_word(sur) && ends_any(sur, {"ы", "ки", "ги", "хи"})) gender = -1;
    }
    if (gender < 0 && next_ok && n == k + 1 && !w.acronym && !place_at(k) &&
        !place_at(n) && !common_at(k) && !role_at(k) && !role_at(n) &&
        // a run of exactly two capitalised words ("Galveston County Judge
        // Mark Henry" holds no "County Judge"), or two after a capitalised
        // role ("German Chancellor Olaf Scholz", "Judge Mark Henry")
        !(k > 0 && words[k - 1].cap && words[k - 1].sentence == words[k].sentence &&
          !role_at(k - 1)) &&
        !(n + 1 < n_words && words[n + 1].cap && words[n + 1].sentence == words[k].sentence) &&
        // words of three letters or more (no initials), not the object of a
        // preposition or article ("Head of the Situation Center")
        // (Latin script: in Russian text an unknown first name joins by its
        // surname recurring alone, and case forms make the test unsure)
        s.size() >= 3 && surface(words[n]).size() >= 3 && !cyrillic_word(s) && !cyrillic_word(surface(words[n])) &&
        !(words[n].end < text.size() && text[words[n].end] == '-') &&  // Kim Jong-un
        !(k > 0 && words[k - 1].sentence == words[k].sentence && function_word(surface(words[k - 1])))) {
      // two capitalised words in apposition with a role are a person's name,
      // whose gender the role may tell: "Anette Kreitsmann, spokeswoman for
      // the Tartu courts,", "spokeswoman Anette Kreitsmann"
      const std::uint32_t sstart = words[k].sentence < sentences.size() ? sentences[words[k].sentence].start : 0;
      const std::uint32_t send = words[k].sentence < sentences.size() ? sentences[words[k].sentence].end
                                                                     : static_cast<std::uint32_t>(text.size());
      // (cheap tests first: a comma after the pair, a role noun right before it)
      std::string_view role;
      if (words[n].end < text.size() && text[words[n].end] == ',')
        role = role_after(text, words[n].end, std::max(send, words[n].end));
      if (role.empty() && k > 0 && words[k - 1].sentence == words[k].sentence && role_at(k - 1))
        role = role_before(text, std::min(sstart, w.start), w.start);
      if (!role.empty()) gender = feminine_role(role) ? 1 : 0;
    }
    if (gender >= 0) {
      m.span.end = words[n].end;
      m.words = middle ? 3 : 2;
      m.first = middle ? text.substr(w.start, words[n - 1].end - w.start) : s;
      m.first_key = &key(k);
      m.first_name = gender;
      m.gender_sure = gender_sure;
      m.english_first = english;
      m.genitive_first = genitive_pair;
      m.last = surface(words[n]);
      m.key = &key(n);
      k = n;
    } else {
      m.key = &key(k);
    }
    if (m.key->empty()) continue;
    m.sentence_initial = w.sent_start && m.words == 1;
    std::string_view role;
    if (m.first_name >= 0) {
      const std::uint32_t sstart = words[k].sentence < sentences.size() ? sentences[words[k].sentence].start : 0;
      role = role_before(text, std::min(sstart, m.span.start), m.span.start);
    }
    // (a role after the name follows a comma: the test in place, as most
    // names have none)
    if (role.empty() && m.span.end < text.size() && text[m.span.end] == ',') {
      const std::uint32_t send = words[k].sentence < sentences.size() ? sentences[words[k].sentence].end : static_cast<std::uint32_t>(text.size());
      role = role_after(text, m.span.end, std::max(send, m.span.end));
    }
    if (!role.empty()) {
      m.role.assign(role);
      // where the apposition stands, for the role entities below: the
      // phrase's first occurrence within 130 bytes of the name, before or
      // after it, not the view's own place (where the phrase comes twice
      // nearby the view is the later copy, and the earlier one, the same
      // person's role, became a role entity in 4 news_en_mt documents:
      // "head of Dagestan")
      const std::uint32_t lo = m.span.start > 130 ? m.span.start - 130 : 0;
      const std::uint32_t hi = std::min<std::uint32_t>(static_cast<std::uint32_t>(text.size()), m.span.end + 130);
      const std::size_t at = text.substr(lo, hi - lo).find(role);
      if (at != std::string_view::npos) {
        const auto rs = static_cast<std::uint32_t>(lo + at);
        role_spans.push_back(Span{rs, rs + static_cast<std::uint32_t>(role.size()), 0, 0});
      }
    }
    mentions.push_back(std::move(m));
  }
  // A first name alone ("Ярослав писал", "По словам Ярослава", "Vladimir
  // said") is the person of the document with that first name when there
  // is one: it takes that person's surname key (with two, it stays apart).
  {
    std::vector<FirstHolder>& holders = bufs.holders;
    holders.clear();
    StringTable<std::uint32_t>& holder_of = bufs.holder_of;  // first-name key -> index in holders (no scan per mention)
    holder_of.clear();
    for (const Mention& m : mentions) {
      if (m.first_name < 0 || !m.first_key || m.first_key->empty()) continue;
      const std::uint32_t* at = holder_of.find(*m.first_key);
      if (!at) {
        holder_of.set(*m.first_key, static_cast<std::uint32_t>(holders.size()));
        holders.push_back(FirstHolder{m.first_key, &m, false});
        continue;
      }
      FirstHolder& h = holders[*at];
      if (h.m->key != m.key || (h.m->first_name != m.first_name && names.both_genders.contains(*m.first_key)))
        h.many = true;
    }
    for (Mention& m : mentions) {
      if (holders.empty()) break;
      if (m.words != 1 || m.first_name >= 0 || m.key->empty()) continue;
      const std::uint32_t* at = holder_of.find(*m.key);
      if (!at) continue;
      const FirstHolder* it = &holders[*at];
      if (it->many) continue;
      const std::string_view w = text.substr(m.span.start, m.span.end - m.span.start);
      if (!russian_first_name(w) && lexicon_first(w).empty() && english_first_name(w) < 0) continue;
      m.first_key = it->first_key;
      m.first_name = it->m->first_name;
      m.key = it->m->key;
    }
  }
  // one entity per key of the last word; a capitalised word that only ever
  // opens sentences (Currently, Registration) is no name
  // (the mentions grouped by key, each key's in text order, the keys in the
  // order of their first mentions; a key is one pooled string, so its
  // address stands for it. Grouped by counting, a small hash table of the
  // addresses giving each mention its key's group: a comparison sort
  // mispredicted about every other comparison. The groups are sorted by
  // their first mention below, whatever their order here.)
  std::vector<std::size_t>& order = bufs.order;
  order.resize(mentions.size());  // (every place is written below)
  {
    struct KeySlot {
      const std::string* key;
      std::uint32_t group;  // the group + 1 (0: an empty slot)
    };
    thread_local std::vector<KeySlot> slots;
    thread_local std::vector<std::uint32_t> group_of, first;  // a mention's group; a group's first place in order
    const std::size_t n = mentions.size();
    unsigned bits = 4;
    while ((std::size_t{1} << bits) < 2 * n) ++bits;
    const std::size_t mask = (std::size_t{1} << bits) - 1;
    slots.assign(mask + 1, KeySlot{nullptr, 0});
    group_of.resize(n);
    first.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const std::string* ki = mentions[i].key;
      std::size_t h = static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(ki) * 0x9E3779B97F4A7C15ull) >> (64 - bits));
      while (slots[h].group != 0 && slots[h].key != ki) h = (h + 1) & mask;
      if (slots[h].group == 0) {
        first.push_back(0);
        slots[h] = KeySlot{ki, static_cast<std::uint32_t>(first.size())};
      }
      group_of[i] = slots[h].group - 1;
      ++first[group_of[i]];  // (a count, for now)
    }
    std::uint32_t at = 0;
    for (std::uint32_t& c : first) {
      const std::uint32_t count = c;
      c = at;
      at += count;
    }
    for (std::size_t i = 0; i < n; ++i) order[first[group_of[i]]++] = i;
    // (a huge document's scratch is not kept for the next one)
    if (slots.capacity() > (std::size_t{1} << 16)) std::vector<KeySlot>().swap(slots);
    if (group_of.capacity() > (std::size_t{1} << 16)) std::vector<std::uint32_t>().swap(group_of);
    if (first.capacity() > (std::size_t{1} << 16)) std::vector<std::uint32_t>().swap(first);
  }
  // Within one surname, people with different first names are different
  // entities (a husband and a wife); a bare surname belongs to the person
  // named last before it, or else to the first one.
  // the groups' mentions one after another in `members` (a vector per
  // group cost an allocation per push)
  std::vector<Group>& groups = bufs.groups;
  groups.clear();
  groups.reserve(mentions.size());
  std::vector<std::size_t>& members = bufs.members;
  members.clear();
  members.reserve(mentions.size());
  std::vector<std::pair<const std::string*, int>>& firsts = bufs.firsts;  // first names (key, gender), in order of appearance
  std::vector<std::vector<std::size_t>>& sub = bufs.sub;  // the first sub_n in use, kept with their buffers
  std::size_t sub_n = 0;
  auto new_sub = [&] {
    if (sub_n == sub.size()) sub.emplace_back();
    sub[sub_n].clear();
    ++sub_n;
  };
  std::vector<int>& sub_gender = bufs.sub_gender;
  for (std::size_t r = 0; r < order.size();) {
    std::size_t r_end = r + 1;
    while (r_end < order.size() && mentions[order[r_end]].key == mentions[order[r]].key) ++r_end;
    bool inside = false;
    for (std::size_t q = r; q < r_end; ++q) inside = inside || !mentions[order[q]].sentence_initial;
    if (inside) {
      firsts.clear();
      sub_n = 0;
      // a first name is its key, and its gender where the lexicon has a
      // man's and a woman's name of that key (Илья and Юлия)
      // (-1: not sure, Юля)
      auto first_index = [&](const Mention& m) {
        const bool by_gender = m.gender_sure && names.both_genders.contains(*m.first_key);
        std::size_t f = 0;
        while (f < firsts.size() && (*firsts[f].first != *m.first_key ||
                                     (by_gender && firsts[f].second >= 0 && firsts[f].second != m.first_name)))
          ++f;
        return f;
      };
      for (std::size_t q = r; q < r_end; ++q) {
        const Mention& m = mentions[order[q]];
        if (m.first_name < 0 || first_index(m) < firsts.size()) continue;
        firsts.emplace_back(m.first_key, m.gender_sure ? m.first_name : -1);
        new_sub();
      }
      if (sub_n == 0) new_sub();
      for (std::size_t g = 0; g < sub_n; ++g) sub[g].reserve(r_end - r);  // (no regrowth as they fill)
      std::size_t current = 0;
      // the person of each gender named last (-1: none yet), and each
      // person's gender
      std::ptrdiff_t last_of[2] = {-1, -1};
      sub_gender.assign(sub_n, -1);
      for (std::size_t q = r; q < r_end; ++q) {
        const Mention& m = mentions[order[q]];
        // (a first name alone joins its person without becoming the one a
        // later bare surname belongs to: "моей супруге Анастасии …», —
        // сказал Удальцов")
        if (m.first_name >= 0 && m.words == 1) {
          sub[first_index(m)].push_back(order[q]);
          continue;
        }
        if (m.first_name >= 0) {
          current = first_index(m);
          sub_gender[current] = m.first_name;
          last_of[m.first_name] = static_cast<std::ptrdiff_t>(current);
          sub[current].push_back(order[q]);
          continue;
        }
        // a bare surname whose form tells a gender belongs to the person of
        // that gender named last ("Сергей Удальцов … Анастасия Удальцова …
        // сказал Удальцов": he said it)
        std::size_t to = current;
        const std::string_view bare = text.substr(m.span.start, m.span.end - m.span.start);
        const int g = !cyrillic_word(bare) ? -1
                      : ends_any(bare, {"ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ым", "ом"}) ? 0
                      : ends_any(bare, {"овой", "евой", "иной", "ыной", "ской", "цкой"}) ? 1
                                                                                     : -1;
        if (g >= 0 && sub_gender[current] >= 0 && sub_gender[current] != g && last_of[g] >= 0)
          to = static_cast<std::size_t>(last_of[g]);
        sub[to].push_back(order[q]);
      }
      for (std::size_t g = 0; g < sub_n; ++g) {
        if (sub[g].empty()) continue;
        groups.push_back(Group{static_cast<std::uint32_t>(members.size()), static_cast<std::uint32_t>(sub[g].size())});
        members.insert(members.end(), sub[g].begin(), sub[g].end());
      }
    }
    r = r_end;
  }
  // (no two groups share a first mention; the key keeps the order total
  // all the same)
  std::sort(groups.begin(), groups.end(), [&](const Group& x, const Group& y) {
    const Mention& a = mentions[members[x.at]];
    const Mention& b = mentions[members[y.at]];
    return a.span.start != b.span.start ? a.span.start < b.span.start : *a.key < *b.key;
  });
  const std::size_t first_new = out.size();
  out.reserve(out.size() + groups.size());
  std::vector<std::pair<std::string_view, int>>& spellings = bufs.spellings;  // in order of appearance
  for (const Group& g : groups) {
    // (the group's mentions, as a range)
    struct {
      const std::size_t *b, *e;
      const std::size_t* begin() const { return b; }
      const std::size_t* end() const { return e; }
      std::size_t front() const { return *b; }
      std::size_t size() const { return static_cast<std::size_t>(e - b); }
    } const idx{members.data() + g.at, members.data() + g.at + g.n};
    Entity e;
    e.id = static_cast<std::int32_t>(out.size());
    e.key = *mentions[idx.front()].key;
    const Mention* person = nullptr;
    int person_nominative = -1;  // nominative_score of person's first name (-1: not asked)
    spellings.clear();
    e.mentions.reserve(idx.size());
    for (std::size_t i : idx) {
      e.mentions.push_back(mentions[i].span);
      // the fullest mention, a nominative one on a tie (Андрей Эшпай over
      // Андрея Эшпая)
      if (mentions[i].first_name >= 0) {
        const Mention& m = mentions[i];
        if (!person || m.words > person->words) {
          person = &m;
          person_nominative = -1;
        } else if (m.words == person->words && m.first != person->first) {
          if (person_nominative < 0) person_nominative = nominative_score(person->first);
          if (person_nominative < 2) {
            const int sc = nominative_score(m.first);
            if (sc > person_nominative) {
              person = &m;
              person_nominative = sc;
            }
          }
        }
      }
      auto it = std::find_if(spellings.begin(), spellings.end(),
                             [&](const auto& sp) { return sp.first == mentions[i].last; });
      if (it == spellings.end()) spellings.emplace_back(mentions[i].last, 1);
      else ++it->second;
    }
    // (a group's mentions come in text order, as each key's do in `order`:
    // the sort is a guard, not a step)
    const auto by_start = [](const Span& x, const Span& y) { return x.start < y.start; };
    if (!std::is_sorted(e.mentions.begin(), e.mentions.end(), by_start))
      std::sort(e.mentions.begin(), e.mentions.end(), by_start);
    if (person) {
      e.type = entity_type::person;
      // a woman's surname keeps its -a; after an English given name the
      // surname is no Russian one to mend (Joe Alleva)
      const bool female = person->first_name == 1;
      // after a Cyrillic first name in the nominative the surname is in the
      // nominative too (Джастин Теру, Юрий Чайка), unless it disagrees in
      // gender (a man's -ова) or has an ending no nominative has
      // (Медведевым, Волгоградской)
      const bool as_written =
          person->english_first ||
          (!female && cyrillic_word(person->last) &&
           !ends_any(person->last, {"ой", "ым", "им", "ом", "ем", "ого", "его", "ому", "ему", "ую", "ей"}, 2) &&
           declined_first(person->first) && !feminine_surname(person->last));
      const std::string surname = as_written ? std::string(person->last)
                                  : female   ? female_surname(person->last)
                                             : male_surname(person->last, spellings);
      std::string full(person->first);
      full += ' ';
      full += person->last;
      e.key = name_key_cached(full);  // (a person recurs from article to article)
      std::string first =
          person->genitive_first ? name_base_cached(person->first) : first_name_base(person->first);
      // a man's first name in the genitive that spells a woman's name,
      // where his surname shows a man's declined form (Александра Невского:
      // Александр Невский; not Валентина Матвиенко, nor Александра
      // Завьялова)
      if (!female && cyrillic_word(first) && surname != person->last &&
          ends_any(surname, {"ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ый", "ий"})) {
        std::string m = names.man_for(first);
        if (!m.empty()) first = std::move(m);
      }
      e.name = first + " " + surname;
      for (std::size_t i : idx) {
        const std::string& r = mentions[i].role;
        if (!r.empty() && std::find(e.roles.begin(), e.roles.end(), r) == e.roles.end()) e.roles.push_back(r);
      }
      e.gender = person_gender(names, e.name, e.roles);
    } else {
      // the most frequent spelling (the earliest on a tie); acronyms are
      // organisations
      std::string_view best;
      int bc = 0;
      for (const auto& [sp, c] : spellings)
        if (c > bc) best = sp, bc = c;
      e.name = std::string(best);
      int upper = 0, lower = 0;
      for (const char* q = best.data(); q < best.data() + best.size() && lower == 0;) {  // (a lower-case letter decides)
        const decoded_char d = decode_utf8(q, best.data() + best.size());
        upper += is_upper(d.cp);
        lower += is_lower(d.cp);
        q += d.len;
      }
      e.type = upper >= 2 && lower == 0 ? entity_type::organization : entity_type::other;
    }
    out.push_back(std::move(e));
  }
  link_role_mentions(text, words, out, first_new);
  find_role_entities(text, words, shaped, role_spans, out, first_new);
}

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
