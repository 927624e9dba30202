import LCityContent

/// A city's change in one measure between its first and its latest reported year with a headline value (the single
/// value, or the breakdown's total). Exists only for two or more such years.
///
/// The two ends are comparable only when nothing between them says otherwise: a value flagged `break` after the
/// first year, or a change of source (sources compared without their numbers, so that "survey 2019 (n = 1,850)" and
/// "survey 2021 (n = 1,050)" are the same survey), makes the change `comparable == false` and records where.
public struct SeriesChange: Sendable, Equatable {
    /// One end: a year and its headline value.
    public struct End: Sendable, Equatable {
        public var year: Int
        public var value: Double
        /// The end's flag, shown beside its value.
        public var flag: ObservationFlag?
    }

    /// Why the first and the latest value cannot be read as one series.
    public enum Discontinuity: Sendable, Equatable {
        /// The value of `year` is flagged `break`: not comparable with the years before.
        case breakInSeries(year: Int)
        /// The source of `year` differs from the year before's.
        case sourceChanged(year: Int)

        public var year: Int {
            switch self {
            case .breakInSeries(let year), .sourceChanged(let year): return year
            }
        }
    }

    public var first: End
    public var latest: End
    /// How many years have a headline value, the two ends included.
    public var reportedYears: Int
    /// The first break or change of source after the first year, if any.
    public var discontinuity: Discontinuity?

    /// Latest minus first value.
    public var change: Double { latest.value - first.value }
    /// Whether the first and the latest value can be compared.
    public var comparable: Bool { discontinuity == nil }

    /// The change of `series`, or nil when fewer than two years have a headline value.
    public init?(_ series: ObservationSeries, totalCategory: String?) {
        var points: [(observation: Observation, value: Double)] = []
        for observation in series.byYear {
            guard let value = observation.headline(totalCategory: totalCategory) else { continue }
            // Two values of one year (which validation rejects) count once: the later one in the file.
            if let last = points.last, last.observation.year.value == observation.year.value { points.removeLast() }
            points.append((observation, value))
        }
        guard let head = points.first, let tail = points.last, points.count >= 2 else { return nil }
        first = End(year: head.observation.year.value, value: head.value, flag: head.observation.flag?.value)
        latest = End(year: tail.observation.year.value, value: tail.value, flag: tail.observation.flag?.value)
        reportedYears = points.count
        discontinuity = nil
        for (previous, point) in zip(points, points.dropFirst()) {
            let year = point.observation.year.value
            if point.observation.flag?.value == .break {
                discontinuity = .breakInSeries(year: year)
                break
            }
            if !Self.sameSource(previous.observation, point.observation) {
                discontinuity = .sourceChanged(year: year)
                break
            }
        }
    }

    /// The change as an improvement: positive when the value moved the way `direction` calls better, nil when the
    /// measure has no direction.
    public func improvement(_ direction: Direction) -> Double? {
        switch direction {
        case .higher: return change
        case .lower: return -change
        case .neither: return nil
        }
    }

    /// The improvement per year between the ends (nil without a direction or when both ends are one year).
    public func improvementPerYear(_ direction: Direction) -> Double? {
        guard latest.year > first.year, let improvement = improvement(direction) else { return nil }
        return improvement / Double(latest.year - first.year)
    }

    /// Whether two observations name the same source: the same texts, or texts that differ only in their numbers
    /// (years, sample sizes), in every language.
    static func sameSource(_ a: Observation, _ b: Observation) -> Bool {
        switch (a.source, b.source) {
        case (nil, nil): return true
        case (let a?, let b?): return a.hasSameTexts(as: b) || a.texts.map(withoutNumbers) == b.texts.map(withoutNumbers)
        default: return false
        }
    }

    /// `text` without digits (ASCII and full-width) and the separators and spaces written in and around numbers:
    /// what stays the same from one edition of a survey or a yearbook to the next.
    static func withoutNumbers(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x30...0x39, 0xFF10...0xFF19: return false  // digits
            case 0x2C, 0x2E, 0x20, 0xA0, 0xFF0C, 0x202F: return false  // , . spaces ，
            default: return true
            }
        }))
    }
}
