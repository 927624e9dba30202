import Foundation
import LCityContent
import LCityPages

import CAtomicRename

/// Writes a rendered site into a folder without ever leaving a half-written site behind.
///
/// Files go to a staging folder next to the target (same file system), which then takes the target's
/// place: on Linux in one atomic `renameat2(RENAME_EXCHANGE)`, elsewhere by two renames.
/// If anything fails, the staging folder is removed and the previous output is untouched.
///
/// Guarantees besides:
/// - one build at a time per output: `begin` takes a lock (`.<name>.lock` next to the output, `flock`, released
///   by the system when the process ends however it ends); a second build stops with a message naming the first;
/// - nothing piles up: holding the lock, `begin` removes every staging and previous folder of this output left by
///   an earlier build that was killed (`kill -9`, a power cut), since no other build can own them;
/// - Ctrl-C, SIGTERM and SIGHUP remove the staging folder before the process ends (`InterruptCleanup`).
public struct OutputWriter: Sendable {
    public let destination: URL

    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    /// Errors while writing, with the path involved.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Another build holds the output's lock.
    public struct Busy: Error, CustomStringConvertible {
        /// The output folder.
        public var path: String
        /// The process that holds the lock, when it could be read.
        public var process: Int32?
        public var description: String { "\(path) is being written by another build (process \(process.map(String.init) ?? "?"))" }
    }

    /// The destination exists and is not a site a build wrote: replacing it would lose what it holds.
    public struct NotASite: Error, CustomStringConvertible {
        /// The output folder (or file).
        public var path: String
        public var description: String { "\(path) is not a site built by lcity-site; it is left as it is" }
    }

    /// Files every build writes at the top of its output: a folder holding them all is a site a build wrote.
    static let siteMarkers = ["404.html", "index.html", "sitemap.xml"]

    /// A staging folder next to the destination, to be filled and then swapped in with `commit`.
    public final class Staging: Sendable {
        public let sink: DirectorySink
        let writer: OutputWriter
        let previous: URL
        let lock: OutputLock

        init(writer: OutputWriter, staging: URL, previous: URL, lock: OutputLock) {
            self.writer = writer
            self.sink = DirectorySink(root: staging)
            self.previous = previous
            self.lock = lock
        }

        /// Makes the staged files the destination's content, in one step.
        public func commit() throws {
            defer { finish() }
            try sink.close()
            try writer.swapIn(staging: sink.root, previous: previous)
        }

        /// Removes the staging folder; the destination is untouched.
        public func discard() {
            defer { finish() }
            try? sink.close()
            try? FileManager.default.removeItem(at: sink.root)
        }

        private func finish() {
            InterruptCleanup.shared.forget(sink.root.path)
            lock.release()
        }
    }

    /// The names of this output's staging and previous folders: `.<name>.staging-<pid>`, `.<name>.previous-<pid>`.
    private var stagingPrefix: String { ".\(destination.lastPathComponent).staging-" }
    private var previousPrefix: String { ".\(destination.lastPathComponent).previous-" }

    /// Takes the output's lock, removes what killed builds left, and creates an empty staging folder next to the
    /// destination (same file system, so the swap is a rename). Throws `Busy` while another build writes there.
    public func begin() throws -> Staging {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: parent.path, reason: error.localizedDescription)
        }
        let lock = try OutputLock.acquire(parent.appendingPathComponent(".\(destination.lastPathComponent).lock"), for: destination)
        guard isReplaceable else {
            lock.release()
            throw NotASite(path: destination.path)
        }
        removeLeftovers()
        let staging = parent.appendingPathComponent(stagingPrefix + "\(getpid())")
        let previous = parent.appendingPathComponent(previousPrefix + "\(getpid())")
        InterruptCleanup.shared.remember(staging.path)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            InterruptCleanup.shared.forget(staging.path)
            lock.release()
            throw WriteError(path: staging.path, reason: error.localizedDescription)
        }
        return Staging(writer: self, staging: staging, previous: previous, lock: lock)
    }

    /// Whether the destination may be replaced: missing, an empty folder, or a site an earlier build wrote (it has
    /// `siteMarkers`). Anything else — a file, the site folder, `content/`, a folder of documents given by mistake
    /// to `--output` — would be lost by the swap.
    private var isReplaceable: Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory) else { return true }
        guard isDirectory.boolValue, let names = try? FileManager.default.contentsOfDirectory(atPath: destination.path)
        else { return false }
        return names.isEmpty || Self.siteMarkers.allSatisfy(names.contains)
    }

    /// Removes the staging and previous folders of this output that earlier builds left: with the lock held, no
    /// running build owns one. A previous folder is removed only when the output itself exists (a build killed
    /// between the two renames of the fallback swap leaves the last output there).
    private func removeLeftovers() {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        let outputExists = fileManager.fileExists(atPath: destination.path)
        for name in names where name.hasPrefix(stagingPrefix) || (outputExists && name.hasPrefix(previousPrefix)) {
            // `<prefix><pid>`, or `<prefix><pid>.interrupted` when a signal's cleanup was itself cut short.
            let process = name.split(separator: "-").last.map { $0.replacing(".interrupted", with: "") } ?? ""
            guard Int32(process) != nil else { continue }
            try? fileManager.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Writes an in-memory site and swaps it in. Returns the number of bytes written.
    @discardableResult
    public func write(_ site: RenderedSite) throws -> Int {
        let staging = try begin()
        do {
            for path in site.files.keys.sorted() { try staging.sink.write(path, site.files[path]!) }
            try staging.commit()
        } catch {
            staging.discard()
            if let error = error as? WriteError { throw error }
            throw WriteError(path: destination.path, reason: error.localizedDescription)
        }
        return staging.sink.bytesWritten
    }

    func swapIn(staging: URL, previous: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: destination.path) else {
            try fileManager.moveItem(at: staging, to: destination)
            return
        }
        // Swap both names in one step where the system can; staging then holds the previous output.
        if lcity_exchange_paths(staging.path, destination.path) == 0 {
            try? fileManager.removeItem(at: staging)
            return
        }
        try fileManager.moveItem(at: destination, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            try? fileManager.moveItem(at: previous, to: destination)
            throw error
        }
        try? fileManager.removeItem(at: previous)
    }
}
