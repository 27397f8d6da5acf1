"""Ledger: states, crash recovery queries, persistence, WAL, thread safety."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from reviewer.ledger import Ledger, ledger_path


def test_states_outputs_and_errors_persist(tmp_path: Path) -> None:
    path = ledger_path(tmp_path)
    with Ledger(path) as ledger:
        a = ledger.add(source="watch", path=tmp_path / "a.pdf", rel="a.pdf", stem="a")
        b = ledger.add(source="watch", path=tmp_path / "b.pdf", rel="b.pdf", stem="b")
        ledger.start(a, sha256="1" * 64, cache_key="k")
        ledger.finish(a, "reviewed", outputs=["x.memo.md"])
        ledger.start(b, sha256="2" * 64, cache_key="k2")
        ledger.finish(b, "failed", error_type="CorruptDocumentError", error="b.pdf: is damaged.")
    with Ledger(path) as ledger:  # reopened: everything committed
        ra, rb = ledger.get(a), ledger.get(b)
        assert ra is not None and rb is not None
        assert (ra.state, ra.outputs, ra.sha256, ra.attempts) == ("reviewed", ["x.memo.md"], "1" * 64, 1)
        assert (rb.state, rb.error_type) == ("failed", "CorruptDocumentError")
        assert ra.finished_at and ra.started_at and ra.queued_at
        assert ledger.counts("watch") == {"queued": 0, "reviewing": 0, "reviewed": 1, "failed": 1}
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_recover_and_unmoved(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.sqlite") as ledger:
        a = ledger.add(source="watch", path=tmp_path / "a.pdf", rel="a.pdf", stem="a")
        ledger.start(a, sha256="s", cache_key="k")
        b = ledger.add(source="watch", path=tmp_path / "b.pdf", rel="b.pdf", stem="b")
        ledger.start(b, sha256="t", cache_key="k")
        ledger.finish(b, "reviewed")
        assert ledger.recover("watch") == 1  # a was mid-review
        assert [r.id for r in ledger.open_rows("watch")] == [a]
        assert ledger.unmoved("watch", tmp_path / "b.pdf", "t") is not None
        assert ledger.unmoved("watch", tmp_path / "b.pdf", "other-bytes") is None
        ledger.moved(b, tmp_path / "processed" / "b.pdf")
        assert ledger.unmoved("watch", tmp_path / "b.pdf", "t") is None
        assert ledger.stem_owner("watch", "B") == "b.pdf"
        with pytest.raises(ValueError):
            ledger.finish(a, "queued")  # type: ignore[arg-type]


def test_concurrent_writers(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.sqlite") as ledger:
        def work(k: int) -> None:
            for i in range(25):
                rid = ledger.add(source="batch", path=tmp_path / f"{k}-{i}", rel=f"{k}-{i}", stem=f"{k}-{i}")
                ledger.start(rid, sha256=str(i), cache_key="k")
                ledger.finish(rid, "reviewed")
                ledger.cache_put(f"{k}-{i}", "{}")

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert ledger.counts()["reviewed"] == 100
        assert ledger.cache_get("3-24") == "{}"
