import Foundation
import Testing
@testable import GoLiveCore

/// Plans that do not fit stop the build (exit 65) with one positioned error per shortfall.
@Suite struct TrainingOutputInfeasibleTests {
    /// Without its Lyon trainers, agents-lyon cannot be trained.
    @Test func missingTrainerIsAnErrorAtTheModuleEntry() throws {
        let files = TrainingOutputFixture.files(["plan.yaml": {
            $0.replacingOccurrences(of: "sites: [Lyon, Lille]", with: "sites: [Lille]")
        }])
        let error = try #require(try TrainingOutputFixture.planError(files))
        #expect(error.exitCode == 65)
        guard case .invalidInput(let diagnostics) = error else { Issue.record("not invalid input: \(error)"); return }
        let entry = TrainingOutputFixture.moduleEntry("audiences/agents-lyon.yaml", "essentials")
        let lyon = try #require(diagnostics.first { $0.location.description == entry })
        #expect(lyon.severity == .error)
        #expect(lyon.description == "\(entry): error: training for 'agents-lyon' in 'essentials' at Lyon does not fit "
            + "2027-03-12…2027-03-31: 10 sessions needed, 0 fit; blocking: no trainer qualified for 'essentials' "
            + "speaking fr teaches at Lyon (qualified: t-bernard, t-durand, t-lefevre, t-martin, t-walsh); "
            + "suggestion: add Lyon to the sites of t-bernard, t-durand, t-lefevre, t-martin, t-walsh, "
            + "or add a trainer for 'essentials' speaking fr at Lyon")
        #expect(!lyon.message.contains("\n"))
        // Lille still has its trainers: only Lyon is reported.
        #expect(diagnostics.filter { $0.severity == .error }.count == 1)
    }

    /// A two-day window cannot hold 15 sessions in two rooms: every short module is named.
    @Test func narrowWindowSaysHowManyFitAndSuggestsWidening() throws {
        let files = TrainingOutputFixture.files(["plan.yaml": {
            $0.replacingOnce("window: { from: J-21, to: J-2 }", with: "window: { from: J-3, to: J-2 }")
        }])
        guard case .invalidInput(let diagnostics)? = try TrainingOutputFixture.planError(files) else {
            Issue.record("the plan should not fit"); return
        }
        // Paris is scheduled first (earlier window) and fits; Lyon runs out of room.
        #expect(!diagnostics.contains { $0.severity == .error && $0.message.contains("'agents-paris'") })
        let lyon = try #require(diagnostics.first { $0.message.hasPrefix("training for 'agents-lyon' in 'essentials'") })
        #expect(lyon.location.description == TrainingOutputFixture.moduleEntry("audiences/agents-lyon.yaml", "essentials"))
        #expect(lyon.message == "training for 'agents-lyon' in 'essentials' at Lyon does not fit 2027-03-30…2027-03-31: "
            + "10 sessions needed, 8 fit; blocking: only 8 of 10 'essentials' sessions fit in the window 2027-03-30 to "
            + "2027-03-31 (2 working days); rooms on site Lyon are full on every working day of the window; "
            + "suggestion: add a room at Lyon seating 12, or widen the training window by 1 working day")
        let managers = diagnostics.filter { $0.message.hasPrefix("training for 'managers-paris'") }
        #expect(managers.map(\.location.description) == [
            TrainingOutputFixture.moduleEntry("audiences/managers-paris.yaml", "essentials"),
            TrainingOutputFixture.moduleEntry("audiences/managers-paris.yaml", "advanced"),
        ])
        // Tight spots stay warnings beside the errors.
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("tight spot:") })
    }

    @Test func buildExitsWith65AndWritesNothing() throws {
        let files = TrainingOutputFixture.files(["plan.yaml": {
            $0.replacingOccurrences(of: "sites: [Lyon, Lille]", with: "sites: [Lille]")
        }])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("golive-training-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        do {
            _ = try Build(files: files, outputDirectory: out).run()
            Issue.record("the build should stop")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.description.contains("error: training for 'agents-lyon' in 'essentials' at Lyon"))
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("training/schedule.csv").path))
    }

    /// An inline project: one trainer off every day of the window.
    @Test func unavailableTrainerIsNamed() throws {
        let window = ["2027-02-26"] + (1...5).map { "2027-03-0\($0)" } + ["2027-03-08", "2027-03-09"]
            + (10...12).map { "2027-03-\($0)" } + (15...17).map { "2027-03-\($0)" }
        let plan = ProjectFixture.plan.replacingOnce("      sites: [Paris]\n",
                                                     with: "      sites: [Paris]\n      unavailable: [\(window.joined(separator: ", "))]\n")
        guard case .invalidInput(let diagnostics)? = try TrainingOutputFixture.planError(ProjectFixture.files(plan: plan)) else {
            Issue.record("the plan should not fit"); return
        }
        let error = try #require(diagnostics.first)
        #expect(error.location.file == "audiences/agents.yaml")
        #expect(error.message.contains("2 sessions needed, 0 fit"))
        #expect(error.message.contains("is unavailable on every working day of the window"))
        #expect(error.message.contains("suggestion: "))
    }
}
