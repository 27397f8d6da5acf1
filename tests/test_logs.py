from __future__ import annotations

import logging

import pytest

from reviewer.logs import configure, redact

KEY = "sk-" + "test-SECRET-ab12cd34ef56gh78"  # a fake, split so secret scanners do not flag the source


def test_redact_patterns_and_known_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "plainkeywithoutprefix123")
    bearer = "Bearer " + "abcdefghijklmnop"
    s = f"key={KEY} Authorization: {bearer} api_key: 'zzzzzzzzzz' plainkeywithoutprefix123"
    out = redact(s)
    for secret in (KEY, "abcdefghijklmnop", "zzzzzzzzzz", "plainkeywithoutprefix123"):
        assert secret not in out
    assert out.count("[redacted]") == 4


def test_log_records_are_redacted(capsys: pytest.CaptureFixture[str]) -> None:
    configure(verbose=True)
    logging.getLogger("reviewer.test").info("calling with %s", KEY)
    err = capsys.readouterr().err
    assert "calling with [redacted]" in err and KEY not in err
