import Foundation
import Yams

/// Reads a composed YAML tree into model values, reporting every shape problem with its position.
///
/// Loading never throws for bad content: each problem becomes a diagnostic in `sink`, the reader returns
/// nil for the value, and loading goes on so that one run reports everything.
struct YAMLReader {
    /// The file path as shown in diagnostics.
    let file: String
    /// Where problems go.
    let sink: DiagnosticSink
    /// The site's languages, for localized texts.
    var languages: [String] = []
    /// Languages a localized text may leave out without a warning (partially translated languages).
    var optionalLanguages: [String] = []
    /// Equal texts of this file share one copy (a city names the same source on most of its observations).
    let texts = TextInterner()
    /// Measures and units of the framework that did not load.
    let failedParts = FailedParts()

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    // MARK: Documents

    /// Composes `text` into a node tree; a syntax error becomes a diagnostic with the parser's position.
    func compose(_ text: String) -> Node? {
        do {
            // The basic resolver tags every scalar `str`; `tagName` classifies plain scalars itself, without the
            // regular expressions of Yams' default resolver (most of the loading time on large networks).
            // The encoding is given: Yams' default reads the process environment at every parse.
            guard let root = try Parser(yaml: text, resolver: .basic, encoding: .utf8).singleRoot() else {
                sink.error(.fileEmpty, at: SourceLocation(file: file))
                return nil
            }
            // The file's text has no control character (`ContentFile`): a value can only hold one through an escape
            // (`\`), and the tree can only outgrow the text through an alias (`*`). Without either, nothing to walk.
            var budget = Self.maximumNodes
            let mayNeedWalk = text.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "*") }
            guard !mayNeedWalk || rejectControlCharacters(in: root, budget: &budget) else {
                sink.error(.tooManyNodes(Self.maximumNodes), at: SourceLocation(file: file), notes: [.writeOutAliases])
                return nil
            }
            return root
        } catch let error as YamlError {
            report(error, in: text)
            return nil
        } catch {
            sink.error(.cannotReadYAML("\(error)"), at: SourceLocation(file: file))
            return nil
        }
    }

    /// Most nodes a content file may have once YAML aliases are expanded: a 4 MB file written out has at most about
    /// a million, while a few lines of nested aliases (`*a` repeating `*b` repeating …) can stand for billions, which
    /// every later stage would walk.
    static let maximumNodes = 2_000_000

    /// Reports every scalar (key or value) holding a control character, which a file cannot contain as such but a
    /// double-quoted escape (`"\0"`, `"\x01"`) can produce. Returns false, having stopped, when the tree has more
    /// than `budget` nodes.
    private func rejectControlCharacters(in node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar(let scalar):
            if let control = TextPosition.firstControlCharacter(in: scalar.string, file: file) {
                sink.error(.controlCharacter(control.code), at: location(of: node), notes: [.removeControlCharacter])
            }
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard rejectControlCharacters(in: key, budget: &budget), rejectControlCharacters(in: value, budget: &budget)
                else { return false }
            }
        case .sequence(let sequence):
            for element in sequence where !rejectControlCharacters(in: element, budget: &budget) { return false }
        case .alias:
            break
        }
        return true
    }

    private func report(_ error: YamlError, in text: String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var notes: [Message] = []
            if let context { notes.append(.yamlContext(context.text, line: context.mark.line, column: context.mark.column)) }
            let lines = [context?.mark.line, mark.line].compactMap { $0 }
            sink.error(.yamlSyntaxError(problem), at: location(mark), notes: Self.slips(on: lines, in: text) + notes)
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams names the keys, not where they are: find each one's lines in the text.
            var notes: [Message] = []
            for key in duplicates.sorted() {
                let places = Self.keyPlaces(key, from: (context.mark.line, context.mark.column), in: text)
                if places.count >= 2 { notes.append(.keyWrittenAt(key, places: places)) }
            }
            sink.error(
                .duplicateKeysInMapping(duplicates), at: location(context.mark),
                notes: notes.isEmpty ? [.firstOfDuplicates] : notes)
        case let .reader(problem, offset, _, yaml):
            var at = SourceLocation(file: file)
            if let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) {
                at = TextPosition.location(of: index, in: yaml, file: file)
            }
            sink.error(.cannotReadFile(problem), at: at)
        default:
            sink.error(.cannotReadYAML("\(error)"), at: SourceLocation(file: file))
        }
    }

    // MARK: Shapes

    /// A name for the node's kind, for "expected …, found …" messages.
    func describe(_ node: Node) -> Message {
        switch node {
        case .mapping: return .aMapping
        case .sequence: return .aList
        case .alias: return .anAlias
        case .scalar(let scalar):
            if isNull(node) { return .nothingNull }
            switch tagName(node) {
            case .int, .float: return .theNumber(scalar.string)
            case .bool: return .theBoolean(scalar.string)
            default: return .theText(String(scalar.string.prefix(60)))
            }
        }
    }

    /// The resolved tag of a node (`str`, `int`, `float`, `bool`, `null` …), by the YAML 1.1 rules of Yams'
    /// default resolver for plain scalars; quoted scalars are text, explicit tags are kept.
    func tagName(_ node: Node) -> Tag.Name {
        switch node {
        case .scalar(let scalar):
            let explicit = Tag.Name(rawValue: scalar.tag.rawValue)
            guard explicit == .str || explicit == .implicit, scalar.style == .plain || scalar.style == .any else {
                return explicit
            }
            return PlainScalar.classify(scalar.string)
        case .mapping: return .map
        case .sequence: return .seq
        case .alias: return Tag.Name(rawValue: node.tag.rawValue)
        }
    }

    func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return tagName(node) == .null }
        return false
    }

    /// The entries of a mapping, or nil (with an error) when the node is something else.
    func mapping(_ node: Node, _ what: Message) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            sink.error(.mustBeMapping(what, found: describe(node)), at: location(of: node))
            return nil
        }
        var entries: [YAMLMapping.Entry] = []
        entries.reserveCapacity(mapping.count)
        // Most mappings have a handful of keys: a dictionary of the keys seen is made only for long ones.
        var seen: [String: SourceLocation]? = mapping.count > 16 ? [:] : nil
        // By index: the mapping's own iterator copies all its pairs first.
        for index in mapping.indices {
            let (keyNode, valueNode) = mapping[index]
            guard case .scalar(let key) = keyNode else {
                sink.error(.keysMustBeText(in: what, found: describe(keyNode)), at: location(of: keyNode))
                continue
            }
            let keyLocation = key.mark.map(location) ?? SourceLocation(file: file)
            let first = seen.map { $0[key.string] } ?? entries.first { $0.key.value == key.string }?.key.location
            if let first {
                sink.error(.duplicateKey(key.string, in: what), at: keyLocation, notes: [.firstWrittenAt(first)])
                continue
            }
            seen?[key.string] = keyLocation
            entries.append(.init(key: Located(key.string, at: keyLocation), value: valueNode))
        }
        return YAMLMapping(what: what, entries: entries, location: location(of: node), reader: self)
    }

    /// The items of a list, or nil (with an error) when the node is something else.
    func sequence(_ node: Node, _ what: Message) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            sink.error(.mustBeList(what, found: describe(node)), at: location(of: node))
            return nil
        }
        return Array(sequence)
    }

    // MARK: Scalars

    /// Plain text. Numbers and booleans are refused unless `coerceScalars`, which takes any scalar's text as written
    /// (ids such as `1.1`, or the country code `NO`, which YAML 1.1 reads as a boolean).
    func string(_ node: Node, _ what: Message, coerceScalars: Bool = false, allowEmpty: Bool = false) -> Located<String>? {
        let tag = tagName(node)
        if case .scalar(let scalar) = node, tag == .null, scalar.string.isEmpty {
            if allowEmpty { return Located("", at: location(of: node)) }
            sink.error(.mustNotBeEmpty(what), at: location(of: node))
            return nil
        }
        guard case .scalar(let scalar) = node, tag != .null else {
            sink.error(.mustBeText(what, found: describe(node)), at: location(of: node))
            return nil
        }
        if !coerceScalars && tag != Tag.Name.str {
            sink.error(
                .mustBeText(what, found: describe(node)), at: location(of: node), notes: [.quoteIfText])
            return nil
        }
        if !allowEmpty && scalar.string.allSatisfy(\.isWhitespace) {
            sink.error(.mustNotBeEmpty(what), at: location(of: node))
            return nil
        }
        return Located(scalar.string, at: location(of: node))
    }

    /// A whole number.
    func integer(_ node: Node, _ what: Message) -> Located<Int>? {
        guard case .scalar(let scalar) = node, tagName(node) == .int, let value = PlainScalar.integer(scalar.string) else {
            sink.error(.mustBeWholeNumber(what, found: describe(node)), at: location(of: node), notes: Self.numberSlips(node))
            return nil
        }
        return Located(value, at: location(of: node))
    }

    /// What a person likely typed wrong on `lines` (1-based) of `text`, said so that they can fix it: a tab in the
    /// indentation, a full-width colon from a Chinese input method, a colon without the space after it.
    static func slips(on lines: [Int], in text: String) -> [Message] {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        var hints: [Message] = []
        for number in Set(lines).sorted() where number >= 1 && number <= all.count {
            let line = all[number - 1]
            if let tab = line.prefix(while: { $0 == " " || $0 == "\t" }).firstIndex(of: "\t") {
                hints.append(.indentsWithTab(line: number, column: line.distance(from: line.startIndex, to: tab) + 1))
            }
            if let colon = unquotedColon(in: line) {
                hints.append(.quoteTextWithColon(line: number, key: colon.key, text: colon.text))
            }
            if line.contains("：") {
                let column = line.unicodeScalars.prefix { $0 != "：" }.count + 1
                hints.append(.fullWidthColon(line: number, column: column))
            }
        }
        return hints
    }

    /// Where `key` is written as a key of the mapping whose key stands at `mark` (line, column, 1-based): several
    /// times on its line in a flow mapping (`{year: 2021, value: 3, value: 4}`), or on the lines of a block mapping
    /// at the same indentation. Empty when the places cannot be told.
    static func keyPlaces(_ key: String, from mark: (line: Int, column: Int), in text: String) -> [(line: Int, column: Int)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count, mark.column >= 1 else { return [] }
        let spellings = [key + ":", "\"\(key)\":", "'\(key)':"]
        // A flow mapping: the key after `{` or `,` on the same line.
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        var places: [(line: Int, column: Int)] = []
        for index in scalars.indices {
            let before = scalars[..<index].last { $0 != " " }
            guard before == "{" || before == "," else { continue }
            let rest = String(String.UnicodeScalarView(scalars[index...]))
            if spellings.contains(where: { rest.hasPrefix($0) }) { places.append((mark.line, index + 1)) }
        }
        if places.count >= 2 { return places }
        // A block mapping: the key at the same indentation, until a line indented less.
        places = []
        let indent = mark.column - 1
        for number in mark.line...lines.count {
            let line = lines[number - 1]
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let lead = line.count - trimmed.count
            if number > mark.line && lead < indent { break }
            guard number == mark.line || lead == indent, line.unicodeScalars.count > indent else { continue }
            let rest = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(indent)))
            if spellings.contains(where: { rest.hasPrefix($0) }) { places.append((number, indent + 1)) }
        }
        return places.count >= 2 ? places : []
    }

    /// Text with a colon and a space inside a value that is not quoted (`en: Statistics Office: Yearbook 2023`,
    /// `note: Revised: see the yearbook`): YAML reads the colon as the start of a value. Returns the key and the text.
    static func unquotedColon(in line: Substring) -> (key: String, text: String)? {
        var body = line.drop { $0 == " " || $0 == "-" }
        var items: [Substring] = []
        if let open = body.firstIndex(of: "{") {
            body = body[body.index(after: open)...]
            if let close = body.lastIndex(of: "}") { body = body[..<close] }
            items = body.split(separator: ",")
        } else {
            items = [body]
        }
        for item in items {
            let entry = item.trimmingCharacters(in: .whitespaces)
            guard let separator = entry.range(of: ": ") else { continue }
            let key = entry[..<separator.lowerBound]
            let value = entry[separator.upperBound...].trimmingCharacters(in: .whitespaces)
            guard let first = value.first, !"\"'{[|>&*!#".contains(first), !key.contains(" ") || key.hasPrefix("\""),
                value.contains(": ")
            else { continue }
            return (String(key), value.hasSuffix("}") ? String(value.dropLast()) : value)
        }
        return nil
    }

    /// A finite number (whole or decimal).
    func number(_ node: Node, _ what: Message) -> Located<Double>? {
        let tag = tagName(node)
        if case .scalar(let scalar) = node, tag == .float, let value = PlainScalar.number(scalar.string), !value.isFinite {
            sink.error(.notAFiniteNumber(what, scalar.string), at: location(of: node), notes: [.writeNotAvailable])
            return nil
        }
        guard case .scalar(let scalar) = node, tag == .int || tag == .float,
            let value = PlainScalar.number(scalar.string), value.isFinite
        else {
            sink.error(.mustBeNumber(what, found: describe(node)), at: location(of: node), notes: Self.numberSlips(node))
            return nil
        }
        return Located(value, at: location(of: node))
    }

    /// How a number typed as people write it in documents should be written: without '%' (the measure gives the
    /// unit), with a decimal point, without thousands separators.
    static func numberSlips(_ node: Node) -> [Message] {
        guard case .scalar(let scalar) = node else { return [] }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%"), let value = PlainScalar.number(String(text.dropLast()).trimmingCharacters(in: .whitespaces)) {
            return [.numberWithoutPercent(NumberText.plain(value))]
        }
        if text.range(of: #"^-?\d{1,3}([, ]\d{3})+(\.\d+)?$"#, options: .regularExpression) != nil,
            let value = PlainScalar.number(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: ""))
        {
            return [.numberWithoutSeparators(NumberText.plain(value))]
        }
        if text.range(of: #"^-?\d+,\d+$"#, options: .regularExpression) != nil,
            let value = PlainScalar.number(text.replacingOccurrences(of: ",", with: "."))
        {
            return [.decimalPoint(NumberText.plain(value))]
        }
        return []
    }

    /// `true` or `false`.
    func boolean(_ node: Node, _ what: Message) -> Located<Bool>? {
        guard case .scalar(let scalar) = node, tagName(node) == .bool, let value = PlainScalar.boolean(scalar.string) else {
            sink.error(.mustBeBoolean(what, found: describe(node)), at: location(of: node))
            return nil
        }
        return Located(value, at: location(of: node))
    }

    /// A value from a fixed set, with "did you mean" for near misses.
    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: Message, as type: T.Type) -> Located<T>?
    where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = T(rawValue: text.value) { return Located(value, at: text.location) }
        let allowed = T.allCases.map(\.rawValue)
        sink.error(
            .notOneOf(what, text.value, allowed: allowed), at: text.location,
            notes: Suggestion.note(for: text.value, in: allowed))
        return nil
    }

    /// A text per language (`{zh: …, en: …}`) or one text for all languages.
    func localizedText(_ node: Node, _ what: Message, allowEmpty: Bool = false) -> LocalizedText? {
        if case .scalar = node {
            guard let text = string(node, what, coerceScalars: true, allowEmpty: allowEmpty) else { return nil }
            // Chinese only, on a site whose pages are also in a language its readers may not read.
            let unread = languages.filter { !$0.hasPrefix("zh") && !optionalLanguages.contains($0) }
            if languages.count > 1, !unread.isEmpty, Self.isChineseOnly(text.value) {
                sink.warning(
                    .onlyInChinese(what, missing: unread), at: text.location,
                    notes: [.writeEveryLanguage(example(languages.filter { $0.hasPrefix("zh") }.map { ($0, text.value) }))])
            }
            return LocalizedText(entries: texts.intern(text.value, in: languages), at: text.location)
        }
        guard let map = mapping(node, what) else { return nil }
        var translations: [String: String] = [:]
        var located: [String: Located<String>] = [:]
        for entry in map.entries {
            guard languages.isEmpty || languages.contains(entry.key.value) else {
                sink.error(
                    .unknownLanguage(entry.key.value, in: what, languages: languages),
                    at: entry.key.location, notes: Suggestion.note(for: entry.key.value, in: languages))
                continue
            }
            if let text = string(entry.value, .inLanguage(what, entry.key.value), coerceScalars: true, allowEmpty: allowEmpty) {
                translations[entry.key.value] = text.value
                located[entry.key.value] = text
            }
        }
        checkScripts(located, what)
        let missing = languages.filter { translations[$0] == nil && !optionalLanguages.contains($0) }
        if !missing.isEmpty && !translations.isEmpty {
            sink.warning(
                .missingTranslation(what, missing: missing), at: map.location,
                notes: [
                    .readersSeeInstead(translations.keys.sorted(), missing: missing),
                    .writeEveryLanguage(example(translations.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })),
                ])
        }
        return translations.isEmpty ? nil : LocalizedText(entries: texts.intern(translations), at: map.location)
    }
}

extension YAMLReader {
    /// Whether `text` has Chinese characters and no Latin letters.
    static func isChineseOnly(_ text: String) -> Bool {
        var han = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII && scalar.properties.isAlphabetic { return false }
            if (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) { han = true }
        }
        return han
    }

    /// `{zh: 市统计局, en: …}`: a text in every site language, with the texts given and `…` for the others.
    func example(_ given: [(language: String, text: String)]) -> String {
        let entries = languages.filter { !optionalLanguages.contains($0) }.map { language in
            "\(language): \(given.first { $0.language == language }?.text ?? "…")"
        }
        return "{\(entries.joined(separator: ", "))}"
    }
}

/// Hands out one shared copy of equal translations, so that a network of 10,000 cities keeps a few per city
/// rather than one per observation. Used by one reader, on one thread.
final class TextInterner {
    private var known: Set<[LocalizedText.Translation]> = []
    /// One text for all of `everyLanguageLanguages`, by text.
    private var everyLanguage: [String: [LocalizedText.Translation]] = [:]
    private var everyLanguageLanguages: [String] = []

    func intern(_ translations: [String: String]) -> [LocalizedText.Translation] {
        intern(LocalizedText.entries(translations))
    }

    private func intern(_ entries: [LocalizedText.Translation]) -> [LocalizedText.Translation] {
        if let existing = known.firstIndex(of: entries) { return known[existing] }
        known.insert(entries)
        return entries
    }

    /// `text` in each of `languages`.
    func intern(_ text: String, in languages: [String]) -> [LocalizedText.Translation] {
        if languages != everyLanguageLanguages {
            everyLanguage = [:]
            everyLanguageLanguages = languages
        }
        if let existing = everyLanguage[text] { return existing }
        let entries = intern(languages.sorted().map { LocalizedText.Translation(language: $0, text: text) })
        everyLanguage[text] = entries
        return entries
    }
}

/// The entries of one YAML mapping, with helpers for required, optional and unknown keys.
struct YAMLMapping {
    struct Entry {
        var key: Located<String>
        var value: Node
    }

    /// What the mapping is, for messages ("the city file", "measure 1.1.1a").
    let what: Message
    let entries: [Entry]
    let location: SourceLocation
    let reader: YAMLReader

    /// The value of `key`, if present.
    subscript(key: String) -> Node? {
        for index in entries.indices where entries[index].key.value == key { return entries[index].value }
        return nil
    }

    /// The value of `key`; reports "missing required field" when absent.
    func required(_ key: String) -> Node? {
        if let node = self[key] { return node }
        reader.sink.error(.missingRequiredField(what, key), at: location)
        return nil
    }

    /// Reports every key that is not in `allowed`, suggesting the closest known one.
    func rejectUnknownKeys(allowed: [String]) {
        for entry in entries where !allowed.contains(entry.key.value) {
            // `value:19.2` is one text to YAML, read as a key: the space after the colon is missing.
            let key = entry.key.value
            if let colon = key.firstIndex(of: ":"), allowed.contains(String(key[..<colon])) {
                reader.sink.error(
                    .unknownField(key, in: what), at: entry.key.location,
                    notes: [.spaceAfterColon(String(key[..<colon]), String(key[key.index(after: colon)...]))])
                continue
            }
            reader.sink.error(
                .unknownField(key, in: what), at: entry.key.location,
                notes: Suggestion.note(for: key, in: allowed) + [.knownFields(allowed)])
        }
    }
}

/// Converting between string indices and line:column positions.
enum TextPosition {
    /// The 1-based line and column (in Unicode scalars) of `index` in `text`.
    static func location(of index: String.Index, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars[text.unicodeScalars.startIndex..<index] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Whether `scalar` is a control character that has no place in text: C0 other than tab and line ends, DEL
    /// and C1. Web pages may not contain them, XML (the sitemap) neither.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// The first forbidden control character of `text` (`isForbiddenControl`), with its code point and place.
    static func firstControlCharacter(in text: String, file: String) -> (code: UInt32, location: SourceLocation)? {
        // Nearly every file has none: a byte scan finds that out without counting lines.
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 })
        else { return nil }
        guard let index = text.unicodeScalars.firstIndex(where: isForbiddenControl) else { return nil }
        return (text.unicodeScalars[index].value, location(of: index, in: text, file: file))
    }

    /// The line and column of the first byte that is not valid UTF-8, if any.
    static func firstInvalidUTF8(in bytes: [UInt8], file: String) -> SourceLocation? {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return SourceLocation(file: file, line: line, column: column)
            }
            if index + length > bytes.count { return SourceLocation(file: file, line: line, column: column) }
            if length > 1 {
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                    return SourceLocation(file: file, line: line, column: column)
                }
                if String(validating: bytes[index..<index + length], as: UTF8.self) == nil {
                    return SourceLocation(file: file, line: line, column: column)
                }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }
}

/// YAML 1.1 plain-scalar resolution (the rules of Yams' default resolver), written out without regular expressions.
enum PlainScalar {
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let trues: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falses: Set<String> = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    static func classify(_ text: String) -> Tag.Name {
        // Fast path: text that starts with anything a null, bool or number cannot start with.
        if let first = text.utf8.first {
            switch first {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                // No null or boolean starts so: a number or text.
                if integer(text) != nil { return .int }
                return isFloat(text) ? .float : .str
            case UInt8(ascii: "~"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
                UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"),
                UInt8(ascii: "O"):
                break
            default:
                return .str
            }
        }
        if nulls.contains(text) { return .null }
        if trues.contains(text) || falses.contains(text) { return .bool }
        if integer(text) != nil { return .int }
        if isFloat(text) { return .float }
        return .str
    }

    static func boolean(_ text: String) -> Bool? {
        trues.contains(text) ? true : falses.contains(text) ? false : nil
    }

    /// Decimal (with `_` separators) or `0x` hexadecimal integers, optionally signed.
    static func integer(_ text: String) -> Int? {
        let bytes = text.utf8
        var index = bytes.startIndex
        var negative = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        let body = bytes[index...]
        guard let first = body.first else { return nil }
        if body.starts(with: "0x".utf8) {
            let digits = String(Substring(body.dropFirst(2))).filter { $0 != "_" }
            guard !digits.isEmpty, let value = Int(digits, radix: 16) else { return nil }
            return negative ? -value : value
        }
        // Octal forms are not used in content: a leading zero is only the number 0 itself.
        guard first != UInt8(ascii: "_"), first != UInt8(ascii: "0") || body.count == 1 else { return nil }
        var value = 0
        for byte in body where byte != UInt8(ascii: "_") {
            guard isDigit(byte) else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow, !overflow2 else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    static func isFloat(_ text: String) -> Bool {
        if text.utf8.count <= 5, let last = text.utf8.last, last | 0x20 == UInt8(ascii: "f") || last | 0x20 == UInt8(ascii: "n"),
            [".inf", "-.inf", "+.inf", ".nan"].contains(text.lowercased())
        {
            return true
        }
        let bytes = text.utf8
        var body = bytes[...]
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { body = body.dropFirst() }
        var mantissa = body
        var exponent: Substring.UTF8View?
        if let e = body.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            mantissa = body[..<e]
            exponent = body[body.index(after: e)...]
        }
        let whole: Substring.UTF8View
        var fraction: Substring.UTF8View?
        if let dot = mantissa.firstIndex(of: UInt8(ascii: ".")) {
            whole = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
        } else {
            whole = mantissa
        }
        func digits(_ part: Substring.UTF8View) -> Bool { part.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") } }
        guard digits(whole), fraction.map(digits) ?? true, !(whole.isEmpty && (fraction?.isEmpty ?? true)) else { return false }
        if var rest = exponent {
            if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { rest = rest.dropFirst() }
            guard !rest.isEmpty, rest.allSatisfy(isDigit) else { return false }
        }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The value of an int or float scalar.
    static func number(_ text: String) -> Double? {
        if let value = integer(text) { return Double(value) }
        // Plain decimals (nearly every value) parse as they are; `.inf`, `.nan` and `_` separators need more.
        if !text.utf8.contains(UInt8(ascii: "_")), let value = Double(text), value.isFinite { return value }
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: return Double(text.filter { $0 != "_" })
        }
    }
}
