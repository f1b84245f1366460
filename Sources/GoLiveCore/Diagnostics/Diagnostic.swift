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
        self.message = Self.mayBreakLines(message)
            ? message.split(whereSeparator: \.isNewline).joined(separator: " ") : message
    }

    /// False only when `message` surely holds no line break: none of LF, VT, FF, CR (0x0A–0x0D), NEL
    /// (C2 85), LS or PS (E2 80 A8–A9). Each of those is a Character of its own, so this is what
    /// `contains(where: \.isNewline)` tells, on bytes: every warning of a build comes through here.
    static func mayBreakLines(_ message: String) -> Bool {
        withUTF8Bytes(of: message) { bytes in
            for (i, byte) in bytes.enumerated() {
                if (0x0A...0x0D).contains(byte) { return true }
                if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { return true }
                if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return true }
            }
            return false
        }
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
