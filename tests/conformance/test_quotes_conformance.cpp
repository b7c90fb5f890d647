// Quote attribution against the shared gold (seed article, quotes/*.jsonl):
// end-to-end F1 (a quote found with overlap >= 0.5 both ways on spans
// without edge marks and punctuation, and its speaker right by mention
// span or name) as a ratchet. A stricter copy of ../shared/tools/
// score_quotes.py (no stem matching of names), so its figures are lower
// bounds of skaz-eval's.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "common.hpp"
#include "skaz/document.hpp"

namespace {

using skaz_conformance::data_dir;
using skaz_conformance::read_jsonl;
using nlohmann::json;

std::u32string decode(const std::string& s) {
  std::u32string out;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const skaz::decoded_char d = skaz::decode_utf8(p, end);
    out.push_back(d.cp);
    p += d.len;
  }
  return out;
}

struct Item {
  std::size_t s, e;     // normalised span, code points
  bool speech_direct;   // direct or partial (else indirect)
  std::string speaker;  // name, empty for none
  std::size_t ms = 0, me = 0;  // speaker mention, code points (me == 0: none)
};

bool edge(char32_t c) {
  static const std::u32string marks = U"\"«»“”„‟‘’‚'‹›「」 \t\n\r\u00a0.,;:!?…—–-()";
  return marks.find(c) != std::u32string::npos;
}

void norm(const std::u32string& t, std::size_t& s, std::size_t& e) {
  while (s < e && edge(t[s])) ++s;
  while (e > s && edge(t[e - 1])) --e;
}

struct Score {
  std::size_t tp_g = 0, tp_p = 0, n_g = 0, n_p = 0;
  double f1() const {
    const double p = n_p ? double(tp_p) / n_p : 0, r = n_g ? double(tp_g) / n_g : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

bool overlaps(const Item& g, const Item& p) {
  const std::size_t lo = std::max(g.s, p.s), hi = std::min(g.e, p.e);
  if (hi <= lo || g.e <= g.s || p.e <= p.s) return false;
  const double ov = double(hi - lo);
  return ov / double(g.e - g.s) >= 0.5 && ov / double(p.e - p.s) >= 0.5;
}

bool speaker_ok(const Item& g, const Item& p) {
  if (g.speaker.empty()) return p.speaker.empty();
  if (p.speaker.empty()) return false;
  if (g.me > g.ms && p.me > p.ms && std::max(g.ms, p.ms) < std::min(g.me, p.me)) return true;
  return g.speaker == p.speaker;
}

// Greedy one-to-one matching; counts end-to-end hits on both sides.
void score(const std::vector<Item>& gold, const std::vector<Item>& pred, Score& sc) {
  sc.n_g += gold.size();
  sc.n_p += pred.size();
  std::vector<bool> used(pred.size(), false);
  for (const Item& g : gold) {
    for (std::size_t j = 0; j < pred.size(); ++j) {
      if (used[j] || !overlaps(g, pred[j])) continue;
      used[j] = true;
      if (speaker_ok(g, pred[j])) {
        ++sc.tp_g;
        ++sc.tp_p;
      }
      break;
    }
  }
}

std::vector<Item> gold_items(const std::u32string& t, const json& quotes) {
  std::vector<Item> out;
  for (const json& q : quotes) {
    const std::string kind = q.value("kind", "");
    if (kind != "direct" && kind != "partial" && kind != "indirect") continue;
    Item it{q["start"].get<std::size_t>(), q["end"].get<std::size_t>(), kind != "indirect", "", 0, 0};
    norm(t, it.s, it.e);
    if (q.contains("speaker") && q["speaker"].is_string()) it.speaker = q["speaker"].get<std::string>();
    if (q.contains("speaker_mention") && q["speaker_mention"].is_object()) {
      it.ms = q["speaker_mention"]["start"].get<std::size_t>();
      it.me = q["speaker_mention"]["end"].get<std::size_t>();
    } else if (q.contains("speaker_start") && q["speaker_start"].is_number()) {
      it.ms = q["speaker_start"].get<std::size_t>();
      it.me = q["speaker_end"].get<std::size_t>();
    }
    out.push_back(it);
  }
  return out;
}

std::vector<Item> predicted(const std::string& text, const std::u32string& t, const std::string& lang) {
  // byte offset -> code point offset
  std::vector<std::size_t> cp(text.size() + 1, 0);
  for (std::size_t b = 0, c = 0; b <= text.size(); ++b) {
    cp[b] = c;
    if (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) ++c;
  }
  for (std::size_t b = 0, c = 0; b < text.size(); ++b) {
    if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) c = cp[b];
    cp[b] = c;
  }
  cp[text.size()] = t.size();
  static const auto pipeline = skaz::Pipeline::create({});
  auto d = pipeline->analyze(text, lang);
  EXPECT_TRUE(d.ok());
  std::vector<Item> out;
  if (!d.ok()) return out;
  for (const skaz::Quote& q : d->quotes) {
    if (q.kind == skaz::quote_kind::scare || q.kind == skaz::quote_kind::title) continue;
    Item it{cp[q.span.start], cp[q.span.end], q.kind != skaz::quote_kind::indirect, "", 0, 0};
    norm(t, it.s, it.e);
    if (q.speaker_entity >= 0) it.speaker = d->entities[static_cast<std::size_t>(q.speaker_entity)].name;
    else if (q.speaker.start != skaz::no_offset) it.speaker = std::string(d->slice(q.speaker));
    if (q.speaker.start != skaz::no_offset) {
      it.ms = cp[q.speaker.start];
      it.me = cp[q.speaker.end];
    }
    out.push_back(it);
  }
  return out;
}

double file_f1(const std::string& name) {
  const auto rows = read_jsonl(data_dir() + "/quotes/" + name);
  if (rows.empty()) return -1;
  Score sc;
  for (const json& r : rows) {
    const std::string text = r["text"].get<std::string>();
    const std::u32string t = decode(text);
    score(gold_items(t, r["quotes"]), predicted(text, t, r.value("lang", "auto")), sc);
  }
  return sc.f1();
}

TEST(ConformanceQuotes, SeedArticle) {
  std::ifstream g(data_dir() + "/seed/000_b04bb81440cff18e.gold.json");
  if (!g) GTEST_SKIP() << "shared data not found under " << data_dir() << "; skipping";
  const json gold = json::parse(g);
  std::ifstream f(data_dir() + "/seed/" + gold["file"].get<std::string>());
  const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const std::u32string t = decode(text);
  Score sc;
  score(gold_items(t, gold["quotes"]), predicted(text, t, "en"), sc);
  EXPECT_GE(sc.f1(), 0.98) << sc.tp_g << "/" << sc.n_g << " gold, " << sc.tp_p << "/" << sc.n_p << " predicted";
}

// reached: adaq_ru 0.8778, dev_ru_wikinews 0.9756, dev_en_news 0.9550; seed 0.9846
constexpr double kAdaq = 0.875, kDevRu = 0.97, kDevEn = 0.95;

TEST(ConformanceQuotes, GoldFiles) {
  const double adaq = file_f1("adaq_ru.jsonl");
  if (adaq < 0) GTEST_SKIP() << "shared data not found under " << data_dir() << "; skipping";
  // figures reached by this (strict) scorer when set; skaz-eval's are higher
  const double ru = file_f1("dev_ru_wikinews.jsonl"), en = file_f1("dev_en_news.jsonl");
  // the figures, for the next ratchet
  std::printf("end-to-end F1: adaq_ru %.4f, dev_ru_wikinews %.4f, dev_en_news %.4f\n", adaq, ru, en);
  EXPECT_GE(adaq, kAdaq);
  EXPECT_GE(ru, kDevRu);
  EXPECT_GE(en, kDevEn);
}

}  // namespace
