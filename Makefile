# ctcase make targets. `make demo` and `make test` install what is missing, build and run.
# Each area keeps its own targets in mk/*.mk; `make bench` runs every benchmark they register.

SHELL := /bin/bash
.DEFAULT_GOAL := help

SWIFT        ?= swift
VENV         := .venv
PYTHON       := $(VENV)/bin/python
SHARED_DATA  ?= $(abspath ../shared/data)
CACHE        := .cache
OUT          := out
RELEASE_BIN   = $(shell $(SWIFT) build -c release --show-bin-path)/ctcase
DEBUG_BIN     = $(shell $(SWIFT) build --show-bin-path)/ctcase

# Debian packages the build, the tests and the demo need (see PLATFORM.md in ../shared).
APT_PACKAGES := pkg-config zlib1g-dev libcairo2-dev libpango1.0-dev libdcmtk-dev libgdcm-dev \
  libnifti2-dev libteem-dev libsndfile1-dev fonts-noto-core fonts-noto-cjk fonts-dejavu-core \
  poppler-utils qpdf dcmtk dicom3tools dcm2niix python3-venv libssl-dev
PIP_PACKAGES := numpy pydicom nibabel SimpleITK pylibjpeg pylibjpeg-libjpeg pylibjpeg-openjpeg \
  pylibjpeg-rle

BENCH_TARGETS :=

.PHONY: help deps apt-deps py-deps build release test lint demo bench clean

help:
	@echo "make demo   set up, build, and render the example case (output path printed)"
	@echo "make test   set up, build, lint and run every test"
	@echo "make bench  benchmarks (release build), each prints a table"

## Set-up: install only what is missing, so a second run is quick.
deps: apt-deps py-deps

apt-deps:
	@missing=$$(for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

py-deps: $(VENV)/.installed

$(VENV)/.installed:
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check $(PIP_PACKAGES)
	touch $@

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests Plugins

test: deps lint release
	@mkdir -p $(CACHE)
	CTCASE_BIN=$(abspath $(RELEASE_BIN)) CTCASE_SHARED_DATA=$(SHARED_DATA) CTCASE_PYTHON=$(abspath $(PYTHON)) $(SWIFT) test 2>&1 \
	  | tee $(CACHE)/test.log; exit $${PIPESTATUS[0]}

bench: release $(BENCH_TARGETS)

clean:
	rm -rf .build $(CACHE) $(OUT)

include $(wildcard mk/*.mk)

bench: $(BENCH_TARGETS)
