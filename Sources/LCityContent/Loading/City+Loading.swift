import Yams

extension City {
    /// Fields a city file may have.
    static let fields = [
        "name", "pinyin", "illustrative", "country", "region", "population", "population_year", "coordinates", "joined",
        "website", "description", "observations",
    ]

    /// Reads one `cities/<slug>.yaml`; shape problems go to the reader's sink.
    static func load(slug: String, _ root: Node, reader: YAMLReader) -> City? {
        guard let map = reader.mapping(root, .cityFile) else { return nil }
        map.rejectUnknownKeys(allowed: fields)
        let name = map.required("name").flatMap { reader.localizedText($0, .key("name")) }
        let country = map.required("country").flatMap { reader.string($0, .key("country"), coerceScalars: true) }
        let region = map.required("region").flatMap { reader.string($0, .key("region")) }
        let pinyin = map["pinyin"].flatMap { reader.string($0, .key("pinyin")) }
        let illustrative = map["illustrative"].flatMap { reader.boolean($0, .key("illustrative"))?.value } ?? false
        var coordinates: Coordinates?
        if let node = map["coordinates"], let pair = reader.mapping(node, .key("coordinates")) {
            pair.rejectUnknownKeys(allowed: ["lat", "lon"])
            let latitude = pair.required("lat").flatMap { reader.number($0, .latitude) }
            let longitude = pair.required("lon").flatMap { reader.number($0, .longitude) }
            if let latitude, let longitude {
                if !(-90...90).contains(latitude.value) {
                    reader.sink.error(.latitudeOutOfRange(NumberText.plain(latitude.value)), at: latitude.location)
                }
                if !(-180...180).contains(longitude.value) {
                    reader.sink.error(.longitudeOutOfRange(NumberText.plain(longitude.value)), at: longitude.location)
                }
                coordinates = Coordinates(latitude: latitude.value, longitude: longitude.value, location: pair.location)
            }
        }
        var series: [ObservationSeries] = []
        if let node = map["observations"], !reader.isNull(node), let measures = reader.mapping(node, .key("observations")) {
            for entry in measures.entries {
                let what = Message.observations(of: entry.key.value)
                guard let items = reader.sequence(entry.value, what) else { continue }
                let observations = items.compactMap { Observation.load($0, measure: entry.key.value, reader: reader) }
                series.append(ObservationSeries(measureID: entry.key, observations: observations))
            }
        }
        // Every field is read before giving up, so that one run reports every problem.
        let population = map["population"].flatMap { reader.integer($0, .key("population")) }
        let populationYear = map["population_year"].flatMap { reader.integer($0, .key("population_year")) }
        let joined = map["joined"].flatMap { reader.integer($0, .key("joined")) }
        let website = map["website"].flatMap { reader.string($0, .key("website")) }
        let description = map["description"].flatMap { reader.localizedText($0, .key("description")) }
        guard let name, let country, let region else { return nil }
        return City(
            slug: slug, file: reader.file, name: name, pinyin: pinyin, illustrative: illustrative, country: country, region: region,
            population: population, populationYear: populationYear, coordinates: coordinates, joined: joined,
            website: website, description: description, series: series)
    }
}

extension Observation {
    static func load(_ node: Node, measure: String, reader: YAMLReader) -> Observation? {
        let what = Message.anObservation(of: measure)
        guard let map = reader.mapping(node, what) else { return nil }
        map.rejectUnknownKeys(allowed: ["year", "value", "values", "source", "flag", "note", "revised"])
        let year = map.required("year").flatMap { reader.integer($0, .key("year")) }
        var value: ObservationValue?
        switch (map["value"], map["values"]) {
        case (let single?, nil):
            let isNull = reader.isNull(single)
            if isNull, case .scalar(let scalar) = single, scalar.string.isEmpty {
                reader.sink.error(.valueIsEmpty, at: reader.location(of: single), notes: [.writeNumberOrTilde])
            } else if isNull {
                value = .notAvailable
            } else if let number = reader.number(single, .key("value")) {
                value = .single(number)
            }
        case (nil, let multiple?):
            if let categories = reader.mapping(multiple, .key("values")) {
                let values = categories.entries.compactMap { entry -> CategoryValue? in
                    guard let number = reader.number(entry.value, .value(for: entry.key.value)) else { return nil }
                    return CategoryValue(category: entry.key, value: number)
                }
                value = .breakdown(values)
            }
        case (.some, .some):
            reader.sink.error(.bothValueAndValues(what), at: map.location, notes: [.valueOrValues])
        case (nil, nil):
            reader.sink.error(.neitherValueNorValues(what), at: map.location, notes: [.writeValueTilde])
        }
        let flag = map["flag"].flatMap { reader.choice($0, .key("flag"), as: ObservationFlag.self) }
        let source = map["source"].flatMap { reader.localizedText($0, .key("source")) }
        let note = map["note"].flatMap { reader.localizedText($0, .key("note")) }
        let revised = map["revised"].flatMap { reader.string($0, .key("revised"), coerceScalars: true) }
        guard let year, let value else { return nil }
        return Observation(
            year: year, value: value, source: source, flag: flag, note: note, revised: revised, location: map.location)
    }
}
