import LCityContent

/// What a profile says of the city's similar cities and of progress: the peers with their reasons, the city's own
/// change per measure in words, and the peers to learn from.
extension PageScope {
    /// The city's similar cities in this language's alphabetical order, each with its reasons.
    func similarCities(_ city: City) -> [SimilarCityView] {
        let peers = (model.peers[city.slug] ?? []).compactMap { peer in model.city(peer.slug).map { (peer, $0) } }
        return peers.sorted {
            model.nameRank($0.1.slug, language: language) < model.nameRank($1.1.slug, language: language)
        }.map { peer, other in
            SimilarCityView(
                name: cityName(other), href: href(.city(other.slug)), country: countryName(other.country.value),
                reasons: peer.reasons.map { reasonText($0, city: city, peer: other) })
        }
    }

    /// A comparison of the city with its first three similar cities (in the order they were chosen).
    func compareWithPeers(_ city: City) -> String? {
        let peers = (model.peers[city.slug] ?? []).prefix(3).map(\.slug)
        guard !peers.isEmpty else { return nil }
        return href(.compare) + "?cities=" + ([city.slug] + peers).joined(separator: ",")
    }

    /// One reason in words, with the figures it rests on.
    func reasonText(_ reason: PeerReason, city: City, peer: City) -> String {
        switch reason {
        case .sameRegion:
            return l.format(.peerReasonRegion, ["region": regionName(city.region.value)])
        case .samePopulationBand(let band):
            return l.format(.peerReasonPopulation, ["band": l[Self.bandNames[band.rawValue]]])
        case .similarIncome(let own, let ownYear, let value, let year):
            guard let measure = model.index.measures[PeerRules.incomeMeasure] else { return "" }
            return l.format(.peerReasonIncome, [
                "value": formatValueWithUnit(value, measure), "year": String(year),
                "own": formatValueWithUnit(own, measure), "own_year": String(ownYear),
            ])
        case .sharedMeasures(let count):
            return l.format(.peerReasonShared, ["count": l.integer(count)])
        case .closeValues(let close, let compared):
            return l.format(.peerReasonValues, ["close": l.integer(close), "compared": l.integer(compared)])
        }
    }

    static let bandNames: [UIString] = [.populationBand0, .populationBand1, .populationBand2, .populationBand3]

    /// The city's own change in `measure` in words: improved or worsened when the measure has a direction, rose or
    /// fell otherwise; "not comparable" across a break or a change of source.
    func changeSentence(_ change: SeriesChange, _ measure: Measure) -> String {
        let values: KeyValuePairs = [
            "from": formatValueWithUnit(change.first.value, measure), "first": String(change.first.year),
            "to": formatValueWithUnit(change.latest.value, measure), "latest": String(change.latest.year),
            "year": String(change.discontinuity?.year ?? change.latest.year),
        ]
        switch change.discontinuity {
        case .breakInSeries: return l.format(.changeBreak, values)
        case .sourceChanged: return l.format(.changeSource, values)
        case nil: break
        }
        // Equal as shown is unchanged: a difference below the unit's decimals is not a change to report.
        if formatValue(change.first.value, measure) == formatValue(change.latest.value, measure) {
            return l.format(.changeUnchanged, values)
        }
        let improvement = change.improvement(measure.direction)
        let key: UIString = switch improvement {
        case .some(let amount): amount > 0 ? .changeImproved : .changeWorsened
        case nil: change.change > 0 ? .changeRose : .changeFell
        }
        return l.format(key, values)
    }

    /// The similar cities whose own value of `measure` improved most per year (`SiteModel.learnFrom`).
    func learnFrom(_ city: City, _ measure: Measure) -> [LearnFromView] {
        model.learnFrom(city, measure: measure).map { peer, change in
            LearnFromView(
                name: cityName(peer), href: href(.city(peer.slug), fragment: "measure-\(measure.id)"),
                change: l.format(.learnFromItem, [
                    "from": endValue(change.first, measure), "first": String(change.first.year),
                    "to": endValue(change.latest, measure), "latest": String(change.latest.year),
                ]))
        }
    }
}

extension PageScope {
    /// One end of a change: the value with its unit, and its flag.
    func endValue(_ end: SeriesChange.End, _ measure: Measure) -> String {
        let value = formatValueWithUnit(end.value, measure)
        return end.flag.map { l.format(.valueFlag, ["value": value, "flag": l.flag($0)]) } ?? value
    }
}

/// A profile's similar cities, rendered apart from the page.
public struct SimilarCitiesView: Sendable, Encodable {
    public var intro: String
    public var cities: [SimilarCityView]
}

/// A similar city on a profile, with the reasons it was chosen.
public struct SimilarCityView: Sendable, Encodable {
    public var name: String
    public var href: String
    public var country: String
    public var reasons: [String]
}

/// A similar city that progressed in a measure: its name, a link to its row, and its change.
public struct LearnFromView: Sendable, Encodable {
    public var name: String
    public var href: String
    public var change: String
}
