// Name-key throughput: names per second over the variants of
// ../shared/data/names/name_variants.jsonl.
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "skaz/names.hpp"

namespace {

void BM_NameKey(benchmark::State& state) {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    std::ifstream f(std::string(SKAZ_DATA) + "/names/name_variants.jsonl");
    for (std::string line; std::getline(f, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("variant")) v.push_back(j["variant"].get<std::string>());
    }
    return v;
  }();
  if (names.empty()) {
    state.SkipWithError("data not found: ../shared/data");
    return;
  }
  for (auto _ : state) {
    for (const auto& n : names) benchmark::DoNotOptimize(skaz::name_key(n));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * names.size()));
}
BENCHMARK(BM_NameKey)->Unit(benchmark::kMillisecond);

}  // namespace
