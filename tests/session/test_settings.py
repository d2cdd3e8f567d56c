"""The settings schema: whatever a settings file holds, the window gets a value of the
declared type (a file edited by hand or by another version never breaks a start)."""

from __future__ import annotations

import math

import pytest

from clausediff.session import settings as keys


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, 11.0), ("13.5", 13.5), (14, 14.0), ("abc", 11.0), ("1e9", 28.0), ("-4", 7.0),
     (float("nan"), 11.0), ([1, 2], 11.0)],
)  # fmt: skip
def test_a_font_size_is_a_number_in_range(raw: object, expected: float) -> None:
    assert keys.read(keys.FONT_SIZE, raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(True, True), ("true", True), ("false", False), ("0", False), ("yes please", False),
     (None, False), (7, False)],
)  # fmt: skip
def test_a_flag_is_a_bool(raw: object, expected: bool) -> None:
    assert keys.read(keys.HIDE_UNCHANGED, raw) is expected


def test_a_choice_outside_the_list_reads_as_the_default() -> None:
    assert keys.read(keys.THEME, "dark") == "dark"
    assert keys.read(keys.THEME, "<script>") == "system"
    assert keys.read(keys.PAGE_SIZE, "letter") == "letter"
    assert keys.read(keys.PAGE_SIZE, 3) == "a4"


def test_recent_lists_keep_only_text_and_survive_a_single_string() -> None:
    assert keys.read(keys.RECENT_FILES, "/tmp/one.txt") == ("/tmp/one.txt",)
    assert keys.read(keys.RECENT_FILES, ["/a", 3, None, "", "/b"]) == ("/a", "/b")
    assert keys.read(keys.RECENT_FILES, {"not": "a list"}) == ()


def test_remembered_puts_the_newest_first_once_and_caps_the_list() -> None:
    recent: tuple[str, ...] = ()
    for n in range(12):
        recent = keys.remembered(recent, f"/f{n}")
    recent = keys.remembered(recent, "/f5")
    assert recent[0] == "/f5" and recent.count("/f5") == 1
    assert len(recent) == keys.MAX_RECENT


def test_every_setting_has_a_distinct_key_and_a_default_it_accepts() -> None:
    assert len({s.key for s in keys.SCHEMA}) == len(keys.SCHEMA)
    for setting in keys.SCHEMA:
        value = keys.read(setting, setting.default)
        assert value == setting.default or (
            isinstance(value, float) and math.isclose(value, float(setting.default))  # type: ignore[arg-type]
        ), setting.key
