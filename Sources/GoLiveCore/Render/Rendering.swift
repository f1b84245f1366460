import Foundation

/// Stage "render": every output file in memory, or kept from the last build when what it is made
/// from did not change. Nothing is written if any document fails.
public enum Rendering {
    /// Renders every document: what tests and `check` without an output folder see.
    public static func run(_ project: LoadedProject, _ planned: Planned, options: Build.Options, history: Manifest? = nil,
                           editions: [GuideEdition]? = nil) throws(GoLiveError) -> ([OutputFile], [Diagnostic]) {
        let result = try render(project, planned, options: options, history: history, editions: editions, runner: .renderingAll)
        return (result.files, result.warnings)
    }

    struct Result: Sendable {
        /// Sorted by path; kept files carry their digest and no bytes.
        var files: [OutputFile]
        var warnings: [Diagnostic]
        var units: [UnitOutcome]
    }

    static func render(_ project: LoadedProject, _ planned: Planned, options: Build.Options, history: Manifest?,
                       editions known: [GuideEdition]?, runner: UnitRunner) throws(GoLiveError) -> Result {
        let plan = project.plan
        let keys = UnitKeys(project: project)
        // Documents that show no feedback render from a plan without any, so no feedback can reach them.
        let withoutFeedback = keys.plan(plan, feedback: UnitKeys.none)
        var pages = PageRenderer(templates: project.templates, plan: withoutFeedback)
        // A no-go announces nothing but the postponement (Build refuses it without --allow-no-go),
        // and writes no home page to link back to.
        pages.hasHomePage = plan.decision.status != .noGo
        let renderer = pages
        var d = Diagnostics()
        var units: [RenderUnit] = []

        let scheduled = MessageSchedule.messages(for: plan, sends: planned.sends)
        let messages = Dictionary(grouping: scheduled, by: \.send.audienceID)
        for audience in plan.audiences {
            let own = messages[audience.id] ?? []
            let view = keys.plan(plan, feedback: UnitKeys.shownTo(audience.id))
            units.append(RenderUnit(name: "messages/\(audience.id)", key: keys.key("messages/\(audience.id)", keys.feedback(UnitKeys.shownTo(audience.id)))) { d in
                MessageDocuments(plan: view, planned: planned, pages: renderer).render(own, &d)
            })
        }
        if plan.decision.status == .noGo {
            let (files, outcomes) = runner.run(units, &d)
            if d.hasErrors { throw .invalidInput(d.sorted) }
            return Result(files: files.sorted { $0.path < $1.path }, warnings: d.sorted, units: outcomes)
        }

        units.append(RenderUnit(name: "comms-plan", key: keys.key("comms-plan")) { d in
            renderer.render(CommsPlanDocument(plan: withoutFeedback, sends: planned.sends).page(), &d)
                + CommsPlanExports(plan: withoutFeedback, messages: scheduled).files()
        })
        units.append(RenderUnit(name: "runbook", key: keys.key("runbook")) { d in
            RunbookDocuments(plan: withoutFeedback, pages: renderer).render(&d)
        })
        units.append(RenderUnit(name: "post-go-live", key: keys.key("post-go-live")) { d in
            PostGoLiveDocuments(plan: withoutFeedback, pages: renderer).render(&d)
        })
        if let training = TrainingDocuments(plan: withoutFeedback, planned: planned, pages: renderer) {
            units.append(RenderUnit(name: "training", key: keys.key("training")) { d in training.schedule(&d) })
            for audience in training.book.trainedAudiences {
                units.append(RenderUnit(name: "training/\(audience.id)", key: keys.key("training/\(audience.id)")) { d in
                    training.audience(audience, &d)
                })
            }
            for trainer in training.book.training.trainers {
                units.append(RenderUnit(name: "trainers/\(trainer.id)", key: keys.key("trainers/\(trainer.id)")) { d in
                    training.trainer(trainer, &d)
                })
            }
        }
        let editions = Dictionary(grouping: known ?? GuideVersioning.editions(plan, history: history), by: \.guide.audienceID)
        for audience in plan.audiences {
            guard let own = editions[audience.id] else { continue }
            let view = keys.plan(plan, feedback: UnitKeys.shownTo(audience.id))
            let key = keys.key("guides/\(audience.id)", keys.feedback(UnitKeys.shownTo(audience.id)), own.map(UnitKeys.edition).joined(separator: ","))
            units.append(RenderUnit(name: "guides/\(audience.id)", key: key) { d in
                GuideDocuments(plan: view, pages: renderer).render(own, &d)
            })
        }
        var (outputs, outcomes) = runner.run(units, &d)

        // Kits link to the documents above, so they come after them.
        let earlier = Set(outputs.map(\.path))
        let earlierKey = UnitKeys.paths(outputs)
        let kits = plan.audiences.map { audience in
            let view = keys.plan(plan, feedback: UnitKeys.shownTo(audience.id))
            return RenderUnit(name: "kit/\(audience.id)", key: keys.key("kit/\(audience.id)", keys.feedback(UnitKeys.shownTo(audience.id)), earlierKey)) { d in
                KitDocuments(plan: view, planned: planned, pages: renderer, existing: earlier).render(audience, &d)
            }
        }
        let (kitFiles, kitOutcomes) = runner.run(kits, &d)
        outputs += kitFiles
        outcomes += kitOutcomes
        // The handover dossier indexes everything above and lists the unresolved feedback; the home
        // page indexes everything, the dossier included, and shows no feedback.
        let before = outputs
        let unresolved = keys.plan(plan, feedback: UnitKeys.unresolved)
        let handover = RenderUnit(name: "handover", key: keys.key("handover", keys.feedback(UnitKeys.unresolved), UnitKeys.paths(before))) { d in
            HandoverDocuments(plan: unresolved, pages: renderer, earlier: before).render(&d)
        }
        let (handoverFiles, handoverOutcome) = runner.run([handover], &d)
        outputs += handoverFiles
        outcomes += handoverOutcome
        let indexed = outputs
        let home = RenderUnit(name: "home", key: keys.key("home", UnitKeys.paths(indexed))) { d in
            HomeDocuments(plan: withoutFeedback, planned: planned, pages: renderer, earlier: indexed).render(&d)
        }
        let (homeFiles, homeOutcome) = runner.run([home], &d)
        outputs += homeFiles
        outcomes += homeOutcome
        outputs = CalendarRevisions.apply(outputs, history: history, kept: UnitOutcome.keptEvents(outcomes))
        // `--strict` is judged by Build over the warnings of every stage together, not here.
        if d.hasErrors { throw .invalidInput(d.sorted) }
        return Result(files: outputs.sorted { $0.path < $1.path }, warnings: d.sorted, units: outcomes)
    }
}
