# lvupdate: the two commands of the README, and the set-up they need.
#
#   make deps     install the missing Debian packages (apt-get, only when missing)
#   make deps-torture
#                 deps + clang and its sanitizer runtime, for make torture's fuzz target only
#   make          build into build/ (the program: build/lvupdate)
#   make demo     deps + build + a simulated system + a preview and a live update
#   make test     deps + build + every test (ctest)
#   make torture  storage faults (ENOSPC, EIO, power loss) at random writes, syncs and renames of
#                 a run, then resume and rollback: TORTURE_RUNS (300) runs (LVU_TORTURE_SEED=N
#                 replays a seed it printed); then the lvupdate.data fuzz target under libFuzzer
#                 (clang), TORTURE_SECONDS (60); and every crash of an aix run over the shims
#                 (before and after each step's command and its undo, resumed and rolled back: 82)
#   make bench    deps + lvupdate + the benchmarks: $(BUILD)/bench/report.md (docs/performance.md)
#   make test-bigendian
#                 big-endian (AIX on POWER is): cross-builds the tests that need no lvupdate
#                 binary for s390x into $(S390X_BUILD)/ and runs them under qemu-user, then
#                 writes a journal on this machine and reads and verifies it under qemu, and the
#                 reverse (tests/journal/byte_order_test.cc). Installs the cross compiler and
#                 qemu, and unpacks Debian's s390x libraries into $(S390X_SYSROOT)
#
# Works as root on a fresh Debian 12 machine; elsewhere run `make deps` with sudo.

BUILD      ?= build
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
DEMO_HOME  ?= $(BUILD)/demo-home
LVUPDATE   := $(BUILD)/lvupdate
CMAKE_ARGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

# Debian 12 packages the build and the tests need.
PACKAGES := g++ make cmake pkg-config \
            librocksdb-dev capnproto libcapnp-dev libspdlog-dev libfmt-dev libcli11-dev \
            nlohmann-json3-dev libarchive-dev libgtest-dev libgmock-dev \
            libsqlite3-dev openssh-client
# Only make torture's fuzz target needs clang (libFuzzer): about 300 MB that
# make test and CI do not download.
TORTURE_PACKAGES := clang libclang-rt-14-dev

.PHONY: all deps deps-torture build demo test bench torture test-bigendian deps-s390x clean

all: build

# $(call install-missing,PACKAGES): apt-get installs those not installed.
define install-missing
	@missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "All Debian packages are installed."; \
	fi
endef

deps:
	$(call install-missing,$(PACKAGES))

deps-torture: deps
	$(call install-missing,$(TORTURE_PACKAGES))

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_ARGS)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) -- --no-print-directory

demo: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target lvupdate -- --no-print-directory
	@rm -rf $(DEMO_HOME)
	@echo; echo "### lvupdate sim init"; $(LVUPDATE) --home $(DEMO_HOME) sim init
	@echo; echo "### lvupdate hmcauth  (the lab's HMC: hsc02 = 10.1.50.30, user hscroot, password abc1234)"; \
	  $(LVUPDATE) --home $(DEMO_HOME) hmcauth -a hsc02 -u hscroot -p abc1234 && \
	  $(LVUPDATE) --home $(DEMO_HOME) hmcauth -l
	@echo; echo "### lvupdate emgr -p -e  (is the ifix LU CAPABLE?)"; \
	  $(LVUPDATE) --home $(DEMO_HOME) emgr -p -e $(DEMO_HOME)/fixes/dummy.150813.epkg.Z | grep "LU CAPABLE"
	@echo; echo "### lvupdate preview  (validation only, like geninstall -k -p)"; \
	  $(LVUPDATE) --home $(DEMO_HOME) preview -d $(DEMO_HOME)/fixes dummy.150813.epkg.Z
	@echo; echo "### lvupdate run  (the live update)"; \
	  $(LVUPDATE) --home $(DEMO_HOME) run -d $(DEMO_HOME)/fixes dummy.150813.epkg.Z
	@echo; echo "### lvupdate status"; $(LVUPDATE) --home $(DEMO_HOME) status
	@echo; echo "### lvupdate sim show  (the world after the update)"; $(LVUPDATE) --home $(DEMO_HOME) sim show

test: deps
	@$(MAKE) --no-print-directory build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# libFuzzer over the lvupdate.data parser (tests/fuzz/lvupdate_data_fuzz.cc): new
# inputs it finds go to $(BUILD)/fuzz/corpus, a crash to $(BUILD)/fuzz/crash-*.
TORTURE_SECONDS ?= 60
TORTURE_RUNS ?= 300
torture: deps-torture
	@$(MAKE) --no-print-directory build
	LVU_TORTURE_RUNS=$(TORTURE_RUNS) $(BUILD)/tests/storage_tests --gtest_filter='StorageFaultTorture.*'
	LVU_AIX_CRASH_ALL=1 $(BUILD)/tests/cli_tests --gtest_filter='EveryStepWithACommand/AixCrashTest.*'
	@mkdir -p $(BUILD)/fuzz/corpus
	clang++ -std=c++20 -O1 -g -I. -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  tests/fuzz/lvupdate_data_fuzz.cc actions/validation/lvupdate_data.cc base/file.cc -o $(BUILD)/fuzz/lvupdate_data_fuzz
	$(BUILD)/fuzz/lvupdate_data_fuzz -max_total_time=$(TORTURE_SECONDS) -timeout=10 -print_final_stats=1 \
	  -artifact_prefix=$(BUILD)/fuzz/ $(BUILD)/fuzz/corpus tests/fuzz/corpus/lvupdate_data

# BENCH_ARGS=--quick for a smoke test of the harness (small sizes, seconds).
# Builds only what the benchmarks need (lvupdate, lvu_bench), not the tests.
bench: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) --target lvu_bench -j $(JOBS)
	$(BUILD)/tests/bench/lvu_bench --out $(BUILD)/bench $(BENCH_ARGS)
	@cat $(BUILD)/bench/report.md

# --- make test-bigendian -------------------------------------------------------------
# The s390x libraries are Debian's s390x packages unpacked (dpkg -x) into S390X_SYSROOT,
# not installed with dpkg: librocksdb-dev and librocksdb7.8 are not Multi-Arch, so their
# s390x packages would replace the amd64 ones, and bookworm-security publishes no s390x,
# so Multi-Arch: same libraries the amd64 side has security updates of (libzstd1, libssl3,
# linux-libc-dev, ...) exist for s390x only at older versions, which dpkg will not mix.
# The unpacked closure leaves out the C library's development packages (the cross
# compiler brings its own); the CMake package files' absolute library paths and the
# absolute .so symlinks are pointed into the sysroot. cmake/s390x-toolchain.cmake uses it.
# Cap'n Proto's code generator is the native one (capnproto, /usr/bin/capnp).
S390X_BUILD    ?= build-s390x
S390X_SYSROOT  ?= /opt/lvu-s390x-sysroot
S390X_HOST_PACKAGES := g++-s390x-linux-gnu qemu-user capnproto
S390X_LIB_PACKAGES  := librocksdb-dev libcapnp-dev libspdlog-dev libfmt-dev libgtest-dev \
                       libgmock-dev libarchive-dev libssl-dev
S390X_ALL_PACKAGES  := nlohmann-json3-dev libcli11-dev
S390X_NOT_UNPACKED  := libc6-dev libc-dev-bin linux-libc-dev libcrypt-dev libnsl-dev libtirpc-dev rpcsvc-proto
# The test programs that do not run the lvupdate binary (tests/CMakeLists.txt).
S390X_TESTS := journal_tests replay_tests view_tests actions_tests sim_tests fuzz_tests aix_tests
QEMU_S390X  := qemu-s390x -L $(S390X_SYSROOT)
# Not run under qemu: a forked child that starts a thread aborts qemu-user 7.2 (Debian 12)
# with "qemu_plugin_vcpu_init_hook: assertion failed: (success)", and these tests open a
# journal (RocksDB starts its threads) in a forked child that then dies.
S390X_QEMU_EXCLUDE := WalRecoveryTest.*
BYTE_ORDER_DIR := $(S390X_BUILD)/byte-order

deps-s390x:
	@set -e; updated=""; \
	if ! dpkg --print-foreign-architectures | grep -qx s390x; then \
	  echo "dpkg --add-architecture s390x"; dpkg --add-architecture s390x; \
	fi; \
	missing=""; \
	for p in $(S390X_HOST_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:$$missing"; \
	  apt-get update -qq; updated=1; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi; \
	want="$(S390X_LIB_PACKAGES) $(S390X_ALL_PACKAGES)"; \
	if [ "$$(cat $(S390X_SYSROOT)/.lvu-packages 2>/dev/null)" = "$$want" ]; then \
	  echo "The s390x sysroot $(S390X_SYSROOT) is ready."; exit 0; \
	fi; \
	echo "Unpacking Debian's s390x packages (and their dependencies) into $(S390X_SYSROOT):"; \
	echo "  $$want"; \
	[ -n "$$updated" ] || apt-get update -qq; \
	skip=$$(echo $(S390X_NOT_UNPACKED) | tr ' ' '|'); \
	libs=$$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
	          --no-replaces --no-enhances $(addsuffix :s390x,$(S390X_LIB_PACKAGES)) \
	        | grep -E '^[a-z0-9][^ ]*:s390x$$' | grep -vE "^($$skip):" | sort -u); \
	debs=$$(mktemp -d); chown _apt: "$$debs" 2>/dev/null || true; \
	(cd "$$debs" && apt-get download -qq $$libs $(S390X_ALL_PACKAGES)); \
	mkdir -p $(S390X_SYSROOT); final=$$(cd $(S390X_SYSROOT) && pwd); new="$$final.new"; \
	rm -rf "$$new"; mkdir -p "$$new"; \
	for d in "$$debs"/*.deb; do dpkg -x "$$d" "$$new"; done; \
	echo "  $$(ls "$$debs" | wc -l) packages unpacked"; rm -rf "$$debs"; \
	find "$$new" -type l -lname '/*' | while read -r l; do ln -sfn "$$final$$(readlink "$$l")" "$$l"; done; \
	find "$$new/usr/lib/s390x-linux-gnu/cmake" "$$new/usr/share/cmake" "$$new/usr/lib/cmake" -name '*.cmake' \
	  -exec sed -i -E "s#(^|[\";( ])/usr/lib/s390x-linux-gnu/(lib[^/\";) ]*)#\1$$final/usr/lib/s390x-linux-gnu/\2#g" {} + ; \
	echo "$$want" > "$$new/.lvu-packages"; \
	rm -rf "$$final"; mv "$$new" "$$final"

$(S390X_BUILD)/CMakeCache.txt: | deps-s390x
	cmake -S . -B $(S390X_BUILD) -DCMAKE_TOOLCHAIN_FILE=$(CURDIR)/cmake/s390x-toolchain.cmake \
	  -DLVU_S390X_SYSROOT=$(abspath $(S390X_SYSROOT)) -DLVU_BENCH=OFF $(CMAKE_ARGS)

# Each s390x test program runs once under qemu (all its tests in one process; ctest
# would start qemu once per test). Then the journal crosses byte orders both ways.
# The last line counts the tests: "test-bigendian: N passed, N failed".
test-bigendian: deps deps-s390x $(BUILD)/CMakeCache.txt $(S390X_BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target journal_tests -- --no-print-directory
	cmake --build $(S390X_BUILD) -j $(JOBS) --target $(S390X_TESTS) -- --no-print-directory
	@pass=0; fail=0; failed=""; \
	run() { \
	  name=$$1; shift; log=$(S390X_BUILD)/$$name.log; \
	  if "$$@" > $$log 2>&1; then r=0; else r=$$?; fi; \
	  grep -E '^\[  (PASSED|FAILED|SKIPPED) |tests? from .* ran|^(wrote|reading) a journal' $$log \
	    | grep -vE '^\[  (FAILED|SKIPPED) \] [^ ]+$$' || true; \
	  p=$$(sed -nE 's/^\[  PASSED  \] ([0-9]+) tests?.*/\1/p' $$log); \
	  f=$$(grep -cE '^\[  FAILED  \] [^ ]+ \([0-9]+ ms\)$$' $$log || true); \
	  pass=$$((pass + $${p:-0})); fail=$$((fail + f)); \
	  if [ $$r -ne 0 ]; then failed="$$failed $$name"; [ $$f -gt 0 ] || fail=$$((fail + 1)); fi; \
	}; \
	echo "Not run under qemu (qemu-user cannot start threads in a forked child): $(S390X_QEMU_EXCLUDE)"; \
	for t in $(S390X_TESTS); do \
	  echo "### $$t (s390x, under qemu-user)"; \
	  run $$t $(QEMU_S390X) $(S390X_BUILD)/tests/$$t --gtest_brief=1 '--gtest_filter=-$(S390X_QEMU_EXCLUDE)'; \
	done; \
	rm -rf $(BYTE_ORDER_DIR); \
	echo "### journal byte order: written on amd64 (little-endian), read on s390x (big-endian)"; \
	run byte-order-write-le env LVU_BYTE_ORDER_WRITE=$(BYTE_ORDER_DIR)/le \
	  $(BUILD)/tests/journal_tests --gtest_filter='ByteOrderTest.*'; \
	run byte-order-read-be env LVU_BYTE_ORDER_READ=$(BYTE_ORDER_DIR)/le LVU_BYTE_ORDER_FROM=little \
	  $(QEMU_S390X) $(S390X_BUILD)/tests/journal_tests --gtest_filter='ByteOrderReadTest.*'; \
	echo "### journal byte order: written on s390x (big-endian), read on amd64 (little-endian)"; \
	run byte-order-write-be env LVU_BYTE_ORDER_WRITE=$(BYTE_ORDER_DIR)/be \
	  $(QEMU_S390X) $(S390X_BUILD)/tests/journal_tests --gtest_filter='ByteOrderTest.*'; \
	run byte-order-read-le env LVU_BYTE_ORDER_READ=$(BYTE_ORDER_DIR)/be LVU_BYTE_ORDER_FROM=big \
	  $(BUILD)/tests/journal_tests --gtest_filter='ByteOrderReadTest.*'; \
	echo; [ -z "$$failed" ] || echo "failed:$$failed (logs: $(S390X_BUILD)/<name>.log)"; \
	echo "test-bigendian: $$pass passed, $$fail failed"; \
	[ -z "$$failed" ]

clean:
	rm -rf $(BUILD)
