import Foundation
import Testing
@testable import GoLiveCore

@Suite struct ICSWriterTests {
    let paris = ICSFixtures.paris

    func sampleDocument() -> CalendarDocument {
        var training = ICSFixtures.event(
            "atlas-training-essentials-agents-paris-1@golive", "2027-03-26T08:00:00Z", "2027-03-26T10:00:00Z",
            summary: "Formation Atlas — les essentiels",
            description: "Apportez vos identifiants; la salle est au 3e étage.\nQuestions : écrivez à l’équipe, merci \\o/")
        training.location = "Paris, salle R1"
        training.categories = ["Formation", "Atlas, lot 1"]
        training.reminderMinutesBefore = 30
        training.url = "https://intranet.example.org/atlas?x=1;y=2"
        var reminder = ICSFixtures.event("atlas-comms-teaser-all@golive", "2027-02-17T09:00:00Z", "2027-02-17T09:15:00Z",
                                         summary: "Envoyer : teaser")
        reminder.transparent = true
        reminder.sequence = 3
        return CalendarDocument(name: "Atlas; formations, lot 1", timeZone: paris, events: [training, reminder])
    }

    @Test func writesTheCalendarHeaderAndEscapedName() {
        let lines = ICSFixtures.unfold(ICSWriter.render(sampleDocument()))
        #expect(Array(lines.prefix(7)) == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//GoLive//GoLive//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", #"X-WR-CALNAME:Atlas\; formations\, lot 1"#, "X-WR-TIMEZONE:Europe/Paris",
        ])
        #expect(lines.last == "END:VCALENDAR")
    }

    @Test func usesCRLFOnlyAndEndsWithCRLF() {
        let ics = ICSWriter.render(sampleDocument())
        let bytes = Array(ics.utf8)
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        for (i, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D, "bare LF at octet \(i)") }
            if byte == 0x0D { #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "bare CR at octet \(i)") }
        }
        #expect(ICSFixtures.physicalLines(ics).allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func writesEventPropertiesInLocalTimeWithEscapedText() {
        let lines = ICSFixtures.unfold(ICSWriter.render(sampleDocument()))
        #expect(lines.contains("DTSTART;TZID=Europe/Paris:20270326T090000"))
        #expect(lines.contains("DTEND;TZID=Europe/Paris:20270326T110000"))
        #expect(lines.contains("DTSTAMP:20270301T120000Z"))
        #expect(lines.contains(#"DESCRIPTION:Apportez vos identifiants\; la salle est au 3e étage.\nQuestions : écrivez à l’équipe\, merci \\o/"#))
        #expect(lines.contains(#"LOCATION:Paris\, salle R1"#))
        #expect(lines.contains(#"CATEGORIES:Formation,Atlas\, lot 1"#))
        #expect(lines.contains("URL:https://intranet.example.org/atlas?x=1;y=2"))
        #expect(lines.contains("SEQUENCE:3"))
        #expect(lines.contains("TRANSP:TRANSPARENT"))
        #expect(lines.contains("TRANSP:OPAQUE"))
        let alarm = lines.firstIndex(of: "BEGIN:VALARM")
        #expect(alarm != nil)
        if let alarm {
            #expect(Array(lines[alarm...].prefix(5)) == [
                "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Formation Atlas — les essentiels", "TRIGGER:-PT30M", "END:VALARM",
            ])
        }
    }

    @Test func sortsEventsByStartThenUID() {
        let doc = CalendarDocument(name: "x", timeZone: paris, events: [
            ICSFixtures.event("c", "2027-03-02T08:00:00Z", "2027-03-02T09:00:00Z"),
            ICSFixtures.event("b", "2027-03-01T08:00:00Z", "2027-03-01T09:00:00Z"),
            ICSFixtures.event("a", "2027-03-02T08:00:00Z", "2027-03-02T09:00:00Z"),
        ])
        let uids = ICSFixtures.unfold(ICSWriter.render(doc)).filter { $0.hasPrefix("UID:") }
        #expect(uids == ["UID:b", "UID:a", "UID:c"])
    }

    @Test func identicalInputGivesIdenticalBytesWhateverTheInputOrder() {
        let doc = sampleDocument()
        var shuffled = doc
        shuffled.events.reverse()
        let first = ICSWriter.render(doc)
        #expect(ICSWriter.render(doc) == first)
        #expect(ICSWriter.render(shuffled) == first)
    }

    @Test func emptyCalendarIsStillACalendar() {
        let lines = ICSFixtures.unfold(ICSWriter.render(CalendarDocument(name: "Vide", timeZone: paris, events: [])))
        #expect(lines == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//GoLive//GoLive//EN", "CALSCALE:GREGORIAN",
                          "METHOD:PUBLISH", "X-WR-CALNAME:Vide", "X-WR-TIMEZONE:Europe/Paris", "END:VCALENDAR"])
    }

    @Test func parisTimezoneIsWrittenAsTwoYearlyRules() {
        let doc = CalendarDocument(name: "x", timeZone: paris, events: [
            ICSFixtures.event("a", "2027-03-26T08:00:00Z", "2027-03-26T09:00:00Z"),
        ])
        let lines = ICSFixtures.unfold(ICSWriter.render(doc))
        guard let begin = lines.firstIndex(of: "BEGIN:VTIMEZONE"), let end = lines.firstIndex(of: "END:VTIMEZONE") else {
            Issue.record("no VTIMEZONE"); return
        }
        #expect(Array(lines[begin...end]) == [
            "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
            "BEGIN:DAYLIGHT", "DTSTART:20260329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:20261025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE",
        ])
    }

    @Test func zoneWithoutDaylightSavingGetsOneStandard() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let doc = CalendarDocument(name: "x", timeZone: tokyo, events: [
            ICSFixtures.event("a", "2027-03-26T00:00:00Z", "2027-03-26T01:00:00Z"),
        ])
        let lines = ICSFixtures.unfold(ICSWriter.render(doc))
        #expect(lines.filter { $0 == "BEGIN:STANDARD" }.count == 1)
        #expect(!lines.contains("BEGIN:DAYLIGHT"))
        #expect(lines.contains("TZOFFSETTO:+0900"))
        #expect(lines.contains("DTSTART;TZID=Asia/Tokyo:20270326T090000"))
    }

    @Test func ruleChangeInsideTheCoveredYearsListsEveryTransition() {
        // The United States moved DST from April to March in 2007: no single yearly rule fits 2005–2008.
        let newYork = TimeZone(identifier: "America/New_York")!
        let changes = ICSTimeZone.transitions(of: newYork, years: 2005...2008)
        #expect(changes.count == 8)
        #expect(ICSTimeZone.yearlyRules(changes, years: 2005...2008) == nil)
        let lines = ICSTimeZone.lines(for: newYork, years: 2005...2008)
        #expect(!lines.contains { $0.hasPrefix("RRULE:") })
        #expect(lines.contains("DTSTART:20050403T020000"))
        #expect(lines.contains("DTSTART:20070311T020000"))
    }

    @Test func secondOccurrenceOfARepeatedHourIsWrittenInUTC() {
        // 2027-10-31: Paris clocks go from 03:00 back to 02:00, so 02:30 happens twice.
        let first = ICSWriter.dateTime("DTSTART", ICSFixtures.utc("2027-10-31T00:30:00Z"), zone: paris)
        let second = ICSWriter.dateTime("DTSTART", ICSFixtures.utc("2027-10-31T01:30:00Z"), zone: paris)
        #expect(first == "DTSTART;TZID=Europe/Paris:20271031T023000")
        #expect(second == "DTSTART:20271031T013000Z")
    }

    @Test func endNotAfterStartIsOmittedAndOddValuesDoNotCrash() {
        var event = ICSFixtures.event("a", "2027-03-26T08:00:00Z", "2027-03-26T07:00:00Z")
        event.sequence = -2
        event.reminderMinutesBefore = -10
        event.url = "https://x.example/\r\nBEGIN:VEVENT"
        var huge = ICSFixtures.event("b", "2027-03-26T08:00:00Z", "2027-03-26T09:00:00Z")
        huge.start = Date(timeIntervalSince1970: .nan)
        huge.end = .distantFuture
        let lines = ICSFixtures.unfold(ICSWriter.render(CalendarDocument(name: "x", timeZone: paris, events: [event, huge])))
        #expect(lines.contains("SEQUENCE:0"))
        #expect(lines.contains("TRIGGER:PT10M"))
        #expect(lines.contains("URL:https://x.example/BEGIN:VEVENT"))
        #expect(lines.filter { $0.hasPrefix("DTEND") }.count == 1)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
    }

    @Test func uidSafeBuildsStableLowercaseIdentifiers() {
        #expect(ICSWriter.uidSafe(["ATLAS", "training", "essentials", "agents-paris", "1"])
                == "atlas-training-essentials-agents-paris-1@golive")
        #expect(ICSWriter.uidSafe(["Équipe Cœur", "  lot_2 ", "", "--"]) == "equipe-coeur-lot-2@golive")
        #expect(ICSWriter.uidSafe([]) == "event@golive")
        let uid = ICSWriter.uidSafe(["Réunion: quotidienne!", "J+1"])
        #expect(uid.dropLast("@golive".count).allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
    }
}
