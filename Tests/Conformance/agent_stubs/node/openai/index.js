import { record } from "agent-stub-record";

export default class OpenAI {
  constructor() {
    this.responses = {
      create: async (body) => {
        record("openai.responses.create", body);
        return { output_text: "ok" };
      },
    };
  }
}
