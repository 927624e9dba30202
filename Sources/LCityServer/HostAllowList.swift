import Foundation

/// The names a request's `Host` header may carry, so that a page of another site cannot read the preview through
/// DNS rebinding (its name made to resolve to 127.0.0.1): `localhost` and any `*.localhost` name, any IP address
/// literal (a rebinding needs a DNS name), the address `serve` listens on, and the names given with `--allowed-host`.
///
/// Names are compared without case, port, trailing dot or the spaces and tabs around them. A missing, empty or
/// malformed `Host` header is refused.
public struct HostAllowList: Sendable, Equatable {
    /// The names allowed besides `localhost`, `*.localhost` and IP literals: lowercased, without a trailing dot.
    public let extraNames: Set<String>

    /// The allow-list of a server listening on `listenHost` (`--host`) that also answers to `allowedHosts`
    /// (`--allowed-host`); names that are not host names (see `hostName(_:)`) are left out.
    public init(listenHost: String, allowedHosts: [String] = []) {
        var names = Set(allowedHosts.compactMap(Self.hostName))
        if IPAddress.bytes(listenHost) == nil, let name = Self.hostName(listenHost) { names.insert(name) }
        extraNames = names
    }

    /// Whether a request with this `Host` header (`name`, `name:port`, `1.2.3.4:port`, `[::1]:port`) is answered.
    public func allows(_ hostHeader: String?) -> Bool {
        guard let hostHeader, let host = Self.hostName(hostHeader) else { return false }
        if IPAddress.bytes(host) != nil { return true }
        return host == "localhost" || host.hasSuffix(".localhost") || extraNames.contains(host)
    }

    /// The host of a `Host` header or of a name given on the command line, lowercased, without port, brackets or
    /// trailing dot (`App.Localhost.:8080` → `app.localhost`, `[::1]:80` → `::1`); nil when it is empty or
    /// malformed: a bracketed part that is no IPv6 address, a port that is not a number, characters no host name has.
    public static func hostName(_ authority: String) -> String? {
        let text = trimmingSpaces(authority).lowercased()
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let address = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard IPAddress.bytes(address)?.count == 16, rest.isEmpty || (rest.first == ":" && isPort(rest.dropFirst()))
            else { return nil }
            return address
        }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 1 || isPort(parts[1]) else { return nil }
        var name = parts[0]
        if name.hasSuffix(".") { name = name.dropLast() }
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(isHostNameCharacter) else { return nil }
        return String(name)
    }

    /// `text` without the spaces and tabs around it (HTTP's whitespace; any other character is no host name's, and
    /// makes the name malformed).
    private static func trimmingSpaces(_ text: String) -> Substring {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return Substring(bytes[first...last])
    }

    /// The digits of a port after its `:` (none is allowed, as in RFC 3986).
    private static func isPort(_ digits: Substring) -> Bool {
        digits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Letters, digits, `-`, `_` and `.` (a lowercased name; international names arrive as `xn--` Punycode).
    private static func isHostNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
    }
}

/// IP address literals as the C library reads them: IPv4 in dotted decimal only, IPv6 without brackets.
enum IPAddress {
    /// The address's bytes (4 for IPv4, 16 for IPv6), or nil when `text` is no IP address literal.
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
