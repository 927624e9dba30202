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
    /// The edition of the data ("2025.2") and the day it was fixed (YYYY-MM-DD), printed on profiles and in citations.
    public var dataVersion: String?
    public var dataDate: String?

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
    /// What did not load (only in content loaded for checking despite errors).
    public var failures = LoadFailures()
}
