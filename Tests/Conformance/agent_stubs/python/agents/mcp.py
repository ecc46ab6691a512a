from _record import Recorded, record


class MCPServerStreamableHttp(Recorded):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        record("agents.mcp.MCPServerStreamableHttp", **kwargs)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False
