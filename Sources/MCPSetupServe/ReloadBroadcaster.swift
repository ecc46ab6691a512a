import Foundation

/// The open pages' event streams: each rebuild tells every page its new version, and a page
/// that shows an older one reloads.
public actor ReloadBroadcaster {
    private var streams: [UUID: AsyncStream<Int>.Continuation] = [:]
    private var finished = false

    /// Creates a broadcaster with no pages.
    public init() {}

    /// A stream of site versions for one page; it ends when the server stops.
    public func subscribe() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        if finished {
            continuation.finish()
            return stream
        }
        let id = UUID()
        streams[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    /// Tells every page the site's new version.
    public func send(_ version: Int) {
        for continuation in streams.values { continuation.yield(version) }
    }

    /// Ends every stream, and every later one at once (the server is stopping).
    public func finishAll() {
        finished = true
        for continuation in streams.values { continuation.finish() }
        streams = [:]
    }

    /// How many pages are listening.
    public var count: Int { streams.count }

    private func remove(_ id: UUID) {
        streams[id] = nil
    }
}
