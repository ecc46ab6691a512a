import { record } from "agent-stub-record";

export function stepCountIs(count) {
  return { stepCount: count };
}
export async function generateText(options) {
  record("ai.generateText", { prompt: options.prompt });
  return { text: "ok" };
}
