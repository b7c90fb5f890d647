// The benchmark corpora: the "text" fields of the JSONL files in
// ../shared/data/corpus (SKAZ_CORPUS). A missing file reads as no texts.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace skaz_bench {

// Calls take(text) for each text of `file` until it returns false.
template <class F>
void read_texts(const std::string& file, F&& take) {
  std::ifstream f(std::string(SKAZ_CORPUS) + "/" + file);
  for (std::string line; std::getline(f, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("text") && j["text"].is_string() && !take(j["text"].get<std::string>())) break;
  }
}

// The texts of `file`, up to `limit` bytes.
inline std::vector<std::string> corpus_texts(const std::string& file, std::size_t limit) {
  std::vector<std::string> out;
  std::size_t total = 0;
  read_texts(file, [&](std::string t) {
    total += t.size();
    out.push_back(std::move(t));
    return total < limit;
  });
  return out;
}

// The texts of `name`.jsonl joined by blank lines, up to `limit` bytes;
// read once per name.
inline const std::string& corpus(const std::string& name, std::size_t limit) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  std::string all;
  read_texts(name + ".jsonl", [&](const std::string& t) {
    all += t;
    all += "\n\n";
    return all.size() < limit;
  });
  return cache.emplace(name, std::move(all)).first->second;
}

}  // namespace skaz_bench
