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
    /// Names Markdown pages may not take because generated pages have them (`cities`, `search`, …; the site's URL
    /// scheme, which the page layer knows, fills this in).
    public var reservedPageNames: Set<String> = []

    /// Creates a validator; `currentYear` defaults to the clock's year.
    public init(currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) {
        self.currentYear = currentYear
    }

    /// Every problem in `content` that loading could not see.
    public func validate(_ content: LoadedContent) -> [Diagnostic] {
        let sink = DiagnosticSink()
        validateFramework(content.framework, failures: content.failures, sink: sink)
        validateStrings(content, sink: sink)
        validatePages(content, sink: sink)
        let index = MeasureIndex(content.framework)
        let fences = NetworkFences(cities: content.cities, index: index)
        var citiesByName: [String: City] = [:]
        for city in content.cities {
            validateCity(city, content: content, index: index, fences: fences.fences(for: city), sink: sink)
            let key = city.name.text(in: content.config.defaultLanguage).lowercased()
            if let other = citiesByName[key] {
                sink.warning(.sameCityName(key), at: city.name.location, notes: [.see(other.file)])
            } else {
                citiesByName[key] = city
            }
        }
        checkKinds(content.cities, sink: sink)
        return sink.diagnostics
    }

    // MARK: Framework

    func validateFramework(_ framework: Framework, failures: LoadFailures = LoadFailures(), sink: DiagnosticSink) {
        for unit in framework.units {
            if let maximum = unit.maximum, maximum < unit.minimum {
                sink.error(.unitMaxBelowMin(unit.id, max: "\(maximum)", min: "\(unit.minimum)"), at: unit.location)
            }
            if !(0...6).contains(unit.decimals) {
                sink.error(.unitDecimals(unit.id, unit.decimals), at: unit.location)
            }
        }
        if framework.units.contains(where: { $0.kind == .rating }) {
            let values = framework.ratingScale.map(\.value).sorted()
            if values != Array(1...5) {
                sink.error(
                    .ratingScaleLevels(found: values.map(String.init)),
                    at: SourceLocation(file: "content/framework.yaml"))
            }
        }
        var seen: [String: SourceLocation] = [:]
        func unique(_ id: String, _ kind: Message, _ location: SourceLocation) {
            if let first = seen[id] {
                sink.error(.duplicateID(kind, id), at: location, notes: [.firstUsedAt(first)])
            } else {
                seen[id] = location
            }
        }
        var commitments: [Int: SourceLocation] = [:]
        for group in framework.groups {
            unique(group.id, .kindGroup, group.location)
            for area in group.focusAreas {
                unique(area.id, .kindFocusArea, area.location)
                expect(area.id, startsWith: group.id + ".", .kindFocusArea, area.location, sink: sink)
                if let first = commitments[area.commitment] {
                    sink.error(
                        .commitmentTaken(area.id, area.commitment), at: area.location, notes: [.firstUsedAt(first)])
                } else if !(1...12).contains(area.commitment) {
                    sink.error(
                        .commitmentOutOfRange(area.id, area.commitment), at: area.location)
                } else {
                    commitments[area.commitment] = area.location
                }
                for feature in area.keyFeatures {
                    unique(feature.id, .kindKeyFeature, feature.location)
                    expect(feature.id, startsWith: area.id + ".", .kindKeyFeature, feature.location, sink: sink)
                    for measure in feature.measures {
                        unique(measure.id, .kindMeasure, measure.location)
                        if measure.id.range(of: "^\(NSRegularExpression.escapedPattern(for: feature.id))[a-z]$", options: .regularExpression) == nil {
                            sink.error(
                                .measureIDLetter(measure.id, feature: feature.id), at: measure.location)
                        }
                        validateReferences(measure, framework: framework, failures: failures, sink: sink)
                    }
                }
            }
        }
    }

    private func expect(_ id: String, startsWith prefix: String, _ kind: Message, _ location: SourceLocation, sink: DiagnosticSink) {
        let rest = id.dropFirst(prefix.count)
        if !id.hasPrefix(prefix) || rest.isEmpty || !rest.allSatisfy(\.isNumber) {
            sink.error(.idInsideParent(kind, id, prefix: prefix), at: location)
        }
    }

    private func validateReferences(_ measure: Measure, framework: Framework, failures: LoadFailures, sink: DiagnosticSink) {
        if let unit = framework.unit(measure.unitID) {
            let range = measure.range(in: unit)
            if let maximum = range.maximum, maximum < range.minimum {
                sink.error(.measureMaxBelowMin(measure.id, max: "\(maximum)", min: "\(range.minimum)"), at: measure.location)
            }
        } else {
            sink.error(
                .measureUnknownUnit(measure.id, measure.unitID), at: measure.unitLocation,
                notes: Suggestion.note(for: measure.unitID, in: framework.units.map(\.id)),
                cause: failures.units[measure.unitID])
        }
        if let breakdownID = measure.breakdownID, framework.breakdown(breakdownID) == nil {
            sink.error(
                .measureUnknownBreakdown(measure.id, breakdownID),
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
                    .uiStringMissing(key, in: language), at: SourceLocation(file: strings.file),
                    notes: [.definedIn("content/i18n/\(elsewhere).yaml")])
            }
        }
    }

    /// The pages' rules: every page in every required language, the home page's pages present, and on the declaration
    /// one `### N` heading for each commitment of the framework.
    package func validatePages(_ content: LoadedContent, sink: DiagnosticSink) {
        let languages = content.config.requiredLanguages
        let names = Set(content.pages.map(\.name))
        for name in names.sorted() {
            let present = content.pages.filter { $0.name == name }
            for language in languages where !present.contains(where: { $0.language == language }) {
                sink.warning(
                    .pageHasNoVersion(name, language), at: SourceLocation(file: present[0].file),
                    notes: [.addFile("content/pages/\(name).\(language).md")])
            }
        }
        for page in content.pages where page.file.hasPrefix("content/pages/") && reservedPageNames.contains(page.name) {
            sink.error(
                .pageNameTaken(page.name), at: SourceLocation(file: page.file),
                notes: [.reservedPageNames(reservedPageNames.sorted())])
        }
        for name in content.config.homePages where !names.contains(name.value) {
            sink.error(
                .homePageMissing(name.value),
                at: name.location, notes: Suggestion.note(for: name.value, in: names.filter { $0 != "declaration" }))
        }
        let commitmentNumbers = Set(content.framework.focusAreas.map(\.commitment))
        for page in content.pages where page.name == "declaration" {
            var found: [Int: Int] = [:]
            for (offset, line) in page.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard line.hasPrefix("### "), let number = Int(line.dropFirst(4).prefix { $0.isNumber }) else { continue }
                let location = SourceLocation(file: page.file, line: page.bodyLine + offset, column: 1)
                if found[number] != nil {
                    sink.error(.commitmentTwice(number), at: location)
                }
                found[number] = offset
            }
            for number in commitmentNumbers.subtracting(found.keys).sorted() {
                sink.error(
                    .noCommitmentHeading(number), at: SourceLocation(file: page.file),
                    notes: [.writeCommitmentHeading(number)])
            }
        }
    }

    // MARK: Cities

    /// The rules for one city (for incremental rebuilds).
    public func validate(city: City, in content: LoadedContent) -> [Diagnostic] {
        let sink = DiagnosticSink()
        let index = MeasureIndex(content.framework)
        validateCity(city, content: content, index: index, fences: fences(for: city, in: content, index: index), sink: sink)
        return sink.diagnostics
    }

    /// Warns once when the network has both real and illustrative cities, naming a file of each kind: illustrative
    /// cities are then left out of everything the site computes across cities.
    func checkKinds(_ cities: [City], sink: DiagnosticSink) {
        let sorted = cities.sorted { $0.file < $1.file }
        guard let real = sorted.first(where: { !$0.illustrative }), let example = sorted.first(where: \.illustrative)
        else { return }
        sink.warning(
            .realAndIllustrative(real: cities.count { !$0.illustrative }, illustrative: cities.count(where: \.illustrative)),
            at: SourceLocation(file: real.file), notes: [.illustrativeCityIs(example.file), .illustrativeLeftOut])
    }

    func validateCity(_ city: City, content: LoadedContent, index: MeasureIndex, fences: OutlierFences?, sink: DiagnosticSink) {
        let geography = content.geography
        if let country = geography.countries[city.country.value] {
            if geography.region(city.region.value) != nil, country.region != city.region.value {
                sink.error(
                    .regionMismatch(city.region.value, country: country.code, countryRegion: country.region),
                    at: city.region.location)
            }
        } else {
            // "China" or "中国" where the code goes: name the code of the country with that name.
            let typed = city.country.value.lowercased()
            let named = geography.countries.values.filter { country in country.name.texts.contains { $0.lowercased() == typed } }
                .map(\.code).sorted()
            let suggestion = named.first.map { [Message.countryCodeNotName($0)] }
                ?? Suggestion.note(for: city.country.value.uppercased(), in: geography.countries.keys)
            sink.error(
                .unknownCountry(city.country.value), at: city.country.location, notes: suggestion + [.useCountryCode],
                cause: content.failures.geography)
        }
        if geography.region(city.region.value) == nil {
            sink.error(
                .unknownRegion(city.region.value), at: city.region.location,
                notes: Suggestion.note(for: city.region.value, in: geography.regions.map(\.id))
                    + [.regions(geography.regions.map(\.id))],
                cause: content.failures.geography)
        }
        if let coordinates = city.coordinates, let country = geography.countries[city.country.value],
            (-90...90).contains(coordinates.latitude), (-180...180).contains(coordinates.longitude)
        {
            checkCoordinates(coordinates, country: country, sink: sink)
        }
        if let population = city.population, population.value <= 0 {
            sink.error(.populationNotPositive(population.value), at: population.location)
        }
        if let year = city.populationYear { checkYear(year, .key("population_year"), sink: sink) }
        if let joined = city.joined, !(earliestJoinYear...currentYear).contains(joined.value) {
            sink.error(
                .joinedImplausible(joined.value, since: earliestJoinYear),
                at: joined.location)
        }
        if let website = city.website, !SiteConfig.isWebAddress(website.value) {
            sink.error(.websiteScheme, at: website.location)
        }
        for series in city.series {
            guard let measure = index.measures[series.measureID.value] else {
                sink.error(
                    .unknownMeasure(series.measureID.value), at: series.measureID.location,
                    notes: Suggestion.note(for: series.measureID.value, in: index.measures.keys),
                    cause: content.failures.cause(ofUnknownMeasure: series.measureID.value))
                continue
            }
            validateSeries(series, measure: measure, index: index, sink: sink)
            checkPlausibility(series, measure: measure, index: index, fences: fences, sink: sink)
        }
        if let release = content.previousRelease { checkRevisions(city, since: release, current: content.config.release?.version, sink: sink) }
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
        let note: Message
        if abs(longitude) <= 90, distance(latitude: longitude, longitude: latitude) <= coordinateTolerance {
            note = .coordinatesSwapped(lat: NumberText.plain(longitude), lon: NumberText.plain(latitude))
        } else {
            note = .checkCoordinates
        }
        sink.warning(
            .coordinatesOutside(
                degrees: NumberText.plain((outside * 10).rounded() / 10), countryEN: country.name.text(in: "en"),
                countryZH: country.name.text(in: "zh"), code: country.code),
            at: coordinates.location, notes: [note])
    }

    private func checkYear(_ year: Located<Int>, _ what: Message, sink: DiagnosticSink) {
        if !(earliestYear...(currentYear + 1)).contains(year.value) {
            sink.error(.yearImplausible(what, year.value, from: earliestYear, to: currentYear + 1), at: year.location)
        }
    }

    private func validateSeries(_ series: ObservationSeries, measure: Measure, index: MeasureIndex, sink: DiagnosticSink) {
        let unit = index.framework.unit(measure.unitID)
        let breakdown = measure.breakdownID.flatMap(index.framework.breakdown)
        // A breakdown the framework names but does not have: the framework's error says so, there.
        let missingBreakdown = measure.breakdownID != nil && breakdown == nil
            ? measure.breakdownLocation ?? measure.location : nil
        var years: [Int: SourceLocation] = [:]
        var previousYear: Int?
        for observation in series.observations {
            let year = observation.year
            checkYear(year, .key("year"), sink: sink)
            if let first = years[year.value] {
                sink.error(
                    .twoObservations(measure.id, year.value), at: year.location, notes: [.theFirstIsAt(first)])
            } else {
                years[year.value] = year.location
            }
            if let previousYear, year.value < previousYear {
                sink.warning(.yearsAscending(measure.id, year.value, after: previousYear), at: year.location)
            }
            previousYear = year.value
            if observation.source == nil && observation.value != .notAvailable {
                sink.warning(
                    .noSource(measure.id, year.value), at: observation.location, notes: [.addSource])
            }
            switch observation.value {
            case .notAvailable:
                break
            case .single(let value):
                if let breakdown {
                    sink.error(
                        .writeValuesPerCategory(measure.id, breakdown: breakdown.id), at: value.location,
                        notes: [.categories(breakdown.categories.map(\.id))])
                } else if let unit {
                    checkRange(value, measure: measure, unit: unit, sink: sink)
                }
            case .breakdown(let values):
                guard let breakdown else {
                    sink.error(.noBreakdown(measure.id), at: observation.location, cause: missingBreakdown)
                    continue
                }
                for entry in values {
                    if breakdown.category(entry.category.value) == nil {
                        // A category typed as the pages show it ("Male", "男"): name its id.
                        let typed = entry.category.value.lowercased()
                        let labelled = breakdown.categories.first { $0.name.texts.contains { $0.lowercased() == typed } }
                        let suggestion = labelled.map { [Message.categoryIDNotLabel($0.id, label: entry.category.value)] }
                            ?? Suggestion.note(for: entry.category.value, in: breakdown.categories.map(\.id))
                        let shown = breakdown.categories.map { (id: $0.id, names: $0.name.texts) }
                        sink.error(
                            .unknownCategory(entry.category.value, breakdown: breakdown.id, measure: measure.id),
                            at: entry.category.location,
                            notes: suggestion + [.categoriesShown(shown)])
                    } else if let unit {
                        checkRange(entry.value, measure: measure, unit: unit, category: entry.category.value, sink: sink)
                    }
                }
                if values.isEmpty {
                    sink.error(.valuesEmpty(measure.id), at: observation.location)
                }
                if let unit { checkTotal(values, breakdown: breakdown, measure: measure, unit: unit, sink: sink) }
            }
        }
    }

    private func checkRange(
        _ value: Located<Double>, measure: Measure, unit: MeasureUnit, category: String? = nil, sink: DiagnosticSink
    ) {
        let label = Message.rangeLabel(measure.id, category: category)
        let shown = NumberText.plain(value.value)
        if unit.kind == .rating {
            if value.value.rounded() != value.value || !(1...5).contains(value.value) {
                sink.error(
                    .ratingNotWhole(label, shown), at: value.location)
            }
            return
        }
        let range = measure.range(in: unit)
        // A range the framework gets wrong (max below min) is reported there, once.
        var cause: SourceLocation?
        if let maximum = unit.maximum, maximum < unit.minimum {
            cause = unit.location
        } else if let maximum = range.maximum, maximum < range.minimum {
            cause = measure.location
        }
        if value.value < range.minimum || range.maximum.map({ value.value > $0 }) == true {
            let expected: Message
            if unit.id == "percent", range.minimum == 0, range.maximum == 100 {
                expected = .percentageRange
            } else if let maximum = range.maximum {
                expected = .expectedRange(
                    NumberText.plain(range.minimum), NumberText.plain(maximum), unitEN: unit.name.text(in: "en"),
                    unitZH: unit.name.text(in: "zh"))
            } else {
                expected = .expectedAtLeast(
                    NumberText.plain(range.minimum), unitEN: unit.name.text(in: "en"), unitZH: unit.name.text(in: "zh"))
            }
            sink.error(.outOfRange(label, shown, expected: expected), at: value.location, cause: cause)
        }
    }

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
                    .totalDiffersFromSum(measure.id, total: NumberText.plain(total.value.value), sum: NumberText.plain(sum)),
                    at: total.value.location)
            }
        } else if let low = parts.min(), let high = parts.max(),
            total.value.value < low - tolerance || total.value.value > high + tolerance
        {
            sink.warning(
                .totalOutsideParts(
                    measure.id, total: NumberText.plain(total.value.value), low: NumberText.plain(low),
                    high: NumberText.plain(high)),
                at: total.value.location)
        }
    }
}

/// Measures by id, built once per validation or site model.
public struct MeasureIndex: Sendable {
    public let framework: Framework
    public let measures: [String: Measure]
    /// Each measure's position in `framework.measures` (the first, for an id used twice).
    public let positions: [String: Int]

    public init(_ framework: Framework) {
        self.framework = framework
        var measures: [String: Measure] = [:]
        var positions: [String: Int] = [:]
        for (position, measure) in framework.measures.enumerated() where measures[measure.id] == nil {
            measures[measure.id] = measure
            positions[measure.id] = position
        }
        self.measures = measures
        self.positions = positions
    }
}

/// Plain number text for messages: no trailing `.0`.
package enum NumberText {
    package static func plain(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
