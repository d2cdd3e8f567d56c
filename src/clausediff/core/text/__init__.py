"""Text rules: normalisation for comparison, Markdown emphasis, and segmentation into
clauses (``segment`` assembles them from ``blocks``: paragraphs cut into pieces at labels,
gaps, run-in headings and decoration; ``labels``; ``kinds``: what each piece is;
``sentences``; ``titles`` and ``words``: measures of a line).

May import :mod:`clausediff.core.model` and :mod:`clausediff.core.errors` only.
"""
