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


def text_pdf(pages: list[list[str]]) -> bytes:
    """A valid PDF, written by hand, whose pages hold these lines of text (Helvetica)."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * k} 0 R" for k in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for k, lines in enumerate(pages):
        ops = ["BT /F1 10 Tf 12 TL 50 800 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * k} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _body(xml: str) -> bytes:
    return docx_package(f"<w:document {W_NS}><w:body>{xml}</w:body></w:document>")


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def nested_tables_docx(depth: int) -> bytes:
    """A Word file with a table in a table … ``depth`` deep (three XML levels each)."""
    return _body(
        "<w:tbl><w:tr><w:tc>" * depth
        + _para("Members shall notify.")
        + "</w:tc></w:tr></w:tbl>" * depth
    )


def nested_inline_docx(depth: int) -> bytes:
    """A Word file whose one run sits in ``depth`` nested hyperlinks."""
    return _body(
        "<w:p>"
        + "<w:hyperlink>" * depth
        + "<w:r><w:t>Members shall notify.</w:t></w:r>"
        + "</w:hyperlink>" * depth
        + "</w:p>"
    )


def one_paragraph_docx(megabytes: int) -> bytes:
    """A Word file whose document.xml is one paragraph of about ``megabytes`` MB of text."""
    sentence = "Members shall notify the Committee. "
    return _body(_para(sentence * (megabytes * 2**20 // len(sentence))))


def paragraphs_docx(n: int) -> bytes:
    """A Word file of ``n`` numbered paragraphs."""
    return _body("".join(_para(f"{k}. Members shall notify the Committee.") for k in range(n)))


def paragraphs_html(n: int) -> bytes:
    """A web page of ``n`` one-letter paragraphs (a million: 9 MB)."""
    return b"<html><body>" + b"<p>x</p>\n" * n + b"</body></html>"


def paragraphs_text(n: int) -> bytes:
    """A text of ``n`` numbered paragraphs (200,000: about 9 MB)."""
    return "\n\n".join(f"{k}. Members shall notify the Committee." for k in range(n)).encode()
