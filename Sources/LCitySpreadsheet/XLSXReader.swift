import Foundation
import XMLCoder
#if canImport(FoundationXML)
    import FoundationXML
#endif
import ZIPFoundation

/// Reads the cells of every sheet of an Office Open XML workbook, as written by Excel, LibreOffice, Numbers, WPS or
/// `XLSXWriter`: shared and inline strings, numbers, booleans, and which numbers are formatted as percentages.
///
/// XMLCoder decodes the small structured parts (workbook, relationships, styles); the cells are streamed.
public enum XLSXReader {
    /// Why a file cannot be read as a workbook.
    public enum Failure: Error, Equatable {
        /// Not a zip archive (an `.xls` from Excel 97–2003, a CSV renamed, a damaged download).
        case notAZipArchive
        /// A zip archive without the parts of a workbook (a `.docx`, an `.ods`).
        case missingPart(String)
        /// A part whose XML cannot be read.
        case damagedPart(String, String)
    }

    /// The sheets of the workbook in `data`, in the workbook's order.
    public static func workbook(_ data: Data) throws(Failure) -> Workbook {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw .notAZipArchive }
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = true
        decoder.trimValueWhitespaces = false

        func part(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            var bytes = Data()
            do { _ = try archive.extract(entry, skipCRC32: true) { bytes.append($0) } } catch {
                throw .damagedPart(path, "\(error)")
            }
            return bytes
        }
        func decode<Part: Decodable>(_ type: Part.Type, _ path: String) throws(Failure) -> Part? {
            guard let bytes = try part(path) else { return nil }
            do { return try decoder.decode(type, from: bytes) } catch { throw .damagedPart(path, "\(error)") }
        }

        guard let book = try decode(WorkbookPart.self, "xl/workbook.xml") else { throw .missingPart("xl/workbook.xml") }
        let relationships = try decode(RelationshipsPart.self, "xl/_rels/workbook.xml.rels")?.relationships ?? []
        let targets = Dictionary(relationships.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })
        var sharedStrings: [String] = []
        if let bytes = try part("xl/sharedStrings.xml") {
            let reader = CellStreamReader()
            guard reader.read(bytes) else { throw .damagedPart("xl/sharedStrings.xml", reader.failure) }
            sharedStrings = reader.strings
        }
        let percentStyles = try decode(StylesPart.self, "xl/styles.xml")?.percentStyles ?? []

        var sheets: [Sheet] = []
        for (index, entry) in (book.sheets?.sheets ?? []).enumerated() {
            // Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute in the package ("/xl/…").
            let target = entry.relationship.flatMap { targets[$0] } ?? "worksheets/sheet\(index + 1).xml"
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let bytes = try part(path) else { throw .missingPart(path) }
            let reader = CellStreamReader()
            guard reader.read(bytes) else { throw .damagedPart(path, reader.failure) }
            sheets.append(
                Sheet(name: entry.name, rows: reader.grid(sharedStrings: sharedStrings, percentStyles: percentStyles)))
        }
        return Workbook(sheets: sheets, isCSV: false)
    }
}

// MARK: The parts, as XMLCoder decodes them

private struct WorkbookPart: Decodable {
    struct Sheets: Decodable {
        let sheets: [SheetEntry]
        enum CodingKeys: String, CodingKey { case sheets = "sheet" }
    }
    struct SheetEntry: Decodable {
        let name: String
        let relationship: String?
        enum CodingKeys: String, CodingKey {
            case name
            case relationship = "id"
        }
    }
    let sheets: Sheets?
}

private struct RelationshipsPart: Decodable {
    struct Relationship: Decodable {
        let id: String
        let target: String
        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case target = "Target"
        }
    }
    let relationships: [Relationship]
    enum CodingKeys: String, CodingKey { case relationships = "Relationship" }
}

private struct StylesPart: Decodable {
    struct NumberFormats: Decodable {
        struct Format: Decodable {
            let numFmtId: Int
            let formatCode: String
        }
        let numFmt: [Format]?
    }
    struct CellFormats: Decodable {
        struct Format: Decodable { let numFmtId: Int? }
        let xf: [Format]?
    }
    let numFmts: NumberFormats?
    let cellXfs: CellFormats?

    /// The indices of the cell formats that show numbers as percentages: built-in formats 9 and 10 (`0%`,
    /// `0.00%`) and custom formats with a `%` outside quotes.
    var percentStyles: Set<Int> {
        var percentFormats: Set<Int> = [9, 10]
        for format in numFmts?.numFmt ?? [] where Self.showsPercent(format.formatCode) {
            percentFormats.insert(format.numFmtId)
        }
        var styles: Set<Int> = []
        for (index, format) in (cellXfs?.xf ?? []).enumerated() where percentFormats.contains(format.numFmtId ?? 0) {
            styles.insert(index)
        }
        return styles
    }

    static func showsPercent(_ code: String) -> Bool {
        var quoted = false
        var escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "%" where !quoted: return true
            default: break
            }
        }
        return false
    }
}

/// Streams a worksheet or the shared strings through Foundation's XMLParser (SAX): a 10,000-row sheet has half a
/// million elements, which XMLCoder (a tree of the whole document first) takes many seconds over. Cells are kept as
/// they are read; `grid` resolves them.
private final class CellStreamReader: NSObject, XMLParserDelegate {
    struct Cell {
        var row: Int
        var column: Int
        var type: String?
        var style: Int?
        var value: String
    }
    private(set) var cells: [Cell] = []
    /// The shared strings (`<si>`), in order.
    private(set) var strings: [String] = []
    private(set) var failure = ""

    private var row = -1
    private var column = -1
    private var cell: Cell?
    private var text = ""
    /// Inside an element whose text counts: `<v>`, or `<t>` of a string item or inline string (not of `<rPh>`).
    private var collecting = false
    private var phoneticDepth = 0

    /// Reads `data`; false when it is not well-formed XML.
    func read(_ data: Data) -> Bool {
        // From a stream, which the parser reads in pieces: libxml2 refuses more than 10 MB given at once.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = self
        // Without namespace processing (a third of the parsing time): a prefix, if a writer uses one, is dropped below.
        parser.shouldProcessNamespaces = false
        let ok = parser.parse()
        if !ok { failure = parser.parserError.map { "\($0)" } ?? "not well-formed XML" }
        return ok
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let local = Self.localName(name)
        switch local {
        case "row":
            row = attributes["r"].flatMap(Int.init).map { $0 - 1 } ?? row + 1
            column = -1
        case "c":
            column = attributes["r"].flatMap(Self.columnIndex) ?? column + 1
            cell = Cell(row: row, column: column, type: attributes["t"], style: attributes["s"].flatMap(Int.init), value: "")
        case "si":
            text = ""
        case "rPh":
            phoneticDepth += 1
        case "v", "t":
            if phoneticDepth == 0 {
                collecting = true
                if local == "v" { text = "" }
            }
        case "is":
            text = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let local = Self.localName(name)
        switch local {
        case "v", "t":
            collecting = false
            if local == "v" { cell?.value = text }
        case "rPh":
            phoneticDepth -= 1
        case "is":
            cell?.value = text
        case "si":
            strings.append(text)
        case "c":
            if let cell { cells.append(cell) }
            cell = nil
        default:
            break
        }
    }

    /// An element's name without its namespace prefix (`x:row` → `row`).
    private static func localName(_ name: String) -> Substring {
        guard let colon = name.firstIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    /// The cells as a grid, by their references (`F12`), or in order where a writer left references out.
    func grid(sharedStrings: [String], percentStyles: Set<Int>) -> [[CellValue]] {
        var rows: [[CellValue]] = []
        for cell in cells where cell.row >= 0 && cell.row < 1_048_576 && cell.column >= 0 && cell.column < 16_384 {
            let value = Self.value(of: cell, sharedStrings: sharedStrings, percentStyles: percentStyles)
            guard value != .empty else { continue }
            if rows.count <= cell.row { rows += Array(repeating: [], count: cell.row + 1 - rows.count) }
            if rows[cell.row].count <= cell.column {
                rows[cell.row] += Array(repeating: .empty, count: cell.column + 1 - rows[cell.row].count)
            }
            rows[cell.row][cell.column] = value
        }
        return rows
    }

    private static func value(of cell: Cell, sharedStrings: [String], percentStyles: Set<Int>) -> CellValue {
        let raw = cell.value
        switch cell.type {
        case "s":
            guard let index = Int(raw) ?? Int(raw.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index)
            else {
                return .empty
            }
            return .text(sharedStrings[index])
        case "inlineStr", "str", "e":
            return raw.isEmpty ? .empty : .text(raw)
        case "b":
            return raw.isEmpty ? .empty : .text(raw == "1" ? "TRUE" : "FALSE")
        default:
            guard !raw.isEmpty else { return .empty }
            guard let number = Double(raw) ?? Double(raw.trimmingCharacters(in: .whitespaces)) else { return .text(raw) }
            return .number(number, percent: cell.style.map(percentStyles.contains) ?? false)
        }
    }

    /// The 0-based column of a cell reference (`F12` → 5).
    static func columnIndex(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) || (97...122).contains(scalar.value) else { break }
            column = column * 26 + Int(scalar.value & 0x1F)
            letters += 1
        }
        return letters == 0 ? nil : column - 1
    }
}
