import Foundation
import Testing

import LCityContent
import LCityPages
import LCitySynthetic
import LCityTestSupport

/// Similar cities, progress and "learn from": every stated reason is re-checked against the data, the choice is
/// the same whatever the order the cities were read in, and "learn from" speaks only where direction and years
/// allow.
@Suite("Peers and progress")
struct PeerTests {
    /// The model of the shipped site, or of a synthetic network of `cities` (large enough for pruned candidates).
    static func model(cities: Int?) throws -> SiteModel {
        let root = try temporaryFolder("lcity-peers")
        defer { try? FileManager.default.removeItem(at: root) }
        let site: URL
        if let cities {
            site = root.appendingPathComponent("site")
            try SyntheticNetwork.write(cities: cities, seed: 3, from: repositoryRoot, to: site)
        } else {
            let shipped = try TestSite.shipped()
            defer { shipped.remove() }
            site = root.appendingPathComponent("site")
            try FileManager.default.copyItem(at: shipped.root, to: site)
        }
        let checked = Pipeline.check(root: site, validator: testValidator)
        return SiteModel(content: try #require(checked.value))
    }

    @Test(arguments: [nil, 450] as [Int?])
    func everyStatedReasonHolds(cities: Int?) throws {
        let model = try Self.model(cities: cities)
        let measures = model.framework.measures
        var checked = 0
        for city in model.cities {
            let peers = try #require(model.peers[city.slug])
            #expect(peers.count >= min(PeerRules.minimumPeers, model.cities.count - 1) || peers.count < PeerRules.minimumPeers)
            #expect(peers.count <= PeerRules.maximumPeers)
            #expect(Set(peers.map(\.slug)).count == peers.count, "\(city.slug): a peer named twice")
            for peer in peers {
                #expect(peer.slug != city.slug)
                #expect(!peer.reasons.isEmpty)
                let other = try #require(model.city(peer.slug))
                for reason in peer.reasons {
                    checked += 1
                    switch reason {
                    case .sameRegion:
                        #expect(city.region.value == other.region.value)
                    case .samePopulationBand(let band):
                        #expect(city.population.map { PopulationBand(population: $0.value) } == band)
                        #expect(other.population.map { PopulationBand(population: $0.value) } == band)
                    case .similarIncome(let own, let ownYear, let value, let year):
                        let ownLatest = try #require(city.series(for: PeerRules.incomeMeasure)?.latest)
                        let latest = try #require(other.series(for: PeerRules.incomeMeasure)?.latest)
                        #expect(ownLatest.headline(totalCategory: nil) == own && ownLatest.year.value == ownYear)
                        #expect(latest.headline(totalCategory: nil) == value && latest.year.value == year)
                        #expect(max(own, value) / min(own, value) <= PeerRules.incomeRatio + 1e-9)
                    case .sharedMeasures(let count):
                        let reports = { (city: City, id: String) in
                            city.series(for: id)?.observations.contains { $0.value != .notAvailable } ?? false
                        }
                        let both = measures.count { reports(city, $0.id) && reports(other, $0.id) }
                        let either = measures.count { reports(city, $0.id) || reports(other, $0.id) }
                        #expect(both == count)
                        #expect(Double(both) >= PeerRules.sharedShare * Double(either) - 1e-9)
                    case .closeValues(let close, let compared):
                        var (seenCompared, seenClose) = (0, 0)
                        for measure in measures {
                            let total = measure.breakdownID.flatMap(model.framework.breakdown)?.totalCategory
                            guard let range = model.statistics[measure.id]?.headline,
                                let a = city.series(for: measure.id)?.latest?.headline(totalCategory: total),
                                let b = other.series(for: measure.id)?.latest?.headline(totalCategory: total)
                            else { continue }
                            seenCompared += 1
                            if abs(a - b) <= PeerRules.closeShareOfRange * (range.maximum - range.minimum) { seenClose += 1 }
                        }
                        #expect(seenCompared == compared && seenClose == close)
                        #expect(compared >= PeerRules.minimumCompared && close * 2 >= compared)
                    }
                }
            }
        }
        #expect(checked > model.cities.count, "every city should have reasons to check")
    }

    /// Two builds of the same network name the same peers for the same reasons, and so do the same cities read in
    /// another order.
    @Test func peersAreDeterministic() throws {
        let first = try Self.model(cities: 450)
        let second = try Self.model(cities: 450)
        #expect(first.peers == second.peers)
        let shipped = try Self.model(cities: nil)
        let content = shipped.content
        var reversed = content
        reversed.cities = content.cities.reversed()
        #expect(SiteModel(content: reversed).peers == shipped.peers)
    }

    /// After an edit of one city, the peers redone for that city and its candidates only (a small correction, the
    /// network's ranges unchanged) or for all (a large one) are those of a model made from scratch.
    @Test(arguments: [(1.0, 0.01), (1.37, 3.0)])
    func editingOneCityRedoesPeersAsAFullBuildWould(scale: Double, shift: Double) throws {
        let model = try Self.model(cities: 450)
        for (offset, city) in model.cities.enumerated() where offset % 90 == 7 {
            let series = city.series.map { series -> ObservationSeries in
                var series = series
                series.observations = series.observations.map { observation in
                    guard case .single(let value) = observation.value else { return observation }
                    return Observation(
                        year: observation.year, value: .single(Located(value.value * scale + shift, at: value.location)),
                        source: observation.source, flag: observation.flag, note: observation.note, location: observation.location)
                }
                return series
            }
            let edited = City(
                slug: city.slug, file: city.file, name: city.name, illustrative: city.illustrative, country: city.country,
                region: city.region, population: city.population, populationYear: city.populationYear,
                coordinates: city.coordinates, joined: city.joined, website: city.website, description: city.description,
                series: series)
            let (updated, _) = model.replacing(edited)
            var content = model.content
            content.cities = content.cities.map { $0.slug == city.slug ? edited : $0 }
            #expect(updated.peers == SiteModel(content: content).peers, "after editing \(city.slug)")
        }
    }

    /// The shipped profile names every peer the model chose, with a reason, and links to a comparison with them.
    @Test func profilesNameTheirPeersWithReasons() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let (rendered, _) = site.render()
        let files = try #require(rendered).files
        let model = try Self.model(cities: nil)
        for city in model.cities {
            let page = String(decoding: try #require(files["en/cities/\(city.slug)/index.html"]), as: UTF8.self)
            let peers = model.peers[city.slug] ?? []
            #expect(page.components(separatedBy: "<ul class=\"peer-reasons\"><li>").count - 1 == peers.count)
            for peer in peers {
                #expect(page.contains("href=\"../../../en/cities/\(peer.slug)/\">"), "\(city.slug) names \(peer.slug)")
            }
            if let first = peers.first {
                #expect(page.contains("compare/?cities=\(city.slug),\(first.slug)"))
            }
        }
    }

    @Test func changesCompareOnlyComparableEnds() throws {
        func observation(_ year: Int, _ value: Double, source: String, flag: ObservationFlag? = nil) -> Observation {
            let here = SourceLocation(file: "test.yaml", line: year - 2000, column: 1)
            return Observation(
                year: Located(year, at: here), value: .single(Located(value, at: here)),
                source: LocalizedText(["en": source, "zh": source]), flag: flag.map { Located($0, at: here) }, note: nil,
                location: here)
        }
        func series(_ observations: [Observation]) -> ObservationSeries {
            ObservationSeries(measureID: Located("1.1.1a", at: SourceLocation(file: "test.yaml")), observations: observations)
        }
        // Sample sizes and years in a source's name do not make it another source.
        let survey = try #require(SeriesChange(series([
            observation(2019, 27.5, source: "Residents' survey 2019 (n = 1,850)"),
            observation(2021, 28.9, source: "Residents' survey 2021 (n = 1,050)"),
        ]), totalCategory: nil))
        #expect(survey.comparable && survey.first.year == 2019 && survey.latest.value == 28.9)
        #expect(survey.improvement(.higher)! > 0 && survey.improvement(.lower)! < 0 && survey.improvement(.neither) == nil)
        let renamed = try #require(SeriesChange(series([
            observation(2019, 27.5, source: "Residents' survey"), observation(2021, 28.9, source: "Census"),
        ]), totalCategory: nil))
        #expect(renamed.discontinuity == .sourceChanged(year: 2021))
        let broken = try #require(SeriesChange(series([
            observation(2017, 10, source: "Police"), observation(2019, 12, source: "Police", flag: .break),
            observation(2021, 13, source: "Police"),
        ]), totalCategory: nil))
        #expect(broken.discontinuity == .breakInSeries(year: 2019) && !broken.comparable)
        #expect(SeriesChange(series([observation(2019, 1, source: "x")]), totalCategory: nil) == nil)
    }

    /// "Learn from" names only similar cities whose own comparable values improved, at most three, and says
    /// nothing for a measure without a direction.
    @Test(arguments: [nil, 450] as [Int?])
    func learnFromOnlyWhereDirectionAndYearsAllow(cities: Int?) throws {
        let model = try Self.model(cities: cities)
        var named = 0
        for city in model.cities {
            let peers = Set(model.peers[city.slug]?.map(\.slug) ?? [])
            for measure in model.framework.measures {
                let learn = model.learnFrom(city, measure: measure)
                #expect(learn.count <= 3)
                if measure.direction == .neither { #expect(learn.isEmpty) }
                var previous = Double.infinity
                for (peer, change) in learn {
                    named += 1
                    #expect(peers.contains(peer.slug))
                    #expect(change.comparable && change.latest.year > change.first.year)
                    let rate = try #require(change.improvementPerYear(measure.direction))
                    #expect(rate > 0 && rate <= previous)
                    previous = rate
                }
            }
        }
        #expect(named > 0)
    }
}
