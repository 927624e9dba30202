import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes the staging folders of builds in progress when the process is asked to stop — Ctrl-C (SIGINT), SIGTERM
/// (CI cancelling a job), SIGHUP (a closed terminal) — and then ends the process as the signal would have, so the
/// shell sees the usual status (130 for Ctrl-C).
///
/// The handlers are installed with the first folder remembered, at once (`signal(2)`: no moment in which a signal
/// would be lost), and stay: with no folder remembered a signal ends the process as it always would. The handler
/// itself only writes the signal's number into a pipe, which is all a signal handler may safely do; a thread of
/// its own reads it and does the removing. `kill -9` cannot be caught; `OutputWriter.begin` removes what it leaves.
final class InterruptCleanup: Sendable {
    static let shared = InterruptCleanup()

    /// The signals that stop a build and are caught.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private struct State {
        var folders: Set<String> = []
        var installed = false
        /// A signal arrived: the handler is removing the folders and will end the process.
        var stopping = false
    }

    private let state = Mutex(State())

    /// Removes `folder` when the process is interrupted, until `forget` is called.
    func remember(_ folder: String) {
        state.withLock { state in
            state.folders.insert(folder)
            guard !state.installed else { return }
            state.installed = true
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { return }
            _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
            interruptPipe = ends[1]
            let reader = ends[0]
            let thread = Thread { [self] in
                var number: UInt8 = 0
                while true {
                    let count = read(reader, &number, 1)
                    if count == 1 { break }
                    if count == 0 || errno != EINTR { return }
                }
                stop(on: Int32(number))
            }
            thread.name = "lcity-site interrupt cleanup"
            thread.start()
            for number in Self.signals { signal(number, forwardSignal) }
        }
    }

    /// No longer removes `folder` (it was swapped in or removed). While a signal is being handled this waits for
    /// the handler to end the process, so that a build failing because its folder vanished cannot exit first,
    /// with a status that hides the signal, or before the folder is gone.
    func forget(_ folder: String) {
        let stopping = state.withLock { state in
            state.folders.remove(folder)
            return state.stopping
        }
        while stopping { pause() }
    }

    /// Removes every remembered folder, then ends the process by `number`'s default action.
    private func stop(on number: Int32) {
        let folders = state.withLock { state in
            state.stopping = true
            return state.folders
        }
        for folder in folders.sorted() {
            // Renamed first, so that writers still running cannot add to the folder being removed; whatever they
            // create under the old name afterwards is removed by the next build.
            let doomed = folder + ".interrupted"
            if rename(folder, doomed) == 0 {
                try? FileManager.default.removeItem(atPath: doomed)
            } else {
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
        // This thread may have been started with signals blocked: unblocked here, the default action ends the
        // process; should it not, the status says which signal it was (128 + its number), as a shell would.
        signal(number, SIG_DFL)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, number)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        raise(number)
        _exit(128 + number)
    }
}

/// The pipe's writing end, for the signal handler; set once, before the handler is installed.
nonisolated(unsafe) private var interruptPipe: Int32 = -1

/// The signal handler: one `write(2)`, which is async-signal-safe.
private func forwardSignal(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(interruptPipe, &byte, 1)
}

/// The lock that keeps two builds from writing the same output: an exclusive `flock` on `.<name>.lock` next to the
/// output, which names the holding process. The system releases it when the process ends, however it ends.
final class OutputLock: Sendable {
    private let descriptor: Mutex<Int32>

    private init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    /// Takes the lock at `file` for `output`, or throws `OutputWriter.Busy` naming the process holding it.
    static func acquire(_ file: URL, for output: URL) throws -> OutputLock {
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputWriter.WriteError(path: file.path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.process(in: descriptor)
            close(descriptor)
            throw OutputWriter.Busy(path: output.path, process: holder)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return OutputLock(descriptor: descriptor)
    }

    /// The process number written in the lock file.
    private static func process(in descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Releases the lock (once; later calls do nothing).
    func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            _ = flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }
}
