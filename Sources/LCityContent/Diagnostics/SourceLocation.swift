/// A position in a content file: 1-based line and column (columns count Unicode scalars); or, in a spreadsheet, a
/// cell of a named sheet (row and column, both 1-based).
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file path as shown to the user (relative to the site root where possible).
    public var file: String
    /// 1-based line (in a sheet: row); 0 when the whole file is meant.
    public var line: Int
    /// 1-based column; 0 when the whole line (row) is meant.
    public var column: Int
    /// The sheet of a workbook the location is in, or nil for a text file.
    public var sheet: String?

    /// Creates a location in a text file.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A cell of a workbook's sheet: `row` and `column` are 1-based (`Data!F12` is row 12, column 6).
    public init(file: String, sheet: String, row: Int, column: Int = 0) {
        self.file = file
        self.line = row
        self.column = column
        self.sheet = sheet
    }

    /// `file:line:col`, leaving out the parts that are unknown; in a workbook `file: Sheet!F12` (or `Sheet!12` for
    /// a whole row), as spreadsheet programs name cells.
    public var description: String {
        if let sheet {
            guard line > 0 else { return "\(file): \(sheet)" }
            guard column > 0 else { return "\(file): \(sheet)!\(line)" }
            return "\(file): \(sheet)!\(Self.columnName(column))\(line)"
        }
        guard line > 0 else { return file }
        guard column > 0 else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// A spreadsheet's name for a 1-based column number: 1 → A, 26 → Z, 27 → AA.
    public static func columnName(_ column: Int) -> String {
        var number = column
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
    }
}

/// A value together with the place in the content it was read from.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where the value was written.
    public var location: SourceLocation

    /// Wraps a value with its location.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

extension SourceLocation {
    /// The location just after `text`, read from this one: a line further at each line end, a column further at
    /// each other character.
    package func advanced(over text: some StringProtocol) -> SourceLocation {
        var next = self
        for character in text {
            if character == "\n" {
                next.line += 1
                next.column = 1
            } else {
                next.column += 1
            }
        }
        return next
    }
}
