"""`mcp-setup init` in an empty folder, then `build` and `check`: every page is valid HTML5
(html5lib, strict), the key sections are filled in, and `init` again refuses and changes nothing."""
import pathlib
import subprocess

import html5lib
import pytest

from conftest import mcp_setup_bin

FACTS = ["--title", "Performance Hub", "--endpoint", "https://mcp.perfhub.example/mcp", "--key-prefix", "phk_",
         "--masked-preview", "phk_dLK5...J6HMii", "--key-page", "https://app.perfhub.example/keys", "--shown-once",
         "--scope", "read=Read dashboards.", "--scope", "write=Change goals <and> targets.", "--key-error", "401=Wrong or revoked key.",
         "--key-error", "403=The key lacks the scope.", "--rotation", "Create the new key first.", "--revoke", "Immediate.",
         "--legacy-token", "v1 tokens do not work.", "--oauth-note", "ChatGPT signs in instead.", "--yes"]


def run(folder, *args):
    return subprocess.run([mcp_setup_bin(), *args], cwd=folder, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def snapshot(folder):
    return {path.relative_to(folder): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_init_build_check_gives_valid_html(tmp_path):
    assert run(tmp_path, "init", *FACTS).returncode == 0
    assert run(tmp_path, "build", "--quiet").returncode == 0
    assert run(tmp_path, "check").returncode == 0
    pages = sorted((tmp_path / "output").rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            parser.parse(page.read_bytes())
        except html5lib.html5parser.ParseError as error:
            pytest.fail(f"{page.relative_to(tmp_path)}: {error}")
    keys = html5lib.parse((tmp_path / "output" / "keys" / "index.html").read_bytes(), namespaceHTMLElements=False)
    cells = ["".join(cell.itertext()) for cell in keys.iter() if cell.tag == "td"]
    assert cells == ["read", "Read dashboards.", "write", "Change goals <and> targets."]
    errors = html5lib.parse((tmp_path / "output" / "authentication" / "index.html").read_bytes(), namespaceHTMLElements=False)
    assert ["".join(cell.itertext()) for cell in errors.iter() if cell.tag == "td"] == ["401", "Wrong or revoked key.", "403", "The key lacks the scope."]


def test_init_again_refuses_and_changes_nothing(tmp_path):
    assert run(tmp_path, "init", *FACTS).returncode == 0
    before = snapshot(tmp_path)
    again = run(tmp_path, "init", "--endpoint", "https://other.example/mcp", "--yes")
    assert again.returncode == 2
    assert "already exists" in again.stderr and again.stderr.count("\n") == 1
    assert snapshot(tmp_path) == before
