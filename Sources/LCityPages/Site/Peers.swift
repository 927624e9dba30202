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
/// grows with the number of cities, not with its square. Being a candidate is mutual (a neighbour's neighbour
/// distance is the same both ways), which lets an edit of one city redo only that city and its candidates.
///
/// What the rules read of each city is kept in flat columns, city by city in the order of the cities given, so
/// that comparing two cities reads numbers only.
public struct PeerFinder: Sendable {
    let slugs: [String]
    let regions: [String]
    /// Which cities are illustrative: cities are compared only with cities of their own kind, so a real city never
    /// has an illustrative one as similar (nor the reverse). Unchanged by an incremental step.
    let illustrative: [Bool]
    private(set) var bands: [PopulationBand?]
    private(set) var populations: [Int]
    /// Latest GDP per capita and its year (NaN and 0 without).
    private(set) var incomes: [Double]
    private(set) var incomeYears: [Int]
    /// Latest headline value per city and measure (`measureCount` per city; NaN without).
    private(set) var values: [Double]
    /// Measures with at least one value, a bit per measure (`words` per city).
    private(set) var reported: [UInt64]
    let measureCount: Int
    let words: Int
    /// Each measure's network range (maximum − minimum), in framework order; NaN without values.
    private(set) var spreads: [Double]
    /// Each city's candidates (positions), ascending.
    private(set) var candidates: [[Int]]

    /// Reads the cities' figures and the measures' ranges, and finds each city's candidates.
    public init(cities: [City], framework: Framework, statistics: [String: MeasureStatistics]) {
        measureCount = framework.measures.count
        words = (measureCount + 63) / 64
        spreads = Self.spreads(framework, statistics)
        let rows = parallelMap(cities) { Row(city: $0, framework: framework) }
        slugs = cities.map(\.slug)
        regions = cities.map(\.region.value)
        illustrative = cities.map(\.illustrative)
        bands = cities.map { $0.population.map { PopulationBand(population: $0.value) } }
        populations = cities.map { $0.population?.value ?? 0 }
        incomes = rows.map(\.income)
        incomeYears = rows.map(\.year)
        values = rows.flatMap(\.values)
        reported = rows.flatMap(\.reported)
        candidates = Self.candidates(
            regions: regions, illustrative: illustrative, bands: bands, incomes: incomes, populations: populations, slugs: slugs)
    }

    /// The finder with city `index` replaced by `city` (the same slug and region) and the network's ranges from
    /// `statistics`: one row read again, and the candidates found again only if the city moved in its groups' order.
    public func replacing(_ city: City, at index: Int, framework: Framework, statistics: [String: MeasureStatistics]) -> PeerFinder {
        var finder = self
        let row = Row(city: city, framework: framework)
        finder.spreads = Self.spreads(framework, statistics)
        finder.bands[index] = city.population.map { PopulationBand(population: $0.value) }
        finder.populations[index] = city.population?.value ?? 0
        finder.incomes[index] = row.income
        finder.incomeYears[index] = row.year
        finder.values.replaceSubrange(index * measureCount..<(index + 1) * measureCount, with: row.values)
        finder.reported.replaceSubrange(index * words..<(index + 1) * words, with: row.reported)
        let moved = finder.bands[index] != bands[index] || finder.populations[index] != populations[index]
            || !(finder.incomes[index] == incomes[index] || (finder.incomes[index].isNaN && incomes[index].isNaN))
        if moved {
            finder.candidates = Self.candidates(
                regions: regions, illustrative: illustrative, bands: finder.bands, incomes: finder.incomes,
                populations: finder.populations, slugs: slugs)
        }
        return finder
    }

    /// What the rules read of one city's data.
    struct Row {
        var values: [Double]
        var reported: [UInt64]
        /// Latest GDP per capita (NaN without) and its year.
        var income = Double.nan
        var year = 0

        init(city: City, framework: Framework) {
            let measures = framework.measures
            values = [Double](repeating: .nan, count: measures.count)
            reported = [UInt64](repeating: 0, count: (measures.count + 63) / 64)
            for (index, measure) in measures.enumerated() {
                guard let latest = city.series(for: measure.id)?.latest else { continue }
                reported[index / 64] |= 1 << UInt64(index % 64)
                let total = measure.breakdownID.flatMap(framework.breakdown)?.totalCategory
                guard let value = latest.headline(totalCategory: total) else { continue }
                values[index] = value
                if measure.id == PeerRules.incomeMeasure, value > 0 { (income, year) = (value, latest.year.value) }
            }
        }
    }

    /// Each measure's network range (maximum − minimum), NaN without values.
    static func spreads(_ framework: Framework, _ statistics: [String: MeasureStatistics]) -> [Double] {
        framework.measures.map { measure in statistics[measure.id]?.headline.map { $0.maximum - $0.minimum } ?? .nan }
    }

    /// Every city's peers, by slug, best first (score, then slug).
    public func peers() -> [String: [Peer]] {
        let chosen = parallelMap(Array(slugs.indices)) { choose(for: $0) }
        return Dictionary(uniqueKeysWithValues: zip(slugs, chosen))
    }

    /// `peers` after one city, at `index`, changed its figures: when its candidates and the network's ranges are as
    /// before, only it and its candidates are chosen again; otherwise everyone is.
    public func peers(updating peers: [String: [Peer]], from before: PeerFinder, changedCity index: Int) -> [String: [Peer]] {
        guard before.slugs == slugs, before.candidates == candidates,
            zip(before.spreads, spreads).allSatisfy({ $0 == $1 || ($0.isNaN && $1.isNaN) })
        else { return self.peers() }
        var updated = peers
        for city in [index] + candidates[index] { updated[slugs[city]] = choose(for: city) }
        return updated
    }

    /// The candidates of each city, among the cities of its kind (real or illustrative): every other city in a
    /// small network, else its neighbours in its region and in its population band.
    static func candidates(
        regions: [String], illustrative: [Bool], bands: [PopulationBand?], incomes: [Double], populations: [Int],
        slugs: [String]
    ) -> [[Int]] {
        let count = slugs.count
        guard count > PeerRules.exhaustiveLimit else {
            return (0..<count).map { index in (0..<count).filter { $0 != index && illustrative[$0] == illustrative[index] } }
        }
        // Each group's members ordered by income (cities without come last, by population), then slug.
        func ordered(_ members: [Int]) -> [Int] {
            members.sorted { a, b in
                let keyA = (incomes[a].isNaN ? 1 : 0, incomes[a].isNaN ? 0 : log(incomes[a]), populations[a])
                let keyB = (incomes[b].isNaN ? 1 : 0, incomes[b].isNaN ? 0 : log(incomes[b]), populations[b])
                return keyA != keyB ? keyA < keyB : slugs[a] < slugs[b]
            }
        }
        struct Group: Hashable {
            var key: String
            var illustrative: Bool
        }
        let byRegion = Dictionary(grouping: 0..<count, by: { Group(key: regions[$0], illustrative: illustrative[$0]) })
            .values.map(ordered)
        let byBand = Dictionary(
            grouping: (0..<count).filter { bands[$0] != nil },
            by: { Group(key: "\(bands[$0]!.rawValue)", illustrative: illustrative[$0]) }
        ).values.map(ordered)
        var found = [Set<Int>](repeating: [], count: count)
        for group in byRegion + byBand {
            for (at, index) in group.enumerated() {
                let window = max(0, at - PeerRules.neighbours)...min(group.count - 1, at + PeerRules.neighbours)
                for other in group[window] where other != index { found[index].insert(other) }
            }
        }
        return found.map { $0.sorted() }
    }

    /// How city `b` compares with city `a`: what the reasons rest on, counted without allocating.
    struct Comparison {
        let other: Int
        var score = 0.0
        var sameRegion = false
        var sameBand = false
        var similarIncome = false
        /// Measures reported by both and by either.
        var both = 0, either = 0
        /// Measures with values from both, and those of them close.
        var compared = 0, close = 0

        var sharesMeasures: Bool {
            both >= PeerRules.minimumCompared && Double(both) >= PeerRules.sharedShare * Double(either)
        }
        var closeValues: Bool { compared >= PeerRules.minimumCompared && close * 2 >= compared }
        var hasReason: Bool { sameRegion || sameBand || similarIncome || sharesMeasures || closeValues }
    }

    func compare(_ a: Int, _ b: Int) -> Comparison {
        var result = Comparison(other: b)
        if regions[a] == regions[b] {
            result.sameRegion = true
            result.score += PeerRules.regionWeight
        }
        if let band = bands[a], band == bands[b] {
            result.sameBand = true
            result.score += PeerRules.populationWeight
        }
        if !incomes[a].isNaN, !incomes[b].isNaN {
            let distance = abs(log(incomes[a] / incomes[b]))
            result.score += PeerRules.incomeWeight * max(0, 1 - distance / log(2))
            result.similarIncome = distance <= log(PeerRules.incomeRatio) + 1e-12
        }
        for word in 0..<words {
            let (x, y) = (reported[a * words + word], reported[b * words + word])
            result.both += (x & y).nonzeroBitCount
            result.either += (x | y).nonzeroBitCount
        }
        if result.either > 0 { result.score += PeerRules.sharedWeight * Double(result.both) / Double(result.either) }
        let (rowA, rowB) = (a * measureCount, b * measureCount)
        for measure in 0..<measureCount {
            let (x, y, spread) = (values[rowA + measure], values[rowB + measure], spreads[measure])
            guard !x.isNaN, !y.isNaN, !spread.isNaN else { continue }
            result.compared += 1
            if abs(x - y) <= PeerRules.closeShareOfRange * spread { result.close += 1 }
        }
        if result.compared >= PeerRules.minimumCompared {
            result.score += PeerRules.valuesWeight * Double(result.close) / Double(result.compared)
        }
        return result
    }

    /// The named peers of city `index` among its candidates.
    func choose(for index: Int) -> [Peer] {
        let ranked = candidates[index].lazy.map { compare(index, $0) }.filter(\.hasReason).sorted {
            $0.score != $1.score ? $0.score > $1.score : slugs[$0.other] < slugs[$1.other]
        }
        let strong = ranked.prefix { $0.score >= PeerRules.scoreThreshold }.prefix(PeerRules.maximumPeers)
        let chosen = strong.count >= PeerRules.minimumPeers ? Array(strong) : Array(ranked.prefix(PeerRules.minimumPeers))
        return chosen.map { peer(index, $0) }
    }

    /// The comparison of `other` with city `index` as a named peer with its reasons.
    func peer(_ index: Int, _ comparison: Comparison) -> Peer {
        let other = comparison.other
        var reasons: [PeerReason] = []
        if comparison.sameRegion { reasons.append(.sameRegion) }
        if comparison.sameBand, let band = bands[index] { reasons.append(.samePopulationBand(band)) }
        if comparison.similarIncome {
            reasons.append(.similarIncome(city: incomes[index], cityYear: incomeYears[index], peer: incomes[other], peerYear: incomeYears[other]))
        }
        if comparison.sharesMeasures { reasons.append(.sharedMeasures(count: comparison.both)) }
        if comparison.closeValues { reasons.append(.closeValues(close: comparison.close, compared: comparison.compared)) }
        return Peer(slug: slugs[other], score: comparison.score, reasons: reasons)
    }
}

extension SiteModel {
    /// The peers of `city` whose own value of `measure` improved, most per year first (at most three): only when
    /// the measure has a direction, and only peers whose first and latest reported years differ and can be
    /// compared (no break, no change of source). Progress, not level: a peer's value is never compared with the
    /// city's.
    public func learnFrom(_ city: City, measure: Measure) -> [(city: City, change: SeriesChange)] {
        guard measure.direction != .neither else { return [] }
        let improving = (peers[city.slug] ?? []).compactMap { peer -> (city: City, change: SeriesChange, rate: Double)? in
            guard let change = change(peer.slug, measure.id), change.comparable,
                let rate = change.improvementPerYear(measure.direction), rate > 0, let other = self.city(peer.slug)
            else { return nil }
            return (other, change, rate)
        }
        return improving.sorted { $0.rate != $1.rate ? $0.rate > $1.rate : $0.city.slug < $1.city.slug }
            .prefix(3).map { ($0.city, $0.change) }
    }
}
