// Unit tests of the repair stage (skaz::repair_text and the pipeline's
// doc.repairs): mojibake in seven code pages and a double encoding, the old
// 8-bit confusions, clean text that must stay byte for byte, homoglyphs,
// invisible characters, spans into the original input, robustness.
//
// Every garbled input below was produced from a sentence written for this
// file, with Python (UTF-8 bytes decoded in the wrong code page; bytes a page
// leaves undefined read as U+0080+byte, the way repair.cpp reads them), and
// pasted as a literal. Control characters are written as \x escapes.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "skaz/document.hpp"
#include "skaz/repair.hpp"
#include "skaz/text.hpp"

namespace {

using skaz::RepairEdit;
using skaz::RepairOptions;
using skaz::Span;

constexpr std::uint32_t kMojibake = 0;
constexpr std::uint32_t kHomoglyph = 1;
constexpr std::uint32_t kInvisible = 3;
static_assert(static_cast<std::uint32_t>(skaz::repair_kind::mojibake) == kMojibake, "");
static_assert(static_cast<std::uint32_t>(skaz::repair_kind::homoglyph) == kHomoglyph, "");
static_assert(static_cast<std::uint32_t>(skaz::repair_kind::glued) == 2, "");
static_assert(static_cast<std::uint32_t>(skaz::repair_kind::invisible) == kInvisible, "");
static_assert(static_cast<std::uint32_t>(skaz::repair_kind::invalid_utf8) == 4, "");

RepairOptions all_on() {
  RepairOptions o;
  o.mojibake = o.homoglyphs = o.invisible = true;
  return o;
}

// fill, k times over (clean text before a garbled word, to move it
// against the pre-tests' 16-byte blocks)
std::string repeated(const std::string& fill, int k) {
  std::string s;
  for (int i = 0; i < k; ++i) s += fill;
  return s;
}

RepairOptions letters_only(bool homoglyphs, bool invisible) {
  RepairOptions o;
  o.mojibake = true;
  o.homoglyphs = homoglyphs;
  o.invisible = invisible;
  return o;
}

bool is_char_start(std::string_view s, std::size_t i) {
  return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// The contract of repair_text's edits: in text order, not overlapping, inside
// the input, on character boundaries, and applying them to the input gives
// the returned text.
::testing::AssertionResult EditsConsistent(std::string_view in, std::string_view out,
                                           const std::vector<RepairEdit>& edits) {
  std::string rebuilt;
  std::size_t pos = 0;
  for (std::size_t k = 0; k < edits.size(); ++k) {
    const RepairEdit& e = edits[k];
    if (e.span.start > e.span.end || e.span.end > in.size())
      return ::testing::AssertionFailure() << "edit " << k << " [" << e.span.start << ","
                                           << e.span.end << ") outside the input of " << in.size();
    if (e.span.start < pos)
      return ::testing::AssertionFailure() << "edit " << k << " starts at " << e.span.start
                                           << ", before the previous end " << pos;
    if (!is_char_start(in, e.span.start) || !is_char_start(in, e.span.end))
      return ::testing::AssertionFailure() << "edit " << k << " [" << e.span.start << ","
                                           << e.span.end << ") cuts a character";
    if (!skaz::is_valid_utf8(e.replacement))
      return ::testing::AssertionFailure() << "edit " << k << " replacement is not UTF-8";
    rebuilt.append(in.substr(pos, e.span.start - pos));
    rebuilt += e.replacement;
    pos = e.span.end;
  }
  rebuilt.append(in.substr(pos));
  if (rebuilt != out)
    return ::testing::AssertionFailure() << "the edits applied to the input give\n  " << rebuilt
                                         << "\nbut repair_text returned\n  " << out;
  return ::testing::AssertionSuccess();
}

// `garbled` repairs to `original` with mojibake edits only, with and without
// an edit list, under the default options and with everything on (as the
// pipeline runs it).
void ExpectMojibakeRepaired(std::string_view garbled, std::string_view original) {
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(garbled, &edits);
  EXPECT_EQ(out, original);
  EXPECT_FALSE(edits.empty());
  for (const RepairEdit& e : edits) EXPECT_EQ(e.kind, kMojibake);
  EXPECT_TRUE(EditsConsistent(garbled, out, edits));
  EXPECT_EQ(skaz::repair_text(garbled), out) << "without an edit list";

  std::vector<RepairEdit> edits_all;
  const std::string out_all = skaz::repair_text(garbled, &edits_all, all_on());
  EXPECT_EQ(out_all, original) << "with homoglyphs and invisible on";
  EXPECT_TRUE(EditsConsistent(garbled, out_all, edits_all));
}

// Clean text: returned byte for byte, no edit.
void ExpectUnchanged(std::string_view text, const RepairOptions& o) {
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(text, &edits, o);
  EXPECT_EQ(out, text);
  EXPECT_TRUE(edits.empty()) << edits.size() << " edit(s), the first ["
                             << (edits.empty() ? 0 : edits[0].span.start) << ","
                             << (edits.empty() ? 0 : edits[0].span.end) << ") \""
                             << (edits.empty() ? std::string()
                                               : std::string(text.substr(edits[0].span.start,
                                                                         edits[0].span.size())))
                             << "\" -> \"" << (edits.empty() ? std::string() : edits[0].replacement)
                             << "\"";
}

Span span_of(std::string_view text, std::string_view part, std::size_t from = 0) {
  const std::size_t at = text.find(part, from);
  EXPECT_NE(at, std::string_view::npos) << "\"" << part << "\" not in the text";
  if (at == std::string_view::npos) return Span{};
  return Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + part.size()), 0, 0};
}

struct EightBitCase {
  const char* original;
  const char* garbled;
};

// ---------------------------------------------------------------------------
// Garbled inputs (generated with Python from the sentences shown).
// ---------------------------------------------------------------------------

const char* const kCp1251RuOrig = "Правительство утвердило новый бюджет на следующий год, сообщил министр финансов.";
// kCp1251RuOrig read as cp1251
const char* const kCp1251Ru =
    "РџСЂР°РІРёС‚РµР»СЊСЃС‚РІРѕ СѓС‚РІРµСЂРґРёР»Рѕ РЅРѕРІС‹Р№ Р±СЋРґР¶РµС‚ РЅР° СЃР»РµРґСѓСЋС‰РёР№ РіРѕРґ, СЃРѕРѕР±С‰РёР» РјРёРЅРёСЃС‚СЂ С„РёРЅР°РЅСЃРѕРІ.";
const char* const kCp1252RuOrig = "Жители Екатеринбурга вышли на субботник в центральном парке.";
// kCp1252RuOrig read as cp1252
const char* const kCp1252Ru =
    "Ð–Ð¸Ñ‚ÐµÐ»Ð¸ Ð•ÐºÐ°Ñ‚ÐµÑ€Ð¸Ð½Ð±ÑƒÑ€Ð³Ð° Ð²Ñ‹ÑˆÐ»Ð¸ Ð½Ð° Ñ\xC2\x81ÑƒÐ±Ð±Ð¾Ñ‚Ð½Ð¸Ðº Ð² Ñ†ÐµÐ½Ñ‚Ñ€Ð°Ð»ÑŒÐ½Ð¾Ð¼ Ð¿Ð°Ñ€ÐºÐµ.";
const char* const kCp1252EnOrig = "Café owners in São Paulo met Jürgen Müller on Tuesday.";
// kCp1252EnOrig read as cp1252
const char* const kCp1252En =
    "CafÃ© owners in SÃ£o Paulo met JÃ¼rgen MÃ¼ller on Tuesday.";
const char* const kLatin1RuOrig = "Зимой в Якутии морозы достигают пятидесяти градусов.";
// kLatin1RuOrig read as latin-1
const char* const kLatin1Ru =
    "Ð\xC2\x97Ð¸Ð¼Ð¾Ð¹ Ð² Ð¯ÐºÑ\xC2\x83Ñ\xC2\x82Ð¸Ð¸ Ð¼Ð¾Ñ\xC2\x80Ð¾Ð·Ñ\xC2\x8B Ð´Ð¾Ñ\xC2\x81Ñ\xC2\x82Ð¸Ð³Ð°Ñ\xC2\x8EÑ\xC2\x82 Ð¿Ñ\xC2\x8FÑ\xC2\x82Ð¸Ð´ÐµÑ\xC2\x81Ñ\xC2\x8FÑ\xC2\x82Ð¸ Ð³Ñ\xC2\x80Ð°Ð´Ñ\xC2\x83Ñ\xC2\x81Ð¾Ð².";
const char* const kLatin1EnOrig = "Señora Núñez visited the Académie française in 2019.";
// kLatin1EnOrig read as latin-1
const char* const kLatin1En =
    "SeÃ±ora NÃºÃ±ez visited the AcadÃ©mie franÃ§aise in 2019.";
const char* const kKoi8RuOrig = "Сборная России по хоккею выиграла товарищеский матч.";
// kKoi8RuOrig read as koi8-r
const char* const kKoi8Ru =
    "п║п╠п╬я─п╫п╟я▐ п═п╬я│я│п╦п╦ п©п╬ я┘п╬п╨п╨п╣я▌ п╡я▀п╦пЁя─п╟п╩п╟ я┌п╬п╡п╟я─п╦я┴п╣я│п╨п╦п╧ п╪п╟я┌я┤.";
const char* const kCp866RuOrig = "Учёные из Новосибирска представили новый метод очистки воды.";
// kCp866RuOrig read as cp866
const char* const kCp866Ru =
    "╨г╤З╤С╨╜╤Л╨╡ ╨╕╨╖ ╨Э╨╛╨▓╨╛╤Б╨╕╨▒╨╕╤А╤Б╨║╨░ ╨┐╤А╨╡╨┤╤Б╤В╨░╨▓╨╕╨╗╨╕ ╨╜╨╛╨▓╤Л╨╣ ╨╝╨╡╤В╨╛╨┤ ╨╛╤З╨╕╤Б╤В╨║╨╕ ╨▓╨╛╨┤╤Л.";
const char* const kMacCyrRuOrig = "Театр драмы откроет новый сезон премьерой, сообщает журнал «Афиша».";
// kMacCyrRuOrig read as mac_cyrillic
const char* const kMacCyrRu =
    "–Ґ–µ–∞—В—А –і—А–∞–Љ—Л –Њ—В–Ї—А–Њ–µ—В –љ–Њ–≤—Л–є —Б–µ–Ј–Њ–љ –њ—А–µ–Љ—М–µ—А–Њ–є, —Б–Њ–Њ–±—Й–∞–µ—В –ґ—Г—А–љ–∞–ї ¬Ђ–Р—Д–Є—И–∞¬ї.";
const char* const kCp437RuOrig = "Мэр Казани объявил о ремонте дорог.";
// kCp437RuOrig read as cp437
const char* const kCp437Ru =
    "╨£╤ì╤Ç ╨Ü╨░╨╖╨░╨╜╨╕ ╨╛╨▒╤è╤Å╨▓╨╕╨╗ ╨╛ ╤Ç╨╡╨╝╨╛╨╜╤é╨╡ ╨┤╨╛╤Ç╨╛╨│.";
const char* const kCp437EnOrig = "Zürich-based Nestlé reported growth.";
// kCp437EnOrig read as cp437
const char* const kCp437En =
    "Z├╝rich-based Nestl├⌐ reported growth.";
const char* const kDoubleOrig = "Председатель комиссии ответил на вопросы журналистов.";
// kDoubleOrig: UTF-8 -> cp1251 -> UTF-8 -> cp1252
const char* const kDouble =
    "Ð\xC2\xA0ÑŸÐ¡Ð‚Ð\xC2\xA0ÂµÐ\xC2\xA0Ò‘Ð¡ÐƒÐ\xC2\xA0ÂµÐ\xC2\xA0Ò‘Ð\xC2\xA0Â°Ð¡â€šÐ\xC2\xA0ÂµÐ\xC2\xA0Â»Ð¡ÐŠ Ð\xC2\xA0Ñ”Ð\xC2\xA0Ñ•Ð\xC2\xA0Ñ˜Ð\xC2\xA0Ñ‘Ð¡ÐƒÐ¡ÐƒÐ\xC2\xA0Ñ‘Ð\xC2\xA0Ñ‘ Ð\xC2\xA0Ñ•Ð¡â€šÐ\xC2\xA0Ð†Ð\xC2\xA0ÂµÐ¡â€šÐ\xC2\xA0Ñ‘Ð\xC2\xA0Â» Ð\xC2\xA0Ð…Ð\xC2\xA0Â° Ð\xC2\xA0Ð†Ð\xC2\xA0Ñ•Ð\xC2\xA0Ñ—Ð¡Ð‚Ð\xC2\xA0Ñ•Ð¡ÐƒÐ¡â€¹ Ð\xC2\xA0Â¶Ð¡Ñ“Ð¡Ð‚Ð\xC2\xA0Ð…Ð\xC2\xA0Â°Ð\xC2\xA0Â»Ð\xC2\xA0Ñ‘Ð¡ÐƒÐ¡â€šÐ\xC2\xA0Ñ•Ð\xC2\xA0Ð†.";
// "городской" read as cp1251
const char* const kGorodskoyCp1251 =
    "РіРѕСЂРѕРґСЃРєРѕР№";
// U+2019 read as cp1251
const char* const kApostropheCp1251 =
    "вЂ™";
// "Málaga" read as cp1252
const char* const kMalagaCp1252 =
    "MÃ¡laga";
// "Погода" read as cp1251
const char* const kPogodaCp1251 =
    "РџРѕРіРѕРґР°";
const EightBitCase kKoi8AsCp1251[] = {
    {"Москва", "нПУЛЧБ"},
    {"Петербург", "рЕФЕТВХТЗ"},
    {"Правительство", "рТБЧЙФЕМШУФЧП"},
    {"Екатерина", "еЛБФЕТЙОБ"},
    {"Новосибирск", "оПЧПУЙВЙТУЛ"},
    {"Владимир", "чМБДЙНЙТ"},
    {"Министерство", "нЙОЙУФЕТУФЧП"},
    {"Красноярск", "лТБУОПСТУЛ"},
    {"Кузнецов", "лХЪОЕГПЧ"},
    {"Александр", "бМЕЛУБОДТ"},
    {"Смирнова", "уНЙТОПЧБ"},
    {"Петровна", "рЕФТПЧОБ"},
    {"Королёв", "лПТПМЈЧ"},
    {"Пугачёва", "рХЗБЮЈЧБ"},
};
const char* const kNameKoi8AsCp1251 = "еЛБФЕТЙОБ рЕФТПЧОБ уНЙТОПЧБ";  // Екатерина Петровна Смирнова
const char* const kSentenceKoi8AsCp1251 =
    "нЙОЙУФЕТУФЧП ЖЙОБОУПЧ ПРХВМЙЛПЧБМП ОПЧЩЕ ДБООЩЕ П ВАДЦЕФЕ.";  // Министерство финансов опубликовало новые данные о бюджете.
const EightBitCase kCp1251AsKoi8[] = {
    {"Москва", "лНЯЙБЮ"},
    {"Петербург", "оЕРЕПАСПЦ"},
    {"Правительство", "оПЮБХРЕКЭЯРБН"},
    {"Екатерина", "еЙЮРЕПХМЮ"},
    {"Новосибирск", "мНБНЯХАХПЯЙ"},
    {"Владимир", "бКЮДХЛХП"},
    {"Министерство", "лХМХЯРЕПЯРБН"},
    {"Красноярск", "йПЮЯМНЪПЯЙ"},
    {"Кузнецов", "йСГМЕЖНБ"},
    {"Александр", "юКЕЙЯЮМДП"},
    {"Смирнова", "яЛХПМНБЮ"},
    {"Петровна", "оЕРПНБМЮ"},
    {"Королёв", "йНПНК╦Б"},
    {"Пугачёва", "оСЦЮВ╦БЮ"},
};
const char* const kNameCp1251AsKoi8 = "еЙЮРЕПХМЮ оЕРПНБМЮ яЛХПМНБЮ";  // Екатерина Петровна Смирнова
const char* const kSentenceCp1251AsKoi8 =
    "лХМХЯРЕПЯРБН ТХМЮМЯНБ НОСАКХЙНБЮКН МНБШЕ ДЮММШЕ Н АЧДФЕРЕ.";  // Министерство финансов опубликовало новые данные о бюджете.
const EightBitCase kCp1251AsLatin1[] = {
    {"Москва", "Ìîñêâà"},
    {"Петербург", "Ïåòåðáóðã"},
    {"Правительство", "Ïðàâèòåëüñòâî"},
    {"Екатерина", "Åêàòåðèíà"},
    {"Новосибирск", "Íîâîñèáèðñê"},
    {"Владимир", "Âëàäèìèð"},
    {"Министерство", "Ìèíèñòåðñòâî"},
    {"Красноярск", "Êðàñíîÿðñê"},
    {"Кузнецов", "Êóçíåöîâ"},
    {"Александр", "Àëåêñàíäð"},
    {"Смирнова", "Ñìèðíîâà"},
    {"Петровна", "Ïåòðîâíà"},
    {"Королёв", "Êîðîë¸â"},
    {"Пугачёва", "Ïóãà÷¸âà"},
};
const char* const kNameCp1251AsLatin1 = "Åêàòåðèíà Ïåòðîâíà Ñìèðíîâà";  // Екатерина Петровна Смирнова
const char* const kSentenceCp1251AsLatin1 =
    "Ìèíèñòåðñòâî ôèíàíñîâ îïóáëèêîâàëî íîâûå äàííûå î áþäæåòå.";  // Министерство финансов опубликовало новые данные о бюджете.
// "Интерфакс" read as cp1251
const char* const kInterfaxCp1251 =
    "Р\xC2\x98РЅС‚РµСЂС„Р°РєСЃ";
// "Интерфакс" read as cp1252
const char* const kInterfaxCp1252 =
    "Ð˜Ð½Ñ‚ÐµÑ€Ñ„Ð°ÐºÑ\xC2\x81";
// "Роснефти" read as cp1251 (Р is D0 A0: "Р" + no-break space)
const char* const kRosneftiCp1251 =
    "Р\xC2\xA0РѕСЃРЅРµС„С‚Рё";
// U+20BD ₽ read as cp1251
const char* const kRubleCp1251 =
    "в‚Ѕ";

// ---------------------------------------------------------------------------
// 1. UTF-8 read in the wrong code page
// ---------------------------------------------------------------------------

TEST(RepairMojibake, Cp1251Russian) { ExpectMojibakeRepaired(kCp1251Ru, kCp1251RuOrig); }
TEST(RepairMojibake, Cp1252Russian) { ExpectMojibakeRepaired(kCp1252Ru, kCp1252RuOrig); }
TEST(RepairMojibake, Cp1252Western) { ExpectMojibakeRepaired(kCp1252En, kCp1252EnOrig); }
TEST(RepairMojibake, Latin1Russian) { ExpectMojibakeRepaired(kLatin1Ru, kLatin1RuOrig); }
TEST(RepairMojibake, Latin1Western) { ExpectMojibakeRepaired(kLatin1En, kLatin1EnOrig); }
TEST(RepairMojibake, Koi8rRussian) { ExpectMojibakeRepaired(kKoi8Ru, kKoi8RuOrig); }
TEST(RepairMojibake, Cp866Russian) { ExpectMojibakeRepaired(kCp866Ru, kCp866RuOrig); }
TEST(RepairMojibake, MacCyrillicRussian) { ExpectMojibakeRepaired(kMacCyrRu, kMacCyrRuOrig); }
TEST(RepairMojibake, Cp437Russian) { ExpectMojibakeRepaired(kCp437Ru, kCp437RuOrig); }
TEST(RepairMojibake, Cp437Western) { ExpectMojibakeRepaired(kCp437En, kCp437EnOrig); }

TEST(RepairMojibake, DoubleEncodingCp1251ThenCp1252) {
  ExpectMojibakeRepaired(kDouble, kDoubleOrig);
}

TEST(RepairMojibake, OneGarbledWordInCleanRussianLine) {
  const std::string in = std::string("Вчера в Казани прошёл ") + kGorodskoyCp1251 +
                         " фестиваль уличной еды, сообщили «Ведомости».";
  const std::string want = "Вчера в Казани прошёл городской фестиваль уличной еды, сообщили «Ведомости».";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, want);
  ASSERT_EQ(edits.size(), 1u);
  const Span w = span_of(in, kGorodskoyCp1251);
  EXPECT_EQ(edits[0].span.start, w.start);
  EXPECT_EQ(edits[0].span.end, w.end);
  EXPECT_EQ(edits[0].kind, kMojibake);
  EXPECT_EQ(edits[0].replacement, "городской");
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

TEST(RepairMojibake, OneGarbledWordInCleanEnglishLine) {
  const std::string in = std::string("The mayor of ") + kMalagaCp1252 +
                         " opened the new cruise terminal on Friday.";
  const std::string want = "The mayor of Málaga opened the new cruise terminal on Friday.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, want);
  ASSERT_EQ(edits.size(), 1u);
  const Span w = span_of(in, kMalagaCp1252);
  // only the word changes: the edit lies inside it
  EXPECT_GE(edits[0].span.start, w.start);
  EXPECT_LE(edits[0].span.end, w.end);
  EXPECT_EQ(edits[0].kind, kMojibake);
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

TEST(RepairMojibake, GarbledApostropheInAsciiLineBecomesStraight) {
  const std::string in = std::string("The minister said it wasn") + kApostropheCp1251 +
                         "t over yet.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, "The minister said it wasn't over yet.");
  ASSERT_EQ(edits.size(), 1u);
  const Span w = span_of(in, kApostropheCp1251);
  EXPECT_EQ(edits[0].span.start, w.start);
  EXPECT_EQ(edits[0].span.end, w.end);
  EXPECT_EQ(edits[0].kind, kMojibake);
  EXPECT_EQ(edits[0].replacement, "'");
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

// Curly quotes become straight in the repaired text only: the clean curly
// quotes of the same line stay as they were written.
TEST(RepairMojibake, CleanCurlyQuotesBesideAGarbledApostropheStay) {
  const std::string in = std::string("\u201CNobody expected it,\u201D the minister said, \u201Cbut it wasn") +
                         kApostropheCp1251 + "t over.\u201D";
  const std::string want =
      "\u201CNobody expected it,\u201D the minister said, \u201Cbut it wasn't over.\u201D";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, want);
  ASSERT_EQ(edits.size(), 1u);
  // the edit covers the garbled mark and stays inside its word ("wasnвЂ™t"),
  // away from the curly quotes
  const Span mark = span_of(in, kApostropheCp1251);
  const Span word = span_of(in, std::string("wasn") + kApostropheCp1251 + "t");
  EXPECT_LE(edits[0].span.start, mark.start);
  EXPECT_GE(edits[0].span.end, mark.end);
  EXPECT_GE(edits[0].span.start, word.start);
  EXPECT_LE(edits[0].span.end, word.end);
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

// A garbled word in a clean line, inside typographic quotes: the quotes are
// clean non-ASCII punctuation glued to the word.
void ExpectInterfaxInGuillemetsRepaired(const char* garbled) {
  const std::string in =
      std::string("Об этом сообщает агентство \u00AB") + garbled + "\u00BB со ссылкой на источник.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, "Об этом сообщает агентство \u00ABИнтерфакс\u00BB со ссылкой на источник.");
  ASSERT_EQ(edits.size(), 1u);
  const Span w = span_of(in, garbled);
  EXPECT_LE(edits[0].span.start, w.start);
  EXPECT_GE(edits[0].span.end, w.end);
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

TEST(RepairMojibake, Cp1251WordInGuillemetsInCleanLine) {
  ExpectInterfaxInGuillemetsRepaired(kInterfaxCp1251);
}

TEST(RepairMojibake, Cp1252WordInGuillemetsInCleanLine) {
  ExpectInterfaxInGuillemetsRepaired(kInterfaxCp1252);
}

TEST(RepairMojibake, GarbledWordInCurlyQuotesInCleanLine) {
  const std::string in = std::string("The minister said it \u201Cwasn") + kApostropheCp1251 +
                         "t over\u201D, according to Reuters.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, "The minister said it \u201Cwasn't over\u201D, according to Reuters.");
  EXPECT_EQ(edits.size(), 1u);
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

// "Р" is D0 A0 in UTF-8: read as cp1251 it is "Р" and a no-break space. With
// the no-break space kept, the word repairs; when it became a plain space on
// the way (repair.cpp handles that case), the word must not come out as "Р
// оснефти".
TEST(RepairMojibake, CapitalErWithNoBreakSpaceInCleanLine) {
  const std::string in = std::string("Глава ") + kRosneftiCp1251 + " заявил о росте добычи.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, "Глава Роснефти заявил о росте добычи.");
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

TEST(RepairMojibake, CapitalErWhoseNoBreakSpaceBecameASpaceInCleanLine) {
  std::string garbled = kRosneftiCp1251;
  garbled.replace(garbled.find("\xC2\xA0"), 2, " ");
  const std::string in = "Глава " + garbled + " заявил о росте добычи.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, "Глава Роснефти заявил о росте добычи.");
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

// Many such words in one clean line: each joins the word after it (this
// used to erase from the middle of the word list, quadratic in the line).
TEST(RepairMojibake, ManyCapitalErsWhoseNoBreakSpaceBecameASpace) {
  std::string garbled = kRosneftiCp1251;
  garbled.replace(garbled.find("\xC2\xA0"), 2, " ");
  std::string in, want;
  for (int i = 0; i < 2000; ++i) {
    in += garbled + " дом ";
    want += "Роснефти дом ";
  }
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, want);
  EXPECT_EQ(edits.size(), 2000u);
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

// repair_text takes any text, not only one line: a garbled word at the start
// of the second line.
TEST(RepairMojibake, GarbledWordAtStartOfSecondLine) {
  const std::string in = std::string("Сводка на завтра.\n") + kPogodaCp1251 + " будет тёплой.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, "Сводка на завтра.\nПогода будет тёплой.");
  ASSERT_EQ(edits.size(), 1u);
  const Span w = span_of(in, kPogodaCp1251);
  EXPECT_EQ(edits[0].span.start, w.start);
  EXPECT_EQ(edits[0].span.end, w.end);
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

// The ruble sign ₽ (E2 82 BD) read as cp1251: "в‚Ѕ".
TEST(RepairMojibake, GarbledRubleSign) {
  const std::string in = std::string("Цена: 100 ") + kRubleCp1251 + " за штуку.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, "Цена: 100 \u20BD за штуку.");
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

// A four-byte character (U+1F600) read as cp1252: "ðŸ˜€".
TEST(RepairMojibake, GarbledFourByteCharacter) {
  const std::string in = "Smile \u00F0\u0178\u02DC\u20AC please";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, "Smile \U0001F600 please");
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

// Readings whose bytes are not UTF-8 (an overlong form E0 80 80, a surrogate
// ED A0 80, a code point past U+10FFFF F4 90 80 80) are no repair, however
// odd the text looks.
TEST(RepairMojibake, ReadingsThatAreNotUtf8AreNoRepair) {
  for (const char* in : {"x \u00E0\u20AC\u20AC y", "x \u00ED\u00A0\u20AC y",
                         "x \u00F4\u0090\u20AC\u20AC y"}) {
    SCOPED_TRACE(in);
    std::vector<RepairEdit> edits;
    EXPECT_EQ(skaz::repair_text(in, &edits), in);
    EXPECT_TRUE(edits.empty());
  }
}

// ---------------------------------------------------------------------------
// 2. The old 8-bit confusions, on capitalised words of 6+ letters
// ---------------------------------------------------------------------------

void ExpectWordRepaired(const EightBitCase& c) {
  SCOPED_TRACE(std::string(c.original) + " garbled as " + c.garbled);
  ExpectMojibakeRepaired(c.garbled, c.original);
  // and inside a clean sentence: only that word changes
  const std::string in = std::string("Вчера ") + c.garbled + " упоминался в новостях.";
  const std::string want = std::string("Вчера ") + c.original + " упоминался в новостях.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits);
  EXPECT_EQ(out, want);
  ASSERT_EQ(edits.size(), 1u);
  const Span w = span_of(in, c.garbled);
  EXPECT_EQ(edits[0].span.start, w.start);
  EXPECT_EQ(edits[0].span.end, w.end);
  EXPECT_EQ(edits[0].replacement, c.original);
}

class RepairKoi8AsCp1251 : public ::testing::TestWithParam<EightBitCase> {};
class RepairCp1251AsKoi8 : public ::testing::TestWithParam<EightBitCase> {};
class RepairCp1251AsLatin1 : public ::testing::TestWithParam<EightBitCase> {};

TEST_P(RepairKoi8AsCp1251, Word) { ExpectWordRepaired(GetParam()); }
TEST_P(RepairCp1251AsKoi8, Word) { ExpectWordRepaired(GetParam()); }
TEST_P(RepairCp1251AsLatin1, Word) { ExpectWordRepaired(GetParam()); }

std::string case_name(const ::testing::TestParamInfo<EightBitCase>& info) {
  return "w" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Repair, RepairKoi8AsCp1251, ::testing::ValuesIn(kKoi8AsCp1251), case_name);
INSTANTIATE_TEST_SUITE_P(Repair, RepairCp1251AsKoi8, ::testing::ValuesIn(kCp1251AsKoi8), case_name);
INSTANTIATE_TEST_SUITE_P(Repair, RepairCp1251AsLatin1, ::testing::ValuesIn(kCp1251AsLatin1), case_name);

TEST(Repair8bit, FullNameKoi8AsCp1251) {
  ExpectMojibakeRepaired(kNameKoi8AsCp1251, "Екатерина Петровна Смирнова");
}
TEST(Repair8bit, FullNameCp1251AsKoi8) {
  ExpectMojibakeRepaired(kNameCp1251AsKoi8, "Екатерина Петровна Смирнова");
}
TEST(Repair8bit, FullNameCp1251AsLatin1) {
  ExpectMojibakeRepaired(kNameCp1251AsLatin1, "Екатерина Петровна Смирнова");
}

// The garbling pre-test passes over a capital А..Я after an ASCII byte 16
// bytes at a time (only after а..я is a capital a scrambled case): a name
// in the wrong page is found at every offset after clean text full of such
// capitals, and the clean text before it is kept.
TEST(Repair8bit, NameFoundAtEveryOffsetAfterCapitals) {
  const std::string fillers[] = {"Москва ", "«Путин» ", "да ", "Ёлки ", "x"};
  for (const std::string& fill : fillers) {
    for (int k = 0; k < 40; ++k) {
      const std::string pre = repeated(fill, k);
      const std::string in = pre + " " + kNameKoi8AsCp1251 + " заявила, что нет.";
      const std::string out = skaz::repair_text(in);
      EXPECT_EQ(out, pre + " Екатерина Петровна Смирнова заявила, что нет.") << "[" << fill << "] x" << k;
    }
  }
}

// Whole sentences in the wrong 8-bit page (lower-case words come out in
// capitals, one-letter words too short to judge).
TEST(Repair8bit, SentenceKoi8AsCp1251) {
  ExpectMojibakeRepaired(kSentenceKoi8AsCp1251, "Министерство финансов опубликовало новые данные о бюджете.");
}
TEST(Repair8bit, SentenceCp1251AsKoi8) {
  ExpectMojibakeRepaired(kSentenceCp1251AsKoi8, "Министерство финансов опубликовало новые данные о бюджете.");
}
TEST(Repair8bit, SentenceCp1251AsLatin1) {
  ExpectMojibakeRepaired(kSentenceCp1251AsLatin1, "Министерство финансов опубликовало новые данные о бюджете.");
}

// ---------------------------------------------------------------------------
// 3. Clean text is never changed
// ---------------------------------------------------------------------------

const char* const kCleanLines[] = {
    "\u00ABПравительство России утвердило программу развития Дальнего Востока до 2030 года\u00BB,"
    " \u2014 сообщила пресс-служба кабмина в понедельник.",
    "По данным МВД, в январе\u2013марте 2024\u00A0г. число киберпреступлений выросло на 12,5\u00A0%,"
    " а в 1991\u20131999 годах такой статистики не вели вовсе.",
    "Министр иностранных дел провёл переговоры с генсеком НАТО; встреча прошла в Женеве,"
    " её итоги обсудят в США и ЕС.",
    "Пользователи ВКонтакте и абоненты МегаФона пожаловались на сбои, в компании \u00ABМегаФон\u00BB"
    " пообещали всё исправить к 18:00 по московскому времени.",
    "Сеть McDonald's ушла из России в 2022 году, а её рестораны стали работать под брендом"
    " \u00ABВкусно\u00A0\u2014 и точка\u00BB.",
    "Продажи iPhone в США снизились на 3\u00A0%, пишет The Wall Street Journal со ссылкой на"
    " аналитиков Counterpoint.",
    "Спутник ГЛОНАСС\u00A0\u2014 уже третий за год\u00A0\u2014 выведен на орбиту, сообщили"
    " в Роскосмосе и агентстве ТАСС.",
    "АвтоВАЗ, КамАЗ, РусГидро, ВкусВилл, СберМаркет и ЮниКредит Банк опубликовали отчётность"
    " за третий квартал.",
    "Трасса М-11 \u00ABМосква\u2014Санкт-Петербург\u00BB будет открыта для грузовиков с 1 марта.",
    "Київ, 15 січня. Міністерство охорони здоров'я України повідомило про нові правила;"
    " у Рівному та Житомирі школи перейшли на дистанційне навчання.",
    "Січень видався теплим: у Рівне та Сімферополь прийшла весна. ВІКІПЕДІЯ українською мовою"
    " налічує понад мільйон статей, а ІНФОРМАЦІЙНЕ АГЕНТСТВО \u00ABУКРІНФОРМ\u00BB повідомило про це першим.",
    "The European Central Bank kept rates unchanged on Thursday, President Christine Lagarde"
    " said in Frankfurt \u2013 a decision \u201Cwidely expected\u201D by markets.",
    "At a caf\u00E9 in S\u00E3o Paulo, Thomas M\u00FCller and Jos\u00E9 Concei\u00E7\u00E3o watched"
    " the final; fans from Gda\u0144sk, Z\u00FCrich and Besan\u00E7on joined them.",
    "Apple\u2019s revenue rose to $94.9 billion, while Samsung\u2019s fell 5%; analysts at"
    " Morgan Stanley called it \u201Ca mixed quarter\u201D.",
    "Фанаты встретили сборную флагами \U0001F1F7\U0001F1FA и криками \u00ABМолодцы!\u00BB"
    " \U0001F389\U0001F44F, а семья \U0001F468\u200D\U0001F469\u200D\U0001F467 позировала фотографам \U0001F44D\U0001F3FD.",
    "Курс доллара на Московской бирже составил 92,45\u00A0\u20BD, евро\u00A0\u2014 99,10\u00A0\u20BD;"
    " индекс Мосбиржи вырос на 0,8\u00A0%, а температура в Москве опустилась до \u221215\u00A0\u00B0C.",
    "В Санкт-Петербурге открылся фестиваль \u00ABЁлки-палки\u00BB, его посетили более 10\u00A0000 человек;"
    " учёные МГУ объяснили, почему ёжики проснулись раньше.",
    "\u00ABМы \u201Eне сдадимся\u201C\u00BB, \u2014 заявил главный тренер ЦСКА после матча в Токио"
    " (\u6771\u4EAC) № 5.",
    "Ударение в слове \u00ABза\u0301мок\u00BB ставится на первый слог, напомнил филолог из СПбГУ.",
    "Emmanuel Macron told reporters at the \u00C9lys\u00E9e that the na\u00EFve plan was d\u00E9j\u00E0"
    " vu; the r\u00E9sum\u00E9 of the new Pok\u00E9mon CEO was leaked.",
    "Глава ФСБ, министр обороны и директор СВР провели совещание; по итогам ЦИК РФ назначил"
    " выборы на сентябрь.",
    "Telegram, WhatsApp и YouTube остаются самыми популярными сервисами у российских подростков,"
    " показал опрос ВЦИОМ.",
};

std::string clean_text() {
  std::string t;
  for (const char* line : kCleanLines) {
    t += line;
    t += '\n';
  }
  return t;
}

TEST(RepairClean, TextIsLongEnough) {
  // a few hundred words of clean news text
  std::size_t words = 0;
  const std::string t = clean_text();
  bool in_word = false;
  for (char ch : t) {
    const bool space = ch == ' ' || ch == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  EXPECT_GE(words, 300u);
}

TEST(RepairClean, WholeTextUnchangedDefaultOptions) { ExpectUnchanged(clean_text(), RepairOptions{}); }

TEST(RepairClean, WholeTextUnchangedAllOptions) { ExpectUnchanged(clean_text(), all_on()); }

TEST(RepairClean, EachLineUnchangedDefaultOptions) {
  for (const char* line : kCleanLines) {
    SCOPED_TRACE(line);
    ExpectUnchanged(line, RepairOptions{});
  }
}

TEST(RepairClean, EachLineUnchangedAllOptions) {
  for (const char* line : kCleanLines) {
    SCOPED_TRACE(line);
    ExpectUnchanged(line, all_on());
  }
}

TEST(RepairClean, EmptyOptionsChangeNothingEvenInGarbledText) {
  RepairOptions none;
  none.mojibake = none.homoglyphs = none.invisible = false;
  std::vector<RepairEdit> edits;
  EXPECT_EQ(skaz::repair_text(kCp1251Ru, &edits, none), kCp1251Ru);
  EXPECT_TRUE(edits.empty());
}

TEST(RepairClean, PipelineReportsNoRepairOnCleanText) {
  auto p = skaz::Pipeline::create(skaz::Options{});
  ASSERT_TRUE(p.ok());
  const std::string t = clean_text();
  auto d = p->analyze(t);
  ASSERT_TRUE(d.ok());
  for (const skaz::Repair& r : d->repairs) {
    // glued-word repairs come from the segmenter, not from the repair stage
    if (r.kind == skaz::repair_kind::glued) continue;
    ADD_FAILURE() << skaz::repair_kind_name(r.kind) << " repair of \"" << d->slice(r.span)
                  << "\" -> \"" << r.replacement << "\" in clean text";
  }
}

// ---------------------------------------------------------------------------
// 4. Homoglyphs
// ---------------------------------------------------------------------------

TEST(RepairHomoglyph, FoundAtEveryOffsetOfARussianText) {
  // the pre-test skips 16 bytes of Russian letters and ASCII non-letters at a
  // time: a mixed word must be found wherever it falls in those blocks, after
  // Cyrillic, Latin or punctuation, a lead byte cut by a block's end or not
  const std::string fillers[] = {"а", "б ", ", ", "я", "x "};
  for (const std::string& fill : fillers) {
    for (int k = 0; k < 40; ++k) {
      const std::string pre = repeated(fill, k);
      for (const auto& [garbled, clean] : {std::pair<std::string, std::string>{"Москв\x61", "Москва"},
                                           std::pair<std::string, std::string>{"P\u0430vel", "Pavel"}}) {
        const std::string in = pre + " " + garbled + " заявил, что нет.";
        const std::string out = skaz::repair_text(in, nullptr, letters_only(true, false));
        EXPECT_NE(out.find(" " + clean + " "), std::string::npos) << "[" << fill << "] x" << k << ": " << out;
      }
    }
  }
}

TEST(RepairHomoglyph, CyrillicLettersInLatinWords) {
  // Tеlеgram: Cyrillic е twice; Amazоn: Cyrillic о; Faсebook: Cyrillic с; Cоca: Cyrillic о
  const std::string in =
      "Пользователи T\u0435l\u0435gram жалуются на сбои, акции Amaz\u043En и Fa\u0441ebook выросли,"
      " а C\u043Eca-Cola подорожала.";
  const std::string want =
      "Пользователи Telegram жалуются на сбои, акции Amazon и Facebook выросли, а Coca-Cola подорожала.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits, letters_only(true, false));
  EXPECT_EQ(out, want);
  ASSERT_EQ(edits.size(), 4u);
  const char* words[] = {"T\u0435l\u0435gram", "Amaz\u043En", "Fa\u0441ebook", "C\u043Eca"};
  const char* fixed[] = {"Telegram", "Amazon", "Facebook", "Coca"};
  for (int k = 0; k < 4; ++k) {
    SCOPED_TRACE(fixed[k]);
    const Span w = span_of(in, words[k]);
    EXPECT_EQ(edits[k].span.start, w.start);
    EXPECT_EQ(edits[k].span.end, w.end);
    EXPECT_EQ(edits[k].kind, kHomoglyph);
    EXPECT_EQ(edits[k].replacement, fixed[k]);
  }
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

TEST(RepairHomoglyph, LatinLettersInRussianWords) {
  // Мoсквa: Latin o, a; пpавительство: Latin p; cобрание: Latin c; Рoссии: Latin o
  const std::string in =
      "М\x6F" "скв\x61 и пpавительство обсудили cобрание акционеров Рoссии.";
  const std::string want = "Москва и правительство обсудили собрание акционеров России.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits, letters_only(true, false));
  EXPECT_EQ(out, want);
  ASSERT_EQ(edits.size(), 4u);
  const char* words[] = {"М\x6F" "скв\x61", "пpавительство", "cобрание", "Рoссии"};
  const char* fixed[] = {"Москва", "правительство", "собрание", "России"};
  for (int k = 0; k < 4; ++k) {
    SCOPED_TRACE(fixed[k]);
    const Span w = span_of(in, words[k]);
    EXPECT_EQ(edits[k].span.start, w.start);
    EXPECT_EQ(edits[k].span.end, w.end);
  }
  for (int k = 0; k < 4; ++k) {
    EXPECT_EQ(edits[k].kind, kHomoglyph);
    EXPECT_EQ(edits[k].replacement, fixed[k]);
  }
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

TEST(RepairHomoglyph, GluedScriptsWithoutLookalikesUntouched) {
  // N, W, h, t, s, p, D, R have no Cyrillic lookalike here, ы and м no Latin one
  for (const char* s : {"Учения NATOВойска начнутся в мае.", "Новости EDRiПри и другие.",
                        "Переписка в WhatsAppом утекла.", "Сеть McDonaldсы закрыла."}) {
    SCOPED_TRACE(s);
    ExpectUnchanged(s, letters_only(true, true));
  }
}

TEST(RepairHomoglyph, AllCapsMixedWordsUntouched) {
  // ТAСС with a Latin A, NАTО with Cyrillic А and О, CОВЕТ with a Latin C
  for (const char* s : {"Агентство Т\x41" "СС сообщило об этом.", "Генсек N\u0410T\u041E прибыл.",
                        "C\u041E\u0412\u0415\u0422 ФЕДЕРАЦИИ собрался."}) {
    SCOPED_TRACE(s);
    ExpectUnchanged(s, letters_only(true, true));
  }
}

// A Latin acronym glued to a Russian word: mapping it to Cyrillic would
// bring in letters Russian does not use (Ѕ, І).
TEST(RepairHomoglyph, GluedLatinAcronymNotTurnedIntoOddCyrillic) {
  ExpectUnchanged("Новая SIMкарта подорожала.", letters_only(true, false));
}

TEST(RepairHomoglyph, TiesUntouched) {
  // as many Latin as Cyrillic letters: nothing tells which script was meant
  ExpectUnchanged("Блогер выложил iPhoneовский ролик.", letters_only(true, false));
}

TEST(RepairHomoglyph, DefaultOptionsLeaveThemAlone) {
  for (const char* s : {"Пользователи T\u0435l\u0435gram жалуются на сбои.",
                        "М\x6F" "скв\x61 и пpавительство обсудили cобрание."}) {
    SCOPED_TRACE(s);
    ExpectUnchanged(s, RepairOptions{});
  }
}

// ---------------------------------------------------------------------------
// 5. Invisible characters
// ---------------------------------------------------------------------------

TEST(RepairInvisible, DroppedInsideWordsEachReported) {
  const std::string shy = "\u00AD", zwsp = "\u200B", wj = "\u2060", bom = "\uFEFF";
  const std::string in = "Начались пере" + shy + "говоры о news" + zwsp + "paper, Mos" + wj +
                         "cow и Бел" + bom + "городе.";
  const std::string want = "Начались переговоры о newspaper, Moscow и Белгороде.";
  std::vector<RepairEdit> edits;
  const std::string out = skaz::repair_text(in, &edits, letters_only(false, true));
  EXPECT_EQ(out, want);
  ASSERT_EQ(edits.size(), 4u);
  std::size_t from = 0;
  const std::string* marks[] = {&shy, &zwsp, &wj, &bom};
  for (int k = 0; k < 4; ++k) {
    const Span m = span_of(in, *marks[k], from);
    from = m.end;
    EXPECT_EQ(edits[k].span.start, m.start) << k;
    EXPECT_EQ(edits[k].span.end, m.end) << k;
    EXPECT_EQ(edits[k].kind, kInvisible) << k;
    EXPECT_TRUE(edits[k].replacement.empty()) << k;
  }
  EXPECT_TRUE(EditsConsistent(in, out, edits));
}

TEST(RepairInvisible, SoftHyphenInEnglishWord) {
  const std::string in = "New infor\u00ADmation was published.";
  std::vector<RepairEdit> edits;
  EXPECT_EQ(skaz::repair_text(in, &edits, all_on()), "New information was published.");
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].span.start, 9u);
  EXPECT_EQ(edits[0].span.end, 11u);
  EXPECT_EQ(edits[0].kind, kInvisible);
  EXPECT_EQ(edits[0].replacement, "");
}

TEST(RepairInvisible, ZeroWidthJoinerInEmojiKept) {
  const std::string in =
      "Семья \U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466 и флаг \U0001F3F3\uFE0F\u200D\U0001F308 на параде.";
  ExpectUnchanged(in, letters_only(false, true));
  ExpectUnchanged(in, all_on());
}

TEST(RepairInvisible, DefaultOptionsKeepThem) {
  const std::string in = "пере\u00ADговоры, news\u200Bpaper, Mos\u2060cow, Бел\uFEFFгород";
  ExpectUnchanged(in, RepairOptions{});
}

// ---------------------------------------------------------------------------
// 6. The pipeline: repairs and spans on the original input
// ---------------------------------------------------------------------------

bool inside(const Span& in, const Span& s) { return s.start >= in.start && s.end <= in.end; }

TEST(RepairPipeline, MojibakeHomoglyphAndSoftHyphen) {
  skaz::Options o;  // lang auto
  o.tokens = true;
  auto p = skaz::Pipeline::create(o);
  ASSERT_TRUE(p.ok()) << p.err().message;
  const std::string mess = std::string(kGorodskoyCp1251);
  const std::string tele = "T\u0435l\u0435gram";
  const std::string talks = "пере\u00ADговоры";
  const std::string text = "Вчера " + mess + " совет обсудил работу мессенджера " + tele + " и " +
                           talks + " с подрядчиком. Решение примут в мае.";
  auto d = p->analyze(text);
  ASSERT_TRUE(d.ok()) << d.err().message;
  EXPECT_EQ(d->text, text);
  EXPECT_EQ(d->language, "ru");

  ASSERT_EQ(d->repairs.size(), 3u);
  const skaz::Repair& r0 = d->repairs[0];
  const skaz::Repair& r1 = d->repairs[1];
  const skaz::Repair& r2 = d->repairs[2];
  EXPECT_EQ(r0.kind, skaz::repair_kind::mojibake);
  EXPECT_EQ(d->slice(r0.span), mess);
  EXPECT_EQ(r0.replacement, "городской");
  EXPECT_EQ(r1.kind, skaz::repair_kind::homoglyph);
  EXPECT_EQ(d->slice(r1.span), tele);
  EXPECT_EQ(r1.replacement, "Telegram");
  EXPECT_EQ(r2.kind, skaz::repair_kind::invisible);
  EXPECT_EQ(d->slice(r2.span), "\u00AD");
  EXPECT_EQ(r2.replacement, "");

  // sentences on the original text
  ASSERT_EQ(d->sentences.size(), 2u);
  for (const Span& s : d->sentences) {
    ASSERT_LE(s.end, text.size());
    EXPECT_TRUE(is_char_start(text, s.start) && is_char_start(text, s.end));
  }
  EXPECT_EQ(d->slice(d->sentences[0]),
            "Вчера " + mess + " совет обсудил работу мессенджера " + tele + " и " + talks +
                " с подрядчиком.");
  EXPECT_EQ(d->slice(d->sentences[1]), "Решение примут в мае.");

  // tokens on the original text; each repaired word is one word token
  const Span ws[] = {span_of(text, mess), span_of(text, tele), span_of(text, talks)};
  bool found[3] = {false, false, false};
  for (const Span& t : d->tokens) {
    ASSERT_LE(t.end, text.size());
    EXPECT_TRUE(is_char_start(text, t.start) && is_char_start(text, t.end));
    bool in_sentence = false;
    for (const Span& s : d->sentences) in_sentence = in_sentence || inside(s, t);
    EXPECT_TRUE(in_sentence) << d->slice(t);
    for (int k = 0; k < 3; ++k) {
      if (t.start == ws[k].start && t.end == ws[k].end) {
        found[k] = true;
        EXPECT_EQ(t.kind, static_cast<std::uint32_t>(skaz::token_kind::word));
      } else {
        // no token cuts a repaired word
        EXPECT_FALSE(t.end > ws[k].start && t.start < ws[k].end) << "token \"" << d->slice(t) << "\"";
      }
    }
  }
  EXPECT_TRUE(found[0]) << "the garbled word is not one token";
  EXPECT_TRUE(found[1]) << "the homoglyph word is not one token";
  EXPECT_TRUE(found[2]) << "the soft-hyphenated word is not one token";
}

TEST(RepairPipeline, InvalidUtf8AndMojibakeInOneText) {
  skaz::Options o;
  o.utf8 = skaz::utf8_policy::replace;
  o.tokens = true;
  auto p = skaz::Pipeline::create(o);
  ASSERT_TRUE(p.ok()) << p.err().message;
  const std::string mess = kPogodaCp1251;
  const std::string text = "Сводка \xFF\xFE на завтра: " + mess + " будет тёплой.\nВетер слабый.";
  auto d = p->analyze(text);
  ASSERT_TRUE(d.ok()) << d.err().message;
  const Span bad = span_of(text, "\xFF\xFE");
  const Span word = span_of(text, mess);
  std::vector<const skaz::Repair*> invalid, moji;
  for (const skaz::Repair& r : d->repairs) {
    if (r.kind == skaz::repair_kind::invalid_utf8) invalid.push_back(&r);
    if (r.kind == skaz::repair_kind::mojibake) moji.push_back(&r);
  }
  ASSERT_EQ(invalid.size(), 2u);  // FF and FE are two maximal subparts
  EXPECT_EQ(invalid[0]->span.start, bad.start);
  EXPECT_EQ(invalid[0]->span.end, bad.start + 1);
  EXPECT_EQ(invalid[1]->span.start, bad.start + 1);
  EXPECT_EQ(invalid[1]->span.end, bad.end);
  EXPECT_EQ(invalid[0]->replacement, "\uFFFD");
  ASSERT_EQ(moji.size(), 1u);
  EXPECT_EQ(moji[0]->span.start, word.start);
  EXPECT_EQ(moji[0]->span.end, word.end);
  EXPECT_EQ(moji[0]->replacement, "Погода");
  EXPECT_EQ(d->repairs.size(), 3u);
  for (std::size_t k = 1; k < d->repairs.size(); ++k)
    EXPECT_LE(d->repairs[k - 1].span.end, d->repairs[k].span.start) << "repairs overlap at " << k;
  bool word_token = false;
  for (const Span& t : d->tokens)
    word_token = word_token || (t.start == word.start && t.end == word.end &&
                                t.kind == static_cast<std::uint32_t>(skaz::token_kind::word));
  EXPECT_TRUE(word_token);
  ASSERT_EQ(d->paragraphs.size(), 2u);
  EXPECT_EQ(d->slice(d->paragraphs[1]), "Ветер слабый.");
}

// An invalid byte glued to the end of a garbled word: both are reported and
// the reported spans still do not overlap.
TEST(RepairPipeline, InvalidByteGluedToMojibakeWord) {
  skaz::Options o;
  o.utf8 = skaz::utf8_policy::replace;
  auto p = skaz::Pipeline::create(o);
  ASSERT_TRUE(p.ok()) << p.err().message;
  const std::string mess = kPogodaCp1251;
  const std::string text = "Сводка: " + mess + "\xFF будет тёплой.";
  auto d = p->analyze(text);
  ASSERT_TRUE(d.ok()) << d.err().message;
  bool has_invalid = false, has_moji = false;
  for (const skaz::Repair& r : d->repairs) {
    has_invalid = has_invalid || r.kind == skaz::repair_kind::invalid_utf8;
    has_moji = has_moji || r.kind == skaz::repair_kind::mojibake;
  }
  EXPECT_TRUE(has_invalid);
  EXPECT_TRUE(has_moji);
  for (std::size_t k = 1; k < d->repairs.size(); ++k)
    EXPECT_LE(d->repairs[k - 1].span.end, d->repairs[k].span.start)
        << "repairs overlap: " << skaz::repair_kind_name(d->repairs[k - 1].kind) << " ["
        << d->repairs[k - 1].span.start << "," << d->repairs[k - 1].span.end << ") and "
        << skaz::repair_kind_name(d->repairs[k].kind) << " [" << d->repairs[k].span.start << ","
        << d->repairs[k].span.end << ")";
}

// ---------------------------------------------------------------------------
// 7. Robustness
// ---------------------------------------------------------------------------

void RunAllOptionSets(const std::string& in) {
  RepairOptions sets[3];
  sets[1] = all_on();
  sets[2] = letters_only(true, true);
  sets[2].mojibake = false;
  for (const RepairOptions& o : sets) {
    std::vector<RepairEdit> edits;
    const std::string out = skaz::repair_text(in, &edits, o);
    EXPECT_TRUE(skaz::is_valid_utf8(out));
    EXPECT_TRUE(EditsConsistent(in, out, edits));
  }
}

TEST(RepairRobustness, EmptyString) {
  std::vector<RepairEdit> edits;
  EXPECT_EQ(skaz::repair_text("", &edits, all_on()), "");
  EXPECT_TRUE(edits.empty());
  EXPECT_EQ(skaz::repair_text(std::string_view()), "");
}

TEST(RepairRobustness, OneMegabyteOfRandomBytes) {
  std::mt19937 rng(20240917u);
  std::string raw(1u << 20, '\0');
  for (char& c : raw) c = static_cast<char>(rng() & 0xFF);
  const std::string in = skaz::replace_invalid_utf8(raw);
  ASSERT_TRUE(skaz::is_valid_utf8(in));
  RunAllOptionSets(in);
}

TEST(RepairRobustness, LongLineOfCyrillicEr) {
  std::string in;
  for (int k = 0; k < 100000; ++k) in += "Р";
  RunAllOptionSets(in);
}

TEST(RepairRobustness, LongLineOfBoxDrawing) {
  std::string in;
  for (int k = 0; k < 50000; ++k) in += "\u2568";  // ╨
  RunAllOptionSets(in);
}

TEST(RepairRobustness, LinesOfReplacementCharacters) {
  std::string solid, spaced;
  for (int k = 0; k < 100000; ++k) solid += "\uFFFD";
  for (int k = 0; k < 20000; ++k) spaced += "\uFFFD\uFFFD ";
  RunAllOptionSets("\uFFFD");
  RunAllOptionSets(solid);
  RunAllOptionSets(spaced);
  RunAllOptionSets("Привет \uFFFD\uFFFD\uFFFD мир");
}

}  // namespace

// A long line of mojibake is repaired word by word in the view, so spans
// inside it map back closely (one edit for the whole line made every
// mention's span the whole line: output quadratic in the length).
TEST(RepairPipeline, LongGarbledLineKeepsFineSpans) {
  std::string word = "\xD0\xA0\xD1\x9F\xD0\xA0\xC2\xB5\xD0\xA1\xE2\x80\x9A\xD0\xA0\xC2\xB5\xD0\xA0\xE2\x80\x9D ";  // "Петер" read as cp1251
  std::string text;
  for (int i = 0; i < 3000; ++i) text += word;
  auto p = skaz::Pipeline::create({});
  ASSERT_TRUE(p.ok());
  auto d = p->analyze(text, "ru");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->repairs.size(), 3000u);
  for (const skaz::Repair& r : d->repairs) ASSERT_LT(r.span.size(), 64u);
  for (const skaz::Entity& e : d->entities)
    for (const skaz::Span& m : e.mentions) ASSERT_LT(m.size(), 64u);
}

// The pipeline asks for the edits only (detail::repair_edits): the same
// edits as repair_text's, for clean text, mojibake, lookalikes and
// invisible characters, under every option set.
#include "repair_impl.hpp"

TEST(RepairEdits, SameEditsAsRepairText) {
  const std::string inputs[] = {
      "plain text, nothing to mend",
      kCp1251Ru,
      kKoi8Ru,
      kCp1252En,
      "T\xD0\xB5l\xD0\xB5gram and \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD",  // Tеlеgram (Cyrillic е)
      "soft\xC2\xADhyphen and zero\xE2\x80\x8Bwidth",
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2" "a \xD0\xA0\xD0\x9E\xD0\xA1\xD0\xA1\xD0\x98\xD0\xAF",  // Москвa
      "",
  };
  for (int mask = 0; mask < 8; ++mask) {
    skaz::RepairOptions o;
    o.mojibake = mask & 1;
    o.homoglyphs = mask & 2;
    o.invisible = mask & 4;
    for (const std::string& in : inputs) {
      std::vector<skaz::RepairEdit> want, got;
      skaz::repair_text(in, &want, o);
      skaz::detail::repair_edits(in, got, o);
      ASSERT_EQ(want.size(), got.size()) << in << " options " << mask;
      for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(want[i].span.start, got[i].span.start);
        EXPECT_EQ(want[i].span.end, got[i].span.end);
        EXPECT_EQ(want[i].kind, got[i].kind);
        EXPECT_EQ(want[i].replacement, got[i].replacement);
      }
    }
  }
  // and the inputs do exercise repairs: not every edit list is empty
  std::vector<skaz::RepairEdit> some;
  skaz::RepairOptions all;
  all.homoglyphs = all.invisible = true;
  for (const std::string& in : inputs) skaz::detail::repair_edits(in, some, all);
  EXPECT_GE(some.size(), 4u);
}
