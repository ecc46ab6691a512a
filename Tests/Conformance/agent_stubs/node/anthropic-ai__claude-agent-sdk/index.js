import { record } from "agent-stub-record";

export async function* query(input) {
  record("claude_agent_sdk.query", input);
  yield { type: "result" };
}
