import Foundation

/// The languages lcity-site's own messages (diagnostics, summaries, command output) are written in.
///
/// Content may be in more languages (the right-to-left demonstration adds Arabic); messages fall back to English
/// for a language they are not written in.
public enum MessageLanguage: String, Sendable, CaseIterable, Codable {
    case en
    case zh

    /// The message language for a language code or locale name (`zh`, `zh-Hans`, `zh_CN.UTF-8`, `en_GB`), or nil
    /// when the code names a language messages are not written in.
    public init?(code: String) {
        let language = code.lowercased().prefix { $0.isLetter }
        guard let match = MessageLanguage(rawValue: String(language)) else { return nil }
        self = match
    }

    /// The language named by the environment, as `gettext` reads it: `LC_ALL`, then `LC_MESSAGES`, then `LANG`
    /// (the first one set and not empty); nil when that names no language messages are written in (`C`, `POSIX`,
    /// `fr_FR`).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> MessageLanguage?
    {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return MessageLanguage(code: value)
        }
        return nil
    }

    /// The language to speak: the one asked for (`--lang`), else the environment's, else the site's default language
    /// when messages are written in it, else English.
    public static func resolve(requested: MessageLanguage?, siteDefault: String?) -> MessageLanguage {
        requested ?? fromEnvironment() ?? siteDefault.flatMap(MessageLanguage.init(code:)) ?? .en
    }
}

/// One message in every language lcity-site speaks.
///
/// Messages are made only in the message catalogue (the `Messages` files, one static function per message, both
/// languages side by side), so that a message cannot exist in one language only and every wording can be reviewed
/// in one place. Values from the content (ids, numbers, the user's text) are interpolated as they are.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// The English text.
    public let en: String
    /// The Chinese text.
    public let zh: String

    /// A message given in both languages. Use only in the catalogue.
    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// A text that reads the same in every language: an id, a number, a file name, a quotation of the content.
    public static func verbatim(_ text: String) -> Message {
        Message(en: text, zh: text)
    }

    /// The text in `language`.
    public func text(in language: MessageLanguage) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    /// The English text.
    public var description: String { en }
}
