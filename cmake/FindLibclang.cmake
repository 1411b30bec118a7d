# Finds libclang (clang-c/Index.h and libclang.so) and defines Libclang::Libclang.
# Set LLVM_ROOT (e.g. /usr/lib/llvm-16) to pick one; otherwise the newest
# /usr/lib/llvm-N that has both is used (Debian 12: llvm-14).
if(NOT LLVM_ROOT)
  file(GLOB _llvm_roots /usr/lib/llvm-*)
  list(SORT _llvm_roots COMPARE NATURAL ORDER DESCENDING)
  foreach(_root ${_llvm_roots})
    if(EXISTS ${_root}/include/clang-c/Index.h AND EXISTS ${_root}/lib/libclang.so)
      set(LLVM_ROOT ${_root})
      break()
    endif()
  endforeach()
endif()
find_path(Libclang_INCLUDE_DIR clang-c/Index.h HINTS ${LLVM_ROOT}/include)
find_library(Libclang_LIBRARY NAMES clang libclang HINTS ${LLVM_ROOT}/lib)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Libclang REQUIRED_VARS Libclang_LIBRARY Libclang_INCLUDE_DIR)
if(Libclang_FOUND AND NOT TARGET Libclang::Libclang)
  add_library(Libclang::Libclang UNKNOWN IMPORTED)
  set_target_properties(Libclang::Libclang PROPERTIES
    IMPORTED_LOCATION ${Libclang_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${Libclang_INCLUDE_DIR})
endif()

# clang's resource directory (stddef.h, stdbool.h ...) of the same LLVM: libclang
# does not always find it from the library's own path.
get_filename_component(_libclang_dir ${Libclang_LIBRARY} DIRECTORY)
get_filename_component(_libclang_dir ${_libclang_dir} REALPATH)
file(GLOB _resource_dirs ${_libclang_dir}/clang/* ${_libclang_dir}/../lib/clang/*)
set(Libclang_RESOURCE_DIR "")
foreach(_d ${_resource_dirs})
  if(EXISTS ${_d}/include/stddef.h)
    get_filename_component(Libclang_RESOURCE_DIR ${_d} REALPATH)
  endif()
endforeach()
