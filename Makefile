# make run: set up .venv and parse the samples; make test: the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed
# Editable installs in "compat" mode: a plain path entry in a .pth file. The default mode
# installs an import-hook finder that site.py loads on every start of python (~10 ms, a
# tenth of `warparse parse`'s start-up).
EDITABLE := --config-settings editable_mode=compat

.PHONY: pyc setup run test lint eval bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q $(EDITABLE) -e '.[test]'
	touch $(STAMP)

# Byte-compile the package up front: start-up time counts, and PYTHONDONTWRITEBYTECODE
# (set in some environments) would otherwise recompile every module on every run.
pyc: $(STAMP)
	@$(BIN)/python -m compileall -q warparse

setup: $(STAMP) pyc

# The main job: every sample bulletin -> out/samples.jsonl, then the sample scores.
run: $(STAMP) pyc
	@mkdir -p out
	$(BIN)/warparse parse samples/*.txt > out/samples.jsonl
	@echo "wrote out/samples.jsonl ($$(wc -l < out/samples.jsonl) records)"
	$(BIN)/python $(SHARED)/eval/score.py samples --cmd "$(BIN)/warparse parse --ref-date {ref_date} {path}"

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check warparse tests bench

eval: $(STAMP) pyc
	$(BIN)/python $(SHARED)/eval/score.py samples --cmd "$(BIN)/warparse parse --ref-date {ref_date} {path}"
	@if [ -d $(SHARED)/corpus ]; then \
	  $(BIN)/python $(SHARED)/eval/score.py $(SHARED)/corpus --cmd "$(BIN)/warparse parse --ref-date {ref_date} {path}"; fi
	@if [ -d $(SHARED)/corpus-quotes ]; then \
	  $(BIN)/python $(SHARED)/eval/score.py $(SHARED)/corpus-quotes --lenient-speakers \
	    --metrics quotes,speakers,quote_kinds --cmd "$(BIN)/warparse parse --ref-date {ref_date} {path}"; fi

bench: $(STAMP) pyc
	$(BIN)/python -m pip install -q $(EDITABLE) -e '.[bench]'
	$(BIN)/python bench/run.py

# atheris fuzzing of decode + parse (fuzz/fuzz_parse.py): FUZZ_RUNS executions (-1: no limit),
# at most FUZZ_SECONDS (0: no limit); seeds are the samples' first lines; crashes go to out/fuzz-crashes/.
FUZZ_RUNS ?= 100000
FUZZ_SECONDS ?= 0
fuzz: $(STAMP)
	$(BIN)/python -m pip install -q $(EDITABLE) -e '.[fuzz]'
	@mkdir -p out/fuzz-corpus out/fuzz-crashes
	@for f in samples/*.txt; do head -c 400 "$$f" > "out/fuzz-corpus/$$(basename "$$f")"; done
	$(BIN)/python fuzz/fuzz_parse.py -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) -max_len=512 \
	  -print_final_stats=1 -artifact_prefix=out/fuzz-crashes/ out/fuzz-corpus

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache .hypothesis
