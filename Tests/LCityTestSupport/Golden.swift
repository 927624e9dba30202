import Foundation

/// Whether golden and expected-diagnostics files are being re-recorded (`LCITY_RECORD=1 swift test`).
public let recording = ProcessInfo.processInfo.environment["LCITY_RECORD"] == "1"

/// A file of expected output next to the tests, compared byte for byte and re-recorded on request.
public enum Golden {
    /// Compares `actual` with the file at `url`, or writes it there when recording. Returns a description of the
    /// difference (a missing file is one), nil when they are equal.
    public static func difference(_ actual: Data, file url: URL) throws -> String? {
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return nil
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            return "\(url.lastPathComponent) does not exist; record it with LCITY_RECORD=1"
        }
        let expected = try Data(contentsOf: url)
        guard expected != actual else { return nil }
        let offset = zip(expected, actual).prefix { $0 == $1 }.count
        return "\(url.lastPathComponent) differs from byte \(offset) on (\(actual.count) bytes, expected \(expected.count));"
            + " re-record with LCITY_RECORD=1 if intended"
    }

    /// `difference(_:file:)` for text.
    public static func difference(_ actual: String, file url: URL) throws -> String? {
        try difference(Data(actual.utf8), file: url)
    }
}

/// A new empty folder below the system's temporary folder.
public func temporaryFolder(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
