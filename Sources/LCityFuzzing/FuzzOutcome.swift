/// What one input came to. Replays print it; tests check with it that the seeds go all the way through a target
/// rather than stopping early.
public struct FuzzOutcome: Sendable, Equatable {
    /// Whether the bytes got past decoding and parsing into a value: a city, a page, a release.
    public var loaded = false
    /// Errors among the diagnostics.
    public var errors = 0
    /// Warnings among the diagnostics.
    public var warnings = 0
    /// Bytes of the diagnostics as `check` prints them, in every message language.
    public var reportBytes = 0
    /// Bytes of HTML rendered (Markdown).
    public var outputBytes = 0
    /// Values that differ between the release read and the current cities (release CSV).
    public var changes = 0

    public init() {}
}
