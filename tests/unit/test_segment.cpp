// Segmentation: zones, paragraphs, sentences and tokens of the en/ru rule
// profiles, through the public Pipeline. One test per rule class; every
// analysed document is also checked for the structural invariants (spans in
// order, on UTF-8 boundaries, sentences inside one zone, tokens inside
// sentences, zones and whitespace gaps covering the input).
//
// The cases are written for this file; they are not taken from the shared
// data sets.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "skaz/document.hpp"

using namespace skaz;

namespace {

using V = std::vector<std::string>;
using KV = std::vector<std::pair<std::string, std::string>>;

const Pipeline& pipeline() {
  static const Pipeline p = [] {
    auto r = Pipeline::create(Options{"auto", utf8_policy::strict, true});
    if (!r.ok()) {
      ADD_FAILURE() << "Pipeline::create: " << r.err().message;
      std::abort();
    }
    return std::move(r).value();
  }();
  return p;
}

bool on_boundary(const std::string& s, std::uint32_t off) {
  return off == s.size() ||
         (off < s.size() && (static_cast<unsigned char>(s[off]) & 0xC0) != 0x80);
}

// Is [a, b) of `s` whitespace only (a leading BOM counts as whitespace: it is
// no paragraph's text)?
bool blank(const std::string& s, std::uint32_t a, std::uint32_t b) {
  const char* base = s.data();
  while (a < b) {
    const decoded_char d = decode_utf8(base + a, base + b);
    if (!is_space(d.cp) && d.cp != 0xFEFF) return false;
    a += d.len;
  }
  return true;
}

bool starts_or_ends_with_space(std::string_view v) {
  if (v.empty()) return false;
  const decoded_char first = decode_utf8(v.data(), v.data() + v.size());
  std::size_t k = v.size() - 1;
  while (k > 0 && (static_cast<unsigned char>(v[k]) & 0xC0) == 0x80) --k;
  const decoded_char last = decode_utf8(v.data() + k, v.data() + v.size());
  return is_space(first.cp) || is_space(last.cp);
}

bool inside(const Span& in, const Span& out) { return in.start >= out.start && in.end <= out.end; }

// The structural invariants of any Document.
void check_invariants(const Document& d) {
  const std::string& t = d.text;
  const auto n = static_cast<std::uint32_t>(t.size());
  auto check_list = [&](const std::vector<Span>& spans, const char* what, bool ordered) {
    for (std::size_t i = 0; i < spans.size(); ++i) {
      const Span& s = spans[i];
      ASSERT_LT(s.start, s.end) << what << " #" << i << " is empty";
      ASSERT_LE(s.end, n) << what << " #" << i << " runs past the input";
      EXPECT_TRUE(on_boundary(t, s.start)) << what << " #" << i << " starts inside a character";
      EXPECT_TRUE(on_boundary(t, s.end)) << what << " #" << i << " ends inside a character";
      if (ordered && i > 0) {
        EXPECT_LE(spans[i - 1].end, s.start) << what << " #" << i << " overlaps or is out of order";
      }
    }
  };
  check_list(d.paragraphs, "paragraph", true);
  check_list(d.zones, "zone", true);
  check_list(d.sentences, "sentence", true);
  check_list(d.tokens, "token", true);
  for (std::size_t i = 0; i < d.repairs.size(); ++i) {
    const Span& s = d.repairs[i].span;
    EXPECT_LE(s.start, s.end);
    EXPECT_LE(s.end, n);
    EXPECT_TRUE(on_boundary(t, s.start) && on_boundary(t, s.end)) << "repair #" << i;
  }
  // zones lie inside paragraphs, and with whitespace gaps cover the input
  std::uint32_t pos = 0;
  for (std::size_t i = 0; i < d.zones.size(); ++i) {
    const Span& z = d.zones[i];
    EXPECT_LE(z.kind, static_cast<std::uint32_t>(zone_kind::title_repeat));
    bool in_para = false;
    for (const Span& p : d.paragraphs) in_para = in_para || inside(z, p);
    EXPECT_TRUE(in_para) << "zone #" << i << " \"" << d.slice(z) << "\" is in no paragraph";
    EXPECT_FALSE(starts_or_ends_with_space(d.slice(z))) << "zone #" << i << " is not trimmed";
    if (z.start >= pos) {
      EXPECT_TRUE(blank(t, pos, z.start))
          << "text before zone #" << i << " belongs to no zone: \""
          << t.substr(pos, z.start - pos) << "\"";
      pos = z.end;
    }
  }
  EXPECT_TRUE(blank(t, pos, n)) << "text after the last zone belongs to no zone: \""
                                << t.substr(pos) << "\"";
  // every sentence lies inside one zone
  for (std::size_t i = 0; i < d.sentences.size(); ++i) {
    const Span& s = d.sentences[i];
    int zones_holding = 0;
    for (const Span& z : d.zones) zones_holding += inside(s, z) ? 1 : 0;
    EXPECT_EQ(zones_holding, 1) << "sentence #" << i << " \"" << d.slice(s) << "\"";
    EXPECT_FALSE(starts_or_ends_with_space(d.slice(s))) << "sentence #" << i << " is not trimmed";
  }
  // every token lies inside one sentence and does not start with whitespace
  std::size_t si = 0;
  for (std::size_t i = 0; i < d.tokens.size(); ++i) {
    const Span& tk = d.tokens[i];
    while (si < d.sentences.size() && d.sentences[si].end <= tk.start) ++si;
    EXPECT_TRUE(si < d.sentences.size() && inside(tk, d.sentences[si]))
        << "token #" << i << " \"" << d.slice(tk) << "\" is in no sentence";
    EXPECT_FALSE(starts_or_ends_with_space(d.slice(tk))) << "token #" << i;
    EXPECT_LE(tk.kind, static_cast<std::uint32_t>(token_kind::abbrev));
  }
}

Document analyze(std::string_view text, std::string_view lang) {
  auto r = pipeline().analyze(text, lang);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.err().message);
  if (!r.ok()) return Document{};
  Document d = std::move(r).value();
  check_invariants(d);
  return d;
}

V slices(const Document& d, const std::vector<Span>& spans) {
  V out;
  for (const Span& s : spans) out.emplace_back(d.slice(s));
  return out;
}

V sents(std::string_view text, std::string_view lang) {
  const Document d = analyze(text, lang);
  return slices(d, d.sentences);
}

V toks(std::string_view text, std::string_view lang) {
  const Document d = analyze(text, lang);
  return slices(d, d.tokens);
}

// tokens as "surface/kind"
V tok_kinds(std::string_view text, std::string_view lang) {
  const Document d = analyze(text, lang);
  V out;
  for (const Span& s : d.tokens)
    out.push_back(std::string(d.slice(s)) + "/" + token_kind_name(s.kind));
  return out;
}

// zones as {kind name, text}
KV zones(std::string_view text, std::string_view lang) {
  const Document d = analyze(text, lang);
  KV out;
  for (const Span& z : d.zones) out.emplace_back(zone_kind_name(z.kind), std::string(d.slice(z)));
  return out;
}

// glued-word repairs as "original -> replacement"
V glued(std::string_view text, std::string_view lang) {
  const Document d = analyze(text, lang);
  V out;
  for (const Repair& r : d.repairs) {
    if (r.kind != repair_kind::glued) continue;
    out.push_back(d.text.substr(r.span.start, r.span.end - r.span.start) + " -> " + r.replacement);
  }
  return out;
}

// ---------------------------------------------------------------- sentences

TEST(SegmentSentences, TerminalMarksEndSentences) {
  EXPECT_EQ(sents("The river rose. The bridge closed! Did anyone drown? Nobody knows", "en"),
            (V{"The river rose.", "The bridge closed!", "Did anyone drown?", "Nobody knows"}));
  EXPECT_EQ(sents("Река поднялась. Мост закрыли! Кто-нибудь пострадал? Неизвестно.", "ru"),
            (V{"Река поднялась.", "Мост закрыли!", "Кто-нибудь пострадал?", "Неизвестно."}));
  // a run of terminals is one cluster
  EXPECT_EQ(sents("What?! Really!!! Yes?.. Fine.", "en"),
            (V{"What?!", "Really!!!", "Yes?..", "Fine."}));
  // a single sentence without a final mark is kept whole
  EXPECT_EQ(sents("No final mark here", "en"), (V{"No final mark here"}));
  EXPECT_TRUE(sents("", "en").empty());
}

TEST(SegmentSentences, ClosingQuotesAndBracketsStayWithTheirSentence) {
  EXPECT_EQ(sents("Он спросил: «Кто там?». Никто не ответил.", "ru"),
            (V{"Он спросил: «Кто там?».", "Никто не ответил."}));
  EXPECT_EQ(sents("Она крикнула: «Уходи!» Он ушёл.", "ru"),
            (V{"Она крикнула: «Уходи!»", "Он ушёл."}));
  EXPECT_EQ(sents("He shouted \"Stop!\" Nobody did.", "en"),
            (V{"He shouted \"Stop!\"", "Nobody did."}));
  EXPECT_EQ(sents("Rain fell. (It was late.) Then the wind came.", "en"),
            (V{"Rain fell.", "(It was late.)", "Then the wind came."}));
  EXPECT_EQ(sents("He asked “Why not?” She left.", "en"),
            (V{"He asked “Why not?”", "She left."}));
}

TEST(SegmentSentences, NoBreakBeforeLowerCaseOrContinuingPunctuation) {
  EXPECT_EQ(sents("It was odd. and yet it went on.", "en"), (V{"It was odd. and yet it went on."}));
  EXPECT_EQ(sents("The sign said STOP!, so we stopped.", "en"),
            (V{"The sign said STOP!, so we stopped."}));
  EXPECT_EQ(sents("He asked why?; nobody knew.", "en"), (V{"He asked why?; nobody knew."}));
  EXPECT_EQ(sents("The answer was no!: none came.", "en"), (V{"The answer was no!: none came."}));
  EXPECT_EQ(sents("Она сказала «Стой!», и все встали.", "ru"),
            (V{"Она сказала «Стой!», и все встали."}));
  EXPECT_EQ(sents("Кто это? спросил он тихо.", "ru"), (V{"Кто это? спросил он тихо."}));
}

TEST(SegmentSentences, EnglishPrefixAbbreviationsNeverEndASentence) {
  EXPECT_EQ(sents("Dr. Brown met Mr. Green at St. Paul near Mt. Hood on p. 4 of No. 7 file.", "en"),
            (V{"Dr. Brown met Mr. Green at St. Paul near Mt. Hood on p. 4 of No. 7 file."}));
  // even before a word that starts sentences
  EXPECT_EQ(sents("The old house stood on Baker St. The garden was wild.", "en"),
            (V{"The old house stood on Baker St. The garden was wild."}));
  EXPECT_EQ(sents("Mrs. Hall and Prof. Grant met Gen. Lee today. Nobody answered.", "en"),
            (V{"Mrs. Hall and Prof. Grant met Gen. Lee today.", "Nobody answered."}));
}

TEST(SegmentSentences, RussianPrefixAbbreviationsNeverEndASentence) {
  EXPECT_EQ(sents("Он живёт на ул. Садовой рядом с проф. Орловым в пгт. Лесной и г. Тверь. Всё.", "ru"),
            (V{"Он живёт на ул. Садовой рядом с проф. Орловым в пгт. Лесной и г. Тверь.", "Всё."}));
  EXPECT_EQ(sents("Концерт в зале им. Глинки прошёл. Публика аплодировала.", "ru"),
            (V{"Концерт в зале им. Глинки прошёл.", "Публика аплодировала."}));
  // a prefix before a sentence starter still does not end the sentence
  EXPECT_EQ(sents("Мы долго ехали до г. Твери и не доехали.", "ru"),
            (V{"Мы долго ехали до г. Твери и не доехали."}));
}

// г. after a year ends a sentence before a real starter, not before a
// one-letter preposition (a year followed by "В 1999 году" goes on).
TEST(SegmentSentences, RussianYearAbbreviationIsWeak) {
  EXPECT_EQ(sents("Такой паводок случился в 2013 г. Тогда вода стояла неделю.", "ru"),
            (V{"Такой паводок случился в 2013 г.", "Тогда вода стояла неделю."}));
  EXPECT_EQ(sents("Дом построили в уездном городе, 1898 г. В 1954 году его снесли.", "ru"),
            (V{"Дом построили в уездном городе, 1898 г. В 1954 году его снесли."}));
}

TEST(SegmentSentences, InnerAbbreviationsNeverEndASentence) {
  EXPECT_EQ(sents("We took tools, e.g. The hammer and the saw. Then we left.", "en"),
            (V{"We took tools, e.g. The hammer and the saw.", "Then we left."}));
  EXPECT_EQ(sents("It was cheap, i.e. The price fell. Then it rose.", "en"),
            (V{"It was cheap, i.e. The price fell.", "Then it rose."}));
  EXPECT_EQ(sents("Это был так называемый, т.е. Новый метод. Он работал.", "ru"),
            (V{"Это был так называемый, т.е. Новый метод.", "Он работал."}));
  EXPECT_EQ(sents("Появился т.н. Народный фронт. Он рос.", "ru"),
            (V{"Появился т.н. Народный фронт.", "Он рос."}));
}

TEST(SegmentSentences, AmbiguousAbbreviationsEndBeforeAStarterInALongSentence) {
  EXPECT_EQ(sents("He works for a firm called Acme Co. The firm is big.", "en"),
            (V{"He works for a firm called Acme Co.", "The firm is big."}));
  EXPECT_EQ(sents("He founded the company Acme Inc. However, it failed.", "en"),
            (V{"He founded the company Acme Inc.", "However, it failed."}));
  EXPECT_EQ(sents("She moved her whole family to the U.S. The move was hard.", "en"),
            (V{"She moved her whole family to the U.S.", "The move was hard."}));
  EXPECT_EQ(sents("The talks ended at 5 p.m. Then they went home.", "en"),
            (V{"The talks ended at 5 p.m.", "Then they went home."}));
  EXPECT_EQ(sents("They sold apples, pears, plums, etc. He kept the rest.", "en"),
            (V{"They sold apples, pears, plums, etc.", "He kept the rest."}));
}

TEST(SegmentSentences, AmbiguousAbbreviationsContinueBeforeOtherWords) {
  EXPECT_EQ(sents("He works for a firm called Acme Co. Ltd in town.", "en"),
            (V{"He works for a firm called Acme Co. Ltd in town."}));
  EXPECT_EQ(sents("He lives near an old U.S. Army base.", "en"),
            (V{"He lives near an old U.S. Army base."}));
  EXPECT_EQ(sents("We met at exactly 9 a.m. Bob came late.", "en"),
            (V{"We met at exactly 9 a.m. Bob came late."}));
  EXPECT_EQ(sents("The firm bought shares of Acme Inc. Google sold them.", "en"),
            (V{"The firm bought shares of Acme Inc. Google sold them."}));
}

TEST(SegmentSentences, AmbiguousAbbreviationsNeedFourWords) {
  EXPECT_EQ(sents("Acme Co. The firm rose.", "en"), (V{"Acme Co. The firm rose."}));
  EXPECT_EQ(sents("Ему дали 5 тыс. Он ушёл.", "ru"), (V{"Ему дали 5 тыс. Он ушёл."}));
  // digits are not words: three words plus a number is still short
  EXPECT_EQ(sents("Бюджет составил 5 млн. Но этого мало.", "ru"),
            (V{"Бюджет составил 5 млн. Но этого мало."}));
}

TEST(SegmentSentences, DottedAbbreviationCountsAsOneWord) {
  // "p.m." and "U.S." are one word each: these sentences have three words,
  // fewer than the four an ambiguous abbreviation needs to end one.
  EXPECT_EQ(sents("Call at 5 p.m. Then go.", "en"), (V{"Call at 5 p.m. Then go."}));
  EXPECT_EQ(sents("Made in U.S. The end.", "en"), (V{"Made in U.S. The end."}));
}

TEST(SegmentSentences, RussianAmbiguousAbbreviations) {
  EXPECT_EQ(sents("Бюджет города в этом году составил 5 млн. Но этого мало.", "ru"),
            (V{"Бюджет города в этом году составил 5 млн.", "Но этого мало."}));
  EXPECT_EQ(sents("Бюджет города в этом году составил 5 млн. Москвичи недовольны.", "ru"),
            (V{"Бюджет города в этом году составил 5 млн. Москвичи недовольны."}));
  EXPECT_EQ(sents("Зарплата выросла почти на 12 тыс. руб. В прошлом году было меньше.", "ru"),
            (V{"Зарплата выросла почти на 12 тыс. руб.", "В прошлом году было меньше."}));
  EXPECT_EQ(sents("Билет в музей теперь стоит 300 руб. Однако скидки есть.", "ru"),
            (V{"Билет в музей теперь стоит 300 руб.", "Однако скидки есть."}));
  EXPECT_EQ(sents("Билет в музей стоит 300 руб. за одного взрослого.", "ru"),
            (V{"Билет в музей стоит 300 руб. за одного взрослого."}));
  EXPECT_EQ(sents("Мы ждали его целых 10 мин. Он пришёл.", "ru"),
            (V{"Мы ждали его целых 10 мин.", "Он пришёл."}));
  EXPECT_EQ(sents("Мы купили хлеб, молоко и т. д. Потом ушли домой.", "ru"),
            (V{"Мы купили хлеб, молоко и т. д.", "Потом ушли домой."}));
  EXPECT_EQ(sents("Мы купили хлеб, молоко и т. п. Он ушёл.", "ru"),
            (V{"Мы купили хлеб, молоко и т. п.", "Он ушёл."}));
  EXPECT_EQ(sents("Мы купили хлеб, молоко и т. д. Соседи ушли.", "ru"),
            (V{"Мы купили хлеб, молоко и т. д. Соседи ушли."}));
}

TEST(SegmentSentences, InitialsNeverEndASentence) {
  EXPECT_EQ(sents("J. R. Smith wrote it. Then he left.", "en"),
            (V{"J. R. Smith wrote it.", "Then he left."}));
  EXPECT_EQ(sents("Поэт А. С. Пушкин родился в Москве. Его любят.", "ru"),
            (V{"Поэт А. С. Пушкин родился в Москве.", "Его любят."}));
  // an initial before a starter: still no boundary
  EXPECT_EQ(sents("Письмо подписал В. Он его не читал.", "ru"),
            (V{"Письмо подписал В. Он его не читал."}));
  EXPECT_EQ(sents("The letter was signed by K. The rest is history.", "en"),
            (V{"The letter was signed by K. The rest is history."}));
}

TEST(SegmentSentences, WordAfterInitialsOrAbbreviationEndsASentence) {
  // The initials or the abbreviation are not sentence ends, but the full word
  // after them is an ordinary word: its period ends the sentence before a
  // capital.
  EXPECT_EQ(sents("Роман написал Дж. Р. Р. Толкин. Книга вышла.", "ru"),
            (V{"Роман написал Дж. Р. Р. Толкин.", "Книга вышла."}));
  EXPECT_EQ(sents("The book was written by J. R. Tolkien. Critics loved it.", "en"),
            (V{"The book was written by J. R. Tolkien.", "Critics loved it."}));
  EXPECT_EQ(sents("Стихи читал А. С. Пушкин. Зал молчал.", "ru"),
            (V{"Стихи читал А. С. Пушкин.", "Зал молчал."}));
  EXPECT_EQ(sents("Mrs. Hall and Prof. Grant called Gen. Lee. Nobody answered.", "en"),
            (V{"Mrs. Hall and Prof. Grant called Gen. Lee.", "Nobody answered."}));
  EXPECT_EQ(sents("Концерт прошёл в зале им. Глинки. Публика аплодировала.", "ru"),
            (V{"Концерт прошёл в зале им. Глинки.", "Публика аплодировала."}));
}

TEST(SegmentSentences, EnglishPronounIEndsASentenceBeforeAStarter) {
  EXPECT_EQ(sents("Nobody else came, only I. Then we left.", "en"),
            (V{"Nobody else came, only I.", "Then we left."}));
  // before a name, "I." is a middle initial
  EXPECT_EQ(sents("The conductor was Henry I. Wood of London.", "en"),
            (V{"The conductor was Henry I. Wood of London."}));
  // in the Russian profile a single capital is always an initial
  EXPECT_EQ(sents("Nobody else came, only I. Then we left.", "ru"),
            (V{"Nobody else came, only I. Then we left."}));
}

TEST(SegmentSentences, EnglishPronounIEndsAShortSentence) {
  // "initials never, except English pronoun I before a starter": no word
  // count is part of that rule.
  EXPECT_EQ(sents("So did I. Then we left.", "en"), (V{"So did I.", "Then we left."}));
  EXPECT_EQ(sents("Not I. He did it.", "en"), (V{"Not I.", "He did it."}));
}

TEST(SegmentSentences, VowellessShortWordsAreAbbreviations) {
  EXPECT_EQ(sents("Вчера Дж. Буш прилетел в Москву. Встреча прошла.", "ru"),
            (V{"Вчера Дж. Буш прилетел в Москву.", "Встреча прошла."}));
  EXPECT_EQ(sents("We need Pvt. Jones and Cpl. Lee here. Nobody came.", "en"),
            (V{"We need Pvt. Jones and Cpl. Lee here.", "Nobody came."}));
  // lower-case ones are ambiguous: they end a long sentence before a starter only
  EXPECT_EQ(sents("We ordered twelve pcs. The rest came later.", "en"),
            (V{"We ordered twelve pcs.", "The rest came later."}));
  EXPECT_EQ(sents("We ordered twelve pcs. Smith paid.", "en"),
            (V{"We ordered twelve pcs. Smith paid."}));
  // without a period nothing happens
  EXPECT_EQ(sents("The shop of Mr Brown. It was closed.", "en"),
            (V{"The shop of Mr Brown.", "It was closed."}));
}

TEST(SegmentSentences, LowerCaseWordsSpelledLikeTitleAbbreviationsStillEnd) {
  // "Sat." (Saturday) and "Art." (Article) are prefix abbreviations, but the
  // ordinary lower-case words "sat" and "art" end sentences.
  EXPECT_EQ(sents("The cat sat. The dog ran.", "en"), (V{"The cat sat.", "The dog ran."}));
  EXPECT_EQ(sents("We love modern art. The museum is big.", "en"),
            (V{"We love modern art.", "The museum is big."}));
}

TEST(SegmentSentences, DecimalsDatesAndTimesAreNoBoundary) {
  EXPECT_EQ(sents("The rate rose to 6.5 percent. Prices fell 1.2 points on 12.05.2021 at 10.30 today. Done.", "en"),
            (V{"The rate rose to 6.5 percent.", "Prices fell 1.2 points on 12.05.2021 at 10.30 today.",
               "Done."}));
  EXPECT_EQ(sents("Рост составил 1,5 процента 01.02.2020 в 14.45. Всё.", "ru"),
            (V{"Рост составил 1,5 процента 01.02.2020 в 14.45.", "Всё."}));
  EXPECT_EQ(sents("Profits rose 4.5%. Costs fell.", "en"), (V{"Profits rose 4.5%.", "Costs fell."}));
  EXPECT_EQ(sents("It was 1999. In 2000 things changed.", "en"),
            (V{"It was 1999.", "In 2000 things changed."}));
}

TEST(SegmentSentences, UrlsEmailsAndGluedPeriodsAreNoBoundary) {
  EXPECT_EQ(sents("Visit www.example.com or http://news.example.org/a.b?c=1 for more. "
                  "Write to desk.editor@mail.example.com today. Thanks.", "en"),
            (V{"Visit www.example.com or http://news.example.org/a.b?c=1 for more.",
               "Write to desk.editor@mail.example.com today.", "Thanks."}));
  EXPECT_EQ(sents("The site Example.Org is new. Read it.", "en"),
            (V{"The site Example.Org is new.", "Read it."}));
  // a period glued to the next word is no boundary
  EXPECT_EQ(sents("The end.The start of it.", "en"), (V{"The end.The start of it."}));
  // the end of a domain or file name is an ordinary word
  EXPECT_EQ(sents("See the file report.pdf. It is long.", "en"),
            (V{"See the file report.pdf.", "It is long."}));
}

TEST(SegmentSentences, EllipsisEndsBeforeACapitalOnly) {
  EXPECT_EQ(sents("He paused... Then he spoke. He paused... and spoke again.", "en"),
            (V{"He paused...", "Then he spoke.", "He paused... and spoke again."}));
  EXPECT_EQ(sents("He paused… Then he spoke. He paused… and spoke again.", "en"),
            (V{"He paused…", "Then he spoke.", "He paused… and spoke again."}));
  EXPECT_EQ(sents("Он замолчал… Потом заговорил. Он замолчал… и снова заговорил.", "ru"),
            (V{"Он замолчал…", "Потом заговорил.", "Он замолчал… и снова заговорил."}));
}

TEST(SegmentSentences, SpacedEllipsisInsideASentenceNeverEndsIt) {
  EXPECT_EQ(sents("He said . . . nothing at all. Then he left.", "en"),
            (V{"He said . . . nothing at all.", "Then he left."}));
  EXPECT_EQ(sents("Then . . . He left.", "en"), (V{"Then . . . He left."}));
  EXPECT_EQ(sents("Он подумал . . . и ушёл. Потом вернулся.", "ru"),
            (V{"Он подумал . . . и ушёл.", "Потом вернулся."}));
}

TEST(SegmentSentences, NumberedListItemsInSequenceStartSentences) {
  EXPECT_EQ(sents("План такой: 1) купить хлеб 2) сварить суп 3) позвать гостей", "ru"),
            (V{"План такой:", "1) купить хлеб", "2) сварить суп", "3) позвать гостей"}));
  EXPECT_EQ(sents("Steps 1. Open the box 2. Take the toy 3. Close the box", "en"),
            (V{"Steps", "1. Open the box", "2. Take the toy", "3. Close the box"}));
  // after ; or : a single marker starts a sentence
  EXPECT_EQ(sents("There is one rule: 1) be kind.", "en"), (V{"There is one rule:", "1) be kind."}));
  EXPECT_EQ(sents("The rules are simple; 1) be kind; 2) be fair.", "en"),
            (V{"The rules are simple;", "1) be kind;", "2) be fair."}));
  // a lone number with a bracket is no list
  EXPECT_EQ(sents("He has 2 cats and 3) dogs.", "en"), (V{"He has 2 cats and 3) dogs."}));
}

TEST(SegmentSentences, LetteredListItemsStartSentences) {
  EXPECT_EQ(sents("We need three things: a. Water b. Food c. Shelter", "en"),
            (V{"We need three things:", "a. Water", "b. Food", "c. Shelter"}));
  EXPECT_EQ(sents("Варианты а) Москва б) Тверь в) Казань", "ru"),
            (V{"Варианты", "а) Москва", "б) Тверь", "в) Казань"}));
  // a lettered run without its first letter is no list
  EXPECT_EQ(sents("Take vitamin b) Daily c) Weekly", "en"), (V{"Take vitamin b) Daily c) Weekly"}));
}

TEST(SegmentSentences, BulletsStartSentences) {
  EXPECT_EQ(sents("Buy: • Milk • Bread • Eggs", "en"), (V{"Buy:", "• Milk", "• Bread", "• Eggs"}));
  EXPECT_EQ(sents("Купить • молоко • хлеб", "ru"), (V{"Купить", "• молоко", "• хлеб"}));
}

TEST(SegmentSentences, ListNumberOpeningASentenceIsNotASentence) {
  EXPECT_EQ(sents("4. The second stage starts in May.", "en"),
            (V{"4. The second stage starts in May."}));
  EXPECT_EQ(sents("4. Второй этап начнётся в мае. Потом третий.", "ru"),
            (V{"4. Второй этап начнётся в мае.", "Потом третий."}));
  EXPECT_EQ(sents("IV. The final stage. It ends in June.", "en"),
            (V{"IV. The final stage.", "It ends in June."}));
  // a number after words is an ordinary sentence end
  EXPECT_EQ(sents("The hero dies in chapter 4. The book ends.", "en"),
            (V{"The hero dies in chapter 4.", "The book ends."}));
}

TEST(SegmentSentences, RussianDashSpeechIsOneSentence) {
  EXPECT_EQ(sents("«Где ты был?» — спросил отец. Сын молчал.", "ru"),
            (V{"«Где ты был?» — спросил отец.", "Сын молчал."}));
  EXPECT_EQ(sents("«Мы опоздали», — сказала сестра. Все встали.", "ru"),
            (V{"«Мы опоздали», — сказала сестра.", "Все встали."}));
  EXPECT_EQ(sents("«Мы опоздали!» – крикнула сестра.", "ru"), (V{"«Мы опоздали!» – крикнула сестра."}));
}

TEST(SegmentSentences, RussianDialogueDashesAreSeparateSentences) {
  EXPECT_EQ(sents("— Ты придёшь? — Да.", "ru"), (V{"— Ты придёшь?", "— Да."}));
  EXPECT_EQ(sents("— Ты поешь? — Нет. — Почему?", "ru"), (V{"— Ты поешь?", "— Нет.", "— Почему?"}));
}

TEST(SegmentSentences, ShortAuthorRemarkInsideAQuotationDoesNotEndIt) {
  EXPECT_EQ(sents("«Закрой окно, – попросила бабушка. – Сквозит».", "ru"),
            (V{"«Закрой окно, – попросила бабушка. – Сквозит»."}));
  EXPECT_EQ(sents("«Закрой окно, — попросила бабушка. — На улице очень холодно». Мы закрыли.", "ru"),
            (V{"«Закрой окно, — попросила бабушка. — На улице очень холодно».", "Мы закрыли."}));
}

TEST(SegmentSentences, LongAuthorRemarkInsideAQuotationEndsIt) {
  EXPECT_EQ(sents("«Закрой окно, — сказала нам тогда строгая старая бабушка Мария. — На улице холодно». Мы закрыли.", "ru"),
            (V{"«Закрой окно, — сказала нам тогда строгая старая бабушка Мария.",
               "— На улице холодно».", "Мы закрыли."}));
}

TEST(SegmentSentences, EmoticonsEndASentenceBeforeACapital) {
  EXPECT_EQ(sents("That was fun :) Then we left. Great :))) We laughed.", "en"),
            (V{"That was fun :)", "Then we left.", "Great :)))", "We laughed."}));
  EXPECT_EQ(sents("Было весело :) Потом ушли. Ура ;-) Завтра снова.", "ru"),
            (V{"Было весело :)", "Потом ушли.", "Ура ;-)", "Завтра снова."}));
  EXPECT_EQ(sents("That was fun :) and we left.", "en"), (V{"That was fun :) and we left."}));
}

TEST(SegmentSentences, YahooIsNotASentenceEnd) {
  EXPECT_EQ(sents("He joined Yahoo! Research last year.", "en"),
            (V{"He joined Yahoo! Research last year."}));
  EXPECT_EQ(sents("She works at Yahoo! News in California. Wow! That is big.", "en"),
            (V{"She works at Yahoo! News in California.", "Wow!", "That is big."}));
}

TEST(SegmentSentences, ParagraphsAreLines) {
  const Document d = analyze("He said\nthat it rained.\r\n\r\nIt did.\xE2\x80\xA8Then it stopped", "en");
  EXPECT_EQ(slices(d, d.paragraphs), (V{"He said", "that it rained.", "It did.", "Then it stopped"}));
  EXPECT_EQ(slices(d, d.sentences), (V{"He said", "that it rained.", "It did.", "Then it stopped"}));
}

TEST(SegmentSentences, AutoLanguageIsDecidedPerParagraph) {
  const std::string text =
      "Nobody else came, only I. Then we left.\n"
      "Ему дали премию ровно пять тыс. Москвичи рады.";
  // auto: the English paragraph by English rules (I. before a starter ends
  // one), the Russian one by Russian rules (тыс. before a non-starter does not)
  EXPECT_EQ(sents(text, "auto"),
            (V{"Nobody else came, only I.", "Then we left.",
               "Ему дали премию ровно пять тыс. Москвичи рады."}));
  // forced English: тыс. is an ordinary word
  EXPECT_EQ(sents(text, "en"),
            (V{"Nobody else came, only I.", "Then we left.", "Ему дали премию ровно пять тыс.",
               "Москвичи рады."}));
  // forced Russian: a single capital is an initial
  EXPECT_EQ(sents(text, "ru"),
            (V{"Nobody else came, only I. Then we left.",
               "Ему дали премию ровно пять тыс. Москвичи рады."}));
}

// -------------------------------------------------------------------- zones

TEST(SegmentZones, TitleIsAShortFirstParagraphWithoutAFinalPeriod) {
  EXPECT_EQ(zones("Storm floods the northern coast\nHeavy rain fell overnight.", "en"),
            (KV{{"title", "Storm floods the northern coast"}, {"body", "Heavy rain fell overnight."}}));
  EXPECT_EQ(zones("Storm floods the coast!\nRoads were closed.", "en"),
            (KV{{"title", "Storm floods the coast!"}, {"body", "Roads were closed."}}));
  EXPECT_EQ(zones("Шторм затопил побережье\nНочью шли дожди.", "ru"),
            (KV{{"title", "Шторм затопил побережье"}, {"body", "Ночью шли дожди."}}));
  // a final period: body
  EXPECT_EQ(zones("Heavy rain fell overnight on the coast.\nRoads were closed.", "en"),
            (KV{{"body", "Heavy rain fell overnight on the coast."}, {"body", "Roads were closed."}}));
  // a single paragraph is no title
  EXPECT_EQ(zones("Only one paragraph without a period", "en"),
            (KV{{"body", "Only one paragraph without a period"}}));
  // a long first paragraph is no title
  const std::string long_first =
      "A very long first line that has far too many words to be a title by any "
      "reasonable rule at all because it goes on and on and on without stopping anywhere";
  EXPECT_EQ(zones(long_first + "\nRoads were closed.", "en"),
            (KV{{"body", long_first}, {"body", "Roads were closed."}}));
}

TEST(SegmentZones, TitleRepeatedAloneIsTitleRepeat) {
  EXPECT_EQ(zones("Storm floods the northern coast\nHeavy rain fell overnight.\n"
                  "Storm floods the northern coast\nMore rain is expected.", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"body", "Heavy rain fell overnight."},
                {"title_repeat", "Storm floods the northern coast"},
                {"body", "More rain is expected."}}));
}

TEST(SegmentZones, TitleGluedIntoAParagraphIsTitleRepeat) {
  const std::string text =
      "Storm floods the northern coast\n"
      "Storm floods the northern coastHeavy rain fell overnight. Roads were closed.";
  EXPECT_EQ(zones(text, "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"title_repeat", "Storm floods the northern coast"},
                {"body", "Heavy rain fell overnight. Roads were closed."}}));
  // sentences do not cross the zone boundary
  EXPECT_EQ(sents(text, "en"),
            (V{"Storm floods the northern coast", "Storm floods the northern coast",
               "Heavy rain fell overnight.", "Roads were closed."}));
  const std::string ru =
      "Шторм затопил северное побережье\nНочью шли дожди.\n"
      "Шторм затопил северное побережьеДороги закрыты.";
  EXPECT_EQ(zones(ru, "ru"),
            (KV{{"title", "Шторм затопил северное побережье"},
                {"body", "Ночью шли дожди."},
                {"title_repeat", "Шторм затопил северное побережье"},
                {"body", "Дороги закрыты."}}));
}

TEST(SegmentZones, CreditStartsACaption) {
  EXPECT_EQ(zones("Storm floods the northern coast\nHeavy rain fell overnight.\n"
                  "\xC2\xA9 AP / Anna Maria Rossi Flooded street in Leeds\nRoads were closed.", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"body", "Heavy rain fell overnight."},
                {"caption", "\xC2\xA9 AP / Anna Maria Rossi Flooded street in Leeds"},
                {"body", "Roads were closed."}}));
  // a credit alone
  EXPECT_EQ(zones("Storm floods the northern coast\n\xC2\xA9 Reuters / John Smith\nRoads were closed.", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"caption", "\xC2\xA9 Reuters / John Smith"},
                {"body", "Roads were closed."}}));
}

TEST(SegmentZones, CaptionWithACapitalisedDescriptionIsOneCaption) {
  // "© Agency / First Last" then a description starting upper-case: the
  // remainder is not lower-case, so the whole block is the caption.
  EXPECT_EQ(zones("Storm floods the northern coast\nHeavy rain fell overnight.\n"
                  "\xC2\xA9 Reuters / John Smith Rescue teams at work\nRoads were closed.", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"body", "Heavy rain fell overnight."},
                {"caption", "\xC2\xA9 Reuters / John Smith Rescue teams at work"},
                {"body", "Roads were closed."}}));
}

TEST(SegmentZones, LowerCaseRemainderAfterACreditIsARelatedLink) {
  EXPECT_EQ(zones("Storm floods the northern coast\nHeavy rain fell overnight.\n"
                  "\xC2\xA9 Reuters / John Smith in fotobank rescue teams arrive in town\n"
                  "Roads were closed.", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"body", "Heavy rain fell overnight."},
                {"caption", "\xC2\xA9 Reuters / John Smith in fotobank"},
                {"related_link", "rescue teams arrive in town"},
                {"body", "Roads were closed."}}));
  EXPECT_EQ(zones("Шторм затопил побережье\nНочью шли дожди.\n"
                  "\xC2\xA9 РИА Новости / Иван Петров в фотобанке спасатели приехали в город\n"
                  "Дороги закрыты.", "ru"),
            (KV{{"title", "Шторм затопил побережье"},
                {"body", "Ночью шли дожди."},
                {"caption", "\xC2\xA9 РИА Новости / Иван Петров в фотобанке"},
                {"related_link", "спасатели приехали в город"},
                {"body", "Дороги закрыты."}}));
  // without a photo-bank phrase
  EXPECT_EQ(zones("Шторм затопил побережье\n\xC2\xA9 ТАСС / Иван Петров спасатели на месте\nДороги закрыты.", "ru"),
            (KV{{"title", "Шторм затопил побережье"},
                {"caption", "\xC2\xA9 ТАСС / Иван Петров"},
                {"related_link", "спасатели на месте"},
                {"body", "Дороги закрыты."}}));
}

TEST(SegmentZones, CaptionEndsAtTheNextGluePoint) {
  // the title text
  EXPECT_EQ(zones("Storm floods the northern coast\nHeavy rain fell overnight.\n"
                  "\xC2\xA9 AP / Anna Maria Rossi Flooded street in LeedsStorm floods the northern coast\n"
                  "Roads were closed.", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"body", "Heavy rain fell overnight."},
                {"caption", "\xC2\xA9 AP / Anna Maria Rossi Flooded street in Leeds"},
                {"title_repeat", "Storm floods the northern coast"},
                {"body", "Roads were closed."}}));
  // another ©
  EXPECT_EQ(zones("Storm floods the northern coast\n"
                  "\xC2\xA9 AP / Anna Maria Rossi Flooded street\xC2\xA9 AFP / Tom Lee\n"
                  "Roads were closed.", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"caption", "\xC2\xA9 AP / Anna Maria Rossi Flooded street"},
                {"caption", "\xC2\xA9 AFP / Tom Lee"},
                {"body", "Roads were closed."}}));
  // a closing » glued to a capital
  EXPECT_EQ(zones("Шторм затопил побережье\n"
                  "\xC2\xA9 ТАСС / Иван Петров «Спасатели на месте»Спасатели работают всю ночь.\n"
                  "Дороги закрыты.", "ru"),
            (KV{{"title", "Шторм затопил побережье"},
                {"caption", "\xC2\xA9 ТАСС / Иван Петров «Спасатели на месте»"},
                {"body", "Спасатели работают всю ночь."},
                {"body", "Дороги закрыты."}}));
  // a Latin -> Cyrillic script change
  EXPECT_EQ(zones("Шторм затопил побережье\n"
                  "\xC2\xA9 Reuters / Anna Maria Rossi Flooded streetСпасатели работают всю ночь.\n"
                  "Дороги закрыты.", "ru"),
            (KV{{"title", "Шторм затопил побережье"},
                {"caption", "\xC2\xA9 Reuters / Anna Maria Rossi Flooded street"},
                {"body", "Спасатели работают всю ночь."},
                {"body", "Дороги закрыты."}}));
}

TEST(SegmentZones, ReadAlsoIsARelatedLink) {
  EXPECT_EQ(zones("Storm floods the northern coast\nHeavy rain fell overnight.\n"
                  "Read also: \xC2\xAB" "Floods hit the south\xC2\xBBRescue teams worked all night.\n"
                  "Roads were closed.", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"body", "Heavy rain fell overnight."},
                {"related_link", "Read also: \xC2\xAB" "Floods hit the south\xC2\xBB"},
                {"body", "Rescue teams worked all night."},
                {"body", "Roads were closed."}}));
  EXPECT_EQ(zones("Шторм затопил побережье\nНочью шли дожди.\n"
                  "Читайте также: «Наводнение на юге»Спасатели работали всю ночь.\nДороги закрыты.", "ru"),
            (KV{{"title", "Шторм затопил побережье"},
                {"body", "Ночью шли дожди."},
                {"related_link", "Читайте также: «Наводнение на юге»"},
                {"body", "Спасатели работали всю ночь."},
                {"body", "Дороги закрыты."}}));
  // a whole paragraph
  EXPECT_EQ(zones("Storm floods the northern coast\nRead also: «Floods hit the south»\nRoads were closed.", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"related_link", "Read also: «Floods hit the south»"},
                {"body", "Roads were closed."}}));
}

TEST(SegmentZones, ShortParagraphsBetweenParagraphsAreSubheadingsOrBylines) {
  EXPECT_EQ(zones("Storm floods the northern coast\nBy Jane Doe\nHeavy rain fell overnight.\n"
                  "What happens next\nRoads were closed.", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"byline", "By Jane Doe"},
                {"body", "Heavy rain fell overnight."},
                {"subheading", "What happens next"},
                {"body", "Roads were closed."}}));
  EXPECT_EQ(zones("Шторм затопил побережье\nНочью шли дожди.\nЧто будет дальше\nДороги закрыты.", "ru"),
            (KV{{"title", "Шторм затопил побережье"},
                {"body", "Ночью шли дожди."},
                {"subheading", "Что будет дальше"},
                {"body", "Дороги закрыты."}}));
}

TEST(SegmentZones, SubheadingNeedsAShortUnpunctuatedInnerParagraph) {
  EXPECT_EQ(zones("Storm floods the northern coast\nRoads were closed.\n"
                  "A line with exactly eleven words in it right here now ok\n"
                  "Is this a subheading?\n"
                  "lower case words here\n"
                  "More text.\n"
                  "A final short line", "en"),
            (KV{{"title", "Storm floods the northern coast"},
                {"body", "Roads were closed."},
                {"body", "A line with exactly eleven words in it right here now ok"},
                {"body", "Is this a subheading?"},
                {"body", "lower case words here"},
                {"body", "More text."},
                {"body", "A final short line"}}));
}

TEST(SegmentZones, ZonesAreOrderedDisjointAndInsideParagraphs) {
  const std::string text =
      "Storm floods the northern coast\n"
      "By Jane Doe\n"
      "Storm floods the northern coastHeavy rain fell overnight.\n"
      "\xC2\xA9 AP / Anna Maria Rossi Flooded street\xC2\xA9 AFP / Tom Lee in fotobank boats at sea"
      "Storm floods the northern coast The sea rose.\n"
      "Read also: «Floods hit the south»Rescue teams worked all night.\n"
      "What happens next\n"
      "Roads were closed.";
  const Document d = analyze(text, "en");
  ASSERT_FALSE(d.zones.empty());
  for (std::size_t i = 0; i < d.zones.size(); ++i) {
    const Span& z = d.zones[i];
    if (i > 0) {
      EXPECT_LE(d.zones[i - 1].end, z.start);
    }
    std::size_t holders = 0;
    for (const Span& p : d.paragraphs) holders += inside(z, p) ? 1 : 0;
    EXPECT_EQ(holders, 1u) << d.slice(z);
  }
  // every paragraph has at least one zone
  for (const Span& p : d.paragraphs) {
    bool has = false;
    for (const Span& z : d.zones) has = has || inside(z, p);
    EXPECT_TRUE(has) << d.slice(p);
  }
  KV got;
  for (const Span& z : d.zones) got.emplace_back(zone_kind_name(z.kind), std::string(d.slice(z)));
  EXPECT_EQ(got, (KV{{"title", "Storm floods the northern coast"},
                     {"byline", "By Jane Doe"},
                     {"title_repeat", "Storm floods the northern coast"},
                     {"body", "Heavy rain fell overnight."},
                     {"caption", "\xC2\xA9 AP / Anna Maria Rossi Flooded street"},
                     {"caption", "\xC2\xA9 AFP / Tom Lee in fotobank"},
                     {"related_link", "boats at sea"},
                     {"title_repeat", "Storm floods the northern coast"},
                     {"body", "The sea rose."},
                     {"related_link", "Read also: «Floods hit the south»"},
                     {"body", "Rescue teams worked all night."},
                     {"subheading", "What happens next"},
                     {"body", "Roads were closed."}}));
}

// ------------------------------------------------------------------- tokens

TEST(SegmentTokens, HyphenatedCompoundsAreOneToken) {
  EXPECT_EQ(toks("Кто-то видел танк Т-34 и как-нибудь ушёл.", "ru"),
            (V{"Кто-то", "видел", "танк", "Т-34", "и", "как-нибудь", "ушёл", "."}));
  EXPECT_EQ(toks("The US-controlled zone is a well-known fact.", "en"),
            (V{"The", "US-controlled", "zone", "is", "a", "well-known", "fact", "."}));
  // a spaced dash is punctuation of its own
  EXPECT_EQ(toks("war - peace — love", "en"), (V{"war", "-", "peace", "—", "love"}));
}

TEST(SegmentTokens, DecimalsAndFractionsAreOneToken) {
  EXPECT_EQ(tok_kinds("Growth was 6.5 percent, or 1,5 here; half is 1/2.", "en"),
            (V{"Growth/word", "was/word", "6.5/number", "percent/word", ",/punct", "or/word",
               "1,5/number", "here/word", ";/punct", "half/word", "is/word", "1/2/number", "./punct"}));
  EXPECT_EQ(toks("Рост 2,75 процента, а 3/4 доли — 12.5.", "ru"),
            (V{"Рост", "2,75", "процента", ",", "а", "3/4", "доли", "—", "12.5", "."}));
}

TEST(SegmentTokens, PunctuationRunsAreOneToken) {
  EXPECT_EQ(toks("Wait... What?! Really!.. No -- yes… Ok?..", "en"),
            (V{"Wait", "...", "What", "?!", "Really", "!..", "No", "--", "yes", "…", "Ok", "?.."}));
  // other marks stay apart
  EXPECT_EQ(toks("Yes!» (no), ok", "en"), (V{"Yes", "!", "»", "(", "no", ")", ",", "ok"}));
}

TEST(SegmentTokens, EmoticonsAreOneToken) {
  EXPECT_EQ(toks("Great :))) Sad :( Fine =)", "en"),
            (V{"Great", ":)))", "Sad", ":(", "Fine", "=)"}));
  EXPECT_EQ(toks("Ура :) завтра", "ru"), (V{"Ура", ":)", "завтра"}));
}

TEST(SegmentTokens, UrlsEmailsHandlesAndHashtagsAreWhole) {
  EXPECT_EQ(tok_kinds("See https://example.org/path?q=1, mail jo.doe@example.co.uk, "
                      "follow @skaz_bot and #news2024 now.", "en"),
            (V{"See/word", "https://example.org/path?q=1/url", ",/punct", "mail/word",
               "jo.doe@example.co.uk/email", ",/punct", "follow/word", "@skaz_bot/handle",
               "and/word", "#news2024/hashtag", "now/word", "./punct"}));
  // trailing sentence punctuation is not part of the URL
  EXPECT_EQ(tok_kinds("Пишите на info@primer.ru или заходите на www.primer.ru.", "ru"),
            (V{"Пишите/word", "на/word", "info@primer.ru/email", "или/word", "заходите/word",
               "на/word", "www.primer.ru/url", "./punct"}));
  // a closing bracket belongs to a URL only when the URL opened one
  EXPECT_EQ(toks("(see http://x.org/page) ok", "en"),
            (V{"(", "see", "http://x.org/page", ")", "ok"}));
}

TEST(SegmentTokens, EnglishApostropheWordsAreOneToken) {
  EXPECT_EQ(toks("It's Tom O'Neil's car, isn't it?", "en"),
            (V{"It's", "Tom", "O'Neil's", "car", ",", "isn't", "it", "?"}));
  EXPECT_EQ(toks("It’s here.", "en"), (V{"It’s", "here", "."}));
  // a quote mark with spaces is punctuation
  EXPECT_EQ(toks("He said 'no' today", "en"), (V{"He", "said", "'", "no", "'", "today"}));
}

TEST(SegmentTokens, EnglishDottedAbbreviationsAreOneAbbrevToken) {
  EXPECT_EQ(tok_kinds("The U.S. and e.g. the U.K. met Mr. Lee of Acme Inc. at the end.", "en"),
            (V{"The/word", "U.S./abbrev", "and/word", "e.g./abbrev", "the/word", "U.K./abbrev",
               "met/word", "Mr./abbrev", "Lee/word", "of/word", "Acme/word", "Inc./abbrev",
               "at/word", "the/word", "end/word", "./punct"}));
  // the Russian profile keeps the periods apart
  EXPECT_EQ(toks("Гости из U.S. пришли.", "ru"), (V{"Гости", "из", "U", ".", "S", ".", "пришли", "."}));
}

TEST(SegmentTokens, ScriptChangeSplitsAWord) {
  EXPECT_EQ(toks("Проект EDRiПри поддержке запущен.", "ru"),
            (V{"Проект", "EDRi", "При", "поддержке", "запущен", "."}));
  EXPECT_EQ(toks("Сервис WhatsAppОднако упал.", "ru"),
            (V{"Сервис", "WhatsApp", "Однако", "упал", "."}));
}

TEST(SegmentTokens, TokenKinds) {
  EXPECT_EQ(tok_kinds("Он купил 3 книги за $20 + налог.", "ru"),
            (V{"Он/word", "купил/word", "3/number", "книги/word", "за/word", "$/symbol",
               "20/number", "+/symbol", "налог/word", "./punct"}));
}

TEST(SegmentTokens, NoTokensUnlessAsked) {
  auto p = Pipeline::create(Options{"en", utf8_policy::strict, false});
  ASSERT_TRUE(p.ok());
  auto d = p->analyze("The river rose. The bridge closed.");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->tokens.empty());
  EXPECT_EQ(d->sentences.size(), 2u);
}

TEST(SegmentTokens, GluedWordsAreReportedAsRepairs) {
  EXPECT_EQ(glued("The agency photoRoskomnadzor said so.", "en"),
            (V{"photoRoskomnadzor -> photo Roskomnadzor"}));
  EXPECT_EQ(glued("Проект EDRiПри поддержке запущен.", "ru"), (V{"EDRiПри -> EDRi При"}));
  EXPECT_EQ(glued("новостиМосквы и фотоRoskomnadzor", "ru"),
            (V{"новостиМосквы -> новости Москвы", "фотоRoskomnadzor -> фото Roskomnadzor"}));
  // names with inner capitals stay whole
  EXPECT_TRUE(glued("He bought an iPhone at McDonald with WhatsApp and eBay on YouTube.", "en").empty());
  const Document d = analyze("Read photoRoskomnadzor now.", "en");
  ASSERT_EQ(d.repairs.size(), 1u);
  EXPECT_EQ(d.repairs[0].kind, repair_kind::glued);
  EXPECT_EQ(d.text.substr(d.repairs[0].span.start, d.repairs[0].span.size()), "photoRoskomnadzor");
}

// --------------------------------------------------------------- invariants

TEST(SegmentInvariants, EverySentenceLiesInsideOneZone) {
  const std::string text =
      "Storm floods the northern coast\n"
      "Storm floods the northern coastHeavy rain fell. Roads closed.\n"
      "\xC2\xA9 AP / Anna Maria Rossi Flooded street in LeedsThe sea rose. Boats sank.\n"
      "Read also: «Floods hit. The south»Rescue teams worked. They rested.\n"
      "Что будет дальше\n"
      "Дороги закрыты. Мосты тоже.";
  for (const char* lang : {"auto", "en", "ru"}) {
    const Document d = analyze(text, lang);
    ASSERT_FALSE(d.sentences.empty());
    for (const Span& s : d.sentences) {
      int n = 0;
      for (const Span& z : d.zones) n += inside(s, z) ? 1 : 0;
      EXPECT_EQ(n, 1) << lang << ": " << d.slice(s);
    }
  }
}

TEST(SegmentInvariants, ZonesAndGapsReproduceTheInput) {
  const std::string text =
      "\xEF\xBB\xBF  Storm floods the northern coast \r\n\r\n\t"
      "Heavy\xC2\xA0rain fell overnight.  \n \n"
      "\xC2\xA9 Reuters / John Smith in fotobank rescue teams arrive\xE2\x80\xA9"
      "Read also: «Floods»Rescue came.\r"
      "What happens next\n"
      "Roads were closed.\n\n";
  const Document d = analyze(text, "auto");
  std::string rebuilt;
  std::uint32_t pos = 0;
  for (const Span& z : d.zones) {
    ASSERT_LE(pos, z.start);
    const std::string gap = text.substr(pos, z.start - pos);
    EXPECT_TRUE(blank(text, pos, z.start)) << "gap \"" << gap << "\"";
    rebuilt += gap;
    rebuilt += std::string(d.slice(z));
    pos = z.end;
  }
  EXPECT_TRUE(blank(text, pos, static_cast<std::uint32_t>(text.size())));
  rebuilt += text.substr(pos);
  EXPECT_EQ(rebuilt, text);
  EXPECT_EQ(d.zones.size(), 8u);
}

TEST(SegmentInvariants, SpanOffsetsAreOnUtf8CharacterBoundaries) {
  const std::string text =
      "Ёжик «Привет»\xF0\x9F\x98\x80. Ещё раз…\xC2\xA0Ok \xF0\x9D\x94\xB8." "\n"
      "Cafe\xCC\x81 na\xC3\xAFve\xE2\x80\x94\xE2\x80\x9Cquoted\xE2\x80\x9D! \xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82 Δσ test.\n"
      "\xF0\x9F\x91\x8D\xF0\x9F\x91\x8D :) Мы\xE2\x80\x8B" "EDRiПри фотоRoskomnadzor 1\xC2\xBD.";
  for (const char* lang : {"auto", "en", "ru"}) {
    const Document d = analyze(text, lang);
    EXPECT_FALSE(d.sentences.empty());
    EXPECT_FALSE(d.tokens.empty());
    auto all_on = [&](const std::vector<Span>& v) {
      for (const Span& s : v)
        if (!on_boundary(d.text, s.start) || !on_boundary(d.text, s.end)) return false;
      return true;
    };
    EXPECT_TRUE(all_on(d.paragraphs)) << lang;
    EXPECT_TRUE(all_on(d.zones)) << lang;
    EXPECT_TRUE(all_on(d.sentences)) << lang;
    EXPECT_TRUE(all_on(d.tokens)) << lang;
    for (const Repair& r : d.repairs) {
      EXPECT_TRUE(on_boundary(d.text, r.span.start) && on_boundary(d.text, r.span.end)) << lang;
      EXPECT_TRUE(is_valid_utf8(r.replacement)) << lang;
    }
  }
}

TEST(SegmentInvariants, LargeTextWithUnbalancedQuotesAndNulBytes) {
  // about 200 KB: 10^4 opening guillemets that never close, NUL bytes,
  // terminals, list markers, bullets, credits and both scripts.
  const char* pieces[] = {"Он сказал", "the", "Mr.", "т. д.", "1)", "…", "?»", ".", "U.S.",
                          "—", "word", "ул.", "http://x.org/y", "a@b.cd", ":)", "•", "©",
                          "/", "EDRiПри", "photoRoskomnadzor", "A.", "2.", ". . .", "!"};
  const std::size_t np = sizeof pieces / sizeof *pieces;
  std::string text;
  std::size_t quotes = 0, nuls = 0;
  std::uint32_t seed = 12345;
  auto rnd = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  while (text.size() < 200000) {
    const unsigned r = rnd();
    if (quotes < 10000 && r % 3 == 0) {
      text += "\xC2\xAB";
      ++quotes;
    }
    if (r % 7 == 0) {
      text.push_back('\0');
      ++nuls;
    }
    text += pieces[rnd() % np];
    text += (r % 11 == 0) ? "" : (r % 97 == 0 ? "\n" : " ");
  }
  while (quotes < 10000) {
    text += " \xC2\xAB";
    ++quotes;
  }
  ASSERT_TRUE(is_valid_utf8(text));
  ASSERT_GE(text.size(), 200000u);
  ASSERT_GT(nuls, 1000u);
  for (const char* lang : {"auto", "en", "ru"}) {
    const Document d = analyze(text, lang);
    EXPECT_EQ(d.text.size(), text.size()) << lang;
    EXPECT_FALSE(d.paragraphs.empty()) << lang;
    EXPECT_FALSE(d.zones.empty()) << lang;
    EXPECT_FALSE(d.sentences.empty()) << lang;
    EXPECT_FALSE(d.tokens.empty()) << lang;
  }
  // one single paragraph of nothing but unbalanced quotes and NULs
  std::string flat;
  for (int i = 0; i < 10000; ++i) {
    flat += "\xC2\xAB";
    flat.push_back('\0');
    flat += (i % 2) ? "Да. " : "no! ";
  }
  const Document d = analyze(flat, "auto");
  EXPECT_EQ(d.paragraphs.size(), 1u);
  EXPECT_FALSE(d.sentences.empty());
}

TEST(SegmentInvariants, LargeParagraphsOfListMarkers) {
  // 200 KB of markers in one paragraph: "1)" never followed by "2)" is no
  // list; "1) 2) 1) 2)" is one item per marker.
  std::string same, pairs;
  for (int i = 0; i < 40000; ++i) same += "1) x ";
  for (int i = 0; i < 20000; ++i) pairs += "1) x 2) x ";
  const Document a = analyze(same, "en");
  EXPECT_EQ(a.sentences.size(), 1u);
  const Document b = analyze(pairs, "en");
  ASSERT_EQ(b.sentences.size(), 40000u);
  EXPECT_EQ(b.slice(b.sentences[0]), "1) x");
  EXPECT_EQ(b.slice(b.sentences[39999]), "2) x");
}

}  // namespace

// glued_words passes over the bytes before the first place a glue point may
// be, and between one such place and the next: it finds what reading every
// byte finds, on random mixes of words in
// both scripts, capitals, acronyms, mixed-script and camel-case words,
// punctuation and characters of other blocks.
#include <random>

#include "segment_impl.hpp"

TEST(GluedWords, SkippingFindsWhatReadingEveryByteFinds) {
  std::mt19937 rng(5);
  const char* pieces[] = {"photo", "Roskomnadzor", " ", "EDRi", "\xD0\x9F\xD1\x80\xD0\xB8",  // При
                          "\xD0\xBC\xD0\xB8\xD1\x80", "NATO", "\xD0\xA2\xD0\x90\xD0\xA1\xD0\xA1",  // мир ТАСС
                          "iPhone", ", ", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x94", "\xC3\x89", "\xC3\xA9",
                          "\xD1\x91", "\xD0\x81", "McDonald", "x", "\xD0\xB0", "Z", "-", "'", "7", "\xD1\xA0",
                          // no-break space, curly quote, superscript i (no capitals: never a glue point's
                          // start), and capitals led by E2 (Kelvin sign, Latin Ⱡ)
                          "\xC2\xA0", "\xE2\x80\x9D", "\xE2\x81\xB1", "\xE2\x84\xAA", "\xE2\xB1\xA0"};
  std::size_t found = 0;
  for (int it = 0; it < 20000; ++it) {
    std::string s;
    // (long mixes too: the reading passes over the bytes again after each
    // place it reads from)
    const int n = static_cast<int>(rng() % (it % 4 == 0 ? 96 : 24));
    for (int i = 0; i < n; ++i) s += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    const std::uint32_t a = s.empty() ? 0 : static_cast<std::uint32_t>(rng() % (s.size() / 4 + 1));
    const skaz::Span range{a, static_cast<std::uint32_t>(s.size()), 0, 0};
    std::vector<skaz::Span> want, got;
    skaz::detail::glued_words(s, range, want, false);
    skaz::detail::glued_words(s, range, got, true);
    ASSERT_EQ(want.size(), got.size()) << s;
    for (std::size_t i = 0; i < want.size(); ++i) {
      ASSERT_EQ(want[i].start, got[i].start) << s;
      ASSERT_EQ(want[i].end, got[i].end) << s;
      ASSERT_EQ(want[i].flags, got[i].flags) << s;
    }
    found += want.size();
  }
  EXPECT_GT(found, 1000u);  // the mixes do hold glue points
}
