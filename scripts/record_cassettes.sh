#!/usr/bin/env bash
# Re-record the LLM cassettes in fixtures/cassettes/ (and their manifest.json).
#
# By default every cassette is recorded against the local fake OpenAI-compatible server
# (tests/fake_openai/server.py, started by the tests on 127.0.0.1). To record the ordinary reviews
# (proposal, report, long document, reviewer-directed text, function calling) against a real
# OpenAI-compatible endpoint instead, set the record variables (the fault scenarios -- 429, 500s,
# malformed answer, hallucinated quote -- always come from the local server, which can produce them
# on demand):
#
#   RECORD_OPENAI_BASE_URL=https://api.openai.com/v1 RECORD_OPENAI_API_KEY=sk-... \
#   RECORD_REVIEWER_MODEL=gpt-4o-mini bash scripts/record_cassettes.sh
#
# Keys are never written: Authorization and api-key headers are filtered, and
# tests/test_secrets.py fails if any cassette holds a key.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python -m pytest tests/test_llm_cassettes.py --record-mode=rewrite -p no:randomly "$@"
