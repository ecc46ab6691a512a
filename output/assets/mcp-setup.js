// mcp-setup docs pages: the key box fills every setup widget on the page with the reader's key.
//
// Each setup widget is a <mcp-setup-connect> card (mcp-setup-connect.js), the same element a key
// page embeds; without JavaScript its server-rendered content shows instead, every client in
// order. The key box hands the key to the cards, which fill every artifact byte for byte as
// `mcp-setup render --token KEY` prints it. The key never leaves the page: no request is made,
// nothing is stored, and the page's Content-Security-Policy forbids connections.
import { keyProblem, keyWarning, maskKey } from "./mcp-setup-connect.js";

document.documentElement.classList.add("js");

function setUpKeyBox() {
  const input = document.getElementById("mcp-key");
  if (!input) return;
  const status = document.getElementById("mcp-key-status");
  const cards = Array.from(document.querySelectorAll("mcp-setup-connect"));
  const data = document.getElementById("mcp-setup-data");
  let server = null;
  try { server = data ? JSON.parse(data.textContent).server : null; } catch (error) { server = null; }
  function update() {
    const key = input.value;
    const problem = key === "" ? null : keyProblem(key);
    for (const card of cards) card.key = key !== "" && problem === null ? key : "";
    if (key === "") {
      status.textContent = "";
    } else if (problem) {
      status.textContent = problem;
      status.className = "keybox-status error";
    } else {
      const warning = keyWarning(key, server);
      status.textContent = "Every snippet on this page now holds your key " + maskKey(key, server) + ". Treat them like a password." + (warning ? " " + warning : "");
      status.className = warning ? "keybox-status warning" : "keybox-status ok";
    }
  }
  input.addEventListener("input", update);
  const toggle = document.querySelector("[data-key-toggle]");
  if (toggle) toggle.addEventListener("click", () => {
    const show = input.type === "password";
    input.type = show ? "text" : "password";
    toggle.textContent = show ? "Hide" : "Show";
    toggle.setAttribute("aria-pressed", show ? "true" : "false");
  });
  const clear = document.querySelector("[data-key-clear]");
  if (clear) clear.addEventListener("click", () => { input.value = ""; update(); input.focus(); });
  update();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpKeyBox);
else setUpKeyBox();
