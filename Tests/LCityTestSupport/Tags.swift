import Foundation
import Testing

extension Tag {
    /// Suites that take minutes (whole synthetic networks rebuilt again and again). They run in `make test`;
    /// `LCITY_SKIP_SLOW=1 swift test` leaves them out while you work (see `runsSlowTests`).
    @Tag public static var slow: Self
}

/// Whether suites tagged `slow` run: unless `LCITY_SKIP_SLOW=1`. Give such a suite
/// `.tags(.slow), .enabled(if: runsSlowTests)`.
public let runsSlowTests = ProcessInfo.processInfo.environment["LCITY_SKIP_SLOW"] != "1"
