/// Everything `CSVReader.parseReportingAll` found: the rows it could read and
/// every problem, in file order. Rows with a problem are left out of `table`.
public struct CSVParseResult: Sendable {
    public var table: CSVTable
    public var errors: [CSVError]

    public init(table: CSVTable, errors: [CSVError]) {
        self.table = table
        self.errors = errors
    }
}
