import Foundation

/// LibreOffice Calc, run headless, as the program a coordinator opens the sheet in (installed by scripts/install-deps).
public enum LibreOffice {
    /// Converts `file` with a LibreOffice filter (`xlsx`, `csv:…`) into `folder`; returns the new file, `name` (in
    /// `folder/out`) where the filter names it otherwise (a sheet of a workbook exported as CSV: `<file>-<sheet>.csv`).
    public static func convert(
        _ file: URL, to filter: String, extension fileExtension: String, in folder: URL, name: String? = nil
    ) throws -> URL {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A profile of its own: a second LibreOffice running with the user's profile would make this one exit at once.
        process.arguments = [
            "libreoffice", "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", filter,
            "--outdir", folder.appendingPathComponent("out").path,
        ]
        // A CSV file is opened as UTF-8 with commas, as the import dialog offers for a file with a byte-order mark.
        if file.pathExtension == "csv" { process.arguments! += ["--infilter=CSV:44,34,76"] }
        process.arguments!.append(file.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = folder.appendingPathComponent("out").appendingPathComponent(
            name ?? file.deletingPathExtension().lastPathComponent + "." + fileExtension)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "libreoffice could not convert \(file.lastPathComponent) (is libreoffice-calc-nogui installed? scripts/install-deps installs it)"])
        }
        return output
    }
}
