/// One cell, with the 1-based line and column of its first character in the file
/// (the opening quote for a quoted field). Columns count Unicode code points;
/// a leading byte-order mark is not counted.
public struct CSVField: Sendable, Equatable {
    public var value: String
    public var line: Int
    public var column: Int

    public init(value: String, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}
