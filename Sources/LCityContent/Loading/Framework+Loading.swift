import Yams

extension Framework {
    /// Reads `framework.yaml`; shape problems go to the reader's sink.
    static func load(_ root: Node, reader: YAMLReader) -> Framework? {
        guard let map = reader.mapping(root, "the framework file") else { return nil }
        map.rejectUnknownKeys(allowed: ["data_year", "units", "rating_scale", "breakdowns", "groups"])
        let dataYear = map["data_year"].flatMap { reader.integer($0, "data_year")?.value }

        var units: [MeasureUnit] = []
        if let node = map.required("units"), let unitMap = reader.mapping(node, "units") {
            for entry in unitMap.entries {
                if let unit = MeasureUnit.load(id: entry.key, entry.value, reader: reader) { units.append(unit) }
            }
        }
        var levels: [RatingLevel] = []
        if let node = map.required("rating_scale"), let items = reader.sequence(node, "rating_scale") {
            for item in items {
                guard let level = reader.mapping(item, "a rating level") else { continue }
                level.rejectUnknownKeys(allowed: ["value", "name"])
                if let value = level.required("value").flatMap({ reader.integer($0, "rating value") }),
                    let name = level.required("name").flatMap({ reader.localizedText($0, "rating name") })
                {
                    levels.append(RatingLevel(value: value.value, name: name))
                }
            }
        }
        var breakdowns: [Breakdown] = []
        if let node = map.required("breakdowns"), let breakdownMap = reader.mapping(node, "breakdowns") {
            for entry in breakdownMap.entries {
                if let breakdown = Breakdown.load(id: entry.key, entry.value, reader: reader) { breakdowns.append(breakdown) }
            }
        }
        var groups: [FrameworkGroup] = []
        if let node = map.required("groups"), let items = reader.sequence(node, "groups") {
            groups = items.compactMap { FrameworkGroup.load($0, reader: reader) }
        }
        return Framework(dataYear: dataYear, units: units, ratingScale: levels, breakdowns: breakdowns, groups: groups)
    }
}

extension MeasureUnit {
    static func load(id: Located<String>, _ node: Node, reader: YAMLReader) -> MeasureUnit? {
        let what = "unit '\(id.value)'"
        guard let map = reader.mapping(node, what) else { return nil }
        map.rejectUnknownKeys(allowed: ["kind", "name", "symbol", "decimals", "min", "max"])
        let kind = map["kind"].flatMap { reader.choice($0, "\(what) kind", as: UnitKind.self)?.value } ?? .quantity
        let name = map.required("name").flatMap { reader.localizedText($0, "\(what) name") }
        let symbol = map["symbol"].flatMap { reader.localizedText($0, "\(what) symbol", allowEmpty: true) }
        let decimals = map["decimals"].flatMap { reader.integer($0, "\(what) decimals")?.value } ?? 0
        let minimum = map["min"].flatMap { reader.number($0, "\(what) min")?.value } ?? 0
        let maximum = map["max"].flatMap { reader.number($0, "\(what) max")?.value }
        guard let name else { return nil }
        return MeasureUnit(
            id: id.value, kind: kind, name: name, symbol: symbol, decimals: decimals, minimum: minimum, maximum: maximum,
            location: id.location)
    }
}

extension Breakdown {
    static func load(id: Located<String>, _ node: Node, reader: YAMLReader) -> Breakdown? {
        let what = "breakdown '\(id.value)'"
        guard let map = reader.mapping(node, what) else { return nil }
        map.rejectUnknownKeys(allowed: ["name", "categories", "total"])
        guard let name = map.required("name").flatMap({ reader.localizedText($0, "\(what) name") }) else { return nil }
        var categories: [BreakdownCategory] = []
        if let node = map.required("categories"), let items = reader.sequence(node, "\(what) categories") {
            for item in items {
                guard let category = reader.mapping(item, "a category of \(what)") else { continue }
                category.rejectUnknownKeys(allowed: ["id", "name"])
                if let categoryID = category.required("id").flatMap({ reader.string($0, "category id") }),
                    let categoryName = category.required("name").flatMap({ reader.localizedText($0, "category name") })
                {
                    categories.append(BreakdownCategory(id: categoryID.value, name: categoryName))
                }
            }
        }
        let total = map["total"].flatMap { reader.string($0, "\(what) total") }
        if let total, !categories.contains(where: { $0.id == total.value }) {
            reader.sink.error(
                "\(what) names '\(total.value)' as its total, but has no such category", at: total.location,
                notes: Suggestion.note(for: total.value, in: categories.map(\.id)))
        }
        return Breakdown(id: id.value, name: name, categories: categories, totalCategory: total?.value, location: id.location)
    }
}

extension FrameworkGroup {
    static func load(_ node: Node, reader: YAMLReader) -> FrameworkGroup? {
        guard let map = reader.mapping(node, "a framework group") else { return nil }
        map.rejectUnknownKeys(allowed: ["id", "kind", "name", "description", "focus_areas"])
        guard let id = map.required("id").flatMap({ reader.string($0, "group id", coerceScalars: true) }) else { return nil }
        let what = "group \(id.value)"
        let kind = map.required("kind").flatMap { reader.choice($0, "\(what) kind", as: GroupKind.self) }
        let name = map.required("name").flatMap { reader.localizedText($0, "\(what) name") }
        var areas: [FocusArea] = []
        if let node = map.required("focus_areas"), let items = reader.sequence(node, "\(what) focus_areas") {
            areas = items.compactMap { FocusArea.load($0, reader: reader) }
        }
        let description = map["description"].flatMap { reader.localizedText($0, "\(what) description") }
        guard let kind, let name else { return nil }
        return FrameworkGroup(
            id: id.value, kind: kind.value, name: name, description: description, focusAreas: areas, location: id.location)
    }
}

extension FocusArea {
    static func load(_ node: Node, reader: YAMLReader) -> FocusArea? {
        guard let map = reader.mapping(node, "a focus area") else { return nil }
        map.rejectUnknownKeys(allowed: ["id", "commitment", "name", "key_features"])
        guard let id = map.required("id").flatMap({ reader.string($0, "focus area id", coerceScalars: true) }) else {
            return nil
        }
        let what = "focus area \(id.value)"
        let commitment = map.required("commitment").flatMap { reader.integer($0, "\(what) commitment") }
        let name = map.required("name").flatMap { reader.localizedText($0, "\(what) name") }
        var features: [KeyFeature] = []
        if let node = map.required("key_features"), let items = reader.sequence(node, "\(what) key_features") {
            features = items.compactMap { KeyFeature.load($0, reader: reader) }
        }
        guard let commitment, let name else { return nil }
        return FocusArea(
            id: id.value, commitment: commitment.value, name: name, keyFeatures: features, location: id.location)
    }
}

extension KeyFeature {
    static func load(_ node: Node, reader: YAMLReader) -> KeyFeature? {
        guard let map = reader.mapping(node, "a key feature") else { return nil }
        map.rejectUnknownKeys(allowed: ["id", "name", "measures"])
        guard let id = map.required("id").flatMap({ reader.string($0, "key feature id", coerceScalars: true) }) else {
            return nil
        }
        let what = "key feature \(id.value)"
        let name = map.required("name").flatMap { reader.localizedText($0, "\(what) name") }
        var measures: [Measure] = []
        if let node = map.required("measures"), let items = reader.sequence(node, "\(what) measures") {
            measures = items.compactMap { Measure.load($0, reader: reader) }
        }
        guard let name else { return nil }
        return KeyFeature(id: id.value, name: name, measures: measures, location: id.location)
    }
}

extension Measure {
    static func load(_ node: Node, reader: YAMLReader) -> Measure? {
        guard let map = reader.mapping(node, "a measure") else { return nil }
        map.rejectUnknownKeys(allowed: [
            "id", "name", "definition", "source", "direction", "unit", "breakdown", "min", "max", "printed", "note",
        ])
        guard let id = map.required("id").flatMap({ reader.string($0, "measure id", coerceScalars: true) }) else {
            return nil
        }
        let what = "measure \(id.value)"
        let name = map.required("name").flatMap { reader.localizedText($0, "\(what) name") }
        let definition = map.required("definition").flatMap { reader.localizedText($0, "\(what) definition") }
        let source = map.required("source").flatMap { reader.choice($0, "\(what) source", as: SourceType.self) }
        let direction = map["direction"].flatMap { reader.choice($0, "\(what) direction", as: Direction.self) }
        let unit = map.required("unit").flatMap { reader.string($0, "\(what) unit") }
        let breakdown = map["breakdown"].flatMap { reader.string($0, "\(what) breakdown") }
        let minimum = map["min"].flatMap { reader.number($0, "\(what) min")?.value }
        let maximum = map["max"].flatMap { reader.number($0, "\(what) max")?.value }
        let printed = map["printed"].flatMap { reader.string($0, "\(what) printed", coerceScalars: true, allowEmpty: true)?.value }
        let note = map["note"].flatMap { reader.localizedText($0, "\(what) note") }
        guard let name, let definition, let source, let unit else { return nil }
        return Measure(
            id: id.value, name: name, definition: definition, source: source.value,
            direction: direction?.value ?? .neither, unitID: unit.value,
            breakdownID: breakdown?.value, unitLocation: unit.location, breakdownLocation: breakdown?.location,
            minimum: minimum, maximum: maximum, printed: printed, note: note, location: id.location)
    }
}
