# skaz_join_paths(out prefix path): prefix/path, or path when it is already
# absolute (CMAKE_INSTALL_LIBDIR may be absolute; pkg-config needs it right).
function(skaz_join_paths out prefix path)
  if(IS_ABSOLUTE "${path}")
    set(${out} "${path}" PARENT_SCOPE)
  else()
    set(${out} "${prefix}/${path}" PARENT_SCOPE)
  endif()
endfunction()
