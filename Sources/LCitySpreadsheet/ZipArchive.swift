import Foundation
import ZIPFoundation

/// Zip archives that are the same bytes for the same entries: a workbook's package, the downloads' archive.
public enum ZipArchive {
    /// A zip archive of `entries`, deflated, in the order given, each dated 1980-01-01 00:00 (the DOS epoch: zip
    /// dates have no time zone, and a fixed one keeps the bytes the same from run to run).
    public static func data(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let date = DateComponents(calendar: Calendar(identifier: .gregorian), year: 1980, month: 1, day: 1).date!
        for entry in entries {
            let bytes = entry.data
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
