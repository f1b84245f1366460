import Foundation
import Testing
@testable import GoLiveCore

/// Post-go-live pages, the handover dossier and their calendars.
@Suite struct HandoverTests {
    @Test func postGoLivePageHasControlsMeetingsAndExitCriteria() throws {
        let page = try #require(try KitFixture.build().outputs["post-golive/lot-1.md"])
        #expect(page.contains("- ☐ **J 07:00 — vendredi 19 mars 2027 à 7\u{A0}h** — Les écrans principaux s'ouvrent pour chaque profil — responsable : *Exploitation informatique (Nicolas Girard)*"))
        #expect(page.contains("[lot-1-daily-meetings.ics](lot-1-daily-meetings.ics)"))
        // J+1 … J+10 = 20 … 29 March: weekends and Easter Monday (a training holiday) are left out.
        let dates = page.split(separator: "\n").filter { $0.hasPrefix("- ☐ ") && $0.contains("(J+") }
        #expect(dates == ["- ☐ lundi 22 mars 2027 (J+3)", "- ☐ mardi 23 mars 2027 (J+4)", "- ☐ mercredi 24 mars 2027 (J+5)",
                          "- ☐ jeudi 25 mars 2027 (J+6)", "- ☐ vendredi 26 mars 2027 (J+7)"])
        #expect(page.contains("Support renforcé jusqu'au **samedi 3 avril 2027** inclus. Contact : Cellule hypercare Atlas"))
        #expect(page.contains("- ☐ Moins de 20 appels par jour au service desk sur Atlas."))
        #expect(page.contains("[runbook](../runbook/lot-1.html)"))
    }

    /// « de 9 h 30 à 10 h », never « de 9 h 30 – 10 h »; English "from 09:30 to 10:00".
    @Test func dailyMeetingHoursReadAsAPhraseInBothLanguages() throws {
        let fr = try #require(try KitFixture.build().outputs["post-golive/lot-2.md"])
        #expect(fr.contains("Chaque jour ouvré, de 9\u{A0}h\u{A0}30 à 10\u{A0}h (30\u{A0}min), Teams — Atlas hypercare."))
        #expect(!fr.contains("de 9\u{A0}h\u{A0}30 –"))
        let en = try #require(try KitGoldenTests.englishFirst()["post-golive/lot-2.md"])
        #expect(en.contains("Every working day from 09:30 to 10:00 (30\u{A0}min), Teams — Atlas hypercare."))
        let fmt = { (h: Int, m: Int, d: Int, l: Language) in
            PostGoLivePage.hoursPhrase(from: TimeOfDay(hour: h, minute: m)!, durationMinutes: d, l) }
        #expect(fmt(23, 30, 30, .fr) == "de 23\u{A0}h\u{A0}30 à minuit")
        #expect(fmt(23, 30, 30, .en) == "from 23:30 to midnight")
        #expect(fmt(9, 0, 90, .fr) == "de 9\u{A0}h à 10\u{A0}h\u{A0}30")
    }

    /// The count of open feedback agrees with its noun: no "retour(s) ouvert(s)".
    @Test func openAnomalyCountIsWrittenWithItsPlural() throws {
        let dossier = try #require(try KitFixture.build().outputs["handover/dossier.md"])
        #expect(dossier.contains("4 retours ouverts ou en contournement, transmis au support :"))
        #expect(HandoverPage.openFeedback(1, .fr) == "1 retour ouvert ou en contournement")
        #expect(HandoverPage.openFeedback(2, .en) == "2 feedback items open or on a workaround")
    }

    /// Meetings over a weekend only (J+1 … J+2, Saturday and Sunday): no working day, so no
    /// empty calendar, and neither the page nor the home page links one.
    @Test func aDailyMeetingWithNoWorkingDayWritesNoCalendar() throws {
        let (outputs, _, _) = try KitFixture.build(["plan.yaml": {
            CommsFixture.replace("    from: J+1\n    to: J+10\n", with: "    from: J+1\n    to: J+2\n", in: $0)
        }])
        #expect(outputs["post-golive/lot-1-daily-meetings.ics"] == nil)
        let page = try #require(outputs["post-golive/lot-1.md"])
        #expect(!page.contains("daily-meetings.ics") && page.contains("## Point quotidien des anomalies"))
        #expect(!(outputs["index.html"] ?? "").contains("lot-1-daily-meetings.ics"))
    }

    @Test func withoutATrainingCalendarMeetingsFallOnMondayToFriday() throws {
        let plan = try LoadedProject.load(TrainingOutputFixture.files()).plan
        let meeting = try #require(plan.postGoLive?.dailyMeeting)
        let j = CivilDate(year: 2027, month: 3, day: 19)!
        let days = MeetingDays.dates(meeting, j: j, calendar: .standard)
        #expect(days.map(\.description) == ["2027-03-22", "2027-03-23", "2027-03-24", "2027-03-25", "2027-03-26", "2027-03-29"])
    }

    @Test func dailyMeetingsAndHandoverCalendarsParseWithIcalendar() throws {
        let outputs = try KitFixture.build().outputs
        let parsed = try KitFixture.parseICS([
            "lot-1-daily-meetings.ics": try #require(outputs["post-golive/lot-1-daily-meetings.ics"]),
            "handover.ics": try #require(outputs["handover/handover.ics"]),
        ])
        let daily = try #require(parsed["lot-1-daily-meetings.ics"]).events
        #expect(daily.map(\.start) == ["2027-03-22T09:30:00+01:00", "2027-03-23T09:30:00+01:00", "2027-03-24T09:30:00+01:00",
                                       "2027-03-25T09:30:00+01:00", "2027-03-26T09:30:00+01:00"])
        #expect(Set(daily.map(\.uid)).count == daily.count)
        let handover = try #require(parsed["handover.ics"]).events
        #expect(handover.count == 6)
        // Lot 1: J+18 14:00 = 6 April, after the switch to summer time.
        #expect(handover.contains { $0.start == "2027-04-06T14:00:00+02:00" && $0.summary.contains("Passation au service desk") && $0.summary.contains("Lot 1") })
    }

    @Test func dossierHasTeamsMeetingsDocumentsAndOpenAnomalies() throws {
        let (outputs, _, plan) = try KitFixture.build()
        let dossier = try #require(outputs["handover/dossier.md"])
        #expect(dossier.contains("- **Service desk (N1)** — Accès, mots de passe, questions d'utilisation. Contact : servicedesk@example.org — poste 4000"))
        #expect(dossier.contains("- ☐ **Passation technique à la TMA** (Lot 1 — Paris), le mercredi 7 avril de 10\u{A0}h à 11\u{A0}h\u{A0}30"))
        #expect(dossier.contains("- ☐ Matrice des habilitations par profil"))
        let open = plan.feedback.filter { $0.status == .open || $0.status == .workaround }
        let resolved = plan.feedback.filter { $0.status == .resolved }
        #expect(!open.isEmpty && !resolved.isEmpty)
        let register = try #require(dossier.components(separatedBy: "## Registre des anomalies ouvertes").last?.components(separatedBy: "## Index").first)
        for f in open { #expect(register.contains("- **\(f.id)** ("), "\(f.id)") }
        for f in resolved { #expect(!register.contains("**\(f.id)**"), "\(f.id)") }
        #expect(dossier.contains("[Runbook de bascule — Lot 1 — Paris](../runbook/lot-1.html) — [md](../runbook/lot-1.md)"))
        #expect(dossier.contains("[Kit de déploiement](../agents-paris/kit.html)"))
    }

    /// The home page renders alongside the dossier and links the files `paths` announces: they must
    /// be exactly the files the dossier renders, with meetings, without, and without support.
    @Test func theDossiersAnnouncedPathsAreTheFilesItRenders() throws {
        let project = try LoadedProject.load(TrainingOutputFixture.files())
        var withoutMeetings = project.plan
        withoutMeetings.support?.handover?.meetings = []
        var withoutSupport = project.plan
        withoutSupport.support = nil
        for plan in [project.plan, withoutMeetings, withoutSupport] {
            var d = Diagnostics()
            let files = HandoverDocuments(plan: plan, pages: PageRenderer(templates: project.templates, plan: plan), earlier: []).render(&d)
            #expect(Set(files.map(\.path)) == Set(HandoverDocuments.paths(plan)))
        }
        #expect(HandoverDocuments.paths(project.plan).contains(HandoverDocuments.calendar))
        #expect(HandoverDocuments.paths(withoutSupport).isEmpty)
    }
}
