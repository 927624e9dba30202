import Foundation
import LCityContent

/// Writes sheets as an Office Open XML workbook (`.xlsx`) that Excel, LibreOffice and Numbers open.
///
/// The package is zipped by ZIPFoundation with a fixed date on every entry, so that the same sheets give the same
/// bytes. The XML parts are fixed in shape and written as text; only cell texts vary, and they are escaped. A
/// grid of cells (`data(_:)`) and rows streamed into a `WorkbookWriter` give the same bytes for the same cells.
public enum XLSXWriter {
    /// The `.xlsx` bytes of `sheets`, in order (the first is the one a spreadsheet program opens on).
    public static func data(_ sheets: [SheetDesign]) throws -> Data {
        var workbook = try WorkbookWriter()
        for design in sheets {
            workbook.addSheet(design.layout, columns: design.sheet.rows.map(\.count).max() ?? 0) { rows in
                for row in design.sheet.rows {
                    for cell in row { rows.cell(cell) }
                    rows.endRow()
                }
            }
        }
        return try workbook.data()
    }

    /// The package's parts before the worksheets, by path.
    static func leadingParts(_ sheets: [SheetLayout]) -> [(path: String, text: String)] {
        [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
    }

    // MARK: Package parts

    private static func contentTypes(sheetCount: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            """
        for index in 1...max(sheetCount, 1) {
            text += """
                <Override PartName="/xl/worksheets/sheet\(index).xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                """
        }
        return text + "</Types>"
    }

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    private static func workbook(_ names: [String]) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """
        for (index, name) in names.enumerated() {
            text += "<sheet name=\"\(escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return text + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for index in 1...max(sheetCount, 1) {
            text += """
                <Relationship Id="rId\(index)" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
                Target="worksheets/sheet\(index).xml"/>
                """
        }
        text += """
            <Relationship Id="rId\(sheetCount + 1)" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId\(sheetCount + 2)" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
            """
        return text + "</Relationships>"
    }

    /// The cell formats, by index (`WorksheetRows.Style`): 0 plain, 1 header, 2 locked (greyed), 3 editable,
    /// 4 wrapped text.
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFF0F0F0"/></patternFill></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9E2F3"/></patternFill></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1"/>\
        <xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">\
        <alignment wrapText="1" vertical="top"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    // MARK: Worksheets

    /// A worksheet's XML up to its rows: the used range (`rowCount` rows of `columnCount` cells), frozen panes,
    /// column widths.
    static func worksheetHead(_ layout: SheetLayout, rowCount: Int, columnCount: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            """
        if columnCount > 0, rowCount > 0 {
            text += "<dimension ref=\"A1:\(reference(row: rowCount - 1, column: columnCount - 1))\"/>"
        }
        text += "<sheetViews><sheetView workbookViewId=\"0\">"
        if layout.freezeHeader {
            if layout.freezeFirstColumn {
                text += "<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/>"
                text += "<selection pane=\"bottomRight\" activeCell=\"B2\" sqref=\"B2\"/>"
            } else {
                text += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                text += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
            }
        }
        text += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !layout.columnWidths.isEmpty {
            text += "<cols>"
            for (index, width) in layout.columnWidths.enumerated() {
                text += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            text += "</cols>"
        }
        return text + "<sheetData>"
    }

    /// A worksheet's XML after its rows: protection, drop-down lists, page setup.
    static func worksheetTail(_ layout: SheetLayout) -> String {
        var text = "</sheetData>"
        if layout.protected {
            // No password; formatting, inserting and deleting rows, sorting and filtering stay allowed.
            text += """
                <sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0" \
                formatRows="0" insertRows="0" deleteRows="0" sort="0" autoFilter="0"/>
                """
        }
        if !layout.choices.isEmpty {
            text += "<dataValidations count=\"\(layout.choices.count)\">"
            for choice in layout.choices {
                let list = choice.values.joined(separator: ",")
                text += """
                    <dataValidation type="list" errorStyle="information" allowBlank="1" showInputMessage="1" \
                    showErrorMessage="0" promptTitle="\(escape(String(choice.promptTitle.prefix(32))))" \
                    prompt="\(escape(String(choice.prompt.prefix(255))))" sqref="\(ranges(choice.cells))">\
                    <formula1>"\(escape(list))"</formula1></dataValidation>
                    """
            }
            text += "</dataValidations>"
        }
        text += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        text += "<pageSetup orientation=\"landscape\"/>"
        return text + "</worksheet>"
    }

    /// `A1`-style name of a 0-based row and column.
    static func reference(row: Int, column: Int) -> String {
        "\(SourceLocation.columnName(column + 1))\(row + 1)"
    }

    /// The cells as a space-separated list of references, runs of rows in one column as ranges (`L2:L40`).
    private static func ranges(_ cells: [(row: Int, column: Int)]) -> String {
        let sorted = cells.sorted { ($0.column, $0.row) < ($1.column, $1.row) }
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1].column == sorted[index].column,
                sorted[end + 1].row == sorted[end].row + 1
            {
                end += 1
            }
            let first = reference(row: sorted[index].row, column: sorted[index].column)
            parts.append(end == index ? first : "\(first):\(reference(row: sorted[end].row, column: sorted[end].column))")
            index = end + 1
        }
        return parts.joined(separator: " ")
    }

    /// Text safe in XML content and attribute values; characters XML 1.0 forbids are left out.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n": escaped += "&#10;"
            case "\t": escaped += "&#9;"
            case "\r": escaped += "&#13;"
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
