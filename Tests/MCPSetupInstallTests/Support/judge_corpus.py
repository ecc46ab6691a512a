"""Judges installs into real config files with parsers that are not mcp-setup's: JSON and JSONC
(comments and trailing commas, as VS Code, Zed and OpenCode read them) by a small reader here,
TOML 1.0 by the standard library's tomllib, YAML by PyYAML.

Input (stdin, JSON): a list of cases {label, format, original, installed, removed, container,
name, entry}: the original bytes, the bytes after install, the bytes after install then
uninstall without a backup (all base64), the key path of the servers' container, the entry's
name and the entry install meant to write. Output: a list of problems, empty when all hold:
- the installed file holds the entry where the client reads it;
- everything else in it parses to the same value as the original;
- uninstall without a backup leaves a file that parses to the original.
"""
import base64, json, sys, tomllib

import yaml


def strip_jsonc(text):
    """Removes // and /* */ comments and trailing commas outside strings."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith('//', i):
            while i < n and text[i] not in '\r\n':
                i += 1
        elif text.startswith('/*', i):
            end = text.find('*/', i + 2)
            i = n if end < 0 else end + 2
        else:
            out.append(c)
            i += 1
    cleaned = ''.join(out)
    # Trailing commas: a comma followed only by white space before } or ].
    result, in_string, k = [], False, 0
    while k < len(cleaned):
        c = cleaned[k]
        if c == '"':
            j = k + 1
            while j < len(cleaned) and cleaned[j] != '"':
                j += 2 if cleaned[j] == '\\' else 1
            result.append(cleaned[k:j + 1])
            k = j + 1
            continue
        if c == ',':
            j = k + 1
            while j < len(cleaned) and cleaned[j] in ' \t\r\n':
                j += 1
            if j < len(cleaned) and cleaned[j] in '}]':
                k += 1
                continue
        result.append(c)
        k += 1
    return ''.join(result)


def parse(data, fmt):
    text = data.decode('utf-8')
    if text.startswith('\ufeff'):
        text = text[1:]
    if not text.strip():
        return {}
    if fmt == 'toml':
        return tomllib.loads(text)
    if fmt == 'yaml':
        return yaml.safe_load(text) or {}
    return json.loads(strip_jsonc(text) if fmt == 'jsonc' else text)


def without_entry(document, container, name, original):
    """The document less the entry (and, where the original had no container, the container
    install created), and less VS Code inputs the original did not have."""
    document = json.loads(json.dumps(document, default=str))
    node, parents = document, []
    for key in container:
        if not isinstance(node, dict) or key not in node:
            return document
        parents.append((node, key))
        node = node[key]
    if isinstance(node, dict):
        node.pop(name, None)
    elif isinstance(node, list):
        node[:] = [item for item in node if not (isinstance(item, dict) and item.get('name') == name)]
    # Containers that are empty now and were absent (or empty) in the original go.
    probe = original
    present = []
    for key in container:
        present.append(isinstance(probe, dict) and key in probe)
        probe = probe.get(key) if isinstance(probe, dict) else None
    for (parent, key), was_there in reversed(list(zip(parents, present))):
        if parent[key] in ({}, [], None) and not was_there:
            del parent[key]
    if isinstance(document, dict) and 'inputs' in document and isinstance(original, dict):
        kept = [item for item in document['inputs'] if item in original.get('inputs', [])]
        if kept or 'inputs' in original:
            document['inputs'] = kept
        else:
            del document['inputs']
    return document


def find_entry(document, container, name):
    node = document
    for key in container:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    if isinstance(node, dict):
        return node.get(name)
    if isinstance(node, list):
        for item in node:
            if isinstance(item, dict) and item.get('name') == name:
                return {k: v for k, v in item.items() if k != 'name'}
    return None


def normal(value):
    return json.loads(json.dumps(value, default=str, sort_keys=True))


problems = []
for case in json.load(sys.stdin):
    label, fmt = case['label'], case['format']
    try:
        original = parse(base64.b64decode(case['original']), fmt)
        installed = parse(base64.b64decode(case['installed']), fmt)
        removed = parse(base64.b64decode(case['removed']), fmt)
    except Exception as error:  # noqa: BLE001 - the judge reports any parse failure
        problems.append(f'{label}: does not parse: {error}')
        continue
    entry = find_entry(installed, case['container'], case['name'])
    if normal(entry) != normal(case['entry']):
        problems.append(f'{label}: the entry is not where the client reads it, or differs: {entry!r}')
    if normal(without_entry(installed, case['container'], case['name'], original)) != normal(original):
        problems.append(f'{label}: install changed more than the entry')
    if normal(removed) != normal(original):
        problems.append(f'{label}: uninstall without a backup does not parse to the original')
print(json.dumps(problems))
