import Foundation
import LCityContent
import LCityPages

/// A site kept in memory between edits, rebuilt as little as a change requires. `serve` and the incremental
/// benchmark use it; `build` does not (it streams to disk).
///
/// Not `Sendable`: one owner calls `rebuildAll` and `rebuild(changed:)` one at a time and reads `files` between
/// rebuilds (`serve` keeps it inside an actor).
public final class SiteSession {
    /// What one rebuild did.
    public struct Report: Sendable {
        public enum Kind: String, Sendable {
            case full, pages, incremental, failed
        }
        public var kind: Kind
        /// Pages rendered by this rebuild.
        public var pagesRendered: Int
        /// Output paths whose bytes changed (or appeared or vanished).
        public var changedPaths: [String]
        public var seconds: Double
        /// Every diagnostic of the current content (not only of the changed files).
        public var diagnostics: [Diagnostic]
    }

    public let root: URL
    public let options: Pipeline.BuildOptions
    /// The current site; after a failed rebuild, the last good one.
    public private(set) var files: [String: Data] = [:]
    /// The current problems; errors mean `files` is out of date.
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var model: SiteModel?
    private var templates: TemplateSet?
    /// The renderers of `templates` with the current UI strings, kept for edits of city files.
    private var fragments: Fragments?
    /// What the pages' views derive once from `model` (labels, measures' texts), kept for edits of city files.
    private var builder: PageBuilder?
    /// Whether the workbook and the zip archive of the downloads (`DataBundle`) are missing from `files` because an
    /// edit changed the data since they were made: `completeBundles()` makes them.
    public private(set) var bundlesPending = false

    public init(root: URL, options: Pipeline.BuildOptions = .init()) {
        self.root = root
        self.options = options
    }

    /// Loads, validates and renders everything.
    @discardableResult
    public func rebuildAll() -> Report {
        let clock = ContinuousClock.now
        var report = BuildReport(diagnostics: [])
        guard let (model, templates) = Pipeline.prepare(root: root, options: options, report: &report) else {
            return failed(report.diagnostics, since: clock)
        }
        return renderEverything(model: model, templates: templates, kind: .full, earlier: report.diagnostics, since: clock)
    }

    /// Renders every page, download and asset in memory and makes them the current site.
    private func renderEverything(
        model: SiteModel, templates: TemplateSet, kind: Report.Kind, earlier: [Diagnostic],
        since clock: ContinuousClock.Instant
    ) -> Report {
        let renderer = SiteRenderer(model: model, templates: templates)
        let rendered = renderer.render()
        let all = (earlier + rendered.diagnostics).sortedByLocation()
        guard let site = rendered.value, all.errorCount == 0 else { return failed(all, since: clock) }
        let changed = Self.difference(files, site.files)
        files = site.files
        bundlesPending = false
        self.model = model
        self.templates = templates
        fragments = renderer.fragments
        builder = renderer.builder
        diagnostics = all
        return Report(
            kind: kind, pagesRendered: site.pageCount, changedPaths: changed, seconds: clock.duration(to: .now).seconds,
            diagnostics: all)
    }

    /// Rebuilds after `paths` (relative to the root: `content/cities/x.yaml`, `templates/pages/city.mustache`) changed.
    /// An edited city file re-renders only what shows that city's values; templates re-render every page from the
    /// current model; anything else (framework, strings, pages, site settings, added or removed cities) rebuilds all.
    @discardableResult
    public func rebuild(changed paths: [String]) -> Report {
        // The last good model can take an incremental step if the only errors are in the files that changed.
        let errorsElsewhere = diagnostics.contains { $0.severity == .error && !paths.contains($0.location.file) }
        guard let model, let templates, let builder, !errorsElsewhere else { return rebuildAll() }
        let change = SiteChange(paths) { path in
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        }
        switch change {
        case .city(let path, let slug) where model.city(slug) != nil:
            return rebuildCity(path, model: model, templates: templates, builder: builder)
        case .templates:
            return rebuildTemplates(model: model)
        case .city, .everything:
            return rebuildAll()
        }
    }

    private func failed(_ all: [Diagnostic], since clock: ContinuousClock.Instant) -> Report {
        diagnostics = all
        return Report(kind: .failed, pagesRendered: 0, changedPaths: [], seconds: clock.duration(to: .now).seconds, diagnostics: all)
    }

    /// Templates (or assets) changed: reload them and re-render every page and asset from the unchanged model.
    private func rebuildTemplates(model: SiteModel) -> Report {
        let clock = ContinuousClock.now
        let loaded = TemplateSet.load(root: root)
        guard let templates = loaded.value, loaded.diagnostics.errorCount == 0 else {
            return failed(loaded.diagnostics, since: clock)
        }
        return renderEverything(model: model, templates: templates, kind: .pages, earlier: [], since: clock)
    }

    /// One city file changed: reload and check it alone, then re-render the pages that show its values.
    private func rebuildCity(_ path: String, model: SiteModel, templates: TemplateSet, builder: PageBuilder) -> Report {
        let clock = ContinuousClock.now
        let content = model.content
        let loaded = ContentLoader(root: root).loadCity(
            path, languages: content.config.languages, optionalLanguages: content.config.partialLanguages)
        var cityDiagnostics = loaded.diagnostics
        if let city = loaded.value { cityDiagnostics += options.validator.validate(city: city, in: content) }
        if options.strict { cityDiagnostics = cityDiagnostics.treatingWarningsAsErrors() }
        // Other files' warnings stay; this file's diagnostics are replaced.
        let others = diagnostics.filter { $0.location.file != path }
        let all = (others + cityDiagnostics).sortedByLocation()
        guard let city = loaded.value, all.errorCount == 0 else { return failed(all, since: clock) }
        let old = model.city(city.slug)!
        // A changed identity moves the city in lists, peers, counts, maps and the search index: rebuild all.
        if old.name.translations != city.name.translations || old.country.value != city.country.value || old.region.value != city.region.value
            || old.illustrative != city.illustrative || old.pinyin?.value != city.pinyin?.value
            || old.coordinates.map({ [$0.latitude, $0.longitude] }) != city.coordinates.map({ [$0.latitude, $0.longitude] })
        {
            return rebuildAll()
        }
        let (updated, changedMeasures) = model.replacing(city)
        let (existing, current) = (model.routes, updated.routes)
        let routes = Self.affectedRoutes(
            editing: old, with: city, before: (model, existing), after: (updated, current), changedMeasures: changedMeasures)
        var removed = Set(existing).subtracting(current).map(\.outputFile)
        let sink = MemorySink()
        let updatedBuilder = builder.replacing(model: updated, changedMeasures: changedMeasures)
        let renderer = SiteRenderer(model: updated, templates: templates, fragments: fragments, builder: updatedBuilder)
        let failures = renderer.renderPages(routes, to: sink)
        guard failures.errorCount == 0 else { return failed(all + failures, since: clock) }
        let export = DataExport(model: updated)
        // The CSVs of all cities (`data/all.csv`, tens of megabytes, and each measure's) list them in slug order:
        // the city's rows are found where they stand, and replaced in place once everything else has succeeded.
        var replacements: [RowReplacement] = []
        do {
            let rows = try export.writeCity(city, to: sink)
            // What changed since the previous release: small, and made again whole.
            if let changes = export.changesCSV() { sink.write(changes.path, changes.data) }
            // Where the city did not report before, its rows have no place yet: the file is made again.
            if !changedMeasures.isEmpty {
                if let found = rowReplacement("data/all.csv", old: export.cityRows(old).bytes, new: rows.bytes) {
                    replacements.append(found)
                } else {
                    try export.writeAllCSV(to: sink)
                }
            }
            for id in changedMeasures {
                guard let measure = updated.index.measures[id] else { continue }
                let before = export.csvRows(old, measure: measure), after = export.csvRows(city, measure: measure)
                if let found = rowReplacement("data/measures/\(id).csv", old: before, new: after) {
                    replacements.append(found)
                } else {
                    try export.writeIndicator(measure, to: sink)
                }
            }
        } catch {
            return failed(all + [.error(.writeFailed(error), at: SourceLocation(file: "data"))], since: clock)
        }
        // The small tables of all cities are written whole; the wide tables' row of the city replaced in place.
        sink.write("data/cities.csv", export.csv { export.citiesTable(to: &$0) })
        for language in updated.languages {
            let path = DataExport.widePath(language)
            let before = export.wideRowBytes(old, language: language), after = export.wideRowBytes(city, language: language)
            if let found = rowReplacement(path, old: before, new: after) {
                replacements.append(found)
            } else {
                sink.write(path, export.csv { export.wideTable(language: language, to: &$0) })
            }
        }
        var changed: [String] = []
        for (output, data) in sink.contents where files[output] != data {
            files[output] = data
            changed.append(output)
        }
        for replacement in replacements where replacement.changes {
            // Taken out of the dictionary so that its bytes are not shared, and change in place.
            guard var document = files.removeValue(forKey: replacement.path) else { continue }
            let start = document.startIndex + replacement.range.lowerBound
            document.replaceSubrange(start..<(start + replacement.range.count), with: replacement.rows)
            files[replacement.path] = document
            changed.append(replacement.path)
        }
        // The workbook and the archive hold every city: made again only when asked (`completeBundles`), so that
        // saving a city file stays quick. Until then they are left out rather than served out of date.
        if changed.contains(where: { $0.hasPrefix("data/") }) {
            bundlesPending = true
            let bundles = DataBundle.paths(updated.config.release)
            removed.append(contentsOf: [bundles.workbook, bundles.archive])
        }
        for output in removed where files.removeValue(forKey: output) != nil {
            changed.append(output)
        }
        self.model = updated
        self.builder = updatedBuilder
        diagnostics = all
        return Report(
            kind: .incremental, pagesRendered: routes.count, changedPaths: changed.sorted(),
            seconds: clock.duration(to: .now).seconds, diagnostics: all)
    }

    /// Makes the workbook and the zip archive of the downloads (`DataBundle`) from the current model and files, if an
    /// incremental rebuild left them out; `serve` calls it once edits pause. Returns the paths it wrote.
    @discardableResult
    public func completeBundles() -> Report {
        let clock = ContinuousClock.now
        guard bundlesPending, let model else {
            return Report(kind: .incremental, pagesRendered: 0, changedPaths: [], seconds: 0, diagnostics: diagnostics)
        }
        do {
            let made = try DataBundle(export: DataExport(model: model)).files(downloads: files)
            for (path, data) in made { files[path] = data }
            bundlesPending = false
            return Report(
                kind: .incremental, pagesRendered: 0, changedPaths: made.map(\.path).sorted(),
                seconds: clock.duration(to: .now).seconds, diagnostics: diagnostics)
        } catch {
            return failed(diagnostics + [.error(.writeFailed(error), at: SourceLocation(file: "data"))], since: clock)
        }
    }

    /// Where one city's rows `old` (whole lines) stand in the current CSV `path`, which lists all cities in slug
    /// order, to be replaced by `new`; nil when there is no such file or the city had no rows in it.
    private func rowReplacement(_ path: String, old: [UInt8], new: [UInt8]) -> RowReplacement? {
        guard let document = files[path], !old.isEmpty, let start = Self.firstOffset(of: old, in: document) else { return nil }
        return RowReplacement(path: path, range: start..<(start + old.count), rows: new, changes: old != new)
    }

    /// The pages that show anything an edit of one city's data changed — the city keeping its name, country and
    /// region — found with the functions that lay the pages out (`SiteModel.routes`, `tableRows`, `listedCities`,
    /// `City.reportedMeasureCount`) and the statistics they show:
    /// - pages that did not exist before (an indicator table grown by a page);
    /// - the city's profile, every profile when the network's distribution of a measure changed, the profiles whose
    ///   similar cities or their reasons changed, and those whose "learn from" of a changed measure changed;
    /// - a changed measure's first indicator page (charts and figures), and every page of its table when the
    ///   number of reporting cities changed, else the pages whose rows changed or list the city;
    /// - the framework and indicator index pages when a measure's number of reporting cities changed, and the
    ///   focus-area pages when the network figures of one of their measures changed;
    /// - the list pages that show the city or summarize it, when its coverage changed.
    /// `before` and `after` are the models with their routes.
    static func affectedRoutes(
        editing old: City, with new: City, before: (model: SiteModel, routes: [Route]),
        after: (model: SiteModel, routes: [Route]), changedMeasures: [String]
    ) -> [Route] {
        let (before, existingRoutes) = before
        let (after, routes) = after
        let changed = Set(changedMeasures)
        let distributionChanged = changedMeasures.contains { before.statistics[$0]?.summary != after.statistics[$0]?.summary }
        let countChanged = Set(changedMeasures.filter { before.statistics[$0]?.values.count != after.statistics[$0]?.values.count })
        let coverageChanged = old.reportedMeasureCount != new.reportedMeasureCount
        // What a focus-area page shows of a measure: its distribution (with the count) and the years of its values.
        let figuresChanged = Set(changedMeasures.filter {
            before.statistics[$0]?.summary != after.statistics[$0]?.summary || before.statistics[$0]?.years != after.statistics[$0]?.years
        })
        let existing = Set(existingRoutes)
        func names(_ model: SiteModel, _ profile: String, _ peer: String) -> Bool {
            model.peers[profile]?.contains { $0.slug == peer } ?? false
        }
        func learnsFrom(_ model: SiteModel, _ city: City, _ measure: Measure) -> [(String, SeriesChange)] {
            model.learnFrom(city, measure: measure).map { ($0.city.slug, $0.change) }
        }
        func rowSlugs(_ model: SiteModel, _ measure: String, _ language: String, _ page: Int) -> [String] {
            guard let values = model.statistics[measure]?.values else { return [] }
            return model.tableRows(of: measure, language: language, page: page).map { values[$0].slug }
        }
        return routes.filter { route in
            guard existing.contains(route) else { return true }
            switch route.kind {
            case .city(let slug):
                // A profile names its similar cities with their reasons and the progress of some of them.
                guard slug != new.slug, !distributionChanged else { return true }
                if before.peers[slug] != after.peers[slug] { return true }
                // Its link to its changes names the changes page that lists it, which the edited city may move.
                if let language = route.language,
                    before.changesPage(of: slug, language: language) != after.changesPage(of: slug, language: language)
                {
                    return true
                }
                // The same peers for the same reasons: what else the profile shows of the edited city is its
                // progress, where it is one the profile learns from.
                guard names(after, slug, new.slug), let city = after.city(slug) else { return false }
                return changedMeasures.contains { id in
                    guard let measure = after.index.measures[id] else { return false }
                    return !learnsFrom(before, city, measure).elementsEqual(learnsFrom(after, city, measure), by: ==)
                }
            case .indicator(let id, let page):
                guard changed.contains(id), let language = route.language else { return false }
                if page == 1 || countChanged.contains(id) { return true }
                let rows = rowSlugs(after, id, language, page)
                return rows.contains(new.slug) || rows != rowSlugs(before, id, language, page)
            case .framework, .indicators:
                return !countChanged.isEmpty
            case .focusArea(let id):
                let area = after.framework.focusAreas.first { $0.id == id }
                return area?.keyFeatures.contains { $0.measures.contains { figuresChanged.contains($0.id) } } ?? false
            case .cities, .region, .country:
                return coverageChanged
                    && (after.listedCities(on: route.kind).contains { $0.slug == new.slug }
                        || after.summarizedCities(on: route.kind).contains { $0.slug == new.slug })
            case .compare:
                // It states each measure's network range.
                return distributionChanged
            case .changes:
                // It lists the city's changes since the previous release, and counts them.
                return before.releaseChanges?.city(new.slug) != after.releaseChanges?.city(new.slug)
            case .chooser, .notFound, .home, .declaration, .regions, .search, .data, .page:
                return false
            }
        }
    }

    /// Where `rows` — whole lines — first stand in `document` (an offset from its start): a line end (or the start)
    /// followed by the rows. Candidates are found with `memchr` and compared with `memcmp`, since tens of megabytes
    /// are searched at every edit.
    static func firstOffset(of rows: [UInt8], in document: Data) -> Int? {
        document.withUnsafeBytes { document in
            rows.withUnsafeBytes { rows -> Int? in
                guard let base = document.baseAddress, let needle = rows.baseAddress, rows.count <= document.count else {
                    return nil
                }
                var offset = 0
                while offset + rows.count <= document.count {
                    if memcmp(base + offset, needle, rows.count) == 0 { return offset }
                    guard let lineEnd = memchr(base + offset, Int32(UInt8(ascii: "\n")), document.count - offset) else {
                        return nil
                    }
                    offset = base.distance(to: UnsafeRawPointer(lineEnd)) + 1
                }
                return nil
            }
        }
    }

    /// Paths whose bytes differ between two sites.
    static func difference(_ old: [String: Data], _ new: [String: Data]) -> [String] {
        var changed = new.compactMap { path, data in old[path] == data ? nil : path }
        changed += old.keys.filter { new[$0] == nil }
        return changed.sorted()
    }
}

/// One city's rows in a CSV of all cities: where its earlier rows stand (byte offsets) and what replaces them.
private struct RowReplacement {
    let path: String
    let range: Range<Int>
    let rows: [UInt8]
    /// Whether `rows` differ from the rows they replace.
    let changes: Bool
}
