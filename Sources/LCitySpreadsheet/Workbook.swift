/// What one cell holds, as a spreadsheet stores it.
public enum CellValue: Sendable, Equatable {
    case empty
    case text(String)
    /// A number; `percent` when the cell is formatted as a percentage (61.5 % is stored as 0.615).
    case number(Double, percent: Bool = false)

    /// Whether the cell holds nothing but white space.
    public var isBlank: Bool {
        switch self {
        case .empty: true
        case .text(let text): text.allSatisfy(\.isWhitespace)
        case .number: false
        }
    }
}

/// A sheet as a grid of cells: `rows[0]` is the sheet's first row. Rows may be shorter than others (trailing empty
/// cells left out).
public struct Sheet: Sendable, Equatable {
    public var name: String
    public var rows: [[CellValue]]

    public init(name: String, rows: [[CellValue]]) {
        self.name = name
        self.rows = rows
    }

    /// The cell at a 0-based row and column, `.empty` outside the grid.
    public subscript(row: Int, column: Int) -> CellValue {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return .empty }
        return rows[row][column]
    }
}

/// The sheets of a workbook (an XLSX file) or the one sheet of a CSV file, in order.
public struct Workbook: Sendable, Equatable {
    public var sheets: [Sheet]
    /// Whether cells are named `Sheet!F12` (a workbook) or `line:column` (a CSV file).
    public var isCSV: Bool

    public init(sheets: [Sheet], isCSV: Bool) {
        self.sheets = sheets
        self.isCSV = isCSV
    }
}

/// How a spreadsheet program should present a sheet: its name, column widths, frozen panes, protection and
/// drop-down lists, without its cells (which `WorksheetRows` writes).
public struct SheetLayout: Sendable {
    public var name: String
    /// Width of each column, in characters.
    public var columnWidths: [Double]
    /// The columns a user fills in; the others are locked when `protected`.
    public var editableColumns: Set<Int>
    /// Whether the sheet is protected (no password): only `editableColumns` can be changed, rows can be added,
    /// sorted and filtered.
    public var protected: Bool
    /// Whether the first row stays in view when scrolling (and the first column, when `freezeFirstColumn`).
    public var freezeHeader: Bool
    public var freezeFirstColumn: Bool
    /// Drop-down lists offered in some cells.
    public var choices: [CellChoices]

    public init(
        name: String, columnWidths: [Double] = [], editableColumns: Set<Int> = [], protected: Bool = false,
        freezeHeader: Bool = true, freezeFirstColumn: Bool = false, choices: [CellChoices] = []
    ) {
        self.name = name
        self.columnWidths = columnWidths
        self.editableColumns = editableColumns
        self.protected = protected
        self.freezeHeader = freezeHeader
        self.freezeFirstColumn = freezeFirstColumn
        self.choices = choices
    }
}

/// A sheet to write, with how a spreadsheet program should present it.
public struct SheetDesign: Sendable {
    /// The grid: `rows[0]` is the header row.
    public var sheet: Sheet
    /// How the sheet is presented, without its cells (named as `sheet`).
    public var layout: SheetLayout

    /// `sheet` presented as the other parameters say (see `SheetLayout`).
    public init(
        sheet: Sheet, columnWidths: [Double], editableColumns: Set<Int> = [], protected: Bool = false,
        freezeHeader: Bool = true, freezeFirstColumn: Bool = false, choices: [CellChoices] = []
    ) {
        self.sheet = sheet
        layout = SheetLayout(
            name: sheet.name, columnWidths: columnWidths, editableColumns: editableColumns, protected: protected,
            freezeHeader: freezeHeader, freezeFirstColumn: freezeFirstColumn, choices: choices)
    }
}

/// A drop-down list of values offered in some cells of a sheet, with a hint shown when one is selected. Other
/// values may still be typed (the import says what it read): the list helps, it does not forbid.
public struct CellChoices: Sendable {
    /// The cells, as 0-based (row, column) pairs.
    public var cells: [(row: Int, column: Int)]
    /// The values offered, in order.
    public var values: [String]
    /// A title and a text shown next to the selected cell.
    public var promptTitle: String
    public var prompt: String

    public init(cells: [(row: Int, column: Int)], values: [String], promptTitle: String, prompt: String) {
        self.cells = cells
        self.values = values
        self.promptTitle = promptTitle
        self.prompt = prompt
    }
}
