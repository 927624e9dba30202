/// A new city file for a coordinator to fill in (`lcity-site new city <slug>`).
public enum CityTemplate {
    /// The YAML text of a new city file: identity fields to fill in and, for every measure, a commented
    /// block with its definition, unit and source type, ready to uncomment.
    public static func yaml(slug: String, content: LoadedContent, year: Int) -> String {
        let framework = content.framework
        let languages = content.config.languages
        func both(_ text: LocalizedText) -> String {
            languages.map { text.text(in: $0) }.uniqued().joined(separator: " / ")
        }
        func emptyText() -> String {
            "{" + languages.map { "\($0): \"\"" }.joined(separator: ", ") + "}"
        }
        var lines: [String] = [
            "# City data file for '\(slug)'. Fill in the fields, uncomment the measures you report, then run",
            "#   lcity-site check",
            "# The format is described in docs/content-format.md. Every value needs a year and a source.",
            "",
            "name: \(emptyText())  # the city's name in each language",
            "illustrative: false  # true marks fictional example data",
            "country: \"\"  # ISO 3166-1 alpha-2 code, e.g. CN, DE, KE",
            "region: \"\"  # \(content.geography.regions.map(\.id).joined(separator: " | "))",
            "population: 0  # residents",
            "population_year: \(year)",
            "joined: \(year)  # year the city joined the network",
            "# coordinates: {lat: 0.0, lon: 0.0}  # optional: degrees north and east",
            "# website: https://…  # optional",
            "# description:  # optional: a few sentences of Markdown per language",
        ]
        for language in languages {
            lines.append("#   \(language): |")
            lines.append("#     …")
        }
        lines.append("")
        lines.append("# Each measure takes a list of yearly observations:")
        lines.append("#   - year: \(year)")
        lines.append("#     value: 12.5            # or, for measures with a breakdown, values: {category: number, …}")
        lines.append("#     source: {\(languages.map { "\($0): …" }.joined(separator: ", "))}   # where the figure comes from")
        lines.append("#     flag: estimated        # optional: \(ObservationFlag.allCases.map(\.rawValue).joined(separator: " | "))")
        lines.append("#     note: {\(languages.map { "\($0): …" }.joined(separator: ", "))}     # optional")
        lines.append("# Write 'value: ~' when the figure is not available for that year; leave a measure out if not reported.")
        lines.append("observations:")
        for area in framework.focusAreas {
            lines.append("")
            lines.append("  # ── \(area.id) \(both(area.name))")
            for feature in area.keyFeatures {
                lines.append("  # \(feature.id) \(both(feature.name))")
                for measure in feature.measures {
                    let unit = framework.unit(measure.unitID)
                    var unitText = unit.map { both($0.name) } ?? measure.unitID
                    if let unit {
                        let range = measure.range(in: unit)
                        if unit.kind == .rating {
                            let scale = framework.ratingScale.sorted { $0.value < $1.value }
                                .map { "\($0.value) \(both($0.name))" }.joined(separator: ", ")
                            unitText += " — whole number: \(scale)"
                        } else if let maximum = range.maximum {
                            unitText += " (\(NumberText.plain(range.minimum))–\(NumberText.plain(maximum)))"
                        } else {
                            unitText += " (≥ \(NumberText.plain(range.minimum)))"
                        }
                    }
                    lines.append("  #")
                    lines.append("  # \(measure.id) \(both(measure.name))")
                    for language in languages {
                        lines.append("  #   \(measure.definition.text(in: language).singleLine)")
                    }
                    lines.append("  #   source type: \(measure.source.rawValue) · unit: \(unitText)")
                    lines.append("  # \(measure.id):")
                    lines.append("  #   - year: \(year)")
                    if let breakdown = measure.breakdownID.flatMap(framework.breakdown) {
                        let slots = breakdown.categories.map { "\($0.id): " }.joined(separator: ", ")
                        lines.append("  #     values: {\(slots)}")
                    } else {
                        lines.append("  #     value: ")
                    }
                    lines.append("  #     source: {\(languages.map { "\($0): " }.joined(separator: ", "))}")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The text with line breaks and runs of spaces folded into single spaces.
    var singleLine: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
