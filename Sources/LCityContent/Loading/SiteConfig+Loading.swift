import Foundation
import Yams

extension SiteConfig {
    /// Reads `site.yaml`. Languages are read first so that the other texts can be checked against them.
    static func load(_ root: Node, reader baseReader: YAMLReader) -> SiteConfig? {
        guard let map = baseReader.mapping(root, "the site file") else { return nil }
        map.rejectUnknownKeys(allowed: [
            "title", "tagline", "languages", "default_language", "base_url", "data_disclaimer", "source", "home_pages",
            "partial_languages", "data_version", "data_date",
        ])
        var languages: [String] = []
        if let node = map.required("languages"), let items = baseReader.sequence(node, "languages") {
            for item in items {
                guard let code = baseReader.string(item, "a language code") else { continue }
                if code.value.range(of: #"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) == nil {
                    baseReader.sink.error("'\(code.value)' is not a language code such as zh or en", at: code.location)
                } else if languages.contains(code.value) {
                    baseReader.sink.error("language '\(code.value)' is listed twice", at: code.location)
                } else {
                    languages.append(code.value)
                }
            }
            if languages.isEmpty {
                baseReader.sink.error("the site needs at least one language", at: baseReader.location(of: node))
            }
        }
        var reader = baseReader
        reader.languages = languages
        let defaultLanguage = map.required("default_language").flatMap { reader.string($0, "default_language") }
        // partial_languages: {ar: en} — Arabic is partly translated; its missing texts are shown in English.
        var partial: [String: String] = [:]
        if let node = map["partial_languages"], let entries = reader.mapping(node, "partial_languages") {
            for entry in entries.entries {
                let code = entry.key
                guard let fallback = reader.string(entry.value, "the fallback language of \(code.value)") else { continue }
                if !languages.contains(code.value) || code.value == defaultLanguage?.value {
                    reader.sink.error(
                        "partial language '\(code.value)' must be one of the languages other than the default", at: code.location)
                } else if !languages.contains(fallback.value) || partial[fallback.value] != nil || fallback.value == code.value {
                    reader.sink.error(
                        "'\(fallback.value)' cannot be the fallback of \(code.value): use a fully translated site language",
                        at: fallback.location)
                } else {
                    partial[code.value] = fallback.value
                }
            }
        }
        reader.optionalLanguages = Array(partial.keys)
        if let defaultLanguage, !languages.isEmpty, !languages.contains(defaultLanguage.value) {
            reader.sink.error(
                "default_language '\(defaultLanguage.value)' is not one of the languages (\(languages.joined(separator: ", ")))",
                at: defaultLanguage.location, notes: Suggestion.note(for: defaultLanguage.value, in: languages))
        }
        var baseURL = map.required("base_url").flatMap { reader.string($0, "base_url") }
        if let url = baseURL {
            if url.value.range(of: #"^https?://[^/\s]+(/[^\s]*)?$"#, options: .regularExpression) == nil {
                reader.sink.error("base_url '\(url.value)' must be an absolute http(s) URL", at: url.location)
            } else if !url.value.hasSuffix("/") {
                baseURL?.value += "/"
            }
        }
        let title = map.required("title").flatMap { reader.localizedText($0, "title") }
        let source = map.required("source").flatMap { SourceAttribution.load($0, reader: reader) }
        let tagline = map["tagline"].flatMap { reader.localizedText($0, "tagline") }
        let disclaimer = map["data_disclaimer"].flatMap { reader.localizedText($0, "data_disclaimer") }
        // data_version: "2025.2" and data_date: 2025-12-31 — the edition of the data, printed on profiles and cited.
        let dataVersion = map["data_version"].flatMap { reader.string($0, "data_version") }
        let dataDate = map["data_date"].flatMap { reader.string($0, "data_date") }
        if let dataDate, !Self.isCalendarDate(dataDate.value) {
            reader.sink.error("data_date '\(dataDate.value)' is not a date written as YYYY-MM-DD, such as 2025-12-31", at: dataDate.location)
        }
        var homePages: [Located<String>] = []
        if let node = map["home_pages"], let items = reader.sequence(node, "home_pages") {
            homePages = items.compactMap { reader.string($0, "a home page name") }
        }
        guard let title, let defaultLanguage, let baseURL, let source, !languages.isEmpty else { return nil }
        return SiteConfig(
            title: title, tagline: tagline, languages: languages, defaultLanguage: defaultLanguage.value,
            baseURL: baseURL.value, dataDisclaimer: disclaimer, source: source, homePages: homePages,
            partialLanguageFallbacks: partial, dataVersion: dataVersion?.value,
            dataDate: dataDate.flatMap { Self.isCalendarDate($0.value) ? $0.value : nil })
    }

    /// Whether `text` is a real calendar date written YYYY-MM-DD.
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...days[month - 1]).contains(day)
    }
}

extension SourceAttribution {
    static func load(_ node: Node, reader: YAMLReader) -> SourceAttribution? {
        guard let map = reader.mapping(node, "source") else { return nil }
        map.rejectUnknownKeys(allowed: ["title", "publisher", "year", "licence", "licence_url", "url"])
        let title = map.required("title").flatMap { reader.localizedText($0, "source title") }
        let publisher = map.required("publisher").flatMap { reader.localizedText($0, "source publisher") }
        let year = map.required("year").flatMap { reader.integer($0, "source year") }
        let licence = map.required("licence").flatMap { reader.string($0, "licence") }
        let licenceURL = map.required("licence_url").flatMap { reader.string($0, "licence_url") }
        guard let title, let publisher, let year, let licence, let licenceURL else { return nil }
        return SourceAttribution(
            title: title, publisher: publisher, year: year.value, licence: licence.value, licenceURL: licenceURL.value,
            url: map["url"].flatMap { reader.string($0, "source url")?.value })
    }
}

extension Geography {
    /// Reads `countries.yaml`.
    static func load(_ root: Node, reader: YAMLReader) -> Geography? {
        guard let map = reader.mapping(root, "the countries file") else { return nil }
        map.rejectUnknownKeys(allowed: ["regions", "countries"])
        var regions: [Region] = []
        if let node = map.required("regions"), let regionMap = reader.mapping(node, "regions") {
            for entry in regionMap.entries {
                if let name = reader.localizedText(entry.value, "region \(entry.key.value) name") {
                    regions.append(Region(id: entry.key.value, name: name))
                }
            }
        }
        var countries: [String: Country] = [:]
        if let node = map.required("countries"), let countryMap = reader.mapping(node, "countries") {
            for entry in countryMap.entries {
                let code = entry.key.value
                if code.range(of: "^[A-Z]{2}$", options: .regularExpression) == nil {
                    reader.sink.error("'\(code)' is not an ISO 3166-1 alpha-2 code (two capital letters)", at: entry.key.location)
                    continue
                }
                guard let country = reader.mapping(entry.value, "country \(code)") else { continue }
                country.rejectUnknownKeys(allowed: ["zh", "en", "region", "name"])
                guard let region = country.required("region").flatMap({ reader.string($0, "region of \(code)") }) else {
                    continue
                }
                if !regions.contains(where: { $0.id == region.value }) {
                    reader.sink.error(
                        "country \(code) has unknown region '\(region.value)'", at: region.location,
                        notes: Suggestion.note(for: region.value, in: regions.map(\.id)))
                }
                var translations: [String: String] = [:]
                for language in reader.languages {
                    if let node = country[language], let text = reader.string(node, "\(language) name of \(code)") {
                        translations[language] = text.value
                    }
                }
                countries[code] = Country(
                    code: code, name: LocalizedText(translations, at: country.location), region: region.value)
            }
        }
        return Geography(regions: regions, countries: countries)
    }
}

extension Strings {
    /// Reads `i18n/<lang>.yaml`: a flat mapping of keys to texts.
    static func load(language: String, _ root: Node, reader: YAMLReader) -> Strings? {
        guard let map = reader.mapping(root, "the UI strings file") else { return nil }
        var values: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for entry in map.entries {
            if let text = reader.string(entry.value, "string '\(entry.key.value)'", coerceScalars: true) {
                values[entry.key.value] = text.value
                locations[entry.key.value] = entry.key.location
            }
        }
        return Strings(language: language, values: values, file: reader.file, locations: locations)
    }
}
