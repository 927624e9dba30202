import Yams

extension Framework {
    /// Reads `framework.yaml`; shape problems go to the reader's sink.
    static func load(_ root: Node, reader: YAMLReader) -> Framework? {
        guard let map = reader.mapping(root, .frameworkFile) else { return nil }
        map.rejectUnknownKeys(allowed: ["data_year", "units", "rating_scale", "breakdowns", "groups"])
        let dataYear = map["data_year"].flatMap { reader.integer($0, .key("data_year"))?.value }

        var units: [MeasureUnit] = []
        if let node = map.required("units"), let unitMap = reader.mapping(node, .key("units")) {
            for entry in unitMap.entries {
                let start = reader.sink.diagnostics.count
                if let unit = MeasureUnit.load(id: entry.key, entry.value, reader: reader) {
                    units.append(unit)
                } else {
                    reader.noteFailure(ofUnit: entry.key.value, since: start)
                }
            }
        }
        var levels: [RatingLevel] = []
        if let node = map.required("rating_scale"), let items = reader.sequence(node, .key("rating_scale")) {
            for item in items {
                guard let level = reader.mapping(item, .ratingLevel) else { continue }
                level.rejectUnknownKeys(allowed: ["value", "name"])
                if let value = level.required("value").flatMap({ reader.integer($0, .ratingValue) }),
                    let name = level.required("name").flatMap({ reader.localizedText($0, .ratingName) })
                {
                    levels.append(RatingLevel(value: value.value, name: name))
                }
            }
        }
        var breakdowns: [Breakdown] = []
        if let node = map.required("breakdowns"), let breakdownMap = reader.mapping(node, .key("breakdowns")) {
            for entry in breakdownMap.entries {
                if let breakdown = Breakdown.load(id: entry.key, entry.value, reader: reader) { breakdowns.append(breakdown) }
            }
        }
        var groups: [FrameworkGroup] = []
        if let node = map.required("groups"), let items = reader.sequence(node, .key("groups")) {
            groups = items.compactMap { FrameworkGroup.load($0, reader: reader) }
        }
        return Framework(dataYear: dataYear, units: units, ratingScale: levels, breakdowns: breakdowns, groups: groups)
    }
}

extension MeasureUnit {
    static func load(id: Located<String>, _ node: Node, reader: YAMLReader) -> MeasureUnit? {
        let what = Message.unit(id.value)
        guard let map = reader.mapping(node, what) else { return nil }
        map.rejectUnknownKeys(allowed: ["kind", "name", "symbol", "decimals", "min", "max", "yearly_change"])
        let kind = map["kind"].flatMap { reader.choice($0, .field("kind", of: what), as: UnitKind.self)?.value } ?? .quantity
        let name = map.required("name").flatMap { reader.localizedText($0, .field("name", of: what)) }
        let symbol = map["symbol"].flatMap { reader.localizedText($0, .field("symbol", of: what), allowEmpty: true) }
        let decimals = map["decimals"].flatMap { reader.integer($0, .field("decimals", of: what))?.value } ?? 0
        let minimum = map["min"].flatMap { reader.number($0, .field("min", of: what))?.value } ?? 0
        let maximum = map["max"].flatMap { reader.number($0, .field("max", of: what))?.value }
        let yearlyChange = map["yearly_change"].flatMap { YearlyChange.load($0, unit: what, reader: reader) }
        guard let name else { return nil }
        return MeasureUnit(
            id: id.value, kind: kind, name: name, symbol: symbol, decimals: decimals, minimum: minimum, maximum: maximum,
            location: id.location, yearlyChange: yearlyChange)
    }
}

extension YearlyChange {
    /// `{points: 15}` (a positive number) or `{factor: 2}` (a number above 1): exactly one of the two.
    static func load(_ node: Node, unit: Message, reader: YAMLReader) -> YearlyChange? {
        let what = Message.field("yearly_change", of: unit)
        guard let map = reader.mapping(node, what) else { return nil }
        map.rejectUnknownKeys(allowed: ["points", "factor"])
        let points = map["points"].flatMap { reader.number($0, .field("points", of: what)) }
        let factor = map["factor"].flatMap { reader.number($0, .field("factor", of: what)) }
        switch (points, factor) {
        case (let points?, nil):
            guard points.value > 0 else {
                reader.sink.error(.yearlyChangePoints(NumberText.plain(points.value)), at: points.location)
                return nil
            }
            return .points(points.value)
        case (nil, let factor?):
            guard factor.value > 1 else {
                reader.sink.error(.yearlyChangeFactor(NumberText.plain(factor.value)), at: factor.location)
                return nil
            }
            return .factor(factor.value)
        default:
            if map["points"] == nil && map["factor"] == nil || points != nil && factor != nil {
                reader.sink.error(.yearlyChangeOneOf, at: map.location)
            }
            return nil
        }
    }
}

extension Breakdown {
    static func load(id: Located<String>, _ node: Node, reader: YAMLReader) -> Breakdown? {
        let what = Message.breakdown(id.value)
        guard let map = reader.mapping(node, what) else { return nil }
        map.rejectUnknownKeys(allowed: ["name", "categories", "total"])
        guard let name = map.required("name").flatMap({ reader.localizedText($0, .field("name", of: what)) }) else { return nil }
        var categories: [BreakdownCategory] = []
        if let node = map.required("categories"), let items = reader.sequence(node, .field("categories", of: what)) {
            for item in items {
                guard let category = reader.mapping(item, .category(of: what)) else { continue }
                category.rejectUnknownKeys(allowed: ["id", "name"])
                if let categoryID = category.required("id").flatMap({ reader.string($0, .categoryID) }),
                    let categoryName = category.required("name").flatMap({ reader.localizedText($0, .categoryName) })
                {
                    categories.append(BreakdownCategory(id: categoryID.value, name: categoryName))
                }
            }
        }
        let total = map["total"].flatMap { reader.string($0, .field("total", of: what)) }
        if let total, !categories.contains(where: { $0.id == total.value }) {
            reader.sink.error(
                .totalIsNoCategory(what, total.value), at: total.location,
                notes: Suggestion.note(for: total.value, in: categories.map(\.id)))
        }
        return Breakdown(id: id.value, name: name, categories: categories, totalCategory: total?.value, location: id.location)
    }
}

extension FrameworkGroup {
    static func load(_ node: Node, reader: YAMLReader) -> FrameworkGroup? {
        let start = reader.sink.diagnostics.count
        guard let map = reader.mapping(node, .aGroup) else { return nil }
        map.rejectUnknownKeys(allowed: ["id", "kind", "name", "description", "focus_areas"])
        guard let id = map.required("id").flatMap({ reader.string($0, .groupID, coerceScalars: true) }) else { return nil }
        let what = Message.group(id.value)
        let kind = map.required("kind").flatMap { reader.choice($0, .field("kind", of: what), as: GroupKind.self) }
        let name = map.required("name").flatMap { reader.localizedText($0, .field("name", of: what)) }
        var areas: [FocusArea] = []
        if let node = map.required("focus_areas"), let items = reader.sequence(node, .field("focus_areas", of: what)) {
            areas = items.compactMap { FocusArea.load($0, reader: reader) }
        }
        let description = map["description"].flatMap { reader.localizedText($0, .field("description", of: what)) }
        guard let kind, let name else {
            reader.noteFailure(of: areas.flatMap(\.keyFeatures).flatMap(\.measures).map(\.id), since: start)
            return nil
        }
        return FrameworkGroup(
            id: id.value, kind: kind.value, name: name, description: description, focusAreas: areas, location: id.location)
    }
}

extension FocusArea {
    static func load(_ node: Node, reader: YAMLReader) -> FocusArea? {
        let start = reader.sink.diagnostics.count
        guard let map = reader.mapping(node, .aFocusArea) else { return nil }
        map.rejectUnknownKeys(allowed: ["id", "commitment", "name", "key_features"])
        guard let id = map.required("id").flatMap({ reader.string($0, .focusAreaID, coerceScalars: true) }) else {
            return nil
        }
        let what = Message.focusArea(id.value)
        let commitment = map.required("commitment").flatMap { reader.integer($0, .field("commitment", of: what)) }
        let name = map.required("name").flatMap { reader.localizedText($0, .field("name", of: what)) }
        var features: [KeyFeature] = []
        if let node = map.required("key_features"), let items = reader.sequence(node, .field("key_features", of: what)) {
            features = items.compactMap { KeyFeature.load($0, reader: reader) }
        }
        guard let commitment, let name else {
            reader.noteFailure(of: features.flatMap(\.measures).map(\.id), since: start)
            return nil
        }
        return FocusArea(
            id: id.value, commitment: commitment.value, name: name, keyFeatures: features, location: id.location)
    }
}

extension KeyFeature {
    static func load(_ node: Node, reader: YAMLReader) -> KeyFeature? {
        let start = reader.sink.diagnostics.count
        guard let map = reader.mapping(node, .aKeyFeature) else { return nil }
        map.rejectUnknownKeys(allowed: ["id", "name", "measures"])
        guard let id = map.required("id").flatMap({ reader.string($0, .keyFeatureID, coerceScalars: true) }) else {
            return nil
        }
        let what = Message.keyFeature(id.value)
        let name = map.required("name").flatMap { reader.localizedText($0, .field("name", of: what)) }
        var measures: [Measure] = []
        if let node = map.required("measures"), let items = reader.sequence(node, .field("measures", of: what)) {
            measures = items.compactMap { Measure.load($0, reader: reader) }
        }
        guard let name else {
            reader.noteFailure(of: measures.map(\.id), since: start)
            return nil
        }
        return KeyFeature(id: id.value, name: name, measures: measures, location: id.location)
    }
}

extension Measure {
    static func load(_ node: Node, reader: YAMLReader) -> Measure? {
        let start = reader.sink.diagnostics.count
        guard let map = reader.mapping(node, .aMeasure) else { return nil }
        map.rejectUnknownKeys(allowed: [
            "id", "name", "definition", "source", "direction", "unit", "breakdown", "min", "max", "printed", "note",
        ])
        guard let id = map.required("id").flatMap({ reader.string($0, .measureID, coerceScalars: true) }) else {
            return nil
        }
        let what = Message.measure(id.value)
        let name = map.required("name").flatMap { reader.localizedText($0, .field("name", of: what)) }
        let definition = map.required("definition").flatMap { reader.localizedText($0, .field("definition", of: what)) }
        let source = map.required("source").flatMap { reader.choice($0, .field("source", of: what), as: SourceType.self) }
        let direction = map["direction"].flatMap { reader.choice($0, .field("direction", of: what), as: Direction.self) }
        let unit = map.required("unit").flatMap { reader.string($0, .field("unit", of: what)) }
        let breakdown = map["breakdown"].flatMap { reader.string($0, .field("breakdown", of: what)) }
        let minimum = map["min"].flatMap { reader.number($0, .field("min", of: what))?.value }
        let maximum = map["max"].flatMap { reader.number($0, .field("max", of: what))?.value }
        let printed = map["printed"].flatMap { reader.string($0, .field("printed", of: what), coerceScalars: true, allowEmpty: true)?.value }
        let note = map["note"].flatMap { reader.localizedText($0, .field("note", of: what)) }
        guard let name, let definition, let source, let unit else {
            reader.noteFailure(of: [id.value], since: start)
            return nil
        }
        return Measure(
            id: id.value, name: name, definition: definition, source: source.value,
            direction: direction?.value ?? .neither, unitID: unit.value,
            breakdownID: breakdown?.value, unitLocation: unit.location, breakdownLocation: breakdown?.location,
            minimum: minimum, maximum: maximum, printed: printed, note: note, location: id.location)
    }
}
