from _record import Recorded


class McpToolset(Recorded):
    pass


class StreamableHTTPConnectionParams(Recorded):
    pass


class SseConnectionParams(Recorded):
    pass
