"""The pure-Python core of ClauseDiff.

Contract: documents, segmentation, alignment, word diffs and lineage live here. Nothing in
this package imports Qt or touches the network; an import-linter contract and a test that
imports every module with PySide6 blocked keep it so. Rendering is always the caller's job:
the core returns frozen values with character offsets into the exact source text.
"""
