// Tables of the repair stage (generated: tools/gen_repair.py).
#pragma once

#include <cstdint>

#include "skaz/detail/config.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

/// 4 * log2 P(c | a b) over Russian letters а..я (ё as е, index 0..31) and a
/// word boundary (32).
extern const std::int8_t kRussianTrigram[33][33][33];

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
