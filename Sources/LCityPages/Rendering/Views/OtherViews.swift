import LCityContent
public struct MarkdownPageView: Sendable, Encodable {
    public var html: String
    /// The language of `html` when it falls back from the page's.
    public var lang: String?
    public var toc: [TOCEntryView]
}

public struct NotFoundView: Sendable, Encodable {
    public var messages: [NotFoundMessageView]
}

public struct NotFoundMessageView: Sendable, Encodable {
    public var lang: String
    public var title: String
    public var text: String
    public var homeLabel: String
    public var homeHref: String
}

public struct ChooserView: Sendable, Encodable {
    public var languages: [ChooserLanguageView]
}

public struct ChooserLanguageView: Sendable, Encodable {
    public var lang: String
    public var title: String
    public var tagline: String
    public var label: String
    public var href: String
}

/// The search page: the form, the place where the script lists results, and the lists to browse without it.
public struct SearchView: Sendable, Encodable {
    public var intro: String
    public var noscript: String
    public var browse: [Link]
}
