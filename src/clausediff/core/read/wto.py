"""Recognising a WTO document: its symbols, date, body and title, and its header block.

Contract: :func:`split_header` takes the text of an imported document (paragraphs separated
by blank lines, as the readers produce it) and returns a :class:`Recognised` value: the
metadata found, the header lines that are metadata rather than clauses, and the offset where
the decision's own text begins. Nothing of the text after that offset is changed; the header
lines are kept, word for word, in the metadata.

A header block is the run of lines at the top of the first page that are WTO furniture:
"WORLD TRADE ORGANIZATION", "RESTRICTED", a document symbol, a date, a job number in
parentheses such as "(13-6733)", "Original: English", "Page: 1/1", and the body and session
lines ("Ministerial Conference", "Ninth Session", "Bali, 3-6 December 2013"). It ends at the
first line that is none of these: usually the title.

:func:`name_from_file` reads a symbol and a date from a file's name where the header gives
none: ``2015-12-19_WT-L-977.txt`` is WT/L/977 of 19 December 2015, ``WT_MIN(13)_32.pdf`` and
``WT-MIN-13-32.pdf`` are WT/MIN(13)/32. Only a name that is, after its date, a whole WTO
symbol (WT/, G/, S/, IP/, TN/, JOB/, INF/ …, as :data:`SYMBOL_RE` reads them) gives a symbol;
"minutes WT-L-977 draft.pdf" gives none.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

#: A WTO document symbol: WT/L/843, WT/MIN(13)/32, WT/MIN(98)/DEC/2, WT/GC/W/123/Rev.1, …
#: (a revision's "/Rev.1" is part of the symbol: :mod:`clausediff.core.text.revisions` reads it)
SYMBOL_RE = re.compile(
    r"\b(?:WT|G|S|IP|TN|JOB|INF)/[A-Z0-9]+(?:\(\d{2}\))?(?:/(?!(?:Rev|Add|Corr|Suppl)\.\d)[A-Za-z0-9]+)*"
    r"(?:/(?:Rev|Add|Corr|Suppl)\.\d+)*"
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
DATE_RE = re.compile(
    r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+(\d{4})\b",
    re.IGNORECASE,
)
_HEADER_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"world\s+trade(\s+organi[sz]ation)?",
        r"organi[sz]ation",
        r"organisation\s+mondiale\s+du\s+commerce|organizaci[oó]n\s+mundial\s+del\s+comercio",
        r"(restricted|limited|unrestricted)",
        r"\(\d{2}-\d{3,5}\)",  # job number
        r"original\s*:\s*\w+(\s*/\s*\w+)*",
        r"page\s*:?\s*\d+\s*(/|of)\s*\d+",
        r"-\s*\d+\s*-",
        r"ministerial\s+conference|general\s+council|council\s+for\s+trade\s+in\s+\w+"
        r"|committee\s+on\s+[\w ]+|dispute\s+settlement\s+body|trade\s+policy\s+review\s+body",
        r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
        r"twelfth|thirteenth|fourteenth|\d+(st|nd|rd|th))\s+session",
        r"[A-Z][\w .'-]+,\s*\d{1,2}(\s*[-–]\s*\d{1,2})?\s+[A-Za-z]+\s+\d{4}",  # Bali, 3-6 Dec…
    )
]
_BODY_RE = _HEADER_PATTERNS[8]
_SESSION_RE = _HEADER_PATTERNS[9]
_PLACE_RE = _HEADER_PATTERNS[10]
_DECISION_DATE_RE = re.compile(r"\b(?:decision|declaration)\s+of\s+(.+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Recognised:
    """What :func:`split_header` found."""

    symbols: tuple[str, ...] = ()
    date: str = ""
    body: str = ""
    title: str = ""
    header: tuple[str, ...] = ()
    body_start: int = 0


def iso_date(text: str) -> str:
    """The first '7 December 2013' in ``text`` as '2013-12-07', or ''."""
    m = DATE_RE.search(text)
    if not m:
        return ""
    day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    if not 1 <= day <= 31:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def _is_header_line(line: str) -> bool:
    text = line.strip()
    if not text:
        return True
    if SYMBOL_RE.fullmatch(text) or all(
        SYMBOL_RE.fullmatch(part.strip()) for part in re.split(r"[,;•·|]|\s{2,}", text) if part
    ):
        return True
    if DATE_RE.fullmatch(text):
        return True
    return any(p.fullmatch(text) for p in _HEADER_PATTERNS)


def split_header(text: str, *, max_lines: int = 40) -> Recognised:
    """Recognise the header block at the top of ``text``; see the module contract."""
    pos = 0
    header: list[str] = []
    symbols: list[str] = []
    date = ""
    body_parts: list[str] = []
    for _ in range(max_lines):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if not _is_header_line(line):
            break
        stripped = line.strip()
        if stripped:
            header.append(stripped)
            for s in SYMBOL_RE.findall(stripped):
                if s not in symbols and "/" in s:
                    symbols.append(s)
            if not date and DATE_RE.fullmatch(stripped):
                date = iso_date(stripped)
            if (
                _BODY_RE.fullmatch(stripped)
                or _SESSION_RE.fullmatch(stripped)
                or (_PLACE_RE.fullmatch(stripped) and body_parts)
            ):
                body_parts.append(stripped)
        if end >= len(text):
            pos = len(text)
            break
        pos = end + 1
    # a header block needs real WTO furniture, not just a short first line
    if not symbols and not any(
        re.fullmatch(r"world\s+trade(\s+organi[sz]ation)?", h, re.IGNORECASE) for h in header
    ):
        return Recognised(title=_title(text, 0), date=_decision_date(text, 0))
    while pos < len(text) and text[pos] in "\r\n \t":
        pos += 1
    decision_date = _decision_date(text, pos)
    return Recognised(
        symbols=tuple(symbols),
        date=decision_date or date,
        body=", ".join(body_parts),
        title=_title(text, pos),
        header=tuple(header),
        body_start=pos,
    )


def _title(text: str, start: int) -> str:
    """The first line after the header, if it reads as a title (short, no clause ending)."""
    end = text.find("\n", start)
    line = text[start : len(text) if end < 0 else end].strip()
    if line and len(line) <= 120 and not line.endswith((",", ";")):
        return line
    return ""


def _decision_date(text: str, start: int) -> str:
    """The date in a 'MINISTERIAL DECISION OF 7 DECEMBER 2013' line near the top."""
    for line in text[start : start + 600].splitlines()[:4]:
        m = _DECISION_DATE_RE.search(line.strip())
        if m:
            found = iso_date(m.group(1))
            if found:
                return found
    return ""


#: A date at the start of a file name: "2015-12-19_", "2015-12-19 ", "2015-12-19-".
_NAME_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[_ -]+|$)")
#: The session year of a Ministerial Conference or a JOB document written without its
#: parentheses, as file names have it: "WT/MIN/13/32" is WT/MIN(13)/32.
_SESSION_YEAR_RE = re.compile(r"^((?:WT/)?(?:MIN|JOB))/(\d{2})(?=/)")
#: The suffixes a file name may end with (others are part of the name: "Rev.1").
#: A symbol as a file name may spell it: capitals and digits, ending in a number
#: ("WT/L/977/final", "WT/GC/draft" and "WT/1" are not read as symbols).
_NAME_SYMBOL_RE = re.compile(
    r"(?:WT|G|S|IP|TN|JOB|INF)(?:\(\d{2}\))?(?:/[A-Z0-9]+(?:\(\d{2}\))?)*/[A-Z0-9]*\d"
    r"(?:/(?:Rev|Add|Corr|Suppl)\.\d+)*"
)
_NAME_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown")


def name_from_file(file_name: str) -> tuple[str, str]:
    """The WTO symbol and the ISO date a file's name gives, each "" where it gives none; see
    the module contract."""
    stem = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    if stem.lower().endswith(_NAME_SUFFIXES):
        stem = stem[: stem.rindex(".")]
    date = ""
    m = _NAME_DATE_RE.match(stem)
    if m:
        try:
            date = datetime.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            date = ""
        stem = stem[m.end() :] if date else stem
    candidate = re.sub(r"[-_]", "/", stem.strip())
    candidate = _SESSION_YEAR_RE.sub(r"\1(\2)", candidate)
    whole = _NAME_SYMBOL_RE.fullmatch(candidate) and (candidate.count("/") > 1 or "(" in candidate)
    return (candidate if whole else ""), date
