/// Site-wide settings from `content/site.yaml`.
public struct SiteConfig: Sendable {
    public var title: LocalizedText
    public var tagline: LocalizedText?
    /// Language codes, in display order.
    public var languages: [String]
    public var defaultLanguage: String
    /// Absolute URL of the published site, ending in `/`.
    public var baseURL: String
    /// Shown next to data: what the figures are and are not.
    public var dataDisclaimer: LocalizedText?
    public var source: SourceAttribution
    /// Pages listed on the home page, in order.
    public var homePages: [Located<String>] = []
    /// Languages whose UI is translated but whose content may be missing (no warnings; pages show a notice),
    /// each with the language its missing texts are shown in.
    public var partialLanguageFallbacks: [String: String] = [:]
    /// The release of the data: stated on every data page and download, cited, and frozen by `lcity-site release`.
    public var release: Release?
    /// How the data are cited and licensed (nil: the site's title and the source's publisher, no licence stated).
    public var dataCitation: DataCitation?

    /// The partially translated languages.
    public var partialLanguages: [String] { languages.filter { partialLanguageFallbacks[$0] != nil } }

    /// The languages to show a missing text in, in order, for a page in `language`.
    public func fallbacks(for language: String) -> [String] {
        var order = [partialLanguageFallbacks[language], defaultLanguage].compactMap { $0 } + languages
        order.removeAll { $0 == language }
        var seen = Set<String>()
        return order.filter { seen.insert($0).inserted }
    }

    /// Languages every content text must have.
    public var requiredLanguages: [String] { languages.filter { !partialLanguages.contains($0) } }
}

/// A release of the data (`release: {version: "2026.1", date: 2026-11-30}` in `site.yaml`).
public struct Release: Sendable, Hashable {
    /// The version: letters, digits, `.`, `-` and `_`, starting with a letter or digit (it names a file).
    public var version: String
    /// The day of the release, YYYY-MM-DD (a real calendar date).
    public var date: String

    public init(version: String, date: String) {
        self.version = version
        self.date = date
    }

    /// Whether `version` may name a release (and its file `content/releases/<version>.csv`).
    public static func isValidVersion(_ version: String) -> Bool {
        version.range(of: #"^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$"#, options: .regularExpression) != nil
    }

    /// Release versions in order: numeric parts as numbers (`2026.9` before `2026.10`), other parts as text.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let left = a.split(whereSeparator: { ".-_".contains($0) }), right = b.split(whereSeparator: { ".-_".contains($0) })
        for (x, y) in zip(left, right) where x != y {
            if let m = Int(x), let n = Int(y) { return m < n }
            return x < y
        }
        return left.count != right.count ? left.count < right.count : a < b
    }
}

/// How the data (not the source document) are cited: `data: {title, publisher, licence, licence_url}` in `site.yaml`.
public struct DataCitation: Sendable {
    public var title: LocalizedText
    public var publisher: LocalizedText
    /// The licence's short name (`CC BY 4.0`) and its absolute http(s) URL.
    public var licence: String
    public var licenceURL: String
}

/// The source document and its licence, credited on every page.
public struct SourceAttribution: Sendable {
    public var title: LocalizedText
    public var publisher: LocalizedText
    public var year: Int
    public var licence: String
    public var licenceURL: String
    public var url: String?
}

/// A country: ISO code, names and UNESCO region.
public struct Country: Sendable {
    public var code: String
    public var name: LocalizedText
    public var region: String
}

/// A UNESCO region.
public struct Region: Sendable {
    public var id: String
    public var name: LocalizedText
}

/// Countries and regions from `content/countries.yaml`.
public struct Geography: Sendable {
    public var regions: [Region]
    public var countries: [String: Country]

    public func region(_ id: String) -> Region? { regions.first { $0.id == id } }
}

/// A Markdown page with front matter (`pages/<name>.<lang>.md`, `declaration/<lang>.md`).
public struct ContentPage: Sendable {
    /// Base name: `about`, `foreword`, `declaration`.
    public var name: String
    public var language: String
    public var title: String
    public var description: String
    /// The Markdown body.
    public var body: String
    /// Line of the body's first line in the file (for Markdown diagnostics).
    public var bodyLine: Int
    public var file: String
}

/// UI strings of one language, flat keys.
public struct Strings: Sendable {
    public var language: String
    public var values: [String: String]
    public var file: String
    public var locations: [String: SourceLocation]

    package init(language: String, values: [String: String], file: String, locations: [String: SourceLocation]) {
        self.language = language
        self.values = values
        self.file = file
        self.locations = locations
    }

    /// The string for `key` ("" if absent; validation makes sure none is).
    public subscript(key: String) -> String { values[key] ?? "" }
}

/// Everything read from `content/`, before cross-file validation.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var framework: Framework
    public var geography: Geography
    public var cities: [City]
    public var strings: [String: Strings]
    public var pages: [ContentPage]
    /// Every content file read, relative to the root.
    public var files: [String]
    /// The data of the release before this one (`content/releases/<version>.csv`, the newest version before
    /// `release.version`): what "what changed" compares with. Nil when there is none.
    public var previousRelease: ReleaseData?
    /// What did not load (only in content loaded for checking despite errors).
    public var failures = LoadFailures()
}
