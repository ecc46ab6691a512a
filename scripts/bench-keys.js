// The docs page's key box, without a browser: the time to fill every artifact of a page for one
// key, with the page's own script and data, before and after artifact programs.
// Usage: node scripts/bench-keys.js BEFORE_JS BEFORE_HTML AFTER_JS AFTER_HTML
"use strict";
const fs = require("fs");

function pageData(html) {
  const match = /<script type="application\/json" id="mcp-setup-data">([\s\S]*?)<\/script>/.exec(fs.readFileSync(html, "utf8"));
  if (!match) throw new Error(html + " has no key box data");
  return JSON.parse(match[1]);
}

function keys(count) {
  const out = [];
  let state = 20261201;
  for (let i = 0; i < count; i++) {
    let key = "sk_live_";
    for (let j = 0; j < 24; j++) { state = (state * 1103515245 + 12345) >>> 0; key += "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[state % 56]; }
    out.push(key);
  }
  return out;
}

function measure(name, fillPage) {
  const list = keys(2000);
  for (let i = 0; i < 200; i++) fillPage(list[i]);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    for (const key of list) fillPage(key);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6 / list.length);
  }
  console.log(name.padEnd(58) + (best * 1000).toFixed(1).padStart(8) + " µs per keystroke" + Math.round(1000 / best).toString().padStart(10) + " keys/s");
}

async function main() {
  const [beforeJS, beforeHTML, afterJS, afterHTML] = process.argv.slice(2);
  // Before: a classic script exporting renderArtifact; the page carried recipes.
  const before = require(require("path").resolve(beforeJS)), beforeData = pageData(beforeHTML);
  // After: the connect card's ES module; the page carries the manifest of its clients.
  const after = await import(require("url").pathToFileURL(require("path").resolve(afterJS)).href), afterData = pageData(afterHTML);
  const beforeIDs = Object.keys(beforeData.artifacts);
  const programs = afterData.clients.reduce((count, client) => count + client.artifacts.filter((artifact) => artifact.program).length, 0);
  console.log(`key box on the connect page (node ${process.version}): before ${beforeIDs.length} recipes, after ${programs} programs`);
  measure("before programs: encoder ports render each recipe", (key) => { for (const id of beforeIDs) before.renderArtifact(beforeData.artifacts[id], key); });
  measure("programs: fill(manifest, key) fills every artifact", (key) => { after.fill(afterData, key); });
}

main();
