/// A parsed CSV file: the header row, the data rows (blank lines skipped) and
/// the delimiter that was detected.
public struct CSVTable: Sendable {
    public var header: [CSVField]
    public var rows: [[CSVField]]
    public var delimiter: Character

    public init(header: [CSVField], rows: [[CSVField]], delimiter: Character) {
        self.header = header
        self.rows = rows
        self.delimiter = delimiter
    }

    /// The header's names, in order.
    public var columnNames: [String] { header.map(\.value) }
}
