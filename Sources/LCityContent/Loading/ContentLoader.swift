import Foundation
import Yams

/// The result of a pipeline stage: a value if the stage could produce one, and everything it found.
public struct StageResult<Value: Sendable>: Sendable {
    /// The stage's product; nil when errors made it impossible.
    public var value: Value?
    /// Problems found, errors and warnings.
    public var diagnostics: [Diagnostic]
    /// The content files that were read (for summaries), also when loading failed.
    public var files: [String] = []

    public init(value: Value?, diagnostics: [Diagnostic], files: [String] = []) {
        self.value = value
        self.diagnostics = diagnostics
        self.files = files
    }
}

/// Loads `content/` into a `LoadedContent`: every file parsed, every value with its location.
public struct ContentLoader: Sendable {
    /// The site folder holding `content/` and `templates/`.
    public let root: URL

    /// Creates a loader for the site at `root`.
    public init(root: URL) {
        self.root = root
    }

    /// Reads every content file. Problems of shape (syntax, types, missing fields) become diagnostics;
    /// cross-file rules are left to `Validator`.
    ///
    /// - Parameter keepingPartialContent: return content also when the framework or the countries did not load (an
    ///   empty one stands in, and `failures` says what failed), so that the cities can still be validated; for
    ///   checking only. Without it the content is nil when the site, framework or countries file did not load.
    public func load(keepingPartialContent: Bool = false) -> StageResult<LoadedContent> {
        let sink = DiagnosticSink()
        var files: [String] = []
        let contentDirectory = root.appendingPathComponent("content")
        guard directoryExists(contentDirectory) else {
            sink.error(
                .noContentFolder(contentDirectory.path), at: SourceLocation(file: "content"), notes: [.runInSiteFolder])
            return StageResult(value: nil, diagnostics: sink.diagnostics)
        }

        var optionalLanguages: [String] = []
        func parse(_ relative: String, languages: [String] = []) -> (Node, YAMLReader)? {
            files.append(relative)
            var reader = YAMLReader(file: relative, sink: sink, languages: languages)
            reader.optionalLanguages = optionalLanguages
            guard let text = ContentFile.read(relative, in: root, sink: sink),
                let node = reader.compose(text)
            else { return nil }
            return (node, reader)
        }

        let config = parse("content/site.yaml").flatMap { SiteConfig.load($0.0, reader: $0.1) }
        let languages = config?.languages ?? []
        optionalLanguages = config?.partialLanguages ?? []
        var failures = LoadFailures()
        let framework = parse("content/framework.yaml", languages: languages).flatMap { node, reader in
            let framework = Framework.load(node, reader: reader)
            failures.measures = reader.failedParts.measures
            failures.units = reader.failedParts.units
            return framework
        }
        let geography = parse("content/countries.yaml", languages: languages).flatMap {
            Geography.load($0.0, reader: $0.1)
        }

        var strings: [String: Strings] = [:]
        for language in languages {
            let relative = "content/i18n/\(language).yaml"
            if let (node, reader) = parse(relative, languages: languages),
                let loaded = Strings.load(language: language, node, reader: reader)
            {
                strings[language] = loaded
            }
        }

        // City files are independent: they are read on all cores, each with its own diagnostics, then merged in
        // file-name order so that output and messages stay deterministic.
        var cityFiles: [(relative: String, slug: String)] = []
        for name in listFiles("content/cities", sink: sink) {
            let relative = "content/cities/\(name)"
            guard name.hasSuffix(".yaml") else {
                if !name.hasPrefix(".") {
                    sink.warning(.ignoringNonYAML(name), at: SourceLocation(file: relative))
                }
                continue
            }
            let slug = String(name.dropLast(5))
            if !City.isValidSlug(slug) {
                sink.error(.invalidCitySlug(slug), at: SourceLocation(file: relative), notes: [.slugIsTheURL])
                files.append(relative)
                continue
            }
            cityFiles.append((relative, slug))
        }
        let optional = optionalLanguages
        let loadedCities = parallelMap(cityFiles) { file in
            self.loadCity(file.relative, languages: languages, optionalLanguages: optional)
        }
        var cities: [City] = []
        for (file, loaded) in zip(cityFiles, loadedCities) {
            files.append(file.relative)
            for diagnostic in loaded.diagnostics { sink.report(diagnostic) }
            if let city = loaded.value { cities.append(city) }
        }

        var pages: [ContentPage] = []
        for language in config?.requiredLanguages ?? [] {
            let relative = "content/declaration/\(language).md"
            files.append(relative)
            if let text = ContentFile.read(relative, in: root, sink: sink) {
                pages.append(
                    ContentPage.parse(
                        text, name: "declaration", language: language, file: relative, requireTitle: false, sink: sink))
            }
        }
        for name in listFiles("content/pages", sink: sink) where name.hasSuffix(".md") {
            let relative = "content/pages/\(name)"
            let parts = name.dropLast(3).split(separator: ".")
            guard parts.count == 2, languages.contains(String(parts[1])) else {
                sink.error(.pageFileName(languages: languages), at: SourceLocation(file: relative))
                continue
            }
            guard City.isValidSlug(String(parts[0])) else {
                sink.error(.pageNameNotSlug(String(parts[0])), at: SourceLocation(file: relative), notes: [.pageNameIsTheURL])
                continue
            }
            files.append(relative)
            if let text = ContentFile.read(relative, in: root, sink: sink) {
                pages.append(
                    ContentPage.parse(
                        text, name: String(parts[0]), language: String(parts[1]), file: relative, requireTitle: true,
                        sink: sink))
            }
        }

        let previousRelease = loadPreviousRelease(before: config?.release?.version, sink: sink, files: &files)

        func firstError(in file: String) -> SourceLocation? {
            sink.diagnostics.first { $0.location.file == file && $0.severity == .error }?.location
        }
        if framework == nil { failures.framework = firstError(in: "content/framework.yaml") }
        if geography == nil { failures.geography = firstError(in: "content/countries.yaml") }
        guard let config,
            (framework != nil && geography != nil)
                || (keepingPartialContent && failures.framework ?? failures.geography != nil)
        else {
            return StageResult(value: nil, diagnostics: sink.diagnostics, files: files)
        }
        var content = LoadedContent(
            config: config,
            framework: framework ?? Framework(dataYear: nil, units: [], ratingScale: [], breakdowns: [], groups: []),
            geography: geography ?? Geography(regions: [], countries: [:]), cities: cities, strings: strings,
            pages: pages, files: files)
        content.failures = failures
        content.previousRelease = previousRelease
        return StageResult(value: content, diagnostics: sink.diagnostics, files: files)
    }

    /// The versions of the releases kept in `content/releases/` (`<version>.csv`), oldest first; a file of another
    /// name is an error (or, not a CSV, a warning).
    public func releaseVersions(sink: DiagnosticSink) -> [String] {
        var versions: [String] = []
        for name in listFiles("content/releases", sink: sink) where !name.hasPrefix(".") {
            let relative = "content/releases/\(name)"
            guard name.hasSuffix(".csv") else {
                sink.warning(.releaseFileName(name), at: SourceLocation(file: relative))
                continue
            }
            let version = String(name.dropLast(".csv".count))
            guard Release.isValidVersion(version) else {
                sink.error(.releaseFileName(name), at: SourceLocation(file: relative))
                continue
            }
            versions.append(version)
        }
        return versions.sorted(by: Release.precedes)
    }

    /// Reads the release `version` from `content/releases/<version>.csv`.
    public func loadRelease(_ version: String, sink: DiagnosticSink) -> ReleaseData? {
        let relative = "content/releases/\(version).csv"
        guard let text = ContentFile.read(relative, in: root, sink: sink, maximumSize: ContentFile.maximumReleaseSize)
        else { return nil }
        return ReleaseData.read(text, version: version, file: relative, sink: sink)
    }

    /// The newest release before `current` (every release kept when there is no current one), read.
    private func loadPreviousRelease(before current: String?, sink: DiagnosticSink, files: inout [String]) -> ReleaseData? {
        let earlier = releaseVersions(sink: sink).filter { version in current.map { Release.precedes(version, $0) } ?? true }
        guard let version = earlier.last else { return nil }
        files.append("content/releases/\(version).csv")
        return loadRelease(version, sink: sink)
    }

    /// Loads one city file (`content/cities/<slug>.yaml`) for an incremental rebuild.
    public func loadCity(_ relative: String, languages: [String], optionalLanguages: [String] = []) -> StageResult<City> {
        let sink = DiagnosticSink()
        guard let text = ContentFile.read(relative, in: root, sink: sink) else {
            return StageResult(value: nil, diagnostics: sink.diagnostics, files: [relative])
        }
        return Self.loadCity(text: text, relative: relative, languages: languages, optionalLanguages: optionalLanguages)
    }

    /// Reads a city file's text, as `loadCity` reads the file; also for `import`, which checks the text it is about
    /// to write.
    public static func loadCity(
        text: String, relative: String, languages: [String], optionalLanguages: [String] = []
    ) -> StageResult<City> {
        let sink = DiagnosticSink()
        let name = (relative as NSString).lastPathComponent
        var reader = YAMLReader(file: relative, sink: sink, languages: languages)
        reader.optionalLanguages = optionalLanguages
        guard let node = reader.compose(text) else {
            return StageResult(value: nil, diagnostics: sink.diagnostics, files: [relative])
        }
        let city = City.load(slug: String(name.dropLast(".yaml".count)), node, reader: reader)
        return StageResult(value: city, diagnostics: sink.diagnostics, files: [relative])
    }

    private func directoryExists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// File names in a content folder, sorted so that loading is deterministic.
    private func listFiles(_ relative: String, sink: DiagnosticSink) -> [String] {
        let url = root.appendingPathComponent(relative)
        guard directoryExists(url) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            sink.error(.cannotListFolder(error.localizedDescription), at: SourceLocation(file: relative))
            return []
        }
    }
}

extension ContentPage {
    /// Splits an optional `---` YAML front matter (title, description) from the Markdown body.
    package static func parse(
        _ text: String, name: String, language: String, file: String, requireTitle: Bool, sink: DiagnosticSink
    ) -> ContentPage {
        var title = ""
        var description = ""
        var body = text
        var bodyLine = 1
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        {
            let frontMatter = lines[1..<end].joined(separator: "\n")
            body = lines[(end + 1)...].joined(separator: "\n")
            bodyLine = end + 2
            let reader = YAMLReader(file: file, sink: sink)
            // The front matter starts on line 2: a leading newline keeps the parser's line numbers true.
            if let node = reader.compose("\n" + frontMatter),
                let map = reader.mapping(node, .frontMatter)
            {
                map.rejectUnknownKeys(allowed: ["title", "description"])
                title = map.required("title").flatMap { reader.string($0, .key("title"), coerceScalars: true)?.value } ?? ""
                description = map["description"].flatMap { reader.string($0, .key("description"))?.value } ?? ""
            }
        } else if requireTitle {
            sink.error(.noFrontMatter, at: SourceLocation(file: file, line: 1, column: 1), notes: [.startWithFrontMatter])
        }
        return ContentPage(
            name: name, language: language, title: title, description: description, body: body, bodyLine: bodyLine,
            file: file)
    }
}
