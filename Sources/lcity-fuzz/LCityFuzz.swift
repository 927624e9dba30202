import Foundation
import LCityFuzzing

#if FUZZING
    import CLibFuzzer
#endif

/// `lcity-fuzz`: the fuzzing targets of `LCityFuzzing` as one program, in two builds.
///
/// - Built with `-DFUZZING -sanitize=fuzzer,address` (`scripts/fuzz`), it is a libFuzzer binary: the target is named
///   by `LCITY_FUZZ_TARGET` (libFuzzer owns the command line and runs itself again for `-minimize_crash`, `-merge`
///   and `-fork`; the environment goes along), the arguments are libFuzzer's.
/// - Built normally, it replays files through a target: `lcity-fuzz <target> <file|folder>…`, to reproduce a finding
///   without the sanitizer, or under a debugger.
///
/// The content the inputs are read against is the site in the current folder. SwiftPM links an executable's entry
/// point under another name and points `main` at it, also in the fuzzing build, so this `main` runs there too and
/// hands over to libFuzzer's driver.
@main
enum LCityFuzz {
    static func main() {
        #if FUZZING
            runFuzzer()
        #else
            replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    static let usage = """
        usage: lcity-fuzz <target> <file|folder>…   replays inputs through a target
               LCITY_FUZZ_TARGET=<target> lcity-fuzz [libFuzzer flags] [corpus…]   (the build of scripts/fuzz)
        targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))
        """

    /// The harness of `name`, loaded from the site in the current folder; exits with the usage or the loading
    /// problem when there is none.
    static func harness(named name: String?) -> FuzzHarness {
        guard let name, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("lcity-fuzz: no such target: \(name ?? "(none)")\n\(usage)\n".utf8))
            exit(2)
        }
        do {
            return try FuzzHarness(target: target, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch {
            FileHandle.standardError.write(Data("lcity-fuzz: \(error)\n".utf8))
            exit(2)
        }
    }

    #if FUZZING
        /// Loads the target's harness, then runs libFuzzer's driver on the command line as given.
        static func runFuzzer() -> Never {
            _ = fuzzedHarness
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        }
    #else
        /// Runs every file given (the files of a folder given, sorted) through the target, printing what each came to.
        static func replay(_ arguments: [String]) {
            guard let name = arguments.first, arguments.count >= 2 else {
                FileHandle.standardError.write(Data("\(usage)\n".utf8))
                exit(2)
            }
            let harness = harness(named: name)
            var count = 0
            for path in arguments.dropFirst() {
                for file in files(at: path) {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        FileHandle.standardError.write(Data("lcity-fuzz: cannot read \(file)\n".utf8))
                        exit(1)
                    }
                    let outcome = harness.run(data)
                    print(
                        "\(file): \(outcome.loaded ? "loaded" : "not loaded"), \(outcome.errors) errors,"
                            + " \(outcome.warnings) warnings, \(outcome.outputBytes) bytes of HTML, \(outcome.changes) changes")
                    count += 1
                }
            }
            print("\(count) inputs replayed through \(name) without a crash")
        }

        /// `path` itself, or the regular files of the folder `path`, sorted.
        static func files(at path: String) -> [String] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                return [path]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.sorted().map { "\(path)/\($0)" }.filter { file in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
            }
        }
    #endif
}

#if FUZZING
    /// The harness of the target `LCITY_FUZZ_TARGET` names, made on first use: the fuzzer's callback is a C function
    /// and captures nothing.
    let fuzzedHarness = LCityFuzz.harness(named: ProcessInfo.processInfo.environment["LCITY_FUZZ_TARGET"])

    /// libFuzzer's entry point: one input through the harness. Also what libFuzzer's own `main` (linked in by
    /// `-sanitize=fuzzer`) would call.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        _ = fuzzedHarness.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
#endif
