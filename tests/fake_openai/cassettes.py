"""Cassette hygiene for vcrpy: readable JSON bodies, secrets and noisy headers removed.

Registered as the ``json`` serializer (cassettes end in ``.json``): request and response bodies
that are JSON are stored as JSON objects rather than escaped strings, so a reviewer of a diff sees
the prompt and the answer. Request headers are dropped except Content-Type (matching never uses
headers); response headers are kept only where behaviour depends on them (Retry-After).
"""

from __future__ import annotations

import json
from typing import Any

KEEP_REQUEST_HEADERS = {"content-type"}
KEEP_RESPONSE_HEADERS = {"content-type", "retry-after", "retry-after-ms"}
FILTER_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie"]
MATCH_ON = ["method", "scheme", "host", "port", "path", "query", "body"]


def _as_text(body: Any) -> str | None:
    if body is None:
        return None
    if isinstance(body, bytes | bytearray):
        try:
            return bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            return None
    return str(body)


def _pack(body: Any) -> Any:
    text = _as_text(body)
    if text is None:
        return body
    try:
        return {"json": json.loads(text)}
    except ValueError:
        return {"text": text}


def _unpack(body: Any) -> Any:
    if isinstance(body, dict) and "json" in body:
        return json.dumps(body["json"], ensure_ascii=False)
    if isinstance(body, dict) and "text" in body:
        return body["text"]
    return body


class PrettyJSONSerializer:
    """vcrpy serializer: ``serialize(dict) -> str`` and ``deserialize(str) -> dict``."""

    @staticmethod
    def serialize(cassette_dict: dict[str, Any]) -> str:
        out = json.loads(json.dumps(cassette_dict, default=lambda o: _as_text(o)))
        for it in out.get("interactions", []):
            it["request"]["body"] = _pack(it["request"].get("body"))
            resp = it["response"]
            resp["body"] = {"string": _pack(resp.get("body", {}).get("string"))}
        return json.dumps(out, indent=2, ensure_ascii=False, sort_keys=False) + "\n"

    @staticmethod
    def deserialize(cassette_string: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(cassette_string)
        for it in data.get("interactions", []):
            it["request"]["body"] = _unpack(it["request"].get("body"))
            it["response"]["body"] = {"string": _unpack(it["response"].get("body", {}).get("string"))}
        return data


def scrub_request(request: Any) -> Any:
    for name in list(request.headers):
        if name.lower() not in KEEP_REQUEST_HEADERS:
            del request.headers[name]
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    response["headers"] = {k: v for k, v in headers.items() if k.lower() in KEEP_RESPONSE_HEADERS}
    return response


def vcr_config() -> dict[str, Any]:
    return {
        "serializer": "json",
        "match_on": MATCH_ON,
        "filter_headers": FILTER_HEADERS,
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "decode_compressed_response": True,
    }


class RecordingPlugin:
    """A pytest plugin object: registers the serializer on each VCR pytest-recording makes."""

    def pytest_recording_configure(self, config: Any, vcr: Any) -> None:
        vcr.register_serializer("json", PrettyJSONSerializer)
