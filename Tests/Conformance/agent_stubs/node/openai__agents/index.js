import { record } from "agent-stub-record";

export class Agent {
  constructor(options) {
    this.options = options;
  }
}
export class MCPServerStreamableHttp {
  constructor(options) {
    record("openai_agents.MCPServerStreamableHttp", options);
  }
  async connect() {}
  async close() {}
}
export function hostedMcpTool(options) {
  record("openai_agents.hostedMcpTool", options);
  return { type: "hosted_tool", options };
}
export async function run(agent, input) {
  record("openai_agents.run", { input });
  return { finalOutput: "ok" };
}
