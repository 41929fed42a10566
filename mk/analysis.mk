# Lung and lesion analysis: `make bench-analysis` times `ctcase analyze` on the RICORD chest CT
# (release build) against the same classical steps in SimpleITK; see Scripts/bench/.
BENCH_TARGETS += bench-analysis
.PHONY: bench-analysis

bench-analysis: release py-deps
	@Scripts/bench/bench_analysis.sh "$(RELEASE_BIN)" "$(PYTHON)" "$(SHARED_DATA)"
