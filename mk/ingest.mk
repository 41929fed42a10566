# Ingest: `make bench-ingest` times `ctcase convert` beside dcm2niix (release build) on the
# RICORD series and a generated uncompressed 300-slice series, and prints a table.
BENCH_TARGETS += bench-ingest
INGEST_BENCH_RUNS ?= 5

.PHONY: bench-ingest
bench-ingest: release py-deps
	$(PYTHON) Benchmarks/ingest/bench_ingest.py --ctcase $(RELEASE_BIN) \
	  --cache $(CACHE)/bench-ingest --ricord $(SHARED_DATA)/covid-ricord-1a-419639-000082 \
	  --runs $(INGEST_BENCH_RUNS)
