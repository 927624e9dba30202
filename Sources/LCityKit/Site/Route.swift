/// Every kind of page the site has.
public enum PageKind: Sendable, Hashable {
    /// `/`: choose a language.
    case chooser
    /// `404.html` (site root, language nil) and `<lang>/404.html`.
    case notFound
    case home
    case declaration
    case framework
    case focusArea(String)
    case indicators
    case indicator(String)
    case cities
    case city(String)
    case regions
    case region(String)
    case country(String)
    /// A Markdown page from `content/pages/<name>.<lang>.md`.
    case page(String)
}

/// A page of the built site: what it shows, in which language, and where it lives.
public struct Route: Sendable, Hashable {
    public var kind: PageKind
    /// nil for the language-neutral pages (the chooser and the root 404).
    public var language: String?
    /// URL path below the site root, without a leading slash: `en/cities/lanjiang/`, `404.html`, ``.
    public var path: String

    /// Creates the route of `kind` in `language`.
    public init(_ kind: PageKind, language: String?) {
        self.kind = kind
        self.language = language
        self.path = Route.path(kind, language: language)
    }

    /// The file written for the route: `index.html` inside directory paths.
    public var outputFile: String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// `../` once per directory level: prefix that turns a site path into a link relative to this page.
    public var relativeRoot: String {
        String(repeating: "../", count: path.split(separator: "/", omittingEmptySubsequences: true).count
            - (path.hasSuffix("/") || path.isEmpty ? 0 : 1))
    }

    /// The URL scheme, documented in README ("URL scheme").
    public static func path(_ kind: PageKind, language: String?) -> String {
        let prefix = language.map { "\($0)/" } ?? ""
        switch kind {
        case .chooser: return ""
        case .notFound: return prefix + "404.html"
        case .home: return prefix
        case .declaration: return prefix + "declaration/"
        case .framework: return prefix + "framework/"
        case .focusArea(let id): return prefix + "focus-areas/\(id)/"
        case .indicators: return prefix + "indicators/"
        case .indicator(let id): return prefix + "indicators/\(id)/"
        case .cities: return prefix + "cities/"
        case .city(let slug): return prefix + "cities/\(slug)/"
        case .regions: return prefix + "regions/"
        case .region(let id): return prefix + "regions/\(id)/"
        case .country(let code): return prefix + "countries/\(code.lowercased())/"
        case .page(let name): return prefix + "\(name)/"
        }
    }
}

extension SiteModel {
    /// Every page of the site, in a fixed order.
    public var routes: [Route] {
        var routes = [Route(.chooser, language: nil), Route(.notFound, language: nil)]
        let countries = Set(cities.map(\.country.value)).sorted()
        let pageNames = pages.keys.filter { $0 != "declaration" }.sorted()
        for language in languages {
            var kinds: [PageKind] = [.home, .notFound, .declaration, .framework, .indicators, .cities, .regions]
            kinds += framework.focusAreas.map { .focusArea($0.id) }
            kinds += framework.measures.map { .indicator($0.id) }
            kinds += cities.map { .city($0.slug) }
            kinds += content.geography.regions.map { .region($0.id) }
            kinds += countries.map { .country($0) }
            kinds += pageNames.map { .page($0) }
            routes += kinds.map { Route($0, language: language) }
        }
        return routes
    }
}
