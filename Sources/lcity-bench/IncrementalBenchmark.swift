import ArgumentParser
import Foundation
import LCityContent
import LCityPages
import LCityBuild
import LCitySpreadsheet

/// Measures the edit-to-rebuilt time of one city file, as `serve` does it: a site kept in memory, one file changed,
/// the affected pages re-rendered. Prints figures; it is a benchmark, not a test.
@main
struct IncrementalBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lcity-bench",
        abstract: "Time incremental rebuilds after editing one city file (for scripts/bench).")

    @Option(help: "The site folder.")
    var root: String

    @Option(help: "The city to edit (default: the middle one by slug).")
    var city: String?

    @Option(help: "Number of edits to time.")
    var runs: Int = 7

    @Flag(help: "Print the paths each rebuild changed.")
    var verbose = false

    @Flag(help: "Time finding every city's similar cities instead (the model's peers stage), median of --runs.")
    var peers = false

    @Flag(help: "Time making the search index of every language (index and shards as bytes) and every map, median of --runs.")
    var search = false

    @Option(help: "With --search: also write the indexes into this folder (<lang>/search/…), for scripts/site-sizes.")
    var output: String?

    @Flag(help: "Time rendering every page, one after another, and print each kind of page's CPU per output byte against the median kind's (the rule: no kind above 2×).")
    var kinds = false

    @Flag(name: .customLong("import"), help: "Time importing a submission sheet of --rows rows (XLSX and CSV), median of --runs.")
    var importSheet = false

    @Option(help: "With --import: the number of data rows of the sheet.")
    var rows = 10_000

    func run() throws {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        if peers { return try timePeers(rootURL) }
        if search { return try timeSearch(rootURL) }
        if importSheet { return try timeImport(rootURL) }
        if kinds { return try timeKinds(rootURL) }
        let session = SiteSession(root: rootURL)
        let full = session.rebuildAll()
        guard full.kind == .full, let model = session.model else {
            throw ValidationError("the site does not build: \(full.diagnostics.first?.description ?? "")")
        }
        let slug = city ?? model.cities[model.cities.count / 2].slug
        let relative = "content/cities/\(slug).yaml"
        let url = rootURL.appendingPathComponent(relative)
        let original = try String(contentsOf: url, encoding: .utf8)
        defer { try? original.write(to: url, atomically: true, encoding: .utf8) }
        var timings: [Double] = []
        var pages: [Int] = []
        for run in 0..<runs {
            // Change the last digit of the first value in the file: a realistic correction of one figure.
            let edited = Self.nudgeFirstValue(in: original, by: run + 1)
            try edited.write(to: url, atomically: true, encoding: .utf8)
            let start = ContinuousClock.now
            let report = session.rebuild(changed: [relative])
            let milliseconds = start.duration(to: .now).seconds * 1000
            guard report.kind == .incremental else {
                throw ValidationError("expected an incremental rebuild, got \(report.kind): \(report.diagnostics.first?.description ?? "")")
            }
            timings.append(milliseconds)
            if verbose { print("edit \(run + 1): \(report.pagesRendered) pages rendered; changed: \(report.changedPaths.joined(separator: " "))") }
            pages.append(report.pagesRendered)
        }
        let sorted = timings.sorted()
        let median = sorted[sorted.count / 2]
        // What `serve` does once edits pause: the downloads' workbook and archive made again.
        let bundles = session.completeBundles()
        print(String(format: "full_s=%.2f incremental_ms=%.1f min_ms=%.1f max_ms=%.1f pages_rendered=%d cities=%d city=%@ bundles_ms=%.0f",
            full.seconds, median, sorted.first!, sorted.last!, pages.sorted()[pages.count / 2], model.cities.count, slug,
            bundles.seconds * 1000))
    }

    /// Loads and checks the site, makes its model, and times `PeerFinder` alone.
    func timePeers(_ rootURL: URL) throws {
        let checked = Pipeline.check(root: rootURL)
        guard let content = checked.value, checked.diagnostics.errorCount == 0 else {
            throw ValidationError("the site does not check: \(checked.diagnostics.first?.description ?? "")")
        }
        let start = ContinuousClock.now
        let model = SiteModel(content: content)
        let modelMilliseconds = start.duration(to: .now).seconds * 1000
        var timings: [Double] = []
        var named = 0
        for _ in 0..<max(1, runs) {
            let clock = ContinuousClock.now
            let found = PeerFinder(cities: model.cities, framework: model.framework, statistics: model.statistics).peers()
            timings.append(clock.duration(to: .now).seconds * 1000)
            named = found.values.reduce(0) { $0 + $1.count }
        }
        let sorted = timings.sorted()
        print(String(format: "peers_ms=%.1f min_ms=%.1f model_ms=%.1f cities=%d peers_named=%d",
            sorted[sorted.count / 2], sorted.first!, modelMilliseconds, model.cities.count, named))
    }

    /// The site at `rootURL` loaded and checked, its model made, and the builder of its pages.
    func pageBuilder(_ rootURL: URL) throws -> PageBuilder {
        let checked = Pipeline.check(root: rootURL)
        let templates = TemplateSet.load(root: rootURL)
        guard let content = checked.value, checked.diagnostics.errorCount == 0, let templates = templates.value else {
            throw ValidationError("the site does not check: \(checked.diagnostics.first?.description ?? "")")
        }
        return PageBuilder(model: SiteModel(content: content), fragments: Fragments(templates: templates))
    }

    /// Renders every page on one thread (each kind's shapes compiled by a first pass, as a build has compiled them
    /// after its first pages), and prints per kind of page: pages, bytes, nanoseconds per byte, and its ratio to
    /// the median kind's nanoseconds per byte.
    func timeKinds(_ rootURL: URL) throws {
        let builder = try pageBuilder(rootURL)
        let model = builder.model
        for route in model.routes { _ = builder.render(route) }
        var totals: [String: (pages: Int, bytes: Int, seconds: Double)] = [:]
        for _ in 0..<max(1, runs) {
            for route in model.routes {
                let clock = ContinuousClock.now
                let bytes = builder.render(route)?.count ?? 0
                let seconds = clock.duration(to: .now).seconds
                let name = PageBuilder.template(for: route.kind)
                var total = totals[name] ?? (0, 0, 0)
                total.pages += 1
                total.bytes += bytes
                total.seconds += seconds
                totals[name] = total
            }
        }
        let perByte = totals.mapValues { $0.seconds * 1e9 / Double(max(1, $0.bytes)) }
        let median = perByte.values.sorted()[perByte.count / 2]
        for (name, total) in totals.sorted(by: { $0.key < $1.key }) {
            print(String(format: "%-22@ pages=%-6d bytes_per_page=%-8d ms_per_page=%-7.3f ns_per_byte=%-6.2f vs_median=%.2f",
                name, total.pages, total.bytes / total.pages, total.seconds * 1000 / Double(total.pages), perByte[name]!,
                perByte[name]! / median))
        }
        let worst = perByte.max { $0.value < $1.value }!
        print(String(format: "kinds: median_ns_per_byte=%.2f worst=%@ worst_vs_median=%.2f", median, worst.key, worst.value / median))
    }

    /// Loads the site, makes its model and page builder, and times the search indexes of every language.
    func timeSearch(_ rootURL: URL) throws {
        let builder = try pageBuilder(rootURL)
        let model = builder.model
        var timings: [Double] = []
        var bytes = 0
        var entries = 0
        for _ in 0..<max(1, runs) {
            let clock = ContinuousClock.now
            let indexes = builder.searchIndexes()
            let files = indexes.flatMap { $0.files() }
            timings.append(clock.duration(to: .now).seconds * 1000)
            bytes = files.reduce(0) { $0 + $1.bytes.count }
            entries = indexes.reduce(0) { $0 + $1.entries.count }
        }
        if let output {
            for (language, index) in zip(model.languages, builder.searchIndexes()) {
                let folder = URL(fileURLWithPath: output).appendingPathComponent("\(language)/search")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data().write(to: URL(fileURLWithPath: output).appendingPathComponent("\(language)/404.html"))
                for file in index.files() { try Data(file.bytes).write(to: folder.appendingPathComponent(file.name)) }
            }
        }
        var mapTimings: [Double] = []
        var mapBytes = 0
        for _ in 0..<max(1, runs) {
            let clock = ContinuousClock.now
            let maps = model.languages.flatMap { builder.cityMaps(language: $0) }
            mapTimings.append(clock.duration(to: .now).seconds * 1000)
            mapBytes = maps.map(\.count).max() ?? 0
        }
        let sorted = timings.sorted()
        let mapsSorted = mapTimings.sorted()
        print(String(format: "search_index_ms=%.0f min_ms=%.0f entries=%d bytes=%d languages=%d maps_ms=%.0f largest_map_bytes=%d",
            sorted[sorted.count / 2], sorted.first!, entries, bytes, model.languages.count, mapsSorted[mapsSorted.count / 2], mapBytes))
    }

    /// Times `import city` of a sheet with `rows` data rows: a city reporting every measure for as many years as that
    /// takes, exported as XLSX and CSV, then read back unchanged (the file's text stays) and with 1 % of its values
    /// changed (the file is edited). Reading the file, checking and editing are timed; writing is not.
    func timeImport(_ rootURL: URL) throws {
        let loaded = ContentLoader(root: rootURL).load()
        guard let content = loaded.value else { throw ValidationError("the content does not load") }
        let framework = content.framework
        let rowsPerYear = framework.measures.reduce(0) { total, measure in
            total + (measure.breakdownID.flatMap(framework.breakdown)?.categories.count ?? 1)
        }
        let lastYear = 2025
        let firstYear = lastYear - (rows + rowsPerYear - 1) / rowsPerYear + 1
        var text = "name: {zh: 基准市, en: Benchmark}\ncountry: CN\nregion: asia_pacific\nobservations:\n"
        for measure in framework.measures {
            text += "  \(measure.id):\n"
            let unit = framework.unit(measure.unitID)
            let range: (minimum: Double, maximum: Double?) = unit.map(measure.range) ?? (0, nil)
            let value = unit?.kind == .rating ? 3 : range.maximum.map { (range.minimum + $0) / 2 } ?? range.minimum + 10
            for year in firstYear...lastYear {
                text += "    - year: \(year)\n"
                if let breakdown = measure.breakdownID.flatMap(framework.breakdown) {
                    let parts = breakdown.categories.filter { $0.id != breakdown.totalCategory }.count
                    let entries = breakdown.categories.map { category in
                        let number = category.id == breakdown.totalCategory && unit?.id == "count" ? value * Double(parts) : value
                        return "\(category.id): \(CityYAML.number(number))"
                    }
                    text += "      values: {\(entries.joined(separator: ", "))}\n"
                } else {
                    text += "      value: \(CityYAML.number(value))\n"
                }
                text += "      source: {zh: 市统计局\(year)年统计年鉴, en: \"City Statistics Office, Yearbook \(year)\"}\n"
            }
        }
        let slug = "benchmark"
        let relative = "content/cities/\(slug).yaml"
        // Loading the city file is part of loading the site, which `import` does first: timed on its own.
        let loadClock = ContinuousClock.now
        guard let city = ContentLoader.loadCity(text: text, relative: relative, languages: content.config.languages).value else {
            throw ValidationError("the benchmark city does not load")
        }
        let loadMilliseconds = loadClock.duration(to: .now).seconds * 1000
        var validator = Validator(currentYear: lastYear + 1)
        validator.earliestYear = firstYear
        var importer = SubmissionImport(content: content, slug: slug)
        importer.validator = validator
        let sheet = SubmissionSheet(content: content, language: .en, reportingYear: lastYear)
        let xlsx = try sheet.xlsx(for: city)
        let csv = try sheet.csv(for: city)
        let dataRows = sheet.dataSheet(for: city).sheet.rows.count - 1
        // 1 % of the rows with a changed value, for the editing path.
        var changed = try XLSXReader.workbook(xlsx)
        let valueColumn = changed.sheets[0].rows[0].firstIndex(of: .text("Value"))!
        for row in stride(from: 1, to: changed.sheets[0].rows.count, by: 100) {
            if case .number(let number, _) = changed.sheets[0].rows[row][valueColumn] {
                changed.sheets[0].rows[row][valueColumn] = .number(number == 3 ? 4 : number + 0.1)
            }
        }
        func time(_ body: () throws -> SubmissionImport.Result) throws -> (ms: Double, result: SubmissionImport.Result) {
            var timings: [Double] = []
            var last: SubmissionImport.Result?
            for _ in 0..<max(1, runs) {
                let clock = ContinuousClock.now
                last = try body()
                timings.append(clock.duration(to: .now).seconds * 1000)
            }
            return (timings.sorted()[timings.count / 2], last!)
        }
        let fromXLSX = try time { importer.run(try XLSXReader.workbook(xlsx), file: "benchmark.xlsx", oldText: text, loadedCity: city) }
        let fromCSV = try time {
            let read = try CSVSheet.sheet(csv, name: "benchmark.csv")
            return importer.run(Workbook(sheets: [read.sheet], isCSV: true), file: "benchmark.csv", lines: read.lines, oldText: text, loadedCity: city)
        }
        let readOnly = try time {
            _ = try XLSXReader.workbook(xlsx)
            return SubmissionImport.Result()
        }
        let edited = try time { importer.run(changed, file: "benchmark.xlsx", oldText: text, loadedCity: city) }
        for (name, outcome) in [("xlsx", fromXLSX.result), ("csv", fromCSV.result), ("edited", edited.result)] {
            guard outcome.diagnostics.errorCount == 0, outcome.text != nil else {
                throw ValidationError("the \(name) import failed: \(outcome.diagnostics.prefix(3).map(\.description))")
            }
        }
        print(String(format: "import_rows=%d xlsx_ms=%.0f read_xlsx_ms=%.0f csv_ms=%.0f edit_ms=%.0f changes=%d city_load_ms=%.0f xlsx_bytes=%d csv_bytes=%d",
            dataRows, fromXLSX.ms, readOnly.ms, fromCSV.ms, edited.ms, edited.result.changes.count, loadMilliseconds,
            xlsx.count, csv.count))
    }

    /// The text with the first `value: N` changed slightly (stays in range).
    static func nudgeFirstValue(in text: String, by step: Int) -> String {
        guard let range = text.range(of: #"value: [0-9]+(\.[0-9]+)?"#, options: .regularExpression) else { return text + "\n" }
        let number = Double(text[range].dropFirst("value: ".count)) ?? 1
        let nudged = max(1, number + (step % 2 == 0 ? 0.1 : -0.1) * Double(step))
        let formatted = number.rounded() == number && !text[range].contains(".") ? String(Int(nudged.rounded())) : String(format: "%.1f", nudged)
        return text.replacingCharacters(in: range, with: "value: \(formatted)")
    }
}
