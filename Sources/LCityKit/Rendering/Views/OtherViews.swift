public struct MarkdownPageView: Sendable {
    public var html: String
    public var toc: [TOCEntryView]
    public var hasTOC: Bool
}

public struct NotFoundView: Sendable {
    public var messages: [NotFoundMessageView]
}

public struct NotFoundMessageView: Sendable {
    public var lang: String
    public var title: String
    public var text: String
    public var homeLabel: String
    public var homeHref: String
}

public struct ChooserView: Sendable {
    public var languages: [ChooserLanguageView]
}

public struct ChooserLanguageView: Sendable {
    public var lang: String
    public var title: String
    public var tagline: String
    public var label: String
    public var href: String
}
