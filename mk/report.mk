# The PDF case report (issue 6): the example report, and the rendering benchmark.
.PHONY: report-example bench-report

REPORT_EXAMPLE := $(OUT)/example-report.pdf

## Render the built-in six-day synthetic example (English and Chinese) and its figures.
report-example: release
	@mkdir -p $(OUT)/figures
	$(RELEASE_BIN) report --example -o $(REPORT_EXAMPLE)
	$(RELEASE_BIN) report --example --template zh-CN -o $(OUT)/example-report-zh-CN.pdf
	$(RELEASE_BIN) figures --example -o $(OUT)/figures --format pdf >/dev/null
	@echo "report-example: wrote $(abspath $(REPORT_EXAMPLE)), $(abspath $(OUT))/example-report-zh-CN.pdf and $(abspath $(OUT))/figures/"

## Time the report rendering of the example (analysis excluded; target under 1 s), then the
## whole chain on the seed-course case (issue 6: under 5 s, peak memory under 1.5 GB).
bench-report: release example-case
	@mkdir -p $(CACHE)
	@echo "bench-report: ctcase report --example (release), three runs"
	@for run in 1 2 3; do \
	  echo "run $$run"; \
	  $(RELEASE_BIN) report --example --timings -q -o $(CACHE)/bench-report.pdf; \
	done
	@Scripts/bench/bench_report.sh "$(RELEASE_BIN)"

BENCH_TARGETS += bench-report
