import Foundation

/// Where rendered files go: memory (check, serve, tests) or a folder being built (build).
public protocol OutputSink: Sendable {
    /// Stores a whole file. Called from many threads at once.
    func write(_ path: String, _ data: Data) throws
    /// Adds to the end of a file, creating it. Called for one path from one thread at a time.
    func append(_ path: String, _ data: Data) throws
}

/// Keeps every file in memory.
public final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Data] = [:]

    public init() {}

    public func write(_ path: String, _ data: Data) {
        lock.lock()
        files[path] = data
        lock.unlock()
    }

    public func append(_ path: String, _ data: Data) {
        lock.lock()
        files[path, default: Data()].append(data)
        lock.unlock()
    }

    /// Everything written so far.
    public var contents: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }
}

/// Writes files below a folder as they are produced, so memory stays flat however large the site.
public final class DirectorySink: OutputSink, @unchecked Sendable {
    public let root: URL
    private let lock = NSLock()
    private var directories: Set<String> = []
    private var handles: [String: FileHandle] = [:]
    private var byteCount = 0
    private var files = 0

    public init(root: URL) {
        self.root = root
    }

    /// Files written so far.
    public var fileCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return files
    }

    /// Bytes written so far.
    public var bytesWritten: Int {
        lock.lock()
        defer { lock.unlock() }
        return byteCount
    }

    private func prepareDirectory(for path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        lock.lock()
        let known = directories.contains(directory)
        lock.unlock()
        guard !known else { return }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        lock.lock()
        directories.insert(directory)
        lock.unlock()
    }

    public func write(_ path: String, _ data: Data) throws {
        try prepareDirectory(for: path)
        let url = root.appendingPathComponent(path)
        guard FileManager.default.createFile(atPath: url.path, contents: data) else {
            throw OutputWriter.WriteError(path: url.path, reason: "the file could not be created")
        }
        lock.lock()
        byteCount += data.count
        files += 1
        lock.unlock()
    }

    public func append(_ path: String, _ data: Data) throws {
        lock.lock()
        var handle = handles[path]
        lock.unlock()
        if handle == nil {
            try prepareDirectory(for: path)
            let url = root.appendingPathComponent(path)
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw OutputWriter.WriteError(path: url.path, reason: "the file could not be created")
            }
            handle = try FileHandle(forWritingTo: url)
            lock.lock()
            handles[path] = handle
            files += 1
            lock.unlock()
        }
        try handle!.write(contentsOf: data)
        lock.lock()
        byteCount += data.count
        lock.unlock()
    }

    /// Closes the files opened for appending.
    public func close() throws {
        lock.lock()
        let open = handles
        handles = [:]
        lock.unlock()
        for handle in open.values { try handle.close() }
    }
}
