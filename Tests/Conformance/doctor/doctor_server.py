#!/usr/bin/env python3
"""An MCP server for the `mcp-setup doctor` tests, on the official Python SDK of either era.

Under ``mcp`` 2.x (``mcp.server.mcpserver.MCPServer``) one URL serves the 2026-07-28 stateless
protocol (``server/discover``) and the legacy ``initialize`` handshake; under ``mcp`` 1.x
(``mcp.server.fastmcp.FastMCP``, newest 1.30.0) only the legacy handshake, or with
``--transport sse`` the old HTTP+SSE transport (``GET /sse``, then ``POST /messages/``).

    python doctor_server.py --auth bearer --key-file KEY [--path /mcp] [--transport sse]
                            [--tls CERT KEYFILE] [--port 0]

Prints ``READY <port>`` once listening. ``--auth``:

* ``bearer``       ``Authorization: Bearer <key>``; a missing or wrong one gets 401 with
                   ``WWW-Authenticate: Bearer error="invalid_token"`` (RFC 6750)
* ``header:NAME``  the key in header NAME; 401 with a JSON body and no challenge
* ``query:PARAM``  the key in the query parameter PARAM; 401 with a JSON body
* ``oauth``        an OAuth-protected resource (RFC 9728): no static key works; 401 with
                   ``WWW-Authenticate: Bearer resource_metadata="…"`` (plus ``error="invalid_token"``
                   when a bearer token was presented), and the metadata document at
                   ``/.well-known/oauth-protected-resource`` naming an authorization server
* ``none``         no key

``--echo`` makes every refusal quote the credential it got (in the body, and for bearer in the
challenge), as careless servers do: doctor must still print no key.

Tools: ``echo(text)`` and ``add(a, b)``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
from urllib.parse import parse_qs

import uvicorn

try:  # mcp 2.x
    from mcp.server.mcpserver import MCPServer as Server
    ERA = "modern"
except ImportError:  # mcp 1.x
    from mcp.server.fastmcp import FastMCP as Server
    ERA = "legacy"


class KeyGate:
    """Pure ASGI middleware (streams pass through unbuffered): checks the key on the MCP paths."""

    def __init__(self, app, mode: str, key: str, protected: list[str], echo: bool = False):
        self.app, self.mode, self.key, self.protected, self.echo = app, mode, key, protected, echo
        self.base_url = ""

    async def reply(self, send, status: int, body: dict, headers: list[tuple[bytes, bytes]] = ()) -> None:
        data = json.dumps(body).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()), *headers]})
        await send({"type": "http.response.body", "body": data})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or self.mode == "none":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        metadata = self.base_url + "/.well-known/oauth-protected-resource"
        if self.mode == "oauth" and path == "/.well-known/oauth-protected-resource":
            return await self.reply(send, 200, {"resource": self.base_url + self.protected[0], "authorization_servers": [self.base_url + "/auth"],
                                                "bearer_methods_supported": ["header"], "scopes_supported": ["mcp"]})
        if not any(path == p or path.startswith(p.rstrip("/") + "/") for p in self.protected):
            return await self.app(scope, receive, send)
        kind, _, name = self.mode.partition(":")
        presented = None
        if kind == "header":
            presented = headers.get(name.lower())
        elif kind == "query":
            presented = parse_qs(scope.get("query_string", b"").decode("latin-1")).get(name, [None])[0]
        elif headers.get("authorization", "")[:7].lower() == "bearer ":
            presented = headers["authorization"][7:]
        if kind != "oauth" and presented == self.key:
            return await self.app(scope, receive, send)
        said = f" {presented}" if self.echo and presented else ""
        if kind in ("header", "query"):
            return await self.reply(send, 401, {"error": "unauthorized", "error_description": "missing or invalid API key" + said})
        if kind == "bearer":
            challenge = 'Bearer error="invalid_token", error_description="Invalid API key' + said.replace('"', "'") + '"'
            return await self.reply(send, 401, {"error": "invalid_token", "error_description": "Invalid API key" + said},
                                    [(b"www-authenticate", challenge.encode("latin-1", "replace"))])
        challenge = f'Bearer resource_metadata="{metadata}"' if presented is None else f'Bearer error="invalid_token", resource_metadata="{metadata}"'
        return await self.reply(send, 401, {"error": "invalid_token"}, [(b"www-authenticate", challenge.encode())])


def build(args):
    server = Server(name="doctor-test", instructions="mcp-setup doctor test server")

    @server.tool()
    def echo(text: str) -> str:
        """Return the text unchanged."""
        return text

    @server.tool()
    def add(a: int, b: int) -> int:
        """Add two integers."""
        return a + b

    if args.transport == "sse":
        if ERA != "legacy":
            sys.exit("--transport sse needs mcp 1.x")
        return KeyGate(server.sse_app(), args.auth, args.key, ["/sse", "/messages"], args.echo)
    if ERA == "modern":
        app = server.streamable_http_app(streamable_http_path=args.path, host="127.0.0.1")
    else:
        server.settings.streamable_http_path = args.path
        app = server.streamable_http_app()
    return KeyGate(app, args.auth, args.key, [args.path], args.echo)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--auth", default="bearer")
    ap.add_argument("--key-file")
    ap.add_argument("--path", default="/mcp")
    ap.add_argument("--transport", choices=["http", "sse"], default="http")
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEYFILE"))
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--echo", action="store_true", help="quote the credential received in every refusal")
    args = ap.parse_args()
    args.key = open(args.key_file, encoding="utf-8", newline="").read() if args.key_file else ""
    app = build(args)
    tls = {"ssl_certfile": args.tls[0], "ssl_keyfile": args.tls[1]} if args.tls else {}
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=args.port, log_level="warning", lifespan="on",
                                           timeout_graceful_shutdown=1, **tls))

    async def run() -> None:
        task = asyncio.create_task(server.serve())
        while not server.started:
            if task.done():
                await task
                sys.exit(1)
            await asyncio.sleep(0.02)
        port = server.servers[0].sockets[0].getsockname()[1]
        app.base_url = f"{'https' if args.tls else 'http'}://127.0.0.1:{port}"
        print(f"READY {port}", flush=True)
        await task

    asyncio.run(run())


if __name__ == "__main__":
    main()
