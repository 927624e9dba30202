import Foundation
import LCityContent

extension PageBuilder {
    /// What changed since the previous release, in `language`: the changes page's view, which `lcity-site diff`
    /// prints as text or Markdown too.
    public func changesView(language: String) -> ChangesView {
        PageScope(builder: self, route: Route(.changes, language: language), l: localizers[language]!).changesView()
    }

    /// The changes page's title in `language`: "What changed in release 2026.1".
    public func changesTitle(language: String) -> String {
        PageScope(builder: self, route: Route(.changes, language: language), l: localizers[language]!).changesTitle
    }
}

extension PageScope {
    /// Added values listed per city before the rest are counted instead: a release that adds a year adds dozens
    /// of values to every city, which the CSV lists in full.
    static let addedRowsListed = 20

    func changes() -> PageContext<ChangesView> {
        context(layout(title: changesTitle, description: l[.changesDescription], showsData: true), changesView())
    }

    var changesTitle: String {
        model.config.release.map { l.format(.changesTitle, ["version": $0.version]) } ?? l[.pageChanges]
    }

    /// What the changes are compared with: "release 2025.2", or the folder or revision as given.
    func comparedWith(_ comparison: ReleaseComparison) -> String {
        comparison.fromKeptRelease ? l.format(.changesReleaseName, ["version": comparison.from]) : comparison.from
    }

    func changesView() -> ChangesView {
        let version = model.config.release?.version
        let releaseText = version.map { version in
            l.format(.changesRelease, ["version": version, "date": builder.dataDates[language] ?? ""])
        } ?? l[.changesCurrentData]
        guard let comparison = model.releaseChanges else {
            return ChangesView(
                intro: releaseText, summary: nil, empty: l[.changesFirstRelease], citiesAdded: [], citiesRemoved: [],
                measures: [], cities: [], download: nil, headers: changeHeaders, cite: cite)
        }
        let intro = l.format(.changesIntro, ["release": releaseText, "previous": comparedWith(comparison)])
        guard !comparison.isEmpty else {
            return ChangesView(
                intro: intro, summary: nil, empty: l.format(.changesNone, ["previous": comparedWith(comparison)]), citiesAdded: [],
                citiesRemoved: [], measures: [], cities: [], download: nil, headers: changeHeaders, cite: cite)
        }
        let collation = Locale(identifier: language)
        let named = comparison.cities.map { (changes: $0, name: changedCityName($0)) }
            .sorted { SiteModel.namesAscending(($0.name, $0.changes.slug), ($1.name, $1.changes.slug), in: collation) }
        func link(_ city: (changes: CityChanges, name: String)) -> ChangedCityLink {
            ChangedCityLink(name: city.name, slug: city.changes.slug, href: "#city-\(city.changes.slug)")
        }
        var byMeasure: [String: [ChangedCityLink]] = [:]
        for city in named {
            for id in Set(city.changes.changes.map(\.key.measure)) { byMeasure[id, default: []].append(link(city)) }
        }
        let measureIDs = byMeasure.keys.sorted {
            let (i, j) = (model.measurePosition($0) ?? .max, model.measurePosition($1) ?? .max)
            return i != j ? i < j : $0 < $1
        }
        let measures = measureIDs.map { id in
            let measure = model.index.measures[id]
            return ChangedMeasureView(
                anchor: "measure-\(id)", id: id, label: measure.map(measureLabel) ?? id,
                href: measure == nil ? href(.indicators) : href(.indicator(id)), cities: byMeasure[id] ?? [])
        }
        return ChangesView(
            intro: intro,
            summary: changeCounts(
                added: comparison.count(.added), revised: comparison.count(.revised), withdrawn: comparison.count(.withdrawn),
                cities: comparison.cities.count),
            empty: nil,
            citiesAdded: named.filter { $0.changes.presence == .added }.map(link),
            citiesRemoved: named.filter { $0.changes.presence == .removed }.map(link),
            measures: measures,
            cities: named.map { changedCity($0.changes, name: $0.name, comparison: comparison) },
            download: version.map { Link(label: l[.changesDownload], href: file("data/changes/\($0).csv")) },
            headers: changeHeaders, cite: cite)
    }

    var changeHeaders: ChangeHeadersView {
        ChangeHeadersView(
            measure: l[.changesColMeasure], year: l[.changesColYear], kind: l[.changesColKind], before: l[.changesColBefore],
            after: l[.changesColAfter], change: l[.changesColChange], cities: l[.changesColCities])
    }

    /// "12 values added, 1 revised and 1 withdrawn, in 3 cities."
    func changeCounts(added: Int, revised: Int, withdrawn: Int, cities: Int) -> String {
        l.format(.changesSummary, [
            "added": l.integer(added), "revised": l.integer(revised), "withdrawn": l.integer(withdrawn),
            "cities": citiesCount(cities),
        ])
    }

    /// A city's name in this language: the current one, or for a city removed the one its last release had.
    func changedCityName(_ changes: CityChanges) -> String {
        if let city = model.city(changes.slug) { return cityName(city) }
        return changes.name(in: language, fallbacks: l.fallbacks) ?? changes.slug
    }

    func changedCity(_ changes: CityChanges, name: String, comparison: ReleaseComparison) -> ChangedCityView {
        let to = model.config.release?.version ?? l[.changesCurrentData]
        var rows: [ChangeRowView] = []
        var unlisted = 0
        var added = 0
        for change in changes.changes {
            if change.kind == .added {
                added += 1
                if added > Self.addedRowsListed {
                    unlisted += 1
                    continue
                }
            }
            rows.append(changeRow(change, from: comparison.from, to: to))
        }
        let presence: String? = switch changes.presence {
        case .added: l[.changesCityJoined]
        case .removed: l[.changesCityLeft]
        case .kept: nil
        }
        return ChangedCityView(
            anchor: "city-\(changes.slug)", slug: changes.slug, name: name,
            href: model.city(changes.slug) == nil ? nil : href(.city(changes.slug)), presence: presence,
            summary: l.format(.changesCitySummary, [
                "added": l.integer(changes.count(.added)), "revised": l.integer(changes.count(.revised)),
                "withdrawn": l.integer(changes.count(.withdrawn)),
            ]),
            rows: rows,
            more: unlisted > 0 ? l.format(.changesMoreAdded, ["count": l.integer(unlisted)]) : nil)
    }

    func changeRow(_ change: DataChange, from: String, to: String) -> ChangeRowView {
        let measure = model.index.measures[change.key.measure]
        var label = measure.map(measureLabel) ?? change.key.measure
        if !change.key.category.isEmpty {
            let category = measure?.breakdownID.flatMap(framework.breakdown)?.category(change.key.category)
            label = l.labelled(label, category.map { l.text($0.name) } ?? change.key.category)
        }
        func shown(_ value: ReleasedValue?, release: String) -> String {
            guard let value else { return l.format(.changesNotIn, ["version": release]) }
            var text = value.value.map { number in measure.map { formatValueWithUnit(number, $0) } ?? NumberText.plain(number) }
                ?? l[.notAvailable]
            if let flag = value.flag.flatMap(ObservationFlag.init(rawValue:)) { text += l.format(.changesFlag, ["flag": l.flag(flag)]) }
            return text
        }
        var difference = ""
        if let before = change.before?.value, let after = change.after?.value, let measure, before != after {
            difference = formatChange(after - before, measure)
        }
        let kindLabel: String = switch change.kind {
        case .added: l[.changeAdded]
        case .revised: l[.changeRevised]
        case .withdrawn: l[.changeWithdrawn]
        }
        return ChangeRowView(
            kind: change.kind.rawValue, kindLabel: kindLabel, measureID: change.key.measure, measure: label,
            measureHref: measure == nil ? href(.indicators) : href(.indicator(change.key.measure)),
            year: String(change.key.year), before: shown(change.before, release: from), after: shown(change.after, release: to),
            change: difference)
    }

    /// On a profile: how many of the city's values this release changed, with a link to them; nil when none.
    func cityChangeNotice(_ slug: String) -> ChangeNoticeView? {
        guard let version = model.config.release?.version, let changes = model.releaseChanges?.city(slug),
            !changes.changes.isEmpty
        else { return nil }
        return ChangeNoticeView(
            text: l.format(.changesCityNotice, ["version": version, "count": l.integer(changes.changes.count)]),
            link: Link(label: l[.changesSee], href: href(.changes, fragment: "city-\(slug)")))
    }

    /// On an indicator page: for how many cities this release changed the measure's values; nil when none.
    func measureChangeNotice(_ id: String) -> ChangeNoticeView? {
        guard let version = model.config.release?.version, let comparison = model.releaseChanges else { return nil }
        let count = comparison.cities.count { $0.changes.contains { $0.key.measure == id } }
        guard count > 0 else { return nil }
        return ChangeNoticeView(
            text: l.format(.changesMeasureNotice, ["version": version, "cities": citiesCount(count)]),
            link: Link(label: l[.changesSee], href: href(.changes, fragment: "measure-\(id)")))
    }
}
