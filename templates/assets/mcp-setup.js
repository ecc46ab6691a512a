// mcp-setup docs pages: client tabs, copy buttons, and the key box.
//
// The key box re-renders every artifact on the page with the reader's key, byte for byte what
// `mcp-setup render --token KEY` prints. The page carries each artifact as a recipe (the values
// the encoders read, with the key left as a hole; see DocumentRecipe.swift), and the functions
// below are exact ports of the encoders in Sources/MCPSetup/Encoding. The key never leaves the
// page: no request is made, nothing is stored, and the page's Content-Security-Policy forbids
// connections.
(function () {
  "use strict";
  var inBrowser = typeof document !== "undefined";
  if (inBrowser) document.documentElement.classList.add("js");

  // ---- Encoders (ports of Sources/MCPSetup/Encoding) ----

  var PLAIN_WORD = /^[A-Za-z0-9_@%+=:,.\/-]+$/;
  function shellQuote(word) {
    if (word.length > 0 && PLAIN_WORD.test(word)) return word;
    return "'" + word.split("'").join("'\\''") + "'";
  }

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

  function base64(string) {
    var bytes = new TextEncoder().encode(string);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary);
  }

  // ---- Recipes (see DocumentRecipe.swift) ----

  function renderText(pieces, key) {
    var out = "";
    pieces.forEach(function (piece) {
      if (typeof piece === "string") out += piece;
      else if (piece.secret) out += key;
      else if (piece.link) out += renderLink(piece.link, key);
      else if (piece.json) out += jsonWrite(plain(piece.json, key), null, 0);
      else if (piece.vscodeJSON) out += jsonWrite(plain(piece.vscodeJSON, key), null, 0).split("%").join("\\u0025");
      else if (piece.base64) out += base64(renderText(piece.base64, key));
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

  function renderDocument(recipe, key) {
    switch (recipe.type) {
      case "command": return recipe.argv.map(function (word) { return shellQuote(renderText(word, key)); }).join(" ");
      case "json": return jsonWrite(plain(recipe.value, key), "  ", 0) + "\n";
      case "toml": return tomlDocument(plain(recipe.value, key));
      case "line": return renderText(recipe.text, key);
    }
    throw new Error("unknown document " + recipe.type);
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
    // A client that cannot carry this key (see KeyRestriction.swift): the reason, else null.
    function refusal(recipe, key) {
      var rules = recipe.refuse || [];
      for (var i = 0; i < rules.length; i++) {
        var rule = rules[i];
        if ((rule.contains !== undefined && key.indexOf(rule.contains) >= 0) ||
            (rule.prefix !== undefined && key.indexOf(rule.prefix) === 0)) return rule.reason;
      }
      return null;
    }
    function fill(key) {
      codes.forEach(function (code) {
        var id = code.getAttribute("data-artifact");
        var recipe = data.artifacts[id];
        if (!recipe) return;
        var reason = refusal(recipe, key);
        var snippet = code.closest(".snippet");
        var message = snippet && snippet.parentNode.querySelector("[data-refusal]");
        if (snippet) snippet.hidden = reason !== null;
        if (message) {
          message.hidden = reason === null;
          message.textContent = reason === null ? "" : "Not available for this key. " + reason;
        }
        code.textContent = reason === null ? renderDocument(recipe, key) : "";
      });
      links.forEach(function (link) {
        var recipe = data.artifacts[link.getAttribute("data-artifact-href")];
        if (!recipe) return;
        if (refusal(recipe, key) === null) link.setAttribute("href", renderDocument(recipe, key));
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

  var api = { renderDocument: renderDocument, keyProblem: keyProblem };
  if (!inBrowser) {
    module.exports = api;
    return;
  }
  window.mcpSetup = api;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
