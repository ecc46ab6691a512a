import Foundation
import MCPSetup

/// Merges a server entry into a client's config file, or takes it out again, without losing a
/// byte of anything else: parse first (an unparsable file is refused with its line and column),
/// edit only the entry's span, back up, replace atomically, then read the result back.
public struct Installer: Sendable {
    /// How many backups of one file are kept (the oldest beyond it are removed); 0 makes none.
    public let keptBackups: Int
    /// Where install records what it added around an entry (a container, VS Code inputs), so
    /// that uninstall without a backup takes it out again; nil keeps no record.
    public let ledger: InstallLedger?

    /// The default number of backups kept per file.
    public static let defaultKeptBackups = 5

    /// Creates an installer that keeps `keptBackups` backups per file (0: no backups, for people
    /// who keep their config files under version control).
    public init(keptBackups: Int = Installer.defaultKeptBackups, ledger: InstallLedger? = nil) {
        self.keptBackups = max(0, keptBackups)
        self.ledger = ledger
    }

    /// What a write changed besides the entry.
    public struct Written: Sendable, Equatable {
        /// The copy of the old file, when there was one and backups are on.
        public var backup: String?
        /// The file's permissions before, when they were narrowed to `0600` because the file
        /// now holds a key.
        public var narrowedFrom: UInt16?
        /// After an uninstall: this file's backups that still hold the removed entry (and its
        /// key, when it held one), newest first.
        public var copiesLeft: [String] = []
        /// Why what install added around the entry could not be recorded (the file was written;
        /// a later uninstall without a backup leaves those additions).
        public var unrecorded: String?
    }

    /// What an install or uninstall did.
    public enum Outcome: Sendable, Equatable {
        /// The file was written.
        case written(Written)
        /// The file already held exactly this entry (or, for uninstall, no such entry).
        case unchanged
        /// A dry run: the diff that would be applied (empty when nothing would change).
        case dryRun(diff: String)
        /// Uninstall removed the file mcp-setup had created, which held nothing else.
        case deleted
    }

    /// The entry exists with a different value: the diff, and a refusal without `force`.
    public struct Conflict: Error, Sendable, CustomStringConvertible {
        /// The unified diff of the entry as it is and as it would be.
        public let diff: String
        /// The one-line refusal.
        public let description: String
    }

    /// Installs the target's entry. `holdsKey` makes a new file `0600`.
    public func install(_ target: InstallTarget, force: Bool = false, dryRun: Bool = false, holdsKey: Bool) throws -> Outcome {
        try target.baseFolder?.requireExists()
        let transaction = try FileTransaction(path: target.path)
        defer { transaction.finish() }
        let current = try transaction.read()
        let displayPath = target.path
        let newBytes: [UInt8]
        var record = InstallRecord()
        var replacesEntry = false
        if let current, !isBlank(current.bytes) {
            var editor = try ConfigEditors.open(current.bytes, format: target.format, path: displayPath)
            record = try Self.additions(of: target, to: editor.document())
            if let existing = try editor.entry(container: target.container, name: target.name) {
                replacesEntry = true
                if existing.canonical == target.entry.canonical && !hasMissingItems(target, in: current.bytes) {
                    return dryRun ? .dryRun(diff: "") : .unchanged
                }
                if !force {
                    let diff = UnifiedDiff.make(old: JSONSyntax.pretty(SecretMask.mask(existing)) + "\n", new: JSONSyntax.pretty(SecretMask.mask(target.entry)) + "\n", oldName: "\(target.name) (in \(displayPath))", newName: "\(target.name) (new)")
                    throw Conflict(diff: diff, description: "\(displayPath) already has a different '\(target.name)' entry; rerun with --force to replace it (the old file is backed up)")
                }
            }
            try editor.upsert(container: target.container, name: target.name, value: target.entry)
            for (key, merge) in target.rootItems.sorted(by: { $0.key < $1.key }) {
                try editor.mergeItems(merge.items, intoRootArray: key, idKey: merge.idKey)
            }
            newBytes = editor.bytes
        } else {
            newBytes = Array(target.newFile.utf8)
        }
        let oldText = current.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        if dryRun {
            return .dryRun(diff: UnifiedDiff.make(old: oldText, new: String(decoding: newBytes, as: UTF8.self), oldName: current == nil ? "/dev/null" : displayPath, newName: displayPath))
        }
        try verify(newBytes, target: target)
        if let current, !isBlank(current.bytes) {
            try checkOnlyEntryChanged(from: current.bytes, to: newBytes, target: target)
        }
        try transaction.checkWritable()
        var written = Written()
        if let current, keptBackups > 0 {
            written.backup = try transaction.backup(current.bytes, keep: keptBackups)
        }
        var mode = current?.mode ?? (holdsKey ? 0o600 : 0o644)
        if holdsKey && mode & 0o077 != 0 {
            written.narrowedFrom = current.map { UInt16($0.mode) }
            mode &= ~0o077
        }
        try transaction.replace(with: newBytes, mode: mode)
        do {
            // A new entry starts a new record (an old one may be stale); a replaced entry keeps
            // what the first install created.
            try ledger?.add(record, file: transaction.path, container: target.container, name: target.name, replacing: !replacesEntry)
        } catch {
            written.unrecorded = error.message
        }
        return .written(written)
    }

    /// What installing the target into a document adds besides the entry: the outermost
    /// container missing on the way to it, and the root-list items (and lists) missing.
    static func additions(of target: InstallTarget, to document: PlainValue) -> InstallRecord {
        var record = InstallRecord()
        var node: PlainValue? = document
        for (depth, key) in target.container.enumerated() {
            guard let next = node?[key], next != .null else {
                record.createdContainer = Array(target.container.prefix(depth + 1))
                break
            }
            node = next
        }
        for (key, merge) in target.rootItems {
            let present: [PlainValue]
            if case .array(let items)? = document[key] { present = items } else { present = [] }
            if document[key] == nil { record.createdLists.append(key) }
            let added = merge.items.filter { item in !present.contains { $0[merge.idKey] == item[merge.idKey] } }.compactMap { $0[merge.idKey]?.stringValue }
            if !added.isEmpty { record.addedItems[key] = added }
        }
        return record
    }

    /// Removes the entry named by the target. When the file is exactly what an install made
    /// from its newest backup, the backup's bytes come back unchanged.
    public func uninstall(_ target: InstallTarget, dryRun: Bool = false) throws -> Outcome {
        try target.baseFolder?.requireExists()
        let transaction = try FileTransaction(path: target.path)
        defer { transaction.finish() }
        guard let current = try transaction.read() else { return dryRun ? .dryRun(diff: "") : .unchanged }
        var editor = try ConfigEditors.open(current.bytes, format: target.format, path: target.path)
        guard let entry = try editor.entry(container: target.container, name: target.name) else {
            // The entry went some other way: what install once recorded no longer applies.
            if !dryRun { try? ledger?.remove(file: transaction.path, container: target.container, name: target.name) }
            return dryRun ? .dryRun(diff: "") : .unchanged
        }
        var result: [UInt8]?
        var deleteFile = false
        // VS Code inputs stay after a span removal: they may be the user's own; only a
        // byte-exact restore from the backup, or removing the file mcp-setup created, takes out
        // the ones install added.
        _ = try editor.remove(container: target.container, name: target.name)
        let leavesNothing = try editor.isEmptySkeleton() || holdsOnlyInputs(of: entry, editor.bytes, target: target)
        let backup = transaction.backups().first.flatMap { FileManager.default.contents(atPath: $0) }.map(Array.init)
        if let backup {
            if isBlank(backup) && leavesNothing {
                result = backup
            } else if let reinstalled = try? reinstall(entry, target: target, into: backup, current: current.bytes), reinstalled == current.bytes {
                result = backup
            }
        }
        var removedItems: [String: [String]] = [:]
        if result == nil {
            deleteFile = leavesNothing && backup == nil
            if !deleteFile, let record = ledger?.record(file: transaction.path, container: target.container, name: target.name) {
                removedItems = try Self.takeOut(record, of: target, from: &editor)
            }
            result = editor.bytes
            if !deleteFile {
                let written = try ConfigEditors.open(editor.bytes, format: target.format, path: target.path)
                guard try written.entry(container: target.container, name: target.name) == nil else {
                    throw InternalError(subject: "uninstall \(target.clientID)", message: "the edited file still holds '\(target.name)'; nothing was written")
                }
                try checkOnlyEntryChanged(from: current.bytes, to: editor.bytes, target: target, removedItems: removedItems)
            }
        }
        let newBytes = result!
        if dryRun {
            return .dryRun(diff: UnifiedDiff.make(old: String(decoding: current.bytes, as: UTF8.self), new: deleteFile ? "" : String(decoding: newBytes, as: UTF8.self), oldName: target.path, newName: deleteFile ? "/dev/null" : target.path))
        }
        try transaction.checkWritable()
        if deleteFile {
            if keptBackups > 0 { _ = try transaction.backup(current.bytes, keep: keptBackups) }
            try transaction.delete()
            try? ledger?.remove(file: transaction.path, container: target.container, name: target.name)
            return .deleted
        }
        var written = Written()
        if keptBackups > 0 { written.backup = try transaction.backup(current.bytes, keep: keptBackups) }
        try transaction.replace(with: newBytes, mode: current.mode)
        try? ledger?.remove(file: transaction.path, container: target.container, name: target.name)
        written.copiesLeft = backupsHolding(target, in: transaction)
        return .written(written)
    }

    /// This file's backups that still hold the target's entry, newest first. An uninstall names
    /// them, since they may hold the key the entry carried.
    public func backupsHolding(_ target: InstallTarget) -> [String] {
        guard let transaction = try? FileTransaction(path: target.path) else { return [] }
        return backupsHolding(target, in: transaction)
    }

    private func backupsHolding(_ target: InstallTarget, in transaction: FileTransaction) -> [String] {
        transaction.backups().filter { path in
            guard let data = FileManager.default.contents(atPath: path),
                  let editor = try? ConfigEditors.open(Array(data), format: target.format, path: path) else { return false }
            return (try? editor.entry(container: target.container, name: target.name)) != nil
        }
    }

    /// Takes out what the record says install added, once the entry is gone: the root-list
    /// items nothing else in the file refers to (and a list install created, once empty), and
    /// the container install created, when nothing else is in it. Returns the items removed.
    static func takeOut(_ record: InstallRecord, of target: InstallTarget, from editor: inout any ConfigEditor) throws(SetupError) -> [String: [String]] {
        var removed: [String: [String]] = [:]
        let rest = JSONSyntax.compact(try editor.document())
        for (key, ids) in record.addedItems.sorted(by: { $0.key < $1.key }) {
            guard let list = target.sharedLists.first(where: { $0.key == key }) else { continue }
            for id in ids where !rest.contains(list.reference.replacingOccurrences(of: "ID", with: id)) {
                if try editor.removeItem(id: id, fromRootArray: key, idKey: list.idKey) { removed[key, default: []].append(id) }
            }
            if record.createdLists.contains(key) {
                _ = try editor.removeIfBare(container: [], name: key)
            }
        }
        if let created = record.createdContainer, !created.isEmpty {
            // From the innermost container out to the one install created, each while it holds
            // nothing, not even a comment (a commented-out server is the user's).
            for depth in stride(from: target.container.count, through: created.count, by: -1) {
                let path = Array(target.container.prefix(depth))
                guard try editor.removeIfBare(container: Array(path.dropLast()), name: path[path.count - 1]) else { break }
            }
        }
        return removed
    }

    /// What installing `entry` into `bytes` gives, with the root items the current file holds.
    private func reinstall(_ entry: PlainValue, target: InstallTarget, into bytes: [UInt8], current: [UInt8]) throws -> [UInt8] {
        var editor = try ConfigEditors.open(bytes, format: target.format, path: target.path)
        if try editor.entry(container: target.container, name: target.name) != nil { return [] }
        try editor.upsert(container: target.container, name: target.name, value: entry)
        if case .object(let root)? = try? JSONParser.parse(String(decoding: current, as: UTF8.self), allowComments: true) {
            for list in target.sharedLists {
                guard case .array(let items)? = root.first(where: { $0.key == list.key })?.value else { continue }
                let used = items.filter { Self.refers(entry, to: $0, in: list) }
                if !used.isEmpty { try editor.mergeItems(used, intoRootArray: list.key, idKey: list.idKey) }
            }
        }
        return editor.bytes
    }

    /// Whether VS Code-style root items the target needs are missing from the file.
    private func hasMissingItems(_ target: InstallTarget, in bytes: [UInt8]) -> Bool {
        guard !target.rootItems.isEmpty,
              case .object(let root)? = try? JSONParser.parse(String(decoding: bytes, as: UTF8.self), allowComments: true) else { return false }
        for (key, merge) in target.rootItems {
            let present = root.first(where: { $0.key == key })?.value
            guard case .array(let items)? = present else { return true }
            for item in merge.items where !items.contains(where: { $0[merge.idKey] == item[merge.idKey] }) { return true }
        }
        return false
    }

    /// Whether `entry` refers to an item of a shared list (VS Code's `${input:ID}`).
    static func refers(_ entry: PlainValue, to item: PlainValue, in list: InstallSpec.SharedList) -> Bool {
        guard let id = item[list.idKey]?.stringValue else { return false }
        return JSONSyntax.compact(entry).contains(list.reference.replacingOccurrences(of: "ID", with: id))
    }

    /// Whether a JSON file holds nothing but empty containers and the shared-list items `entry`
    /// refers to: what install wrote into an empty or missing file, less the entry.
    private func holdsOnlyInputs(of entry: PlainValue, _ bytes: [UInt8], target: InstallTarget) -> Bool {
        guard target.format == .json || target.format == .jsonc,
              case .object(let members)? = try? JSONParser.parse(String(decoding: bytes, as: UTF8.self)) else { return false }
        return members.allSatisfy { member in
            switch member.value {
            case .object: return JSONEditor.isHollow(member.value)
            case .array(let items):
                guard let list = target.sharedLists.first(where: { $0.key == member.key }) else { return items.isEmpty }
                return items.allSatisfy { Self.refers(entry, to: $0, in: list) }
            case .string: return member.key == "$schema"
            default: return false
            }
        }
    }

    private func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// Checks that an edit changed nothing but the entry (and the root items install merges):
    /// both documents, read by the parser and without the entry, are equal. A span edit that
    /// went wrong refuses to write instead of dropping a user's settings.
    private func checkOnlyEntryChanged(from old: [UInt8], to new: [UInt8], target: InstallTarget, removedItems: [String: [String]] = [:]) throws {
        let before = try ConfigEditors.open(old, format: target.format, path: target.path).document()
        let after = try ConfigEditors.open(new, format: target.format, path: target.path).document()
        var expected = Self.withoutEntry(before, target: target, original: before)
        if case .object(var members) = expected {
            for (key, ids) in removedItems {
                guard let list = target.sharedLists.first(where: { $0.key == key }), let index = members.firstIndex(where: { $0.key == key }),
                      case .array(let items) = members[index].value else { continue }
                let kept = items.filter { !ids.contains($0[list.idKey]?.stringValue ?? "") }
                // A list left empty counts as absent, as containers do.
                if kept.isEmpty, after[key] == nil { members.remove(at: index) } else { members[index].value = .array(kept) }
            }
            expected = .object(members)
        }
        guard Self.withoutEntry(after, target: target, original: before).canonical == expected.canonical else {
            throw InternalError(subject: "\(target.clientID) \(target.path)", message: "the edit would change more than the '\(target.name)' entry; nothing was written (please report this with the file's layout)")
        }
    }

    /// The document without the target's entry and the items install merges into root lists;
    /// the containers on the way to the entry count as absent when empty in any form (`{}`, `[]`,
    /// YAML's bare `key:`), so an install or uninstall compares equal to the file before it.
    static func withoutEntry(_ document: PlainValue, target: InstallTarget, original: PlainValue) -> PlainValue {
        func isEmpty(_ value: PlainValue) -> Bool {
            switch value {
            case .null: return true
            case .object(let members): return members.isEmpty
            case .array(let items): return items.isEmpty
            default: return false
            }
        }
        func strip(_ value: PlainValue, path: ArraySlice<String>) -> PlainValue? {
            var rest = value
            if let key = path.first {
                guard case .object(let members) = value else { return value }
                rest = .object(members.compactMap { member in
                    guard member.key == key else { return member }
                    return strip(member.value, path: path.dropFirst()).map { (member.key, $0) }
                })
            } else if case .object(let members) = value {
                rest = .object(members.filter { $0.key != target.name })
            } else if case .array(let items) = value {
                rest = .array(items.filter { $0["name"]?.stringValue != target.name })
            }
            return isEmpty(rest) ? nil : rest
        }
        guard case .object(var members) = strip(document, path: target.container[...]) ?? .object([]) else { return document }
        for (key, merge) in target.rootItems {
            guard let index = members.firstIndex(where: { $0.key == key }), case .array(let items) = members[index].value else { continue }
            let originalItems: [PlainValue]
            if case .array(let list)? = original[key] { originalItems = list } else { originalItems = [] }
            let kept = items.filter { item in originalItems.contains(item) || !merge.items.contains { $0[merge.idKey] == item[merge.idKey] } }
            if kept.isEmpty && original[key] == nil { members.remove(at: index) } else { members[index].value = .array(kept) }
        }
        return .object(members)
    }

    /// Reads the new bytes back and checks the entry is exactly the intended one.
    private func verify(_ bytes: [UInt8], target: InstallTarget) throws {
        let editor = try ConfigEditors.open(bytes, format: target.format, path: target.path)
        guard let written = try editor.entry(container: target.container, name: target.name), written.canonical == target.entry.canonical else {
            throw InternalError(subject: "install \(target.clientID)", message: "the edited file does not hold the intended entry; nothing was written")
        }
    }
}
