"""Fuzzing the readers: whatever the bytes, only the project's own error type comes out."""

from __future__ import annotations

import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clausediff.core.errors import ClauseDiffError
from clausediff.core.read.docx import read_docx
from clausediff.core.read.files import document_from_bytes, load_file
from clausediff.core.read.html import read_html
from support.hostile import W_NS, docx_package

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_our_error(call) -> None:  # type: ignore[no-untyped-def]
    try:
        call()
    except ClauseDiffError as exc:
        assert str(exc)  # a message for the user
        assert "Traceback" not in str(exc)


@FUZZ
@given(st.binary(max_size=4000))
def test_text_reader_on_any_bytes(data: bytes) -> None:
    _only_our_error(lambda: document_from_bytes(data, name="draft.txt"))


@FUZZ
@given(st.binary(max_size=4000))
def test_docx_reader_on_any_bytes(data: bytes) -> None:
    _only_our_error(lambda: read_docx(data))
    _only_our_error(lambda: read_docx(b"PK\x03\x04" + data))


_XML_BITS = st.sampled_from(
    [
        "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "text ", "<w:ins>", "</w:ins>",
        "<w:del>", "</w:del>", "<w:delText>x</w:delText>", "<w:tab/>", "<w:br/>", "&amp;",
        "&lt;", "<w:numPr><w:numId w:val='3'/><w:ilvl w:val='9'/></w:numPr>", "<w:pPr>",
        "</w:pPr>", "<w:rPr><w:i/></w:rPr>", "<!-- c -->", "<![CDATA[x]]>", "<", ">", "&",
        "<!DOCTYPE x>", "<?pi x?>", "\u202e", "\U0001f30d", "\x00",
    ]
)  # fmt: skip


@FUZZ
@given(st.lists(_XML_BITS, max_size=40), st.booleans())
def test_docx_reader_on_mangled_document_xml(bits: list[str], wrap: bool) -> None:
    inner = "".join(bits)
    xml = f"<w:document {W_NS}><w:body>{inner}</w:body></w:document>" if wrap else inner
    data = docx_package(xml.encode("utf-8", "surrogatepass"))
    _only_our_error(lambda: read_docx(data))


@FUZZ
@given(st.text(max_size=2000))
def test_html_reader_on_any_text(text: str) -> None:
    _only_our_error(lambda: read_html(text))
    _only_our_error(lambda: read_html("<html><body><main>" + text))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".docx", ".html", ""]))
def test_load_file_on_any_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"draft{suffix}"
    path.write_bytes(data)
    _only_our_error(lambda: load_file(path))


def test_a_zip_that_is_not_word_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("image.png", b"\x89PNG")
    try:
        load_file(path)
    except ClauseDiffError as exc:
        assert "not a Word document" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a zip without word/document.xml was read")
