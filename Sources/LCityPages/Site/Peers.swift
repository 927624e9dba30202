import Foundation
import LCityContent

/// A city named similar to another, with every reason it was chosen. Reasons are facts about the two cities' data
/// that anyone can check (`docs/peers.md`); the score only chooses among candidates and is never shown.
public struct Peer: Sendable, Equatable {
    public var slug: String
    /// The weighted similarity that chose the peer (`PeerRules`): not shown, not an order of cities by value.
    public var score: Double
    /// In the order of `PeerReason`'s cases; never empty.
    public var reasons: [PeerReason]
}

/// One stated reason why two cities are similar.
public enum PeerReason: Sendable, Equatable {
    /// Both are in the same UNESCO region.
    case sameRegion
    /// Both populations fall in the same band (`PopulationBand`).
    case samePopulationBand(PopulationBand)
    /// Their latest GDP per capita (the `PeerRules.incomeMeasure`) differ by at most `PeerRules.incomeRatio`.
    case similarIncome(city: Double, cityYear: Int, peer: Double, peerYear: Int)
    /// Of the measures either reports, at least `PeerRules.sharedShare` are reported by both.
    case sharedMeasures(count: Int)
    /// On at least half of the `compared` measures both report (at least `PeerRules.minimumCompared`), their latest
    /// values are within `PeerRules.closeShareOfRange` of the network's range.
    case closeValues(close: Int, compared: Int)
}

/// Population bands, by the city's stated population.
public enum PopulationBand: Int, Sendable, CaseIterable, Comparable {
    case under500Thousand, from500ThousandTo1Million, from1To5Million, over5Million

    /// The band of `population`.
    public init(population: Int) {
        switch population {
        case ..<500_000: self = .under500Thousand
        case ..<1_000_000: self = .from500ThousandTo1Million
        case ..<5_000_000: self = .from1To5Million
        default: self = .over5Million
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The method and its numbers, documented in `docs/peers.md`.
public enum PeerRules {
    /// The measure read as a city's income: GDP per capita.
    public static let incomeMeasure = "1.2.1a"
    /// Weights of the score's parts (a maximum of 12).
    static let regionWeight = 3.0
    static let populationWeight = 2.0
    /// Full at equal incomes, falling linearly to 0 at a factor of 2 (on a log scale).
    static let incomeWeight = 2.0
    /// Times the share of measures reported by both among those either reports.
    static let sharedWeight = 2.0
    /// Times the share of close values among the measures both report (with at least `minimumCompared`).
    static let valuesWeight = 3.0
    /// Incomes within this factor are "similar".
    public static let incomeRatio = 1.25
    /// Reporting overlap (both ÷ either) that makes "many measures reported by both".
    public static let sharedShare = 0.6
    /// Fewest measures for the reporting and the values reasons.
    public static let minimumCompared = 5
    /// Two values are close within this share of the network's range (maximum − minimum) of the measure.
    public static let closeShareOfRange = 0.1
    /// Peers with at least this score are named, up to `maximumPeers`; below it, the best are named up to
    /// `minimumPeers`.
    static let scoreThreshold = 5.0
    public static let minimumPeers = 3
    public static let maximumPeers = 6
    /// Networks up to this size compare every pair; larger ones compare each city with its neighbours only.
    static let exhaustiveLimit = 200
    /// Neighbours taken on each side of a city in each of its candidate groups.
    static let neighbours = 16
}

/// Finds each city's similar cities once per build.
///
/// Every pair is compared in networks of up to `PeerRules.exhaustiveLimit` cities. Larger networks first prune:
/// a city's candidates are its neighbours in two groups — its region, and its population band — with each group's
/// cities ordered by GDP per capita (then population): `2 × 2 × PeerRules.neighbours` candidates at most, so the work
/// grows with the number of cities, not with its square.
public struct PeerFinder: Sendable {
    /// What the rules read of one city, computed once.
    struct Profile: Sendable {
        let slug: String
        let region: String
        let band: PopulationBand?
        let population: Int
        /// Latest GDP per capita and its year.
        let income: (value: Double, year: Int)?
        /// Latest headline value per measure, in framework order.
        let values: [Double?]
        /// Measures with at least one value, a bit per measure in framework order.
        let reported: [UInt64]
    }

    let profiles: [Profile]
    /// Each measure's network range (maximum − minimum), in framework order; nil without values.
    let spreads: [Double?]

    /// Reads the cities' profiles and the measures' ranges.
    public init(cities: [City], framework: Framework, statistics: [String: MeasureStatistics]) {
        let measures = framework.measures
        let totals = measures.map { $0.breakdownID.flatMap(framework.breakdown)?.totalCategory }
        spreads = measures.map { measure in statistics[measure.id]?.headline.map { $0.maximum - $0.minimum } }
        let words = (measures.count + 63) / 64
        profiles = parallelMap(cities) { city in
            var values: [Double?] = []
            values.reserveCapacity(measures.count)
            var reported = [UInt64](repeating: 0, count: words)
            var income: (Double, Int)?
            for (index, measure) in measures.enumerated() {
                let latest = city.series(for: measure.id)?.latest
                let value = latest?.headline(totalCategory: totals[index])
                values.append(value)
                if latest != nil { reported[index / 64] |= 1 << UInt64(index % 64) }
                if measure.id == PeerRules.incomeMeasure, let value, let latest, value > 0 { income = (value, latest.year.value) }
            }
            return Profile(
                slug: city.slug, region: city.region.value, band: city.population.map { PopulationBand(population: $0.value) },
                population: city.population?.value ?? 0, income: income, values: values, reported: reported)
        }
    }

    /// Every city's peers, by slug, best first (score, then slug).
    public func peers() -> [String: [Peer]] {
        let candidates = candidateLists()
        let chosen = parallelMap(Array(profiles.indices)) { index in choose(for: index, among: candidates(index)) }
        return Dictionary(uniqueKeysWithValues: zip(profiles.map(\.slug), chosen))
    }

    /// The candidates of each city (positions in `profiles`): every other city in a small network, else its
    /// neighbours in its region and in its population band.
    func candidateLists() -> @Sendable (Int) -> [Int] {
        let count = profiles.count
        guard count > PeerRules.exhaustiveLimit else {
            return { index in (0..<count).filter { $0 != index } }
        }
        // Each group's members ordered by income (cities without come last, by population), then slug.
        let key = { (profile: Profile) -> (Int, Double, Int, String) in
            (profile.income == nil ? 1 : 0, profile.income.map { log($0.value) } ?? 0, profile.population, profile.slug)
        }
        func ordered(_ members: [Int]) -> [Int] {
            members.sorted { key(profiles[$0]) < key(profiles[$1]) }
        }
        let byRegion = Dictionary(grouping: profiles.indices, by: { profiles[$0].region }).mapValues(ordered)
        let byBand = Dictionary(grouping: profiles.indices.filter { profiles[$0].band != nil }, by: { profiles[$0].band! })
            .mapValues(ordered)
        var positions = [[(group: [Int], at: Int)]](repeating: [], count: count)
        for group in Array(byRegion.values) + Array(byBand.values) {
            for (at, index) in group.enumerated() { positions[index].append((group, at)) }
        }
        let places = positions
        return { index in
            var found = Set<Int>()
            for (group, at) in places[index] {
                let window = max(0, at - PeerRules.neighbours)...min(group.count - 1, at + PeerRules.neighbours)
                for other in group[window] where other != index { found.insert(other) }
            }
            return found.sorted()
        }
    }

    /// The named peers of city `index` among `candidates`.
    func choose(for index: Int, among candidates: [Int]) -> [Peer] {
        let ranked = candidates.compactMap { compare(index, $0) }.sorted {
            $0.score != $1.score ? $0.score > $1.score : $0.slug < $1.slug
        }
        let strong = ranked.prefix { $0.score >= PeerRules.scoreThreshold }.prefix(PeerRules.maximumPeers)
        return strong.count >= PeerRules.minimumPeers ? Array(strong) : Array(ranked.prefix(PeerRules.minimumPeers))
    }

    /// City `b` as a peer of city `a`: its score and reasons, or nil when no reason holds.
    func compare(_ a: Int, _ b: Int) -> Peer? {
        let (city, other) = (profiles[a], profiles[b])
        var score = 0.0
        var reasons: [PeerReason] = []
        if city.region == other.region {
            score += PeerRules.regionWeight
            reasons.append(.sameRegion)
        }
        if let band = city.band, band == other.band {
            score += PeerRules.populationWeight
            reasons.append(.samePopulationBand(band))
        }
        if let income = city.income, let otherIncome = other.income {
            let distance = abs(log(income.value / otherIncome.value))
            score += PeerRules.incomeWeight * max(0, 1 - distance / log(2))
            if distance <= log(PeerRules.incomeRatio) + 1e-12 {
                reasons.append(.similarIncome(city: income.value, cityYear: income.year, peer: otherIncome.value, peerYear: otherIncome.year))
            }
        }
        var both = 0, either = 0
        for (x, y) in zip(city.reported, other.reported) {
            both += (x & y).nonzeroBitCount
            either += (x | y).nonzeroBitCount
        }
        if either > 0 {
            let share = Double(both) / Double(either)
            score += PeerRules.sharedWeight * share
            if both >= PeerRules.minimumCompared && share >= PeerRules.sharedShare { reasons.append(.sharedMeasures(count: both)) }
        }
        var compared = 0, close = 0
        for (measure, spread) in spreads.enumerated() {
            guard let spread, let x = city.values[measure], let y = other.values[measure] else { continue }
            compared += 1
            if abs(x - y) <= PeerRules.closeShareOfRange * spread { close += 1 }
        }
        if compared >= PeerRules.minimumCompared {
            score += PeerRules.valuesWeight * Double(close) / Double(compared)
            if close * 2 >= compared { reasons.append(.closeValues(close: close, compared: compared)) }
        }
        return reasons.isEmpty ? nil : Peer(slug: other.slug, score: score, reasons: reasons)
    }
}

extension SiteModel {
    /// The peers of `city` whose own value of `measure` improved, most per year first (at most three): only when
    /// the measure has a direction, and only peers whose first and latest reported years differ and can be
    /// compared (no break, no change of source). Progress, not level: a peer's value is never compared with the
    /// city's.
    public func learnFrom(_ city: City, measure: Measure) -> [(city: City, change: SeriesChange)] {
        guard measure.direction != .neither else { return [] }
        let total = measure.breakdownID.flatMap(framework.breakdown)?.totalCategory
        let improving = (peers[city.slug] ?? []).compactMap { peer -> (city: City, change: SeriesChange, rate: Double)? in
            guard let other = self.city(peer.slug), let series = other.series(for: measure.id),
                let change = SeriesChange(series, totalCategory: total), change.comparable,
                let rate = change.improvementPerYear(measure.direction), rate > 0
            else { return nil }
            return (other, change, rate)
        }
        return improving.sorted { $0.rate != $1.rate ? $0.rate > $1.rate : $0.city.slug < $1.city.slug }
            .prefix(3).map { ($0.city, $0.change) }
    }
}
