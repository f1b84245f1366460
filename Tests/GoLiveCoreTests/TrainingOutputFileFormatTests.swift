import Foundation
import Testing
@testable import GoLiveCore

/// The schedule CSV and every training calendar, read back by real parsers (Python's
/// `csv` and `icalendar`).
@Suite struct TrainingOutputFileFormatTests {
    static let csvScript = #"""
import csv, io, json, sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
rows = list(csv.reader(io.StringIO(text, newline="")))
print(json.dumps({"crlf": text.count("\r\n") == len(rows), "rows": rows}))
"""#

    struct ParsedCSV: Decodable { let crlf: Bool; let rows: [[String]] }

    @Test func scheduleCSVHasTheExactHeaderAndParses() throws {
        let (_, planned, outputs) = try TrainingOutputFixture.build(TrainingOutputFixture.files())
        let csv = try #require(outputs["training/schedule.csv"])
        // The very first bytes are the header: no byte-order mark.
        let header = Data("date,start,end,module,format,site,room,trainer,audience,seats\r\n".utf8)
        #expect(csv.data.prefix(header.count) == header)
        #expect(csv.data.first == UInt8(ascii: "d"))
        let result = try TrainingOutputFixture.python(Self.csvScript, files: ["schedule.csv": csv.data])
        try #require(result.status == 0, "python csv failed: \(result.stderr)")
        let parsed = try JSONDecoder().decode(ParsedCSV.self, from: Data(result.stdout.utf8))
        #expect(parsed.crlf)
        #expect(parsed.rows.first == ["date", "start", "end", "module", "format", "site", "room", "trainer", "audience", "seats"])
        let rows = parsed.rows.dropFirst()
        let sessions = try #require(planned.training?.sessions)
        #expect(rows.count == sessions.count)
        let date = try Regex(#"^\d{4}-\d{2}-\d{2}$"#), time = try Regex(#"^\d{2}:\d{2}$"#)
        for row in rows {
            try #require(row.count == 10, "row \(row)")
            #expect(Int(row[9]) != nil)
            if row[4] == "elearning" {
                #expect(row[0] == "" && row[1] == "" && row[2] == "" && row[6] == "" && row[7] == "", "e-learning row \(row)")
            } else {
                #expect(row[0].wholeMatch(of: date) != nil && row[1].wholeMatch(of: time) != nil && row[2].wholeMatch(of: time) != nil, "\(row)")
                #expect(!row[7].isEmpty)
                #expect(row[4] == "remote" ? row[6].isEmpty : !row[6].isEmpty, "\(row)")
            }
        }
        #expect(rows.contains(["", "", "", "basics-online", "elearning", "Paris", "", "", "back-office", "30"]))
        #expect(rows.contains(["2027-03-12", "09:00", "11:00", "essentials", "classroom", "Lyon", "lyon-r1", "t-lefevre", "agents-lyon", "12"]))
    }

    static let icsScript = #"""
import json, sys
try:
    import icalendar
except ImportError:
    sys.stderr.write("python module 'icalendar' is missing\n"); sys.exit(3)
from datetime import timezone
out = {}
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    cal = icalendar.Calendar.from_ical(raw)
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    events = []
    for e in cal.walk("VEVENT"):
        s, t = e["DTSTART"], e["DTEND"]
        events.append({"uid": str(e["UID"]), "tzid": str(s.params.get("TZID", "")),
            "start": s.dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
            "end": t.dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
            "stamp": e["DTSTAMP"].dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
            "sequence": int(e.get("SEQUENCE", -1)), "summary": str(e["SUMMARY"])})
    lines = raw.split(b"\r\n")
    out[path.rsplit("/golive-training-", 1)[-1].split("/", 1)[-1]] = {"zones": zones, "events": events,
        "bareLF": b"\n" in raw.replace(b"\r\n", b""), "longest": max(len(l) for l in lines)}
print(json.dumps(out))
"""#

    struct ParsedEvent: Decodable, Equatable {
        let uid, tzid, start, end, stamp, summary: String
        let sequence: Int
    }

    struct ParsedCalendar: Decodable { let zones: [String]; let events: [ParsedEvent]; let bareLF: Bool; let longest: Int }

    func parseCalendars(_ outputs: [String: OutputFile]) throws -> [String: ParsedCalendar] {
        let files = outputs.filter { $0.key.hasSuffix(".ics") && ($0.key.hasPrefix("training/") || $0.key.hasSuffix("/training.ics")) }
            .mapValues(\.data)
        let result = try TrainingOutputFixture.python(Self.icsScript, files: files)
        try #require(result.status == 0, "icalendar failed (\(result.status)): \(result.stderr)")
        let parsed = try JSONDecoder().decode([String: ParsedCalendar].self, from: Data(result.stdout.utf8))
        #expect(Set(parsed.keys) == Set(files.keys))
        return parsed
    }

    @Test func everyTrainingCalendarParsesWithTheRightTimes() throws {
        let (_, planned, outputs) = try TrainingOutputFixture.build(TrainingOutputFixture.files())
        let calendars = try parseCalendars(outputs)
        #expect(calendars.count == 10)
        // Every calendar written has at least one event (RFC 5545 wants a component).
        for (path, calendar) in calendars { #expect(!calendar.events.isEmpty, "\(path) is empty") }
        for (path, calendar) in calendars {
            #expect(calendar.zones == (calendar.events.isEmpty ? [] : ["Europe/Paris"]), "\(path)")
            #expect(!calendar.bareLF && calendar.longest <= 75, "\(path)")
            #expect(Set(calendar.events.map(\.uid)).count == calendar.events.count, "\(path): duplicate UIDs")
            for event in calendar.events { #expect(event.tzid == "Europe/Paris" && event.sequence == 0, "\(path)") }
        }
        let lyon = try #require(calendars["agents-lyon/training.ics"])
        let timed = planned.training?.sessions.filter { $0.audienceID == "agents-lyon" && $0.date != nil } ?? []
        #expect(lyon.events.count == timed.count)
        // 12 March is winter time in Paris (UTC+1); the stamp is the start minus 30 days.
        #expect(lyon.events.first == ParsedEvent(
            uid: "atlas-training-agents-lyon-essentials-1@golive", tzid: "Europe/Paris",
            start: "2027-03-12T08:00Z", end: "2027-03-12T10:00Z", stamp: "2027-02-10T08:00Z",
            summary: "Formation : Les essentiels d'Atlas (session 1 sur 10)", sequence: 0))
        // No calendar at all: back-office only follows an online course, which has no slot.
        #expect(calendars["back-office/training.ics"] == nil)
        // The trainer's calendar holds the same session under the same UID.
        #expect(calendars["training/trainers/t-lefevre.ics"]?.events.contains { $0.uid == lyon.events[0].uid && $0.start == lyon.events[0].start } == true)
    }

    /// Lyon's and Lille's trainers are away until Easter: their sessions move past the
    /// 28 March 2027 change to summer time (UTC+2) and past Easter Monday.
    @Test func sessionsAfterTheDaylightSavingChangeHaveSummerTimeOffsets() throws {
        let away = (12...26).map { String(format: "2027-03-%02d", $0) }.joined(separator: ", ")
        let files = TrainingOutputFixture.files([
            "plan.yaml": { $0.replacingOccurrences(of: "sites: [Lyon, Lille]", with: "sites: [Lyon, Lille]\n      unavailable: [\(away)]") },
            "audiences/agents-lyon.yaml": { $0.replacingOnce("headcount: 120", with: "headcount: 60") },
        ])
        let (project, planned, outputs) = try TrainingOutputFixture.build(files)
        let schedule = try #require(planned.training)
        let training = try #require(project.plan.training)
        #expect(verify(TrainingProblem(plan: project.plan, training: training), schedule) == [])
        let lyonSessions = schedule.sessions.filter { $0.audienceID == "agents-lyon" }
        #expect(lyonSessions.allSatisfy { ($0.date?.description ?? "") >= "2027-03-30" })
        let calendars = try parseCalendars(outputs)
        let lyon = try #require(calendars["agents-lyon/training.ics"])
        #expect(lyon.events.count == lyonSessions.count)
        let first = try #require(lyon.events.first)
        #expect(first.start == "2027-03-30T07:00Z" && first.end == "2027-03-30T09:00Z")
        #expect(first.stamp == "2027-02-28T07:00Z")
        for (event, session) in zip(lyon.events, lyonSessions) {
            let start = try #require(session.start)
            let hour = start.hour - 2, minute = start.minute
            #expect(event.start == "\(session.date!)T\(String(format: "%02d:%02d", hour, minute))Z")
        }
    }
}
