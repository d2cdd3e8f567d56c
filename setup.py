"""Finds the packages: every package under src/, and the bundled texts of the top-level
resources/ folder as ``clausediff.resources`` (mapped by ``package-dir`` in pyproject.toml).
Everything else about the build is in pyproject.toml."""

from setuptools import find_packages, setup

setup(packages=[*find_packages("src", include=["clausediff*"]), "clausediff.resources"])
