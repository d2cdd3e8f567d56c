"""Data shipped with ClauseDiff: the bundled decision texts and their manifest.

This folder is installed as the package ``clausediff.resources``; read it with
:mod:`importlib.resources`, never by path.
"""
