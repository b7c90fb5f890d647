// Cyrillic/Latin lookalike letters (generated: tools/gen_confusables.py).
#pragma once

#include <cstddef>

#include "skaz/detail/config.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

struct Lookalike {
  char32_t from, to;
};
/// Sorted by `from`.
extern const Lookalike kCyrillicToLatin[];
extern const std::size_t kCyrillicToLatinSize;
extern const Lookalike kLatinToCyrillic[];
extern const std::size_t kLatinToCyrillicSize;

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
