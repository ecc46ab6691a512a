export function openai(model) {
  return { provider: "openai", model };
}
