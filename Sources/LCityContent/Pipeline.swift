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
