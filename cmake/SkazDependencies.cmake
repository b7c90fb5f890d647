# Dependency lookup. Debian packages: libboost-locale-dev, libutf8proc-dev,
# nlohmann-json3-dev, libcli11-dev (scripts/install-deps.sh installs them).

find_package(Boost 1.71 REQUIRED CONFIG COMPONENTS locale)

# utf8proc: its own CMake package when present, else pkg-config (Debian
# bookworm ships only libutf8proc.pc); Findutf8proc.cmake does both.
find_package(utf8proc MODULE REQUIRED)

find_package(nlohmann_json 3.9 REQUIRED CONFIG)

if(SKAZ_BUILD_CLI)
  find_package(CLI11 2.1 REQUIRED CONFIG)
endif()

if(SKAZ_BUILD_TESTS)
  if(NOT TARGET GTest::gtest)
    find_package(GTest CONFIG)
  endif()
  if(NOT TARGET GTest::gtest AND SKAZ_FETCH_DEPS AND skaz_IS_TOP_LEVEL)
    include(FetchContent)
    FetchContent_Declare(googletest
      URL https://github.com/google/googletest/archive/refs/tags/v1.14.0.tar.gz)
    FetchContent_MakeAvailable(googletest)
  endif()
  if(NOT TARGET GTest::gtest)
    message(FATAL_ERROR "GoogleTest not found: install libgtest-dev (scripts/install-deps.sh) "
                        "or configure with -DSKAZ_BUILD_TESTS=OFF")
  endif()
endif()

if(SKAZ_BUILD_BENCHMARKS)
  if(NOT TARGET benchmark::benchmark)
    find_package(benchmark CONFIG)
  endif()
  if(NOT TARGET benchmark::benchmark)
    message(STATUS "skaz: Google Benchmark not found; benchmarks disabled")
    set(SKAZ_BUILD_BENCHMARKS OFF)
  else()
    find_package(ICU COMPONENTS uc i18n)
  endif()
endif()
