import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the rows of a workbook's sheets wait, as XML bytes, until they are zipped: appended one block after
/// another, read back by position. In memory, or in a temporary file that only this process can reach: it is
/// removed from its folder (the system's temporary folder, `TMPDIR`) the moment it is made, so it is never left
/// behind, whatever ends the process, and never next to a file of the user's.
final class PartStore {
    /// Where the bytes are kept.
    enum Place {
        case memory
        case temporaryFile
    }

    private var memory: [UInt8] = []
    private let file: FileHandle?
    /// Bytes stored so far.
    private(set) var count = 0
    /// The first write that failed: `append` is called while rows are written, where nothing can throw.
    private var failure: (any Error)?

    init(_ place: Place) throws {
        guard place == .temporaryFile else {
            file = nil
            return
        }
        let template = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lcity-workbook-XXXXXX").path
        var path = Array(template.utf8CString)
        let descriptor = path.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        unlink(path)
        file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Adds `bytes` at the end.
    func append(_ bytes: [UInt8]) {
        guard failure == nil, !bytes.isEmpty else { return }
        count += bytes.count
        guard let file else {
            memory.append(contentsOf: bytes)
            return
        }
        do {
            try file.seekToEnd()
            try file.write(contentsOf: bytes)
        } catch {
            failure = error
        }
    }

    /// Throws the error of a write that failed, if one did.
    func check() throws {
        if let failure { throw failure }
    }

    /// The bytes at `range`.
    func bytes(_ range: Range<Int>) throws -> Data {
        try check()
        guard let file else { return Data(memory[range]) }
        try file.seek(toOffset: UInt64(range.lowerBound))
        let data = try file.read(upToCount: range.count) ?? Data()
        guard data.count == range.count else { throw CocoaError(.fileReadCorruptFile) }
        return data
    }
}
