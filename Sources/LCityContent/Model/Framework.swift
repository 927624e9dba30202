/// The Key Features of Learning Cities: 3 groups → 12 focus areas → 42 key features → 60 measures.
public struct Framework: Sendable {
    /// The year the printed table's data column refers to.
    public var dataYear: Int?
    /// Units the measures are expressed in, in file order.
    public var units: [MeasureUnit]
    /// The five-point rating scale, best first.
    public var ratingScale: [RatingLevel]
    /// Breakdown dimensions (sex, learning space …), in file order.
    public var breakdowns: [Breakdown]
    /// Roof, pillars and foundation.
    public var groups: [FrameworkGroup] {
        didSet { rebuildIndexes() }
    }
    /// Focus areas, key features and measures in framework order, and units and breakdowns by id: computed once.
    public private(set) var focusAreas: [FocusArea] = []
    public private(set) var keyFeatures: [KeyFeature] = []
    public private(set) var measures: [Measure] = []
    private var unitsByID: [String: MeasureUnit] = [:]
    private var breakdownsByID: [String: Breakdown] = [:]

    /// Creates a framework.
    public init(
        dataYear: Int?, units: [MeasureUnit], ratingScale: [RatingLevel], breakdowns: [Breakdown],
        groups: [FrameworkGroup]
    ) {
        self.dataYear = dataYear
        self.units = units
        self.ratingScale = ratingScale
        self.breakdowns = breakdowns
        self.groups = groups
        rebuildIndexes()
    }

    private mutating func rebuildIndexes() {
        focusAreas = groups.flatMap(\.focusAreas)
        keyFeatures = focusAreas.flatMap(\.keyFeatures)
        measures = keyFeatures.flatMap(\.measures)
        unitsByID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        breakdownsByID = Dictionary(breakdowns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The unit with `id`.
    public func unit(_ id: String) -> MeasureUnit? { unitsByID[id] }
    /// The breakdown with `id`.
    public func breakdown(_ id: String) -> Breakdown? { breakdownsByID[id] }
}

/// Which part of the framework "house" a group is.
public enum GroupKind: String, Sendable, CaseIterable {
    case roof, pillars, foundation
}

/// One of the three parts of the framework: wider benefits, building blocks, fundamental conditions.
public struct FrameworkGroup: Sendable {
    public var id: String
    public var kind: GroupKind
    public var name: LocalizedText
    public var description: LocalizedText?
    public var focusAreas: [FocusArea]
    public var location: SourceLocation
}

/// A focus area (1.1 … 3.3), matching one commitment of the Beijing Declaration.
public struct FocusArea: Sendable {
    public var id: String
    /// The number (1–12) of the declaration commitment it corresponds to.
    public var commitment: Int
    public var name: LocalizedText
    public var keyFeatures: [KeyFeature]
    public var location: SourceLocation
}

/// A key feature (1.1.1 …) with the measures that monitor it.
public struct KeyFeature: Sendable {
    public var id: String
    public var name: LocalizedText
    public var measures: [Measure]
    public var location: SourceLocation
}

/// Where a measure's data come from.
public enum SourceType: String, Sendable, CaseIterable, Codable {
    /// 市政府提供的官方数据 — official data provided by the city government.
    case official
    /// 调查结果 — survey results.
    case survey
    /// 专家评价 — expert rating.
    case expert
}

/// Which way a measure's values move when a city's situation improves, as this site reads the measure's definition.
/// Used only to word a city's own change ("improved", "worsened") and to find peers that progressed: never to order
/// cities by their values.
public enum Direction: String, Sendable, CaseIterable, Codable {
    /// A rise is an improvement (literacy, participation, ratings).
    case higher
    /// A fall is an improvement (crime, unemployment, poverty).
    case lower
    /// No reading: a rise is neither better nor worse (shares of spending, pupil–teacher ratios).
    case neither
}

/// A measure (测量点), the indicator a city reports values for. Immutable and shared by reference: every page and
/// download walks the measures, and a copy of a struct this size retains each of its texts.
public final class Measure: Sendable {
    public let id: String
    public let name: LocalizedText
    public let definition: LocalizedText
    public let source: SourceType
    /// Our reading of which way is an improvement (`neither` when the definition does not say).
    public let direction: Direction
    /// Key of the unit in `Framework.units`.
    public let unitID: String
    /// Key of the breakdown in `Framework.breakdowns`, if values are broken down.
    public let breakdownID: String?
    /// Where `unit` and `breakdown` were written (for unknown-reference errors).
    public let unitLocation: SourceLocation
    public let breakdownLocation: SourceLocation?
    /// Overrides of the unit's valid range.
    public let minimum: Double?
    public let maximum: Double?
    /// What the printed table's data column shows.
    public let printed: String?
    /// Note on the transcription: what the printed document shows where it is garbled.
    public let note: LocalizedText?
    public let location: SourceLocation

    /// Creates a measure.
    public init(
        id: String, name: LocalizedText, definition: LocalizedText, source: SourceType, direction: Direction = .neither,
        unitID: String, breakdownID: String?, unitLocation: SourceLocation, breakdownLocation: SourceLocation?, minimum: Double?,
        maximum: Double?, printed: String?, note: LocalizedText?, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.definition = definition
        self.source = source
        self.direction = direction
        self.unitID = unitID
        self.breakdownID = breakdownID
        self.unitLocation = unitLocation
        self.breakdownLocation = breakdownLocation
        self.minimum = minimum
        self.maximum = maximum
        self.printed = printed
        self.note = note
        self.location = location
    }
}

/// Whether a unit is a measured quantity or an ordinal rating.
public enum UnitKind: String, Sendable, CaseIterable {
    case quantity, rating
}

/// A unit such as percent, rate per 100,000 or the five-point rating.
public struct MeasureUnit: Sendable {
    public var id: String
    public var kind: UnitKind
    public var name: LocalizedText
    /// Suffix shown after a number ("%", "per 100,000"); nil for ratings.
    public var symbol: LocalizedText?
    /// Fixed number of decimals when formatting.
    public var decimals: Int
    public var minimum: Double
    public var maximum: Double?
    public var location: SourceLocation
    /// The largest plausible change from one reported year to the next (`yearly_change`); nil: not checked.
    public var yearlyChange: YearlyChange? = nil
}

/// How far a value of a unit may plausibly move in a year (`yearly_change` in framework.yaml): beyond it,
/// `check` warns. Over a gap of several years the limit grows with the gap (see docs/content-format.md).
public enum YearlyChange: Sendable, Equatable {
    /// At most this many units up or down a year (percentage points for percent).
    case points(Double)
    /// At most this factor up or down a year (2: doubling or halving).
    case factor(Double)
}

/// One level of the five-point rating scale.
public struct RatingLevel: Sendable {
    public var value: Int
    public var name: LocalizedText
}

/// A breakdown dimension and its categories.
public struct Breakdown: Sendable {
    public var id: String
    public var name: LocalizedText
    public var categories: [BreakdownCategory]
    /// The category that aggregates the others (`total`), if any.
    public var totalCategory: String?
    public var location: SourceLocation

    /// The category with `id`.
    public func category(_ id: String) -> BreakdownCategory? { categories.first { $0.id == id } }
}

/// One category of a breakdown (male, female, total …).
public struct BreakdownCategory: Sendable {
    public var id: String
    public var name: LocalizedText
}

extension Measure {
    /// The valid range: the measure's own bounds, else the unit's.
    public func range(in unit: MeasureUnit) -> (minimum: Double, maximum: Double?) {
        (minimum ?? unit.minimum, maximum ?? unit.maximum)
    }
}
