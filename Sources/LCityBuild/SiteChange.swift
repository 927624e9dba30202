import Foundation

/// What a set of changed files asks of the incremental session: a pure function of the paths (relative to the site
/// root) and of which of them still exist.
public enum SiteChange: Equatable, Sendable {
    /// One city file edited (it still exists): that city is reloaded alone, if the model knows it.
    case city(path: String, slug: String)
    /// Templates or assets only: every page is rendered again from the same model.
    case templates
    /// Anything else (framework, UI strings, pages, settings, countries, a city added or removed, several files of
    /// different kinds): everything is loaded and rendered again.
    case everything

    /// Classifies `paths`; `exists` tells whether a path is still there.
    public init(_ paths: [String], exists: (String) -> Bool) {
        let kinds = paths.map(Self.kind)
        if paths.count == 1, case .cityFile(let slug) = kinds[0], exists(paths[0]) {
            self = .city(path: paths[0], slug: slug)
        } else if !kinds.isEmpty, kinds.allSatisfy({ $0 == .template }) {
            self = .templates
        } else {
            self = .everything
        }
    }

    /// The kinds of file a site folder holds, for `SiteChange`.
    public enum FileKind: Equatable, Sendable {
        case cityFile(slug: String)
        /// A file under `templates/`: a template or an asset.
        case template
        /// Any other file under `content/`.
        case content
        /// A file outside `content/` and `templates/`, which the site does not read.
        case unrelated
    }

    /// The kind of the file at `path`, relative to the site root.
    public static func kind(of path: String) -> FileKind {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.first == "templates", parts.count > 1 { return .template }
        guard parts.first == "content", parts.count > 1 else { return .unrelated }
        if parts.count == 3, parts[1] == "cities", parts[2].hasSuffix(".yaml"), parts[2].count > ".yaml".count {
            return .cityFile(slug: String(parts[2].dropLast(".yaml".count)))
        }
        return .content
    }
}
