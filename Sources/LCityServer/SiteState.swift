import Foundation
import Synchronization
import LCityContent
import LCityPages
import LCityBuild

/// What the server shows right now: the last good site, and the problems of the current content if any.
struct Snapshot: Sendable {
    /// The site's files as built (the session's, shared).
    var files: [String: Data]
    /// The same files ready to be sent.
    var served = ServedSite()
    let diagnostics: [Diagnostic]
    var version: Int
    /// Whether `diagnostics` hold an error (counted once, not at every request).
    let hasErrors: Bool

    init(files: [String: Data], served: ServedSite = ServedSite(), diagnostics: [Diagnostic], version: Int) {
        self.files = files
        self.served = served
        self.diagnostics = diagnostics
        self.version = version
        hasErrors = diagnostics.errorCount > 0
    }
}

/// Owns the in-memory site and rebuilds it; publishes immutable snapshots for the request handlers.
actor SiteState {
    private let session: SiteSession
    private(set) var snapshot: Snapshot

    init(root: URL, options: Pipeline.BuildOptions) {
        session = SiteSession(root: root, options: options)
        snapshot = Snapshot(files: [:], diagnostics: [], version: 0)
    }

    /// The first, full build.
    func buildAll() -> SiteSession.Report {
        publish(session.rebuildAll())
    }

    /// A rebuild after `paths` changed.
    func rebuild(changed paths: [String]) -> SiteSession.Report {
        publish(session.rebuild(changed: paths))
    }

    /// Whether the downloads' workbook and archive wait to be made again (`SiteSession.completeBundles`).
    var bundlesPending: Bool { session.bundlesPending }

    /// Makes the downloads' workbook and archive if they are pending and no rebuild was published since the snapshot
    /// `version`; returns whether it did.
    func completeBundles(ifStill version: Int) -> Bool {
        guard snapshot.version == version, session.bundlesPending else { return false }
        publish(session.completeBundles())
        return true
    }

    /// Makes the session's site the snapshot; only the files the rebuild changed are made ready to send again.
    @discardableResult
    private func publish(_ report: SiteSession.Report) -> SiteSession.Report {
        var served = snapshot.served
        served.update(report.changedPaths, from: session.files)
        snapshot = Snapshot(
            files: session.files, served: served, diagnostics: session.diagnostics, version: snapshot.version + 1)
        return report
    }
}

/// The latest snapshot, readable from any request without waiting for a rebuild in progress.
final class SnapshotBox: Sendable {
    private let value = Mutex(Snapshot(files: [:], diagnostics: [], version: 0))

    func get() -> Snapshot { value.withLock { $0 } }

    func set(_ snapshot: Snapshot) { value.withLock { $0 = snapshot } }
}
