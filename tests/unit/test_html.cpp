// The HTML report: one element per quote, markup that nests, every piece of
// input text escaped.
#include <gtest/gtest.h>

#include <string>

#include "skaz/document.hpp"
#include "skaz/html.hpp"

namespace {

skaz::Document analyze(const std::string& text, const char* lang,
                       skaz::utf8_policy utf8 = skaz::utf8_policy::strict) {
  skaz::Options o;
  o.utf8 = utf8;
  auto p = skaz::Pipeline::create(o);
  EXPECT_TRUE(p.ok());
  auto d = p->analyze(text, lang);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

TEST(Html, OneElementPerQuoteInItsSpeakersColour) {
  const std::string text =
      "Minister Ivan Sokolov spoke on Monday.\n\n"
      "\"We will appeal,\" said Sokolov. \"The ruling ignores the evidence.\"\n\n"
      "According to the ministry, the talks will resume in March. Fans called it a «miracle».";
  const skaz::Document d = analyze(text, "en");
  ASSERT_GE(d.quotes.size(), 4u);
  skaz::HtmlOptions o;
  o.title = "test <page>";
  const std::string html = skaz::to_html(d, o);
  EXPECT_EQ(count(html, "<span class=\"q k-"), d.quotes.size());
  EXPECT_EQ(count(html, "<span"), count(html, "</span>"));  // the markup nests
  EXPECT_NE(html.find("<title>skaz: test &lt;page&gt;</title>"), std::string::npos);
  // the speaker is listed in the panel, with the colour of his quotes
  const std::size_t aside = html.find("<aside>");
  ASSERT_NE(aside, std::string::npos);
  EXPECT_NE(html.find("Ivan Sokolov", aside), std::string::npos);
  EXPECT_NE(html.find("--c:#E69F00"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // no external resource: no src, no link, no url(), links only to #anchors
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
}

TEST(Html, HostileTextIsShownNeverInterpreted) {
  const std::string text =
      "Attack <script>alert(1)</script> and </script><img src=x onerror=alert(2)> "
      "&amp; \"quoted\" 'single' \x01\x1b[31m end.\n\n"
      "\"<b>bold</b>\", said Ivan Sokolov.";
  const skaz::Document d = analyze(text, "en");
  const std::string html = skaz::to_html(d);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&amp;amp;"), std::string::npos);
  EXPECT_NE(html.find("\xE2\x90\x81"), std::string::npos);  // U+2401 for \x01
  EXPECT_NE(html.find("\xE2\x90\x9B"), std::string::npos);  // U+241B for ESC
  EXPECT_TRUE(skaz::is_valid_utf8(html));
}

TEST(Html, InvalidUtf8AndEmptyInput) {
  const std::string bad = "Bad \xFF\xFE bytes, \"quoted \xC3\", said Ivan Sokolov.";
  const std::string html = skaz::to_html(analyze(bad, "en", skaz::utf8_policy::replace));
  EXPECT_TRUE(skaz::is_valid_utf8(html));
  EXPECT_NE(html.find("\xEF\xBF\xBD"), std::string::npos);
  const std::string empty = skaz::to_html(analyze("", "en"));
  EXPECT_NE(empty.find("No attributed quotes."), std::string::npos);
  EXPECT_NE(empty.find("</html>"), std::string::npos);
}

}  // namespace
