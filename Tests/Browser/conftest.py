"""Fixtures for the docs-site tests: a fresh build of the bundled example served on 127.0.0.1,
and headless Chromium driven by Selenium with network logging on."""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def mcp_setup_bin():
    explicit = os.environ.get("MCP_SETUP_BIN")
    if explicit:
        return explicit
    built = [REPO / ".build" / c / "mcp-setup" for c in ("release", "debug")]
    built = [path for path in built if path.exists()]
    if built:
        return str(max(built, key=lambda path: path.stat().st_mtime))
    pytest.fail("mcp-setup is not built; run swift build first (or set MCP_SETUP_BIN)")


@pytest.fixture(scope="session")
def cli():
    binary = mcp_setup_bin()

    def run(*args, stdin=None):
        return subprocess.run([binary, *args], input=stdin, capture_output=True, text=True, cwd=REPO, check=True).stdout

    return run


@pytest.fixture(scope="session")
def site_dir(cli):
    folder = pathlib.Path(tempfile.mkdtemp(prefix="mcp-setup-site-"))
    cli("build", "--quiet", "--output", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(site_dir):
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def screenshots():
    folder = pathlib.Path(os.environ.get("MCP_SETUP_SCREENSHOTS") or (REPO / ".build" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_driver(javascript=True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1800",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


@pytest.fixture
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


@pytest.fixture
def driver_without_js():
    browser = make_driver(javascript=False)
    yield browser
    browser.quit()
