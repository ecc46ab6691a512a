"""Independent splitters for the Windows command lines mcp-setup writes, from the documentation
(learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments; about_Quoting_Rules; cmd's
special characters). Used by decode_artifacts.py and the encoder tests; strict like the Swift
tokenizers: anything ambiguous raises ValueError."""
import re

SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"


def crt_split(line):
    """argv as the C runtime splits a command line (program name first, no backslash rules)."""
    n = len(line)
    i = len(line) - len(line.lstrip(" \t"))
    j = i
    while j < n and line[j] not in " \t":
        j += 1
    argv, i = [line[i:j]], j
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", argv[0]):
        raise ValueError("program name")
    while True:
        while i < n and line[i] in " \t":
            i += 1
        if i >= n:
            return argv
        word, quoted = [], False
        while i < n:
            slashes = 0
            while i < n and line[i] == "\\":
                slashes += 1
                i += 1
            if i < n and line[i] == '"':
                word.append("\\" * (slashes // 2))
                if slashes % 2:
                    word.append('"')
                elif quoted and i + 1 < n and line[i + 1] == '"':
                    raise ValueError('"" inside quotes')
                else:
                    quoted = not quoted
                i += 1
                continue
            word.append("\\" * slashes)
            if i >= n or (not quoted and line[i] in " \t"):
                break
            word.append(line[i])
            i += 1
        if quoted:
            raise ValueError("unterminated quote")
        argv.append("".join(word))


def cmd_check(line):
    """Raises unless cmd.exe hands the line to the program unchanged."""
    if len(line.encode("utf-16-le")) // 2 > 8191 or line.count("%") > 1 or "!" in line:
        raise ValueError("cmd would expand or truncate")
    quoted = False
    for c in line:
        if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F:
            raise ValueError("control character")
        if c == '"':
            quoted = not quoted
        elif not quoted and c in "&|<>^()":
            raise ValueError("cmd operator")


def cmd_split(line):
    cmd_check(line)
    return crt_split(line)


def ps_split(line):
    """argv of a PowerShell line made of bare words and single-quoted strings, checked for native
    argument passing (Legacy: words with whitespace wrapped in quotes, then maybe cmd)."""
    argv, i, n = [], 0, len(line)
    while i < n:
        if line[i] == " ":
            i += 1
            continue
        if line[i] in SINGLE_QUOTES:
            i += 1
            word = []
            while True:
                if i >= n:
                    raise ValueError("unterminated string")
                c = line[i]
                i += 1
                if c in SINGLE_QUOTES:
                    if i < n and line[i] in SINGLE_QUOTES:
                        word.append(line[i])
                        i += 1
                        continue
                    break
                word.append(c)
            argv.append("".join(word))
        else:
            j = line.find(" ", i)
            j = n if j < 0 else j
            w = line[i:j]
            pattern = r"[A-Za-z0-9][A-Za-z0-9._-]*" if not argv else r"[A-Za-z][A-Za-z0-9_./:=+-]*|--?[A-Za-z0-9][A-Za-z0-9-]*"
            if not re.fullmatch(pattern, w):
                raise ValueError("bare word PowerShell may interpret")
            argv.append(w)
            i = j
    for a in argv[1:]:
        if a == "" or '"' in a or (a.endswith("\\") and any(c.isspace() for c in a)):
            raise ValueError("PowerShell versions pass this differently")
    native = " ".join('"%s"' % a if any(c.isspace() for c in a) else a for a in argv)
    if cmd_split(native) != argv:
        raise ValueError("native passing changes the words")
    return argv
