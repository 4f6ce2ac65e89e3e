# Cross-compiling for s390x (big-endian, like AIX on POWER) with Debian's
# cross toolchain (g++-s390x-linux-gnu); the programs run under qemu-user.
# Used by `make test-bigendian` (see the Makefile), which prepares everything
# this file refers to:
#
#   cmake -S . -B build-s390x -DCMAKE_TOOLCHAIN_FILE=cmake/s390x-toolchain.cmake \
#         -DLVU_S390X_SYSROOT=/opt/lvu-s390x-sysroot
#
# The libraries (RocksDB, Cap'n Proto, spdlog, fmt, GoogleTest, libarchive,
# ...) come from Debian's s390x packages unpacked into LVU_S390X_SYSROOT, not
# installed with dpkg: librocksdb-dev and librocksdb7.8 are not Multi-Arch
# (their s390x and amd64 packages cannot be installed side by side), and since
# bookworm-security no longer publishes s390x, several Multi-Arch: same
# libraries (libzstd1, libssl3, linux-libc-dev, ...) exist for s390x only at
# older versions than the amd64 ones installed, which dpkg refuses to mix.
# The Makefile rewrites the absolute library paths of the unpacked CMake
# package files to point into the sysroot.
#
# Cap'n Proto's code generator stays the host's: the s390x CapnProtoConfig.cmake
# names /usr/bin/capnp and /usr/bin/capnpc-c++, which are the native amd64
# tools of the capnproto package, and programs are looked up on the host
# (CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER).

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR s390x)

set(CMAKE_C_COMPILER s390x-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER s390x-linux-gnu-g++)

if(NOT LVU_S390X_SYSROOT)
  if(DEFINED ENV{LVU_S390X_SYSROOT})
    set(LVU_S390X_SYSROOT "$ENV{LVU_S390X_SYSROOT}")
  else()
    set(LVU_S390X_SYSROOT /opt/lvu-s390x-sysroot)
  endif()
endif()
set(LVU_S390X_SYSROOT "${LVU_S390X_SYSROOT}" CACHE PATH "Debian s390x packages unpacked (make test-bigendian)")
# try_compile projects re-read this file: hand them the same sysroot.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES LVU_S390X_SYSROOT)

# The cross compiler's own C library and libstdc++ (/usr/s390x-linux-gnu),
# then the unpacked packages. Headers and libraries only from there, programs
# (capnp, pkg-config) from the host.
set(CMAKE_FIND_ROOT_PATH "${LVU_S390X_SYSROOT}" /usr/s390x-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config (find_package(PkgConfig), libarchive) sees only s390x .pc files.
set(ENV{PKG_CONFIG_LIBDIR}
    "${LVU_S390X_SYSROOT}/usr/lib/s390x-linux-gnu/pkgconfig:${LVU_S390X_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${LVU_S390X_SYSROOT}")

# The shared libraries' own dependencies (librocksdb.so needs libsnappy,
# libgflags, ...) are resolved by the linker in the sysroot.
set(_lvu_s390x_libdirs "${LVU_S390X_SYSROOT}/usr/lib/s390x-linux-gnu:${LVU_S390X_SYSROOT}/lib/s390x-linux-gnu")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-Wl,-rpath-link,${_lvu_s390x_libdirs}")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-Wl,-rpath-link,${_lvu_s390x_libdirs}")

# Test programs (gtest_discover_tests, ctest) run under qemu-user. The sysroot
# holds a complete s390x runtime (libc6, libstdc++6 and the libraries'
# packages), so qemu's -L prefix is the sysroot: its dynamic loader and
# libraries, all from the same Debian s390x release.
find_program(LVU_QEMU_S390X NAMES qemu-s390x qemu-s390x-static REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${LVU_QEMU_S390X};-L;${LVU_S390X_SYSROOT}")
