"""Training and evaluation of the biomedical NER model (issue 4): corpora readers, vectors, evaluation."""
