"""Export: one module per target; each module's docstring states how profile fields map to its output."""
