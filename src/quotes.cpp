// Quotes: who said what. A sieve of named rules over the body sentences.
//
//   1. Marked quotes with their attribution next to them: after the closing
//      mark (`«…», — сказал X.`, `"…," said X`, `"…" she said`), before the
//      opening mark (`X said: "…"`, `X: «…»`, `X said "…"`), or inside
//      (`«A, — написал он. — B»`, split into two quotes).
//   2. Indirect speech by its cue: `X said (that) …`, `X заявил, что …`,
//      `…, X said.`, `…, — сказал X.`, `according to X, …`, `по словам X, …`,
//      `In his opinion, …`, `как сообщил X, …`, `Об этом заявил X` (the
//      sentence before), `…, saying …`.
//   3. The other marked quotes: titles and names (capitalised and short:
//      «Vkontakte», «Газпром»), partial quotes inside reported speech or next
//      to a cue (calling it «technically impossible»), scare quotes (short,
//      no cue), and direct quotes whose speaker carries over from the quote
//      before.
//   4. Speakers: the noun phrase next to the cue (pronoun, person mention,
//      capitalised run, role noun), linked to an entity by its mention, by a
//      role ("the head of Roskomnadzor"), or for a pronoun by the last
//      speaker or person of the same gender before it.
#include <algorithm>
#include <array>
#include <cassert>
#include <cstring>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <unordered_map>

#include "chars_inline.hpp"
#include "quotes_impl.hpp"
#include "segment_impl.hpp"
#include "string_table.hpp"
#include "skaz/names.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

namespace {

// ------------------------------------------------------------- lexicons

// Cue flags.
enum : std::uint16_t {
  kSpeech = 1,     // heads reported speech: X said (that) ..., ..., X said
  kNaming = 2,     // only next to a partial quote: called it «...»
  kColon = 4,      // only before a colon: placards reading: "..."
  kPart = 8,       // participle: ..., saying (that) ...
  kBare = 16,      // may take a clause without "that": police said he ...
  kImpersonal = 32,  // сообщается, отмечается: the speaker is after it
  kThatOnly = 512,   // a cue only before "что" (выразил убеждение, что)
  kMarked = 1024,    // a cue of marked speech only (кричал: «…»), never of a clause
  kMale = 64, kFemale = 128, kPlural = 256,
};

// Pronoun codes.
enum : std::uint8_t { p_none = 0, p_he, p_she, p_they, p_it, p_self };

struct Lex {
  std::uint16_t cue = 0;
  std::uint8_t pron = 0;
  bool pron_poss = false;
  bool role = false;
  bool stop = false;     // ends a noun phrase (that, который, ...)
  bool conj = false;     // and, but, и, а, но
  bool adverb = false;   // skipped between a speaker and a cue (also, later)
  bool clause = false;   // may open a clause after a bare cue (he, the, ...)
};

struct RuStem {
  const char* stem;
  const char* endings;  // space-separated, "_" is the empty ending
  std::uint16_t flags;
};

class Lexicon {
 public:
  Lexicon() {
    // English reporting verbs: every form that reports speech or opinion.
    add_words(
        "say says said tell tells told write writes wrote written add adds added state states "
        "stated explain explains explained believe believes believed accuse accuses accused note "
        "notes noted report reports reported claim claims claimed announce announces announced "
        "warn warns warned insist insists insisted argue argues argued stress stresses stressed "
        "emphasize emphasizes emphasized emphasise emphasised recall recalls recalled confirm "
        "confirms confirmed deny denies denied admit admits admitted suggest suggests suggested "
        "reply replies replied respond responds responded acknowledge acknowledges acknowledged "
        "answer answers answered "
        "think thinks thought feel feels felt predict predicts predicted promise promises promised "
        "declare declares declared comment comments commented tweet tweets tweeted urge urges urged "
        "complain complains complained conclude concludes concluded remark remarks remarked mention "
        "mentions mentioned assure assures assured agree agrees agreed hope hopes hoped expect "
        "expects expected vow vows vowed pledge pledges pledged concede concedes conceded indicate "
        "indicates indicated observe observes observed reiterate reiterates reiterated recount "
        "recounts recounted estimate estimates estimated assert asserts asserted allege alleges "
        "alleged testify testifies testified maintain maintains maintained contend contends "
        "contended disclose discloses disclosed reveal reveals revealed ask asks asked wonder "
        "wonders wondered shout shouts shouted cry cries cried whisper whispers whispered joke "
        "joked quip quipped boast boasted point points pointed explain stressed writes "
        "caution cautions cautioned specify specifies specified clarify clarifies clarified jokes "
        "quips boasts",
        kSpeech);
    add_words(
        "say says said believes believed believe think thinks thought feels felt argues argued claims claimed notes "
        "noted reported reports added adds warned warns insisted insists estimated estimates "
        "predicted predicts stated states confirmed confirms admitted admits wrote writes",
        kBare);
    add_words("saying adding noting stating explaining arguing warning claiming insisting telling "
              "writing asking suggesting",
              kSpeech | kPart);
    add_words(
        "call calls called calling describe describes described describing dub dubs dubbed label "
        "labels labelled labeled brand brands branded term terms termed thank thanks thanked "
        "praise praises praised condemn condemns condemned criticize criticizes criticized "
        "criticise criticised slam slams slammed hail hails hailed",
        kNaming);
    add_words("reading read reads chanting chanted titled entitled headlined", kColon);

    static const RuStem ru[] = {
        {"сказа", "л ла ли ло в", kSpeech},
        {"говори", "л ла ли ло", kSpeech},
        {"говор", "ит ят", kSpeech},
        {"заяви", "л ла ли ло в вший вшая вшие", kSpeech},
        {"заявля", "ет ют л ла ли ется", kSpeech},
        {"отмети", "л ла ли ло в вший вшая вшие", kSpeech},
        {"отмеча", "ет ют л ла ли ется", kSpeech},
        {"подчеркну", "л ла ли ло в вший", kSpeech},
        {"подчеркива", "ет ют л ла ли ется", kSpeech},
        {"поясни", "л ла ли ло в вший", kSpeech},
        {"поясня", "ет ют л ла ли ется", kSpeech},
        {"написа", "л ла ли ло в вший", kSpeech},
        {"пиш", "ет ут", kSpeech},
        {"писа", "л ла ли", kSpeech},  // as "wrote": «…», — писал X
        {"счита", "ет ют л ла ли ло ющий", kSpeech},
        {"сообщи", "л ла ли ло в вший вшая вшие", kSpeech},
        {"сообща", "ет ют л ла ли ется лось", kSpeech},
        {"рассказа", "л ла ли ло в вший", kSpeech},
        {"рассказыва", "ет ют л ла ли", kSpeech},
        {"добави", "л ла ли ло в вший", kSpeech},
        {"добавля", "ет ют л ла ли ется", kSpeech},
        {"призна", "л ла ли ло лся лась лись в", kSpeech},
        {"признаё", "т тся", kSpeech},
        {"признае", "т тся", kSpeech},
        {"уточни", "л ла ли ло в", kSpeech},
        {"уточня", "ет ют ется", kSpeech},
        {"объясни", "л ла ли ло в", kSpeech},
        {"объясня", "ет ют л ла ли ется", kSpeech},
        {"указа", "л ла ли ло в", kSpeech},
        {"указыва", "ет ют л ла ли ется", kSpeech},
        {"замети", "л ла ли ло в", kSpeech},
        {"замеча", "ет ют л ла ли", kSpeech},
        {"предупреди", "л ла ли ло в", kSpeech},
        {"предупрежда", "ет ют л ла ли", kSpeech},
        {"полага", "ет ют л ла ли", kSpeech},
        {"утвержда", "ет ют л ла ли ется", kSpeech},
        {"ответи", "л ла ли ло в", kSpeech},
        {"отвеча", "ет ют л ла ли", kSpeech},
        {"констатирова", "л ла ли ло в", kSpeech},
        {"переда", "ет ёт ют л ла ли ло", kSpeech},
        {"напомни", "л ла ли ло в", kSpeech},
        {"напомина", "ет ют л ла ли ется", kSpeech},
        {"обеща", "ет ют л ла ли", kSpeech},
        {"пообеща", "л ла ли ло в", kSpeech},
        {"завери", "л ла ли ло в", kSpeech},
        {"заверя", "ет ют л ла ли", kSpeech},
        {"высказа", "л ла ли лся лась лись в", kSpeech},
        {"подтверди", "л ла ли ло в", kSpeech},
        {"подтвержда", "ет ют л ла ли ется", kSpeech},
        {"возрази", "л ла ли ло в", kSpeech},
        {"прокомментирова", "л ла ли ло в", kSpeech},
        {"опроверг", "_ ла ли ло", kSpeech},
        {"опроверга", "ет ют л ла ли", kSpeech},
        {"комментиру", "ет ют", kSpeech},
        {"комментирова", "л ла ли", kSpeech},
        // ("— возмущается он"; not "возмутился словами чиновника: «…»")
        {"возмуща", "ется ются", kSpeech},
        {"дума", "ет ют л ла ли", kSpeech},
        {"спроси", "л ла ли ло в", kSpeech},
        {"предположи", "л ла ли ло в", kSpeech},
        {"предполага", "ет ют л ла ли", kSpeech},
        {"доложи", "л ла ли ло в", kSpeech},
        {"вырази", "л ла ли ло в вший вшая вшие", kSpeech | kThatOnly},
        {"выража", "ет ют л ла ли", kSpeech | kThatOnly},
        {"цитиру", "ет ют", kSpeech},
        {"заключи", "л ла ли ло в", kSpeech},
        {"увер", "ен ена ены", kSpeech},
        {"убежд", "ен ена ены ён", kSpeech},
        {"уверя", "ет ют л ла ли", kSpeech},
        {"вспомина", "ет ют л ла ли", kSpeech},
        {"вспомни", "л ла ли ло в", kSpeech},
        {"разъясни", "л ла ли ло в", kSpeech},
        {"разъясня", "ет ют л ла ли ется", kSpeech},
        {"описа", "л ла ли ло в", kSpeech},
        {"скаж", "ет ут у", kSpeech},
        {"говорив", "ший шая шие шего шей ших", kSpeech},
        {"настаива", "ет ют л ла ли", kSpeech},
        {"воскликну", "л ла ли ло в", kSpeech},
        {"восклица", "ет ют л ла ли", kSpeech},
        {"поинтересова", "лся лась лись в", kSpeech},
        {"объяви", "л ла ли ло в", kSpeech},
        {"объявля", "ет ют л ла ли ется", kSpeech},
        {"отрица", "ет ют л ла ли", kSpeech},
        {"сетова", "л ла ли", kSpeech},
        {"сету", "ет ют", kSpeech},
        {"резюмирова", "л ла ли в", kSpeech},
        {"подытожи", "л ла ли в", kSpeech},
        {"информиру", "ет ют", kSpeech},
        {"посетова", "л ла ли в", kSpeech},
        {"пожалова", "лся лась лись", kSpeech},
        {"жалу", "ется ются", kSpeech},
        {"продолжи", "л ла ли", kSpeech},
        {"прокомментирова", "вший", kSpeech},
        {"признава", "лся лась лись л ла ли", kSpeech},
        {"ответ", "ил ила или", kSpeech},
        // shouting and chanting report the words too: кричал: «Я — судья!»,
        // крикнул «…», скандировали: «…»; отозвался (о проекте) так: «…»
        {"крича", "л ла ли", kSpeech | kMarked},
        {"крич", "ит ат", kSpeech | kMarked},
        {"крикну", "л ла ли в", kSpeech | kMarked},
        {"выкрикну", "л ла ли в", kSpeech | kMarked},
        {"выкрикива", "ет ют л ла ли", kSpeech | kMarked},
        {"скандирова", "л ла ли в", kSpeech | kMarked},
        {"скандиру", "ет ют", kSpeech | kMarked},
        {"отозва", "лся лась лись", kSpeech},
        {"продолжа", "ет ют", kSpeech | kMarked},  // «…, – продолжает X. – …»; not "продолжает работать"
        {"призыва", "ет ют л ла ли", kNaming},
        {"призва", "л ла ли ло в вший вшая вшие", kNaming},  // "призвал … «…»", as призывал
        {"назва", "л ла ли ло в вший вшая вшие", kNaming},
        {"называ", "ет ют л ла ли ется", kNaming},
        {"охарактеризова", "л ла ли ло в вший вшая вшие", kNaming},
        {"поблагодари", "л ла ли ло в", kNaming},
    };
    for (const RuStem& s : ru) add_stem(s);
    for (const char* w : {"сообщается", "отмечается", "говорится", "утверждается",
                          "подчеркивается", "указывается", "заявляется", "поясняется"})
      lex_[w].cue |= kImpersonal | kSpeech;  // "В заявлении X говорится, что …" reports speech

    for (const char* w : {"he", "он"}) lex_[w].pron = p_he;
    for (const char* w : {"she", "она"}) lex_[w].pron = p_she;
    for (const char* w : {"they", "они"}) lex_[w].pron = p_they;
    lex_["it"].pron = p_it;
    for (const char* w : {"i", "we", "я", "мы", "ты", "вы"}) lex_[w].pron = p_self;
    for (const char* w : {"his", "его"}) { lex_[w].pron = p_he; lex_[w].pron_poss = true; }
    for (const char* w : {"her", "ее", "её"}) { lex_[w].pron = p_she; lex_[w].pron_poss = true; }
    for (const char* w : {"their", "их"}) { lex_[w].pron = p_they; lex_[w].pron_poss = true; }

    add_flag(
        "head chief director founder co-founder minister president spokesman spokeswoman "
        "spokesperson spokespeople adviser advisor ombudsman chairman chairwoman governor mayor "
        "leader leaders secretary ambassador editor owner ceo deputy commander prosecutor "
        "prosecutors judge senator analyst analysts expert experts captain official officials "
        "police source sources authorities ministry department agency service government office "
        "company lawyer lawyers attorney coach representative representatives witness witnesses "
        "residents protesters activists organizers organisers doctors scientists researchers "
        "investigators manager executive economist economists journalist journalists reporter "
        "officer officers sheriff coroner regulator watchdog commission committee council court "
        "prime general colonel student students teacher people spokesmen aide aides campaigners "
        "diplomat diplomats observers critics opponents supporters lawmakers legislators "
        "scientist agencies ministries club team",
        &Lex::role);
    add_flag(
        "that which who whom whose что который которая которое которые чтобы because as if "
        "whether when while although though where когда если",
        &Lex::stop);
    add_flag("and but or и а но или", &Lex::conj);
    add_flag(
        "also later then still further finally already reportedly previously earlier once again "
        "too himself herself themselves itself recently subsequently repeatedly publicly "
        "ранее также позже позднее уже тоже сам сама сами еще ещё затем впоследствии неоднократно "
        "публично вновь снова однако же лишь все всё мне ему ей им нам вам тебе me him them us "
        "так тогда потом "
        // time and manner: "Президент Путин осенью заявил", "Шувалов недавно признал"
        "недавно накануне вчера сегодня сейчас теперь прежде утром днем днём вечером ночью весной "
        "летом осенью зимой официально открыто всегда никогда часто постоянно регулярно активно "
        "yesterday today tonight now officially openly",
        &Lex::adverb);
    add_flag("he she they it we i you the a an this these those there his her their its our my "
             "all some many most no none several both each every just only nobody nothing "
             "everyone everybody someone",
             &Lex::clause);
  }

  // Russian nouns of roles, prefix-matched on the folded word (глава,
  // главы, главой; эксперт, эксперты, экспертов). Every lower-case Cyrillic
  // word of a text is asked: a bit a bucket of the stems (below), 512 bytes
  // in the cache, turns most away here, before a call and before their
  // bucket (one of 4096, 96 KB) is read.
  bool ru_role(std::string_view w) const {
    return w.size() >= 4 && (ru_used_[bucket(w) / 64] >> (bucket(w) % 64) & 1) && ru_role_stem(w);
  }
  // stems bucketed by their first two letters: a word compares with a
  // handful at most (every stem has two Cyrillic letters or more)
  static const std::vector<std::vector<std::string_view>>& ru_buckets() {
    static const char* const stems[] = {
        "глав", "лидер", "адвокат", "представител", "пресс-секретар", "министр", "министерств",
        "президент", "премьер", "директор", "эксперт", "аналитик", "источник", "председател", "сопредседател",
        "спикер", "депутат", "губернатор", "мэр", "посол", "полици", "шериф", "судь", "прокурор",
        "следовател", "очевид", "свидетел", "ведомств", "служб", "офис", "коронер",
        "патологоанатом", "менеджер", "хоккеист", "чемпион", "журналист", "координатор",
        "основател", "советник", "омбудсмен", "сотрудник", "чиновник", "учен", "врач", "генерал",
        "командир", "власт", "правительств", "администраци", "компани", "агентств", "сенатор",
        "участник", "жител", "организатор", "руководител", "начальник", "глав", "секретар",
        "замглав", "заместител", "пресс-служб", "канцеляри", "кремл", "мид", "минобороны",
        "оппозиционер", "активист", "правозащитник", "политолог", "экономист", "специалист",
        "исследовател", "тренер", "игрок", "спортсмен", "певиц", "актер", "актёр", "писател",
        "режиссер", "режиссёр", "адмирал", "полицейск", "военн", "солдат", "бизнесмен",
        "предпринимател", "банкир", "инвестор", "управляющ", "дипломат", "посл", "премьер-министр",
        "вице-премьер", "вице-президент", "пресс-атташе", "губернатор", "мэри", "суд",
        "прокуратур", "министр", "ведомств", "комитет", "комисси", "совет", "партия", "парти",
        "союз", "организаци", "агентств", "телеканал", "издани", "газет"};
    static const auto buckets = [] {
      std::vector<std::vector<std::string_view>> b(64 * 64);
      for (const char* s : stems) b[bucket(s)].emplace_back(s);
      return b;
    }();
    return buckets;
  }
  bool ru_role_stem(std::string_view w) const {
    // (после, последний: no form of посол)
    if (starts_with(w, "после")) return false;
    for (const std::string_view s : ru_buckets()[bucket(w)])
      if (w.size() <= s.size() + 8 && starts_with(w, s)) return true;
    return false;
  }
  static std::size_t bucket(std::string_view w) {
    return w.size() < 4 ? 0 : (static_cast<unsigned char>(w[1]) & 63u) * 64 + (static_cast<unsigned char>(w[3]) & 63u);
  }

 private:
  void add_words(const char* list, std::uint16_t flags) {
    for_each_word(list, [&](std::string_view w) { lex_[std::string(w)].cue |= flags; });
  }
  void add_flag(const char* list, bool Lex::*flag) {
    for_each_word(list, [&](std::string_view w) { lex_[std::string(w)].*flag = true; });
  }
  void add_stem(const RuStem& s) {
    std::string endings = s.endings;
    // the other persons of the present tense: утверждаю, говорю, считаем
    if (endings.find("ет") != std::string::npos) endings += " ю ем ешь ете";
    if (endings.find("ит") != std::string::npos) endings += " ю им ишь ите";
    for_each_word(endings.c_str(), [&](std::string_view e) {
      std::string w = s.stem;
      if (e != "_") w.append(e);
      std::uint16_t g = 0;
      if (e == "л" || e == "лся" || e == "_") g = kMale;
      else if (e == "ла" || e == "лась") g = kFemale;
      else if (e == "ю" || e == "ем" || e == "им" || e == "ешь" || e == "ишь" || e == "ете" || e == "ите")
        g = 0;
      else if (e == "ли" || e == "лись" || e == "ют" || e == "ят" || e == "ут") g = kPlural;
      std::uint16_t f = s.flags | g;
      if (e == "в" || e == "вший" || e == "вшая" || e == "вшие") f |= kPart;
      if (e == "ется" || e == "лось") f |= kImpersonal;
      lex_[w].cue |= f;
    });
  }
  template <class F>
  static void for_each_word(const char* list, F f) {
    std::string_view s(list);
    std::size_t a = 0;
    while (a < s.size()) {
      std::size_t b = s.find(' ', a);
      if (b == std::string_view::npos) b = s.size();
      if (b > a) f(s.substr(a, b - a));
      a = b + 1;
    }
  }

  std::unordered_map<std::string, Lex> lex_;
  // every word of a document is looked up: a flat table holds lex_'s
  // entries by value (a hit reads the slot, not a node of the map too)
 public:
  void index() {
    for (auto& kv : lex_) {
      view_.set(kv.first, kv.second);
      const std::size_t bit = seen_bit(head8(kv.first), kv.first.size());
      seen_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    // (scan() tests a token's cue before asking whether it is one of these)
    assert(lookup("state") && lookup("state")->cue && lookup("states") && lookup("states")->cue);
  }
  // Most words are in no lexicon: a bit of 64 Ki, in the L1 cache, turns
  // nearly all of them away before the table's slot (a cache miss) is read.
  // The bit is of a word's first 8 bytes (all of a shorter word's) and its
  // length, one multiply: it is known, and a mispredicted test on it
  // resolved, long before a hash of the whole word would be.
  const Lex* lookup(std::string_view w) const {
    if (!seen(head8(w), w.size())) return nullptr;
    return view_.find(w, string_hash(w));
  }
  // lookup(w) where 16 bytes from w.data() may be read (string_hash_padded)
  const Lex* lookup_padded(std::string_view w) const {
    if (!seen(head8_padded(w), w.size())) return nullptr;
    return view_.find(w, string_hash_padded(w));
  }

 private:
  StringTable<Lex> view_;  // (built once: its entries, which tokens point at, never move)
  std::array<std::uint64_t, 64> ru_used_ = [] {  // the buckets of ru_buckets() in use
    std::array<std::uint64_t, 64> u{};
    const auto& b = ru_buckets();
    for (std::size_t i = 0; i < b.size(); ++i)
      if (!b[i].empty()) u[i / 64] |= std::uint64_t{1} << (i % 64);
    return u;
  }();
  std::uint64_t seen_[1024] = {};  // a bit per seen_bit() of the words
  static std::size_t seen_bit(std::uint64_t head, std::size_t n) {
    return static_cast<std::size_t>(((head ^ (std::uint64_t{n} << 56) ^ n) * 0xD6E8FEB86659FD93ull) >> 48);
  }
  bool seen(std::uint64_t head, std::size_t n) const {
    const std::size_t bit = seen_bit(head, n);
    return (seen_[bit / 64] >> (bit % 64)) & 1;
  }
};

const Lexicon& lexicon() {
  static const Lexicon lex = [] {
    Lexicon l;
    l.index();
    return l;
  }();
  return lex;
}

constexpr std::size_t kFoldCap = 96;  // longer words are not looked up
// bytes readable past any fold in scan()'s buffers (for string_hash_padded)
constexpr std::size_t kFoldPad = 16;

// Lower-cases Latin and Cyrillic letters (ё -> е, ’ -> ') into buf; returns
// an empty view when the word does not fit.
std::string_view fold(std::string_view w, char* buf, std::size_t cap) {
  // byte arithmetic: ASCII and the two-byte Cyrillic block are all the
  // lexicon holds; other characters are copied as they are
  if (w.size() > cap) return {};
  std::size_t n = 0;
  for (std::size_t i = 0; i < w.size();) {
    const auto b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {
      buf[n++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    if ((b == 0xD0 || b == 0xD1) && i + 1 < w.size()) {
      fold_ru2(b, static_cast<unsigned char>(w[i + 1]), buf + n);
      n += 2;
      i += 2;
      continue;
    }
    if (b == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        static_cast<unsigned char>(w[i + 2]) == 0x99) {
      buf[n++] = '\'';  // ’ -> '
      i += 3;
      continue;
    }
    buf[n++] = static_cast<char>(b);
    ++i;
  }
  return std::string_view(buf, n);
}

// ------------------------------------------------------------- tokens

enum tk : std::uint8_t { W, NUM, COMMA, COLON, SEMI, DASH, END, DOT, OPEN, CLOSE, LPAR, RPAR, OTHER };

// An English manner or time adverb in -ly ("WHO tentatively believes",
// "X firmly denied"): four letters or more before the ending, and not one of
// the nouns and adjectives in -ly (family, assembly, the weekly, elderly).
bool ly_adverb(std::string_view f) {
  if (f.size() < 6 || f.compare(f.size() - 2, 2, "ly") != 0) return false;
  static const StringSet not_adverbs = {
      "family", "assembly", "supply", "weekly", "monthly", "yearly", "quarterly", "elderly",
      "friendly", "lovely", "likely", "unlikely", "costly", "deadly", "lonely", "orderly",
      "comply", "multiply", "anomaly", "monopoly", "homily", "butterfly", "melancholy",
      "fortnightly", "nightly", "hourly", "timely", "lively", "worldly", "scholarly", "italy",
      "resupply", "oversupply", "biweekly", "bimonthly", "semimonthly"};
  return !not_adverbs.contains(f);
}

// Reporting words that are nouns too (a note, the comments, reports).
bool noun_cue(std::string_view f) {
  static const StringSet nouns = {
      "note", "notes", "comment", "comments", "report", "reports", "claim", "claims", "remark",
      "remarks", "answer", "answers", "reply", "replies", "tweet", "tweets", "estimate", "estimates",
      "promise", "promises", "pledge", "pledges", "statement", "statements"};
  return nouns.contains(f);
}

// An English quantifier or a word of a set of countries: "other states",
// "both states", "member states".
bool quantifier(std::string_view f) {
  static const StringSet q = {"other", "both", "all", "many", "several", "some", "these", "those", "various",
                              "two", "three", "four", "five", "ten", "member", "neighbouring", "neighboring",
                              "baltic", "gulf", "arab", "european", "african", "asian", "nuclear", "island", "nato"};
  return q.contains(f);
}

// An English word that may stand before a noun: an article, a
// demonstrative or possessive, or a word of an adjective's ending
// (explanatory, official, initial, joint ... written, opening).
bool determiner_or_adjective(std::string_view f) {
  static const StringSet dets = {"the", "a", "an", "this", "these", "those", "its", "his", "her",
                                 "their", "our", "my", "your", "whose", "joint", "new", "last",
                                 "first", "same", "own", "such"};
  if (dets.contains(f)) return true;
  for (std::string_view end : {"ory", "ary", "al", "ive", "ic", "ous", "ful", "ent", "ant", "est", "ed", "ing"})
    if (f.size() > end.size() + 2 && f.compare(f.size() - end.size(), end.size(), end) == 0) return true;
  return false;
}

// "агентство ", "the newspaper ", "пресс-служба ": the words before an
// organisation's name name its kind or its voice (then the organisation is
// what speaks), not a role in it.
bool organisation_kind(std::string_view before) {
  while (!before.empty() && (before.back() == ' ' || before.back() == '"')) before.remove_suffix(1);
  if (before.size() >= 2 && before.compare(before.size() - 2, 2, "\xC2\xAB") == 0) before.remove_suffix(2);  // «
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const std::size_t sp = before.rfind(' ');
  std::string_view w = sp == std::string_view::npos ? before : before.substr(sp + 1);
  if (sp != std::string_view::npos) {  // one word, after an article at most
    const std::string_view first = before.substr(0, sp);
    if (first != "the" && first != "The" && first != "a" && first != "A") return false;
  }
  char buf[64];
  w = fold(w, buf, sizeof buf);
  for (const char* s : {"агентств", "газет", "издани", "телеканал", "радиостанци", "компани", "парти",
                        "банк", "пресс-служб", "журнал", "портал", "agency", "newspaper", "paper",
                        "channel", "company", "party", "outlet", "publication", "magazine",
                        "broadcaster", "network", "bank"}) {
    const std::string_view st(s);
    if (w.size() >= st.size() && w.size() <= st.size() + 4 && w.compare(0, st.size(), st) == 0) return true;
  }
  return false;
}

// Two words equal without case (ё as е).
bool fold_key_eq(std::string_view a, std::string_view b) {
  char ba[64], bb[64];
  const std::string_view fa = fold(a, ba, sizeof ba), fb = fold(b, bb, sizeof bb);
  return !fa.empty() && fa == fb;
}

// (the pointers first: 40 bytes a token, not 48 with the padding around
// them)
struct Tok {
  const Lex* lex = nullptr;
  const char* f = nullptr;    // the word folded (lower case, ё -> е)
  std::uint32_t s, e;
  std::uint8_t kind;
  std::uint8_t fl = 0;        // length of the folded word at f (0: none)
  // lex's cue and pronoun, kept here: the rules ask them of every token,
  // and the entry behind lex is seldom in the cache
  std::uint16_t lcue = 0;
  bool caps = false;
  bool inq = false;  // inside the content of a marked quote
  bool cyr = false;
  bool conj = false;
  bool title = false;  // Sgt, Gen, Dr: an abbreviated title before a name
  bool noun = false;   // a cue word used as a noun: "the note specifies", "the comments read"
  bool in_name = false;  // a capitalised English cue word inside a sentence: United States, State Duma
  bool acronym = false;  // two to five capitals (WHO, US, IT): no pronoun or function word
  bool joined = false;   // a hyphen or an apostrophe joins letters in it (co-founder, don't)
  std::uint8_t lpron = 0;
  std::uint8_t first = 0;  // of a word: its word_bits but kWordJoined (for the entity stage)

  std::uint16_t cue() const { return !noun && !in_name ? lcue : 0; }
  bool speech() const { return (cue() & kSpeech) != 0; }
  std::uint8_t pron() const { return lpron; }
  // (asked of the few tokens the rules read, not worked out for every one)
  bool role() const { return (lex && lex->role) || ru_role(); }
  bool stop() const { return lex && lex->stop; }
  bool adverb() const { return (lex && lex->adverb) || ly(); }
  inline bool ru_role() const;
  // an English adverb in -ly (tentatively, firmly)
  bool ly() const { return fl && !caps && !cyr && ly_adverb(std::string_view(f, fl)); }
};

// a Russian role noun (министр, пресс-секретарь; МИД among capitalised words)
bool Tok::ru_role() const {
  if (!fl || !cyr) return false;
  const std::string_view w(f, fl);
  return caps ? fl <= 8 && w == "мид" : lexicon().ru_role(w);
}

// (out of line: scan() grows its vector of tokens seldom, and a call in
// its loop would cost every token)
void grow(std::vector<Tok>& out) { out.reserve(std::max<std::size_t>(64, out.capacity() * 2)); }

static_assert(sizeof(Tok) <= 40, "a token's fields pack into 40 bytes");

// A run of tokens the rules read: most often a slice of the text's tokens
// themselves, else a buffer where a region's edge changed some
// (Ctx::tokenize).
class Toks {
 public:
  Toks() = default;
  Toks(const Tok* p, std::size_t n) : p_(p), n_(n) {}
  Toks(const std::vector<Tok>& v) : p_(v.data()), n_(v.size()) {}  // NOLINT: a vector is a run
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const Tok& operator[](std::size_t i) const {
    assert(i < n_);
    return p_[i];
  }
  const Tok* begin() const { return p_; }
  const Tok* end() const { return p_ + n_; }
  const Tok& back() const { return (*this)[n_ - 1]; }
  void pop_back() {
    assert(n_ > 0);
    --n_;
  }

 private:
  const Tok* p_ = nullptr;
  std::size_t n_ = 0;
};

// Is token k the word w (w folded: lower case)?
inline bool tok_is(const Tok& k, std::string_view w) {
  return k.kind == W && k.fl == w.size() && same_bytes(k.f, w.data(), w.size());
}

// "state" or "states" in lower case, the words scan() reads as a noun in
// some places (this runs for every word: the cue first, as both are
// reporting words, then the length, before the letters)
inline bool state_word(const Tok& k) {
  return k.lcue && (k.fl == 5 || k.fl == 6) && !k.caps && !k.cyr && (tok_is(k, "state") || tok_is(k, "states"));
}

// "according to", "со слов", "по словам" and the like at k (next: the token after it)
bool according_to(const Tok& k, const Tok* next) {
  if (!next) return false;
  if (tok_is(k, "according")) return tok_is(*next, "to");
  if (tok_is(k, "со")) return tok_is(*next, "слов");  // со слов чемпиона, «…»
  if (!tok_is(k, "по")) return false;
  static constexpr std::string_view nouns[] = {"словам", "мнению", "данным", "информации", "оценке",
                                               "оценкам", "утверждению", "сведениям"};
  for (const std::string_view n : nouns)
    if (tok_is(*next, n)) return true;
  return false;
}

// the nouns of a report before "that": Durova's statement that …
bool report_noun(const Tok& k) {
  static constexpr std::string_view nouns[] = {"statement", "statements", "claim", "claims", "assertion",
                                               "remarks", "words", "announcement", "accusation",
                                               "allegation", "allegations", "insistence", "warning",
                                               "admission", "argument", "belief", "suggestion"};
  for (const std::string_view w : nouns)
    if (tok_is(k, w)) return true;
  return false;
}

// Can k (between prev and next, null at the text's ends) open one of
// Finder::indirect()'s reports? Each of its scans starts from such a word,
// and tests it more narrowly (asserted there): a reporting verb; "according
// to", "со слов", "по словам" and the like; "по его словам", "in his
// opinion"; a noun or a capitalised word before "that" ("statement that",
// "from X that"). The neighbours are read first: they are in the token
// array, the word's folded letters elsewhere.
bool opens_report(const Tok* prev, const Tok& k, const Tok* next) {
  if (k.kind != W || k.inq) return false;
  if ((k.lcue & kSpeech) && !(k.lcue & kMarked)) return true;
  // (a test of the length first, no jump table: most words are none of these)
  if (k.fl == 4) {
    if (prev && (prev->caps || prev->fl >= 5) && tok_is(k, "that")) return prev->caps || report_noun(*prev);
    // (the shortest noun after по or со: слов)
    return next && (next->pron() || next->fl >= 8) &&
           (according_to(k, next) || (next->pron() && tok_is(k, "по")));
  }
  if (k.fl == 2) return next && next->pron() && tok_is(k, "in");
  if (k.fl == 9) return next && next->fl == 2 && according_to(k, next);
  return false;
}
// The words opens_report() may say yes to, told apart by themselves alone:
// a speech cue, "that", "по", "со", "in", "according" (most words are none,
// and this test is inline: it runs for every word of a document)
// (the tests are combined without branches: lengths and kinds come in no
// order a predictor learns; "according" is told by its first 4 bytes here,
// in full by opens_report)
inline bool may_open_report(const Tok& k) {
  // (a fold is followed by kFoldPad bytes: 4 may be read from a shorter one)
  const std::uint32_t h = k.f ? load_at<std::uint32_t>(k.f, 0) : 0;
  // (unsigned, not bool: the operands are all evaluated, by design)
  auto is = [h](const char* w, std::uint32_t mask) { return static_cast<unsigned>((h & mask) == (load_at<std::uint32_t>(w, 0) & mask)); };
  const auto fl2 = static_cast<unsigned>(k.fl == 2), fl4 = static_cast<unsigned>(k.fl == 4),
             fl9 = static_cast<unsigned>(k.fl == 9);
  constexpr std::uint32_t kAll = ~std::uint32_t{0};
  const unsigned word = (fl2 & is("in\0\0", 0xFFFFu)) | (fl4 & (is("that", kAll) | is("по", kAll) | is("со", kAll))) |
                        (fl9 & is("acco", kAll));
  return (static_cast<unsigned>(k.kind == W) & static_cast<unsigned>(!k.inq) &
          (static_cast<unsigned>(k.lcue != 0) | word)) != 0;
}
// opens_report() at toks[i], between its neighbours there (inline: the
// test of the word alone turns most words away before the call)
inline bool opens_report_at(Toks toks, std::size_t i) {
  if (!may_open_report(toks[i])) return false;
  return opens_report(i > 0 ? &toks[i - 1] : nullptr, toks[i], i + 1 < toks.size() ? &toks[i + 1] : nullptr);
}

struct Mark {
  std::uint32_t pos;
  std::uint8_t kind;  // OPEN or CLOSE
};

// An entity's mention, as the rules look it up (by start)
struct MentionAt {
  std::uint32_t s, e;
  int ent;
  std::uint32_t kind;  // a mention_kind
};

}  // namespace

// The buffers of the quote stage (the pairs and marks, a document's tokens
// and folds and words, a sentence's tokens, a scratch window), kept by each
// thread from one document to the next: allocating and freeing them was a
// good part of a short document's cost. Each use clears what it fills.
struct QuoteBuffers {
  std::vector<Tok> all, toks, scratch;
  std::string folded;
  std::vector<QuotePair> pairs;
  std::vector<Mark> marks;  // every paired mark, sorted
  std::vector<Span> outer;  // contents of depth-0 pairs, sorted
  std::vector<Span> words;  // QuoteScan::words()
  std::vector<std::uint32_t> reports;  // starts of the tokens that may open a report (opens_report), sorted
  std::vector<std::uint32_t> opens;    // Finder::indirect(): a sentence's tokens among them
  std::vector<Span> units;  // the body zones, whose marks are paired
  std::vector<MentionAt> ments;  // Ctx::ments_
  bool busy = false;        // lent to a QuoteScan
  static QuoteBuffers& mine() {
    thread_local QuoteBuffers b;
    return b;
  }
  // (a huge document's buffers are not kept for the next one)
  void trim() {
    constexpr std::size_t kKeep = std::size_t{1} << 16;  // tokens
    release_if_over(all, kKeep);
    release_if_over(toks, kKeep);
    release_if_over(scratch, kKeep);
    release_if_over(folded, kKeep * 8);
    release_if_over(words, kKeep);
    release_if_over(reports, kKeep / 4);
    release_if_over(opens, kKeep / 4);
    release_if_over(pairs, kKeep / 4);
    release_if_over(marks, kKeep / 4);
    release_if_over(outer, kKeep / 4);
    release_if_over(units, kKeep / 4);
    release_if_over(ments, kKeep / 4);
  }
};

namespace {

class Ctx {
 public:
  Ctx(std::string_view t, const std::vector<Span>& sentences, const std::vector<Entity>& ents, QuoteBuffers& bufs)
      : t_(t), sents_(sentences), ents_(ents), ments_(bufs.ments), marks_(bufs.marks), outer_(bufs.outer), all_(bufs.all),
        folded_(bufs.folded) {
    ments_.clear();
    std::size_t n = 0;
    for (const Entity& e : ents) n += e.mentions.size();
    ments_.reserve(n);
    // By start, and at one start the longer first (the fuller phrase:
    // "Russian leader" before "Russian"; entity_at() takes the first that
    // overlaps, a person before all), then by entity: a total order (at one
    // start the order was the sort's own, which linked "the Russian leader"
    // to the role entity in some documents and to none in others).
    for (std::size_t i = 0; i < ents.size(); ++i)
      for (const Span& m : ents[i].mentions) ments_.push_back(M{m.start, m.end, static_cast<int>(i), m.kind});
    std::sort(ments_.begin(), ments_.end(), [](const M& x, const M& y) {
      return x.s != y.s ? x.s < y.s : x.e != y.e ? x.e > y.e : x.ent < y.ent;
    });
  }

  std::string_view t_;
  const std::vector<Span>& sents_;
  const std::vector<Entity>& ents_;
  using M = MentionAt;
  std::vector<M>& ments_;  // the entities' mentions, by start
  std::vector<Mark>& marks_;  // every paired mark, sorted
  std::vector<Span>& outer_;  // contents of depth-0 pairs, sorted
  // The rules look at a sentence or a window around a quote many times
  // over: the text is tokenized once (after marks_ and outer_ are set), and
  // a region's tokens are a slice of that, re-read only where the region's
  // edge cuts a token.
  std::vector<Tok>& all_;
  std::string& folded_;  // each word's fold, at the word's own offset (a fold is never longer)
  mutable std::vector<std::unique_ptr<char[]>> spill_;  // folds of tokens cut by a region's edge
  mutable std::size_t near_ = 0;  // first_after()'s last answer

  // The first token of all_ ending after x (all_.size() if none). The rules
  // ask for regions near the one before: the search gallops from the last
  // answer, and a binary search closes the few tokens left.
  std::size_t first_after(std::uint32_t x) const {
    const std::size_t n = all_.size();
    std::size_t lo = 0, hi = n;
    std::size_t h = std::min(near_, n);
    if (h < n && all_[h].e <= x) {  // after h
      lo = h + 1;
      for (std::size_t step = 1, q = h + 1; q < n; step *= 2, q = h + step) {
        if (all_[q].e > x) {
          hi = q;
          break;
        }
        lo = q + 1;
      }
    } else {  // at h or before it
      hi = h;
      for (std::size_t step = 1; step <= h; step *= 2) {
        if (all_[h - step].e <= x) {
          lo = h - step + 1;
          break;
        }
        hi = h - step;
      }
    }
    // (the first of [lo, hi) ending after x, without a branch on each
    // comparison: their outcomes are coin tosses, and std::lower_bound's
    // branch mispredicted about every other step)
    std::size_t first = lo;
    if (std::size_t len = hi - lo) {
      while (len > 1) {
        const std::size_t half = len / 2;
        first = all_[first + half - 1].e <= x ? first + half : first;
        len -= half;
      }
      first += all_[first].e <= x;
    }
    near_ = first;
    return near_;
  }

  void prepare() {
    // (not cleared: a fold is read only up to its length, and the bytes
    // past it, of an earlier document or zeros, are masked off)
    folded_.resize(t_.size() + kFoldPad);
    all_.clear();
    all_.reserve(std::min<std::size_t>(t_.size() / 5, std::size_t{1} << 20));  // about a token per five bytes
    scan(0, static_cast<std::uint32_t>(t_.size()), all_, &folded_[0]);
  }

  // the sentence holding byte `pos` (or the last one before it)
  std::size_t sentence_at(std::uint32_t pos) const {
    auto it = std::upper_bound(sents_.begin(), sents_.end(), pos,
                               [](std::uint32_t x, const Span& s) { return x < s.start; });
    return it == sents_.begin() ? 0 : static_cast<std::size_t>(it - sents_.begin() - 1);
  }
  bool inside_quote(std::uint32_t pos) const {
    auto it = std::upper_bound(outer_.begin(), outer_.end(), pos,
                               [](std::uint32_t x, const Span& s) { return x < s.start; });
    return it != outer_.begin() && pos < (it - 1)->end;
  }
  int mark_kind(std::uint32_t pos) const {
    auto it = std::lower_bound(marks_.begin(), marks_.end(), pos,
                               [](const Mark& m, std::uint32_t x) { return m.pos < x; });
    return it != marks_.end() && it->pos == pos ? it->kind : -1;
  }
  // the entity of a mention overlapping [s, e), preferring persons
  int entity_at(std::uint32_t s, std::uint32_t e, Span* mention = nullptr, bool names_only = false) const {
    auto it = std::lower_bound(ments_.begin(), ments_.end(), s > 200 ? s - 200 : 0,
                               [](const M& m, std::uint32_t x) { return m.s < x; });
    int best = -1;
    for (; it != ments_.end() && it->s < e; ++it) {
      if (it->e <= s || (names_only && it->kind != static_cast<std::uint32_t>(mention_kind::name))) continue;
      const bool person = ents_[static_cast<std::size_t>(it->ent)].type == entity_type::person;
      if (best < 0 || person) {
        best = it->ent;
        if (mention) *mention = Span{it->s, it->e, it->kind, 0};
        if (person) break;
      }
    }
    return best;
  }

  // The tokens of [a, b), exactly as scan(a, b) would give them: a slice
  // of all_ where its edges change none of them, else copied into `out`.
  Toks tokenize(std::uint32_t a, std::uint32_t b, std::vector<Tok>& out) const {
    out.clear();
    if (a >= b) return Toks();
    // tokens do not overlap: their ends ascend as their starts do
    auto it = all_.begin() + static_cast<std::ptrdiff_t>(first_after(a));
    const auto last = all_.begin() + static_cast<std::ptrdiff_t>(first_after(b));
    {
      const bool cut = (it != all_.end() && it->s < a) || (last != all_.end() && last->s < b);
      const bool last_changes = last != it && (last - 1)->e == b && ((last - 1)->title || (last - 1)->noun);
      const bool dash = it != last && it->s == a && t_[a] == '-';
      if (!cut && !last_changes && !dash)  // (it may be the end: no dereference)
        return Toks(all_.data() + (it - all_.begin()), static_cast<std::size_t>(last - it));
    }
    if (it != all_.end() && it->s < a) {  // cut by the region's start
      scan(a, std::min(it->e, b), out, nullptr);
      ++it;
    }
    const std::size_t first = out.size();
    {
      // (the whole tokens of the region, copied at once; `it` is past
      // `last` when one token holds the region)
      const auto stop = std::max(it, last);
      out.insert(out.end(), it, stop);
      it = stop;
      // scan() reads a title's full stop only inside its region, and a
      // reporting word as a noun only before another inside it
      if (out.size() > first && out.back().e == b) out.back().title = out.back().noun = false;
    }
    if (it != all_.end() && it->s < b) scan(it->s, b, out, nullptr);  // cut by its end
    // a hyphen opening the region is a dash by the character after it
    if (first < out.size() && out[first].s == a && t_[a] == '-' && mark_kind(a) < 0)
      out[first].kind = a + 1 < b && t_[a + 1] == ' ' ? DASH : OTHER;
    return Toks(out);
  }

  // Tokenizes [a, b), appending to out; folds go to fold_base at each word's
  // offset, or (fold_base null) to spill_.
  void scan(std::uint32_t a, std::uint32_t b, std::vector<Tok>& out, char* fold_base) const {
    const Lexicon& lex = lexicon();
    // positions only grow: the quote contents and marks are walked with
    // cursors, not searched for each token
    auto oq = std::lower_bound(outer_.begin(), outer_.end(), a, [](const Span& o, std::uint32_t x) { return o.end <= x; });
    auto mq = std::lower_bound(marks_.begin(), marks_.end(), a, [](const Mark& m, std::uint32_t x) { return m.pos < x; });
    auto inside = [&](std::uint32_t pos) {
      while (oq != outer_.end() && oq->end <= pos) ++oq;
      return oq != outer_.end() && oq->start <= pos;
    };
    auto mark_at = [&](std::uint32_t pos) {
      while (mq != marks_.end() && mq->pos < pos) ++mq;
      return mq != marks_.end() && mq->pos == pos ? static_cast<int>(mq->kind) : -1;
    };
    const char* base = t_.data();
    constexpr std::size_t kNone = ~std::size_t{0};
    std::size_t noun_at = kNone;  // a reporting noun waiting for a verb after it
    std::uint32_t i = a;
    // (the tokens' count and the room for them in locals: size() and
    // capacity() are divisions by a token's 40 bytes)
    std::size_t count = out.size(), room = out.capacity();
    // (one space after a token is passed over where the token ends, not by
    // another turn of the loop: most tokens have one)
    auto past_space = [&](std::uint32_t j) { return j + static_cast<std::uint32_t>(j < b && base[j] == ' '); };
    while (i < b) {
      const decoded_char d = decode_utf8(base + i, base + b);
      const char32_t c = d.cp;
      if (is_space(c)) {
        i += d.len;
        continue;
      }
      // (built in its place: a token built aside and copied was read back
      // as wide loads of its fresh narrow stores, and copied field by field
      // cost 20 loads and stores a token; `prev` is the token before, null
      // for the first, both by pointers the stores below cannot change)
      if (count == room) {
        grow(out);
        room = out.capacity();
      }
      Tok& k = out.emplace_back();
      const std::size_t n = count++;  // k's index
      Tok* const prev = n > 0 ? &k - 1 : nullptr;
      k.s = i;
      const bool letter = is_letter(c);  // (asked once: a call for a letter outside ASCII)
      if (letter || detail::digit_fast(c)) {
        std::uint32_t j = i + d.len;
        bool digits = !letter;
        // its capitals counted, and whether it has a lower-case letter, as
        // each branch below reads them (for kWordAcronym)
        const bool first_upper = is_upper(c), first_lower = is_lower(c);
        int upper = first_upper;
        bool lower = first_lower;
        // A word of a..z, A..Z and А..я only is folded as it is read (into
        // fold_base at its offset); any other character leaves it to fold().
        char* const fb = fold_base ? fold_base + i : nullptr;
        bool folded = fb != nullptr;
        if (folded) {
          if (c < 0x80 && letter) fb[0] = static_cast<char>(c | 0x20);
          else if (c >= 0x410 && c <= 0x44F) fold_ru2(static_cast<unsigned char>(base[i]), static_cast<unsigned char>(base[i + 1]), fb);
          else folded = false;
        }
        // (a word opening with an ASCII letter reads its runs of a..z only:
        // the test for а..я cost every English word's run a dozen
        // instructions; its Russian letters, if any, go one by one below)
        const bool latin_runs = c < 0x80;
        while (j < b) {
          // lower-case a..z and а..я in runs (their fold is themselves),
          // then A..Z and А..Я one by one
          {
            char* const copy = folded ? fb + (j - i) : nullptr;
            const auto q = static_cast<std::uint32_t>(
                (latin_runs ? lower_run<lower_set::latin>(base + j, base + b, copy)
                            : lower_run<lower_set::both>(base + j, base + b, copy)) - base);
            if (q > j) {
              digits = false;
              lower = true;
              j = q;
              if (j >= b) break;
            }
          }
          const auto b0 = static_cast<unsigned char>(base[j]);
          if (static_cast<unsigned>((b0 | 0x20) - 'a') < 26u) {
            digits = false;
            upper += b0 < 'a';
            lower |= b0 >= 'a';
            if (folded) fb[j - i] = static_cast<char>(b0 | 0x20);
            ++j;
            continue;
          }
          // an ASCII space or punctuation mark (what ends most words) ends it
          // here, not after a decode and the tests below
          if (b0 < 0x80 && static_cast<unsigned>(b0 - '0') >= 10u && b0 != '-' && b0 != '\'') break;
          if (j + 1 < b && ru2(b0, static_cast<unsigned char>(base[j + 1]))) {
            digits = false;
            const bool cap = b0 == 0xD0 && static_cast<unsigned char>(base[j + 1]) < 0xB0;  // А..Я
            upper += cap;
            lower |= !cap;
            if (folded) fold_ru2(b0, static_cast<unsigned char>(base[j + 1]), fb + (j - i));
            j += 2;
            continue;
          }
          const decoded_char x = decode_utf8(base + j, base + b);
          if (is_letter(x.cp) || detail::digit_fast(x.cp)) {
            folded = false;
            digits = digits && !is_letter(x.cp);
            upper += is_upper(x.cp);
            lower |= is_lower(x.cp);
            j += x.len;
            continue;
          }
          // inner hyphen or apostrophe joins letters (co-founder, don't)
          if ((x.cp == '-' || x.cp == '\'' || x.cp == 0x2019) && j + x.len < b) {
            const decoded_char y = decode_utf8(base + j + x.len, base + b);
            if (is_letter(y.cp) && mark_at(j) < 0) {
              folded = false;
              k.joined = true;
              j += x.len + y.len;
              continue;
            }
          }
          break;
        }
        k.e = j;
        k.kind = digits ? NUM : W;
        k.caps = first_upper;
        k.first = static_cast<std::uint8_t>((letter ? kWordFirstLetter : 0u) | (first_upper ? kWordFirstUpper : 0u) |
                                            (first_lower ? kWordFirstLower : 0u) |
                                            (upper >= 2 && !lower ? kWordAcronym : 0u));
        k.cyr = c >= 0x400 && c <= 0x4FF;
        if (!digits && j - i <= kFoldCap) {
          char* buf = fold_base ? fold_base + i : nullptr;
          if (!buf) {
            spill_.emplace_back(new char[kFoldCap + kFoldPad]);
            buf = spill_.back().get();
          }
          const std::string_view f = folded ? std::string_view(buf, j - i) : fold(t_.substr(i, j - i), buf, kFoldCap);
          k.f = buf;
          k.fl = static_cast<std::uint8_t>(f.size());
          if (!f.empty()) {
            k.lex = lex.lookup_padded(f);
            if (k.lex) {
              k.conj = k.lex->conj;
              k.lcue = k.lex->cue;
              k.lpron = k.lex->pron;
            }
            if (j < b && base[j] == '.' && k.caps && j - i <= 8)  // (the full stop first: few words have one)
              k.title = profile(k.cyr ? lang_id::ru : lang_id::en).abbreviation(t_.substr(i, j - i)) ==
                        abbr_class::prefix;
            // an acronym is no pronoun, relative or conjunction: "The WHO
            // and the World Bank stressed", "the US said"
            // (one branch: caps, the length and a lexicon entry each come
            // in no order a predictor learns, and all hold for few words)
            if (k.caps & folded & (j - i - 2 <= 3u) & (k.lex != nullptr) & !k.lcue) {
              // (all of A..Z: a capital a byte, counted above)
              if (!lower && upper == static_cast<int>(j - i)) {
                k.acronym = true;
                k.lex = nullptr;
                k.conj = false;
                k.lcue = 0;
                k.lpron = 0;
              }
            }
          }
        }
        k.inq = inside(i);
        // inside a sentence a capitalised English word is part of a name, not
        // a verb: "the United States and", "Secretary of State Rex
        // Tillerson", "Novosibirsk State University" (kept when a region is
        // cut after it, unlike `noun`: it depends on the word before only)
        if (k.lcue && k.caps && !k.cyr && prev && (prev->kind == W || prev->kind == NUM || prev->kind == COMMA))
          k.in_name = true;
        // a reporting word that is also a noun, after an article or an
        // adjective and right before another reporting word, is the
        // subject's noun: "The explanatory note specifies that", "the
        // comments read" (not "He notes reports", "denied reports")
        // "state" and "states" before a word other than "that" are the noun
        // or the adjective: state awards, state media, the two states agreed
        if (prev && state_word(*prev) && !tok_is(k, "that")) prev->noun = true;
        // and after a quantifier or a number they are the noun whatever
        // follows: "from Iowa, South Carolina and other states.", "both
        // states", "27 member states"
        if (state_word(k) && prev &&
            (prev->kind == NUM || (prev->kind == W && prev->f && quantifier(std::string_view(prev->f, prev->fl)))))
          k.noun = true;
        if (k.lcue && n >= 2) {
          Tok& p = *prev;
          const Tok& q = *(prev - 1);
          if (p.kind == W && p.speech() && !p.caps && p.e + 1 == k.s && base[p.e] == ' ' &&
              noun_cue(std::string_view(p.f ? p.f : "", p.fl)) && q.kind == W && q.cue() == 0 &&
              (!q.caps || (q.lex && q.lex->clause)) &&  // (an article opening the sentence: "The report states")
              (!q.lpron || q.lex->pron_poss))
            p.noun = true;
          // (or a few words before it, words only: "the explanatory note to
          // the bill says")
          else if (noun_at != kNone && n - noun_at <= 4)
            out[noun_at].noun = true;
          noun_at = kNone;
        }
        // "that" after it makes the reporting word a verb: "The spokesman
        // notes that the report says" reports, whatever comes next
        if (tok_is(k, "that")) noun_at = kNone;
        // a reporting noun after an article, a possessive or an adjective
        // (not after a noun: "the spokesman notes"), which a reporting verb
        // a few words on may show to be the subject's noun
        if (k.kind == W && k.lcue && !k.caps && prev && noun_at == kNone &&
            noun_cue(std::string_view(k.f ? k.f : "", k.fl))) {
          const Tok& q = *prev;
          if (q.kind == W && q.cue() == 0 && !q.cyr && q.f && determiner_or_adjective(std::string_view(q.f, q.fl)))
            noun_at = n;
        }
        i = past_space(j);
        continue;
      }
      k.e = i + d.len;
      const int mk = mark_at(i);
      if (mk >= 0) k.kind = static_cast<std::uint8_t>(mk);
      else if (c == ',') k.kind = COMMA;
      else if (c == ':') k.kind = COLON;
      else if (c == ';') k.kind = SEMI;
      else if (c == 0x2014 || c == 0x2013 ||
               (c == '-' && (i > a ? is_space(static_cast<unsigned char>(base[i - 1])) != 0
                                   : i + 1 < b && base[i + 1] == ' ')))
        k.kind = DASH;
      else if (c == '.') k.kind = DOT;
      else if (c == '!' || c == '?' || c == 0x2026) k.kind = END;
      else if (c == '(' || c == '[') k.kind = LPAR;
      else if (c == ')' || c == ']') k.kind = RPAR;
      else k.kind = OTHER;
      k.inq = inside(i);
      noun_at = kNone;
      i = past_space(i + d.len);
    }
  }
};

// ------------------------------------------------------------- speakers

struct Speaker {
  Span mention{no_offset, no_offset, 0, 0};
  Span cue{no_offset, no_offset, 0, 0};
  std::uint8_t pron = 0;
  bool role_only = false;  // a role phrase with no name in it
  bool definite = false;   // "the actor", "the striker": names a person mentioned before
  std::uint16_t cue_flags = 0;
  double conf = 0.0;
  bool found() const { return mention.start != no_offset; }
};

bool is_word(const Tok& k) { return k.kind == W || k.kind == NUM; }

// Conjunctions and auxiliaries: no part of a speaker's phrase.
bool weak_word(const Tok& k) {
  // (string_views: a const char* list costs a strlen per word compared)
  static constexpr std::string_view weak[] = {"and", "or", "but", "would", "will", "was", "were", "has",
                                              "have", "had", "is", "are", "be", "been", "not", "to", "did",
                                              "does", "do", "can", "could", "may", "might", "should",
                                              "must", "и", "а", "но", "не", "бы", "было", "будет"};
  for (const std::string_view w : weak)
    if (tok_is(k, w)) return true;
  return false;
}

// A Russian role noun that heads a genitive (глава государства, министр
// обороны, сотрудники академии), by its folded stem.
bool head_role(const Tok& k) {
  static constexpr std::string_view stems[] = {
      "глав", "министр", "директор", "представител", "руководител", "председател", "заместител",
      "секретар", "пресс-секретар", "сотрудник", "участник", "член", "начальник", "командир", "командующ",
      "губернатор", "мэр", "посол", "посл", "президент", "премьер", "спикер", "лидер", "основател",
      "владел", "ректор", "замглав", "вице-"};
  if (!k.f) return false;
  const std::string_view w(k.f, k.fl);
  for (const std::string_view s : stems)
    if (starts_with(w, s)) return true;
  return false;
}

// A Russian word of three letters or more in a genitive's ending
// (государства, обороны, сотрудников), no adjective in -ая.
bool genitive_shape(const Tok& k) {
  if (!k.f || k.fl < 6) return false;
  const std::string_view w(k.f, k.fl);
  return ends_any(w, {"а", "я", "ы", "и", "ов", "ев", "ей"}) && !ends_any(w, {"ая", "яя"});
}

// Noun phrase of the speaker in toks[a, b) (a region next to a cue at
// toks[v]): a pronoun next to the cue, a person's mention, a role phrase
// ("the head of Roskomnadzor"), a capitalised run, a role noun, or the
// region itself when it is short. `before` says the region precedes the cue.
Speaker speaker_in(const Ctx& cx, Toks toks, std::size_t a, std::size_t b, bool before) {
  Speaker sp;
  if (a >= b) return sp;
  auto set = [&](std::size_t i, std::size_t j, double conf) {
    sp.mention = Span{toks[i].s, toks[j].e, 0, 0};
    sp.conf = conf;
  };
  // pronoun: adjacent to the cue (skipping adverbs)
  {
    std::size_t i = before ? b : a;
    if (before) {
      while (i > a && toks[i - 1].adverb()) --i;
      if (i > a && toks[i - 1].pron() && !toks[i - 1].lex->pron_poss) {
        set(i - 1, i - 1, 0.8);
        sp.pron = toks[i - 1].pron();
        return sp;
      }
    } else {
      while (i < b && toks[i].adverb()) ++i;
      // "…," says he is unfit: an English pronoun followed by a word opens
      // a clause (Russian puts the pronoun first: сказал он журналистам)
      const bool clause_subject = i < b && !toks[i].cyr && i + 1 < toks.size() && toks[i + 1].kind == W;
      if (i < b && toks[i].pron() && !toks[i].lex->pron_poss && i <= a + 1 && !clause_subject) {
        set(i, i, 0.8);
        sp.pron = toks[i].pron();
        return sp;
      }
      // (and the clause it opens is what is said: no speaker in it)
      if (i < b && toks[i].pron() && !toks[i].lex->pron_poss && i <= a + 1 && clause_subject &&
          toks[i].pron() != p_it)
        return sp;
    }
  }
  // a person's mention: the nearest to the cue
  {
    int best = -1;
    std::size_t bi = 0, bj = 0;
    for (std::size_t i = a; i < b; ++i) {
      if (toks[i].kind != W || !toks[i].caps || toks[i].inq) continue;
      Span m;
      const int e = cx.entity_at(toks[i].s, toks[i].e, &m);
      if (e < 0 || cx.ents_[static_cast<std::size_t>(e)].type != entity_type::person) continue;
      std::size_t j = i;
      while (j + 1 < b && toks[j + 1].s < m.end) ++j;
      if (best < 0 || before) {
        best = e;
        bi = i;
        bj = j;
        if (!before) break;
      }
      i = j;
    }
    if (best >= 0) {
      set(bi, bj, 0.95);
      return sp;
    }
  }
  // a name in quotes right before the cue: «Газпром» заявил, что …, or
  // right after it: сообщает «Интерфакс», по информации «Интерфакса» (up to
  // three words, the first capitalised; after the cue not a Russian dative,
  // whom it was told: сообщил «Интерфаксу», рассказал «Известиям», «Ъ»)
  {
    std::size_t o = b, c = b;
    if (before && b >= a + 3 && toks[b - 1].kind == CLOSE) {
      c = b - 1;
      o = c;
      while (o > a && o + 5 > c && toks[o - 1].kind != OPEN) --o;
      o = o > a ? o - 1 : b;
    } else if (!before && a + 2 < b && toks[a].kind == OPEN && a > 0 &&
               (toks[a - 1].cue() || tok_is(toks[a - 1], "to") || tok_is(toks[a - 1], "информации") ||
                tok_is(toks[a - 1], "данным") || tok_is(toks[a - 1], "сведениям") ||
                tok_is(toks[a - 1], "словам"))) {
      // (right after a cue or "according to", "по информации": not the
      // first phrase of a clause, '"Washington" missed hockey and …')
      o = a;
      c = a + 1;
      while (c < b && c < a + 5 && toks[c].kind != CLOSE) ++c;
      if (c >= b || toks[c].kind != CLOSE) {
        o = c = b;
      } else if (toks[c - 1].cyr) {
        const Tok& l = toks[c - 1];
        const std::string_view w(l.f ? l.f : "", l.fl);
        if (w.size() <= 2 || ends_any(w, {"у", "ю", "ам", "ям"})) o = c = b;
      }
    }
    // (the quote opens the phrase: no object of a word before it, "масс-медиа,
    // контролируемые группировкой «Исламский джихад», заявляют", "автор «…»
    // и «Малхолланд Драйва» сказал", "В «Удмуртавтодоре» опровергли")
    const bool opens = o < b && (o == a || toks[o - 1].kind == COMMA || toks[o - 1].kind == DASH ||
                                 toks[o - 1].kind == DOT || toks[o - 1].kind == END || toks[o - 1].kind == COLON);
    // (after the cue the mark opens the region)
    if (opens && c < b && toks[o].kind == OPEN && c > o + 1 && c <= o + 4 && toks[o + 1].caps &&
        !toks[o + 1].pron() && !(toks[o + 1].lex && toks[o + 1].lex->clause)) {
      bool words = true;
      for (std::size_t k = o + 1; k < c; ++k) words = words && is_word(toks[k]);
      if (words) {
        set(o + 1, c - 1, 0.85);
        return sp;
      }
    }
  }
  // a capitalised run or a role phrase: the nearest to the cue
  auto caps_word = [&](std::size_t i) {
    if (!(toks[i].kind == W && toks[i].caps && !toks[i].inq && !toks[i].stop() &&
          !(toks[i].lex && (toks[i].lex->clause || toks[i].lex->adverb || toks[i].cue()))))
      return false;
    // a capitalised function word (В, Как, However) names nobody
    char buf[64];
    const std::string_view key = fold_key(cx.t_.substr(toks[i].s, toks[i].e - toks[i].s), buf, sizeof buf);
    if (key.empty()) return true;
    static constexpr std::string_view function_words[] = {
        "как", "когда", "если", "хотя", "там", "тут", "здесь", "так", "поэтому", "потом", "тогда",
        "вот", "это", "эти", "этот", "эта", "все", "мои", "наши", "примерно", "впрочем", "вспомните",
        "несколько",  // opens a phrase, names no one alone ("Несколько сетей объявили")
        "as", "when", "if", "while", "there", "here", "so", "then", "this", "that", "thus",
        // days and months are written capitalised in English and name nobody
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december"};
    for (const std::string_view w : function_words)
      if (key == w) return false;
    return !profile(toks[i].cyr ? lang_id::ru : lang_id::en).starter(key);
  };
  auto role_word = [&](std::size_t i) { return toks[i].kind == W && toks[i].role() && !toks[i].inq; };
  std::size_t ri = b, rj = b;  // best run [ri, rj]
  bool ri_caps = false;
  {
    std::size_t i = a;
    while (i < b) {
      if (!caps_word(i) && !role_word(i)) {
        ++i;
        continue;
      }
      std::size_t j = i;
      // role phrase: head of X, глава МИД; a run of capitalised words
      while (j + 1 < b) {
        if (caps_word(j + 1) || role_word(j + 1)) {
          ++j;
        } else if (j + 2 < b && toks[j + 1].kind == OTHER && cx.t_[toks[j + 1].s] == '&' && caps_word(j) &&
                   caps_word(j + 2)) {
          j += 2;  // "Strutt & Parker", "Johnson & Johnson"
        } else if (j + 2 < b && toks[j + 1].kind == W && !toks[j + 1].caps && !toks[j + 1].cyr &&
                   (tok_is(toks[j + 1], "of") || tok_is(toks[j + 1], "for") ||
                    (role_word(j) && tok_is(toks[j + 1], "to"))) &&  // "the ambassador to China"
                   (caps_word(j + 2) || role_word(j + 2))) {
          j += 2;
        } else if (j + 3 < b && role_word(j) && tok_is(toks[j + 1], "close") && tok_is(toks[j + 2], "to") &&
                   (caps_word(j + 3) || role_word(j + 3) ||
                    (j + 4 < b && tok_is(toks[j + 3], "the") && (caps_word(j + 4) || role_word(j + 4))))) {
          // "a source close to the company", "sources close to the Kremlin"
          j += tok_is(toks[j + 3], "the") ? 4 : 3;
        } else if (j + 3 < b && toks[j + 1].kind == W && !toks[j + 1].cyr &&
                   (tok_is(toks[j + 1], "of") || tok_is(toks[j + 1], "for") ||
                    (role_word(j) && tok_is(toks[j + 1], "to"))) &&  // "an adviser to the president"
                   tok_is(toks[j + 2], "the") &&
                   (caps_word(j + 3) || role_word(j + 3) ||
                    (j + 4 < b && toks[j + 3].kind == W && !toks[j + 3].caps && !toks[j + 3].cue() &&
                     !toks[j + 3].inq && role_word(j + 4)))) {
          // "the head of the U.S. Department of the Treasury", "the press
          // service of the regional head of the Ministry": the role's chain
          // of genitives, articles and one adjective before a role included
          j += caps_word(j + 3) || role_word(j + 3) ? 3 : 4;
        } else if (j + 2 < b && toks[j].cyr &&
                   (role_word(j) || (toks[j].f && lexicon().ru_role(std::string_view(toks[j].f, toks[j].fl)))) &&
                   toks[j + 1].kind == W && toks[j + 1].cyr &&
                   !toks[j + 1].caps && !toks[j + 1].inq && !toks[j + 1].cue() && caps_word(j + 2) &&
                   !(j + 3 < b && caps_word(j + 3))) {
          // a Russian role, a genitive and one capitalised word: "Пресс-секретарь
          // семьи Бушей", "Представитель компании Apple" (before a full name,
          // "Глава полиции района Уолтер Браун", the name is the speaker)
          j += 2;
        } else if (j + 1 < b && toks[j].cyr && role_word(j) && head_role(toks[j]) && toks[j + 1].kind == W && toks[j + 1].cyr &&
                   !toks[j + 1].caps && !toks[j + 1].inq && !toks[j + 1].cue() && !toks[j + 1].adverb() &&
                   !toks[j + 1].lex && genitive_shape(toks[j + 1]) &&
                   !(j + 2 < b && caps_word(j + 2))) {
          // a Russian role that heads a genitive and one lower-case genitive:
          // "глава государства", "министр обороны", "директор музея" (not a
          // dative, "сказал глава журналистам", a preposition or an
          // adjective, "конечная"; the phrase ends there)
          j += 1;
          break;
        } else if (toks[j + 1].kind == DOT && j + 2 < b && caps_word(j + 2) &&
                   (toks[j].e - toks[j].s <= 2 || toks[j].title)) {
          j += 2;  // an initial or a title: V. Putin, Sgt. Darren Moss
        } else {
          break;
        }
      }
      bool any_caps = false, any_role = false;
      for (std::size_t k = i; k <= j; ++k) {
        any_caps = any_caps || caps_word(k);
        any_role = any_role || role_word(k);
      }
      if (any_caps || any_role) {
        // after the cue the first run, but a named one over a bare role
        // ("по словам шерифа округа Харрис Эда Гонзалеса")
        if (before || ri == b || (any_caps && !ri_caps)) {
          ri = i;
          rj = j;
          ri_caps = any_caps;
        }
        if (!before && any_caps) break;
      }
      i = j + 1;
    }
  }
  // a subject pronoun anywhere before the cue (Я на заседании комиссии сказал)
  if (before) {
    for (std::size_t i = a; i < b; ++i) {
      if (toks[i].pron() && !toks[i].lex->pron_poss && !toks[i].inq && toks[i].pron() != p_it) {
        set(i, i, 0.75);
        sp.pron = toks[i].pron();
        return sp;
      }
    }
  }
  if (ri < b && before && rj + 1 < b && rj + 3 >= b) {
    // "Shipping agents said": the run and the lower-case head before the cue
    bool head = true;
    std::size_t e = b;
    while (e > rj + 1 && toks[e - 1].adverb()) --e;
    // (no copula: "судья был пьян … и кричал" is a predicate)
    static constexpr std::string_view kCopula[] = {"был", "была", "было", "были", "стал", "стала", "стали",
                                                   "was", "were", "is", "are"};
    for (std::size_t k = rj + 1; k < e && head; ++k) {
      for (const std::string_view c : kCopula) head = head && !tok_is(toks[k], c);
      head = head && toks[k].kind == W && !toks[k].caps && !toks[k].stop() && !toks[k].pron() &&
             !toks[k].cue() && !toks[k].inq && !(toks[k].lex && toks[k].lex->clause) &&
             !weak_word(toks[k]);
    }
    if (head && e > rj + 1) rj = e - 1;
  }
  if (ri < b) {
    // "the press service", "the foreign minister", "the Kremlin press
    // service", "Their support team": one modifier between the article, a
    // name or a possessive and the role belongs to the phrase, and so does
    // the name or the possessive
    if (ri > a + 1 && !toks[ri].caps && !toks[ri].cyr && toks[ri - 1].kind == W && !toks[ri - 1].caps &&
        !toks[ri - 1].cyr && !toks[ri - 1].inq && !toks[ri - 1].cue() && !toks[ri - 1].lex) {
      if (tok_is(toks[ri - 2], "the") || tok_is(toks[ri - 2], "a")) --ri;
      else if (!toks[ri - 2].cyr && (caps_word(ri - 2) || (toks[ri - 2].pron() && toks[ri - 2].lex->pron_poss))) ri -= 2;
    }
    bool named = false;
    for (std::size_t k = ri; k <= rj; ++k) named = named || caps_word(k);
    sp.role_only = !named;
    // "The head of ...": the article belongs to the phrase
    if (ri > a && toks[ri - 1].kind == W && toks[ri - 1].lex && toks[ri - 1].lex->clause &&
        !toks[ri - 1].pron())
      --ri;
    // "агентство «Ассошиэйтед пресс»", "the newspaper "Kommersant"": a
    // role noun and the name in quotes after it
    // (a genitive between, and the name's own "!": "сопредседатель группы
    // «Экозащита!»")
    std::size_t o = rj + 1;
    if (o + 1 < toks.size() && toks[o].kind == W && toks[o].cyr && !toks[o].caps && toks[o + 1].kind == OPEN) ++o;
    if (sp.role_only && o + 1 < toks.size() && toks[o].kind == OPEN) {
      std::size_t k = o + 1;
      bool caps = false;
      for (; k < toks.size() && k <= o + 6 &&
             (is_word(toks[k]) || (toks[k].kind == END && k + 1 < toks.size() && toks[k + 1].kind == CLOSE));
           ++k)
        caps = caps || toks[k].caps;
      if (caps && k < toks.size() && toks[k].kind == CLOSE) {
        rj = k;
        sp.role_only = false;
      }
    }
    const bool role_only = sp.role_only;
    set(ri, rj, 0.85);
    sp.role_only = role_only;
    return sp;
  }
  // a possessive pronoun (his page, в его телеграмме)
  for (std::size_t i = a; i < b; ++i) {
    if (toks[i].pron() && toks[i].lex->pron_poss && !toks[i].inq) {
      set(i, i, 0.7);
      sp.pron = toks[i].pron();
      return sp;
    }
  }
  // a short region: its words
  std::size_t i = a, j = b;
  while (i < j && !is_word(toks[i])) ++i;
  while (j > i && !is_word(toks[j - 1])) --j;
  // the prepositions that open an adverbial, Russian, then English and "для"
  static constexpr std::string_view ru_preps[] = {"в", "во", "на", "с", "со", "по", "к", "у",
                                                  "о", "об", "из", "от", "до", "за", "при"};
  static constexpr std::string_view other_preps[] = {"from", "in", "at", "on", "of", "with", "by", "for", "для"};
  auto one_of = [&](const Tok& k, const std::string_view* list, std::size_t n) {
    for (std::size_t m = 0; m < n; ++m)
      if (tok_is(k, list[m])) return true;
    return false;
  };
  // (not the object of a preposition: "подтвердила в понедельник", "объявил
  // об уходе в отставку")
  auto prep = [&](const Tok& k) { return k.kind == W && k.fl <= 6 && one_of(k, ru_preps, std::size(ru_preps)); };
  if (!before && i < j && j - i <= 5 && toks[j - 1].kind == W && toks[j - 1].cyr &&
      !toks[j - 1].inq && !toks[j - 1].adverb() && toks[j - 1].e - toks[j - 1].s >= 6 &&
      // ("одна из экс-гимнасток" is a subject; "говорится в пресс-релизе"
      // names its document)
      !(j >= i + 2 && prep(toks[i]) && prep(toks[j - 2]) && !(a > 0 && (toks[a - 1].cue() & kImpersonal)))) {
    set(j - 1, j - 1, 0.5);
    return sp;
  }
  // English inversion with a common noun of an agent or a text: '"…,"
  // admitted the hockey player', '"…", - says the message', '"…," said the
  // economist at the bank' (an article and one to three lower-case words,
  // the last an agent's -er, -or, -ist, -ian, -man or a reporting noun; a
  // prepositional phrase after them passed over). An object is no agent:
  // "revealed the details of the incident"
  if (!before && i + 1 < j && toks[i].kind == W && !toks[i].cyr &&
      (tok_is(toks[i], "the") || tok_is(toks[i], "a") || tok_is(toks[i], "an"))) {
    std::size_t h = i + 1;
    while (h < j && h < i + 4 && toks[h].kind == W && !toks[h].caps && !toks[h].cyr && !toks[h].stop() &&
           !toks[h].pron() && !toks[h].cue() && !toks[h].inq && !weak_word(toks[h]) &&
           !one_of(toks[h], other_preps, std::size(other_preps)))
      ++h;
    if (h > i + 1 && (h == j || one_of(toks[h], other_preps, std::size(other_preps)))) {
      const std::string_view head(toks[h - 1].f ? toks[h - 1].f : "", toks[h - 1].fl);
      const bool agent = ends_any(head, {"er", "or", "ist", "ian", "man", "ers", "ors", "ists", "ians", "men"}, 2);
      if (agent || noun_cue(head) || head == "message") {
        set(i, h - 1, 0.5);
        sp.definite = agent && tok_is(toks[i], "the");
        return sp;
      }
    }
  }
  // (an adverb next to the cue is no part of the phrase: "The document also
  // says"; nor one opening the sentence: "Тогда маэстро отозвался")
  while (before && j > i + 1 && toks[j - 1].adverb()) --j;
  if (before && j > i + 1 && toks[i].adverb() && toks[i].caps) ++i;
  if (before && i < j && j - i <= 5) {
    // a prepositional phrase is an adverbial (в один голос, at the meeting);
    // institutions (в Кремле, в полиции) are found above as names and roles.
    // A Russian subject may follow it: "В своей пропаганде нацисты
    // подчеркивали" (four words or more: preposition, its noun phrase, the
    // subject).
    if (one_of(toks[i], other_preps, std::size(other_preps)) || one_of(toks[i], ru_preps, std::size(ru_preps))) {
      const Tok& last = toks[j - 1];
      if (j - i >= 4 && last.kind == W && last.cyr && !last.caps && !last.inq && !weak_word(last) &&
          !(last.lex && (last.lex->clause || last.lex->pron_poss)) && last.e - last.s >= 8)
        set(j - 1, j - 1, 0.5);
      return sp;
    }
    std::size_t words = 0;
    for (std::size_t k = i; k < j; ++k) {
      if (toks[k].inq) return sp;
      if (weak_word(toks[k])) return sp;
      words += toks[k].kind == W;  // a number alone names nobody ("At 17:47, it was reported")
    }
    if (words >= 1) set(i, j - 1, 0.5);
  }
  return sp;
}

// Start of the stretch that ends at toks[v]: after the last comma, colon,
// semicolon, dash, mark or stop word. A parenthetical (", in turn,",
// ", в свою очередь,") or a comma before adverbs only is looked through.
bool paren_word(const Tok& k) {
  // (string_views: a const char* list costs a strlen per word compared)
  static constexpr std::string_view words[] = {"in", "turn", "however", "meanwhile", "though", "particular",
                                               "в", "свою", "очередь", "однако", "впрочем", "частности",
                                               "his", "her", "its", "their", "own"};
  if (k.adverb()) return true;
  for (const std::string_view w : words)
    if (tok_is(k, w)) return true;
  return false;
}

std::size_t clause_start(Toks toks, std::size_t lo, std::size_t v) {
  std::size_t i = v;
  while (i > lo) {
    const Tok& k = toks[i - 1];
    if (k.kind == COMMA) {
      // only parenthetical words up to the previous comma: look through
      std::size_t j = i - 1;
      std::size_t words = 0;
      bool paren = true;
      while (j > lo && toks[j - 1].kind != COMMA && i - 1 - j < 5) {
        paren = paren && toks[j - 1].kind == W && paren_word(toks[j - 1]);
        ++words;
        --j;
      }
      if (paren && words > 0 && j > lo && toks[j - 1].kind == COMMA && i < v + 1) {
        i = j - 1;
        continue;
      }
      // a comma before adverbs only ("Experts interviewed by X, also felt")
      bool adverbs = i < v;
      for (std::size_t m = i; m < v; ++m) adverbs = adverbs && toks[m].adverb();
      if (adverbs) {
        --i;
        continue;
      }
      return i;
    }
    if (k.kind == CLOSE) {
      // a short quoted name belongs to the phrase (the company «Neftegaz»)
      std::size_t j = i - 1;
      while (j > lo && toks[j - 1].kind != OPEN && i - j < 8) --j;
      if (j > lo && toks[j - 1].kind == OPEN) {
        i = j - 1;
        continue;
      }
      return i;
    }
    if (k.stop() && i >= 2 && tok_is(toks[i - 2], "только")) {
      i -= 2;  // "только что" (just) is no conjunction
      continue;
    }
    if (k.kind == COLON || k.kind == SEMI || k.kind == DASH || k.kind == OPEN ||
        k.kind == END || k.kind == LPAR || k.kind == RPAR || k.stop())
      return i;
    --i;
  }
  return lo;
}

bool is_conjunction(const Tok& k) { return k.kind == W && k.conj; }

// End of the stretch after the cue at toks[v] where its speaker may stand.
std::size_t region_after(Toks toks, std::size_t v, std::size_t hi) {
  std::size_t i = v + 1;
  std::size_t words = 0;
  while (i < hi) {
    const Tok& k = toks[i];
    if (k.kind == END || k.kind == DASH || k.kind == COLON || k.kind == SEMI || k.stop()) break;
    if (k.kind == DOT && !(i > 0 && toks[i - 1].kind == W &&
                           (toks[i - 1].e - toks[i - 1].s <= 2 || toks[i - 1].title)))
      break;
    if (k.kind == COMMA && words > 0) break;
    if (k.kind == W && k.speech() && words > 0) break;
    if (words > 0 && is_conjunction(k)) break;  // сказал швейцар и пошёл
    words += is_word(k);
    ++i;
  }
  return i;
}

struct Found {
  Span span;
  quote_kind kind;
  Speaker sp;
  const char* rule;
  std::uint32_t zone;  // index of its body zone, for carrying speakers over
};

// A set of text offsets: open addressing in one array (an unordered_set
// allocated a node an offset), emptied keeping its memory.
class OffsetSet {
 public:
  void clear() {
    if (n_ == 0) return;
    std::fill(slots_.begin(), slots_.end(), kEmpty);
    n_ = 0;
  }
  bool contains(std::uint32_t x) const {
    if (slots_.empty()) return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = slot(x, mask);; i = (i + 1) & mask) {
      if (slots_[i] == x) return true;
      if (slots_[i] == kEmpty) return false;
    }
  }
  void insert(std::uint32_t x) {
    if ((n_ + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot(x, mask);
    while (slots_[i] != kEmpty && slots_[i] != x) i = (i + 1) & mask;
    if (slots_[i] == kEmpty) slots_[i] = x, ++n_;
  }
  std::size_t capacity() const { return slots_.size(); }

 private:
  static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};  // (no offset: a text is below 4 GiB)
  static std::size_t slot(std::uint32_t x, std::size_t mask) {
    return static_cast<std::size_t>((std::uint64_t{x} * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  }
  void grow() {
    std::vector<std::uint32_t> old(slots_.empty() ? 16 : slots_.size() * 2, kEmpty);
    old.swap(slots_);
    n_ = 0;
    for (const std::uint32_t x : old)
      if (x != kEmpty) insert(x);
  }
  std::vector<std::uint32_t> slots_;
  std::size_t n_ = 0;
};

// The buffers of find_quotes() and its Finder, kept by each thread from one
// document to the next (as QuoteBuffers): allocating them cost a short
// document about ten malloc/free pairs. Each use clears what it fills.
struct FinderBuffers {
  std::vector<Found> found, indirect;
  std::vector<std::size_t> by_cue;
  std::vector<std::uint32_t> direct_starts;
  std::vector<Span> speaker_spans;
  std::vector<bool> done;
  std::vector<Tok> look;
  OffsetSet used;
  // (find_quotes() calls nothing that could call it again: one set a thread)
  static FinderBuffers& mine() {
    thread_local FinderBuffers b;
    return b;
  }
  // (a huge document's buffers are not kept for the next one)
  void trim() {
    constexpr std::size_t kKeep = std::size_t{1} << 14;
    release_if_over(found, kKeep);
    release_if_over(indirect, kKeep);
    release_if_over(by_cue, kKeep);
    release_if_over(direct_starts, kKeep);
    release_if_over(speaker_spans, kKeep);
    release_if_over(done, kKeep);
    release_if_over(look, kKeep);
    release_if_over(used, kKeep);
  }
};

// Trims whitespace, marks and punctuation from the content's ends.
Span trim(std::string_view t, std::uint32_t s, std::uint32_t e) {
  auto edge = [](char32_t c) {
    return is_space(c) || c == ',' || c == ';' || c == ':' || c == 0x2014 || c == 0x2013;
  };
  while (s < e) {
    const decoded_char d = decode_utf8(t.data() + s, t.data() + e);
    if (!edge(d.cp)) break;
    s += d.len;
  }
  while (e > s) {
    std::uint32_t b = e - 1;
    while (b > s && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) --b;
    const decoded_char d = decode_utf8(t.data() + b, t.data() + e);
    if (!edge(d.cp)) break;
    e = b;
  }
  return Span{s, e, 0, 0};
}

class Finder {
 public:
  Finder(Ctx& cx, const std::vector<Span>& zones, QuoteBuffers& b, FinderBuffers& fb)
      : cx_(cx), scratch_buf_(b.scratch), zones_(zones), toks_buf_(b.toks), used_(fb.used), indirect_(fb.indirect),
        direct_starts_(fb.direct_starts), reports_(b.reports), opens_(b.opens), speaker_spans_(fb.speaker_spans),
        done_(fb.done), look_buf_(fb.look) {
    indirect_.clear();
    done_.clear();
    // a sentence's tokens fit without growing the buffers a sentence at a time
    toks_buf_.reserve(256);
    scratch_buf_.reserve(256);
  }

  void run(std::vector<QuotePair>& pairs, std::vector<Found>& out) {
    used_.clear();
    pairs_ = pairs.data();
    pair_count_ = pairs.size();
    for (const QuotePair& p : pairs) marked(p, out);
    // (the marked quotes attributed so far, which no indirect clause takes in)
    direct_starts_.clear();
    // (sentences of four words or more: no name in marks)
    for (const Found& f : out)
      if (f.kind == quote_kind::direct && f.sp.found() && content_words(f.span) >= 4)
        direct_starts_.push_back(f.span.start);
    std::sort(direct_starts_.begin(), direct_starts_.end());
    for (std::size_t si = 0; si < cx_.sents_.size(); ++si) indirect(si, out);
    std::sort(indirect_.begin(), indirect_.end(),
              [](const Found& a, const Found& b) { return a.span.start < b.span.start; });
    speaker_spans_.clear();
    speaker_spans_.reserve(out.size());
    for (const Found& f : out)
      if (f.sp.found()) speaker_spans_.push_back(f.sp.mention);
    std::sort(speaker_spans_.begin(), speaker_spans_.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    for (const QuotePair& p : pairs) rest(p, out);
    std::sort(out.begin(), out.end(),
              [](const Found& a, const Found& b) { return a.span.start < b.span.start; });
    carry(out);
  }

 private:
  // May the sentence [a, b) hold a report? Not when none of its words opens
  // one: most sentences are then neither copied nor scanned. (A word cut by
  // its edge is read anew in it: no telling; a whole word and the ones next
  // to it read the same in the sentence as in the text.)
  bool may_report(std::uint32_t a, std::uint32_t b) {
    const std::vector<Tok>& all = cx_.all_;
    const std::string_view t = cx_.t_;
    // (no token holds a space: an edge next to one cuts none, and is most
    // edges; the others are searched for)
    auto cut = [&](std::uint32_t x) {
      if (x == 0 || x >= t.size() || is_space(static_cast<unsigned char>(t[x - 1])) ||
          is_space(static_cast<unsigned char>(t[x])))
        return false;
      const std::size_t i = cx_.first_after(x);
      return i < all.size() && all[i].s < x;
    };
    if (cut(a) || cut(b)) return true;
    // (sentences come in text order: a cursor, not a search)
    if (report_at_ > 0 && reports_[report_at_ - 1] >= a) report_at_ = 0;
    while (report_at_ < reports_.size() && reports_[report_at_] < a) ++report_at_;
    return report_at_ < reports_.size() && reports_[report_at_] < b;
  }
  std::uint32_t zone_of(std::uint32_t pos) const {
    auto it = std::upper_bound(zones_.begin(), zones_.end(), pos,
                               [](std::uint32_t x, const Span& z) { return x < z.start; });
    return it == zones_.begin() ? 0 : static_cast<std::uint32_t>(it - zones_.begin() - 1);
  }
  bool used(std::uint32_t pos) const { return used_.contains(pos); }
  void use(const Tok& v) { used_.insert(v.s); }

  Speaker with_cue(Speaker sp, const Tok& v) {
    sp.cue = Span{v.s, v.e, 0, 0};
    sp.cue_flags = v.cue();
    return sp;
  }

  // "RIA Novosti quoted him as saying", "quoting one reader as saying",
  // "Ovechkin was quoted as saying by NHL.com": the one quoted is the
  // speaker, not the source that quotes him (the source only when the one
  // quoted is a document: "TASS quoted the message as saying"). toks[v] is
  // the participle after "as"; false when the words before it are no such
  // construction.
  bool quoted_as(Toks toks, std::size_t lo, std::size_t v, Speaker& out) {
    if (v < lo + 2 || toks[v].cyr || !tok_is(toks[v - 1], "as") ||
        !(tok_is(toks[v], "saying") || tok_is(toks[v], "telling") || tok_is(toks[v], "stating") ||
          tok_is(toks[v], "writing")))
      return false;
    auto quote_verb = [&](const Tok& k) {
      return tok_is(k, "quoted") || tok_is(k, "quotes") || tok_is(k, "quote") || tok_is(k, "quoting");
    };
    std::size_t q = v - 1;
    while (q > lo && q + 7 > v) {
      --q;
      // (words, and the dots of a site's name: "by Metaratings.ru")
      if ((toks[q].kind != W && toks[q].kind != DOT && toks[q].kind != NUM) || toks[q].inq) return false;
      if (quote_verb(toks[q])) break;
    }
    if (!quote_verb(toks[q])) return false;
    Speaker sp;
    const bool passive = q > lo && (tok_is(toks[q - 1], "was") || tok_is(toks[q - 1], "were") ||
                                    tok_is(toks[q - 1], "is") || tok_is(toks[q - 1], "are") ||
                                    tok_is(toks[q - 1], "been"));
    if (passive) {
      // "X was quoted as saying", "X was quoted by Y as saying"
      sp = subject_before(toks, lo, q - 1);
    } else if (q + 2 == v) {
      return false;
    } else if (q + 3 == v && (tok_is(toks[q + 1], "him") || tok_is(toks[q + 1], "her") ||
                              tok_is(toks[q + 1], "them"))) {
      // an object pronoun names the last speaker of its kind
      sp.mention = Span{toks[q + 1].s, toks[q + 1].e, 0, 0};
      sp.pron = tok_is(toks[q + 1], "him") ? p_he : tok_is(toks[q + 1], "her") ? p_she : p_they;
      sp.conf = 0.75;
    } else {
      // (a document quotes its source's words: "TASS quoted the report")
      const Tok& head = toks[v - 2];
      const bool document =
          head.kind == W && (speech_noun(head) || noun_cue(std::string_view(head.f ? head.f : "", head.fl)));
      sp = document ? subject_before(toks, lo, q) : speaker_in(cx_, toks, q + 1, v - 1, true);
    }
    if (!sp.found()) return false;
    out = with_cue(sp, toks[q]);
    return true;
  }

  // The speaker of the cue toks[v]: before it, else after it.
  Speaker speaker_of(Toks toks, std::size_t lo, std::size_t v, std::size_t hi) {
    Speaker sp;
    if (quoted_as(toks, lo, v, sp)) return sp;
    if (!(toks[v].cue() & kImpersonal)) sp = subject_before(toks, lo, v);
    // ("говорится о том, что": what it is about, not who)
    const bool about = v + 1 < toks.size() && (tok_is(toks[v + 1], "о") || tok_is(toks[v + 1], "об"));
    if (!sp.found() && !about) sp = speaker_in(cx_, toks, v + 1, region_after(toks, v, hi), false);
    if (!sp.found() && (toks[v].cue() & kImpersonal)) sp = source_before(toks, lo, v);
    return with_cue(sp, toks[v]);
  }

  // The document an impersonal cue quotes: "В заявлении МИД говорится",
  // "В сообщении пресс-службы отмечается" (the phrase after "в").
  Speaker source_before(Toks toks, std::size_t lo, std::size_t v) {
    const std::size_t a = clause_start(toks, lo, v);
    if (a + 1 < v && toks[a].kind == W && (tok_is(toks[a], "в") || tok_is(toks[a], "во"))) {
      // "X распространила заявление, в котором говорится": X
      if (relative(toks[a + 1])) {
        if (a < lo + 2 || toks[a - 1].kind != COMMA) return Speaker{};
        const Speaker sp = subject_before(toks, lo, a - 1);
        return sp.found() && sp.conf >= 0.85 ? sp : Speaker{};
      }
      // "в сентябре сообщалось", "в 2019 году говорилось": a time, no source
      if (toks[a + 1].kind == NUM || ru_time_word(toks[a + 1])) return Speaker{};
      std::size_t e = v;
      while (e > a + 1 && toks[e - 1].adverb()) --e;
      if (e > a + 1 && e - a <= 7) return speaker_in(cx_, toks, a + 1, e, true);
    }
    return Speaker{};
  }

  // The subject of the cue at toks[v]: the phrase right before it, or the
  // one before an apposition or a relative clause ("X, the resort's
  // president, said"; "X, who worked for Y, claimed"), or the sentence's
  // first phrase when a conjunction stands before the cue ("X called Y
  // "hysterical" and said that").
  Speaker subject_before(Toks toks, std::size_t lo, std::size_t v) {
    std::size_t end = v;
    Speaker weak, in_apposition;
    for (int hop = 0; hop < 3; ++hop) {
      const std::size_t a = clause_start(toks, lo, end);
      std::size_t words = 0, conj = 0;
      for (std::size_t i = a; i < end; ++i) {
        words += is_word(toks[i]);
        conj += toks[i].kind == W && (conjunction(toks[i]) || toks[i].adverb());
      }
      if (hop == 0 && words > conj && end == v && end > a + 2 && toks[end - 1].kind == CLOSE) {
        // "X calls Y "hysterical," says he …": a quote ends the clause
        // before the cue; the verbs share the clause's subject
        std::size_t o = end - 1;
        while (o > a && toks[o].kind != OPEN) --o;
        if (o > a && toks[o].kind == OPEN) {
          const Speaker first = speaker_in(cx_, toks, a, o, false);
          if (first.found() && first.conf >= 0.85) return first;
        }
      }
      // (adverbs after the apposition's comma do not end it: "X, a
      // spokeswoman for the Tartu courts, previously explained")
      bool adverbs_after = false;
      if (end == v && a + 1 < end) {
        std::size_t c = end;
        while (c > a && toks[c - 1].kind == W && toks[c - 1].adverb()) --c;
        adverbs_after = c < end && c > a && toks[c - 1].kind == COMMA;
      }
      if (words > conj && (end < v || adverbs_after) && a > lo && toks[a - 1].kind == COMMA && toks[a].kind == W &&
          (tok_is(toks[a], "a") || tok_is(toks[a], "an"))) {
        // "X, the ambassador to China, a major exporter of …, said": an
        // apposition; the name stands before it (what the apposition names,
        // "China", only when nothing before it does)
        Speaker sp = speaker_in(cx_, toks, a, end, true);
        if (sp.found() && !in_apposition.found()) in_apposition = sp;
        words = conj = 0;
      }
      // ("…, после чего крикнул", "…, after which he said": the clause
      // continues the one before it, whose subject speaks)
      const bool after_which = a + 1 < end && toks[a].kind == W && !toks[a].caps && toks[a + 1].kind == W &&
                               (tok_is(toks[a + 1], "чего") || tok_is(toks[a + 1], "чем") ||
                                tok_is(toks[a + 1], "which"));
      // (a relative clause closed by a comma, adverbs after it: "Совет
      // Туниса, где произошел переворот, официально подтвердил")
      bool closed = end < v;
      for (std::size_t i = a + 1; i < end && !closed; ++i) closed = toks[i].kind == COMMA;
      // (the cue inside the relative clause with a subject of its own: "The
      // first option, which Denisenko called a «perfect storm»")
      const bool own_subject = end == v && toks[a].kind == W && (toks[a].caps || toks[a].pron()) && !toks[a].inq;
      if (words > conj &&
          (after_which || (a > lo && relative(toks[a - 1]) && !own_subject) || (closed && relative(toks[a])))) {
        // "X, who worked for Y, claimed", "The family of a teenager who was
        // injured in Leeds described": the relative clause names nobody
        words = conj = 0;
      }
      if (words > conj && end < v &&
          (gerund(toks[a]) || past_participle(toks[a]) || (a + 1 < end && toks[a].adverb() == false && toks[a].kind == W &&
                               !toks[a].caps && gerund(toks[a + 1])))) {
        // "X, выступая в Белом доме, назвал" / "X, speaking in Y, said"
        words = conj = 0;
      }
      if (words > conj) {
        Speaker sp = speaker_in(cx_, toks, a, end, true);
        // "X верил в Бога и на вопрос … отвечал": coordinated verbs share the
        // subject that opens the clause
        for (std::size_t cj = a + 2; cj < end; ++cj) {  // ("X met Y and said" too)
          if (!conjunction(toks[cj]) || toks[cj].inq) continue;
          const Speaker first = speaker_in(cx_, toks, a, cj, false);
          if (first.found() && first.conf >= 0.85) sp = first;
          break;
        }
        std::size_t h = a;
        while (h < end && toks[h].kind == W && toks[h].lex && toks[h].lex->clause) ++h;
        bool apposition = h < end && toks[h].role() && !toks[h].caps;
        // (a noun and "of" is one too: "X, winner of the State Prize of the
        // Russian Federation, said")
        apposition = apposition || (h + 1 < end && toks[h].kind == W && !toks[h].caps && !toks[h].cyr &&
                                    !toks[h].lex && tok_is(toks[h + 1], "of"));
        if (h > a && end < v) {
          // "X, the resort's president and CEO, said"
          for (std::size_t m = h; m < end && !apposition; ++m) apposition = toks[m].role();
        }
        if (sp.found() && (sp.role_only || apposition) && end < v && a > lo &&
            toks[a - 1].kind == COMMA) {
          // "David Beasley, the organisation's executive director, said": the name
          const std::size_t a2 = clause_start(toks, lo, a - 1);
          Speaker named = speaker_in(cx_, toks, a2, a - 1, true);
          if (named.found() && named.conf >= 0.85 && !named.role_only) return named;
        }
        if (sp.found() && sp.conf >= 0.7) return sp;
        if (sp.found() && !weak.found()) weak = sp;
      } else if (words > 0 && hop == 0) {
        Speaker sp = speaker_in(cx_, toks, lo, a, false);
        if (sp.found() && sp.conf >= 0.7) return sp;
      }
      if (a <= lo) break;
      const Tok& b = toks[a - 1];
      if (weak.found() && b.kind == COMMA) {
        // "Вернувшись в кабинет, дед сказал": the phrase next to the cue,
        // unless a person's name stands before the comma
        const std::size_t a2 = clause_start(toks, lo, a - 1);
        Speaker sp = speaker_in(cx_, toks, a2, a - 1, true);
        return sp.found() && sp.conf >= 0.95 ? sp : weak;
      }
      if (b.kind == COMMA || relative(b)) {
        end = a - 1;
        if (relative(b) && end > lo && toks[end - 1].kind == COMMA) --end;
        continue;
      }
      break;
    }
    return weak.found() ? weak : in_apposition;
  }
  // A participle or gerund of a naming verb: calling, dubbing; назвав,
  // называя (not the finite назвал).
  static bool nonfinite(const Tok& k) {
    return ends_any(std::string_view(k.f ? k.f : "", k.fl), {"ing", "ав", "ив", "ев", "яв", "ая", "яя"}, 2);
  }
  // A verbal adverb or participle that opens a phrase: speaking, выступая,
  // вернувшись.
  bool gerund(const Tok& k) const {
    if (k.kind != W || k.caps) return false;
    return ends_any(cx_.t_.substr(k.s, k.e - k.s), {"ing", "вшись", "ая", "яя", "ив", "ав", "ший", "щий", "шие",
                                                    "щие", "шая", "щая", "ясь", "ась"}, 4);
  }
  // A lower-case Russian word with an adjective's or a participle's ending
  // (знакомый, близкий, пожелавший, ответственная).
  bool ru_adjective(const Tok& k) const {
    if (k.kind != W || !k.cyr || k.caps || !k.f) return false;
    // (eight bytes or more: a stem and the ending)
    return ends_any(std::string_view(k.f, k.fl), {"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие"}, 3);
  }
  // "asked for help", "рассказал о": the cue's object, not a report
  bool preposition(const Tok& k) const {
    if (k.kind != W || k.fl > 6) return false;  // the longest is "про", six bytes
    static constexpr std::string_view words[] = {"for", "about", "to", "on", "in", "at", "of", "with", "by", "from",
                                                 "о", "об", "про", "на", "в", "с", "по", "за", "у", "к"};
    for (const std::string_view w : words)
      if (tok_is(k, w)) return true;
    return false;
  }
  // Nouns of what a person said or wrote: "Thunberg's speech", "Putin's words".
  bool speech_noun(const Tok& k) const {
    static constexpr std::string_view words[] = {"speech", "words", "remarks", "statement", "comments", "tweet",
                                                 "letter", "message", "post", "address", "interview", "column"};
    for (const std::string_view w : words)
      if (tok_is(k, w)) return true;
    return false;
  }
  // A cue in a finite past form: said, urged, заявил, добавила (not "say",
  // which may be an infinitive: "and say").
  bool finite_cue(const Tok& k) const {
    if (k.kind != W || !k.f) return false;
    const std::string_view f(k.f, k.fl);
    return f == "said" || f == "told" || f == "wrote" || ends_any(f, {"ed", "л", "ла", "ли"}, 1);
  }
  // An English past participle opening a phrase between commas: "The
  // report, released on Monday, says" (after a subject, "he intended" is
  // finite: only the phrase's first word is asked).
  bool past_participle(const Tok& k) const {
    if (k.kind != W || k.caps || k.cyr) return false;
    return ends_with(cx_.t_.substr(k.s, k.e - k.s), "ed", 3);
  }
  // "…, а депутат X назвал его «вруном», заявив, что …": the subject of the
  // clause of the participle at toks[v], when a comma and a conjunction
  // (", а", ", and") open that clause; not found otherwise.
  Speaker joint_subject(Toks toks, std::size_t v) const {
    for (std::size_t j = v; j-- > 1;) {
      if (toks[j - 1].kind == COMMA && conjunction(toks[j])) return speaker_in(cx_, toks, j + 1, v - 1, false);
    }
    return Speaker{};
  }
  // A form of "be" before a participle: the cue is a passive.
  bool be_aux(const Tok& k) const {
    return k.kind == W && (tok_is(k, "was") || tok_is(k, "were") || tok_is(k, "is") || tok_is(k, "are") ||
                           tok_is(k, "been") || tok_is(k, "be"));
  }
  bool conjunction(const Tok& k) const {
    return tok_is(k, "and") || tok_is(k, "but") || tok_is(k, "и") || tok_is(k, "а") ||
           tok_is(k, "но") || tok_is(k, "or");
  }
  bool relative(const Tok& k) const {
    if (k.kind != W || k.acronym) return false;
    // relative and interrogative words open a clause that names nobody
    // (на вопрос, откуда произошёл человек, отвечал)
    for (const char* w : {"who", "which", "whose", "откуда", "куда", "где", "почему", "зачем"})
      if (tok_is(k, w)) return true;
    return k.e - k.s <= 32 && k.fl >= 10 && std::memcmp(k.f, "котор", 10) == 0;
  }

  void add(std::vector<Found>& out, Span s, quote_kind k, const Speaker& sp, const char* rule) {
    if (s.empty()) return;
    out.push_back(Found{s, k, sp, rule, zone_of(s.start)});
    if (k == quote_kind::indirect) indirect_.push_back(out.back());
  }

  // Rule 1: a marked quote with its attribution next to it.
  void marked(const QuotePair& p, std::vector<Found>& out) {
    done_.push_back(false);
    if (p.depth > 0) return;
    const std::string_view t = cx_.t_;
    // inside: «A, — написал он. — B»
    // within its own content a quote's words are not "quoted" (an inner
    // quote's still are, as far as the top level can tell): a copy
    {
      const Toks c = cx_.tokenize(p.content_start, p.content_end, toks_buf_);
      if (c.begin() != toks_buf_.data()) toks_buf_.assign(c.begin(), c.end());
      for (Tok& k : toks_buf_) k.inq = false;
      toks_ = Toks(toks_buf_);
    }
    for (std::size_t d = 1; d + 1 < toks_.size(); ++d) {
      if (toks_[d].kind != DASH || !toks_[d + 1].speech() || toks_[d + 1].inq != toks_[d].inq)
        continue;
      const Tok& prev = toks_[d - 1];
      if (prev.kind != COMMA && prev.kind != END && prev.kind != DOT) continue;
      std::size_t d2 = d + 2;
      while (d2 < toks_.size() && toks_[d2].kind != DASH && d2 < d + 12) ++d2;
      if (d2 + 1 >= toks_.size() || toks_[d2].kind != DASH) continue;
      const Speaker sp = with_cue(speaker_in(cx_, toks_, d + 2, d2, false), toks_[d + 1]);
      if (!sp.found()) continue;
      use(toks_[d + 1]);
      add(out, trim(t, p.content_start, prev.s), quote_kind::direct, sp, "interrupted");
      add(out, trim(t, toks_[d2].e, p.content_end), quote_kind::direct, sp, "interrupted");
      done_.back() = true;
      return;
    }
    const Span content = trim(t, p.content_start, p.content_end);
    if (content.empty()) return;
    // the content's own last character (trim() drops a final comma), read
    // inside a nested quote that ends it: "… they would say 'hysterical,'"
    Span raw{p.content_start, p.content_end, 0, 0};
    while (raw.end > raw.start && is_space(static_cast<unsigned char>(t[raw.end - 1]))) --raw.end;
    for (int nested = 0; nested < 3 && !raw.empty(); ++nested) {
      std::uint32_t b = raw.end - 1;
      while (b > raw.start && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) --b;
      if (cx_.mark_kind(b) != CLOSE) break;
      raw.end = b;
      while (raw.end > raw.start && is_space(static_cast<unsigned char>(t[raw.end - 1]))) --raw.end;
    }
    const char32_t last = raw.empty() ? 0 : cp_last(raw);
    const bool ends_punct = last == '.' || last == ',' || last == '!' || last == '?' || last == 0x2026;
    // a work's name after its noun is a title whatever it holds: 'the
    // Kommersant article "Israel is waiting for Hezbollah's revenge."', "в
    // фильме «…»", "a book titled "…"" (a colon would introduce speech)
    {
      // the word right before the mark, read back over the bytes (lower-case
      // a..z and а..я only: a capitalised word is a name)
      std::uint32_t e = p.open;
      while (e > 0 && t[e - 1] == ' ') --e;
      std::uint32_t b = e;
      while (b > 0 && ((t[b - 1] >= 'a' && t[b - 1] <= 'z') ||
                       (b >= 2 && (static_cast<unsigned char>(t[b - 2]) == 0xD0 || static_cast<unsigned char>(t[b - 2]) == 0xD1) &&
                        lower_ru2(static_cast<unsigned char>(t[b - 2]), static_cast<unsigned char>(t[b - 1])))))
        b -= (t[b - 1] >= 'a' && t[b - 1] <= 'z') ? 1 : 2;
      char wbuf[32];
      const std::string_view w = e > b && e - b <= 30 && (b == 0 || !is_letter(static_cast<unsigned char>(t[b - 1])))
                                     ? fold(t.substr(b, e - b), wbuf, sizeof wbuf)
                                     : std::string_view();
      if (!w.empty()) {
        // (and a medium's or a show's name: 'told the TV channel "360"',
        // "в эфире телеканала «Россия 1»", "газета «Коммерсантъ»")
        static constexpr std::string_view kExact[] = {
            "article", "book", "film", "movie", "song", "album", "novel", "series",
            "exhibition", "titled", "entitled", "headlined", "channel", "newspaper", "magazine",
            "programme", "program", "show", "radio", "station", "website", "broadcaster",
            "статья", "статье", "статью", "статьи", "названием", "озаглавленной", "озаглавленная"};
        static constexpr std::string_view kStems[] = {"книг", "фильм", "песн", "альбом", "роман", "пьес",
                                                      "сериал", "спектакл", "выставк", "телеканал", "газет",
                                                      "журнал", "радиостанци", "телепрограмм", "передач",
                                                      "телешоу"};
        bool work = false;
        for (const std::string_view x : kExact) work = work || w == x;
        for (const std::string_view x : kStems)
          work = work || (w.size() >= x.size() && w.size() <= x.size() + 6 && w.compare(0, x.size(), x) == 0);
        if (work) {
          add(out, content, quote_kind::title, Speaker{}, "title");
          done_.back() = true;
          return;
        }
      }
    }
    // a law's or a decree's name after its noun is a title whatever follows:
    // "закона «О государственном регулировании …», сообщает РБК" (the shape
    // alone, «О нас забыли», may be speech)
    if (last != '.' && last != '!' && last != '?' && toks_.size() > 1 && toks_[0].kind == W && toks_[0].caps &&
        toks_[0].cyr && (tok_is(toks_[0], "о") || tok_is(toks_[0], "об")) && toks_[1].kind == W &&
        !toks_[1].caps) {
      const std::size_t si = cx_.sentence_at(p.open);
      std::uint32_t from = si < cx_.sents_.size() ? std::min(cx_.sents_[si].start, p.open) : p.open;
      // (the noun stands right before the mark: a long sentence is not read
      // again for each quote in it)
      if (p.open - from > 64) from = p.open - 64;
      while (from < p.open && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) ++from;
      scratch_ = cx_.tokenize(from, p.open, scratch_buf_);
      if (!scratch_.empty() && scratch_.back().kind == W && scratch_.back().f) {
        const std::string_view w(scratch_.back().f, scratch_.back().fl);
        for (const char* stem : {"закон", "указ", "постановлени", "приказ", "распоряжени", "кодекс",
                                 "программ", "конвенци", "договор", "соглашени", "резолюци", "декрет"}) {
          const std::string_view st(stem);
          if (w.size() >= st.size() && w.compare(0, st.size(), st) == 0) {
            add(out, content, quote_kind::title, Speaker{}, "title");
            done_.back() = true;  // (classified: the pass over the rest adds nothing)
            return;
          }
        }
      }
    }
    // after: «…», — сказал X. / "…," said X / "…" she said
    {
      const std::uint32_t from = p.close + (p.missing_close ? 0 : mark_len(p.close));
      const std::size_t si = cx_.sentence_at(from);
      std::uint32_t to = si < cx_.sents_.size() ? cx_.sents_[si].end : from;
      if (to < from) to = from;
      toks_ = cx_.tokenize(from, std::min<std::uint32_t>(to, from + 400), toks_buf_);
      std::size_t i = 0;
      bool lead = false;
      // (and wiki markup's italics: ''«…»'', — прокомментировал X)
      while (i < toks_.size() && (toks_[i].kind == COMMA || toks_[i].kind == DASH || toks_[i].kind == DOT ||
                                  toks_[i].kind == END || (toks_[i].kind == OTHER && t[toks_[i].s] == '\''))) {
        lead = lead || toks_[i].kind == COMMA || toks_[i].kind == DASH;
        ++i;
      }
      const std::size_t first = i;
      if ((lead || ends_punct) && i + 2 < toks_.size() && according_at(toks_, i)) {
        // "«…», по словам X." / ""…," according to a statement from X."
        std::size_t c = i + 2;
        while (c < toks_.size() && c < i + 10 && toks_[c].kind != COMMA && toks_[c].kind != END &&
               toks_[c].kind != DOT && toks_[c].kind != SEMI)
          ++c;
        // the phrase stands alone, as a subject would: "the army" will do
        Speaker sp = speaker_in(cx_, toks_, i + 2, c, true);
        if (sp.found()) {
          sp.cue = Span{toks_[i].s, toks_[i + 1].e, 0, 0};
          add(out, content, quote_kind::direct, sp, "according_to");
          done_.back() = true;
          return;
        }
      }
      // ""How dare you?" Thunberg's U.N. speech inspires …": the owner of
      // the speech named right after the quote said it (the quote's own
      // sentence may have ended inside its marks)
      // (a quote that opens its zone, as a headline does: after another
      // quote, "X's address electrified …" is narration)
      bool opens_zone = false;
      if (first >= toks_.size() && !zones_.empty()) {
        std::uint32_t z = zones_[zone_of(p.open)].start;
        while (z < p.open && is_space(static_cast<unsigned char>(t[z]))) ++z;
        opens_zone = z == p.open;
      }
      if (opens_zone && (last == '?' || last == '!' || last == '.')) {
        look_ = cx_.tokenize(from, std::min<std::uint32_t>(static_cast<std::uint32_t>(t.size()), from + 80), look_buf_);
        // a capitalised name of up to three words, its last with 's
        std::size_t j = 0;
        std::uint32_t cut = 0;
        while (!cut && j < look_.size() && j < 3 && look_[j].kind == W && look_[j].caps && !look_[j].cyr) {
          const std::string_view w = t.substr(look_[j].s, look_[j].e - look_[j].s);
          cut = ends_with(w, "'s", 1) ? 2 : ends_with(w, "\xE2\x80\x99s", 1) ? 4 : 0;
          ++j;
        }
        for (std::size_t m = j; cut && m < look_.size() && m < j + 5 && (look_[m].kind == W || look_[m].kind == DOT); ++m) {
          if (!speech_noun(look_[m])) continue;
          Speaker sp;
          sp.mention = Span{look_[0].s, look_[j - 1].e - cut, 0, 0};
          sp.cue = Span{look_[m].s, look_[m].e, 0, 0};
          sp.conf = 0.85;
          add(out, content, quote_kind::direct, sp, "possessive");
          done_.back() = true;
          return;
        }
      }
      if (ends_punct || lead) {
        std::size_t words = 0;
        for (; i < toks_.size() && words < 10; ++i) {
          const Tok& k = toks_[i];
          // ""…," Smith, 54, told": an age between commas
          if (k.kind == COMMA && words > 0 && i + 2 < toks_.size() && toks_[i + 1].kind == NUM &&
              toks_[i + 2].kind == COMMA) {
            i += 2;
            continue;
          }
          // ""…," Anette Kreitsmann, spokeswoman for the Tartu courts,
          // explained": a role in apposition between commas
          if (k.kind == COMMA && words > 0 && toks_[i - 1].kind == W && toks_[i - 1].caps) {
            std::size_t r = i + 1;
            bool role = false, cue = false;
            while (r < toks_.size() && r < i + 10 && toks_[r].kind != COMMA && toks_[r].kind != END &&
                   toks_[r].kind != DOT && toks_[r].kind != OPEN && toks_[r].kind != CLOSE) {
              role = role || toks_[r].role();
              cue = cue || toks_[r].cue() != 0;
              ++r;
            }
            if (role && !cue && r < toks_.size() && toks_[r].kind == COMMA) {
              i = r;
              continue;
            }
          }
          // ""…," the spokesman for the Kremlin, Dmitry Peskov, told": a name
          // in apposition between commas
          if (k.kind == COMMA && words > 0) {
            std::size_t r = i + 1;
            while (r < toks_.size() && r < i + 5 && toks_[r].kind == W && toks_[r].caps) ++r;
            if (r > i + 1 && r < toks_.size() && toks_[r].kind == COMMA) {
              words += r - i - 1;
              i = r;
              continue;
            }
          }
          if (k.kind == W && relative(k)) break;  // «Лидс», которого считают …
          // ("…," the statement reads: a text speaks through "reads", unless
          // it introduces the next quote: "…" X's message reads, inter alia: "…")
          // (before "as", a stop word: "…," RIA Novosti quoted him as saying)
          Speaker quoted;
          if (k.kind == W && !k.inq && i + 1 < toks_.size() && tok_is(k, "as") &&
              quoted_as(toks_, first, i + 1, quoted)) {
            use(toks_[i + 1]);
            add(out, content, quote_kind::direct, quoted, "quoted_as");
            done_.back() = true;
            return;
          }
          if (k.kind == W && !k.inq &&
              (((k.cue() & (kSpeech | kImpersonal)) && !(k.cue() & (kPart | kThatOnly))) ||
               ((tok_is(k, "reads") ||
                 (tok_is(k, "read") && i > first && toks_[i - 1].noun)) &&  // "the comments read"
                !colon_after(i)))) {
            Speaker sp = speaker_of(toks_, first, i, toks_.size());
            // (not a preposition's object after the cue: "…," the pontiff
            // said during a sermon in St. Peter's Square)
            static constexpr std::string_view kAdverbial[] = {"during", "in", "at", "on", "for", "from", "with",
                                                              "after", "before", "while", "to", "by", "via"};
            bool adverbial = false;
            for (const std::string_view w : kAdverbial)
              adverbial = adverbial || (i + 1 < toks_.size() && tok_is(toks_[i + 1], w));
            if (sp.found() && sp.conf < 0.7 && !adverbial) {
              // "— с поклоном сказал швейцар": an adverbial before the cue
              const Speaker after = with_cue(
                  speaker_in(cx_, toks_, i + 1, region_after(toks_, i, toks_.size()), false), k);
              if (after.found()) sp = after;
            }
            if (!sp.found()) break;
            const bool dash = first > 0 && toks_[first - 1].kind == DASH;
            // a quote that ends a clause ("Марксизм вывел Китай на путь «…»,
            // заявил X") is partial, and its cue stays free for the indirect
            // rules to report the whole clause
            if (!starts_upper(content) && embedded(p)) {
              add(out, content, quote_kind::partial, sp, dash ? "dash_cue" : "after_cue");
              done_.back() = true;
              return;
            }
            use(k);
            add(out, content, quote_kind::direct, sp, dash ? "dash_cue" : "after_cue");
            done_.back() = true;
            return;
          }
          // (a dot inside a site's name ends nothing: "by Metaratings.ru")
          if (k.kind == OPEN || k.kind == COLON || k.kind == SEMI || k.kind == END || k.stop() ||
              (k.kind == COMMA && words > 0) ||
              (k.kind == DOT && words > 0 && (k.e - k.s) > 0 && !(toks_[i - 1].e - toks_[i - 1].s <= 2) &&
               !(toks_[i - 1].e == k.s && i + 1 < toks_.size() && toks_[i + 1].s == k.e &&
                 toks_[i + 1].kind == W && !toks_[i + 1].caps)))
            break;
          // (articles and "of" leave the count alone: a role's chain of
          // genitives is one phrase, ""…," the head of the U.S. Department
          // of the Treasury noted")
          words += is_word(k) && !(k.kind == W && !k.cyr && (tok_is(k, "the") || tok_is(k, "of") ||
                                                             tok_is(k, "a") || tok_is(k, "an")));
        }
      }
    }
    // before: X said: «…» / X: «…» / X said "…"
    {
      std::size_t si = cx_.sentence_at(p.open);
      std::uint32_t from = si < cx_.sents_.size() ? cx_.sents_[si].start : p.open;
      if (from >= p.open && si > 0) from = cx_.sents_[si - 1].start;  // "… said:" ¶ «…»
      if (from > p.open) from = p.open;
      if (p.open - from > 600) from = p.open - 600;
      while (from < p.open && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) ++from;
      toks_ = cx_.tokenize(from, p.open, toks_buf_);
      // (wiki markup's italics before the mark: так: ''«…»'')
      while (!toks_.empty() && toks_.back().kind == OTHER && t[toks_.back().s] == '\'') toks_.pop_back();
      if (!toks_.empty()) {
        std::size_t n = toks_.size();
        if (toks_[n - 1].kind == COLON) {
          // "Автор книг: «A», «B» и «C»": a list of names, no speech; a
          // list of speech has its commas inside the marks ("reading: "For
          // the Greta good," "Don't be a fossil fool," and …")
          const std::size_t idx = done_.size() - 1;
          const bool list = idx + 1 < pair_count_ && listed_after(p, pairs_[idx + 1]);
          bool named = false;  // a quoted word stands before the colon
          for (std::size_t v = n - 1; v-- > 0;) {
            const Tok& k = toks_[v];
            if (k.kind == CLOSE && v + 2 == n) {
              // охарактеризовал родной «совок»: «…»: a short quoted word
              // right before the colon is passed over, and its naming verb
              // introduces the speech
              std::size_t o = v;
              while (o > 0 && o + 8 > v && toks_[o].kind != OPEN) --o;
              if (toks_[o].kind == OPEN && o + 8 > v && o < v) {
                v = o;
                named = true;
                continue;
              }
            }
            if (k.kind == END || k.kind == OPEN || k.kind == CLOSE) break;
            if (list && !ends_punct) break;
            if (k.kind == W && !k.inq && (k.cue() & (kSpeech | kColon | kImpersonal | (named ? kNaming : 0)))) {
              Speaker sp = speaker_of(toks_, 0, v, n - 1);
              if (!sp.found()) break;
              use(k);
              add(out, content, quote_kind::direct, sp, "colon_cue");
              done_.back() = true;
              return;
            }
          }
          const std::size_t a = clause_start(toks_, 0, n - 1);
          if (n - 1 - a <= 6 && !(list && !ends_punct)) {
            Speaker sp = speaker_in(cx_, toks_, a, n - 1, true);
            if (sp.found() && sp.conf >= 0.7) {
              add(out, content, quote_kind::direct, sp, "colon_name");
              done_.back() = true;
              return;
            }
          }
        } else if (toks_[n - 1].kind == COMMA) {
          // как сообщил X, «…» / as X said, "…"
          for (std::size_t v = n - 1; v-- > 0 && v + 12 > n;) {
            const Tok& k = toks_[v];
            if (k.kind == END || k.kind == COLON) break;
            if (k.kind != W || k.inq || !(k.cue() & kSpeech) || v == 0) continue;
            if (!tok_is(toks_[v - 1], "как") && !tok_is(toks_[v - 1], "as")) continue;
            Speaker sp = with_cue(speaker_in(cx_, toks_, v + 1, n - 1, false), k);
            if (toks_[v].cyr == false && !sp.found())
              sp = with_cue(speaker_in(cx_, toks_, v > 1 ? v - 1 : 0, v, true), k);
            if (!sp.found()) break;
            use(k);
            add(out, content, quote_kind::direct, sp, "as_cue");
            done_.back() = true;
            return;
          }
        }
        if (toks_[n - 1].kind != COLON) {
          std::size_t v = n - 1;
          if (toks_[v].kind == COMMA && v > 0) --v;
          const Tok& k = toks_[v];
          if (k.kind == W && !k.inq && (k.cue() & kSpeech) && !(k.cue() & kPart) &&
              starts_upper(content) && (ends_punct || content_words(content) >= 3)) {
            Speaker sp = speaker_of(toks_, 0, v, n);
            if (sp.found()) {
              use(k);
              add(out, content, quote_kind::direct, sp, "before_cue");
              done_.back() = true;
              return;
            }
          }
        }
      }
    }
  }

  // Rule 2: indirect speech in sentence si.
  void indirect(std::size_t si, std::vector<Found>& out) {
    const Span s = cx_.sents_[si];
    if (!body(s.start) || !may_report(s.start, s.end)) return;
    toks_ = cx_.tokenize(s.start, s.end, toks_buf_);
    const std::size_t n = toks_.size();
    if (n < 3) return;
    // The tokens a report may open with, which each scan below starts from
    // (their words pass opens_report(): asserted there): the text's own,
    // when the sentence is a slice of its tokens, else read again.
    opens_.clear();
    const Tok* const all = cx_.all_.data();
    if (std::less_equal<const Tok*>()(all, toks_.begin()) &&
        std::less<const Tok*>()(toks_.begin(), all + cx_.all_.size())) {
      const auto i0 = static_cast<std::size_t>(toks_.begin() - all);
      for (std::size_t r = report_at_; r < reports_.size() && reports_[r] < s.end; ++r)
        if (reports_[r] >= s.start) opens_.push_back(static_cast<std::uint32_t>(cx_.first_after(reports_[r]) - i0));
    } else {
      for (std::size_t i = 0; i < n; ++i)
        if (opens_report_at(toks_, i)) opens_.push_back(static_cast<std::uint32_t>(i));
    }
    Speaker last;  // the last speaker found in this sentence
    std::size_t n_end = n;
    while (n_end > 0 && (toks_[n_end - 1].kind == END || toks_[n_end - 1].kind == DOT ||
                         toks_[n_end - 1].kind == CLOSE))
      --n_end;
    if (n_end < n && toks_[n_end].kind == CLOSE) n_end = n;
    auto clause = [&](std::size_t a, std::size_t b) -> Span {
      while (a < b && (toks_[a].kind == COMMA || toks_[a].kind == DASH || toks_[a].kind == COLON ||
                       toks_[a].kind == OPEN || tok_is(toks_[a], "that") ||
                       tok_is(toks_[a], "что") || tok_is(toks_[a], "будто")))
        ++a;
      // a quote attributed on its own ends the clause before its mark
      // (a headline glued to its article: 'Trump says Kavanaugh "suffered"
      // of the Party "A vote for …," Trump said')
      // (right after a word: after a colon the quote goes on with the report)
      for (std::size_t k = a + 1; k < b; ++k) {
        if (toks_[k].kind != OPEN || toks_[k - 1].kind != W) continue;
        const std::uint32_t to = k + 1 < toks_.size() ? toks_[k + 1].e : toks_[k].e;
        const auto it = std::lower_bound(direct_starts_.begin(), direct_starts_.end(), toks_[k].e);
        if (it != direct_starts_.end() && *it < to) {
          b = k;
          break;
        }
      }
      while (b > a && (toks_[b - 1].kind == COMMA || toks_[b - 1].kind == END ||
                       toks_[b - 1].kind == DOT || toks_[b - 1].kind == DASH ||
                       toks_[b - 1].kind == CLOSE))
        --b;
      balance_marks(a, b);
      if (b <= a) return Span{};
      std::size_t words = 0;
      for (std::size_t k = a; k < b; ++k) words += is_word(toks_[k]);
      if (words < 2) return Span{};  // "нападавший задержан"
      return Span{toks_[a].s, toks_[b - 1].e, 0, 0};
    };
    // the clause after toks[k] runs to the end of the sentence or to a
    // participle that opens the next report (", calling it", ", заявив")
    auto clause_end = [&](std::size_t k) {
      static constexpr std::string_view narrator[] = {"хотя", "однако", "whereas", "although", "though",
                                                      "while"};
      // ", X reported." closing the sentence, or ", Sanford said he …":
      // another report's attribution after the comma at j
      auto attribution_after = [&](std::size_t j) {
        for (std::size_t m = j + 1; m < n_end && m < j + 6; ++m) {
          if (toks_[m].kind != W || toks_[m].inq || toks_[m].stop()) break;
          if (toks_[m].speech() && m > j + 1 &&
              (m + 1 == n_end || (toks_[m + 1].kind == W && toks_[m + 1].pron())))
            return true;
        }
        return false;
      };
      for (std::size_t j = k + 1; j + 1 < n_end; ++j) {
        if (toks_[j].inq) continue;
        if (toks_[j].kind == SEMI) return j;
        // (the comma inside the marks: 'that Germany "will be a partner,"
        // the president added')
        if (toks_[j].kind == CLOSE && toks_[j - 1].kind == COMMA && attribution_after(j)) return j;
        // "… was "happening before our eyes" and urged the international
        // community …": a finite cue after "and" is the subject's next act
        if (conjunction(toks_[j]) && toks_[j + 1].speech() && !toks_[j + 1].inq && j > k + 2 &&
            finite_cue(toks_[j + 1]) && j + 2 < n_end &&
            (toks_[j + 2].kind == COMMA || toks_[j + 2].kind == COLON ||
             (toks_[j + 2].kind == W && !preposition(toks_[j + 2]))))
          return j;
        if (toks_[j].kind != COMMA) continue;
        // ", а" goes on with the report ("ушло их четыреста, а вернулось
        // четырнадцать") unless another source follows ("…, а по расчетам
        // академика X - …", "…, а полиция заявила")
        if (tok_is(toks_[j + 1], "а")) {
          if (j + 2 < n_end && tok_is(toks_[j + 2], "по")) return j;
          for (std::size_t m = j + 2; m < n_end && m < j + 6; ++m)
            if (toks_[m].speech() && !toks_[m].inq) return j;
        }
        if (toks_[j + 1].cue() & (kPart | kNaming)) return j;
        // ", и добавил, что …", ", and added that …": the next report
        if (j + 3 < n_end && conjunction(toks_[j + 1]) && toks_[j + 2].speech() && !toks_[j + 2].inq &&
            (toks_[j + 3].kind == COMMA || toks_[j + 3].kind == COLON || tok_is(toks_[j + 3], "that") ||
             tok_is(toks_[j + 3], "что")))
          return j;
        for (const std::string_view w : narrator)
          if (tok_is(toks_[j + 1], w)) return j;
        if (j + 2 < n_end && tok_is(toks_[j + 1], "так") && tok_is(toks_[j + 2], "что")) return j;
        if (attribution_after(j)) return j;
      }
      return n_end;
    };
    // indirect quotes of this sentence so far: a tail must not report them again
    const std::size_t first_indirect = indirect_.size();
    auto reported = [&](Span c) {
      for (std::size_t k = first_indirect; k < indirect_.size(); ++k)
        if (indirect_[k].span.start == c.start && indirect_[k].span.end == c.end) return true;
      return false;
    };

    // prepositional: according to X, … / по словам X, … / In his opinion, …
    for (const std::size_t i : opens_) {
      if (i + 2 >= n_end) break;
      // every phrase opens with "according", "по", "со" or "in" (see
      // according_at): other words are passed over by one compare
      const Tok& t = toks_[i];
      if (t.inq) continue;
      if (!(t.fl == 9 ? tok_is(t, "according")
            : t.fl == 4 ? tok_is(t, "по") || tok_is(t, "со")
            : t.fl == 2 && tok_is(t, "in")))
        continue;
      std::size_t np = 0;  // first token of X
      bool poss = false;
      std::uint8_t obj_pron = p_none;  // "according to him": the pronoun's kind
      if (tok_is(toks_[i], "according") && tok_is(toks_[i + 1], "to") &&
          (tok_is(toks_[i + 2], "him") || tok_is(toks_[i + 2], "her") || tok_is(toks_[i + 2], "them"))) {
        np = i + 2;
        obj_pron = tok_is(toks_[i + 2], "him") ? p_he : tok_is(toks_[i + 2], "her") ? p_she : p_they;
      } else if (according_at(toks_, i)) {
        np = i + 2;
      } else if (tok_is(toks_[i], "по") && toks_[i + 1].pron() && toks_[i + 1].lex->pron_poss &&
                 (tok_is(toks_[i + 2], "словам") || tok_is(toks_[i + 2], "мнению"))) {
        np = i + 1;
        poss = true;
      } else if (tok_is(toks_[i], "in") && toks_[i + 1].pron() && toks_[i + 1].lex->pron_poss &&
                 (tok_is(toks_[i + 2], "opinion") || tok_is(toks_[i + 2], "view") ||
                  tok_is(toks_[i + 2], "words"))) {
        np = i + 1;
        poss = true;
      } else {
        continue;
      }
      assert(opens_report_at(toks_, i));
      std::size_t c = np;
      while (c < n_end && toks_[c].kind != COMMA && c < np + 10) ++c;
      // "According to Zaur Abutalimov, director of products at Ivideon, the
      // main danger …": a role in apposition belongs to the source
      std::size_t c_report = c;
      if (c + 2 < n_end && toks_[c].kind == COMMA && !poss && obj_pron == p_none) {
        std::size_t c2 = c + 1;
        bool role = false, plain = true;
        while (c2 < n_end && c2 < c + 10 && toks_[c2].kind != COMMA && plain) {
          // (the role opens the apposition: "director of …", "sworn lawyer X")
          role = role || (c2 <= c + 2 && toks_[c2].role());
          plain = toks_[c2].kind == W && !toks_[c2].cue() && !toks_[c2].inq && !toks_[c2].pron() &&
                  !(toks_[c2].lex && toks_[c2].lex->conj);
          ++c2;
        }
        // (and names its holder or place: it ends with a capitalised word;
        // "According to the lawyer, the court was presented with documents, …"
        // has no apposition)
        if (plain && role && c2 + 1 < n_end && toks_[c2].kind == COMMA && toks_[c2 - 1].caps) c_report = c2;
      }
      Speaker sp;
      if (poss || obj_pron != p_none) {
        // a pronoun names the last speaker of its kind ("his", and "him" in
        // "according to him")
        sp.mention = Span{toks_[np].s, toks_[np].e, 0, 0};
        sp.pron = obj_pron != p_none ? obj_pron : toks_[np].pron();
        sp.conf = 0.75;
      } else {
        // X must be someone: a name, a role, a pronoun (not "the register")
        std::size_t h = np;
        while (h < c && toks_[h].kind == W && toks_[h].lex && toks_[h].lex->clause &&
               !toks_[h].pron())
          ++h;
        // по словам / по мнению always name someone; the others need a
        // name, a role or a pronoun ("according to the register" does not)
        const bool someone = tok_is(toks_[i], "по") &&
                             (tok_is(toks_[i + 1], "словам") || tok_is(toks_[i + 1], "мнению"));
        // (a name in quotes too: по информации «Интерфакса»)
        if (!someone && (h >= c || !(toks_[h].caps || toks_[h].role() || toks_[h].pron() ||
                                     (toks_[h].kind == OPEN && h + 1 < c && toks_[h + 1].caps))))
          continue;
        sp = speaker_in(cx_, toks_, np, c, false);
      }
      if (!sp.found()) continue;
      // "According to REGNUM, according to Roscosmos, the parts …": a source
      // relaying another reports through it; the nearer source speaks, the
      // clause before it is no half of the report
      if (c + 2 < n_end && toks_[c].kind == COMMA && according_at(toks_, c + 1)) continue;
      bool relayed = false;
      if (i > 3 && toks_[i - 1].kind == COMMA && according_at(toks_, 0)) {
        std::size_t f = 0;
        while (f < i - 1 && toks_[f].kind != COMMA) ++f;
        relayed = f == i - 1;
      }
      // "…, которые, по мнению СдПГ, стоят на защите капитала": after a
      // relative word only the clause it opens is reported
      relayed = relayed || (i > 3 && toks_[i - 1].kind == COMMA && relative(toks_[i - 2]));
      sp.cue = Span{toks_[i].s, toks_[np - 1 + (poss ? 2 : 0)].e, 0, 0};
      Span cl;
      if (c < n_end && i > 3 && toks_[i - 1].kind == COMMA && !relayed) {
        // A, по мнению X, B: the report is both halves
        Span a = clause_span(0, i - 1, 2);
        // (a connective alone is no half: "That is why, according to the
        // police, …", "При этом, по словам X, …": every word a known one)
        bool content = false;
        for (std::size_t j = 0; j + 1 < i && !content; ++j)
          content = toks_[j].kind == W && !toks_[j].lex && toks_[j].e - toks_[j].s >= (toks_[j].cyr ? 8u : 4u);
        if (!content) a = Span{};
        const Span b = clause(c_report + 1, clause_end(c_report));
        if (!a.empty() && !b.empty() && !all_marked(a) && !all_marked(b)) {
          add(out, a, quote_kind::indirect, sp, "according_to");
          add(out, b, quote_kind::indirect, sp, "according_to");
          last = sp;
        } else if (!content && !b.empty() && !all_marked(b)) {
          add(out, b, quote_kind::indirect, sp, "according_to");
          last = sp;
        }
        continue;
      }
      if (c < n_end && (i == 0 || toks_[i - 1].kind == COMMA || toks_[i - 1].adverb() ||
                        i <= 2 || relayed)) {
        cl = clause(c_report + 1, clause_end(c_report));
      } else if (c >= n_end && i > 0 && toks_[i - 1].kind == COMMA) {
        // …, according to X. (not after a quote with its own cue: '"…," he
        // added, according to Reuters' is his quote, which Reuters relays)
        bool attributed = false;
        for (std::size_t j = 0; j + 1 < i; ++j)
          attributed = attributed || (toks_[j].kind == W && !toks_[j].inq && toks_[j].cue() && used(toks_[j].s));
        if (!attributed) cl = clause(0, i - 1);
      }
      if (cl.empty()) continue;
      if (all_marked(cl)) {
        // "По словам министра, «…»", "According to X, "…"": the quote is X's
        const int pi = pair_covering(cl);
        if (pi >= 0 && !done_[static_cast<std::size_t>(pi)]) {
          const QuotePair& q = pairs_[pi];
          add(out, trim(cx_.t_, q.content_start, q.content_end), quote_kind::direct, sp, "according_to");
          done_[static_cast<std::size_t>(pi)] = true;
          last = sp;
        }
        continue;
      }
      add(out, cl, quote_kind::indirect, sp, "according_to");
      last = sp;
    }

    // noun cues: Durova's statement that …, an allegation from X that …
    for (const std::size_t i : opens_) {
      if (i < 2) continue;
      if (i + 1 >= n_end) break;
      if (!tok_is(toks_[i], "that") || toks_[i].inq) continue;
      std::size_t nn = i;  // the noun
      std::size_t sa = 0, sb = 0;  // the speaker's tokens
      auto noun = [&](std::size_t j) { return report_noun(toks_[j]); };
      if (noun(i - 1)) {
        nn = i - 1;
        const Tok& ps = toks_[nn - 1];
        const std::string_view w = cx_.t_.substr(ps.s, ps.e - ps.s);
        const bool poss = w.size() > 2 && (w.compare(w.size() - 2, 2, "'s") == 0 ||
                                           (w.size() > 4 && w.compare(w.size() - 4, 4, "\xE2\x80\x99s") == 0));
        if (poss && ps.caps) {
          sa = sb = nn - 1;
        } else if (ps.pron() && ps.lex->pron_poss) {
          sa = sb = nn - 1;
        } else {
          continue;
        }
      } else {
        // noun from/by X that
        std::size_t j = i;
        while (j > 0 && toks_[j - 1].kind == W && toks_[j - 1].caps && i - j < 5) --j;
        if (j == i || j < 2 || !(tok_is(toks_[j - 1], "from") || tok_is(toks_[j - 1], "by")) ||
            !noun(j - 2))
          continue;
        sa = j;
        sb = i - 1;
      }
      assert(opens_report_at(toks_, i));
      Speaker sp;
      sp.mention = Span{toks_[sa].s, toks_[sb].e, 0, 0};
      if (sa == sb && toks_[sa].pron()) sp.pron = toks_[sa].pron();
      else if (sa == sb) {
        // Durova's: the name without the possessive ending
        const std::string_view w = cx_.t_.substr(toks_[sa].s, toks_[sa].e - toks_[sa].s);
        sp.mention.end -= w.back() == 's' && w[w.size() - 2] == '\'' ? 2 : 4;
      }
      sp.conf = 0.8;
      sp.cue = Span{toks_[nn].s, toks_[nn].e, 0, 0};
      const Span cl = clause(i + 1, clause_end(i));
      if (cl.empty() || all_marked(cl)) continue;
      add(out, cl, quote_kind::indirect, sp, "noun_that");
      last = sp;
    }

    // an "as" report (как сообщил X, …; As X noted, …; As reported by X,
    // …): the clause after the comma for the speaker, once found
    auto as_report = [&](const Tok& k, const Speaker& sp, Span cl) {
      if (!sp.found() || cl.empty() || all_marked(cl)) return false;
      use(k);
      add(out, cl, quote_kind::indirect, sp, "as_cue");
      last = sp;
      return true;
    };
    for (const std::size_t v : opens_) {
      if (v >= n_end) break;
      const Tok& k = toks_[v];
      if (k.kind != W || k.inq || !(k.cue() & kSpeech) || (k.cue() & kMarked) || used(k.s)) continue;
      assert(opens_report_at(toks_, v));
      // the narrator's aside: "it is worth noting that", "стоит отметить,
      // что", "следует сказать" (a modal before an infinitive; a cue's
      // participle or infinitive only)
      if (v > 0 && toks_[v - 1].kind == W &&
          (tok_is(toks_[v - 1], "worth") || tok_is(toks_[v - 1], "стоит") || tok_is(toks_[v - 1], "следует") ||
           tok_is(toks_[v - 1], "нужно") || tok_is(toks_[v - 1], "надо") || tok_is(toks_[v - 1], "можно") ||
           tok_is(toks_[v - 1], "необходимо") ||
           // (an infinitive: "the main thing is to write in Russian")
           (tok_is(toks_[v - 1], "to") && !k.cyr) ||
           // (the editors' "we": "We recall that …", "We remind you that …",
           // machine translation of "Напомним, что")
           (tok_is(toks_[v - 1], "we") && (v == 1 || toks_[v - 2].kind == COMMA) &&
            (tok_is(k, "recall") || tok_is(k, "remind")))))
        continue;
      const bool that_only = (k.cue() & kThatOnly) != 0;
      // как сообщил X, … / as X said, …
      if (!that_only && v > 0 && (tok_is(toks_[v - 1], "как") )) {
        std::size_t c = v + 1;
        while (c < n_end && toks_[c].kind != COMMA && c < v + 12) ++c;
        if (c < n_end && as_report(k, with_cue(speaker_in(cx_, toks_, v + 1, c, false), k),
                                   clause(c + 1, clause_end(c))))
          continue;
      }
      // "As reported by RIA Novosti, the talks …" (machine translation of
      // "как сообщает X"): the speaker after "by", the sentence's opening
      if (!that_only && !k.cyr && v == 1 && tok_is(toks_[0], "as") && v + 2 < n_end &&
          tok_is(toks_[v + 1], "by")) {
        std::size_t c = v + 2;
        while (c < n_end && toks_[c].kind != COMMA && c < v + 10) ++c;
        // (a name in apposition: "As clarified by the head of the firm,
        // Alexander Dobrovinsky, the pier …")
        std::size_t r = c + 1;
        while (r < n_end && r < c + 5 && toks_[r].kind == W && toks_[r].caps) ++r;
        if (c < n_end && r > c + 1 && r < n_end && toks_[r].kind == COMMA) c = r;
        if (c < n_end && toks_[c].kind == COMMA &&
            as_report(k, with_cue(speaker_in(cx_, toks_, v + 2, c, false), k), clause(c + 1, clause_end(c))))
          continue;
      }
      // "As Peskov noted, the talks are possible": "as" opens the sentence
      // or follows a comma, the speaker stands between it and the cue
      if (!that_only && !k.cyr && v >= 2) {
        std::size_t a = v;
        while (a > 0 && v - a < 7 && toks_[a - 1].kind == W && !tok_is(toks_[a - 1], "as")) --a;
        // (between "as" and the cue a speaker only: "As noted in the report"
        // has a cue and a preposition there)
        bool phrase = a > 0 && a < v && tok_is(toks_[a - 1], "as") && (a == 1 || toks_[a - 2].kind == COMMA);
        for (std::size_t m = a; phrase && m < v; ++m) phrase = !toks_[m].speech() && !preposition(toks_[m]);
        if (phrase) {
          std::size_t c = v + 1;
          while (c < n_end && toks_[c].kind != COMMA && c < v + 5) ++c;
          if (c < n_end && toks_[c].kind == COMMA &&
              as_report(k, with_cue(speaker_in(cx_, toks_, a, v, true), k),
                        a == 1 ? clause(c + 1, clause_end(c)) : Span{}))
            continue;
        }
      }
      // "This was stated by X." / "This was reported by RIA Novosti.": the
      // sentence before is the report (machine translation of "Об этом
      // заявил X")
      if (!that_only && !k.cyr && v == 2 && v + 2 < n_end && tok_is(toks_[0], "this") &&
          (tok_is(toks_[1], "was") || tok_is(toks_[1], "is")) && tok_is(toks_[v + 1], "by") &&
          previous_in_zone(si)) {
        // the first phrase after "by" ("by RIA Novosti with reference to LRT radio")
        std::size_t e = v + 2;
        while (e < n_end && toks_[e].kind != COMMA && e < v + 10 &&
               (tok_is(toks_[e], "of") || !preposition(toks_[e])) && !tok_is(toks_[e], "citing"))
          ++e;
        if (report_previous(si, with_cue(speaker_in(cx_, toks_, v + 2, e, true), k), k, out)) continue;
      }
      // "Mikhail Korb said this in an interview with ERR." / "X wrote about
      // this": the sentence before is the report (not "said this was …")
      if (!that_only && !k.cyr && v > 0 && previous_in_zone(si)) {
        std::size_t t = v + 1;
        if (t + 1 < n_end && tok_is(toks_[t], "about")) ++t;
        const bool this_ = t < n_end && tok_is(toks_[t], "this") && (t == v + 1 || t == v + 2);
        const bool ends = t + 1 >= n_end || toks_[t + 1].kind == COMMA || toks_[t + 1].kind == END ||
                          toks_[t + 1].kind == DOT || preposition(toks_[t + 1]);
        if (this_ && ends && report_previous(si, with_cue(subject_before(toks_, 0, v), k), k, out)) continue;
      }
      // "A, о чём (публично) заявил X": the clause before the comma is the report
      if (!that_only && k.cyr && v >= 4) {
        std::size_t q = v;
        while (q > 0 && toks_[q - 1].adverb()) --q;
        if (q >= 4 && tok_is(toks_[q - 1], "чем") && tok_is(toks_[q - 2], "о") &&
            toks_[q - 3].kind == COMMA) {
          Speaker sp = with_cue(speaker_in(cx_, toks_, v + 1, region_after(toks_, v, n_end), false), k);
          const Span cl = trim(cx_.t_, toks_[0].s, toks_[q - 4].e);
          if (sp.found() && !cl.empty() && !all_marked(cl) && !cx_.inside_quote(cl.start)) {
            use(k);
            add(out, cl, quote_kind::indirect, sp, "about_this");
            last = sp;
            continue;
          }
        }
      }
      // об этом заявил X: the sentence before is the report
      if (!that_only && v >= 2 && tok_is(toks_[v - 2], "об") && tok_is(toks_[v - 1], "этом") &&
          previous_in_zone(si) &&
          report_previous(si, with_cue(speaker_in(cx_, toks_, v + 1, region_after(toks_, v, n_end), false), k), k, out))
        continue;
      // "Об этом 11 апреля сообщила пресс-служба", "Об этом во вторник, 20
      // августа, сообщили СМИ", "Об этом он рассказал изданию …", "Об этом
      // Юханссон заявил …": the sentence opens with "об этом", dates, places
      // and a subject stand before its first cue
      if (!that_only && k.cyr && v >= 3 && v <= 16 && tok_is(toks_[0], "об") && tok_is(toks_[1], "этом") &&
          previous_in_zone(si)) {
        bool plain = true;
        for (std::size_t j = 2; j < v && plain; ++j) {
          const Tok& x = toks_[j];
          plain = (x.kind == W || x.kind == NUM || x.kind == COMMA || x.kind == DASH || x.kind == DOT) &&
                  !(x.kind == W && (x.speech() || x.stop() || tok_is(x, "что")));
        }
        if (plain) {
          // a lower-case dative or accusative is an addressee ("агентству
          // Reuters", "журналистам"), no speaker
          auto dative = [&](std::size_t j) {
            if (toks_[j].kind != W || toks_[j].caps || !toks_[j].cyr || !toks_[j].f) return false;
            const std::string_view w(toks_[j].f, toks_[j].fl);
            return ends_with(w, "у", 1) || ends_with(w, "ю", 1) || ends_with(w, "ам", 2) || ends_with(w, "ям", 2);
          };
          auto first_of = [&](const Speaker& x, std::size_t from, std::size_t to) {
            std::size_t f = from;
            while (f < to && toks_[f].e <= x.mention.start) ++f;
            return f;
          };
          // a subject right before the cue ("он рассказал", "он сам сообщил",
          // "Юханссон заявил", "представители МОК сообщили"), not the object
          // of a preposition ("в Twitter сообщила") or an addressee
          std::size_t e = v;
          while (e > 2 && (tok_is(toks_[e - 1], "сам") || tok_is(toks_[e - 1], "сама") ||
                           tok_is(toks_[e - 1], "сами")))
            --e;
          Speaker sp = speaker_in(cx_, toks_, 2, e, true);
          if (sp.found()) {
            const std::size_t f = first_of(sp, 2, e);
            bool subject = toks_[e - 1].e == sp.mention.end && f < e && toks_[f].kind == W && !dative(f) &&
                                 !(f > 2 && (preposition(toks_[f - 1]) || dative(f - 1)));
            for (std::size_t j = f; j < e && subject; ++j) subject = toks_[j].kind != NUM;  // a date
            if (!subject) sp = Speaker{};
          }
          // else the speaker after the cue, past an addressee ("сообщил
          // журналистам сам Трамп")
          if (!sp.found()) {
            const std::size_t r = region_after(toks_, v, n_end);
            sp = speaker_in(cx_, toks_, v + 1, r, false);
            if (sp.found()) {
              const std::size_t f = first_of(sp, v + 1, r);
              if (f < r && dative(f)) sp = speaker_in(cx_, toks_, f + 1, r, false);
            }
          }
          if (report_previous(si, with_cue(sp, k), k, out)) continue;
        }
      }
      // X сказал: clause (no marks)
      if (!that_only) {
        std::size_t c = v + 1;
        while (c < n_end && c < v + 8 && toks_[c].kind != COLON && toks_[c].kind != COMMA &&
               toks_[c].kind != END && !toks_[c].stop())
          ++c;
        if (c + 1 < n_end && toks_[c].kind == COLON && toks_[c + 1].kind != OPEN &&
            !cx_.inside_quote(toks_[c + 1].s)) {
          const Span cl = clause(c + 1, clause_end(c));
          Speaker sp = speaker_of(toks_, 0, v, c);
          if (!cl.empty() && sp.found()) {
            use(k);
            add(out, cl, quote_kind::indirect, sp, "colon_unmarked");
            last = sp;
            continue;
          }
        }
      }
      // interrupted: A, говорят эксперты, B / A, he said, B (not a verbal
      // adverb, whose subject is the main clause's: ", напомнив о том, что")
      if (!that_only && v >= 2 && toks_[v - 1].kind == COMMA && !k.cyr == !toks_[0].cyr &&
          !(k.cue() & kPart) && !nonfinite(k)) {
        std::size_t r = region_after(toks_, v, n_end);
        // "A, утверждает Пастухов (а они …), B": a parenthesis after the speaker
        std::size_t sr = r;  // end of the speaker's region
        for (std::size_t j = v + 1; j < n_end && j < v + 6; ++j) {
          if (toks_[j].kind == COMMA || toks_[j].kind == END || toks_[j].stop()) break;
          if (toks_[j].kind != LPAR) continue;
          std::size_t q = j + 1;
          while (q < n_end && q < j + 40 && toks_[q].kind != RPAR) ++q;
          if (q + 1 < n_end && toks_[q].kind == RPAR && toks_[q + 1].kind == COMMA) {
            sr = j;
            r = q + 1;
          }
          break;
        }
        std::size_t rw = 0;
        bool weak = false;
        for (std::size_t j = v + 1; j < sr; ++j) {
          rw += is_word(toks_[j]);
          weak = weak || weak_word(toks_[j]);
        }
        // (", сообщило агентство, добавив, что …": the participle reports on
        // its own, no second half)
        // (", говорит источник, знакомый с ходом обсуждений": an adjective or
        // participle after the speaker describes it)
        if (r + 2 < n_end && toks_[r].kind == COMMA && r > v + 1 && rw <= 4 && !weak &&
            !(toks_[r + 1].cue() & kPart) && !ru_adjective(toks_[r + 1])) {
          const Span a = clause_span(0, v - 1, 1);
          const Span b = clause_span(r + 1, n_end, 2);
          Speaker sp = with_cue(speaker_in(cx_, toks_, v + 1, sr, false), k);
          // a phrase after a preposition is a time or an object, no speaker
          // ("подтвердила в понедельник, …", "объявил об уходе в отставку, …")
          for (std::size_t j = v + 1; sp.found() && !(k.cue() & kImpersonal) && j < sr && toks_[j].s < sp.mention.start; ++j)
            if (preposition(toks_[j])) sp = Speaker{};
          if (!a.empty() && !b.empty() && sp.found() && !cx_.inside_quote(a.start)) {
            use(k);
            add(out, a, quote_kind::indirect, sp, "interrupted_indirect");
            add(out, b, quote_kind::indirect, sp, "interrupted_indirect");
            last = sp;
            continue;
          }
        }
      }
      // participle: …, saying (that) … / …, заявив, что …
      if ((k.cue() & kPart) && !k.cyr && v > 2 && toks_[v - 1].kind == W) {
        // "…, with the National Weather Service saying 12 inches …"
        std::size_t w = v - 1;
        while (w > 0 && v - w < 7 && !tok_is(toks_[w], "with") && toks_[w].kind == W) --w;
        if (tok_is(toks_[w], "with") && w + 1 < v) {
          Speaker sp = with_cue(speaker_in(cx_, toks_, w + 1, v, true), k);
          std::size_t a = v + 1;
          if (a < n_end && tok_is(toks_[a], "that")) ++a;
          const Span cl = clause(a, clause_end(a));
          if (sp.found() && !cl.empty() && !all_marked(cl)) {
            use(k);
            add(out, cl, quote_kind::indirect, sp, "participle");
            continue;
          }
        }
      }
      if ((k.cue() & kPart) && v > 0 && toks_[v - 1].kind == COMMA) {
        // saying (that) …, заявив, что …, выразив убеждение, что …
        std::size_t a = 0;
        for (std::size_t j = v + 1; j < n_end && j < v + 5 && !a; ++j)
          if (tok_is(toks_[j], "that") || tok_is(toks_[j], "что")) a = j + 1;
        if (!a && (k.cyr || (k.cue() & kThatOnly))) continue;  // заявив о … reports no speech
        if (!a) a = v + 1;
        const Span cl = clause(a, clause_end(a));
        if (cl.empty() || all_marked(cl)) continue;
        Speaker sp = last;
        const Speaker own = joint_subject(toks_, v);
        if (own.found() && (!sp.found() || sp.mention.start < own.mention.start)) sp = own;
        if (!sp.found()) sp = speaker_in(cx_, toks_, 0, v - 1, false);
        // "Там он назвал фамилию и, сказав, что …": a subject pronoun inside
        if (!sp.found()) sp = speaker_in(cx_, toks_, 0, v - 1, true);
        if (!sp.found()) continue;
        sp = with_cue(sp, k);
        use(k);
        add(out, cl, quote_kind::indirect, sp, "participle");
        continue;
      }
      // tail: …, X said. / …, said X. / …, — сказал X.
      if (!that_only) {
        std::size_t c = v;
        // "…, Chinese and U.S. experts have said": an auxiliary before the cue
        std::size_t aux = v;
        while (aux > 0 && v - aux < 2 && (tok_is(toks_[aux - 1], "have") || tok_is(toks_[aux - 1], "has") ||
                                          tok_is(toks_[aux - 1], "had")))
          --aux;
        if (aux < v && aux > 0 && is_np_tok(toks_[aux - 1])) c = aux;
        // (nine tokens: "Chinese and U.S. experts have" is as many)
        while (c > 0 && v - c < 9 && toks_[c - 1].kind != COMMA && is_np_tok(toks_[c - 1])) --c;
        const bool dash = c > 0 && toks_[c - 1].kind == DASH;
        std::size_t cc = dash ? c - 1 : c;
        // "…, как заявил министр" / "…, as the minister said": the
        // conjunction stands after the comma and is no speaker
        auto as_word = [&](const Tok& x) { return tok_is(x, "как") || tok_is(x, "as"); };
        bool as = false;
        if (c < v && as_word(toks_[c])) {
          as = true;
          cc = c++;
        } else if (!dash && c > 0 && as_word(toks_[c - 1])) {
          as = true;
          cc = c - 1;
        }
        // "…, как говорили, …" names nobody; in "…, as the purpose they had
        // indicated was false" the cue is inside a clause
        if (as && c == v && (v + 1 >= n_end || toks_[v + 1].kind != W)) cc = 0;
        if (as && (v - c > 6 || (v + 1 < n_end && weak_word(toks_[v + 1])))) cc = 0;
        // "X believes that A, as stated by Y": A is X's report, the "as"
        // only seconds it
        for (std::size_t j = 0; as && j + 1 < cc; ++j)
          if (toks_[j].kind == W && !toks_[j].inq && toks_[j].speech()) cc = 0;
        // (two words will do: "Переговоры завершились, сообщает ТАСС.")
        if (cc > 0 && toks_[cc - 1].kind == COMMA && cc - 1 >= 2 && toks_[0].kind != DASH) {
          bool tail = true;  // nothing after the cue but its speaker and adverbials
          std::size_t after = 0;
          for (std::size_t j = v + 1; j < n_end && tail; ++j) {
            // "…, сообщило агентство, добавив, что …": the participle's
            // clause is a report of its own
            if (toks_[j].kind == COMMA && j + 1 < n_end && (toks_[j + 1].cue() & kPart) && !toks_[j + 1].inq) break;
            tail = !(toks_[j].stop() || (toks_[j].speech() && !toks_[j].inq) || toks_[j].kind == COLON);
            after += is_word(toks_[j]);
          }
          // "…, and police said he …" is no tail: a conjunction opens a clause
          if (c < v && (conjunction(toks_[c]) || tok_is(toks_[c], "однако") || tok_is(toks_[c], "however")))
            tail = false;
          // nor is a passive cue without its agent or its document: "On
          // February 10, an air alarm was announced throughout Ukraine" ("…,
          // was reported by X", "…, is noted in the agency's publication"
          // are)
          if (v > 0 && be_aux(toks_[v - 1]) && !(v + 1 < n_end && tok_is(toks_[v + 1], "by"))) {
            bool document = false;
            if (v + 1 < n_end && tok_is(toks_[v + 1], "in"))
              for (std::size_t j = v + 2; j < n_end && j < v + 6 && !document; ++j)
                for (const char* d : {"publication", "statement", "report", "message", "letter", "article", "release",
                                      "document", "interview", "communique", "announcement", "post", "text"})
                  document = document || tok_is(toks_[j], d);
            if (!document) tail = false;
          }
          // nor after a connective: "…, in addition, everyone agreed in
          // advance" goes on with a clause of its own
          if (cc >= 3 && toks_[cc - 2].kind == W) {
            const Tok& x = toks_[cc - 2];
            const bool two = cc >= 4 && toks_[cc - 3].kind == W;
            if (tok_is(x, "moreover") || tok_is(x, "besides") || tok_is(x, "furthermore") ||
                tok_is(x, "also") || tok_is(x, "также") || tok_is(x, "however") ||
                (two && tok_is(toks_[cc - 3], "in") && tok_is(x, "addition")) ||
                (two && tok_is(toks_[cc - 3], "кроме") && tok_is(x, "того")) ||
                (two && tok_is(toks_[cc - 3], "при") && tok_is(x, "этом")) ||
                (two && tok_is(toks_[cc - 3], "тому") && tok_is(x, "же")))
              tail = false;
          }
          // nor is a clause of a date alone: "В субботу, 6 октября 2018 года,
          // … Шилов отметил свой юбилей" (отметил: celebrated)
          {
            bool date_only = true;
            for (std::size_t j = 0; j + 1 < cc && date_only; ++j)
              date_only = toks_[j].kind != W || ru_time_word(toks_[j]) || preposition(toks_[j]) ||
                          tok_is(toks_[j], "the") || tok_is(toks_[j], "on");
            if (date_only) tail = false;
          }
          // nor does a cue with a language after it report: "хорошо говорит
          // по-русски"
          if (v + 1 < n_end && toks_[v + 1].kind == W && toks_[v + 1].f && toks_[v + 1].fl > 6 &&
              std::memcmp(toks_[v + 1].f, "по-", 5) == 0 &&
              (ends_with(std::string_view(toks_[v + 1].f, toks_[v + 1].fl), "ски", 3) ||
               ends_with(std::string_view(toks_[v + 1].f, toks_[v + 1].fl), "цки", 3)))
            tail = false;
          // nor is "…, которому он открыто писал о …": a relative clause
          for (std::size_t j = cc; j < v && tail; ++j) tail = !relative(toks_[j]);
          // nor a clause that only names a source: "This was reported by
          // RTHK, citing …, TASS reports" (the sentence before is RTHK's),
          // "As Armenpress reports, this is reported by Habertürk" (a report
          // inside a clause is still one: "Police … said they found …, WAFB
          // reports")
          // (nor does the cue report anything else: "…, citing sources. v were
          // included …, reports the TV channel" is no "reports X")
          if (tail && cc > 3 && toks_[0].kind == W && toks_[1].kind == W) {
            bool source_only = tok_is(toks_[0], "this") &&
                               (tok_is(toks_[1], "was") || tok_is(toks_[1], "is")) && toks_[2].speech();
            for (std::size_t j = 1; j < cc - 1 && j <= 4 && !source_only; ++j)
              source_only = (tok_is(toks_[0], "as") || tok_is(toks_[0], "как")) && toks_[j].speech() &&
                            !toks_[j].inq;
            if (source_only) continue;
          }
          // nor "…, a charge China denies": a noun and a reduced relative
          // clause after it (not "…, a spokesman said", "…, a senior U.S.
          // official said": a role speaks)
          if (c + 2 < v && toks_[c].kind == W && (tok_is(toks_[c], "a") || tok_is(toks_[c], "an")) &&
              toks_[c + 1].kind == W && !toks_[c + 1].caps && (toks_[c + 2].caps || toks_[c + 2].pron())) {
            bool role = false;
            for (std::size_t j = c + 1; j < v; ++j) role = role || toks_[j].role();
            if (!role) tail = false;
          }
          // X said + a few adverbials; said + X and a few more
          if (c < v && (after > 5 || (v + 1 < n_end && toks_[v + 1].lex && toks_[v + 1].lex->clause &&
                                      !toks_[v + 1].lex->pron_poss)))
            tail = false;
          if (c == v && after > 14) tail = false;
          // a two-word clause ("In 1853, France declared …", "This year, the
          // authorities promise to …") is a tail only when the cue ends the
          // sentence or inverts its speaker ("Переговоры завершились, сообщает ТАСС")
          if (cc - 1 == 2 && !(c == v || after == 0)) tail = false;
          if (c == v) {
            // ("writes RBC with reference to sources": no verb's "to")
            const std::size_t r = region_after(toks_, v, n_end);
            for (std::size_t j = v + 1; j < r && tail; ++j)
              tail = !weak_word(toks_[j]) ||
                     (tok_is(toks_[j], "to") && (tok_is(toks_[j - 1], "reference") || tok_is(toks_[j - 1], "referring")));
          }
          // "…, said its experts would arrive": a clause, not an inverted speaker
          if (c == v && v + 1 < n_end && toks_[v + 1].pron() &&
              (toks_[v + 1].lex->pron_poss || (v + 2 < n_end && is_word(toks_[v + 2]))))
            tail = false;
          if (tail) {
            const Span cl = clause(0, cc - 1);
            if (!cl.empty() && !all_marked(cl) && !cx_.inside_quote(toks_[0].s) && !reported(cl)) {
              Speaker sp = speaker_of(toks_, c, v, n_end);
              // "…, пояснил автор законопроекта, первый зампред комитета
              // Андрей Красов («Единая Россия»).": a role, then in apposition
              // a longer one with the name that ends the sentence
              if (c == v && (!sp.found() || (sp.conf < 0.95 && !sp.pron))) {
                const std::size_t r = region_after(toks_, v, n_end);
                if (r + 2 < n_end && toks_[r].kind == COMMA) {
                  std::size_t e = r + 1;
                  while (e < n_end && e < r + 16 && toks_[e].kind != COMMA && toks_[e].kind != LPAR &&
                         toks_[e].kind != END && toks_[e].kind != DOT && toks_[e].kind != DASH)
                    ++e;
                  if (e == n_end || toks_[e].kind == LPAR || toks_[e].kind == END || toks_[e].kind == DOT) {
                    const Speaker named = with_cue(speaker_in(cx_, toks_, r + 1, e, true), k);
                    if (named.found() && named.conf >= 0.95 && !named.pron && named.mention.end == toks_[e - 1].e)
                      sp = named;
                  }
                }
              }
              // an inverted speaker stands right after the cue
              // (a person's name may stand after its long role when it ends
              // the sentence: "сказал в интервью РБК старший директор … Fitch
              // Владимир Редькин.")
              if (sp.found() && c == v && v + 5 < n_end && sp.mention.start > toks_[v + 5].s) {
                std::size_t m = v + 5;
                std::size_t f = v + 5;  // the mention's first token
                while (m < n_end && toks_[m].e <= sp.mention.end) {
                  if (toks_[m].s < sp.mention.start) f = m + 1;
                  ++m;
                }
                const bool last_words = m >= n_end || toks_[m].kind == END || toks_[m].kind == DOT ||
                                        toks_[m].kind == LPAR;  // (a party after the name: «Красов («ЕР»)»)
                // not a place or an object: "in St. Peter's Square", "на его
                // жену Галину …" (a Russian name in -у/-ю is no subject)
                // (a person's title before the name is no place: "Sgt. Darren Moss")
                const bool titled = f >= 2 && toks_[f - 1].kind == DOT && toks_[f - 2].title &&
                                    !tok_is(toks_[f - 2], "st");
                bool object = f > 0 && f < n_end &&
                               ((toks_[f - 1].kind == DOT && !titled) || tok_is(toks_[f - 1], "in") ||
                                tok_is(toks_[f - 1], "at") || tok_is(toks_[f - 1], "on") ||
                                tok_is(toks_[f - 1], "of"));
                if (f < n_end && toks_[f].cyr && toks_[f].f) {
                  const std::string_view w(toks_[f].f, toks_[f].fl);
                  object = object || ends_with(w, "у", 1) || ends_with(w, "ю", 1);
                }
                if (!(sp.conf >= 0.95 && last_words && !object && v + 14 >= m)) sp = Speaker{};
              }
              if (sp.found()) {
                use(k);
                add(out, cl, quote_kind::indirect, sp, dash ? "dash_tail" : "cue_tail");
                last = sp;
                continue;
              }
            }
          }
        }
      }
      // forward: X said (that) … / X заявил, что …
      {
        std::size_t j = v + 1;
        std::size_t that = 0;
        // "said he received data from phones that showed …": a clause right
        // after a bare cue is the report; a later "that" is its own
        std::size_t bare = 0;
        if ((k.cue() & kBare) && !k.cyr) {
          std::size_t b = v + 1;
          while (b < n_end && toks_[b].adverb()) ++b;
          if (b + 1 < n_end && toks_[b].kind == W && toks_[b].pron() && !toks_[b].lex->pron_poss &&
              is_word(toks_[b + 1]))
            bare = b;
        }
        const bool ask = tok_is(k, "asked") || tok_is(k, "asks") || tok_is(k, "ask") ||
                         tok_is(k, "wondered");
        // (Russian "что" after a comma may stand further: "сообщила «Интерфаксу»,
        // со ссылкой на звонок из полиции, что"; an English "that" that far is
        // mostly a relative pronoun)
        const std::size_t reach = k.cyr ? 14 : 10;
        for (; j < n_end && j < v + reach && !bare; ++j) {
          const Tok& x = toks_[j];
          if ((tok_is(x, "that") || tok_is(x, "что") || tok_is(x, "будто") ||
               (ask && (tok_is(x, "if") || tok_is(x, "whether")))) &&
              !time_noun(j + 1)) {
            // that far, a relative "что" is more likely: "то, что", "(…), что
            // означает", "что, как предполагается"
            if (j >= v + 10 && (toks_[j - 2].kind == RPAR || tok_is(toks_[j - 2], "то") ||
                                (j + 1 < n_end && toks_[j + 1].kind == COMMA)))
              break;
            that = j;
            break;
          }
          if (x.kind == OPEN) {
            // заявил «РИА Новости», что …: a short quoted name is passed over
            std::size_t c = j + 1;
            while (c < n_end && c < j + 7 && toks_[c].kind != CLOSE) ++c;
            if (c < n_end && toks_[c].kind == CLOSE) {
              j = c;
              continue;
            }
          }
          if (x.kind == END || x.kind == COLON || x.kind == SEMI || x.kind == OPEN ||
              (x.kind == W && x.speech() && !x.inq))
            break;
        }
        std::size_t a = bare;
        if (that) {
          // "что" after a comma (заявил, что), "that" anywhere before
          if (toks_[that].cyr && toks_[that - 1].kind != COMMA) continue;
          a = that + 1;
        } else if (!a && (k.cue() & kBare) && v + 1 < n_end && !k.cyr) {
          std::size_t b = v + 1;
          while (b < n_end && toks_[b].adverb()) ++b;
          // (a capitalised run that ends the clause is an inverted speaker:
          // "…," said Mihkel Pajusalu, head of …)
          std::size_t r = b;
          while (r < n_end && toks_[r].kind == W && toks_[r].caps) ++r;
          const bool inverted = r > b && (r >= n_end || toks_[r].kind == COMMA || toks_[r].kind == END ||
                                          toks_[r].kind == DOT);
          if (b < n_end && toks_[b].kind == W &&
              ((toks_[b].lex && toks_[b].lex->clause) || (toks_[b].caps && !inverted)))
            a = b;
        }
        if (!a) continue;
        const Span cl = clause(a, clause_end(a));
        if (cl.empty()) continue;
        Speaker sp = speaker_of(toks_, 0, v, that ? that : v + 1);
        if (!sp.found()) continue;
        use(k);
        add(out, cl, quote_kind::indirect, sp, that ? "cue_that" : "cue_bare");
        last = sp;
      }
    }
  }

  // Rule 3: the other marked quotes.
  void rest(const QuotePair& p, std::vector<Found>& out) {
    const std::size_t idx = done_i_++;
    if (done_[idx]) return;
    const std::string_view t = cx_.t_;
    const Span content = trim(t, p.content_start, p.content_end);
    if (content.empty() || !body(content.start)) return;
    toks_ = cx_.tokenize(content.start, content.end, toks_buf_);
    std::size_t words = 0, caps = 0;
    for (const Tok& k : toks_) {
      words += is_word(k);
      caps += k.kind == W && k.caps;
    }
    const char32_t last = cp_last(content);
    bool sentence_end = last == '.' || last == '!' || last == '?' || last == 0x2026;
    // no word a function word, a cue or a starter (No., Yes.): asked only of
    // a short capitalised content ending in a full stop
    auto plain_names = [&] {
      for (const Tok& k : toks_)
        if (k.kind == W && (k.lex || starter_any(t.substr(k.s, k.e - k.s)))) return false;
      return true;
    };
    if (last == '.' && words > 0 && words <= 3 && caps == words && plain_names()) {
      // "at the Baltic plant "Yantar."": American punctuation puts the
      // sentence's full stop inside a quoted name; a name it is when a plain
      // word (no cue, no colon) stands right before the mark
      const std::size_t si = cx_.sentence_at(p.open);
      const std::uint32_t from = si < cx_.sents_.size() ? std::min(cx_.sents_[si].start, p.open) : p.open;
      scratch_ = cx_.tokenize(from, p.open, scratch_buf_);
      if (!scratch_.empty() && scratch_.back().kind == W && !scratch_.back().cue() && !scratch_.back().inq)
        sentence_end = false;
    }
    Speaker none;
    // placards reading: "A," "B," and "C.": a quote listed right after an
    // attributed direct quote is its speaker's too, short or not
    if (p.depth == 0 && idx > 0 && pairs_[idx - 1].depth == 0 && listed_after(pairs_[idx - 1], p)) {
      const QuotePair& q = pairs_[idx - 1];
      for (std::size_t k = out.size(); k-- > 0 && k + 8 > out.size();) {
        if (out[k].span.start < q.content_start || out[k].span.end > q.content_end) continue;
        // (after "X: «A», «B»" with no cue, the list is one of names)
        if (out[k].kind == quote_kind::direct && out[k].sp.found() && std::strcmp(out[k].rule, "colon_name") != 0) {
          const Speaker sp = out[k].sp;
          add(out, content, quote_kind::direct, sp, "listed");
          return;
        }
        // a short one listed after a title is one too, the sentence's full
        // stop inside or not: categories "Long prose," "Short prose," "Prose
        // for children."
        // (with a comma or a conjunction between them: "назвал ответ на
        // «Закон Магнитского» «абсолютно аморальным»" names, it lists nothing)
        const std::uint32_t gap = q.close + mark_len(q.close);
        const std::string_view between = t.substr(gap, p.open > gap ? p.open - gap : 0);
        // (the comma may stand inside the marks: "Short prose," "Prose …")
        bool listed = between.find(',') != std::string_view::npos ||
                      (q.content_end > q.content_start && t[q.content_end - 1] == ',');
        for (const std::string_view w : {" and ", " or ", " и ", " или "})
          listed = listed || between.find(w) != std::string_view::npos;
        if (out[k].kind == quote_kind::title && words <= 6 && !p.missing_close && listed) {
          add(out, content, quote_kind::title, none, "title");
          return;
        }
        break;
      }
    }
    // a name quoted inside a speaker's phrase ("— заключил сопредседатель
    // группы «Экозащита!»") is a title
    {
      auto it = std::upper_bound(speaker_spans_.begin(), speaker_spans_.end(), p.open,
                                 [](std::uint32_t x, const Span& m) { return x < m.start; });
      for (int k = 0; k < 4 && it != speaker_spans_.begin(); ++k) {
        if (content.end <= (--it)->end) {
          add(out, content, quote_kind::title, none, "title");
          return;
        }
      }
    }
    // «…», — сказала она. — «Это наша земля»: a quote after a dash that
    // opens a sentence goes on with the speech before it
    const bool continued = dash_opens(p.open);
    // a Russian law's or decree's name, of any length: «О полиции», «Об
    // образовании в Российской Федерации», «О госрегулировании …» (the
    // preposition О/Об, capitalised, then a word; not «О, как …», «О чём?»)
    const bool law_name = !continued && last != '.' && last != '!' && last != '?' && toks_.size() > 1 &&
                          toks_[0].kind == W && toks_[0].caps && toks_[0].cyr &&
                          (tok_is(toks_[0], "о") || tok_is(toks_[0], "об")) && toks_[1].kind == W &&
                          !toks_[1].caps;
    // titles and names: capitalised and short
    if (law_name ||
        (!continued && !sentence_end && words <= 6 && caps > 0 && (starts_upper(content) || words <= 4))) {
      add(out, content, quote_kind::title, none, "title");
      return;
    }
    const bool introduces = idx + 1 < pair_count_ && done_[idx + 1] && introduces_next(p, pairs_[idx + 1]);
    if ((p.depth > 0 || introduces) && words <= 6) {
      // nested, or a word of the introduction to the speech after it
      // (назвал «совок»: «…»)
      add(out, content, quote_kind::scare, none, "scare");
      return;
    }
    // partial: inside reported speech, or in a sentence with a cue before it
    {
      // the indirect quotes are sorted by start and never nest deeply: the
      // last few that start before this one are the candidates
      auto it = std::upper_bound(indirect_.begin(), indirect_.end(), content.start,
                                 [](std::uint32_t x, const Found& f) { return x < f.span.start; });
      for (int k = 0; k < 4 && it != indirect_.begin(); ++k) {
        const Found& f = *--it;
        if (f.span.start <= content.start && content.end <= f.span.end && f.sp.found()) {
          add(out, content, quote_kind::partial, f.sp, "inside_indirect");
          return;
        }
      }
    }
    {
      const std::size_t si = cx_.sentence_at(p.open);
      std::uint32_t from = si < cx_.sents_.size() ? std::min(cx_.sents_[si].start, p.open) : p.open;
      if (p.open - from > 600) from = p.open - 600;
      while (from < p.open && (static_cast<unsigned char>(cx_.t_[from]) & 0xC0) == 0x80) ++from;
      toks_ = cx_.tokenize(from, p.open, toks_buf_);
      for (std::size_t v = toks_.size(); v-- > 0;) {
        const Tok& k = toks_[v];
        if (k.kind == W && !k.inq && (k.cue() & (kSpeech | kNaming))) {
          // "maintain" reports a clause only ("to maintain its presence in …
          // and «…»", "will maintain the same «illogical» position"), and
          // "a call" is a noun ("there was a call to join the action «…»")
          if (k.fl >= 8 && std::memcmp(k.f, "maintain", 8) == 0 &&
              !(v + 1 < toks_.size() && (tok_is(toks_[v + 1], "that") || toks_[v + 1].kind == COLON)))
            continue;
          if ((tok_is(k, "call") || tok_is(k, "calls")) && v > 0 &&
              (tok_is(toks_[v - 1], "a") || tok_is(toks_[v - 1], "the") || tok_is(toks_[v - 1], "this") ||
               tok_is(toks_[v - 1], "their") || tok_is(toks_[v - 1], "his") || tok_is(toks_[v - 1], "her")))
            continue;
          Speaker sp;
          if (v > 0 && toks_[v - 1].kind == COMMA && ((k.cue() & kPart) || ((k.cue() & kNaming) && nonfinite(k)))) {
            // ", calling it «…»", ", назвав его «…»": the subject of the
            // sentence said it (a finite verb after a comma, "X, выступая в
            // Белом доме, назвал", has its subject before the phrase)
            sp = joint_subject(toks_, v);
            if (!sp.found()) sp = sentence_speaker(toks_[0].s, k.s);
            if (!sp.found()) {
              // the sentence's first phrase when it is a pronoun or a name
              // ("He also condemned Democrats, calling it «…»": not the object)
              std::size_t r = 0;
              // (an English name; a Russian subject often opens with an
              // adjective: "Американский актёр … Миллер")
              while (r + 1 < v && toks_[r].kind == W && toks_[r].caps && !toks_[r].cyr && !toks_[r].pron()) ++r;
              if (r == 0 && v > 1 && toks_[0].kind == W && toks_[0].pron() && !toks_[0].lex->pron_poss) r = 1;
              if (r > 0 && r + 1 < v && toks_[r].kind == W && !toks_[r].caps) {
                sp = speaker_in(cx_, toks_, 0, r, true);
                // (a name, not a capitalised opener: "Однако мэр …", "Американский актёр …")
                if (sp.found() && !sp.pron && sp.conf < 0.85) sp = Speaker{};
              }
            }
            if (!sp.found()) sp = speaker_in(cx_, toks_, 0, v - 1, false);
            sp = with_cue(sp, k);
          } else if (k.cue() & kNaming) {
            // "The first option was called the «perfect storm»": a passive
            // names nobody who spoke
            if (!(v > 0 && be_aux(toks_[v - 1]))) sp = with_cue(subject_before(toks_, 0, v), k);
          } else {
            // "X warned that … and urged Y to stop «…»": the speaker of the
            // report this cue is coordinated with
            if (v > 0 && conjunction(toks_[v - 1])) sp = with_cue(sentence_speaker(toks_[0].s, k.s), k);
            // ("the creators of which were accused of «…»": a passive without
            // its agent names no speaker)
            if (v > 0 && be_aux(toks_[v - 1]) && !(v + 1 < toks_.size() && tok_is(toks_[v + 1], "by"))) break;
            // "Как отметили в агентстве X, … «…»": an "as" clause's speaker
            // stands after its cue ("Как" is none)
            if (!sp.found() && v > 0 && (tok_is(toks_[v - 1], "как") || tok_is(toks_[v - 1], "as")))
              sp = with_cue(speaker_in(cx_, toks_, v + 1, region_after(toks_, v, toks_.size()), false), k);
            else if (!sp.found()) sp = speaker_of(toks_, 0, v, toks_.size());
          }
          if (!sp.found()) break;
          add(out, content, quote_kind::partial, sp, "partial_cue");
          return;
        }
      }
    }
    // short, or a lower-case phrase of up to six words that is no sentence
    // ("on Tuesday, «the hero of the occasion» was in first place")
    if (!sentence_end && !continued && (words <= 4 || (words <= 6 && !starts_upper(content)))) {
      add(out, content, quote_kind::scare, none, "scare");
      return;
    }
    add(out, content, quote_kind::direct, none, "unattributed");
  }

  // A direct quote with no attribution of its own takes the speaker of the
  // speech just before it, in its own body zone or the one before.
  void carry(std::vector<Found>& out) {
    const Found* prev = nullptr;
    for (Found& f : out) {
      if (f.kind == quote_kind::scare || f.kind == quote_kind::title) continue;
      if (f.kind == quote_kind::direct && !f.sp.found() && prev && f.zone <= prev->zone + 1) {
        f.sp = prev->sp;
        f.sp.conf *= 0.7;
        f.rule = "carry";
      }
      if (f.sp.found()) prev = &f;
    }
  }

  std::size_t content_words(Span c) {
    const Toks tk = cx_.tokenize(c.start, std::min<std::uint32_t>(c.end, c.start + 200), scratch_buf_);
    std::size_t n = 0;
    for (const Tok& k : tk) n += is_word(k);
    return n;
  }

  // A Russian month, weekday or time noun (any case): январе, среду, году.
  bool ru_time_word(const Tok& k) const {
    // (every stem is Cyrillic: another word is none, before 26 comparisons)
    if (k.kind != W || !k.f || !k.cyr) return false;
    const std::string_view f(k.f, k.fl);
    static constexpr std::string_view stems[] = {"январ", "феврал", "март", "апрел", "мае", "мая", "июн",
                                                 "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
                                                 "понедельник", "вторник", "сред", "четверг", "пятниц",
                                                 "суббот", "воскресень", "год", "прошл", "начал", "конц",
                                                 "течени", "ход"};
    for (const std::string_view st : stems)
      if (f.size() >= st.size() && f.size() <= st.size() + 6 && starts_with(f, st)) return true;
    return false;
  }
  // "that night": a demonstrative, not a conjunction
  bool time_noun(std::size_t j) const {
    if (j >= toks_.size()) return false;
    static constexpr std::string_view nouns[] = {"night", "day", "morning", "evening", "week", "month",
                                                 "year", "time", "moment", "afternoon", "weekend"};
    for (const std::string_view w : nouns)
      if (tok_is(toks_[j], w)) return true;
    return false;
  }

  // toks_[a, b) as a span without edge punctuation, if it has `min` words.
  // A clause keeps the marks of a quote it holds part of: "путь «роста»",
  // not "путь «роста".
  void balance_marks(std::size_t& a, std::size_t& b) const {
    if (b <= a) return;
    int open = 0;
    for (std::size_t k = a; k < b; ++k) open += toks_[k].kind == OPEN ? 1 : toks_[k].kind == CLOSE ? -1 : 0;
    while (open > 0 && b < toks_.size() && toks_[b].kind == CLOSE) {
      ++b;
      --open;
    }
    // (with the punctuation inside the marks: 'that Germany "will be a
    // partner,"')
    while (open > 0 && b + 1 < toks_.size() && toks_[b + 1].kind == CLOSE &&
           (toks_[b].kind == COMMA || toks_[b].kind == DOT || toks_[b].kind == END)) {
      b += 2;
      --open;
    }
    while (open < 0 && a > 0 && toks_[a - 1].kind == OPEN) {
      --a;
      ++open;
    }
  }

  Span clause_span(std::size_t a, std::size_t b, std::size_t min) const {
    while (a < b && !is_word(toks_[a])) ++a;
    while (b > a && !is_word(toks_[b - 1])) --b;
    balance_marks(a, b);
    std::size_t words = 0;
    for (std::size_t k = a; k < b; ++k) words += is_word(toks_[k]);
    if (b <= a || words < min) return Span{};
    return Span{toks_[a].s, toks_[b - 1].e, 0, 0};
  }

  // The speaker of an indirect quote whose cue lies in [from, to).
  Speaker sentence_speaker(std::uint32_t from, std::uint32_t to) const {
    for (auto it = indirect_.rbegin(); it != indirect_.rend(); ++it)
      if (it->sp.cue.start >= from && it->sp.cue.start < to) return it->sp;
    return Speaker{};
  }

  bool body(std::uint32_t pos) const {
    const std::uint32_t z = zone_of(pos);
    return z < zones_.size() && zones_[z].kind == static_cast<std::uint32_t>(zone_kind::body) &&
           zones_[z].start <= pos && pos < zones_[z].end;
  }
  // A clause that is all marked (the marked rules have it) is no indirect quote.
  bool all_marked(Span c) const {
    return !c.empty() && cx_.inside_quote(c.start) && cx_.inside_quote(c.end - 1) && quote_covering(c);
  }

  // Whether the sentence before si is in the same zone: "Об этом заявил X",
  // "This was reported by X" and "X said this" report it.
  // (or in the body paragraph before: "…скончалась Эмма Морано.\n\nОб этом
  // сообщает её доктор")
  bool previous_in_zone(std::size_t si) const {
    if (si == 0) return false;
    const std::uint32_t a = zone_of(cx_.sents_[si - 1].start), b = zone_of(cx_.sents_[si].start);
    const auto body = static_cast<std::uint32_t>(zone_kind::body);
    return a == b || (a + 1 == b && b < zones_.size() && zones_[a].kind == body && zones_[b].kind == body);
  }
  // Adds the sentence before si as sp's report (about_this); false when sp
  // is not found or the sentence is empty or marked.
  bool report_previous(std::size_t si, const Speaker& sp, const Tok& k, std::vector<Found>& out) {
    if (!sp.found()) return false;
    const Span cl = trim_sentence(cx_.sents_[si - 1]);
    if (cl.empty() || all_marked(cl)) return false;
    // (nor when it holds a report of its own: "Полиция сообщила, что …. Об
    // этом сообщило управление полиции"; in English machine translation a
    // headline, often with a cue, is glued to the lead the source reports)
    if (k.cyr && sentence_speaker(cx_.sents_[si - 1].start, cx_.sents_[si - 1].end).found()) return false;
    use(k);
    add(out, cl, quote_kind::indirect, sp, "about_this");
    return true;
  }

  // "according to X" / "по словам (мнению, данным, …) X" opening at toks[i]:
  // X starts at i + 2.
  bool according_at(Toks toks, std::size_t i) const {
    return i + 1 < toks.size() && according_to(toks[i], &toks[i + 1]);
  }

  // The outermost pair whose content is most of c, or -1.
  int pair_covering(Span c) const {
    int best = -1;
    // depth-0 pairs do not overlap: the one covering c opens at most a few
    // pairs before the last one that opens before c
    std::size_t k0 = static_cast<std::size_t>(
        std::upper_bound(pairs_, pairs_ + pair_count_, c.start,
                         [](std::uint32_t x, const QuotePair& q) { return x < q.open; }) -
        pairs_);
    k0 = k0 > 4 ? k0 - 4 : 0;
    for (std::size_t k = k0; k < pair_count_ && k < k0 + 12 && pairs_[k].open <= c.end; ++k) {
      const QuotePair& q = pairs_[k];
      if (q.depth != 0 || q.content_end <= c.start) continue;
      const std::uint32_t ov = std::min(q.content_end, c.end) - std::max(q.content_start, c.start);
      if (ov * 10 >= c.size() * 8) best = static_cast<int>(k);
    }
    return best;
  }
  bool quote_covering(Span c) const {
    // a depth-0 pair whose content is most of c
    auto it = std::upper_bound(cx_.outer_.begin(), cx_.outer_.end(), c.start,
                               [](std::uint32_t x, const Span& s) { return x < s.start; });
    if (it == cx_.outer_.begin()) return false;
    --it;
    const std::uint32_t ov = std::min(it->end, c.end) - std::max(it->start, c.start);
    return it->end > c.start && ov * 10 >= c.size() * 8;
  }
  Span trim_sentence(Span s) {
    const Toks tk = cx_.tokenize(s.start, s.end, scratch_buf_);
    std::size_t b = tk.size();
    while (b > 0 && (tk[b - 1].kind == END || tk[b - 1].kind == DOT)) --b;
    if (b < 3) return Span{};
    return Span{tk[0].s, tk[b - 1].e, 0, 0};
  }
  static bool is_np_tok(const Tok& k) {
    return (k.kind == W && !k.stop() && !(k.speech() && !k.inq)) || k.kind == OPEN ||
           k.kind == CLOSE || k.kind == DOT;
  }
  char32_t cp_last(Span s) const {
    std::uint32_t b = s.end - 1;
    while (b > s.start && (static_cast<unsigned char>(cx_.t_[b]) & 0xC0) == 0x80) --b;
    return decode_utf8(cx_.t_.data() + b, cx_.t_.data() + s.end).cp;
  }
  bool starts_upper(Span s) const {
    const decoded_char d = decode_utf8(cx_.t_.data() + s.start, cx_.t_.data() + s.end);
    return is_upper(d.cp) || detail::digit_fast(d.cp);
  }
  // A dash right before `pos` that follows a sentence's end: ". — «…»".
  bool dash_opens(std::uint32_t pos) const {
    const std::string_view t = cx_.t_;
    std::uint32_t i = pos;
    while (i > 0 && t[i - 1] == ' ') --i;
    // — (E2 80 94) or – (E2 80 93)
    if (i < 3 || t.compare(i - 3, 2, "\xE2\x80") != 0 || (t[i - 1] != '\x94' && t[i - 1] != '\x93')) return false;
    i -= 3;
    while (i > 0 && t[i - 1] == ' ') --i;
    if (i == 0) return false;
    const char c = t[i - 1];
    return c == '.' || c == '!' || c == '?';
  }

  // A colon within four tokens after toks_[v]: the cue introduces what
  // follows it ("… m Raisi's message reads, inter alia: «…»").
  bool colon_after(std::size_t v) const {
    for (std::size_t j = v + 1; j < toks_.size() && j <= v + 4; ++j) {
      if (toks_[j].kind == COLON) return true;
      if (toks_[j].kind == END || toks_[j].kind == OPEN) return false;
    }
    return false;
  }

  // Two or more words of the quote's own sentence stand before its opening
  // mark, with no colon or dash right before it. (A capitalised quote is
  // taken for a sentence of its own: scraped text loses the full stop
  // before it.)
  bool embedded(const QuotePair& p) {
    if (p.missing_open) return false;
    const std::size_t si = cx_.sentence_at(p.open);
    if (si >= cx_.sents_.size() || cx_.sents_[si].start >= p.open) return false;
    std::uint32_t from = cx_.sents_[si].start;
    if (p.open - from > 600) return false;
    scratch_ = cx_.tokenize(from, p.open, scratch_buf_);
    if (scratch_.empty() || scratch_.back().kind != W) return false;
    std::size_t words = 0;
    for (const Tok& k : scratch_) {
      if (k.kind == OPEN || k.kind == CLOSE || k.kind == COLON || k.kind == DASH || k.kind == END) words = 0;
      else words += is_word(k);
    }
    return words >= 2;
  }

  // Only spaces and one colon between the closing mark of `p` and the
  // opening mark of `next`.
  bool introduces_next(const QuotePair& p, const QuotePair& next) const {
    if (p.missing_close || next.missing_open) return false;
    const std::string_view t = cx_.t_;
    std::uint32_t i = p.close + mark_len(p.close);
    int colons = 0;
    for (; i < next.open && i < t.size(); ++i) {
      const char c = t[i];
      if (c == ':') ++colons;
      else if (c != ' ' && c != '\t') return false;
    }
    return i == next.open && colons == 1;
  }

  // Only spaces, commas and one "and"/"or"/"и"/"или" between the closing
  // mark of `p` and the opening mark of `next`.
  bool listed_after(const QuotePair& p, const QuotePair& next) const {
    if (p.missing_close || next.missing_open) return false;
    const std::string_view t = cx_.t_;
    std::uint32_t i = p.close + mark_len(p.close);
    if (i > next.open || next.open - i > 12) return false;
    std::string_view gap = t.substr(i, next.open - i);
    bool word = false;
    while (!gap.empty()) {
      if (gap[0] == ' ' || gap[0] == ',') {
        gap.remove_prefix(1);
        continue;
      }
      bool hit = false;
      for (std::string_view w : {std::string_view("and "), std::string_view("or "), std::string_view("и "),
                                 std::string_view("или ")})
        if (!word && gap.substr(0, w.size()) == w) {
          gap.remove_prefix(w.size());
          word = hit = true;
          break;
        }
      if (!hit) return false;
    }
    return true;
  }

  std::uint32_t mark_len(std::uint32_t pos) const {
    const auto b = static_cast<unsigned char>(cx_.t_[pos]);
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : 3;
  }

  Ctx& cx_;
  std::vector<Tok>& scratch_buf_;  // the buffers of scratch_, toks_ and look_ (Ctx::tokenize)
  Toks scratch_;
  const std::vector<Span>& zones_;
  std::vector<Tok>& toks_buf_;
  Toks toks_;
  OffsetSet& used_;  // cues that attributed a marked quote
  std::vector<Found>& indirect_;
  std::vector<std::uint32_t>& direct_starts_;  // contents' starts of the direct quotes marked() attributed, sorted
  const std::vector<std::uint32_t>& reports_;  // QuoteBuffers::reports
  std::size_t report_at_ = 0;                   // may_report()'s cursor in it
  std::vector<std::uint32_t>& opens_;           // indirect(): its sentence's tokens in reports_
  std::vector<Span>& speaker_spans_;  // the speakers' phrases found before rest(), by start
  std::vector<bool>& done_;
  std::vector<Tok>& look_buf_;
  Toks look_;  // the words after a quote whose sentence ended inside it
  const QuotePair* pairs_ = nullptr;
  std::size_t pair_count_ = 0;
  std::size_t done_i_ = 0;
};

// ------------------------------------------------------------- entities

// The Russian word (two-byte letters) that ends at `end`; empty when none.
std::string_view russian_word_before(std::string_view text, std::uint32_t end) {
  std::uint32_t w = end;
  while (w >= 2 && (static_cast<unsigned char>(text[w - 2]) == 0xD0 || static_cast<unsigned char>(text[w - 2]) == 0xD1))
    w -= 2;
  return text.substr(w, end - w);
}

// The last space-separated word of a name or a phrase.
std::string_view last_word(std::string_view s) {
  const std::size_t sp = s.rfind(' ');
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}


}  // namespace

QuoteScan::QuoteScan(std::string_view text, const std::vector<Span>& zones) : text_(text), zones_(zones) {
  QuoteBuffers& mine = QuoteBuffers::mine();
  if (mine.busy) {  // (another scan of this thread is alive: buffers of its own)
    own_ = std::make_unique<QuoteBuffers>();
    bufs_ = own_.get();
  } else {
    bufs_ = &mine;
  }
  QuoteBuffers& b = *bufs_;
  std::vector<Span>& units = b.units;
  units.clear();
  for (const Span& z : zones)
    if (z.kind == static_cast<std::uint32_t>(zone_kind::body)) units.push_back(z);
  b.pairs.clear();
  pair_marks(text, units, b.pairs);
  b.marks.clear();
  b.outer.clear();
  for (const QuotePair& p : b.pairs) {
    if (!p.missing_open) b.marks.push_back(Mark{p.open, OPEN});
    if (!p.missing_close) b.marks.push_back(Mark{p.close, CLOSE});
    if (p.depth == 0) b.outer.push_back(Span{p.content_start, p.content_end, 0, 0});
  }
  std::sort(b.marks.begin(), b.marks.end(), [](const Mark& x, const Mark& y) { return x.pos < y.pos; });
  // the text tokenized once, before the entities (which read its words)
  // are known; find_quotes() reads the same tokens
  static const std::vector<Span> kNoSentences;
  static const std::vector<Entity> kNoEntities;
  Ctx(text, kNoSentences, kNoEntities, b).prepare();
  b.reports.clear();
  const Toks all(b.all);
  // Every token is written to the next place, which only a word keeps (a
  // branch on the token's kind mispredicted at words and marks in turn).
  // Digits joined to letters are a word too, a number: 12-летний.
  b.words.resize(all.size());
  Span* const words = b.words.data();
  std::size_t nw = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Tok& k = all[i];
    // (set in its place: a Span built aside was copied as one 16-byte load
    // of its fresh narrower stores, a store-forwarding stall a word)
    Span& w = words[nw];
    w.start = k.s;
    w.end = k.e;
    w.kind = (k.joined ? kWordJoined : 0u) | k.first;
    w.flags = 0;
    nw += static_cast<unsigned>(k.kind == W) | static_cast<unsigned>(k.joined);
    // (for find_quotes: the words a report may open with)
    if (opens_report_at(all, i)) b.reports.push_back(k.s);
  }
  b.words.resize(nw);
  b.busy = true;  // (last: a scan that throws lends nothing)
}

QuoteScan::~QuoteScan() { bufs_->busy = false; }

const std::vector<Span>& QuoteScan::words() const noexcept { return bufs_->words; }

void find_quotes(QuoteScan& scan, const std::vector<Span>& sentences, const std::vector<Entity>& entities,
                 std::vector<Quote>& out) {
  const std::string_view text = scan.text_;
  const std::vector<Span>& zones = scan.zones_;
  QuoteBuffers& bufs = *scan.bufs_;
  std::vector<QuotePair>& pairs = bufs.pairs;
  Ctx cx(text, sentences, entities, bufs);  // (the tokens are the scan's)
  FinderBuffers& fbufs = FinderBuffers::mine();
  fbufs.trim();

  std::vector<Found>& found = fbufs.found;
  found.clear();
  Finder f(cx, zones, bufs, fbufs);
  f.run(pairs, found);
  // a partial quote ending a clause reported on the same cue speaks with that
  // report's speaker, which the clause rules may have found further on
  // ("«…», пояснил автор законопроекта, первый зампред … Андрей Красов")
  {
    std::vector<std::size_t>& by_cue = fbufs.by_cue;  // indirect quotes, by their cue's start
    by_cue.clear();
    for (std::size_t i = 0; i < found.size(); ++i)
      if (found[i].kind == quote_kind::indirect && found[i].sp.found() && found[i].sp.cue.start != no_offset)
        by_cue.push_back(i);
    std::sort(by_cue.begin(), by_cue.end(),
              [&](std::size_t a, std::size_t b) { return found[a].sp.cue.start < found[b].sp.cue.start; });
    for (Found& q : found) {
      if (q.kind != quote_kind::partial || !q.sp.found() || q.sp.cue.start == no_offset) continue;
      auto it = std::lower_bound(by_cue.begin(), by_cue.end(), q.sp.cue.start,
                                 [&](std::size_t i, std::uint32_t x) { return found[i].sp.cue.start < x; });
      for (; it != by_cue.end() && found[*it].sp.cue.start == q.sp.cue.start; ++it) {
        const Found& r = found[*it];
        if (r.span.start <= q.span.start && q.span.end <= r.span.end) {
          q.sp = r.sp;
          break;
        }
      }
    }
  }

  // speakers to entities: by mention, by role, a pronoun by the last
  // speaker or person of its gender before it
  int last_speaker = -1;
  std::uint32_t last_at = 0;
  Span last_quote{0, 0, 0, 0};  // what the last speaker said
  // a role phrase to the person holding that role: the role itself, its tail
  // ("Internet Ombudsman" of "the Internet Ombudsman"), or its head of two
  // words or more ("head of Roskomnadzor" of "head of Roskomnadzor Agency");
  // built on first need, one hash lookup a quote (the last holder wins)
  std::unordered_map<std::string_view, int> role_holder;
  bool roles_indexed = false;
  auto index_roles = [&] {
    roles_indexed = true;
    for (std::size_t i = 0; i < entities.size(); ++i) {
      if (entities[i].type != entity_type::person) continue;
      for (const std::string& r : entities[i].roles) {
        const std::string_view rv(r);
        role_holder[rv] = static_cast<int>(i);
        for (std::size_t sp = rv.find(' '); sp != std::string_view::npos; sp = rv.find(' ', sp + 1)) {
          if (rv.size() - sp - 1 >= 4) role_holder[rv.substr(sp + 1)] = static_cast<int>(i);
          if (rv.substr(0, sp).find(' ') != std::string_view::npos) role_holder[rv.substr(0, sp)] = static_cast<int>(i);
        }
      }
    }
  };
  out.reserve(out.size() + found.size());
  for (const Found& q : found) {
    // marks around punctuation alone ("Cup" enit "-" Khimki) quote nothing
    bool any_word = false;
    for (std::uint32_t i = q.span.start; i < q.span.end && !any_word;) {
      const decoded_char d = decode_utf8(text.data() + i, text.data() + q.span.end);
      any_word = is_letter(d.cp) || detail::digit_fast(d.cp);
      i += d.len;
    }
    if (!any_word) continue;
    Quote o;
    o.span = q.span;
    o.kind = q.kind;
    o.rule = q.rule;
    if (q.sp.found()) {
      o.speaker = q.sp.mention;
      o.cue = q.sp.cue;
      o.confidence = q.sp.conf;
      const Span m = q.sp.mention;
      int e = -1;
      if (q.sp.pron == p_he || q.sp.pron == p_she || q.sp.definite) {
        // ("the actor" is a person of either gender)
        const bool want_f = q.sp.pron == p_she || (q.sp.cue_flags & kFemale);
        auto ok = [&](int x) {
          if (x < 0) return false;
          const Entity& en = entities[static_cast<std::size_t>(x)];
          return en.type == entity_type::person && (q.sp.definite || (en.gender == entity_gender::female) == want_f);
        };
        // the last speaker or the nearest person mention of its gender
        // before it, whichever is closer, at most 3000 bytes back
        std::uint32_t near_at = 0;
        int near = -1;
        auto it = std::lower_bound(cx.ments_.begin(), cx.ments_.end(), m.start,
                                   [](const Ctx::M& x, std::uint32_t at) { return x.s < at; });
        while (it != cx.ments_.begin()) {
          --it;
          if (m.start - it->s > 3000) break;
          // (no one named inside a marked quote itself: "… Fedorov and
          // Mogilny," admitted the hockey player)
          if (q.kind != quote_kind::indirect && it->s >= q.span.start && it->s < q.span.end) continue;
          // (nor one the last speaker talked about: "Браммерц сказал, что
          // Сербия не ловит Младича … . По его мнению, …" is Браммерц's)
          if (it->s >= last_quote.start && it->s < last_quote.end && it->ent != last_speaker) continue;
          if (ok(it->ent)) {
            near = it->ent;
            near_at = it->s;
            break;
          }
        }
        // in an earlier sentence the subject is the antecedent, the first
        // person of the gender there, not the last: "Vadim Denisenko listed
        // four options for President Vladimir Zelensky. In his opinion, …"
        if (near >= 0) {
          const std::size_t ns = cx.sentence_at(near_at), ps = cx.sentence_at(m.start);
          if (ns < cx.sents_.size() && ns != ps) {
            const std::uint32_t from = cx.sents_[ns].start;
            auto jt = std::lower_bound(cx.ments_.begin(), cx.ments_.end(), from,
                                       [](const Ctx::M& x, std::uint32_t at) { return x.s < at; });
            for (; jt != cx.ments_.end() && jt->s < near_at; ++jt) {
              if (jt->s >= last_quote.start && jt->s < last_quote.end && jt->ent != last_speaker) continue;
              if (ok(jt->ent)) {
                near = jt->ent;
                near_at = jt->s;
                break;
              }
            }
          }
        }
        const bool speaker_ok = ok(last_speaker) && m.start >= last_at && m.start - last_at < 3000;
        if (speaker_ok && (near < 0 || last_at >= near_at)) e = last_speaker;
        else e = near;
      } else if (!q.sp.pron) {
        Span em;
        e = cx.entity_at(m.start, m.end, &em);
        // a place inside an organisation's name is not the speaker
        // ("The Veltmouth Chamber of Commerce")
        if (e >= 0 && entities[static_cast<std::size_t>(e)].type != entity_type::person &&
            em.end < m.end)
          e = -1;
        // nor is a role's holder named by the role inside a longer phrase,
        // its complement ("по данным администрации главы Чувашии": the
        // administration speaks; "the spokesman of the head of …")
        if (e >= 0 && em.kind == static_cast<std::uint32_t>(mention_kind::role) && em.start > m.start) {
          std::string_view before = text.substr(m.start, em.start - m.start);
          while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
          if (!(before == "the" || before == "The")) e = -1;
        }
        // and a role in the genitive right after another noun is that noun's
        // complement ("по данным администрации главы Чувашии": the
        // administration; not "По словам президента США", Obama's): the
        // speaker is what its own words name, if anything
        if (e >= 0 && em.kind == static_cast<std::uint32_t>(mention_kind::role) && em.start < m.start &&
            em.start >= 2 && text[em.start - 1] == ' ') {
          const std::string_view prev = russian_word_before(text, em.start - 1);
          static const std::string_view kSource[] = {"словам", "мнению", "данным", "оценке", "сведениям",
                                                     "утверждению", "заявлению", "информации", "слов"};
          if (prev.size() >= 8 && cyrillic_word(prev) && !is_upper(decode_utf8(prev.data(), prev.data() + prev.size()).cp) &&
              std::find(std::begin(kSource), std::end(kSource), prev) == std::end(kSource))
            e = cx.entity_at(m.start, m.end, &em, /*names_only=*/true);
        }
        // a role ("the head of Roskomnadzor") names the person who holds it
        std::string_view mt = text.substr(m.start, m.end - m.start);
        for (std::string_view art : {"The ", "the ", "A ", "a "})
          if (mt.substr(0, art.size()) == art) mt.remove_prefix(art.size());
        // only a phrase with a role noun names a role holder ("Internet
        // Ombudsman"; "Roskomnadzor" alone is no "head of Roskomnadzor")
        bool role_first = false;
        for (std::size_t a = 0; a < mt.size() && !role_first;) {
          std::size_t b = mt.find(' ', a);
          if (b == std::string_view::npos) b = mt.size();
          char buf[64];
          const std::string_view fw = fold(mt.substr(a, b - a), buf, sizeof buf);
          const Lex* lx = fw.empty() ? nullptr : lexicon().lookup(fw);
          role_first = (lx && lx->role) || (!fw.empty() && lexicon().ru_role(fw));
          a = b + 1;
        }
        // an organisation after the role is where the role is held
        // ("президент РФ", "глава КНР", "Представитель СБУ"), not the speaker,
        // unless a kind of organisation names it ("агентство ТАСС", "the
        // newspaper Kommersant")
        if (role_first && e >= 0 && entities[static_cast<std::size_t>(e)].type == entity_type::organization &&
            em.start > m.start && !organisation_kind(text.substr(m.start, em.start - m.start)))
          e = -1;
        // and a person whose Russian name after the role is inflected, a
        // genitive: "Адвокаты Мингазова сообщили", "Сторонники Бандеры
        // утверждают" (the lawyers speak; "Президент Путин" is Путин)
        if (role_first && e >= 0 && entities[static_cast<std::size_t>(e)].type == entity_type::person &&
            em.start > m.start) {
          const std::string_view last = last_word(text.substr(em.start, em.end - em.start));
          if (cyrillic_word(last) && last != last_word(entities[static_cast<std::size_t>(e)].name)) e = -1;
        }
        // a name in the genitive right after a noun of people who belong to
        // someone is whose they are: "Критики Алиева заявили", "Сторонники
        // Бандеры утверждают", "Адвокаты Мингазова сообщили", "мать Майкла
        // Джексона" (the critics, the mother speak)
        if (e >= 0 && em.start >= 7 && em.start >= m.start && text[em.start - 1] == ' ') {  // (a kin word has 3 letters or more)
          const Entity& en = entities[static_cast<std::size_t>(e)];
          const std::string_view last = last_word(text.substr(em.start, em.end - em.start));
          const std::string_view prev = russian_word_before(text, em.start - 1);
          const auto w = static_cast<std::uint32_t>(prev.data() - text.data());
          // (a person's word in no form of the name: Алиева of Ильхам Алиев,
          // not Светлана of Светлана Ващенко; "Мать Тереза" is her name)
          auto in_name = [&](std::string_view x) {
            for (std::size_t a = 0; a < en.name.size();) {
              std::size_t b = en.name.find(' ', a);
              if (b == std::string::npos) b = en.name.size();
              if (fold_key_eq(std::string_view(en.name).substr(a, b - a), x)) return true;
              a = b + 1;
            }
            return false;
          };
          const bool genitive = cyrillic_word(last) && !in_name(prev) &&
                                (en.type == entity_type::person ? !in_name(last)
                                                                : ends_any(last, {"а", "я", "ы", "и"}));
          // (people who belong to someone: critics, lawyers, kin; not a
          // document, "в заявлении Ватикана", nor a title, "секретаря совета
          // безопасности Валерия Шнякина")
          bool kin = false;
          if (genitive && prev.size() >= 6 && (w == 0 || !is_letter(static_cast<unsigned char>(text[w - 1])))) {
            char buf[64];
            const std::string_view pf = fold(prev, buf, sizeof buf);
            for (const char* st : {"критик", "сторонник", "противник", "адвокат", "защитник", "родственник", "друз",
                                   "соратник", "коллег", "поклонник", "фанат", "наследник", "дети", "детей", "сын", "доч",
                                   "мать", "матер", "отц", "отец", "жена", "жены", "жене", "жену", "супруг", "сестр", "брат", "вдов", "член",
                                   "юрист", "близк", "семь"}) {
              const std::string_view stem(st);
              kin = kin || (pf.size() >= stem.size() && pf.size() <= stem.size() + 10 &&
                            pf.compare(0, stem.size(), stem) == 0);
            }
          }
          if (kin) {
            if (w < o.speaker.start) o.speaker.start = w;
            e = -1;
          }
        }
        // so is a Russian place in the genitive after a role and its
        // genitive ("пресс-секретарь губернатора Санкт-Петербурга"; a name
        // right after one role word stays: "Президент Обама")
        if (role_first && e >= 0 && entities[static_cast<std::size_t>(e)].type == entity_type::other &&
            em.start > m.start && em.end - em.start >= 4 &&
            text.substr(m.start, em.start - m.start).find(' ') != text.substr(m.start, em.start - m.start).rfind(' ') &&
            ends_any(text.substr(em.start, em.end - em.start), {"а", "я", "ы", "и"}))
          e = -1;
        if (role_first && mt.size() >= 4) {
          if (!roles_indexed) index_roles();
          auto it = role_holder.find(mt);
          if (it != role_holder.end()) e = it->second;
        }
      }
      o.speaker_entity = e;
      if (e >= 0 && entities[static_cast<std::size_t>(e)].type == entity_type::person) {
        last_speaker = e;
        last_at = m.start;
        last_quote = q.span;
      }
      if (e >= 0) {
        // a later mention of the same speaker moves the window along
        last_at = std::max(last_at, m.start);
      }
    }
    out.push_back(std::move(o));
  }
  bufs.trim();
}

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
