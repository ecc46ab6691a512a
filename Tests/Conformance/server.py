#!/usr/bin/env python3
"""A real MCP server (PyPI ``mcp`` 2.x, Streamable HTTP) behind a strict API-key gate.

Run as a program (the test fixtures start it as a subprocess, see ``ServerProcess``)::

    python server.py --auth bearer --key-file KEYFILE --endpoint '/v1/mcp?tenant=a%20b&x=1' \
        --log requests.jsonl [--port 0]

It binds 127.0.0.1 (a free port unless ``--port`` is given), prints ``READY <port>`` on stdout
once uvicorn has started, and serves until killed.

Authentication (``--auth``), exactly one key (read from ``--key-file``, bytes as they are):

* ``bearer``        exactly one ``Authorization`` header whose value is ``Bearer <key>``
* ``header:NAME``   exactly one ``NAME`` header (case-insensitive name) whose value is ``<key>``
* ``query:PARAM``   exactly one ``PARAM`` query parameter whose decoded value is ``<key>``
* ``none``          no key (used only by the rig's own tests)

The endpoint may carry its own query string (``/v1/mcp?tenant=a%20b&x=1``): every request must
then carry exactly those parameters too (decoded, as a multiset, after removing the key
parameter in ``query:`` mode).  Anything else is answered ``401`` with a JSON body naming the
reason; MCP's own paths and any other path get the same gate.

Every request is appended to ``--log`` as one JSON line: ``method``, ``path``, ``raw_path``,
``query_string`` (raw, latin-1), ``query`` (decoded pairs), ``headers`` (list of
``[name, value]``, latin-1, lower-case names as ASGI gives them), ``status`` and ``reason``
(empty when accepted).  Tests read that file to assert what the client really sent.

Tools: ``echo(text)`` returns ``text``; ``add(a, b)`` returns ``a + b``.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import threading
import time
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

import uvicorn
from mcp.server.mcpserver import MCPServer


class AuthGate:
    """Pure ASGI middleware: checks the key, enforces the endpoint's own query, logs requests."""

    def __init__(self, app, *, mode: str, key: str, required_query: list[tuple[str, str]], log_path: str):
        self.app = app
        self.mode = mode
        self.key = key
        self.required_query = Counter(required_query)
        self.log_path = log_path
        self._lock = threading.Lock()
        if mode not in ("bearer", "none") and not mode.startswith(("header:", "query:")):
            raise ValueError(f"unknown auth mode {mode!r}")

    def check(self, headers: list[tuple[str, str]], query: list[tuple[str, str]]) -> str:
        """Return '' when the request is acceptable, else a short reason."""
        query = list(query)
        if self.mode == "bearer":
            values = [v for k, v in headers if k == "authorization"]
            if len(values) != 1:
                return f"expected exactly one Authorization header, got {len(values)}"
            if values[0] != "Bearer " + self.key:
                return "Authorization header value mismatch"
        elif self.mode.startswith("header:"):
            name = self.mode.split(":", 1)[1].lower()
            values = [v for k, v in headers if k == name]
            if len(values) != 1:
                return f"expected exactly one {name} header, got {len(values)}"
            if values[0] != self.key:
                return f"{name} header value mismatch"
        elif self.mode.startswith("query:"):
            param = self.mode.split(":", 1)[1]
            values = [v for k, v in query if k == param]
            if len(values) != 1:
                return f"expected exactly one {param} query parameter, got {len(values)}"
            if values[0] != self.key:
                return f"{param} query parameter value mismatch"
            query = [(k, v) for k, v in query if k != param]
        if Counter(query) != self.required_query:
            return f"endpoint query mismatch: got {sorted(query)}, want {sorted(self.required_query.elements())}"
        return ""

    def log(self, record: dict) -> None:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock, open(self.log_path, "a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = [(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope.get("headers", [])]
        raw_qs = scope.get("query_string", b"").decode("latin-1")
        query = parse_qsl(raw_qs, keep_blank_values=True)
        reason = self.check(headers, query)
        record = {
            "t": time.time(),
            "method": scope.get("method"),
            "path": scope.get("path"),
            "raw_path": (scope.get("raw_path") or b"").decode("latin-1"),
            "query_string": raw_qs,
            "query": query,
            "headers": headers,
            "status": 401 if reason else None,
            "reason": reason,
        }
        if reason:
            self.log(record)
            body = json.dumps({"error": "unauthorized", "reason": reason}).encode()
            await send({"type": "http.response.start", "status": 401,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return

        status_box = {}

        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                status_box["status"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            record["status"] = status_box.get("status")
            self.log(record)


def build_app(mode: str, key: str, endpoint: str, log_path: str):
    parts = urlsplit(endpoint)
    path = parts.path or "/mcp"
    required_query = parse_qsl(parts.query, keep_blank_values=True)

    mcp = MCPServer(name="conformance", instructions="mcp-setup conformance rig server")

    @mcp.tool()
    def echo(text: str) -> str:
        """Return the text unchanged."""
        return text

    @mcp.tool()
    def add(a: int, b: int) -> int:
        """Add two integers."""
        return a + b

    app = mcp.streamable_http_app(streamable_http_path=path, host="127.0.0.1")
    return AuthGate(app, mode=mode, key=key, required_query=required_query, log_path=log_path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--auth", default="bearer", help="bearer | header:NAME | query:PARAM | none")
    ap.add_argument("--key-file", help="file holding the key (exact bytes, no newline stripping)")
    ap.add_argument("--endpoint", default="/mcp", help="path with optional own query string")
    ap.add_argument("--log", required=True, help="JSON-lines request log")
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args(argv)

    key = ""
    if args.auth != "none":
        if not args.key_file:
            ap.error("--key-file is required unless --auth none")
        with open(args.key_file, encoding="utf-8", newline="") as fh:
            key = fh.read()

    app = build_app(args.auth, key, args.endpoint, args.log)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)

    def announce():
        while not server.started:
            if server.should_exit:
                return
            time.sleep(0.02)
        sys.stdout.write(f"READY {port}\n")
        sys.stdout.flush()

    threading.Thread(target=announce, daemon=True).start()
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
