import Foundation

/// The stages every command shares: load → validate (→ model → render → write, for `build`).
public enum Pipeline {
    /// Loads and validates the content at `root`. The content is returned only when there are no errors.
    public static func check(root: URL, validator: Validator = Validator(), strict: Bool = false)
        -> StageResult<LoadedContent>
    {
        let loaded = ContentLoader(root: root).load()
        var diagnostics = loaded.diagnostics
        if let content = loaded.value {
            diagnostics += validator.validate(content)
        }
        if strict { diagnostics = diagnostics.treatingWarningsAsErrors() }
        diagnostics = diagnostics.sortedByLocation()
        let ok = diagnostics.errorCount == 0
        return StageResult(value: ok ? loaded.value : nil, diagnostics: diagnostics, files: loaded.files)
    }
}

/// What a build did: counts, phase timings, and every diagnostic.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount = 0
    public var fileCount = 0
    public var bytes = 0
    public var languages = 0
    /// Content files read.
    public var contentFiles = 0
    /// Seconds per phase, in order: load+validate, model, render, write.
    public var phases: [(name: String, seconds: Double)] = []
    /// Whether output was written.
    public var succeeded: Bool { diagnostics.errorCount == 0 && pageCount > 0 }
}

extension Pipeline {
    /// Options for `render` and `build`.
    public struct BuildOptions: Sendable {
        public var strict = false
        /// Overrides `base_url` from site.yaml.
        public var baseURL: String?
        public var validator = Validator()
        /// Called with (pages done, pages total) while rendering.
        public var progress: (@Sendable (Int, Int) -> Void)?

        public init(strict: Bool = false, baseURL: String? = nil) {
            self.strict = strict
            self.baseURL = baseURL
        }
    }

    /// load → validate → model → render, all in memory; nothing is written.
    public static func render(root: URL, options: BuildOptions) -> (site: RenderedSite?, report: BuildReport) {
        var report = BuildReport(diagnostics: [])
        var clock = ContinuousClock.now
        func lap(_ name: String) {
            let now = ContinuousClock.now
            let elapsed = now - clock
            report.phases.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            clock = now
        }
        let checked = check(root: root, validator: options.validator, strict: options.strict)
        let templates = TemplateSet.load(root: root)
        report.diagnostics = checked.diagnostics + templates.diagnostics
        report.contentFiles = checked.files.count
        lap("load")
        guard let content = checked.value, let templateSet = templates.value, report.diagnostics.errorCount == 0 else {
            report.diagnostics = report.diagnostics.sortedByLocation()
            return (nil, report)
        }
        let model = SiteModel(content: content, baseURL: options.baseURL)
        lap("model")
        let rendered = SiteRenderer(model: model, templates: templateSet).render(progress: options.progress)
        lap("render")
        var diagnostics = report.diagnostics + rendered.diagnostics
        if options.strict { diagnostics = diagnostics.treatingWarningsAsErrors() }
        report.diagnostics = diagnostics.sortedByLocation()
        report.languages = model.languages.count
        guard let site = rendered.value, report.diagnostics.errorCount == 0 else { return (nil, report) }
        report.pageCount = site.pageCount
        report.fileCount = site.files.count
        return (site, report)
    }

    /// The whole build: renders in memory, then writes `output` atomically. On any error nothing is written.
    public static func build(root: URL, output: URL, options: BuildOptions) -> BuildReport {
        let (site, initial) = render(root: root, options: options)
        var report = initial
        guard let site else { return report }
        let start = ContinuousClock.now
        do {
            report.bytes = try OutputWriter(destination: output).write(site)
        } catch {
            report.diagnostics.append(.error("\(error)", at: SourceLocation(file: output.path)))
            report.pageCount = 0
        }
        let elapsed = ContinuousClock.now - start
        report.phases.append(("write", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        return report
    }
}
