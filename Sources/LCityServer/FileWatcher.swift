import Foundation

/// Notices changed files below some folders by polling their modification times and sizes — no inotify needed,
/// cheap enough for thousands of files — and reports a burst of saves once it has settled.
struct FileWatcher: Sendable {
    /// Folders to watch, relative to `root`.
    let root: URL
    let folders: [String]
    /// How often to look.
    var interval: Duration = .milliseconds(200)
    /// How long the tree must stay unchanged before a burst of saves is reported.
    var settle: Duration = .milliseconds(120)

    /// Relative path → (modification time, size).
    typealias Fingerprint = [String: FileStamp]

    struct FileStamp: Equatable, Sendable {
        var modified: Double
        var size: Int
    }

    /// The current state of every regular file below the folders (hidden files and editor backups skipped).
    func scan() -> Fingerprint {
        var result: Fingerprint = [:]
        let fileManager = FileManager.default
        for folder in folders {
            let base = root.appendingPathComponent(folder)
            guard let enumerator = fileManager.enumerator(atPath: base.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }
                let path = base.appendingPathComponent(relative).path
                guard let attributes = try? fileManager.attributesOfItem(atPath: path),
                    attributes[.type] as? FileAttributeType == .typeRegular
                else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let size = (attributes[.size] as? Int) ?? 0
                result["\(folder)/\(relative)"] = FileStamp(modified: modified, size: size)
            }
        }
        return result
    }

    /// Paths that differ between two scans (changed, added or removed), sorted.
    static func changes(from old: Fingerprint, to new: Fingerprint) -> [String] {
        var paths = new.compactMap { path, stamp in old[path] == stamp ? nil : path }
        paths += old.keys.filter { new[$0] == nil }
        return paths.sorted()
    }

    /// Calls `onChange` with the changed paths of each settled burst, until the task is cancelled.
    func run(onChange: @Sendable ([String]) async -> Void) async {
        var known = scan()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var current = scan()
            guard current != known else { continue }
            // Wait for the burst to settle (editors write temp files, rename, touch again).
            while !Task.isCancelled {
                try? await Task.sleep(for: settle)
                let next = scan()
                if next == current { break }
                current = next
            }
            let changed = Self.changes(from: known, to: current)
            known = current
            if !changed.isEmpty { await onChange(changed) }
        }
    }
}
