# Case library (issue 8): `make bench-library` times `ctcase library` (release build) on the
# thick-slice phantom case and its variants, with one and two cases at once, and prints cases
# per minute. LIBRARY_BENCH_CASES and LIBRARY_BENCH_RUNS change the size and repeat count.
LIBRARY_BENCH_CASES ?= 4
LIBRARY_BENCH_RUNS  ?= 1

BENCH_TARGETS += bench-library
.PHONY: bench-library

bench-library: release
	@Scripts/bench/bench_library.sh "$(RELEASE_BIN)" "$(CACHE)/bench-library" \
	  $(LIBRARY_BENCH_CASES) $(LIBRARY_BENCH_RUNS)
