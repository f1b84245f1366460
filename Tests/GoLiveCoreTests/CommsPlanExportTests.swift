import Foundation
import Testing
@testable import GoLiveCore

/// The comms team's views of the schedule: page, CSV, calendar, agenda.
struct CommsPlanExportTests {
    @Test func planPageLinksMessagesAndDrawsTheCampaign() throws {
        let r = try CommsFixture.example()
        let html = try #require(r.text("comms-plan.html"))
        #expect(html.contains("<a href=\"agents-paris/comms/2027-02-17-teaser.html\">teaser</a>"))
        #expect(html.contains("mercredi 17 février 2027"))
        #expect(html.contains("semaine du 15 mars 2027"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("</svg>\n</figure>"))
        #expect(!html.contains("&lt;svg"))
    }

    /// The comms team works down the plan in this order; the sends are sorted on numbers standing for
    /// the ids, which must give the order the ids themselves give.
    @Test func sendsComeByMomentThenAudienceThenMessage() throws {
        for files in [DiskFiles(root: CommsFixture.repoRoot) as ProjectFiles,
                      MemoryFiles(SyntheticProject.files(audiences: 150, waves: 4, seed: 3))] {
            let plan = try LoadedProject.load(files).plan
            let sends = CommsCalendar.sends(for: plan)
            #expect(sends.count == plan.communications.reduce(0) { count, c in count + plan.audiences.filter(c.targets).count })
            let expected = sends.sorted { ($0.moment, $0.audienceID, $0.communicationID) < ($1.moment, $1.audienceID, $1.communicationID) }
            #expect(sends == expected)
            #expect(Set(sends.map(\.audienceID)).count > 1)
        }
    }

    @Test func csvHasOneRowPerSend() throws {
        let r = try CommsFixture.example()
        let csv = try #require(r.text("comms-plan.csv"))
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "\u{FEFF}date,time,message,channel,audience,wave,headcount,file")
        #expect(lines.count == r.planned.sends.count + 1)
        #expect(lines.contains("2027-03-18,16:00,eve,teams,agents-paris,lot-1,180,agents-paris/comms/2027-03-18-eve.md"))
    }

    @Test func calendarParsesWithRightUTCTimesAcrossDST() throws {
        let r = try CommsFixture.example()
        let ics = try #require(r.text("comms-calendar.ics"))
        let url = try ICSPython.writeTemp(ics, name: "comms-calendar.ics")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let script = #"""
import sys, icalendar, datetime
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART').astimezone(datetime.timezone.utc)
    end = e.decoded('DTEND').astimezone(datetime.timezone.utc)
    alarm = [a for a in e.walk('VALARM')]
    print(str(e['UID']), start.strftime('%Y-%m-%dT%H:%MZ'), int((end - start).total_seconds() // 60),
          e.decoded('DTSTAMP').strftime('%Y%m%d'), len(alarm))
"""#
        let result = try ICSPython.run(script, arguments: [url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = Set(result.stdout.split(separator: "\n").map(String.init))
        #expect(lines.count == r.planned.sends.count)
        #expect(lines.contains("atlas-golive-agents-paris@golive 2027-03-19T07:00Z 15 20270310 1"))
        #expect(lines.contains("atlas-golive-agents-lyon@golive 2027-04-02T06:00Z 15 20270310 1"))
        #expect(lines.contains("atlas-eve-intl-collections@golive 2027-04-15T14:00Z 15 20270310 1"))
    }

    @Test func agendaGroupsByDayFromAGivenDate() throws {
        let r = try CommsFixture.example()
        let from = CivilDate(year: 2027, month: 3, day: 15)!
        let days = Agenda.days(r.messages, from: from, days: 7)
        #expect(days.map(\.date.description) == ["2027-03-17", "2027-03-18", "2027-03-19"])
        #expect(days[0].messages.allSatisfy { $0.send.audienceID == "intl-collections" })
        #expect(days[2].messages.map(\.send.moment.time.description).allSatisfy { $0 == "08:00" })
        #expect(days[1].messages.first?.fileToSend == "agents-paris/comms/2027-03-18-eve.md")
        let text = Agenda.text(r.project.plan, messages: r.messages, from: from, days: 7, outputFolder: "out")
        #expect(text.contains("\nJeudi 18 mars 2027\n"))
        #expect(text.contains("out/agents-paris/comms/2027-03-19-golive.eml"))
        let empty = Agenda.text(r.project.plan, messages: r.messages, from: CivilDate(year: 2030, month: 1, day: 1)!,
                                days: 7, outputFolder: "out")
        #expect(empty.hasPrefix("Rien à envoyer"))
    }
}
