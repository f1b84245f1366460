import Foundation
import Testing
@testable import GoLiveCore

/// Calendar clients update an event in place when its UID is known and its SEQUENCE grew:
/// SEQUENCE and DTSTAMP must change when, and only when, the event itself changes.
@Suite("Calendar revisions")
struct CalendarRevisionTests {
    static func eventLines(_ out: URL, _ path: String) throws -> [String] {
        let text = try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
        return text.components(separatedBy: "\r\n").filter { $0.hasPrefix("SEQUENCE:") || $0.hasPrefix("DTSTAMP:") || $0.hasPrefix("UID:") }
    }

    @Test func sequenceGrowsOnlyWhenTheSessionChanges() throws {
        let out = try BuildOutputTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let original = ProjectFixture.files()
        _ = try Build(files: original, outputDirectory: out).run()
        let first = try Self.eventLines(out, "agents/training.ics")
        #expect(first.contains("SEQUENCE:0"))

        let same = try Build(files: original, outputDirectory: out).run()
        #expect(same.report.written.isEmpty)

        let shorter = ProjectFixture.files(plan: ProjectFixture.plan.replacingOnce("duration: 2h", with: "duration: 1h30"))
        _ = try Build(files: shorter, outputDirectory: out).run()
        let second = try Self.eventLines(out, "agents/training.ics")
        #expect(second.contains("SEQUENCE:1"))
        #expect(first.filter { $0.hasPrefix("UID:") } == second.filter { $0.hasPrefix("UID:") }, "the same session keeps its UID")
        let before = Set(first.filter { $0.hasPrefix("DTSTAMP:") }), after = Set(second.filter { $0.hasPrefix("DTSTAMP:") })
        #expect(!after.isEmpty && before.isDisjoint(with: after), "each revised event gets a new DTSTAMP: \(before) → \(after)")

        let again = try Build(files: shorter, outputDirectory: out).run()
        #expect(again.report.written.isEmpty, "an unchanged event keeps SEQUENCE 1: \(again.report.written)")
        #expect(try Self.eventLines(out, "agents/training.ics") == second)
    }

    @Test func stampArithmeticCrossesMidnight() throws {
        let stamp = try #require(CalendarRevisions.UTCStamp("20270228T235900Z"))
        #expect(stamp.adding(minutes: 2).text == "20270301T000100Z")
    }
}
