import LCityContent

/// A column of a submission sheet's data table.
public enum DataColumn: Sendable, Hashable {
    case measure, measureName, definition, unit, validRange, sourceType, category, year, value
    case source(language: String)
    case flag
    case note(language: String)

    /// The columns in sheet order, with a source and a note column per site language.
    public static func all(languages: [String]) -> [DataColumn] {
        [.measure, .measureName, .definition, .unit, .validRange, .sourceType, .category, .year, .value]
            + languages.map { .source(language: $0) } + [.flag] + languages.map { .note(language: $0) }
    }

    /// Whether a coordinator fills the column in (the others describe the measure and are locked).
    public var isEditable: Bool {
        switch self {
        case .year, .value, .source, .flag, .note: true
        default: false
        }
    }

    /// The column's stable name, accepted as a header in any sheet (`measure`, `source_zh`).
    public var key: String {
        switch self {
        case .measure: "measure"
        case .measureName: "measure_name"
        case .definition: "definition"
        case .unit: "unit"
        case .validRange: "valid_range"
        case .sourceType: "source_type"
        case .category: "category"
        case .year: "year"
        case .value: "value"
        case .source(let language): "source_\(language)"
        case .flag: "flag"
        case .note(let language): "note_\(language)"
        }
    }

    /// The header shown in a sheet of `sheetLanguage`; `languageName` names a text column's language
    /// (`中文`, `English`).
    public func header(in sheetLanguage: MessageLanguage, languageName: (String) -> String) -> String {
        switch self {
        case .source(let language): SheetText.sourceHeader(languageName(language)).text(in: sheetLanguage)
        case .note(let language): SheetText.noteHeader(languageName(language)).text(in: sheetLanguage)
        default: SheetText.header(self).text(in: sheetLanguage)
        }
    }

    /// Width in characters.
    var width: Double {
        switch self {
        case .measure: 10
        case .measureName: 40
        case .definition: 60
        case .unit: 22
        case .validRange: 16
        case .sourceType: 18
        case .category: 14
        case .year: 8
        case .value: 12
        case .source: 36
        case .flag: 16
        case .note: 30
        }
    }
}

/// A field of a submission workbook's City sheet: the city's identity, which a new city's file needs.
public enum CityField: String, Sendable, CaseIterable {
    case name, pinyin, country, region, population
    case populationYear = "population_year"
    case joined, latitude, longitude, website
}

/// A row of the City sheet: one field, or one language of the name.
public struct CityFieldRow: Sendable, Hashable {
    public var field: CityField
    public var language: String?

    /// The row's stable name in column A (`name_zh`, `country`).
    public var key: String { language.map { "\(field.rawValue)_\($0)" } ?? field.rawValue }

    /// The rows for a site's languages, in order: the name in each language, then the other fields (pinyin only
    /// when the site has Chinese).
    public static func all(languages: [String]) -> [CityFieldRow] {
        languages.map { CityFieldRow(field: .name, language: $0) }
            + CityField.allCases.filter { $0 != .name && ($0 != .pinyin || languages.contains("zh")) }
            .map { CityFieldRow(field: $0, language: nil) }
    }
}
