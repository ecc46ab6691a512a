// The docs site's search: a box in the header that finds pages and sections by their titles,
// headings and descriptions, from the index `mcp-setup build` writes (search-index.js, a module,
// so the page's Content-Security-Policy keeps connect-src 'none'). Keyboard first: "/" focuses
// the box, arrows move through the results, Enter opens one, Escape closes the list.
const root = new URL("../", import.meta.url);
let index = null;

// Words, lowercased and without accents, in any script ("Überblick" matches "uberb").
function terms(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").split(/[^\p{L}\p{N}]+/u).filter((term) => term.length > 0);
}

// Every page and section whose words start with every term, best first: a title match before a
// heading match before a description match.
function search(pages, query) {
  const wanted = terms(query);
  if (wanted.length === 0) return [];
  const matches = (text) => {
    const words = terms(text);
    return wanted.every((term) => words.some((word) => word.startsWith(term)));
  };
  const results = [];
  for (const page of pages) {
    if (matches(page.t)) results.push({ score: 3, title: page.t, section: null, href: page.u });
    for (const [text, id] of page.h) {
      if (matches(text)) results.push({ score: 2, title: text, section: page.t, href: page.u + "#" + id });
    }
    if (page.d && matches(page.d) && !matches(page.t)) results.push({ score: 1, title: page.t, section: page.d, href: page.u });
  }
  return results.sort((a, b) => b.score - a.score).slice(0, 8);
}

function setUp() {
  const input = document.getElementById("site-search");
  const box = document.getElementById("site-search-box");
  const list = document.getElementById("site-search-results");
  const status = document.getElementById("site-search-status");
  if (!input || !box || !list || !status) return;
  document.documentElement.classList.add("js");
  let results = [];
  let active = -1;

  function show() {
    list.replaceChildren();
    results.forEach((result, position) => {
      const option = document.createElement("li");
      option.id = "site-search-result-" + position;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", position === active ? "true" : "false");
      const title = document.createElement("span");
      title.className = "search-title";
      title.textContent = result.title;
      option.appendChild(title);
      if (result.section) {
        const section = document.createElement("span");
        section.className = "search-section";
        section.textContent = result.section;
        option.appendChild(section);
      }
      option.addEventListener("mousedown", (event) => { event.preventDefault(); open(position); });
      list.appendChild(option);
    });
    // "Nothing found" is a status message beside the list, which holds only options.
    const empty = input.value.trim() !== "" && results.length === 0;
    status.textContent = empty ? "No page or section matches." : "";
    status.hidden = !empty;
    list.hidden = results.length === 0;
    box.setAttribute("aria-expanded", list.hidden ? "false" : "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", "site-search-result-" + active);
    else input.removeAttribute("aria-activedescendant");
  }

  function close() {
    results = [];
    active = -1;
    show();
  }

  function open(position) {
    const result = results[position];
    if (!result) return;
    // A section of this page does not reload it: close the list and leave the box.
    close();
    input.blur();
    window.location.assign(new URL(result.href, root).href);
  }

  async function update() {
    if (index === null) {
      try {
        index = (await import("./search-index.js")).default;
      } catch (error) {
        status.textContent = "Search is not available: its index did not load.";
        status.hidden = false;
        return;
      }
    }
    results = search(index, input.value);
    active = results.length > 0 ? 0 : -1;
    show();
  }

  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && results.length > 0) { active = (active + 1) % results.length; show(); event.preventDefault(); }
    else if (event.key === "ArrowUp" && results.length > 0) { active = (active - 1 + results.length) % results.length; show(); event.preventDefault(); }
    else if (event.key === "Enter" && active >= 0) { open(active); event.preventDefault(); }
    else if (event.key === "Escape") { input.value = ""; close(); }
  });
  input.addEventListener("blur", () => { active = -1; list.hidden = true; status.hidden = true; box.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); });
  input.addEventListener("focus", () => { if (input.value.trim() !== "") update(); });
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target instanceof HTMLElement && (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
    if (event.key === "/" && !typing && !event.composedPath().some((node) => node instanceof HTMLElement && node.tagName === "MCP-SETUP-CONNECT")) {
      event.preventDefault();
      input.focus();
    }
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
else setUp();
