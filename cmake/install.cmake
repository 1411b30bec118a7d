# cmake --install: the bpfgen tool (installed by the top-level file), the
# headers (bpf.h and log.h for BPF, runtime.h for userspace), libbpfgen, the
# CMake package (bpfgenConfig.cmake giving bpfgen_add_bpf_object and
# bpfgen::runtime) and a pkg-config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(FILES
  ${PROJECT_SOURCE_DIR}/headers/bpfgen/bpf.h
  ${PROJECT_SOURCE_DIR}/headers/bpfgen/log.h
  ${PROJECT_SOURCE_DIR}/headers/bpfgen/runtime.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/bpfgen)

# libbpfgen, shared and static; find_package(bpfgen) gives bpfgen::runtime
# and bpfgen::runtime_static from the exported targets
install(TARGETS bpfgen_runtime bpfgen_runtime_static EXPORT bpfgenTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})

set(BPFGEN_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/cmake/bpfgen)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/bpfgenConfig.cmake.in
  ${PROJECT_BINARY_DIR}/bpfgenConfig.cmake
  INSTALL_DESTINATION ${BPFGEN_CMAKE_INSTALL_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/bpfgenConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(EXPORT bpfgenTargets NAMESPACE bpfgen:: DESTINATION ${BPFGEN_CMAKE_INSTALL_DIR})
install(FILES
  ${PROJECT_BINARY_DIR}/bpfgenConfig.cmake
  ${PROJECT_BINARY_DIR}/bpfgenConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/bpfgen.cmake
  DESTINATION ${BPFGEN_CMAKE_INSTALL_DIR})

# relocatable: the prefix is found from where the .pc file is (share/pkgconfig)
configure_file(${PROJECT_SOURCE_DIR}/cmake/bpfgen.pc.in ${PROJECT_BINARY_DIR}/bpfgen.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/bpfgen.pc DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)

# man pages, bash completion, and the fragment for make-based projects
install(FILES
  ${PROJECT_SOURCE_DIR}/docs/man/bpfgen.1
  ${PROJECT_SOURCE_DIR}/docs/man/bpfgen-cc.1
  ${PROJECT_SOURCE_DIR}/docs/man/bpfgen-check.1
  ${PROJECT_SOURCE_DIR}/docs/man/bpfgen-gen.1
  ${PROJECT_SOURCE_DIR}/docs/man/bpfgen-lsp.1
  ${PROJECT_SOURCE_DIR}/docs/man/bpfgen-new.1
  ${PROJECT_SOURCE_DIR}/docs/man/bpfgen-verify.1
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/scripts/bpfgen-completion.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME bpfgen)
install(FILES ${PROJECT_SOURCE_DIR}/make/bpfgen.mk DESTINATION ${CMAKE_INSTALL_DATADIR}/bpfgen)

# The build tree's own package (bpfgen-build/ next to the tool), which
# `bpfgen new` names when the bpfgen that runs it was not installed.
set(BPFGEN_BUILD_PACKAGE_DIR ${PROJECT_BINARY_DIR}/bpfgen-build)
set(BPFGEN_BUILD_TOOL ${PROJECT_BINARY_DIR}/bpfgen)
configure_file(${PROJECT_SOURCE_DIR}/cmake/bpfgenBuildConfig.cmake.in
  ${BPFGEN_BUILD_PACKAGE_DIR}/bpfgenConfig.cmake @ONLY)
export(EXPORT bpfgenTargets NAMESPACE bpfgen:: FILE ${BPFGEN_BUILD_PACKAGE_DIR}/bpfgenTargets.cmake)
write_basic_package_version_file(${BPFGEN_BUILD_PACKAGE_DIR}/bpfgenConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
