# socialnorms: make demo | make test | make bench
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml))
STAMP := $(VENV)/.installed
EXAMPLE := examples/acme.jsonl

.PHONY: demo test bench venv clean

venv: $(STAMP)

# The venv is rebuilt when the core's or any plugin's pyproject.toml changes.
$(STAMP): pyproject.toml $(addsuffix /pyproject.toml,$(PLUGIN_DIRS))
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-e '.[test,fast]' $(addprefix -e ,$(PLUGIN_DIRS))
	touch $(STAMP)

# Check the bundled example; findings are expected, so exit status 1 is success here.
demo: $(STAMP)
	$(BIN)/socialnorms check $(EXAMPLE); status=$$?; test $$status -le 1

test: $(STAMP)
	$(BIN)/python -m pytest tests $(addsuffix /tests,$(PLUGIN_DIRS))

# End-to-end timings at 100k and 1M actions (files are generated once into .bench/).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .bench
