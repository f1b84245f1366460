/// The problems found so far. Each stage appends to it and keeps going where it safely can.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(.error(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        all.append(.warning(location, message))
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// Sorted by file and position, duplicates removed: the order a user fixes them in.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }
            .sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    /// `--strict`: every warning becomes an error.
    public func promotingWarnings() -> Diagnostics {
        var copy = Diagnostics()
        copy.all = all.map { Diagnostic(.error, $0.location, $0.message) }
        return copy
    }
}
