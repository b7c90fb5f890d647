// The output contract: keys, offsets in every unit, exact escaping.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

#include "skaz/document.hpp"
#include "skaz/json.hpp"

using namespace skaz;
using namespace std::string_literals;
using nlohmann::json;

namespace {

Document analyze(const std::string& text, utf8_policy pol = utf8_policy::strict) {
  Options o;
  o.utf8 = pol;
  o.tokens = true;
  auto p = Pipeline::create(o);
  EXPECT_TRUE(p.ok());
  auto d = p->analyze(text);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

TEST(Json, ContractKeysInOrder) {
  const Document d = analyze("Hello world. Bye.");
  const json j = json::parse(to_json(d));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  // nlohmann::json sorts keys on parse; check presence and types instead.
  for (const char* k : {"skaz_version", "offsets", "language", "zones", "paragraphs",
                        "sentences", "entities", "quotes", "repairs"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_FALSE(j.contains("tokens"));  // only on request
  EXPECT_EQ(j["offsets"], "codepoint");
  EXPECT_EQ(j["language"], "en");
  EXPECT_EQ(j["sentences"].size(), 2u);
  EXPECT_EQ(j["zones"][0]["kind"], "body");
  const std::string raw = to_json(d);
  EXPECT_EQ(raw.rfind("{\"skaz_version\":", 0), 0u);  // contract order on output
  EXPECT_LT(raw.find("\"zones\""), raw.find("\"paragraphs\""));
  EXPECT_LT(raw.find("\"quotes\""), raw.find("\"repairs\""));
}

TEST(Json, OffsetsInEveryUnit) {
  const std::string text = "Жук \xF0\x9F\x90\x9E ползёт. Да.";
  const Document d = analyze(text);
  JsonOptions o;
  o.tokens = true;
  o.unit = offset_unit::byte;
  const json b = json::parse(to_json(d, o));
  o.unit = offset_unit::codepoint;
  const json c = json::parse(to_json(d, o));
  o.unit = offset_unit::utf16;
  const json u = json::parse(to_json(d, o));
  ASSERT_EQ(c["sentences"].size(), 2u);
  // second sentence "Да." starts after: Жук(3) sp(1) bug(1) sp(1) ползёт.(7) sp(1) = 14 cps
  EXPECT_EQ(c["sentences"][1]["start"], 14);
  EXPECT_EQ(u["sentences"][1]["start"], 15);  // the beetle is two UTF-16 units
  EXPECT_EQ(b["sentences"][1]["start"], text.find("Да"));
  EXPECT_EQ(b["offsets"], "byte");
  EXPECT_EQ(u["offsets"], "utf16");
  ASSERT_TRUE(c.contains("tokens"));
  EXPECT_EQ(c["tokens"][0]["kind"], "word");
  EXPECT_EQ(c["tokens"][0]["end"], 3);
}

TEST(Json, ControlCharactersEscaped) {
  Document d;
  d.text = "a\x01\"\\\t\x7f" "b";
  d.language = "en";
  d.quotes.push_back(Quote{Span{0, static_cast<std::uint32_t>(d.text.size()), 0, 0}});
  const std::string raw = to_json(d);
  EXPECT_NE(raw.find(R"("text":"a\u0001\"\\\t)"), std::string::npos) << raw;
  const json j = json::parse(raw);
  EXPECT_EQ(j["quotes"][0]["text"], d.text);
  EXPECT_TRUE(j["quotes"][0]["speaker"].is_null());
  EXPECT_TRUE(j["quotes"][0]["cue"].is_null());
}

// Strings are written in runs that need no escape: random mixes of ASCII,
// control characters, quotes, backslashes, Cyrillic, three- and four-byte
// characters and invalid bytes come back from a JSON parser as the text
// with each invalid subpart a U+FFFD.
TEST(Json, StringsRoundTripWithInvalidBytesReplaced) {
  std::mt19937 rng(9);
  const char* pieces[] = {"a", " ", "\"", "\\", "\n", "\x01", "\x7f", "\xD0\x96", "\xD1\x8F", "\xC3\xA9",
                          "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xFF", "\xC3", "\xE2\x82", "\x80", "\xDF"};
  for (int it = 0; it < 2000; ++it) {
    Document d;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) d.text += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    d.language = "en";
    d.quotes.push_back(Quote{Span{0, static_cast<std::uint32_t>(d.text.size()), 0, 0}});
    std::string want;
    for (std::size_t i = 0; i < d.text.size();) {
      const skaz::decoded_char c = skaz::decode_utf8(d.text.data() + i, d.text.data() + d.text.size());
      want += c.valid ? d.text.substr(i, c.len) : std::string("\xEF\xBF\xBD");
      i += c.len;
    }
    const json j = json::parse(to_json(d));
    ASSERT_EQ(j["quotes"][0]["text"], want) << it;
  }
}

TEST(Json, InvalidInputUnderReplaceIsValidJson) {
  const std::string text = "bad \xFF\xFE here.";
  const Document d = analyze(text, utf8_policy::replace);
  const std::string raw = to_json(d);
  const json j = json::parse(raw);  // throws on invalid UTF-8
  ASSERT_EQ(j["repairs"].size(), 2u);
  EXPECT_EQ(j["repairs"][0]["kind"], "invalid_utf8");
  EXPECT_EQ(j["repairs"][0]["start"], 4);
  EXPECT_EQ(j["repairs"][1]["start"], 5);
  EXPECT_EQ(j["repairs"][0]["replacement"], "\xEF\xBF\xBD");
  // code points count each invalid byte as one U+FFFD, as Python does
  EXPECT_EQ(j["paragraphs"][0]["end"], 12);
}

TEST(Json, PrettyIsTheSameObject) {
  const Document d = analyze("One. Two.");
  JsonOptions o;
  const json a = json::parse(to_json(d, o));
  o.pretty = true;
  const std::string pretty = to_json(d, o);
  EXPECT_NE(pretty.find('\n'), std::string::npos);
  EXPECT_EQ(json::parse(pretty), a);
}

}  // namespace

TEST(Json, EntityGenderAndRoleMentions) {
  const std::string text =
      "The head of the agency Pavel Orlov spoke on Monday. The head of the agency left. Anna Petrova stayed.";
  const json j = json::parse(to_json(analyze(text)));
  bool orlov = false, petrova = false;
  for (const auto& e : j["entities"]) {
    if (e["name"] == "Pavel Orlov") {
      orlov = true;
      EXPECT_EQ(e["gender"], "male");
      ASSERT_EQ(e["mentions"].size(), 2u);
      // a name mention carries no kind; a role mention says it is one
      EXPECT_FALSE(e["mentions"][0].contains("kind"));
      EXPECT_EQ(e["mentions"][1]["kind"], "role");
      EXPECT_EQ(e["mentions"][1]["text"], "head of the agency");
      EXPECT_EQ(e["mentions"][1]["start"], text.rfind("head of the agency"));
    } else if (e["name"] == "Anna Petrova") {
      petrova = true;
      EXPECT_EQ(e["gender"], "female");
    } else if (e["type"] != "person") {
      EXPECT_FALSE(e.contains("gender")) << e["name"];
    }
  }
  EXPECT_TRUE(orlov);
  EXPECT_TRUE(petrova);
}
