"""A name put in a one-line message stays one line and shows what it is."""

from __future__ import annotations

import pytest

from clausediff.core.errors import printable


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("draft 2013 – final é.docx", "draft 2013 – final é.docx"),
        ("a\nb.txt", "a\\nb.txt"),
        ("tab\there\r.pdf", "tab\\there\\r.pdf"),
        ("\x1b[31mred.txt", "\\x1b[31mred.txt"),
        ("txt.\u202eexe", "txt.\\u202eexe"),  # (a right-to-left override disguises a name)
        ("line\u2028sep", "line\\u2028sep"),
        ("bad\udcffbyte.txt", "bad\\udcffbyte.txt"),  # (a name that is not valid UTF-8)
        ("C:\\drafts\\a.txt", "C:\\drafts\\a.txt"),  # (backslashes are left alone)
    ],
)
def test_control_characters_are_shown_escaped(name: str, shown: str) -> None:
    assert printable(name) == shown
    assert printable(name).isprintable()
