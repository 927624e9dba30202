import Foundation
import LCityContent
import Mustache

/// The Mustache templates and static assets of `templates/`, parsed and checked.
public struct TemplateSet: Sendable {
    /// Templates by name: path below `templates/` without `.mustache` (`pages/home`, `layouts/base`).
    public let library: MustacheLibrary
    public let names: [String]
    /// `{{t.key}}` references by key, with the first place each is used.
    public let stringReferences: [String: SourceLocation]
    /// Files under `templates/assets/`, by path below the site root (`assets/style.css`).
    public let assets: [String: Data]
    /// The names of the transforms the templates use (`first` in `{{#first(items)}}`).
    public let transforms: Set<String>

    /// Put before every template's text: selects our HTML escaping (`HTML.ContentType`) instead of swift-mustache's
    /// built-in one, which gives the same text several times slower. A line of its own (a standalone tag renders
    /// nothing, not even its line end); diagnostics subtract it from line numbers.
    static let contentTypePrefix = "{{% CONTENT_TYPE: \(HTML.contentTypeName) }}\n"

    /// Reads every `.mustache` file (parse errors become diagnostics with file:line:col) and every asset.
    public static func load(root: URL) -> StageResult<TemplateSet> {
        HTML.registerContentType
        let sink = DiagnosticSink()
        let directory = root.appendingPathComponent("templates")
        var library = MustacheLibrary()
        var names: [String] = []
        var references: [String: SourceLocation] = [:]
        var assets: [String: Data] = [:]
        var transforms = Set<String>()
        var partials: [(name: String, location: SourceLocation)] = []
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else {
            sink.error(.noTemplatesFolder(directory.path), at: SourceLocation(file: "templates"))
            return StageResult(value: nil, diagnostics: sink.diagnostics)
        }
        let paths = enumerator.compactMap { $0 as? String }.sorted()
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                continue
            }
            let display = "templates/\(path)"
            if path.hasPrefix("assets/") {
                if let data = ContentFile.readData(display, in: root, sink: sink) { assets[path] = data }
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            guard let text = ContentFile.read(display, in: root, sink: sink) else { continue }
            do {
                let template = try MustacheTemplate(string: contentTypePrefix + text)
                let name = String(path.dropLast(".mustache".count))
                library.register(template, named: name)
                names.append(name)
                // Mustache cannot close `{{<layouts/base}}` (no `/` in a closing name): layouts also get their bare name.
                if name.hasPrefix("layouts/") {
                    let bare = String(name.dropFirst("layouts/".count))
                    library.register(template, named: bare)
                    names.append(bare)
                }
                for tag in tags(in: text, file: display) where tag.trimmed.hasPrefix(">") {
                    partials.append((String(tag.trimmed.dropFirst().trimmingCharacters(in: .whitespaces)), tag.location))
                }
                for (key, location) in stringKeys(in: text, file: display) where references[key] == nil {
                    references[key] = location
                }
                transforms.formUnion(transformNames(in: text))
            } catch let error as MustacheTemplate.ParserError {
                // Line numbers count the prefix line, which the author did not write.
                var notes = [Message.verbatim(error.context.line)]
                if let open = unclosedSection(in: text, file: display) {
                    notes.append(.sectionNotClosed(open.name, at: open.location))
                }
                sink.error(
                    .templateSyntaxError("\(error.error)"),
                    at: SourceLocation(
                        file: display, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                    notes: notes)
            } catch {
                sink.error(.cannotReadTemplate("\(error)"), at: SourceLocation(file: display))
            }
        }
        // swift-mustache renders an unknown partial as nothing: name it instead.
        let known = Set(names)
        for partial in partials where !known.contains(partial.name) {
            sink.error(
                .partialMissing(partial.name), at: partial.location,
                notes: Suggestion.note(for: partial.name, in: known))
        }
        return StageResult(
            value: TemplateSet(
                library: library, names: names, stringReferences: references, assets: assets, transforms: transforms),
            diagnostics: sink.diagnostics)
    }

    /// A `{{ }}` tag of a template: where it opens, its opening braces and its text up to the closing braces.
    struct Tag {
        /// Where the tag's `{{` stands.
        var location: SourceLocation
        /// `{{`, or `{{{` for a tag that does not escape.
        var opening: Substring
        var body: Substring

        /// The body without surrounding spaces.
        var trimmed: String { body.trimmingCharacters(in: .whitespaces) }

        /// Where the character at `index` of the body stands.
        func location(of index: Substring.Index) -> SourceLocation {
            location.advanced(over: opening).advanced(over: body[..<index])
        }
    }

    /// Every `{{ }}` tag of `text`, in order: the one reading of tags that the checks of templates share.
    static func tags(in text: String, file: String) -> [Tag] {
        var found: [Tag] = []
        var position = SourceLocation(file: file, line: 1, column: 1)
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            var body = rest[open.upperBound..<close.lowerBound]
            if body.hasPrefix("{") { body = body.dropFirst() }
            position = position.advanced(over: rest[..<open.lowerBound])
            found.append(Tag(location: position, opening: rest[open.lowerBound..<body.startIndex], body: body))
            position = position.advanced(over: rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The innermost section (`{{#name}}`, `{{^name}}`) not closed where the template stops making sense: the
    /// first closing tag whose name does not match it, or the end of the text.
    static func unclosedSection(in text: String, file: String) -> (name: String, location: SourceLocation)? {
        var open: [(name: String, location: SourceLocation)] = []
        for tag in tags(in: text, file: file) {
            let body = tag.trimmed
            let location = tag.location
            guard let first = body.first else { continue }
            let name = body.dropFirst().trimmingCharacters(in: .whitespaces)
            switch first {
            case "#", "^", "$", "<": open.append((name, location))
            case "/":
                guard let last = open.last, last.name == name else { return open.last }
                open.removeLast()
            default: continue
            }
        }
        return open.last
    }

    /// Every `t.key` used inside `{{ }}` tags, with its position.
    static func stringKeys(in text: String, file: String) -> [(String, SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        for tag in tags(in: text, file: file) {
            var index = tag.body.startIndex
            while let match = tag.body[index...].range(of: "t.") {
                index = match.upperBound
                if match.lowerBound > tag.body.startIndex,
                    let before = tag.body[tag.body.index(before: match.lowerBound)].unicodeScalars.first,
                    isNameCharacter(before)
                {
                    continue
                }
                let key = tag.body[match.upperBound...].prefix { $0.unicodeScalars.allSatisfy(isNameCharacter) }
                if !key.isEmpty { found.append((String(key), tag.location(of: match.lowerBound))) }
            }
        }
        return found
    }

    /// The names before `(` inside `{{ }}` tags: the transforms a template applies (`{{#first(items)}}`,
    /// `{{uppercased(name)}}`). A template that sets other delimiters (`{{=<% %>=}}`) gets `=`, a name no transform
    /// has, since its tags cannot be read here.
    static func transformNames(in text: String) -> Set<String> {
        var names = Set<String>()
        for tag in tags(in: text, file: "") {
            if tag.body.hasPrefix("=") { names.insert("=") }
            var name = ""
            for character in tag.body {
                if character == "(" {
                    if !name.isEmpty { names.insert(name) }
                    name = ""
                } else if character.isLetter || character.isNumber || character == "_" {
                    name.append(character)
                } else {
                    name = ""
                }
            }
        }
        return names
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "." || (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar)
    }

    /// Templates the site needs, and UI strings every language must define.
    package func validate(against model: SiteModel, routes: [Route]) -> [Diagnostic] {
        let sink = DiagnosticSink()
        var needed = Set<String>()
        for route in routes { needed.insert(PageBuilder.template(for: route.kind)) }
        needed.insert("base")
        needed.formUnion(Fragments.pieceTemplates)
        for name in needed.sorted() where !names.contains(name) {
            sink.error(.templateMissing(name), at: SourceLocation(file: "templates/\(name).mustache"))
        }
        for language in model.languages {
            guard let strings = model.content.strings[language] else { continue }
            for (key, location) in stringReferences.sorted(by: { $0.key < $1.key }) where strings.values[key] == nil {
                sink.error(
                    .templateUsesUndefinedString(key, language: language), at: location,
                    notes: Suggestion.note(for: key, in: strings.values.keys))
            }
            for key in Localizer.keysUsedInCode where strings.values[key] == nil {
                sink.error(
                    .codeUsesMissingString(key), at: SourceLocation(file: strings.file))
            }
        }
        return sink.diagnostics
    }
}
