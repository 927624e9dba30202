import Foundation
import Testing

import LCityContent
@testable import LCitySpreadsheet

/// Sheets written row by row (`WorkbookWriter`) are the same bytes as the same grid of cells, whether their rows wait
/// in memory or in a temporary file, and read back as the cells written.
@Suite("Streamed workbooks")
struct WorkbookWriterTests {
    /// A sheet larger than a block of `WorksheetRows` and than ZIPFoundation's chunks, with texts that need escaping,
    /// shared texts, numbers, empty cells and short rows.
    static let grid: [[CellValue]] = {
        var rows: [[CellValue]] = [[.text("id"), .text("name"), .text("value"), .text("note")]]
        for index in 0..<30_000 {
            let name: CellValue = .text(index % 7 == 0 ? "<&\"x\">\u{1}\u{FFFE}" : "名称 \(index % 50)")
            let value: CellValue = index % 5 == 0 ? .empty : .number(Double(index) / 8)
            let note: CellValue = index % 3 == 0 ? .text("note") : .empty
            rows.append([.text("row-\(index)"), name, value, note])
        }
        return rows + [[.text("short")], []]
    }()

    static let designs = [
        SheetDesign(sheet: Sheet(name: "data", rows: grid), columnWidths: [], freezeFirstColumn: true),
        SheetDesign(
            sheet: Sheet(name: "form", rows: [[.text("a"), .text("b")], [.number(1)], []]), columnWidths: [10, 80, 20],
            editableColumns: [1], protected: true,
            choices: [CellChoices(cells: [(1, 1), (2, 1)], values: ["x", "y"], promptTitle: "Pick", prompt: "One")]),
    ]

    func streamed(inTemporaryFile: Bool) throws -> Data {
        var workbook = try WorkbookWriter(rowsInTemporaryFile: inTemporaryFile)
        for design in Self.designs {
            workbook.addSheet(design.layout, columns: design.sheet.rows.map(\.count).max() ?? 0) { rows in
                for row in design.sheet.rows {
                    for cell in row { rows.cell(cell) }
                    rows.endRow()
                }
            }
        }
        return try workbook.data()
    }

    @Test func streamedRowsAreTheGridsBytesWhereverTheyWait() throws {
        let grid = try XLSXWriter.data(Self.designs)
        #expect(try streamed(inTemporaryFile: false) == grid)
        #expect(try streamed(inTemporaryFile: true) == grid)
        let read = try XLSXReader.workbook(grid)
        #expect(read.sheets.map(\.name) == ["data", "form"])
        let rows = read.sheets[0].rows
        #expect(rows.count == Self.grid.count - 1)  // the last row, empty, reads as no row
        // Characters XML cannot hold are left out; the rest reads back as written.
        #expect(rows[1] == [.text("row-0"), .text("<&\"x\">"), .empty, .text("note")])
        #expect(rows[2] == [.text("row-1"), .text("名称 1"), .number(0.125)])
        #expect(rows[Self.grid.count - 2] == [.text("short")])
    }
}
