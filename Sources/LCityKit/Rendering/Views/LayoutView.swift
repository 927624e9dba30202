/// A link as templates need it.
public struct Link: Sendable {
    public var label: String
    public var href: String
    /// Marks the current page in navigation (`aria-current`).
    public var current: Bool = false
    /// Language of the label when it is not the page's.
    public var lang: String? = nil
}

/// An alternate-language version of the page (`<link rel="alternate" hreflang>`).
public struct AlternateView: Sendable {
    public var hreflang: String
    public var href: String
}

/// One entry of the language switch.
public struct LanguageView: Sendable {
    public var label: String
    public var lang: String
    public var href: String
    public var current: Bool
}

/// The parts every page shares: head metadata, header, navigation, breadcrumbs, footer.
public struct LayoutView: Sendable {
    public var lang: String
    public var dir: String
    /// Relative path to the site root (`../../`).
    public var root: String
    /// The page title (h1).
    public var title: String
    /// `<title>`: page title — site title.
    public var documentTitle: String
    public var description: String
    public var siteTitle: String
    public var canonical: String
    public var ogLocale: String
    public var ogType: String
    public var alternates: [AlternateView]
    public var languages: [LanguageView]
    public var nav: [Link]
    public var hasNav: Bool
    public var breadcrumbs: [Link]
    public var hasBreadcrumbs: Bool
    /// The home page of the page's language (the chooser for language-neutral pages).
    public var homeHref: String
    /// The footer's source and licence credit.
    public var sourceTitle: String
    public var sourcePublisher: String
    public var sourceYear: String
    public var licence: String
    public var licenceURL: String
    public var aboutHref: String
    /// Shown on pages with city data.
    public var disclaimer: String?
    /// Shown on pages whose English texts are unofficial translations.
    public var translationNotice: String?
    /// Shown in partially translated languages: untranslated text appears in another language.
    public var partialNotice: String?
}

/// A page's complete template context: the shared layout plus the page's own view.
public struct PageContext<Page: Sendable>: Sendable {
    public var layout: LayoutView
    public var page: Page
    /// UI strings of the page language (`{{t.key}}` anywhere in a template).
    public var t: [String: String]

    init(layout: LayoutView, page: Page, strings: [String: String]) {
        self.layout = layout
        self.page = page
        self.t = strings
    }
}
