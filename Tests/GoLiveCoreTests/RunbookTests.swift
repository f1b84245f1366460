import Foundation
import Testing
@testable import GoLiveCore

/// `out/runbook/<wave>.md|html`, the cutover plan behind it and its warnings.
@Suite struct RunbookTests {
    static let paris = TimeZone(identifier: "Europe/Paris")!

    static func plan(_ edits: [String: (String) -> String] = [:]) throws -> Plan {
        try LoadedProject.load(TrainingOutputFixture.files(edits)).plan
    }

    @Test func aStepCrossingMidnightEndsOnJ() throws {
        let plan = try Self.plan(["plan.yaml": { $0.replacingOccurrences(of: "start: \"J-1 23:45\"\n    duration: 1h15", with: "start: \"J-1 23:30\"\n    duration: 1h") }])
        let wave = try #require(plan.wave("lot-1"))
        let night = CutoverPlan(plan: plan, wave: wave, zone: Self.paris)
        let flows = try #require(night.steps.first { $0.step.id == "flows" })
        #expect(night.label(flows.start) == "J-1 23:30")
        #expect(night.label(flows.end) == "J 00:30")
        #expect(flows.start.description == "2027-03-18 23:30" && flows.end.description == "2027-03-19 00:30")
        #expect(night.windowOpens.description == "2027-03-18 20:00" && night.windowCloses.description == "2027-03-19 06:00")
        #expect(night.pointOfNoReturn?.description == "2027-03-19 04:00")
        #expect(night.lastCheckpoint?.step.id == "go-final")
    }

    @Test func aStepOnTheSpringForwardNightLastsItsElapsedTime() throws {
        // 28 March 2027, 02:00 → 03:00 in Europe/Paris: a 2-hour step from 01:30 ends at 04:30.
        let plan = try Self.plan(["plan.yaml": { $0.replacingOccurrences(of: "date: 2027-04-02", with: "date: 2027-03-28") }])
        let night = CutoverPlan(plan: plan, wave: try #require(plan.wave("lot-2")), zone: Self.paris)
        let reconcile = try #require(night.steps.first { $0.step.id == "reconcile" })
        #expect(night.label(reconcile.start) == "J 01:00" && night.label(reconcile.end) == "J 04:00")
    }

    /// Lot 2 moved to the spring-forward night (28 March 2027, 02:00 → 03:00 in Paris) with
    /// 'go-final' at J 02:30, or to the autumn night (31 October 2027, 03:00 → 02:00).
    static func dstEdits(_ date: String) -> [String: (String) -> String] {
        ["plan.yaml": {
            CommsFixture.replace("start: \"J 03:00\"", with: "start: \"J 02:30\"",
                                 in: CommsFixture.replace("date: 2027-04-02", with: "date: \(date)", in: $0))
        }]
    }

    static func cutoverWarnings(_ plan: Plan) -> [String] {
        var d = Diagnostics()
        CutoverChecks.run(plan, zone: paris, &d)
        return d.warnings.map(\.description)
    }

    @Test func aStepAtATimeThatDoesNotExistWarnsAtTheStepAndIsReadAfterTheGap() throws {
        let plan = try Self.plan(Self.dstEdits("2027-03-28"))
        let at = KitFixture.planLine("- id: go-final", column: 5)
        #expect(Self.cutoverWarnings(plan).filter { $0.contains("does not exist") } == [
            "\(at): warning: runbook step 'go-final' starts at J 02:30, which does not exist on 2027-03-28 in Europe/Paris: clocks go forward from 02:00 to 03:00, so it is read as J 03:30, 60 minutes later (wave 'lot-2')",
        ])
        // The runbook shows the step where it really happens: 03:30 summer time, 30 minutes long.
        let night = CutoverPlan(plan: plan, wave: try #require(plan.wave("lot-2")), zone: Self.paris)
        let step = try #require(night.steps.first { $0.step.id == "go-final" })
        #expect(night.label(step.written) == "J 02:30")
        #expect(night.label(step.start) == "J 03:30" && night.label(step.end) == "J 04:00")
        // The other waves' nights have a 02:30: nothing to say about them.
        #expect(!Self.cutoverWarnings(try Self.plan(Self.dstEdits("2027-04-02"))).contains { $0.contains("does not exist") || $0.contains("occurs twice") })
    }

    @Test func aStepAtATimeThatOccursTwiceWarnsThatTheFirstIsMeant() throws {
        let plan = try Self.plan(Self.dstEdits("2027-10-31"))
        let at = KitFixture.planLine("- id: go-final", column: 5)
        #expect(Self.cutoverWarnings(plan).filter { $0.contains("occurs twice") } == [
            "\(at): warning: runbook step 'go-final' starts at J 02:30, which occurs twice on 2027-10-31 in Europe/Paris: clocks go back from 03:00 to 02:00; the first occurrence, before the change, is meant (wave 'lot-2')",
        ])
        let night = CutoverPlan(plan: plan, wave: try #require(plan.wave("lot-2")), zone: Self.paris)
        let step = try #require(night.steps.first { $0.step.id == "go-final" })
        // First occurrence (UTC+2), 30 minutes of elapsed time: 02:30 → 02:00 again on the wall clock.
        #expect(night.label(step.start) == "J 02:30" && night.label(step.end) == "J 02:00")
        #expect(WallClock.note(LocalMoment(date: CivilDate(year: 2027, month: 10, day: 31)!, time: TimeOfDay(hour: 3, minute: 0)!),
                               zone: Self.paris, label: { $0.description }) == nil)
    }

    @Test func runbookPageHasAbsoluteTimesCheckpointsAndThePointOfNoReturn() throws {
        let page = try #require(try KitFixture.build().outputs["runbook/lot-1.md"])
        #expect(page.contains("### ☐ J-1 23:45 → J 01:00 · Raccordement des flux : paiements, éditique, SMS"))
        #expect(page.contains("- **Début** : jeudi 18 mars 2027 à 23\u{A0}h\u{A0}45 — **fin** : vendredi 19 mars 2027 à 1\u{A0}h (1\u{A0}h\u{A0}15)"))
        #expect(page.contains("- **Responsable** : Exploitation informatique (Nicolas Girard) — nicolas.girard@example.org, +33 1 70 00 10 02"))
        #expect(page.components(separatedBy: "- **◆ Point de contrôle go/no-go**").count - 1 == 2)
        #expect(page.contains("<tr><td>J 03:00</td><td>J 03:30</td><td>30\u{A0}min</td><td>Point de contrôle : go définitif avant le point de non-retour</td>"))
        // The point of no return sits between the last step before it and the first after it.
        let pnr = try #require(page.range(of: "### ▲ J 04:00 · Point de non-retour"))
        let openAccess = try #require(page.range(of: "· Ouverture des accès"))
        let morning = try #require(page.range(of: "· Vérifications du matin"))
        #expect(openAccess.lowerBound < pnr.lowerBound && pnr.lowerBound < morning.lowerBound)
        #expect(page.contains("**Qui décide :** PMO — pilotage de la mise en production (Camille Lambert)"))
        #expect(page.contains("1. ☐ Prévenir le comité Go/No-Go et les relais du lot (Teams + SMS)."))
        #expect(page.contains("- **Retour arrière de l'étape** : Rebrancher les flux sur l'ancien outil (procédure **FLX-07**)."))
    }

    @Test func lot3UsesItsOwnWindow() throws {
        let page = try #require(try KitFixture.build().outputs["runbook/lot-3.md"])
        #expect(page.contains("(J-1 19:00 – J 07:00)"))
    }

    @Test func timelinePictureIsWellFormedSVGWithTextLabels() throws {
        let page = try #require(try KitFixture.build().outputs["runbook/lot-1.md"])
        let svg = try #require(KitFixture.svg(in: page))
        #expect(!svg.contains("\n\n"))
        let report = try SVGCheck.parse(svg)
        #expect(report.forbidden.isEmpty && report.duplicateIds.isEmpty)
        #expect(report.texts.contains("Point de non-retour"))
        #expect(report.texts.contains("Fenêtre de bascule"))
        #expect(report.texts.contains { $0.hasPrefix("Go/no-go") })
        #expect(report.texts.contains("Exploitation informatique") || report.titles.contains("Exploitation informatique"))
    }

    @Test func theExampleWarnsOnceForTheStepPastTheWindowAtItsPosition() throws {
        let warnings = try KitFixture.build().warnings.filter { $0.message.contains("runbook") || $0.message.contains("point of no return") }
        let at = KitFixture.planLine("- id: morning-checks", column: 5)
        #expect(warnings.map(\.description) == [
            "\(at): warning: runbook step 'morning-checks' ends at J 07:30, after the cutover window closes at J 06:00 (waves 'lot-1', 'lot-2')",
            "\(at): warning: runbook step 'morning-checks' ends at J 07:30, after the cutover window closes at J 07:00 (wave 'lot-3')",
        ])
    }

    @Test func overlappingStepsOfOneOwnerWarnAtTheLaterStep() throws {
        let (_, warnings, _) = try KitFixture.build(["plan.yaml": { $0.replacingOccurrences(of: "start: \"J-1 20:15\"", with: "start: \"J-1 19:45\"") }])
        let overlap = warnings.filter { $0.message.contains("overlap") }
        #expect(overlap.map(\.description) == [
            "\(KitFixture.planLine("- id: deploy", column: 5)): warning: runbook steps 'backup' and 'deploy' of owner 'it-ops' overlap: 'backup' runs J-1 18:30–J-1 20:00, 'deploy' starts at J-1 19:45 (waves 'lot-1', 'lot-2', 'lot-3')",
        ])
    }

    @Test func aPointOfNoReturnBeforeTheLastCheckpointWarnsAtTheFallback() throws {
        let (_, warnings, _) = try KitFixture.build(["plan.yaml": { $0.replacingOccurrences(of: "point_of_no_return: \"J 04:00\"", with: "point_of_no_return: \"J 03:15\"") }])
        let pnr = warnings.filter { $0.message.contains("point of no return") }
        #expect(pnr.map(\.description) == [
            "\(KitFixture.planLine("  trigger: >-", column: 3)): warning: the point of no return (J 03:15) comes before the last checkpoint 'go-final' ends (J 03:30): a no-go there could no longer be rolled back (waves 'lot-1', 'lot-2', 'lot-3')",
        ])
    }

    @Test func noCheckpointBeforeThePointOfNoReturnWarns() throws {
        let (_, warnings, _) = try KitFixture.build(["plan.yaml": { $0.replacingOccurrences(of: "checkpoint: true", with: "checkpoint: false") }])
        #expect(warnings.contains { $0.message.hasPrefix("the point of no return (J 04:00) has no go/no-go checkpoint before it") })
    }
}
