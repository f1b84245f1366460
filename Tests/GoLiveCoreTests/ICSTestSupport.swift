import Foundation
@testable import GoLiveCore

/// Shared inputs and helpers for the calendar tests.
enum ICSFixtures {
    static let paris = TimeZone(identifier: "Europe/Paris")!
    static let stamp = utc("2027-03-01T12:00:00Z")

    /// `2027-03-26T08:00:00Z` → Date; test inputs only.
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { preconditionFailure("bad test date \(text)") }
        return date
    }

    static func event(_ uid: String, _ start: String, _ end: String, summary: String = "Session",
                      description: String = "") -> CalendarEvent {
        CalendarEvent(uid: uid, summary: summary, description: description,
                      start: utc(start), end: utc(end), stamp: stamp)
    }

    /// Physical lines of a rendered file, without their CRLF.
    static func physicalLines(_ ics: String) -> [String] {
        var lines = ics.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab disappears.
    static func unfold(_ ics: String) -> [String] {
        physicalLines(ics.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: ""))
    }
}

/// Runs a Python snippet, as the external checkers named in the brief require.
enum ICSPython {
    struct Result { let status: Int32; let stdout: String; let stderr: String }

    static func run(_ script: String, arguments: [String]) throws -> Result {
        let r = try Subprocess.python(script, arguments)
        return Result(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    static func writeTemp(_ text: String, name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golive-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}
