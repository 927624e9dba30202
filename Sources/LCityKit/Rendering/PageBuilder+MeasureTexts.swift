import LCitySVG

/// What every page says the same about one measure in one language — its name, key feature, source type, the
/// network's distribution — made once per build by `PageBuilder`, where each of the thousands of city profiles
/// would otherwise format the same sentences again.
struct MeasureTexts: Sendable {
    var name: String
    /// "1.1.1 Key feature name".
    var keyFeature: String
    var sourceType: String
    var unit: MeasureUnit?
    var breakdown: Breakdown?
    /// The network's distribution: one line, or one per category for breakdowns without a total.
    var network: [String]
    /// The range strip's sentence about the network, when the measure has a headline distribution.
    var stripDescription: String?
    /// What every city's range strip of the measure shares.
    var strip: RangeStrip.Frame?
    /// Names of the rating levels 1…5.
    var ratingLevels: [String]
    /// What every city's rating scale of the measure shares (ratings).
    var ratingScale: RatingScaleChart.Frame?
}

extension PageScope {
    func measureTexts(_ measure: Measure) -> MeasureTexts {
        let unit = framework.unit(measure.unitID)
        let breakdown = measure.breakdownID.flatMap(framework.breakdown)
        let statistics = model.statistics[measure.id]
        var network: [String] = []
        if let headline = statistics?.headline {
            network = [networkSummary(headline, measure)]
        } else if let statistics, let breakdown {
            network = zip(breakdown.categories, statistics.categories).compactMap { category, entry in
                entry.distribution.map { "\(l.text(category.name)): \(networkSummary($0, measure))" }
            }
        }
        if network.isEmpty { network = [l["no_value"]] }
        var stripDescription: String?
        var strip: RangeStrip.Frame?
        if let distribution = statistics?.headline {
            strip = RangeStrip.Frame(
                id: "chart-\(measure.id)-strip", minimum: distribution.minimum, median: distribution.median,
                maximum: distribution.maximum,
                axisMaximum: NiceScale(covering: distribution.maximum, targetTicks: 4, limit: axisLimit(measure)).maximum)
            stripDescription = l.format("chart_strip_desc", [
                "min": formatValueWithUnit(distribution.minimum, measure),
                "max": formatValueWithUnit(distribution.maximum, measure),
                "median": formatMedian(distribution.median, measure), "count": l.integer(distribution.count),
            ])
        }
        let feature = focusArea(of: measure)?.1
        let levels = ratingLevelNames()
        return MeasureTexts(
            name: l.text(measure.name), keyFeature: feature.map { "\($0.id) \(l.text($0.name))" } ?? "",
            sourceType: l.sourceType(measure.source), unit: unit, breakdown: breakdown, network: network,
            stripDescription: stripDescription, strip: strip, ratingLevels: levels,
            ratingScale: unit?.kind == .rating ? RatingScaleChart.Frame(id: "chart-\(measure.id)-rating", levels: levels) : nil)
    }
}
