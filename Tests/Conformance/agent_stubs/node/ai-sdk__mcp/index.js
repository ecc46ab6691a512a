import { record } from "agent-stub-record";

export async function createMCPClient(options) {
  record("ai_sdk.createMCPClient", options);
  return { tools: async () => ({}), close: async () => {} };
}
