import Foundation
import LCityContent

/// The observations of a synthetic network revised since its baseline: marked `revised: "<version>"` in the city
/// files, as an editor marks a correction made knowingly.
public struct Revisions: Sendable {
    /// The release the values were revised in (the network's current one).
    public var version: String
    /// The revised observations' years, by city slug, then measure id.
    public var observations: [String: [String: Set<Int>]]
}

/// A release baseline of a synthetic network: the network's own data as the release before its current one, with a
/// given share of its values different, so that the changes page and `lcity-site diff` show that share as revised.
///
/// Written as `content/releases/<version>.csv` by LCityContent's release writer, `version` being the release in
/// `site.yaml`; `site.yaml` then names the release after it. Deterministic: which values differ is drawn with the
/// seed.
public struct SyntheticBaseline: Sendable {
    /// The baseline: the network's data with the chosen values changed, named after the shipped release.
    public var release: ReleaseData
    /// The release the network now is (the one after the baseline's).
    public var current: String
    /// The values changed, by observation.
    public var revisions: Revisions { Revisions(version: current, observations: revised) }
    let revised: [String: [String: Set<Int>]]
    let framework: Framework
    let languages: [String]

    /// Draws `percent` (0–100) of the values of `content`, rounded to a whole number of values, and gives each
    /// another value in the baseline: a number a little lower (or higher, at the unit's minimum), or a number
    /// where the city now reports "not available".
    public init(content: LoadedContent, percent: Double, seed: UInt64) throws {
        guard (0...100).contains(percent) else {
            throw SyntheticNetworkError(message: "the share of changed values must be between 0 and 100, not \(percent)")
        }
        guard let version = content.config.release?.version else {
            throw SyntheticNetworkError(message: "site.yaml names no release to make a baseline of")
        }
        framework = content.framework
        languages = content.config.languages
        current = Self.next(after: version)
        var release = ReleaseData(version: version, cities: content.cities)
        // Every value in a fixed order, then a partial Fisher–Yates shuffle draws the ones to change.
        var entries: [(slug: String, key: ReleasedKey)] = []
        for slug in release.cities.keys.sorted() {
            let keys = release.cities[slug]?.values.keys.sorted { a, b in
                (a.measure, a.category, a.year) < (b.measure, b.category, b.year)
            } ?? []
            entries += keys.map { (slug, $0) }
        }
        let count = Int((Double(entries.count) * percent / 100).rounded())
        var random = SplitMix64(seed: seed ^ 0x00BA_5E11_4E00_0000)
        var order = Array(entries.indices)
        var revised: [String: [String: Set<Int>]] = [:]
        let measures = Dictionary(framework.measures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for position in 0..<count {
            order.swapAt(position, position + Int(random.next() % UInt64(order.count - position)))
            let (slug, key) = entries[order[position]]
            guard let now = release.cities[slug]?.values[key], let measure = measures[key.measure],
                let unit = framework.unit(measure.unitID)
            else { continue }
            let before = Self.earlier(now.value, measure: measure, unit: unit)
            release.cities[slug]?.values[key] = ReleasedValue(value: before, flag: now.flag)
            revised[slug, default: [:]][key.measure, default: []].insert(key.year)
        }
        self.release = release
        self.revised = revised
    }

    /// The baseline's value of one now `value`: 3% lower (at least one step of the unit's decimals), or as much
    /// higher where that would fall below the unit's minimum; the measure's minimum for "not available".
    static func earlier(_ value: Double?, measure: Measure, unit: MeasureUnit) -> Double {
        guard let value else { return measure.range(in: unit).minimum }
        let decimals = unit.kind == .rating ? 0 : unit.decimals
        let scale = pow(10, Double(decimals))
        let step = max(1 / scale, abs(value) * 0.03)
        let lower = ((value - step) * scale).rounded() / scale
        if lower >= measure.range(in: unit).minimum, lower != value { return lower }
        let higher = ((value + step) * scale).rounded() / scale
        return higher != value ? higher : value + 1
    }

    /// The release after `version`: its last numeric part plus one ("2026.1" → "2026.2"), else `version` + ".1".
    static func next(after version: String) -> String {
        var parts = version.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if let last = parts.last, let number = Int(last) {
            parts[parts.count - 1] = String(number + 1)
            return parts.joined(separator: ".")
        }
        return version + ".1"
    }

    /// Writes `content/releases/<baseline version>.csv` into the site at `root`, and makes the release in its
    /// `content/site.yaml` the next one.
    public func write(to root: URL) throws {
        let releases = root.appendingPathComponent("content/releases")
        try FileManager.default.createDirectory(at: releases, withIntermediateDirectories: true)
        let csv = release.csv(languages: languages, framework: framework)
        try Data(csv.utf8).write(to: releases.appendingPathComponent("\(release.version).csv"))
        let siteFile = root.appendingPathComponent("content/site.yaml")
        var lines = try String(contentsOf: siteFile, encoding: .utf8).components(separatedBy: "\n")
        // The first `version:` of the top-level `release:` map.
        guard let start = lines.firstIndex(where: { $0.hasPrefix("release:") }),
            let line = lines[(start + 1)...].prefix(while: { $0.hasPrefix(" ") || $0.hasPrefix("#") || $0.isEmpty })
                .indices.first(where: { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("version:") })
        else { throw SyntheticNetworkError(message: "content/site.yaml has no release version to replace") }
        let indent = lines[line].prefix(while: { $0 == " " })
        lines[line] = "\(indent)version: \"\(current)\""
        try Data(lines.joined(separator: "\n").utf8).write(to: siteFile)
    }
}
