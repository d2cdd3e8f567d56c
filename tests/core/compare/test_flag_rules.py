"""The flag rules file: the shipped one loads, a mistake is named, another file can be used."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausediff.core.compare import flag_rules
from clausediff.core.compare.flag_rules import (
    BRACKET_EVENTS,
    STRUCTURE_EVENTS,
    FlagRulesError,
    default_rules,
    parse_rules,
    shipped_rules_text,
)
from clausediff.core.compare.flags import flag_change
from clausediff.core.compare.worddiff import word_diff


def test_the_shipped_file_loads_with_every_structure_event() -> None:
    rules = default_rules()
    assert len(rules.rules) >= 10
    assert set(rules.structure) == set(STRUCTURE_EVENTS)
    assert set(rules.brackets) == set(BRACKET_EVENTS)
    lifted = rules.brackets["lifted"]
    assert (lifted.operative.value, lifted.elsewhere.value) == ("high", "medium")
    assert rules.brackets["changed_inside"].severity(operative=True).value == "low"


_STRUCTURE = "\n".join(
    f'{e} = {{ severity = "high", text = "{e} {{left}}" }}' for e in STRUCTURE_EVENTS
)
_BRACKETS = "\n".join(
    f'{e} = {{ operative = "high", elsewhere = "low", text = "{e} {{text}}" }}'
    for e in BRACKET_EVENTS
)
_SENTENCES = """[sentences]
changed = "{what} changed from {before} to {after}"
added = "{what} added: {after}"
removed = "{what} removed: {before}"
stronger = "{what} up"
weaker = "{what} down"
"""


def _file(rule: str) -> str:
    return (
        f"schema = 1\n{_SENTENCES}\n[[rule]]\n{rule}\n\n[structure]\n{_STRUCTURE}\n"
        f"\n[brackets]\n{_BRACKETS}\n"
    )


GOOD = 'id = "deadline"\ncategory = "time"\nseverity = "high"\nwhat = "the deadline"\n'


def test_a_small_file_of_ones_own_flags_its_words() -> None:
    rules = parse_rules(_file(GOOD + 'terms = ["sunset clause"]'))
    a, b = "subject to review", "subject to a sunset clause"
    (flag,) = flag_change(a, b, word_diff(a, b), rules)
    assert (flag.before, flag.after, flag.text) == (
        "",
        "sunset clause",
        "The deadline added: “sunset clause”",
    )


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (GOOD.replace('"time"', '"tiem"'), "rule 1 ('deadline'): unknown category 'tiem' (one of"),
        (GOOD.replace('"high"', '"urgent"'), "unknown severity 'urgent'"),
        (GOOD, "give 'terms' or 'patterns'"),
        (GOOD + "patterns = ['(unclosed']", "is not a valid regular expression"),
        (GOOD + "patterns = ['x*']", "matches empty text"),
        (GOOD + "patterns = ['(x)y', '(\\b\\w+) \\1\\b']", "refers back to a group"),
        (GOOD + "patterns = ['(?i)foo']", "sets flags inside it"),
        (GOOD + 'terms = ["a"]\ncolour = "red"', "unknown field 'colour'"),
        (GOOD + 'terms = ["a"]\nadded = "{whom} added"', "may only use {what}, {before}, {after}"),
        (GOOD + 'terms = ["shall"]\n[rule.strength]\n"must" = 5', "names 'must', which is not"),
        (GOOD + 'terms = ["a"]\nnear_chars = 0', "'near_chars' must be a whole number"),
        (GOOD.replace('"time"', '"structure"') + 'terms = ["a"]', "described in [structure]"),
        (GOOD.replace('"time"', '"bracket"') + 'terms = ["a"]', "described in [brackets]"),
    ],
)
def test_a_mistake_is_named_with_its_rule_and_field(rule: str, message: str) -> None:
    with pytest.raises(FlagRulesError, match=r"^my\.toml") as err:
        parse_rules(_file(rule), "my.toml")
    assert message in str(err.value)


def test_file_level_mistakes() -> None:
    with pytest.raises(FlagRulesError, match="not valid TOML"):
        parse_rules("schema = ", "x.toml")
    with pytest.raises(FlagRulesError, match="'schema' must be 1"):
        parse_rules(_file(GOOD + 'terms = ["a"]').replace("schema = 1", "schema = 2"))
    with pytest.raises(FlagRulesError, match="used twice"):
        text = _file(GOOD + 'terms = ["a"]')
        parse_rules(text.replace("[structure]", f'[[rule]]\n{GOOD}terms = ["b"]\n[structure]'))
    with pytest.raises(FlagRulesError, match="'operative_split' must be"):
        parse_rules(
            _file(GOOD + 'terms = ["a"]').replace("operative_split = {", "operative_split = {x=1,")
        )
    with pytest.raises(FlagRulesError, match="'added' is missing"):
        parse_rules(_file(GOOD + 'terms = ["a"]').replace('added = "{what} added: {after}"\n', ""))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.split("[brackets]")[0], "[brackets]: is missing or not a table"),
        (
            lambda t: t.replace('lifted = { operative = "high"', 'lifted = { operative = "top"'),
            "[brackets] lifted: unknown severity 'top' for 'operative' (one of high, medium, low)",
        ),
        (
            lambda t: t.replace("\ndropped = {", "\ndropped = { colour = 1,"),
            "'dropped' must be { operative = …, elsewhere = …, text = … }",
        ),
        (lambda t: t + 'unbracketed = { operative = "high" }\n', "unknown event 'unbracketed'"),
        (
            lambda t: t.replace("added {text}", "added {clause}"),
            "may only use {text}, {was}, {alternative}",
        ),
    ],
)
def test_a_mistake_in_the_brackets_table_is_named(edit, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FlagRulesError, match=r"^my\.toml") as err:
        parse_rules(edit(_file(GOOD + 'terms = ["a"]')), "my.toml")
    assert message in str(err.value)


def test_the_environment_names_another_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(shipped_rules_text().replace('"the obligation"', '"the duty"', 1), "utf-8")
    monkeypatch.setenv(flag_rules.RULES_ENV, str(mine))
    rules = default_rules()
    assert rules.source == str(mine)
    a, b = "Members shall notify", "Members may notify"
    assert flag_change(a, b, word_diff(a, b), rules)[0].text.startswith("The duty weakened")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe")
    monkeypatch.setenv(flag_rules.RULES_ENV, str(bad))
    with pytest.raises(FlagRulesError, match="not UTF-8"):
        default_rules()
    monkeypatch.setenv(flag_rules.RULES_ENV, str(tmp_path / "missing.toml"))
    with pytest.raises(FlagRulesError, match="cannot be read"):
        default_rules()
