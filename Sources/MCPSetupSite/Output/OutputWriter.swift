import Foundation
import MCPSetup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a built site into its output folder: only files whose bytes changed are written
/// (with plain POSIX calls: Foundation's writes fsync every file on Linux), files the site no
/// longer has are removed, and nothing outside the folder is touched. Folders and files are
/// created across the cores; a changed file is replaced atomically, a new one written in place.
public struct OutputWriter: Sendable {
    /// The output folder.
    public let directory: String

    /// Creates a writer for a folder.
    public init(directory: String) {
        self.directory = directory
    }

    /// What a write did.
    public struct Report: Sendable, Hashable {
        /// Files written because they were new or changed.
        public var written: [String] = []
        /// Files left alone because their bytes were already right.
        public var unchanged = 0
        /// Files removed because the site no longer has them.
        public var removed: [String] = []
    }

    /// How the folder differs from a site.
    public struct Drift: Sendable, Hashable {
        /// Files whose bytes differ.
        public var changed: [String] = []
        /// Files the site has and the folder lacks.
        public var missing: [String] = []
        /// Files the folder has and the site does not.
        public var extra: [String] = []

        /// Whether the folder is exactly the site.
        public var isEmpty: Bool { changed.isEmpty && missing.isEmpty && extra.isEmpty }
    }

    /// Writes the site.
    public func write(_ site: SiteOutput) throws(SetupError) -> Report {
        var report = Report()
        try makeFolder(directory)
        let paths = site.paths
        var folders = Set<String>()
        for path in paths {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { folders.insert(folder) }
        }
        let outcomes: [Bool]
        do {
            // Folders level by level (parents first), each level across the cores.
            let byDepth = Dictionary(grouping: folders) { $0.split(separator: "/").count }
            for depth in byDepth.keys.sorted() {
                _ = try ParallelMap.map(byDepth[depth]!.sorted(), progress: nil) { folder throws -> Bool in
                    try makeFolder(directory + "/" + folder)
                    return true
                }
            }
            outcomes = try ParallelMap.map(paths, progress: nil) { path throws -> Bool in
                let data = site.files[path]!
                let full = directory + "/" + path
                switch Self.compare(full, with: data) {
                case .same: return false
                case .absent: try writeNewFile(full, data)
                case .different: try writeFile(full, data)
                }
                return true
            }
        } catch let error as SetupError {
            throw error
        } catch {
            throw SetupError("\(directory): \(error)")
        }
        for (path, written) in zip(paths, outcomes) {
            if written { report.written.append(path) } else { report.unchanged += 1 }
        }
        for path in existingFiles() where site.files[path] == nil {
            if unlink(directory + "/" + path) != 0 {
                throw SetupError("\(directory)/\(path): cannot remove a file the site no longer has (\(String(cString: strerror(errno))))")
            }
            report.removed.append(path)
        }
        removeEmptyFolders()
        return report
    }

    /// Compares the folder with a site without writing anything.
    public func drift(from site: SiteOutput) -> Drift {
        var drift = Drift()
        for path in site.paths {
            guard let existing = FileManager.default.contents(atPath: directory + "/" + path) else {
                drift.missing.append(path)
                continue
            }
            if existing != site.files[path] { drift.changed.append(path) }
        }
        drift.extra = existingFiles().filter { site.files[$0] == nil }
        return drift
    }

    /// Every regular file under the folder, relative and sorted.
    func existingFiles() -> [String] {
        var files: [String] = []
        collectFiles(in: directory, prefix: "", into: &files)
        return files.sorted()
    }

    /// Walks a folder with readdir: a large site has tens of thousands of files, and
    /// FileManager's enumerator stats each one through several layers.
    private func collectFiles(in folder: String, prefix: String, into files: inout [String]) {
        guard let stream = opendir(folder) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): files.append(relative)
            case Int32(DT_DIR): collectFiles(in: folder + "/" + name, prefix: relative, into: &files)
            case Int32(DT_UNKNOWN):
                var info = stat()
                if stat(folder + "/" + name, &info) == 0 {
                    if info.st_mode & S_IFMT == S_IFREG { files.append(relative) }
                    else if info.st_mode & S_IFMT == S_IFDIR { collectFiles(in: folder + "/" + name, prefix: relative, into: &files) }
                }
            default: break
            }
        }
    }

    private func removeEmptyFolders() {
        let folders = (FileManager.default.subpaths(atPath: directory) ?? []).sorted { $0.count > $1.count }
        for folder in folders {
            let full = directory + "/" + folder
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue,
               (try? FileManager.default.contentsOfDirectory(atPath: full))?.isEmpty == true {
                rmdir(full)
            }
        }
    }

    private func makeFolder(_ path: String) throws(SetupError) {
        if mkdir(path, 0o755) == 0 { return }
        let reason = errno
        var info = stat()
        if reason == EEXIST, stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw SetupError("\(path) is a file where the site needs a folder; move it away") }
            return
        }
        if reason == ENOENT {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                return
            } catch {
                throw SetupError("\(path): cannot create the folder (\(error.localizedDescription))")
            }
        }
        throw SetupError("\(path): cannot create the folder (\(String(cString: strerror(reason))))")
    }

    private enum Comparison { case same, different, absent }

    /// Compares a file with bytes without Foundation: the size first, then the contents.
    private static func compare(_ path: String, with data: Data) -> Comparison {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return errno == ENOENT ? .absent : .different }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) == data.count else { return .different }
        var buffer = [UInt8](repeating: 0, count: data.count)
        var offset = 0
        while offset < data.count {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, data.count - offset) }
            if count <= 0 { return .different }
            offset += count
        }
        return data.elementsEqual(buffer) ? .same : .different
    }

    /// Writes a file that does not exist yet straight to its name: no reader can have it open.
    private func writeNewFile(_ path: String, _ data: Data) throws(SetupError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { return try writeFile(path, data) }
            throw SetupError("\(path): cannot write (\(String(cString: strerror(errno))))")
        }
        let ok = writeAll(descriptor, data)
        close(descriptor)
        guard ok else {
            unlink(path)
            throw SetupError("\(path): cannot write (\(String(cString: strerror(errno))))")
        }
    }

    private func writeAll(_ descriptor: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
    }

    /// Replaces an existing file through a temporary file in the same folder and a rename, so a
    /// reader (a web server serving the folder) never sees half a file.
    private func writeFile(_ path: String, _ data: Data) throws(SetupError) {
        let temporary = path + ".tmp-mcp-setup"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw SetupError("\(path): cannot write (\(String(cString: strerror(errno))))") }
        let ok = writeAll(descriptor, data)
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SetupError("\(path): cannot write (\(String(cString: strerror(errno))))")
        }
    }
}

/// The POSIX `write(2)`, named apart from ``OutputWriter/write(_:)``.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
