# Phantom: the example case (generated on first use), its DICOM check and the generation benchmark.

PHANTOM_EXAMPLE   := Examples/seed-course/generated
PHANTOM_SEED      := 1
PHANTOM_BENCH_RUNS ?= 5
PHANTOM_BENCH_DIR := $(CACHE)/bench-phantom

BENCH_TARGETS += bench-phantom

.PHONY: example-case bench-phantom check-phantom-dicom

## The seed-course example studies; truth.json is written last, so its presence means complete.
example-case: $(PHANTOM_EXAMPLE)/truth.json

$(PHANTOM_EXAMPLE)/truth.json:
	$(SWIFT) build -c release --product ctcase
	$(RELEASE_BIN) phantom --preset seed-course --seed $(PHANTOM_SEED) --out $(PHANTOM_EXAMPLE)

## dciodvfy over every image of the first example study; any "Error" line fails the target.
check-phantom-dicom: example-case
	@command -v dciodvfy >/dev/null || { echo "dciodvfy missing: make apt-deps"; exit 1; }
	@study=$$(ls -d $(PHANTOM_EXAMPLE)/ct-* | head -n 1); errors=0; files=0; \
	for f in $$study/*.dcm; do \
	  files=$$((files + 1)); \
	  if dciodvfy "$$f" 2>&1 | grep -q "Error"; then \
	    errors=$$((errors + 1)); dciodvfy "$$f" 2>&1 | grep Error | head -n 3; \
	  fi; \
	done; \
	echo "check-phantom-dicom: $$files files in $$study, $$errors with errors"; \
	test $$errors -eq 0

## Median wall time of generating the seed course (3 studies, 512x512x241), release build.
bench-phantom:
	@$(SWIFT) build -c release --product ctcase >/dev/null
	@mkdir -p $(PHANTOM_BENCH_DIR)
	@printf "%-12s %-8s %-5s %-10s %-10s %-10s %-12s\n" \
	  preset threads runs "median s" "min s" "max s" "Mvoxel/s"
	@for threads in 1 2; do \
	  times=(); \
	  for run in $$(seq $(PHANTOM_BENCH_RUNS)); do \
	    rm -rf $(PHANTOM_BENCH_DIR)/out; \
	    start=$$(date +%s.%N); \
	    $(RELEASE_BIN) -q phantom --threads $$threads --preset seed-course \
	      --out $(PHANTOM_BENCH_DIR)/out >/dev/null || exit 1; \
	    end=$$(date +%s.%N); \
	    times+=($$(awk "BEGIN { print $$end - $$start }")); \
	  done; \
	  sorted=($$(printf "%s\n" "$${times[@]}" | sort -g)); \
	  n=$${#sorted[@]}; median=$${sorted[$$((n / 2))]}; \
	  voxels=$$((512 * 512 * 241 * 3)); \
	  rate=$$(awk "BEGIN { print $$voxels / $$median / 1e6 }"); \
	  printf "%-12s %-8s %-5s %-10.2f %-10.2f %-10.2f %-12.1f\n" seed-course $$threads $$n \
	    $$median $${sorted[0]} $${sorted[$$((n - 1))]} $$rate; \
	done
	@rm -rf $(PHANTOM_BENCH_DIR)/out

## Axial (lung and mediastinal window) and coronal PNGs of each example study, for looking at.
PHANTOM_PNG := $(CACHE)/phantom-png
.PHONY: phantom-png
phantom-png: example-case py-deps
	@mkdir -p $(PHANTOM_PNG)
	@for study in $(PHANTOM_EXAMPLE)/ct-*; do \
	  $(PYTHON) Scripts/phantom/render_slices.py $$study $(PHANTOM_PNG)/$$(basename $$study) \
	    -90 -20 30 || exit 1; \
	done
	@ls $(PHANTOM_PNG)/*.png
