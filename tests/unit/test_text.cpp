// The text layer: UTF-8 validation, maximal-subpart replacement, offset
// maps, the view's map back to the original, paragraphs, character classes.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "skaz/text.hpp"

using namespace skaz;
using namespace std::string_literals;

namespace {

constexpr auto npos = std::string_view::npos;

TEST(Utf8, ValidInputs) {
  EXPECT_EQ(find_invalid_utf8(""), npos);
  EXPECT_EQ(find_invalid_utf8("plain ascii, longer than eight bytes"), npos);
  EXPECT_EQ(find_invalid_utf8("Дуров \xF0\x9F\x98\x80 ok"), npos);
  EXPECT_EQ(find_invalid_utf8("\xEF\xBF\xBF"), npos);          // U+FFFF is a scalar
  EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF"), npos);      // U+10FFFF
  EXPECT_EQ(find_invalid_utf8("a\0b"s), npos);                 // NUL is a character
  EXPECT_EQ(find_invalid_utf8("\xEF\xBB\xBFtext"), npos);      // BOM is valid
}

TEST(Utf8, OverlongForms) {
  EXPECT_EQ(find_invalid_utf8("ab\xC0\xAF"), 2u);              // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xC1\xBF"), 0u);
  EXPECT_EQ(find_invalid_utf8("x\xE0\x80\xAF"), 1u);           // 3-byte overlong
  EXPECT_EQ(find_invalid_utf8("\xF0\x80\x80\xAF"), 0u);        // 4-byte overlong
}

TEST(Utf8, SurrogatesAndRange) {
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);            // U+D800
  EXPECT_EQ(find_invalid_utf8("ok\xED\xBF\xBF"), 2u);          // U+DFFF
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);        // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xFF"), 0u);
}

TEST(Utf8, TruncatedSequences) {
  EXPECT_EQ(find_invalid_utf8("abc\xD0"), 3u);
  EXPECT_EQ(find_invalid_utf8("abcdefghij\xE2\x82"), 10u);      // after the fast path
  EXPECT_EQ(find_invalid_utf8("\xF0\x9F\x98"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xD0 x"), 0u);                  // lead then ASCII
  EXPECT_EQ(find_invalid_utf8("\x80"), 0u);                    // lone continuation
}

// The vector path over Russian text (ASCII and two-byte forms, 16 bytes at
// a time, each block read with the byte before it) finds the first invalid
// byte where decoding character by character does, wherever a three-byte
// form, a lead cut by a block's end or a bad byte falls.
TEST(Utf8, FirstInvalidByteAsDecodingFindsIt) {
  const char* pieces[] = {"\xD0\xB4", "\xD1\x83", "\xD0\x94", " ", "ab", ".", "\xC2\xAB",  // д у Д « 
                          "\xE2\x80\x94", "\xF0\x9F\x98\x80",                              // — 😀
                          "\x80", "\xD0", "\xC0\xAF", "\xF5", "\xE2\x80", "\xD0 "};   // bad bytes
  auto reference = [](std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const decoded_char d = decode_utf8(s.data() + i, s.data() + s.size());
      if (!d.valid) return i;
      i += d.len;
    }
    return npos;
  };
  std::mt19937 rng(11);
  std::size_t invalid = 0;
  for (int it = 0; it < 20000; ++it) {
    std::string s;
    const int n = static_cast<int>(rng() % 80);
    // (mostly valid Russian, a bad or three-byte piece now and then)
    for (int i = 0; i < n; ++i) s += pieces[rng() % 8 == 0 ? rng() % 15 : rng() % 7];
    const std::size_t want = reference(s);
    ASSERT_EQ(find_invalid_utf8(s), want) << s;
    invalid += want != npos;
  }
  EXPECT_GT(invalid, 1000u);  // the mixes do hold bad bytes
  EXPECT_LT(invalid, 19000u);  // and long valid stretches
}

TEST(Utf8, DecodeReportsMaximalSubparts) {
  auto dec = [](std::string_view s) { return decode_utf8(s.data(), s.data() + s.size()); };
  EXPECT_EQ(dec("\xE2\x82").len, 2);       // truncated 3-byte: one subpart of 2
  EXPECT_EQ(dec("\xE2\x82x").len, 2);
  EXPECT_EQ(dec("\xF0\x9F\x98").len, 3);
  EXPECT_EQ(dec("\xE0\x80").len, 1);       // E0 80 is never a prefix: 1
  EXPECT_EQ(dec("\xED\xA0\x80").len, 1);   // surrogate lead + A0: 1
  EXPECT_FALSE(dec("\xC3\x28").valid);
  EXPECT_EQ(dec("\xC3\x28").len, 1);
  const auto ok = dec("\xD0\x96");
  EXPECT_TRUE(ok.valid);
  EXPECT_EQ(ok.cp, U'Ж');
  EXPECT_EQ(dec("\xF0\x9F\x98\x80").cp, 0x1F600u);
}

TEST(Utf8, ReplaceLikePython) {
  // Python: b"a\xf0\x9f\x98b\xff\xfe".decode("utf-8", "replace") == "a\ufffdb\ufffd\ufffd"
  EXPECT_EQ(replace_invalid_utf8("a\xF0\x9F\x98" "b\xFF\xFE"),
            "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
  // b"\xed\xa0\x80".decode(errors="replace") gives three U+FFFD
  EXPECT_EQ(replace_invalid_utf8("\xED\xA0\x80"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(replace_invalid_utf8("clean"), "clean");
  EXPECT_EQ(replace_invalid_utf8(""), "");
}

TEST(Utf8, AppendEncodes) {
  std::string s;
  append_utf8(s, U'a');
  append_utf8(s, U'ё');
  append_utf8(s, U'€');
  append_utf8(s, 0x1F600);
  EXPECT_EQ(s, "a\xD1\x91\xE2\x82\xAC\xF0\x9F\x98\x80");
}

TEST(OffsetMap, ConvertsEveryUnit) {
  const std::string text = "aЖ€\xF0\x9F\x98\x80z";  // 1+2+3+4+1 bytes
  OffsetMap m(text);
  const std::uint32_t bytes[] = {0, 1, 3, 6, 10, 11};
  const std::uint32_t cps[] = {0, 1, 2, 3, 4, 5};
  const std::uint32_t u16[] = {0, 1, 2, 3, 5, 6};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(m.convert(bytes[i], offset_unit::codepoint), cps[i]) << i;
    EXPECT_EQ(m.convert(bytes[i], offset_unit::utf16), u16[i]) << i;
    EXPECT_EQ(m.convert(bytes[i], offset_unit::byte), bytes[i]) << i;
  }
  // inside a character: its start
  EXPECT_EQ(m.convert(2, offset_unit::codepoint), 1u);
  EXPECT_EQ(m.convert(8, offset_unit::codepoint), 3u);
  // past the end: clamps
  EXPECT_EQ(m.convert(99, offset_unit::codepoint), 5u);
}

TEST(OffsetMap, LongTextAcrossCheckpoints) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += (i % 3 == 0) ? "ж" : "x";
  OffsetMap m(text);
  std::uint32_t byte = 0;
  for (std::uint32_t cp = 0; cp < 1000; ++cp) {
    ASSERT_EQ(m.convert(byte, offset_unit::codepoint), cp);
    byte += (cp % 3 == 0) ? 2 : 1;
  }
  EXPECT_EQ(m.convert(byte, offset_unit::codepoint), 1000u);
}

TEST(OffsetMap, InvalidBytesCountAsReplacement) {
  // "a" FF "b" E2 82 "c": a, U+FFFD, b, U+FFFD, c
  const std::string text = "a\xFF" "b\xE2\x82" "c";
  OffsetMap m(text);
  EXPECT_EQ(m.convert(2, offset_unit::codepoint), 2u);
  EXPECT_EQ(m.convert(5, offset_unit::codepoint), 4u);
  EXPECT_EQ(m.convert(6, offset_unit::codepoint), 5u);
}

// Every byte offset of random texts (1- to 4-byte characters crossing the
// 64-byte checkpoints, with and without invalid bytes) converts as a walk
// from the start decoding each character does.
TEST(OffsetMap, EveryOffsetAsAWalkFromTheStart) {
  std::mt19937 rng(3);
  const char* pieces[] = {"a", " ", "\xD0\x96", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3\xA9", "\xFF",
                          "\xE2\x82", "\x80"};
  for (int it = 0; it < 300; ++it) {
    std::string text;
    const int n = static_cast<int>(rng() % 120);
    const unsigned kinds = it % 2 ? 9 : 6;  // odd rounds: invalid bytes too
    for (int i = 0; i < n; ++i) text += pieces[rng() % kinds];
    OffsetMap m(text);
    std::uint32_t cp = 0, u16 = 0;
    std::size_t i = 0;
    for (std::uint32_t b = 0; b <= text.size() + 2; ++b) {
      // the walk: whole characters before b
      while (i < text.size()) {
        const skaz::decoded_char d = skaz::decode_utf8(text.data() + i, text.data() + text.size());
        if (i + d.len > b) break;
        ++cp;
        u16 += d.cp >= 0x10000 ? 2u : 1u;
        i += d.len;
      }
      ASSERT_EQ(m.convert(b, offset_unit::codepoint), cp) << it << " at " << b;
      ASSERT_EQ(m.convert(b, offset_unit::utf16), u16) << it << " at " << b;
    }
  }
}

TEST(OffsetMap, EmptyText) {
  OffsetMap m("");
  EXPECT_EQ(m.convert(0, offset_unit::codepoint), 0u);
  EXPECT_EQ(m.convert(0, offset_unit::utf16), 0u);
}

TEST(TextView, StrictNamesTheOffset) {
  auto v = TextView::make("fine \xC0\xAF", utf8_policy::strict);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.code(), errc::invalid_utf8);
  EXPECT_EQ(v.err().offset, 5u);
  EXPECT_NE(v.err().message.find("byte 5"), std::string::npos);
}

TEST(TextView, CleanInputIsNotCopied) {
  const std::string s = "Дуров сказал.";
  auto v = TextView::make(s, utf8_policy::strict);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->text().data(), s.data());
  EXPECT_TRUE(v->edits().empty());
  EXPECT_EQ(v->to_original_start(5), 5u);
}

TEST(TextView, ReplaceMapsBackToTheOriginal) {
  // original: "ab" FF "cd" E2 82 "ef"   (9 bytes)
  // view:     "ab" EFBFBD "cd" EFBFBD "ef" (12 bytes)
  const std::string s = "ab\xFF" "cd\xE2\x82" "ef";
  auto v = TextView::make(s, utf8_policy::replace);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->text(), "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD" "ef");
  ASSERT_EQ(v->edits().size(), 2u);
  EXPECT_EQ(v->to_original_start(0), 0u);
  EXPECT_EQ(v->to_original_start(2), 2u);   // start of the first edit
  EXPECT_EQ(v->to_original_end(5), 3u);     // end of the first edit
  EXPECT_EQ(v->to_original_start(5), 3u);   // "cd"
  EXPECT_EQ(v->to_original_start(7), 5u);   // second edit
  EXPECT_EQ(v->to_original_end(10), 7u);
  EXPECT_EQ(v->to_original_start(10), 7u);  // "ef"
  EXPECT_EQ(v->to_original_end(12), 9u);    // end of text
  // inside an edit: start -> edit start, end -> edit end
  EXPECT_EQ(v->to_original_start(3), 2u);
  EXPECT_EQ(v->to_original_end(3), 3u);
  const Span whole = v->to_original(Span{0, 12, 0, 0});
  EXPECT_EQ(whole.start, 0u);
  EXPECT_EQ(whole.end, 9u);
}

TEST(TextView, WholeInputInvalid) {
  auto v = TextView::make("\xFF\xFF", utf8_policy::replace);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->text().size(), 6u);
  EXPECT_EQ(v->to_original_end(6), 2u);
}

std::vector<std::string> paragraphs(const std::string& s) {
  std::vector<std::string> out;
  for (const Span& p : split_paragraphs(s)) out.push_back(s.substr(p.start, p.size()));
  return out;
}

TEST(Paragraphs, BlankLinesAndLineBreaks) {
  using V = std::vector<std::string>;
  EXPECT_EQ(paragraphs("One.\n\nTwo.\n"), (V{"One.", "Two."}));
  EXPECT_EQ(paragraphs("One.\nTwo."), (V{"One.", "Two."}));
  EXPECT_EQ(paragraphs("  padded  \n\n\n\t tabbed\t"), (V{"padded", "tabbed"}));
  EXPECT_EQ(paragraphs(""), V{});
  EXPECT_EQ(paragraphs(" \n\t\n  "), V{});
}

TEST(Paragraphs, CrLfCrAndUnicodeSeparators) {
  using V = std::vector<std::string>;
  EXPECT_EQ(paragraphs("a\r\n\r\nb\r\nc"), (V{"a", "b", "c"}));
  EXPECT_EQ(paragraphs("a\rb"), (V{"a", "b"}));
  EXPECT_EQ(paragraphs("a\xE2\x80\xA9" "b\xE2\x80\xA8" "c"), (V{"a", "b", "c"}));
}

TEST(Paragraphs, BomAndNbsp) {
  using V = std::vector<std::string>;
  EXPECT_EQ(paragraphs("\xEF\xBB\xBFTitle\n\nBody"), (V{"Title", "Body"}));
  EXPECT_EQ(paragraphs("\xC2\xA0 text \xC2\xA0"), (V{"text"}));
}

TEST(Paragraphs, NulIsText) {
  const std::string s = "a\0b\n\0"s;
  const auto ps = split_paragraphs(s);
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0].size(), 3u);
  EXPECT_EQ(ps[1].size(), 1u);
}

TEST(Chars, Classes) {
  EXPECT_TRUE(is_letter(U'a'));
  EXPECT_TRUE(is_letter(U'Ж'));
  EXPECT_TRUE(is_letter(U'ё'));
  EXPECT_TRUE(is_letter(U'é'));
  EXPECT_FALSE(is_letter(U'1'));
  EXPECT_FALSE(is_letter(U'«'));
  EXPECT_TRUE(is_upper(U'Д'));
  EXPECT_TRUE(is_lower(U'д'));
  EXPECT_TRUE(is_upper(U'Ё'));
  EXPECT_TRUE(is_upper(U'É'));
  EXPECT_TRUE(is_digit(U'7'));
  EXPECT_TRUE(is_digit(U'٣'));  // Arabic-Indic three
  EXPECT_TRUE(is_space(0xA0));
  EXPECT_TRUE(is_space(0x2009));
  EXPECT_FALSE(is_space(U'x'));
  EXPECT_TRUE(is_punct(U'.'));
  EXPECT_TRUE(is_punct(U'«'));
  EXPECT_TRUE(is_punct(U'—'));
  EXPECT_FALSE(is_punct(U'+'));  // a symbol, not punctuation
  EXPECT_EQ(script_of(U'a'), script::latin);
  EXPECT_EQ(script_of(U'я'), script::cyrillic);
  EXPECT_EQ(script_of(U'ö'), script::latin);
  EXPECT_EQ(script_of(U'α'), script::greek);
  EXPECT_EQ(script_of(U'1'), script::common);
}

}  // namespace

// The 16-byte path of count_scripts (language detection) counts as the byte
// loop does, on valid and invalid UTF-8 alike.
#include <random>

#include "chars_inline.hpp"

namespace {

skaz::detail::ScriptCount count_by_bytes(const char* p, const char* end) {
  skaz::detail::ScriptCount n;
  while (p < end) {
    const auto b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
      n.latin += static_cast<unsigned>((b | 0x20) - 'a') < 26u;
      ++p;
      continue;
    }
    if (b >= 0xD0 && b <= 0xD3 && end - p >= 2 && (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80) {
      ++n.cyrillic;
      p += 2;
      continue;
    }
    const skaz::decoded_char d = skaz::decode_utf8(p, end);
    p += d.len;
    const skaz::script s = skaz::detail::script_fast(d.cp);
    n.latin += s == skaz::script::latin;
    n.cyrillic += s == skaz::script::cyrillic;
  }
  return n;
}

TEST(ScriptCount, ChunksCountAsBytes) {
  std::mt19937 rng(1);
  const char* pieces[] = {"a", "Z", " ", ".", "\xD0\xB0", "\xD1\x8F", "\xD0\x81", "\xC3\xA9", "\xE2\x80\x94",
                          "\xF0\x9F\x98\x80", "\xD0", "\x80", "\xFF", "\xD3\x80", "1"};
  for (int it = 0; it < 20000; ++it) {
    std::string s;
    const int n = static_cast<int>(rng() % 80);
    for (int i = 0; i < n; ++i) s += pieces[rng() % (it % 3 == 0 ? 15 : 7)];
    const auto a = count_by_bytes(s.data(), s.data() + s.size());
    const auto b = skaz::detail::count_scripts(s.data(), s.data() + s.size());
    ASSERT_EQ(a.latin, b.latin) << s;
    ASSERT_EQ(a.cyrillic, b.cyrillic) << s;
  }
}

// The 16-byte path of lower_run (the stages' word loops) ends a run where
// the byte loop does, and copies the run, for each letter set.
template <skaz::detail::lower_set set>
void lower_run_as_bytes(const std::string& s, std::size_t from) {
  using skaz::detail::lower_set;
  constexpr bool lat = set != lower_set::cyrillic, cyr = set != lower_set::latin;
  const char* p = s.data() + from;
  const char* const end = s.data() + s.size();
  while (p < end) {
    const auto b0 = static_cast<unsigned char>(*p);
    if (lat && b0 >= 'a' && b0 <= 'z') p += 1;
    else if (cyr && end - p >= 2 && skaz::detail::lower_ru2(b0, static_cast<unsigned char>(p[1]))) p += 2;
    else break;
  }
  const char* q = skaz::detail::lower_run<set>(s.data() + from, end);
  ASSERT_EQ(p - s.data(), q - s.data()) << s << " from " << from;
  // and with a copy: the run's bytes land in a buffer of [from, end)'s size
  std::string copy(s.size() - from, '#');
  q = skaz::detail::lower_run<set>(s.data() + from, end, &copy[0]);
  ASSERT_EQ(p - s.data(), q - s.data());
  ASSERT_EQ(s.substr(from, static_cast<std::size_t>(p - s.data()) - from),
            copy.substr(0, static_cast<std::size_t>(p - s.data()) - from));
}

TEST(LowerRun, ChunksEndAsBytes) {
  std::mt19937 rng(7);
  // lower-case letters mostly, and every byte that may end a run: capitals
  // (Latin, Cyrillic, Ё), ё, other two-byte letters, lone leads and
  // continuation bytes, spaces
  const char* pieces[] = {"a", "z", "\xD0\xB0", "\xD0\xBF", "\xD1\x80", "\xD1\x8F", "m",
                          "A", " ", "\xD0\x90", "\xD0\xAF", "\xD0\x81", "\xD1\x91", "\xC3\xA9",
                          "\xD0", "\xD1", "\x80", "\xBF", "{", "`", "-"};
  for (int it = 0; it < 20000; ++it) {
    std::string s;
    const int n = static_cast<int>(rng() % 90);
    // runs long enough to cross 16-byte chunks, ended by any piece
    const int lower = it % 4 == 0 ? 21 : 7;
    for (int i = 0; i < n; ++i) s += pieces[rng() % 100 < 90 ? rng() % 7 : rng() % lower];
    const std::size_t from = s.empty() ? 0 : rng() % s.size();
    lower_run_as_bytes<skaz::detail::lower_set::both>(s, from);
    lower_run_as_bytes<skaz::detail::lower_set::latin>(s, from);
    lower_run_as_bytes<skaz::detail::lower_set::cyrillic>(s, from);
  }
}

}  // namespace

// string_hash reads each group of 8 bytes (the last one of 1..8) by
// fixed-size loads, overlapping where they can: the same value as a memcpy
// of each group into a zeroed word (little-endian). string_hash_padded,
// which reads 16 bytes whatever the length, gives the same value too: the
// lexicon is built with one and read with the other.
#include <cstring>

#include "string_table.hpp"

namespace {

std::uint64_t hash_by_memcpy(std::string_view s) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  for (std::size_t i = 0; i < s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, std::min<std::size_t>(8, s.size() - i));
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  return h ^ (h >> 29);
}

TEST(StringHash, GroupsReadAsAMemcpyWould) {
  const std::uint16_t probe = 1;
  unsigned char first;
  std::memcpy(&first, &probe, 1);
  if (first != 1) GTEST_SKIP() << "big-endian: the groups are read in another order (hashes stay internal)";
  using namespace std::string_literals;
  const std::string text =
      "Президент \xFF\x00 sagte: «да», the quick brown fox jumps over the internationalisation"s;  // NUL included
  for (std::size_t a = 0; a < text.size(); ++a)
    for (std::size_t n = 0; a + n <= text.size() && n <= 40; ++n) {
      const std::string_view w = std::string_view(text).substr(a, n);
      const std::uint64_t want = hash_by_memcpy(w);
      ASSERT_EQ(skaz::detail::string_hash(w), want) << a << " " << n;
      // the padded form reads past the word: what is there must not count
      for (const char junk : {'\0', '\xFF', 'e'}) {
        const std::string buf = std::string(w) + std::string(16, junk);
        ASSERT_EQ(skaz::detail::string_hash_padded(std::string_view(buf.data(), n)), want) << a << " " << n;
        ASSERT_EQ(skaz::detail::head8_padded(std::string_view(buf.data(), n)), skaz::detail::head8(w)) << a << " " << n;
      }
    }
}

}  // namespace

// find_invalid_utf8 skips blocks of ASCII and two-byte forms 16 bytes at a
// time: it finds the first invalid byte where a character-by-character
// decode does, wherever the block boundaries fall.
namespace {

std::size_t invalid_by_chars(std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const skaz::decoded_char d = skaz::decode_utf8(p, end);
    if (!d.valid) return static_cast<std::size_t>(p - s.data());
    p += d.len;
  }
  return std::string_view::npos;
}

TEST(Utf8, BlocksFindTheFirstInvalidByteAsCharactersDo) {
  std::mt19937 rng(7);
  const char* pieces[] = {"a", " ", "\xD0\xB0", "\xD1\x8F", "\xC2\xAB", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80",
                          "\xD0", "\x80", "\xBF", "\xC0\xAF", "\xE0\x80\xAF", "\xFF", "\xDF"};
  for (int it = 0; it < 20000; ++it) {
    std::string s;
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) s += pieces[rng() % (it % 4 == 0 ? 15 : 7)];
    ASSERT_EQ(skaz::find_invalid_utf8(s), invalid_by_chars(s)) << it;
  }
}

}  // namespace

// starter_any turns most words away by their shape (first letter, length)
// before folding them: the same answers as the fold and the two lookups.
#include "segment_impl.hpp"

namespace {

bool starter_by_fold(std::string_view w) {
  return skaz::detail::profile(skaz::detail::lang_id::en).starter(w) ||
         skaz::detail::profile(skaz::detail::lang_id::ru).starter(w);
}

TEST(StarterAny, ShapeFilterAnswersAsTheFold) {
  for (const char* w : {"The", "THE", "However", "Meanwhile", "Он", "ОН", "Однако", "Trump", "Durov", "Дуров",
                        "The.", "T.he", "Th e", "Е\xC2\xA0го", "", "I", "Ё", "Её", "ЕЁ", "x", "Мы", "Thus"})
    EXPECT_EQ(skaz::detail::starter_any(w), starter_by_fold(w)) << w;
  std::mt19937 rng(7);
  const char* pieces[] = {"t", "h", "e", "T", "H", "E", "o", "n", "\xD0\x9E", "\xD0\xBD", "\xD0\xB0",
                          "\xD0\x95", "\xD1\x91", ".", " ", "\xC2\xA0", "-", "'", "w", "W"};
  for (int it = 0; it < 20000; ++it) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) s += pieces[rng() % 20];
    ASSERT_EQ(skaz::detail::starter_any(s), starter_by_fold(s)) << s;
  }
}

}  // namespace

// same_bytes (the tables' key compare) agrees with memcmp for every length
// and a difference at every position, the ends of its overlapping loads
// included.
TEST(SameBytes, AgreesWithMemcmp) {
  std::mt19937 rng(11);
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string a(n, 'x');
    for (char& c : a) c = static_cast<char>(rng());
    const std::string same = a;
    EXPECT_TRUE(skaz::detail::same_bytes(a.data(), same.data(), n)) << n;
    for (std::size_t at = 0; at < n; ++at) {
      std::string b = a;
      b[at] = static_cast<char>(b[at] ^ 0x01);
      EXPECT_FALSE(skaz::detail::same_bytes(a.data(), b.data(), n)) << n << " at " << at;
    }
  }
}
