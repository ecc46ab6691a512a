// mcp-setup docs pages: client tabs, copy buttons, and the key box.
//
// The key box re-renders every artifact on the page with the reader's key, byte for byte what
// `mcp-setup render --token KEY` prints. The page carries each artifact as a recipe (the values
// the encoders read, with the key left as a hole; see DocumentRecipe.swift), and the functions
// below are exact ports of the encoders in Sources/MCPSetup/Encoding, scalar by scalar. Where an
// encoder refuses a key (cmd would expand a '%', PowerShell 5.1 would drop a '"', …), the port
// refuses it too and the page shows the reason the CLI gives, with the recipe's `fallback`; so do
// the recipe's key restrictions (`refuse`). The key never leaves the page: no request is made,
// nothing is stored, and the page's Content-Security-Policy forbids connections.
(function () {
  "use strict";
  var inBrowser = typeof document !== "undefined";
  if (inBrowser) document.documentElement.classList.add("js");

  // ---- Encoders (ports of Sources/MCPSetup/Encoding) ----
  //
  // Refusals (Unencodable.swift).

  // An encoder's refusal: the syntax, and why. renderDocument throws it where Swift throws
  // Unencodable; renderArtifact turns it into the reason the CLI prints.
  function Unencodable(syntax, reason) {
    this.syntax = syntax;
    this.reason = reason;
    this.message = syntax + ": " + reason;
  }
  Unencodable.prototype = Object.create(Error.prototype);
  Unencodable.prototype.constructor = Unencodable;
  Unencodable.prototype.name = "Unencodable";

  // Strings are compared and scanned by Unicode scalar (code point), as Swift's unicodeScalars.
  function scalars(string) {
    var out = [];
    for (var ch of string) out.push(ch);
    return out;
  }

  function repeat(string, count) {
    var out = "";
    for (var i = 0; i < count; i++) out += string;
    return out;
  }

  function isAlphanumeric(ch) {
    return (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (ch >= "0" && ch <= "9");
  }

  function isASCIILetter(ch) {
    return (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z");
  }

  // Unicode's White_Space property (Swift's Unicode.Scalar.Properties.isWhitespace). Not JS's \s,
  // which adds U+FEFF and leaves out U+0085.
  function isWhitespace(ch) {
    var c = ch.codePointAt(0);
    return (c >= 0x09 && c <= 0x0D) || c === 0x20 || c === 0x85 || c === 0xA0 || c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200A) || c === 0x2028 || c === 0x2029 || c === 0x202F || c === 0x205F || c === 0x3000;
  }

  function setOf(characters) {
    var set = {};
    for (var i = 0; i < characters.length; i++) set[characters.charAt(i)] = true;
    return set;
  }

  function allIn(string, set) {
    for (var ch of string) if (set[ch] !== true) return false;
    return true;
  }

  // ---- POSIX sh (POSIXShell.swift) ----

  var PLAIN_WORD = /^[A-Za-z0-9_@%+=:,.\/-]+$/;
  function shellQuote(word) {
    if (word.length > 0 && PLAIN_WORD.test(word)) return word;
    return "'" + word.split("'").join("'\\''") + "'";
  }

  // ---- Windows command lines (WindowsCommandLine.swift) ----

  function windowsQuote(word) {
    var quoted = "\"";
    var backslashes = 0;
    for (var ch of word) {
      if (ch === "\\") {
        backslashes += 1;
      } else if (ch === "\"") {
        quoted += repeat("\\", backslashes * 2 + 1) + "\"";
        backslashes = 0;
      } else {
        quoted += repeat("\\", backslashes) + ch;
        backslashes = 0;
      }
    }
    return quoted + repeat("\\", backslashes * 2) + "\"";
  }

  function isProgramName(word) {
    var list = scalars(word);
    if (list.length === 0 || !isAlphanumeric(list[0])) return false;
    return list.every(function (ch) { return isAlphanumeric(ch) || ch === "." || ch === "_" || ch === "-"; });
  }

  // The words a Windows program receives from a command line, or null where Swift throws.
  function windowsSplit(line) {
    var s = scalars(line);
    var index = 0;
    while (index < s.length && (s[index] === " " || s[index] === "\t")) index += 1;
    var program = "";
    while (index < s.length && s[index] !== " " && s[index] !== "\t") { program += s[index]; index += 1; }
    if (!isProgramName(program)) return null;
    var words = [program];
    for (;;) {
      while (index < s.length && (s[index] === " " || s[index] === "\t")) index += 1;
      if (index >= s.length) break;
      var word = "";
      var quoted = false;
      while (index < s.length) {
        var backslashes = 0;
        while (index < s.length && s[index] === "\\") { backslashes += 1; index += 1; }
        if (index < s.length && s[index] === "\"") {
          word += repeat("\\", Math.floor(backslashes / 2));
          if (backslashes % 2 === 1) {
            word += "\"";
          } else {
            if (quoted && index + 1 < s.length && s[index + 1] === "\"") return null;
            quoted = !quoted;
          }
          index += 1;
          continue;
        }
        word += repeat("\\", backslashes);
        if (index >= s.length) break;
        if (!quoted && (s[index] === " " || s[index] === "\t")) break;
        word += s[index];
        index += 1;
      }
      if (quoted) return null;
      words.push(word);
    }
    return words;
  }

  // ---- cmd.exe (CmdShell.swift) ----

  var CMD_PLAIN = setOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+-");
  var CMD_MAXIMUM_LENGTH = 8191;

  function cmdQuote(word) {
    if (word.length > 0 && allIn(word, CMD_PLAIN)) return word;
    return windowsQuote(word);
  }

  // What cmd would do to the line other than hand it to the program, or null when nothing.
  function cmdProblem(line) {
    if (line.length > CMD_MAXIMUM_LENGTH) {
      return "the line is longer than the " + CMD_MAXIMUM_LENGTH + " characters cmd accepts";
    }
    var quoted = false;
    var percentSigns = 0;
    for (var ch of line) {
      var c = ch.codePointAt(0);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        return "it would hold a control character or line break, which cmd cannot pass on";
      }
      switch (ch) {
        case "\"":
          quoted = !quoted;
          break;
        case "%":
          percentSigns += 1;
          if (percentSigns > 1) {
            return "it would hold two '%' signs, between which cmd expands an environment variable (the cmd line has no escape for '%')";
          }
          break;
        case "!":
          return "it would hold '!', which cmd expands or removes when delayed expansion is on";
        case "&": case "|": case "<": case ">": case "^": case "(": case ")":
          if (!quoted) return "it would hold one of & | < > ^ ( ) outside cmd's double quotes, where cmd acts on it";
          break;
      }
    }
    return null;
  }

  var CMD_NOT_INERT = setOf(" \t\"%&|<>^()");
  function cmdIsInertWord(word) {
    if (word.length === 0 || cmdProblem(word) !== null) return false;
    for (var ch of word) if (CMD_NOT_INERT[ch] === true) return false;
    return true;
  }

  function cmdJoin(argv) {
    if (argv.length === 0 || !isProgramName(argv[0])) throw new Unencodable("cmd", "the program name is not a plain word");
    var line = [argv[0]].concat(argv.slice(1).map(cmdQuote)).join(" ");
    var problem = cmdProblem(line);
    if (problem !== null) throw new Unencodable("cmd", problem);
    return line;
  }

  // ---- PowerShell (PowerShell.swift) ----

  function isSingleQuote(ch) {
    var c = ch.codePointAt(0);
    return ch === "'" || (c >= 0x2018 && c <= 0x201B);
  }

  var PS_BARE = setOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+-");
  function powerShellIsBare(word) {
    var list = scalars(word);
    if (list.length === 0) return false;
    if (list[0] === "-") {
      var dashes = 0;
      while (dashes < list.length && list[dashes] === "-") dashes += 1;
      var name = list.slice(dashes);
      return dashes <= 2 && name.length > 0 && isAlphanumeric(name[0]) &&
        name.every(function (ch) { return isAlphanumeric(ch) || ch === "-"; });
    }
    return isASCIILetter(list[0]) ? list.every(function (ch) { return PS_BARE[ch] === true; }) : false;
  }

  function powerShellQuote(word) {
    if (powerShellIsBare(word)) return word;
    var quoted = "'";
    for (var ch of word) {
      if (isSingleQuote(ch)) quoted += ch;
      quoted += ch;
    }
    return quoted + "'";
  }

  function hasWhitespace(word) {
    for (var ch of word) if (isWhitespace(ch)) return true;
    return false;
  }

  function nativeCommandLine(argv) {
    return argv.map(function (word) { return hasWhitespace(word) ? "\"" + word + "\"" : word; }).join(" ");
  }

  function checkNativePassing(argv) {
    function refuse(reason) { return new Unencodable("PowerShell", reason); }
    for (var i = 1; i < argv.length; i++) {
      var word = argv[i];
      if (word.length === 0) throw refuse("an argument would be empty, and Windows PowerShell 5.1 drops empty arguments");
      if (word.indexOf("\"") >= 0) {
        throw refuse("an argument would hold a double quote, which PowerShell passes differently by version (5.1 drops it, 7.3 and later keep it), so no single line works everywhere");
      }
      if (hasWhitespace(word) && word.charAt(word.length - 1) === "\\") {
        throw refuse("an argument with a space would end in a backslash, which Windows PowerShell 5.1 passes as an escaped quote");
      }
    }
    var line = nativeCommandLine(argv);
    var problem = cmdProblem(line);
    if (problem !== null) {
      throw refuse("when the program is a .cmd file (as VS Code and npm install it), cmd reads the line PowerShell builds, and " + problem);
    }
    var words = windowsSplit(line);
    var same = words !== null && words.length === argv.length && words.every(function (w, j) { return w === argv[j]; });
    if (!same) throw refuse("the program would not receive these exact words");
  }

  function powerShellJoin(argv) {
    if (argv.length === 0 || !isProgramName(argv[0])) throw new Unencodable("PowerShell", "the program name is not a plain word");
    checkNativePassing(argv);
    return [argv[0]].concat(argv.slice(1).map(powerShellQuote)).join(" ");
  }

  function shellJoin(shell, argv) {
    switch (shell) {
      case undefined:
      case "posix": return argv.map(shellQuote).join(" ");
      case "powershell": return powerShellJoin(argv);
      case "cmd": return cmdJoin(argv);
    }
    throw new Error("unknown shell " + shell);
  }

  // ---- JSON (JSONSyntax.swift; JSON.stringify writes strings the same way) ----

  function jsonQuote(string) {
    return JSON.stringify(string);
  }

  function jsonWrite(value, indent, depth) {
    switch (value.t) {
      case "s": return jsonQuote(value.v);
      case "b": return value.v ? "true" : "false";
      case "n": return value.v;
      case "a": {
        if (value.v.length === 0) return "[]";
        var items = value.v.map(function (item) { return newline(indent, depth + 1) + jsonWrite(item, indent, depth + 1); });
        return "[" + items.join(",") + newline(indent, depth) + "]";
      }
      case "o": {
        if (value.v.length === 0) return "{}";
        var members = value.v.map(function (member) {
          return newline(indent, depth + 1) + jsonQuote(member[0]) + (indent === null ? ":" : ": ") + jsonWrite(member[1], indent, depth + 1);
        });
        return "{" + members.join(",") + newline(indent, depth) + "}";
      }
    }
    throw new Error("unknown value");
  }

  function newline(indent, depth) {
    if (indent === null) return "";
    var text = "\n";
    for (var i = 0; i < depth; i++) text += indent;
    return text;
  }

  // ---- YAML (YAMLSyntax.swift) ----

  var YAML_PLAIN = setOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+- ");
  var YAML_KEY = setOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
  var YAML_RESERVED = setOf("");
  ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"].forEach(function (word) { YAML_RESERVED[word] = true; });

  // Only called on ASCII strings, where toLowerCase is Swift's lowercased().
  function yamlReserved(string) {
    return YAML_RESERVED[string.toLowerCase()] === true;
  }

  function yamlKey(key) {
    var first = key.length > 0 ? scalars(key)[0] : null;
    var simple = first !== null && first !== "-" && !(first >= "0" && first <= "9") && allIn(key, YAML_KEY) && !yamlReserved(key);
    return simple ? key : yamlQuote(key);
  }

  function yamlIsPlain(string) {
    if (string.length === 0) return false;
    var list = scalars(string);
    var first = list[0], last = list[list.length - 1];
    if (!isASCIILetter(first) || last === " " || last === ":" || !allIn(string, YAML_PLAIN)) return false;
    return string.indexOf(": ") < 0 && string.indexOf("  ") < 0 && !yamlReserved(string);
  }

  function hex(code, digits) {
    var text = code.toString(16).toUpperCase();
    while (text.length < digits) text = "0" + text;
    return text;
  }

  function yamlQuote(string) {
    var out = "\"";
    for (var ch of string) {
      var c = ch.codePointAt(0);
      if (ch === "\"") out += "\\\"";
      else if (ch === "\\") out += "\\\\";
      else if (ch === "\n") out += "\\n";
      else if (ch === "\t") out += "\\t";
      else if (ch === "\r") out += "\\r";
      else if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) out += "\\x" + hex(c, 2);
      else if (c === 0x2028 || c === 0x2029 || c === 0xFEFF || c === 0xFFFE || c === 0xFFFF) out += "\\u" + hex(c, 0);
      else out += ch;
    }
    return out + "\"";
  }

  function yamlScalar(string) {
    return yamlIsPlain(string) ? string : yamlQuote(string);
  }

  function yamlInline(value) {
    switch (value.t) {
      case "s": return yamlScalar(value.v);
      case "b": return value.v ? "true" : "false";
      case "n": return value.v;
      case "a": return "[]";
      case "o": return "{}";
    }
    throw new Error("unknown value");
  }

  function yamlIsBlock(value) {
    return (value.t === "a" || value.t === "o") && value.v.length > 0;
  }

  function yamlMapping(members, indent, lines) {
    var pad = repeat(" ", indent);
    members.forEach(function (member) {
      if (yamlIsBlock(member[1])) {
        lines.push(pad + yamlKey(member[0]) + ":");
        yamlBlock(member[1], indent + 2, lines);
      } else {
        lines.push(pad + yamlKey(member[0]) + ": " + yamlInline(member[1]));
      }
    });
  }

  function yamlBlock(value, indent, lines) {
    if (value.t === "o") {
      yamlMapping(value.v, indent, lines);
    } else if (value.t === "a") {
      var pad = repeat(" ", indent);
      value.v.forEach(function (item) {
        if (!yamlIsBlock(item)) {
          lines.push(pad + "- " + yamlInline(item));
          return;
        }
        // A block item starts on the dash line: "- key: value", the rest indented under it.
        var nested = [];
        yamlBlock(item, indent + 2, nested);
        nested[0] = pad + "- " + nested[0].slice(indent + 2);
        nested.forEach(function (line) { lines.push(line); });
      });
    } else {
      lines.push(repeat(" ", indent) + yamlInline(value));
    }
  }

  function yamlDocument(value) {
    if (value.t !== "o" || value.v.length === 0) return yamlInline(value) + "\n";
    var lines = [];
    yamlMapping(value.v, 0, lines);
    return lines.join("\n") + "\n";
  }

  // ---- TOML (TOMLSyntax.swift) ----

  var TOML_BARE = /^[A-Za-z0-9_-]+$/;
  function tomlKey(key) {
    return TOML_BARE.test(key) ? key : tomlQuote(key);
  }

  function tomlQuote(string) {
    var out = "\"";
    for (var i = 0; i < string.length; i++) {
      var c = string.charCodeAt(i);
      var ch = string.charAt(i);
      if (ch === "\"") out += "\\\"";
      else if (ch === "\\") out += "\\\\";
      else if (c === 8) out += "\\b";
      else if (c === 9) out += "\\t";
      else if (c === 10) out += "\\n";
      else if (c === 12) out += "\\f";
      else if (c === 13) out += "\\r";
      else if (c < 0x20 || c === 0x7f) out += "\\u" + ("0000" + c.toString(16).toUpperCase()).slice(-4);
      else out += ch;
    }
    return out + "\"";
  }

  function tomlInline(value) {
    switch (value.t) {
      case "s": return tomlQuote(value.v);
      case "b": return value.v ? "true" : "false";
      case "n": return value.v;
      case "a": return "[" + value.v.map(tomlInline).join(", ") + "]";
      case "o":
        if (value.v.length === 0) return "{}";
        return "{ " + value.v.map(function (m) { return tomlKey(m[0]) + " = " + tomlInline(m[1]); }).join(", ") + " }";
    }
    throw new Error("unknown value");
  }

  function tomlTable(members, path, sections) {
    var container = members.length > 0 && members.every(function (m) { return m[1].t === "o"; });
    if (!container) {
      var lines = [];
      if (path.length > 0) lines.push("[" + path.map(tomlKey).join(".") + "]");
      members.forEach(function (m) { lines.push(tomlKey(m[0]) + " = " + tomlInline(m[1])); });
      sections.push(lines.join("\n") + "\n");
      return;
    }
    members.forEach(function (m) { tomlTable(m[1].v, path.concat([m[0]]), sections); });
  }

  function tomlDocument(value) {
    if (value.t !== "o") return "";
    var sections = [];
    tomlTable(value.v, [], sections);
    return sections.join("\n");
  }

  // ---- Base64 (Base64Text.swift) ----

  function base64(string) {
    var bytes = new TextEncoder().encode(string);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary);
  }

  // ---- Recipes (see DocumentRecipe.swift and TextRenderer.swift) ----

  var CMD_WORD_REASON = "an argument that cmd /c passes on would hold a space, a quote, or one of % ! & | < > ^ ( )";

  function renderText(pieces, key) {
    var out = "";
    pieces.forEach(function (piece) {
      if (typeof piece === "string") out += piece;
      else if (piece.secret) out += key;
      else if (piece.link) out += renderLink(piece.link, key);
      else if (piece.json) out += jsonWrite(plain(piece.json, key), null, 0);
      else if (piece.vscodeJSON) out += jsonWrite(plain(piece.vscodeJSON, key), null, 0).split("%").join("\\u0025");
      else if (piece.base64) out += base64(renderText(piece.base64, key));
      else if (piece.cmdWord) {
        var word = renderText(piece.cmdWord, key);
        if (!cmdIsInertWord(word)) throw new Unencodable("cmd", CMD_WORD_REASON);
        out += word;
      }
      else throw new Error("unknown piece");
    });
    return out;
  }

  function renderLink(link, key) {
    if (link.whole) return link.base + "?" + encodeURIComponent(renderText(link.whole, key));
    if (link.items.length === 0) return link.base;
    var separator = link.base.indexOf("?") >= 0 ? "&" : "?";
    return link.base + separator + link.items.map(function (item) {
      return encodeURIComponent(item[0]) + "=" + encodeURIComponent(renderText(item[1], key));
    }).join("&");
  }

  function plain(value, key) {
    if (value.s) return { t: "s", v: renderText(value.s, key) };
    if ("b" in value) return { t: "b", v: value.b };
    if ("i" in value) return { t: "n", v: String(value.i) };
    if (value.a) return { t: "a", v: value.a.map(function (item) { return plain(item, key); }) };
    if (value.o) return { t: "o", v: value.o.map(function (m) { return [m[0], plain(m[1], key)]; }) };
    throw new Error("unknown value");
  }

  // The exact content of a document; throws Unencodable where the Swift encoder refuses.
  function renderDocument(recipe, key) {
    switch (recipe.type) {
      case "command": {
        var words = recipe.argv.map(function (word) { return renderText(word, key); });
        return shellJoin(recipe.shell, words);
      }
      case "json":
      case "jsonc": return jsonWrite(plain(recipe.value, key), "  ", 0) + "\n";
      case "yaml": return yamlDocument(plain(recipe.value, key));
      case "toml": return tomlDocument(plain(recipe.value, key));
      case "line": return renderText(recipe.text, key);
    }
    throw new Error("unknown document " + recipe.type);
  }

  // A key restriction the key breaks (see KeyRestriction.swift): its reason, else null.
  function restriction(recipe, key) {
    var rules = recipe.refuse || [];
    for (var i = 0; i < rules.length; i++) {
      var rule = rules[i];
      if ((rule.contains !== undefined && key.indexOf(rule.contains) >= 0) ||
          (rule.prefix !== undefined && key.indexOf(rule.prefix) === 0)) return rule.reason;
    }
    return null;
  }

  // One artifact for a key, as SetupGenerator makes it: {content: text}, or {refused: reason}
  // with the reason the CLI gives for the unavailable artifact.
  function renderArtifact(recipe, key) {
    var reason = restriction(recipe, key);
    if (reason !== null) return { refused: reason };
    try {
      return { content: renderDocument(recipe, key) };
    } catch (error) {
      if (!(error instanceof Unencodable)) throw error;
      return { refused: error.syntax + " cannot carry this safely: " + error.reason + "." + (recipe.fallback ? " " + recipe.fallback : "") };
    }
  }

  // The same checks as Secret.swift: visible ASCII, pasted alone.
  function keyProblem(key) {
    if (/^bearer[ \t]/i.test(key)) return "The key starts with \u201cBearer \u201d: paste the key alone; the snippets add the scheme.";
    if (/[ \t\r\n]/.test(key)) return "The key contains spaces or line breaks: paste the key alone.";
    for (var i = 0; i < key.length; i++) {
      var c = key.charCodeAt(i);
      if (c < 0x20 || c === 0x7f) return "The key contains a control character: keys are visible ASCII characters only.";
      if (c > 0x7e) return "The key contains a non-ASCII character (a smart quote from copying?): keys are visible ASCII characters only.";
    }
    if (key.length > 16384) return "The key is longer than 16384 characters: check that you pasted only the key.";
    return null;
  }

  // ---- Page behaviour ----

  function setUpTabs(tablist) {
    var tabs = Array.prototype.slice.call(tablist.querySelectorAll("[role=tab]"));
    function select(tab, focus) {
      tabs.forEach(function (other) {
        var selected = other === tab;
        other.setAttribute("aria-selected", selected ? "true" : "false");
        other.tabIndex = selected ? 0 : -1;
        document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
      });
      if (focus) tab.focus();
    }
    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () { select(tab, false); });
      tab.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight") next = tabs[(index + 1) % tabs.length];
        else if (event.key === "ArrowLeft") next = tabs[(index - 1 + tabs.length) % tabs.length];
        else if (event.key === "Home") next = tabs[0];
        else if (event.key === "End") next = tabs[tabs.length - 1];
        if (next) { event.preventDefault(); select(next, true); }
      });
    });
    var current = tabs.filter(function (t) { return t.getAttribute("aria-selected") === "true"; })[0] || tabs[0];
    if (current) select(current, false);
  }

  function setUpCopy(button) {
    button.addEventListener("click", function () {
      var code = document.getElementById(button.getAttribute("data-copy")).querySelector("code");
      var text = code.textContent;
      function done(ok) {
        button.textContent = ok ? "Copied" : "Select and copy";
        setTimeout(function () { button.textContent = "Copy"; }, 1600);
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
      } else {
        done(false);
      }
    });
  }

  function setUpKeyBox(data) {
    var input = document.getElementById("mcp-key");
    if (!input) return;
    var status = document.getElementById("mcp-key-status");
    var codes = Array.prototype.slice.call(document.querySelectorAll("code[data-artifact]"));
    var links = Array.prototype.slice.call(document.querySelectorAll("a[data-artifact-href]"));
    // Each artifact for the key: {content} or {refused: the CLI's reason}, once per fill.
    function fill(key) {
      var results = {};
      function result(id) {
        var recipe = data.artifacts[id];
        if (!recipe) return null;
        if (!(id in results)) results[id] = renderArtifact(recipe, key);
        return results[id];
      }
      codes.forEach(function (code) {
        var id = code.getAttribute("data-artifact");
        var artifact = result(id);
        if (!artifact) return;
        var refused = artifact.refused !== undefined;
        var snippet = code.closest(".snippet");
        var message = snippet && snippet.parentNode.querySelector("[data-refusal]");
        if (snippet) snippet.hidden = refused;
        if (message) {
          message.hidden = !refused;
          message.textContent = refused ? "Not available for this key. " + artifact.refused : "";
        }
        code.textContent = refused ? "" : artifact.content;
      });
      links.forEach(function (link) {
        var artifact = result(link.getAttribute("data-artifact-href"));
        if (!artifact) return;
        if (artifact.refused === undefined) link.setAttribute("href", artifact.content);
        else link.removeAttribute("href");
      });
    }
    function update() {
      var key = input.value;
      if (key === "") {
        fill(data.placeholder);
        status.textContent = "";
        return;
      }
      var problem = keyProblem(key);
      if (problem) {
        fill(data.placeholder);
        status.textContent = problem;
        status.className = "keybox-status error";
        return;
      }
      fill(key);
      status.textContent = "Every snippet on this page now holds your key. Treat them like a password.";
      status.className = "keybox-status ok";
    }
    input.addEventListener("input", update);
    var toggle = document.querySelector("[data-key-toggle]");
    if (toggle) toggle.addEventListener("click", function () {
      var show = input.type === "password";
      input.type = show ? "text" : "password";
      toggle.textContent = show ? "Hide" : "Show";
      toggle.setAttribute("aria-pressed", show ? "true" : "false");
    });
    var clear = document.querySelector("[data-key-clear]");
    if (clear) clear.addEventListener("click", function () { input.value = ""; update(); input.focus(); });
    update();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[role=tablist]"), setUpTabs);
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), setUpCopy);
    var element = document.getElementById("mcp-setup-data");
    if (element) setUpKeyBox(JSON.parse(element.textContent));
  }

  var api = { renderDocument: renderDocument, renderArtifact: renderArtifact, keyProblem: keyProblem, Unencodable: Unencodable };
  if (!inBrowser) {
    module.exports = api;
    return;
  }
  window.mcpSetup = api;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
