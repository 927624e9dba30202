import Foundation
import LCityContent

extension PageBuilder {
    /// What changed since the previous release, in `language`: the changes pages' view with every city changed
    /// (each with at most `Paging.changedValues` rows), which `lcity-site diff` prints as text or Markdown.
    public func changesView(language: String) -> ChangesView {
        PageScope(builder: self, route: Route(.changes(), language: language), l: localizers[language]!).changesView(page: nil)
    }

    /// The changes page's title in `language`: "What changed in release 2026.1".
    public func changesTitle(language: String) -> String {
        PageScope(builder: self, route: Route(.changes(), language: language), l: localizers[language]!).changesTitle
    }
}

extension PageScope {
    /// Changes page `page`: the summary and the table by measure on the first, `Paging.changedCities` cities on
    /// each.
    func changes(page: Int) -> PageContext<ChangesView> {
        let count = Paging.pageCount(model.releaseChanges?.cities.count ?? 0, perPage: Paging.changedCities)
        return context(
            layout(title: pagedTitle(changesTitle, page: page, of: count), description: l[.changesDescription], showsData: true),
            changesView(page: page))
    }

    var changesTitle: String {
        model.config.release.map { l.format(.changesTitle, ["version": $0.version]) } ?? l[.pageChanges]
    }

    /// What the changes are compared with: "release 2025.2", or the folder or revision as given.
    func comparedWith(_ comparison: ReleaseComparison) -> String {
        comparison.fromKeptRelease ? l.format(.changesReleaseName, ["version": comparison.from]) : comparison.from
    }

    /// The changes view of changes page `page`, or with every city changed when `page` is nil (`diff`).
    func changesView(page: Int?) -> ChangesView {
        let version = model.config.release?.version
        let releaseText = version.map { version in
            l.format(.changesRelease, ["version": version, "date": builder.dataDates[language] ?? ""])
        } ?? l[.changesCurrentData]
        guard let comparison = model.releaseChanges else {
            return ChangesView(
                intro: releaseText, summary: nil, empty: l[.changesFirstRelease], citiesAdded: [], citiesRemoved: [],
                measures: [], cities: [], pager: "", download: nil, headers: changeHeaders, cite: cite)
        }
        let intro = l.format(.changesIntro, ["release": releaseText, "previous": comparedWith(comparison)])
        guard !comparison.isEmpty else {
            return ChangesView(
                intro: intro, summary: nil, empty: l.format(.changesNone, ["previous": comparedWith(comparison)]), citiesAdded: [],
                citiesRemoved: [], measures: [], cities: [], pager: "", download: nil, headers: changeHeaders, cite: cite)
        }
        let order = model.changedCities[language] ?? []
        let listed = page.map { Array(Paging.slice(order, page: $0, perPage: Paging.changedCities)) } ?? order
        let first = (page ?? 1) == 1
        return ChangesView(
            intro: intro,
            summary: changeCounts(
                added: comparison.count(.added), revised: comparison.count(.revised), withdrawn: comparison.count(.withdrawn),
                cities: comparison.cities.count),
            empty: nil,
            citiesAdded: first ? order.filter { comparison.city($0)?.presence == .added }.map(changedCityLink) : [],
            citiesRemoved: first ? order.filter { comparison.city($0)?.presence == .removed }.map(changedCityLink) : [],
            measures: first ? changedMeasures(comparison, order: order) : [],
            cities: listed.compactMap { slug in
                comparison.city(slug).map { changedCity($0, name: changedCityName(slug), comparison: comparison) }
            },
            pager: page.map { pager(Paging.pageCount(order.count, perPage: Paging.changedCities), current: $0) { .changes(page: $0) } }
                ?? "",
            download: version.map { Link(label: l[.changesDownload], href: file("data/changes/\($0).csv")) },
            headers: changeHeaders, cite: cite)
    }

    /// The measures with changes in framework order, each naming its first `Paging.changedCitiesPerMeasure` cities
    /// (in the order of `order`) and counting the rest.
    func changedMeasures(_ comparison: ReleaseComparison, order: [String]) -> [ChangedMeasureView] {
        var byMeasure: [String: [String]] = [:]
        for slug in order {
            guard let changes = comparison.city(slug) else { continue }
            for id in Set(changes.changes.map(\.key.measure)) { byMeasure[id, default: []].append(slug) }
        }
        let measureIDs = byMeasure.keys.sorted {
            let (i, j) = (model.measurePosition($0) ?? .max, model.measurePosition($1) ?? .max)
            return i != j ? i < j : $0 < $1
        }
        return measureIDs.map { id in
            let measure = model.index.measures[id]
            let slugs = byMeasure[id] ?? []
            let unlisted = slugs.count - Paging.changedCitiesPerMeasure
            return ChangedMeasureView(
                anchor: "measure-\(id)", id: id, label: measure.map(measureLabel) ?? id,
                href: measure == nil ? href(.indicators) : href(.indicator(id)),
                cities: slugs.prefix(Paging.changedCitiesPerMeasure).map(changedCityLink),
                more: unlisted > 0 ? l.format(.andMore, ["count": l.integer(unlisted)]) : nil)
        }
    }

    /// A changed city named and linked to its changes.
    func changedCityLink(_ slug: String) -> ChangedCityLink {
        ChangedCityLink(name: changedCityName(slug), slug: slug, href: changedCityHref(slug))
    }

    /// The link to a city's changes: its section of the changes page that lists it.
    func changedCityHref(_ slug: String) -> String {
        href(.changes(page: model.changesPage(of: slug, language: language) ?? 1), fragment: "city-\(slug)")
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
    func changedCityName(_ slug: String) -> String {
        model.city(slug).map(cityName) ?? model.changedCityName(slug, language: language)
    }

    func changedCity(_ changes: CityChanges, name: String, comparison: ReleaseComparison) -> ChangedCityView {
        let to = model.config.release?.version ?? l[.changesCurrentData]
        // Revisions and withdrawals change what was published: they come first.
        let listed = ([ChangeKind.revised, .withdrawn, .added].flatMap { kind in changes.changes.filter { $0.kind == kind } })
            .prefix(Paging.changedValues)
        let rows = listed.map { changeRow($0, from: comparison.from, to: to) }
        let unlisted = changes.changes.count - rows.count
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
            more: unlisted > 0 ? l.format(.changesMore, ["count": l.integer(unlisted)]) : nil)
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
            link: Link(label: l[.changesSee], href: changedCityHref(slug)))
    }

    /// On an indicator page: for how many cities this release changed the measure's values; nil when none.
    func measureChangeNotice(_ id: String) -> ChangeNoticeView? {
        guard let version = model.config.release?.version, let comparison = model.releaseChanges else { return nil }
        let count = comparison.cities.count { $0.changes.contains { $0.key.measure == id } }
        guard count > 0 else { return nil }
        return ChangeNoticeView(
            text: l.format(.changesMeasureNotice, ["version": version, "cities": citiesCount(count)]),
            link: Link(label: l[.changesSee], href: href(.changes(), fragment: "measure-\(id)")))
    }
}
