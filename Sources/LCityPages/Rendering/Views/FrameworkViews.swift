import LCityContent
/// A measure in a list: name, source type, unit, how many cities report it.
public struct MeasureItemView: Sendable, Encodable {
    public var id: String
    public var name: String
    public var definition: String
    public var href: String
    public var sourceType: String
    public var sourceKey: String
    public var unit: String
    public var breakdown: String?
    public var reporting: String
    /// The network median and its years (focus-area pages only).
    public var network: String?
    public var note: String?
}

public struct KeyFeatureView: Sendable, Encodable {
    public var id: String
    public var anchor: String
    public var name: String
    public var measures: [MeasureItemView]
}

public struct FocusAreaItemView: Sendable, Encodable {
    public var id: String
    public var name: String
    public var href: String
    public var commitment: String
    public var commitmentHref: String
    public var keyFeatures: [KeyFeatureView]
    public var measureCount: Int
}

public struct GroupView: Sendable, Encodable {
    public var id: String
    public var kind: String
    public var name: String
    public var description: String
    public var focusAreas: [FocusAreaItemView]
}

public struct HomeView: Sendable, Encodable {
    public var tagline: String
    public var entries: [EntryView]
    public var figures: [FigureView]
    public var regions: [RegionCountView]
    /// The map of all member cities.
    public var map: CityMapView?
    public var groups: [GroupView]
    /// The background pages (foreword, introduction …).
    public var documents: [EntryView]
}

public struct EntryView: Sendable, Encodable {
    public var title: String
    public var text: String
    public var href: String
}

public struct FigureView: Sendable, Encodable {
    public var value: String
    public var label: String
}

public struct RegionCountView: Sendable, Encodable {
    public var name: String
    public var href: String
    public var cities: String
}

public struct TOCEntryView: Sendable, Encodable {
    public var label: String
    public var href: String
    public var sub: Bool
}

public struct DeclarationView: Sendable, Encodable {
    public var html: String
    /// The language of `html` when it falls back from the page's.
    public var lang: String?
    public var toc: [TOCEntryView]
    public var commitments: [CommitmentLinkView]
}

public struct CommitmentLinkView: Sendable, Encodable {
    public var number: String
    public var commitmentHref: String
    public var focusArea: String
    public var focusAreaHref: String
}

public struct FrameworkView: Sendable, Encodable {
    public var roof: [GroupView]
    public var pillars: [GroupView]
    public var foundation: [GroupView]
    public var groups: [GroupView]
    public var counts: String
    public var aboutHref: String?
    /// The framework house as an inline SVG (wide screens; narrow ones get the lists).
    public var house: String
}

public struct FocusAreaView: Sendable, Encodable {
    public var id: String
    public var group: String
    public var groupName: String
    public var commitment: String
    public var commitmentHref: String
    public var keyFeatures: [KeyFeatureView]
    public var previous: Link?
    public var next: Link?
}
