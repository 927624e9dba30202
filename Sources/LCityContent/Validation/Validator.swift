import Foundation
import LCityGeography

/// Cross-file rules: references between files, ranges, consistency. Reports everything it finds.
public struct Validator: Sendable {
    /// Years before this are refused as implausible.
    public var earliestYear = 1990
    /// The current year; observations may be at most one year ahead (provisional releases).
    public var currentYear: Int
    /// The GNLC started in 2013/2014; earlier joining years are refused.
    public var earliestJoinYear = 2013
    /// Degrees a city's coordinates may lie outside every Natural Earth 1:110m box of its country before a warning:
    /// the boxes come from a simplified map that leaves out small islands.
    public var coordinateTolerance = 5.0

    /// Creates a validator; `currentYear` defaults to the clock's year.
    public init(currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) {
        self.currentYear = currentYear
    }

    /// Every problem in `content` that loading could not see.
    public func validate(_ content: LoadedContent) -> [Diagnostic] {
        let sink = DiagnosticSink()
        validateFramework(content.framework, sink: sink)
        validateStrings(content, sink: sink)
        validatePages(content, sink: sink)
        let index = MeasureIndex(content.framework)
        var citiesByName: [String: City] = [:]
        for city in content.cities {
            validateCity(city, content: content, index: index, sink: sink)
            let key = city.name.text(in: content.config.defaultLanguage).lowercased()
            if let other = citiesByName[key] {
                sink.warning(
                    "another city has the same name '\(key)'", at: city.name.location,
                    notes: ["see \(other.file)"])
            } else {
                citiesByName[key] = city
            }
        }
        return sink.diagnostics
    }

    // MARK: Framework

    func validateFramework(_ framework: Framework, sink: DiagnosticSink) {
        for unit in framework.units {
            if let maximum = unit.maximum, maximum < unit.minimum {
                sink.error("unit '\(unit.id)' has max \(maximum) below min \(unit.minimum)", at: unit.location)
            }
            if !(0...6).contains(unit.decimals) {
                sink.error("unit '\(unit.id)' decimals must be 0–6, found \(unit.decimals)", at: unit.location)
            }
        }
        if framework.units.contains(where: { $0.kind == .rating }) {
            let values = framework.ratingScale.map(\.value).sorted()
            if values != Array(1...5) {
                sink.error(
                    "the rating scale must have the levels 1, 2, 3, 4, 5 once each, found \(values.map(String.init).joined(separator: ", "))",
                    at: SourceLocation(file: "content/framework.yaml"))
            }
        }
        var seen: [String: SourceLocation] = [:]
        func unique(_ id: String, _ kind: String, _ location: SourceLocation) {
            if let first = seen[id] {
                sink.error("duplicate \(kind) id '\(id)'", at: location, notes: ["first used at \(first)"])
            } else {
                seen[id] = location
            }
        }
        var commitments: [Int: SourceLocation] = [:]
        for group in framework.groups {
            unique(group.id, "group", group.location)
            for area in group.focusAreas {
                unique(area.id, "focus area", area.location)
                expect(area.id, startsWith: group.id + ".", "focus area", area.location, sink: sink)
                if let first = commitments[area.commitment] {
                    sink.error(
                        "focus area \(area.id) corresponds to commitment \(area.commitment), which another focus area already has",
                        at: area.location, notes: ["first used at \(first)"])
                } else if !(1...12).contains(area.commitment) {
                    sink.error(
                        "focus area \(area.id) names commitment \(area.commitment); the declaration has commitments 1–12",
                        at: area.location)
                } else {
                    commitments[area.commitment] = area.location
                }
                for feature in area.keyFeatures {
                    unique(feature.id, "key feature", feature.location)
                    expect(feature.id, startsWith: area.id + ".", "key feature", feature.location, sink: sink)
                    for measure in feature.measures {
                        unique(measure.id, "measure", measure.location)
                        if measure.id.range(of: "^\(NSRegularExpression.escapedPattern(for: feature.id))[a-z]$", options: .regularExpression) == nil {
                            sink.error(
                                "measure id '\(measure.id)' must be its key feature's id followed by one letter (\(feature.id)a, \(feature.id)b …)",
                                at: measure.location)
                        }
                        validateReferences(measure, framework: framework, sink: sink)
                    }
                }
            }
        }
    }

    private func expect(_ id: String, startsWith prefix: String, _ kind: String, _ location: SourceLocation, sink: DiagnosticSink) {
        let rest = id.dropFirst(prefix.count)
        if !id.hasPrefix(prefix) || rest.isEmpty || !rest.allSatisfy(\.isNumber) {
            sink.error("\(kind) id '\(id)' must be '\(prefix)<number>', inside its parent", at: location)
        }
    }

    private func validateReferences(_ measure: Measure, framework: Framework, sink: DiagnosticSink) {
        if let unit = framework.unit(measure.unitID) {
            let range = measure.range(in: unit)
            if let maximum = range.maximum, maximum < range.minimum {
                sink.error("measure \(measure.id) has max \(maximum) below min \(range.minimum)", at: measure.location)
            }
        } else {
            sink.error(
                "measure \(measure.id) has unknown unit '\(measure.unitID)'", at: measure.unitLocation,
                notes: Suggestion.note(for: measure.unitID, in: framework.units.map(\.id)))
        }
        if let breakdownID = measure.breakdownID, framework.breakdown(breakdownID) == nil {
            sink.error(
                "measure \(measure.id) has unknown breakdown '\(breakdownID)'",
                at: measure.breakdownLocation ?? measure.location,
                notes: Suggestion.note(for: breakdownID, in: framework.breakdowns.map(\.id)))
        }
    }

    // MARK: Strings and pages

    func validateStrings(_ content: LoadedContent, sink: DiagnosticSink) {
        let languages = content.config.languages
        let allKeys = Set(content.strings.values.flatMap(\.values.keys))
        for language in languages {
            guard let strings = content.strings[language] else { continue }
            for key in allKeys.subtracting(strings.values.keys).sorted() {
                let elsewhere = languages.first { content.strings[$0]?.values[key] != nil } ?? ""
                sink.error(
                    "UI string '\(key)' is missing in \(language)", at: SourceLocation(file: strings.file),
                    notes: ["it is defined in content/i18n/\(elsewhere).yaml"])
            }
        }
    }

    func validatePages(_ content: LoadedContent, sink: DiagnosticSink) {
        let languages = content.config.requiredLanguages
        let names = Set(content.pages.map(\.name))
        for name in names.sorted() {
            let present = content.pages.filter { $0.name == name }
            for language in languages where !present.contains(where: { $0.language == language }) {
                sink.warning(
                    "page '\(name)' has no \(language) version", at: SourceLocation(file: present[0].file),
                    notes: ["add content/pages/\(name).\(language).md"])
            }
        }
        for name in content.config.homePages where !names.contains(name.value) {
            sink.error(
                "home_pages names '\(name.value)', but there is no content/pages/\(name.value).<language>.md",
                at: name.location, notes: Suggestion.note(for: name.value, in: names.filter { $0 != "declaration" }))
        }
        let commitmentNumbers = Set(content.framework.focusAreas.map(\.commitment))
        for page in content.pages where page.name == "declaration" {
            var found: [Int: Int] = [:]
            for (offset, line) in page.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard line.hasPrefix("### "), let number = Int(line.dropFirst(4).prefix { $0.isNumber }) else { continue }
                let location = SourceLocation(file: page.file, line: page.bodyLine + offset, column: 1)
                if found[number] != nil {
                    sink.error("commitment \(number) appears twice in the declaration", at: location)
                }
                found[number] = offset
            }
            for number in commitmentNumbers.subtracting(found.keys).sorted() {
                sink.error(
                    "the declaration has no heading for commitment \(number)", at: SourceLocation(file: page.file),
                    notes: ["write it as '### \(number). …': focus areas link to #commitment-\(number)"])
            }
        }
    }

    // MARK: Cities

    /// The rules for one city (for incremental rebuilds).
    public func validate(city: City, in content: LoadedContent) -> [Diagnostic] {
        let sink = DiagnosticSink()
        validateCity(city, content: content, index: MeasureIndex(content.framework), sink: sink)
        return sink.diagnostics
    }

    func validateCity(_ city: City, content: LoadedContent, index: MeasureIndex, sink: DiagnosticSink) {
        let geography = content.geography
        if let country = geography.countries[city.country.value] {
            if geography.region(city.region.value) != nil, country.region != city.region.value {
                sink.error(
                    "region '\(city.region.value)' does not match country \(country.code), which is in '\(country.region)'",
                    at: city.region.location)
            }
        } else {
            // "China" or "中国" where the code goes: name the code of the country with that name.
            let typed = city.country.value.lowercased()
            let named = geography.countries.values.filter { country in country.name.texts.contains { $0.lowercased() == typed } }
                .map(\.code).sorted()
            let suggestion = named.first.map { ["did you mean '\($0)'? (the code, not the name)"] }
                ?? Suggestion.note(for: city.country.value.uppercased(), in: geography.countries.keys)
            sink.error(
                "unknown country code '\(city.country.value)'", at: city.country.location,
                notes: suggestion + ["use an ISO 3166-1 alpha-2 code listed in content/countries.yaml"])
        }
        if geography.region(city.region.value) == nil {
            sink.error(
                "unknown region '\(city.region.value)'", at: city.region.location,
                notes: Suggestion.note(for: city.region.value, in: geography.regions.map(\.id))
                    + ["regions: \(geography.regions.map(\.id).joined(separator: ", "))"])
        }
        if let coordinates = city.coordinates, let country = geography.countries[city.country.value],
            (-90...90).contains(coordinates.latitude), (-180...180).contains(coordinates.longitude)
        {
            checkCoordinates(coordinates, country: country, sink: sink)
        }
        if let population = city.population, population.value <= 0 {
            sink.error("population must be positive, found \(population.value)", at: population.location)
        }
        if let year = city.populationYear { checkYear(year, "population_year", sink: sink) }
        if let joined = city.joined, !(earliestJoinYear...currentYear).contains(joined.value) {
            sink.error(
                "joined \(joined.value) is not plausible: the network admits members since \(earliestJoinYear)",
                at: joined.location)
        }
        if let website = city.website, !(website.value.hasPrefix("https://") || website.value.hasPrefix("http://")) {
            sink.error("website must start with https:// or http://", at: website.location)
        }
        for series in city.series {
            guard let measure = index.measures[series.measureID.value] else {
                sink.error(
                    "unknown measure id '\(series.measureID.value)'", at: series.measureID.location,
                    notes: Suggestion.note(for: series.measureID.value, in: index.measures.keys))
                continue
            }
            validateSeries(series, measure: measure, index: index, sink: sink)
        }
    }

    /// Warns when the coordinates lie far outside the city's country, with the swap that would fix them if there is
    /// one. Countries too small for Natural Earth 1:110m are not checked, nor coordinates loading refused as out of
    /// range.
    private func checkCoordinates(_ coordinates: Coordinates, country: Country, sink: DiagnosticSink) {
        guard let boxes = NaturalEarth110m.countryBounds(country.code) else { return }
        func distance(latitude: Double, longitude: Double) -> Double {
            let point = GeoPoint(longitude: longitude, latitude: latitude)
            return boxes.lazy.map { $0.distanceOutside(point) }.min() ?? 0
        }
        let latitude = coordinates.latitude
        let longitude = coordinates.longitude
        let outside = distance(latitude: latitude, longitude: longitude)
        guard outside > coordinateTolerance else { return }
        let note: String
        if abs(longitude) <= 90, distance(latitude: longitude, longitude: latitude) <= coordinateTolerance {
            note =
                "latitude and longitude look swapped: did you mean {lat: \(NumberText.plain(longitude)), lon: \(NumberText.plain(latitude))}?"
        } else {
            note =
                "check the coordinates (lat: degrees north, negative south; lon: degrees east, negative west); if they are right, the warning can be ignored"
        }
        sink.warning(
            "the coordinates lie \(NumberText.plain((outside * 10).rounded() / 10))° outside \(country.name.text(in: "en")) (\(country.code))",
            at: coordinates.location, notes: [note])
    }

    private func checkYear(_ year: Located<Int>, _ what: String, sink: DiagnosticSink) {
        if !(earliestYear...(currentYear + 1)).contains(year.value) {
            sink.error("\(what) \(year.value) is not plausible (expected \(earliestYear)–\(currentYear + 1))", at: year.location)
        }
    }

    private func validateSeries(_ series: ObservationSeries, measure: Measure, index: MeasureIndex, sink: DiagnosticSink) {
        let unit = index.framework.unit(measure.unitID)
        let breakdown = measure.breakdownID.flatMap(index.framework.breakdown)
        var years: [Int: SourceLocation] = [:]
        var previousYear: Int?
        for observation in series.observations {
            let year = observation.year
            checkYear(year, "year", sink: sink)
            if let first = years[year.value] {
                sink.error(
                    "\(measure.id) has two observations for \(year.value)", at: year.location,
                    notes: ["the first is at \(first)"])
            } else {
                years[year.value] = year.location
            }
            if let previousYear, year.value < previousYear {
                sink.warning("\(measure.id): years should be in ascending order (\(year.value) after \(previousYear))", at: year.location)
            }
            previousYear = year.value
            if observation.source == nil && observation.value != .notAvailable {
                sink.warning(
                    "\(measure.id) \(year.value) has no source", at: observation.location,
                    notes: ["add 'source:' saying where the figure comes from (office, survey, expert panel)"])
            }
            switch observation.value {
            case .notAvailable:
                break
            case .single(let value):
                if let breakdown {
                    sink.error(
                        "\(measure.id) is broken down by \(breakdown.id): write 'values' with one number per category",
                        at: value.location,
                        notes: ["categories: \(breakdown.categories.map(\.id).joined(separator: ", "))"])
                } else if let unit {
                    checkRange(value, measure: measure, unit: unit, sink: sink)
                }
            case .breakdown(let values):
                guard let breakdown else {
                    sink.error(
                        "\(measure.id) has no breakdown: write a single 'value'", at: observation.location)
                    continue
                }
                for entry in values {
                    if breakdown.category(entry.category.value) == nil {
                        // A category typed as the pages show it ("Male", "男"): name its id.
                        let typed = entry.category.value.lowercased()
                        let labelled = breakdown.categories.first { $0.name.texts.contains { $0.lowercased() == typed } }
                        let suggestion = labelled.map { ["did you mean '\($0.id)'? (the id; '\(entry.category.value)' is how pages show it)"] }
                            ?? Suggestion.note(for: entry.category.value, in: breakdown.categories.map(\.id))
                        let shown = breakdown.categories.map { "\($0.id) (\($0.name.texts.joined(separator: " / ")))" }
                        sink.error(
                            "unknown \(breakdown.id) category '\(entry.category.value)' for \(measure.id)",
                            at: entry.category.location,
                            notes: suggestion + ["categories, with how pages show them: \(shown.joined(separator: ", "))"])
                    } else if let unit {
                        checkRange(entry.value, measure: measure, unit: unit, category: entry.category.value, sink: sink)
                    }
                }
                if values.isEmpty {
                    sink.error("\(measure.id) 'values' is empty", at: observation.location)
                }
                if let unit { checkTotal(values, breakdown: breakdown, measure: measure, unit: unit, sink: sink) }
            }
        }
    }

    private func checkRange(
        _ value: Located<Double>, measure: Measure, unit: MeasureUnit, category: String? = nil, sink: DiagnosticSink
    ) {
        let label = category.map { "\(measure.id) '\($0)'" } ?? measure.id
        let shown = NumberText.plain(value.value)
        if unit.kind == .rating {
            if value.value.rounded() != value.value || !(1...5).contains(value.value) {
                sink.error(
                    "\(label) is \(shown), a rating must be a whole number from 1 (\(ratingName(1))) to 5", at: value.location)
            }
            return
        }
        let range = measure.range(in: unit)
        if value.value < range.minimum || range.maximum.map({ value.value > $0 }) == true {
            let expected: String
            if unit.id == "percent", range.minimum == 0, range.maximum == 100 {
                expected = "a percentage must be 0–100"
            } else if let maximum = range.maximum {
                expected = "expected \(NumberText.plain(range.minimum))–\(NumberText.plain(maximum)) (\(unit.name.text(in: "en")))"
            } else {
                expected = "expected at least \(NumberText.plain(range.minimum)) (\(unit.name.text(in: "en")))"
            }
            sink.error("\(label) is \(shown), \(expected)", at: value.location)
        }
    }

    private func ratingName(_ value: Int) -> String { value == 1 ? "poor" : "excellent" }

    private func checkTotal(
        _ values: [CategoryValue], breakdown: Breakdown, measure: Measure, unit: MeasureUnit, sink: DiagnosticSink
    ) {
        guard let totalID = breakdown.totalCategory,
            let total = values.first(where: { $0.category.value == totalID })
        else { return }
        let partIDs = breakdown.categories.map(\.id).filter { $0 != totalID }
        let parts = partIDs.compactMap { id in values.first { $0.category.value == id }?.value.value }
        guard parts.count == partIDs.count, !parts.isEmpty else { return }
        let tolerance = 0.5 * pow(10, -Double(unit.decimals)) + 1e-9
        if unit.id == "count" {
            let sum = parts.reduce(0, +)
            if abs(sum - total.value.value) > tolerance {
                sink.warning(
                    "\(measure.id) total \(NumberText.plain(total.value.value)) differs from the sum of its parts (\(NumberText.plain(sum)))",
                    at: total.value.location)
            }
        } else if let low = parts.min(), let high = parts.max(),
            total.value.value < low - tolerance || total.value.value > high + tolerance
        {
            sink.warning(
                "\(measure.id) total \(NumberText.plain(total.value.value)) lies outside its parts (\(NumberText.plain(low))–\(NumberText.plain(high))); a total rate must lie between them",
                at: total.value.location)
        }
    }
}

/// Measures by id, built once per validation or site model.
public struct MeasureIndex: Sendable {
    public let framework: Framework
    public let measures: [String: Measure]

    public init(_ framework: Framework) {
        self.framework = framework
        var measures: [String: Measure] = [:]
        for measure in framework.measures where measures[measure.id] == nil {
            measures[measure.id] = measure
        }
        self.measures = measures
    }
}

/// Plain number text for messages: no trailing `.0`.
package enum NumberText {
    package static func plain(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
