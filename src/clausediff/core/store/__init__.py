"""Storage: the SQLite helper, the user's library of imported texts, review files and the
placement of their notes on a comparison.

May import the comparison's values, the readers and the text layer; never the renderers.
"""
