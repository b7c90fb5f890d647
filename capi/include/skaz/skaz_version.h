/* skaz version macros. Pure C; the single source of truth for the version:
 * CMakeLists.txt reads the numbers from this file. */
#ifndef SKAZ_VERSION_H
#define SKAZ_VERSION_H

#define SKAZ_VERSION_MAJOR 0
#define SKAZ_VERSION_MINOR 1
#define SKAZ_VERSION_PATCH 0

/* The ABI version: the N of libskaz.so.N. Bumped only when abidiff reports an
 * incompatible change (see docs/api-stability.md). */
#define SKAZ_SOVERSION 0

#define SKAZ_VERSION_NUMBER \
  (SKAZ_VERSION_MAJOR * 10000 + SKAZ_VERSION_MINOR * 100 + SKAZ_VERSION_PATCH)
#define SKAZ_VERSION_CHECK(major, minor, patch) \
  (SKAZ_VERSION_NUMBER >= ((major) * 10000 + (minor) * 100 + (patch)))

#define SKAZ_STRINGIFY_(x) #x
#define SKAZ_STRINGIFY(x) SKAZ_STRINGIFY_(x)
#define SKAZ_VERSION_STRING                                                   \
  SKAZ_STRINGIFY(SKAZ_VERSION_MAJOR) "." SKAZ_STRINGIFY(SKAZ_VERSION_MINOR) "." \
  SKAZ_STRINGIFY(SKAZ_VERSION_PATCH)

#endif /* SKAZ_VERSION_H */
