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
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else {
            sink.error("no templates folder at \(directory.path)", at: SourceLocation(file: "templates"))
            return StageResult(value: nil, diagnostics: sink.diagnostics)
        }
        let paths = enumerator.compactMap { $0 as? String }.sorted()
        for path in paths {
            let url = directory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            let display = "templates/\(path)"
            if path.hasPrefix("assets/") {
                if let data = FileManager.default.contents(atPath: url.path) { assets[path] = data }
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            guard let text = ContentFile.read(url, displayPath: display, sink: sink) else { continue }
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
                for (key, location) in stringKeys(in: text, file: display) where references[key] == nil {
                    references[key] = location
                }
                transforms.formUnion(transformNames(in: text))
            } catch let error as MustacheTemplate.ParserError {
                // Line numbers count the prefix line, which the author did not write.
                sink.error(
                    "template syntax error: \(error.error)",
                    at: SourceLocation(
                        file: display, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                    notes: [error.context.line])
            } catch {
                sink.error("cannot read the template: \(error)", at: SourceLocation(file: display))
            }
        }
        return StageResult(
            value: TemplateSet(
                library: library, names: names, stringReferences: references, assets: assets, transforms: transforms),
            diagnostics: sink.diagnostics)
    }

    /// Every `t.key` used inside `{{ }}` tags, with its position.
    static func stringKeys(in text: String, file: String) -> [(String, SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        var line = 1
        var column = 1
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var inTag = false
        while index < scalars.count {
            let scalar = scalars[index]
            if !inTag, scalar == "{", index + 1 < scalars.count, scalars[index + 1] == "{" {
                inTag = true
            } else if inTag, scalar == "}" {
                inTag = false
            } else if inTag, scalar == "t", index + 1 < scalars.count, scalars[index + 1] == ".",
                index == 0 || !isNameCharacter(scalars[index - 1])
            {
                var end = index + 2
                while end < scalars.count, isNameCharacter(scalars[end]) { end += 1 }
                let key = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
                if !key.isEmpty { found.append((key, SourceLocation(file: file, line: line, column: column))) }
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return found
    }

    /// The names before `(` inside `{{ }}` tags: the transforms a template applies (`{{#first(items)}}`,
    /// `{{uppercased(name)}}`). A template that sets other delimiters (`{{=<% %>=}}`) gets `=`, a name no transform
    /// has, since its tags cannot be read here.
    static func transformNames(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            if rest[open.upperBound...].hasPrefix("=") { names.insert("=") }
            var name = ""
            for character in rest[open.upperBound..<close.lowerBound] {
                if character == "(" {
                    if !name.isEmpty { names.insert(name) }
                    name = ""
                } else if character.isLetter || character.isNumber || character == "_" {
                    name.append(character)
                } else {
                    name = ""
                }
            }
            rest = rest[close.upperBound...]
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
            sink.error("the template '\(name)' is missing", at: SourceLocation(file: "templates/\(name).mustache"))
        }
        for language in model.languages {
            guard let strings = model.content.strings[language] else { continue }
            for (key, location) in stringReferences.sorted(by: { $0.key < $1.key }) where strings.values[key] == nil {
                sink.error(
                    "the template uses UI string '\(key)', which content/i18n/\(language).yaml does not define", at: location,
                    notes: Suggestion.note(for: key, in: strings.values.keys))
            }
            for key in Localizer.keysUsedInCode where strings.values[key] == nil {
                sink.error(
                    "UI string '\(key)' is missing (the site's code uses it)", at: SourceLocation(file: strings.file))
            }
        }
        return sink.diagnostics
    }
}
