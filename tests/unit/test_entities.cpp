// Document entities on texts written for skaz.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "skaz/document.hpp"

namespace {

skaz::Document analyze(const std::string& text, const char* lang = "en") {
  auto p = skaz::Pipeline::create({});
  EXPECT_TRUE(p.ok());
  auto d = p->analyze(text, lang);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

const skaz::Entity* find(const skaz::Document& d, const std::string& name) {
  for (const auto& e : d.entities)
    if (e.name == name) return &e;
  return nullptr;
}

std::vector<std::string> mentions(const skaz::Document& d, const skaz::Entity& e) {
  std::vector<std::string> v;
  for (const auto& m : e.mentions) v.emplace_back(d.slice(m));
  return v;
}

TEST(Entities, SurnameFormsJoinTheFullName) {
  const auto d = analyze(
      "Founder of the company Pavel Orlov spoke on Monday. Orlov said the service works. "
      "Critics turned to Orlova personally, and the regulator answered Orlov's letter.");
  const skaz::Entity* e = find(d, "Pavel Orlov");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, skaz::entity_type::person);
  EXPECT_EQ(mentions(d, *e), (std::vector<std::string>{"Pavel Orlov", "Orlov", "Orlova", "Orlov"}));
}

TEST(Entities, GarbledParticleAndGenderAgreement) {
  const auto d = analyze(
      "Photo: Sergei to Belova in the photo bank.\n\nThe minister met Anna to Belova, the editor.");
  // a man named by a feminine surname form: the base form agrees with him
  EXPECT_NE(find(d, "Sergei Belov"), nullptr);
  // a woman keeps her surname
  EXPECT_NE(find(d, "Anna Belova"), nullptr);
}

TEST(Entities, SpellingVariantsAndAcronyms) {
  const auto d = analyze(
      "The agency Roskomnadzor wrote to the FSB. Later Roscomnadzor replied. "
      "The FSB-led inquiry went on.");
  const skaz::Entity* r = find(d, "Roskomnadzor");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->mentions.size(), 2u);
  const skaz::Entity* f = find(d, "FSB");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->type, skaz::entity_type::organization);
  EXPECT_EQ(f->mentions.size(), 2u);  // FSB-led names the FSB
}

TEST(Entities, SentenceOpenersAreNoNames) {
  const auto d = analyze("Currently the port is closed. However, ships wait. Numerous boats left.");
  EXPECT_EQ(find(d, "Currently"), nullptr);
  EXPECT_EQ(find(d, "However"), nullptr);
  EXPECT_EQ(find(d, "Numerous"), nullptr);
}

TEST(Entities, RussianText) {
  auto p = skaz::Pipeline::create({});
  ASSERT_TRUE(p.ok());
  auto d = p->analyze("Глава ведомства Олег Ведерников заявил об этом. Ведерникова поддержали коллеги.", "ru");
  ASSERT_TRUE(d.ok());
  const skaz::Entity* e = find(d.value(), "Олег Ведерников");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mentions.size(), 2u);
  EXPECT_EQ(e->roles, (std::vector<std::string>{"Глава ведомства"}));
}

TEST(Entities, MoreRussianFirstNames) {
  // first names of the lexicon in Cyrillic and in transliteration, with the
  // gender they give; Регина, Алиса, Олеся stay out (Region, Elysee Palace)
  auto p = skaz::Pipeline::create({});
  ASSERT_TRUE(p.ok());
  auto d = p->analyze("Глава ЦБ Эльвира Набиуллина выступила. Рустам Минниханов и Ренат Лайшев согласились.", "ru");
  ASSERT_TRUE(d.ok());
  for (const char* name : {"Эльвира Набиуллина", "Рустам Минниханов", "Ренат Лайшев"}) {
    const skaz::Entity* e = find(d.value(), name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, skaz::entity_type::person) << name;
  }
  const auto en = analyze("Rustam Fatkhutdinov met reporters at the Elysee Palace on Monday.");
  ASSERT_NE(find(en, "Rustam Fatkhutdinov"), nullptr);
  EXPECT_EQ(find(en, "Elysee Palace"), nullptr);
}

TEST(Entities, RolesInApposition) {
  const auto d = analyze(
      "Founder of the company Pavel Orlov spoke on Monday. Later the Internet Ombudsman Ivan Belov "
      "answered. \"We agree,\" Maria Sokolova said.");
  const skaz::Entity* orlov = find(d, "Pavel Orlov");
  ASSERT_NE(orlov, nullptr);
  EXPECT_EQ(orlov->roles, (std::vector<std::string>{"Founder of the company"}));
  const skaz::Entity* belov = find(d, "Ivan Belov");
  ASSERT_NE(belov, nullptr);
  EXPECT_EQ(belov->roles, (std::vector<std::string>{"Internet Ombudsman"}));
  // a quotation before a name is no role
  const skaz::Entity* sokolova = find(d, "Maria Sokolova");
  ASSERT_NE(sokolova, nullptr);
  EXPECT_TRUE(sokolova->roles.empty());
  // nor across guillemets or a dash
  const auto g = analyze("The head said \u00AByes\u00BB Anna Petrova answered. The head \u2014 Oleg Volkov agreed.");
  for (const char* name : {"Anna Petrova", "Oleg Volkov"}) {
    const skaz::Entity* e = find(g, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_TRUE(e->roles.empty()) << name;
  }
}

TEST(Entities, NamesAfterACapitalisedTitle) {
  // two capitalised words after a capitalised role are a name; "German"
  // before a role or an institution is the adjective, not Герман
  auto d = analyze("German Chancellor Olaf Scholz spoke on Monday. German Foreign Minister Annalena Baerbock "
                   "agreed. The head of Sberbank German Gref was absent.");
  for (const char* name : {"Olaf Scholz", "Annalena Baerbock", "German Gref"}) {
    const skaz::Entity* e = find(d, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, skaz::entity_type::person) << name;
  }
  for (const auto& e : d.entities) {
    EXPECT_NE(e.name, "German Chancellor");
    EXPECT_NE(e.name, "German Foreign");
  }
  // a sentence adverb opens no name; a Russian first name in -ly does
  d = analyze("Earlier Lithuanian officials met. Recently Yerevan agreed. Anatoly Tsygankov spoke.");
  for (const auto& e : d.entities) {
    EXPECT_NE(e.name, "Earlier Lithuanian");
    EXPECT_NE(e.name, "Recently Yerevan");
  }
  ASSERT_NE(find(d, "Anatoly Tsygankov"), nullptr);
  // so does a comma, or a quote's closing mark: a name's words have spaces
  // between them
  d = analyze("Aid was delivered to the disaster area in Armenia. Yerevan, Armenia sent 27 rescuers. \"We did "
              "not find it in Georgia,\" Toidze said.");
  for (const auto& e : d.entities) {
    EXPECT_NE(e.name, "Yerevan Armenia");
    EXPECT_NE(e.name, "Georgia Toidze");
  }
  // a colon between two capitalised words parts them
  d = analyze("Chancellor Scholz: Gas will no longer be important.");
  for (const auto& e : d.entities) EXPECT_NE(e.name, "Scholz Gas");
}

TEST(Entities, NoOfficeIsASurnameAndNoDottedLetterAFirstName) {
  // an office recurring alone is no surname ("Prime Minister" ... "Minister
  // of Ecology"); a letter of "U.S." is no initial ("U.S. Treasury" ... "the
  // Treasury"); a title before a surname that recurs alone is kept
  auto d = analyze("The Prime Minister met Dmitry Kurakin, Deputy Prime Minister - Minister of Ecology of the "
                   "Region. U.S. Treasury Secretary Steven Mnuchin spoke for the Department of the Treasury. "
                   "The Senate confirmed Judge Kavanaugh. The senators congratulated Kavanaugh.");
  for (const auto& e : d.entities) {
    // (the office itself is an entity of type role)
    if (e.type != skaz::entity_type::role) EXPECT_NE(e.name, "Prime Minister");
    EXPECT_NE(e.name, "S Treasury");
  }
  for (const char* name : {"Dmitry Kurakin", "Steven Mnuchin", "Judge Kavanaugh"}) {
    const skaz::Entity* e = find(d, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, skaz::entity_type::person) << name;
  }
}

TEST(Entities, ArabicNamesWithTheirArticle) {
  // an Arabic given name and a surname with its article (al-, el-)
  const auto d = analyze("The chairman of the council, Khaled al-Mishri, spoke. Ibrahim Raisi agreed.");
  for (const char* name : {"Khaled al-Mishri", "Ibrahim Raisi"}) {
    const skaz::Entity* e = find(d, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, skaz::entity_type::person) << name;
  }
}

// The role window is cut at its last quotation mark, dash or full stop,
// wherever that falls in the window (its stops are looked for 16 bytes at a
// time from the end): one before the role leaves it whole, one between the
// role and the name takes it away.
TEST(Entities, RoleWindowCutAtItsLastStopAtEveryOffset) {
  for (const std::string stop : {".", "\u00BB", "\u2014", ":", "\"", ")"}) {
    for (int k = 0; k < 40; ++k) {
      const std::string pad(static_cast<std::size_t>(k), 'x');
      // a stop well before the role: the role stands
      auto d = analyze("Yes " + pad + stop + " later the Internet Ombudsman Ivan Belov answered.");
      const skaz::Entity* belov = find(d, "Ivan Belov");
      ASSERT_NE(belov, nullptr) << k << stop;
      EXPECT_EQ(belov->roles, (std::vector<std::string>{"Internet Ombudsman"})) << k << " " << stop;
      // a stop between the role and the name: none (the padding moves it
      // against the window's blocks)
      d = analyze("Later the Internet Ombudsman said " + pad + stop + " Ivan Belov answered.");
      belov = find(d, "Ivan Belov");
      ASSERT_NE(belov, nullptr) << k << stop;
      EXPECT_TRUE(belov->roles.empty()) << k << " " << stop;
      // after the name, from its comma to the next: a stop anywhere in it
      // (its first byte too) leaves no role
      d = analyze("Then Ivan Belov," + pad.substr(0, k % 20) + stop + " the founder of Telegram, answered.");
      belov = find(d, "Ivan Belov");
      ASSERT_NE(belov, nullptr) << k << stop;
      if (stop != ".") EXPECT_TRUE(belov->roles.empty()) << k << " " << stop;  // ("." ends the window first)
    }
  }
}

TEST(Entities, RolesAfterTheName) {
  const auto d = analyze(
      "Pavel Orlov, the founder of the company, spoke on Monday. Orlov, a Telegram founder, answered. "
      "Ivan Belov, who was there, left. Maria Sokolova, founder and owner of the firm that was sold "
      "to buyers in Asia last year, said.");
  const skaz::Entity* orlov = find(d, "Pavel Orlov");
  ASSERT_NE(orlov, nullptr);
  EXPECT_EQ(orlov->roles, (std::vector<std::string>{"founder of the company", "Telegram founder"}));
  // a relative clause and a long clause are no appositions
  const skaz::Entity* belov = find(d, "Ivan Belov");
  ASSERT_NE(belov, nullptr);
  EXPECT_TRUE(belov->roles.empty());
  const skaz::Entity* sokolova = find(d, "Maria Sokolova");
  ASSERT_NE(sokolova, nullptr);
  EXPECT_TRUE(sokolova->roles.empty());
}

// A common English given name opens a person's name even when the surname
// never recurs alone; the surname after it is kept as written (no Russian
// gender agreement), and a middle name joins the name.
TEST(Entities, EnglishGivenNames) {
  auto d = analyze("Yesterday Donald Trump spoke in Ohio.");
  const skaz::Entity* e = find(d, "Donald Trump");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, skaz::entity_type::person);
  EXPECT_EQ(find(d, "Donald"), nullptr);
  d = analyze("Athletic director Joe Alleva thanked the staff.");
  EXPECT_NE(find(d, "Joe Alleva"), nullptr);
  d = analyze("The story was told by Steven Thomas Ochsner on Monday. Later, Ochsner added details.");
  e = find(d, "Steven Thomas Ochsner");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(mentions(d, *e), (std::vector<std::string>{"Steven Thomas Ochsner", "Ochsner"}));
  // a given name that is no list's stays alone when nothing joins it
  d = analyze("Yesterday Zorbo Quill spoke in Ohio.");
  EXPECT_EQ(find(d, "Zorbo Quill"), nullptr);
}

// A canonical name is in the nominative: the first name from the lexicon
// (Андрея -> Андрей, Натальи -> Наталья, Льва -> Лев, Павлом -> Павел), the
// surname by its gender (Тимаковой -> Тимакова) and by its declension in the
// document (Чайки -> Чайка), a surname after a nominative first name as
// written (Барак Обама, not Обам).
TEST(Entities, CanonicalNamesInTheNominative) {
  auto p = skaz::Pipeline::create({});
  ASSERT_TRUE(p.ok());
  auto names = [&](const std::string& text) {
    auto d = p->analyze(text, "ru");
    EXPECT_TRUE(d.ok());
    std::vector<std::string> v;
    for (const auto& e : d.value().entities)
      if (e.type == skaz::entity_type::person) v.push_back(e.name);
    return v;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names("Встреча Андрея Эшпая и Сергея Собянина прошла в Москве. Собянин заявил, что рад."),
            (V{"Андрей Эшпай", "Сергей Собянин"}));
  EXPECT_EQ(names("Пресс-секретарь Натальи Тимаковой сообщил, что она занята. Тимакова молчит."),
            (V{"Наталья Тимакова"}));
  EXPECT_EQ(names("Книги Льва Толстого изданы. Наследие Толстого велико."), (V{"Лев Толстой"}));
  EXPECT_EQ(names("Встреча с Павлом Дуровым прошла вчера. Решение Дурова удивило всех."), (V{"Павел Дуров"}));
  EXPECT_EQ(names("Письмо Юрия Чайки опубликовано. В письме Чайки много цифр."), (V{"Юрий Чайка"}));
  EXPECT_EQ(names("Вчера Барак Обама прибыл в Москву. Визит Обамы длился день, и Обама остался доволен."),
            (V{"Барак Обама"}));
  // an unknown first name in the genitive before a genitive surname is a
  // man's (Барака Обамы); a common noun before a genitive surname is no
  // first name (Визит Обамы); a surname in -и after a vowel-final name is no
  // genitive (Анджелина Джоли)
  EXPECT_EQ(names("Дочь Барака Обамы поступила в университет. Семья Обамы рада, и Обама доволен."),
            (V{"Барак Обама"}));
  EXPECT_EQ(names("Фильм с Анджелиной Джоли вышел. Позже Анджелина Джоли сказала, что и Джоли рада."),
            (V{"Анджелина Джоли"}));
  // a nominative mention wins over an oblique one of the same length
  EXPECT_EQ(names("Звонок Майкла Джексона был коротким. Позже Майкл Джексон перезвонил, и Джексон извинился."),
            (V{"Майкл Джексон"}));
}

}  // namespace

// A Russian office before a genitive is no first name and surname: "Президент
// Турции" names no person "Президент Турции" (news_ru_wikinews had 54 such).
TEST(Entities, ARussianOfficeIsNoFirstName) {
  const auto d = analyze("Его задержали в Турции. Президент Турции добавил, что это так. Он уехал из Турции.");
  for (const auto& e : d.entities) EXPECT_NE(e.type, skaz::entity_type::person) << e.name;
  const auto r = analyze("Владимир Путин прибыл в Москву. Президент Путин заявил, что доволен. Вчера Путин уехал.");
  EXPECT_EQ(find(r, "Президент Путин"), nullptr);
  const skaz::Entity* z = find(r, "Владимир Путин");
  ASSERT_NE(z, nullptr);
  EXPECT_EQ(z->type, skaz::entity_type::person);
}

// An adverb of time opening a sentence is no first name.
TEST(Entities, ATimeAdverbIsNoFirstName) {
  auto p = skaz::Pipeline::create({});
  ASSERT_TRUE(p.ok());
  auto r = p->analyze("Накануне Обама пообщался с семьей Манделы. Мандела в больнице, и Обама заявил, что надеется на "
                      "лучшее.", "ru");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(find(r.value(), "Накануне Обам"), nullptr);
  EXPECT_EQ(find(r.value(), "Накануне Обама"), nullptr);
}

// A first name alone is the document's one person with that first name; a
// later bare surname still belongs to the person named in full before it.
TEST(Entities, AFirstNameAloneIsItsPerson) {
  auto r = analyze("Представитель агентства Ярослав Емельяненко заявил, что пожар локализован. Ярослав писал, что "
                   "огонь добрался до Припяти. По словам Ярослава, помогли дожди.", "ru");
  const skaz::Entity* e = find(r, "Ярослав Емельяненко");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(mentions(r, *e),
            (std::vector<std::string>{"Ярослав Емельяненко", "Ярослав", "Ярослава"}));
  EXPECT_EQ(find(r, "Ярослав"), nullptr);
  auto u = analyze("Об этом сообщил координатор движения Сергей Удальцов. «Только что моей супруге Анастасии "
                   "позвонили из ОВД», — сказал Удальцов. Анастасия Удальцова подтвердила это.", "ru");
  ASSERT_FALSE(u.quotes.empty());
  const auto& q = u.quotes.back();
  ASSERT_GE(q.speaker_entity, 0);
  EXPECT_EQ(u.entities[static_cast<std::size_t>(q.speaker_entity)].name, "Сергей Удальцов");
  // a bare surname's masculine or feminine form picks the person of that
  // gender named last
  auto g = analyze("Сергей Удальцов пришёл с женой. Анастасия Удальцова подала заявку. «Нас вызывают», — сказал "
                   "Удальцов. Полиция связалась с Удальцовой.", "ru");
  const skaz::Entity* he = find(g, "Сергей Удальцов");
  const skaz::Entity* she = find(g, "Анастасия Удальцова");
  ASSERT_NE(he, nullptr);
  ASSERT_NE(she, nullptr);
  EXPECT_EQ(mentions(g, *he), (std::vector<std::string>{"Сергей Удальцов", "Удальцов"}));
  EXPECT_EQ(mentions(g, *she), (std::vector<std::string>{"Анастасия Удальцова", "Удальцовой"}));
  // two people with one first name: the first name alone stays apart
  auto t = analyze("Иван Петров и Иван Сидоров приехали. Иван сказал, что доволен.", "ru");
  for (const auto& en : t.entities)
    if (en.name == "Иван Петров" || en.name == "Иван Сидоров") EXPECT_EQ(en.mentions.size(), 1u) << en.name;
}

// A first name's gender comes from its own spelling in the lexicon, not from
// its key, which Юлия shares with Илья; a woman's surname keeps its -а in
// every case (Савичеву -> Савичева).
TEST(Entities, AWomansNameIsHers) {
  auto r = analyze("Пловчиха Юлия Ефимова выиграла. Ефимова заявила, что рада. Илья Ефимов, её брат, молчал. "
                   "Журналисты спросили Юлию Савичеву о планах.", "ru");
  const skaz::Entity* she = find(r, "Юлия Ефимова");
  ASSERT_NE(she, nullptr);
  EXPECT_EQ(mentions(r, *she), (std::vector<std::string>{"Юлия Ефимова", "Ефимова"}));
  EXPECT_NE(find(r, "Илья Ефимов"), nullptr);
  EXPECT_NE(find(r, "Юлия Савичева"), nullptr);
  // Александра before a man's declined surname is Александр's genitive
  auto a = analyze("Памятник Александра Невского открыли. Улица Валерия Чкалова длинная. "
                   "Спикер Валентина Матвиенко выступила.", "ru");
  EXPECT_NE(find(a, "Александр Невский"), nullptr);
  EXPECT_NE(find(a, "Валерий Чкалов"), nullptr);
  EXPECT_NE(find(a, "Валентина Матвиенко"), nullptr);  // an indeclinable surname tells nothing
  // the verb after a name that opens its sentence agrees with it
  auto v = analyze("Валентина Терешкова заявила, что полетит. Мать Александра Кокорина была дома.", "ru");
  EXPECT_NE(find(v, "Валентина Терешкова"), nullptr);
  EXPECT_NE(find(v, "Александр Кокорин"), nullptr);
}

namespace {

// the role mentions of an entity, as written
std::vector<std::string> role_mentions(const skaz::Document& d, const skaz::Entity& e) {
  std::vector<std::string> v;
  for (const auto& m : e.mentions)
    if (m.kind == static_cast<std::uint32_t>(skaz::mention_kind::role)) v.emplace_back(d.slice(m));
  return v;
}

}  // namespace

TEST(Entities, ARoleRecurringAloneIsAMentionOfItsHolder) {
  const std::string text =
      "The head of Roskomnadzor Alexander Zharov met Pavel Durov, the founder of Telegram, on Monday. "
      "The head of Roskomnadzor, in turn, said that the founder of Telegram refused. "
      "The Deputy head of Roskomnadzor was silent, and the former head of Roskomnadzor too. "
      "A founder of Telegram is one founder.";
  const auto d = analyze(text);
  const skaz::Entity* zharov = find(d, "Alexander Zharov");
  const skaz::Entity* durov = find(d, "Pavel Durov");
  ASSERT_NE(zharov, nullptr);
  ASSERT_NE(durov, nullptr);
  // the second sentence names each of them by role; the appositions of the
  // first sentence, a deputy's or a former head's title, "A founder of
  // Telegram" and "founder" without "the" are no mentions
  EXPECT_EQ(role_mentions(d, *zharov), (std::vector<std::string>{"head of Roskomnadzor"}));
  EXPECT_EQ(role_mentions(d, *durov), (std::vector<std::string>{"founder of Telegram"}));
  EXPECT_EQ(durov->roles, (std::vector<std::string>{"founder of Telegram"}));
  const std::size_t second = text.find("The head of Roskomnadzor, in turn");
  bool at_second = false;
  for (const auto& m : zharov->mentions)
    at_second = at_second || (m.start == second + 4 && m.kind == static_cast<std::uint32_t>(skaz::mention_kind::role));
  EXPECT_TRUE(at_second);
  // the mentions stay in text order
  for (std::size_t i = 1; i < durov->mentions.size(); ++i)
    EXPECT_LT(durov->mentions[i - 1].start, durov->mentions[i].start);
  // before its holder is named, a role names nobody
  const auto early = analyze("The head of the agency spoke first. Later the head of the agency Ivan Belov answered.");
  const skaz::Entity* belov = find(early, "Ivan Belov");
  ASSERT_NE(belov, nullptr);
  EXPECT_TRUE(role_mentions(early, *belov).empty());
}

TEST(Entities, ARussianRoleRecurringAlone) {
  const auto d = analyze(
      "Губернатор Санкт-Петербурга Валентина Матвиенко выступила в среду. "
      "Губернатор Санкт-Петербурга подчеркнула, что помощь будет. "
      "Новый губернатор Санкт-Петербурга не назначен.",
      "ru");
  const skaz::Entity* m = find(d, "Валентина Матвиенко");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(role_mentions(d, *m), (std::vector<std::string>{"Губернатор Санкт-Петербурга"}));
}

TEST(Entities, AGenderForPronouns) {
  const auto d = analyze(
      "Natalia Seliverstova and Pavel Durov met Vrio Degtyarev, Herman Klimenko and Anette Kreitsmann, "
      "a spokeswoman for the courts.");
  auto gender = [&](const char* name) {
    const skaz::Entity* e = find(d, name);
    EXPECT_NE(e, nullptr) << name;
    return e ? e->gender : skaz::entity_gender::unknown;
  };
  EXPECT_EQ(gender("Natalia Seliverstova"), skaz::entity_gender::female);
  EXPECT_EQ(gender("Pavel Durov"), skaz::entity_gender::male);
  // an unknown first name: the surname's form says it
  EXPECT_EQ(gender("Vrio Degtyarev"), skaz::entity_gender::male);
  // neither the first name nor the surname tells
  EXPECT_EQ(gender("Herman Klimenko"), skaz::entity_gender::unknown);
  // the role does
  EXPECT_EQ(gender("Anette Kreitsmann"), skaz::entity_gender::female);
  const auto r = analyze("Анастасия Удальцова и Сергей Удальцов пришли.", "ru");
  const skaz::Entity* she = find(r, "Анастасия Удальцова");
  const skaz::Entity* he = find(r, "Сергей Удальцов");
  ASSERT_NE(she, nullptr);
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(she->gender, skaz::entity_gender::female);
  EXPECT_EQ(he->gender, skaz::entity_gender::male);
  // not a person: unknown
  for (const auto& e : d.entities)
    if (e.type != skaz::entity_type::person) EXPECT_EQ(e.gender, skaz::entity_gender::unknown) << e.name;
}

TEST(Entities, ARoleWithoutItsHolderIsAnEntityOfItsOwn) {
  const auto d = analyze(
      "Глава МИД заявил, что переговоры продолжатся. Позже глава МИД уехал, а президент России и "
      "представитель Обамы промолчали. Президент Путин выступил. Судья Карина Морозова вынесла приговор.",
      "ru");
  auto role = [&](const char* name) -> const skaz::Entity* {
    const skaz::Entity* e = find(d, name);
    return e && e->type == skaz::entity_type::role ? e : nullptr;
  };
  // one entity for both spellings of the phrase, named by the first of
  // the most frequent
  const skaz::Entity* mid = role("Глава МИД");
  ASSERT_NE(mid, nullptr);
  EXPECT_EQ(mentions(d, *mid), (std::vector<std::string>{"Глава МИД", "глава МИД"}));
  EXPECT_NE(role("президент России"), nullptr);
  EXPECT_NE(role("представитель Обамы"), nullptr);
  // a title before a name is no role entity, nor is a first name a genitive
  for (const auto& e : d.entities) {
    EXPECT_NE(e.name, "Президент Путин");
    EXPECT_TRUE(e.name.find("Карина") == std::string::npos || e.type != skaz::entity_type::role) << e.name;
  }
  const auto en = analyze(
      "The Internet Ombudsman said nothing. The head of the US Treasury spoke, and the President left. "
      "The former head of the US Treasury stayed. President Biden smiled.");
  const skaz::Entity* ombudsman = find(en, "Internet Ombudsman");
  ASSERT_NE(ombudsman, nullptr);
  EXPECT_EQ(ombudsman->type, skaz::entity_type::role);
  const skaz::Entity* treasury = find(en, "head of the US Treasury");
  ASSERT_NE(treasury, nullptr);
  // "the former head" is someone else: not a mention of it
  EXPECT_EQ(treasury->mentions.size(), 1u);
  for (const auto& e : en.entities) {
    if (e.type != skaz::entity_type::role) continue;
    EXPECT_NE(e.name, "President");  // no capitalised word besides the noun
    EXPECT_NE(e.name, "President Biden");
  }
  // a name the lexicon lacks, told by its surname's form, ends the phrase
  const auto zel = analyze("The President of Ukraine Volodymyr Zelensky spoke on Monday.");
  for (const auto& e : zel.entities) EXPECT_NE(e.type, skaz::entity_type::role) << e.name;
  // a role that a person of the document holds names that person, not a
  // role entity
  const auto held = analyze("The head of Roskomnadzor Alexander Zharov spoke. The head of Roskomnadzor left.");
  for (const auto& e : held.entities) EXPECT_NE(e.type, skaz::entity_type::role) << e.name;
}

TEST(Entities, ARussianRoleInAnotherCase) {
  const auto d = analyze(
      "Президент России Владимир Путин прибыл в Минск. По словам президента России, переговоры будут трудными. "
      "Встреча президента России с коллегой продлится час. Президентом Франции он не был.",
      "ru");
  const skaz::Entity* putin = find(d, "Владимир Путин");
  ASSERT_NE(putin, nullptr);
  // the genitive twice; another country's office is not his
  EXPECT_EQ(role_mentions(d, *putin), (std::vector<std::string>{"президента России", "президента России"}));
}

// The entity stage keeps what it learns of a spelling per thread across
// documents (its name key, whether it opens sentences, a first name's
// gender): a document's entities are the same whatever the thread read
// before it.
#include <thread>

#include "skaz/json.hpp"

TEST(Entities, SameWhateverTheThreadReadBefore) {
  const std::string before =
      "Monday Putin met Anna Smith. Smith said Moscow was ready. Вчера Путина видели в Москве. "
      "Президент России Владимир Путин заявил, что Анна Смит права.";
  const std::string doc =
      "Anna Smith and Vladimir Putin spoke on Monday. Putin said Smith was right. "
      "Владимир Путин встретился с Анной Смит. Путину понравилось, сказала Смит.";
  auto p = skaz::Pipeline::create({});
  ASSERT_TRUE(p.ok());
  std::string after_other, fresh;
  {
    ASSERT_TRUE(p->analyze(before, "auto").ok());
    auto d = p->analyze(doc, "auto");
    ASSERT_TRUE(d.ok());
    after_other = skaz::to_json(d.value());
  }
  std::thread([&] {  // a thread that has read nothing
    auto d = p->analyze(doc, "auto");
    if (d.ok()) fresh = skaz::to_json(d.value());
  }).join();
  EXPECT_EQ(after_other, fresh);
  EXPECT_NE(after_other.find("\"entities\":[{"), std::string::npos);  // it does name people
}

// The thread's spellings and their pooled keys are emptied together once a
// thread has seen 64 Ki spellings; the next document reads them afresh.
TEST(Entities, SameAfterTheThreadsSpellingsAreEmptied) {
  const std::string doc =
      "Anna Smith and Vladimir Putin spoke on Monday. Putin said Smith was right. "
      "Владимир Путин встретился с Анной Смит. Путину понравилось, сказала Смит.";
  std::string many;  // 70 000 capitalised spellings, all different
  for (int i = 0; i < 70000; ++i) {
    many += "Qa";
    for (int n = i; n > 0; n /= 26) many.push_back(static_cast<char>('a' + n % 26));
    many += i % 12 == 11 ? ".\n" : " ";
  }
  auto p = skaz::Pipeline::create({});
  ASSERT_TRUE(p.ok());
  auto fresh = p->analyze(doc, "auto");
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(p->analyze(many, "en").ok());
  auto after = p->analyze(doc, "auto");  // (the caches are emptied before it)
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(skaz::to_json(after.value()), skaz::to_json(fresh.value()));
  EXPECT_EQ(after->entities.size(), fresh->entities.size());
  EXPECT_FALSE(after->entities.empty());
}

// The entity stage reads its words from the quote tokenizer's where the two
// agree and from the bytes elsewhere (hyphens, apostrophes, quote marks,
// digits before letters, zones that cut a word): the entities must be those
// of reading every word from the bytes. Random texts of names, words and
// the characters where the two tokenizations part, in random zones.
#include <random>

#include "quotes_impl.hpp"
#include "segment_impl.hpp"

namespace {
std::string entities_text(const std::vector<skaz::Entity>& es) {
  std::string s;
  for (const skaz::Entity& e : es) {
    s += std::to_string(static_cast<int>(e.type)) + "|" + e.name + "|" + e.key + "|" +
         std::to_string(static_cast<int>(e.gender)) + "|";
    for (const skaz::Span& m : e.mentions) s += std::to_string(m.start) + "-" + std::to_string(m.end) + ",";
    for (const std::string& r : e.roles) s += r + ";";
    s += "\n";
  }
  return s;
}
}  // namespace

TEST(Entities, WordsFromTokensAsFromBytes) {
  static const char* const pieces[] = {
      "Anna", "Smith", "Putin", "Durov", "Дуров", "Анна", "Смирнова", "said", "сказал", "head", "of",
      "Telegram", "глава", "МИД", "FSB", "NATO", "США", "al-Sisi", "Jean-Pierre", "co-founder", "FSB-tossed",
      "Durov's", "Durova’s", "O'Brien", "don't", "2Pac", "12-летний", "5G", "Йошкар-Ола", "Émile", "the",
      " ", " ", " ", " ", ", ", ". ", "\n", "\n\n", "-", "'", "’", "«", "»", "\"", "“", "”", " — ", "(", ")", "1999",
      // capitals the tokenizer reads by decoding (acronyms: kWordAcronym)
      "ÉCU", "ЁЛКИ", "ΝΑΤΟ", "DÜSSELDORF", "Ölz"};
  std::mt19937 rng(20261206);
  auto p = skaz::Pipeline::create({});  // (the thread caches, as a pipeline leaves them)
  ASSERT_TRUE(p.ok());
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = 2 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    // zones at random character boundaries (some cutting words), in order
    std::vector<std::uint32_t> cuts{0};
    for (std::uint32_t i = 1; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && rng() % 12 == 0) cuts.push_back(i);
    cuts.push_back(static_cast<std::uint32_t>(text.size()));
    std::vector<skaz::Span> zones, sentences;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
      if (rng() % 5 == 0) continue;  // (text between zones)
      zones.push_back(skaz::Span{cuts[i], cuts[i + 1], rng() % 3 == 0 ? 3u : 0u, 0});
      sentences.push_back(skaz::Span{cuts[i], cuts[i + 1], 0, 0});
    }
    std::vector<skaz::Entity> from_bytes, from_tokens;
    skaz::detail::find_entities(text, zones, sentences, nullptr, from_bytes);
    {
      skaz::detail::QuoteScan scan(text, zones);
      skaz::detail::find_entities(text, zones, sentences, &scan.words(), from_tokens);
    }
    ASSERT_EQ(entities_text(from_tokens), entities_text(from_bytes)) << text;
  }
}

// kWordAcronym, which the tokenizer works out as it reads a word, is what
// counting the word's characters says: two capitals or more and no
// lower-case letter (in every script: ASCII, Russian, Latin-1, Greek).
TEST(Entities, AcronymBitAsCountingCharacters) {
  static const char* const pieces[] = {"NATO", "Nato", "nATO", "МИД", "Мид", "мИД", "ЁЛКИ", "ёЛКИ", "ÉCU", "Écu",
                                       "ΝΑΤΟ", "Νατο", "DÜSSELDORF", "Düsseldorf", "A", "Я", "G7", "5G", "X5Y",
                                       "ООН", "ОOН", "UEFAя", "iOS", "US", "СШAя"};
  std::mt19937 rng(7);
  std::size_t acronyms = 0;
  for (int round = 0; round < 500; ++round) {
    std::string text;
    for (int i = 0; i < 12; ++i) {
      text += pieces[rng() % (sizeof pieces / sizeof *pieces)];
      if (rng() % 4) text += ' ';  // (sometimes glued into one word)
    }
    const std::vector<skaz::Span> zones{skaz::Span{0, static_cast<std::uint32_t>(text.size()), 0, 0}};
    skaz::detail::QuoteScan scan(text, zones);
    for (const skaz::Span& w : scan.words()) {
      if (w.kind & skaz::detail::kWordJoined) continue;
      int upper = 0;
      bool lower = false;
      for (std::uint32_t i = w.start; i < w.end;) {
        const skaz::decoded_char d = skaz::decode_utf8(text.data() + i, text.data() + w.end);
        upper += skaz::is_upper(d.cp);
        lower = lower || skaz::is_lower(d.cp);
        i += d.len;
      }
      const bool want = upper >= 2 && !lower;
      ASSERT_EQ((w.kind & skaz::detail::kWordAcronym) != 0, want) << text.substr(w.start, w.end - w.start);
      acronyms += want;
    }
  }
  EXPECT_GT(acronyms, 500u);
}
