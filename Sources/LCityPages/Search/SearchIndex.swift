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
/// - `t<N>-<M>.json`: for an initial listed in the manifest's `split` (one whose terms alone would make a shard
///   too large, such as "s" among ten thousand cities), its terms whose second character's code point is M modulo
///   its number of parts; a prefix of two characters may be split again (`t<N>-<M>-<K>.json`), and so on. The term
///   that is a split prefix itself is alone in `…-x.json`: a query of just that prefix matches that term only, since
///   the alternative, every term that begins with "s", is most of a megabyte.
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
    public static let chunkSize = 32
    /// The size a term shard is kept near: the terms are spread over shards by their first character, and the terms
    /// of an initial that alone passes it over parts by their second character.
    public static let shardTarget = 32_000

    public init(language: String, entries: [SearchEntry], kindNames: [String], strings: [String: String]) {
        self.language = language
        self.entries = entries
        self.kindNames = kindNames
        self.strings = strings
    }

    /// Every term of the index, sorted, with its postings: entry numbers, each with the best weight it is found by
    /// under that term and whether the term is one of its whole names.
    public func postings() -> [(term: String, postings: [Int])] {
        // Entries are read in order, so each term's list grows in entry order, and a second find of the same entry
        // under the same term is its last posting.
        var table: [String: [Int]] = [:]
        for (number, entry) in entries.enumerated() {
            for key in entry.keys {
                var terms = SearchText.terms(of: key.text).map { ($0, false) }
                if key.whole, let compact = SearchText.compact(key.text) { terms.append((compact, true)) }
                for (term, whole) in terms {
                    let posting = number * 8 + key.weight.rawValue | (whole ? 4 : 0)
                    table[term, default: []].append(posting)
                }
            }
        }
        return table.map { term, postings in
            var merged: [Int] = []
            merged.reserveCapacity(postings.count)
            for posting in postings {
                if let last = merged.last, last / 8 == posting / 8 {
                    merged[merged.count - 1] = last / 8 * 8 + max(last & 3, posting & 3) | ((last | posting) & 4)
                } else {
                    merged.append(posting)
                }
            }
            return (term, merged)
        }.sorted { $0.term.unicodeScalars.lexicographicallyPrecedes($1.term.unicodeScalars) }
    }

    /// The index as files below the language's search folder (`index.json`, `t<N>.json`, `t<N>-<M>.json`,
    /// `e<N>.json`).
    public func files() -> [(name: String, bytes: [UInt8])] {
        let terms = postings()
        // The size of a term's record, near enough to lay out the shards.
        func size(_ term: (term: String, postings: [Int])) -> Int { term.term.utf8.count + 8 + term.postings.count * 6 }
        let total = terms.reduce(0) { $0 + size($1) }
        var shardCount = 1
        while total / shardCount > Self.shardTarget { shardCount *= 2 }
        var layout = ShardLayout(shardCount: shardCount, target: Self.shardTarget)
        var byInitial: [Unicode.Scalar: [(term: String, postings: [Int])]] = [:]
        for term in terms { byInitial[term.term.unicodeScalars.first!, default: []].append(term) }
        for initial in byInitial.keys.sorted() {
            layout.place(byInitial[initial]!, prefix: [initial], file: "t\(Int(initial.value) % shardCount)", size: size)
        }
        // Every file a query may ask for exists, if empty.
        for shard in 0..<shardCount where layout.shards["t\(shard)"] == nil { layout.shards["t\(shard)"] = [] }
        let shards = layout.shards
        let splits = layout.splits
        var files: [(name: String, bytes: [UInt8])] = []
        let manifest = Manifest(
            version: 1, shards: shardCount,
            split: splits,
            chunk: Self.chunkSize, entries: entries.count, ngram: SearchText.ngram, kinds: kindNames, strings: strings)
        files.append(("index.json", Self.json(manifest)))
        for name in shards.keys.sorted() { files.append(("\(name).json", Self.json(shards[name]!))) }
        for start in stride(from: 0, to: entries.count, by: Self.chunkSize) {
            let chunk = entries[start..<min(entries.count, start + Self.chunkSize)].map(EntryRecord.init)
            files.append(("e\(start / Self.chunkSize).json", Self.json(chunk)))
        }
        return files
    }

    /// Where each term goes: terms sharing a prefix stay together unless they alone pass the target; then they are
    /// spread over parts by their next character (`split`), and so on.
    private struct ShardLayout {
        let shardCount: Int
        let target: Int
        var shards: [String: [TermRecord]] = [:]
        /// Split prefixes and their number of parts.
        var splits: [String: Int] = [:]

        mutating func place(
            _ terms: [(term: String, postings: [Int])], prefix: [Unicode.Scalar], file: String,
            size: ((term: String, postings: [Int])) -> Int
        ) {
            let bytes = terms.reduce(0) { $0 + size($1) }
            guard bytes > target, prefix.count < 4 else {
                shards[file, default: []] += terms.map { TermRecord(term: $0.term, postings: $0.postings) }
                return
            }
            var parts = 2
            while bytes / parts > target && parts < 64 { parts *= 2 }
            let key = String(String.UnicodeScalarView(prefix))
            splits[key] = parts
            // The term that is the prefix itself has a file of its own (`-x`), which a query of just the prefix
            // reads; the others go by their next character.
            shards[file + "-x"] = terms.filter { $0.term.unicodeScalars.count == prefix.count }
                .map { TermRecord(term: $0.term, postings: $0.postings) }
            var byNext: [Unicode.Scalar: [(term: String, postings: [Int])]] = [:]
            for term in terms where term.term.unicodeScalars.count > prefix.count {
                byNext[term.term.unicodeScalars.dropFirst(prefix.count).first!, default: []].append(term)
            }
            for next in byNext.keys.sorted() {
                let part = file + "-\(Int(next.value) % parts)"
                place(byNext[next]!, prefix: prefix + [next], file: part, size: size)
            }
            // Every part a query may ask for exists, if empty.
            for part in 0..<parts where shards[file + "-\(part)"] == nil { shards[file + "-\(part)"] = [] }
        }
    }

    private static func json(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data())
    }

    private struct Manifest: Encodable {
        var version: Int
        var shards: Int
        /// Initials split by their terms' second character, with the number of parts.
        var split: [String: Int]
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
