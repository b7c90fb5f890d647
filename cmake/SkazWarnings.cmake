# Warnings for skaz's own targets (never imposed on consumers).
function(skaz_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${SKAZ_WARNINGS_AS_ERRORS}>:/WX>)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
      -Wconversion -Wno-sign-conversion
      $<$<BOOL:${SKAZ_WARNINGS_AS_ERRORS}>:-Werror>)
  endif()
endfunction()
