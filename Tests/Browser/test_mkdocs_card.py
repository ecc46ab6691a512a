"""The connect card in a real MkDocs Material site (examples/mkdocs), built with
`mkdocs build --strict`: the card fills every artifact as the CLI renders it, by property and by
paste, and the key goes nowhere. The theme's own inline scripts rule out a strict CSP here; the
key-page example (test_connect_card.py) runs under one."""
import functools
import http.server
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading

import pytest

from test_connect_card import SHOWN_ARTIFACTS, expected_for, set_color_scheme, wait_for_card
from test_keybox import HOSTILE_KEYS, random_keys, refusal_reason, request_urls

REPO = pathlib.Path(__file__).resolve().parents[2]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def mkdocs_site(cli):
    folder = pathlib.Path(tempfile.mkdtemp(prefix="mcp-setup-mkdocs-"))
    shutil.copytree(REPO / "examples" / "mkdocs", folder / "project")
    cli("card", "--out", str(folder / "project" / "docs" / "mcp"))
    mkdocs = pathlib.Path(sys.executable).parent / "mkdocs"
    build = subprocess.run([str(mkdocs), "build", "--strict", "-d", str(folder / "site")], cwd=folder / "project",
                           capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert build.returncode == 0, build.stderr
    handler = functools.partial(QuietHandler, directory=str(folder / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


def test_mkdocs_card_fills_like_the_cli(driver, mkdocs_site, cli):
    driver.get(mkdocs_site + "connect/")
    wait_for_card(driver, "mcp-setup-connect")
    request_urls(driver)  # what loading the page asked for
    keys = HOSTILE_KEYS + random_keys(20, seed=7)
    assert len(keys) >= 50
    compared = 0
    for key in keys:
        shown = driver.execute_script(SHOWN_ARTIFACTS, "mcp-setup-connect", key)
        expected = expected_for(cli, key)
        for artifact_id, text in shown["codes"].items():
            assert expected[artifact_id]["available"] and text == expected[artifact_id]["content"], f"{artifact_id} for {key[:40]!r}"
            compared += 1
        for artifact_id, text in shown["refused"].items():
            assert refusal_reason(text) == expected[artifact_id]["reason"]
    assert compared > 2000
    # By paste into the page's field.
    key = "sk_live_pasted'\"$%!&"
    driver.execute_script("const i = document.getElementById('paste-key'); i.value = arguments[0]; i.dispatchEvent(new Event('input', {bubbles: true}));", key)
    shown = driver.execute_script("return Array.from(document.querySelector('mcp-setup-connect').shadowRoot.querySelectorAll('code[data-artifact]')).map(c => [c.dataset.artifact, c.textContent])")
    expected = expected_for(cli, key)
    assert shown and all(text == expected[artifact_id]["content"] for artifact_id, text in shown)
    assert request_urls(driver) == []
    # MkDocs Material keeps its own settings in localStorage; the key is in none of it.
    assert not driver.execute_script("return JSON.stringify(Object.assign({}, localStorage, sessionStorage)).includes(arguments[0]) || document.cookie.includes(arguments[0])", key)
    print(f"\nmkdocs card: {len(keys)} keys, {compared} artifacts matched the CLI")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_mkdocs_card_axe(driver, mkdocs_site, screenshots, scheme):
    from axe_selenium_python import Axe

    set_color_scheme(driver, scheme)
    driver.get(mkdocs_site + "connect/")
    wait_for_card(driver, "mcp-setup-connect")
    driver.execute_script("document.querySelector('mcp-setup-connect').key = 'sk_live_mkdocs0123456789abc';")
    axe = Axe(driver)
    axe.inject()
    # The card's own accessibility; the theme around it is MkDocs Material's.
    results = axe.run(context="mcp-setup-connect")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    driver.save_screenshot(str(screenshots / f"connect-card-mkdocs-{scheme}.png"))
    print(f"\naxe on the card in MkDocs ({scheme}): {len(results['violations'])} violations, {len(serious)} serious or critical")
    assert serious == [], json.dumps([(v["id"], v["help"]) for v in serious])
