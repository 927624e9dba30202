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
            "networkChart": TemplateContext.optional(networkChart), "yearsChart": TemplateContext.optional(yearsChart),
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
