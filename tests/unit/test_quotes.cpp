// Quotes: marks paired, classes and speakers, on texts written for skaz.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "skaz/document.hpp"
#include "skaz/quotes.hpp"

namespace {

skaz::Document analyze(const std::string& text, const char* lang) {
  auto p = skaz::Pipeline::create({});
  EXPECT_TRUE(p.ok());
  auto d = p->analyze(text, lang);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

struct Q {
  std::string text, kind, speaker, rule;
};

std::vector<Q> quotes(const std::string& text, const char* lang) {
  const skaz::Document d = analyze(text, lang);
  std::vector<Q> out;
  for (const skaz::Quote& q : d.quotes) {
    Q x{std::string(d.slice(q.span)), skaz::quote_kind_name(q.kind), "", q.rule};
    if (q.speaker_entity >= 0) x.speaker = d.entities[static_cast<std::size_t>(q.speaker_entity)].name;
    else if (q.speaker.start != skaz::no_offset) x.speaker = std::string(d.slice(q.speaker));
    out.push_back(x);
  }
  return out;
}

std::vector<std::string> contents(const std::string& text) {
  std::vector<std::string> v;
  for (const skaz::QuotePair& p : skaz::pair_quote_marks(text))
    v.push_back(text.substr(p.content_start, p.content_end - p.content_start));
  return v;
}

TEST(QuoteMarks, EveryConventionAndNesting) {
  EXPECT_EQ(contents("Он сказал «да» и ушёл."), (std::vector<std::string>{"да"}));
  EXPECT_EQ(contents("She said \u201Cyes\u201D and left."), (std::vector<std::string>{"yes"}));
  EXPECT_EQ(contents("Er sagte \u201Eja\u201C und ging."), (std::vector<std::string>{"ja"}));
  EXPECT_EQ(contents("«Газета „Ведомости“ пишет»"),
            (std::vector<std::string>{"Газета „Ведомости“ пишет", "Ведомости"}));
  EXPECT_EQ(contents("He wrote: \"the film \"Heat\" is long\"."),
            (std::vector<std::string>{"the film \"Heat\" is long", "Heat"}));
  EXPECT_EQ(contents("'How dare you?' she asked."), (std::vector<std::string>{"How dare you?"}));
}

TEST(QuoteMarks, ADetachedClosingMarkWithItsOpeningMarkLost) {
  // machine translation loses the opening mark and detaches the closing one
  // onto the report: the quote runs back to its sentence's start, and the
  // narration after the mark is no quote
  auto q = quotes("The pope spoke on Sunday. I was pleased to learn of the agreement, another step to peace, "
                  "\" the pontiff said during a sermon in St. Peter's Square. The website reported it.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "I was pleased to learn of the agreement, another step to peace");
  EXPECT_EQ(q[0].speaker, "the pontiff");  // not the square after "in"
}

TEST(QuoteMarks, AStraightMarkReopeningASentenceInsideAQuoteIsStray) {
  // machine translation opens each sentence of a quote again: one quote
  EXPECT_EQ(contents("\"You need gloves. \"Shoes with a tread,\" he said."),
            (std::vector<std::string>{"You need gloves. \"Shoes with a tread,"}));
  // a mark inside a sentence still nests
  EXPECT_EQ(contents("He wrote: \"the film \"Heat\" is long\"."),
            (std::vector<std::string>{"the film \"Heat\" is long", "Heat"}));
  const auto q = quotes("\"You need gloves. \"Shoes with a tread,\" the athlete explained.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "the athlete");
}

TEST(QuoteMarks, AStraightMarkDetachedFromTheQuoteItClosesBeforeAReport) {
  // machine translation writes `…, "X said`: the mark closes the quote
  EXPECT_EQ(contents("\"I need to train a lot, \"Albert Proza said on Sunday."),
            (std::vector<std::string>{"I need to train a lot, "}));
  EXPECT_EQ(contents("\"I set no goals, \"the striker said."), (std::vector<std::string>{"I set no goals, "}));
  EXPECT_EQ(contents("\"We have a good squad, \"added Proza."), (std::vector<std::string>{"We have a good squad, "}));
  // a quote nested after a comma, with no report in its first words, nests
  EXPECT_EQ(contents("\"Then he told me, \"Go home,\" and left.\""),
            (std::vector<std::string>{"Then he told me, \"Go home,\" and left.", "Go home,"}));
  const auto q = quotes("\"I need to train a lot, \"Albert Proza said on Sunday. The club is ninth.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "Albert Proza");
}

TEST(QuoteMarks, MarksAroundPunctuationAloneQuoteNothing) {
  for (const Q& x : quotes("Fans sang \"---\" loudly after the match \"Zenit\" - \"Khimki\".", "en"))
    EXPECT_NE(x.text, "---");
}

TEST(QuoteMarks, ApostrophesAreNoMarks) {
  EXPECT_TRUE(contents("Don't stop: it's O\u2019Brien\u2019s and Durova\u2019s rock'n'roll.").empty());
  EXPECT_TRUE(contents("A 12\" screen and 5'11 tall.").empty());
}

TEST(QuoteMarks, LostAndUnclosedMarks) {
  // the opening mark is lost: the quote runs from the paragraph's start
  const std::string lost = "I would not hurry», — said Denis Kuskov.";
  const auto p = skaz::pair_quote_marks(lost);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(p[0].missing_open);
  EXPECT_EQ(lost.substr(p[0].content_start, p[0].content_end - p[0].content_start), "I would not hurry");
  // a mark turned round and glued to the next word opens
  EXPECT_EQ(contents("told what will lock Telegram»I would not hurry», — said Kuskov."),
            (std::vector<std::string>{"I would not hurry"}));
  // unclosed: to the end of the paragraph, not beyond
  const auto u = contents("He said «this goes on\n\nNext paragraph.");
  EXPECT_EQ(u, (std::vector<std::string>{"this goes on"}));
  // the English convention: a paragraph that reopens continues the quote
  const auto c = contents("\u201CFirst part\n\n\u201CSecond part,\u201D he said.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_NE(c[0].find("Second part,"), std::string::npos);
}

TEST(Quotes, DashSpeechAfterTheQuote) {
  const auto q = quotes("Министр Иван Петров выступил в Думе.\n\n«Мы не согласны с этим», — сказал Петров.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "Мы не согласны с этим");
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "Иван Петров");
  EXPECT_EQ(q[0].rule, "dash_cue");
}

TEST(Quotes, InvertedEnglishAttributionAndCarry) {
  const auto q = quotes(
      "\"We will appeal,\" said lawyer Maria Lopez. \"The ruling ignores the evidence.\" "
      "The court declined to comment.",
      "en");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Maria Lopez");
  EXPECT_EQ(q[0].rule, "after_cue");
  EXPECT_EQ(q[1].text, "The ruling ignores the evidence.");
  EXPECT_EQ(q[1].speaker, "Maria Lopez");
  EXPECT_EQ(q[1].rule, "carry");
}

TEST(Quotes, AQuoteEndingInANestedQuoteIsStillAttributedAfter) {
  // the comma that invites "…," X said stands inside the nested quote
  const auto q = quotes(
      "The judge spoke first. \"They will call it 'reckless,'\" Anna Berg said about the verdict.", "en");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "Anna Berg");
  EXPECT_EQ(q[0].rule, "after_cue");
}

TEST(Quotes, CoordinatedCueTakesTheClauseSubject) {
  // "X met Y and said that": the subject of both verbs is X, not the nearer Y
  auto q = quotes("Helen Ward met Peter Grant and said that he was unfit to serve.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Helen Ward");
  q = quotes("Мэр Иван Петров встретился с Олегом Сидоровым и заявил, что мост откроют в мае.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].speaker, "Иван Петров");
}

TEST(Quotes, PartialQuoteAfterANamingVerb) {
  // a finite verb after a gerund phrase: the subject stands before the
  // phrase, not among its words ("в Белом доме")
  auto q = quotes("Позднее президент, выступая в Белом доме, назвал нападение «ужасной атакой».", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "partial");
  EXPECT_EQ(q[0].speaker, "президент");
  // a participle after a comma: the sentence's subject
  q = quotes("Helen Ward spoke on Monday, calling the plan \"a disaster\".", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "partial");
  EXPECT_EQ(q[0].speaker, "Helen Ward");
}

TEST(Quotes, DaysAndMonthsNameNobody) {
  const auto q = quotes(
      "Thousands of children skipped school to join a strike on Friday, blocking traffic and asking "
      "their leaders \"how dare you?\" in a reference to a speech.",
      "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "partial");
  EXPECT_NE(q[0].speaker, "Friday");
  EXPECT_FALSE(q[0].speaker.empty());
}

TEST(Quotes, ARelativeClauseBeforeTheCueNamesNobody) {
  // the place inside "who was … in Leeds" is not the subject of "described"
  const auto q = quotes(
      "The family of a teenager who was injured in Leeds have described him as a \"kind, quiet boy\".", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "The family of a teenager");
}

TEST(Quotes, ARoleNounTakesTheQuotedNameAfterIt) {
  // "агентство «Интерфакс»": the name in quotes is the speaker's
  const auto q = quotes("Как сообщило агентство «Интерфакс», завод закроют в мае.", "ru");
  const Q* ind = nullptr;
  for (const Q& x : q)
    if (x.kind == "indirect") ind = &x;
  ASSERT_NE(ind, nullptr);
  EXPECT_NE(ind->speaker.find("Интерфакс"), std::string::npos) << ind->speaker;
}

TEST(Quotes, ANumberIsNoSpeaker) {
  for (const Q& x : quotes("At 17:47, it was reported that the fire in the old depot was put out.", "en"))
    EXPECT_NE(x.speaker, "47") << x.text;
}

TEST(Quotes, AnAdverbBeforeTheCueIsNoPartOfTheSpeaker) {
  const auto q = quotes("The cabinet met on Friday. The document also says that the regime was extended.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "The document");
}

TEST(Quotes, AQuotedNameWithTheSentencesFullStopInsideIsATitle) {
  // American punctuation: the period of the sentence inside the name's quotes
  auto q = quotes("The ship was built at the Baltic plant \"Yantar.\" It joined the fleet in May.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "title");
  EXPECT_EQ(q[0].speaker, "");
  // a reply after a cue stays direct speech
  q = quotes("He answered \"No.\" Then he left.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
}

TEST(Quotes, AboutWhichSaidXAndAParticipleWithAPronounSubject) {
  // "A, о чём заявил X": the clause before is X's report
  auto q = quotes("Недавно Индия провела испытание ракеты, о чём публично заявил премьер-министр Нарендра Моди.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].text, "Недавно Индия провела испытание ракеты");
  EXPECT_EQ(q[0].rule, "about_this");
  // "он … и, сказав, что …": the pronoun inside the clause is the subject
  q = quotes("Там он назвал свою фамилию и, сказав, что ему нужны рабочие, уехал.", "ru");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].speaker, "он");
  EXPECT_EQ(q[0].rule, "participle");
}

TEST(Quotes, APrepositionalPhraseIsNoSpeaker) {
  // "в один голос" is how they speak, not who: the subject stands before the
  // participle phrase
  const auto q = quotes("Люди, хорошо помнившие те годы, в один голос утверждают, что войны не ждали.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Люди");
}

TEST(Quotes, TimeAdverbsBeforeTheCueAreNoPartOfTheSpeaker) {
  auto q = quotes("Министр Пётр Орлов осенью заявил, что цены вырастут.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Пётр Орлов");
  q = quotes("Правительство сейчас заявило, что пенсии вырастут.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Правительство");
  q = quotes("The Russian authorities officially deny that the firm is theirs.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "The Russian authorities");
}

TEST(Quotes, AListOfQuotesAfterAColon) {
  // speech: every item is the speaker's, short or not
  auto q = quotes("Students marched with banners reading: \"Save the bees,\" \"No more coal,\" and \"We want a future.\"",
                  "en");
  ASSERT_EQ(q.size(), 3u);
  for (const Q& x : q) {
    EXPECT_EQ(x.kind, "direct") << x.text;
    EXPECT_EQ(x.speaker, "Students") << x.text;
  }
  // names: a list with its commas outside the marks is titles, cue or not
  q = quotes("Автор книг: «Тихий берег», «Северный ветер» и «Горячий снег».", "ru");
  ASSERT_EQ(q.size(), 3u);
  for (const Q& x : q) EXPECT_EQ(x.kind, "title") << x.text;
  q = quotes("Клубы выразили соболезнования: «Милан», «Реал» и «Бавария».", "ru");
  ASSERT_EQ(q.size(), 3u);
  for (const Q& x : q) EXPECT_EQ(x.speaker, "") << x.text;
}

TEST(Quotes, AParticipleTakesTheSubjectOfItsOwnClause) {
  // ", а X назвал …, заявив, что …": X, not the sentence's first speaker
  auto q = quotes(
      "Мэр Иван Петров пообещал проверить жалобы, а депутат Олег Сидоров назвал его «лжецом», "
      "заявив, что «обещания ничего не стоят».",
      "ru");
  ASSERT_GE(q.size(), 2u);
  EXPECT_EQ(q.back().text, "обещания ничего не стоят");
  EXPECT_EQ(q.back().speaker, "Олег Сидоров");
}

TEST(Quotes, AQuoteThatEndsTheNarratorsClauseIsPartial) {
  // "A «b», заявил X": X reports the clause; the quote is a part of it
  auto q = quotes("Реформа вывела страну на путь «устойчивого роста», заявил министр Пётр Орлов.", "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].text, "Реформа вывела страну на путь «устойчивого роста»");
  EXPECT_EQ(q[0].speaker, "Пётр Орлов");
  EXPECT_EQ(q[1].kind, "partial");
  EXPECT_EQ(q[1].text, "устойчивого роста");
  EXPECT_EQ(q[1].speaker, "Пётр Орлов");
  // the whole sentence quoted stays direct
  q = quotes("«Реформа вывела страну на путь роста», — заявил министр Пётр Орлов.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  // ", добавив, что …" after the speaker is a report of its own, not the end of the tail
  q = quotes("Король заболел «сердечным расстройством», сообщило агентство MAP, добавив, что он уже дома.", "ru");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_NE(q[0].speaker.find("MAP"), std::string::npos) << q[0].speaker;
  EXPECT_EQ(q[1].kind, "partial");
  EXPECT_EQ(q[2].kind, "indirect");
  EXPECT_EQ(q[2].text, "он уже дома");
}

TEST(Quotes, ACueAfterAQuoteThatEndsAClauseSharesTheClausesSubject) {
  // "X calls Y "…," says he …": "he" opens the reported clause; X said both
  const auto q = quotes("Senator Anna Reed calls the plan \"reckless,\" says it will fail.", "en");
  ASSERT_FALSE(q.empty());
  for (const Q& x : q) EXPECT_EQ(x.speaker, "Anna Reed") << x.text;
}

TEST(Quotes, ASubordinateClauseNamesNobody) {
  // "Когда … спросили её мнение «…»": nobody in the "когда" clause said it
  const auto q = quotes("Когда в рамках конкурса спросили её мнение «Нужна ли охрана?» она ответила, что нет.", "ru");
  for (const Q& x : q) EXPECT_EQ(x.speaker.find("Когда"), std::string::npos) << x.text;
}

TEST(Quotes, ATextSpeaksThroughReads) {
  auto q = quotes("\"The parcel is being sent to Ukraine today,\" the statement reads. Later the army spoke.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "the statement");
  // "reads" before a colon introduces the next quote, not the one before it
  q = quotes("\"We will win,\" the old letter ended. The new message reads: \"Thank you all.\"", "en");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].speaker, "The new message");
}

TEST(Quotes, ADocumentSpeaksThroughAnImpersonalCue) {
  // "В заявлении X говорится, что …": the statement is the source
  auto q = quotes("В сообщении пресс-службы МЧС отмечается, что пожар потушен.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].text, "пожар потушен");
  EXPECT_NE(q[0].speaker.find("МЧС"), std::string::npos) << q[0].speaker;
  q = quotes("В документе говорится: «Решение окончательное».", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "документе");
  // a time is no source, nor is what the text is about
  for (const Q& x : quotes("В сентябре сообщалось, что мост закроют.", "ru")) EXPECT_EQ(x.speaker, "") << x.text;
  for (const Q& x : quotes("Ранее в газете сообщалось о том, что мост закроют.", "ru"))
    EXPECT_NE(x.speaker, "том") << x.text;
}

TEST(Quotes, AMarkedQuoteAfterAccordingToIsTheirs) {
  auto q = quotes("По словам министра, «реформа займёт два года».", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "министра");
  EXPECT_EQ(q[0].rule, "according_to");
  q = quotes("According to the ministry, \"the reform will take two years.\"", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "the ministry");
}

TEST(Quotes, EnglishNewsHabits) {
  // "…," according to X
  auto q = quotes("The war is far from over. \"We will not retreat,\" according to a statement from the army.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "a statement from the army");
  // an age between commas
  q = quotes("\"It is over,\" Smith, 54, told the BBC.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "Smith");
  // a past participle phrase in apposition names nobody
  q = quotes("The report, released on Monday, says that prices rose.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "The report");
  // "said Mihkel Pajusalu, head of …" inverts the speaker; it opens no clause
  for (const Q& x : quotes("life began on Earth,\" said Mihkel Pajusalu, head of the project team.", "en"))
    EXPECT_NE(x.text, "Mihkel Pajusalu, head of the project team") << x.speaker;
  // a second apposition with an article ("a major exporter of … to China")
  // describes the first; the name before both speaks, not the place in it
  q = quotes("Terry Branstad, the ambassador to China and the former governor of Iowa, a major exporter of "
             "goods to China, said Beijing had hurt American farmers.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].speaker, "Terry Branstad");
  q = quotes("Artur Zaremba, an expert from the payment provider Ecommpay, stressed that the buyer has rights.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Artur Zaremba");
  // a person's title with its full stop before an inverted speaker
  q = quotes("The avalanche was reported about 10:50 a.m. near the lake, said Pierce County Sheriff's "
             "Department Sgt. Darren Moss.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Darren Moss");
  // an acronym is no relative pronoun (WHO) and no personal one (US)
  q = quotes("Officials met on Monday. The WHO and the World Bank stressed that the crisis deepened.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "the World Bank");
  // a reporting word used as a noun before the verb is part of the subject
  q = quotes("The decree was signed. The explanatory note specifies that the fund will care for it.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "The explanatory note");
  // after a noun, or before "that", the reporting word is the verb: the
  // spokesman's report holds the report's own
  for (const char* text : {"The spokesman notes that the report says the plant will close.",
                           "The spokesman notes the report says the plant will close."}) {
    q = quotes(text, "en");
    ASSERT_GE(q.size(), 1u) << text;
    EXPECT_EQ(q[0].speaker, "The spokesman") << text;
    EXPECT_EQ(q[0].text, "the report says the plant will close") << text;
  }
  q = quotes("The herd left. \"Humans have a lot to learn from animals,\" the comments read.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "the comments");
  for (const char* verb : {"He denied reports that prices rose.", "He notes reports that prices rose."}) {
    q = quotes(verb, "en");
    ASSERT_EQ(q.size(), 1u) << verb;
    EXPECT_EQ(q[0].speaker, "He") << verb;
  }
  // an adverb in -ly between the subject and the cue; a noun in -ly stays
  q = quotes("The World Health Organization tentatively believes that omicron is milder.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "The World Health Organization");
  // "state" before a noun is no reporting verb; "The report states:" has one speaker
  EXPECT_TRUE(quotes("Vice-Admiral Alexander Moiseyev presented state awards to the sailors.", "en").empty());
  q = quotes("The report states: prices rose.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "The report");
  q = quotes("The weekly reported that prices rose.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "The weekly");
  // two capitalised words in apposition with a role are a person, whose
  // gender the role tells; the role between the quote and the cue is looked
  // through, and so is an adverb after it
  q = quotes("The case is open. \"We will decide soon,\" Anette Kreitsmann, a spokeswoman for the Tartu "
             "courts, previously explained to ERR. According to her, Semilarski appealed.", "en");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "Anette Kreitsmann");
  EXPECT_EQ(q[1].speaker, "Anette Kreitsmann");
  // not a place or an institution after a preposition ("Head of the
  // Situation Center"), nor half of a hyphenated name
  for (const Q& x : quotes("According to Deputy Head of the Situation Center of Roshydromet Anatoly Tsygankov, "
                           "it may warm up.", "en"))
    EXPECT_NE(x.speaker, "Situation Center");
  // ", calling it «…»" after a clause with an object: the sentence's first
  // phrase said it, not the object
  q = quotes("Senator Maria Lopez spoke on Monday. She also condemned Republicans in the Senate, calling the "
             "bill a \"shameful and reckless gamble\" with public money.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Maria Lopez");
  // a headline quote and the owner of the speech named after it; after
  // another quote, "X's address electrified …" is narration
  q = quotes("\"We shall not give up!\" Macron's televised address rallies the French Millions watched it on "
             "Sunday.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Macron");
  EXPECT_EQ(q[0].rule, "possessive");
  for (const Q& x : quotes("Viewers met. \"It was a long night,\" Anna Petrova told reporters. \"We will see.\" "
                           "Macron's address was short.", "en"))
    EXPECT_NE(x.rule, "possessive") << x.text;
  // an English given name gives the pronoun its gender
  q = quotes("Hillary Clinton met Donald Trump on Monday. She said that the talks went well.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Hillary Clinton");
}

TEST(Quotes, TheOneQuotedAsSayingSpeaksNotTheSourceThatQuotesHim) {
  // "X quoted him as saying": the pronoun, resolved, not the agency
  auto q = quotes("Mikhail Degtyarev visited the plant on Monday. \"I didn't know that,\" RIA Novosti quoted him "
                  "as saying.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Mikhail Degtyarev");
  EXPECT_EQ(q[0].rule, "quoted_as");
  // the passive, with the source after it
  q = quotes("\"We missed playing hockey,\" Alexander Ovechkin was quoted as saying by NHL.com.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Alexander Ovechkin");
  q = quotes("\"He made a big mistake,\" Dmitry Guberniev was quoted by Metaratings.ru as saying.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Dmitry Guberniev");
  // a common noun phrase quoted: that phrase
  q = quotes("\"There is a lot of false information here,\" RIA Novosti quoted one reader as saying.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "one reader");
  // a document quoted: its source
  q = quotes("\"We are pleased to announce the flights,\" TASS quoted the statement as saying.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "TASS");
  // before a colon, and before an indirect clause
  q = quotes("Dmitry Peskov spoke to reporters. Interfax quoted him as saying: \"The talks will go on.\"", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Dmitry Peskov");
}

TEST(Quotes, ARolesChainOfGenitivesAfterTheQuoteSpeaks) {
  // articles and "of" do not count towards the words between a quote and
  // its cue; the role phrase keeps its article, one modifier and its chain
  // of genitives
  auto q = quotes("The car capsized. \"A girl was injured in the accident,\" the press service of the regional "
                  "head of the Ministry of Internal Affairs told. The child was taken to hospital.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "the press service of the regional head of the Ministry of Internal Affairs");
  EXPECT_EQ(q[0].rule, "after_cue");
  q = quotes("The package was confirmed. \"There are the most urgent things in it,\" the head of the U.S. "
             "Department of the Treasury noted.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "the head of the U.S. Department of the Treasury");
  // a name and a modifier before the role belong to the phrase
  q = quotes("The leaders spoke on the phone at the initiative of the Ukrainian side, the Kremlin press service "
             "claimed.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "the Kremlin press service");
  // "close to" joins a role to whom it is close; a possessive belongs to
  // the phrase; a club and a team speak as a company does
  q = quotes("The company declined to comment, but a source close to the company said the deal was off.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "a source close to the company");
  q = quotes("Clients complained. Their support team explained that this was part of the user agreement.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Their support team");
  q = quotes("\"It is over,\" according to a statement released by the club.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "the club");
  // ten content words are still too many for a subject
  q = quotes("\"It is late,\" the old man in the long grey coat with the red scarf by the gate of the big park "
             "said.", "en");
  for (const Q& x : q) EXPECT_TRUE(x.speaker.empty()) << x.speaker;
}

TEST(Quotes, AnAgentNounAfterTheCueSpeaks) {
  // '"…," admitted the hockey player': "the" and an agent noun name the
  // person mentioned before, not one named inside the quote
  auto q = quotes("Forward Alexander Radulov gave an interview on Monday. \"From Fedorov and Mogilny. Those were "
                  "my idols,\" admitted the hockey player.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Alexander Radulov");
  // a text speaks, and "clarify" reports
  q = quotes("\"Blasts were heard in the district\", - says the message.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "the message");
  q = quotes("Experts clarified that the drug can prevent the severe course of the disease.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "indirect");
  // an object is no agent: "revealed the details of the incident"
  for (const Q& x : quotes("The father of the baby, who was abducted in Salsk, revealed the details of the "
                           "incident.", "en"))
    EXPECT_NE(x.speaker, "the details") << x.text;
}

TEST(Quotes, ALawsNameIsATitleAndImperfectiveCuesReport) {
  // a law's name opens with О/Об, whatever its length: no speech
  auto q = quotes("Президент подписал закон «О внесении изменений в отдельные законодательные акты Российской "
                  "Федерации в части противодействия терроризму».", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "title");
  // an exclamation is no law
  for (const Q& x : quotes("«О, как я ждал этого дня!» — воскликнул Иван Петров.", "ru")) EXPECT_NE(x.kind, "title");
  // комментирует, опровергал: imperfective cues
  q = quotes("«Этот конкурс очень важен для детей, — комментирует Дмитрий Святаш. — Мы это понимаем».", "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Дмитрий Святаш");
  q = quotes("Год назад Алишер Усманов опровергал все сведения журналистов: «Ничего никому не оставлю».", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Алишер Усманов");
}

TEST(Quotes, RussianRolePhrasesAsSpeakers) {
  // a role, a genitive and one capitalised word are the speaker's phrase;
  // a quantifier opens a phrase and names no one alone
  auto mention = [](const std::string& text) {
    const skaz::Document d = analyze(text, "ru");
    return d.quotes.size() == 1 && d.quotes[0].speaker.start != skaz::no_offset
               ? std::string(d.slice(d.quotes[0].speaker))
               : std::string();
  };
  EXPECT_EQ(mention("Пресс-секретарь семьи Бушей сообщил, что экс-президент под наблюдением медиков."),
            "Пресс-секретарь семьи Бушей");
  EXPECT_EQ(mention("Несколько розничных торговых сетей объявили, что они не будут продавать этот номер."),
            "Несколько розничных торговых сетей");
  // before a full name the name speaks
  EXPECT_EQ(mention("Глава полиции района Уолтер Браун сообщил, что в здании нашли взрывчатку."), "Уолтер Браун");
}

TEST(Quotes, AListOfTitlesEndsWithATitle) {
  // the last of a list of titles holds the sentence's full stop or "!"
  auto q = quotes("More than 60 works were nominated in three categories: \"Long prose,\" \"Short prose,\" "
                  "\"Prose for children.\" Nine made the shortlist.", "en");
  ASSERT_EQ(q.size(), 3u);
  for (const Q& x : q) EXPECT_EQ(x.kind, "title") << x.text;
  q = quotes("Он снял фильмы «Мимино», «Афоня», «Кин-дза-дза!» и «Осенний марафон».", "ru");
  ASSERT_EQ(q.size(), 4u);
  for (const Q& x : q) EXPECT_EQ(x.kind, "title") << x.text;
  // two quotes with a space alone between them are no list: a name, then
  // what it was called
  q = quotes("Михаил Прохоров назвал принятый ответ на «Закон Магнитского» «абсолютно аморальным».", "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_NE(q[1].kind, "title");
}

TEST(Quotes, WikiItalicsAndQuotedNamesInASpeakersPhrase) {
  // wiki markup's '' around a quote; "возмущается" reports
  auto q = quotes("''«Нам особо приятно осознавать эти результаты»'', — прокомментировал событие Дмитрий Святаш.",
                  "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "Дмитрий Святаш");
  q = quotes("Андрей Столбунов помогает задержанным. «Суды вообще не хотят ничего слушать!» — возмущается он.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Андрей Столбунов");
  // a role, a genitive and a quoted name are the speaker; the name is a title
  const skaz::Document d =
      analyze("«Нужно только желание со стороны Думы», — заключил сопредседатель группы «Экозащита!»", "ru");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker), "сопредседатель группы «Экозащита!»");
  EXPECT_EQ(std::string(skaz::quote_kind_name(d.quotes[1].kind)), "title");
}

TEST(Quotes, RussianNewsHabits) {
  {
    // a verbal adverb after a comma is no interrupting cue: its subject is
    // the main clause's (", напомнив о том, что …")
    auto q = quotes("Папа подчеркнул универсальность церкви, напомнив о том, что это церковь всех людей.", "ru");
    ASSERT_EQ(q.size(), 1u);
    EXPECT_EQ(q[0].speaker, "Папа");
    EXPECT_EQ(q[0].text, "это церковь всех людей");
    // a time or an object after a preposition is no speaker; a partitive
    // subject and the document of an impersonal cue are
    for (const Q& x : quotes("Бывший президент был убит, подтвердила в понедельник, 4 декабря 2017 года, его партия.", "ru"))
      EXPECT_NE(x.speaker, "понедельник");
    for (const Q& x : quotes("Уэстин, занимавший пост президента, объявил об уходе в отставку, сообщает агентство.", "ru"))
      EXPECT_NE(x.speaker, "отставку");
    q = quotes("\"Это судить им не мешает\", - говорит одна из экс-гимнасток.", "ru");
    ASSERT_EQ(q.size(), 1u);
    EXPECT_EQ(q[0].speaker, "экс-гимнасток");
    q = quotes("Певец покончил с собой, говорится в сообщении на странице группы.", "ru");
    ASSERT_EQ(q.size(), 1u);
    EXPECT_NE(q[0].speaker, "");
  }
  // a two-word report before an inverted tail
  auto q = quotes("Переговоры завершились, сообщает ТАСС.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "Переговоры завершились");
  EXPECT_EQ(q[0].speaker, "ТАСС");
  // ... but a two-word adverbial is no report
  EXPECT_TRUE(quotes("In 1853, France declared the island its possession.", "en").empty());
  // a quote after a dash that opens a sentence goes on with the speech
  q = quotes("«Мы не отступим», — сказала она. — «Это наша земля».", "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].kind, "direct");
  EXPECT_EQ(q[1].speaker, "она");
  // ", и добавил, что …" ends the first report
  q = quotes("Мэр отметил, что ремонт завершён, и добавил, что школа откроется в сентябре.", "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "ремонт завершён");
  EXPECT_EQ(q[1].text, "школа откроется в сентябре");
}

TEST(Quotes, ACommaAndAGoesOnWithTheReport) {
  auto q = quotes("Старик утверждал, что ушло их сорок, а вернулось четверо.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "ушло их сорок, а вернулось четверо");
  // ... unless another source follows
  q = quotes("Министр заявил, что реформа стоила два миллиарда, а по расчетам экспертов - десять.", "ru");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].text, "реформа стоила два миллиарда");
}

TEST(Quotes, RussianWordOrder) {
  // a subject after a prepositional phrase
  auto q = quotes("В своём заявлении велогонщик подчеркнул, что допинга не было.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "велогонщик");
  // ... but "в один голос" is still how, not who (see APrepositionalPhraseIsNoSpeaker)
  // an interrupted report with a parenthesis after the speaker
  q = quotes("Поскольку прежние договорённости иллюзорны, утверждает Олег Пастухов (а они иллюзорны), "
             "необходимо найти им замену.",
             "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "Поскольку прежние договорённости иллюзорны");
  EXPECT_EQ(q[1].text, "необходимо найти им замену");
  EXPECT_EQ(q[1].speaker, "Олег Пастухов");
  // "что" after a long aside: still the report's ("сообщила «Интерфаксу», со ссылкой на …, что")
  q = quotes("Анна Волкова сообщила «Интерфаксу», со ссылкой на звонок из полиции, что против неё заведут дело.", "ru");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().text, "против неё заведут дело");
  EXPECT_EQ(q.back().speaker, "Анна Волкова");
  // ... not a relative "что" that far
  for (const Q& x : quotes("Король объявил о переименовании страны в Королевство Эсватини (Umbuso weSwatini), что означает «земля свази».", "ru"))
    EXPECT_NE(x.kind, "indirect") << x.text;
  // "призвал" names what was called for, like "призывал"
  q = quotes("Мэр призвал сделать всё, чтобы оружие не «попадало в руки преступников».", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "partial");
  EXPECT_EQ(q[0].speaker, "Мэр");
  // an adjective phrase after the speaker describes it: no second half
  q = quotes("Предложения оформятся в указы после выборов, говорит один источник, знакомый с ходом обсуждений.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "Предложения оформятся в указы после выборов");
  // a name after its long role, ending the sentence
  q = quotes("Экономика была в лучшей форме, сказал в интервью РБК старший директор группы региональных "
             "финансов агентства Владимир Редькин.",
             "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Владимир Редькин");
  // ... not an object in a prepositional phrase
  for (const Q& x : quotes("Режиссёр госпитализирован, сообщают СМИ со ссылкой на его жену Галину Юркову.", "ru"))
    EXPECT_EQ(x.speaker.find("Галин"), std::string::npos) << x.speaker;
}

TEST(Quotes, AndWithAFiniteCueIsTheSubjectsNextAct) {
  // the report ends before "and urged"; what the second cue quotes is the same speaker's
  const auto q = quotes(
      "This week the agency chief Anna Reed warned that the collapse was \"happening before our eyes\" "
      "and urged donors to stop \"the freefall\" before winter.",
      "en");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].text, "the collapse was \"happening before our eyes\"");
  EXPECT_EQ(q[2].text, "the freefall");
  EXPECT_EQ(q[2].speaker, "Anna Reed");
  // an auxiliary between the speaker and a tail cue
  const auto t = quotes("Tariffs were designed to hit farm states, Chinese and U.S. experts have said.", "en");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_NE(t[0].speaker.find("experts"), std::string::npos) << t[0].speaker;
}

TEST(Quotes, MoreReportingVerbs) {
  for (const char* v : {"резюмировал", "подытожил", "сетует", "информирует"}) {
    const auto q = quotes(std::string("Министр Иван Петров ") + v + ", что реформа будет завершена к осени.", "ru");
    ASSERT_EQ(q.size(), 1u) << v;
    EXPECT_EQ(q[0].text, "реформа будет завершена к осени") << v;
  }
  const auto q = quotes("Minister John Smith cautioned that the reform would take years.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_NE(q[0].speaker.find("John Smith"), std::string::npos) << q[0].speaker;
}

TEST(Quotes, ALowerCasePhraseInsideASentenceIsAScareQuote) {
  const auto q = quotes("Meanwhile, on Tuesday, \u00ABthe hero of the occasion\u00BB was in first place in the store.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "scare");
  EXPECT_EQ(q[0].speaker, "");
}

TEST(Quotes, MachineTranslatedRussianHabits) {
  // "По его словам, …" -> "According to him, …"
  auto q = quotes("Dmitry Peskov spoke to reporters. According to him, the talks are possible.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].rule, "according_to");
  EXPECT_EQ(q[0].text, "the talks are possible");
  // "Как отметил X, …" -> "As X noted, …"; not "As noted in the report, …"
  q = quotes("As Peskov noted, the talks are possible.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Peskov");
  for (const Q& x : quotes("The list is out. As noted in the report, 12 officers received medals.", "en"))
    EXPECT_EQ(x.speaker.find("noted"), std::string::npos) << x.speaker;
  // "Об этом сообщает X." -> "This was reported by X."
  q = quotes("Lithuania has sent guns to Ukraine. This was reported by RIA Novosti with reference to LRT radio.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "Lithuania has sent guns to Ukraine");
  EXPECT_EQ(q[0].speaker, "RIA Novosti");
  // "X said this in an interview" / "X wrote about this": the sentence before
  q = quotes("The party will pay its debts by December. Its secretary Mikhail Korb said this in an interview with ERR.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "The party will pay its debts by December");
  EXPECT_EQ(q[0].speaker, "Mikhail Korb");
  q = quotes("The bridge is closed. The mayor said this was a mistake.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "this was a mistake");
  // a name in apposition between commas after the quote
  q = quotes("\"We are not going anywhere,\" the spokesman for the Kremlin, Dmitry Peskov, told reporters.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "Dmitry Peskov");
}

TEST(Quotes, AColonAfterAQuotedWordIntroducesTheSpeech) {
  // the quoted word of the introduction is a scare quote; the speech is
  // the quote after the colon, and a naming verb introduces it
  const auto q = quotes("Тогда министр Пётр Орлов так охарактеризовал новый «курс»: «Мы идём вперёд».", "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "курс");
  EXPECT_EQ(q[0].kind, "scare");
  EXPECT_EQ(q[0].speaker, "");
  EXPECT_EQ(q[1].text, "Мы идём вперёд");
  EXPECT_EQ(q[1].kind, "direct");
  EXPECT_EQ(q[1].speaker, "Пётр Орлов");
  EXPECT_EQ(q[1].rule, "colon_cue");
}

TEST(Quotes, AsOrKakBeforeTheCueIsNoSpeaker) {
  // "…, как заявил X": X reports the clause before the comma
  auto q = quotes("Цены на хлеб вырастут к осени, как заявил министр сельского хозяйства.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "Цены на хлеб вырастут к осени");
  EXPECT_NE(q[0].speaker.find("министр"), std::string::npos) << q[0].speaker;
  q = quotes("The talks in Geneva have failed, as Reuters reported on Monday.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "The talks in Geneva have failed");
  EXPECT_EQ(q[0].speaker, "Reuters");
  // hearsay with nobody named, and "as" for "because", report nothing
  EXPECT_TRUE(quotes("В том селе, как говорили, жил старый колдун.", "ru").empty());
  EXPECT_TRUE(quotes("The service refused them entry, as the purpose they had indicated was false.", "en").empty());
  // "X believes that A, as stated by Y": one report, X's
  q = quotes("The analyst believes that the firm will not comply, as stated by its founder Ivan Orlov.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].rule, "cue_that");
}

TEST(Quotes, InterruptedQuoteIsSplit) {
  const auto q = quotes("«Это было трудно, — написал он в своём блоге. — Но мы справились».", "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "Это было трудно");
  EXPECT_EQ(q[1].text, "Но мы справились");
  EXPECT_EQ(q[0].speaker, "он");
  EXPECT_EQ(q[0].rule, "interrupted");
}

TEST(Quotes, IndirectSpeechByItsCue) {
  auto q = quotes("The minister Ivan Sokolov said that the budget would be cut next year.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].text, "the budget would be cut next year");
  EXPECT_EQ(q[0].speaker, "Ivan Sokolov");

  q = quotes("По словам эксперта Ольги Смирновой, рынок вырастет на десять процентов.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "рынок вырастет на десять процентов");
  EXPECT_EQ(q[0].rule, "according_to");

  q = quotes("The talks will resume in March, a spokesman for the ministry said.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "The talks will resume in March");
  EXPECT_EQ(q[0].rule, "cue_tail");
}

TEST(Quotes, ScareTitleAndPartial) {
  const auto q = quotes(
      "Ivan Orlov, the head of the company «Neftegaz», said that the deal was «technically "
      "impossible». Fans called the match a «miracle».",
      "en");
  bool title = false, partial = false, scare = false;
  for (const Q& x : q) {
    if (x.text == "Neftegaz") {
      title = x.kind == "title" && x.speaker.empty();
    }
    if (x.text == "technically impossible") {
      partial = x.kind == "partial" && x.speaker == "Ivan Orlov";
    }
    if (x.text == "miracle") scare = x.kind == "scare" || x.kind == "partial";
  }
  EXPECT_TRUE(title);
  EXPECT_TRUE(partial);
  EXPECT_TRUE(scare);
}

TEST(Quotes, PronounResolvesToTheLastSpeakerOfItsGender) {
  const auto q = quotes(
      "Анна Волкова заявила, что проект будет закрыт. Позже она добавила, что сотрудники "
      "получат компенсацию.",
      "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].speaker, "Анна Волкова");
}

TEST(Quotes, RolesNameTheirHoldersAndOnlyThem) {
  const auto q = quotes(
      "The head of Roskomnadzor Alexander Zharov and Internet Ombudsman Dmitry Marinichev met.\n\n"
      "\"We need new laws,\" said the Internet Ombudsman. The head of Roskomnadzor said that talks "
      "would go on. Roskomnadzor reported that the register was updated.",
      "en");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].speaker, "Dmitry Marinichev");
  EXPECT_EQ(q[1].speaker, "Alexander Zharov");
  EXPECT_EQ(q[2].speaker, "Roskomnadzor");  // the agency, not the head of it
}

TEST(Quotes, OffsetsPointIntoTheOriginalText) {
  // a soft hyphen is dropped in the analysed view; spans still fit the input
  const std::string text = "«Мы побе\u00ADдим», — сказал тренер.";
  const skaz::Document d = analyze(text, "ru");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].span), "Мы побе\u00ADдим");
  EXPECT_EQ(d.slice(d.quotes[0].cue), "сказал");
}

}  // namespace

TEST(Quotes, RussianShoutingWritingAndContinuingReportMarkedSpeech) {
  // кричал, крикнул, скандировали report the words in marks, never a clause
  auto q = quotes("По свидетельству очевидцев, судья был пьян, размахивал удостоверением и кричал: \"Я - судья!\". "
                  "Отец погибшего направил заявление.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "судья");
  EXPECT_EQ(q[0].rule, "colon_cue");
  // "…, после чего крикнул": the clause before speaks
  q = quotes("Парень поднёс к голове карабин, после чего крикнул «Ня! Пока!» и нажал на спуск.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Парень");
  q = quotes("На любительском видео, снятом с балкона, слышно, как мужчина кричит «Аллах акбар».", "ru");
  for (const Q& x : q) EXPECT_NE(x.kind, "indirect") << x.text;
  // писал as "wrote"; со слов as по словам
  q = quotes("Джон Богл основал фонд. «Выбирайте фонды с низкими издержками и осторожно относитесь к "
             "расходам», — писал инвестиционный управляющий в одном из своих бестселлеров.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "управляющий");
  EXPECT_EQ(q[0].rule, "dash_cue");
  q = quotes("Скрябин проигрывал 0:3. Со слов чемпиона, «просто в концовке поединка соперник немного подсел, а я "
             "готов чуть лучше». Сначала Скрябин провёл бросок.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "чемпиона");
  EXPECT_EQ(q[0].rule, "according_to");
  // wiki italics between the colon and the mark; an adverb opening the
  // sentence is no part of the speaker
  q = quotes("Музыканты исполняли симфонии.\nТогда маэстро отозвался об этом проекте так: ''«Это был праздник "
             "музыки не только для меня, но и для многих других»''.\n", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "маэстро");
  EXPECT_EQ(q[0].rule, "colon_cue");
  // a quote interrupted by "– продолжает X. –"
  q = quotes("«До того как Apple вышла со своим iTunes, музыкальный бизнес заключался в продаже дисков, – "
             "продолжает Тэплин. – Сегодня такие магазины даже найти не так-то просто»", "ru");
  ASSERT_EQ(q.size(), 2u);
  for (const Q& x : q) EXPECT_EQ(x.speaker, "Тэплин") << x.text;
  // a relative clause after the comma holds no tail cue
  q = quotes("Третьим кандидатом стала бразильянка Марта, которую постоянно признавали сильнейшей.", "ru");
  EXPECT_TRUE(q.empty());
}

TEST(Quotes, ANounWithAReducedRelativeClauseIsNoTail) {
  // "…, a charge China denies": the clause is no report of China's
  auto q = quotes("The president referred to the paid supplement in the newspaper after accusing China of "
                  "meddling in the elections, a charge China denies. The ambassador agreed.", "en");
  for (const Q& x : q) EXPECT_NE(x.rule, "cue_tail") << x.text << " / " << x.speaker;
  // a role after the article speaks: "…, a senior U.S. official said"
  q = quotes("Officials have reached an understanding with Germany about the pipeline, a senior U.S. "
             "congressional official said on Tuesday.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].rule, "cue_tail");
}

TEST(Quotes, AnIndirectClauseEndsBeforeAQuoteAttributedOnItsOwn) {
  // a headline glued to its article: the report ends before the quote
  // that opens the article; after a colon the quote goes on with it
  auto q = quotes("Trump says Kavanaugh suffered the anger of the Democratic Party \"A vote for Judge Kavanaugh is a "
                  "vote to reject the tactics of the Democratic Party,\" Trump said at a rally.", "en");
  bool indirect = false;
  for (const Q& x : q) {
    if (x.kind != "indirect") continue;
    indirect = true;
    EXPECT_EQ(x.text, "Kavanaugh suffered the anger of the Democratic Party");
  }
  EXPECT_TRUE(indirect);
}

TEST(Quotes, NoSpeakerInsideTheClauseAfterACue) {
  // '"…," says he is unfit to serve under X': the pronoun opens what is
  // said, and no one named in that clause speaks
  auto q = quotes("Nancy Pelosi calls Brett Kavanaugh \"hysterical,\" says he is unfit to serve under Chief Justice "
                  "John Roberts.", "en");
  ASSERT_FALSE(q.empty());
  for (const Q& x : q) EXPECT_EQ(x.speaker, "Nancy Pelosi") << x.text;
  q = quotes("Pelosi was angry. \"It was a shameful day,\" says she will not work with Senator Mark Warner again.",
             "en");
  for (const Q& x : q) EXPECT_NE(x.speaker, "Mark Warner") << x.text;
}

TEST(Quotes, ANameInQuotesOpeningTheSubjectSpeaks) {
  // «Газпром» заявил, что …: the quoted name is the subject
  auto q = quotes("«Газпром» заявил, что поставки газа будут продолжены в полном объёме.", "ru");
  bool found = false;
  for (const Q& x : q) {
    if (x.kind != "indirect") continue;
    found = true;
    EXPECT_EQ(x.speaker, "Газпром");
  }
  EXPECT_TRUE(found);
  // not an object before the cue: "группировкой «Исламский джихад»", "В
  // «Удмуртавтодоре»"
  q = quotes("Масс-медиа, контролируемые группировкой «Исламский джихад», заявляют, что это только начало.", "ru");
  for (const Q& x : q) EXPECT_NE(x.speaker, "Исламский джихад") << x.text;
  q = quotes("В «Удмуртавтодоре» сообщили, что ремонт дороги завершён.", "ru");
  for (const Q& x : q) EXPECT_NE(x.speaker, "Удмуртавтодоре") << x.text;
}

TEST(Quotes, AQuoteWithItsOwnCueIsNoReportOfTheSourceAfterIt) {
  // '"…," he added, according to Reuters': his quote, which Reuters relays
  auto q = quotes("The coach was calm. \"We will win,\" he added, according to Reuters.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  // without a cue of its own the clause is the source's report
  q = quotes("The talks will continue on Wednesday, according to Reuters.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Reuters");
}

TEST(Quotes, AsReportedByX) {
  // "As reported by X, …": machine translation of "как сообщает X"
  auto q = quotes("As reported by RIA Novosti, the talks will continue on Wednesday.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "RIA Novosti");
  EXPECT_EQ(q[0].rule, "as_cue");
  EXPECT_EQ(q[0].text, "the talks will continue on Wednesday");
  // a name in apposition after the role
  q = quotes("As clarified by the head of the law firm, Alexander Dobrovinsky, the construction left no chance "
             "to go fishing.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Alexander Dobrovinsky");
  EXPECT_EQ(q[0].text, "the construction left no chance to go fishing");
}

TEST(Quotes, AnInvertedSourceWithReferenceToAnother) {
  // "…, reports X with reference to Y" (machine translation of "сообщает X
  // со ссылкой на Y"): X reports; a verb's "to" after the cue still opens
  // a clause
  auto q = quotes("At the same time, rent has become more expensive by 25%, reports the Patrol of St. Petersburg "
                  "with reference to RBC.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].rule, "cue_tail");
  EXPECT_EQ(q[0].text, "At the same time, rent has become more expensive by 25%");
  q = quotes("The talks were postponed, said its experts would arrive to help.", "en");
  EXPECT_TRUE(q.empty());
}

TEST(Quotes, ANameInQuotesRightAfterTheCueSpeaksUnlessADative) {
  // сообщает «Интерфакс», пишет «Коммерсантъ», по информации «Интерфакса»
  auto q = quotes("Пожар был потушен к утру. Об этом сообщает «Интерфакс» со ссылкой на источник.", "ru");
  bool found = false;
  for (const Q& x : q) {
    if (x.kind != "indirect") continue;
    found = true;
    EXPECT_EQ(x.speaker, "Интерфакс");
  }
  EXPECT_TRUE(found);
  q = quotes("Переговоры отложены до среды, пишет «Коммерсантъ».", "ru");
  found = false;
  for (const Q& x : q)
    if (x.kind == "indirect" && x.speaker == "Коммерсантъ") found = true;
  EXPECT_TRUE(found);
  q = quotes("По информации «Интерфакса», министр подал в отставку.", "ru");
  found = false;
  for (const Q& x : q)
    if (x.kind == "indirect" && x.speaker == "Интерфакса") found = true;
  EXPECT_TRUE(found);
  // whom it was told, and the first phrase of a clause, are no speakers
  q = quotes("Источник сообщил «Интерфаксу», что министр подал в отставку.", "ru");
  for (const Q& x : q) EXPECT_NE(x.speaker, "Интерфаксу") << x.text;
  q = quotes("Alexander Ovechkin: \"Washington\" missed hockey and goes to Toronto with joy Washington forward "
             "Alexander Ovechkin admitted that he is looking forward to the season.", "en");
  for (const Q& x : q) EXPECT_NE(x.speaker, "Washington") << x.text;
}

TEST(Quotes, ARussianRoleHeadsOneGenitive) {
  // "глава государства", "министр обороны": the role and its genitive
  auto q = quotes("Страна готова к переговорам. Об этом заявил глава государства в ходе встречи.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "глава государства");
  // no dative, no nominative after a witness, no adverb after a government
  q = quotes("По словам очевидцев пешеходы стояли возле остановки, когда на тротуар вылетел автомобиль.", "ru");
  for (const Q& x : q) EXPECT_NE(x.speaker, "очевидцев пешеходы") << x.text;
  // "после" is no form of "посол"
  q = quotes("«Я счастлив», — сказал спортсмен после финиша.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "спортсмен");
}

// Inside a sentence a capitalised reporting word is part of a name: "the
// United States" holds no speaker "the United" and no cue "States"
// (news_en_mt had 76 quotes on the cues State and States).
TEST(Quotes, ACapitalisedCueInsideASentenceIsAName) {
  EXPECT_TRUE(quotes("Numerous funeral events are held in the United States these days in memory of him.", "en").empty());
  auto q = quotes("Moscow noted that it is the Ukrainian authorities, NATO and the United States that are "
                  "increasing military activity near the Russian borders.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Moscow");
  EXPECT_EQ(q[0].text, "it is the Ukrainian authorities, NATO and the United States that are increasing military "
                       "activity near the Russian borders");
  q = quotes("Representatives of the Democratic Party of the United States believe that the funds are "
             "insufficient.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Representatives of the Democratic Party of the United States");
  q = quotes("The dismissal followed that of former Secretary of State Rex Tillerson, the paper said.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "The dismissal followed that of former Secretary of State Rex Tillerson");
}

// "Об этом …" reports the sentence before, with dates, places, a subject or
// an addressee before the cue, and across a paragraph break.
TEST(Quotes, AboutThisWithWordsBeforeTheCue) {
  struct Case {
    const char* text;
    const char* speaker;
  };
  for (const Case& c : {
           Case{"Выставка открылась в Манеже. Об этом 11 апреля сообщила пресс-служба музея.", "пресс-служба"},
           Case{"Лидер движения арестован. Об этом во вторник, 20 августа 2013 года, сообщили государственные СМИ.",
                "СМИ"},
           Case{"Премьер сдал положительный тест. Об этом он заявил в Twitter.", "он"},
           Case{"Кандидат отказался от гражданства. Об этом он сам сообщил журналистам.", "он"},
           Case{"Шоу дебютирует на Бродвее. Об этом агентству Reuters сообщил продюсер Скотт Рудин.",
                "Скотт Рудин"},
           Case{"Эмма Морано скончалась в субботу.\n\nОб этом сообщает её врач Карло Бава.", "Карло"},
       }) {
    auto q = quotes(c.text, "ru");
    ASSERT_EQ(q.size(), 1u) << c.text;
    EXPECT_EQ(q[0].rule, "about_this") << c.text;
    EXPECT_NE(q[0].speaker.find(c.speaker), std::string::npos) << c.text << ": " << q[0].speaker;
    EXPECT_EQ(q[0].text.substr(0, 12), std::string(c.text).substr(0, 12)) << c.text;
  }
  // a sentence that reports on its own keeps its speaker alone
  auto q = quotes("Полиция сообщила, что нашла бутылку. Об этом сообщило управление полиции.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "нашла бутылку");
  EXPECT_EQ(q[0].speaker, "Полиция");
}

// A clause that only names a source is no tail report.
TEST(Quotes, ASourceClauseIsNoTailReport) {
  auto q = quotes("A new case of bird flu is recorded in China. This was reported by the RTHK radio station, citing "
                  "a notification of the health authorities, TASS reports.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].rule, "about_this");
  EXPECT_EQ(q[0].text, "A new case of bird flu is recorded in China");
  q = quotes("Eight people were arrested in Turkey. As Armenpress reports, this is reported by Haberturk.", "en");
  for (const Q& x : q) EXPECT_NE(x.rule, "cue_tail") << x.text;
}

// An organisation after a role is where the role is held, not the speaker;
// after a kind of organisation it is the speaker.
TEST(Quotes, AnOrganisationAfterARoleIsNoSpeaker) {
  auto d = analyze("Закон вступит в силу в январе, сказал президент РФ. Рынок вырастет, сообщило агентство ТАСС.", "ru");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(std::string(d.slice(d.quotes[0].speaker)), "президент РФ");
  // the speaker is the role (an entity of its own), not the country
  ASSERT_GE(d.quotes[0].speaker_entity, 0);
  EXPECT_EQ(d.entities[static_cast<std::size_t>(d.quotes[0].speaker_entity)].type, skaz::entity_type::role);
  EXPECT_EQ(d.entities[static_cast<std::size_t>(d.quotes[0].speaker_entity)].name, "президент РФ");
  ASSERT_GE(d.quotes[1].speaker_entity, 0);
  EXPECT_EQ(d.entities[static_cast<std::size_t>(d.quotes[1].speaker_entity)].name, "ТАСС");
  // a place in the genitive after a role and its genitive is where it is held
  d = analyze("Собор останется музеем, заявил пресс-секретарь губернатора Санкт-Петербурга. Туристы приедут в "
              "Санкт-Петербург.", "ru");
  ASSERT_GE(d.quotes.size(), 1u);
  EXPECT_EQ(std::string(d.slice(d.quotes[0].speaker)), "пресс-секретарь губернатора Санкт-Петербурга");
  EXPECT_LT(d.quotes[0].speaker_entity, 0);
}

// A report's clause ends where another report's attribution follows the
// comma inside the closing mark, and keeps its marks balanced.
TEST(Quotes, AClauseEndsAtACommaInsideTheMarks) {
  auto q = quotes("Kiev expects help. Ukraine expects that Germany \"will be a partner in the technical sense,\" the "
                  "president added.", "en");
  bool found = false;
  for (const Q& x : q) {
    if (x.rule != "cue_that") continue;
    found = true;
    EXPECT_EQ(x.text, "Germany \"will be a partner in the technical sense,\"");
    EXPECT_EQ(x.speaker, "Ukraine");
  }
  EXPECT_TRUE(found);
}

// A law's name after its noun is a title, even before a cue; ", однако X
// подтвердили …" opens a clause of its own and reports nothing before it.
TEST(Quotes, ALawsNameAndAClauseAfterHowever) {
  auto q = quotes("Госдума внесла изменения в статью Федерального закона «О государственном регулировании оборота "
                  "алкоголя», сообщает РБК.", "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].speaker, "РБК");
  EXPECT_EQ(q[1].kind, "title");
  EXPECT_TRUE(q[1].speaker.empty());
  // a work's name after its noun, whatever it holds
  q = quotes("Nasrallah promised revenge. Read more in the Kommersant article \"Israel is waiting for Hezbollah's "
             "revenge.\"", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "title");
  q = quotes("Главный приз получил фильм «Куда ты идёшь, Аида?», сообщает агентство.", "ru");
  for (const Q& x : q)
    if (x.text == "Куда ты идёшь, Аида?") EXPECT_EQ(x.kind, "title");
  q = quotes("Наблюдатели опасались, что голосование сорвётся, однако военные власти в четверг подтвердили "
             "проведение голосования.", "ru");
  for (const Q& x : q) EXPECT_NE(x.rule, "cue_tail") << x.text;
}

// A relative clause between commas names nobody, also with an adverb after
// it before the cue.
TEST(Quotes, ARelativeClauseBeforeAnAdverbNamesNobody) {
  auto d = analyze("Конституционный совет Туниса, где произошел переворот, официально подтвердил, что выборы пройдут "
                   "в марте.", "ru");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(std::string(d.slice(d.quotes[0].speaker)), "Конституционный совет Туниса");
  d = analyze("The court, which heard the case, officially confirmed that the vote would go ahead.", "en");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(std::string(d.slice(d.quotes[0].speaker)), "The court");
}

// The narrator's aside and a passive cue without its agent report nothing.
TEST(Quotes, AnAsideOrAnAgentlessPassiveReportsNothing) {
  EXPECT_TRUE(quotes("Before the forecast for July 27 - August 2, it is worth noting that the air cooled to 8 degrees.",
                     "en").empty());
  EXPECT_TRUE(quotes("Зима выдалась тёплой. Стоит отметить, что снег выпал только в феврале.", "ru").empty());
  EXPECT_TRUE(quotes("On February 10, an air alarm was announced twice throughout Ukraine.", "en").empty());
  // an infinitive reports nothing either
  EXPECT_TRUE(quotes("The place of residence does not matter, the main thing is to write in Russian.", "en").empty());
  EXPECT_TRUE(quotes("Now the State Court will have to say its word.", "en").empty());
  auto q = quotes("Wagner has been in Libya since 2019, is noted in a Bloomberg article.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "Wagner has been in Libya since 2019");
}

// A name in the genitive after the people who belong to it: the critics,
// the lawyers, the mother speak, not the one named.
TEST(Quotes, TheKinOfANamedPersonSpeak) {
  auto d = analyze("Ильхам Алиев победил на выборах. Критики Алиева заявили, что выборы прошли с нарушениями.", "ru");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(std::string(d.slice(d.quotes[0].speaker)), "Критики Алиева");
  EXPECT_LT(d.quotes[0].speaker_entity, 0);
  // (also at the very start of the text)
  d = analyze("Сын Алиева заявил, что выборы пройдут честно.", "ru");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(std::string(d.slice(d.quotes[0].speaker)), "Сын Алиева");
  EXPECT_LT(d.quotes[0].speaker_entity, 0);
  d = analyze("Майкл Джексон умер в 2009 году. По словам матери Майкла Джексона, он много работал.", "ru");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_LT(d.quotes[0].speaker_entity, 0);
  // a name in the nominative after one stays: "Отец Иван" is no father of Ivan
  d = analyze("Иван Петров служит в храме. Отец Иван Петров заявил, что храм откроют.", "ru");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_GE(d.quotes[0].speaker_entity, 0);
}

// A medium's name in quotes is a title; "maintain" reports a clause only,
// and "a call" is a noun.
TEST(Quotes, MediaNamesAndWordsThatReportNothingHere) {
  auto q = quotes("Peskov claims that prices will fall, he said on the air of the TV channel \"Russia 1.\"", "en");
  bool title = false;
  for (const auto& x : q) title = title || (x.text == "Russia 1." && x.kind == "title");
  EXPECT_TRUE(title);
  // "states" after a quantifier is the noun, also at the end of a sentence
  q = quotes("The agency reports that the team seeks support from Iowa, South Carolina and other states.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "The agency");
  EXPECT_EQ(q[0].text, "the team seeks support from Iowa, South Carolina and other states");
  q = quotes("The diplomat is sure that Germany will maintain the same \"illogical\" position.", "en");
  for (const auto& x : q) EXPECT_NE(x.speaker, "Germany") << x.text;
  q = quotes("In one of the Tyumen publics there was a call to take part in the action \"Buy from your grandmother.\"",
             "en");
  for (const auto& x : q) EXPECT_TRUE(x.speaker.empty()) << x.text << " by " << x.speaker;
}

// A source relaying another, the editors' "we", a reporting noun a few words
// before the verb and a role's "to".
TEST(Quotes, RelayedSourcesEditorsAndRolePhrases) {
  auto q = quotes("The launch was shifted. According to REGNUM, according to Roscosmos, the defective parts were made "
                  "in Chelyabinsk.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Roscosmos");
  EXPECT_EQ(q[0].text, "the defective parts were made in Chelyabinsk");
  EXPECT_TRUE(quotes("The boy was found. We recall that a newborn was abducted on Saturday from a hospital.", "en").empty());
  q = quotes("\"We are pleased to announce that 106 Russians returned home,\" TASS quoted the report as saying.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].rule, "quoted_as");
  q = quotes("\"We will win the election in November,\" an adviser to the president said.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "an adviser to the president");
}

// An "as" clause's speaker follows its cue; "&" joins a name; after a
// relative word only its clause is reported.
TEST(Quotes, AsClausesAmpersandsAndRelativeClauses) {
  auto q = quotes("Всего в ней четыре комнаты. Как отметили в агентстве Strutt & Parker, квартира доступна для "
                  "аренды, однако апартаменты, по информации риэлторов, нуждаются в «капитальном ремонте».", "ru");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "агентстве Strutt & Parker");
  EXPECT_EQ(q[1].kind, "partial");
  EXPECT_EQ(q[1].speaker, "агентстве Strutt & Parker");
  q = quotes("Римкус намерен противостоять политике христианских демократов, которые, по мнению СдПГ, стоят на "
             "защите крупного капитала.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "стоят на защите крупного капитала");
}

// After an inverted cue, a role and then a longer role in apposition that
// ends with the name: the name speaks.
TEST(Quotes, TheNameAfterARolesApposition) {
  auto q = quotes("The chances remain, but the limit is already close, agrees the chief analyst of Rosbank, Evgeny "
                  "Koshelev.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Evgeny Koshelev");
  q = quotes("Законопроект призван укрепить престиж военной службы, пояснил автор законопроекта, первый зампред "
             "думского комитета по обороне Андрей Красов («Единая Россия»).", "ru");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Андрей Красов");
  // a partial quote ending the clause speaks with the clause's speaker
  q = quotes("Законопроект призван «укрепить престиж военной службы», пояснил автор законопроекта, первый "
             "зампред думского комитета по обороне Андрей Красов («Единая Россия»).", "ru");
  for (const Q& x : q)
    if (x.kind == "partial") EXPECT_EQ(x.speaker, "Андрей Красов") << x.text;
}

// A cue inside a relative clause with its own subject: that subject named
// it; a passive naming names no one.
TEST(Quotes, NamingInsideARelativeClauseAndPassiveNaming) {
  auto q = quotes("Denisenko described two options. The first option, which Denisenko called a \"perfect storm,\" "
                  "assumes that Ukraine will cease to exist.", "en");
  bool partial = false;
  for (const Q& x : q)
    if (x.kind == "partial") {
      partial = true;
      EXPECT_EQ(x.speaker, "Denisenko");
    }
  EXPECT_TRUE(partial);
  q = quotes("Patronymics were rare then. We were called \"the son of so-and-so\" in the village.", "en");
  for (const Q& x : q) EXPECT_TRUE(x.speaker.empty()) << x.text << ": " << x.speaker;
}

// A pronoun after a report is its speaker's, not a person the report talks
// about.
TEST(Quotes, APronounAfterAReportIsItsSpeakers) {
  auto d = analyze("Бегун Сергей Иванов покинул сборную. Валентин Балахничев сообщил журналистам, что информации о "
                   "местонахождении Сергея Иванова у него нет. «К нам никаких просьб от него не поступало», — "
                   "отметил он.", "ru");
  ASSERT_EQ(d.quotes.size(), 2u);
  ASSERT_GE(d.quotes[1].speaker_entity, 0);
  EXPECT_EQ(d.entities[static_cast<std::size_t>(d.quotes[1].speaker_entity)].name, "Валентин Балахничев");
}

// "According to X, <role of Y>, …": the apposition is the source's, the
// report starts after it; a clause after the comma is no apposition.
TEST(Quotes, AnAppositionAfterAccordingTo) {
  auto q = quotes("Izvestia writes about this. According to Zaur Abutalimov, director of products at Ivideon, the main "
                  "danger is deepfakes.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "the main danger is deepfakes");
  // a connective before the source is no half of the report
  q = quotes("Many migrants end up between two border posts. That is why, according to the police, increased control "
             "is required.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "increased control is required");
  q = quotes("The case was lost. According to the lawyer, the court was presented with documents, design projects, "
             "which confirmed the legality of the pier.", "en");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].rule, "according_to");
  EXPECT_EQ(q[0].text.substr(0, 9), "the court");
}

// "X, winner of Y, said": a noun and "of" in apposition; a passive cue
// before a partial quote names no speaker.
TEST(Quotes, AnOfAppositionAndAPassivePartial) {
  auto q = quotes("The decision was planned. Alexander Filippenko, winner of the State Prize of the Russian "
                  "Federation, said that the decision was planned.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Alexander Filippenko");
  q = quotes("An actor of the series \"Chiki\", the creators of which were accused of \"propaganda of feminism\", "
             "responded to the claims.", "en");
  for (const Q& x : q) EXPECT_TRUE(x.speaker.empty()) << x.text << ": " << x.speaker;
}

// A date alone is no reported clause; a cue with a language after it is
// no report.
TEST(Quotes, ADateOrALanguageIsNoReport) {
  EXPECT_TRUE(quotes("Выставка открылась. В субботу, 6 октября 2018 года, художник Александр Шилов отметил свой "
                     "юбилей.", "ru").empty());
  EXPECT_TRUE(quotes("Анна рисует. Элвис спокойный, добрый, хорошо говорит по-русски.", "ru").empty());
}

// A pronoun in a later sentence goes to the earlier sentence's subject, the
// first person of its gender there; a clause after a connective is no tail
// report.
TEST(Quotes, APronounToThePreviousSubjectAndConnectives) {
  auto d = analyze("Ex-deputy Vadim Denisenko listed four options for President Vladimir Zelensky. In his opinion, "
                   "the head of state may be left without support.", "en");
  ASSERT_EQ(d.quotes.size(), 1u);
  ASSERT_GE(d.quotes[0].speaker_entity, 0);
  EXPECT_EQ(d.entities[static_cast<std::size_t>(d.quotes[0].speaker_entity)].name, "Vadim Denisenko");
  auto q = quotes("Alexander Filippenko said that the decision was planned, in addition, everyone agreed in advance "
                  "with the management.", "en");
  for (const Q& x : q) EXPECT_NE(x.rule, "cue_tail") << x.text;
}

// Review fixes: "по-видимому" is no language; a law-name check reads a short
// window before the mark, so a long sentence of «О …» quotes stays linear
// (checked here for the result only; timing is for the benchmarks).
TEST(Quotes, ReviewFixesLanguageAdverbAndLawWindow) {
  auto q = quotes("Переговоры прошли успешно, говорит по-видимому министр.", "ru");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "министр");
  EXPECT_EQ(quotes("Президент подписал закон «О полиции».", "ru").front().kind, "title");
}

// A role in another case names its holder ("По словам президента России" is
// Putin's), unless it is the complement of another noun ("по данным
// администрации главы Чувашии": the administration's).
TEST(Quotes, ARoleInTheGenitiveNamesItsHolderUnlessItIsAComplement) {
  auto d = analyze(
      "Президент России Владимир Путин прибыл в Минск. По словам президента России, переговоры будут трудными.",
      "ru");
  ASSERT_EQ(d.quotes.size(), 1u);
  ASSERT_GE(d.quotes[0].speaker_entity, 0);
  EXPECT_EQ(d.entities[static_cast<std::size_t>(d.quotes[0].speaker_entity)].name, "Владимир Путин");
  d = analyze(
      "Глава Чувашии Михаил Игнатьев наградил спортсменов. Всего, по данным администрации главы Чувашии, "
      "награждены 105 человек.",
      "ru");
  ASSERT_EQ(d.quotes.size(), 1u);
  if (d.quotes[0].speaker_entity >= 0)
    EXPECT_NE(d.entities[static_cast<std::size_t>(d.quotes[0].speaker_entity)].name, "Михаил Игнатьев");
}

// The quote stage's first half (QuoteScan) works in its thread's buffers; a
// second scan alive on the same thread works in its own, and each gives the
// quotes of its own text.
#include "quotes_impl.hpp"

// A speaker phrase that holds two entities' mentions from one place ("the
// Russian leader": the role entity Russian leader and Russian) is the
// longer one's, whatever the number of mentions in the document (the
// order of mentions at one start was a comparison sort's, unspecified).
TEST(Quotes, ASpeakerIsTheLongerOfTwoMentionsAtOnePlace) {
  for (int extra = 0; extra < 12; ++extra) {
    std::string text = "Moscow and Russian ships sailed on Monday.";
    for (int i = 0; i < extra; ++i) text += " Anna Petrova met Ivan Sokolov in Kazan.";
    text += " The Russian leader said that the fleet is growing fast this year.";
    const auto q = quotes(text, "en");
    ASSERT_EQ(q.size(), 1u) << extra;
    EXPECT_EQ(q[0].speaker, "Russian leader") << extra;
  }
}

TEST(Quotes, TwoScansAliveOnOneThread) {
  const std::string a = "«Мы не торопимся», — сказал Денис Кусков. Он добавил, что решения нет.";
  const std::string b = "\"We will not hurry,\" said Anna Smith. She added that there was no decision.";
  auto quotes_of = [](const std::string& t, skaz::detail::QuoteScan& scan, const std::vector<skaz::Span>& sents) {
    std::vector<skaz::Quote> q;
    skaz::detail::find_quotes(scan, sents, {}, q);
    std::string s;
    for (const skaz::Quote& x : q) s += t.substr(x.span.start, x.span.end - x.span.start) + "|" + x.rule + "\n";
    return s;
  };
  const std::vector<skaz::Span> za{{0, static_cast<std::uint32_t>(a.size()), 0, 0}};
  const std::vector<skaz::Span> zb{{0, static_cast<std::uint32_t>(b.size()), 0, 0}};
  std::string alone_a, alone_b;
  {
    skaz::detail::QuoteScan s(a, za);
    alone_a = quotes_of(a, s, za);
  }
  {
    skaz::detail::QuoteScan s(b, zb);
    alone_b = quotes_of(b, s, zb);
  }
  ASSERT_NE(alone_a.find("Мы не торопимся"), std::string::npos) << alone_a;
  ASSERT_NE(alone_b.find("We will not hurry"), std::string::npos) << alone_b;
  skaz::detail::QuoteScan sa(a, za);
  skaz::detail::QuoteScan sb(b, zb);  // (while sa is alive)
  EXPECT_EQ(quotes_of(b, sb, zb), alone_b);
  EXPECT_EQ(quotes_of(a, sa, za), alone_a);
}

TEST(Quotes, EveryWordThatOpensAReportPassesTheSentenceFilter) {
  // indirect() reads only the sentences holding a word that may open a
  // report: each kind of opener, alone in its sentence, still gives the
  // report (after a sentence with none, which gives nothing)
  const struct {
    const char* text;
    const char* lang;
    const char* report;
  } cases[] = {
      {"Ivan Petrov spoke on Monday. In his opinion, the reform will fail.", "en", "the reform will fail"},
      {"Ivan Petrov spoke on Monday. According to Ivan Petrov, the reform will fail.", "en", "the reform will fail"},
      {"Ivan Petrov spoke on Monday. Petrov's statement that the reform will fail was ignored.", "en",
       "the reform will fail"},
      {"Ivan Petrov spoke on Monday. A warning from Ivan Petrov that the reform will fail was ignored.", "en",
       "the reform will fail"},
      {"Ivan Petrov spoke on Monday. Ivan Petrov said that the reform will fail.", "en", "the reform will fail"},
      {"Иван Петров выступил в понедельник. По его словам, реформа провалится.", "ru", "реформа провалится"},
      {"Иван Петров выступил в понедельник. По словам Ивана Петрова, реформа провалится.", "ru",
       "реформа провалится"},
      {"Иван Петров выступил в понедельник. Со слов Ивана Петрова, реформа провалится.", "ru",
       "реформа провалится"},
  };
  for (const auto& c : cases) {
    bool found = false;
    for (const Q& q : quotes(c.text, c.lang)) {
      EXPECT_EQ(q.text.find("выступил"), std::string::npos) << c.text;
      EXPECT_EQ(q.text.find("spoke"), std::string::npos) << c.text;
      found = found || (q.kind == "indirect" && q.text.find(c.report) != std::string::npos);
    }
    EXPECT_TRUE(found) << c.text;
  }
}
