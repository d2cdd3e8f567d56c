"""Hostile and broken files, built by the tests themselves."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from clausediff.core.read.files import MAX_FILE_BYTES

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_package(document_xml: str | bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
        for name, content in (extra or {}).items():
            z.writestr(name, content)
    return buf.getvalue()


def billion_laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{k} "{"&lol%s;" % ("" if k == 1 else k - 1) * 10}">' for k in range(1, 10)
    ]
    return docx_package(
        '<?xml version="1.0"?><!DOCTYPE w:document [' + "".join(entities) + "]>"
        f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )


def external_entity(secret: Path) -> bytes:
    return docx_package(
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )


def zip_bomb(unpacked: int = 300 * 1024 * 1024) -> bytes:
    """A .docx whose document.xml inflates to ``unpacked`` bytes (a few hundred KB packed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * (1024 * 1024)
            for _ in range(unpacked // len(chunk)):
                fh.write(chunk)
    return buf.getvalue()


def encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", owner_password="owner")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def small_pdf_bytes() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


SECRET = "TOP-SECRET-NEGOTIATING-POSITION-4711"


def hostile_cases(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name: (file, words the message must contain)."""
    cases: dict[str, tuple[bytes | None, str, str]] = {
        "empty": (b"", "empty.txt", "empty"),
        "whitespace only": (b" \n\t\n  ", "blank.txt", "empty"),
        "binary junk": (bytes(range(1, 32)) * 200 + b"\xff\xfe\x00", "junk.txt", "NUL"),
        "control characters": (b"Members\x01\x02\x03\x04 shall\x05\x06" * 50, "ctl.txt", "binary"),
        "NUL bytes": (b"Members shall\x00 notify", "nul.txt", "NUL"),
        "5 MB line": (b"x" * (5 * 1024 * 1024), "line.txt", "line of 5,242,880"),
        "truncated PDF": (small_pdf_bytes()[:60], "cut.pdf", "damaged or not a PDF"),
        "corrupt PDF": (b"%PDF-1.7\n" + bytes(range(256)) * 40, "junk.pdf", "damaged or not a PDF"),
        "docx not a zip": (b"this is not a zip file at all", "fake.docx", "not a Word document"),
        "broken zip": (b"PK\x03\x04" + b"\x00" * 100, "broken.docx", "damaged"),
        "zip bomb": (zip_bomb(), "bomb.docx", "zip bomb"),
        "billion laughs": (billion_laughs(), "laughs.docx", "refused as unsafe"),
        "legacy .doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old.doc", "Save As"),
        "HTML without text": (b"<html><script>alert(1)</script></html>", "page.html", "no text"),
    }
    out = {}
    for name, (data, file, words) in cases.items():
        path = tmp / file
        path.write_bytes(data or b"")
        out[name] = (path, words)
    secret = tmp / "secret.txt"
    secret.write_text(SECRET)
    xxe = tmp / "xxe.docx"
    xxe.write_bytes(external_entity(secret))
    out["external entity"] = (xxe, "refused as unsafe")
    out["encrypted PDF"] = (encrypted_pdf(tmp / "locked.pdf"), "encrypted")
    big = tmp / "huge.pdf"
    with big.open("wb") as fh:  # sparse: no disk is used
        fh.write(b"%PDF-1.7\n")
        fh.truncate(MAX_FILE_BYTES + 1)
    out["above the size limit"] = (big, "at most 50 MB")
    return out
