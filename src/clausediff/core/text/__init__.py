"""Text rules: normalisation for comparison, Markdown emphasis, segmentation into clauses.

May import :mod:`clausediff.core.model` and :mod:`clausediff.core.errors` only.
"""
