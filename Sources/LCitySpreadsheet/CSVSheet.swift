import CSV
import Foundation
import LCityContent
import LCityUTF8

/// A sheet as CSV: written as UTF-8 with a byte-order mark (so that Excel reads it as UTF-8), read back from what
/// spreadsheet programs save — a byte-order mark or none, commas or the semicolons of locales with a decimal comma,
/// or tabs. Texts a spreadsheet program would take for a formula are written with a leading `'` and read back
/// without it (`SpreadsheetFormula`), so that a note starting with `=` survives the round trip and never runs.
public enum CSVSheet {
    /// Why a file cannot be read as CSV.
    public enum Failure: Error, Equatable {
        /// Not UTF-8 text (a legacy code page such as GB18030 or Windows-1252).
        case notUTF8
        /// A quote that is never closed, at the given 1-based line.
        case malformed(line: Int)
    }

    /// The CSV bytes of a sheet: every row, fields quoted where needed, CRLF line ends as RFC 4180 has them.
    public static func data(_ sheet: Sheet) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream, delimiter: ",", newline: .crlf)
        for row in sheet.rows {
            try writer.write(row: row.map(text))
        }
        writer.stream.close()
        let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
    }

    private static func text(_ value: CellValue) -> String {
        switch value {
        case .empty: ""
        case .text(let text): SpreadsheetFormula.guarded(text)
        case .number(let number, _): CityYAML.number(number)
        }
    }

    /// The rows of a CSV file as one sheet named `name`, with, for each row, the 1-based line it starts on (a field
    /// may hold line breaks).
    public static func sheet(_ data: Data, name: String) throws(Failure) -> (sheet: Sheet, lines: [Int]) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else { throw .notUTF8 }
        let delimiter = Self.delimiter(of: text)
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter) } catch {
            throw .malformed(line: 1)
        }
        var rows: [[CellValue]] = []
        var lines: [Int] = []
        var line = 1
        while let fields = reader.next() {
            rows.append(fields.map { $0.isEmpty ? .empty : .text(SpreadsheetFormula.unguarded($0)) })
            lines.append(line)
            // The next row starts after this row's own line end and the line breaks inside its fields.
            line += 1 + fields.reduce(0) { $0 + $1.count { $0 == "\n" || $0 == "\r\n" || $0 == "\r" } }
        }
        if reader.error != nil { throw .malformed(line: line) }
        // A blank last line is the file's final line end, not a row.
        while let last = rows.last, last.allSatisfy(\.isBlank) {
            rows.removeLast()
            lines.removeLast()
        }
        return (Sheet(name: name, rows: rows), lines)
    }

    /// The delimiter of the first line: the one of `,`, `;` and tab found most often outside quotes.
    static func delimiter(of text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if quoted { continue }
            if scalar == "\n" || scalar == "\r" { break }
            if counts[scalar] != nil { counts[scalar]! += 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }
        return best.map { $0.value > 0 ? $0.key : "," } ?? ","
    }
}
