/// Writes CSV that Excel and LibreOffice open as intended: comma-separated,
/// CRLF line ends, UTF-8 with a byte-order mark (without it Excel reads the
/// file as Windows-1252 and accents come out garbled).
public enum CSVWriter {
    public static func render(header: [String], rows: [[String]], bom: Bool = true) -> String {
        let lines = ([header] + rows).map(renderRow)
        return (bom ? "\u{FEFF}" : "") + lines.map { $0 + "\r\n" }.joined()
    }

    private static func renderRow(_ cells: [String]) -> String {
        // A lone empty cell would be a blank line, which readers skip.
        if cells.count == 1, cells[0].isEmpty { return "\"\"" }
        return cells.map(cell).joined(separator: ",")
    }

    /// One cell, defused then quoted if needed.
    public static func cell(_ value: String) -> String {
        let safe = defuseFormula(value)
        guard needsQuotes(safe) else { return safe }
        // Quotes doubled byte by byte: one followed by a combining mark is still a quote to a reader.
        return withUTF8Bytes(of: safe) { bytes in
            var out: [UInt8] = [0x22]
            out.reserveCapacity(bytes.count + 8)
            for byte in bytes {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether a cell must be quoted: it holds a comma, a quote or a line break, or starts or ends with
    /// a space, or starts with a tab. Read on bytes, as a CSV reader reads them: a comma followed by a
    /// combining mark is no comma Character, but it is a comma byte that splits an unquoted cell.
    static func needsQuotes(_ cell: String) -> Bool {
        withUTF8Bytes(of: cell) { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first == 0x20 || first == 0x09 || last == 0x20
                || bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        }
    }

    /// Spreadsheets run a cell starting with `=`, `+`, `-` or `@` as a formula
    /// (and tab / CR can hide such a start). Those cells get a leading `'`, which
    /// Excel and LibreOffice read as "this is text". Plain numbers such as `-12`,
    /// `+3.5` or `-0,75` (and a lone `-`) are left alone so they stay what they are.
    public static func defuseFormula(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return value }
        switch first {
        case "=", "@", "\t", "\r":
            return "'" + value
        case "+", "-":
            // A lone sign is a common "no value" mark and cannot start a formula.
            if value.unicodeScalars.count == 1 { return value }
            return isPlainNumber(value.unicodeScalars.dropFirst()) ? value : "'" + value
        default:
            return value
        }
    }

    private static func isPlainNumber(_ rest: String.UnicodeScalarView.SubSequence) -> Bool {
        let parts = rest.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) }
        }
    }
}
