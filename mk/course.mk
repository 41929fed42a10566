# Course: `ctcase course` on the seed-course example (generated on first use), release build.
# Prints median/min/max wall time per thread count and whether every run wrote the same bytes.

COURSE_BENCH_RUNS ?= 3
COURSE_BENCH_DIR  := $(CACHE)/bench-course

BENCH_TARGETS += bench-course

.PHONY: bench-course

bench-course: example-case
	@$(SWIFT) build -c release --product ctcase >/dev/null
	@rm -rf $(COURSE_BENCH_DIR) && mkdir -p $(COURSE_BENCH_DIR)
	@printf "%-12s %-8s %-5s %-10s %-10s %-10s %-10s\n" case threads runs "median s" "min s" "max s" "same bytes"
	@for threads in 1 2; do \
	  times=(); \
	  for run in $$(seq $(COURSE_BENCH_RUNS)); do \
	    start=$$(date +%s.%N); \
	    $(RELEASE_BIN) -q course --threads $$threads Examples/seed-course \
	      --json $(COURSE_BENCH_DIR)/course-$$threads-$$run.json || exit 1; \
	    end=$$(date +%s.%N); \
	    times+=($$(awk "BEGIN { print $$end - $$start }")); \
	  done; \
	  sorted=($$(printf "%s\n" "$${times[@]}" | sort -g)); \
	  n=$${#sorted[@]}; median=$${sorted[$$((n / 2))]}; \
	  same=$$( \
	    [ $$(md5sum $(COURSE_BENCH_DIR)/course-*.json | awk '{print $$1}' | sort -u | wc -l) = 1 ] \
	    && echo yes || echo NO); \
	  printf "%-12s %-8s %-5s %-10.2f %-10.2f %-10.2f %-10s\n" seed-course $$threads $$n \
	    $$median $${sorted[0]} $${sorted[$$((n - 1))]} $$same; \
	done
