import Foundation
import Testing
@testable import GoLiveCore

/// Feeds the written files to a real iCalendar parser (Python `icalendar`, the
/// project's test script installs it) and checks what a calendar client would show.
@Suite struct ICSParserRoundTripTests {
    struct ParsedEvent: Decodable, Equatable {
        let uid: String
        let summary: String
        let description: String
        let location: String
        let categories: [String]
        /// UTC instants as read through the parser's own timezone database (by TZID)…
        let start: String
        let end: String?
        /// …and through the VTIMEZONE written in the file, as Outlook does.
        let startViaVTimezone: String
        let endViaVTimezone: String?
    }

    struct ParsedCalendar: Decodable {
        let name: String
        let errors: [String]
        let events: [ParsedEvent]
    }

    static let script = #"""
import sys, json
try:
    import icalendar
except ImportError:
    sys.stderr.write("python module 'icalendar' is missing: pip install icalendar\n")
    sys.exit(3)
from datetime import timezone

cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
own = {str(c["TZID"]): c.to_tz(lookup_tzid=False) for c in cal.walk("VTIMEZONE")}
errors = [str(x) for x in getattr(cal, "errors", [])]

def iso(d):
    return d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

def times(event, name):
    if name not in event:
        return None, None
    prop = event[name]
    tzid = prop.params.get("TZID")
    via_own = iso(prop.dt.replace(tzinfo=own[tzid])) if tzid else iso(prop.dt)
    return iso(prop.dt), via_own

events = []
for e in cal.walk("VEVENT"):
    errors += [str(x) for x in getattr(e, "errors", [])]
    start, start_own = times(e, "DTSTART")
    end, end_own = times(e, "DTEND")
    cats = e.get("CATEGORIES", [])
    cats = cats if isinstance(cats, list) else [cats]
    events.append({
        "uid": str(e["UID"]), "summary": str(e.get("SUMMARY", "")),
        "description": str(e.get("DESCRIPTION", "")), "location": str(e.get("LOCATION", "")),
        "categories": [str(c) for group in cats for c in group.cats],
        "start": start, "end": end, "startViaVTimezone": start_own, "endViaVTimezone": end_own,
    })
print(json.dumps({"name": str(cal.get("X-WR-CALNAME", "")), "errors": errors, "events": events}))
"""#

    func parse(_ document: CalendarDocument) throws -> ParsedCalendar? {
        let file = try ICSPython.writeTemp(ICSWriter.render(document), name: "golive.ics")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try ICSPython.run(Self.script, arguments: [file.path])
        if result.status == 3 {
            Issue.record("\(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) (the parser check needs it)")
            return nil
        }
        guard result.status == 0 else {
            Issue.record("icalendar could not read the file (exit \(result.status)): \(result.stderr)")
            return nil
        }
        let parsed = try JSONDecoder().decode(ParsedCalendar.self, from: Data(result.stdout.utf8))
        #expect(parsed.errors.isEmpty, "parser errors: \(parsed.errors)")
        return parsed
    }

    /// Checks one event's instants through both the TZID and the written VTIMEZONE.
    func expectTimes(_ events: [ParsedEvent], _ uid: String, start: String, end: String?,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let event = events.first(where: { $0.uid == uid }) else {
            Issue.record("no event \(uid)", sourceLocation: sourceLocation); return
        }
        #expect(event.start == start, sourceLocation: sourceLocation)
        #expect(event.startViaVTimezone == start, sourceLocation: sourceLocation)
        #expect(event.end == end, sourceLocation: sourceLocation)
        #expect(event.endViaVTimezone == end, sourceLocation: sourceLocation)
    }

    @Test func parisTimesAreRightOnBothSidesOfDaylightSavingChanges() throws {
        let description = "Ordre du jour : accès, mots de passe; questions\nDeuxième ligne — « guillemets », chemin C:\\Atlas\\"
            + String(repeating: " Élève à l’écoute, çà et là.", count: 4)
        var before = ICSFixtures.event("before@golive", "2027-03-26T08:00:00Z", "2027-03-26T10:00:00Z",
                                       summary: "Formation Atlas — « essentiels », lot 1; Paris", description: description)
        before.location = "Paris, salle R1"
        before.categories = ["Formation", "Lot 1, Paris"]
        before.reminderMinutesBefore = 15
        let after = ICSFixtures.event("after@golive", "2027-03-29T07:00:00Z", "2027-03-29T08:00:00Z")
        // 22:00 on Saturday to 03:30 on Sunday, across midnight and the 02:00 → 03:00 jump.
        let overnight = ICSFixtures.event("overnight@golive", "2027-03-27T21:00:00Z", "2027-03-28T01:30:00Z")
        // 02:30 in the repeated hour of 2027-10-31, second occurrence.
        let repeated = ICSFixtures.event("repeated@golive", "2027-10-31T01:30:00Z", "2027-10-31T04:00:00Z")
        let winter = ICSFixtures.event("winter@golive", "2027-11-02T08:00:00Z", "2027-11-02T08:30:00Z")
        let document = CalendarDocument(name: "Atlas — réunions", timeZone: ICSFixtures.paris,
                                        events: [winter, repeated, overnight, after, before])

        guard let parsed = try parse(document) else { return }
        #expect(parsed.name == "Atlas — réunions")
        #expect(parsed.events.map(\.uid) == ["before@golive", "overnight@golive", "after@golive", "repeated@golive", "winter@golive"])
        expectTimes(parsed.events, "before@golive", start: "2027-03-26T08:00:00Z", end: "2027-03-26T10:00:00Z")
        expectTimes(parsed.events, "after@golive", start: "2027-03-29T07:00:00Z", end: "2027-03-29T08:00:00Z")
        expectTimes(parsed.events, "overnight@golive", start: "2027-03-27T21:00:00Z", end: "2027-03-28T01:30:00Z")
        expectTimes(parsed.events, "repeated@golive", start: "2027-10-31T01:30:00Z", end: "2027-10-31T04:00:00Z")
        expectTimes(parsed.events, "winter@golive", start: "2027-11-02T08:00:00Z", end: "2027-11-02T08:30:00Z")

        let first = parsed.events.first { $0.uid == "before@golive" }
        #expect(first?.summary == "Formation Atlas — « essentiels », lot 1; Paris")
        #expect(first?.description == description)
        #expect(first?.location == "Paris, salle R1")
        #expect(first?.categories == ["Formation", "Lot 1, Paris"])
    }

    @Test func newYorkAndTokyoTimesAreRight() throws {
        let newYork = CalendarDocument(name: "NY", timeZone: TimeZone(identifier: "America/New_York")!, events: [
            ICSFixtures.event("est@golive", "2027-03-12T14:00:00Z", "2027-03-12T15:00:00Z"),   // 09:00 EST
            ICSFixtures.event("edt@golive", "2027-03-15T13:00:00Z", "2027-03-15T14:00:00Z"),   // 09:00 EDT
        ])
        if let parsed = try parse(newYork) {
            expectTimes(parsed.events, "est@golive", start: "2027-03-12T14:00:00Z", end: "2027-03-12T15:00:00Z")
            expectTimes(parsed.events, "edt@golive", start: "2027-03-15T13:00:00Z", end: "2027-03-15T14:00:00Z")
        }
        let tokyo = CalendarDocument(name: "Tokyo", timeZone: TimeZone(identifier: "Asia/Tokyo")!, events: [
            ICSFixtures.event("jst@golive", "2027-03-26T00:00:00Z", "2027-03-26T01:30:00Z"),   // 09:00 JST
        ])
        if let parsed = try parse(tokyo) {
            expectTimes(parsed.events, "jst@golive", start: "2027-03-26T00:00:00Z", end: "2027-03-26T01:30:00Z")
        }
    }

    @Test func explicitTransitionsAreReadCorrectlyWhenTheRuleChanged() throws {
        // 2006 used the April rule, 2007 the March one: the VTIMEZONE lists each change.
        let document = CalendarDocument(name: "NY", timeZone: TimeZone(identifier: "America/New_York")!, events: [
            ICSFixtures.event("2006-est@golive", "2006-04-01T14:00:00Z", "2006-04-01T15:00:00Z"),
            ICSFixtures.event("2006-edt@golive", "2006-04-03T13:00:00Z", "2006-04-03T14:00:00Z"),
            ICSFixtures.event("2007-edt@golive", "2007-03-20T13:00:00Z", "2007-03-20T14:00:00Z"),
        ])
        guard let parsed = try parse(document) else { return }
        expectTimes(parsed.events, "2006-est@golive", start: "2006-04-01T14:00:00Z", end: "2006-04-01T15:00:00Z")
        expectTimes(parsed.events, "2006-edt@golive", start: "2006-04-03T13:00:00Z", end: "2006-04-03T14:00:00Z")
        expectTimes(parsed.events, "2007-edt@golive", start: "2007-03-20T13:00:00Z", end: "2007-03-20T14:00:00Z")
    }
}
