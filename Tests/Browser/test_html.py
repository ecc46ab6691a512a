"""Every page of the built site is valid HTML5, by a real HTML5 parser (html5lib, strict)."""
import html5lib
import pytest


def pages(site_dir):
    return sorted(site_dir.rglob("*.html"))


def test_every_page_parses_without_errors(site_dir):
    found = pages(site_dir)
    assert len(found) >= 10
    for page in found:
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            document = parser.parse(page.read_bytes())
        except html5lib.html5parser.ParseError as error:
            pytest.fail(f"{page.relative_to(site_dir)}: {error}")
        ids = [element.get("id") for element in document.iter() if element.get("id")]
        assert len(ids) == len(set(ids)), f"{page.relative_to(site_dir)} repeats an id"


def test_pages_load_nothing_from_other_hosts(site_dir):
    for page in pages(site_dir):
        document = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
        for element in document.iter():
            for attribute in ("src", "href"):
                value = element.get(attribute) or ""
                if element.tag in ("script", "link", "img", "iframe") and value:
                    assert "//" not in value, f"{page}: {element.tag} loads {value}"


def test_tabs_are_accessible(site_dir):
    document = html5lib.parse((site_dir / "connect" / "index.html").read_bytes(), namespaceHTMLElements=False)
    tabs = [e for e in document.iter() if e.get("role") == "tab"]
    panels = {e.get("id"): e for e in document.iter() if e.get("role") == "tabpanel"}
    assert tabs
    for tab in tabs:
        panel = panels[tab.get("aria-controls")]
        assert panel.get("aria-labelledby") == tab.get("id")
    assert sum(1 for tab in tabs if tab.get("aria-selected") == "true") == 1


def test_on_this_page_lists_the_sections_and_links_to_them(site_dir):
    listed = 0
    for page in site_dir.rglob("*.html"):
        document = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
        tocs = [e for e in document.iter() if e.tag == "nav" and "toc" in (e.get("class") or "").split()]
        if not tocs:
            continue
        links = [a.get("href") for a in tocs[0].iter() if a.tag == "a"]
        # Each entry names a section heading of the page, in the page's order.
        order = [e.get("id") for e in document.iter() if e.tag == "h2" and e.get("id")]
        assert len(links) >= 3 and all(link.startswith("#") and link[1:] in order for link in links), page
        positions = [order.index(link[1:]) for link in links]
        assert positions == sorted(positions), page
        listed += 1
    assert listed >= 3


def test_connect_page_weight_stays_in_budget(site_dir):
    """The connect page with everything it loads at once (HTML, CSS, JavaScript), gzipped. Budget:
    60 KB, about a second on a slow 3G connection (400 kbit/s); the search index loads only when
    the reader searches, so it is not counted."""
    import gzip

    page = site_dir / "connect" / "index.html"
    assets = ["site.css", "mcp-setup.js", "mcp-setup-connect.js", "mcp-setup-connect.css", "search.js"]
    sizes = {path.name if path != page else "connect/index.html": len(gzip.compress(path.read_bytes(), 9))
             for path in [page] + [site_dir / "assets" / name for name in assets]}
    total = sum(sizes.values())
    print(f"\nconnect page weight, gzipped: {total} bytes ({', '.join(f'{name} {size}' for name, size in sizes.items())}); budget 61440")
    assert total <= 60 * 1024


def text_of(element):
    return "".join(element.itertext())


def test_artifacts_and_code_blocks_are_highlighted_at_build_time_losing_nothing(site_dir):
    import json
    manifest = json.loads((site_dir / "snippets.json").read_text())
    artifacts = {a["id"]: a for c in manifest["clients"] for a in c["artifacts"]}
    seen = 0
    for page in pages(site_dir):
        document = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
        for code in document.iter("code"):
            id = code.get("data-artifact")
            if not id:
                continue
            artifact = artifacts[id]
            # The text a reader selects is the artifact, byte for byte, without any script.
            assert text_of(code) == artifact["content"], (page, id)
            classes = {span.get("class") for span in code.iter("span")}
            if artifact.get("shell"):
                assert "hl-c" in classes, (page, id)
            if artifact.get("format") in ("json", "jsonc", "toml", "yaml"):
                assert {"hl-k", "hl-p"} <= classes, (page, id)
            seen += 1
    assert seen > 100
    # Code blocks in content, in the languages docs use.
    connect = html5lib.parse((site_dir / "connect" / "index.html").read_bytes(), namespaceHTMLElements=False)
    blocks = {code.get("class"): code for code in connect.iter("code") if (code.get("class") or "").startswith("language-")}
    assert "hl-c" in {span.get("class") for span in blocks["language-sh"].iter("span")}
    team = html5lib.parse((site_dir / "guides" / "team-setup" / "index.html").read_bytes(), namespaceHTMLElements=False)
    json_blocks = [code for code in team.iter("code") if code.get("class") == "language-json"]
    assert json_blocks and all({"hl-k", "hl-s"} <= {s.get("class") for s in code.iter("span")} for code in json_blocks)


def test_home_page_leads_with_a_title_and_a_first_step(site_dir):
    home = html5lib.parse((site_dir / "index.html").read_bytes(), namespaceHTMLElements=False)
    assert [h for h in home.iter("h1")], "no h1"
    actions = [a for a in home.iter("a") if "primary" in (a.get("class") or "").split()]
    assert len(actions) == 1
    target = site_dir / actions[0].get("href") / "index.html"
    assert b"<mcp-setup-connect" in target.read_bytes(), "the call to action leads to a page without setup"
