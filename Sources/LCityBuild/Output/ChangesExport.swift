import Foundation
import LCityContent
import LCityPages

extension DataExport {
    /// `data/changes/<version>.csv`: one row per value added, revised or withdrawn since the previous release, in
    /// the order of the changes page's data (cities by slug, measures in framework order, categories, years); nil
    /// without a release or a previous one.
    public func changesCSV() -> (path: String, data: Data)? {
        guard let version = model.config.release?.version, let comparison = model.releaseChanges else { return nil }
        let languages = model.languages
        var csv = CSVWriter(bytes: CSV.byteOrderMark)
        csv.row(
            ["from_release", "to_release", "city"] + languages.map { "city_name_\($0)" }
                + ["measure", "category", "year", "change", "value_before", "flag_before", "value_after", "flag_after", "unit"])
        for city in comparison.cities {
            let names = languages.map { language in
                city.name(in: language, fallbacks: model.config.fallbacks(for: language)) ?? ""
            }
            for change in city.changes {
                let unit = model.index.measures[change.key.measure]?.unitID ?? ""
                csv.row(
                    [comparison.from, version, city.slug] + names + [
                        change.key.measure, change.key.category, String(change.key.year), change.kind.rawValue,
                        change.before?.value.map(NumberText.plain) ?? "", change.before?.flag ?? "",
                        change.after?.value.map(NumberText.plain) ?? "", change.after?.flag ?? "", unit,
                    ])
            }
        }
        return (DownloadPath.changes(version), Data(csv.bytes))
    }
}
