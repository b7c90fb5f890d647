// Sentence and token throughput: skaz beside ICU's BreakIterator (sentence
// and word instances, on UTF-8 through UText) and Boost.Locale's boundary
// analysis, in one binary on the same bytes. Each corpus of
// ../shared/data/corpus is read once (its "text" fields joined by blank
// lines, at most 8 MB) and every peer segments all of it.
//
//   build/benchmarks/bench_segment --benchmark_counters_tabular=true
//
// bytes_per_second is the throughput; compare rows of the same corpus.
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <boost/locale.hpp>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "skaz/segment.hpp"
#include "skaz/text.hpp"
#include "corpus.hpp"

namespace {

const std::string& corpus(const std::string& name) { return skaz_bench::corpus(name, 8u << 20); }

const char* lang_of(const std::string& name) {
  return name.find("_ru") != std::string::npos ? "ru" : "en";
}

bool load(benchmark::State& state, const std::string& name, const std::string*& text) {
  text = &corpus(name);
  if (text->empty()) {
    state.SkipWithError("corpus not found: ../shared/data/corpus");
    return false;
  }
  return true;
}

void finish(benchmark::State& state, const std::string& text, std::size_t count) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["segments"] = static_cast<double>(count);
}

// --- skaz
void skaz_sentences(benchmark::State& state, const std::string& name) {
  const std::string* text;
  if (!load(state, name, text)) return;
  auto seg = skaz::Segmenter::create();
  std::vector<skaz::Span> out;
  std::size_t n = 0;
  const char* lang = lang_of(name);
  for (const skaz::Span& p : skaz::split_paragraphs(*text)) seg->sentences(*text, p, lang, out);
  for (auto _ : state) {
    out.clear();
    for (const skaz::Span& p : skaz::split_paragraphs(*text)) seg->sentences(*text, p, lang, out);
    n = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  finish(state, *text, n);
}

void skaz_tokens(benchmark::State& state, const std::string& name) {
  const std::string* text;
  if (!load(state, name, text)) return;
  auto seg = skaz::Segmenter::create();
  std::vector<skaz::Span> out;
  std::size_t n = 0;
  const char* lang = lang_of(name);
  // one untimed pass, so that the timed ones measure segmentation and not
  // the first growth of the output vector (ICU's loop stores nothing)
  for (const skaz::Span& p : skaz::split_paragraphs(*text)) seg->tokens(*text, p, lang, out);
  for (auto _ : state) {
    out.clear();
    for (const skaz::Span& p : skaz::split_paragraphs(*text)) seg->tokens(*text, p, lang, out);
    n = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  finish(state, *text, n);
}

// --- ICU BreakIterator on UTF-8 (UText: no conversion to UTF-16 first)
void icu_breaks(benchmark::State& state, const std::string& name, bool words) {
  const std::string* text;
  if (!load(state, name, text)) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale loc(lang_of(name));
  std::unique_ptr<icu::BreakIterator> bi(words ? icu::BreakIterator::createWordInstance(loc, status)
                                               : icu::BreakIterator::createSentenceInstance(loc, status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU BreakIterator unavailable");
    return;
  }
  std::size_t n = 0;
  for (auto _ : state) {
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text->data(), static_cast<int64_t>(text->size()), &status);
    bi->setText(&ut, status);
    n = 0;
    for (int32_t b = bi->first(); b != icu::BreakIterator::DONE; b = bi->next()) {
      if (!words || bi->getRuleStatus() != UBRK_WORD_NONE) ++n;
    }
    utext_close(&ut);
  }
  finish(state, *text, n);
}

// --- Boost.Locale boundary analysis (ICU backend)
void boost_breaks(benchmark::State& state, const std::string& name, bool words) {
  const std::string* text;
  if (!load(state, name, text)) return;
  namespace bb = boost::locale::boundary;
  boost::locale::generator gen;
  const std::locale loc = gen(std::string(lang_of(name)) + "_US.UTF-8");
  std::size_t n = 0;
  for (auto _ : state) {
    bb::ssegment_index idx(words ? bb::word : bb::sentence, text->begin(), text->end(), loc);
    if (words) idx.rule(bb::word_any);
    n = 0;
    for (auto it = idx.begin(); it != idx.end(); ++it) ++n;
  }
  finish(state, *text, n);
}

const char* const kCorpora[] = {"bench_en_books", "bench_ru_books", "news_ru_wikinews", "news_en_mt"};

int register_all() {
  for (const char* c : kCorpora) {
    const std::string name = c;
    benchmark::RegisterBenchmark(("sentences/skaz/" + name).c_str(), skaz_sentences, name)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("sentences/icu/" + name).c_str(), icu_breaks, name, false)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("sentences/boost_locale/" + name).c_str(), boost_breaks, name, false)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("tokens/skaz/" + name).c_str(), skaz_tokens, name)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("tokens/icu/" + name).c_str(), icu_breaks, name, true)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("tokens/boost_locale/" + name).c_str(), boost_breaks, name, true)
        ->Unit(benchmark::kMillisecond);
  }
  return 0;
}

const int registered = register_all();

}  // namespace
