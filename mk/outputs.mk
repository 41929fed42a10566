# DICOM outputs and de-identification (issue 8): the objects must pass dciodvfy and read back
# with dcmdump/dsrdump/dcm2pdf. The tests write each object from synthetic inputs (and against
# the real RICORD series when ../shared/data is present) and run those tools on it.
.PHONY: check-dicom-outputs

check-dicom-outputs: deps
	@mkdir -p $(CACHE)
	CTCASE_SHARED_DATA=$(SHARED_DATA) CTCASE_PYTHON=$(abspath $(PYTHON)) $(SWIFT) test \
	  --filter 'Dicom|Deidentif' 2>&1 | tee $(CACHE)/check-dicom-outputs.log; \
	  exit $${PIPESTATUS[0]}

# Release-build timing of the three writers on the real RICORD grid; prints a table.
.PHONY: bench-dicom-outputs
BENCH_TARGETS += bench-dicom-outputs

bench-dicom-outputs:
	@CTCASE_BENCH=1 CTCASE_SHARED_DATA=$(SHARED_DATA) CTCASE_PYTHON=$(abspath $(PYTHON)) \
	  $(SWIFT) test -c release --filter DicomOutputsBenchmark 2>&1 | grep -E '^\|'
