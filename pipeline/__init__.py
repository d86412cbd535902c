"""disease-profiles: health articles → validated, evidence-linked disease profiles."""

__version__ = "0.1.0"
