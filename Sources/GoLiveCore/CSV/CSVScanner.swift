/// Walks the file one record at a time, keeping the line and column of every
/// field so errors and values can point back into the file.
struct CSVScanner {
    struct Record {
        var fields: [CSVField]
        var errors: [CSVError]
        /// True when no field holds text and none was quoted: a blank line or `,,,`.
        var isEmpty: Bool
    }

    private enum Ending { case delimiter, lineEnd, endOfFile }

    private let scalars: [Unicode.Scalar]
    private let delimiter: Unicode.Scalar
    private var index = 0
    private var line = 1
    private var column = 1
    private var stopped = false

    init(scalars: [Unicode.Scalar], delimiter: Unicode.Scalar) {
        self.scalars = scalars
        self.delimiter = delimiter
    }

    mutating func nextRecord() -> Record? {
        guard !stopped, index < scalars.count else { return nil }
        var record = Record(fields: [], errors: [], isEmpty: true)
        while true {
            let (field, quoted, ending) = readField(errors: &record.errors)
            record.fields.append(field)
            if quoted || !field.value.isEmpty { record.isEmpty = false }
            if ending != .delimiter { break }
        }
        return record
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    private var isAtLineEnd: Bool { current == "\n" || current == "\r" }

    private mutating func advance() {
        column += 1
        index += 1
    }

    /// Consumes CRLF, LF or a lone CR and returns what it consumed.
    @discardableResult
    private mutating func consumeLineEnd() -> String {
        let crlf = current == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
        let text = crlf ? "\r\n" : String(current.map(Character.init) ?? "\n")
        index += crlf ? 2 : 1
        line += 1
        column = 1
        return text
    }

    private mutating func readField(errors: inout [CSVError]) -> (CSVField, Bool, Ending) {
        let startLine = line
        let startColumn = column
        var value = String.UnicodeScalarView()
        var quoted = false
        var reportedQuote = false
        if current == "\"" {
            quoted = true
            advance()
            guard readQuoted(into: &value) else {
                errors.append(CSVError(line: startLine, column: startColumn, message: "unterminated quoted field"))
                stopped = true
                return (CSVField(value: String(value), line: startLine, column: startColumn), true, .endOfFile)
            }
            if let c = current, c != delimiter, !isAtLineEnd {
                errors.append(CSVError(line: line, column: column,
                                       message: "unexpected text after the closing quote"))
                reportedQuote = true // one problem per field is enough
            }
        }
        while let c = current, c != delimiter, !isAtLineEnd {
            if c == "\"" && !reportedQuote {
                errors.append(CSVError(line: line, column: column,
                                       message: "quote inside an unquoted field (quote the whole field and double the quote)"))
                reportedQuote = true
            }
            value.append(c)
            advance()
        }
        let field = CSVField(value: String(value), line: startLine, column: startColumn)
        if current == delimiter {
            advance()
            return (field, quoted, .delimiter)
        }
        if isAtLineEnd {
            consumeLineEnd()
            return (field, quoted, .lineEnd)
        }
        return (field, quoted, .endOfFile)
    }

    /// Reads after the opening quote up to and including the closing one.
    /// Returns false when the file ends first.
    private mutating func readQuoted(into value: inout String.UnicodeScalarView) -> Bool {
        while let c = current {
            if c == "\"" {
                advance()
                guard current == "\"" else { return true }
                value.append("\"")
                advance()
            } else if isAtLineEnd {
                value.append(contentsOf: consumeLineEnd().unicodeScalars)
            } else {
                value.append(c)
                advance()
            }
        }
        return false
    }
}
