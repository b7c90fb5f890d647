// Hostile input at 1 MB and 4 MB (issue 8): the time of the 4 MB run over
// that of the 1 MB run must stay at most 4.8. No data files are needed.
//
// glibc returns large freed blocks to the system, so repeated 4 MB analyses
// can spend most of their time in page faults; running with
//   GLIBC_TUNABLES=glibc.malloc.mmap_threshold=1073741824:glibc.malloc.trim_threshold=4294967295
// separates that from the cost of the algorithms (all nine families were
// at most 4.1x for 4x the input that way on 2026-11-28).
#include <benchmark/benchmark.h>

#include <string>

#include "skaz/document.hpp"

namespace {

std::string repeat(const std::string& unit, std::size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

std::string nested(std::size_t bytes) {
  std::string s;
  const std::size_t depth = bytes / 12;
  for (std::size_t i = 0; i < depth; ++i) s += "\u00AB\u201E\"";
  s += "word";
  for (std::size_t i = 0; i < depth; ++i) s += "\"\u201C\u00BB";
  return s;
}

// A new person with a role of their own a line, the role recurring alone:
// as many roles as lines (a search per role would be quadratic); without
// holders, as many offices (entities of type role).
std::string many_roles(std::size_t bytes, bool holders = true) {
  auto word = [](std::size_t i) {
    static const char letters[] = "bcdfghklmnprstvzaeiou";
    std::string w;
    for (int k = 0; k < 5; ++k, i /= 21) w += letters[i % 21];
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  std::string s;
  for (std::size_t i = 0; s.size() < bytes; ++i)
    s += "The head of " + word(i) + (holders ? " Ivan " + word(i + 7) + "ov" : std::string()) + " spoke. The head of " +
         word(i) + " left.\n";
  return s;
}

std::string make(int kind, std::size_t bytes) {
  switch (kind) {
    case 0: return repeat("\u00AB", bytes);
    case 1: return repeat("\"", bytes);
    case 2: return nested(bytes);
    case 3: return repeat("a", bytes);
    case 4: return repeat(". ", bytes);
    case 5: return repeat(std::string("x\0", 2), bytes);
    case 6: return repeat("Text \xC0\xAF \xED\xA0\x80 ", bytes);
    case 7: return repeat(" \n", bytes);
    case 8: return repeat("Pavel Orlov, the head of the agency, said \u00AByes\u00BB. ", bytes);
    case 9: return many_roles(bytes);
    case 10: return many_roles(bytes, false);
    default: return {};
  }
}

const char* const kNames[] = {"guillemets", "quotes", "nested", "no_spaces", "dots",
                              "nul", "invalid_utf8", "whitespace", "news_like", "many_roles",
                              "many_offices"};

void BM_Hostile(benchmark::State& state) {
  const int kind = static_cast<int>(state.range(0));
  const std::string text = make(kind, static_cast<std::size_t>(state.range(1)));
  skaz::Options o;
  o.utf8 = skaz::utf8_policy::replace;
  auto p = skaz::Pipeline::create(o);
  if (!p.ok()) {
    state.SkipWithError("pipeline");
    return;
  }
  state.SetLabel(kNames[kind]);
  // one untimed run first: the 4 MB cases run once or twice, and their
  // first run would otherwise pay for touching fresh memory alone
  { auto warm = p->analyze(text, "auto"); benchmark::DoNotOptimize(warm.ok()); }
  for (auto _ : state) {
    auto d = p->analyze(text, "auto");
    if (!d.ok()) {
      state.SkipWithError(d.err().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(d.value().sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetComplexityN(state.range(1));
}

void Args(benchmark::internal::Benchmark* b) {
  for (int kind = 0; kind < static_cast<int>(sizeof kNames / sizeof *kNames); ++kind)
    for (int64_t mb : {1, 4}) b->Args({kind, mb << 20});
}
BENCHMARK(BM_Hostile)->Apply(Args)->Unit(benchmark::kMillisecond);

}  // namespace
