# Finds libhyphen, its static archive first (Debian ships libhyphen.a with libhyphen-dev).
# Defines LibHyphen_FOUND and the imported target LibHyphen::LibHyphen.
find_path(LibHyphen_INCLUDE_DIR NAMES hyphen.h)
find_library(LibHyphen_LIBRARY NAMES libhyphen.a hyphen)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibHyphen REQUIRED_VARS LibHyphen_LIBRARY LibHyphen_INCLUDE_DIR)
if(LibHyphen_FOUND AND NOT TARGET LibHyphen::LibHyphen)
  add_library(LibHyphen::LibHyphen UNKNOWN IMPORTED)
  set_target_properties(LibHyphen::LibHyphen PROPERTIES
    IMPORTED_LOCATION "${LibHyphen_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LibHyphen_INCLUDE_DIR}")
endif()
mark_as_advanced(LibHyphen_INCLUDE_DIR LibHyphen_LIBRARY)
