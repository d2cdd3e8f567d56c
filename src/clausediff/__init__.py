"""ClauseDiff: see how the wording of a ministerial decision changed, clause by clause."""

__version__ = "0.1.0"
