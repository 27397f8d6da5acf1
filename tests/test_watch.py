"""The drop folder: pick-up, half-written files, temp files, moves and error notes, kill -9 and restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.cli import cli
from reviewer.documents.base import file_sha256
from reviewer.ledger import Ledger
from reviewer.options import ReviewOptions
from reviewer.watch import Watcher
from tests.batch_support import FORMATS, CountingScreen, docx_bytes, make_docs

ROOT = Path(__file__).resolve().parent.parent
OPTS = ReviewOptions(engine="screen", formats=FORMATS, jobs=2)


def _watcher(inbox: Path, out: Path, **kw: object) -> Watcher:
    messages: list[str] = []
    w = Watcher(inbox, out=out, options=OPTS, settle=0.1, say=messages.append, **kw)  # type: ignore[arg-type]
    w.messages = messages  # type: ignore[attr-defined]
    return w


@contextmanager
def running(w: Watcher) -> Iterator[Watcher]:
    t = threading.Thread(target=w.run, daemon=True)
    t.start()
    try:
        yield w
    finally:
        w.stop.set()
        t.join(timeout=20)
        assert not t.is_alive()


def _wait_for(cond: object, timeout: float = 15.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_once_processes_moves_and_leaves_the_rest(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    make_docs(inbox, 2)
    make_docs(inbox / "team a", 1, prefix="sub")
    (inbox / "broken.docx").write_bytes(b"PK\x03\x04 this is no zip")
    (inbox / "notes.txt").write_text("not a document")
    (inbox / "~$doc000.docx").write_bytes(b"lock")
    (inbox / "upload.docx.part").write_bytes(docx_bytes(9))
    (inbox / ".hidden.docx").write_bytes(docx_bytes(8))
    w = _watcher(inbox, out)
    summary = w.run(once=True)
    assert (summary.reviewed, summary.failed) == (3, 1)
    assert sorted(p.relative_to(inbox / "processed").as_posix() for p in (inbox / "processed").rglob("*.docx")) == [
        "doc000.docx", "doc001.docx", "team a/sub000.docx"]
    assert (out / "team a" / "sub000.memo.md").is_file() and (out / "doc001.review.json").is_file()
    assert (inbox / "failed" / "broken.docx").is_file()
    note = (inbox / "failed" / "broken.docx.error.txt").read_text()
    assert "broken.docx" in note and "What to do" in note and "CorruptDocumentError" in note
    left = sorted(p.name for p in inbox.iterdir() if p.is_file())
    assert left == [".hidden.docx", "notes.txt", "upload.docx.part", "~$doc000.docx"]
    assert sum("notes.txt" in m for m in w.messages) == 1  # type: ignore[attr-defined]
    with Ledger.for_out(out) as ledger:
        rows = ledger.rows(source="watch")
        assert sorted(r.state for r in rows) == ["failed", "reviewed", "reviewed", "reviewed"]
        assert all(r.moved_to for r in rows)
    assert not list(out.rglob("*.part"))


def test_live_pickup_temp_rename_and_half_written_file(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    w = _watcher(inbox, out, poll=True)
    w.settle = 0.6
    with running(w):
        # a temp file is ignored until it is renamed
        tmp = inbox / "renamed.docx.part"
        tmp.write_bytes(docx_bytes(1))
        time.sleep(1.0)
        assert tmp.exists() and not (inbox / "processed").exists()
        tmp.rename(inbox / "renamed.docx")
        assert _wait_for(lambda: (inbox / "processed" / "renamed.docx").exists())
        # a file still growing is not taken; once complete it is, and it parses (not failed as truncated)
        data = docx_bytes(2, extra=40)
        growing = inbox / "growing.docx"
        step = len(data) // 8 + 1
        with growing.open("wb") as f:
            for i in range(0, len(data), step):
                f.write(data[i:i + step])
                f.flush()
                time.sleep(0.2)
                assert not (inbox / "processed" / "growing.docx").exists()
                assert not (inbox / "failed" / "growing.docx").exists()
        assert _wait_for(lambda: (inbox / "processed" / "growing.docx").exists())
    assert not (inbox / "failed").exists()
    assert (out / "growing.memo.md").is_file()


def test_finished_but_unmoved_file_is_moved_not_reviewed_again(tmp_path: Path) -> None:
    """The crash window between the ledger commit and the move."""
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    (doc,) = make_docs(inbox, 1)
    with Ledger.for_out(out) as ledger:
        rid = ledger.add(source="watch", path=doc.resolve(), rel=doc.name, stem=doc.stem)
        ledger.start(rid, sha256=file_sha256(doc), cache_key="k")
        ledger.finish(rid, "reviewed", outputs=[])
    engine = CountingScreen()
    summary = _watcher(inbox, out, engine=engine).run(once=True)
    assert engine.calls == {} and summary.moved_after_restart == 1
    assert (inbox / "processed" / doc.name).is_file() and not doc.exists()


def test_same_name_dropped_twice_is_kept_twice(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    make_docs(inbox, 1)
    _watcher(inbox, out).run(once=True)
    (inbox / "doc000.docx").write_bytes(docx_bytes(0, extra=2))  # a new version, same name
    _watcher(inbox, out).run(once=True)
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == ["doc000 (2).docx", "doc000.docx"]


def test_cli_watch_once(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    make_docs(inbox, 2)
    res = CliRunner().invoke(cli, ["watch", str(inbox), "--out", str(out), "--once", "--settle", "0.1",
                                   "--engine", "screen", "--format", "md,json", "--jobs", "2"])
    assert res.exit_code == 0, res.output
    assert "reviewed doc000.docx" in res.stdout
    assert len(list((inbox / "processed").iterdir())) == 2


_CHILD = textwrap.dedent(
    """
    import sys, time
    from reviewer.engines.screen import ScreeningEngine
    from reviewer.options import ReviewOptions
    from reviewer.watch import watch

    inbox, out, log, delay = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])

    class Slow(ScreeningEngine):
        def review(self, document, rubric):
            with open(log + ".started", "a") as f:
                f.write(document.name + "\\n")
            time.sleep(delay)
            result = super().review(document, rubric)
            with open(log, "a") as f:
                f.write(document.name + "\\n")
            return result

    jobs = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    once = sys.argv[6] != "forever" if len(sys.argv) > 6 else True
    summary = watch(inbox, out=out, options=ReviewOptions(engine="screen", formats=("md", "json"), jobs=jobs),
                    once=once, settle=0.1, engine=Slow())
    print("stopped", summary.reviewed, flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_survives_kill_9_and_restart(tmp_path: Path) -> None:
    inbox, out, log = tmp_path / "inbox", tmp_path / "out", tmp_path / "calls.log"
    n = 12
    make_docs(inbox, n - 1)
    (inbox / "broken.docx").write_bytes(b"PK\x03\x04 this is no zip")
    script = tmp_path / "child.py"
    script.write_text(_CHILD)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, str(script), str(inbox), str(out), str(log)]
    child = subprocess.Popen([*cmd, "0.25"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(lambda: len(list((inbox / "processed").glob("*.docx"))) >= 2, timeout=60)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    processed_before = {p.name for p in (inbox / "processed").glob("*.docx")}
    calls_before = len(log.read_text().split())
    assert 0 < len(processed_before) < n  # killed halfway
    # restart: finishes the work
    subprocess.run([*cmd, "0"], env=env, check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    processed = sorted(p.name for p in (inbox / "processed").iterdir())
    failed = sorted(p.name for p in (inbox / "failed").iterdir())
    assert processed == [f"doc{i:03d}.docx" for i in range(n - 1)]  # each once: no "(2)" copies
    assert failed == ["broken.docx", "broken.docx.error.txt"]
    assert not [p for p in inbox.iterdir() if p.is_file()]  # nothing left behind
    assert not list(out.rglob("*.part"))  # nothing half-written
    second_run_calls = log.read_text().split()[calls_before:]
    assert second_run_calls and not processed_before & set(second_run_calls)  # finished ones not reviewed again
    with Ledger.for_out(out) as ledger:
        rows = ledger.rows(source="watch")
        by_rel: dict[str, list[str]] = {}
        for r in rows:
            by_rel.setdefault(r.rel, []).append(r.state)
        assert sorted(by_rel) == sorted([*processed, "broken.docx"])
        assert all(len(states) == 1 for states in by_rel.values())  # exactly one row per file
        assert ledger.counts("watch") == {"queued": 0, "reviewing": 0, "reviewed": n - 1, "failed": 1}
    for i in range(n - 1):
        assert (out / f"doc{i:03d}.memo.md").is_file()



@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM")
def test_sigterm_finishes_the_document_in_hand_and_exits(tmp_path: Path) -> None:
    inbox, out, log = tmp_path / "inbox", tmp_path / "out", tmp_path / "calls.log"
    make_docs(inbox, 5)
    script = tmp_path / "child.py"
    script.write_text(_CHILD)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(script), str(inbox), str(out), str(log), "0.6", "1", "forever"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        started = Path(str(log) + ".started")
        # jobs=1: once a second document has started, the first is done and the second is in hand.
        assert _wait_for(lambda: started.exists() and len(started.read_text().split()) >= 2, timeout=60)
        child.send_signal(signal.SIGTERM)  # the second document is now with the (slow) engine
        stdout, _ = child.communicate(timeout=30)
    finally:
        child.kill()
    assert child.returncode == 0 and stdout.startswith("stopped")
    reviewed = log.read_text().split()
    processed = sorted(p.name for p in (inbox / "processed").iterdir())
    assert processed == sorted(reviewed) and len(processed) == 2  # the one in hand was finished and moved
    assert len([p for p in inbox.iterdir() if p.is_file()]) == 5 - len(processed)  # the rest wait for next time
    with Ledger.for_out(out) as ledger:
        assert ledger.counts("watch")["reviewing"] == 0


def test_portfolio_grows_with_each_drop(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    opts = ReviewOptions(engine="screen", formats=("md", "json", "portfolio"), jobs=2)
    make_docs(inbox, 2)
    assert Watcher(inbox, out=out, options=opts, settle=0.1).run(once=True).reviewed == 2
    csv_rows = (out / "portfolio.csv").read_text(encoding="utf-8").strip().splitlines()
    assert len(csv_rows) == 1 + 2 and "doc000" in csv_rows[1] + csv_rows[2]
    (inbox / "late000.docx").write_bytes(docx_bytes(7))  # bytes unlike the first two: not a cache hit
    assert Watcher(inbox, out=out, options=opts, settle=0.1).run(once=True).reviewed == 1
    csv_rows = (out / "portfolio.csv").read_text(encoding="utf-8").strip().splitlines()
    assert len(csv_rows) == 1 + 3 and any("late000" in r for r in csv_rows)
    assert "late000" in (out / "portfolio.html").read_text(encoding="utf-8")


def test_restart_clears_a_note_half_written_beside_a_failed_original(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    make_docs(inbox, 1)
    (inbox / "failed").mkdir(parents=True)
    stale = inbox / "failed" / ".broken.docx.error.txt.abc123.part"  # what kill -9 during atomic_write leaves
    stale.write_text("half a note")
    assert _watcher(inbox, out).run(once=True).reviewed == 1
    assert not stale.exists()
