# disease-profiles — `make run` and `make test` do all set-up on a fresh machine.
PYTHON      ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
SHARED      ?= ../shared
LEXICONS    ?= $(SHARED)/data/lexicons
DEV         ?= $(SHARED)/data/articles/dev
MEDQUAD     ?= $(SHARED)/data/medquad
OUT         ?= output
BENCH_N     ?= 500

.PHONY: install run test test-all eval vocab schema medquad bench clean help

help:
	@echo "make run      create .venv, install pinned deps, extract raw/ into output/"
	@echo "make test     fast test suite (make test-all adds the slow end-to-end runs)"
	@echo "make eval     per-field precision/recall on the OMS gold and the dev articles"
	@echo "make vocab    recompile vocab/ from LEXICONS=$(LEXICONS)"
	@echo "make bench    words/s and peak memory over $(BENCH_N) MedQuAD documents"

install: $(VENV)/.installed

# Real file target: reinstall only when the pins or the package metadata change.
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

run: install
	$(PY) -m pipeline extract raw --out $(OUT)

test: install
	$(PY) -m pytest -q -m "not slow"

test-all: install
	$(PY) -m pytest -q

eval: install
	$(PY) -m pipeline.evaluation.score --gold gold --dev $(DEV)

# The committed vocabulary is rebuilt only when its inputs change.
vocab: vocab/terms.tsv.gz
vocab/terms.tsv.gz: pipeline/vocab/compile.py pipeline/vocab/normalize.py vocab/overlay.tsv vocab/stoplist.txt
	$(PY) -m pipeline.vocab.compile --lexicons $(LEXICONS) --out vocab

schema: schemas/disease_profile.schema.json
schemas/disease_profile.schema.json: schemas/profile.py
	$(PY) -m pipeline.export.schema

medquad: data/medquad-$(BENCH_N).jsonl
data/medquad-$(BENCH_N).jsonl:
	mkdir -p data
	$(PY) -m pipeline.evaluation.medquad --medquad $(MEDQUAD) --out $@ --limit $(BENCH_N) --seed 0

data/medquad-all.jsonl:
	mkdir -p data
	$(PY) -m pipeline.evaluation.medquad --medquad $(MEDQUAD) --out $@

bench: install data/medquad-$(BENCH_N).jsonl
	$(PY) -m pipeline.evaluation.bench data/medquad-$(BENCH_N).jsonl

clean:
	rm -rf $(OUT)/profiles $(OUT)/texts $(OUT)/*.jsonl $(OUT)/*.csv $(OUT)/*.json
