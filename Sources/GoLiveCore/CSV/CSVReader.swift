/// Reads RFC 4180 CSV as exported by ticketing tools, survey tools, Excel and
/// LibreOffice: UTF-8 with or without BOM, CRLF / LF / CR line ends, comma or
/// semicolon delimiter (detected on the header line), `""` escapes and line
/// breaks inside quoted fields. Blank lines and rows whose cells are all empty
/// (Excel leaves `,,,,` lines behind) are skipped.
public enum CSVReader {
    /// Strict: the first problem in the file is thrown.
    public static func parse(_ text: String) throws(CSVError) -> CSVTable {
        let result = parseReportingAll(text)
        if let first = result.errors.first { throw first }
        return result.table
    }

    /// Lenient: reads on after a bad row so that every problem is reported at once.
    /// An unterminated quote ends the reading (the rest of the file is inside it).
    public static func parseReportingAll(_ text: String) -> CSVParseResult {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let delimiter = CSVDelimiter.detect(in: scalars)
        var scanner = CSVScanner(scalars: scalars, delimiter: delimiter)
        var errors: [CSVError] = []
        var header: [CSVField]?
        var rows: [[CSVField]] = []
        while let record = scanner.nextRecord() {
            if record.isEmpty && record.errors.isEmpty { continue }
            var recordErrors = record.errors
            if let header {
                if let mismatch = countMismatch(record.fields, expected: header.count) {
                    recordErrors.append(mismatch)
                }
                if recordErrors.isEmpty { rows.append(record.fields) }
            } else {
                header = record.fields
            }
            errors += recordErrors
        }
        let table = CSVTable(header: header ?? [], rows: rows, delimiter: Character(delimiter))
        return CSVParseResult(table: table, errors: errors)
    }

    /// Points at the first extra field when there are too many, at the row's
    /// start when there are too few.
    private static func countMismatch(_ fields: [CSVField], expected: Int) -> CSVError? {
        guard fields.count != expected, let first = fields.first else { return nil }
        let at = fields.count > expected ? fields[expected] : first
        return CSVError(line: at.line, column: at.column,
                        message: "row has \(fields.count) fields, header has \(expected)")
    }
}
