import LCityContent

/// The address `serve` listens on (`--host`), and who can reach the preview there.
public struct ListenAddress: Sendable, Equatable {
    /// The address as given: an IP address literal (`127.0.0.1`, `::1`, `0.0.0.0`, `::`) or a name.
    public let host: String

    public init(_ host: String) {
        self.host = host
    }

    /// The address without IPv6 brackets, if it was given with them.
    private var bareHost: String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// Whether only this machine can connect: `localhost`, 127.0.0.0/8 or `::1` (also as `::ffff:127.x.y.z`).
    /// Any other name counts as reachable from the network, since it may resolve to any address.
    public var isLoopback: Bool {
        guard let bytes = IPAddress.bytes(bareHost) else { return HostAllowList.hostName(host) == "localhost" }
        if bytes.count == 4 { return bytes[0] == 127 }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff && bytes[12] == 127
    }

    /// Whether the address is every interface of the machine: `0.0.0.0` or `::`.
    public var isEveryInterface: Bool {
        IPAddress.bytes(bareHost)?.allSatisfy { $0 == 0 } ?? false
    }

    /// The preview's address to open in a browser: the listening address (IPv6 in brackets), or this machine's
    /// loopback address of the same family when listening on every interface.
    public func url(port: Int) -> String {
        let bytes = IPAddress.bytes(bareHost)
        let shown: String
        switch bytes?.count {
        case 4: shown = isEveryInterface ? "127.0.0.1" : bareHost
        case 16: shown = isEveryInterface ? "[::1]" : "[\(bareHost)]"
        default: shown = host
        }
        return "http://\(shown):\(port)/"
    }

    /// The warning `serve` prints at start when other machines can reach the preview, nil on a loopback address.
    public var exposureWarning: Message? {
        isLoopback ? nil : .previewReachableFromNetwork(host: host)
    }

    /// The line printed after the preview's address when it listens on every interface, nil otherwise.
    public func everyInterfaceNote(port: Int) -> Message? {
        isEveryInterface ? .listeningOnEveryInterface(host: host, port: port) : nil
    }
}
