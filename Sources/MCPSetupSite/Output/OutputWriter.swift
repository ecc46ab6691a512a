import Foundation
import MCPSetup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a built site into its output folder: only files whose bytes changed are written
/// (with plain POSIX calls: Foundation's writes fsync every file on Linux), and nothing outside
/// the folder is touched. The folder keeps a list of the files builds wrote
/// (``OutputOwnership``): only those are ever removed, and a non-empty folder without the list is
/// refused unless the caller allows it, so a build never deletes what it did not write. Folders
/// and files are created across the cores; a changed file is replaced atomically, a new one
/// written in place; a symbolic link where the site needs a folder is refused, never followed.
public struct OutputWriter: Sendable {
    /// The output folder.
    public let directory: String
    /// Whether a non-empty folder that no build wrote may be written into (its files stay).
    public let adoptsForeignFolder: Bool

    /// Creates a writer for a folder. `adoptsForeignFolder` allows a non-empty folder that holds
    /// no list of built files (`--force-output`); nothing in it is removed either way.
    public init(directory: String, adoptsForeignFolder: Bool = false) {
        self.directory = directory
        self.adoptsForeignFolder = adoptsForeignFolder
    }

    /// What a write did.
    public struct Report: Sendable, Hashable {
        /// Files written because they were new or changed.
        public var written: [String] = []
        /// Files left alone because their bytes were already right.
        public var unchanged = 0
        /// Files removed because the site no longer has them (only files a build wrote).
        public var removed: [String] = []
    }

    /// How the folder differs from a site.
    public struct Drift: Sendable, Hashable {
        /// Files whose bytes differ.
        public var changed: [String] = []
        /// Files the site has and the folder lacks.
        public var missing: [String] = []
        /// Files an earlier build wrote that the site no longer has.
        public var extra: [String] = []

        /// Whether the folder is exactly the site.
        public var isEmpty: Bool { changed.isEmpty && missing.isEmpty && extra.isEmpty }
    }

    /// Writes the site.
    public func write(_ site: SiteOutput) throws(SetupError) -> Report {
        var report = Report()
        let owned = try OutputOwnership.read(in: directory)
        if owned == nil && !adoptsForeignFolder && OutputOwnership.hasEntries(directory) {
            throw SetupError("\(directory) is not empty and holds no \(OutputOwnership.fileName), so mcp-setup did not build it; choose an empty or new folder, or pass --force-output to build into it (files already there are kept, and one the site would replace is refused)")
        }
        if site.contains(OutputOwnership.fileName) {
            throw SetupError("the site has a file named \(OutputOwnership.fileName), which the output folder needs for its list of built files; rename that page or asset")
        }
        try makeFolder(directory)
        // One walk of what is there decides everything: which folders to create, which files to
        // compare, which to remove. A fresh output folder costs no reads at all.
        let existing = existingTree()
        let existingFiles = Set(existing.files)
        let existingFolders = Set(existing.folders)
        let paths = site.paths
        var folders = Set<String>()
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        let previous = owned ?? []
        // A file the site would replace that no build wrote is the user's: refused, unless its
        // bytes are already the site's (an output folder from an older mcp-setup, unchanged).
        let foreign = paths.filter { existingFiles.contains($0) && !previous.contains($0) && Self.compare(directory + "/" + $0, with: site.body(at: $0)!) != .same }
        if let first = foreign.first {
            throw SetupError("\(directory)/\(first)\(foreign.count > 1 ? " and \(foreign.count - 1) more files" : "") would be replaced, but no build wrote \(foreign.count > 1 ? "them" : "it"); move \(foreign.count > 1 ? "them" : "it") away (or delete the folder if an older mcp-setup built it)")
        }
        // The list names everything this build may leave behind before any file is written, so
        // a build killed half way still knows next time which files are its own.
        try writeFile(directory + "/" + OutputOwnership.fileName, .text(OutputOwnership.text(for: previous.union(paths))))
        let outcomes: [Bool]
        do {
            // Missing folders level by level (parents first), each level across the cores.
            let missing = folders.subtracting(existingFolders)
            let byDepth = Dictionary(grouping: missing) { $0.split(separator: "/").count }
            for depth in byDepth.keys.sorted() {
                _ = try ParallelMap.map(byDepth[depth]!.sorted(), progress: nil) { folder throws -> Bool in
                    try makeFolder(directory + "/" + folder)
                    return true
                }
            }
            outcomes = try ParallelMap.map(paths, progress: nil) { path throws -> Bool in
                let text = site.body(at: path)!
                let full = directory + "/" + path
                guard existingFiles.contains(path) else {
                    try writeNewFile(full, text)
                    return true
                }
                switch Self.compare(full, with: text) {
                case .same: return false
                case .absent: try writeNewFile(full, text)
                case .different: try writeFile(full, text)
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
        // Only files an earlier build wrote, and that are still plain files, are removed.
        for path in previous.sorted() where !site.contains(path) && existingFiles.contains(path) {
            if unlink(directory + "/" + path) != 0 && errno != ENOENT {
                throw SetupError("\(directory)/\(path): cannot remove a file the site no longer has (\(String(cString: strerror(errno))))")
            }
            report.removed.append(path)
        }
        // Folders that held those files go when they are empty, deepest first; a folder that
        // still holds something that is not the site's (a link, a user's file) stays.
        var formerFolders = Set<String>()
        for path in report.removed {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                formerFolders.insert(String(folder))
            }
        }
        for folder in formerFolders.sorted(by: { $0.count > $1.count }) where !folders.contains(folder) {
            rmdir(directory + "/" + folder)
        }
        try writeFile(directory + "/" + OutputOwnership.fileName, .text(OutputOwnership.text(for: paths)))
        return report
    }

    /// Writes what changed since the last ``write(_:)`` or `update` of this folder (as
    /// ``SiteSession`` reports it): the `changed` files, and the removal of `removed` ones that a
    /// build wrote. Nothing else is read or compared, so an edit in a site of ten thousand pages
    /// costs the files it changed. The list of built files is rewritten when the set of files
    /// changed.
    /// `newPaths`, when given, are the changed files the last build did not have: when there are
    /// none and nothing is removed, the list of built files is neither read nor written.
    public func update(_ site: SiteOutput, changed: [String], removed: [String], newPaths: [String]? = nil) throws(SetupError) -> Report {
        var report = Report()
        if newPaths?.isEmpty == true, removed.isEmpty {
            for path in changed {
                guard let body = site.body(at: path) else { continue }
                try writeFile(directory + "/" + path, body)
                report.written.append(path)
            }
            report.unchanged = site.files.count + site.binaries.count - report.written.count
            return report
        }
        guard let owned = try OutputOwnership.read(in: directory) else {
            return try write(site)
        }
        let added = Set(changed.filter { !owned.contains($0) })
        for path in added.sorted() {
            var info = stat()
            if lstat(directory + "/" + path, &info) == 0 {
                throw SetupError("\(directory)/\(path) would be replaced, but no build wrote it; move it away")
            }
        }
        if !added.isEmpty || !removed.isEmpty {
            try writeFile(directory + "/" + OutputOwnership.fileName, .text(OutputOwnership.text(for: owned.union(added))))
        }
        for path in changed {
            guard let body = site.body(at: path) else { continue }
            let full = directory + "/" + path
            var folder = Substring(path)
            var missing: [String] = []
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                var info = stat()
                if lstat(directory + "/" + folder, &info) == 0 { break }
                missing.append(String(folder))
            }
            for folder in missing.reversed() { try makeFolder(directory + "/" + folder) }
            if added.contains(path) { try writeNewFile(full, body) } else { try writeFile(full, body) }
            report.written.append(path)
        }
        for path in removed where owned.contains(path) {
            if unlink(directory + "/" + path) == 0 || errno == ENOENT { report.removed.append(path) }
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if rmdir(directory + "/" + folder) != 0 { break }
            }
        }
        if !added.isEmpty || !removed.isEmpty {
            try writeFile(directory + "/" + OutputOwnership.fileName, .text(OutputOwnership.text(for: site.paths)))
        }
        report.unchanged = site.files.count + site.binaries.count - report.written.count
        return report
    }

    /// Compares the folder with a site without writing anything: the site's files and the list
    /// of built files; files the folder holds that no build wrote are not drift.
    public func drift(from site: SiteOutput) -> Drift {
        var drift = Drift()
        let list = SiteFile.text(OutputOwnership.text(for: site.paths))
        for path in (site.paths + [OutputOwnership.fileName]).sorted() {
            guard let existing = FileManager.default.contents(atPath: directory + "/" + path) else {
                drift.missing.append(path)
                continue
            }
            let expected = path == OutputOwnership.fileName ? list : site.body(at: path)!
            if !expected.equals(existing) { drift.changed.append(path) }
        }
        let owned = (try? OutputOwnership.read(in: directory)) ?? nil
        let present = Set(existingFiles())
        drift.extra = (owned ?? []).filter { !site.contains($0) && present.contains($0) }.sorted()
        return drift
    }

    /// Every regular file under the folder, relative and sorted.
    func existingFiles() -> [String] {
        existingTree().files.sorted()
    }

    /// The regular files and the folders under the output folder, relative.
    private func existingTree() -> (files: [String], folders: [String]) {
        var tree: (files: [String], folders: [String]) = ([], [])
        collect(in: directory, prefix: "", into: &tree)
        return tree
    }

    /// Walks a folder with readdir: a large site has tens of thousands of files, and
    /// FileManager's enumerator stats each one through several layers.
    private func collect(in folder: String, prefix: String, into tree: inout (files: [String], folders: [String])) {
        guard let stream = opendir(folder) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { continue }
                type = info.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : info.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : type
            }
            if type == Int32(DT_REG) {
                tree.files.append(relative)
            } else if type == Int32(DT_DIR) {
                tree.folders.append(relative)
                collect(in: folder + "/" + name, prefix: relative, into: &tree)
            }
        }
    }

    private func makeFolder(_ path: String) throws(SetupError) {
        if mkdir(path, 0o755) == 0 { return }
        let reason = errno
        var info = stat()
        if reason == EEXIST, lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK && path != directory {
                throw SetupError("\(path) is a symbolic link where the site needs a folder; a build writes only inside its output folder, so remove the link")
            }
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw SetupError("\(path) is a file where the site needs a folder; move it away") }
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
    private static func compare(_ path: String, with file: SiteFile) -> Comparison {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return errno == ENOENT ? .absent : .different }
        defer { close(descriptor) }
        return file.withBytes { bytes -> Comparison in
            var info = stat()
            guard fstat(descriptor, &info) == 0, Int(info.st_size) == bytes.count else { return .different }
            var buffer = [UInt8](repeating: 0, count: bytes.count)
            var offset = 0
            while offset < bytes.count {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
                if count <= 0 { return .different }
                offset += count
            }
            let same = buffer.withUnsafeBytes { bytes.isEmpty || memcmp(bytes.baseAddress!, $0.baseAddress!, bytes.count) == 0 }
            return same ? .same : .different
        }
    }

    /// Writes a file that does not exist yet straight to its name: no reader can have it open.
    private func writeNewFile(_ path: String, _ text: SiteFile) throws(SetupError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { return try writeFile(path, text) }
            throw SetupError("\(path): cannot write (\(String(cString: strerror(errno))))")
        }
        let ok = writeAll(descriptor, text)
        close(descriptor)
        guard ok else {
            unlink(path)
            throw SetupError("\(path): cannot write (\(String(cString: strerror(errno))))")
        }
    }

    private func writeAll(_ descriptor: Int32, _ text: SiteFile) -> Bool {
        text.withBytes { buffer -> Bool in
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
    private func writeFile(_ path: String, _ text: SiteFile) throws(SetupError) {
        let temporary = path + ".tmp-mcp-setup"
        // A leftover temporary file (or a link planted under its name) is removed, never opened.
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw SetupError("\(path): cannot write (\(String(cString: strerror(errno))))") }
        let ok = writeAll(descriptor, text)
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
