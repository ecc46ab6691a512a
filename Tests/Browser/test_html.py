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
