import Foundation
import LCityContent
import LCityPages

/// Checks every internal link and `#fragment` of a rendered site, in memory.
///
/// Generated HTML quotes every attribute with `"`, so a scan for `href="…"`, `src="…"` and `id="…"` is exact here.
public struct LinkChecker: Sendable {
    public let site: RenderedSite
    /// The URL path the site is served under (`/` or `/sub/`), for host-absolute links.
    public let basePath: String

    public init(site: RenderedSite) {
        self.site = site
        self.basePath = site.basePath.hasSuffix("/") ? site.basePath : site.basePath + "/"
    }

    /// One broken link: the page it is on, the link as written, and what is wrong.
    public struct BrokenLink: Sendable, Hashable, CustomStringConvertible {
        public var page: String
        public var link: String
        public var problem: Message
        public var description: String { "\(page): \(Message.brokenLink(link, problem).en)" }
    }

    /// Totals of a check.
    public struct Summary: Sendable {
        public var pages = 0
        public var links = 0
        public var broken: [BrokenLink] = []
    }

    /// Checks every page.
    public func check() -> Summary {
        let pages = site.pages
        let idLists = parallelMap(pages) { Set(Self.attributeValues("id", in: site.files[$0]!)) }
        let ids = Dictionary(uniqueKeysWithValues: zip(pages, idLists))
        let results = parallelMap(pages) { page -> (Int, [BrokenLink]) in
            let html = site.files[page]!
            var broken: [BrokenLink] = []
            let links = Self.attributeValues("href", in: html) + Self.attributeValues("src", in: html)
            var count = 0
            for link in links where Self.isInternal(link) {
                count += 1
                if let problem = problem(with: link, on: page, ids: ids) {
                    broken.append(BrokenLink(page: page, link: link, problem: problem))
                }
            }
            return (count, broken)
        }
        var summary = Summary(pages: pages.count)
        for (count, broken) in results {
            summary.links += count
            summary.broken += broken
        }
        return summary
    }

    static func isInternal(_ link: String) -> Bool {
        !(link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") || link.hasPrefix("//")
            || link.hasPrefix("data:") || link.hasPrefix("tel:"))
    }

    private func problem(with link: String, on page: String, ids: [String: Set<String>]) -> Message? {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        // A query is read by the page's script (the comparison's `?cities=a,b`): the file is the path before it, and
        // every city it names must have a profile.
        let pathAndQuery = parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(pathAndQuery[0])
        if pathAndQuery.count > 1, let cities = pathAndQuery[1].split(separator: "&").first(where: { $0.hasPrefix("cities=") }) {
            let language = page.split(separator: "/").first.map(String.init) ?? ""
            for slug in cities.dropFirst("cities=".count).split(separator: ",") where site.files["\(language)/cities/\(slug)/index.html"] == nil {
                return .comparisonNamesNoProfile(String(slug))
            }
        }
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        var target = page
        if !pathPart.isEmpty {
            var relative = pathPart
            if pathPart.hasPrefix("/") {
                guard pathPart.hasPrefix(basePath) else { return .leadsOutsideSiteBase(basePath) }
                relative = "/" + pathPart.dropFirst(basePath.count)
            }
            guard let resolved = Self.resolve(relative, from: page) else { return .leadsOutsideSite }
            if resolved.isEmpty || resolved.hasSuffix("/") {
                target = resolved + "index.html"
            } else if site.files[resolved] != nil {
                target = resolved
            } else if site.files[resolved + "/index.html"] != nil {
                target = resolved + "/index.html"
            } else {
                return .noFile(resolved)
            }
            guard site.files[target] != nil else { return .noFile(target) }
        }
        if let fragment, !fragment.isEmpty {
            let decoded = fragment.removingPercentEncoding ?? fragment
            guard let targetIDs = ids[target] else { return .fragmentIntoNonPage(fragment) }
            if !targetIDs.contains(decoded) { return .noElementWithID(target, decoded) }
        }
        return nil
    }

    /// `link` resolved against the folder of `page`; nil when it climbs above the root.
    static func resolve(_ link: String, from page: String) -> String? {
        var segments = link.hasPrefix("/") ? [] : page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let trailingSlash = link.hasSuffix("/")
        for segment in link.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(String(segment).removingPercentEncoding ?? String(segment))
            }
        }
        let joined = segments.joined(separator: "/")
        return trailingSlash && !joined.isEmpty ? joined + "/" : joined
    }

    /// Every value of `name="…"` in `html`.
    static func attributeValues(_ name: String, in data: Data) -> [String] {
        let bytes = [UInt8](data)
        let needle = Array(" \(name)=\"".utf8)
        var values: [String] = []
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                let start = index + needle.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                let raw = String(decoding: bytes[start..<end], as: UTF8.self)
                values.append(raw.replacingOccurrences(of: "&amp;", with: "&"))
                index = end
            } else {
                index += 1
            }
        }
        return values
    }
}
