# cmake --install: the bpfgen tool (installed by the top-level file), the
# typed layer's header, the CMake package (bpfgenConfig.cmake giving
# bpfgen_add_bpf_object) and a pkg-config file. The package files are
# arch-independent: they go under share/.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(FILES ${PROJECT_SOURCE_DIR}/headers/bpfgen/bpf.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/bpfgen)

set(BPFGEN_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/cmake/bpfgen)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/bpfgenConfig.cmake.in
  ${PROJECT_BINARY_DIR}/bpfgenConfig.cmake
  INSTALL_DESTINATION ${BPFGEN_CMAKE_INSTALL_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/bpfgenConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
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
  ${PROJECT_SOURCE_DIR}/docs/man/bpfgen-check.1
  ${PROJECT_SOURCE_DIR}/docs/man/bpfgen-gen.1
  ${PROJECT_SOURCE_DIR}/docs/man/bpfgen-new.1
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/scripts/bpfgen-completion.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME bpfgen)
install(FILES ${PROJECT_SOURCE_DIR}/make/bpfgen.mk DESTINATION ${CMAKE_INSTALL_DATADIR}/bpfgen)
