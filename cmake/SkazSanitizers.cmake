# SKAZ_SANITIZE: "address,undefined" or "thread" (see CMakePresets.json).
set(SKAZ_SANITIZE "" CACHE STRING "Sanitizers to build with (address,undefined | thread)")
if(SKAZ_SANITIZE)
  add_compile_options(-fsanitize=${SKAZ_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${SKAZ_SANITIZE})
endif()
