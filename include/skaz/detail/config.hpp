// skaz/detail/config.hpp — namespace versioning of the C++ core.
// The C++ ABI is not promised (docs/api-stability.md); the inline namespace
// makes mixing two versions a link error instead of silent corruption.
#pragma once

#define SKAZ_BEGIN_NAMESPACE inline namespace v0 {
#define SKAZ_END_NAMESPACE }
