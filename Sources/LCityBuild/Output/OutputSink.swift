import Foundation
import Synchronization
import LCityContent
import LCityPages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where rendered files go: memory (check, serve, tests) or a folder being built (build).
public protocol OutputSink: Sendable {
    /// Stores a whole file. Called from many threads at once.
    func write(_ path: String, _ data: Data) throws
    /// Adds to the end of a file, creating it. Called for one path from one thread at a time.
    func append(_ path: String, _ data: Data) throws
    /// Stores a whole file given as text (UTF-8). Called from many threads at once.
    func write(_ path: String, text: String) throws
    /// Stores a whole file given as bytes. Called from many threads at once.
    func write(_ path: String, bytes: [UInt8]) throws
}

extension OutputSink {
    public func write(_ path: String, text: String) throws { try write(path, Data(text.utf8)) }
    public func write(_ path: String, bytes: [UInt8]) throws { try write(path, Data(bytes)) }
}

/// Keeps every file in memory.
public final class MemorySink: OutputSink, Sendable {
    private let files = Mutex<[String: Data]>([:])

    public init() {}

    public func write(_ path: String, _ data: Data) {
        files.withLock { $0[path] = data }
    }

    public func append(_ path: String, _ data: Data) {
        files.withLock { $0[path, default: Data()].append(data) }
    }

    /// Everything written so far.
    public var contents: [String: Data] { files.withLock { $0 } }
}

/// Writes files below a folder as they are produced, so memory stays flat however large the site.
///
/// Plain `open`/`write`/`close` calls: each file is written once into a staging folder that is swapped in as a
/// whole (`OutputWriter`), so per-file atomic writes (a temporary file, `fsync` and a rename each, as
/// `FileManager.createFile` does) would only multiply the system calls. Folders are made once each.
public final class DirectorySink: OutputSink, Sendable {
    public let root: URL
    private let rootPath: String
    private struct State {
        /// Folders known to exist, as paths below `root` ("" is the root itself).
        var directories: Set<String> = [""]
        var appendDescriptors: [String: Int32] = [:]
        var byteCount = 0
        var files = 0
    }

    private let state = Mutex(State())

    public init(root: URL) {
        self.root = root
        self.rootPath = root.path
    }

    /// Files written so far.
    public var fileCount: Int {
        state.withLock { $0.files }
    }

    /// Bytes written so far.
    public var bytesWritten: Int {
        state.withLock { $0.byteCount }
    }

    public func write(_ path: String, _ data: Data) throws {
        try data.withUnsafeBytes { try write(path, UnsafeRawBufferPointer($0)) }
    }

    public func write(_ path: String, text: String) throws {
        var text = text
        try text.withUTF8 { try write(path, UnsafeRawBufferPointer($0)) }
    }

    public func write(_ path: String, bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(path, $0) }
    }

    private func write(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        try prepareDirectory(for: path)
        let descriptor = try open(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
        defer { _ = systemClose(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
        state.withLock {
            $0.byteCount += bytes.count
            $0.files += 1
        }
    }

    public func append(_ path: String, _ data: Data) throws {
        var descriptor = state.withLock { $0.appendDescriptors[path] }
        if descriptor == nil {
            try prepareDirectory(for: path)
            let opened = try open(path, flags: O_WRONLY | O_CREAT | O_TRUNC | O_APPEND)
            descriptor = opened
            state.withLock {
                $0.appendDescriptors[path] = opened
                $0.files += 1
            }
        }
        try data.withUnsafeBytes { try writeAll($0, to: descriptor!, path: path) }
        state.withLock { $0.byteCount += data.count }
    }

    /// Closes the files opened for appending.
    public func close() throws {
        let open = state.withLock { state in
            defer { state.appendDescriptors = [:] }
            return state.appendDescriptors
        }
        for (path, descriptor) in open.sorted(by: { $0.key < $1.key }) where systemClose(descriptor) != 0 {
            throw error(path, "closing failed")
        }
    }

    // MARK: System calls

    /// Makes the folder of `path` and any missing parents, each once.
    private func prepareDirectory(for path: String) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let directory = String(path[..<slash])
        let known = state.withLock { $0.directories.contains(directory) }
        guard !known else { return }
        try prepareDirectory(for: directory)
        if mkdir(rootPath + "/" + directory, 0o755) != 0 && errno != EEXIST {
            throw error(directory, "the folder could not be created")
        }
        state.withLock { _ = $0.directories.insert(directory) }
    }

    private func open(_ path: String, flags: Int32) throws -> Int32 {
        let descriptor = systemOpen(rootPath + "/" + path, flags | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error(path, "the file could not be created") }
        return descriptor
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw error(path, "writing failed")
            }
            offset += written
        }
    }

    private func error(_ path: String, _ what: String) -> OutputWriter.WriteError {
        let reason = String(cString: strerror(errno))
        return OutputWriter.WriteError(path: rootPath + "/" + path, reason: "\(what): \(reason)")
    }
}

#if canImport(Glibc)
    private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
    private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { Glibc.write(descriptor, bytes, count) }
    private func systemClose(_ descriptor: Int32) -> Int32 { Glibc.close(descriptor) }
#elseif canImport(Darwin)
    private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Darwin.open(path, flags, mode) }
    private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { Darwin.write(descriptor, bytes, count) }
    private func systemClose(_ descriptor: Int32) -> Int32 { Darwin.close(descriptor) }
#endif
