// mcp-setup docs pages: client tabs, copy buttons, and the key box.
//
// The key box fills every artifact on the page with the reader's key, byte for byte what
// `mcp-setup render --token KEY` prints. The page carries each artifact as a program compiled by
// mcp-setup (ProgramJSON.swift; README "Artifact programs"): literal text, the key, primitive
// escapers applied to parts, and the checks that make an artifact unavailable for some keys,
// with their reasons. This file is only an interpreter of programs: the escapers and checks
// below are ports of the encoders' own functions, and no client fact lives here. The key never
// leaves the page: no request is made, nothing is stored, and the page's Content-Security-Policy
// forbids connections.
(function () {
  "use strict";
  var inBrowser = typeof document !== "undefined";
  if (inBrowser) document.documentElement.classList.add("js");

  // ---- Helpers ----

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

  // Strings are scanned by Unicode scalar (code point), as Swift's unicodeScalars.
  function allIn(string, set) {
    for (var ch of string) if (set[ch] !== true) return false;
    return true;
  }

  function hex(code, digits) {
    var text = code.toString(16).toUpperCase();
    while (text.length < digits) text = "0" + text;
    return text;
  }

  // ---- Primitive escapers (Escaper.swift; each a port of its encoder's function) ----

  // JSON string body (JSONSyntax.appendStringBody): JSON.stringify writes strings the same way.
  function jsonString(text) {
    var quoted = JSON.stringify(text);
    return quoted.slice(1, quoted.length - 1);
  }

  // POSIX sh word (POSIXShell.quote).
  var PLAIN_WORD = /^[A-Za-z0-9_@%+=:,.\/-]+$/;
  function posixWord(word) {
    if (word.length > 0 && PLAIN_WORD.test(word)) return word;
    return "'" + word.split("'").join("'\\''") + "'";
  }

  // Windows C-runtime quoting (WindowsCommandLine.quote).
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

  // cmd.exe argument (CmdShell.quote).
  var CMD_PLAIN = setOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+-");
  function cmdArgument(word) {
    if (word.length > 0 && allIn(word, CMD_PLAIN)) return word;
    return windowsQuote(word);
  }

  // PowerShell native-command argument (PowerShell.quote).
  function isSingleQuote(ch) {
    var c = ch.codePointAt(0);
    return ch === "'" || (c >= 0x2018 && c <= 0x201B);
  }

  var PS_BARE = setOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+-");
  function powerShellIsBare(word) {
    var list = Array.from(word);
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

  function powerShellWord(word) {
    if (powerShellIsBare(word)) return word;
    var quoted = "'";
    for (var ch of word) {
      if (isSingleQuote(ch)) quoted += ch;
      quoted += ch;
    }
    return quoted + "'";
  }

  // YAML scalar (YAMLSyntax.scalar): plain where unambiguous, else double-quoted.
  var YAML_PLAIN = setOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+- ");
  var YAML_RESERVED = {};
  ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"].forEach(function (word) { YAML_RESERVED[word] = true; });

  function yamlIsPlain(string) {
    if (string.length === 0) return false;
    var list = Array.from(string);
    var first = list[0], last = list[list.length - 1];
    if (!isASCIILetter(first) || last === " " || last === ":" || !allIn(string, YAML_PLAIN)) return false;
    // Only ASCII gets here, where toLowerCase is Swift's lowercased().
    return string.indexOf(": ") < 0 && string.indexOf("  ") < 0 && YAML_RESERVED[string.toLowerCase()] !== true;
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

  // TOML basic string body (TOMLSyntax.appendStringBody).
  function tomlString(string) {
    var out = "";
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
      else if (c < 0x20 || c === 0x7f) out += "\\u" + hex(c, 4);
      else out += ch;
    }
    return out;
  }

  // Base64 of the UTF-8 bytes (Base64Text).
  function base64(string) {
    var bytes = new TextEncoder().encode(string);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary);
  }

  var ESCAPERS = {
    "json-string": jsonString,
    "json-percent": function (text) { return text.split("%").join("\\u0025"); },
    "percent": encodeURIComponent,
    "base64": base64,
    "posix-word": posixWord,
    "powershell-word": powerShellWord,
    "cmd-argument": cmdArgument,
    "yaml-scalar": yamlScalar,
    "toml-string": tomlString,
  };

  // ---- Checks (KeyCheck.swift; the tests are ports of the encoders' own) ----

  // What cmd would do to a line (CmdShell.lineProblem): a problem code, or null.
  var CMD_MAXIMUM_LENGTH = 8191;
  function cmdLineProblem(line) {
    if (line.length > CMD_MAXIMUM_LENGTH) return "too-long";
    var quoted = false;
    var percentSigns = 0;
    for (var ch of line) {
      var c = ch.codePointAt(0);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return "control";
      switch (ch) {
        case "\"": quoted = !quoted; break;
        case "%":
          percentSigns += 1;
          if (percentSigns > 1) return "two-percent-signs";
          break;
        case "!": return "exclamation-mark";
        case "&": case "|": case "<": case ">": case "^": case "(": case ")":
          if (!quoted) return "operator-outside-quotes";
          break;
      }
    }
    return null;
  }

  // Whether a word passes through cmd /c as it is (CmdShell.isInertWord).
  var CMD_NOT_INERT = setOf(" \t\"%&|<>^()");
  function cmdIsInertWord(word) {
    if (word.length === 0 || cmdLineProblem(word) !== null) return false;
    for (var ch of word) if (CMD_NOT_INERT[ch] === true) return false;
    return true;
  }

  // What makes PowerShell versions pass an argument differently (PowerShell.argumentProblem).
  function powerShellArgumentProblem(word) {
    if (word.length === 0) return "empty";
    if (word.indexOf("\"") >= 0) return "double-quote";
    if (word.charAt(word.length - 1) === "\\") {
      for (var ch of word) if (isWhitespace(ch)) return "space-then-final-backslash";
    }
    return null;
  }

  // ---- Programs (ArtifactProgram.swift, ProgramJSON.swift) ----

  // The text of a program text for a key: strings as they are, {key: true} the key,
  // {escape, text} an escaped text.
  function writeText(parts, key) {
    var out = "";
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      if (typeof part === "string") out += part;
      else if (part.key === true) out += key;
      else if (part.escape !== undefined) {
        var escaper = ESCAPERS[part.escape];
        if (!escaper) throw new Error("unknown escaper " + part.escape);
        out += escaper(writeText(part.text, key));
      } else throw new Error("unknown program part");
    }
    return out;
  }

  // The reason a check refuses the key, or null. `problems` holds the texts of problem codes.
  function checkRefusal(check, key, problems, artifactText) {
    switch (check.check) {
      case "key-contains": return key.indexOf(check.value) >= 0 ? check.reason : null;
      case "key-starts-with": return key.indexOf(check.value) === 0 ? check.reason : null;
      case "cmd-word": return cmdIsInertWord(writeText(check.text, key)) ? null : check.reason;
      case "cmd-line": {
        var code = cmdLineProblem(check.text ? writeText(check.text, key) : artifactText());
        return code === null ? null : check.reason[0] + problems["cmd-line"][code] + check.reason[1];
      }
      case "powershell-argument": {
        var problem = powerShellArgumentProblem(writeText(check.text, key));
        return problem === null ? null : check.reason[0] + problems["powershell-argument"][problem] + check.reason[1];
      }
      case "always": return check.reason;
    }
    throw new Error("unknown check " + check.check);
  }

  // One artifact for a key, as PreparedSetup fills it: {content: text}, or {refused: reason}.
  // `restrictions: false` skips the key restrictions (for a placeholder, as the CLI does).
  function fillProgram(program, key, problems, restrictions) {
    var text = null;
    function artifactText() {
      if (text === null) text = writeText(program.text, key);
      return text;
    }
    for (var i = 0; i < program.checks.length; i++) {
      var check = program.checks[i];
      if (restrictions === false && (check.check === "key-contains" || check.check === "key-starts-with")) continue;
      var reason = checkRefusal(check, key, problems, artifactText);
      if (reason !== null) return { refused: reason };
    }
    return { content: artifactText() };
  }

  // Every artifact of a manifest (`mcp-setup render --format json`, or snippets.json) for a
  // key: {id: {content} | {refused}} for the artifacts that carry a program.
  function fill(manifest, key) {
    var out = {};
    manifest.clients.forEach(function (client) {
      client.artifacts.forEach(function (artifact) {
        if (artifact.program) out[artifact.id] = fillProgram(artifact.program, key, manifest.problems);
      });
    });
    return out;
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
    // Each artifact for the key: {content} or {refused: the CLI's reason}, once per fill. A
    // placeholder is filled as the CLI renders it, without the key restrictions.
    function fillPage(key, restrictions) {
      var results = {};
      function result(id) {
        var program = data.artifacts[id];
        if (!program) return null;
        if (!(id in results)) results[id] = fillProgram(program, key, data.problems, restrictions);
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
        fillPage(data.placeholder, false);
        status.textContent = "";
        return;
      }
      var problem = keyProblem(key);
      if (problem) {
        fillPage(data.placeholder, false);
        status.textContent = problem;
        status.className = "keybox-status error";
        return;
      }
      fillPage(key, true);
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

  // For pages that render their own UI, and for tests: fill(manifest, key) gives every
  // artifact for a key; fillProgram one program; escapers and checks are the primitives.
  var api = {
    fill: fill,
    fillProgram: fillProgram,
    keyProblem: keyProblem,
    escapers: ESCAPERS,
    checks: { cmdLineProblem: cmdLineProblem, cmdIsInertWord: cmdIsInertWord, powerShellArgumentProblem: powerShellArgumentProblem },
  };
  if (!inBrowser) {
    module.exports = api;
    return;
  }
  window.mcpSetup = api;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
