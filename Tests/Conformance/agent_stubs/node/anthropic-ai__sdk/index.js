import { record } from "agent-stub-record";

export default class Anthropic {
  constructor() {
    this.beta = {
      messages: {
        create: async (body) => {
          record("anthropic.beta.messages.create", body);
          return { content: [] };
        },
      },
    };
  }
}
