"""The comparison pipeline: align → word diff → sentence provenance → lineage.

``links`` holds the values it produces (no algorithm); ``config`` the rules of each stage;
``units``, ``chains``, ``beads``, ``moves`` and ``gaps`` are the stages of ``align``;
``lcs`` bounds long comparisons. May import :mod:`clausediff.core.text` and the values.
"""
