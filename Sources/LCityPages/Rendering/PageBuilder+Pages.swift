import LCityContent
extension PageScope {
    func markdownPage(_ name: String) -> PageContext<MarkdownPageView> {
        let rendered = renderedPage(name)!
        let lang = fallbackLanguage(of: rendered)
        let toc = rendered.markdown.headings.filter { $0.level == 2 }.map {
            TOCEntryView(label: marked($0.text, lang), href: "#\($0.id)", sub: false)
        }
        return context(
            layout(
                title: marked(rendered.page.title, lang), description: rendered.page.description,
                translated: name != "about", ogType: "article"),
            MarkdownPageView(html: resolveRootMarkers(rendered.markdown.html), lang: lang, toc: toc.count > 2 ? toc : []))
    }

    /// Language-neutral 404 at the root shows every language; `<lang>/404.html` only its own.
    func notFound() -> PageContext<NotFoundView> {
        let languages = route.language.map { [$0] } ?? model.languages
        let messages = languages.map { language in
            let strings = builder.localizers[language]!
            return NotFoundMessageView(
                lang: language, title: strings[.pageNotFound], text: strings[.notFoundText],
                homeLabel: strings[.notFoundHome], homeHref: href(.home, language: language))
        }
        return context(
            layout(title: l[.pageNotFound], description: l[.notFoundText]),
            NotFoundView(messages: messages))
    }

    func chooser() -> PageContext<ChooserView> {
        let choices = model.languages.map { language in
            let strings = builder.localizers[language]!
            return ChooserLanguageView(
                lang: language, title: model.config.title.text(in: language),
                tagline: model.config.tagline?.text(in: language) ?? "",
                label: strings[.chooserEnter], href: href(.home, language: language))
        }
        return context(
            layout(title: l.text(model.config.title), description: l.text(model.config.tagline)),
            ChooserView(languages: choices))
    }
}
