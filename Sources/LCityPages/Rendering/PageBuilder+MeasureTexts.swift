import LCityContent
import LCitySVG

/// What every page says the same about one measure in one language — its name, key feature, source type, the
/// network's distribution — made once per build by `PageBuilder`, where each of the thousands of city profiles
/// would otherwise format the same sentences again. A class: each of a profile's sixty rows uses it, and copying
/// a dozen texts for each would cost more than the texts themselves.
final class MeasureTexts: Sendable {
    let name: String
    /// "1.1.1 Key feature name".
    let keyFeature: String
    let sourceType: String
    /// The path of the measure's indicator page below the site root.
    let indicatorPath: String
    let unit: MeasureUnit?
    let breakdown: Breakdown?
    /// The network's distribution: one line, or one per category for breakdowns without a total.
    let network: [String]
    /// The range strip's sentence about the network, when the measure has a headline distribution.
    let stripDescription: String?
    /// What every city's range strip of the measure shares.
    let strip: RangeStrip.Frame?
    /// Names of the rating levels 1…5.
    let ratingLevels: [String]
    /// What every city's rating scale of the measure shares (ratings).
    let ratingScale: RatingScaleChart.Frame?

    init(
        name: String, keyFeature: String, sourceType: String, indicatorPath: String, unit: MeasureUnit?,
        breakdown: Breakdown?, network: [String], stripDescription: String?, strip: RangeStrip.Frame?,
        ratingLevels: [String], ratingScale: RatingScaleChart.Frame?
    ) {
        self.name = name
        self.keyFeature = keyFeature
        self.sourceType = sourceType
        self.indicatorPath = indicatorPath
        self.unit = unit
        self.breakdown = breakdown
        self.network = network
        self.stripDescription = stripDescription
        self.strip = strip
        self.ratingLevels = ratingLevels
        self.ratingScale = ratingScale
    }
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
                entry.distribution.map { l.labelled(l.text(category.name), networkSummary($0, measure)) }
            }
        }
        if network.isEmpty { network = [l[.noValue]] }
        var stripDescription: String?
        var strip: RangeStrip.Frame?
        if let distribution = statistics?.headline {
            strip = RangeStrip.Frame(
                id: "chart-\(measure.id)-strip", minimum: distribution.minimum, median: distribution.median,
                maximum: distribution.maximum,
                axisMaximum: NiceScale(covering: distribution.maximum, targetTicks: 4, limit: axisLimit(measure)).maximum)
            stripDescription = l.format(.chartStripDesc, [
                "min": formatValueWithUnit(distribution.minimum, measure),
                "max": formatValueWithUnit(distribution.maximum, measure),
                "median": formatMedian(distribution.median, measure), "count": l.integer(distribution.count),
            ])
        }
        let feature = focusArea(of: measure)?.1
        let levels = ratingLevelNames()
        return MeasureTexts(
            name: l.text(measure.name), keyFeature: feature.map { "\($0.id) \(l.text($0.name))" } ?? "",
            sourceType: l.sourceType(measure.source), indicatorPath: Route.path(.indicator(measure.id), language: language),
            unit: unit, breakdown: breakdown, network: network,
            stripDescription: stripDescription, strip: strip, ratingLevels: levels,
            ratingScale: unit?.kind == .rating ? RatingScaleChart.Frame(id: "chart-\(measure.id)-rating", levels: levels) : nil)
    }
}
