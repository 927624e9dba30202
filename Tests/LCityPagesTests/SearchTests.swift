import Foundation
import Testing

import LCityContent
@testable import LCityPages
import LCityUTF8
import LCityTestSupport

@Suite("Search: reading text")
struct SearchTextTests {
    @Test func foldsCaseDiacriticsWidthAndArabicLetterForms() {
        #expect(SearchText.fold("São Paulo") == "sao paulo")
        #expect(SearchText.fold("ÉCOLE Ünïon") == "ecole union")
        #expect(SearchText.fold("İstanbul") == "istanbul")
        #expect(SearchText.fold("ＡＢＣ１２３") == "abc123")
        #expect(SearchText.fold("qiáo lán shì") == "qiao lan shi")
        // Hamza forms become bare alef, alef maqsura yeh, teh marbuta heh; short vowels and tatweel go.
        #expect(SearchText.fold("أوزيران") == "اوزيران")
        #expect(SearchText.fold("مدرسة") == "مدرسه")
        #expect(SearchText.fold("مستشفى") == "مستشفي")
        #expect(SearchText.fold("عَرَبـــي") == "عربي")
    }

    @Test func splitsWordsIdsAndIdeographRuns() {
        let tokens = SearchText.tokens(SearchText.fold("1.1.1a Adult literacy (2.4). 桥岚市Qiaolan, l'éducation"))
        #expect(tokens.map(\.text) == ["1.1.1a", "adult", "literacy", "2.4", "桥岚市", "qiaolan", "l", "education"])
        #expect(tokens.map(\.isIdeographic) == [false, false, false, false, true, false, false, false])
        #expect(SearchText.tokens("end.").map(\.text) == ["end"])
        #expect(SearchText.tokens("").isEmpty)
    }

    @Test func ideographRunsGiveATermAtEveryPosition() {
        #expect(SearchText.terms(of: "桥岚市") == ["桥岚", "岚市", "市"])
        #expect(SearchText.terms(of: "圣卢塞尔纳") == ["圣卢", "卢塞", "塞尔", "尔纳", "纳"])
        #expect(SearchText.terms(of: "Santa Lucerna") == ["santa", "lucerna"])
    }

    @Test func arabicWordsAreAlsoFoundWithoutTheArticle() {
        #expect(SearchText.terms(of: "عين الثريا") == ["عين", "الثريا", "ثريا"])
        // Too short to carry the article.
        #expect(SearchText.terms(of: "الم") == ["الم"])
    }

    @Test func namesAreAlsoWrittenAsOneWord() {
        #expect(SearchText.compact("Santa Lucerna") == "santalucerna")
        #expect(SearchText.compact("qiáo lán shì") == "qiaolanshi")
        #expect(SearchText.compact("— ") == nil)
        #expect(SearchText.compact("Helping public and private organizations to become learning organizations") == nil)
    }

    @Test func pinyinOfTheShippedChineseNames() {
        let expected = [
            "桥岚市": "qiao lan shi", "凯西瓦": "kai xi wa", "乌齐兰": "wu qi lan", "圣卢塞尔纳": "sheng lu sai er na",
            "艾因苏拉亚": "ai yin su la ya", "林登富尔特": "lin deng fu er te", "森布拉尼": "sen bu la ni",
        ]
        for (name, reading) in expected {
            #expect(SearchText.pinyin(name).map(SearchText.fold) == reading, "\(name)")
        }
        #expect(SearchText.pinyin("Lindenfurt") == nil)
        // One reading per character: where it is the wrong one, a city file says `pinyin:`.
        #expect(SearchText.pinyin("长沙").map(SearchText.fold) == "zhang sha")
    }
}

@Suite("Search: the index")
struct SearchIndexTests {
    /// The page builder of the shipped site, after `edit` (a file below the site root, the text replaced and its
    /// replacement), if given.
    static func shippedBuilder(editing edit: (file: String, old: String, new: String)? = nil) throws -> PageBuilder {
        let site = try TestSite.shipped()
        defer { site.remove() }
        if let edit { try site.edit(edit.file, replacing: edit.old, with: edit.new) }
        let content = try #require(site.check().value)
        let templates = try #require(site.templates().value)
        return PageBuilder(model: SiteModel(content: content), fragments: Fragments(templates: templates))
    }

    /// An index's terms, for looking up.
    struct Terms {
        let index: SearchIndex
        let postings: [String: [Int]]

        init(_ index: SearchIndex) {
            self.index = index
            postings = Dictionary(uniqueKeysWithValues: index.postings().map { ($0.term, $0.postings) })
        }

        /// The entries found under `term` exactly, with their flags (`entry × 8 + weight (+4 whole)`).
        func entries(_ term: String) -> [(entry: SearchEntry, weight: Int, whole: Bool)] {
            (postings[term] ?? []).map { (index.entries[$0 / 8], $0 & 3, $0 & 4 != 0) }
        }
    }

    @Test func everyCityAndMeasureIsFoundByEachOfItsNamesInEveryLanguagesIndex() throws {
        let builder = try Self.shippedBuilder()
        let model = builder.model
        for language in model.languages {
            let index = Terms(builder.searchIndex(language: language))
            for city in model.cities {
                let path = Route.path(.city(city.slug), language: language)
                for name in city.name.texts {
                    let whole = try #require(SearchText.compact(name))
                    let found = index.entries(whole).filter { $0.entry.path == path }
                    #expect(found.count == 1 && found[0].whole, "\(language): \(city.slug) by \(name)")
                    for term in SearchText.terms(of: name) {
                        #expect(index.entries(term).contains { $0.entry.path == path }, "\(language): \(term)")
                    }
                }
                if let reading = city.name.translations["zh"].flatMap(SearchText.pinyin) {
                    let compact = try #require(SearchText.compact(reading))
                    #expect(index.entries(compact).contains { $0.entry.path == path && $0.weight == 2 })
                }
            }
            for measure in model.framework.measures {
                let path = Route.path(.indicator(measure.id), language: language)
                #expect(index.entries(measure.id).contains { $0.entry.path == path && $0.whole })
                for name in measure.name.texts {
                    for term in SearchText.terms(of: name) {
                        #expect(index.entries(term).contains { $0.entry.path == path }, "\(language): \(term)")
                    }
                }
            }
        }
    }

    @Test func entriesComeByKindThenInTheLanguagesOrder() throws {
        let builder = try Self.shippedBuilder()
        let zh = builder.searchIndex(language: "zh")
        #expect(zh.entries.map(\.kind.rawValue) == zh.entries.map(\.kind.rawValue).sorted())
        let cities = zh.entries.filter { $0.kind == .city }.map(\.title)
        // Pinyin order: ài, fú, jī, kǎi, kǎn, lín, qiáo, sēn, shèng, wū.
        #expect(cities == ["艾因苏拉亚", "弗恩黑文", "基林多罗", "凯西瓦", "坎波奥尔瓦柳", "林登富尔特", "桥岚市", "森布拉尼", "圣卢塞尔纳", "乌齐兰"])
        let kinds = Set(zh.entries.map(\.kind))
        #expect(kinds == Set(SearchKind.allCases))
        #expect(zh.entries.filter { $0.kind == .commitment }.map(\.path) == (1...12).map { "zh/declaration/#commitment-\($0)" })
        let feature = try #require(zh.entries.first { $0.kind == .keyFeature })
        #expect(feature.path == "zh/focus-areas/1.1/#key-feature-1.1.1")
        #expect(zh.kindNames.count == SearchKind.allCases.count && !zh.kindNames.contains(""))
    }

    @Test func fallbackTextsCarryTheirLanguageAndNoMarks() throws {
        let builder = try Self.shippedBuilder(
            editing: ("content/site.yaml", "languages: [zh, en]", "languages: [zh, en, ar]\npartial_languages: {ar: en}"))
        let ar = builder.searchIndex(language: "ar")
        let city = try #require(ar.entries.first { $0.path == "ar/cities/qiaolan/" })
        #expect(city.title == "Qiaolan" && city.titleLanguage == "en")
        for entry in ar.entries {
            #expect(!LanguageSpans.isMarked(entry.title) && !LanguageSpans.isMarked(entry.detail))
        }
        let zh = builder.searchIndex(language: "zh")
        #expect(zh.entries.allSatisfy { $0.titleLanguage == nil && $0.detailLanguage == nil })
    }

    @Test func aPinyinOverrideReplacesTheComputedReading() throws {
        let builder = try Self.shippedBuilder(
            editing: ("content/cities/qiaolan.yaml", "name: {zh: 桥岚市, en: Qiaolan}", "name: {zh: 长沙, en: Qiaolan}\npinyin: cháng shā"))
        let index = Terms(builder.searchIndex(language: "en"))
        #expect(index.entries("changsha").contains { $0.entry.path == "en/cities/qiaolan/" })
        #expect(index.entries("chang").contains { $0.entry.path == "en/cities/qiaolan/" })
        #expect(index.entries("zhangsha").isEmpty)
    }

    @Test func filesAreDeterministic() throws {
        let builder = try Self.shippedBuilder()
        let files = builder.searchIndex(language: "zh").files()
        let again = builder.searchIndex(language: "zh").files()
        #expect(files.map(\.name) == again.map(\.name))
        #expect(files.map(\.bytes) == again.map(\.bytes))
        let index = builder.searchIndex(language: "zh")
        #expect(files.filter { $0.name.hasPrefix("e") }.count == (index.entries.count + SearchIndex.chunkSize - 1) / SearchIndex.chunkSize)
        try Self.expectEveryTermWhereTheScriptLooks(index)
    }

    @Test func aLargeIndexIsShardedAndCommonPrefixesSplit() throws {
        // Four thousand names, most beginning with "sh" as pinyin does, and one "s" alone.
        let syllables = ["shan", "shi", "sheng", "shu", "sha", "an", "lin", "qiao", "zhou", "xi"]
        var entries: [SearchEntry] = []
        for number in 0..<4000 {
            let name = syllables[number % 5] + syllables[(number / 5) % 10] + syllables[(number / 50) % 10] + "\(number)"
            entries.append(SearchEntry(kind: .city, title: name, detail: "", path: "en/cities/c\(number)/", keys: [.init(name, .name)]))
        }
        entries.append(SearchEntry(kind: .city, title: "S", detail: "", path: "en/cities/s/", keys: [.init("S", .name)]))
        let index = SearchIndex(language: "en", entries: entries, kindNames: SearchKind.allCases.map { "\($0)" }, strings: [:])
        let split = try Self.expectEveryTermWhereTheScriptLooks(index)
        #expect(split["s"] != nil && split["sh"] != nil)
        let largest = index.files().filter { $0.name.hasPrefix("t") }.map(\.bytes.count).max() ?? 0
        #expect(largest < SearchIndex.shardTarget * 2, "largest shard \(largest) bytes")
    }

    /// Checks that each term of `index` is in the one file the script reads for it (`matchPart` in search.js: the
    /// shard of its first character, then a part per split prefix, `-x` for a split prefix itself), and no other;
    /// returns the split prefixes.
    @discardableResult
    static func expectEveryTermWhereTheScriptLooks(_ index: SearchIndex) throws -> [String: Int] {
        let files = index.files()
        let manifest = try #require(files.first { $0.name == "index.json" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(manifest.bytes)) as? [String: Any])
        let shards = try #require(object["shards"] as? Int)
        let split = try #require(object["split"] as? [String: Int])
        var placed: [String: String] = [:]
        for file in files where file.name.hasPrefix("t") {
            let records = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [[Any]])
            for record in records {
                let term = try #require(record[0] as? String)
                #expect(placed[term] == nil, "\(term) in two files")
                placed[term] = file.name
            }
        }
        for (term, _) in index.postings() {
            let scalars = Array(term.unicodeScalars)
            var name = "t\(Int(scalars[0].value) % shards)"
            var prefix = String(scalars[0])
            var next = 1
            while let parts = split[prefix] {
                if next >= scalars.count { name += "-x"; break }
                name += "-\(Int(scalars[next].value) % parts)"
                prefix.unicodeScalars.append(scalars[next])
                next += 1
            }
            #expect(placed[term] == name + ".json", "\(term): in \(placed[term] ?? "no file"), the script reads \(name).json")
            #expect(files.contains { $0.name == name + ".json" })
        }
        return split
    }
}
