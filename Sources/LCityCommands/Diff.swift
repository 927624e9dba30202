import ArgumentParser
import Foundation
import LCityBuild
import LCityContent
import LCityPages
import LCityUTF8

extension LCitySite {
    /// `lcity-site diff`: what the current data change against a release, a site folder or a git revision.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the values added, revised and withdrawn, and the cities added and removed, since a release.",
            discussion: """
                --from names what to compare with: a release kept in content/releases/ (its version), a site folder \
                holding content/, or a git revision of the repository (origin/main, a tag, a commit). Without it, \
                the release before the one named in site.yaml. --format md writes Markdown for a pull request's job \
                summary ($GITHUB_STEP_SUMMARY); json is language-neutral.
                """)

        @OptionGroup var site: SiteOptions
        @OptionGroup var languageOptions: LanguageOptions

        @Option(help: "What to compare with: a release version, a site folder, or a git revision.")
        var from: String?

        @Option(help: "Output format: text, json or md.")
        var format: DiffFormat = .text

        func run() async throws {
            let language = languageOptions.language(root: site.rootURL)
            let root = site.rootURL
            let checked = Pipeline.check(root: root)
            let templates = TemplateSet.load(root: root)
            guard var content = checked.value, let templateSet = templates.value else {
                LCitySite.report(
                    checked.diagnostics + templates.diagnostics, fileCount: checked.files.count, language: language, root: root)
                throw ExitCode.failure
            }
            if let from {
                content.previousRelease = try Self.data(from: from, root: root, content: content, language: language)
            }
            guard content.previousRelease != nil else {
                printError(Message.commandError(.noEarlierRelease).text(in: language))
                throw ExitCode.failure
            }
            let model = SiteModel(content: content)
            switch format {
            case .json:
                print(Self.json(model.releaseChanges!, framework: content.framework))
            case .text, .md:
                let code = content.config.languages.contains(language.rawValue) ? language.rawValue : content.config.defaultLanguage
                let builder = PageBuilder(model: model, fragments: Fragments(templates: templateSet))
                let view = builder.changesView(language: code)
                let title = builder.changesTitle(language: code)
                print(format == .md ? ChangesText.markdown(view, title: title) : ChangesText.plain(view, title: title))
            }
        }

        /// The data to compare with, from `from`: a release kept, a site folder, or a git revision.
        static func data(from: String, root: URL, content: LoadedContent, language: MessageLanguage) throws -> ReleaseData {
            let loader = ContentLoader(root: root)
            let sink = DiagnosticSink()
            if loader.releaseVersions(sink: sink).contains(from) {
                guard let data = loader.loadRelease(from, sink: sink) else {
                    LCitySite.report(sink.diagnostics, fileCount: 1, language: language, root: root)
                    throw ExitCode.failure
                }
                return data
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: from, isDirectory: &isDirectory), isDirectory.boolValue {
                return try cities(in: URL(fileURLWithPath: from, isDirectory: true), label: from, content: content, language: language)
            }
            let checkout = try GitRevision.checkOutContent(from, repository: root, language: language)
            defer { try? FileManager.default.removeItem(at: checkout) }
            return try cities(in: checkout, label: from, content: content, language: language)
        }

        /// The data of the city files under `folder`/content/cities, read as the current site reads them (its own
        /// settings are not needed, and may be of an older format).
        static func cities(in folder: URL, label: String, content: LoadedContent, language: MessageLanguage) throws -> ReleaseData {
            let citiesFolder = folder.appendingPathComponent("content/cities")
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: citiesFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                printError(Message.commandError(.fromNotFound(label)).text(in: language))
                throw ExitCode.failure
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: citiesFolder.path))?.filter {
                $0.hasSuffix(".yaml") && City.isValidSlug(String($0.dropLast(5)))
            }.sorted() ?? []
            let loader = ContentLoader(root: folder)
            let config = content.config
            let loaded = parallelMap(names) { name in
                loader.loadCity("content/cities/\(name)", languages: config.languages, optionalLanguages: config.partialLanguages)
            }
            let diagnostics = loaded.flatMap(\.diagnostics)
            guard diagnostics.errorCount == 0 else {
                LCitySite.report(diagnostics, fileCount: names.count, language: language, root: folder)
                printError(Message.commandError(.fromDoesNotLoad(label)).text(in: language))
                throw ExitCode.failure
            }
            return ReleaseData(version: label, cities: loaded.compactMap(\.value), kept: false)
        }

        /// The comparison as JSON: language-neutral, numbers as numbers, each city's changes in framework order.
        static func json(_ comparison: ReleaseComparison, framework: Framework) -> String {
            struct Value: Encodable {
                var value: Double?
                var available: Bool
                var flag: String?
            }
            struct Change: Encodable {
                var measure: String
                var category: String?
                var year: Int
                var kind: String
                var before: Value?
                var after: Value?
            }
            struct City: Encodable {
                var slug: String
                var name: [String: String]
                var presence: String
                var added: Int
                var revised: Int
                var withdrawn: Int
                var changes: [Change]
            }
            struct Document: Encodable {
                var from: String
                var to: String
                var added: Int
                var revised: Int
                var withdrawn: Int
                var cities_added: [String]
                var cities_removed: [String]
                var cities: [City]
            }
            func value(_ value: ReleasedValue?) -> Value? {
                value.map { Value(value: $0.value, available: $0.value != nil, flag: $0.flag) }
            }
            let document = Document(
                from: comparison.from, to: comparison.to, added: comparison.count(.added), revised: comparison.count(.revised),
                withdrawn: comparison.count(.withdrawn), cities_added: comparison.citiesAdded.map(\.slug),
                cities_removed: comparison.citiesRemoved.map(\.slug),
                cities: comparison.cities.map { city in
                    City(
                        slug: city.slug, name: city.names, presence: city.presence.rawValue, added: city.count(.added),
                        revised: city.count(.revised), withdrawn: city.count(.withdrawn),
                        changes: city.changes.map { change in
                            Change(
                                measure: change.key.measure, category: change.key.category.isEmpty ? nil : change.key.category,
                                year: change.key.year, kind: change.kind.rawValue, before: value(change.before),
                                after: value(change.after))
                        })
                })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
    }
}

/// What `diff` prints.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, md
}

/// The changes page's view as plain text for a terminal, or as Markdown for a pull request's summary.
enum ChangesText {
    static func plain(_ view: ChangesView, title: String) -> String {
        var lines = [clean(title), clean(view.intro)]
        if let empty = view.empty { lines.append(clean(empty)) }
        if let summary = view.summary { lines.append(clean(summary)) }
        if !view.citiesAdded.isEmpty { lines.append("+ " + view.citiesAdded.map { clean($0.name) }.joined(separator: ", ")) }
        if !view.citiesRemoved.isEmpty { lines.append("- " + view.citiesRemoved.map { clean($0.name) }.joined(separator: ", ")) }
        for city in view.cities {
            lines.append("")
            lines.append("\(clean(city.name)) (\(city.slug))" + (city.presence.map { " — " + clean($0) } ?? ""))
            lines.append("  " + clean(city.summary))
            let kindWidth = city.rows.map { clean($0.kindLabel).count }.max() ?? 0
            for row in city.rows {
                let kind = clean(row.kindLabel).padding(toLength: kindWidth, withPad: " ", startingAt: 0)
                var line = "  \(kind)  \(clean(row.measure)) · \(row.year): \(clean(row.before)) → \(clean(row.after))"
                if !row.change.isEmpty { line += " (\(clean(row.change)))" }
                lines.append(line)
            }
            if let more = city.more { lines.append("  " + clean(more)) }
        }
        return lines.joined(separator: "\n")
    }

    static func markdown(_ view: ChangesView, title: String) -> String {
        var lines = ["## " + cell(title), "", cell(view.intro) + " " + cell(view.summary ?? view.empty ?? "")]
        if !view.citiesAdded.isEmpty { lines += ["", "**+** " + view.citiesAdded.map { cell($0.name) }.joined(separator: ", ")] }
        if !view.citiesRemoved.isEmpty { lines += ["", "**−** " + view.citiesRemoved.map { cell($0.name) }.joined(separator: ", ")] }
        for city in view.cities {
            lines += ["", "### \(cell(city.name)) (`\(city.slug)`)", ""]
            lines.append([city.presence.map(cell), cell(city.summary)].compactMap { $0 }.joined(separator: " "))
            guard !city.rows.isEmpty else { continue }
            let headers = view.headers
            lines += [
                "",
                "| \(cell(headers.measure)) | \(cell(headers.year)) | \(cell(headers.kind)) | \(cell(headers.before)) | \(cell(headers.after)) | \(cell(headers.change)) |",
                "|---|---|---|--:|--:|--:|",
            ]
            for row in city.rows {
                lines.append(
                    "| \(cell(row.measure)) | \(row.year) | \(cell(row.kindLabel)) | \(cell(row.before)) | \(cell(row.after)) | \(cell(row.change)) |")
            }
            if let more = city.more { lines += ["", cell(more)] }
        }
        return lines.joined(separator: "\n")
    }

    /// Text without the language marks of fallback texts.
    static func clean(_ text: String) -> String { LanguageSpans.strip(text) }

    /// Text safe in a Markdown table cell: no line breaks, `|` and Markdown's own characters escaped.
    static func cell(_ text: String) -> String {
        var result = ""
        for character in clean(text) {
            if character.isNewline { result += " "; continue }
            if "|*_`[]<>#\\".contains(character) { result += "\\" }
            result.append(character)
        }
        return result
    }
}
