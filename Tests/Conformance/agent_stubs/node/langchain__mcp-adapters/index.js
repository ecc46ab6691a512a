import { record } from "agent-stub-record";

export class MultiServerMCPClient {
  constructor(config) {
    record("langchain.MultiServerMCPClient", config);
  }
  async getTools() {
    return [];
  }
  async close() {}
}
