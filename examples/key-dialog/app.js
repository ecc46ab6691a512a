// A SaaS key page, reduced to what matters here: "Create key" makes a (fake) key, a dialog shows
// it once with the <mcp-setup-connect> card already filled with it, and closing the dialog
// leaves only the masked key. The key lives in this module's memory while the dialog is open:
// never in the DOM's attributes, a URL or storage.
import { maskKey } from "./connect/mcp-setup-connect.js";

const dialog = document.getElementById("reveal");
const dialogCard = document.getElementById("dialog-card");
const card = document.getElementById("card");
const shown = document.getElementById("new-key");
const rows = document.querySelector("#keys tbody");
let prefix = "sk_live_";
let server = { keyPrefix: prefix };
let current = null;
let count = 0;

// The key prefix and the masked preview's shape come from the manifest, as the card shows them.
dialogCard.addEventListener("mcp-setup-ready", () => {
  if (dialogCard.manifest && dialogCard.manifest.server.keyPrefix) prefix = dialogCard.manifest.server.keyPrefix;
  if (dialogCard.manifest) server = dialogCard.manifest.server;
});

function newKey() {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let key = prefix;
  for (const byte of bytes) key += alphabet[byte % alphabet.length];
  return key;
}

document.getElementById("create").addEventListener("click", () => {
  current = newKey();
  count += 1;
  shown.textContent = current;
  dialogCard.key = current;
  dialog.showModal();
});

document.getElementById("copy-key").addEventListener("click", () => {
  if (current && navigator.clipboard) navigator.clipboard.writeText(current).catch(() => {});
});

function forget() {
  if (current === null) return;
  const row = document.createElement("tr");
  for (const text of ["Key " + count, maskKey(current, server), "Active"]) {
    const cell = document.createElement("td");
    cell.textContent = text;
    row.appendChild(cell);
  }
  row.children[1].className = "masked";
  rows.appendChild(row);
  document.getElementById("no-keys").hidden = true;
  current = null;
  shown.textContent = "";
  dialogCard.clear();
}

document.getElementById("close").addEventListener("click", () => dialog.close());
dialog.addEventListener("close", forget);

document.getElementById("paste-key").addEventListener("input", (event) => {
  card.key = event.target.value;
});

// A host page can count what users do with the card; the events never carry the key.
for (const element of [card, dialogCard]) {
  element.addEventListener("mcp-setup-copy", (event) => { document.body.dataset.lastCopy = event.detail.artifact; });
  element.addEventListener("mcp-setup-install-click", (event) => { document.body.dataset.lastInstall = event.detail.artifact; });
}
