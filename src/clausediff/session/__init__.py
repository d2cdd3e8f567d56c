"""Use cases shared by the command line and the window, with no Qt.

Which versions are on offer and which text is preferred, the current comparison and what
it says of each link, reviewing (notes placed on links), finding, one export dispatch, and
the settings schema. May import :mod:`clausediff.core`; never Qt, never the window.
"""
