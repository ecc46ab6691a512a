"""MultiServerMCPClient as the snippet configures it. With AGENT_STUB_LIVE set, get_tools()
connects for real: the `mcp` SDK's own Streamable HTTP client, given the connection's url and
headers exactly as the snippet wrote them, lists the server's tools."""
import os

from _record import record


class MultiServerMCPClient:
    def __init__(self, connections):
        self.connections = connections
        record("langchain_mcp_adapters.MultiServerMCPClient", connections=connections)

    async def get_tools(self):
        if not os.environ.get("AGENT_STUB_LIVE"):
            return []
        import httpx2
        from mcp import ClientSession
        from mcp.client.streamable_http import streamable_http_client

        names = []
        for name, connection in self.connections.items():
            async with httpx2.AsyncClient(headers=connection.get("headers") or {}) as http:
                async with streamable_http_client(connection["url"], http_client=http) as streams:
                    async with ClientSession(streams[0], streams[1]) as session:
                        await session.initialize()
                        tools = await session.list_tools()
                        names += [f"{name}.{tool.name}" for tool in tools.tools]
        record("live.tools", names=names)
        return names
