"""The ledger: one SQLite file in the output folder recording every file taken and its state.

``OUT/.reviewer/ledger.sqlite`` (WAL). Each time a file is taken (by ``review`` or ``watch``) a row
is added: ``queued`` -> ``reviewing`` -> ``reviewed`` or ``failed``, with its sha256, outputs,
error and timestamps. Every state change is its own committed transaction, so after ``kill -9``
the ledger says exactly what finished: a restart redoes ``queued``/``reviewing`` rows and never
repeats a ``reviewed``/``failed`` one. The same file holds the review cache (see ``cache.py``).

WAL with ``synchronous=NORMAL`` survives a killed process; only a power cut can lose the last
commits. SQLite's locking is unreliable on network shares, so keep ``--out`` on a local disk (the
inbox may be on a network drive: use ``watch --poll``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from reviewer.errors import OutputError
from reviewer.outputs import sweep_partials

State = Literal["queued", "reviewing", "reviewed", "failed"]
STATES: tuple[State, ...] = ("queued", "reviewing", "reviewed", "failed")
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    path TEXT NOT NULL,
    rel TEXT NOT NULL,
    stem TEXT NOT NULL,
    sha256 TEXT,
    size INTEGER,
    state TEXT NOT NULL CHECK (state IN ('queued', 'reviewing', 'reviewed', 'failed')),
    cached INTEGER NOT NULL DEFAULT 0,
    cache_key TEXT,
    outputs TEXT NOT NULL DEFAULT '[]',
    error_type TEXT,
    error TEXT,
    moved_to TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    queued_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_path ON files (path, sha256);
CREATE INDEX IF NOT EXISTS files_state ON files (state);
CREATE TABLE IF NOT EXISTS cache (
    key TEXT PRIMARY KEY,
    review TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Row:
    """One file taken once, as the ledger records it."""

    id: int
    source: str
    path: str
    rel: str
    stem: str
    sha256: str | None
    size: int | None
    state: State
    cached: bool
    cache_key: str | None
    outputs: list[str]
    error_type: str | None
    error: str | None
    moved_to: str | None
    attempts: int
    queued_at: str
    started_at: str | None
    finished_at: str | None

    @classmethod
    def from_sql(cls, r: sqlite3.Row) -> Row:
        return cls(
            id=r["id"], source=r["source"], path=r["path"], rel=r["rel"], stem=r["stem"], sha256=r["sha256"],
            size=r["size"], state=r["state"], cached=bool(r["cached"]), cache_key=r["cache_key"],
            outputs=json.loads(r["outputs"] or "[]"), error_type=r["error_type"], error=r["error"],
            moved_to=r["moved_to"], attempts=r["attempts"], queued_at=r["queued_at"],
            started_at=r["started_at"], finished_at=r["finished_at"],
        )


def ledger_path(out_dir: Path) -> Path:
    """Where the ledger of an output folder lives."""
    return out_dir / ".reviewer" / "ledger.sqlite"


@contextmanager
def using_out_dir(out_dir: Path) -> Iterator[int]:
    """Hold a shared lock on ``out_dir`` while writing to it; yields how many stale temp files were
    swept, or -1 when another reviewer process is using the folder.

    A process killed in the middle of ``atomic_write`` leaves a hidden ``.name.xxxx.part`` beside
    the output (never a half-written output). On entry, if no other reviewer process holds the
    folder (the exclusive lock is free), those leftovers are deleted. POSIX only; elsewhere no-op.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield 0
        return
    lock_path = out_dir / ".reviewer" / "lock"
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise OutputError(f"{out_dir}: cannot use the output folder ({e.strerror or e}).") from e
    swept = 0
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            swept = -1  # another reviewer is writing here: leave its temp files alone
        else:
            swept = sweep_partials(out_dir)
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield swept
    finally:
        os.close(fd)


class Ledger:
    """Thread-safe access to the ledger (one connection, one lock, autocommit per statement)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        except (OSError, sqlite3.Error) as e:
            raise OutputError(f"{path}: could not open the ledger ({e}).") from e
        self._lock = threading.RLock()

    @classmethod
    def for_out(cls, out_dir: str | Path) -> Ledger:
        return cls(ledger_path(Path(out_dir)))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _cursor(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as e:
                raise OutputError(f"{self.path}: ledger write failed ({e}).") from e

    def _exec(self, sql: str, args: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        with self._cursor() as db:
            return db.execute(sql, args)

    # ------------------------------------------------------------------ file states

    def add(self, *, source: str, path: Path, rel: str, stem: str, sha256: str | None = None,
            size: int | None = None) -> int:
        """Record a file as queued; return its row id."""
        now = _now()
        cur = self._exec(
            "INSERT INTO files (source, path, rel, stem, sha256, size, state, queued_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
            (source, str(path), rel, stem, sha256, size, now, now),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def start(self, row_id: int, *, sha256: str, cache_key: str) -> None:
        now = _now()
        self._exec(
            "UPDATE files SET state='reviewing', sha256=?, cache_key=?, attempts=attempts+1, started_at=?, "
            "updated_at=? WHERE id=?",
            (sha256, cache_key, now, now, row_id),
        )

    def finish(self, row_id: int, state: State, *, outputs: list[str] | None = None, cached: bool = False,
               error_type: str | None = None, error: str | None = None, sha256: str | None = None,
               cache_key: str | None = None) -> None:
        """Record the end state (``reviewed`` or ``failed``) with outputs or the error."""
        if state not in ("reviewed", "failed"):
            raise ValueError(f"not an end state: {state}")
        now = _now()
        self._exec(
            "UPDATE files SET state=?, outputs=?, cached=?, error_type=?, error=?, sha256=COALESCE(?, sha256), "
            "cache_key=COALESCE(?, cache_key), finished_at=?, updated_at=? WHERE id=?",
            (state, json.dumps(outputs or []), int(cached), error_type, error, sha256, cache_key, now, now, row_id),
        )

    def requeue(self, row_id: int) -> None:
        """Put a row back to queued (its document was not finished)."""
        self._exec("UPDATE files SET state='queued', updated_at=? WHERE id=?", (_now(), row_id))

    def moved(self, row_id: int, dest: Path) -> None:
        self._exec("UPDATE files SET moved_to=?, updated_at=? WHERE id=?", (str(dest), _now(), row_id))

    def recover(self, source: str | None = None) -> int:
        """After a crash: rows left ``reviewing`` go back to ``queued``. Returns how many."""
        sql = "UPDATE files SET state='queued', updated_at=? WHERE state='reviewing'"
        args: tuple[Any, ...] = (_now(),)
        if source:
            sql += " AND source=?"
            args += (source,)
        return self._exec(sql, args).rowcount

    # ------------------------------------------------------------------ queries

    def get(self, row_id: int) -> Row | None:
        r = self._exec("SELECT * FROM files WHERE id=?", (row_id,)).fetchone()
        return Row.from_sql(r) if r else None

    def rows(self, *, source: str | None = None, state: State | None = None) -> list[Row]:
        sql, args = "SELECT * FROM files WHERE 1=1", []
        if source:
            sql += " AND source=?"
            args.append(source)
        if state:
            sql += " AND state=?"
            args.append(state)
        return [Row.from_sql(r) for r in self._exec(sql + " ORDER BY id", tuple(args)).fetchall()]

    def open_rows(self, source: str) -> list[Row]:
        """Rows of ``source`` not finished (queued or reviewing), oldest first."""
        return [
            Row.from_sql(r)
            for r in self._exec(
                "SELECT * FROM files WHERE source=? AND state IN ('queued', 'reviewing') ORDER BY id", (source,)
            ).fetchall()
        ]

    def unmoved(self, source: str, path: Path, sha256: str) -> Row | None:
        """A finished row for this very file (same path and bytes) whose move never happened."""
        r = self._exec(
            "SELECT * FROM files WHERE source=? AND path=? AND sha256=? AND state IN ('reviewed', 'failed') "
            "AND moved_to IS NULL ORDER BY id DESC LIMIT 1",
            (source, str(path), sha256),
        ).fetchone()
        return Row.from_sql(r) if r else None

    def stem_owner(self, source: str, stem: str) -> str | None:
        """The ``rel`` of the first file that used an output stem (to avoid two files sharing one)."""
        r = self._exec(
            "SELECT rel FROM files WHERE source=? AND lower(stem)=lower(?) ORDER BY id LIMIT 1", (source, stem)
        ).fetchone()
        return str(r["rel"]) if r else None

    def counts(self, source: str | None = None) -> dict[str, int]:
        sql = "SELECT state, COUNT(*) AS n FROM files"
        args: tuple[Any, ...] = ()
        if source:
            sql += " WHERE source=?"
            args = (source,)
        found = {r["state"]: r["n"] for r in self._exec(sql + " GROUP BY state", args).fetchall()}
        return {s: int(found.get(s, 0)) for s in STATES}

    # ------------------------------------------------------------------ cache storage

    def cache_get(self, key: str) -> str | None:
        r = self._exec("SELECT review FROM cache WHERE key=?", (key,)).fetchone()
        return str(r["review"]) if r else None

    def cache_put(self, key: str, review_json: str) -> None:
        self._exec("INSERT OR REPLACE INTO cache (key, review, created_at) VALUES (?, ?, ?)", (key, review_json, _now()))
