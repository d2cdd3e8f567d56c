"""The icon files the bundles need, made at build time from the shipped PNGs (no Qt, no Pillow).

    write_ico(pngs, out)   Windows: an .ico holding each PNG as it is (Vista and later)
    write_icns(pngs, out)  macOS: an .icns holding each PNG under its type code

``pngs`` maps a size in pixels to the PNG's bytes (resources/icons/clausediff-<size>.png).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from pathlib import Path

# .icns type codes whose data is a PNG of that many pixels a side
_ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def read_pngs(folder: Path) -> dict[int, bytes]:
    """The icon's PNGs in ``folder``, by size."""
    pngs = {}
    for path in folder.glob("clausediff-*.png"):
        pngs[int(path.stem.rsplit("-", 1)[1])] = path.read_bytes()
    return dict(sorted(pngs.items()))


def write_ico(pngs: Mapping[int, bytes], out: Path) -> Path:
    sizes = [s for s in pngs if s <= 256]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size == 256 else size  # (0 means 256 in an ICO directory entry)
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    out.write_bytes(header + entries + images)
    return out


def write_icns(pngs: Mapping[int, bytes], out: Path) -> Path:
    body = b"".join(
        code + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for size, code in _ICNS_TYPES.items()
        if size in pngs
    )
    out.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return out
