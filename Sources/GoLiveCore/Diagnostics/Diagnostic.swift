/// One problem found in the input: data, never thrown one at a time, so a run reports all of them.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning
        case error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        // One problem, one line: a quoted value with a line break must not start a line of its own.
        self.message = message.contains(where: \.isNewline)
            ? message.split(whereSeparator: \.isNewline).joined(separator: " ") : message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    /// The one format every tool and editor understands: `FILE:LINE:COLUMN: error: MESSAGE`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}
