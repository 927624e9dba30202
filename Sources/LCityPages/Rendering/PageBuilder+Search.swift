import Foundation
import LCityContent
import LCityMarkdown
import LCityUTF8

extension PageBuilder {
    /// The search index of `language`: every city, country (with member cities), region, focus area, key feature,
    /// measure, declaration commitment and page section, found by each of its names in every language of the site,
    /// the pinyin of its Chinese names, its id, and (with less weight) the words around it.
    public func searchIndex(language: String) -> SearchIndex {
        searchIndex(language: language, readings: pinyinReadings())
    }

    /// The search index of every language of the site, in `SiteModel.languages` order.
    public func searchIndexes() -> [SearchIndex] {
        let readings = pinyinReadings()
        return parallelMap(model.languages) { searchIndex(language: $0, readings: readings) }
    }

    private func searchIndex(language: String, readings: [String: String]) -> SearchIndex {
        PageScope(builder: self, route: Route(.search, language: language), l: localizers[language]!)
            .searchIndex(readings: readings)
    }

    /// The pinyin of every name with Chinese characters that the index reads: cities', countries', regions'.
    func pinyinReadings() -> [String: String] {
        let geography = model.content.geography
        return SearchText.pinyin(
            of: model.cities.flatMap(\.name.texts) + geography.countries.values.flatMap(\.name.texts)
                + geography.regions.flatMap(\.name.texts))
    }
}

extension PageScope {
    func searchIndex(readings: [String: String]) -> SearchIndex {
        var entries: [SearchEntry] = []
        entries += searchCities(readings)
        entries += searchCountries(readings)
        entries += content.geography.regions.map { region in
            SearchEntry(
                kind: .region, title: l.text(region.name), detail: "",
                path: Route.path(.region(region.id), language: language), keys: nameKeys(region.name, readings: readings))
        }
        for area in framework.focusAreas {
            entries.append(
                SearchEntry(
                    kind: .focusArea, title: focusAreaLabel(area),
                    detail: group(of: area).map { l.text($0.name) } ?? "",
                    path: Route.path(.focusArea(area.id), language: language),
                    keys: [SearchEntry.Key(area.id, .alias)] + nameKeys(area.name)))
        }
        for area in framework.focusAreas {
            for feature in area.keyFeatures {
                entries.append(
                    SearchEntry(
                        kind: .keyFeature, title: "\(feature.id) \(l.text(feature.name))", detail: focusAreaLabel(area),
                        path: Route.path(.focusArea(area.id), language: language) + "#key-feature-\(feature.id)",
                        keys: [SearchEntry.Key(feature.id, .alias)] + nameKeys(feature.name)))
            }
        }
        for area in framework.focusAreas {
            for measure in area.keyFeatures.flatMap(\.measures) {
                entries.append(
                    SearchEntry(
                        kind: .measure, title: measureLabel(measure),
                        detail: focusAreaLabel(area), path: Route.path(.indicator(measure.id), language: language),
                        keys: [SearchEntry.Key(measure.id, .alias)] + nameKeys(measure.name)
                            + [SearchEntry.Key(l.text(measure.definition), .context, whole: false)]))
            }
        }
        entries += searchSections()
        // Texts that fall back to another language carry marks (`Localizer.text`): the index keeps the language
        // apart, for the script to set as `lang`.
        entries = entries.map { entry in
            var entry = entry
            (entry.title, entry.titleLanguage) = Self.unmarked(entry.title, language: entry.titleLanguage)
            (entry.detail, entry.detailLanguage) = Self.unmarked(entry.detail, language: entry.detailLanguage)
            entry.keys = entry.keys.map { SearchEntry.Key(LanguageSpans.strip($0.text), $0.weight, whole: $0.whole) }
            return entry
        }
        let kindNames = SearchKind.allCases.map { l[Self.kindName($0)] }
        let strings: [String: String] = [
            "results": l[.searchResults], "results_one": l[.searchResultsOne], "no_results": l[.searchNoResults],
            "all_results": l[.searchAllResults], "failed": l[.searchFailed],
        ]
        return SearchIndex(language: language, entries: entries, kindNames: kindNames, strings: strings)
    }

    private var content: LoadedContent { model.content }

    static func kindName(_ kind: SearchKind) -> UIString {
        switch kind {
        case .city: return .searchKindCity
        case .country: return .searchKindCountry
        case .region: return .searchKindRegion
        case .focusArea: return .searchKindFocusArea
        case .keyFeature: return .searchKindKeyFeature
        case .measure: return .searchKindMeasure
        case .commitment: return .searchKindCommitment
        case .page: return .searchKindPage
        }
    }

    /// `text` without language marks, and the language of its first marked run (else `language`).
    static func unmarked(_ text: String, language: String?) -> (String, String?) {
        guard LanguageSpans.isMarked(text) else { return (text, language) }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(of: "\u{E010}"), let end = scalars[start...].firstIndex(of: "\u{E011}") else {
            return (LanguageSpans.strip(text), language)
        }
        return (LanguageSpans.strip(text), language ?? String(scalars[scalars.index(after: start)..<end]))
    }

    /// A name's keys: in this language (or the one it falls back to) as the name, in the others as aliases, and the
    /// pinyin of a Chinese name (in `readings`, or the city file's own) as an alias, with and without spaces between
    /// its syllables.
    func nameKeys(_ name: LocalizedText, readings: [String: String] = [:], pinyinOverride: String? = nil) -> [SearchEntry.Key] {
        let shown = name.shown(in: language, fallbacks: l.fallbacks)
        var keys: [SearchEntry.Key] = []
        for (nameLanguage, text) in name.translations.sorted(by: { $0.key < $1.key }) where !text.isEmpty {
            keys.append(SearchEntry.Key(text, nameLanguage == shown.language ? .name : .alias))
            if pinyinOverride == nil, let reading = readings[text] {
                keys.append(SearchEntry.Key(reading, .alias))
            }
        }
        if let pinyinOverride { keys.append(SearchEntry.Key(pinyinOverride, .alias)) }
        return keys
    }

    /// Cities in this language's alphabetical order (pinyin for Chinese), found by their names and their country's.
    func searchCities(_ readings: [String: String]) -> [SearchEntry] {
        let ordered = model.cities.sorted {
            model.nameRank($0.slug, language: language) < model.nameRank($1.slug, language: language)
        }
        return ordered.map { city in
            let country = content.geography.countries[city.country.value]
            return SearchEntry(
                kind: .city, title: cityName(city),
                detail: countryName(city.country.value),
                path: Route.path(.city(city.slug), language: language),
                keys: nameKeys(city.name, readings: readings, pinyinOverride: city.pinyin?.value)
                    + (country?.name.texts ?? []).map { SearchEntry.Key($0, .context, whole: false) })
        }
    }

    /// The countries that have member cities (each has a page), in this language's alphabetical order, found by
    /// their names and their ISO code.
    func searchCountries(_ readings: [String: String]) -> [SearchEntry] {
        let collation = Locale(identifier: language)
        let codes = model.citiesByCountry.keys.sorted { a, b in
            SiteModel.namesAscending((countryName(a), a), (countryName(b), b), in: collation)
        }
        return codes.map { code in
            let country = content.geography.countries[code]
            return SearchEntry(
                kind: .country, title: countryName(code),
                detail: country.map { regionName($0.region) } ?? "",
                path: Route.path(.country(code), language: language),
                keys: [SearchEntry.Key(code, .alias)] + (country.map { nameKeys($0.name, readings: readings) } ?? []))
        }
    }

    /// The declaration's commitments and the Markdown pages with their sections (level 2 and 3 headings), found
    /// by their titles and, with less weight, by their words.
    func searchSections() -> [SearchEntry] {
        var commitments: [SearchEntry] = []
        var pages: [SearchEntry] = []
        let names = ["declaration"] + model.pages.keys.filter { $0 != "declaration" }.sorted()
        for name in names {
            guard let rendered = renderedPage(name) else { continue }
            let lang = fallbackLanguage(of: rendered)
            let kind: PageKind = name == "declaration" ? .declaration : .page(name)
            let path = Route.path(kind, language: language)
            let title = name == "declaration" ? l[.pageDeclaration] : rendered.page.title
            let sections = Self.sections(of: rendered.markdown)
            pages.append(
                SearchEntry(
                    kind: .page, title: title, titleLanguage: name == "declaration" ? nil : lang,
                    detail: "", path: path,
                    keys: [
                        SearchEntry.Key(title, .name), SearchEntry.Key(rendered.page.description, .context, whole: false),
                        SearchEntry.Key(sections.lead, .context, whole: false),
                    ]))
            for (heading, text) in sections.sections where heading.level <= 3 {
                let isCommitment = name == "declaration" && heading.id.hasPrefix("commitment-")
                let entry = SearchEntry(
                    kind: isCommitment ? .commitment : .page, title: heading.text, titleLanguage: lang, detail: title,
                    path: path + "#" + heading.id,
                    keys: [SearchEntry.Key(heading.text, .name), SearchEntry.Key(text, .context, whole: false)])
                if isCommitment { commitments.append(entry) } else { pages.append(entry) }
            }
        }
        return commitments + pages
    }

    /// The plain text before the first heading of `markdown`, and under each heading up to the next.
    static func sections(of markdown: RenderedMarkdown) -> (lead: String, sections: [(MarkdownHeading, String)]) {
        let html = markdown.html
        var cuts: [(MarkdownHeading, Range<String.Index>)] = []
        var searchFrom = html.startIndex
        for heading in markdown.headings {
            guard let found = html.range(of: " id=\"\(heading.id)\"", range: searchFrom..<html.endIndex),
                let open = html[..<found.lowerBound].lastIndex(of: "<"),
                let close = html.range(of: "</h", range: found.upperBound..<html.endIndex),
                let end = html[close.upperBound...].firstIndex(of: ">")
            else { continue }
            cuts.append((heading, open..<html.index(after: end)))
            searchFrom = html.index(after: end)
        }
        let lead = plainText(html[html.startIndex..<(cuts.first?.1.lowerBound ?? html.endIndex)])
        let sections = cuts.enumerated().map { index, cut in
            let end = index + 1 < cuts.count ? cuts[index + 1].1.lowerBound : html.endIndex
            return (cut.0, plainText(html[cut.1.upperBound..<end]))
        }
        return (lead, sections)
    }

    /// `html` without its tags, with the entities cmark writes decoded.
    static func plainText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
                text.append(" ")
            } else if !inTag {
                text.append(character)
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}

extension PageScope {
    /// The search page. The results are the script's; the page itself says what can be searched, and links the
    /// lists that find the same things without JavaScript.
    func search() -> PageContext<SearchView> {
        var browse = [
            Link(label: l[.pageCities], href: href(.cities)), Link(label: l[.pageRegions], href: href(.regions)),
            Link(label: l[.pageIndicators], href: href(.indicators)), Link(label: l[.pageFramework], href: href(.framework)),
            Link(label: l[.pageDeclaration], href: href(.declaration)),
        ]
        if let about = renderedPage("about") {
            browse.append(Link(label: about.page.title, href: href(.page("about")), lang: fallbackLanguage(of: about)))
        }
        return context(
            layout(title: l[.pageSearch], description: l[.searchDescription], current: .search),
            SearchView(intro: l[.searchIntro], noscript: l[.searchNoscript], browse: browse))
    }
}
