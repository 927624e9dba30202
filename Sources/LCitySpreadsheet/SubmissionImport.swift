import Foundation
import LCityContent

/// Reads a submission workbook back into a city file: every problem at its cell, checked with the same rules as
/// `check`, and the file's text changed only where the sheet changes the data.
public struct SubmissionImport {
    /// What a cell's typed text was read as, when that took more than reading a plain number.
    public struct Reading: Sendable, Equatable {
        public var location: SourceLocation
        public var typed: String
        public var value: String
    }

    /// One observation added, changed or removed, or one field of the City sheet changed.
    public struct Change: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case added, changed, removed }
        public var kind: Kind
        /// `1.1.1a 2023`, or a field name.
        public var subject: String
        public var description: String { "\(kind.rawValue) \(subject)" }
    }

    /// The outcome: problems, what was read, and the new text when there is no error.
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var readings: [Reading] = []
        public var changes: [Change] = []
        /// The city file's new text; nil when there are errors. Equal to the old text when nothing changed.
        public var text: String?

        public init() {}
    }

    /// The site the city belongs to.
    public let content: LoadedContent
    /// The city's slug and its file (`content/cities/<slug>.yaml`), as diagnostics show it.
    public let slug: String
    public var cityFile: String { "content/cities/\(slug).yaml" }
    public var validator = Validator()

    public init(content: LoadedContent, slug: String) {
        self.content = content
        self.slug = slug
    }

    var languages: [String] { content.config.languages.filter { !content.config.partialLanguages.contains($0) } }

    /// Imports `workbook` (read from the file shown as `file`; for CSV, `lines` gives each row's first line) into
    /// the city file whose current text is `oldText` (nil for a new city). `loadedCity` is that text loaded, when the
    /// caller has loaded it already (`import` loads the whole site first); otherwise it is loaded here.
    public func run(
        _ workbook: Workbook, file: String, lines: [Int]? = nil, oldText: String?, loadedCity: City? = nil
    ) -> Result {
        var result = Result()
        let sink = DiagnosticSink()
        var oldCity = oldText == nil ? nil : loadedCity
        if let oldText, oldCity == nil {
            let loaded = ContentLoader.loadCity(
                text: oldText, relative: cityFile, languages: content.config.languages,
                optionalLanguages: content.config.partialLanguages)
            guard let city = loaded.value, loaded.diagnostics.errorCount == 0 else {
                result.diagnostics = loaded.diagnostics + [
                    .error(SheetText.cityFileHasErrors(cityFile), at: SourceLocation(file: cityFile))
                ]
                return result
            }
            oldCity = city
        }
        var reader = SheetCellReader(content: content, file: file, lines: lines, sink: sink)
        guard let dataSheet = reader.findDataSheet(in: workbook) else {
            result.diagnostics = sink.diagnostics
            return result
        }
        let rows = reader.readData(dataSheet)
        let identity = workbook.isCSV ? nil : reader.findCitySheet(in: workbook).map { reader.readCity($0) }
        result.readings = reader.readings.sorted { $0.location < $1.location }
        if oldCity == nil && identity == nil {
            sink.error(
                SheetText.newCityNeedsCitySheet(cityFile), at: SourceLocation(file: file),
                notes: [SheetText.newCityNeedsCitySheetHint(slug)])
        }
        let merged = merge(rows, into: oldCity, identity: identity, sink: sink)
        if let merged {
            for diagnostic in validator.validate(city: merged.city, in: content) { sink.report(diagnostic) }
        }
        result.diagnostics = sink.diagnostics.sortedByLocation()
        guard result.diagnostics.errorCount == 0, let merged else { return result }
        result.changes = merged.changes
        guard !merged.changes.isEmpty else {
            result.text = oldText
            return result
        }
        do {
            let text = try edit(oldText: oldText, oldCity: oldCity, merged: merged)
            // What is written must load as the data that was checked.
            let reloaded = ContentLoader.loadCity(
                text: text, relative: cityFile, languages: content.config.languages,
                optionalLanguages: content.config.partialLanguages)
            guard let city = reloaded.value, reloaded.diagnostics.errorCount == 0, sameData(city, merged.city) else {
                result.diagnostics.append(
                    .error(SheetText.internalEditFailure(cityFile), at: SourceLocation(file: cityFile),
                           notes: reloaded.diagnostics.map { .verbatim($0.description) }))
                return result
            }
            result.text = text
        } catch {
            result.diagnostics.append(.error(.verbatim("\(error)"), at: SourceLocation(file: cityFile)))
        }
        return result
    }

    // MARK: Merging

    struct Merged {
        var city: City
        var series: [CityFileEditor.SeriesUpdate]
        var fields: [CityFileEditor.FieldUpdate]
        var changes: [Change]
    }

    /// The city as the sheet makes it: the old city with the sheet's observations and fields in place.
    private func merge(_ rows: SheetCellReader.DataRows, into old: City?, identity: SheetCellReader.Identity?, sink: DiagnosticSink)
        -> Merged?
    {
        var series: [ObservationSeries] = []
        var updates: [CityFileEditor.SeriesUpdate] = []
        var changes: [Change] = []
        let measureIDs = content.framework.measures.map(\.id)
        let extra = (old?.series ?? []).map(\.measureID.value).filter { !measureIDs.contains($0) }
        for measureID in measureIDs + extra {
            let oldSeries = old?.series(for: measureID)
            var observations = oldSeries?.observations ?? []
            let sheet = rows.observations[measureID] ?? [:]
            for (year, entry) in sheet.sorted(by: { $0.key < $1.key }) {
                let index = observations.firstIndex { $0.year.value == year }
                switch (entry, index) {
                case (nil, let index?):
                    observations.remove(at: index)
                    changes.append(Change(kind: .removed, subject: "\(measureID) \(year)"))
                case (nil, nil):
                    break
                case (let observation?, let index?):
                    if !observation.hasSameData(asRegardlessOfOrder: observations[index]) {
                        observations[index] = observation
                        changes.append(Change(kind: .changed, subject: "\(measureID) \(year)"))
                    }
                case (let observation?, nil):
                    let position = observations.firstIndex { $0.year.value > year } ?? observations.count
                    observations.insert(observation, at: position)
                    changes.append(Change(kind: .added, subject: "\(measureID) \(year)"))
                }
            }
            let changed = oldSeries.map { old in
                old.observations.count != observations.count
                    || !zip(old.observations, observations).allSatisfy { $0 === $1 }
            } ?? !observations.isEmpty
            if changed { updates.append(.init(measureID: measureID, old: oldSeries, new: observations)) }
            if !observations.isEmpty {
                let location = oldSeries?.measureID.location ?? observations[0].location
                series.append(ObservationSeries(measureID: Located(measureID, at: location), observations: observations))
            }
        }
        var fields: [CityFileEditor.FieldUpdate] = []
        let city: City
        if let identity {
            city = identity.city(slug: slug, file: cityFile, old: old, series: series, languages: languages)
            fields = identity.fieldUpdates(comparedWith: old, languages: languages)
            changes += fields.map { Change(kind: .changed, subject: $0.key) }
        } else if let old {
            city = City(
                slug: old.slug, file: old.file, name: old.name, pinyin: old.pinyin, illustrative: old.illustrative,
                country: old.country, region: old.region, population: old.population, populationYear: old.populationYear,
                coordinates: old.coordinates, joined: old.joined, website: old.website, description: old.description,
                series: series)
        } else {
            return nil
        }
        return Merged(city: city, series: updates, fields: fields, changes: changes)
    }

    private func edit(oldText: String?, oldCity: City?, merged: Merged) throws -> String {
        let categoryOrder = Dictionary(
            uniqueKeysWithValues: content.framework.measures.map { measure in
                (measure.id, measure.breakdownID.flatMap(content.framework.breakdown)?.categories.map(\.id) ?? [])
            })
        var editor = try CityFileEditor(
            text: oldText ?? SheetText.newCityFileHeader(slug), languages: content.config.languages,
            measureOrder: content.framework.measures.map(\.id), categoryOrder: categoryOrder)
        editor.update(merged.fields)
        try editor.update(merged.series)
        return editor.text()
    }

    private func sameData(_ a: City, _ b: City) -> Bool {
        guard a.series.count == b.series.count, a.name.translations == b.name.translations,
            a.country.value == b.country.value, a.region.value == b.region.value
        else { return false }
        return zip(a.series, b.series).allSatisfy { left, right in
            left.measureID.value == right.measureID.value && left.observations.count == right.observations.count
                && zip(left.observations, right.observations).allSatisfy { $0.hasSameData(asRegardlessOfOrder: $1) }
        }
    }
}
