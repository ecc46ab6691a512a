// Fills the card on this page with the key the reader pastes (one input event a paste).
for (const input of document.querySelectorAll("#paste-key")) {
  const card = document.querySelector("mcp-setup-connect");
  input.addEventListener("input", () => { card.key = input.value; });
}
