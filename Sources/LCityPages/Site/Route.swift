import LCityContent
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
    /// A measure's page; page 2 and on hold the rest of its table of cities.
    case indicator(String, page: Int = 1)
    case cities
    case city(String)
    case regions
    case region(String, page: Int = 1)
    case country(String, page: Int = 1)
    /// Two to four cities side by side, chosen in the browser (`?cities=a,b`).
    case compare
    /// Search of the whole site (the script reads `?q=`); without JavaScript it links the lists instead.
    case search
    /// What changed in this release against the previous one; page 2 and on list the rest of the cities changed.
    case changes(page: Int = 1)
    /// The downloads, how to cite them, and the dataset's description.
    case data
    /// A Markdown page from `content/pages/<name>.<lang>.md`.
    case page(String)
}

/// A page of the built site: what it shows, in which language, and where it lives.
public struct Route: Sendable, Hashable {
    public var kind: PageKind
    /// nil for the language-neutral pages (the chooser and the root 404).
    public var language: String?

    /// Creates the route of `kind` in `language`.
    public init(_ kind: PageKind, language: String?) {
        self.kind = kind
        self.language = language
    }

    /// URL path below the site root, without a leading slash: `en/cities/lanjiang/`, `404.html`, ``. Made when
    /// asked: the incremental session compares whole route lists, which never need it.
    public var path: String { Route.path(kind, language: language) }

    /// The file written for the route: `index.html` inside directory paths.
    public var outputFile: String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// `../` once per directory level: prefix that turns a site path into a link relative to this page.
    public var relativeRoot: String {
        String(repeating: "../", count: path.split(separator: "/", omittingEmptySubsequences: true).count
            - (path.hasSuffix("/") || path.isEmpty ? 0 : 1))
    }

    /// The names a Markdown page (`content/pages/<name>.<lang>.md`, at `<lang>/<name>/`) may not take: the first
    /// folder of every generated kind of page below `<lang>/` (`404.html` is no slug). A test checks that every route of a built site is
    /// covered, so a new kind of page cannot be forgotten here.
    public static let reservedPageNames: Set<String> = {
        let generated: [PageKind] = [
            .declaration, .framework, .focusArea("x"), .indicators, .indicator("x"), .cities, .city("x"),
            .regions, .region("x"), .country("x"), .compare, .search, .changes(), .data,
        ]
        return Set(generated.compactMap { path($0, language: nil).split(separator: "/").first.map(String.init) })
    }()

    /// `page/N/` for the pages after the first.
    static func pageSuffix(_ page: Int) -> String {
        page > 1 ? "page/\(page)/" : ""
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
        case .indicators: return prefix + "measures/"
        case .indicator(let id, let page): return prefix + "measures/\(id)/" + pageSuffix(page)
        case .cities: return prefix + "cities/"
        case .city(let slug): return prefix + "cities/\(slug)/"
        case .regions: return prefix + "regions/"
        case .region(let id, let page): return prefix + "regions/\(id)/" + pageSuffix(page)
        case .country(let code, let page): return prefix + "countries/\(code.lowercased())/" + pageSuffix(page)
        case .compare: return prefix + "compare/"
        case .search: return prefix + "search/"
        case .changes(let page): return prefix + "changes/" + pageSuffix(page)
        case .data: return prefix + "data/"
        case .page(let name): return prefix + "\(name)/"
        }
    }
}

extension SiteModel {
    /// Every page of the model's site, in a fixed order (`SiteModel.routes` holds them).
    func makeRoutes() -> [Route] {
        var routes = [Route(.chooser, language: nil), Route(.notFound, language: nil)]
        let countries = citiesByCountry.keys.sorted()
        let pageNames = pages.keys.filter { $0 != "declaration" }.sorted()
        for language in languages {
            var kinds: [PageKind] = [
                .home, .notFound, .declaration, .framework, .indicators, .cities, .regions, .compare, .search,
            ]
            let changesPages = Paging.pageCount(releaseChanges?.cities.count ?? 0, perPage: Paging.changedCities)
            kinds += (1...changesPages).map { .changes(page: $0) } + [.data]
            kinds += framework.focusAreas.map { .focusArea($0.id) }
            for measure in framework.measures {
                let pages = Paging.pageCount(statistics[measure.id]?.values.count ?? 0, perPage: Paging.tableRows)
                kinds += (1...pages).map { .indicator(measure.id, page: $0) }
            }
            kinds += cities.map { .city($0.slug) }
            for region in content.geography.regions {
                let pages = Paging.pageCount(citiesByRegion[region.id]?.count ?? 0, perPage: Paging.listCities)
                kinds += (1...pages).map { .region(region.id, page: $0) }
            }
            for country in countries {
                let pages = Paging.pageCount(citiesByCountry[country]?.count ?? 0, perPage: Paging.listCities)
                kinds += (1...pages).map { .country(country, page: $0) }
            }
            kinds += pageNames.map { .page($0) }
            routes += kinds.map { Route($0, language: language) }
        }
        return routes
    }
}

/// How long lists are split into pages, so that pages stay readable and light for large networks.
public enum Paging {
    /// Cities per page in an indicator's table.
    public static let tableRows = 100
    /// Cities per page in region and country lists; above this the list of all cities shows countries only.
    public static let listCities = 200
    /// Names listed under "no data" before "and N more".
    public static let missingNames = 60
    /// Cities per changes page (each with at most `changedValues` rows), so that a release that changes every value
    /// of a large network still gives pages of a readable size; the CSV of every change has them all.
    public static let changedCities = 25
    /// Changed values listed per city on the changes pages (revised and withdrawn first) before "and N more".
    public static let changedValues = 10
    /// Cities named per measure in the changes page's table by measure before "and N more".
    public static let changedCitiesPerMeasure = 12

    /// Number of pages for `count` items (at least one).
    public static func pageCount(_ count: Int, perPage: Int) -> Int {
        max(1, (count + perPage - 1) / perPage)
    }

    /// The items of page `page` (1-based).
    public static func slice<T>(_ items: [T], page: Int, perPage: Int) -> ArraySlice<T> {
        let start = min(items.count, (page - 1) * perPage)
        return items[start..<min(items.count, start + perPage)]
    }
}
