// skaz/translit.hpp — transliteration by the standard schemas, both ways.
// Cyrillic -> Latin by a schema's tables (letter map, previous- and
// next-letter rules, word endings), case kept; Latin -> Cyrillic as ranked
// candidates, aimed at names. Immutable after create(), safe to share.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "skaz/detail/config.hpp"
#include "skaz/error.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

struct TranslitCandidate {
  std::string text;  ///< UTF-8
  double score;      ///< higher is better; comparable within one call
};

class Transliterator {
 public:
  /// The schema by its name (see translit_schemas()); not_found otherwise.
  static result<Transliterator> create(std::string_view schema);

  std::string_view name() const noexcept;

  /// Appends the Latin form of `utf8` to `out`. Text that is not Cyrillic
  /// passes through unchanged. `utf8` must be valid UTF-8.
  void forward(std::string_view utf8, std::string& out) const;
  std::string forward(std::string_view utf8) const;

  /// Cyrillic readings of a Latin text, best first (at most `max`). Latin
  /// letters outside words, digits and punctuation pass through. Readings the
  /// schema writes back exactly rank first; then a word of the Russian
  /// dictionary (Astrakhan: Астрахань, not Астрахан); a capitalised word
  /// prefers a common Russian first name (Igor: Игорь, not Игор).
  std::vector<TranslitCandidate> reverse(std::string_view latin, std::size_t max = 5) const;
  std::string reverse_best(std::string_view latin) const;

  Transliterator(Transliterator&&) noexcept;
  Transliterator& operator=(Transliterator&&) noexcept;
  ~Transliterator();

 private:
  struct Impl;
  explicit Transliterator(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

/// Every schema name, sorted.
const std::vector<std::string_view>& translit_schemas();

SKAZ_END_NAMESPACE
}  // namespace skaz
