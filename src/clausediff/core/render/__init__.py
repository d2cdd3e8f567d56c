"""Outputs: the palette (every colour), the wording (every sentence said about a link), the
redline runs, one HTML renderer for screen, export and print, the exports (HTML, Word,
CSV) and the JSON the commands print. The top of the core: may import all of it.
"""
