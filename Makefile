# lvupdate: the two commands of the README, and the set-up they need.
#
#   make deps     install the missing Debian packages (apt-get, only when missing)
#   make          build into build/ (the program: build/lvupdate)
#   make demo     deps + build + a simulated system + a preview and a live update
#   make test     deps + build + every test (ctest)
#   make torture  storage faults (ENOSPC, EIO, power loss) at random writes, syncs and renames of
#                 a run, then resume and rollback: TORTURE_RUNS (300) runs (LVU_TORTURE_SEED=N
#                 replays a seed it printed); then the lvupdate.data fuzz target under libFuzzer
#                 (clang), TORTURE_SECONDS (60)
#   make bench    deps + lvupdate + the benchmarks: $(BUILD)/bench/report.md (docs/performance.md)
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
            libsqlite3-dev clang libclang-rt-14-dev

.PHONY: all deps build demo test bench torture clean

all: build

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "All Debian packages are installed."; \
	fi

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
torture: deps
	@$(MAKE) --no-print-directory build
	LVU_TORTURE_RUNS=$(TORTURE_RUNS) $(BUILD)/tests/storage_tests --gtest_filter='StorageFaultTorture.*'
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

clean:
	rm -rf $(BUILD)
