// Shared helpers of the conformance tests: where the shared data lives and
// how to read its JSONL files.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace skaz_conformance {

// SKAZ_SHARED_DATA in the environment overrides the configured location.
inline const std::string& data_dir() {
  static const std::string dir =
      std::getenv("SKAZ_SHARED_DATA") ? std::getenv("SKAZ_SHARED_DATA") : SKAZ_SHARED_DATA;
  return dir;
}

inline std::vector<nlohmann::json> read_jsonl(const std::string& path, std::size_t limit = SIZE_MAX) {
  std::vector<nlohmann::json> rows;
  std::ifstream f(path);
  for (std::string line; rows.size() < limit && std::getline(f, line);)
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

}  // namespace skaz_conformance
