"""Reading saved web pages: the main text, without navigation, fetching nothing.

Contract: :func:`read_html` takes the decoded text of an HTML file and returns an
:class:`Extracted`. It uses the standard library's ``html.parser``, which builds no document
and loads nothing: images, scripts, style sheets and frames the page refers to are never
fetched, and script and style contents are dropped. The main text is that of ``<main>``, else
of ``<article>``, else of the element whose id or class names the content ("content",
"main", "centerCol"), else of ``<body>``; navigation, headers, footers, asides, forms and
menus inside it are dropped. Block elements end paragraphs; ``<br>`` is a space; ``<i>`` and
``<em>`` are italics, ``<b>`` and ``<strong>`` bold.

Paragraphs are counted as the page is parsed (those with text only): a page of more than
``ReadLimits.max_clauses`` of them is refused as soon as the parser reaches the excess,
before the rest is parsed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from clausediff.core.errors import UnreadableFileError
from clausediff.core.model import EmphasisStyle
from clausediff.core.read.extracted import Extracted
from clausediff.core.read.textio import DEFAULT_LIMITS, ReadLimits, too_many_paragraphs

_SKIP = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head",
         "nav", "header", "footer", "aside", "form", "button", "select", "textarea", "menu",
         "title"}  # fmt: skip
_BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "blockquote", "section", "article", "main", "dd", "dt", "dl", "pre", "td", "th",
          "body", "html", "center", "address", "figure", "figcaption", "hr"}  # fmt: skip
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed",
         "source", "track", "wbr", "param"}  # fmt: skip
_CONTENT_RE = re.compile(r"(^|[\s_-])(content|main|maincontent|centercol|article)($|[\s_-])", re.I)
MAX_DEPTH = 512


#: Elements that open a paragraph, counted in the markup of a page refused for its size.
_BLOCK_TAG_RE = re.compile(
    r"<(?:p|div|li|h[1-6]|tr|td|th|dd|dt|blockquote|pre|section|article|address)[\s/>]", re.I
)


class _TooManyParagraphs(Exception):
    """The page has more paragraphs than a document may have clauses."""


class _Collector(HTMLParser):
    def __init__(self, max_paragraphs: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_paragraphs = max_paragraphs
        self.with_text = 0  # (paragraphs closed that hold more than white space)
        self.stack: list[str] = []
        self.skip = 0
        self.italic = 0
        self.bold = 0
        self.paragraphs: list[list[tuple[str, bool, bool]]] = [[]]
        # for each candidate container: (kind rank, start paragraph, end paragraph)
        self.marks: dict[int, list[int]] = {}
        self.containers: list[tuple[int, int]] = []  # (rank, depth) open
        self.found: list[tuple[int, int, int]] = []

    def _break(self) -> None:
        last = self.paragraphs[-1]
        if last:
            if any(t.strip() for t, _, _ in last):
                self.with_text += 1
                if self.with_text > self.max_paragraphs:
                    raise _TooManyParagraphs
            self.paragraphs.append([])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self.skip:
                self.paragraphs[-1].append((" ", False, False))
            elif tag == "hr":
                self._break()
            return
        if len(self.stack) >= MAX_DEPTH:
            return
        self.stack.append(tag)
        if self.skip or tag in _SKIP:
            self.skip += 1
            return
        rank = 0
        if tag == "main":
            rank = 3
        elif tag == "article":
            rank = 2
        else:
            names = " ".join(v or "" for k, v in attrs if k in ("id", "class", "role"))
            if _CONTENT_RE.search(names) or ("role", "main") in attrs:
                rank = 1
        if rank:
            self._break()
            self.containers.append((rank, len(self.stack)))
            self.marks[len(self.stack)] = [rank, len(self.paragraphs) - 1]
        if tag in _BLOCK:
            self._break()
        if tag in ("i", "em", "cite", "var"):
            self.italic += 1
        if tag in ("b", "strong"):
            self.bold += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            depth = len(self.stack) + 1
            if self.skip:
                self.skip -= 1
            else:
                if open_tag in _BLOCK:
                    self._break()
                if open_tag in ("i", "em", "cite", "var"):
                    self.italic = max(0, self.italic - 1)
                if open_tag in ("b", "strong"):
                    self.bold = max(0, self.bold - 1)
                mark = self.marks.pop(depth, None)
                if mark is not None:
                    self._break()
                    self.found.append((mark[0], mark[1], len(self.paragraphs) - 1))
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.paragraphs[-1].append((data, self.italic > 0, self.bold > 0))


def read_html(
    text: str, *, encoding: str = "utf-8", limits: ReadLimits = DEFAULT_LIMITS
) -> Extracted:
    """The main text of an HTML page; see the module contract."""
    parser = _Collector(limits.max_clauses)
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser on broken markup
        raise UnreadableFileError(f"The web page could not be read ({exc}).") from None
    except _TooManyParagraphs:  # (the rest is left unparsed; its elements are counted)
        opened = len(_BLOCK_TAG_RE.findall(text))
        count, found = f"more than {limits.max_clauses:,}", f"{opened:,} elements such as <p>"
        raise UnreadableFileError(
            too_many_paragraphs("The web page", count, limits, found)
        ) from None
    paragraphs = parser.paragraphs
    start, end = 0, len(paragraphs)
    best = None
    for rank, a, b in parser.found:
        size = sum(len(t) for para in paragraphs[a:b] for t, _, _ in para)
        key = (rank, size)
        if size and (best is None or key > best[0]):
            best = (key, a, b)
    if best is not None:
        start, end = best[1], best[2]
    out: list[str] = []
    emphasis: list[tuple[int, int, EmphasisStyle]] = []
    length = 0
    for para in paragraphs[start:end]:
        pieces: list[tuple[str, bool, bool]] = []
        for data, italic, bold in para:
            cleaned = re.sub(r"\s+", " ", data)
            pieces.append((cleaned, italic, bold))
        joined = "".join(p for p, _, _ in pieces)
        lead = len(joined) - len(joined.lstrip())
        joined_stripped = joined.strip()
        if not joined_stripped:
            continue
        if out:
            out.append("\n\n")
            length += 2
        base = length - lead
        pos = 0
        for piece, italic, bold in pieces:
            a, b = base + pos, base + pos + len(piece)
            pos += len(piece)
            a, b = max(a, length), min(b, length + len(joined_stripped))
            if a < b and italic:
                emphasis.append((a, b, EmphasisStyle.ITALIC))
            if a < b and bold:
                emphasis.append((a, b, EmphasisStyle.BOLD))
        out.append(joined_stripped)
        length += len(joined_stripped)
    result = "".join(out)
    if not result.strip():
        raise UnreadableFileError("The web page holds no text to compare.")
    return Extracted(text=result + "\n", format="html", emphasis=tuple(emphasis), encoding=encoding)
