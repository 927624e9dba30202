import LCityContent
/// A link as templates need it.
public struct Link: Sendable, Encodable {
    public var label: String
    public var href: String
    /// Marks the current page in navigation (`aria-current`).
    public var current: Bool = false
    /// Language of the label when it is not the page's.
    public var lang: String? = nil
}

/// An alternate-language version of the page (`<link rel="alternate" hreflang>`).
public struct AlternateView: Sendable, Encodable {
    public var hreflang: String
    public var href: String
}

/// One entry of the language switch.
public struct LanguageView: Sendable, Encodable {
    public var label: String
    public var lang: String
    public var href: String
    public var current: Bool
}

/// The parts every page shares: head metadata, header, navigation, breadcrumbs, footer.
public struct LayoutView: Sendable, Encodable {
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
    public var breadcrumbs: [Link]
    /// The home page of the page's language (the chooser for language-neutral pages).
    public var homeHref: String
    /// The search box of the header; nil on the language-neutral pages.
    public var search: SearchBoxView?
    /// The footer's source and licence credit.
    /// The source line around the source's title (which the layout sets in `<cite>`), punctuated in the
    /// page's language: "Source: " … ", UNESCO Institute …, 2015. ", or "来源：《" … "》，…，2015年。".
    public var sourceBefore: String
    public var sourceTitle: String
    public var sourceAfter: String
    public var licence: String
    public var licenceURL: String
    public var aboutHref: String
    /// Shown on pages with city data.
    public var disclaimer: String?
    /// "Every city on this site is a fictional example …", while that is true.
    public var allIllustrative: String?
    /// Shown on pages whose English texts are unofficial translations.
    public var translationNotice: String?
    /// Shown in partially translated languages: untranslated text appears in another language.
    public var partialNotice: String?
    /// Schema.org metadata (JSON-LD) for the head, already encoded (`/` escaped, so no `</script>` can occur).
    public var jsonLD: String? = nil
}

/// The header's search box: a form that goes to the search page, which `assets/search.js` turns into a combobox
/// reading the language's index.
public struct SearchBoxView: Sendable, Encodable {
    /// The search page (the form's action).
    public var action: String
    /// The folder of the language's index files (`search/index.json` …), relative to the page.
    public var index: String
    /// The site root relative to the page: the index's paths are below it.
    public var root: String
    public var script: String
}

/// A page as its template sees it: `layout`, the part every page shares, and `page`, the page's own view. The UI
/// strings (`{{t.key}}`) are given to the renderer beside it, the same for every page of a language.
public struct PageContext<Page: Encodable & Sendable>: Sendable, Encodable {
    public var layout: LayoutView
    public var page: Page
}
