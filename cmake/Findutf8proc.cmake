# Findutf8proc — defines the imported target utf8proc::utf8proc.
# Tries utf8proc's own CMake package first, then pkg-config (libutf8proc),
# then a plain search. Adds UTF8PROC_STATIC when a static library is used
# on Windows, where its header otherwise expects a DLL.
if(TARGET utf8proc::utf8proc)
  set(utf8proc_FOUND TRUE)
  return()
endif()

find_package(utf8proc CONFIG QUIET NO_MODULE)
if(TARGET utf8proc::utf8proc)
  set(utf8proc_FOUND TRUE)
  return()
elseif(TARGET utf8proc)
  add_library(utf8proc::utf8proc INTERFACE IMPORTED)
  target_link_libraries(utf8proc::utf8proc INTERFACE utf8proc)
  set(utf8proc_FOUND TRUE)
  return()
endif()

find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_UTF8PROC QUIET libutf8proc)
endif()
find_path(UTF8PROC_INCLUDE_DIR utf8proc.h HINTS ${PC_UTF8PROC_INCLUDE_DIRS})
find_library(UTF8PROC_LIBRARY NAMES utf8proc utf8proc_static HINTS ${PC_UTF8PROC_LIBRARY_DIRS})
set(utf8proc_VERSION ${PC_UTF8PROC_VERSION})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(utf8proc
  REQUIRED_VARS UTF8PROC_LIBRARY UTF8PROC_INCLUDE_DIR
  VERSION_VAR utf8proc_VERSION)

if(utf8proc_FOUND AND NOT TARGET utf8proc::utf8proc)
  add_library(utf8proc::utf8proc UNKNOWN IMPORTED)
  set_target_properties(utf8proc::utf8proc PROPERTIES
    IMPORTED_LOCATION "${UTF8PROC_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${UTF8PROC_INCLUDE_DIR}")
  if(WIN32 AND UTF8PROC_LIBRARY MATCHES "\\.lib$" AND UTF8PROC_LIBRARY MATCHES "static")
    set_property(TARGET utf8proc::utf8proc APPEND PROPERTY
      INTERFACE_COMPILE_DEFINITIONS UTF8PROC_STATIC)
  endif()
endif()
mark_as_advanced(UTF8PROC_INCLUDE_DIR UTF8PROC_LIBRARY)
