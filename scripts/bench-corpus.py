#!/usr/bin/env python3
"""Writes a benchmark corpus: the same Markdown pages as an mcp-setup project and as a Hugo site
with an equivalent minimal layout (page title, a bounded list of the section's pages with the
previous and next page, the rendered body: like mcp-setup's navigation, bounded whatever the
folder's size, so neither tool writes a quadratic site).

Usage: bench-corpus.py WORKDIR PAGES [SHAPE]
  SHAPE: sections (default: folders of 100 pages), flat (one folder), deep (ten levels of folders)"""
import pathlib
import random
import sys

work, count = pathlib.Path(sys.argv[1]), int(sys.argv[2])
shape = sys.argv[3] if len(sys.argv) > 3 else "sections"
assert shape in ("sections", "flat", "deep"), shape
rng = random.Random(7)
WORDS = "key server client token scope workspace project task connect config header bearer oauth rotate revoke install link command file endpoint".split()


def sentence():
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def page(index):
    section = index // 100
    body = [f"# Page {index}", "", " ".join(sentence() for _ in range(5)), "", "## Options", ""]
    body += ["| Option | Meaning | Default |", "|---|---|---|"]
    body += [f"| `opt-{i}` | {sentence()} | {i} |" for i in range(5)]
    body += ["", "## Steps", ""] + [f"- [{'x' if i % 2 else ' '}] {sentence()}" for i in range(4)]
    body += ["", "```sh", f"curl -H 'Authorization: Bearer $KEY' https://api.example.com/v1/items/{index}", "```", ""]
    body += [" ".join(sentence() for _ in range(6)), "", f"See ~~the old page~~ [page {index + 1}](https://example.com/{index + 1}) and www.example.com.", ""]
    if index % 10 == 0:
        body += ["```mcp-setup cursor claude-code", "```", ""]
    front = f"---\ntitle: Page {index}\ndescription: Generated page {index}.\norder: {index}\n---\n"
    if shape == "flat":
        folder = ""
    elif shape == "deep":
        folder = "".join(f"d{level}/" for level in range(1, index % 10 + 1))
    else:
        folder = f"s{section:03d}/"
    return f"{folder}p{index:05d}.md", front + "\n".join(body)


mcp = work / "mcp"
(mcp / "content").mkdir(parents=True)
(mcp / "mcp-setup.yml").write_text("name: acme\ntitle: Acme\nendpoint: https://mcp.acme.dev/mcp\nsite:\n  title: Bench\n  base_url: https://bench.example.com/\n")
hugo = work / "hugo"
(hugo / "content").mkdir(parents=True)
(hugo / "layouts" / "_default").mkdir(parents=True)
(hugo / "hugo.toml").write_text(
    'baseURL = "https://bench.example.com/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS"]\n'
    '[markup.goldmark.renderer]\nunsafe = false\n[markup.goldmark.extensions]\ntable = true\nstrikethrough = true\nlinkify = true\ntaskList = true\nfootnote = true\n'
)
layout = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}"><link rel="stylesheet" href="/assets/site.css"></head>
<body><nav><ul>{{ range first 25 .CurrentSection.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""
(hugo / "layouts" / "_default" / "single.html").write_text(layout)
(hugo / "layouts" / "_default" / "list.html").write_text(layout)
(hugo / "layouts" / "index.html").write_text(layout)
for index in range(count):
    path, text = page(index)
    for root in (mcp / "content", hugo / "content"):
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
if shape == "deep":
    # Hugo makes a folder a section only when it has an _index.md.
    for folder in (hugo / "content").rglob("d*"):
        if folder.is_dir():
            (folder / "_index.md").write_text(f"---\ntitle: {folder.name}\n---\n")
print(f"corpus: {count} pages ({shape}) in {work}")
