import Foundation

/// Where a value stands in a release: measure, breakdown category ("" for a single value) and year.
public struct ReleasedKey: Hashable, Sendable {
    public var measure: String
    public var category: String
    public var year: Int

    public init(measure: String, category: String, year: Int) {
        self.measure = measure
        self.category = category
        self.year = year
    }
}

/// One released value: the number (nil where the city reported it as not available) and its flag.
public struct ReleasedValue: Hashable, Sendable {
    public var value: Double?
    public var flag: String?

    public init(value: Double?, flag: String?) {
        self.value = value
        self.flag = flag
    }
}

/// One city's data as released: its names and every value by measure, category and year.
public struct ReleasedCity: Equatable, Sendable {
    public var slug: String
    /// The city's name per language code.
    public var names: [String: String]
    public var values: [ReleasedKey: ReleasedValue]

    public init(slug: String, names: [String: String], values: [ReleasedKey: ReleasedValue]) {
        self.slug = slug
        self.names = names
        self.values = values
    }

    /// The data of `city` as a release holds it: one value per single observation, one per category of a
    /// breakdown, and "not available" as a value without number.
    public init(_ city: City) {
        var values: [ReleasedKey: ReleasedValue] = [:]
        for series in city.series {
            for observation in series.observations {
                let flag = observation.flag?.value.rawValue
                let year = observation.year.value
                switch observation.value {
                case .single(let value):
                    values[ReleasedKey(measure: series.measureID.value, category: "", year: year)] = ReleasedValue(value: value.value, flag: flag)
                case .breakdown(let entries):
                    for entry in entries {
                        values[ReleasedKey(measure: series.measureID.value, category: entry.category.value, year: year)] =
                            ReleasedValue(value: entry.value.value, flag: flag)
                    }
                case .notAvailable:
                    values[ReleasedKey(measure: series.measureID.value, category: "", year: year)] = ReleasedValue(value: nil, flag: flag)
                }
            }
        }
        self.init(slug: city.slug, names: city.name.translations, values: values)
    }
}

/// The data of one release: every city's values. Read from `content/releases/<version>.csv` (written by
/// `lcity-site release`), or made from loaded content (the current data, or another revision's).
public struct ReleaseData: Sendable {
    /// The release's version ("2025.2"), or a description of where the data came from (a folder, a revision).
    public var version: String
    /// The cities by slug.
    public var cities: [String: ReleasedCity]
    /// The file it was read from, relative to the site root (nil for data made from content).
    public var file: String?
    /// Whether this is a release kept in `content/releases/` (`version` is then a release's version), rather than
    /// data read from a folder or a git revision (`version` then names where).
    public var isKept: Bool

    public init(version: String, cities: [String: ReleasedCity], file: String? = nil, kept: Bool = true) {
        self.version = version
        self.cities = cities
        self.file = file
        self.isKept = kept
    }

    /// The data of the loaded `cities`, named `version` (a release's version when `kept`).
    public init(version: String, cities: [City], kept: Bool = true) {
        self.init(
            version: version,
            cities: Dictionary(parallelMap(cities) { ReleasedCity($0) }.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a }),
            kept: kept)
    }
}
