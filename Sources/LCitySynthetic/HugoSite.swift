import Foundation
import LCityContent

/// A synthetic network written as a small Hugo site, in English only: the fixed yardstick that
/// `scripts/compare-hugo` builds beside lcity-site (docs/performance.md).
///
/// Written the way a Hugo user would write it, for Hugo 0.111: each city's values in `data/cities/<slug>.json` and a
/// page `content/cities/<slug>.md` naming it; the framework (measures, units, breakdowns, flags, the rating scale)
/// in `data/framework.json`; a page `content/measures/<id>.md` per measure; templates in `layouts/` (`baseof`,
/// `single`, `list`, a template per section, partials for the head, header, footer and an observation's values).
/// Pages: one per city (every measure with its years, categories, values, units, flags and sources), one per
/// measure (every city reporting it with its latest values), the home page, the two section lists and 404.
/// Deterministic: the same content gives byte-identical files.
public struct HugoSite: Sendable {
    let content: LoadedContent
    /// The only language written.
    static let language = "en"

    /// A Hugo site of the cities of `content`.
    public init(content: LoadedContent) {
        self.content = content
    }

    /// Writes the site into `root`, which must not exist.
    public func write(to root: URL) throws {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: root.path) else {
            throw SyntheticNetworkError(message: "\(root.path) exists")
        }
        var files: [(String, Data)] = [
            ("hugo.toml", Data(configuration.utf8)),
            ("data/framework.json", try Self.json(framework)),
            ("content/_index.md", Data(frontMatter(title: title, body: Self.homeText).utf8)),
            ("content/cities/_index.md", Data(frontMatter(title: "Cities", body: "").utf8)),
            ("content/measures/_index.md", Data(frontMatter(title: "Measures", body: "").utf8)),
            ("static/css/style.css", Data(Self.stylesheet.utf8)),
        ]
        files += Self.layouts.map { ("layouts/\($0.0)", Data($0.1.utf8)) }
        let geography = content.geography
        for city in content.cities {
            let country = geography.countries[city.country.value]?.name.text(in: Self.language) ?? city.country.value
            let region = geography.region(city.region.value)?.name.text(in: Self.language) ?? city.region.value
            let name = city.name.text(in: Self.language)
            let page = frontMatter(
                title: name, fields: [("city", city.slug), ("country", country), ("region", region)],
                body: city.description?.text(in: Self.language) ?? "")
            files.append(("content/cities/\(city.slug).md", Data(page.utf8)))
            files.append(("data/cities/\(city.slug).json", try Self.json(data(of: city, country: country, region: region))))
        }
        for (position, measure) in content.framework.measures.enumerated() {
            let page = frontMatter(
                title: measure.name.text(in: Self.language), fields: [("measure", measure.id)], weight: position + 1,
                body: measure.definition.text(in: Self.language))
            files.append(("content/measures/\(measure.id).md", Data(page.utf8)))
        }
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    var title: String { content.config.title.text(in: Self.language) }

    static let homeText = "Synthetic cities of the Learning Cities network and the measures of the Key Features of Learning Cities."

    var configuration: String {
        """
        # The synthetic network of lcity-synth as a Hugo site: the yardstick of scripts/compare-hugo.
        baseURL = \(Self.quoted(content.config.baseURL))
        title = \(Self.quoted(title))
        languageCode = "en"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap"]

        """
    }

    /// A page's YAML front matter (strings quoted as JSON, which YAML reads) and Markdown body.
    func frontMatter(title: String, fields: [(String, String)] = [], weight: Int? = nil, body: String) -> String {
        var lines = ["---", "title: \(Self.quoted(title))"]
        lines += fields.map { "\($0.0): \(Self.quoted($0.1))" }
        if let weight { lines.append("weight: \(weight)") }
        lines += ["---", body]
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    // MARK: Data files

    /// `data/framework.json`.
    struct FrameworkData: Encodable {
        var measures: [MeasureData]
        var units: [String: UnitData]
        var breakdowns: [String: BreakdownData]
        var flags: [String: String]
        /// Rating names by value ("4": "Very good").
        var rating: [String: String]
    }

    struct MeasureData: Encodable {
        var id: String
        var name: String
        var unit: String
        var breakdown: String?
        var source: String
        var area: String
    }

    struct UnitData: Encodable {
        var name: String
        var symbol: String?
        var decimals: Int
        var rating: Bool
    }

    struct BreakdownData: Encodable {
        var name: String
        /// In the framework's order.
        var categories: [CategoryData]
    }

    struct CategoryData: Encodable {
        var id: String
        var name: String
    }

    /// `data/cities/<slug>.json`.
    struct CityData: Encodable {
        var name: String
        var country: String
        var region: String
        var population: Int?
        var joined: Int?
        /// Each reported measure's observations, in year order.
        var observations: [String: [ObservationData]]
    }

    /// As in the city file: `value`, or `values` by category; neither where not available.
    struct ObservationData: Encodable {
        var year: Int
        var value: Double?
        var values: [String: Double]?
        var flag: String?
        var source: String?
        var note: String?
    }

    var framework: FrameworkData {
        let framework = content.framework
        let language = Self.language
        var areas: [String: String] = [:]
        for area in framework.focusAreas {
            for feature in area.keyFeatures {
                for measure in feature.measures { areas[measure.id] = area.name.text(in: language) }
            }
        }
        return FrameworkData(
            measures: framework.measures.map {
                MeasureData(
                    id: $0.id, name: $0.name.text(in: language), unit: $0.unitID, breakdown: $0.breakdownID,
                    source: $0.source.rawValue, area: areas[$0.id] ?? "")
            },
            units: Dictionary(
                framework.units.map { unit in
                    let symbol = unit.symbol?.text(in: language)
                    return (
                        unit.id,
                        UnitData(
                            name: unit.name.text(in: language), symbol: symbol?.isEmpty == false ? symbol : nil,
                            decimals: unit.decimals, rating: unit.kind == .rating)
                    )
                }, uniquingKeysWith: { a, _ in a }),
            breakdowns: Dictionary(
                framework.breakdowns.map { breakdown in
                    (
                        breakdown.id,
                        BreakdownData(
                            name: breakdown.name.text(in: language),
                            categories: breakdown.categories.map { CategoryData(id: $0.id, name: $0.name.text(in: language)) })
                    )
                }, uniquingKeysWith: { a, _ in a }),
            flags: Dictionary(ObservationFlag.allCases.map { ($0.rawValue, Self.label($0)) }, uniquingKeysWith: { a, _ in a }),
            rating: Dictionary(
                framework.ratingScale.map { (String($0.value), $0.name.text(in: language)) }, uniquingKeysWith: { a, _ in a }))
    }

    static func label(_ flag: ObservationFlag) -> String {
        switch flag {
        case .estimated: "Estimated"
        case .provisional: "Provisional"
        case .break: "Break in series"
        case .lowReliability: "Low reliability"
        }
    }

    func data(of city: City, country: String, region: String) -> CityData {
        var observations: [String: [ObservationData]] = [:]
        for series in city.series {
            observations[series.measureID.value] = series.observations.sorted { $0.year.value < $1.year.value }.map { observation in
                var data = ObservationData(
                    year: observation.year.value, flag: observation.flag?.value.rawValue,
                    source: observation.source?.text(in: Self.language), note: observation.note?.text(in: Self.language))
                switch observation.value {
                case .single(let value): data.value = value.value
                case .breakdown(let entries):
                    data.values = Dictionary(entries.map { ($0.category.value, $0.value.value) }, uniquingKeysWith: { a, _ in a })
                case .notAvailable: break
                }
                return data
            }
        }
        return CityData(
            name: city.name.text(in: Self.language), country: country, region: region, population: city.population?.value,
            joined: city.joined?.value, observations: observations)
    }

    // MARK: Templates

    static let layouts: [(String, String)] = [
        (
            "_default/baseof.html",
            #"""
            <!DOCTYPE html>
            <html lang="{{ site.LanguageCode }}">
            {{ partial "head.html" . }}
            <body>
            {{ partial "header.html" . }}
            <main>
            {{ block "main" . }}{{ end }}
            </main>
            {{ partial "footer.html" . }}
            </body>
            </html>

            """#
        ),
        (
            "_default/single.html",
            #"""
            {{ define "main" }}
            <h1>{{ .Title }}</h1>
            {{ .Content }}
            {{ end }}

            """#
        ),
        (
            "_default/list.html",
            #"""
            {{ define "main" }}
            <h1>{{ .Title }}</h1>
            {{ .Content }}
            {{ if .IsHome }}
            <ul>
              {{ range site.Sections }}
              <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>
              {{ end }}
            </ul>
            {{ else }}
            <table>
              <thead><tr><th>Name</th><th>Details</th></tr></thead>
              <tbody>
                {{ range .Pages }}
                <tr>
                  <td><a href="{{ .RelPermalink }}">{{ with .Params.measure }}{{ . }} {{ end }}{{ .Title }}</a></td>
                  <td>{{ with .Params.country }}{{ . }}{{ end }}{{ with .Params.region }}, {{ . }}{{ end }}</td>
                </tr>
                {{ end }}
              </tbody>
            </table>
            {{ end }}
            {{ end }}

            """#
        ),
        (
            "cities/single.html",
            #"""
            {{ define "main" }}
            {{ $city := index site.Data.cities .Params.city }}
            {{ $framework := site.Data.framework }}
            <h1>{{ .Title }}</h1>
            <p>{{ $city.country }} · {{ $city.region }}{{ with $city.population }} · population {{ lang.FormatNumber 0 . }}{{ end }}{{ with $city.joined }} · member since {{ . }}{{ end }}</p>
            {{ .Content }}
            <table>
              <thead><tr><th>Measure</th><th>Year</th><th>Value</th><th>Flag</th><th>Source</th></tr></thead>
              <tbody>
                {{ range $framework.measures }}
                {{ $measure := . }}
                {{ with index $city.observations .id }}
                {{ $unit := index $framework.units $measure.unit }}
                {{ $breakdown := index $framework.breakdowns (default "" $measure.breakdown) }}
                {{ range . }}
                <tr>
                  <td><a href="{{ printf "/measures/%s/" $measure.id | relURL }}">{{ $measure.id }} {{ $measure.name }}</a></td>
                  <td>{{ .year }}</td>
                  <td>{{ partial "values.html" (dict "observation" . "unit" $unit "breakdown" $breakdown) }}</td>
                  <td>{{ with .flag }}{{ index $framework.flags . }}{{ end }}</td>
                  <td>{{ .source }}</td>
                </tr>
                {{ end }}
                {{ end }}
                {{ end }}
              </tbody>
            </table>
            {{ end }}

            """#
        ),
        (
            "measures/single.html",
            #"""
            {{ define "main" }}
            {{ $id := .Params.measure }}
            {{ $framework := site.Data.framework }}
            {{ $measure := index (where $framework.measures "id" $id) 0 }}
            {{ $unit := index $framework.units $measure.unit }}
            {{ $breakdown := index $framework.breakdowns (default "" $measure.breakdown) }}
            <h1>{{ $id }} {{ .Title }}</h1>
            <p>{{ $measure.area }} · unit: {{ $unit.name }} · source: {{ $measure.source }}{{ with $breakdown }} · by {{ lower .name }}{{ end }}</p>
            {{ .Content }}
            <table>
              <thead><tr><th>City</th><th>Country</th><th>Year</th><th>Latest value</th><th>Flag</th></tr></thead>
              <tbody>
                {{ range $slug, $city := site.Data.cities }}
                {{ with index $city.observations $id }}
                {{ $latest := index . (sub (len .) 1) }}
                <tr>
                  <td><a href="{{ printf "/cities/%s/" $slug | relURL }}">{{ $city.name }}</a></td>
                  <td>{{ $city.country }}</td>
                  <td>{{ $latest.year }}</td>
                  <td>{{ partial "values.html" (dict "observation" $latest "unit" $unit "breakdown" $breakdown) }}</td>
                  <td>{{ with $latest.flag }}{{ index $framework.flags . }}{{ end }}</td>
                </tr>
                {{ end }}
                {{ end }}
              </tbody>
            </table>
            {{ end }}

            """#
        ),
        (
            "404.html",
            #"""
            {{ define "main" }}
            <h1>Page not found</h1>
            <p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
            {{ end }}

            """#
        ),
        (
            "partials/head.html",
            #"""
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
              <link rel="stylesheet" href="{{ "css/style.css" | relURL }}">
            </head>

            """#
        ),
        (
            "partials/header.html",
            #"""
            <header>
              <nav>
                <a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
                {{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}
              </nav>
            </header>

            """#
        ),
        (
            "partials/footer.html",
            #"""
            <footer>
              <p>Synthetic data for benchmarks. {{ site.Title }}.</p>
            </footer>

            """#
        ),
        (
            // An observation's value(s), formatted in its unit: inline, as a partial per value made Hugo's build
            // about a third slower.
            "partials/values.html",
            #"""
            {{- $observation := .observation -}}
            {{- $unit := .unit -}}
            {{- if isset $observation "values" -}}
            {{- range $index, $category := .breakdown.categories -}}
            {{- if isset $observation.values $category.id -}}
            {{ if $index }}; {{ end }}{{ $category.name }}: {{ lang.FormatNumber $unit.decimals (index $observation.values $category.id) }}{{ with $unit.symbol }} {{ . }}{{ end }}
            {{- end -}}
            {{- end -}}
            {{- else if isset $observation "value" -}}
            {{- if $unit.rating -}}
            {{ $observation.value }} – {{ index site.Data.framework.rating (string $observation.value) }}
            {{- else -}}
            {{ lang.FormatNumber $unit.decimals $observation.value }}{{ with $unit.symbol }} {{ . }}{{ end }}
            {{- end -}}
            {{- else -}}
            not available{{ with $observation.note }} ({{ . }}){{ end }}
            {{- end -}}

            """#
        ),
    ]

    static let stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 0 1rem; }
        nav a { margin-right: 1rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }

        """
}
