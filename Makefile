# socialnorms: make demo | make test | make docs | make bench | make bench-review | make bench-scale | make images
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml))
STAMP := $(VENV)/.installed
EXAMPLE := examples/acme.jsonl

.PHONY: demo test docs bench bench-review bench-scale venv clean images

venv: $(STAMP)

# The venv is rebuilt when the core's or any plugin's pyproject.toml changes.
$(STAMP): pyproject.toml $(addsuffix /pyproject.toml,$(PLUGIN_DIRS))
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-e '.[test]' $(addprefix -e ,$(PLUGIN_DIRS))
	touch $(STAMP)

# Check the bundled example; findings are expected, so exit status 1 is success here.
demo: $(STAMP)
	$(BIN)/socialnorms check $(EXAMPLE); status=$$?; test $$status -le 1

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(BIN)/python -m pytest tests $(addsuffix /tests,$(PLUGIN_DIRS))

# The documentation site, from docs/ into site/, offline; any warning fails the build.
DOCS_STAMP := $(VENV)/.installed-docs
$(DOCS_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[docs]'
	touch $(DOCS_STAMP)

docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

# End-to-end timings at 100k and 1M actions (files are generated once into .bench/).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# One process, --jobs 2 and a Dask LocalCluster of 2 workers on 200 subjects and 2M actions.
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py $(BENCH_ARGS)

# The Reviewer: review latency, memory and adds against a 100k-action history.
bench-review: $(STAMP)
	$(BIN)/python benchmarks/review.py $(BENCH_ARGS)

# Screenshots for the README: the HTML report of the example and the executed notebook.
# Needs Debian's chromium (apt-get install chromium).
CHROMIUM := chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
	--host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir=build/images/profile
images: $(DOCS_STAMP)
	mkdir -p build/images docs/images
	$(BIN)/socialnorms check $(EXAMPLE) --format html > build/images/report.html; test $$? -le 1
	$(BIN)/jupyter nbconvert --to html --execute docs/notebook.ipynb --output-dir build/images
	rm -f docs/acme-report.html
	$(CHROMIUM) --window-size=1000,2200 --screenshot=docs/images/report.png file://$(CURDIR)/build/images/report.html
	$(CHROMIUM) --window-size=1000,2200 --screenshot=docs/images/notebook.png file://$(CURDIR)/build/images/notebook.html

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .bench site
