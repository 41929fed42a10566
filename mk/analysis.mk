# Lung and lesion analysis: `make bench-analysis` times `ctcase analyze` on the RICORD chest CT
# (release build) against the same classical steps in SimpleITK; see Scripts/bench/.
BENCH_TARGETS += bench-analysis
.PHONY: bench-analysis

bench-analysis: release py-deps
	@Scripts/bench/bench_analysis.sh "$(RELEASE_BIN)" "$(PYTHON)" "$(SHARED_DATA)"

# `make acceptance-analysis`: the phantom acceptance table of issue 4 (release build, a few
# minutes); ACCEPTANCE=details also lists every truth lesion and false positive.
.PHONY: acceptance-analysis
acceptance-analysis:
	CTCASE_ACCEPTANCE=$(or $(ACCEPTANCE),1) $(SWIFT) test -c release -Xswiftc -enable-testing \
	  --filter phantomAcceptance
