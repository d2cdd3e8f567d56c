"""Reading text files in the encodings negotiators' files come in."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from clausediff.core.errors import UnreadableFileError, UnsupportedFormatError
from clausediff.core.read.files import load_file
from clausediff.core.read.textio import decode_bytes

TEXT = "The Ministerial Conference,\n\nDecides:\n\nThat Members “shall” maintain the practice."


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    doc = load_file(path)
    assert doc.info.encoding == "utf-8-sig"
    assert doc.source == TEXT
    assert doc.clauses[-1].text == "That Members “shall” maintain the practice."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path = tmp_path / "v.txt"
    path.write_bytes(bom + TEXT.encode(codec))
    doc = load_file(path)
    assert doc.info.encoding == "utf-16"
    assert doc.source == TEXT


def test_windows_1252_with_curly_quotes(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    assert b"\x93shall\x94" in path.read_bytes()
    doc = load_file(path)
    assert doc.info.encoding == "cp1252"
    assert "“shall”" in doc.clauses[-1].text


def test_crlf_line_ends_are_kept_in_the_source(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    doc = load_file(path)
    assert "\r\n" in doc.source
    assert [c.kind.value for c in doc.clauses] == ["preamble", "introducer", "operative"]
    assert doc.clauses[-1].text == "That Members “shall” maintain the practice."


@pytest.mark.parametrize("data", [b"", b"   \n\n\t ", codecs.BOM_UTF8])
def test_empty_file_is_a_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError, match="empty"):
        load_file(path)


def test_binary_and_nul_bytes_are_refused() -> None:
    with pytest.raises(UnreadableFileError, match="NUL"):
        decode_bytes(b"Decides:\x00\x00\x01")
    with pytest.raises(UnreadableFileError):
        decode_bytes(bytes(range(1, 32)) * 50)


def test_unsupported_suffix_and_missing_file(tmp_path: Path) -> None:
    doc = tmp_path / "draft.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnsupportedFormatError, match=r"Save As > Word Document \(\.docx\)"):
        load_file(doc)
    with pytest.raises(UnreadableFileError, match="no file"):
        load_file(tmp_path / "missing.txt")
