import Foundation
import Hummingbird
import Logging
import MCPSetup
import MCPSetupSite
import ServiceLifecycle

/// `mcp-setup serve`: builds the site, serves it on 127.0.0.1, watches the content folder, the
/// templates and the config, rebuilds what a change affects, writes it to the output folder and
/// reloads the open pages. A broken build shows its error in the browser and on the terminal,
/// and the server keeps running; SIGINT or SIGTERM stop it cleanly.
public struct DevServer: Sendable {
    /// The site's inputs.
    public let session: SiteSession
    /// The output folder's writer; `nil` serves from memory without writing.
    public let writer: OutputWriter?
    /// The port on 127.0.0.1 (0: any free port).
    public let port: Int
    /// Where progress and errors go, a line at a time.
    public let log: @Sendable (String) -> Void

    /// Creates a server.
    public init(session: SiteSession, writer: OutputWriter?, port: Int, log: @escaping @Sendable (String) -> Void) {
        self.session = session
        self.writer = writer
        self.port = port
        self.log = log
    }

    /// Builds, then serves until SIGINT or SIGTERM. `onReady` gets the address once the
    /// server listens.
    public func run(onReady: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let site = LiveSite()
        let broadcaster = ReloadBroadcaster()
        let rebuilder = Rebuilder(session: session, writer: writer, site: site, broadcaster: broadcaster, log: log)
        var folders = [session.contentDirectory]
        if let templates = session.templatesDirectory { folders.append(templates) }
        // Watching starts before the first build, so an edit made while it runs is rebuilt after it.
        var files = [session.configPath]
        if let serverJSON = (try? ConfigFile.load(path: session.configPath))?.serverJSON?.value { files.append(serverJSON) }
        let watcher = FileWatcher(folders: folders, files: files)
        watcher.start()
        try await rebuilder.build(reason: nil, readAt: FileWatcher.now(), first: true)
        let router = Router()
        router.get(RouterPath(LiveSite.scriptPath)) { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: LiveSite.script)))
        }
        router.get(RouterPath(LiveSite.eventsPath)) { _, _ -> Response in
            let versions = await broadcaster.subscribe()
            let current = await site.version
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\nevent: version\ndata: \(current)\n\n"))
                // The server stops only when its handlers end: the stream ends with it.
                for await version in versions.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: "event: version\ndata: \(version)\n\n"))
                }
                try await writer.finish(nil)
            })
        }
        let serveFile: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let reply = await site.reply(for: request.uri.path)
            var headers: HTTPFields = [.contentType: reply.contentType, .cacheControl: "no-store", .init("X-Content-Type-Options")!: "nosniff"]
            if let location = reply.location { headers[.location] = location }
            return Response(status: .init(code: reply.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
        }
        router.get("/", use: serveFile)
        router.get("**", use: serveFile)
        var logger = Logger(label: "mcp-setup serve")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            services: [WatchService(watcher: watcher, rebuilder: rebuilder, broadcaster: broadcaster)],
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                onReady("http://127.0.0.1:\(bound)/")
            },
            logger: logger
        )
        try await app.runService()
    }
}

/// Rebuilds on each batch of changes until the server stops.
struct WatchService: Service {
    let watcher: FileWatcher
    let rebuilder: Rebuilder
    let broadcaster: ReloadBroadcaster

    func run() async throws {
        await withGracefulShutdownHandler {
            for await batch in watcher.changes {
                try? await rebuilder.build(reason: batch.paths, readAt: batch.readAt, first: false)
            }
        } onGracefulShutdown: {
            watcher.stop()
            Task { await broadcaster.finishAll() }
        }
        await broadcaster.finishAll()
    }
}

/// One rebuild at a time: the session, the output folder, the served site and the pages.
actor Rebuilder {
    let session: SiteSession
    let writer: OutputWriter?
    let site: LiveSite
    let broadcaster: ReloadBroadcaster
    let log: @Sendable (String) -> Void
    private var failing = false

    init(session: SiteSession, writer: OutputWriter?, site: LiveSite, broadcaster: ReloadBroadcaster, log: @escaping @Sendable (String) -> Void) {
        self.session = session
        self.writer = writer
        self.site = site
        self.broadcaster = broadcaster
        self.log = log
    }

    /// Whether the output folder holds exactly the last good build: only then can a rebuild
    /// write just what changed. Until the first full write succeeds, and after any failed
    /// write, the full writer runs (which compares every file and refuses what no build wrote).
    private var outputInSync = false

    /// Rebuilds and reports. A failure to write the output folder on the first build stops
    /// `serve` (a folder mcp-setup did not build, a file in the way); later it shows like a
    /// build error, and the next rebuild writes the whole site again.
    func build(reason: [String]?, readAt: UInt64, first: Bool) async throws {
        let rebuild: SiteSession.Rebuild
        do {
            rebuild = try session.rebuild(changedPaths: reason)
        } catch let error as SetupError {
            return await fail(error.message)
        } catch {
            return await fail("\(error)")
        }
        if let writer {
            do {
                if outputInSync {
                    _ = try writer.update(rebuild.output, changed: rebuild.changed, removed: rebuild.removed, newPaths: rebuild.added)
                } else {
                    _ = try writer.write(rebuild.output)
                    outputInSync = true
                }
            } catch {
                outputInSync = false
                let message = error.message
                if first { throw SetupError(message) }
                return await fail(message)
            }
        }
        let elapsed = Double(FileWatcher.now() - readAt) / 1_000_000
        let wasFailing = failing
        failing = false
        if first || !rebuild.changed.isEmpty || !rebuild.removed.isEmpty || wasFailing {
            let version = await site.update(rebuild.output)
            await broadcaster.send(version)
            let what = first ? "built \(rebuild.pageCount) pages" : "rebuilt \(Self.describe(rebuild.sourcesRead, fallback: reason))"
            log("\(what): \(rebuild.pagesRendered) rendered, \(rebuild.changed.count) written, \(rebuild.removed.count) removed in \(String(format: "%.1f", elapsed)) ms")
        }
    }

    private func fail(_ message: String) async {
        failing = true
        let version = await site.fail(message)
        await broadcaster.send(version)
        log("error: \(message)")
    }

    private static func describe(_ read: [String], fallback: [String]?) -> String {
        if read.isEmpty { return (fallback ?? []).map { ($0 as NSString).lastPathComponent }.first ?? "the site" }
        return read.count == 1 ? read[0] : "\(read[0]) and \(read.count - 1) more"
    }
}
