"""`mcp-setup serve` end to end in headless Chromium: a page reloads with an edit's new text, a
broken front matter shows its error in the page (and on the terminal) while the server keeps
running, the fix brings the page back, no request leaves 127.0.0.1, and SIGINT stops it."""
import json
import re
import signal
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import mcp_setup_bin


def start(folder):
    process = subprocess.Popen([mcp_setup_bin(), "serve", "--port", "0"], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in process.stdout:
        lines.append(line)
        match = re.search(r"serving (http://127\.0\.0\.1:\d+/)", line)
        if match:
            return process, match.group(1), lines
    pytest.fail("serve did not start: " + "".join(lines))


def heading(driver):
    try:
        return driver.find_element(By.CSS_SELECTOR, "h1").text
    except Exception:
        return ""


def test_serve_reloads_shows_errors_and_recovers(tmp_path, driver):
    assert subprocess.run([mcp_setup_bin(), "init", "--title", "Acme", "--endpoint", "https://mcp.acme.dev/mcp", "--key-prefix", "sk_live_", "--yes"],
                          cwd=tmp_path, capture_output=True).returncode == 0
    process, url, lines = start(tmp_path)
    try:
        page = tmp_path / "content" / "keys.md"
        driver.get(url + "keys/")
        assert heading(driver) == "API keys"
        wait = WebDriverWait(driver, 30, poll_frequency=0.1)
        # The page is told of rebuilds over an event stream; wait until it listens.
        wait.until(lambda d: d.execute_script("return performance.getEntriesByType('resource').some(e => e.name.includes('/__mcp-setup/live.js'))"))
        time.sleep(0.3)

        page.write_text(page.read_text().replace("title: API keys", "title: Keys, edited").replace("A key lets", "An edited key lets"))
        wait.until(lambda d: heading(d) == "Keys, edited")
        assert "An edited key lets" in driver.find_element(By.CSS_SELECTOR, "article").text

        good = page.read_text()
        page.write_text("---\ntitle: [broken\n---\n\nText.\n")
        wait.until(lambda d: d.find_elements(By.ID, "mcp-setup-build-error"))
        assert "front matter is not valid YAML" in driver.find_element(By.ID, "mcp-setup-build-error").text
        assert "content/keys.md:" in driver.find_element(By.ID, "mcp-setup-build-error").text

        page.write_text(good)
        wait.until(lambda d: heading(d) == "Keys, edited")

        hosts = set()
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                request_url = message["params"]["request"]["url"]
                if not request_url.startswith("data:"):
                    hosts.add(re.match(r"^[a-z]+://[^/]+", request_url).group(0))
        assert hosts == {url.rstrip("/")}, hosts
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    log = "".join(lines) + output
    assert process.returncode == 0, log
    assert re.search(r"rebuilt keys\.md: 1 rendered, [1-9][0-9]* written", log), log
    assert "error: " in log and "front matter is not valid YAML" in log
    assert log.rstrip().endswith("stopped"), log
