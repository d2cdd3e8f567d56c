"""From the laid-out text of PDF pages to clean paragraphs: page furniture out, broken words
and symbols rejoined, paragraph breaks kept."""

from __future__ import annotations

from clausediff.core.read.pdf import assemble


def _page(lines: list[str], *, header: str | None, number: int) -> str:
    """A page as pypdf lays it out: a running header, the lines ("" is a blank line where
    the page leaves space), a centred page number."""
    out = []
    if header:
        out += [" " * 50 + header, ""]
    out += lines
    out += ["", " " * 30 + f"- {number} -"]
    return "\n".join(out)


def test_running_headers_page_numbers_hyphens_and_symbols() -> None:
    page1 = [
        "1. Members shall continue their current practice of not imposing",
        "customs duties on elec-",
        "tronic transmissions, as set out in WT/L/",
        "274.",
        "",
        "2. The General Council shall review the e-",
        "commerce work programme, including its",
    ]
    page2 = [
        "reports, and decide on any further steps.",
        "",
        "3. The Council for Trade in Goods shall examine the ques-",
        "tions raised by the non-",
        "discrimination of imports.",
    ]
    text = assemble(
        [_page(page1, header="WT/L/1234", number=1), _page(page2, header="WT/L/1234", number=2)]
    )
    assert text.split("\n\n") == [
        "1. Members shall continue their current practice of not imposing customs duties on "
        "electronic transmissions, as set out in WT/L/274.",
        "2. The General Council shall review the e-commerce work programme, including its "
        "reports, and decide on any further steps.",
        "3. The Council for Trade in Goods shall examine the questions raised by the "
        "non-discrimination of imports.\n",
    ]


def test_a_hyphen_found_elsewhere_stays_and_a_word_found_whole_is_rejoined() -> None:
    lines = [
        "Members discussed least-developed countries and the least-",
        "developed among them, and the framework of the frame-",
        "work.",
    ]
    assert assemble([_page(lines, header=None, number=1)]).strip() == (
        "Members discussed least-developed countries and the least-developed among them, "
        "and the framework of the framework."
    )


def test_the_header_block_stays_one_line_to_a_paragraph() -> None:
    page = "\n".join(
        [
            "WORLD TRADE                                        WT/L/907",
            "ORGANIZATION                                       11 December 2013",
            "                                                   (13-6733)",
            "",
            "                                                   Original: English",
            "",
            "WORK PROGRAMME ON ELECTRONIC COMMERCE",
            "",
            "The Ministerial Conference,",
        ]
    )
    paragraphs = assemble([page]).strip().split("\n\n")
    assert paragraphs == [
        "WORLD TRADE", "WT/L/907", "ORGANIZATION", "11 December 2013", "(13-6733)",
        "Original: English", "WORK PROGRAMME ON ELECTRONIC COMMERCE",
        "The Ministerial Conference,",
    ]  # fmt: skip


def test_a_page_spaced_out_throughout_keeps_its_paragraphs() -> None:
    lines = ["Members shall notify", "", "the Committee of", "", "every measure.", "", "",
             "The Council shall", "", "review the notifications", "", "at each of its",
             "", "meetings."]  # fmt: skip
    assert assemble([_page(lines, header=None, number=1)]).strip().split("\n\n") == [
        "Members shall notify the Committee of every measure.",
        "The Council shall review the notifications at each of its meetings.",
    ]


def test_ligatures_and_tabs_from_pdf_fonts() -> None:
    page = "the\tprotection\tof\tconﬁdential\tdata,\tﬂows"
    assert assemble([page]).strip() == "the protection of confidential data, flows"
