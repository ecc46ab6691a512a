import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A batch of file changes, and when the watcher read it (a monotonic clock), so a rebuild can
/// be timed from the file event.
public struct FileChanges: Sendable {
    /// The paths the events named (folders and files), as the watcher saw them; nil when the
    /// kernel dropped events (its queue overflowed), so anything may have changed.
    public var paths: [String]?
    /// When the events were read, in nanoseconds of `CLOCK_MONOTONIC`.
    public var readAt: UInt64
}

/// Watches folders (with everything under them) and single files for changes. On Linux it uses
/// inotify, which names the changed files at once; elsewhere it walks the signatures of the
/// watched files every 300 ms. Events that arrive together come as one batch.
public final class FileWatcher: @unchecked Sendable {
    /// The batches, in order; the stream ends after ``stop()``.
    public let changes: AsyncStream<FileChanges>
    private let continuation: AsyncStream<FileChanges>.Continuation
    private let folders: [String]
    private let files: [String]
    private let lock = NSLock()
    private var stopped = false
    private var thread: Thread?

    /// Watches `folders` recursively (a missing one is watched once it appears under an
    /// existing parent only by the polling fallback) and `files` (their folder is watched, and
    /// only their own names count).
    public init(folders: [String], files: [String]) {
        (changes, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        self.folders = folders
        self.files = files
    }

    /// Starts watching: every folder is watched when this returns (so no change after it is
    /// missed), and events are read on a thread of its own.
    public func start() {
        #if os(Linux)
        // Without inotify, or when it cannot watch every folder (the user's watch limit), the
        // folders are polled instead.
        let inotify = InotifyWatches(folders: folders, files: files).flatMap { $0.failures == 0 ? $0 : nil }
        let first = inotify == nil ? snapshot() : [:]
        let thread = Thread { [self] in
            if let inotify { runInotify(inotify) } else { runPolling(from: first) }
            continuation.finish()
        }
        #else
        let first = snapshot()
        let thread = Thread { [self] in
            runPolling(from: first)
            continuation.finish()
        }
        #endif
        thread.name = "mcp-setup watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops watching and ends ``changes``.
    public func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Nanoseconds of the monotonic clock.
    public static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    #if os(Linux)
    /// An inotify instance watching every folder under the given ones, and the folders of the
    /// given files (only their names count).
    /// Made on the caller's thread, then used by the reading thread alone.
    final class InotifyWatches: @unchecked Sendable {
        let descriptor: Int32
        var watched: [Int32: (folder: String, onlyNames: Set<String>?)] = [:]
        /// For a folder that holds a watched root (or file), the roots by name: a root that is
        /// created again (a `git checkout`, a rename) is watched again.
        var roots: [String: [String: String]] = [:]
        /// Folders inotify would not watch (the user's watch limit).
        var failures = 0
        static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

        init?(folders: [String], files: [String]) {
            descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard descriptor >= 0 else { return nil }
            for folder in folders {
                let parent = Self.parent(of: folder)
                roots[parent, default: [:]][(folder as NSString).lastPathComponent] = folder
                watch(parent, onlyNames: [(folder as NSString).lastPathComponent])
                if FileManager.default.fileExists(atPath: folder) { watch(folder, onlyNames: nil) }
            }
            for file in files { watch(Self.parent(of: file), onlyNames: [(file as NSString).lastPathComponent]) }
        }

        deinit { close(descriptor) }

        static func parent(of path: String) -> String {
            let parent = (path as NSString).deletingLastPathComponent
            return parent.isEmpty ? "." : parent
        }

        /// Watches a folder: every event (`onlyNames` nil, with every folder under it), or only
        /// those naming one of `onlyNames`. A folder watched twice keeps the wider interest.
        func watch(_ folder: String, onlyNames: Set<String>?) {
            let handle = inotify_add_watch(descriptor, folder, Self.mask)
            guard handle >= 0 else {
                failures += 1
                return
            }
            if let existing = watched[handle] {
                let names: Set<String>? = existing.onlyNames == nil || onlyNames == nil ? nil : existing.onlyNames!.union(onlyNames!)
                watched[handle] = (existing.folder, names)
            } else {
                watched[handle] = (folder, onlyNames)
            }
            guard onlyNames == nil, let stream = opendir(folder) else { return }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                guard entry.pointee.d_type == UInt8(DT_DIR) || entry.pointee.d_type == UInt8(DT_UNKNOWN) else { continue }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self)) }
                if name == "." || name == ".." { continue }
                var info = stat()
                let path = folder + "/" + name
                if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { watch(path, onlyNames: nil) }
            }
        }

        /// Watches every root again, with every folder under it: after the kernel dropped
        /// events, folders made meanwhile are found.
        func rewatchRoots() {
            for names in roots.values { for root in names.values where FileManager.default.fileExists(atPath: root) { watch(root, onlyNames: nil) } }
        }
    }

    private func runInotify(_ inotify: InotifyWatches) {
        let descriptor = inotify.descriptor
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&pollDescriptor, 1, 200) > 0 else { continue }
            var paths: [String] = []
            var overflowed = false
            var readAt: UInt64 = 0
            // Everything queued, and what follows within 15 ms, is one batch: a save is often
            // several events (truncate, write, close; or write a copy, rename).
            var settles = 0
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                guard count > 0 else {
                    settles += 1
                    var more = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    if settles <= 4, poll(&more, 1, 15) > 0 { continue }
                    break
                }
                if readAt == 0 { readAt = Self.now() }
                var offset = 0
                while offset < count {
                    let (handle, eventMask, name, size) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, String, Int) in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        let nameStart = offset + MemoryLayout<inotify_event>.size
                        let nameBytes = raw[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                        return (event.wd, event.mask, String(decoding: nameBytes, as: UTF8.self), MemoryLayout<inotify_event>.size + Int(event.len))
                    }
                    offset += size
                    if eventMask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true }
                    guard let entry = inotify.watched[handle] else { continue }
                    if let only = entry.onlyNames, !only.contains(name) { continue }
                    var path = name.isEmpty ? entry.folder : entry.folder + "/" + name
                    if let root = inotify.roots[entry.folder]?[name] {
                        // A watched root itself changed: it is watched again if it is back.
                        path = root
                        if eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { inotify.watch(root, onlyNames: nil) }
                    }
                    if entry.onlyNames == nil, eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        inotify.watch(path, onlyNames: nil)
                    }
                    if eventMask & UInt32(IN_IGNORED) != 0 { inotify.watched[handle] = nil }
                    paths.append(path)
                }
            }
            if overflowed {
                inotify.rewatchRoots()
                continuation.yield(FileChanges(paths: nil, readAt: readAt))
            } else if !paths.isEmpty { continuation.yield(FileChanges(paths: paths, readAt: readAt)) }
        }
    }
    #endif

    /// Every watched path's size, modification time, inode and mode.
    private func snapshot() -> [String: [Int]] {
        var state: [String: [Int]] = [:]
        for root in folders + files {
            let paths = (FileManager.default.subpaths(atPath: root) ?? []).map { root + "/" + $0 } + [root]
            for path in paths {
                var info = stat()
                if lstat(path, &info) == 0 { state[path] = [Int(info.st_size), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec), Int(info.st_ino), Int(info.st_mode)] }
            }
        }
        return state
    }

    private func runPolling(from first: [String: [Int]]) {
        var last = first
        while !isStopped {
            usleep(300_000)
            let next = snapshot()
            if next != last {
                let changed = Set(next.keys).union(last.keys).filter { next[$0] != last[$0] }
                continuation.yield(FileChanges(paths: changed.sorted(), readAt: Self.now()))
                last = next
            }
        }
    }
}
