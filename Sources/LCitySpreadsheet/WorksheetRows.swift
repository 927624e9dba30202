import Foundation
import LCityContent
import LCityUTF8

/// A worksheet's rows written as its XML (UTF-8 bytes), field by field: a text becomes a shared string (numbered in
/// the order texts first appear in the workbook), a number a number, an empty field no cell. No grid of cells is
/// kept: the rows' XML gathers until it reaches `blockSize` and then goes on to the workbook's `PartStore`, so
/// memory holds one block of a sheet however many rows it has.
///
/// Cells are written as a grid of the same rows always was (`XLSXWriter`): each cell's format follows from its row
/// and column (`SheetLayout`), and an empty cell is written only where its format shows (a header's fill, a locked
/// or unlocked cell), in every column up to `columns`.
public struct WorksheetRows {
    /// Bytes of row XML kept before they go to the store.
    static let blockSize = 1 << 20

    let layout: SheetLayout
    /// The columns every row is filled up to where an empty cell shows.
    let columns: Int
    let strings: SharedStrings
    let store: PartStore
    /// Rows written so far (the current row, once started, is `rowCount`, 0-based).
    private(set) var rowCount = 0
    /// The widest row so far, at least `columns`.
    private(set) var columnCount: Int
    /// Where this sheet's rows begin in `store`.
    let start: Int
    private var bytes: [UInt8] = []
    private var column = 0
    private var rowOpen = false
    /// The current row's number (1-based) as decimal digits.
    private var rowDigits: [UInt8] = []
    /// Each column's name (`A`, `B`, … `Z`, `AA`, …) as bytes and its cells' format after the header row, made as
    /// far as the widest row needs.
    private var columnNames: [[UInt8]] = []
    private var columnStyles: [Style] = []

    init(layout: SheetLayout, columns: Int, strings: SharedStrings, store: PartStore) {
        self.layout = layout
        self.columns = max(columns, layout.columnWidths.count)
        self.columnCount = self.columns
        self.strings = strings
        self.store = store
        self.start = store.count
        bytes.reserveCapacity(Self.blockSize + 4096)
    }

    /// The next field of the current row, a text; an empty text is an empty cell.
    public mutating func field(_ text: String) {
        cell(text.isEmpty ? .empty : .text(text))
    }

    /// The next field of the current row, a number (an empty cell when nil).
    public mutating func number(_ value: Double?) {
        cell(value.map { .number($0) } ?? .empty)
    }

    /// The next cell of the current row.
    public mutating func cell(_ value: CellValue) {
        if !rowOpen { openRow() }
        while columnNames.count <= column {
            columnNames.append(Array(SourceLocation.columnName(columnNames.count + 1).utf8))
            columnStyles.append(Self.style(row: 1, column: columnStyles.count, layout: layout))
        }
        let style = rowCount == 0 ? Self.style(row: 0, column: column, layout: layout) : columnStyles[column]
        defer { column += 1 }
        if case .empty = value, style == .plain || style == .wrapped { return }
        bytes.append(contentsOf: Self.cellStart)
        bytes.append(contentsOf: columnNames[column])
        bytes.append(contentsOf: rowDigits)
        bytes.append(UInt8(ascii: "\""))
        if style != .plain {
            bytes.append(contentsOf: Self.styleStart)
            bytes.appendDecimal(style.rawValue)
            bytes.append(UInt8(ascii: "\""))
        }
        switch value {
        case .empty:
            bytes.append(contentsOf: Self.emptyEnd)
        case .text(let text):
            bytes.append(contentsOf: Self.sharedValueStart)
            bytes.appendDecimal(strings.index(of: text))
            bytes.append(contentsOf: Self.valueEnd)
        case .number(let number, _):
            bytes.append(contentsOf: Self.valueStart)
            // As `CityYAML.number` writes it, integers without making a string.
            if number.rounded() == number, abs(number) < 1e15 {
                bytes.appendDecimal(Int(number))
            } else {
                bytes.appendUTF8(CityYAML.number(number))
            }
            bytes.append(contentsOf: Self.valueEnd)
        }
    }

    /// Ends the current row (an empty row when no field was given).
    public mutating func endRow() {
        if !rowOpen { openRow() }
        while column < columns { cell(.empty) }
        bytes.append(contentsOf: Self.rowEnd)
        columnCount = max(columnCount, column)
        rowCount += 1
        column = 0
        rowOpen = false
        if bytes.count >= Self.blockSize { flush() }
    }

    /// Sends what is left of the rows to the store.
    mutating func finish() {
        flush()
    }

    private mutating func flush() {
        store.append(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func openRow() {
        rowDigits.removeAll(keepingCapacity: true)
        rowDigits.appendDecimal(rowCount + 1)
        bytes.append(contentsOf: Self.rowStart)
        bytes.append(contentsOf: rowDigits)
        bytes.append(contentsOf: Self.tagEnd)
        rowOpen = true
    }

    private static let rowStart = Array("<row r=\"".utf8)
    private static let tagEnd = Array("\">".utf8)
    private static let rowEnd = Array("</row>".utf8)
    private static let cellStart = Array("<c r=\"".utf8)
    private static let styleStart = Array(" s=\"".utf8)
    private static let emptyEnd = Array("/>".utf8)
    private static let sharedValueStart = Array(" t=\"s\"><v>".utf8)
    private static let valueStart = Array("><v>".utf8)
    private static let valueEnd = Array("</v></c>".utf8)

    // MARK: Formats

    /// The cell formats of `XLSXWriter.styles`, by index: 0 plain, 1 header, 2 locked (greyed), 3 editable,
    /// 4 wrapped text.
    enum Style: Int {
        case plain = 0, header, locked, editable, wrapped
    }

    static func style(row: Int, column: Int, layout: SheetLayout) -> Style {
        if row == 0 && layout.freezeHeader { return .header }
        if layout.editableColumns.contains(column) { return layout.protected ? .editable : .plain }
        if layout.protected { return .locked }
        return layout.columnWidths.indices.contains(column) && layout.columnWidths[column] >= 60 ? .wrapped : .plain
    }
}

/// The workbook's texts, each once, numbered in the order they were first asked for, and how many cells use them;
/// shared by the sheets of one workbook as they are written. Texts are shared, as spreadsheet programs write them: a
/// measure's name and definition, repeated on each of its rows, are stored once.
final class SharedStrings {
    private var indices: [String: Int] = [:]
    private var texts: [String] = []
    private var uses = 0

    /// The number of `text`, given it if it is new; counts one more use.
    func index(of text: String) -> Int {
        uses += 1
        if let index = indices[text] { return index }
        indices[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    /// `xl/sharedStrings.xml`.
    var part: [UInt8] {
        var xml: [UInt8] = []
        xml.appendUTF8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            count="\(uses)" uniqueCount="\(texts.count)">
            """)
        for text in texts {
            xml.appendUTF8("<si><t xml:space=\"preserve\">")
            xml.appendEscapedXML(text)
            xml.appendUTF8("</t></si>")
        }
        xml.appendUTF8("</sst>")
        return xml
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` in decimal digits.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let first = count
        repeat {
            append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        self[first...].reverse()
    }

    /// Appends `text` escaped as `XLSXWriter.escape` escapes it, without making a string.
    mutating func appendEscapedXML(_ text: String) {
        // Most texts need no escape: no markup character, no control character, no U+FFFE or U+FFFF (lead byte 0xEF).
        let plain = appendUTF8(text) { byte in
            byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == 0xEF
        }
        if !plain { appendUTF8(XLSXWriter.escape(text)) }
    }
}
