"""Substantive-change flags: which of a link's word changes may matter, and why.

Contract: :func:`flag_change` takes two texts, the word changes between them
(:func:`~clausediff.core.compare.worddiff.word_diff`) and :class:`FlagRules`, and returns the
flags of those changes: each points at words inside one change (its ``left``/``right`` spans
lie within a changed step of the diff, and ``before``/``after`` are exactly those words), so a
flag never fires on an unchanged word. Within one change the same words on both sides cancel
out (an unchanged "shall" inside a rewritten sentence raises nothing); a change of letter case
or of punctuation only raises nothing. :func:`alignment_flags` gives every link of an
alignment its flags: those of its word changes, those of a sentence that travelled into its
clauses from a clause it is not linked with (the two sentences compared whole), and those of
clause-level events (an operative clause added, dropped, split, merged or moved; a clause
moved between the preamble and the operative part), and those of its bracket events
(:func:`~clausediff.core.compare.brackets.bracket_events`: a bracket lifted, dropped, added,
alternatives settled or added, words changed inside; category ``bracket``, severity by the
``[brackets]`` table and whether the clause holding the bracket is operative; such a flag's
``before``/``after`` and spans are the event's bracketed texts). Links that lie by a gap
raise nothing: what the gap hides is not known. Flags never replace the changes they point
at; showing them is the caller's job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from clausediff.core.compare.brackets import (
    BracketEvent,
    BracketEventKind,
    bracket_events,
    has_brackets,
)
from clausediff.core.compare.config import Cancel, check
from clausediff.core.compare.flag_rules import (
    FOLD,
    Category,
    Flag,
    FlagRules,
    Rule,
    default_rules,
    normal_words,
    rules_problem,
)
from clausediff.core.compare.links import (
    SIDE_JOINER,
    Alignment,
    ClauseLink,
    LinkKind,
    OpKind,
    WordOp,
)
from clausediff.core.compare.worddiff import word_diff
from clausediff.core.model import ClauseKind, Span, leading_words

_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
_EDGE = " \t\n\r,;:.!?\"“”‘’'"


def flag_change(
    left: str, right: str, ops: Sequence[WordOp], rules: FlagRules | None = None
) -> list[Flag]:
    """The flags of the changes ``ops`` from ``left`` to ``right``; see the module contract."""
    rules = rules or default_rules()
    changes = [op for op in ops if op.kind is not OpKind.EQUAL and _matters(*op.texts(left, right))]
    if not changes:
        return []
    found: dict[tuple[int, str], list[tuple[int, int]]] = {}
    windows = (
        _windows(left, [op.left for op in changes]),
        _windows(right, [op.right for op in changes]),
    )

    folded: list[str | None] = [None, None]

    def matches(side: int, rule: Rule) -> list[tuple[int, int]]:
        key = (side, rule.id)
        if key not in found:
            text = right if side else left
            if rule.starts is None:
                spans = [
                    m.span() for lo, hi in windows[side] for m in rule.regex.finditer(text, lo, hi)
                ]
            else:
                if rule.regex.flags & re.IGNORECASE:
                    if folded[side] is None:
                        folded[side] = text.translate(FOLD)
                    hay = folded[side]
                else:
                    hay = text
                assert hay is not None
                spans = [
                    span for lo, hi in windows[side] for span in _found(rule, text, hay, lo, hi)
                ]
            found[key] = [span for span in spans if _near(rule, text, span)]
        return found[key]

    out: list[Flag] = []
    for op in changes:
        claimed: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
        changed_words = (_words_at(left, op.left), _words_at(right, op.right))
        for rule in rules.rules:
            # (on a side where none of the rule's words is changed there is nothing to find)
            looked = [
                rule.words is None or w is None or not w.isdisjoint(rule.words)
                for w in changed_words
            ]
            if not any(looked):
                continue
            sides: list[list[tuple[str, Span]]] = []
            for side, (text, span) in enumerate(((left, op.left), (right, op.right))):
                hits: list[tuple[str, Span]] = []
                if len(span) and looked[side]:
                    for start, end in matches(side, rule):
                        if start >= span.end or end <= span.start:
                            continue
                        clip = _clipped(text, max(start, span.start), min(end, span.end))
                        if clip is None or _overlaps(clip, claimed[side]):
                            continue
                        claimed[side].append(clip)
                        hits.append((text[clip[0] : clip[1]], Span(*clip)))
                sides.append(hits)
            out += _paired(rule, sides[0], sides[1])
    return out


#: How far around a change its rules' words are looked for: farther than any of them reaches.
_REACH = 250


def _windows(text: str, spans: Sequence[Span]) -> list[tuple[int, int]]:
    """The stretches of ``text`` within :data:`_REACH` of the changed spans, merged, each
    ending at white space or the end (so a word is never cut at a stretch's end): only a
    match overlapping a change matters, and a long clause's unchanged parts are not read."""
    out: list[tuple[int, int]] = []
    for span in sorted(s for s in spans if len(s)):
        lo = max(0, span.start - _REACH)
        hi = min(len(text), span.end + _REACH)
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _found(rule: Rule, text: str, hay: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """What ``rule.regex.finditer(text, lo, hi)`` finds, the expression tried only where
    one of the rule's first words stands in ``hay`` (the text, folded if the rule ignores
    letter case): every match starts with one, so none is missed, and they are taken left
    to right without overlapping, as the expression's own search takes them."""
    assert rule.starts is not None
    at = set()
    for word in rule.starts:
        p = hay.find(word, lo, hi)
        while p >= 0:
            at.add(p)
            p = hay.find(word, p + 1, hi)
    out: list[tuple[int, int]] = []
    end = lo
    for p in sorted(at):
        if p < end:
            continue
        m = rule.regex.match(text, p, hi)
        if m is not None:
            out.append(m.span())
            end = m.end()
    return out


def _words_at(text: str, span: Span) -> frozenset[str] | None:
    """The lower-case words of ``text`` that overlap ``span`` (whole words), or None where
    the text is not ASCII (there letter case can fold one character into two, and only the
    expressions themselves are sure)."""
    if not len(span):
        return frozenset()
    start = span.start
    while start > 0 and _WORD.match(text, start - 1):
        start -= 1
    words = set()
    for m in _WORDS.finditer(text, start):
        if m.start() >= span.end:
            break
        if not m.group().isascii():
            return None
        words.add(m.group().lower())
    return frozenset(words)


def _matters(a: str, b: str) -> bool:
    """A change a flag may point at: words changed, not only letter case or punctuation."""
    return bool(_WORD.search(a) or _WORD.search(b)) and normal_words(a) != normal_words(b)


def _near(rule: Rule, text: str, span: tuple[int, int]) -> bool:
    if rule.near is None:
        return True
    lo, hi = max(0, span[0] - rule.near_chars), span[1] + rule.near_chars
    return rule.near.search(text, lo, hi) is not None


def _clipped(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without the spaces and punctuation at its ends; None if no word."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end) if _WORD.search(text, start, end) else None


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _paired(
    rule: Rule, lefts: list[tuple[str, Span]], rights: list[tuple[str, Span]]
) -> list[Flag]:
    """One rule's words on both sides of a change as flags: the same words cancel out, the
    rest pair up in order (changed) or stand alone (removed, added)."""
    if not lefts and not rights:
        return []
    rest_r = list(rights)
    rest_l = []
    for hit in lefts:
        same = next((r for r in rest_r if normal_words(r[0]) == normal_words(hit[0])), None)
        if same is None:
            rest_l.append(hit)
        else:
            rest_r.remove(same)
    out = []
    for n in range(max(len(rest_l), len(rest_r))):
        before, lspan = rest_l[n] if n < len(rest_l) else ("", None)
        after, rspan = rest_r[n] if n < len(rest_r) else ("", None)
        kind = "changed" if before and after else "removed" if before else "added"
        if kind == "changed" and rule.strength:
            a = rule.strength.get(normal_words(before))
            b = rule.strength.get(normal_words(after))
            if a is not None and b is not None and a != b:
                kind = "stronger" if b > a else "weaker"
        text = rule.sentences[kind].format(what=rule.what, before=_q(before), after=_q(after))
        out.append(
            Flag(rule.category, rule.severity, before, after, _capital(text), rule.id, lspan, rspan)
        )
    return out


def _q(words: str) -> str:
    return f"“{' '.join(words.split())}”" if words else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------------ alignments


def alignment_flags(
    al: Alignment, rules: FlagRules | None = None, *, cancel: Cancel | None = None
) -> tuple[tuple[Flag, ...], ...]:
    """The flags of each link of ``al``, in link order; see the module contract. Without
    ``rules``, the rules in force; when those cannot be used (:func:`rules_problem` says
    why), no link has flags."""
    if rules is None:
        if rules_problem():
            return tuple(() for _ in al.links)
        rules = default_rules()
    out: list[list[Flag]] = [[] for _ in al.links]
    for n, link in enumerate(al.links):
        if n % 64 == 0:
            check(cancel)
        if link.kind is LinkKind.UNKNOWN:
            continue
        out[n] += _structure(al, link, rules)
        words: list[Flag] = []
        if link.left and link.right and link.ops:
            words = flag_change(al.side_text(link, 0), al.side_text(link, 1), link.ops, rules)
        if has_brackets(al, link):
            events = bracket_events(al, link)
            words = _beyond_let_go(words, events)
            out[n] += words + bracket_flags(al, link, events, rules)
        else:
            out[n] += words
    for sl in al.sentence_links:
        old, new = al.left.clauses[sl.left.clause], al.right.clauses[sl.right.clause]
        n_old, n_new = al.link_index_of(0, old.index), al.link_index_of(1, new.index)
        if n_old == n_new or LinkKind.UNKNOWN in (al.links[n_old].kind, al.links[n_new].kind):
            continue
        if old.ends_in_gap or old.starts_in_gap or new.ends_in_gap or new.starts_in_gap:
            continue  # (the rest of the sentence may lie in the gap)
        a, b = old.sentences[sl.left.sentence].text, new.sentences[sl.right.sentence].text
        where = f"in the sentence from {old.display_label()}"
        for f in flag_change(a, b, word_diff(a, b), rules):
            out[n_new].append(
                Flag(f.category, f.severity, f.before, f.after, f.text, f.rule, where=where)
            )
    return tuple(tuple(flags) for flags in out)


def _one_sided(kinds: set[ClauseKind], what: str) -> str:
    """The event of clauses added or dropped: operative ones, else recitals ("" for others)."""
    if ClauseKind.OPERATIVE in kinds:
        return f"operative_{what}"
    return f"recital_{what}" if ClauseKind.PREAMBLE in kinds else ""


def _structure(al: Alignment, link: ClauseLink, rules: FlagRules) -> list[Flag]:
    olds = [al.left.clauses[i] for i in link.left]
    news = [al.right.clauses[j] for j in link.right]
    operative = any(c.kind is ClauseKind.OPERATIVE for c in (*olds, *news))
    event = ""
    if link.kind is LinkKind.ADDED:
        event = _one_sided({c.kind for c in news}, "added")
    elif link.kind is LinkKind.DELETED:
        event = _one_sided({c.kind for c in olds}, "dropped")
    elif link.kind in _SEVERAL and operative:
        event = _SEVERAL[link.kind]
    elif len(olds) == 1 and len(news) == 1:
        pair = (olds[0].kind, news[0].kind)
        if pair == (ClauseKind.PREAMBLE, ClauseKind.OPERATIVE):
            event = "to_operative"
        elif pair == (ClauseKind.OPERATIVE, ClauseKind.PREAMBLE):
            event = "to_preamble"
        elif link.kind is LinkKind.MOVED and operative:
            event = "operative_moved"
    if not event:
        return []
    rule = rules.structure[event]
    left, right = al.left.labels(link.left), al.right.labels(link.right)
    before = leading_words(al.side_text(link, 0), 6) if link.left else ""
    after = leading_words(al.side_text(link, 1), 6) if link.right else ""
    text = _capital(rule.text.format(left=left, right=right))
    return [Flag(Category.STRUCTURE, rule.severity, before, after, text, f"structure:{event}")]


_SEVERAL = {
    LinkKind.SPLIT: "operative_split",
    LinkKind.MERGED: "operative_merged",
    LinkKind.RESTRUCTURED: "operative_restructured",
}


# ------------------------------------------------------------------------ brackets


def _beyond_let_go(flags: list[Flag], events: Sequence[BracketEvent]) -> list[Flag]:
    """The word flags of a link but those of words removed inside a bracketed passage that
    was dropped, or inside the alternatives let go when a group was settled: the bracket
    event says what became of all of them at once ("settled on “Alt 1” (1 of 3)"), and
    their words, flagged one by one, would bury it. (The words stay marked in the
    comparison: only their flags are left out; a word removed from the alternative chosen
    keeps its flag.)"""
    gone: list[tuple[Span, Span | None]] = []  # (the region let go, the part of it kept)
    for e in events:
        if e.kind is BracketEventKind.DROPPED and e.left is not None:
            gone.append((e.left, None))
        elif e.kind is BracketEventKind.ALTERNATIVE_CHOSEN and e.group is not None:
            gone.append((e.group, e.left))
    if not gone:
        return flags

    def let_go(span: Span) -> bool:
        def inside(outer: Span) -> bool:
            return outer.start <= span.start and span.end <= outer.end

        return any(inside(region) and not (kept and inside(kept)) for region, kept in gone)

    return [f for f in flags if f.right is not None or f.left is None or not let_go(f.left)]


#: A bracketed text quoted in a flag's sentence is cut at this many characters.
BRACKET_QUOTE_CHARS = 80


def bracket_flags(
    al: Alignment, link: ClauseLink, events: Sequence[BracketEvent], rules: FlagRules | None = None
) -> list[Flag]:
    """The flags of a link's bracket events (one each, in their order)."""
    rules = rules or default_rules()
    left, right = (al.side_text(link, 0) if link.left else ""), al.side_text(link, 1)
    out = []
    for e in events:
        key = "lifted_changed" if e.kind is BracketEventKind.LIFTED and e.changed else e.kind.value
        rule = rules.brackets[key]
        operative = _operative_at(al, link, e)
        before = left[e.left.start : e.left.end] if e.left is not None else ""
        after = right[e.right.start : e.right.end] if e.right is not None and link.right else ""
        text = rule.text.format(
            text=_quoted(e.text), was=_quoted(e.was), alternative=_alternative(e)
        )
        out.append(
            Flag(
                Category.BRACKET,
                rule.severity(operative),
                before,
                after,
                _capital(text),
                f"bracket:{key}",
                e.left,
                e.right,
            )
        )
    return out


def _operative_at(al: Alignment, link: ClauseLink, event: BracketEvent) -> bool:
    """Whether the clause holding the event's bracket is operative (the newer one, the
    older one for a bracket that is gone)."""
    side, span = (1, event.right) if event.right is not None and link.right else (0, event.left)
    doc, indices = (al.right, link.right) if side else (al.left, link.left)
    at = 0
    for i in indices:
        clause = doc.clauses[i]
        end = at + len(clause.text)
        if span is None or span.start < end + len(SIDE_JOINER):
            return clause.kind is ClauseKind.OPERATIVE
        at = end + len(SIDE_JOINER)
    return any(doc.clauses[i].kind is ClauseKind.OPERATIVE for i in indices)


def _quoted(text: str) -> str:
    one = " ".join(text.split())
    if len(one) > BRACKET_QUOTE_CHARS:
        cut = one[:BRACKET_QUOTE_CHARS].rsplit(" ", 1)[0] if " " in one else one
        return f"“{cut.rstrip(' ,;:')}…”"
    return f"“{one}”"


def _alternative(e: BracketEvent) -> str:
    if not e.of:
        return ""
    return (
        f"“{e.label}” ({e.alternative} of {e.of})"
        if e.label
        else (f"alternative {e.alternative} of {e.of}")
    )
