// Repair on the shared data sets (../shared/data/translit), with the figures
// reached kept as thresholds. Skips with a message when the data is absent.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "common.hpp"
#include "skaz/repair.hpp"

using nlohmann::json;

namespace {

const std::string& kData = skaz_conformance::data_dir();
using skaz_conformance::read_jsonl;

TEST(ConformanceRepair, MojibakeWordsEveryChain) {
  const auto rows = read_jsonl(kData + "/translit/mojibake_words.jsonl");
  if (rows.empty()) GTEST_SKIP() << "shared data not found under " << kData << "; skipping";
  std::map<std::string, std::pair<int, int>> by;  // chain -> (ok, n)
  for (const json& r : rows) {
    const std::string chain = r["encoded_as"].get<std::string>() + ">" + r["decoded_as"].get<std::string>();
    auto& c = by[chain];
    ++c.second;
    if (skaz::repair_text(r["garbled"].get<std::string>()) == r["original"].get<std::string>()) ++c.first;
  }
  ASSERT_EQ(by.size(), 9u);
  for (const auto& [chain, c] : by) {
    // 99% in every chain: 400/400 for the UTF-8 ones, 396 and 399 for the
    // KOI8-R/cp1251 confusions
    EXPECT_GE(c.first * 100, c.second * 99) << chain << ": " << c.first << "/" << c.second;
  }
  EXPECT_GE(by["cp1251>koi8-r"].first, 396);
  EXPECT_GE(by["koi8-r>sloppy-windows-1251"].first, 399);
}

TEST(ConformanceRepair, FtfyCyrillicCases) {
  const auto rows = read_jsonl(kData + "/translit/ftfy_cases.jsonl");
  if (rows.empty()) GTEST_SKIP() << "shared data not found under " << kData << "; skipping";
  int n = 0, ok = 0;
  for (const json& c : rows) {
    if (!c.value("cyrillic_involved", false) || c.value("expect", "") != "pass") continue;
    const std::string in = c["original"];
    if (in.find('\n') != std::string::npos) continue;
    ++n;
    if (skaz::repair_text(in) == c["fixed"].get<std::string>()) ++ok;
  }
  EXPECT_EQ(n, 15);
  EXPECT_EQ(ok, n);
}

TEST(ConformanceRepair, CleanNewsUnchanged) {
  const auto docs = read_jsonl(kData + "/corpus/news_ru_wikinews.jsonl");
  if (docs.empty()) GTEST_SKIP() << "shared data not found under " << kData << "; skipping";
  int lines = 0, changed = 0;
  for (std::size_t d = 0; d < docs.size() && d < 200; ++d) {
    const std::string text = docs[d]["text"];
    std::size_t a = 0;
    while (a < text.size()) {
      std::size_t b = text.find('\n', a);
      if (b == std::string::npos) b = text.size();
      const std::string line = text.substr(a, b - a);
      a = b + 1;
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      ++lines;
      if (skaz::repair_text(line) != line) ++changed;
    }
  }
  EXPECT_GT(lines, 1000);
  EXPECT_EQ(changed, 0);
}

}  // namespace
