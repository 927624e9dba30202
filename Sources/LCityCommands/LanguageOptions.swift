import ArgumentParser
import Foundation
import LCityContent

extension MessageLanguage: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(code: argument)
    }
}

/// `--lang zh|en`: the language of the command's messages.
struct LanguageOptions: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: """
            Language of messages: zh or en (default: LC_ALL, LC_MESSAGES or LANG, else the site's default_language, \
            else en).
            """)
    var requested: MessageLanguage?

    /// The language to speak for the site at `root`.
    func language(root: URL) -> MessageLanguage {
        MessageLanguage.resolve(requested: requested, siteDefault: requested == nil ? Self.siteDefault(root: root) : nil)
    }

    /// The `default_language` of `content/site.yaml`, read from its text (the file may not load as a whole).
    static func siteDefault(root: URL) -> String? {
        let url = root.appendingPathComponent("content/site.yaml")
        guard let data = FileManager.default.contents(atPath: url.path), data.count < 1 << 20,
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("default_language:") {
            let value = line.dropFirst("default_language:".count).split(separator: "#").first ?? ""
            return value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\"'"))
        }
        return nil
    }
}
