import Foundation
import LCityContent
import LCityUTF8

extension PageScope {
    func dataPage() -> PageContext<DataPageView> {
        var page = layout(title: l[.pageData], description: l[.dataDescription], showsData: true)
        let downloads = dataDownloads()
        page.jsonLD = datasetJSONLD(
            name: l.text(model.config.dataCitation?.title ?? model.config.title), description: l[.dataDescription],
            url: absolute(route.path), downloads: downloads, years: networkYears)
        let release = model.config.release.map { l.format(.changesRelease, ["version": $0.version, "date": builder.dataDates[language] ?? ""]) }
        return context(
            page,
            DataPageView(
                intro: l[.dataDescription], release: release, downloads: downloads,
                changes: Link(label: changesTitle, href: href(.changes())), cite: cite))
    }

    /// "How to cite" in this page's language.
    var cite: CiteView { builder.citeViews[language]! }

    /// The first and last year of any value in the network.
    var networkYears: ClosedRange<Int>? {
        let ranges = model.statistics.values.compactMap(\.years)
        guard let first = ranges.map(\.lowerBound).min(), let last = ranges.map(\.upperBound).max() else { return nil }
        return first...last
    }

    /// Every file of the whole dataset, described: what the data page lists, and the Dataset's distributions.
    func dataDownloads() -> [DownloadView] {
        let release = model.config.release
        func download(_ path: String, _ format: String, _ text: String) -> DownloadView {
            DownloadView(label: String(path.dropFirst("data/".count)), href: file(path), format: format, text: text)
        }
        var downloads = [
            download(DownloadPath.archive(release), "application/zip", l[.downloadFileArchive]),
            download(
                DownloadPath.workbook(release), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                l[.downloadFileWorkbook]),
            download(DownloadPath.all, "text/csv", l[.downloadFileAll]),
            download(DownloadPath.cities, "text/csv", l[.downloadFileCities]),
        ]
        for other in model.languages {
            downloads.append(download(DownloadPath.wide(other), "text/csv", l.format(.downloadFileWide, ["language": other])))
        }
        downloads.append(download(DownloadPath.framework, "application/json", l[.downloadFileFramework]))
        if let version = release?.version, model.releaseChanges != nil {
            downloads.append(download(DownloadPath.changes(version), "text/csv", l[.dataFileChanges]))
        }
        return downloads
    }

    /// A schema.org `Dataset` (https://schema.org/Dataset) as JSON-LD: name, description, licence, version,
    /// publisher, every download as a `DataDownload`, the places and the years covered.
    func datasetJSONLD(name: String, description: String, url: String, downloads: [DownloadView], years: ClosedRange<Int>?) -> String {
        struct Organization: Encodable {
            var type = "Organization"
            var name: String
            enum CodingKeys: String, CodingKey { case type = "@type", name }
        }
        struct Distribution: Encodable {
            var type = "DataDownload"
            var name: String
            var contentUrl: String
            var encodingFormat: String
            enum CodingKeys: String, CodingKey { case type = "@type", name, contentUrl, encodingFormat }
        }
        struct Place: Encodable {
            var type = "Place"
            var name: String
            enum CodingKeys: String, CodingKey { case type = "@type", name }
        }
        struct Dataset: Encodable {
            var context = "https://schema.org"
            var type = "Dataset"
            var name: String
            var description: String
            var url: String
            var inLanguage: String
            var license: String?
            var version: String?
            var datePublished: String?
            var publisher: Organization?
            var creator: Organization?
            var isAccessibleForFree = true
            var distribution: [Distribution]
            var spatialCoverage: Place
            var temporalCoverage: String?
            enum CodingKeys: String, CodingKey {
                case context = "@context", type = "@type", name, description, url, inLanguage, license, version, datePublished,
                    publisher, creator, isAccessibleForFree, distribution, spatialCoverage, temporalCoverage
            }
        }
        let citation = model.config.dataCitation
        let publisher = Organization(name: LanguageSpans.strip(l.text(citation?.publisher ?? model.config.source.publisher)))
        let countries = Set(model.cities.map(\.country.value)).count
        let dataset = Dataset(
            name: LanguageSpans.strip(name), description: LanguageSpans.strip(description), url: url, inLanguage: language,
            license: citation?.licenceURL, version: model.config.release?.version, datePublished: model.config.release?.date,
            publisher: publisher, creator: publisher,
            distribution: downloads.map { download in
                Distribution(name: download.label, contentUrl: absolute(String(download.href.dropFirst(root.count))), encodingFormat: download.format)
            },
            spatialCoverage: Place(name: l.format(.dataSpatialCoverage, ["cities": citiesCount(model.cities.count), "countries": l.integer(countries)])),
            temporalCoverage: years.map { $0.count == 1 ? String($0.lowerBound) : "\($0.lowerBound)/\($0.upperBound)" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(dataset)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
