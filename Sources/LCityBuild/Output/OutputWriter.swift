import Foundation
import LCityContent
import LCityPages

import CAtomicRename

/// Writes a rendered site into a folder without ever leaving a half-written site behind.
///
/// Files go to a staging folder next to the target (same file system), which then takes the target's
/// place: on Linux in one atomic `renameat2(RENAME_EXCHANGE)`, elsewhere by two renames.
/// If anything fails, the staging folder is removed and the previous output is untouched.
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

    /// A staging folder next to the destination, to be filled and then swapped in with `commit`.
    public final class Staging: Sendable {
        public let sink: DirectorySink
        let writer: OutputWriter
        let previous: URL

        init(writer: OutputWriter, staging: URL, previous: URL) {
            self.writer = writer
            self.sink = DirectorySink(root: staging)
            self.previous = previous
        }

        /// Makes the staged files the destination's content, in one step.
        public func commit() throws {
            try sink.close()
            try writer.swapIn(staging: sink.root, previous: previous)
        }

        /// Removes the staging folder; the destination is untouched.
        public func discard() {
            try? sink.close()
            try? FileManager.default.removeItem(at: sink.root)
        }
    }

    /// Creates an empty staging folder next to the destination (same file system, so the swap is a rename).
    public func begin() throws -> Staging {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        let previous = parent.appendingPathComponent(".\(name).previous-\(getpid())")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: staging.path, reason: error.localizedDescription)
        }
        return Staging(writer: self, staging: staging, previous: previous)
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
