import Foundation

/// Writes an Office Open XML workbook sheet by sheet, each sheet's rows as they come (`WorksheetRows`), and zips it
/// (`data()`). Memory holds no grid of cells and, with the rows in a temporary file, none of a sheet's XML but the
/// block being written or zipped, however large the sheet.
///
/// Why a file: ZIPFoundation's `addEntry(… uncompressedSize:provider:)` needs each part's size before it pulls the
/// first byte, so a sheet's XML must wait whole somewhere until its last row is written, or be made twice (once only
/// to count its bytes). Measured at 1,000 and 10,000 cities (docs/performance.md, "The workbook, streamed"), the file
/// costs as little CPU as keeping the XML in memory, where every sheet's (1 GB at 10,000 cities) would wait for
/// the zip, and peaks as low as making the XML twice, which takes a quarter more CPU and a thread.
///
/// The same sheets give the same bytes, wherever their rows wait, and the same bytes as `XLSXWriter.data(_:)` for
/// a grid of the same cells.
public struct WorkbookWriter {
    /// A sheet whose rows are written: where they are in the store, how many rows and columns they fill.
    private struct WrittenSheet {
        var layout: SheetLayout
        var rows: Range<Int>
        var rowCount: Int
        var columnCount: Int
    }

    private let store: PartStore
    private let strings = SharedStrings()
    private var sheets: [WrittenSheet] = []

    /// A workbook without sheets, whose rows wait in memory, or in a temporary file with `rowsInTemporaryFile`.
    public init(rowsInTemporaryFile: Bool = false) throws {
        store = try PartStore(rowsInTemporaryFile ? .temporaryFile : .memory)
    }

    /// Adds a sheet after the others: `write` gives its rows, the first being its header when `layout` freezes one.
    /// Every row is filled up to `columns` where an empty cell shows (see `WorksheetRows`).
    public mutating func addSheet(
        _ layout: SheetLayout, columns: Int = 0, rows write: (inout WorksheetRows) throws -> Void
    ) rethrows {
        var rows = WorksheetRows(layout: layout, columns: columns, strings: strings, store: store)
        try write(&rows)
        rows.finish()
        sheets.append(
            WrittenSheet(
                layout: layout, rows: rows.start..<store.count, rowCount: rows.rowCount, columnCount: rows.columnCount))
    }

    /// The `.xlsx` bytes: the sheets in the order added (the first is the one a spreadsheet program opens on), then
    /// the texts they share.
    public func data() throws -> Data {
        try store.check()
        var entries = XLSXWriter.leadingParts(sheets.map(\.layout)).map {
            ZipArchive.Entry(path: $0.path, data: Data($0.text.utf8))
        }
        for (index, sheet) in sheets.enumerated() {
            entries.append(worksheet(sheet, path: "xl/worksheets/sheet\(index + 1).xml"))
        }
        entries.append(ZipArchive.Entry(path: "xl/sharedStrings.xml", data: Data(strings.part)))
        return try ZipArchive.data(entries)
    }

    /// A worksheet's part: its head, its rows from the store, its tail, read a range at a time.
    private func worksheet(_ sheet: WrittenSheet, path: String) -> ZipArchive.Entry {
        let head = Array(
            XLSXWriter.worksheetHead(sheet.layout, rowCount: sheet.rowCount, columnCount: sheet.columnCount).utf8)
        let tail = Array(XLSXWriter.worksheetTail(sheet.layout).utf8)
        let (store, rows) = (self.store, sheet.rows)
        let rowsEnd = head.count + rows.count
        return ZipArchive.Entry(path: path, size: rowsEnd + tail.count) { offset, count in
            // Whichever of the three the range covers.
            var data = Data(capacity: count)
            let end = offset + count
            var position = offset
            if position < head.count {
                data.append(contentsOf: head[position..<min(end, head.count)])
                position = min(end, head.count)
            }
            if position < end, position < rowsEnd {
                let upper = min(end, rowsEnd)
                let start = rows.lowerBound - head.count
                data.append(try store.bytes((start + position)..<(start + upper)))
                position = upper
            }
            if position < end { data.append(contentsOf: tail[(position - rowsEnd)..<(end - rowsEnd)]) }
            return data
        }
    }
}
