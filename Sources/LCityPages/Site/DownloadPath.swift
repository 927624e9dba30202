import LCityContent

/// Where each download of the whole dataset is, below the site root: what the data page lists, the Dataset
/// metadata names and `DataExport` writes, said once.
public enum DownloadPath {
    public static let all = "data/all.csv"
    public static let cities = "data/cities.csv"
    public static let framework = "data/framework.json"

    /// One language's wide table: `data/wide.zh.csv`.
    public static func wide(_ language: String) -> String { "data/wide.\(language).csv" }

    /// The base name of the workbook and the archive: `lcity-data-2026.1`, or `lcity-data` without a release.
    public static func bundleName(_ release: Release?) -> String {
        release.map { "lcity-data-\($0.version)" } ?? "lcity-data"
    }

    public static func workbook(_ release: Release?) -> String { "data/\(bundleName(release)).xlsx" }
    public static func archive(_ release: Release?) -> String { "data/\(bundleName(release)).zip" }

    /// What changed in release `version` since the previous one.
    public static func changes(_ version: String) -> String { "data/changes/\(version).csv" }
}
