// Repair throughput: clean text (must cost almost nothing) and garbled
// text (the mojibake words of ../shared/data/translit, one per line).
//
//   build/benchmarks/bench_repair
#include <benchmark/benchmark.h>
#include <boost/locale/encoding.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "skaz/repair.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& path, const char* field, std::size_t limit) {
  std::vector<std::string> out;
  std::ifstream f(path);
  std::size_t total = 0;
  for (std::string line; total < limit && std::getline(f, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains(field)) continue;
    const std::string text = j[field].get<std::string>();
    std::size_t a = 0;
    while (a < text.size()) {  // the texts' lines, as `skaz repair` sees them
      std::size_t b = text.find('\n', a);
      if (b == std::string::npos) b = text.size();
      if (b > a) {
        out.push_back(text.substr(a, b - a));
        total += b - a;
      }
      a = b + 1;
    }
  }
  return out;
}

void run(benchmark::State& state, const std::vector<std::string>& lines) {
  if (lines.empty()) {
    state.SkipWithError("data not found: ../shared/data");
    return;
  }
  std::size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size();
  for (auto _ : state) {
    for (const auto& l : lines) benchmark::DoNotOptimize(skaz::repair_text(l));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_RepairClean_news_ru(benchmark::State& s) {
  static const auto lines = lines_of(std::string(SKAZ_DATA) + "/corpus/news_ru_wikinews.jsonl", "text", 4u << 20);
  run(s, lines);
}
void BM_RepairClean_news_en(benchmark::State& s) {
  static const auto lines = lines_of(std::string(SKAZ_DATA) + "/corpus/news_en_mt.jsonl", "text", 4u << 20);
  run(s, lines);
}
void BM_RepairGarbled_words(benchmark::State& s) {
  static const auto lines = lines_of(std::string(SKAZ_DATA) + "/translit/mojibake_words.jsonl", "garbled", 4u << 20);
  run(s, lines);
}
// Whole garbled lines: Russian news read as if its UTF-8 bytes were cp1251
// (the commonest mojibake), and as KOI8-R.
std::vector<std::string> garbled_lines(const char* charset) {
  std::vector<std::string> out;
  for (const std::string& l : lines_of(std::string(SKAZ_DATA) + "/corpus/news_ru_wikinews.jsonl", "text", 2u << 20)) {
    try {
      out.push_back(boost::locale::conv::to_utf<char>(l, charset, boost::locale::conv::skip));
    } catch (...) {
    }
  }
  return out;
}
void BM_RepairGarbled_news_ru_cp1251(benchmark::State& s) {
  static const auto lines = garbled_lines("windows-1251");
  run(s, lines);
}
void BM_RepairGarbled_news_ru_koi8r(benchmark::State& s) {
  static const auto lines = garbled_lines("KOI8-R");
  run(s, lines);
}
BENCHMARK(BM_RepairGarbled_news_ru_cp1251)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RepairGarbled_news_ru_koi8r)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RepairClean_news_ru)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RepairClean_news_en)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RepairGarbled_words)->Unit(benchmark::kMillisecond);

}  // namespace
