"""Drafts and revisions told from symbols and opening lines."""

from __future__ import annotations

from clausediff.core.text.revisions import Revision, revision_of


def test_revisions_from_symbols_titles_and_working_documents() -> None:
    assert revision_of(["WT/GC/W/123/Rev.2"]) == Revision("WT/GC/W/123", 2, True)
    assert revision_of(["WT/GC/W/123"]) == Revision("WT/GC/W/123", 0, True)
    assert revision_of(["JOB/GC/318"], ["Draft Decision"]) == Revision("JOB/GC/318", 0, True)
    assert revision_of(["JOB/GC/318"], ["Draft Decision", "Revision"]) == Revision(
        "JOB/GC/318", 1, True
    )
    assert revision_of([], ["Draft Ministerial Decision", "Revision 3"]) == Revision("", 3, True)
    assert revision_of(["WT/L/907"], ["WORK PROGRAMME ON ELECTRONIC COMMERCE"]) is None
    assert revision_of(["WT/MIN(13)/32"], ["Revision of the schedules"]) is None
