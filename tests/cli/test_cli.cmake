# The CLI contract: exit codes and messages (0 ok, 1 bad input, 2 usage).
function(run expect_rc)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL expect_rc)
    message(FATAL_ERROR "`${ARGN}` exited ${rc}, expected ${expect_rc}\nstdout: ${out}\nstderr: ${err}")
  endif()
  set(OUT "${out}" PARENT_SCOPE)
  set(ERR "${err}" PARENT_SCOPE)
endfunction()

set(tmp "${CMAKE_CURRENT_BINARY_DIR}/cli_test_tmp")
file(MAKE_DIRECTORY "${tmp}")

file(WRITE "${tmp}/a.txt" "Title\n\nFirst sentence. Second one.\n")
run(0 ${SKAZ} analyze "${tmp}/a.txt")
if(NOT OUT MATCHES "^\\{\"skaz_version\":" OR NOT OUT MATCHES "\"sentences\":\\[\\{\"start\":0,\"end\":5\\}")
  message(FATAL_ERROR "unexpected analysis: ${OUT}")
endif()

run(0 ${SKAZ} analyze --format text "${tmp}/a.txt")
if(NOT OUT MATCHES "1\\. Title" OR NOT OUT MATCHES "3\\. Second one\\.")
  message(FATAL_ERROR "unexpected text report: ${OUT}")
endif()

# JSONL: one line out per line in, ids kept, order kept
file(WRITE "${tmp}/in.jsonl" "{\"id\":\"x1\",\"text\":\"One. Two.\"}\n\n{\"id\":2,\"text\":\"Один.\",\"lang\":\"ru\"}\n")
run(0 ${SKAZ} analyze --jsonl "${tmp}/in.jsonl")
if(NOT OUT MATCHES "^\\{\"id\":\"x1\",\"skaz_version\"" OR NOT OUT MATCHES "\n\\{\"id\":2,.*\"language\":\"ru\"")
  message(FATAL_ERROR "unexpected JSONL output: ${OUT}")
endif()

# bad input: exit 1, message naming the line
file(WRITE "${tmp}/bad.jsonl" "{\"id\":1,\"text\":\"ok\"}\n{not json\n")
run(1 ${SKAZ} analyze --jsonl "${tmp}/bad.jsonl")
if(NOT ERR MATCHES "bad.jsonl:2")
  message(FATAL_ERROR "error does not name the line: ${ERR}")
endif()

# invalid UTF-8 under the default strict policy: exit 1 naming the byte
string(ASCII 255 byte_ff)
file(WRITE "${tmp}/bin.txt" "ok ${byte_ff}")
run(1 ${SKAZ} analyze "${tmp}/bin.txt")
if(NOT ERR MATCHES "byte 3")
  message(FATAL_ERROR "error does not name the byte: ${ERR}")
endif()
run(0 ${SKAZ} analyze --replace-invalid "${tmp}/bin.txt")
if(NOT OUT MATCHES "\"repairs\":\\[\\{\"start\":3,\"end\":4,\"kind\":\"invalid_utf8\"")
  message(FATAL_ERROR "replace policy output: ${OUT}")
endif()

# usage errors: exit 2
run(2 ${SKAZ})
run(2 ${SKAZ} analyze --offsets furlongs)
run(2 ${SKAZ} analyze --lang "not a language" "${tmp}/a.txt")
run(1 ${SKAZ} analyze "${tmp}/does-not-exist.txt")
run(0 ${SKAZ} --version)

# schemas and transliteration
run(0 ${SKAZ} schemas)
if(NOT OUT MATCHES "wikipedia" OR NOT OUT MATCHES "bgn_pcgn")
  message(FATAL_ERROR "schemas: ${OUT}")
endif()
file(WRITE "${tmp}/names.txt" "Щукин\n")
run(0 ${SKAZ} translit --schema wikipedia "${tmp}/names.txt")
if(NOT OUT STREQUAL "Shchukin\n")
  message(FATAL_ERROR "translit: ${OUT}")
endif()
run(2 ${SKAZ} translit --schema no_such_schema "${tmp}/names.txt")
# not-yet-implemented subcommands say so
run(1 ${SKAZ} name-key "${tmp}/names.txt")
if(NOT ERR MATCHES "not implemented yet")
  message(FATAL_ERROR "name-key: ${ERR}")
endif()
