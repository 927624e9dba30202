import Foundation

/// A member city and the values it reports.
///
/// Immutable and shared by reference: pages, statistics and downloads pass cities around by the thousand, and a
/// copy of a struct this size retains each of its texts.
public final class City: Sendable {
    /// The URL name, taken from the file name (`cities/<slug>.yaml`).
    public let slug: String
    /// The file the city was read from, as shown in diagnostics.
    public let file: String
    public let name: LocalizedText
    /// How the Chinese name is read, in pinyin ("Chángshā"), where Foundation's reading of a polyphonic character
    /// would be wrong; search finds the city by this instead of the computed pinyin.
    public let pinyin: Located<String>?
    /// Fictional example data: the site shows a notice.
    public let illustrative: Bool
    /// ISO 3166-1 alpha-2 code.
    public let country: Located<String>
    /// UNESCO region id.
    public let region: Located<String>
    public let population: Located<Int>?
    public let populationYear: Located<Int>?
    public let coordinates: Coordinates?
    public let joined: Located<Int>?
    public let website: Located<String>?
    /// Markdown per language.
    public let description: LocalizedText?
    /// Reported series, in file order.
    public let series: [ObservationSeries]
    /// Position of each measure's series in `series`.
    private let seriesIndex: [String: Int]
    /// How many measures the city reports a value of (in any year; `not_available` is not a value): its coverage.
    public let reportedMeasureCount: Int

    /// Whether `slug` can name a city file and URL: lowercase letters and digits, in words joined by single hyphens.
    public static func isValidSlug(_ slug: String) -> Bool {
        slug.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil
    }

    /// The series for `measureID`, if the city reports it.
    public func series(for measureID: String) -> ObservationSeries? {
        seriesIndex[measureID].map { series[$0] }
    }

    private static func index(_ series: [ObservationSeries]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (offset, entry) in series.enumerated() where index[entry.measureID.value] == nil {
            index[entry.measureID.value] = offset
        }
        return index
    }

    /// Creates a city.
    public init(
        slug: String, file: String, name: LocalizedText, pinyin: Located<String>? = nil, illustrative: Bool, country: Located<String>,
        region: Located<String>, population: Located<Int>?, populationYear: Located<Int>?, coordinates: Coordinates?,
        joined: Located<Int>?, website: Located<String>?, description: LocalizedText?, series: [ObservationSeries]
    ) {
        self.slug = slug
        self.file = file
        self.name = name
        self.pinyin = pinyin
        self.illustrative = illustrative
        self.country = country
        self.region = region
        self.population = population
        self.populationYear = populationYear
        self.coordinates = coordinates
        self.joined = joined
        self.website = website
        self.description = description
        self.series = series
        self.seriesIndex = City.index(series)
        self.reportedMeasureCount = series.count { series in series.observations.contains { $0.value != .notAvailable } }
    }
}

/// Latitude and longitude in degrees.
public struct Coordinates: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double
    public var location: SourceLocation

    public init(latitude: Double, longitude: Double, location: SourceLocation) {
        self.latitude = latitude
        self.longitude = longitude
        self.location = location
    }
}

/// A city's observations of one measure over the years.
public struct ObservationSeries: Sendable {
    public var measureID: Located<String>
    /// In file order (validation requires ascending years).
    public var observations: [Observation]

    /// Creates a series.
    public init(measureID: Located<String>, observations: [Observation]) {
        self.measureID = measureID
        self.observations = observations
    }

    /// The observations by ascending year (stable): `observations` itself, not a copy, when the file lists them in
    /// that order, as it should.
    public var byYear: [Observation] {
        observations.indices.dropFirst().allSatisfy { observations[$0 - 1].year.value <= observations[$0].year.value }
            ? observations : observations.sorted { $0.year.value < $1.year.value }
    }

    /// The most recent observation that has a value.
    public var latest: Observation? {
        observations.lazy.filter { $0.value != .notAvailable }.max { $0.year.value < $1.year.value }
    }
}

/// Quality flag on a value.
public enum ObservationFlag: String, Sendable, CaseIterable, Codable {
    case estimated
    case provisional
    /// Break in series: not comparable with earlier years.
    case `break`
    case lowReliability = "low_reliability"
}

/// The value of one observation.
public enum ObservationValue: Sendable, Equatable {
    /// One number.
    case single(Located<Double>)
    /// One number per breakdown category, in file order.
    case breakdown([CategoryValue])
    /// Reported as not available.
    case notAvailable
}

/// A value for one breakdown category.
public struct CategoryValue: Sendable, Equatable {
    public var category: Located<String>
    public var value: Located<Double>

    public init(category: Located<String>, value: Located<Double>) {
        self.category = category
        self.value = value
    }
}

/// One year's value of a measure for a city, with its provenance. Immutable and shared by reference, like `City`.
public final class Observation: Sendable {
    public let year: Located<Int>
    public let value: ObservationValue
    /// Where the figure comes from (statistics office, survey …).
    public let source: LocalizedText?
    public let flag: Located<ObservationFlag>?
    public let note: LocalizedText?
    /// `revised: "2026.1"`: the release in which this value was knowingly corrected, which silences the warning
    /// that it differs from the previous release (the note says why).
    public let revised: Located<String>?
    public let location: SourceLocation

    /// Creates an observation.
    public init(
        year: Located<Int>, value: ObservationValue, source: LocalizedText?, flag: Located<ObservationFlag>?,
        note: LocalizedText?, revised: Located<String>? = nil, location: SourceLocation
    ) {
        self.year = year
        self.value = value
        self.source = source
        self.flag = flag
        self.note = note
        self.revised = revised
        self.location = location
    }

    /// The headline number: the single value, or the total category (else the only category).
    public func headline(totalCategory: String?) -> Double? {
        switch value {
        case .single(let value): return value.value
        case .breakdown(let values):
            if let totalCategory, let total = values.first(where: { $0.category.value == totalCategory }) {
                return total.value.value
            }
            return values.count == 1 ? values[0].value.value : nil
        case .notAvailable: return nil
        }
    }

    /// The value of `category`, if reported.
    public func value(for category: String) -> Double? {
        guard case .breakdown(let values) = value else { return nil }
        return values.first { $0.category.value == category }?.value.value
    }
}

extension ObservationSeries {
    /// Whether two series report the same data — years, values by category, sources, flags and notes — wherever in
    /// their files they are written.
    public func hasSameData(as other: ObservationSeries) -> Bool {
        observations.count == other.observations.count
            && zip(observations, other.observations).allSatisfy { $0.hasSameData(as: $1) }
    }
}

extension Observation {
    /// Whether two observations report the same data, wherever in their files they are written.
    public func hasSameData(as other: Observation) -> Bool {
        guard year.value == other.year.value, source == other.source, flag?.value == other.flag?.value, note == other.note
        else { return false }
        switch (value, other.value) {
        case (.single(let a), .single(let b)): return a.value == b.value
        case (.breakdown(let a), .breakdown(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { $0.category.value == $1.category.value && $0.value.value == $1.value.value }
        case (.notAvailable, .notAvailable): return true
        default: return false
        }
    }
}
