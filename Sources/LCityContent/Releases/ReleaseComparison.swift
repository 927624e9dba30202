/// What one value did between two releases.
public enum ChangeKind: String, Sendable, CaseIterable {
    /// In the new release only.
    case added
    /// In both, with another number, availability or flag.
    case revised
    /// In the old release only.
    case withdrawn
}

/// One value that differs between two releases.
public struct DataChange: Equatable, Sendable {
    public var key: ReleasedKey
    /// The value in the earlier release (nil: added).
    public var before: ReleasedValue?
    /// The value in the later release (nil: withdrawn).
    public var after: ReleasedValue?

    public var kind: ChangeKind {
        before == nil ? .added : after == nil ? .withdrawn : .revised
    }
}

/// One city's changes between two releases, in the framework's order of measures, then category, then year.
public struct CityChanges: Equatable, Sendable {
    public enum Presence: String, Sendable {
        /// The city is in both releases.
        case kept
        /// The city joined: it is in the later release only.
        case added
        /// The city left: it is in the earlier release only.
        case removed
    }
    public var slug: String
    /// Its names in the later release, or in the earlier one for a city removed.
    public var names: [String: String]
    public var presence: Presence
    public var changes: [DataChange]

    /// The city's name in `language`, else in the first of `fallbacks` that has one.
    public func name(in language: String, fallbacks: [String]) -> String? {
        ([language] + fallbacks).lazy.compactMap { names[$0] }.first
    }

    /// The changes of one kind.
    public func count(_ kind: ChangeKind) -> Int { changes.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }

    /// The changes between a city's data in two releases; nil when nothing differs.
    /// - Parameter measureOrder: each measure's position in the framework (unknown measures go last, by id).
    public static func compare(
        _ before: ReleasedCity?, _ after: ReleasedCity?, measureOrder: [String: Int], categoryOrder: [String: [String: Int]] = [:]
    ) -> CityChanges? {
        guard let city = after ?? before else { return nil }
        let old = before?.values ?? [:], new = after?.values ?? [:]
        var changes: [DataChange] = []
        for (key, value) in new where old[key] != value {
            changes.append(DataChange(key: key, before: old[key], after: value))
        }
        for (key, value) in old where new[key] == nil {
            changes.append(DataChange(key: key, before: value, after: nil))
        }
        let presence: Presence = before == nil ? .added : after == nil ? .removed : .kept
        guard !changes.isEmpty || presence != .kept else { return nil }
        changes.sort { a, b in
            let (x, y) = (a.key, b.key)
            if x.measure != y.measure {
                let (i, j) = (measureOrder[x.measure] ?? .max, measureOrder[y.measure] ?? .max)
                return i != j ? i < j : x.measure < y.measure
            }
            if x.category != y.category {
                let order = categoryOrder[x.measure] ?? [:]
                let (i, j) = (order[x.category] ?? .max, order[y.category] ?? .max)
                return i != j ? i < j : x.category < y.category
            }
            return x.year < y.year
        }
        return CityChanges(slug: city.slug, names: city.names, presence: presence, changes: changes)
    }
}

/// What changed from one release to another: per city (in slug order), every value added, revised or withdrawn,
/// and the cities that joined or left.
public struct ReleaseComparison: Sendable {
    /// The earlier release's version (or where its data came from) and the later one's.
    public var from: String
    public var to: String
    /// Whether `from` is a release kept in `content/releases/` (rather than a folder or a git revision).
    public var fromKeptRelease: Bool
    public var cities: [CityChanges]

    public init(from: String, to: String, fromKeptRelease: Bool = true, cities: [CityChanges]) {
        self.from = from
        self.to = to
        self.fromKeptRelease = fromKeptRelease
        self.cities = cities
    }

    /// Compares `before` with `after`, ordering each city's changes by the framework's measures and categories.
    public init(from before: ReleaseData, to after: ReleaseData, framework: Framework) {
        let order = Self.orders(framework)
        let slugs = Set(before.cities.keys).union(after.cities.keys).sorted()
        let cities = parallelMap(slugs) { slug in
            CityChanges.compare(
                before.cities[slug], after.cities[slug], measureOrder: order.measures, categoryOrder: order.categories)
        }
        self.init(from: before.version, to: after.version, fromKeptRelease: before.isKept, cities: cities.compactMap { $0 })
    }

    /// The framework's order of measures, and of each breakdown measure's categories.
    public static func orders(_ framework: Framework) -> (measures: [String: Int], categories: [String: [String: Int]]) {
        var measures: [String: Int] = [:]
        var categories: [String: [String: Int]] = [:]
        for (position, measure) in framework.measures.enumerated() {
            measures[measure.id] = position
            if let breakdown = measure.breakdownID.flatMap(framework.breakdown) {
                categories[measure.id] = Dictionary(
                    breakdown.categories.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            }
        }
        return (measures, categories)
    }

    /// How many values were added, revised and withdrawn in all.
    public func count(_ kind: ChangeKind) -> Int { cities.reduce(0) { $0 + $1.count(kind) } }

    /// The cities that joined, and those that left.
    public var citiesAdded: [CityChanges] { cities.filter { $0.presence == .added } }
    public var citiesRemoved: [CityChanges] { cities.filter { $0.presence == .removed } }

    /// Whether nothing differs.
    public var isEmpty: Bool { cities.isEmpty }

    /// The changes of the city `slug`, if any: found by binary search, since `cities` is in slug order (every city
    /// profile asks for its own).
    public func city(_ slug: String) -> CityChanges? {
        var (low, high) = (0, cities.count)
        while low < high {
            let middle = (low + high) / 2
            if cities[middle].slug < slug { low = middle + 1 } else { high = middle }
        }
        return low < cities.count && cities[low].slug == slug ? cities[low] : nil
    }
}
