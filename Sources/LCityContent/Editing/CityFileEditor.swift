import Foundation
import Yams

/// Changes a city file's text where its data changed and nowhere else: an unchanged observation, its comments and
/// its layout keep their bytes; a changed one is rewritten in place (`CityYAML` style); a new one is inserted in year
/// order, a new measure in framework order; a removed one leaves with the comments inside it.
///
/// Works on lines, located with the marks of Yams' node tree. The caller checks the result by loading it again.
public struct CityFileEditor {
    /// A measure's observations as they should be after the edit (empty: the measure leaves the file).
    public struct SeriesUpdate: Sendable {
        public var measureID: String
        /// The series as the file has it now, nil when the file does not report the measure.
        public var old: ObservationSeries?
        public var new: [Observation]

        public init(measureID: String, old: ObservationSeries?, new: [Observation]) {
            self.measureID = measureID
            self.old = old
            self.new = new
        }
    }

    /// A top-level field's new value, as YAML text (`CN`, `1860000`, `{zh: 岚江市, en: Lanjiang}`), or nil to remove it.
    public struct FieldUpdate: Sendable {
        public var key: String
        public var value: String?

        public init(key: String, value: String?) {
            self.key = key
            self.value = value
        }
    }

    /// Why the file cannot be edited in place.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The file's lines, each with its line end.
    private var lines: [String]
    private let root: Node.Mapping
    /// Replacements of line ranges of the original text, applied last to first.
    private var edits: [(range: Range<Int>, lines: [String])] = []
    /// Site languages in order, for texts; measures in framework order and each measure's categories, for placing.
    let languages: [String]
    let measureOrder: [String]
    let categoryOrder: [String: [String]]
    /// Top-level fields in the order a new field is placed in.
    static let fieldOrder = [
        "name", "pinyin", "illustrative", "country", "region", "population", "population_year", "coordinates", "joined",
        "website", "description", "observations",
    ]

    /// An editor of `text`, which must be a city file that loads (a mapping at the top).
    public init(text: String, languages: [String], measureOrder: [String], categoryOrder: [String: [String]]) throws {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        self.lines = lines
        switch try Parser(yaml: text, resolver: .basic, encoding: .utf8).singleRoot() {
        case .mapping(let root)?: self.root = root
        // Nothing but comments (a new file): an empty mapping.
        case nil, .scalar(Node.Scalar(""))?: self.root = Node.Mapping([])
        default: throw Failure(description: "the city file is not a mapping")
        }
        self.languages = languages
        self.measureOrder = measureOrder
        self.categoryOrder = categoryOrder
    }

    /// The edited text.
    public func text() -> String {
        var result = lines
        // Later ranges first, so that earlier ones keep their positions; an insertion (empty range) at the same line
        // as a replacement goes before it.
        for edit in edits.enumerated().sorted(by: {
            ($0.element.range.lowerBound, $0.element.range.isEmpty ? 0 : 1, $0.offset)
                > ($1.element.range.lowerBound, $1.element.range.isEmpty ? 0 : 1, $1.offset)
        }) {
            result.replaceSubrange(edit.element.range, with: edit.element.lines.map { $0 + "\n" })
        }
        if let last = result.last, !last.hasSuffix("\n") { result[result.count - 1] += "\n" }
        return result.joined()
    }

    // MARK: Top-level fields

    /// Sets or removes top-level fields. A plain scalar on its key's line is replaced where it stands, keeping
    /// the comment after it; other values are rewritten with their key.
    public mutating func update(_ fields: [FieldUpdate]) {
        for field in fields {
            if let index = topLevelIndex(field.key) {
                let (key, value) = root[index]
                let keyLine = key.mark!.line - 1
                if let newValue = field.value, case .scalar = value, let mark = value.mark, mark.line - 1 == keyLine,
                    let replaced = Self.replacingScalar(in: lines[keyLine], at: mark.column - 1, with: newValue)
                {
                    edits.append((keyLine..<keyLine + 1, [replaced]))
                } else {
                    let end = spanEnd(from: keyLine, limit: topLevelLimit(after: keyLine), indent: 0)
                    edits.append((keyLine..<end, field.value.map { ["\(field.key): \($0)"] } ?? []))
                }
            } else if let value = field.value {
                let line = insertionLine(forTopLevel: field.key)
                edits.append((line..<line, ["\(field.key): \(value)"]))
            }
        }
    }

    /// The line `text` would have with the scalar starting at `column` replaced by `value`, or nil when the scalar
    /// does not end on that line.
    static func replacingScalar(in line: String, at column: Int, with value: String) -> String? {
        let characters = Array(line)
        guard column < characters.count else { return nil }
        var end = column
        switch characters[column] {
        case "\"", "'":
            let quote = characters[column]
            end = column + 1
            while end < characters.count {
                if characters[end] == "\\" && quote == "\"" { end += 2; continue }
                if characters[end] == quote {
                    if quote == "'" && end + 1 < characters.count && characters[end + 1] == "'" { end += 2; continue }
                    break
                }
                end += 1
            }
            guard end < characters.count else { return nil }
            end += 1
        default:
            while end < characters.count, characters[end] != "\n", characters[end] != "\r\n" {
                if characters[end] == "#" && end > column && characters[end - 1].isWhitespace { break }
                end += 1
            }
            while end > column, characters[end - 1].isWhitespace { end -= 1 }
        }
        let rest = String(characters[end...]).trimmingCharacters(in: .newlines)
        return String(characters[..<column]) + value + rest
    }

    private func topLevelIndex(_ key: String) -> Node.Mapping.Index? {
        root.indices.first { index in
            if case .scalar(let scalar) = root[index].key { return scalar.string == key }
            return false
        }
    }

    /// The first line after `line` holding a top-level key, or the end of the file.
    private func topLevelLimit(after line: Int) -> Int {
        root.compactMap { $0.key.mark.map { $0.line - 1 } }.filter { $0 > line }.min() ?? lines.count
    }

    /// Where a missing top-level field goes: after the field before it in `fieldOrder` that the file has, else
    /// before the first one after it, else at the end.
    private func insertionLine(forTopLevel key: String) -> Int {
        let position = Self.fieldOrder.firstIndex(of: key) ?? Self.fieldOrder.count
        for previous in Self.fieldOrder[..<position].reversed() {
            if let index = topLevelIndex(previous), let line = root[index].key.mark.map({ $0.line - 1 }) {
                return spanEnd(from: line, limit: topLevelLimit(after: line), indent: 0)
            }
        }
        for next in Self.fieldOrder[position...].dropFirst() {
            if let index = topLevelIndex(next), let line = root[index].key.mark.map({ $0.line - 1 }) { return line }
        }
        return lines.count
    }

    // MARK: Observations

    /// Makes each measure's observations those of its update.
    public mutating func update(_ updates: [SeriesUpdate]) throws {
        let observationsIndex = topLevelIndex("observations")
        var measures: Node.Mapping?
        var observationsLine = lines.count
        if let observationsIndex {
            let (key, value) = root[observationsIndex]
            observationsLine = key.mark!.line - 1
            if case .mapping(let mapping) = value, mapping.style != .flow || !mapping.isEmpty {
                guard mapping.style != .flow else {
                    throw Failure(description: "'observations' is written as a flow mapping ({…}); write it in block style")
                }
                measures = mapping
            }
        }
        let observationsEnd = topLevelLimit(after: observationsLine)
        // Measures in the file, in file order, with the line of their key and the line their entry ends before.
        var present: [(id: String, key: Node, value: Node, line: Int)] = []
        for (key, value) in measures ?? Node.Mapping([]) {
            guard case .scalar(let scalar) = key, let mark = key.mark else { continue }
            present.append((scalar.string, key, value, mark.line - 1))
        }
        func limit(after line: Int) -> Int {
            present.map(\.line).filter { $0 > line }.min() ?? observationsEnd
        }
        let measureIndent = present.first.map { $0.key.mark!.column - 1 } ?? 2
        var needsObservationsKey = measures == nil

        for update in updates {
            if let entry = present.first(where: { $0.id == update.measureID }) {
                let end = spanEnd(from: entry.line, limit: limit(after: entry.line), indent: measureIndent)
                if update.new.isEmpty {
                    edits.append((entry.line..<end, []))
                } else if !updateItems(of: entry.value, old: update.old, new: update.new, measureLine: entry.line, limit: limit(after: entry.line), measureIndent: measureIndent, measureID: update.measureID) {
                    edits.append((entry.line..<end, measureLines(update, indent: measureIndent)))
                }
            } else if !update.new.isEmpty {
                // After the nearest measure before it in framework order that the file has, else before the
                // nearest after it, else at the end of the observations.
                let position = measureOrder.firstIndex(of: update.measureID) ?? measureOrder.count
                let before = measureOrder[..<position].reversed().lazy.compactMap { id in present.first { $0.id == id } }.first
                let after = measureOrder[position...].dropFirst().lazy.compactMap { id in present.first { $0.id == id } }.first
                let line: Int
                if let before {
                    line = spanEnd(from: before.line, limit: limit(after: before.line), indent: measureIndent)
                } else if let after {
                    line = after.line
                } else if observationsIndex != nil {
                    line = spanEnd(from: observationsLine, limit: observationsEnd, indent: 0)
                } else {
                    line = lines.count
                }
                if needsObservationsKey {
                    // `observations:` with nothing after it (or `{}`), or no such key: write the key anew.
                    if observationsIndex != nil {
                        edits.append((observationsLine..<observationsLine + 1, ["observations:"]))
                    } else {
                        edits.append((lines.count..<lines.count, ["observations:"]))
                    }
                    needsObservationsKey = false
                }
                edits.append((line..<line, measureLines(update, indent: measureIndent)))
            }
        }
    }

    /// Edits the items of a measure's block sequence one by one; false when the sequence is not laid out so (a
    /// flow sequence, items not matching the loaded observations), and the caller rewrites the measure whole.
    private mutating func updateItems(
        of node: Node, old: ObservationSeries?, new: [Observation], measureLine: Int, limit: Int, measureIndent: Int,
        measureID: String
    ) -> Bool {
        guard case .sequence(let sequence) = node, sequence.style != .flow, let old,
            sequence.count == old.observations.count, !sequence.isEmpty
        else { return false }
        var starts: [Int] = []
        for item in sequence {
            guard let mark = item.mark else { return false }
            let line = mark.line - 1
            guard lines[line].drop(while: { $0 == " " }).first == "-" else { return false }
            starts.append(line)
        }
        let dashIndent = lines[starts[0]].prefix { $0 == " " }.count
        var ends: [Int] = []
        for index in starts.indices {
            let next = index + 1 < starts.count ? starts[index + 1] : limit
            ends.append(spanEnd(from: starts[index], limit: next, indent: dashIndent))
        }
        let order = categoryOrder[measureID] ?? []
        let newByYear = Dictionary(new.map { ($0.year.value, $0) }, uniquingKeysWith: { first, _ in first })
        let oldYears = Set(old.observations.map(\.year.value))
        for (index, observation) in old.observations.enumerated() {
            guard let replacement = newByYear[observation.year.value] else {
                edits.append((starts[index]..<ends[index], []))
                continue
            }
            if !replacement.hasSameData(asRegardlessOfOrder: observation) {
                edits.append(
                    (starts[index]..<ends[index],
                     CityYAML.observation(replacement, indent: dashIndent, categoryOrder: order, languages: languages)))
            }
        }
        for observation in new where !oldYears.contains(observation.year.value) {
            let year = observation.year.value
            let line =
                old.observations.indices.first { old.observations[$0].year.value > year }.map { starts[$0] }
                ?? ends[ends.count - 1]
            edits.append(
                (line..<line, CityYAML.observation(observation, indent: dashIndent, categoryOrder: order, languages: languages)))
        }
        return true
    }

    private func measureLines(_ update: SeriesUpdate, indent: Int) -> [String] {
        let key = String(repeating: " ", count: indent) + CityYAML.scalar(update.measureID) + ":"
        let order = categoryOrder[update.measureID] ?? []
        return [key]
            + update.new.flatMap {
                CityYAML.observation($0, indent: indent + 2, categoryOrder: order, languages: languages)
            }
    }

    /// The end (exclusive) of the entry starting at `start` and followed by `limit`: blank lines and comments at
    /// the entry's own indentation or less, just before `limit`, belong to what follows.
    private func spanEnd(from start: Int, limit: Int, indent: Int) -> Int {
        var end = min(limit, lines.count)
        while end - 1 > start {
            let line = lines[end - 1]
            let content = line.drop { $0 == " " }
            let isBlank = content.allSatisfy(\.isWhitespace)
            let isOuterComment = content.first == "#" && line.count - content.count <= indent
            guard isBlank || isOuterComment else { break }
            end -= 1
        }
        return end
    }
}

extension Observation {
    /// Whether two observations report the same data, with a breakdown's categories in any order.
    public func hasSameData(asRegardlessOfOrder other: Observation) -> Bool {
        guard year.value == other.year.value, flag?.value == other.flag?.value,
            source.map({ $0.translations }) == other.source.map({ $0.translations }),
            note.map({ $0.translations }) == other.note.map({ $0.translations })
        else { return false }
        switch (value, other.value) {
        case (.single(let a), .single(let b)): return a.value == b.value
        case (.breakdown(let a), .breakdown(let b)):
            let left = Dictionary(a.map { ($0.category.value, $0.value.value) }, uniquingKeysWith: { first, _ in first })
            let right = Dictionary(b.map { ($0.category.value, $0.value.value) }, uniquingKeysWith: { first, _ in first })
            return left == right && a.count == b.count
        case (.notAvailable, .notAvailable): return true
        default: return false
        }
    }
}
