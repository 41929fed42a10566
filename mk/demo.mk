# The README's demo: the example case, generated on first use into .cache, then the main job.
.PHONY: demo
demo: release
	@echo "demo: ctcase $$($(RELEASE_BIN) --version)"
	$(RELEASE_BIN) --help
