import Foundation

// Plausibility: values that are valid but unlikely — far outside the network's values, or far from the city's own
// value of the year before — are warnings (errors under `--strict`). The rules and their numbers are documented in
// docs/content-format.md ("Plausibility").

extension Validator {
    /// Tukey's far-out fences: a value more than this many interquartile ranges below the first quartile or above
    /// the third is far outside the network's values.
    public static let outlierFenceFactor = 3.0
    /// The fewest cities whose values make a pool for the fences: below it, quartiles say little and no value is
    /// called an outlier.
    public static let outlierMinimumCities = 8
}

/// The network's quartiles and far-out fences for each measure and breakdown category, from the latest value of
/// each city of one kind (real or illustrative); every year's value is held against them.
///
/// One value per city: a city reporting five years would otherwise count five times, and the quartiles of a few
/// dozen cities would be those of the few that report often. The latest, so that the fences describe the network
/// as it is now. Quantities without an upper bound (money, counts, rates per 100,000) are skewed — a few cities
/// have several times the median, rightly — and a value ten times too large is as wrong at 2,000 as at 50,000: their
/// quartiles and fences are taken of the logarithms, and values of 0 or less are neither pooled nor checked.
/// Ratings are not pooled (their range, 1–5, is checked already).
struct OutlierFences: Sendable {
    struct Fence: Sendable {
        var firstQuartile: Double
        var thirdQuartile: Double
        var low: Double
        var high: Double
        /// How many cities the quartiles are taken from.
        var cities: Int
        /// Whether the quartiles and fences were found on the logarithms (and are given back in the unit).
        var logarithmic: Bool

        /// Whether `value` lies beyond a fence.
        func isFarOut(_ value: Double) -> Bool {
            if logarithmic && value <= 0 { return false }
            return value < low || value > high
        }
    }

    /// By measure position in the framework, then slot: 0 for a measure without breakdown, else the category's
    /// position in its breakdown.
    private let fences: [[Fence?]]

    /// Whether a unit's values are pooled on a logarithmic scale: quantities without an upper bound.
    static func isLogarithmic(_ unit: MeasureUnit) -> Bool { unit.kind == .quantity && unit.maximum == nil }

    /// The fences of `cities`' values.
    /// - Complexity: O(v + n log n) for v values of all cities, all years, and n cities.
    init(cities: some Sequence<City>, index: MeasureIndex) {
        let framework = index.framework
        let measures = framework.measures
        let breakdowns = measures.map { $0.breakdownID.flatMap(framework.breakdown) }
        let units = measures.map { framework.unit($0.unitID) }
        var pools: [[[Double]]] = breakdowns.map { [[Double]](repeating: [], count: $0?.categories.count ?? 1) }
        for city in cities {
            for series in city.series {
                guard let position = index.positions[series.measureID.value], let unit = units[position],
                    unit.kind != .rating
                else { continue }
                let logarithmic = Self.isLogarithmic(unit)
                // Each slot's value of the latest year that has one.
                var latest: [Int: (year: Int, value: Double)] = [:]
                func add(_ value: Double, slot: Int, year: Int) {
                    if let found = latest[slot], found.year > year { return }
                    latest[slot] = (year, value)
                }
                for observation in series.observations {
                    let year = observation.year.value
                    switch observation.value {
                    case .single(let value) where breakdowns[position] == nil:
                        add(value.value, slot: 0, year: year)
                    case .breakdown(let values):
                        guard let breakdown = breakdowns[position] else { continue }
                        for entry in values {
                            if let slot = breakdown.categories.firstIndex(where: { $0.id == entry.category.value }) {
                                add(entry.value.value, slot: slot, year: year)
                            }
                        }
                    default:
                        continue
                    }
                }
                for (slot, found) in latest where !(logarithmic && found.value <= 0) {
                    pools[position][slot].append(logarithmic ? log(found.value) : found.value)
                }
            }
        }
        fences = pools.enumerated().map { position, slots in
            slots.map { values in
                guard values.count >= Validator.outlierMinimumCities, let unit = units[position] else { return nil }
                return Self.fence(values.sorted(), logarithmic: Self.isLogarithmic(unit))
            }
        }
    }

    /// The fence of sorted `values` (logarithms when `logarithmic`), or nil when their interquartile range is 0
    /// (half the network reports one number: every other number would be far out).
    static func fence(_ sorted: [Double], logarithmic: Bool) -> Fence? {
        let first = quantile(sorted, 0.25), third = quantile(sorted, 0.75)
        let range = third - first
        guard range > 1e-12 else { return nil }
        let k = Validator.outlierFenceFactor
        let unit: (Double) -> Double = logarithmic ? { exp($0) } : { $0 }
        return Fence(
            firstQuartile: unit(first), thirdQuartile: unit(third), low: unit(first - k * range),
            high: unit(third + k * range), cities: sorted.count, logarithmic: logarithmic)
    }

    /// The `p` quantile of sorted values, interpolated linearly between the two nearest (R's and NumPy's default).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let below = Int(h.rounded(.down))
        guard below + 1 < sorted.count else { return sorted[below] }
        return sorted[below] + (h - Double(below)) * (sorted[below + 1] - sorted[below])
    }

    /// The fence of a measure (by position) and slot, if its pool is large and spread enough.
    func fence(measure position: Int, slot: Int) -> Fence? {
        guard fences.indices.contains(position), fences[position].indices.contains(slot) else { return nil }
        return fences[position][slot]
    }
}

/// The network's fences for each kind of city: illustrative cities are pooled apart from real ones, so invented
/// figures never make a real one look normal or odd.
struct NetworkFences: Sendable {
    let real: OutlierFences
    let illustrative: OutlierFences

    /// The fences of every city of `cities`.
    init(cities: [City], index: MeasureIndex) {
        real = OutlierFences(cities: cities.lazy.filter { !$0.illustrative }, index: index)
        illustrative = OutlierFences(cities: cities.lazy.filter(\.illustrative), index: index)
    }

    /// The fences a city's values are held against.
    func fences(for city: City) -> OutlierFences { city.illustrative ? illustrative : real }
}

extension Validator {
    /// The fences for one city checked alone (an edit in `serve`, an imported sheet): the network's cities of its
    /// kind with `city` in place of the loaded version of its file, so the result is that of a full check.
    func fences(for city: City, in content: LoadedContent, index: MeasureIndex) -> OutlierFences {
        let others = content.cities.filter { $0.illustrative == city.illustrative && $0.slug != city.slug }
        return OutlierFences(cities: [city] + others, index: index)
    }

    /// Warns about the values of one series that lie beyond the network's far-out fences, and about changes from
    /// one reported year to the next beyond the unit's `yearly_change` times the years between them (N points a
    /// year allow N × years; a factor F allows 1 + (F − 1) × years).
    func checkPlausibility(
        _ series: ObservationSeries, measure: Measure, index: MeasureIndex, fences: OutlierFences?, sink: DiagnosticSink
    ) {
        let framework = index.framework
        guard let unit = framework.unit(measure.unitID), let position = index.positions[measure.id] else { return }
        let breakdown = measure.breakdownID.flatMap(framework.breakdown)
        if breakdown == nil && measure.breakdownID != nil { return }
        /// Each slot's value, category and location, of one observation.
        func entries(_ observation: Observation) -> [(slot: Int, category: String?, value: Located<Double>)] {
            switch observation.value {
            case .single(let value): return breakdown == nil ? [(0, nil, value)] : []
            case .breakdown(let values):
                guard let breakdown else { return [] }
                return values.compactMap { entry in
                    breakdown.categories.firstIndex { $0.id == entry.category.value }
                        .map { ($0, entry.category.value, entry.value) }
                }
            case .notAvailable: return []
            }
        }
        // Each slot's previous reported value and its year.
        var previous: [Int: (year: Int, value: Located<Double>)] = [:]
        // A value outside the unit's range is an error already.
        let range = measure.range(in: unit)
        func inRange(_ value: Double) -> Bool { value >= range.minimum && range.maximum.map { value <= $0 } != false }
        for observation in series.byYear {
            let found = entries(observation)
            if observation.flag?.value == .break { previous = [:] }
            for (slot, category, value) in found {
                if inRange(value.value), let fence = fences?.fence(measure: position, slot: slot), fence.isFarOut(value.value) {
                    reportOutlier(value, fence: fence, measure: measure, unit: unit, category: category, sink: sink)
                }
                if let rule = unit.yearlyChange, let before = previous[slot], observation.year.value > before.year {
                    checkYearlyChange(
                        from: before, to: (observation.year.value, value), rule: rule, measure: measure, unit: unit,
                        category: category, sink: sink)
                }
                previous[slot] = (observation.year.value, value)
            }
        }
    }

    private func reportOutlier(
        _ value: Located<Double>, fence: OutlierFences.Fence, measure: Measure, unit: MeasureUnit, category: String?,
        sink: DiagnosticSink
    ) {
        let shown = UnitText(unit)
        let above = value.value > fence.high
        sink.warning(
            .farOutside(
                .rangeLabel(measure.id, category: category), shown.value(value.value, exact: true), above: above,
                firstQuartile: shown.number(fence.firstQuartile), thirdQuartile: shown.number(fence.thirdQuartile),
                fence: shown.value(above ? fence.high : fence.low)),
            at: value.location,
            notes: [
                .fenceMeaning(Self.outlierFenceFactor, cities: fence.cities, logarithmic: fence.logarithmic), .checkFigure,
            ])
    }

    private func checkYearlyChange(
        from before: (year: Int, value: Located<Double>), to after: (year: Int, value: Located<Double>), rule: YearlyChange,
        measure: Measure, unit: MeasureUnit, category: String?, sink: DiagnosticSink
    ) {
        // Years too far apart for an Int (each one is an error already, as implausible) allow any change.
        let (years, overflow) = after.year.subtractingReportingOverflow(before.year)
        guard !overflow else { return }
        let (a, b) = (before.value.value, after.value.value)
        let shown = UnitText(unit)
        let change: Message
        switch rule {
        case .points(let points):
            let allowed = points * Double(years)
            guard abs(b - a) > allowed + 1e-9 else { return }
            change = .changeByPoints(
                shown.number(abs(b - a)), allowed: shown.number(allowed), perYear: NumberText.plain(points), years: years,
                unit: unit.id)
        case .factor(let factor):
            // A change from or to zero has no factor.
            guard a > 0, b > 0 else { return }
            // The growth a year times the years, not compounded: 2⁴ = 16 would let an extra zero through after four
            // years.
            let ratio = max(a, b) / min(a, b), allowed = 1 + (factor - 1) * Double(years)
            guard ratio > allowed * (1 + 1e-9) else { return }
            change = .changeByFactor(
                Self.oneDecimal(ratio), rising: b > a, allowed: Self.oneDecimal(allowed), perYear: NumberText.plain(factor), years: years,
                unit: unit.id)
        }
        sink.warning(
            .yearlyJump(
                .rangeLabel(measure.id, category: category), from: shown.value(a, exact: true), fromYear: before.year,
                to: shown.value(b, exact: true), toYear: after.year, change: change),
            at: after.value.location,
            notes: [.earlierValueAt(before.year, before.value.location), .checkJump])
    }

    static func oneDecimal(_ value: Double) -> String { NumberText.plain((value * 10).rounded() / 10) }
}

/// Numbers of one unit as messages show them: rounded to the unit's decimals, with its symbol.
struct UnitText {
    let unit: MeasureUnit

    init(_ unit: MeasureUnit) { self.unit = unit }

    /// The number rounded to the unit's decimals (as written when `exact`).
    func number(_ value: Double, exact: Bool = false) -> String {
        if exact { return NumberText.plain(value) }
        let scale = pow(10, Double(unit.decimals))
        return NumberText.plain((value * scale).rounded() / scale)
    }

    /// The number with the unit's symbol, in each language: `12.5%`, `24811 US$ PPP` (`24811 美元(购买力平价)`).
    func value(_ value: Double, exact: Bool = false) -> Message {
        let text = number(value, exact: exact)
        func joined(_ language: String) -> String {
            let symbol = unit.symbol?.text(in: language) ?? ""
            if symbol.isEmpty { return text }
            return symbol == "%" ? text + symbol : text + " " + symbol
        }
        return Message(en: joined("en"), zh: joined("zh"))
    }
}

// MARK: Texts

/// The script rules for texts given in Chinese and English: the same text in both (copied, not translated), an
/// English text mostly in Chinese characters, a Chinese text with Latin words and no Chinese character.
enum TextScript {
    /// Han characters: the CJK Unified Ideographs, Extension A, and the compatibility ideographs.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || (0xF900...0xFAFF).contains(scalar.value) || (0x20000...0x2EBEF).contains(scalar.value)
    }

    /// Latin letters (ASCII and accented).
    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && scalar.value < 0x0250
    }

    /// Counts of Han characters and Latin letters, and whether there is a Latin word (two letters in a row).
    static func counts(_ text: String) -> (han: Int, latin: Int, latinWord: Bool) {
        var han = 0, latin = 0, run = 0, word = false
        for scalar in text.unicodeScalars {
            if isHan(scalar) {
                han += 1
                run = 0
            } else if isLatin(scalar) {
                latin += 1
                run += 1
                if run >= 2 { word = true }
            } else {
                run = 0
            }
        }
        return (han, latin, word)
    }

    /// Whether a text has any letter (of any script): texts of digits and signs (`%`, `2019`) may well be the same
    /// in every language.
    static func hasLetters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// The text as a message quotes it: its first line, at most 60 characters.
    static func excerpt(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline)
        var shown = lines.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if shown.count > 60 {
            shown = shown.prefix(60) + "…"
        } else if lines.count > 1 {
            shown += " …"
        }
        return shown
    }
}

extension YAMLReader {
    /// Warns when the Chinese and English texts of one localized text are the same text with letters (copied, not
    /// translated), when the English one is mostly Chinese characters, or when the Chinese one has Latin words and
    /// no Chinese character.
    func checkScripts(_ texts: [String: Located<String>], _ what: Message) {
        guard let zh = texts["zh"], let en = texts["en"] else { return }
        if zh.value == en.value {
            guard TextScript.hasLetters(en.value) else { return }
            sink.warning(
                .copiedText(what, TextScript.excerpt(en.value)), at: zh.location,
                notes: [.translateOrWriteOnce(what, single: en.value.contains("\n") ? "…" : en.value)])
            return
        }
        let english = TextScript.counts(en.value)
        if english.han > 0, english.han > english.latin {
            sink.warning(.englishInChinese(what, TextScript.excerpt(en.value)), at: en.location, notes: [.scriptsSwapped])
        }
        let chinese = TextScript.counts(zh.value)
        if chinese.han == 0, chinese.latinWord {
            sink.warning(.chineseInLatin(what, TextScript.excerpt(zh.value)), at: zh.location, notes: [.scriptsSwapped])
        }
    }
}
