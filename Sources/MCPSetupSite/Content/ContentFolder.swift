import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Markdown files of a content folder, found with readdir and lstat: a site of ten
/// thousand pages is walked in milliseconds, often enough for `serve` to walk it on every edit.
/// Folders are entered (hidden ones too) but symbolic links to folders are not; a link named
/// `*.md` is listed, and the loader checks where it leads.
enum ContentFolder {
    /// What lstat says of a file; a change in any of it means the file may have changed.
    struct Signature: Sendable, Hashable {
        var size: Int
        var modified: Int
        var changed: Int
        var inode: UInt64
        /// Whether the entry is a symbolic link (its other fields are then its target's, so an
        /// edit of the target is a change of the link's page).
        var isLink = false
    }

    /// Every `*.md` path under `directory` (every file, with `suffix` nil), relative, with its
    /// signature.
    static func scan(_ directory: String, suffix: String? = ".md") -> [String: Signature] {
        var found: [String: Signature] = [:]
        walk(directory, prefix: "", suffix: suffix, into: &found)
        return found
    }

    /// The signature of one file, or nil when there is none.
    static func signature(of path: String) -> Signature? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return signature(info)
    }

    /// The signature of one entry as the walk sees it (a link's target's, marked as a link),
    /// or nil when it is gone or a folder.
    static func signature(ofEntry path: String) -> Signature? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
        return entrySignature(path, info)
    }

    private static func entrySignature(_ path: String, _ info: stat) -> Signature {
        guard info.st_mode & S_IFMT == S_IFLNK else { return signature(info) }
        var target = stat()
        var linked = stat(path, &target) == 0 ? signature(target) : signature(info)
        linked.isLink = true
        return linked
    }

    private static func signature(_ info: stat) -> Signature {
        Signature(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec),
                  changed: Int(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(info.st_ctim.tv_nsec), inode: UInt64(info.st_ino))
    }

    private static func walk(_ folder: String, prefix: String, suffix: String?, into found: inout [String: Signature]) {
        guard let stream = opendir(folder) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, prefix: relative, suffix: suffix, into: &found)
            } else if suffix.map(name.hasSuffix) ?? true {
                found[relative] = entrySignature(path, info)
            }
        }
    }
}
