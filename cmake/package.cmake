# cpack -G DEB: bpfgen_<version>_<arch>.deb with everything `cmake --install`
# installs (the tool, headers, libbpfgen, the CMake and pkg-config packages,
# man pages, completion, the make fragment), under /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bpfgen)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "bpfgen maintainers <bpfgen@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "typed code generation and a libclang-based checker for C eBPF (libbpf)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# the shared libraries the tool and libbpfgen link (libclang1-14, libbpf1,
# libelf1, libc6) come from dpkg-shlibdeps; the rest is what a BPF build
# with bpfgen runs or includes: clang's resource headers for the checker,
# clang and bpftool for the object and skeleton, libbpf's and libelf's
# headers, and pkg-config, which bpfgenConfig.cmake and bpfgen.pc use
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libclang-common-14-dev, clang-14 | clang, bpftool, libbpf-dev, libelf-dev, zlib1g-dev, pkg-config")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cmake, make")
include(CPack)
