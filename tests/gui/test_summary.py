"""The Summary tab, the flag chips, the change list's flag filter and F7 through flagged
changes, on the bundled 2011 → 2013 comparison."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl

from clausediff.core.compare.flags import alignment_flags
from clausediff.core.compare.lineage import build_lineage
from clausediff.core.read.bundled import load_bundled
from clausediff.core.render.brief import build_brief
from clausediff.core.render.export import export_html
from clausediff.gui.main_window import COMPARE_TAB, SUMMARY_TAB, MainWindow
from clausediff.gui.models import FlagsRole
from clausediff.gui.printing import export_pdf


def _recital_link(win: MainWindow) -> int:
    al = win.compare_alignment
    assert al is not None
    return next(n for n, lk in enumerate(al.links) if al.lead_text(lk).startswith("Recalling"))


def test_the_summary_tab_shows_the_brief(window: MainWindow) -> None:
    page = window.summary_page
    assert window.tabs.tabText(SUMMARY_TAB) == "Summary"
    text = page.view.toPlainText()
    assert "Brief: 2011 Decision → 2013 Bali Decision" in text
    assert "WT/L/843, 2011-12-17, excerpt" in text
    assert "The session changed from “Seventh” to “Eighth”" in text
    # gravest first: every high flag of the brief before its first medium one (the
    # lineage's series of three versions follows the brief, in the same order of its own)
    text = text.split("Since the first draft:")[0]
    assert text.index("▲ high") < text.index("● medium")
    assert text.rindex("▲ high") < text.index("● medium")


def test_a_click_on_a_flagged_change_goes_to_its_row(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(SUMMARY_TAB)
    n = _recital_link(window)
    assert f'href="#link-{n}"' in window.summary_page.html
    window.summary_page.view.anchorClicked.emit(QUrl(f"#link-{n}"))
    assert window.tabs.currentIndex() == COMPARE_TAB
    page = window.compare_page
    assert page.model.link_number(page.current_row()) == n


def test_rows_carry_flag_chips_in_words(window: MainWindow) -> None:
    model = window.compare_page.model
    row = model.row_of_link(_recital_link(window))
    index = model.index(row)
    flags = model.data(index, FlagsRole)
    assert {f.category.value for f in flags} >= {"time", "reference"}
    assert model.row_info(row).flags == flags
    spoken = model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    assert "flag, high time: The session changed from “Seventh” to “Eighth”" in spoken
    changes = window.changes_dock.model
    line = changes.data(changes.index(changes.row_of_link(_recital_link(window))))
    assert "⚑ ▲ time  ▲ reference" in line


def test_the_change_list_filters_by_flag_and_severity(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    bar, changes = window.flag_filter, window.changes_dock.model
    every = changes.rowCount()
    bar.category.setCurrentIndex(bar.category.findData("reference"))
    assert [changes.link_number(r) for r in range(changes.rowCount())] == [_recital_link(window)]
    qtmodeltester.check(changes)
    bar.category.setCurrentIndex(bar.category.findData("any"))
    flagged = changes.rowCount()
    assert 0 < flagged < every
    bar.severity.setCurrentIndex(bar.severity.findData("high"))
    al = window.compare_alignment
    assert al is not None
    kinds = {al.links[changes.link_number(r)].kind.value for r in range(changes.rowCount())}
    assert kinds == {"modified", "split"}  # (the recital and the split paragraph)
    bar.category.setCurrentIndex(0)
    bar.severity.setCurrentIndex(0)
    assert changes.rowCount() == every


def test_f7_can_step_through_flagged_changes_only(window: MainWindow) -> None:
    page = window.compare_page
    flagged = page.model.flagged_rows()
    assert flagged and len(flagged) < len(page.model.changed_rows())
    window.actions_by_id["actionFlaggedOnly"].setChecked(True)
    page.select_row(0)
    seen = []
    for _ in range(len(flagged) + 1):
        window.next_change()
        seen.append(page.current_row())
    assert seen == [*flagged, flagged[0]]  # (wraps at the end)
    window.prev_change()
    assert page.current_row() == flagged[-1]
    window.actions_by_id["actionFlaggedOnly"].setChecked(False)
    page.select_row(0)
    window.next_change()
    assert page.current_row() == next(r for r in page.model.changed_rows() if r > 0)


def test_the_brief_is_the_first_page_of_the_pdf_and_fits_on_it(tmp_path: Path) -> None:
    from pypdf import PdfReader

    lineage = build_lineage([load_bundled("WT/L/843"), load_bundled("WT/L/907")])
    brief = build_brief(lineage.pairs[0], alignment_flags(lineage.pairs[0]))
    path = tmp_path / "bali.pdf"
    export_pdf(lineage, path, None, page_size="a4")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages]
    first, second = pages[0], pages[1]
    assert "Brief: 2011 Decision → 2013 Bali Decision" in first
    # every flagged change on the first page, and none of the clause table
    for item in brief.items:
        assert " ".join(item.flag.text.split())[:30] in first, item.flag.text
    assert "Clause by clause" not in first and "Brief:" not in second
    assert "Legend" in second


def test_the_brief_heads_the_html_export() -> None:
    lineage = build_lineage([load_bundled("WT/L/843"), load_bundled("WT/L/907")])
    page = export_html(lineage)
    assert page.index("Brief: 2011 Decision → 2013 Bali Decision") < page.index("Clause by clause")
    assert "page-break-after:always" in page
    assert "The session changed from “Seventh” to “Eighth”" in page


def test_the_change_list_filters_bracket_events_of_two_drafts(
    qtbot, settings, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    from clausediff.core.compare.flag_rules import Category
    from clausediff.core.read.files import load_file

    drafts = Path(__file__).parents[1] / "data" / "drafts"
    win = MainWindow(settings, synchronous=True)
    win.messages.suppress = True
    qtbot.addWidget(win)
    win.set_versions([load_file(drafts / "JOB-GC-318-Rev.1.txt"),
                      load_file(drafts / "JOB-GC-318-Rev.2.txt")])  # fmt: skip
    bar, changes = win.flag_filter, win.changes_dock.model
    assert bar.category.findData("bracket") >= 0
    bar.category.setCurrentIndex(bar.category.findData("bracket"))
    qtmodeltester.check(changes)
    al = win.compare_alignment
    assert al is not None
    links = [al.links[changes.link_number(r)] for r in range(changes.rowCount())]
    shown = [al.right.labels(lk.right) if lk.right else al.left.labels(lk.left) for lk in links]
    # every link with a bracket event (¶4 dropped, old ¶5 now ¶4), and no other
    assert shown == ["recital 2", "¶1", "¶2", "¶3", "¶4", "¶4", "¶5"]
    flags = win.compare_page.model.annotations.flags
    for r in range(changes.rowCount()):
        assert any(f.category is Category.BRACKET for f in flags[changes.link_number(r)])
    bar.severity.setCurrentIndex(bar.severity.findData("high"))
    assert [al.right.labels(al.links[changes.link_number(r)].right)
            for r in range(changes.rowCount())] == ["¶2"]  # fmt: skip
    assert win.tabs.tabText(SUMMARY_TAB) == "Summary"
    text = win.summary_page.view.toPlainText()
    assert "3 brackets lifted, 3 alternatives settled, 1 bracketed passage dropped" in text
    win.close()
