import Foundation
import Testing
@testable import GoLiveCore

/// The training stage on the example project: the schedule fits and re-verifies, the
/// documents are where the docs say, and the same input gives the same bytes.
@Suite struct TrainingOutputTests {
    @Test func exampleScheduleFitsAndPassesTheIndependentChecker() throws {
        let project = try LoadedProject.load(TrainingOutputFixture.files())
        let training = try #require(project.plan.training)
        let problem = TrainingProblem(plan: project.plan, training: training)
        #expect(problem.demands.count == project.plan.audiences.filter { !$0.modules.isEmpty }.count)
        let planned = try Planning.run(project.plan)
        let schedule = try #require(planned.training)
        #expect(verify(problem, schedule) == [])
        #expect(schedule == (try TrainingScheduler.schedule(problem).get()))
        #expect(schedule.sessions.count > 0)
    }

    @Test func schedulerNotesAreWarningsAtTheAudienceModuleEntry() throws {
        let (_, planned, _) = try TrainingOutputFixture.build(TrainingOutputFixture.files())
        let entry = TrainingOutputFixture.moduleEntry("audiences/agents-lille.yaml", "essentials")
        let warning = try #require(planned.warnings.first { $0.message.contains("hold at most 10 trainees") })
        #expect(warning.severity == .warning)
        #expect(warning.location.description == entry)
    }

    @Test func everyDocumentIsWritten() throws {
        let (project, planned, outputs) = try TrainingOutputFixture.build(TrainingOutputFixture.files())
        let sessions = planned.training?.sessions ?? []
        var expected = ["training/schedule.md", "training/schedule.html", "training/schedule.csv"]
        for audience in project.plan.audiences where !audience.modules.isEmpty {
            // A calendar only when the audience has a session with a date.
            let timed = sessions.contains { $0.audienceID == audience.id && $0.date != nil }
            expected += (timed ? ["md", "html", "ics"] : ["md", "html"]).map { "\(audience.id)/training.\($0)" }
            if !timed { #expect(outputs["\(audience.id)/training.ics"] == nil, "\(audience.id) has no timed session") }
        }
        for trainer in project.plan.training?.trainers ?? [] {
            let busy = sessions.contains { $0.trainerID == trainer.id }
            expected += (busy ? ["md", "html", "ics"] : ["md", "html"]).map { "training/trainers/\(trainer.id).\($0)" }
        }
        for path in expected { #expect(outputs[path] != nil, "missing \(path)") }
        #expect(outputs["back-office/training.ics"] == nil)
    }

    /// back-office follows e-learning only: no calendar, no session to book or change, but how
    /// to get in, how long it takes and by when.
    @Test func anElearningOnlyAudienceGetsNoCalendarAndTextForOnlineCourses() throws {
        let (_, _, outputs) = try TrainingOutputFixture.build(TrainingOutputFixture.files())
        let page = TrainingOutputFixture.text(outputs["back-office/training.md"])
        for wrong in ["training.ics", "votre manager vous inscrit", "changer de session", "Les formations ont lieu", "Heures locales"] {
            #expect(!page.contains(wrong), "back-office page says '\(wrong)'")
        }
        #expect(page.contains("Votre formation se fait entièrement en ligne, à votre rythme, sans session à réserver : 45\u{A0}min en tout, à terminer au plus tard le **mercredi 17 mars 2027**."))
        #expect(page.contains("le lien d'accès vous est envoyé par e-mail"))
        #expect(page.contains("Le lien ne vous est pas parvenu, ou vous ne pourrez pas terminer le parcours à temps ?"))
        // The HTML links no calendar either; a classroom audience still gets one, and its text.
        #expect(!TrainingOutputFixture.text(outputs["back-office/training.html"]).contains(".ics"))
        let paris = TrainingOutputFixture.text(outputs["agents-paris/training.md"])
        #expect(paris.contains("[training.ics](training.ics)") && paris.contains("votre manager vous inscrit"))
        #expect(paris.contains("Les formations ont lieu du vendredi 26 février au mercredi 17 mars 2027"))
        #expect(paris.contains("15 sessions :") && !paris.contains("session(s)"))
    }

    /// In English, with the same rules.
    @Test func anElearningOnlyAudienceReadsRightInEnglish() throws {
        let files = TrainingOutputFixture.files(["audiences/back-office.yaml": {
            $0.replacingOccurrences(of: "language: fr", with: "language: en")
        }])
        let (_, _, outputs) = try TrainingOutputFixture.build(files)
        let page = TrainingOutputFixture.text(outputs["back-office/training.md"])
        #expect(page.contains("Your training is entirely online and self-paced, with no session to book: 45\u{A0}min in all, to complete by **Wednesday 17 March 2027**."))
        #expect(!page.contains("training.ics") && !page.contains("books you") && !page.contains("switch sessions"))
        #expect(outputs["back-office/training.ics"] == nil)
    }

    @Test func audiencePagesSpeakTheAudienceLanguage() throws {
        let (_, _, outputs) = try TrainingOutputFixture.build(TrainingOutputFixture.files())
        let lyon = TrainingOutputFixture.text(outputs["agents-lyon/training.md"])
        #expect(lyon.contains("**vendredi 12 mars 2027**, 9\u{A0}h – 11\u{A0}h — lyon-r1 (Lyon), avec Sophie Lefèvre"))
        #expect(lyon.contains("## Ce qu'il faut apporter"))
        let intl = TrainingOutputFixture.text(outputs["intl-collections/training.md"])
        #expect(intl.contains("## What to bring"))
        #expect(intl.contains("remote (Teams)"))
        let backOffice = TrainingOutputFixture.text(outputs["back-office/training.md"])
        #expect(backOffice.contains("Atlas en 45 minutes (e-learning)"))
        #expect(backOffice.contains("*e-learning, 45\u{A0}min*"))
        let html = TrainingOutputFixture.text(outputs["agents-lyon/training.html"])
        #expect(html.contains("<html lang=\"fr\">"))
    }

    @Test func schedulePageHasTotalsPerModuleAndTrainer() throws {
        let (_, planned, outputs) = try TrainingOutputFixture.build(TrainingOutputFixture.files())
        let md = TrainingOutputFixture.text(outputs["training/schedule.md"])
        #expect(md.contains("## Charge par module"))
        #expect(md.contains("## Charge par formateur"))
        #expect(md.contains("<a href=\"trainers/t-walsh.html\">Emily Walsh</a>"))
        let timed = planned.training?.sessions.filter { $0.date != nil }.count ?? -1
        #expect(md.contains("## Sessions (\(timed))"))
        let html = TrainingOutputFixture.text(outputs["training/schedule.html"])
        #expect(html.contains("<table>"))
        #expect(!html.contains("{{"))
        let walsh = TrainingOutputFixture.text(outputs["training/trainers/t-walsh.md"])
        #expect(walsh.contains("International collections team"))
        #expect(walsh.contains("london-r1 (London)"))
    }

    @Test func trainingTemplatesRenderWithoutMissingKeys() throws {
        let project = try LoadedProject.load(TrainingOutputFixture.files())
        let planned = try Planning.run(project.plan)
        let (_, warnings) = try Rendering.run(project, planned, options: Build.Options())
        #expect(warnings.filter { $0.location.file.hasPrefix("templates/training/") } == [])
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let first = try TrainingOutputFixture.build(TrainingOutputFixture.files()).outputs
        let second = try TrainingOutputFixture.build(TrainingOutputFixture.files()).outputs
        let paths = first.keys.filter { $0.hasPrefix("training/") || $0.hasSuffix("/training.md") || $0.hasSuffix("/training.ics") }
        #expect(paths.count > 10)
        for path in paths { #expect(first[path] == second[path], "\(path) differs") }
    }

    @Test func shuffledInputsGiveTheSameSchedule() throws {
        // Trainers listed in reverse: the documents must not change.
        let reversed = TrainingOutputFixture.files(["plan.yaml": { text in
            let block = text.components(separatedBy: "  trainers:\n")
            let rest = block[1].components(separatedBy: "  rooms:\n")
            let entries = rest[0].components(separatedBy: "    - id: ").filter { !$0.isEmpty }
            return block[0] + "  trainers:\n" + entries.reversed().map { "    - id: " + $0 }.joined() + "  rooms:\n" + rest[1]
        }])
        let a = try TrainingOutputFixture.build(TrainingOutputFixture.files()).outputs
        let b = try TrainingOutputFixture.build(reversed).outputs
        #expect(a["training/schedule.csv"] == b["training/schedule.csv"])
        #expect(a["agents-paris/training.ics"] == b["agents-paris/training.ics"])
    }
}
