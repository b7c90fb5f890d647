// Transliteration throughput: skaz's schemas beside ICU's Transliterator
// (Russian-Latin/BGN and Any-Latin), in one binary on the same text: up to
// 4 MB of bench_ru_books and of news_ru_wikinews.
//
//   benchmarks/ratios.py build/benchmarks/bench_translit
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "skaz/translit.hpp"
#include "corpus.hpp"

namespace {

const std::string& corpus(const std::string& name) { return skaz_bench::corpus(name, 4u << 20); }

void skaz_forward(benchmark::State& state, const std::string& name, const std::string& schema) {
  const std::string& text = corpus(name);
  if (text.empty()) {
    state.SkipWithError("corpus not found: ../shared/data/corpus");
    return;
  }
  auto t = skaz::Transliterator::create(schema);
  if (!t) {
    state.SkipWithError("unknown schema");
    return;
  }
  std::string out;
  for (auto _ : state) {  // line by line, as ICU below
    out.clear();
    std::size_t a = 0;
    while (a < text.size()) {
      std::size_t b = text.find('\n', a);
      if (b == std::string::npos) b = text.size();
      t->forward(std::string_view(text).substr(a, b - a), out);
      out.push_back('\n');
      a = b + 1;
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

// ICU on the same UTF-8 bytes: converted to UTF-16, transliterated, and
// converted back, as a UTF-8 application has to.
void icu_forward(benchmark::State& state, const std::string& name, const char* id) {
  const std::string& text = corpus(name);
  if (text.empty()) {
    state.SkipWithError("corpus not found: ../shared/data/corpus");
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) {
    state.SkipWithError("ICU transliterator unavailable");
    return;
  }
  // line by line: ICU's in-place replacement grows with the string's
  // length, so whole books would measure that rather than transliteration
  std::string out;
  for (auto _ : state) {
    out.clear();
    std::size_t a = 0;
    while (a < text.size()) {
      std::size_t b = text.find('\n', a);
      if (b == std::string::npos) b = text.size();
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(text.data() + a, static_cast<int32_t>(b - a)));
      t->transliterate(u);
      u.toUTF8String(out);
      out.push_back('\n');
      a = b + 1;
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

int register_all() {
  for (const char* c : {"bench_ru_books", "news_ru_wikinews"}) {
    const std::string name = c;
    benchmark::RegisterBenchmark(("translit/skaz/" + name).c_str(), skaz_forward, name,
                                 std::string("bgn_pcgn"))
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("translit/icu_bgn/" + name).c_str(), icu_forward, name,
                                 "Russian-Latin/BGN")
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("translit/icu_any_latin/" + name).c_str(), icu_forward, name,
                                 "Any-Latin")
        ->Unit(benchmark::kMillisecond);
  }
  return 0;
}

const int registered = register_all();

}  // namespace
