# newsdigest: `make build` sets up .venv, ingests seeds/ and builds output/; `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SITEURL ?= http://localhost:8000/
PORT ?= 8000

.PHONY: build test serve publish check clean distclean

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "newsdigest needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/newsdigest build --site-url $(SITEURL)

test: $(STAMP)
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/newsdigest serve --port $(PORT)

publish: $(STAMP)
	$(BIN)/newsdigest build --site-url $(SITEURL) --settings publishconf.py

# `make bench N=5000`: newsdigest against stock Pelican on N synthetic seeds (bench/run.py; figures in bench/RESULTS.md).
N ?= 1000
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python bench/run.py --n $(N)

# `make pathological`: the parser's time on hostile shapes of seed (bench/pathological.py; figures in bench/RESULTS.md).
.PHONY: pathological
pathological: $(STAMP)
	$(BIN)/python bench/pathological.py

clean:
	rm -rf output .output-build-* .output-old-* .output.newsdigest .newsdigest-trash-* .newsdigest-cache .pytest_cache .hypothesis test-artifacts

distclean: clean
	rm -rf $(VENV) *.egg-info
