extension Validator {
    /// Warns at each of the city's values that differs from the previous release's: a published figure that
    /// changes quietly is what a reviewer most needs to see, with both values. Not where the observation says
    /// `revised: <this release>` (a correction made knowingly), nor where the earlier value was provisional.
    func checkRevisions(_ city: City, since release: ReleaseData, current: String?, sink: DiagnosticSink) {
        guard let released = release.cities[city.slug] else { return }
        func shown(_ value: ReleasedValue) -> Message {
            let number = value.value.map { Message(en: NumberText.plain($0), zh: NumberText.plain($0)) } ?? .notAvailableValue
            guard let flag = value.flag else { return number }
            return Message(en: "\(number.en) (\(flag))", zh: "\(number.zh)（\(flag)）")
        }
        for series in city.series {
            for observation in series.observations {
                if let revised = observation.revised, revised.value == current { continue }
                let flag = observation.flag?.value.rawValue
                var entries: [(category: String, value: Double?, location: SourceLocation)] = []
                switch observation.value {
                case .single(let value): entries = [("", value.value, value.location)]
                case .breakdown(let values): entries = values.map { ($0.category.value, $0.value.value, $0.value.location) }
                case .notAvailable: entries = [("", nil, observation.location)]
                }
                for entry in entries {
                    let key = ReleasedKey(measure: series.measureID.value, category: entry.category, year: observation.year.value)
                    let now = ReleasedValue(value: entry.value, flag: flag)
                    guard let before = released.values[key], before != now, before.flag != ObservationFlag.provisional.rawValue
                    else { continue }
                    let measure = entry.category.isEmpty ? key.measure : "\(key.measure) \(entry.category)"
                    sink.warning(
                        .revisedSinceRelease(measure, key.year, release: release.version, before: shown(before), after: shown(now)),
                        at: entry.location, notes: [.revisionIsIntended(current)])
                }
            }
        }
    }
}
