import Foundation
import Yams

extension SiteConfig {
    /// Reads `site.yaml`. Languages are read first so that the other texts can be checked against them.
    static func load(_ root: Node, reader baseReader: YAMLReader) -> SiteConfig? {
        guard let map = baseReader.mapping(root, .siteFile) else { return nil }
        map.rejectUnknownKeys(allowed: [
            "title", "tagline", "languages", "default_language", "base_url", "data_disclaimer", "source", "home_pages",
            "partial_languages", "release", "data",
        ])
        var languages: [String] = []
        if let node = map.required("languages"), let items = baseReader.sequence(node, .key("languages")) {
            for item in items {
                guard let code = baseReader.string(item, .aLanguageCode) else { continue }
                if code.value.range(of: #"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) == nil {
                    baseReader.sink.error(.notALanguageCode(code.value), at: code.location)
                } else if languages.contains(code.value) {
                    baseReader.sink.error(.languageListedTwice(code.value), at: code.location)
                } else {
                    languages.append(code.value)
                }
            }
            if languages.isEmpty {
                baseReader.sink.error(.needsALanguage, at: baseReader.location(of: node))
            }
        }
        var reader = baseReader
        reader.languages = languages
        let defaultLanguage = map.required("default_language").flatMap { reader.string($0, .key("default_language")) }
        // partial_languages: {ar: en} — Arabic is partly translated; its missing texts are shown in English.
        var partial: [String: String] = [:]
        if let node = map["partial_languages"], let entries = reader.mapping(node, .key("partial_languages")) {
            for entry in entries.entries {
                let code = entry.key
                guard let fallback = reader.string(entry.value, .fallbackLanguage(of: code.value)) else { continue }
                if !languages.contains(code.value) || code.value == defaultLanguage?.value {
                    reader.sink.error(.partialLanguageNotOther(code.value), at: code.location)
                } else if !languages.contains(fallback.value) || partial[fallback.value] != nil || fallback.value == code.value {
                    reader.sink.error(.badFallback(fallback.value, of: code.value), at: fallback.location)
                } else {
                    partial[code.value] = fallback.value
                }
            }
        }
        reader.optionalLanguages = Array(partial.keys)
        if let defaultLanguage, !languages.isEmpty, !languages.contains(defaultLanguage.value) {
            reader.sink.error(
                .defaultLanguageNotListed(defaultLanguage.value, languages: languages),
                at: defaultLanguage.location, notes: Suggestion.note(for: defaultLanguage.value, in: languages))
        }
        var baseURL = map.required("base_url").flatMap { reader.string($0, .key("base_url")) }
        if let url = baseURL {
            if let normalized = SiteConfig.baseURL(url.value) {
                baseURL?.value = normalized
            } else {
                reader.sink.error(.baseURLNotAbsolute(url.value), at: url.location)
            }
        }
        let title = map.required("title").flatMap { reader.localizedText($0, .key("title")) }
        let source = map.required("source").flatMap { SourceAttribution.load($0, reader: reader) }
        let tagline = map["tagline"].flatMap { reader.localizedText($0, .key("tagline")) }
        let disclaimer = map["data_disclaimer"].flatMap { reader.localizedText($0, .key("data_disclaimer")) }
        let release = map["release"].flatMap { Release.load($0, reader: reader) }
        let dataCitation = map["data"].flatMap { DataCitation.load($0, reader: reader) }
        var homePages: [Located<String>] = []
        if let node = map["home_pages"], let items = reader.sequence(node, .key("home_pages")) {
            homePages = items.compactMap { reader.string($0, .aHomePage) }
        }
        guard let title, let defaultLanguage, let baseURL, let source, !languages.isEmpty else { return nil }
        return SiteConfig(
            title: title, tagline: tagline, languages: languages, defaultLanguage: defaultLanguage.value,
            baseURL: baseURL.value, dataDisclaimer: disclaimer, source: source, homePages: homePages,
            partialLanguageFallbacks: partial, release: release, dataCitation: dataCitation)
    }

    /// `text` as the address the site is published at: an absolute http(s) address (`isWebAddress`) ending in `/`;
    /// nil when it is not one. Used for `base_url` and for the `--base-url` option alike.
    public static func baseURL(_ text: String) -> String? {
        guard isWebAddress(text) else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// Whether `text` is an absolute http(s) address without spaces or control characters.
    static func isWebAddress(_ text: String) -> Bool {
        text.range(of: #"^https?://[^/\s\p{Cc}]+(/[^\s\p{Cc}]*)?$"#, options: .regularExpression) != nil
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

extension Release {
    /// `release: {version: "2026.1", date: 2026-11-30}`.
    static func load(_ node: Node, reader: YAMLReader) -> Release? {
        guard let map = reader.mapping(node, .key("release")) else { return nil }
        map.rejectUnknownKeys(allowed: ["version", "date"])
        let version = map.required("version").flatMap { reader.string($0, .key("version"), coerceScalars: true) }
        let date = map.required("date").flatMap { reader.string($0, .key("date")) }
        if let version, !Release.isValidVersion(version.value) {
            reader.sink.error(.releaseVersionNotAName(version.value), at: version.location)
            return nil
        }
        if let date, !SiteConfig.isCalendarDate(date.value) {
            reader.sink.error(.releaseDateNotADate(date.value), at: date.location)
            return nil
        }
        guard let version, let date else { return nil }
        return Release(version: version.value, date: date.value)
    }
}

extension DataCitation {
    /// `data: {title, publisher, licence, licence_url}`.
    static func load(_ node: Node, reader: YAMLReader) -> DataCitation? {
        guard let map = reader.mapping(node, .key("data")) else { return nil }
        map.rejectUnknownKeys(allowed: ["title", "publisher", "licence", "licence_url"])
        let title = map.required("title").flatMap { reader.localizedText($0, .key("title")) }
        let publisher = map.required("publisher").flatMap { reader.localizedText($0, .key("publisher")) }
        let licence = map.required("licence").flatMap { reader.string($0, .key("licence")) }
        let licenceURL = map.required("licence_url").flatMap { reader.webAddress($0, key: "licence_url") }
        guard let title, let publisher, let licence, let licenceURL else { return nil }
        return DataCitation(title: title, publisher: publisher, licence: licence.value, licenceURL: licenceURL.value)
    }
}

extension SourceAttribution {
    static func load(_ node: Node, reader: YAMLReader) -> SourceAttribution? {
        guard let map = reader.mapping(node, .key("source")) else { return nil }
        map.rejectUnknownKeys(allowed: ["title", "publisher", "year", "licence", "licence_url", "url"])
        let title = map.required("title").flatMap { reader.localizedText($0, .sourceField("title")) }
        let publisher = map.required("publisher").flatMap { reader.localizedText($0, .sourceField("publisher")) }
        let year = map.required("year").flatMap { reader.integer($0, .sourceField("year")) }
        let licence = map.required("licence").flatMap { reader.string($0, .key("licence")) }
        let licenceURL = map.required("licence_url").flatMap { reader.webAddress($0, key: "licence_url") }
        let url = map["url"].flatMap { reader.webAddress($0, key: "url") }
        guard let title, let publisher, let year, let licence, let licenceURL else { return nil }
        return SourceAttribution(
            title: title, publisher: publisher, year: year.value, licence: licence.value, licenceURL: licenceURL.value,
            url: url?.value)
    }
}

extension Geography {
    /// Reads `countries.yaml`.
    static func load(_ root: Node, reader: YAMLReader) -> Geography? {
        guard let map = reader.mapping(root, .countriesFile) else { return nil }
        map.rejectUnknownKeys(allowed: ["regions", "countries"])
        var regions: [Region] = []
        if let node = map.required("regions"), let regionMap = reader.mapping(node, .key("regions")) {
            for entry in regionMap.entries {
                if let name = reader.localizedText(entry.value, .regionName(entry.key.value)) {
                    regions.append(Region(id: entry.key.value, name: name))
                }
            }
        }
        var countries: [String: Country] = [:]
        if let node = map.required("countries"), let countryMap = reader.mapping(node, .key("countries")) {
            for entry in countryMap.entries {
                let code = entry.key.value
                if code.range(of: "^[A-Z]{2}$", options: .regularExpression) == nil {
                    reader.sink.error(.notACountryCode(code), at: entry.key.location)
                    continue
                }
                guard let country = reader.mapping(entry.value, .country(code)) else { continue }
                country.rejectUnknownKeys(allowed: ["zh", "en", "region", "name"])
                guard let region = country.required("region").flatMap({ reader.string($0, .region(of: code)) }) else {
                    continue
                }
                if !regions.contains(where: { $0.id == region.value }) {
                    reader.sink.error(
                        .countryHasUnknownRegion(code, region.value), at: region.location,
                        notes: Suggestion.note(for: region.value, in: regions.map(\.id)))
                }
                var translations: [String: String] = [:]
                for language in reader.languages {
                    if let node = country[language], let text = reader.string(node, .countryName(language, of: code)) {
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
        guard let map = reader.mapping(root, .stringsFile) else { return nil }
        var values: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for entry in map.entries {
            if let text = reader.string(entry.value, .uiString(entry.key.value), coerceScalars: true) {
                values[entry.key.value] = text.value
                locations[entry.key.value] = entry.key.location
            }
        }
        return Strings(language: language, values: values, file: reader.file, locations: locations)
    }
}

extension YAMLReader {
    /// An absolute http(s) address (`SiteConfig.isWebAddress`); anything else — `javascript:`, a relative path, an
    /// address with spaces — is an error naming `key`, and nil.
    func webAddress(_ node: Node, key: String) -> Located<String>? {
        guard let text = string(node, .key(key)) else { return nil }
        guard SiteConfig.isWebAddress(text.value) else {
            sink.error(.notAWebAddress(key, text.value), at: text.location)
            return nil
        }
        return text
    }
}
