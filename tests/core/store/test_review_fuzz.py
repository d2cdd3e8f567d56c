"""Review files built at random, as a hostile sender could: random table layouts, extra
objects (triggers, views, tables, indexes, WAL mode) and random values. Opening one gives a
ReviewError or a correct open (every row as it is in the file), never another exception;
the file is never changed by opening it; and a note the recipient writes changes no row
the recipient did not write."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from contextlib import closing, suppress
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clausediff.core.read.bundled import load_bundled
from clausediff.core.store.review import Note, Review, ReviewError
from clausediff.core.store.review_file import SCHEMA, SCHEMA_VERSION

DOC = load_bundled("WT/L/907")
SHAS = [load_bundled(s).info.sha256 for s in ("WT/L/843", "WT/L/907", "WT/MIN(98)/DEC/2")]
BAD_UTF8 = object()  # a TEXT value whose bytes are not UTF-8
RECURSIVE = (
    "SELECT count(*) FROM (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)"
    " SELECT i FROM r)"
)
OURS = {
    name: next(s.strip() for s in SCHEMA.split(";") if f"EXISTS {name} " in s)
    for name in ("meta", "versions", "notes")
}
COLUMNS = {
    "meta": ("key", "value"),
    "versions": ("position", "sha256", "symbols", "label", "date"),
    "notes": ("id", "version_sha256", "version_label", "clause_index", "clause_label",
              "clause_text", "status", "text", "author", "created", "updated"),
}  # fmt: skip
EXTRAS = {
    "wipe": "CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; END",
    "mark": "CREATE TRIGGER mark BEFORE INSERT ON notes BEGIN"
    " INSERT INTO meta VALUES ('pwned', 'y'); END",
    "rewrite": "CREATE TRIGGER rewrite AFTER INSERT ON notes BEGIN"
    " UPDATE notes SET text = 'pwned'; UPDATE versions SET label = 'pwned'; END",
    "hang": f"CREATE TRIGGER hang BEFORE INSERT ON notes BEGIN {RECURSIVE}; END",
    "forever": f"CREATE VIEW forever AS {RECURSIVE}",
    "loot": "CREATE TABLE loot (what BLOB)",
    "index": "CREATE INDEX by_text ON notes (length(text), text)",
    "versions_index": "CREATE INDEX by_sha ON versions (sha256)",
}

junk = st.one_of(
    st.none(),
    st.binary(max_size=6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.just("x" * 1_001),
    st.just(BAD_UTF8),
    st.text(max_size=8),
)
short = st.text(max_size=12)
stamp = st.sampled_from(["2024-03-01 09:30:00", "2013-12-07 18:00:00"])
sha = st.sampled_from(SHAS)


def rows(*columns: st.SearchStrategy[object], most: int) -> st.SearchStrategy[list[tuple]]:  # type: ignore[type-arg]
    """Rows of good values, or (one time in three) rows where any value may be junk."""
    good = st.lists(st.tuples(*columns), max_size=most)
    spoiled = st.lists(st.tuples(*(st.one_of(c, c, c, junk) for c in columns)), max_size=most)
    return st.one_of(good, good, spoiled)


meta_rows = rows(st.sampled_from(["created", "comment"]), short, most=2)
schema_value = st.sampled_from(["1"] * 12 + ["abc", "2", "0", "", None, "01", " 1"])
version_rows = rows(
    st.integers(0, 50), sha, st.sampled_from(["WT/L/907", ""]), short,
    st.sampled_from(["2013-12-07", ""]), most=3,
)  # fmt: skip
note_rows = rows(
    st.integers(1, 1000), sha, short, st.integers(0, 30), short, st.text(max_size=30),
    st.sampled_from(["none", "agreed", "to discuss", "red line"]), st.text(max_size=30),
    short, stamp, stamp, most=4,
)  # fmt: skip
layout = st.sampled_from(["ours", "ours", "missing", "extra", "loose", "view"])
layouts = st.one_of(*[st.just(("ours", "ours", "ours"))] * 3, st.tuples(layout, layout, layout))


def _create(name: str, how: str) -> str | None:
    ours = OURS[name]
    return {
        "ours": ours,
        "missing": None,
        "extra": ours[: ours.rindex(")")] + ", extra TEXT)",
        "loose": ours.replace(" NOT NULL", ""),
        "view": f"CREATE VIEW {name} AS {RECURSIVE}",
    }[how]


def _insert(conn: sqlite3.Connection, table: str, row: tuple[object, ...]) -> None:
    places, params = [], []
    for v in row:
        if v is BAD_UTF8:
            places.append("CAST(x'ff41' AS TEXT)")
        else:
            places.append("?")
            params.append(v)
    columns = ", ".join(COLUMNS[table])
    with suppress(sqlite3.Error):  # (a value the layout refuses: the row is not there)
        conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(places)})", params)


def _raw(path: Path, table: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as conn:
        columns = ", ".join(COLUMNS[table])
        return conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    layouts=layouts,
    schema=schema_value,
    meta=meta_rows,
    versions=version_rows,
    notes=note_rows,
    extras=st.lists(st.sampled_from(sorted(EXTRAS)), max_size=3, unique=True),
    wal=st.booleans(),
)
def test_a_random_review_file_opens_correctly_or_is_refused(
    layouts: tuple[str, str, str],
    schema: str | None,
    meta: list[tuple[object, object]],
    versions: list[tuple[object, ...]],
    notes: list[tuple[object, ...]],
    extras: list[str],
    wal: bool,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.cdreview"
        with closing(sqlite3.connect(path)) as conn:
            if wal:
                conn.execute("PRAGMA journal_mode=WAL")
            for name, how in zip(("meta", "versions", "notes"), layouts, strict=True):
                if (sql := _create(name, how)) is not None:
                    conn.execute(sql)
                if how in ("ours", "extra", "loose"):
                    rows: list[tuple[object, ...]] = {
                        "meta": [("schema", schema), *meta], "versions": versions,
                        "notes": notes,
                    }[name]  # fmt: skip
                    for row in rows:
                        _insert(conn, name, row)
            for extra in extras:
                with suppress(sqlite3.Error):  # (its table is not there)
                    conn.execute(EXTRAS[extra])
            conn.commit()
        before = _digest(path)
        try:
            review = Review(path)
            found_notes, found_versions = review.notes(), review.versions()
        except ReviewError as exc:
            event("refused: " + str(exc).split(":")[0].removeprefix("random.cdreview ")[:30])
            assert str(exc) and "\n" not in str(exc)
            assert _digest(path) == before  # a refused file is left as it came
            return
        event(f"opened, {'with' if review.extras else 'without'} extras")
        # a correct open: every row as it is in the file, nothing run, nothing written
        raw_meta, raw_versions, raw_notes = (_raw(path, t) for t in ("meta", "versions", "notes"))
        assert found_notes == [Note(*r) for r in sorted(raw_notes)]  # type: ignore[arg-type]
        assert [(v.sha256, v.label, v.date) for v in found_versions] == [
            (r[1], r[3], r[4])
            for r in sorted(raw_versions)  # type: ignore[type-var]
        ]
        assert _digest(path) == before

        mine = review.add_note(DOC, 5, "The recipient's note", status="agreed")
        after_notes = _raw(path, "notes")
        assert sorted(after_notes)[:-1] == sorted(raw_notes)  # type: ignore[type-var]
        assert [n.text for n in Review(path).notes()][-1] == "The recipient's note"
        assert mine.id == max(n[0] for n in after_notes)  # type: ignore[type-var]
        # (a file of format 1 is written in the current format at its first change)
        upgraded = [(k, str(SCHEMA_VERSION) if k == "schema" else v) for k, v in raw_meta]
        assert sorted(_raw(path, "meta")) == sorted(upgraded)  # type: ignore[type-var]
        after_versions = _raw(path, "versions")
        assert after_versions[: len(raw_versions)] == raw_versions
        assert {r[1] for r in after_versions} == {r[1] for r in raw_versions} | {DOC.info.sha256}
        with closing(sqlite3.connect(path)) as conn:
            kinds = conn.execute("SELECT type, name FROM sqlite_master ORDER BY name").fetchall()
        assert kinds == [
            ("table", "corrections"), ("table", "meta"), ("table", "notes"),
            ("index", "sqlite_autoindex_meta_1"), ("table", "versions"),
        ]  # fmt: skip
