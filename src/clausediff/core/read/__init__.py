"""Reading: bytes and files (limits, sniffing, dispatch), the bundled texts, the importers
(PDF, Word, HTML) and WTO header recognition; each returns a segmented Document.

May import :mod:`clausediff.core.text` and the values below it; never the comparison.
"""
