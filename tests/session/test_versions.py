"""Versions on offer and the preferred text of a symbol."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from clausediff.core.errors import UnknownVersionError
from clausediff.core.read.bundled import bundled_entries, load_bundled
from clausediff.core.read.files import document_from_text
from clausediff.core.store.library import Library
from clausediff.session import versions


def test_the_window_opens_on_2011_against_2013_and_checks_the_lineage() -> None:
    offer = versions.on_offer(None)
    assert len(offer.documents) == len(bundled_entries()) and not offer.problem
    left, right = versions.default_pair(offer.documents)
    assert offer.documents[left].info.symbol == "WT/L/843"
    assert "WT/MIN(13)/32" in offer.documents[right].info.symbols
    checked = {offer.documents[n].info.symbols[0] for n in offer.checked}
    assert checked == {"WT/MIN(98)/DEC/2", "WT/L/843", "WT/MIN(13)/32"}


def test_a_complete_text_is_preferred_to_the_bundled_excerpt() -> None:
    excerpt = load_bundled("WT/L/843")
    assert not excerpt.is_complete
    text = excerpt.source.replace("[[GAP:", "[GONE:")
    complete = document_from_text(
        text, dataclasses.replace(excerpt.info, bundled=False, complete=True, sha256="")
    )
    docs = [excerpt, load_bundled("WT/L/907"), complete]
    assert versions.preferred(docs, "WT/L/843") == 2
    assert versions.preferred(docs[:2], "WT/L/843") == 0
    assert versions.preferred(docs, "WT/L/999") == -1


def test_names_resolve_to_files_symbols_and_bundled_texts(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("Decides:\n\n1. Members shall report.", encoding="utf-8")
    assert versions.resolve_version(str(path)).info.path == str(path)
    assert versions.resolve_version("bundled:WT/L/843").info.bundled
    library = Library(tmp_path / "lib.sqlite3")
    assert versions.resolve_version("WT/L/907", library).info.bundled
    with pytest.raises(UnknownVersionError, match="neither a file nor a decision"):
        versions.resolve_version("WT/L/0000", library)


def test_an_unusable_library_still_offers_the_bundled_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the library's folder should be", encoding="utf-8")
    monkeypatch.setenv("CLAUSEDIFF_LIBRARY", str(blocker / "library.sqlite3"))
    store, problem = versions.open_store()
    assert store is None
    assert "imports will not be kept" in problem and str(blocker) in problem
    offer = versions.on_offer(store)
    assert len(offer.documents) == len(bundled_entries()) and len(offer.checked) == 3


def test_titles_say_which_text_is_an_excerpt() -> None:
    assert versions.title(load_bundled("WT/L/843")).endswith("— excerpt")
    assert "excerpt" not in versions.title(load_bundled("WT/L/907"))
    assert versions.choice(load_bundled("WT/L/843")) == "2011 Decision · 2011-12-17"
