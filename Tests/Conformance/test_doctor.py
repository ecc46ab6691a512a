"""`mcp-setup doctor` against real MCP servers on 127.0.0.1 (the official Python SDK: ``mcp`` 2.3.0
serves the 2026-07-28 stateless protocol and the legacy handshake; ``mcp`` 1.30.0 only the legacy
handshake or HTTP+SSE), behind header, bearer, query and OAuth gates; then the entries real
installs and hand edits leave in clients' files; then real Claude Code: `claude mcp list` reports
Connected exactly when doctor says ok.

Every run checks that the key (and its percent-encoded form) appears in no output.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

import rig

HERE = Path(__file__).resolve().parent
SERVER = HERE / "doctor" / "doctor_server.py"
# A key with the characters that break naive quoting, and no whitespace (what a key can be).
KEY = "sk_live_Doctor'\"$%{k}`&=_0123456789"
WRONG = "sk_live_Revoked_0000000000000000"


@pytest.fixture(scope="session")
def legacy_python() -> str:
    python = os.environ.get("DOCTOR_LEGACY_PYTHON")
    if not python or not Path(python).exists():
        pytest.skip("DOCTOR_LEGACY_PYTHON (a venv with doctor/requirements-legacy.txt) is not set; run.sh sets it")
    return python


@pytest.fixture
def serve(tmp_path):
    """serve(python, auth, path=..., transport=..., tls=...) -> port of a running doctor_server.py."""
    processes: list[subprocess.Popen] = []
    key_file = tmp_path / "server-key"
    key_file.write_text(KEY, encoding="utf-8")

    def start(python: str, auth: str, *, path: str = "/mcp", transport: str = "http", tls: tuple[Path, Path] | None = None, echo: bool = False) -> int:
        argv = [python, str(SERVER), "--auth", auth, "--key-file", str(key_file), "--path", path, "--transport", transport]
        if echo:
            argv.append("--echo")
        if tls:
            argv += ["--tls", str(tls[0]), str(tls[1])]
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        processes.append(process)
        line = process.stdout.readline()
        assert line.startswith("READY "), f"doctor_server.py did not start: {line!r}"
        return int(line.split()[1])

    yield start
    for process in processes:
        process.kill()
        process.wait()


def run_doctor(mcp_setup: rig.MCPSetupCLI, *args: str, key: str | None = None, env: dict | None = None,
               cwd: Path | None = None) -> tuple[subprocess.CompletedProcess, dict | None]:
    argv = [str(mcp_setup.path), "doctor", *args]
    if "--timeout" not in args:
        # Generous on a shared, slow machine: only the timeout test measures the limit.
        argv += ["--timeout", "30"]
    environment = {k: v for k, v in os.environ.items() if k != "DOCTOR_KEY"}
    environment.update(env or {})
    if key is not None:
        argv += ["--token-env", "DOCTOR_KEY"]
        environment["DOCTOR_KEY"] = key
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, env=environment, cwd=str(cwd) if cwd else None)
    # The key as it is, percent-encoded, JSON-escaped (as a leak would stand in --format json),
    # and its distinctive middle: none may be in any output.
    for key_text in (KEY, WRONG):
        for secret in (key_text, quote(key_text, safe=""), json.dumps(key_text)[1:-1], key_text[3:15]):
            assert secret not in done.stdout and secret not in done.stderr, f"a key is in doctor's output: {done.stdout} {done.stderr}"
    report = json.loads(done.stdout) if "--format" in args and "json" in args and done.stdout.startswith("{") else None
    return done, report


def server_args(port: int, auth: str, *, path: str = "/mcp", scheme: str = "http", transport: str = "http") -> list[str]:
    return ["--name", "acme", "--endpoint", f"{scheme}://127.0.0.1:{port}{path}", "--auth", auth, "--transport", transport, "--format", "json"]


ERAS = ["modern", "legacy"]
AUTHS = ["bearer", "header:X-API-Key", "query:api_key"]


@pytest.mark.parametrize("auth", AUTHS)
@pytest.mark.parametrize("era", ERAS)
def test_right_wrong_and_missing_key_in_both_eras(mcp_setup, serve, legacy_python, era, auth):
    port = serve(sys.executable if era == "modern" else legacy_python, auth)
    done, report = run_doctor(mcp_setup, *server_args(port, auth), key=KEY)
    assert done.returncode == 0 and report["code"] == "ok", done.stdout + done.stderr
    assert report["server"]["name"] == "doctor-test" and report["server"]["toolCount"] == 2
    assert report["server"]["era"] == era
    assert report["server"]["protocolVersion"] == ("2026-07-28" if era == "modern" else "2025-11-25")
    done, report = run_doctor(mcp_setup, *server_args(port, auth), key=WRONG)
    assert (done.returncode, report["code"]) == (3, "invalid_key"), done.stdout
    done, report = run_doctor(mcp_setup, *server_args(port, auth))
    assert (done.returncode, report["code"]) == (3, "auth_required"), done.stdout
    assert "--token-stdin" in report["fix"]


def test_an_oauth_protected_server_says_oauth_is_expected(mcp_setup, serve):
    port = serve(sys.executable, "oauth")
    done, report = run_doctor(mcp_setup, *server_args(port, "header:X-API-Key"), key=KEY)
    assert (done.returncode, report["code"]) == (3, "oauth_required"), done.stdout
    assert "OAuth" in report["fix"] and f"http://127.0.0.1:{port}/auth" in report["fix"]
    assert any(step["name"] == "metadata" and step["status"] == "ok" for step in report["steps"])
    done, report = run_doctor(mcp_setup, *server_args(port, "bearer"))
    assert (done.returncode, report["code"]) == (3, "auth_required") and "OAuth" in report["fix"], done.stdout
    # A bearer token the server does not know: refused as a token, with OAuth named as the way in.
    done, report = run_doctor(mcp_setup, *server_args(port, "bearer"), key=KEY)
    assert done.returncode == 3 and report["code"] in ("invalid_key", "oauth_required") and "OAuth" in report["fix"], done.stdout


def test_a_legacy_sse_endpoint_is_recognised(mcp_setup, serve, legacy_python):
    port = serve(legacy_python, "bearer", transport="sse")
    done, report = run_doctor(mcp_setup, *server_args(port, "bearer", path="/sse"), key=KEY)
    assert (done.returncode, report["code"]) == (5, "legacy_sse"), done.stdout
    assert "legacy SSE endpoint" in report["fix"]
    done, report = run_doctor(mcp_setup, *server_args(port, "bearer", path="/sse", transport="sse"), key=KEY)
    assert (done.returncode, report["code"]) == (0, "ok"), done.stdout
    assert report["server"]["toolCount"] == 2 and report["server"]["era"].startswith("legacy")


@pytest.mark.parametrize("auth", AUTHS)
def test_a_server_that_quotes_the_key_back_does_not_make_doctor_print_it(mcp_setup, serve, auth):
    port = serve(sys.executable, auth, echo=True)
    for key in (WRONG, KEY + "x"):
        done, report = run_doctor(mcp_setup, *server_args(port, auth), key=key)
        assert (done.returncode, report["code"]) == (3, "invalid_key"), done.stdout
        assert key not in done.stdout and key[3:15] not in done.stdout


def test_a_redirect_that_carries_the_key_does_not_print_it(mcp_setup, serve):
    port = serve(sys.executable, "query:api_key")
    done, report = run_doctor(mcp_setup, *server_args(port, "query:api_key", path="/mcp/"), key=KEY)
    assert report["code"] == "redirect" and "api_key=***" in report["fix"], done.stdout


def test_a_wrong_path_is_not_found_and_a_redirect_is_reported(mcp_setup, serve):
    port = serve(sys.executable, "bearer")
    done, report = run_doctor(mcp_setup, *server_args(port, "bearer", path="/nope"), key=KEY)
    assert (done.returncode, report["code"]) == (5, "not_found"), done.stdout
    # Starlette redirects /mcp/ to /mcp: doctor reports it rather than carrying the key along.
    done, report = run_doctor(mcp_setup, *server_args(port, "bearer", path="/mcp/"), key=KEY)
    assert (done.returncode, report["code"]) == (5, "redirect"), done.stdout
    assert f"http://127.0.0.1:{port}/mcp" in report["fix"]


def test_a_server_that_never_answers_times_out_within_the_limit(mcp_setup):
    with socket.socket() as listener:
        # Connections complete in the kernel's backlog; nothing ever reads or answers.
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        port = listener.getsockname()[1]
        done, report = run_doctor(mcp_setup, *server_args(port, "bearer"), "--timeout", "1", key=KEY)
    assert (done.returncode, report["code"]) == (4, "timeout"), done.stdout


def test_nothing_listening_is_unreachable(mcp_setup):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done, report = run_doctor(mcp_setup, *server_args(port, "bearer"), key=KEY)
    assert (done.returncode, report["code"]) == (4, "unreachable"), done.stdout


def test_a_self_signed_server_fails_tls_unless_its_certificate_is_given(mcp_setup, serve, tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    port = serve(sys.executable, "bearer", tls=(cert, key))
    done, report = run_doctor(mcp_setup, *server_args(port, "bearer", scheme="https"), key=KEY)
    assert (done.returncode, report["code"]) == (4, "tls"), done.stdout
    assert "--ca-file" in report["fix"]
    done, report = run_doctor(mcp_setup, *server_args(port, "bearer", scheme="https"), "--ca-file", str(cert), key=KEY)
    assert (done.returncode, report["code"]) == (0, "ok"), done.stdout


def test_text_output_names_the_fix_in_one_line(mcp_setup, serve):
    port = serve(sys.executable, "bearer")
    done, _ = run_doctor(mcp_setup, "--name", "acme", "--endpoint", f"http://127.0.0.1:{port}/mcp", key=WRONG)
    lines = done.stdout.splitlines()
    assert done.returncode == 3 and lines[-1].startswith("invalid_key: "), done.stdout
    assert any(line.strip().startswith("FAIL discover: HTTP 401") for line in lines)
    done, _ = run_doctor(mcp_setup, "--name", "acme", "--endpoint", f"http://127.0.0.1:{port}/mcp", key=KEY)
    assert done.returncode == 0 and done.stdout.splitlines()[-1] == "ok: doctor-test, modern protocol 2026-07-28, 2 tools", done.stdout


# ---- --client: the entry a client would use ----

def install(mcp_setup, home: Path, client: str, port: int, *extra: str, key: str | None = KEY) -> None:
    argv = [str(mcp_setup.path), "install", "--client", client, "--name", "acme", "--endpoint", f"http://127.0.0.1:{port}/mcp", "--auth", "bearer", *extra]
    if key is not None:
        argv.append("--token-stdin")
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "CODEX_HOME": str(home / ".codex"), "XDG_CONFIG_HOME": str(home / ".config")}
    (home / ".codex").mkdir(parents=True, exist_ok=True)
    done = subprocess.run(argv, input=key, capture_output=True, text=True, env=env, cwd=str(home), timeout=60)
    assert done.returncode == 0, done.stderr


def client_env(home: Path, **extra: str) -> dict:
    env = {"HOME": str(home), "CODEX_HOME": str(home / ".codex"), "XDG_CONFIG_HOME": str(home / ".config")}
    env.update(extra)
    return env


CLIENTS = ["claude-code", "codex", "cursor", "vscode", "claude-desktop"]


@pytest.mark.parametrize("client", CLIENTS)
def test_an_installed_entry_passes_and_an_unset_variable_is_caught(mcp_setup, serve, tmp_path, client):
    port = serve(sys.executable, "bearer")
    home = tmp_path / "home"
    home.mkdir()
    args = ("--client", client, "--name", "acme", "--format", "json")
    if client == "vscode":
        # VS Code prompts for the key (an input), so the file holds no variable: the key is
        # given to doctor, as the user types it into VS Code.
        install(mcp_setup, home, client, port, "--token-env", "ACME_API_KEY", key=None)
        done, report = run_doctor(mcp_setup, *args, key=KEY, env=client_env(home), cwd=home)
        assert (done.returncode, report["code"]) == (0, "ok"), done.stdout
        done, report = run_doctor(mcp_setup, *args, env=client_env(home), cwd=home)
        assert (done.returncode, report["code"]) == (6, "entry_untestable"), done.stdout
        return
    if client == "claude-desktop":
        # The bridge's argument reads the key from the entry's own env: written inline there.
        install(mcp_setup, home, client, port)
        done, report = run_doctor(mcp_setup, *args, env=client_env(home), cwd=home)
        assert (done.returncode, report["code"]) == (0, "ok"), done.stdout
        return
    # The key referenced from an environment variable, as install writes it with --token-env.
    install(mcp_setup, home, client, port, "--token-env", "ACME_API_KEY", key=None)
    done, report = run_doctor(mcp_setup, *args, env=client_env(home, ACME_API_KEY=KEY), cwd=home)
    assert (done.returncode, report["code"]) == (0, "ok"), done.stdout
    assert report["steps"][0]["name"] == "entry" and report["steps"][0]["status"] == "ok"
    environment = client_env(home)
    done, report = run_doctor(mcp_setup, *args, env=environment, cwd=home)
    assert (done.returncode, report["code"]) == (6, "unset_variable"), done.stdout
    assert "ACME_API_KEY" in json.dumps(report["steps"])
    # The empty value an unset variable leaves is that problem, not stray whitespace.
    assert not any("space" in step["detail"] for step in report["steps"]), report["steps"]


def test_an_entry_installed_with_the_key_inline_passes(mcp_setup, serve, tmp_path):
    port = serve(sys.executable, "bearer")
    home = tmp_path / "home"
    home.mkdir()
    install(mcp_setup, home, "cursor", port)
    done, report = run_doctor(mcp_setup, "--client", "cursor", "--name", "acme", "--format", "json", env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (0, "ok"), done.stdout


def test_a_key_written_into_an_entry_url_is_not_printed(mcp_setup, serve, tmp_path):
    port = serve(sys.executable, "query:api_key")
    home = tmp_path / "home"
    cursor = home / ".cursor" / "mcp.json"
    cursor.parent.mkdir(parents=True)
    cursor.write_text(json.dumps({"mcpServers": {"acme": {"url": f"http://127.0.0.1:{port}/mcp?api_key={quote(KEY, safe='')}"}}}))
    done, report = run_doctor(mcp_setup, "--client", "cursor", "--name", "acme", "--format", "json", env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (0, "ok"), done.stdout
    assert report["url"].endswith("?api_key=***")


def test_hand_written_entries_for_claude_desktop_and_codex_pass(mcp_setup, serve, tmp_path):
    port = serve(sys.executable, "bearer")
    home = tmp_path / "home"
    # Claude Desktop's mcp-remote bridge, as its docs show it: the header from the entry's env.
    desktop = home / ".config" / "Claude" / "claude_desktop_config.json"
    desktop.parent.mkdir(parents=True)
    desktop.write_text(json.dumps({"mcpServers": {"acme": {"command": "npx", "args": ["-y", "mcp-remote", f"http://127.0.0.1:{port}/mcp",
                                                                                       "--header", "Authorization:${AUTH_HEADER}"],
                                                           "env": {"AUTH_HEADER": "Bearer " + KEY}}}}))
    done, report = run_doctor(mcp_setup, "--client", "claude-desktop", "--name", "acme", "--format", "json", env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (0, "ok"), done.stdout
    # Codex, written by hand: the key's variable named, then unset.
    codex = home / ".codex" / "config.toml"
    codex.parent.mkdir(parents=True)
    codex.write_text(f'model = "gpt-5"\n\n[mcp_servers.acme]\nurl = "http://127.0.0.1:{port}/mcp"\nbearer_token_env_var = "ACME_API_KEY"\n')
    done, report = run_doctor(mcp_setup, "--client", "codex", "--name", "acme", "--format", "json", env=client_env(home, ACME_API_KEY=KEY), cwd=home)
    assert (done.returncode, report["code"]) == (0, "ok"), done.stdout
    done, report = run_doctor(mcp_setup, "--client", "codex", "--name", "acme", "--format", "json", env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (6, "unset_variable"), done.stdout


def test_hand_written_mistakes_are_found(mcp_setup, serve, tmp_path):
    port = serve(sys.executable, "bearer")
    home = tmp_path / "home"
    vscode = home / ".config" / "Code" / "User" / "mcp.json"
    vscode.parent.mkdir(parents=True)
    # The Claude Desktop / Cursor root key in a VS Code file.
    vscode.write_text(json.dumps({"mcpServers": {"acme": {"type": "http", "url": f"http://127.0.0.1:{port}/mcp",
                                                          "headers": {"Authorization": "Bearer " + KEY}}}}))
    done, report = run_doctor(mcp_setup, "--client", "vscode", "--name", "acme", "--format", "json", env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (6, "wrong_root_key"), done.stdout
    assert "servers" in report["fix"]
    # VS Code's ${env:VAR} with the variable unset.
    vscode.write_text(json.dumps({"servers": {"acme": {"type": "http", "url": f"http://127.0.0.1:{port}/mcp",
                                                       "headers": {"Authorization": "Bearer ${env:ACME_API_KEY}"}}}}))
    done, report = run_doctor(mcp_setup, "--client", "vscode", "--name", "acme", "--format", "json", env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (6, "unset_variable"), done.stdout
    # A key pasted with a space before it, and another client's field name.
    cursor = home / ".cursor" / "mcp.json"
    cursor.parent.mkdir(parents=True)
    cursor.write_text(json.dumps({"mcpServers": {"acme": {"url": f"http://127.0.0.1:{port}/mcp", "serverUrl": "x",
                                                          "headers": {"Authorization": "Bearer  " + KEY}}}}))
    done, report = run_doctor(mcp_setup, "--client", "cursor", "--name", "acme", "--format", "json", env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (6, "key_whitespace"), done.stdout
    assert any(step["name"] == "fields" and "serverUrl" in step["detail"] for step in report["steps"])
    # A trailing space: HTTP drops it before the server sees the header, so it only warns.
    cursor.write_text(json.dumps({"mcpServers": {"acme": {"url": f"http://127.0.0.1:{port}/mcp", "headers": {"Authorization": "Bearer " + KEY + " "}}}}))
    done, report = run_doctor(mcp_setup, "--client", "cursor", "--name", "acme", "--format", "json", env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (0, "ok"), done.stdout
    assert any(step["name"] == "variables" and step["status"] == "warning" for step in report["steps"])
    # No entry of that name.
    done, report = run_doctor(mcp_setup, "--client", "cursor", "--name", "other", "--format", "json", env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (6, "no_entry"), done.stdout
    # VS Code's prompt for the key: untestable without the key, tested with it.
    vscode.write_text(json.dumps({"inputs": [{"type": "promptString", "id": "acme-key", "password": True}],
                                  "servers": {"acme": {"type": "http", "url": f"http://127.0.0.1:{port}/mcp",
                                                       "headers": {"Authorization": "Bearer ${input:acme-key}"}}}}))
    done, report = run_doctor(mcp_setup, "--client", "vscode", "--name", "acme", "--format", "json", env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (6, "entry_untestable"), done.stdout
    done, report = run_doctor(mcp_setup, "--client", "vscode", "--name", "acme", "--format", "json", key=KEY, env=client_env(home), cwd=home)
    assert (done.returncode, report["code"]) == (0, "ok"), done.stdout


# ---- Real Claude Code agrees ----

def test_claude_code_connects_exactly_when_doctor_says_ok(mcp_setup, serve, legacy_python, sandbox):
    modern = serve(sys.executable, "bearer")
    legacy = serve(legacy_python, "bearer")
    sse = serve(legacy_python, "bearer", transport="sse")
    oauth = serve(sys.executable, "oauth")
    cases = {
        "right-key": (f"http://127.0.0.1:{modern}/mcp", KEY),
        "legacy-right-key": (f"http://127.0.0.1:{legacy}/mcp", KEY),
        "wrong-key": (f"http://127.0.0.1:{modern}/mcp", WRONG),
        "no-key": (f"http://127.0.0.1:{modern}/mcp", None),
        "wrong-path": (f"http://127.0.0.1:{modern}/nope", KEY),
        "sse-url": (f"http://127.0.0.1:{sse}/sse", KEY),
        "oauth-server": (f"http://127.0.0.1:{oauth}/mcp", KEY),
    }
    for name, (url, key) in cases.items():
        argv = ["claude", "mcp", "add", "--transport", "http", "--scope", "user", name, url]
        if key is not None:
            argv += ["--header", "Authorization: Bearer " + key]
        added = sandbox.run(argv)
        assert added.returncode == 0, added.stderr
    listing, listed = rig.claude_list(sandbox)
    disagreements = []
    for name in cases:
        assert name in listing, listed.stdout
        connected = listing[name]["status"].startswith("✔")
        # doctor reads the entry `claude mcp add` wrote, and sends what Claude Code sends.
        done, report = run_doctor(mcp_setup, "--client", "claude-code", "--name", name, "--format", "json",
                                  env={"HOME": str(sandbox.home)}, cwd=sandbox.home)
        if connected != (report["code"] == "ok"):
            disagreements.append(f"{name}: claude {listing[name]['status']!r}, doctor {report['code']}")
    assert disagreements == []
    assert listing["right-key"]["status"].startswith("✔") and not listing["wrong-key"]["status"].startswith("✔")
    # Generic clients do not fall back to SSE: without --client the SSE URL is reported as such.
    done, report = run_doctor(mcp_setup, "--name", "acme", "--endpoint", cases["sse-url"][0], "--auth", "bearer", "--format", "json", key=KEY)
    assert report["code"] == "legacy_sse"


def test_a_cloud_client_is_warned_that_it_cannot_reach_a_private_address(mcp_setup, serve):
    port = serve(sys.executable, "bearer")
    done, report = run_doctor(mcp_setup, "--client", "claude-ai", *server_args(port, "bearer"), key=KEY)
    assert (done.returncode, report["code"]) == (0, "ok"), done.stdout
    warnings = [step["detail"] for step in report["steps"] if step["name"] == "address" and step["status"] == "warning"]
    assert warnings and "Claude.ai connects from its vendor's cloud" in warnings[0], report["steps"]
    assert report["client"] == "Claude.ai" and report["steps"][0]["name"] == "entry"
