import Foundation
import LCityContent
import LCityPages

/// A fuzzing target with what it reads inputs against — the site's content, loaded once — and the function that
/// takes one input through it. The fuzzer (`lcity-fuzz` built with `-sanitize=fuzzer`) and the replay build call
/// the same `run`.
public struct FuzzHarness: Sendable {
    /// Why a harness could not be made.
    public enum SetupError: Error, CustomStringConvertible {
        /// The site's content did not load cleanly: its diagnostics, formatted.
        case contentDidNotLoad(String)

        public var description: String {
            switch self {
            case .contentDidNotLoad(let report): "the site's content/ does not load without errors:\n\(report)"
            }
        }
    }

    /// The year validation takes as the current one, fixed so that an input gives the same diagnostics every year.
    public static let validationYear = 2026
    /// Where a fuzzed city file is said to be; its slug is borrowed from the city of the same name, if there is one.
    static let cityFile = "content/cities/fuzzed-city.yaml"
    /// Where a fuzzed page is said to be, read as a page and as the declaration.
    static let pageFile = "content/pages/fuzzed.en.md"
    /// Where a fuzzed release is said to be (a version before the shipped ones).
    static let releaseFile = "content/releases/2000.1.csv"

    public let target: FuzzTarget
    /// The site's content: the framework, countries and cities a fuzzed file is read against.
    let content: LoadedContent
    /// The current cities' data as a release, what a fuzzed release is compared with.
    let currentRelease: ReleaseData
    /// The framework's order of measures and categories, in which a release's changes are listed.
    let releaseOrder: (measures: [String: Int], categories: [String: [String: Int]])
    let validator = Validator(currentYear: FuzzHarness.validationYear)

    /// Loads the site at `root`, whose content must load without errors.
    public init(target: FuzzTarget, root: URL) throws(SetupError) {
        let loaded = ContentLoader(root: root).load()
        guard let content = loaded.value, loaded.diagnostics.errorCount == 0 else {
            throw .contentDidNotLoad(DiagnosticFormatter.text(loaded.diagnostics))
        }
        self.target = target
        self.content = content
        currentRelease = ReleaseData(version: content.config.release?.version ?? "", cities: content.cities)
        releaseOrder = ReleaseComparison.orders(content.framework)
    }

    /// Takes one input through the target.
    public func run(_ bytes: UnsafeRawBufferPointer) -> FuzzOutcome {
        let data = Data(bytes)
        switch target {
        case .cityYAML: return runCity(data)
        case .markdownPage: return runPage(data)
        case .releaseCSV: return runRelease(data)
        }
    }

    /// `run` on the bytes of `data`.
    public func run(_ data: Data) -> FuzzOutcome {
        data.withUnsafeBytes { run($0) }
    }

    // MARK: Targets

    /// As `check` reads one city file: the bytes decoded as every content file is, the city loaded as
    /// `ContentLoader` loads it, then validated as `serve` validates an edited city (the network's plausibility fences
    /// with this city in place of its namesake, revisions since the kept release).
    private func runCity(_ data: Data) -> FuzzOutcome {
        let file = Self.cityFile
        let sink = DiagnosticSink()
        var outcome = FuzzOutcome()
        guard let text = ContentFile.text(of: data, displayPath: file, sink: sink) else {
            return report(sink.diagnostics, text: nil, files: [file], into: outcome)
        }
        let config = content.config
        let loaded = ContentLoader.loadCity(
            text: text, relative: file, languages: config.languages, optionalLanguages: config.partialLanguages)
        var diagnostics = sink.diagnostics + loaded.diagnostics
        if let city = loaded.value {
            outcome.loaded = true
            diagnostics += validator.validate(city: asMember(city), in: content)
        }
        return report(diagnostics, text: text, files: [file], into: outcome)
    }

    /// The city under the slug of the site's city of the same name, so that a city file's edited copy is held
    /// against its own released values and takes its own place among the network's cities; unchanged otherwise.
    private func asMember(_ city: City) -> City {
        let language = content.config.defaultLanguage
        let name = city.name.text(in: language)
        guard let member = content.cities.first(where: { $0.name.text(in: language) == name }) else { return city }
        return City(
            slug: member.slug, file: city.file, name: city.name, pinyin: city.pinyin, illustrative: city.illustrative,
            country: city.country, region: city.region, population: city.population,
            populationYear: city.populationYear, coordinates: city.coordinates, joined: city.joined,
            website: city.website, description: city.description, series: city.series)
    }

    /// As the build reads a Markdown file, twice: as a page (front matter required) and as the declaration of the
    /// default language (front matter optional, its own heading anchors), each rendered to HTML; then the page
    /// rules with this declaration in place of the site's.
    private func runPage(_ data: Data) -> FuzzOutcome {
        let language = content.config.defaultLanguage
        let declarationFile = "content/declaration/\(language).md"
        let sink = DiagnosticSink()
        var outcome = FuzzOutcome()
        let files = [Self.pageFile, declarationFile]
        guard let text = ContentFile.text(of: data, displayPath: Self.pageFile, sink: sink) else {
            return report(sink.diagnostics, text: nil, files: files, into: outcome)
        }
        let page = ContentPage.parse(
            text, name: "fuzzed", language: language, file: Self.pageFile, requireTitle: true, sink: sink)
        let declaration = ContentPage.parse(
            text, name: "declaration", language: language, file: declarationFile, requireTitle: false, sink: sink)
        outcome.loaded = true
        outcome.outputBytes = SiteModel.renderMarkdown(of: page).html.utf8.count
            + SiteModel.renderMarkdown(of: declaration).html.utf8.count
        var site = content
        site.pages.removeAll { $0.name == "declaration" && $0.language == language }
        site.pages.append(declaration)
        validator.validatePages(site, sink: sink)
        return report(sink.diagnostics, text: text, files: files, into: outcome)
    }

    /// As `diff` and the changes page read a kept release: read, then compared with the current cities. (Writing it
    /// again as `release` does would take most of the time, in CSV.swift's writer, on values already parsed.)
    private func runRelease(_ data: Data) -> FuzzOutcome {
        let file = Self.releaseFile
        let sink = DiagnosticSink()
        var outcome = FuzzOutcome()
        guard let text = ContentFile.text(of: data, displayPath: file, sink: sink),
            let release = ReleaseData.read(text, version: "2000.1", file: file, sink: sink)
        else {
            return report(sink.diagnostics, text: nil, files: [file], into: outcome)
        }
        outcome.loaded = true
        // City by city on this thread, as `ReleaseComparison(from:to:framework:)` compares them on all cores: Dispatch's
        // worker threads allocate and free around every input, which makes libFuzzer look for leaks after each one
        // (a fourth of the speed).
        let slugs = Set(release.cities.keys).union(currentRelease.cities.keys).sorted()
        let changes = slugs.compactMap { slug in
            CityChanges.compare(
                release.cities[slug], currentRelease.cities[slug], measureOrder: releaseOrder.measures,
                categoryOrder: releaseOrder.categories)
        }
        outcome.changes = changes.reduce(0) { $0 + $1.changes.count }
        return report(sink.diagnostics, text: text, files: [file], into: outcome)
    }

    // MARK: Diagnostics

    /// The diagnostics counted and formatted as `check` prints them (consequences collapsed, sorted, with source
    /// excerpts from `text` for the fuzzed `files`) in every message language, and as GitHub annotations.
    private func report(_ diagnostics: [Diagnostic], text: String?, files: [String], into outcome: FuzzOutcome)
        -> FuzzOutcome
    {
        var outcome = outcome
        let shown = diagnostics.collapsingConsequences().sortedByLocation()
        outcome.errors = shown.errorCount
        outcome.warnings = shown.warningCount
        let lines = text?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        for language in MessageLanguage.allCases {
            let formatted = DiagnosticFormatter.textWithExcerpts(shown, language: language) { file, number in
                files.contains(file) && lines.indices.contains(number - 1) ? String(lines[number - 1]) : nil
            }
            outcome.reportBytes += formatted.utf8.count
        }
        outcome.reportBytes += DiagnosticFormatter.githubAnnotations(shown).utf8.count
        return outcome
    }
}
