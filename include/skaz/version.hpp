// skaz/version.hpp — version of the C++ core (same numbers as the C ABI).
#pragma once

#include "skaz/skaz_version.h"

namespace skaz {
inline constexpr int version_major = SKAZ_VERSION_MAJOR;
inline constexpr int version_minor = SKAZ_VERSION_MINOR;
inline constexpr int version_patch = SKAZ_VERSION_PATCH;
inline constexpr const char* version_string = SKAZ_VERSION_STRING;
}  // namespace skaz
