/// What did not load in the files every city depends on, so that the problems it causes in city files can be told as
/// its consequences rather than one by one.
public struct LoadFailures: Sendable, Hashable {
    /// Measures whose id was read but that did not load, each with the location of the error that kept it out.
    public var measures: [String: SourceLocation] = [:]
    /// Units whose id was read but that did not load, each with the location of the error that kept it out.
    public var units: [String: SourceLocation] = [:]
    /// The first error of `framework.yaml` when the framework did not load at all.
    public var framework: SourceLocation?
    /// The first error of `countries.yaml` when the countries did not load.
    public var geography: SourceLocation?

    public init() {}

    /// What an unknown measure id in a city file follows from, if anything.
    public func cause(ofUnknownMeasure id: String) -> SourceLocation? {
        measures[id] ?? framework
    }
}

/// Measures and units a reader saw that did not load, filled while the framework is read.
final class FailedParts {
    var measures: [String: SourceLocation] = [:]
    var units: [String: SourceLocation] = [:]
}

extension YAMLReader {
    /// Records that the measures `ids` did not load, because of the first error reported since `start` (an index of
    /// the sink's diagnostics).
    func noteFailure(of ids: [String], since start: Int) {
        guard let error = firstError(since: start) else { return }
        for id in ids where failedParts.measures[id] == nil { failedParts.measures[id] = error }
    }

    /// Records that the unit `id` did not load, because of the first error reported since `start`.
    func noteFailure(ofUnit id: String, since start: Int) {
        guard let error = firstError(since: start), failedParts.units[id] == nil else { return }
        failedParts.units[id] = error
    }

    private func firstError(since start: Int) -> SourceLocation? {
        sink.diagnostics[start...].first(where: { $0.severity == .error })?.location
    }
}
