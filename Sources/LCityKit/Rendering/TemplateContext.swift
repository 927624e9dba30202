import Foundation

/// Turns a typed view (structs, arrays, optionals) into the dictionaries Mustache reads fastest.
///
/// swift-mustache reads a struct with a new `Mirror` for every name it looks up, and looks names it cannot find up
/// in every enclosing context too. Converting each view once per page is several times faster, and a `nil` becomes
/// `NSNull`, which Mustache treats as present-but-empty: an item without a `note` never shows its parent's `note`.
enum TemplateContext {
    static func make(_ value: Any) -> Any {
        // Exact-type checks first: they are cheap, where a failed cast to a generic type is not.
        let type = Swift.type(of: value)
        if type == String.self || type == Bool.self || type == Int.self || type == Double.self
            || type == [String: String].self || type == [String].self
        {
            return value
        }
        if type == RenderedHTML.self { return (value as! RenderedHTML).text }
        if let representable = value as? TemplateRepresentable { return representable.templateContext }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return NSNull() }
            return make(wrapped)
        case .collection, .set:
            return mirror.children.map { make($0.value) }
        case .struct, .class:
            return reflected(mirror)
        default:
            return value
        }
    }
}

/// A view that gives its template dictionary directly, skipping reflection: for the views a page holds by the
/// hundred (table rows). Must list every stored property, as reflection would; a test compares the two.
protocol TemplateRepresentable {
    var templateContext: [String: Any] { get }
    /// Stored properties that templates do not get (typed rows whose rendered HTML they get instead).
    static var omittedFromTemplates: Set<String> { get }
}

extension TemplateRepresentable {
    static var omittedFromTemplates: Set<String> { [] }
}

extension TemplateContext {
    /// An optional as a template value: absent is `NSNull` (present but empty).
    static func optional(_ value: String?) -> Any { value.map { $0 as Any } ?? NSNull() }

    /// The reflection-based conversion of a struct (also used to check hand-written `templateContext`s).
    static func reflected(_ value: Any) -> Any { reflected(Mirror(reflecting: value)) }

    static func reflected(_ mirror: Mirror) -> [String: Any] {
        var dictionary: [String: Any] = [:]
        dictionary.reserveCapacity(Int(mirror.children.count))
        for child in mirror.children {
            guard let label = child.label else { continue }
            dictionary[label] = make(child.value)
        }
        return dictionary
    }
}

extension StatisticView: TemplateRepresentable {
    var templateContext: [String: Any] { ["label": label, "value": value] }
}

extension HistoryPointView: TemplateRepresentable {
    var templateContext: [String: Any] { ["year": year, "value": value, "flag": TemplateContext.optional(flag)] }
}

extension CellView: TemplateRepresentable {
    var templateContext: [String: Any] { ["text": text, "missing": missing] }
}

extension Link: TemplateRepresentable {
    var templateContext: [String: Any] {
        ["label": label, "href": href, "current": current, "lang": TemplateContext.optional(lang)]
    }
}

extension CityMeasureRowView: TemplateRepresentable {
    var templateContext: [String: Any] {
        [
            "id": id, "name": name, "href": href, "keyFeature": keyFeature, "sourceType": sourceType,
            "sourceKey": sourceKey, "hasValue": hasValue, "notAvailable": notAvailable, "value": value,
            "categories": categories.map(\.templateContext), "year": year, "flag": TemplateContext.optional(flag),
            "flagKey": TemplateContext.optional(flagKey), "source": source, "note": TemplateContext.optional(note),
            "network": network, "history": history.map(\.templateContext), "hasHistory": hasHistory,
            "networkChart": TemplateContext.optional(networkChart?.text),
            "yearsChart": TemplateContext.optional(yearsChart?.text),
        ]
    }
}

extension IndicatorRowView: TemplateRepresentable {
    var templateContext: [String: Any] {
        [
            "city": city, "cityHref": cityHref, "country": country, "cells": cells.map(\.templateContext), "year": year,
            "flag": TemplateContext.optional(flag), "flagKey": TemplateContext.optional(flagKey), "source": source,
            "note": TemplateContext.optional(note),
        ]
    }
}

extension TemplateContext {
    /// An optional view as a template value: absent is `NSNull`.
    static func optional(_ value: (some TemplateRepresentable)?) -> Any {
        value.map { $0.templateContext as Any } ?? NSNull()
    }
}

// Every page has a layout, and the pages made by the thousand (city profiles, indicator tables, city lists) are
// given directly too.

extension PageContext: TemplateRepresentable {
    var templateContext: [String: Any] { ["layout": layout.templateContext, "page": TemplateContext.make(page), "t": t] }
}

extension LayoutView: TemplateRepresentable {
    var templateContext: [String: Any] {
        [
            "lang": lang, "dir": dir, "root": root, "title": title, "documentTitle": documentTitle,
            "description": description, "siteTitle": siteTitle, "canonical": canonical, "ogLocale": ogLocale,
            "ogType": ogType, "alternates": alternates.map(\.templateContext), "languages": languages.map(\.templateContext),
            "nav": nav.map(\.templateContext), "hasNav": hasNav, "breadcrumbs": breadcrumbs.map(\.templateContext),
            "hasBreadcrumbs": hasBreadcrumbs, "homeHref": homeHref, "sourceTitle": sourceTitle,
            "sourcePublisher": sourcePublisher, "sourceYear": sourceYear, "licence": licence, "licenceURL": licenceURL,
            "aboutHref": aboutHref, "disclaimer": TemplateContext.optional(disclaimer),
            "translationNotice": TemplateContext.optional(translationNotice),
            "partialNotice": TemplateContext.optional(partialNotice),
        ]
    }
}

extension AlternateView: TemplateRepresentable {
    var templateContext: [String: Any] { ["hreflang": hreflang, "href": href] }
}

extension LanguageView: TemplateRepresentable {
    var templateContext: [String: Any] { ["label": label, "lang": lang, "href": href, "current": current] }
}

extension ChartView: TemplateRepresentable {
    var templateContext: [String: Any] { ["title": title, "svg": svg.text, "note": TemplateContext.optional(note)] }
}

extension FlagExplanationView: TemplateRepresentable {
    var templateContext: [String: Any] { ["label": label, "key": key, "explanation": explanation] }
}

extension CityAreaView: TemplateRepresentable {
    static var omittedFromTemplates: Set<String> { ["rows"] }

    var templateContext: [String: Any] {
        ["id": id, "title": title, "href": href, "group": group, "renderedRows": renderedRows.text]
    }
}

extension CityView: TemplateRepresentable {
    var templateContext: [String: Any] {
        [
            "name": name, "otherName": TemplateContext.optional(otherName), "otherNameLang": otherNameLang,
            "illustrative": illustrative, "facts": facts.map(\.templateContext), "description": description,
            "coverage": coverage, "coverageBySource": coverageBySource.map(\.templateContext),
            "areas": areas.map(\.templateContext), "peers": peers.map(\.templateContext), "hasPeers": hasPeers,
            "peersTitle": peersTitle, "jsonHref": jsonHref, "csvHref": csvHref,
            "flagsUsed": flagsUsed.map(\.templateContext), "breakdownCharts": breakdownCharts.map(\.templateContext),
            "hasBreakdownCharts": hasBreakdownCharts,
        ]
    }
}

extension CategoryHeaderView: TemplateRepresentable {
    var templateContext: [String: Any] { ["name": name] }
}

extension CategoryStatisticView: TemplateRepresentable {
    var templateContext: [String: Any] {
        ["name": name, "count": count, "minimum": minimum, "median": median, "maximum": maximum]
    }
}

extension RatingCountView: TemplateRepresentable {
    var templateContext: [String: Any] { ["level": level, "name": name, "count": count] }
}

extension IndicatorView: TemplateRepresentable {
    static var omittedFromTemplates: Set<String> { ["rows"] }

    var templateContext: [String: Any] {
        [
            "id": id, "name": name, "definition": definition, "focusArea": focusArea.templateContext,
            "keyFeature": keyFeature.templateContext, "sourceType": sourceType, "sourceKey": sourceKey,
            "unit": TemplateContext.optional(unit), "unitName": unitName, "range": range,
            "breakdown": TemplateContext.optional(breakdown), "valueHeaders": valueHeaders.map(\.templateContext),
            "categoryStatistics": categoryStatistics.map(\.templateContext),
            "hasCategoryStatistics": hasCategoryStatistics, "printed": TemplateContext.optional(printed),
            "note": TemplateContext.optional(note), "isRating": isRating, "ratingScale": ratingScale.map(\.templateContext),
            "statistics": statistics.map(\.templateContext), "renderedRows": renderedRows, "hasRows": hasRows,
            "missing": missing.map(\.templateContext), "hasMissing": hasMissing, "reporting": reporting,
            "csvHref": csvHref, "allCSVHref": allCSVHref, "flagsUsed": flagsUsed.map(\.templateContext),
            "charts": charts.map(\.templateContext), "hasCharts": hasCharts, "noData": TemplateContext.optional(noData),
            "isFirstPage": isFirstPage, "pager": pager, "hasPager": hasPager,
        ]
    }
}

extension CityListItemView: TemplateRepresentable {
    var templateContext: [String: Any] {
        ["name": name, "href": href, "country": country, "illustrative": illustrative, "coverage": coverage]
    }
}

extension CountryGroupView: TemplateRepresentable {
    var templateContext: [String: Any] {
        ["name": name, "href": href, "count": count, "cities": cities.map(\.templateContext)]
    }
}

extension RegionGroupView: TemplateRepresentable {
    var templateContext: [String: Any] {
        [
            "name": name, "href": href, "count": count, "countries": countries.map(\.templateContext),
            "hasCountries": hasCountries, "listsCities": listsCities,
        ]
    }
}

extension CityListView: TemplateRepresentable {
    var templateContext: [String: Any] {
        [
            "intro": intro, "regions": regions.map(\.templateContext), "hasCities": hasCities,
            "pager": pager, "hasPager": hasPager,
        ]
    }
}

// The rows of the big tables describe themselves to `FragmentRenderer` (keys in sorted order, as `ShapeWalk` visits
// a dictionary); a test compares each with the walk of its dictionary.

extension CityMeasureRowView: FragmentContext {
    func walk(_ walk: inout ShapeWalk) {
        walk.dictionary { walk in
            walk.entry("categories", categories) { walk, category in category.walk(&walk) }
            walk.entry("flag", flag)
            walk.entry("flagKey", flagKey)
            walk.entry("hasHistory", hasHistory)
            walk.entry("hasValue", hasValue)
            walk.entry("history", history) { walk, point in
                walk.dictionary { walk in
                    walk.entry("flag", point.flag)
                    walk.entry("value", point.value)
                    walk.entry("year", point.year)
                }
            }
            walk.entry("href", href)
            walk.entry("id", id)
            walk.entry("keyFeature", keyFeature)
            walk.entry("name", name)
            walk.entry("network", network)
            walk.entry("networkChart", networkChart)
            walk.entry("notAvailable", notAvailable)
            walk.entry("note", note)
            walk.entry("source", source)
            walk.entry("sourceKey", sourceKey)
            walk.entry("sourceType", sourceType)
            walk.entry("value", value)
            walk.entry("year", year)
            walk.entry("yearsChart", yearsChart)
        }
    }
}

extension StatisticView {
    func walk(_ walk: inout ShapeWalk) {
        walk.dictionary { walk in
            walk.entry("label", label)
            walk.entry("value", value)
        }
    }
}

extension IndicatorRowView: FragmentContext {
    func walk(_ walk: inout ShapeWalk) {
        walk.dictionary { walk in
            walk.entry("cells", cells) { walk, cell in
                walk.dictionary { walk in
                    walk.entry("missing", cell.missing)
                    walk.entry("text", cell.text)
                }
            }
            walk.entry("city", city)
            walk.entry("cityHref", cityHref)
            walk.entry("country", country)
            walk.entry("flag", flag)
            walk.entry("flagKey", flagKey)
            walk.entry("note", note)
            walk.entry("source", source)
            walk.entry("year", year)
        }
    }
}

extension Link {
    func walk(_ walk: inout ShapeWalk) {
        walk.dictionary { walk in
            walk.entry("current", current)
            walk.entry("href", href)
            walk.entry("label", label)
            walk.entry("lang", lang)
        }
    }
}

extension LayoutView: FragmentContext {
    func walk(_ walk: inout ShapeWalk) {
        walk.dictionary { walk in
            walk.entry("aboutHref", aboutHref)
            walk.entry("alternates", alternates) { walk, alternate in
                walk.dictionary { walk in
                    walk.entry("href", alternate.href)
                    walk.entry("hreflang", alternate.hreflang)
                }
            }
            walk.entry("breadcrumbs", breadcrumbs) { walk, link in link.walk(&walk) }
            walk.entry("canonical", canonical)
            walk.entry("description", description)
            walk.entry("dir", dir)
            walk.entry("disclaimer", disclaimer)
            walk.entry("documentTitle", documentTitle)
            walk.entry("hasBreadcrumbs", hasBreadcrumbs)
            walk.entry("hasNav", hasNav)
            walk.entry("homeHref", homeHref)
            walk.entry("lang", lang)
            walk.entry("languages", languages) { walk, language in
                walk.dictionary { walk in
                    walk.entry("current", language.current)
                    walk.entry("href", language.href)
                    walk.entry("label", language.label)
                    walk.entry("lang", language.lang)
                }
            }
            walk.entry("licence", licence)
            walk.entry("licenceURL", licenceURL)
            walk.entry("nav", nav) { walk, link in link.walk(&walk) }
            walk.entry("ogLocale", ogLocale)
            walk.entry("ogType", ogType)
            walk.entry("partialNotice", partialNotice)
            walk.entry("root", root)
            walk.entry("siteTitle", siteTitle)
            walk.entry("sourcePublisher", sourcePublisher)
            walk.entry("sourceTitle", sourceTitle)
            walk.entry("sourceYear", sourceYear)
            walk.entry("title", title)
            walk.entry("translationNotice", translationNotice)
        }
    }
}

/// A page as its template sees it, less the UI strings (`t`, given to `FragmentRenderer` as constants): the layout
/// describes itself, and so does the page's own view where it can (city profiles); other views are walked as their
/// dictionaries. No dictionary is made for a described part of a page whose shape was seen before.
struct PageFragment: FragmentContext {
    let layout: LayoutView
    /// The page's view, when it describes itself.
    let describedPage: (any FragmentContext)?
    /// The page's view as a dictionary, for the others.
    let pageDictionary: [String: Any]

    init(layout: LayoutView, page: Any) {
        self.layout = layout
        if let described = page as? any FragmentContext {
            describedPage = described
            pageDictionary = [:]
        } else {
            describedPage = nil
            pageDictionary = TemplateContext.make(page) as? [String: Any] ?? [:]
        }
    }

    var templateContext: [String: Any] {
        ["layout": layout.templateContext, "page": describedPage?.templateContext ?? pageDictionary]
    }

    func walk(_ walk: inout ShapeWalk) {
        walk.dictionary { walk in
            walk.add(key: "layout")
            layout.walk(&walk)
            walk.add(key: "page")
            if let describedPage { describedPage.walk(&walk) } else { walk.visit(pageDictionary) }
        }
    }
}

/// A `PageContext` of any page type.
protocol AnyPageContext {
    /// The page without its UI strings.
    var fragment: PageFragment { get }
    /// The UI strings (`t`).
    var strings: [String: String] { get }
}

extension PageContext: AnyPageContext {
    var fragment: PageFragment { PageFragment(layout: layout, page: page) }
    var strings: [String: String] { t }
}

extension CityView: FragmentContext {
    func walk(_ walk: inout ShapeWalk) {
        walk.dictionary { walk in
            walk.entry("areas", areas) { walk, area in
                walk.dictionary { walk in
                    walk.entry("group", area.group)
                    walk.entry("href", area.href)
                    walk.entry("id", area.id)
                    walk.entry("renderedRows", area.renderedRows)
                    walk.entry("title", area.title)
                }
            }
            walk.entry("breakdownCharts", breakdownCharts) { walk, chart in
                walk.dictionary { walk in
                    walk.entry("note", chart.note)
                    walk.entry("svg", chart.svg)
                    walk.entry("title", chart.title)
                }
            }
            walk.entry("coverage", coverage)
            walk.entry("coverageBySource", coverageBySource) { walk, statistic in statistic.walk(&walk) }
            walk.entry("csvHref", csvHref)
            walk.entry("description", description)
            walk.entry("facts", facts) { walk, statistic in statistic.walk(&walk) }
            walk.entry("flagsUsed", flagsUsed) { walk, flag in
                walk.dictionary { walk in
                    walk.entry("explanation", flag.explanation)
                    walk.entry("key", flag.key)
                    walk.entry("label", flag.label)
                }
            }
            walk.entry("hasBreakdownCharts", hasBreakdownCharts)
            walk.entry("hasPeers", hasPeers)
            walk.entry("illustrative", illustrative)
            walk.entry("jsonHref", jsonHref)
            walk.entry("name", name)
            walk.entry("otherName", otherName)
            walk.entry("otherNameLang", otherNameLang)
            walk.entry("peers", peers) { walk, link in link.walk(&walk) }
            walk.entry("peersTitle", peersTitle)
        }
    }
}
