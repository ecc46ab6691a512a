// Every call a snippet makes, written as JSON to $AGENT_STUB_RECORD when the process exits.
import { writeFileSync } from "node:fs";

const calls = [];
export function record(call, fields) {
  calls.push({ call, ...fields });
}
process.on("exit", () => {
  writeFileSync(process.env.AGENT_STUB_RECORD, JSON.stringify(calls));
});
