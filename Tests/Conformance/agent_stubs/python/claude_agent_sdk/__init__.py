from _record import Recorded, record


class ClaudeAgentOptions(Recorded):
    pass


async def query(*, prompt, options=None):
    record("claude_agent_sdk.query", prompt=prompt, options=options)
    yield "done"
