import Foundation

/// The stages every command shares: load → validate (→ model → render → write, for `build`).
public enum Pipeline {
    /// Loads and validates the content at `root`. The content is returned only when there are no errors.
    ///
    /// One run reports every problem: the cities are validated also when the framework or the countries did not
    /// load; the problems of the files every city depends on come first, and what follows from them in city files
    /// is counted in a note under its cause rather than listed.
    public static func check(root: URL, validator: Validator = Validator(), strict: Bool = false)
        -> StageResult<LoadedContent>
    {
        let loaded = ContentLoader(root: root).load(keepingPartialContent: true)
        var diagnostics = loaded.diagnostics
        if let content = loaded.value {
            diagnostics += validator.validate(content)
        }
        if strict { diagnostics = diagnostics.treatingWarningsAsErrors() }
        diagnostics = diagnostics.collapsingConsequences().sortedByLocation()
        let ok = diagnostics.errorCount == 0
        return StageResult(value: ok ? loaded.value : nil, diagnostics: diagnostics, files: loaded.files)
    }
}
