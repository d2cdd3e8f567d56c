"""An honest generator of revision pairs of decision-like texts, with the true clause links.

Nothing in a clause marks it out: there is no per-clause symbol and no word made rare on
purpose (article and paragraph numbers and dates come from small ranges). Clauses are drawn from one repetitive vocabulary (bodies, instruments, topics, groups of Members, set
phrases) in boilerplate families that share a chapeau ("To instruct the General Council to
…", "Members shall …", "Recalling …", "Taking note of …"), in sections whose clauses share a
topic, one to four sentences long, some long. The new version is made from the old by edits
of known kinds, each recorded in the gold:

========== ===================================================== ==========
edit       what happens to the old clause                        gold link
========== ===================================================== ==========
unchanged  nothing (its number may change)                       unchanged
light      5-20 % of its words changed (phrases replaced by,     modified
           or inserted as, pieces of other phrases of the same
           vocabulary and topic, or dropped)
heavy      30-60 % of its words changed                          modified
trim       cut to its first sentence                             modified
expand     a sentence added (operative clauses only)             modified
rewrite    written afresh in the same slot: same family, same    modified
           topic and sentence count, most words different
move       moved (near: 2-15 places; or anywhere), unedited      moved
move_light moved, with a light edit                              moved
move_heavy moved, with a heavy edit                              moved
split      cut into 2-3 clauses at sentence stops (sometimes     split
           one part lightly edited)
merge      2-3 neighbouring clauses joined into one (sometimes   merged
           lightly edited)
delete     gone                                                  deleted
========== ===================================================== ==========

and new clauses are added, drawn from the same families and topics (so they look like the
clauses around them): gold "added". The share of words changed is measured as 1 - longest
common subsequence / the longer length (:func:`changed_share`); a short clause can overshoot
its share by a phrase. Paragraphs are numbered 1, 2, … on each side, so every
clause after the first insertion or deletion is renumbered.

``generate(n, seed)`` is deterministic. ``every_edited=True`` gives the stress pair: no
clause is left unchanged (nor moved unedited).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from rapidfuzz.distance import LCSseq

BODIES = [
    "General Council",
    "Committee on Agriculture",
    "Council for Trade in Goods",
    "Council for Trade in Services",
    "Council for Trade-Related Aspects of Intellectual Property Rights",
    "Committee on Trade and Development",
    "Sub-Committee on Least-Developed Countries",
    "Committee on Sanitary and Phytosanitary Measures",
    "Committee on Technical Barriers to Trade",
    "Negotiating Group on Rules",
    "Committee on Trade and Environment",
    "Dispute Settlement Body",
    "Committee on Market Access",
    "Committee on Trade Facilitation",
    "Working Group on Trade, Debt and Finance",
    "Working Group on Trade and Transfer of Technology",
    "Trade Policy Review Body",
    "Committee on Subsidies and Countervailing Measures",
]
INSTRUMENTS = [
    "the Doha Ministerial Declaration",
    "the Marrakesh Agreement Establishing the World Trade Organization",
    "the Agreement on Agriculture",
    "the General Agreement on Trade in Services",
    "the TRIPS Agreement",
    "the Agreement on Subsidies and Countervailing Measures",
    "the Bali Ministerial Decision",
    "the Nairobi Ministerial Declaration",
    "the Hong Kong Ministerial Declaration",
    "the Agreement on Trade Facilitation",
    "the Dispute Settlement Understanding",
    "the Agreement on the Application of Sanitary and Phytosanitary Measures",
    "the General Agreement on Tariffs and Trade 1994",
    "the Decision of the General Council of 1 August 2004",
]
TOPICS = [
    "electronic commerce",
    "customs duties on electronic transmissions",
    "fisheries subsidies",
    "illegal, unreported and unregulated fishing",
    "overcapacity and overfishing",
    "public stockholding for food security purposes",
    "export competition",
    "export subsidies",
    "cotton",
    "special and differential treatment",
    "a special safeguard mechanism for developing country Members",
    "trade facilitation",
    "preferential rules of origin for least-developed countries",
    "the operationalization of the waiver for services of least-developed countries",
    "non-violation and situation complaints",
    "small economies",
    "technical assistance and capacity building",
    "domestic support",
    "market access for non-agricultural products",
    "aid for trade",
    "the accession of least-developed countries",
    "transparency in regional trade agreements",
    "food security",
    "export prohibitions and restrictions",
    "trade and transfer of technology",
    "trade, debt and finance",
]
GROUPS = [
    "developing country Members",
    "least-developed country Members",
    "Members",
    "net food-importing developing countries",
    "small and vulnerable economies",
    "acceding Members",
    "Members in the process of accession",
    "developing and least-developed country Members",
]
ACTIVITIES = [
    "continue its work on {t}",
    "intensify its work on {t}",
    "hold periodic reviews of {t}",
    "examine all proposals submitted by Members on {t}",
    "report to the next session of the Ministerial Conference on {t}",
    "take the decisions necessary on {t}",
    "adopt appropriate recommendations on {t}",
    "consider the relationship between {t} and {t2}",
    "review the implementation of the provisions on {t}",
    "hold a dedicated discussion on {t}",
    "undertake an examination of {t}",
    "monitor the progress made on {t}",
]
DUTIES = [
    "notify the {b} of any measures taken pursuant to this Decision",
    "refrain from introducing new measures related to {t}",
    "give positive consideration to requests from {g} regarding {t}",
    "ensure transparency in the implementation of their commitments on {t}",
    "continue their current practice of not imposing customs duties on electronic transmissions",
    "exercise due restraint in the use of measures on {t}",
    "provide information on {t} to the Secretariat",
    "make every effort to conclude the negotiations on {t}",
    "engage constructively in the work on {t}",
    "take into account the particular needs of {g}",
    "accord special and differential treatment to {g}",
    "notify their measures on {t} to the {b}",
]
PURPOSES = [
    "with a view to reaching an agreement by the next session of the Ministerial Conference",
    "with a view to making appropriate recommendations to the {b}",
    "taking into account the needs and interests of {g}",
    "in accordance with Article {a} of {i}",
    "in a manner consistent with the WTO Agreement",
    "on the basis of the existing mandate",
    "without prejudice to the rights and obligations of Members under {i}",
    "no later than {d}",
    "within {n} days of the adoption of this Decision",
    "in close cooperation with the relevant international organizations",
    "on the basis of the proposals submitted by Members",
    "as provided for in paragraph {p} of {i}",
    "in the light of the work carried out in the {b}",
    "at its first meeting after the date of entry into force of this Decision",
]
REFERENCES = [
    "paragraph {p} of {i}",
    "the Decision of the {b} of {d} on {t}",
    "Article {a} of {i}",
    "the work carried out in the {b} on {t}",
    "the mandate contained in paragraph {p} of {i}",
]
NOTES = [
    "the reports of the {b} on {t}",
    "the work undertaken by the {b} on {t}",
    "the proposals submitted by Members on {t}",
    "the progress made in the {b} on {t}",
    "the communication from {g} on {t}",
]
TRAILERS = [
    "This Decision shall be without prejudice to the rights and obligations of Members under {i}.",
    "The {b} shall report on {t} to the {b2} {purpose}.",
    "The Secretariat shall provide technical assistance to {g} {purpose}.",
    "Such notifications shall be made available to all Members {purpose}.",
    "In doing so, Members shall take into account the particular needs of {g}.",
    "The {b} shall review the operation of this paragraph {purpose}.",
    "Nothing in this paragraph shall be construed to affect the rights of {g} under {i}.",
    "The work shall be carried out in the {b} {purpose}.",
    "Members agree to continue the work on {t} {purpose}.",
    "The {b} shall meet in dedicated sessions for this purpose {purpose}.",
]
ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XV",
    "XVI",
    "XVIII",
    "XIX",
    "XX",
    "XXIV",
    "XXVIII",
]
MONTHS = ["March", "July", "October", "December"]
YEARS = [str(y) for y in range(2001, 2026)]

#: The boilerplate families: how the first sentence of a clause opens, and how it ends.
FAMILIES = [
    ("instruct", 0.16),
    ("we_instruct", 0.08),
    ("members_shall", 0.16),
    ("we_agree", 0.08),
    ("recalling", 0.09),
    ("taking_note", 0.08),
    ("recognizing", 0.06),
    ("reaffirm", 0.07),
    ("decides", 0.07),
    ("body_shall", 0.10),
    ("further", 0.05),
]
_FAMILY_NAMES = [f for f, _ in FAMILIES]
_FAMILY_WEIGHTS = [w for _, w in FAMILIES]
RECITALS = {"recalling", "taking_note", "recognizing"}


@dataclass(frozen=True)
class Topic:
    """What a section of the decision is about: clauses near each other share it."""

    topics: tuple[str, ...]
    bodies: tuple[str, ...]
    instruments: tuple[str, ...]
    groups: tuple[str, ...]


class Grammar:
    """Decision-like sentences from the shared vocabulary, biased to a section's topic."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def topic(self) -> Topic:
        r = self.rng
        return Topic(
            tuple(r.sample(TOPICS, 2)),
            tuple(r.sample(BODIES, 2)),
            tuple(r.sample(INSTRUMENTS, 2)),
            tuple(r.sample(GROUPS, 2)),
        )

    def _pick(self, local: tuple[str, ...], pool: list[str]) -> str:
        # three times in four from the section's own, otherwise from anywhere
        return self.rng.choice(local) if self.rng.random() < 0.75 else self.rng.choice(pool)

    def _fill(self, template: str, tp: Topic) -> str:
        r = self.rng
        out = template
        while "{" in out:
            a = out.index("{")
            b = out.index("}", a)
            slot = out[a + 1 : b]
            if slot in ("t", "t2"):
                v = self._pick(tp.topics, TOPICS)
            elif slot in ("b", "b2"):
                v = self._pick(tp.bodies, BODIES)
            elif slot == "i":
                v = self._pick(tp.instruments, INSTRUMENTS)
            elif slot == "g":
                v = self._pick(tp.groups, GROUPS)
            elif slot == "a":
                v = r.choice(ROMAN)
            elif slot == "p":
                v = str(r.randint(1, 48))
            elif slot == "n":
                v = str(r.choice([30, 60, 90, 120, 180]))
            elif slot == "d":
                v = f"{r.randint(1, 31)} {r.choice(MONTHS)} {r.choice(YEARS)}"
            elif slot == "purpose":
                v = self.purposes(tp, r.choice([1, 1, 2]))
            else:  # pragma: no cover
                raise KeyError(slot)
            out = out[:a] + v + out[b + 1 :]
        return out

    def purposes(self, tp: Topic, k: int) -> str:
        parts = [self._fill(self.rng.choice(PURPOSES), tp) for _ in range(k)]
        return ", ".join(parts) if k <= 2 else ", ".join(parts[:-1]) + " and " + parts[-1]

    def _tail(self, tp: Topic, long: bool) -> str:
        """Zero, one or (for long sentences) several purpose phrases."""
        k = self.rng.choice([2, 3]) if long else self.rng.choice([0, 1, 1, 2])
        return (" " + self.purposes(tp, k)) if k else ""

    def _listing(self, pool: list[str], tp: Topic, long: bool) -> str:
        k = self.rng.choice([2, 3]) if long else self.rng.choice([1, 1, 2])
        items = [self._fill(t, tp) for t in self.rng.sample(pool, k)]
        return items[0] if k == 1 else ", ".join(items[:-1]) + " and " + items[-1]

    def first_sentence(self, family: str, tp: Topic, long: bool) -> str:
        r = self.rng
        if family == "instruct":
            body = self._pick(tp.bodies, BODIES)
            acts = self._listing(ACTIVITIES, tp, long)
            return f"To instruct the {body} to {acts}{self._tail(tp, long)}."
        if family == "we_instruct":
            body = self._pick(tp.bodies, BODIES)
            acts = self._listing(ACTIVITIES, tp, long)
            return f"We instruct the {body} to {acts}{self._tail(tp, long)}."
        if family == "members_shall":
            duties = self._listing(DUTIES, tp, long)
            return f"Members shall {duties}{self._tail(tp, long)}."
        if family == "we_agree":
            who = self._pick(tp.groups, GROUPS)
            duties = self._listing(DUTIES, tp, long)
            return f"We agree that {who} shall {duties}{self._tail(tp, long)}."
        if family == "recalling":
            refs = self._listing(REFERENCES, tp, long)
            return f"Recalling {refs};"
        if family == "taking_note":
            notes = self._listing(NOTES, tp, long)
            return f"Taking note of {notes};"
        if family == "recognizing":
            t = self._pick(tp.topics, TOPICS)
            g = self._pick(tp.groups, GROUPS)
            extra = f", and the need to address {self._pick(tp.topics, TOPICS)}" if long else ""
            return f"Recognizing the importance of {t} for {g}{extra};"
        if family == "reaffirm":
            what = r.choice(["the commitments", "the mandate", "the decisions", "our resolve"])
            t = self._pick(tp.topics, TOPICS)
            ref = self._listing(REFERENCES, tp, long)
            return f"We reaffirm {what} on {t} contained in {ref}{self._tail(tp, long)}."
        if family == "decides":
            who = self._pick(tp.groups, GROUPS)
            duties = self._listing(DUTIES, tp, long)
            return f"The Ministerial Conference decides that {who} shall {duties}{self._tail(tp, long)}."
        if family == "body_shall":
            body = self._pick(tp.bodies, BODIES)
            acts = self._listing(ACTIVITIES, tp, long)
            return f"The {body} shall {acts}{self._tail(tp, long)}."
        if family == "further":
            t = self._pick(tp.topics, TOPICS)
            duties = self._listing(DUTIES, tp, long)
            return (
                f"To further reiterate that, as regards {t}, Members shall {duties}"
                f"{self._tail(tp, long)}."
            )
        raise KeyError(family)  # pragma: no cover

    def chunk(self, tp: Topic, lo: int, hi: int) -> list[str]:
        """A run of ``lo``-``hi`` words cut from a phrase of the grammar (no sentence stop)."""
        pool = self.rng.choice((ACTIVITIES, DUTIES, PURPOSES, REFERENCES, NOTES, TRAILERS))
        words = self._fill(self.rng.choice(pool), tp).rstrip(".;").split()
        k = min(max(1, self.rng.randint(lo, max(lo, hi))), len(words))
        at = self.rng.randrange(len(words) - k + 1)
        return [w.rstrip(".;") or "the" for w in words[at : at + k]]

    def other_sentence(self, tp: Topic) -> str:
        return self._fill(self.rng.choice(TRAILERS), tp)

    def family(self) -> str:
        return self.rng.choices(_FAMILY_NAMES, _FAMILY_WEIGHTS)[0]

    def sentence_count(self, family: str) -> int:
        if family in RECITALS:
            return 1
        return self.rng.choices([1, 2, 3, 4], [0.45, 0.3, 0.15, 0.1])[0]

    def clause(self, family: str, tp: Topic, n_sentences: int) -> list[str]:
        """The sentences of one clause (about one in six sentences is long)."""
        long = self.rng.random() < 0.18
        out = [self.first_sentence(family, tp, long)]
        out.extend(self.other_sentence(tp) for _ in range(n_sentences - 1))
        return out


# ---------------------------------------------------------------------------------------
# edits


def _protected(token: str) -> bool:
    """Tokens an edit keeps: those ending a sentence (so sentence stops survive)."""
    return token.endswith((".", ";"))


def changed_share(old: list[str], new: list[str]) -> float:
    """The share of words changed: 1 - longest common subsequence / the longer length."""
    return 1 - LCSseq.similarity(old, new) / max(len(old), len(new), 1)


def edit_words(g: Grammar, tp: Topic, text: str, lo: float, hi: float) -> str:
    """Edit ``text`` until a share in [lo, hi] of its words is changed (:func:`changed_share`),
    as drafters do: short phrases (1-6 words) replaced by, or inserted as, pieces of other
    phrases of the same vocabulary and topic, or dropped. The first and last word of each
    sentence are kept, so the clause keeps its shape and its sentence stops."""
    rng = g.rng
    old = text.split()
    words = list(old)
    target = rng.uniform(lo, hi)
    for _ in range(20 * len(old)):
        share = changed_share(old, words)
        if share >= target:
            break
        n = len(words)
        if n < 3:
            break
        k = rng.randrange(1, n)
        if _protected(words[k]) or _protected(words[k - 1]):
            continue  # a sentence's last or first word
        room = max(1, round((target - share) * len(old)))
        span = min(rng.choice((1, 1, 2, 2, 3, 4, 6)), room)
        end = k
        while end < n and end - k < span and not _protected(words[end]):
            end += 1
        op = rng.random()
        if op < 0.6:  # replace
            words[k:end] = g.chunk(tp, end - k, end - k + 2)
        elif op < 0.8 and n > 8:  # drop
            del words[k:end]
        else:  # insert
            words[k:k] = g.chunk(tp, 1, span)
    return " ".join(words)


def _join(sentences: list[str]) -> str:
    return " ".join(sentences)


@dataclass
class Pair:
    """A generated revision pair and its truth.

    ``links`` maps true (left, right) clause pairs to their kind; ``deleted`` and ``added``
    are the clauses with no counterpart; ``edit_of`` gives the edit each left clause
    underwent (and ``"added"`` for the added right clauses in ``added``).
    """

    left: list[str]
    right: list[str]
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    added: set[int] = field(default_factory=set)
    edit_of: dict[int, str] = field(default_factory=dict)

    def numbered(self) -> tuple[str, str]:
        """Both versions as texts: one numbered paragraph a clause, blank lines between."""
        a = "\n\n".join(f"{k + 1}. {t}" for k, t in enumerate(self.left))
        b = "\n\n".join(f"{k + 1}. {t}" for k, t in enumerate(self.right))
        return a, b


#: How often each edit is drawn for a clause of the old version. Trims and splits are drawn
#: again for clauses of one sentence (about half of them), and a merge takes 2-3 clauses,
#: so that each befalls about 3 % of the old clauses.
EDIT_WEIGHTS = {
    "unchanged": 0.55,
    "light": 0.12,
    "heavy": 0.05,
    "trim": 0.065,
    "expand": 0.04,
    "rewrite": 0.03,
    "move": 0.01,
    "move_light": 0.025,
    "move_heavy": 0.015,
    "split": 0.065,
    "merge": 0.0125,
    "delete": 0.04,
}
#: New clauses, as a share of the old clauses.
ADDED_SHARE = 0.04
#: In the stress pair, nothing stays as it was.
STRESS_WEIGHTS = {**EDIT_WEIGHTS, "unchanged": 0.0, "move": 0.0}

_MULTI = {"trim", "split"}  # edits that need a clause of two sentences or more
_OPERATIVE = {"expand"}  # a recital takes no second sentence
_GOLD_KIND = {
    "unchanged": "unchanged",
    "light": "modified",
    "heavy": "modified",
    "trim": "modified",
    "expand": "modified",
    "rewrite": "modified",
    "move": "moved",
    "move_light": "moved",
    "move_heavy": "moved",
    "split": "split",
    "merge": "merged",
}


@dataclass
class _Old:
    sentences: list[str]
    family: str
    topic: Topic


def _old_version(g: Grammar, n: int) -> list[_Old]:
    rng = g.rng
    out: list[_Old] = []
    seen: set[str] = set()
    tp = g.topic()
    while len(out) < n:
        if rng.random() < 1 / 12:  # a new section, about every 12 clauses
            tp = g.topic()
        fam = g.family()
        sents = g.clause(fam, tp, g.sentence_count(fam))
        text = _join(sents)
        if text in seen:
            continue
        seen.add(text)
        out.append(_Old(sents, fam, tp))
    return out


def _fits(edit: str, c: _Old, i: int, n: int) -> bool:
    """Whether ``edit`` can befall old clause ``i`` (trims and splits need two sentences,
    expansions an operative clause, a merge a next clause)."""
    if edit in _MULTI:
        return len(c.sentences) >= 2
    if edit in _OPERATIVE:
        return c.family not in RECITALS
    return edit != "merge" or i + 1 < n


def generate(n: int, seed: int, *, every_edited: bool = False) -> Pair:
    """A revision pair of ``n`` old clauses (about as many new ones) and its truth."""
    rng = random.Random(seed)
    g = Grammar(rng)
    old = _old_version(g, n)
    left = [_join(c.sentences) for c in old]
    seen = set(left)
    weights = STRESS_WEIGHTS if every_edited else EDIT_WEIGHTS
    names = list(weights)
    wts = [weights[k] for k in names]

    # Entries of the new version: (position key, text, old clauses, gold kind, edit).
    entries: list[tuple[float, str, tuple[int, ...], str]] = []
    edit_of: dict[int, str] = {}
    deleted: set[int] = set()
    i = 0
    while i < n:
        c = old[i]
        edit = rng.choices(names, wts)[0]
        for _ in range(20):
            if not _fits(edit, c, i, n):
                edit = rng.choices(names, wts)[0]
        if not _fits(edit, c, i, n):
            edit = "light"
        key = float(i)
        text = left[i]
        if edit == "unchanged":
            entries.append((key, text, (i,), "unchanged"))
        elif edit == "light":
            entries.append((key, edit_words(g, c.topic, text, 0.05, 0.20), (i,), "modified"))
        elif edit == "heavy":
            entries.append((key, edit_words(g, c.topic, text, 0.30, 0.60), (i,), "modified"))
        elif edit == "trim":
            entries.append((key, c.sentences[0], (i,), "modified"))
        elif edit == "expand":
            sents = list(c.sentences)
            sents.insert(rng.randint(1, len(sents)), g.other_sentence(c.topic))
            entries.append((key, _join(sents), (i,), "modified"))
        elif edit == "rewrite":
            for _ in range(10):
                new = _join(g.clause(c.family, c.topic, len(c.sentences)))
                if new != text:
                    break
            entries.append((key, new, (i,), "modified"))
        elif edit.startswith("move"):
            if edit == "move_light":
                text = edit_words(g, c.topic, text, 0.05, 0.20)
            elif edit == "move_heavy":
                text = edit_words(g, c.topic, text, 0.30, 0.60)
            if rng.random() < 0.5:  # near: past 2-15 clauses either way
                off = rng.randint(2, 15) * rng.choice((-1, 1))
                key = min(max(i + off + 0.5, -0.5), n - 0.5)
            else:
                key = rng.uniform(-0.5, n - 0.5)
            entries.append((key, text, (i,), "moved"))
        elif edit == "split":
            sents = c.sentences
            parts = 2 if len(sents) == 2 or rng.random() < 0.6 else 3
            cuts = sorted(rng.sample(range(1, len(sents)), parts - 1))
            pieces = [
                _join(sents[a:b]) for a, b in zip([0, *cuts], [*cuts, len(sents)], strict=True)
            ]
            if rng.random() < 0.4:
                k = rng.randrange(len(pieces))
                pieces[k] = edit_words(g, c.topic, pieces[k], 0.05, 0.10)
            for k, piece in enumerate(pieces):
                entries.append((key + k * 1e-3, piece, (i,), "split"))
        elif edit == "merge":
            m = 3 if rng.random() < 0.2 and i + 2 < n else 2
            group = tuple(range(i, i + m))
            joined = _join([left[x] for x in group])
            if rng.random() < 0.4:
                joined = edit_words(g, c.topic, joined, 0.05, 0.10)
            entries.append((key, joined, group, "merged"))
            for x in group:
                edit_of[x] = "merge"
            i += m
            continue
        elif edit == "delete":
            deleted.add(i)
        edit_of[i] = edit
        i += 1

    # Added clauses: from the same families, on the topic of the clauses where they land.
    for _ in range(round(ADDED_SHARE * n)):
        at = rng.randrange(n)
        fam = g.family()
        for _ in range(10):
            new = _join(g.clause(fam, old[at].topic, g.sentence_count(fam)))
            if new not in seen:
                break
        seen.add(new)
        entries.append((at + rng.choice((-0.25, 0.25)), new, (), "added"))

    entries.sort(key=lambda e: e[0])  # (stable: split parts stay in order)
    pair = Pair(left, [e[1] for e in entries], deleted=deleted, edit_of=edit_of)
    for j, (_, _, lefts, kind) in enumerate(entries):
        if kind == "added":
            pair.added.add(j)
        for x in lefts:
            pair.links[(x, j)] = kind
    return pair


def reworded(pair: Pair, seed: int) -> Pair:
    """The old hard case: one word of every new clause changed, so no clause of the new
    version is the same as an old one (unchanged links become modified)."""
    rng = random.Random(seed)
    right = []
    for text in pair.right:
        words = text.split()
        k = rng.randrange(1, len(words) - 1) if len(words) > 2 else 0
        words[k] = "revised"
        right.append(" ".join(words))
    links = {p: ("modified" if k == "unchanged" else k) for p, k in pair.links.items()}
    return Pair(pair.left, right, links, set(pair.deleted), set(pair.added), dict(pair.edit_of))
