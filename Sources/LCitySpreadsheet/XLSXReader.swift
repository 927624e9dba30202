import Foundation
import XMLCoder
import ZIPFoundation

/// Reads the cells of every sheet of an Office Open XML workbook, as written by Excel, LibreOffice, Numbers, WPS or
/// `XLSXWriter`: shared and inline strings, numbers, booleans, and which numbers are formatted as percentages.
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
        let sharedStrings = try decode(SharedStringsPart.self, "xl/sharedStrings.xml")?.items.map(\.text) ?? []
        let percentStyles = try decode(StylesPart.self, "xl/styles.xml")?.percentStyles ?? []

        var sheets: [Sheet] = []
        for (index, entry) in (book.sheets?.sheets ?? []).enumerated() {
            // Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute in the package ("/xl/…").
            let target = entry.relationship.flatMap { targets[$0] } ?? "worksheets/sheet\(index + 1).xml"
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let worksheet = try decode(WorksheetPart.self, path) else { throw .missingPart(path) }
            sheets.append(
                Sheet(
                    name: entry.name,
                    rows: worksheet.grid(sharedStrings: sharedStrings, percentStyles: percentStyles)))
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

/// A text element (`<t xml:space="preserve">…</t>`): its content, empty when the element is.
private struct TextElement: Decodable {
    let value: String
    enum CodingKeys: String, CodingKey { case value = "" }
    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self),
            let value = try? container.decodeIfPresent(String.self, forKey: .value)
        {
            self.value = value
        } else {
            self.value = (try? decoder.singleValueContainer().decode(String.self)) ?? ""
        }
    }
}

/// A string item: plain (`<t>`) or rich text in runs (`<r><t>`); phonetic runs (`<rPh>`) are not part of it.
private struct StringItem: Decodable {
    struct Run: Decodable { let t: TextElement? }
    let t: TextElement?
    let r: [Run]?
    var text: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
}

private struct SharedStringsPart: Decodable {
    let items: [StringItem]
    enum CodingKeys: String, CodingKey { case items = "si" }
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

private struct WorksheetPart: Decodable {
    struct SheetData: Decodable {
        let row: [Row]?
    }
    struct Row: Decodable {
        let r: Int?
        let c: [Cell]?
    }
    struct Cell: Decodable {
        let r: String?
        let t: String?
        let s: Int?
        let v: TextElement?
        let inline: StringItem?
        enum CodingKeys: String, CodingKey {
            case r, t, s, v
            case inline = "is"
        }
    }
    let sheetData: SheetData?

    /// The cells as a grid, by their references (`F12`), or in order where a writer left references out.
    func grid(sharedStrings: [String], percentStyles: Set<Int>) -> [[CellValue]] {
        var rows: [[CellValue]] = []
        var nextRow = 0
        for row in sheetData?.row ?? [] {
            let rowIndex = row.r.map { $0 - 1 } ?? nextRow
            nextRow = rowIndex + 1
            guard rowIndex >= 0, rowIndex < 1_048_576 else { continue }
            var cells: [CellValue] = []
            var nextColumn = 0
            for cell in row.c ?? [] {
                let column = cell.r.flatMap(Self.columnIndex) ?? nextColumn
                nextColumn = column + 1
                let value = Self.value(of: cell, sharedStrings: sharedStrings, percentStyles: percentStyles)
                guard value != .empty, column < 16_384 else { continue }
                if cells.count <= column { cells += Array(repeating: .empty, count: column + 1 - cells.count) }
                cells[column] = value
            }
            guard !cells.isEmpty else { continue }
            if rows.count <= rowIndex { rows += Array(repeating: [], count: rowIndex + 1 - rows.count) }
            rows[rowIndex] = cells
        }
        return rows
    }

    private static func value(of cell: Cell, sharedStrings: [String], percentStyles: Set<Int>) -> CellValue {
        let raw = cell.v?.value
        switch cell.t {
        case "s":
            guard let index = raw.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                sharedStrings.indices.contains(index)
            else { return .empty }
            return .text(sharedStrings[index])
        case "inlineStr":
            return cell.inline.map { .text($0.text) } ?? .empty
        case "str", "e":
            return raw.map { .text($0) } ?? .empty
        case "b":
            return raw.map { .text($0 == "1" ? "TRUE" : "FALSE") } ?? .empty
        default:
            guard let raw, let number = Double(raw.trimmingCharacters(in: .whitespaces)) else {
                return raw.map { .text($0) } ?? .empty
            }
            return .number(number, percent: cell.s.map(percentStyles.contains) ?? false)
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
