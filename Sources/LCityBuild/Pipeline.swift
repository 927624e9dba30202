import Foundation
import LCityContent
import LCityPages

/// What a build did: counts, phase timings, and every diagnostic.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount = 0
    public var fileCount = 0
    public var bytes = 0
    public var languages = 0
    /// Content files read.
    public var contentFiles = 0
    /// Seconds per phase, in order (load, model, render or render+write, swap).
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
        /// The content rules. Whatever it says, Markdown pages may not take the names of generated pages.
        public var validator = Validator()
        /// Called with (pages done, pages total) while rendering.
        public var progress: (@Sendable (Int, Int) -> Void)?

        public init(strict: Bool = false, baseURL: String? = nil) {
            self.strict = strict
            self.baseURL = baseURL
        }
    }

    /// load → validate → model; the shared first stages of `render` and `build`.
    static func prepare(root: URL, options: BuildOptions, report: inout BuildReport) -> (SiteModel, TemplateSet)? {
        let clock = ContinuousClock.now
        var validator = options.validator
        validator.reservedPageNames = Route.reservedPageNames
        let checked = check(root: root, validator: validator, strict: options.strict)
        let templates = TemplateSet.load(root: root)
        report.diagnostics = checked.diagnostics + templates.diagnostics
        report.contentFiles = checked.files.count
        report.phases.append(("load", clock.duration(to: .now).seconds))
        guard let content = checked.value, let templateSet = templates.value, report.diagnostics.errorCount == 0 else {
            report.diagnostics = report.diagnostics.sortedByLocation()
            return nil
        }
        let modelClock = ContinuousClock.now
        let model = SiteModel(content: content, baseURL: options.baseURL)
        report.phases.append(("model", modelClock.duration(to: .now).seconds))
        report.languages = model.languages.count
        return (model, templateSet)
    }

    /// Everything `check` reports without rendering: the content loaded and validated, the templates parsed, and
    /// the templates checked against the site (page templates and partials present, every `{{t.key}}` and every
    /// UI string the code uses defined in every language).
    public static func checkSite(root: URL, options: BuildOptions) -> BuildReport {
        var report = BuildReport(diagnostics: [])
        guard let (model, templates) = prepare(root: root, options: options, report: &report) else { return report }
        finish(&report, templates.validate(against: model, routes: model.routes), strict: options.strict)
        return report
    }

    /// load → validate → model → render, all in memory; nothing is written.
    public static func render(root: URL, options: BuildOptions) -> (site: RenderedSite?, report: BuildReport) {
        var report = BuildReport(diagnostics: [])
        guard let (model, templates) = prepare(root: root, options: options, report: &report) else { return (nil, report) }
        let clock = ContinuousClock.now
        let rendered = SiteRenderer(model: model, templates: templates).render(progress: options.progress)
        report.phases.append(("render", clock.duration(to: .now).seconds))
        finish(&report, rendered.diagnostics, strict: options.strict)
        guard let site = rendered.value, report.diagnostics.errorCount == 0 else { return (nil, report) }
        report.pageCount = site.pageCount
        report.fileCount = site.files.count
        return (site, report)
    }

    /// The whole build: renders straight into a staging folder next to `output` (memory stays flat), then swaps it
    /// in. On any error the staging folder is removed and `output` is left as it was.
    public static func build(root: URL, output: URL, options: BuildOptions) -> BuildReport {
        var report = BuildReport(diagnostics: [])
        guard let (model, templates) = prepare(root: root, options: options, report: &report) else { return report }
        let clock = ContinuousClock.now
        let staging: OutputWriter.Staging
        do {
            staging = try OutputWriter(destination: output).begin()
        } catch {
            report.diagnostics.append(.error(.writeFailed(error), at: SourceLocation(file: output.path)))
            return report
        }
        let rendered = SiteRenderer(model: model, templates: templates).render(to: staging.sink, progress: options.progress)
        report.phases.append(("render+write", clock.duration(to: .now).seconds))
        finish(&report, rendered.diagnostics, strict: options.strict)
        guard let pageCount = rendered.value, report.diagnostics.errorCount == 0 else {
            staging.discard()
            return report
        }
        let swapClock = ContinuousClock.now
        do {
            try staging.commit()
        } catch {
            staging.discard()
            report.diagnostics.append(.error(.writeFailed(error), at: SourceLocation(file: output.path)))
            return report
        }
        report.phases.append(("swap", swapClock.duration(to: .now).seconds))
        report.pageCount = pageCount
        report.bytes = staging.sink.bytesWritten
        report.fileCount = staging.sink.fileCount
        return report
    }

    private static func finish(_ report: inout BuildReport, _ diagnostics: [Diagnostic], strict: Bool) {
        var all = report.diagnostics + diagnostics
        if strict { all = all.treatingWarningsAsErrors() }
        report.diagnostics = all.sortedByLocation()
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
