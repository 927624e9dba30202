/// The page of what changed in this release, and what `lcity-site diff` prints as text or Markdown: the same view.
public struct ChangesView: Sendable, Encodable {
    /// "Release 2026.1 (30 November 2026) compared with release 2025.2."
    public var intro: String
    /// "12 values added, 1 revised and 1 withdrawn, in 3 cities."; nil when nothing changed or there is nothing
    /// to compare with (`empty` says which).
    public var summary: String?
    public var empty: String?
    public var citiesAdded: [ChangedCityLink]
    public var citiesRemoved: [ChangedCityLink]
    /// The measures with changes, in framework order, each naming its cities.
    public var measures: [ChangedMeasureView]
    /// The cities with changes on this page (every city for `diff`), in alphabetical order of name.
    public var cities: [ChangedCityView]
    /// Links to every changes page (`templates/partials/pager.mustache`), "" for one page.
    public var pager: String
    /// `data/changes/<version>.csv`, when there are changes.
    public var download: Link?
    /// The headers of a city's table: measure, year, change, before, now, difference.
    public var headers: ChangeHeadersView
    public var cite: CiteView
}

/// The column headers of the changes tables.
public struct ChangeHeadersView: Sendable, Encodable {
    public var measure: String
    public var year: String
    public var kind: String
    public var before: String
    public var after: String
    public var change: String
    public var cities: String
}

/// A city named in the changes: its name, and a link to its section (or, for a city removed, none).
public struct ChangedCityLink: Sendable, Encodable {
    public var name: String
    public var slug: String
    public var href: String?
}

/// A measure with changes: its anchor (`measure-<id>`), label, page, and the cities whose values changed.
public struct ChangedMeasureView: Sendable, Encodable {
    public var anchor: String
    public var id: String
    public var label: String
    public var href: String
    /// The first cities with changes of the measure (`Paging.changedCitiesPerMeasure`).
    public var cities: [ChangedCityLink]
    /// " and 40 more", when the cities are too many to name.
    public var more: String?
}

/// One city's changes: its anchor (`city-<slug>`), name, profile (nil for a city removed), what happened to it
/// in the network, its counts and one row per changed value.
public struct ChangedCityView: Sendable, Encodable {
    public var anchor: String
    public var slug: String
    public var name: String
    public var href: String?
    public var presence: String?
    public var summary: String
    public var rows: [ChangeRowView]
    /// "40 more of this city's changes are listed in the CSV …", when its changes are too many to list
    /// (`Paging.changedValues`).
    public var more: String?
}

/// One value changed: kind (`added`, `revised`, `withdrawn`) and its label, the measure (with category), year,
/// the value before and now (each with unit and flag, or saying it was not in that release) and the difference.
public struct ChangeRowView: Sendable, Encodable {
    public var kind: String
    public var kindLabel: String
    public var measureID: String
    public var measure: String
    public var measureHref: String
    public var year: String
    public var before: String
    public var after: String
    public var change: String
}

/// A notice on a profile or indicator page that the release changed its values, linking to the changes.
public struct ChangeNoticeView: Sendable, Encodable {
    public var text: String
    public var link: Link
}

/// "How to cite" on the pages that show data: the reference to copy, and its parts (the licence linked).
public struct CiteView: Sendable, Encodable {
    public var heading: String
    public var reference: String
    public var fields: [StatisticView]
    public var licence: Link?
    public var licenceLabel: String

    init(_ citation: Citation, licenceLabel: String) {
        heading = citation.heading
        reference = citation.reference
        fields = citation.fields.filter { $0.label != licenceLabel }.map { StatisticView(label: $0.label, value: $0.value) }
        licence = citation.licence.map { Link(label: $0, href: citation.licenceURL ?? "") }
        self.licenceLabel = licenceLabel
    }
}

/// The data page: the release, every download with what it holds, and how to cite the data.
public struct DataPageView: Sendable, Encodable {
    public var intro: String
    public var release: String?
    public var downloads: [DownloadView]
    public var changes: Link
    public var cite: CiteView
}

/// A file to download: its name, link, format and what it holds.
public struct DownloadView: Sendable, Encodable {
    public var label: String
    public var href: String
    /// The media type (`text/csv`), for the Dataset metadata.
    public var format: String
    public var text: String

    /// The format as readers name it: the file's extension in capitals (`CSV`, `XLSX`).
    public var formatName: String { label.split(separator: ".").last.map { $0.uppercased() } ?? format }

    enum CodingKeys: String, CodingKey { case label, href, format, text, formatName }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(href, forKey: .href)
        try container.encode(format, forKey: .format)
        try container.encode(text, forKey: .text)
        try container.encode(formatName, forKey: .formatName)
    }
}
