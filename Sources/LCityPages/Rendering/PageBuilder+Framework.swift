import Foundation
import LCityContent

extension PageScope {
    func home() -> PageContext<HomeView> {
        let siteTitle = l.text(model.config.title)
        let entries = [
            EntryView(title: l[.pageDeclaration], text: l[.homeDeclarationText], href: href(.declaration)),
            EntryView(title: l[.pageFramework], text: l[.homeFrameworkText], href: href(.framework)),
            EntryView(title: l[.pageIndicators], text: l[.homeIndicatorsText], href: href(.indicators)),
            EntryView(title: l[.pageCities], text: l[.homeCitiesText], href: href(.cities)),
            EntryView(title: l[.pageData], text: l[.homeDataText], href: href(.data)),
            EntryView(
                title: model.config.release.map { l.format(.changesTitle, ["version": $0.version]) } ?? l[.pageChanges],
                text: l[.homeChangesText], href: href(.changes())),
        ]
        let documents = model.config.homePages.compactMap { name -> EntryView? in
            guard let page = renderedPage(name.value) else { return nil }
            return EntryView(title: page.page.title, text: page.page.description, href: href(.page(name.value)))
        }
        let countries = Set(model.cities.map(\.country.value)).count
        let figures = [
            FigureView(value: l.integer(model.cities.count), label: l[.homeFigureCities]),
            FigureView(value: l.integer(countries), label: l[.homeFigureCountries]),
            FigureView(value: l.integer(framework.focusAreas.count), label: l[.homeFigureFocusAreas]),
            FigureView(value: l.integer(framework.keyFeatures.count), label: l[.homeFigureKeyFeatures]),
            FigureView(value: l.integer(framework.measures.count), label: l[.homeFigureMeasures]),
        ]
        return context(
            layout(title: siteTitle, description: l.text(model.config.tagline), showsData: true),
            HomeView(
                tagline: l.text(model.config.tagline), entries: entries, figures: figures, regions: regionCounts(),
                map: cityMap(model.cities, region: nil), groups: groupViews(withMeasures: false), documents: documents))
    }

    func regionCounts() -> [RegionCountView] {
        model.content.geography.regions.map { region in
            let count = model.cities.count { $0.region.value == region.id }
            return RegionCountView(
                name: l.text(region.name), href: href(.region(region.id)),
                cities: citiesCount(count))
        }
    }

    func groupViews(withMeasures: Bool) -> [GroupView] {
        framework.groups.map { group in
            GroupView(
                id: group.id, kind: group.kind.rawValue, name: l.text(group.name), description: l.text(group.description),
                focusAreas: group.focusAreas.map { focusAreaItem($0, withMeasures: withMeasures) })
        }
    }

    func focusAreaItem(_ area: FocusArea, withMeasures: Bool) -> FocusAreaItemView {
        FocusAreaItemView(
            id: area.id, name: l.text(area.name), href: href(.focusArea(area.id)),
            commitment: l.format(.commitmentLink, ["number": String(area.commitment)]),
            commitmentHref: href(.declaration, fragment: "commitment-\(area.commitment)"),
            keyFeatures: withMeasures ? area.keyFeatures.map { keyFeatureView($0) } : [],
            measureCount: area.keyFeatures.reduce(0) { $0 + $1.measures.count })
    }

    /// A key feature with its measures; `withNetwork` adds each measure's network median and years (focus-area pages).
    func keyFeatureView(_ feature: KeyFeature, withNetwork: Bool = false) -> KeyFeatureView {
        KeyFeatureView(
            id: feature.id, anchor: "key-feature-\(feature.id)", name: l.text(feature.name),
            measures: feature.measures.map { measureItem($0, withNetwork: withNetwork) })
    }

    /// "Network median 94.7% (2021–2024)": the median of the cities' latest values (of each category, for a
    /// breakdown without a total) and the years those values are from; nil when no city reports the measure.
    func networkMedian(_ measure: Measure) -> String? {
        guard let statistics = model.statistics[measure.id], let years = statistics.years else { return nil }
        let median: String
        if let headline = statistics.headline {
            median = formatMedian(headline.median, measure)
        } else {
            let categories = measure.breakdownID.flatMap(framework.breakdown)?.categories ?? []
            median = zip(categories, statistics.categories).compactMap { category, entry in
                entry.distribution.map { l.labelled(l.text(category.name), formatMedian($0.median, measure)) }
            }.joined(separator: l[.listSeparator])
        }
        return l.format(.networkMedianYears, ["median": median, "years": yearsRange(years)])
    }

    func measureItem(_ measure: Measure) -> MeasureItemView {
        measureItem(measure, withNetwork: false)
    }

    func measureItem(_ measure: Measure, withNetwork: Bool) -> MeasureItemView {
        let statistics = model.statistics[measure.id]
        return MeasureItemView(
            id: measure.id, name: l.text(measure.name), definition: l.text(measure.definition),
            href: href(.indicator(measure.id)), sourceType: l.sourceType(measure.source), sourceKey: measure.source.rawValue,
            unit: unitLabel(measure),
            breakdown: measure.breakdownID.flatMap(framework.breakdown).map { l.text($0.name) },
            reporting: l.format(
                .indicatorCitiesReporting,
                ["count": l.integer(statistics?.values.count ?? 0), "total": l.integer(model.countedCityCount)]),
            network: withNetwork ? networkMedian(measure) : nil,
            note: measure.note.map { l.text($0) })
    }

    func declaration() -> PageContext<DeclarationView> {
        let rendered = renderedPage("declaration")
        var html = resolveRootMarkers(rendered?.markdown.html ?? "")
        var commitments: [CommitmentLinkView] = []
        for area in framework.focusAreas.sorted(by: { $0.commitment < $1.commitment }) {
            let anchor = "commitment-\(area.commitment)"
            let link = CommitmentLinkView(
                number: String(area.commitment), commitmentHref: "#\(anchor)",
                focusArea: focusAreaLabel(area), focusAreaHref: href(.focusArea(area.id)))
            commitments.append(link)
            // After each commitment heading, a cross-link to its focus area.
            if let heading = html.firstRange(of: "<h3 id=\"\(anchor)\">"),
                let end = html[heading.upperBound...].firstRange(of: "</h3>")
            {
                let crossLink =
                    "\n<p class=\"xref\"><a href=\"\(link.focusAreaHref)\">\(l.format(.focusAreaLink, ["name": HTML.escape(link.focusArea)]))</a></p>"
                html.insert(contentsOf: crossLink, at: end.upperBound)
            }
        }
        let lang = fallbackLanguage(of: rendered)
        let toc = (rendered?.markdown.headings ?? []).filter { $0.level <= 3 }.map {
            TOCEntryView(label: marked($0.text, lang), href: "#\($0.id)", sub: $0.level == 3)
        }
        return context(
            layout(
                title: l[.pageDeclaration], description: l[.declarationDescription], translated: true,
                ogType: "article"),
            DeclarationView(html: html, lang: lang, toc: toc, commitments: commitments))
    }

    func frameworkPage() -> PageContext<FrameworkView> {
        let groups = groupViews(withMeasures: true)
        return context(
            layout(title: l[.pageFramework], description: l[.frameworkDescription], translated: true),
            FrameworkView(
                roof: groups.filter { $0.kind == GroupKind.roof.rawValue },
                pillars: groups.filter { $0.kind == GroupKind.pillars.rawValue },
                foundation: groups.filter { $0.kind == GroupKind.foundation.rawValue },
                groups: groups,
                counts: l.format(
                    .frameworkCounts,
                    [
                        "areas": l.integer(framework.focusAreas.count), "features": l.integer(framework.keyFeatures.count),
                        "measures": l.integer(framework.measures.count),
                    ]),
                aboutHref: model.pages["key-features"] != nil ? href(.page("key-features")) : nil, house: houseDiagram()))
    }

    func focusArea(_ id: String) -> PageContext<FocusAreaView> {
        let areas = framework.focusAreas
        let position = areas.firstIndex { $0.id == id }!
        let area = areas[position]
        let group = group(of: area)
        let title = l.format(.focusAreaTitle, ["id": area.id, "name": l.text(area.name)])
        // The heading without its number ("4. Promoting …"): the link text names the commitment's number already.
        let heading = renderedPage("declaration")?.markdown.headings.first { $0.id == "commitment-\(area.commitment)" }?.text ?? ""
        let commitmentTitle = String(heading.drop { $0.isNumber }.drop { ".、． ".contains($0) })
        let commitment = commitmentTitle.isEmpty
            ? l.format(.commitmentLink, ["number": String(area.commitment)])
            : l.format(.commitmentLinkTitled, ["number": String(area.commitment), "title": commitmentTitle])
        return context(
            layout(
                title: title, description: l.text(group?.name),
                breadcrumbs: [Link(label: l[.pageFramework], href: href(.framework))], current: .framework,
                showsData: true, translated: true),
            FocusAreaView(
                id: area.id, group: group?.kind.rawValue ?? "", groupName: l.text(group?.name),
                commitment: commitment,
                commitmentHref: href(.declaration, fragment: "commitment-\(area.commitment)"),
                keyFeatures: area.keyFeatures.map { keyFeatureView($0, withNetwork: true) },
                previous: position > 0
                    ? Link(label: focusAreaLabel(areas[position - 1]), href: href(.focusArea(areas[position - 1].id))) : nil,
                next: position + 1 < areas.count
                    ? Link(label: focusAreaLabel(areas[position + 1]), href: href(.focusArea(areas[position + 1].id))) : nil))
    }
}
