import LCityContent

/// How to cite the data, in one language: title, publisher, release and its date, the site's address and the
/// data's licence, from `site.yaml` (`data:` and `release:`). Written once here and used wherever the citation is
/// shown — the downloads' README and workbook, and the pages' "How to cite".
///
/// Without `data:` the site's title and the source's publisher stand in, with no licence; without `release:` the
/// reference names no version or date.
public struct Citation: Sendable, Equatable {
    public var language: String
    /// The data's title (`data.title`).
    public var title: String
    public var publisher: String
    /// The release's version (`release.version`), if any.
    public var version: String?
    /// The release's date as the language writes it ("2026年11月30日", "November 30, 2026").
    public var date: String?
    /// The release's date as YYYY-MM-DD.
    public var isoDate: String?
    /// The site's address (`base_url`, or the `--base-url` given).
    public var url: String
    public var licence: String?
    public var licenceURL: String?
    /// The reference as one sentence: publisher, title, release and date, address.
    public var reference: String
    /// "The data are published under CC BY 4.0: https://…", or nil when no licence is stated.
    public var licenceText: String?
    /// The heading of the block ("How to cite").
    public var heading: String
    /// The parts as labelled fields, in order (title, publisher, release, date, address, licence), the absent ones
    /// left out: for a table or a list.
    public var fields: [(label: String, value: String)]

    /// The citation in `language`, from the model's settings and UI strings.
    public init(model: SiteModel, language: String) {
        self.init(model: model, l: model.localizer(language))
    }

    /// The citation in `l`'s language (the pages' localizer: no other is made).
    init(model: SiteModel, l: Localizer) {
        let language = l.language
        let fallbacks = model.config.fallbacks(for: language)
        let data = model.config.dataCitation
        let release = model.config.release
        self.language = language
        title = (data?.title ?? model.config.title).text(in: language, fallbacks: fallbacks)
        publisher = (data?.publisher ?? model.config.source.publisher).text(in: language, fallbacks: fallbacks)
        version = release?.version
        isoDate = release?.date
        date = release.map { l.date($0.date) }
        url = model.baseURL
        licence = data?.licence
        licenceURL = data?.licenceURL
        heading = l[.citeHeading]
        if let version, let date {
            reference = l.format(.citeReference, ["publisher": publisher, "title": title, "version": version, "date": date, "url": url])
        } else {
            reference = l.format(.citeReferenceUnreleased, ["publisher": publisher, "title": title, "url": url])
        }
        licenceText = data.map { l.format(.citeLicenceText, ["licence": $0.licence, "url": $0.licenceURL]) }
        var fields: [(String, String)] = [(l[.citeTitle], title), (l[.citePublisher], publisher)]
        if let version { fields.append((l[.citeRelease], version)) }
        if let date { fields.append((l[.citeDate], date)) }
        fields.append((l[.citeURL], url))
        if let data { fields.append((l[.citeLicence], l.format(.citeLicenceValue, ["licence": data.licence, "url": data.licenceURL]))) }
        self.fields = fields
    }

    public static func == (a: Citation, b: Citation) -> Bool {
        a.language == b.language && a.reference == b.reference && a.licenceText == b.licenceText
            && a.fields.elementsEqual(b.fields, by: { $0 == $1 })
    }
}

extension SiteModel {
    /// The UI strings and formatting of `language` (outside page rendering: downloads, citations).
    package func localizer(_ language: String) -> Localizer {
        let strings = content.strings[language] ?? Strings(language: language, values: [:], file: "", locations: [:])
        return strings.localizer(fallbacks: config.fallbacks(for: language))
    }
}
