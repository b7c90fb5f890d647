// Whole-pipeline throughput (text -> Document -> JSON) on the news corpora.
// Run: build/benchmarks/bench_pipeline [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "skaz/skaz.hpp"
#include "corpus.hpp"

namespace {

// The "text" fields of a JSONL corpus, up to `limit` bytes.
std::vector<std::string> load(const char* name, std::size_t limit = 8u << 20) {
  return skaz_bench::corpus_texts(name, limit);
}

void run(benchmark::State& state, const char* corpus, bool json) {
  const auto docs = load(corpus);
  if (docs.empty()) {
    state.SkipWithError("corpus not found (../shared/data/corpus)");
    return;
  }
  auto p = skaz::Pipeline::create({});
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& t : docs) {
      auto d = p->analyze(t);
      if (json) benchmark::DoNotOptimize(skaz::to_json(d.value()));
      benchmark::DoNotOptimize(d);
      bytes += t.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_Analyze_news_ru(benchmark::State& s) { run(s, "news_ru_wikinews.jsonl", false); }
void BM_Analyze_news_en_mt(benchmark::State& s) { run(s, "news_en_mt.jsonl", false); }
void BM_AnalyzeJson_news_en_mt(benchmark::State& s) { run(s, "news_en_mt.jsonl", true); }
BENCHMARK(BM_Analyze_news_ru)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyze_news_en_mt)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeJson_news_en_mt)->Unit(benchmark::kMillisecond);

}  // namespace
