import Foundation

/// What a search result is. The order of the cases is the order of results that match a query equally well.
public enum SearchKind: Int, CaseIterable, Sendable, Codable {
    case city, country, region, focusArea, keyFeature, measure, commitment, page
}

/// How much a matching text says about an entry: its name in the index's language counts most, then its other
/// names (other languages, pinyin, ids), then the text around it (a definition, a section's words).
public enum SearchWeight: Int, Comparable, Sendable {
    case context = 1
    case alias = 2
    case name = 3

    public static func < (a: SearchWeight, b: SearchWeight) -> Bool { a.rawValue < b.rawValue }
}

/// One thing a reader can find, in the index of one language, with the texts it is found by.
public struct SearchEntry: Sendable, Equatable {
    public var kind: SearchKind
    /// Shown as the result's link text.
    public var title: String
    /// The language of `title` when it is not the index's own (a name that falls back to another language).
    public var titleLanguage: String?
    /// Shown under the title: a city's country, a measure's focus area, a section's page.
    public var detail: String
    /// The language of `detail` when it is not the index's own.
    public var detailLanguage: String?
    /// The page below the site root, with its anchor (`zh/declaration/#commitment-3`).
    public var path: String
    /// The texts the entry is found by.
    public var keys: [Key]

    /// A text an entry is found by. The terms of a `whole` text written as one word (`SearchText.compact`) also
    /// find it, and a query equal to that word puts it first.
    public struct Key: Sendable, Equatable {
        public var text: String
        public var weight: SearchWeight
        public var whole: Bool

        public init(_ text: String, _ weight: SearchWeight, whole: Bool = true) {
            self.text = text
            self.weight = weight
            self.whole = whole
        }
    }

    public init(
        kind: SearchKind, title: String, titleLanguage: String? = nil, detail: String, detailLanguage: String? = nil,
        path: String, keys: [Key]
    ) {
        self.kind = kind
        self.title = title
        self.titleLanguage = titleLanguage
        self.detail = detail
        self.detailLanguage = detailLanguage
        self.path = path
        self.keys = keys
    }
}

/// The search index of one language: entries in a fixed order (kind, then the language's alphabetical order), and
/// every term that finds them. Written as static files (`files()`), in shards small enough that a query loads a
/// few tens of kilobytes whatever the size of the network:
///
/// - `index.json`: the number of shards and entries, the size of a chunk of entries, the kinds' names.
/// - `t<N>.json`: the terms whose first character's code point is N modulo the number of shards, each with its
///   postings (`entry × 8 + weight`, plus 4 when the term is the whole name written as one word).
/// - `e<N>.json`: entries `N × chunk` and on: kind, title, path, detail, and, when either is in another language
///   than the index's, the title's and the detail's languages ("" for the index's own).
///
/// Same entries, same bytes: terms are sorted, and the number of shards follows from the index's size.
public struct SearchIndex: Sendable {
    public var language: String
    public var entries: [SearchEntry]
    /// Names of the kinds, in `SearchKind` order, in this language.
    public var kindNames: [String]
    /// The script's messages in this language (`results`, `results_one`, `no_results`, `all_results`, `failed`),
    /// with `{count}` and `{query}` left for it to fill.
    public var strings: [String: String]

    /// Entries per chunk file.
    public static let chunkSize = 64
    /// The size a term shard is kept under when the index is split (terms that share a first character always
    /// share a shard, so one very common initial can exceed it).
    public static let shardTarget = 48_000

    public init(language: String, entries: [SearchEntry], kindNames: [String], strings: [String: String]) {
        self.language = language
        self.entries = entries
        self.kindNames = kindNames
        self.strings = strings
    }

    /// Every term of the index, sorted, with its postings: entry numbers, each with the best weight it is found by
    /// under that term and whether the term is one of its whole names.
    public func postings() -> [(term: String, postings: [Int])] {
        var table: [String: [Int: Int]] = [:]
        for (number, entry) in entries.enumerated() {
            for key in entry.keys {
                var terms = SearchText.terms(of: key.text).map { ($0, false) }
                if key.whole, let compact = SearchText.compact(key.text) { terms.append((compact, true)) }
                for (term, whole) in terms {
                    let flags = key.weight.rawValue | (whole ? 4 : 0)
                    let old = table[term, default: [:]][number] ?? 0
                    table[term, default: [:]][number] = max(old & 3, flags & 3) | ((old | flags) & 4)
                }
            }
        }
        return table.map { term, entries in
            (term, entries.keys.sorted().map { $0 * 8 + entries[$0]! })
        }.sorted { $0.term.unicodeScalars.lexicographicallyPrecedes($1.term.unicodeScalars) }
    }

    /// The index as files below the language's search folder (`index.json`, `t<N>.json`, `e<N>.json`).
    public func files() -> [(name: String, bytes: [UInt8])] {
        let terms = postings()
        // The size of a term's record, near enough to choose the number of shards.
        let total = terms.reduce(0) { $0 + $1.term.utf8.count + 8 + $1.postings.count * 6 }
        var shardCount = 1
        while total / shardCount > Self.shardTarget { shardCount *= 2 }
        var shards = [[TermRecord]](repeating: [], count: shardCount)
        for term in terms {
            shards[Int(term.term.unicodeScalars.first!.value) % shardCount].append(TermRecord(term: term.term, postings: term.postings))
        }
        var files: [(name: String, bytes: [UInt8])] = []
        let manifest = Manifest(
            version: 1, shards: shardCount, chunk: Self.chunkSize, entries: entries.count, ngram: SearchText.ngram,
            kinds: kindNames, strings: strings)
        files.append(("index.json", Self.json(manifest)))
        for (number, shard) in shards.enumerated() { files.append(("t\(number).json", Self.json(shard))) }
        for start in stride(from: 0, to: entries.count, by: Self.chunkSize) {
            let chunk = entries[start..<min(entries.count, start + Self.chunkSize)].map(EntryRecord.init)
            files.append(("e\(start / Self.chunkSize).json", Self.json(chunk)))
        }
        return files
    }

    private static func json(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data())
    }

    private struct Manifest: Encodable {
        var version: Int
        var shards: Int
        var chunk: Int
        var entries: Int
        var ngram: Int
        var kinds: [String]
        var strings: [String: String]
    }

    /// `["term",[postings]]`.
    private struct TermRecord: Encodable {
        var term: String
        var postings: [Int]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(term)
            try container.encode(postings)
        }
    }

    /// `[kind,"title","path","detail"]`, plus `"titleLang","detailLang"` when either is in another language.
    private struct EntryRecord: Encodable {
        var entry: SearchEntry

        init(_ entry: SearchEntry) { self.entry = entry }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(entry.kind.rawValue)
            try container.encode(entry.title)
            try container.encode(entry.path)
            try container.encode(entry.detail)
            if entry.titleLanguage != nil || entry.detailLanguage != nil {
                try container.encode(entry.titleLanguage ?? "")
                try container.encode(entry.detailLanguage ?? "")
            }
        }
    }
}
