"""The vocabulary and rules of substantive-change flags, read from one data file.

Contract: :func:`default_rules` reads ``rules/flags.toml`` shipped in the package
``clausediff.resources`` (through :mod:`importlib.resources`), or the file named by the
environment variable ``CLAUSEDIFF_FLAG_RULES`` instead; :func:`parse_rules` checks a TOML text
and returns :class:`FlagRules`, frozen values with their regular expressions compiled. A
mistake in the file raises :class:`FlagRulesError` naming the rule and the field, in one
sentence. The values of a flag (:class:`Flag`, :class:`Category`, :class:`Severity`) live here
too, so that the renderers need not import the algorithm (:mod:`~clausediff.core.compare.flags`).
"""

from __future__ import annotations

import enum
import os
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from clausediff.core.errors import ClauseDiffError
from clausediff.core.model import Span

#: The environment variable naming a rules file read instead of the shipped one.
RULES_ENV = "CLAUSEDIFF_FLAG_RULES"
SCHEMA = 1


class Category(enum.Enum):
    OBLIGATION = "obligation"
    NEGATION = "negation"
    TIME = "time"
    NUMBER = "number"
    REFERENCE = "reference"
    ACTOR = "actor"
    STRUCTURE = "structure"
    BRACKET = "bracket"


class Severity(enum.Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for high, 1 for medium, 2 for low (the order of a brief)."""
        return _RANK[self]


_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


@dataclass(frozen=True, slots=True)
class Flag:
    """A change that may matter: its category and severity, the changed words before and
    after ("" on the side that has none), and one plain sentence.

    ``left``/``right`` are the flagged words' spans in the texts that were compared (a
    link's side texts), where they lie in them; ``rule`` is the id of the rule that raised
    it (``structure:<event>`` for a clause-level event). ``where`` names the sentence the
    words are in when it travelled from another clause ("" otherwise)."""

    category: Category
    severity: Severity
    before: str
    after: str
    text: str
    rule: str
    left: Span | None = None
    right: Span | None = None
    where: str = ""


class FlagRulesError(ClauseDiffError):
    """The rules file is not what ClauseDiff can use."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the file (see its header for the fields)."""

    id: str
    category: Category
    severity: Severity
    what: str
    regex: re.Pattern[str]
    near: re.Pattern[str] | None
    near_chars: int
    strength: Mapping[str, float]
    sentences: Mapping[str, str]
    #: the lower-case words of its terms, for a rule of terms only (else None): a match
    #: is made of whole words, so a change none of whose words is one of these holds none
    #: (a quick test that spares the expression most changes)
    words: frozenset[str] | None = None
    #: for a rule of terms only, written in ASCII (else None): the first words its matches
    #: can start with, as they stand in a text folded by :data:`FOLD` (or as written, for a
    #: rule that minds letter case). The expression is then tried only where one of them is
    #: found: the same matches, found in a fraction of the time.
    starts: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class StructureRule:
    severity: Severity
    text: str


#: The clause-level events the ``[structure]`` table must describe.
STRUCTURE_EVENTS = (
    "operative_added",
    "operative_dropped",
    "operative_split",
    "operative_merged",
    "operative_restructured",
    "operative_moved",
    "to_operative",
    "to_preamble",
    "recital_added",
    "recital_dropped",
)


@dataclass(frozen=True, slots=True)
class BracketRule:
    """How severe a bracket event is in an operative clause and elsewhere (a recital, a
    heading, a note), and what is said of it."""

    operative: Severity
    elsewhere: Severity
    text: str

    def severity(self, operative: bool) -> Severity:
        return self.operative if operative else self.elsewhere


#: The bracket events the ``[brackets]`` table must describe: the kinds of
#: :class:`~clausediff.core.compare.brackets.BracketEventKind`, and ``lifted_changed`` (a
#: bracket lifted with words changed inside it).
BRACKET_EVENTS = (
    "lifted",
    "lifted_changed",
    "dropped",
    "added",
    "alternative_chosen",
    "alternative_added",
    "changed_inside",
)
#: What a ``[brackets]`` sentence may name: the bracketed text, the older text (changed
#: inside) and the alternative ("“Alt 1” (1 of 3)", "alternative 2 of 2"), each quoted.
BRACKET_FIELDS = ("text", "was", "alternative")
_SENTENCES = ("changed", "added", "removed", "stronger", "weaker")
_RULE_KEYS = frozenset(
    {"id", "category", "severity", "what", "terms", "patterns", "near", "near_chars"}
    | {"case_sensitive", "strength", *_SENTENCES}
)
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*\Z")
_WORDS = re.compile(r"\w+")

#: Folds a text as Python's expressions do when they ignore letter case, for ASCII letters:
#: upper case to lower, and the four other characters they take for one ("İ" and "ı" for
#: "i", "ſ" for "s", the Kelvin sign for "k"); every character stays one character, so
#: offsets hold.
FOLD = str.maketrans(
    {**{c: c.lower() for c in string.ascii_uppercase}, "İ": "i", "ı": "i", "ſ": "s", "K": "k"}
)


@dataclass(frozen=True, slots=True)
class FlagRules:
    """The rules in the order they are tried, and what is said of clause-level events."""

    rules: tuple[Rule, ...]
    structure: Mapping[str, StructureRule]
    brackets: Mapping[str, BracketRule]
    source: str = ""


def normal_words(text: str) -> str:
    """``text`` as a rule compares it: letter case and spacing folded."""
    return " ".join(text.split()).casefold()


def parse_rules(text: str, source: str = "flags.toml") -> FlagRules:
    """The rules in the TOML ``text``; ``source`` names the file in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FlagRulesError(f"{source} is not valid TOML: {exc}.") from None
    unknown = set(data) - {"schema", "sentences", "rule", "structure", "brackets"}
    if unknown:
        raise FlagRulesError(f"{source}: unknown key {sorted(unknown)[0]!r} at the top level.")
    if data.get("schema") != SCHEMA:
        raise FlagRulesError(f"{source}: 'schema' must be {SCHEMA} (found {data.get('schema')!r}).")
    defaults = _sentences(data.get("sentences", {}), f"{source} [sentences]", require=True)
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise FlagRulesError(f"{source}: no [[rule]] found.")
    rules: list[Rule] = []
    seen: set[str] = set()
    for n, raw in enumerate(raw_rules, 1):
        rule = _rule(raw, f"{source}: rule {n}", defaults)
        if rule.id in seen:
            raise FlagRulesError(f"{source}: rule {n}: the id {rule.id!r} is used twice.")
        seen.add(rule.id)
        rules.append(rule)
    return FlagRules(
        tuple(rules),
        _structure(data.get("structure"), source),
        _brackets(data.get("brackets"), source),
        source,
    )


def _fail(where: str, message: str) -> FlagRulesError:
    return FlagRulesError(f"{where}: {message}.")


def _string(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"'{key}' must be a non-empty string")
    return value


def _enum(
    raw: Mapping[str, Any], key: str, kind: type[Category] | type[Severity], where: str
) -> Any:
    value = _string(raw, key, where)
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(k.value for k in kind)
        what = (
            f"severity {value!r} for '{key}'"
            if key in ("operative", "elsewhere")
            else (f"{key} {value!r}")
        )
        raise _fail(where, f"unknown {what} (one of {choices})") from None


def _sentence(value: object, key: str, where: str, names: tuple[str, ...]) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"'{key}' must be a non-empty string")
    try:
        value.format(**dict.fromkeys(names, ""))
    except (KeyError, IndexError, ValueError) as exc:
        allowed = ", ".join("{" + k + "}" for k in names)
        raise _fail(where, f"'{key}' may only use {allowed} ({exc!s})") from None
    return value


def _sentences(raw: object, where: str, *, require: bool) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise _fail(where, "must be a table")
    out = {}
    for key in _SENTENCES:
        if key in raw:
            out[key] = _sentence(raw[key], key, where, ("what", "before", "after"))
        elif require:
            raise _fail(where, f"'{key}' is missing")
    extra = set(raw) - set(_SENTENCES)
    if extra:
        raise _fail(where, f"unknown key {sorted(extra)[0]!r}")
    return out


def _rule(raw: object, where: str, defaults: Mapping[str, str]) -> Rule:
    if not isinstance(raw, dict):
        raise _fail(where, "must be a table")
    rid = _string(raw, "id", where)
    if not _ID_RE.match(rid):
        raise _fail(where, f"the id {rid!r} may hold only letters, digits and '-'")
    where = f"{where} ({rid!r})"
    extra = set(raw) - _RULE_KEYS
    if extra:
        raise _fail(where, f"unknown field {sorted(extra)[0]!r}")
    category = _enum(raw, "category", Category, where)
    if category is Category.STRUCTURE:
        raise _fail(where, "structure flags are described in [structure], not by a rule")
    if category is Category.BRACKET:
        raise _fail(where, "bracket flags are described in [brackets], not by a rule")
    severity = _enum(raw, "severity", Severity, where)
    what = _string(raw, "what", where)
    case_sensitive = raw.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise _fail(where, "'case_sensitive' must be true or false")
    flags = 0 if case_sensitive else re.IGNORECASE
    terms = _strings(raw, "terms", where)
    patterns = _strings(raw, "patterns", where)
    if not terms and not patterns:
        raise _fail(where, "give 'terms' or 'patterns'")
    alternatives = [_compiled(p, flags, where).pattern for p in patterns]
    # terms: whole words (a hyphen or slash joins words into one), any spacing, longest first
    if terms:  # (the word edges tested once, not once a term: several times quicker)
        longest_first = sorted(terms, key=len, reverse=True)
        phrases = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in longest_first)
        alternatives.append(r"(?<![\w/-])(?:" + phrases + r")(?![\w/-])")
    regex = _compiled("|".join(f"(?:{a})" for a in alternatives), flags, where)
    near = raw.get("near")
    near_re = None if near is None else _compiled(_string(raw, "near", where), flags, where)
    near_chars = raw.get("near_chars", 60)
    if (
        not isinstance(near_chars, int)
        or isinstance(near_chars, bool)
        or not 0 < near_chars <= 1000
    ):
        raise _fail(where, "'near_chars' must be a whole number from 1 to 1000")
    strength_raw = raw.get("strength", {})
    if not isinstance(strength_raw, dict):
        raise _fail(where, "'strength' must be a table of term = number")
    folded_terms = {normal_words(t) for t in terms}
    strength: dict[str, float] = {}
    for term, value in strength_raw.items():
        if normal_words(term) not in folded_terms:
            raise _fail(where, f"'strength' names {term!r}, which is not one of its terms")
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise _fail(where, f"the strength of {term!r} must be a number")
        strength[normal_words(term)] = float(value)
    own = {
        k: _sentence(raw[k], k, where, ("what", "before", "after")) for k in _SENTENCES if k in raw
    }
    words = None if patterns else frozenset(w.lower() for t in terms for w in _WORDS.findall(t))
    starts = None
    if not patterns and all(t.isascii() for t in terms):
        firsts = {t.split()[0] for t in terms}
        starts = tuple(sorted(firsts if case_sensitive else {w.lower() for w in firsts}))
    return Rule(
        rid, category, severity, what, regex, near_re, near_chars, strength, {**defaults, **own},
        words, starts,
    )  # fmt: skip


def _strings(raw: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(where, f"'{key}' must be a list of non-empty strings")
    return value


def _compiled(pattern: str, flags: int, where: str) -> re.Pattern[str]:
    try:
        regex = re.compile(pattern, flags)
    except re.error as exc:
        message = f"the pattern {pattern!r} is not a valid regular expression ({exc})"
        raise _fail(where, message) from None
    if regex.match(""):
        raise _fail(where, f"the pattern {pattern!r} matches empty text")
    # (a rule's patterns are joined into one expression: numbered references to groups and
    # flags written inside a pattern would mean something else there, or nothing)
    if re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]+\)", pattern):
        raise _fail(
            where,
            f"the pattern {pattern!r} refers back to a group or sets flags inside it; "
            "write it without (use 'case_sensitive' for letter case)",
        )
    return regex


def _event_table(
    raw: object, where: str, events: tuple[str, ...], fields: tuple[str, ...]
) -> dict[str, dict[str, Any]]:
    """A table of one entry per event, each with exactly ``fields``; checked, by event."""
    if not isinstance(raw, dict):
        raise _fail(where, "is missing or not a table")
    extra = set(raw) - set(events)
    if extra:
        choices = ", ".join(events)
        raise _fail(where, f"unknown event {sorted(extra)[0]!r} (the events: {choices})")
    out = {}
    for event in events:
        entry = raw.get(event)
        if not isinstance(entry, dict) or set(entry) != set(fields):
            shape = ", ".join(f"{f} = …" for f in fields)
            raise _fail(where, f"'{event}' must be {{ {shape} }}")
        out[event] = entry
    return out


def _structure(raw: object, source: str) -> dict[str, StructureRule]:
    where = f"{source} [structure]"
    out = {}
    for event, entry in _event_table(raw, where, STRUCTURE_EVENTS, ("severity", "text")).items():
        severity = _enum(entry, "severity", Severity, f"{where} {event}")
        text = _sentence(entry["text"], "text", f"{where} {event}", ("left", "right"))
        out[event] = StructureRule(severity, text)
    return out


def _brackets(raw: object, source: str) -> dict[str, BracketRule]:
    where = f"{source} [brackets]"
    out = {}
    fields = ("operative", "elsewhere", "text")
    for event, entry in _event_table(raw, where, BRACKET_EVENTS, fields).items():
        at = f"{where} {event}"
        operative = _enum(entry, "operative", Severity, at)
        elsewhere = _enum(entry, "elsewhere", Severity, at)
        text = _sentence(entry["text"], "text", at, BRACKET_FIELDS)
        out[event] = BracketRule(operative, elsewhere, text)
    return out


def read_rules(path: Path) -> FlagRules:
    """The rules in the file at ``path``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FlagRulesError(
            f"The flag rules {path} cannot be read ({exc.strerror or exc})."
        ) from None
    if len(raw) > 1_000_000:
        raise FlagRulesError(f"The flag rules {path} are larger than 1 MB.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FlagRulesError(f"The flag rules {path} are not UTF-8 text.") from None
    return parse_rules(text, str(path))


def shipped_rules_text() -> str:
    """The text of the rules file shipped with ClauseDiff."""
    return (resources.files("clausediff.resources") / "rules" / "flags.toml").read_text("utf-8")


def default_rules() -> FlagRules:
    """The rules in force: the file named by ``CLAUSEDIFF_FLAG_RULES``, else the shipped one."""
    return _rules_at(os.environ.get(RULES_ENV, ""))


def rules_problem() -> str:
    """Why the rules in force cannot be used, on one line ("" when they can). A comparison
    is then shown and written without flags, with this said beside it: a mistake in an
    edited rules file never stops a comparison."""
    try:
        default_rules()
    except FlagRulesError as e:
        return f"No changes are flagged: {e}"
    return ""


@cache
def _rules_at(path: str) -> FlagRules:
    if path:
        return read_rules(Path(path))
    return parse_rules(shipped_rules_text(), "flags.toml (shipped)")
