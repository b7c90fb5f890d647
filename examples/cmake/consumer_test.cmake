# examples/cmake/consumer_test.cmake — driver of the consumer tests, run by
# ctest as `cmake -DACTION=... -P consumer_test.cmake` (see ../CMakeLists.txt).
#
#   ACTION=install  BUILD_DIR PREFIX CONFIG
#       removes PREFIX, then `cmake --install BUILD_DIR --prefix PREFIX`.
#   ACTION=build    SOURCE_DIR BUILD_DIR CONFIG [CMAKE_ARGS]
#       configures SOURCE_DIR in BUILD_DIR (same GENERATOR, C_COMPILER and
#       CXX_COMPILER as the calling build), builds it with two jobs and runs
#       its tests with CTEST_COMMAND.
#
# Every step echoes its command line and fails the test on a nonzero exit.
cmake_minimum_required(VERSION 3.21)

function(run_step)
  string(REPLACE ";" " " _line "${ARGN}")
  message(STATUS "consumer_test: ${_line}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "consumer_test: failed (${_rc}): ${_line}")
  endif()
endfunction()

foreach(_var ACTION BUILD_DIR CONFIG)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "consumer_test: -D${_var}=... is required")
  endif()
endforeach()

if(ACTION STREQUAL "install")
  if(NOT PREFIX)
    message(FATAL_ERROR "consumer_test: -DPREFIX=... is required")
  endif()
  # A clean prefix, so that a file missing from the install rules cannot be
  # masked by an earlier run.
  file(REMOVE_RECURSE "${PREFIX}")
  run_step("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
           --config "${CONFIG}")

elseif(ACTION STREQUAL "build")
  if(NOT SOURCE_DIR)
    message(FATAL_ERROR "consumer_test: -DSOURCE_DIR=... is required")
  endif()
  set(_configure "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BUILD_DIR}")
  if(GENERATOR)
    list(APPEND _configure -G "${GENERATOR}")
  endif()
  if(GENERATOR_PLATFORM)
    list(APPEND _configure -A "${GENERATOR_PLATFORM}")
  endif()
  if(GENERATOR_TOOLSET)
    list(APPEND _configure -T "${GENERATOR_TOOLSET}")
  endif()
  if(C_COMPILER)
    list(APPEND _configure "-DCMAKE_C_COMPILER=${C_COMPILER}")
  endif()
  if(CXX_COMPILER)
    list(APPEND _configure "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
  endif()
  list(APPEND _configure "-DCMAKE_BUILD_TYPE=${CONFIG}")
  # CMAKE_ARGS: one or more -D options separated by "|".
  if(CMAKE_ARGS)
    string(REPLACE "|" ";" _extra "${CMAKE_ARGS}")
    list(APPEND _configure ${_extra})
  endif()

  # A generator change would make the old cache unusable.
  if(EXISTS "${BUILD_DIR}/CMakeCache.txt")
    file(STRINGS "${BUILD_DIR}/CMakeCache.txt" _old_generator
         REGEX "^CMAKE_GENERATOR:INTERNAL=")
    if(NOT _old_generator STREQUAL "CMAKE_GENERATOR:INTERNAL=${GENERATOR}")
      file(REMOVE_RECURSE "${BUILD_DIR}")
    endif()
  endif()

  run_step(${_configure})
  run_step("${CMAKE_COMMAND}" --build "${BUILD_DIR}" --config "${CONFIG}"
           --parallel 2)
  if(NOT CTEST_COMMAND)
    set(CTEST_COMMAND ctest)
  endif()
  execute_process(COMMAND "${CTEST_COMMAND}" --output-on-failure -C "${CONFIG}"
                  WORKING_DIRECTORY "${BUILD_DIR}" RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "consumer_test: the tests of ${SOURCE_DIR} failed (${_rc})")
  endif()

else()
  message(FATAL_ERROR "consumer_test: unknown ACTION '${ACTION}'")
endif()
