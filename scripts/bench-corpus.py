#!/usr/bin/env python3
"""Writes a benchmark corpus: the same Markdown pages as an mcp-setup project and as a Hugo site
with an equivalent minimal layout (page title, the section's page list, the rendered body).

Usage: bench-corpus.py WORKDIR PAGES"""
import pathlib
import random
import sys

work, count = pathlib.Path(sys.argv[1]), int(sys.argv[2])
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
    return f"s{section:03d}/p{index:05d}.md", front + "\n".join(body)


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
<body><nav><ul>{{ range .CurrentSection.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
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
print(f"corpus: {count} pages in {work}")
