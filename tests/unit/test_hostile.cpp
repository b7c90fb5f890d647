// Hostile input (issue 8, item 3): every input gets a result or a clear
// error, and no text is lost — every byte that is not white space lies in a
// sentence, and spans are ordered, disjoint and inside the input. Sizes are
// kept at a few hundred kilobytes so that the suite stays fast; linear time
// is measured by bench_pipeline, not asserted here.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "skaz/document.hpp"

namespace {

constexpr std::size_t kSize = 256 * 1024;

std::string repeat(const std::string& unit, std::size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

skaz::Document analyze(const std::string& text, skaz::utf8_policy policy = skaz::utf8_policy::replace,
                       const char* lang = "auto") {
  skaz::Options o;
  o.utf8 = policy;
  o.lang = lang;
  auto p = skaz::Pipeline::create(o);
  EXPECT_TRUE(p.ok());
  auto d = p->analyze(text, lang);
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.err().message);
  if (!d.ok()) return {};
  return std::move(d).value();
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The checks every document must pass.
void check_no_text_lost(const skaz::Document& d, const std::string& text) {
  ASSERT_EQ(d.text, text);
  std::size_t at = 0;
  for (const skaz::Span& s : d.sentences) {
    ASSERT_LE(s.start, s.end);
    ASSERT_LE(s.end, text.size());
    ASSERT_GE(s.start, at) << "sentences overlap or are out of order";
    for (std::size_t i = at; i < s.start; ++i)
      ASSERT_TRUE(space(text[i])) << "byte " << i << " (" << int(static_cast<unsigned char>(text[i]))
                                  << ") is in no sentence";
    at = s.end;
  }
  for (std::size_t i = at; i < text.size(); ++i) ASSERT_TRUE(space(text[i])) << "byte " << i << " is in no sentence";
  for (const auto* spans : {&d.paragraphs, &d.zones}) {
    for (const skaz::Span& s : *spans) {
      ASSERT_LE(s.start, s.end);
      ASSERT_LE(s.end, text.size());
    }
  }
  for (const skaz::Entity& e : d.entities)
    for (const skaz::Span& m : e.mentions) ASSERT_LE(m.end, text.size());
  for (const skaz::Quote& q : d.quotes) ASSERT_LE(q.span.end, text.size());
}

// The check itself sees lost and overlapping text.
skaz::Document lossy;
skaz::Document overlapping;

TEST(Hostile, TheCheckSeesLostText) {
  lossy.text = "ab cd";
  lossy.sentences = {skaz::Span{0, 2}};
  EXPECT_FATAL_FAILURE(check_no_text_lost(lossy, lossy.text), "is in no sentence");
  overlapping.text = "ab. cd.";
  overlapping.sentences = {skaz::Span{0, 3}, skaz::Span{2, 7}};
  EXPECT_FATAL_FAILURE(check_no_text_lost(overlapping, overlapping.text), "overlap");
}

TEST(Hostile, EmptyAndWhitespaceOnly) {
  for (const std::string text : {std::string(), std::string(" "), repeat(" \t\r\n", kSize), std::string("\n\n\n")}) {
    const skaz::Document d = analyze(text);
    check_no_text_lost(d, text);
    EXPECT_TRUE(d.sentences.empty());
  }
}

TEST(Hostile, RunsOfQuoteMarksOfEachKind) {
  for (const std::string unit : {std::string("\u00AB"), std::string("\u00BB"), std::string("\""), std::string("\u201C"),
                                 std::string("\u201E")}) {
    const std::string text = repeat(unit, kSize);
    check_no_text_lost(analyze(text), text);
  }
}

TEST(Hostile, DeeplyNestedQuotes) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "\u00AB\u201E\"";
  text += "word";
  for (int i = 0; i < 20000; ++i) text += "\"\u201C\u00BB";
  check_no_text_lost(analyze(text), text);
  // and unbalanced: openers only, then closers only
  const std::string open = repeat("\u00ABHe said ", kSize);
  check_no_text_lost(analyze(open), open);
  const std::string close = repeat("he said.\u00BB ", kSize);
  check_no_text_lost(analyze(close), close);
}

TEST(Hostile, ALineWithoutSpaces) {
  for (const std::string unit : {std::string("a"), std::string("\u0436"), std::string("a."), std::string("-"),
                                 std::string("http://x.ru/")}) {
    const std::string text = repeat(unit, kSize);
    check_no_text_lost(analyze(text), text);
  }
}

TEST(Hostile, SentenceEndsAndAbbreviationsOnly) {
  for (const std::string unit : {std::string(". "), std::string("Mr. "), std::string("т. е. "), std::string("?! "),
                                 std::string("...")}) {
    const std::string text = repeat(unit, kSize);
    check_no_text_lost(analyze(text), text);
  }
}

TEST(Hostile, NulBytesAreText) {
  using namespace std::string_literals;
  std::string text = "Before the NUL\0after it. And\0 more.\0"s;
  text += repeat(std::string("x\0", 2), kSize);
  ASSERT_EQ(text.find('\0'), 14u);
  const skaz::Document d = analyze(text, skaz::utf8_policy::strict);
  check_no_text_lost(d, text);
  ASSERT_FALSE(d.sentences.empty());
  EXPECT_EQ(d.sentences.front().start, 0u);
}

TEST(Hostile, InvalidUtf8OfEveryClass) {
  const std::vector<std::string> bad = {
      "\x80",              // lone continuation byte
      "\xC0\xAF",          // overlong two-byte
      "\xE0\x80\xAF",      // overlong three-byte
      "\xED\xA0\x80",      // UTF-16 surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xF5\x80\x80\x80",  // invalid lead
      "\xFF",              // never valid
      "\xE2\x82",          // truncated
      "\xF0\x9F\x98",      // truncated four-byte
  };
  for (const std::string& b : bad) {
    const std::string text = "Start " + b + " middle. " + repeat("Text " + b + " ", 4096) + b;
    // replace: a result with every invalid subpart reported, offsets into the original
    const skaz::Document d = analyze(text, skaz::utf8_policy::replace);
    check_no_text_lost(d, text);
    std::size_t invalid = 0;
    for (const skaz::Repair& r : d.repairs)
      if (r.kind == skaz::repair_kind::invalid_utf8) {
        ++invalid;
        ASSERT_LE(r.span.end, text.size());
      }
    EXPECT_GT(invalid, 0u);
    // strict: a clear error that names the first bad byte
    auto p = skaz::Pipeline::create({});
    ASSERT_TRUE(p.ok());
    auto strict = p->analyze(text, "auto");
    ASSERT_FALSE(strict.ok());
    EXPECT_EQ(strict.err().code, skaz::errc::invalid_utf8);
    EXPECT_EQ(strict.err().offset, 6u);
    EXPECT_FALSE(strict.err().message.empty());
  }
}

TEST(Hostile, MixedScriptsAndControlCharacters) {
  std::string unit = "Pa\u0432el \u202E\u200B\u00AD\u0301 \x01\x1B[31m \u4E2D\u6587 \U0001F600 ";
  const std::string text = repeat(unit, kSize);
  check_no_text_lost(analyze(text), text);
}

}  // namespace
