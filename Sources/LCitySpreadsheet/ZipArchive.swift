import Foundation
import ZIPFoundation

/// Zip archives that are the same bytes for the same entries: a workbook's package, the downloads' archive.
public enum ZipArchive {
    /// A file of the archive: its path, its size, and its bytes, asked for in order, a range at a time, as they are
    /// compressed (so that they need not all be in memory at once).
    public struct Entry {
        public var path: String
        public var size: Int
        /// The `count` bytes at `offset`.
        public var bytes: (_ offset: Int, _ count: Int) throws -> Data

        public init(path: String, size: Int, bytes: @escaping (_ offset: Int, _ count: Int) throws -> Data) {
            self.path = path
            self.size = size
            self.bytes = bytes
        }

        /// A file whose bytes are `data`.
        public init(path: String, data: Data) {
            self.init(path: path, size: data.count) { offset, count in data.subdata(in: offset..<offset + count) }
        }
    }

    /// A zip archive of `entries`, deflated, in the order given, each dated 1980-01-01 00:00 (the DOS epoch: zip
    /// dates have no time zone, and a fixed one keeps the bytes the same from run to run).
    public static func data(_ entries: [(path: String, data: Data)]) throws -> Data {
        try data(entries.map { Entry(path: $0.path, data: $0.data) })
    }

    /// A zip archive of `entries`, as `data(_:)` makes it for the same bytes.
    public static func data(_ entries: [Entry]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let date = DateComponents(calendar: Calendar(identifier: .gregorian), year: 1980, month: 1, day: 1).date!
        for entry in entries {
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(entry.size), modificationDate: date,
                compressionMethod: .deflate, provider: { position, size in try entry.bytes(Int(position), size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
