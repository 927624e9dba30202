import Foundation
import LCityContent
import LCityGeography

/// Synthetic Learning Cities networks, for benchmarks and scale tests; never shipped in content/.
///
/// Deterministic: the same number of cities and seed give byte-identical files.
public enum SyntheticNetwork {
    /// Writes a site at `destination`: the content (but cities) and templates of the site at `source`, plus
    /// `cities` generated city files. `destination` must not exist.
    ///
    /// - Parameters:
    ///   - hugo: also write the same network as a Hugo site into this folder (which must not exist), the fixed
    ///     yardstick of `scripts/compare-hugo`; see `HugoSite`.
    ///   - baselineChanged: also write a release baseline of the network in which this percentage (0–100) of the
    ///     values differs, and make `site.yaml`'s release the next one; see `SyntheticBaseline`.
    public static func write(
        cities: Int, seed: UInt64, from source: URL, to destination: URL, hugo: URL? = nil, baselineChanged: Double? = nil
    ) throws {
        let fileManager = FileManager.default
        let loaded = ContentLoader(root: source).load()
        guard let content = loaded.value else {
            throw SyntheticNetworkError(message: "the source site does not load: \(loaded.diagnostics.first?.description ?? "")")
        }
        try fileManager.createDirectory(at: destination.appendingPathComponent("content/cities"), withIntermediateDirectories: true)
        for item in ["site.yaml", "framework.yaml", "countries.yaml", "declaration", "pages", "i18n"] {
            try fileManager.copyItem(
                at: source.appendingPathComponent("content/\(item)"), to: destination.appendingPathComponent("content/\(item)"))
        }
        try fileManager.copyItem(at: source.appendingPathComponent("templates"), to: destination.appendingPathComponent("templates"))
        try writeCities(cities, seed: seed, content: content, to: destination)
        guard hugo != nil || baselineChanged != nil else { return }
        // Both read the network as lcity-site reads it: the numbers parsed from the files just written.
        let network = ContentLoader(root: destination).load()
        guard let generated = network.value else {
            throw SyntheticNetworkError(message: "the synthetic network does not load: \(network.diagnostics.first?.description ?? "")")
        }
        if let baselineChanged {
            let baseline = try SyntheticBaseline(content: generated, percent: baselineChanged, seed: seed)
            try baseline.write(to: destination)
            // The revised values' observations say so, as an editor would (else every one would be a warning).
            try writeCities(cities, seed: seed, content: content, to: destination, revisions: baseline.revisions)
        }
        if let hugo { try HugoSite(content: generated).write(to: hugo) }
    }

    /// Writes the `count` city files of `seed`, or only those with an observation in `revisions` (marked there with
    /// `revised:`; the others are unchanged).
    static func writeCities(
        _ count: Int, seed: UInt64, content: LoadedContent, to destination: URL, revisions: Revisions? = nil
    ) throws {
        var generator = CityGenerator(content: content, seed: seed)
        generator.revisions = revisions
        for index in 0..<count {
            let (slug, text) = generator.city(index)
            if let revisions, revisions.observations[slug] == nil { continue }
            try Data(text.utf8).write(to: destination.appendingPathComponent("content/cities/\(slug).yaml"))
        }
    }
}

/// The source site of a synthetic network could not be read.
public struct SyntheticNetworkError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Generates plausible city files from the framework's units, breakdowns and ranges.
public struct CityGenerator: Sendable {
    let content: LoadedContent
    var random: SplitMix64
    let countries: [Country]
    /// Observations to mark `revised:` with the release they were revised in (none by default).
    public var revisions: Revisions?

    public init(content: LoadedContent, seed: UInt64) {
        self.content = content
        random = SplitMix64(seed: seed)
        countries = content.geography.countries.values.sorted { $0.code < $1.code }
    }

    static let syllables = ["ka", "lo", "mi", "ren", "sa", "to", "vel", "an", "bor", "dri", "el", "fen", "gal", "hu", "ir", "jo", "ke", "lin", "mor", "nu", "or", "pa", "qui", "ro", "sen", "ta", "ul", "vi", "wen", "ya", "zo"]
    static let hanzi = Array("安宝昌德丰光海华嘉金康兰林明宁平庆瑞山泰通文西新兴阳永云泽长州")

    /// The slug and file text of the city numbered `index`.
    public mutating func city(_ index: Int) -> (String, String) {
        var name = ""
        for _ in 0..<(2 + Int(random.next() % 2)) { name += Self.syllables[Int(random.next() % UInt64(Self.syllables.count))] }
        let slug = "\(name)-\(index)"
        let english = name.prefix(1).uppercased() + name.dropFirst() + " \(index)"
        var chinese = ""
        for _ in 0..<2 { chinese.append(Self.hanzi[Int(random.next() % UInt64(Self.hanzi.count))]) }
        chinese += "市\(index)"
        let country = countries[Int(random.next() % UInt64(countries.count))]
        // A development level 0…1 drives most values, so that a city's figures hang together.
        let level = random.unit()
        var lines = [
            "# Synthetic city for benchmarks (lcity-synth).",
            "name: {zh: \(chinese), en: \(english)}",
            "illustrative: true",
            "country: \"\(country.code)\"",
            "region: \(country.region)",
            "population: \(50_000 + Int(random.next() % 5_000_000))",
            "population_year: 2023",
            coordinates(in: country),
            "joined: \(2015 + Int(random.next() % 10))",
            "description:",
            "  zh: 用于基准测试的合成城市。",
            "  en: A synthetic city for benchmarks.",
            "observations:",
        ]
        let framework = content.framework
        for measure in framework.measures {
            if random.unit() < 0.08 { continue }  // some measures not reported
            guard let unit = framework.unit(measure.unitID) else { continue }
            let breakdown = measure.breakdownID.flatMap(framework.breakdown)
            let years = random.unit() < 0.5 ? [2019, 2021, 2023] : [2023]
            lines.append("  \(measure.id):")
            let marked = revisions?.observations[slug]?[measure.id] ?? []
            var base = value(for: measure, unit: unit, level: level)
            for year in years {
                let revised = marked.contains(year) ? ", revised: \"\(revisions?.version ?? "")\"" : ""
                let flag = (random.unit() < 0.05 ? ", flag: estimated" : "") + revised
                if random.unit() < 0.02 {
                    lines.append("    - {year: \(year), value: ~, note: {zh: 未收集, en: Not collected}\(revised)}")
                    continue
                }
                base = drift(base, unit: unit, measure: measure)
                if let breakdown {
                    var parts: [(String, Double)] = []
                    for category in breakdown.categories where category.id != breakdown.totalCategory {
                        parts.append((category.id, drift(base, unit: unit, measure: measure)))
                    }
                    if let total = breakdown.totalCategory {
                        let values = parts.map(\.1)
                        parts.append((total, (values.reduce(0, +) / Double(max(values.count, 1)) * 10).rounded() / 10))
                    }
                    let text = parts.map { "\($0.0): \(format($0.1, unit))" }.joined(separator: ", ")
                    lines.append("    - {year: \(year), values: {\(text)}, source: Statistics office\(flag)}")
                } else {
                    lines.append("    - {year: \(year), value: \(format(base, unit)), source: Statistics office\(flag)}")
                }
            }
        }
        return (slug, lines.joined(separator: "\n") + "\n")
    }

    /// The coordinates line: a point of the country's largest Natural Earth box, so that validation does not warn.
    /// A country too small for the data takes the box of a country of its region that has one (chosen by its code),
    /// so that a region's map shows its own part of the world. Draws two numbers either way.
    mutating func coordinates(in country: Country) -> String {
        let (u, v) = (random.unit(), random.unit())
        let box = NaturalEarth110m.countryBounds(country.code)?.first ?? regionBox(country)
        let latitude = box.minLatitude + u * (box.maxLatitude - box.minLatitude)
        let longitude = box.minLongitude + v * (box.maxLongitude - box.minLongitude)
        return "coordinates: {lat: \(String(format: "%.2f", latitude)), lon: \(String(format: "%.2f", longitude))}"
    }

    /// The largest box of a country of `country`'s region that the data knows, chosen by `country`'s code.
    func regionBox(_ country: Country) -> GeoBounds {
        let neighbours = countries.filter { $0.region == country.region }.compactMap { NaturalEarth110m.countryBounds($0.code)?.first }
        guard !neighbours.isEmpty else {
            return GeoBounds(minLongitude: -170, minLatitude: -55, maxLongitude: 170, maxLatitude: 65)
        }
        let pick = country.code.unicodeScalars.reduce(0) { $0 + Int($1.value) } % neighbours.count
        return neighbours[pick]
    }

    func range(_ measure: Measure, _ unit: MeasureUnit) -> (Double, Double) {
        let bounds = measure.range(in: unit)
        switch unit.id {
        case "percent": return (5, 95)
        case "rating": return (1, 5)
        case "usd_ppp": return (2_000, 70_000)
        case "per_100k": return (1, 5_000)
        case "tonnes_per_capita": return (0.5, 15)
        case "kg_per_capita": return (150, 700)
        case "visits_per_month": return (0.2, 3)
        case "years": return (4, 14)
        case "hours_per_year": return (5, 60)
        case "hours_per_week": return (0.5, 8)
        case "pupils_per_teacher": return (10, 45)
        case "count": return (1, 200)
        default: return (bounds.minimum, bounds.maximum ?? bounds.minimum + 200)
        }
    }

    /// A value of the city's level in the measure's range: spread evenly for bounded units, evenly on a logarithmic
    /// scale for quantities without an upper bound (money, counts, rates), as such figures spread between cities —
    /// so that validation's far-out fences, taken of their logarithms there, do not warn.
    mutating func value(for measure: Measure, unit: MeasureUnit, level: Double) -> Double {
        let (low, high) = range(measure, unit)
        let mixed = 0.7 * level + 0.3 * random.unit()
        if Self.isUnbounded(unit), low > 0 { return low * pow(high / low, mixed) }
        return low + (high - low) * mixed
    }

    /// The value a step later: a few percent of the range on the scale the value was drawn on, so that no step
    /// passes the unit's `yearly_change`.
    mutating func drift(_ value: Double, unit: MeasureUnit, measure: Measure) -> Double {
        let (low, high) = range(measure, unit)
        let step = random.unit() - 0.45
        let moved = Self.isUnbounded(unit) && low > 0 && value > 0
            ? value * pow(high / low, step * 0.05) : value + step * (high - low) * 0.05
        return min(high, max(low, moved))
    }

    static func isUnbounded(_ unit: MeasureUnit) -> Bool { unit.kind == .quantity && unit.maximum == nil }

    func format(_ value: Double, _ unit: MeasureUnit) -> String {
        if unit.kind == .rating { return String(Int(value.rounded())) }
        return unit.decimals == 0 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}

/// SplitMix64: a small, fast, deterministic random number generator.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
