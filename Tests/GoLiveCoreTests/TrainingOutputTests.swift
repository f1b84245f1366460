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
        let (project, _, outputs) = try TrainingOutputFixture.build(TrainingOutputFixture.files())
        var expected = ["training/schedule.md", "training/schedule.html", "training/schedule.csv"]
        for audience in project.plan.audiences where !audience.modules.isEmpty {
            expected += ["md", "html", "ics"].map { "\(audience.id)/training.\($0)" }
        }
        for trainer in project.plan.training?.trainers ?? [] {
            expected += ["md", "html", "ics"].map { "training/trainers/\(trainer.id).\($0)" }
        }
        for path in expected { #expect(outputs[path] != nil, "missing \(path)") }
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
