// <mcp-setup-connect>: every MCP client's setup, filled with the user's key, for a SaaS key page
// or any docs site. An ES module with no dependencies and no build step; it works under a strict
// Content-Security-Policy (script-src 'self', style-src 'self', no inline code, no eval, and
// connect-src 'none' when the manifest is given as an object or an element id).
//
//   <mcp-setup-connect manifest-id="mcp-manifest"></mcp-setup-connect>
//   document.querySelector("mcp-setup-connect").key = newKey;   // a property, never an attribute
//
// The manifest is what `mcp-setup card` (or `render --format json --placeholder`) writes: every
// artifact with its program (README "Artifact programs"). This module only interprets programs:
// the escapers and checks below are ports of the encoders' own functions, and no client fact
// lives here; the install-link schemes are written in by mcp-setup from its client catalog.
// The key is held in memory while the element shows it: never in an attribute (install links
// open from buttons), a URL or storage, never sent anywhere, and never in an event.

// ---- Helpers ----

function repeat(string, count) {
  let out = "";
  for (let i = 0; i < count; i++) out += string;
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
  const c = ch.codePointAt(0);
  return (c >= 0x09 && c <= 0x0D) || c === 0x20 || c === 0x85 || c === 0xA0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200A) || c === 0x2028 || c === 0x2029 || c === 0x202F || c === 0x205F || c === 0x3000;
}

function setOf(characters) {
  const set = {};
  for (let i = 0; i < characters.length; i++) set[characters.charAt(i)] = true;
  return set;
}

// Strings are scanned by Unicode scalar (code point), as Swift's unicodeScalars.
function allIn(string, set) {
  for (const ch of string) if (set[ch] !== true) return false;
  return true;
}

function hex(code, digits) {
  let text = code.toString(16).toUpperCase();
  while (text.length < digits) text = "0" + text;
  return text;
}

// ---- Primitive escapers (Escaper.swift; each a port of its encoder's function) ----

// JSON string body (JSONSyntax.appendStringBody): JSON.stringify writes strings the same way.
function jsonString(text) {
  const quoted = JSON.stringify(text);
  return quoted.slice(1, quoted.length - 1);
}

// POSIX sh word (POSIXShell.quote).
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
function posixWord(word) {
  if (word.length > 0 && PLAIN_WORD.test(word)) return word;
  return "'" + word.split("'").join("'\\''") + "'";
}

// Windows C-runtime quoting (WindowsCommandLine.quote).
function windowsQuote(word) {
  let quoted = "\"";
  let backslashes = 0;
  for (const ch of word) {
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
const CMD_PLAIN = setOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+-");
function cmdArgument(word) {
  if (word.length > 0 && allIn(word, CMD_PLAIN)) return word;
  return windowsQuote(word);
}

// PowerShell native-command argument (PowerShell.quote).
function isSingleQuote(ch) {
  const c = ch.codePointAt(0);
  return ch === "'" || (c >= 0x2018 && c <= 0x201B);
}

const PS_BARE = setOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+-");
function powerShellIsBare(word) {
  const list = Array.from(word);
  if (list.length === 0) return false;
  if (list[0] === "-") {
    let dashes = 0;
    while (dashes < list.length && list[dashes] === "-") dashes += 1;
    const name = list.slice(dashes);
    return dashes <= 2 && name.length > 0 && isAlphanumeric(name[0]) &&
      name.every((ch) => isAlphanumeric(ch) || ch === "-");
  }
  return isASCIILetter(list[0]) ? list.every((ch) => PS_BARE[ch] === true) : false;
}

function powerShellWord(word) {
  if (powerShellIsBare(word)) return word;
  let quoted = "'";
  for (const ch of word) {
    if (isSingleQuote(ch)) quoted += ch;
    quoted += ch;
  }
  return quoted + "'";
}

// YAML scalar (YAMLSyntax.scalar): plain where unambiguous, else double-quoted.
const YAML_PLAIN = setOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+- ");
const YAML_RESERVED = {};
["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"].forEach((word) => { YAML_RESERVED[word] = true; });

function yamlIsPlain(string) {
  if (string.length === 0) return false;
  const list = Array.from(string);
  const first = list[0], last = list[list.length - 1];
  if (!isASCIILetter(first) || last === " " || last === ":" || !allIn(string, YAML_PLAIN)) return false;
  // Only ASCII gets here, where toLowerCase is Swift's lowercased().
  return string.indexOf(": ") < 0 && string.indexOf("  ") < 0 && YAML_RESERVED[string.toLowerCase()] !== true;
}

function yamlQuote(string) {
  let out = "\"";
  for (const ch of string) {
    const c = ch.codePointAt(0);
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
  let out = "";
  for (let i = 0; i < string.length; i++) {
    const c = string.charCodeAt(i);
    const ch = string.charAt(i);
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
  const bytes = new TextEncoder().encode(string);
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
}

/** The primitive escapers, by the names programs use. */
export const escapers = Object.freeze({
  "json-string": jsonString,
  "json-percent": (text) => text.split("%").join("\\u0025"),
  "percent": encodeURIComponent,
  "base64": base64,
  "posix-word": posixWord,
  "powershell-word": powerShellWord,
  "cmd-argument": cmdArgument,
  "yaml-scalar": yamlScalar,
  "toml-string": tomlString,
});

// ---- Checks (KeyCheck.swift; the tests are ports of the encoders' own) ----

// What cmd would do to a line (CmdShell.lineProblem): a problem code, or null.
const CMD_MAXIMUM_LENGTH = 8191;
function cmdLineProblem(line) {
  if (line.length > CMD_MAXIMUM_LENGTH) return "too-long";
  let quoted = false;
  let percentSigns = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0);
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
const CMD_NOT_INERT = setOf(" \t\"%&|<>^()");
function cmdIsInertWord(word) {
  if (word.length === 0 || cmdLineProblem(word) !== null) return false;
  for (const ch of word) if (CMD_NOT_INERT[ch] === true) return false;
  return true;
}

// What makes PowerShell versions pass an argument differently (PowerShell.argumentProblem).
function powerShellArgumentProblem(word) {
  if (word.length === 0) return "empty";
  if (word.indexOf("\"") >= 0) return "double-quote";
  if (word.charAt(word.length - 1) === "\\") {
    for (const ch of word) if (isWhitespace(ch)) return "space-then-final-backslash";
  }
  return null;
}

/** The primitive checks, for tests and for pages that render their own UI. */
export const checks = Object.freeze({ cmdLineProblem, cmdIsInertWord, powerShellArgumentProblem });

// ---- Programs (ArtifactProgram.swift, ProgramJSON.swift) ----

// The text of a program text for a key: strings as they are, {key: true} the key,
// {escape, text} an escaped text.
function writeText(parts, key) {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") out += part;
    else if (part.key === true) out += key;
    else if (part.escape !== undefined) {
      const escaper = escapers[part.escape];
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
      const code = cmdLineProblem(check.text ? writeText(check.text, key) : artifactText());
      return code === null ? null : check.reason[0] + problems["cmd-line"][code] + check.reason[1];
    }
    case "powershell-argument": {
      const problem = powerShellArgumentProblem(writeText(check.text, key));
      return problem === null ? null : check.reason[0] + problems["powershell-argument"][problem] + check.reason[1];
    }
    case "always": return check.reason;
  }
  throw new Error("unknown check " + check.check);
}

/**
 * One artifact for a key, as PreparedSetup fills it: {content: text}, or {refused: reason}.
 * `restrictions: false` skips the key restrictions (for a placeholder, as the CLI does).
 */
export function fillProgram(program, key, problems, restrictions) {
  let text = null;
  const artifactText = () => {
    if (text === null) text = writeText(program.text, key);
    return text;
  };
  for (const check of program.checks) {
    if (restrictions === false && (check.check === "key-contains" || check.check === "key-starts-with")) continue;
    const reason = checkRefusal(check, key, problems, artifactText);
    if (reason !== null) return { refused: reason };
  }
  return { content: artifactText() };
}

/**
 * Every artifact of a manifest for a key: {artifactId: {content} | {refused}}. Artifacts without
 * a program do not depend on the key: their `content` (or `reason`) is given as it is.
 */
export function fill(manifest, key) {
  const out = {};
  for (const client of manifest.clients) {
    for (const artifact of client.artifacts) {
      if (artifact.program) out[artifact.id] = fillProgram(artifact.program, key, manifest.problems);
      else out[artifact.id] = artifact.available ? { content: artifact.content } : { refused: artifact.reason };
    }
  }
  return out;
}

/** Why a pasted key cannot be a key (the rules of Secret.swift), or null. */
export function keyProblem(key) {
  if (/^bearer[ \t]/i.test(key)) return "The key starts with \u201cBearer \u201d: paste the key alone; the snippets add the scheme.";
  if (/[ \t\r\n]/.test(key)) return "The key contains spaces or line breaks: paste the key alone.";
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return "The key contains a control character: keys are visible ASCII characters only.";
    if (c > 0x7e) return "The key contains a non-ASCII character (a smart quote from copying?): keys are visible ASCII characters only.";
  }
  if (key.length > 16384) return "The key is longer than 16384 characters: check that you pasted only the key.";
  return null;
}

/**
 * The key as the server's key page shows it: the shape of mcp-setup.yml's keys.masked_preview
 * (`server.keyPreview`: characters shown at the start and end, and the mask between), or else
 * the prefix, four characters, "...", the last six (`phk_dLK5...J6HMii`), when that still hides
 * enough of the key; otherwise the prefix and dots. MaskedPreview.swift is the same function.
 */
export function maskKey(key, server) {
  const prefix = server && server.keyPrefix;
  const shape = (server && server.keyPreview) || null;
  const known = prefix && key.indexOf(prefix) === 0 ? prefix : "";
  if (shape) {
    if (key.length - shape.start - shape.end >= 8) return key.slice(0, shape.start) + shape.mask + key.slice(key.length - shape.end);
  } else if (key.length - known.length - 10 >= 16) {
    return known + key.slice(known.length, known.length + 4) + "..." + key.slice(key.length - 6);
  }
  return known + repeat("\u2022", 8);
}

/** A warning (the key is still used) when the server's keys have a prefix this key lacks. */
export function keyWarning(key, server) {
  const prefix = server && server.keyPrefix;
  if (!prefix || key === "" || key.indexOf(prefix) === 0) return null;
  const title = (server && server.title) || "this server's";
  return "This key does not start with " + prefix + ", as " + title + " keys do: check that you copied a whole " + title + " key.";
}

// ---- Highlighting (Highlighter.swift writes the runs when it writes the manifest) ----

// Text split by highlight runs: each run a kind's one-letter code and a length in UTF-16 code
// units (`p1k7s22`), shown as <span class="hl-CODE">; `t` is plain. Runs that do not fit the
// text cannot lose any of it: the pieces are consecutive slices, and the rest follows as it is.
function runNodes(text, runs) {
  const nodes = [];
  let at = 0;
  if (typeof runs === "string") {
    const pattern = /([a-z])(\d+)/g;
    let match;
    while ((match = pattern.exec(runs)) !== null && at < text.length) {
      const piece = text.slice(at, at + Number(match[2]));
      at += piece.length;
      nodes.push(match[1] === "t" ? piece : element(match[1] === "x" ? "mark" : "span", { class: "hl-" + match[1] }, [piece]));
    }
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}

// A program's text for a key, highlighted: its literal parts by their runs, every part that
// depends on the key marked as the key.
function programNodes(program, key) {
  const nodes = [];
  program.text.forEach((part, index) => {
    if (typeof part === "string") nodes.push(...runNodes(part, program.highlight ? program.highlight[index] : null));
    else nodes.push(element("mark", { class: "hl-x" }, [writeText([part], key)]));
  });
  return nodes;
}

// ---- The element ----

// Where install buttons may go: the install-link prefixes of mcp-setup's client catalog (scheme,
// host and path up to the query, where the key goes), written in by mcp-setup when it writes
// this file. A link a manifest gives with any other prefix stays text, so a manifest cannot
// send the key to a site of its choosing.
const LINK_PREFIXES = ["cursor://anysphere.cursor-deeplink/mcp/install?","goose://extension?","https://claude.ai/customize/connectors?","https://cursor.com/en-US/install-mcp?","https://insiders.vscode.dev/redirect?","https://kiro.dev/launch/mcp/add?","https://lmstudio.ai/install-mcp?","lmstudio://add_mcp?","trae-cn://trae.ai-ide/mcp-import?","trae://trae.ai-ide/mcp-import?","vscode:mcp/install?","vsweb+mcp:/install?"];

function isAllowedLink(href) {
  return LINK_PREFIXES.some((prefix) => href.indexOf(prefix) === 0);
}

// A download offered beside an artifact (the docs site's desktop bundle): a zip as a data: URL,
// which downloads and never navigates, under a plain file name.
function isAllowedDownload(download) {
  return typeof download.href === "string" && /^data:application\/zip;base64,[A-Za-z0-9+/=]*$/.test(download.href) &&
    typeof download.name === "string" && /^[A-Za-z0-9._-]+\.(mcpb|zip)$/.test(download.name);
}

function element(tag, attributes, children) {
  const node = document.createElement(tag);
  for (const name of Object.keys(attributes || {})) {
    if (attributes[name] !== undefined && attributes[name] !== null) node.setAttribute(name, attributes[name]);
  }
  for (const child of children || []) {
    if (child === null || child === undefined) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

// Instructions are Markdown from mcp-setup's templates; the card shows paragraphs, **bold** and
// `code` as text nodes, never as HTML.
function instructionNodes(markdown) {
  return markdown.split(/\n{2,}/).map((paragraph) => {
    const p = element("p", { class: "instructions" }, []);
    const pattern = /(\*\*[^*]+\*\*|`[^`]+`)/g;
    let last = 0, match;
    while ((match = pattern.exec(paragraph)) !== null) {
      if (match.index > last) p.appendChild(document.createTextNode(paragraph.slice(last, match.index)));
      const token = match[0];
      p.appendChild(token.charAt(0) === "`" ? element("code", {}, [token.slice(1, -1)]) : element("strong", {}, [token.slice(2, -2)]));
      last = match.index + token.length;
    }
    if (last < paragraph.length) p.appendChild(document.createTextNode(paragraph.slice(last)));
    return p;
  });
}

const OS_LABELS = { macos: "macOS", windows: "Windows", linux: "Linux", any: "Any OS" };

// The shells a command is written for (the manifest's `shell`), and the one the reader chose:
// PowerShell on Windows at first, POSIX elsewhere; a choice holds for every card, and for the
// visit (remembered below).
const SHELLS = [
  { name: "posix", title: "macOS / Linux" },
  { name: "powershell", title: "PowerShell" },
  { name: "cmd", title: "Command Prompt" },
];
// The operating systems a config file's paths are given for, in the order the switch shows them.
const SYSTEMS = ["macos", "windows", "linux"];

// A choice the reader made, kept for the visit (sessionStorage), so every page and card opens
// with it; where storage is unavailable (a sandboxed frame, a privacy mode) it holds for the page.
function remembered(name, allowed, fallback) {
  try {
    const value = sessionStorage.getItem("mcp-setup-" + name);
    if (allowed.indexOf(value) >= 0) return value;
  } catch (error) { /* no storage: the fallback */ }
  return fallback;
}

function remember(name, value) {
  try { sessionStorage.setItem("mcp-setup-" + name, value); } catch (error) { /* no storage */ }
}

const agent = typeof navigator !== "undefined" ? navigator.userAgent || "" : "";
const detectedSystem = /Windows/.test(agent) ? "windows" : /Mac|iPhone|iPad/.test(agent) ? "macos" : "linux";
let preferredShell = remembered("shell", SHELLS.map((shell) => shell.name), detectedSystem === "windows" ? "powershell" : "posix");
let preferredSystem = remembered("os", SYSTEMS, detectedSystem);
const cards = new Set();

function chooseShell(name) {
  preferredShell = name;
  remember("shell", name);
  for (const card of cards) card._render();
}

function chooseSystem(name) {
  preferredSystem = name;
  remember("os", name);
  for (const card of cards) card._render();
}

function chosenShell(variants) {
  return (variants.find((variant) => variant.shell === preferredShell) || variants[0]).shell;
}

// The id of the POSIX command a variant belongs to: `claude-code/command-powershell` → `claude-code/command`.
function variantBase(id, shell) {
  const suffix = "-" + shell.name;
  return id.endsWith(suffix) ? id.slice(0, id.length - suffix.length) : id;
}
let instances = 0;

const HTMLElementBase = typeof HTMLElement === "undefined" ? class {} : HTMLElement;

/**
 * `<mcp-setup-connect>`. Attributes: `manifest-id` (the id of a `<script type="application/json">`
 * holding the manifest), `src` (a manifest URL), `client` (the client shown first), `clients`
 * (ids to show, space-separated), `heading` (`""` for none), `theme` (`light` | `dark`).
 * Properties: `manifest` (an object), `key` (write-only). Events (bubbling, composed, never
 * carrying the key): `mcp-setup-copy` and `mcp-setup-install-click` with
 * `detail: {artifact, client}`; `mcp-setup-key-status` with `detail: {state}` (`placeholder`,
 * `filled` or `invalid`); `mcp-setup-ready` once the manifest is loaded. Until the card can
 * render (no manifest yet, or it failed to load), the element's own content shows.
 */
export class MCPSetupConnect extends HTMLElementBase {
  constructor() {
    super();
    this._manifest = null;
    this._key = "";
    this._selected = null;
    this._moreOpen = null;
    this._loads = 0;
    this._number = ++instances;
    const root = this.attachShadow({ mode: "open" });
    // Linked once; renders replace only the card. The slot shows the element's own content
    // (a docs page's server-rendered setup) until the card renders.
    root.appendChild(element("link", { rel: "stylesheet", href: new URL("mcp-setup-connect.css", import.meta.url).href }));
    // The card and its live regions stay in place across renders (so screen readers hear each
    // change); a render replaces only the picker and the panel.
    this._heading = element("h2", { part: "heading", id: "mcp-setup-connect-" + this._number + "-heading" }, []);
    this._status = element("p", { class: "status", part: "status", role: "status" }, []);
    this._announce = element("span", { class: "visually-hidden", "aria-live": "polite" }, []);
    this._body = element("div", { class: "body" }, []);
    this._card = element("div", { class: "card", part: "card", role: "group" }, [this._heading, this._status, this._announce, this._body]);
    this._slot = element("slot", {}, []);
    root.appendChild(this._slot);
  }

  static get observedAttributes() { return ["manifest-id", "src", "client", "clients", "heading"]; }

  connectedCallback() {
    cards.add(this);
    if (!this._manifest) this._load();
    else this._render();
  }

  disconnectedCallback() {
    cards.delete(this);
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    if (name === "manifest-id" || name === "src") this._load();
    else this._render();
  }

  /** The manifest, as an object (what `mcp-setup card` writes to manifest.json). */
  set manifest(value) {
    this._manifest = value && Array.isArray(value.clients) ? value : null;
    this._render();
    if (this._manifest) this._emit("mcp-setup-ready", {});
  }

  get manifest() { return this._manifest; }

  /** The user's key: every artifact is filled with it. Write-only; "" clears it. */
  set key(value) {
    this._key = typeof value === "string" ? value : "";
    this._render();
    this._emit("mcp-setup-key-status", { state: this._key === "" ? "placeholder" : keyProblem(this._key) === null ? "filled" : "invalid" });
  }

  /** Forgets the key and shows the placeholders again. */
  clear() {
    this.key = "";
  }

  async _load() {
    const load = ++this._loads;
    try {
      const id = this.getAttribute("manifest-id");
      if (id) {
        const source = document.getElementById(id);
        if (source) this.manifest = JSON.parse(source.textContent);
        return;
      }
      const src = this.getAttribute("src");
      if (!src) return;
      const response = await fetch(src, { credentials: "same-origin" });
      if (!response.ok) throw new Error(src + ": HTTP " + response.status);
      const manifest = await response.json();
      // A newer load (the attribute changed meanwhile) wins.
      if (load === this._loads) this.manifest = manifest;
    } catch (error) {
      // The element's own content stays in view; the page's console says why.
      console.warn("mcp-setup-connect: the manifest did not load:", error.message);
    }
  }

  _clients() {
    const all = this._manifest.clients;
    const wanted = (this.getAttribute("clients") || "").split(/\s+/).filter((id) => id !== "");
    if (wanted.length === 0) return all;
    return wanted.map((id) => all.find((client) => client.id === id)).filter((client) => client !== undefined);
  }

  _emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  _render() {
    const root = this.shadowRoot;
    if (!root) return;
    const clients = this._manifest ? this._clients() : [];
    if (clients.length === 0) {
      // Nothing to show (yet): no card, and nothing of an earlier key left on screen.
      this._body.replaceChildren();
      this._status.replaceChildren();
      if (this._card.isConnected) this._card.remove();
      if (!this._slot.isConnected) root.appendChild(this._slot);
      return;
    }
    const manifest = this._manifest;
    const problem = this._key === "" ? null : keyProblem(this._key);
    const filling = this._key !== "" && problem === null;
    const results = filling ? fill(manifest, this._key) : null;
    if (!this._selected || !clients.some((client) => client.id === this._selected)) {
      const first = this.getAttribute("client");
      this._selected = clients.some((client) => client.id === first) ? first : clients[0].id;
    }
    const prefix = "mcp-setup-connect-" + this._number + "-";
    const active = root.activeElement;
    const focused = active ? active.getAttribute("data-focus") : null;

    const title = (manifest.server && manifest.server.title) || "this server";
    // heading="" leaves the heading out (a page that has its own).
    const headingText = this.hasAttribute("heading") ? this.getAttribute("heading") : "Connect " + title + " to an AI agent";
    this._heading.textContent = headingText;
    this._heading.hidden = headingText === "";
    if (headingText === "") {
      this._card.removeAttribute("aria-labelledby");
      this._card.setAttribute("aria-label", "Set up " + title);
    } else {
      this._card.removeAttribute("aria-label");
      this._card.setAttribute("aria-labelledby", this._heading.id);
    }
    // The status is one live region, kept across renders, so a screen reader hears each change.
    this._status.replaceChildren();
    this._status.className = "status";
    if (filling) {
      this._status.appendChild(document.createTextNode("Filled with your key "));
      this._status.appendChild(element("code", { part: "key" }, [maskKey(this._key, manifest.server)]));
      this._status.appendChild(document.createTextNode(". Treat these snippets like the key itself."));
      const warning = keyWarning(this._key, manifest.server);
      if (warning) {
        this._status.appendChild(document.createTextNode(" " + warning));
        this._status.className = "status warning";
      }
    } else if (problem) {
      this._status.textContent = problem;
      this._status.className = "status error";
    } else {
      this._status.textContent = "The snippets show " + (manifest.placeholder || "a placeholder") + " where your key goes.";
    }

    // The picker: a native select, grouped, so every client is one keyboard or tap away.
    const select = element("select", { id: prefix + "picker", part: "picker", "data-focus": "picker" }, []);
    // Sections in the manifest's order of groups, each titled as the manifest says.
    const groups = (manifest.groups || []).map((group) => ({ name: group.id, title: group.title, clients: [] }));
    for (const client of clients) {
      const group = client.group || "other";
      let entry = groups.find((candidate) => candidate.name === group);
      if (!entry) { entry = { name: group, title: "Other clients", clients: [] }; groups.push(entry); }
      entry.clients.push(client);
    }
    for (const group of groups.filter((candidate) => candidate.clients.length > 0)) {
      const optgroup = element("optgroup", { label: group.title }, []);
      for (const client of group.clients) {
        const option = element("option", { value: client.id }, [client.title]);
        if (client.id === this._selected) option.selected = true;
        optgroup.appendChild(option);
      }
      select.appendChild(optgroup);
    }
    select.addEventListener("change", () => {
      this._selected = select.value;
      this._render();
    });
    const picker = element("div", { class: "picker" }, [element("label", { for: prefix + "picker" }, ["Client"]), select]);

    const client = clients.find((candidate) => candidate.id === this._selected);
    const outcome = (artifact) => (results ? results[artifact.id] : (artifact.available ? { content: artifact.content } : { refused: artifact.reason }));
    // A command and its PowerShell and cmd variants are one entry, shown in the reader's shell;
    // a variant that no key can use stays in the entry, so choosing its shell shows why.
    const byID = new Map(client.artifacts.map((artifact) => [artifact.id, artifact]));
    const baseOf = (artifact) => {
      const shell = SHELLS.find((candidate) => candidate.name !== "posix" && candidate.name === artifact.shell && artifact.id.endsWith("-" + candidate.name));
      if (!shell) return null;
      const base = byID.get(artifact.id.slice(0, artifact.id.length - shell.name.length - 1));
      return base && base.shell === "posix" ? base : null;
    };
    const visible = (artifact) => artifact.available || artifact.program;
    const entries = [];
    const grouped = new Set();
    for (const artifact of client.artifacts) {
      if (baseOf(artifact)) continue;
      const variants = artifact.shell === "posix"
        ? [artifact].concat(SHELLS.slice(1).map((shell) => byID.get(artifact.id + "-" + shell.name)).filter((variant) => variant && variant.shell !== undefined && baseOf(variant) === artifact))
        : [artifact];
      if (!variants.some(visible)) continue;
      entries.push(variants);
      for (const variant of variants) grouped.add(variant.id);
    }
    const chosen = (variants) => variants.find((variant) => variant.shell === preferredShell) || variants[0];
    // An entry keeps its place whichever shell is chosen: the first that works in some shell leads.
    const works = (variants) => variants.some((variant) => outcome(variant).content !== undefined);
    const primary = entries.find(works) || entries[0];
    const others = entries.filter((variants) => variants !== primary);
    const panel = element("section", { class: "panel", part: "panel", "aria-labelledby": prefix + "client" }, [
      element("h3", { id: prefix + "client" }, [client.title]),
    ]);
    for (const node of instructionNodes(client.instructions || "")) panel.appendChild(node);
    const entry = (variants) => {
      const artifact = chosen(variants);
      const section = this._artifact(client, artifact, outcome(artifact), prefix, variants[0].title, filling);
      if (variants.length > 1) section.insertBefore(this._shellSwitch(variants, prefix), section.children[1]);
      return section;
    };
    if (primary) panel.appendChild(entry(primary));
    if (others.length > 0) {
      const details = element("details", { part: "more" }, [element("summary", { "data-focus": "more" }, ["Other ways to set up " + client.title + " (" + others.length + ")"])]);
      for (const variants of others) details.appendChild(entry(variants));
      details.open = this._moreOpen === client.id;
      details.addEventListener("toggle", () => { this._moreOpen = details.open ? client.id : null; });
      panel.appendChild(details);
    }
    for (const artifact of client.artifacts.filter((candidate) => !grouped.has(candidate.id))) {
      panel.appendChild(element("p", { class: "unavailable", part: "unavailable" }, [artifact.title + ": " + artifact.reason]));
    }

    this._body.replaceChildren(picker, panel);
    if (!this._card.isConnected) {
      if (this._slot.isConnected) this._slot.remove();
      root.appendChild(this._card);
    }
    if (focused) {
      const again = Array.from(root.querySelectorAll("[data-focus]")).find((node) => node.getAttribute("data-focus") === focused);
      if (again) again.focus();
    }
  }

  // The shell switch of a command: one radio group per command, the choice shared by every card
  // on the page for the visit.
  _shellSwitch(variants, prefix) {
    const name = prefix + "shell-" + variants[0].id.replace(/[^A-Za-z0-9-]/g, "-");
    const group = element("div", { class: "shells", part: "shell-switch", role: "radiogroup", "aria-label": "Shell" }, []);
    for (const variant of variants) {
      const shell = SHELLS.find((candidate) => candidate.name === variant.shell) || SHELLS[0];
      const input = element("input", { type: "radio", name, value: shell.name, "data-shell": shell.name, "data-focus": name + "-" + shell.name }, []);
      input.checked = chosenShell(variants) === shell.name;
      input.addEventListener("change", () => { if (input.checked) chooseShell(shell.name); });
      group.appendChild(element("label", {}, [input, " " + shell.title]));
    }
    return group;
  }

  // The OS switch of a config file's paths: the choice shared by every card for the visit.
  _systemSwitch(artifact, systems, chosen, prefix) {
    const name = prefix + "os-" + artifact.id.replace(/[^A-Za-z0-9-]/g, "-");
    const group = element("div", { class: "shells systems", part: "os-switch", role: "radiogroup", "aria-label": "Operating system" }, []);
    for (const system of systems) {
      const input = element("input", { type: "radio", name, value: system, "data-os": system, "data-focus": name + "-" + system }, []);
      input.checked = system === chosen;
      input.addEventListener("change", () => { if (input.checked) chooseSystem(system); });
      group.appendChild(element("label", {}, [input, " " + OS_LABELS[system]]));
    }
    return group;
  }

  _artifact(client, artifact, outcome, prefix, title, filled) {
    const titleID = prefix + artifact.id.replace(/[^A-Za-z0-9-]/g, "-") + "-title";
    const section = element("div", { class: "artifact", part: "artifact", "data-artifact": artifact.id }, [element("h4", { id: titleID }, [title || artifact.title])]);
    if (outcome.content === undefined) {
      // A refusal that does not depend on the key reads as the manifest gives it.
      const forEveryKey = !artifact.available && outcome.refused === artifact.reason;
      section.appendChild(element("p", { class: "refusal", part: "refusal" }, [(forEveryKey ? "Not available. " : "Not available for this key. ") + outcome.refused]));
      return section;
    }
    const content = outcome.content;
    const nodes = filled && artifact.program ? programNodes(artifact.program, this._key) : runNodes(content, content === artifact.content ? artifact.highlight : null);
    if (artifact.download && isAllowedDownload(artifact.download)) {
      section.appendChild(element("a", { class: "install", part: "install-button", href: artifact.download.href, download: artifact.download.name, "data-focus": "download-" + artifact.id }, ["Download " + artifact.download.name]));
    }
    if (artifact.kind === "link" && isAllowedLink(content)) {
      // A button, not a link: the link holds the key, so it goes in no attribute; it is opened
      // only when the reader asks.
      // Labelled in the client's own badge wording where it publishes a badge (the badge image
      // itself is on the client's host, and the card loads nothing from other hosts).
      const label = artifact.badge && typeof artifact.badge.alt === "string" && artifact.badge.alt !== "" ? artifact.badge.alt : artifact.title;
      const install = element("button", { type: "button", class: "install", part: "install-button", "data-focus": "install-" + artifact.id }, [label]);
      install.addEventListener("click", () => {
        this._emit("mcp-setup-install-click", { artifact: artifact.id, client: client.id });
        if (content.indexOf("https:") === 0) window.open(content, "_blank", "noopener,noreferrer");
        else window.location.assign(content);
      });
      section.appendChild(install);
    }
    const copy = element("button", { type: "button", class: "copy", part: "copy-button", "aria-describedby": titleID, "data-focus": "copy-" + artifact.id }, ["Copy"]);
    copy.addEventListener("click", () => {
      const done = (ok) => {
        copy.textContent = ok ? "Copied" : "Select and copy";
        this._announce.textContent = ok ? "Copied " + artifact.title : "Copying failed: select the text and copy it";
        setTimeout(() => { copy.textContent = "Copy"; }, 1600);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(content).then(() => done(true), () => done(false));
      else done(false);
      this._emit("mcp-setup-copy", { artifact: artifact.id, client: client.id });
    });
    section.appendChild(element("div", { class: "code" }, [
      element("pre", { part: "code", tabindex: "0", role: "group", "aria-labelledby": titleID, "data-focus": "code-" + artifact.id }, [element("code", { "data-artifact": artifact.id }, nodes)]),
      copy,
    ]));
    if (artifact.paths && artifact.paths.length > 0) {
      // Paths for more than one OS: a switch, and the chosen OS's path (and any project path).
      const systems = SYSTEMS.filter((system) => artifact.paths.some((path) => path.scope !== "project" && path.os === system));
      const chosen = systems.indexOf(preferredSystem) >= 0 ? preferredSystem : systems[0];
      if (systems.length > 1) section.appendChild(this._systemSwitch(artifact, systems, chosen, prefix));
      const shown = systems.length > 1 ? artifact.paths.filter((path) => path.scope === "project" || SYSTEMS.indexOf(path.os) < 0 || path.os === chosen) : artifact.paths;
      section.appendChild(element("ul", { class: "paths", part: "paths" }, shown.map((path) =>
        element("li", {}, [(path.scope === "project" ? "Project folder" : (OS_LABELS[path.os] || path.os)) + ": ", element("code", {}, [path.path])]))));
    }
    if (artifact.notes && artifact.notes.length > 0) {
      section.appendChild(element("ul", { class: "notes" }, artifact.notes.map((note) => element("li", {}, [note]))));
    }
    return section;
  }
}

if (typeof customElements !== "undefined" && !customElements.get("mcp-setup-connect")) {
  customElements.define("mcp-setup-connect", MCPSetupConnect);
}
