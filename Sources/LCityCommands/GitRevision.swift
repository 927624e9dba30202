import ArgumentParser
import Foundation
import LCityContent

/// Reads the content of another revision of the site's git repository, for `diff --from REV`.
enum GitRevision {
    /// Extracts `content/` of `revision` (of the repository holding `repository`) into a new temporary folder, and
    /// returns that folder (holding `content/`); the caller removes it.
    static func checkOutContent(_ revision: String, repository: URL, language: MessageLanguage) throws -> URL {
        // A revision is never an option: `--output=…` given as a revision must not reach git as one.
        guard !revision.hasPrefix("-"),
            (try? run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: repository)) != nil
        else {
            printError(Message.commandError(.fromNotFound(revision)).text(in: language))
            throw ExitCode.failure
        }
        let prefix = try run(["rev-parse", "--show-prefix"], in: repository).trimmingCharacters(in: .whitespacesAndNewlines)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lcity-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = folder.appendingPathComponent("content.tar")
        do {
            _ = try run(
                ["archive", "--format=tar", "--prefix=content/", "--output=\(archive.path)", "\(revision):\(prefix)content"],
                in: repository)
            _ = try run(["-xf", archive.path, "-C", folder.path], in: folder, executable: "tar")
        } catch let failure as Failure {
            try? FileManager.default.removeItem(at: folder)
            printError(Message.commandError(.gitFailed(failure.output)).text(in: language))
            throw ExitCode.failure
        }
        return folder
    }

    struct Failure: Error {
        var output: String
    }

    /// Runs `git` (or `executable`) with `arguments` in `folder`; its standard output, or `Failure` with its errors.
    static func run(_ arguments: [String], in folder: URL, executable: String = "git") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.currentDirectoryURL = folder
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw Failure(output: "\(executable): \(error.localizedDescription)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(output: String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
