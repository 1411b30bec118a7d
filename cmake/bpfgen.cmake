# bpfgen_add_bpf_object(NAME SOURCE [TYPES HEADER] [INCLUDES DIR...]
#                       [TARGET_KERNEL VERSION...] [NO_CHECK])
#
# Builds the BPF program SOURCE into NAME.bpf.o and gives an INTERFACE target
# NAME that userspace links: its include directory holds NAME.skel.h (bpftool
# gen skeleton) and NAME.bpfgen.h (bpfgen gen), and it brings libbpf, libelf
# and zlib. The steps, all at build time so a fresh checkout needs no
# generated file:
#   1+2. bpfgen cc clang -O2 -g -target bpf ...: bpfgen check SOURCE (the build
#      fails on an error; NO_CHECK skips it) and the compile, both on one
#      cached precompiled preamble, so that the checked build is faster than
#      plain clang; the object is plain clang's. The compile has -I for bpfgen's headers/, the
#      directory of SOURCE, INCLUDES, and a vmlinux.h from the running
#      kernel's BTF (/sys/kernel/btf/vmlinux), -Werror for the
#      pointer-type diagnostics that make bpfgen's typed maps type-safe
#      and for the format checks of bpfgen/log.h
#   3. bpftool gen skeleton NAME.bpf.o name NAME > NAME.skel.h
#   4. bpfgen gen NAME.bpf.o -n NAME [--types HEADER] -o NAME.bpfgen.h
# TARGET_KERNEL 5.15 6.1 checks with --target-kernel 5.15,6.1: a feature
# one of those kernels lacks (kernel-version) fails the build.
# TYPES names the header (as #include spells it, found through SOURCE's
# directory or INCLUDES) that defines the types shared with the BPF side;
# without it NAME.bpfgen.h defines them itself from the object's BTF.
#
# The bpfgen tool is the target `bpfgen` when this project builds it, or the
# program found as BPFGEN_EXECUTABLE. An installed bpfgen gives this file
# through find_package(bpfgen) (bpfgenConfig.cmake).

set(_BPFGEN_CMAKE_DIR ${CMAKE_CURRENT_LIST_DIR})
# bpfgen/bpf.h: in headers/ next to cmake/ in the source tree, or where an
# installed bpfgenConfig.cmake says (BPFGEN_INCLUDE_DIR).
if(BPFGEN_INCLUDE_DIR)
  set(_BPFGEN_HEADERS ${BPFGEN_INCLUDE_DIR})
else()
  set(_BPFGEN_HEADERS ${_BPFGEN_CMAKE_DIR}/../headers)
endif()

find_program(BPFGEN_BPFTOOL bpftool PATHS /usr/sbin /sbin REQUIRED)
find_program(BPFGEN_CLANG NAMES clang clang-14 REQUIRED)
if(NOT TARGET PkgConfig::LIBBPF OR NOT TARGET PkgConfig::LIBELF)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(LIBBPF REQUIRED IMPORTED_TARGET libbpf)
  pkg_check_modules(LIBELF REQUIRED IMPORTED_TARGET libelf)
endif()

# clang -target bpf does not search the host's multiarch directory, where
# <asm/types.h> lives; add it last, as libbpf-bootstrap does.
set(_BPFGEN_SYS_INCLUDES)
if(CMAKE_LIBRARY_ARCHITECTURE)
  list(APPEND _BPFGEN_SYS_INCLUDES -idirafter /usr/include/${CMAKE_LIBRARY_ARCHITECTURE})
endif()
string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _bpfgen_arch)
if(_bpfgen_arch MATCHES "x86_64|amd64|i.86")
  set(_BPFGEN_TARGET_ARCH x86)
elseif(_bpfgen_arch MATCHES "aarch64|arm64")
  set(_BPFGEN_TARGET_ARCH arm64)
elseif(_bpfgen_arch MATCHES "^arm")
  set(_BPFGEN_TARGET_ARCH arm)
elseif(_bpfgen_arch MATCHES "ppc64|powerpc")
  set(_BPFGEN_TARGET_ARCH powerpc)
elseif(_bpfgen_arch MATCHES "s390")
  set(_BPFGEN_TARGET_ARCH s390)
elseif(_bpfgen_arch MATCHES "riscv")
  set(_BPFGEN_TARGET_ARCH riscv)
else()
  set(_BPFGEN_TARGET_ARCH ${_bpfgen_arch})
endif()

# libbpfgen: a project that uses a bpfgen checkout (not an installed
# bpfgen) builds the runtime from the checkout's runtime/ directory
if(NOT BPFGEN_INCLUDE_DIR AND NOT TARGET bpfgen_runtime AND NOT TARGET bpfgen::runtime)
  add_subdirectory(${_BPFGEN_CMAKE_DIR}/../runtime ${CMAKE_BINARY_DIR}/bpfgen-runtime)
endif()

function(_bpfgen_vmlinux_h out_dir)
  set(dir ${CMAKE_BINARY_DIR}/bpfgen-vmlinux)
  if(NOT TARGET bpfgen_vmlinux_h)
    add_custom_command(OUTPUT ${dir}/vmlinux.h
      COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
      COMMAND sh -c "'${BPFGEN_BPFTOOL}' btf dump file /sys/kernel/btf/vmlinux format c > '${dir}/vmlinux.h.tmp' && mv '${dir}/vmlinux.h.tmp' '${dir}/vmlinux.h'"
      COMMENT "vmlinux.h from the running kernel's BTF"
      VERBATIM)
    add_custom_target(bpfgen_vmlinux_h DEPENDS ${dir}/vmlinux.h)
  endif()
  set(${out_dir} ${dir} PARENT_SCOPE)
endfunction()

function(bpfgen_add_bpf_object NAME SOURCE)
  cmake_parse_arguments(ARG "NO_CHECK" "TYPES" "INCLUDES;TARGET_KERNEL" ${ARGN})
  get_filename_component(src ${SOURCE} ABSOLUTE)
  get_filename_component(src_dir ${src} DIRECTORY)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${NAME}.bpfgen)
  set(obj ${out}/${NAME}.bpf.o)
  set(skel ${out}/${NAME}.skel.h)
  set(hdr ${out}/${NAME}.bpfgen.h)

  if(TARGET bpfgen)
    set(bpfgen_exe $<TARGET_FILE:bpfgen>)
    set(bpfgen_dep bpfgen)
  else()
    find_program(BPFGEN_EXECUTABLE bpfgen REQUIRED)
    set(bpfgen_exe ${BPFGEN_EXECUTABLE})
    set(bpfgen_dep ${BPFGEN_EXECUTABLE})
  endif()
  _bpfgen_vmlinux_h(vmlinux_dir)

  set(includes -I${_BPFGEN_HEADERS} -I${src_dir} -I${vmlinux_dir})
  foreach(dir ${ARG_INCLUDES})
    get_filename_component(dir ${dir} ABSOLUTE)
    list(APPEND includes -I${dir})
  endforeach()

  # the check and the compile in one step on one preamble (bpfgen cc)
  set(launcher)
  if(NOT ARG_NO_CHECK)
    set(launcher ${bpfgen_exe} cc)
    # TARGET_KERNEL 5.15 6.1: what those kernels lack is an error of the build
    if(ARG_TARGET_KERNEL)
      string(REPLACE ";" "," kernels "${ARG_TARGET_KERNEL}")
      list(APPEND launcher --target-kernel ${kernels} --)
    endif()
  elseif(ARG_TARGET_KERNEL)
    message(FATAL_ERROR "bpfgen_add_bpf_object(${NAME}): TARGET_KERNEL needs the check (drop NO_CHECK)")
  endif()

  # the headers SOURCE includes: a depfile from clang where CMake takes one
  if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.20)
    set(deps -MD -MF ${obj}.d)
    set(deps_opt DEPFILE ${obj}.d)
  else()
    set(deps)
    set(deps_opt IMPLICIT_DEPENDS C ${src})
  endif()
  add_custom_command(OUTPUT ${obj}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${out}
    COMMAND ${launcher} ${BPFGEN_CLANG} -O2 -g -target bpf -D__TARGET_ARCH_${_BPFGEN_TARGET_ARCH}
            -Wall -Werror=incompatible-pointer-types -Werror=int-conversion -Werror=format
            ${includes} ${_BPFGEN_SYS_INCLUDES} ${deps} -c ${src} -o ${obj}
    DEPENDS ${src} ${bpfgen_dep} bpfgen_vmlinux_h
    ${deps_opt}
    COMMENT "bpfgen cc clang -target bpf ${SOURCE}"
    VERBATIM)

  add_custom_command(OUTPUT ${skel}
    COMMAND sh -c "'${BPFGEN_BPFTOOL}' gen skeleton '${obj}' name '${NAME}' > '${skel}.tmp' && mv '${skel}.tmp' '${skel}'"
    DEPENDS ${obj}
    COMMENT "bpftool gen skeleton ${NAME}"
    VERBATIM)

  set(types_arg)
  if(ARG_TYPES)
    set(types_arg --types ${ARG_TYPES})
  endif()
  add_custom_command(OUTPUT ${hdr}
    COMMAND ${bpfgen_exe} gen ${obj} -n ${NAME} ${types_arg} -o ${hdr}
    DEPENDS ${obj} ${bpfgen_dep}
    COMMENT "bpfgen gen ${NAME}"
    VERBATIM)

  add_custom_target(${NAME}_bpf ALL DEPENDS ${obj} ${skel} ${hdr})
  add_library(${NAME} INTERFACE)
  add_dependencies(${NAME} ${NAME}_bpf)
  target_include_directories(${NAME} INTERFACE ${out} ${src_dir} ${ARG_INCLUDES})
  target_link_libraries(${NAME} INTERFACE PkgConfig::LIBBPF PkgConfig::LIBELF z)
  # libbpfgen, for the log table and whatever else the loader uses of it:
  # this project's target in its own build, bpfgen::runtime when installed
  if(TARGET bpfgen_runtime)
    target_link_libraries(${NAME} INTERFACE bpfgen_runtime)
  elseif(TARGET bpfgen::runtime)
    target_link_libraries(${NAME} INTERFACE bpfgen::runtime)
  endif()
  set_target_properties(${NAME} PROPERTIES
    BPFGEN_OBJECT ${obj} BPFGEN_SKELETON ${skel} BPFGEN_HEADER ${hdr})
endfunction()
