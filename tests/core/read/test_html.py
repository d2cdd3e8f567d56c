"""Importing a saved web page: the main text only, navigation dropped, nothing fetched."""

from __future__ import annotations

import html
import socket
import threading
import time
from pathlib import Path

from clausediff.core.model import ClauseKind, EmphasisStyle
from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.files import load_file
from support.official import HEADER_LEFT, HEADER_RIGHT, ORIGINAL, SESSION, decision_paragraphs


def _page(port: int) -> str:
    paragraphs = []
    for text in decision_paragraphs():
        body = html.escape(text).replace("inter alia", "<em>inter alia</em>")
        paragraphs.append(f"<p>{body}</p>")
    header = "".join(
        f"<p>{html.escape(x)}</p>" for x in [*HEADER_LEFT, *HEADER_RIGHT, *SESSION, ORIGINAL]
    )
    return f"""<!DOCTYPE html><html><head><title>WTO | documents</title>
<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">
<script src="http://127.0.0.1:{port}/app.js"></script>
<style>body {{ background: url(http://127.0.0.1:{port}/bg.png) }}</style></head>
<body><header><a href="/">Home</a> | <a href="/trade">Trade topics</a></header>
<nav><ul><li>Documents</li><li>Ministerial conferences</li></ul></nav>
<main><img src="http://127.0.0.1:{port}/logo.png" alt="WTO logo">
{header}{"".join(paragraphs)}</main>
<aside>Related news: a link to another page</aside>
<footer>© World Trade Organization · Contact us</footer>
<iframe src="http://127.0.0.1:{port}/frame"></iframe>
<script>fetch("http://127.0.0.1:{port}/beacon")</script></body></html>"""


def test_a_saved_wto_page_gives_the_decision_and_fetches_nothing(tmp_path: Path) -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    port = server.getsockname()[1]
    hits: list[object] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            hits.append(conn)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        path = tmp_path / "WT-MIN-13-32.html"
        path.write_text(_page(port), encoding="utf-8")
        doc = load_file(path)
        fetched = len(hits)
        # the listener is live: a probe of our own is recorded
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
        deadline = time.monotonic() + 5
        while len(hits) == fetched and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join(2)
        server.close()
    assert fetched == 0
    assert len(hits) == 1, "the listener did not record the probe"
    bundled = load_bundled("WT/MIN(13)/32")
    operative = [c.text for c in doc.clauses if c.kind is ClauseKind.OPERATIVE]
    assert operative == [c.text for c in bundled.clauses if c.kind is ClauseKind.OPERATIVE]
    assert doc.info.symbols == ("WT/MIN(13)/32", "WT/L/907") and doc.info.date == "2013-12-07"
    assert doc.info.format == "html"
    everything = " ".join(c.text for c in doc.clauses)
    for chrome in ("Home", "Trade topics", "Ministerial conferences", "Related news",
                   "Contact us", "fetch(", "background"):  # fmt: skip
        assert chrome not in everything
    clause = next(c for c in doc.clauses if "inter alia" in c.text)
    (emphasis,) = clause.emphasis
    assert clause.text[emphasis.span.start : emphasis.span.end] == "inter alia"
    assert emphasis.style is EmphasisStyle.ITALIC
