# Two set-up commands for a fresh machine (Python >= 3.11 and pip):
#   make demo   creates .venv, installs claimcli, extracts claims from samples/
#   make test   creates .venv, installs claimcli with test tools and the dask extra, runs the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin


.PHONY: demo test install bench bench-hostile load fuzz screenshot clean

$(BIN)/claimcli: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask]"
	touch $(BIN)/claimcli

install: $(BIN)/claimcli

demo: install
	$(BIN)/claimcli extract samples/dam-1-northern-wire.txt --format table
	$(BIN)/claimcli extract samples/*.txt --format jsonl > samples-claims.jsonl
	@echo "wrote $$(wc -l < samples-claims.jsonl) claims from $$(ls samples/*.txt | wc -l) sample articles to samples-claims.jsonl" >&2

test: install
	$(BIN)/python -m pytest

fuzz: install  # the long fuzz run: every property test with FUZZ_EXAMPLES (default 20000) examples
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_properties.py -q -p no:cacheprovider --hypothesis-show-statistics

screenshot: install  # docs/report.png: the HTML report of the samples in headless chromium (the browser test)
	CLAIMCLI_UPDATE_SCREENSHOT=1 $(BIN)/python -m pytest tests/test_report.py -q -k headless_browser

bench: install
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_store.py

bench-hostile: install  # CPU time per MB of hostile text from 10 KB to 10 MB (about 15 minutes)
	$(BIN)/python benchmarks/bench_adversarial.py

load: install  # 8 concurrent ingest processes and 2 readers on one store for 60 s, then every article once
	$(BIN)/python benchmarks/load_store.py --seconds 60

clean:
	rm -rf $(VENV) samples-claims.jsonl .pytest_cache
