import Logging

/// Hummingbird's own warnings and errors, on stderr as swift-log's `StreamLogHandler` writes them.
///
/// Hummingbird gives every request a logger of its own (with the request's id in its metadata). `StreamLogHandler`
/// formats its metadata whenever it is set, so at every request, although the preview logs nothing below warnings:
/// this handler only keeps the metadata, and has it formatted when a line is written.
struct ServerLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .warning

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var stream = StreamLogHandler.standardError(label: label)
        stream.logLevel = logLevel
        stream.metadata = metadata
        stream.log(event: event)
    }
}
