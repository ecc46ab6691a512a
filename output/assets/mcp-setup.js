// mcp-setup docs pages: client tabs, copy buttons, and the key box.
//
// The key box fills every artifact on the page with the reader's key, byte for byte what
// `mcp-setup render --token KEY` prints. The page carries each artifact as a program compiled by
// mcp-setup (README "Artifact programs"), and the interpreter that fills them is the one the
// <mcp-setup-connect> card runs (mcp-setup-connect.js): one implementation, no client fact. The
// key never leaves the page: no request is made, nothing is stored, and the page's
// Content-Security-Policy forbids connections.
import { fillProgram, keyProblem } from "./mcp-setup-connect.js";

document.documentElement.classList.add("js");

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

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
