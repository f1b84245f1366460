/// Every render unit of a plan, in the order they can render: each family of documents as units
/// keyed on what they read (see `RenderUnit`), and given a plan holding only the feedback they show.
/// A class: each of thousands of units' closures holds it, and a struct would be copied into each.
final class DocumentUnits: Sendable {
    let plan: Plan
    let planned: Planned
    let keys: UnitKeys
    let pages: PageRenderer
    /// The plan without any feedback, for documents that show none.
    let withoutFeedback: Plan
    let scheduled: [ScheduledMessage]
    /// Each audience's, looked up as its unit renders: a rebuild renders a few of a thousand.
    private let messages: ByAudience<ScheduledMessage>
    /// Each audience's `UnitKeys.feedback`, shared by its messages, guides and kit.
    private let feedbackKeys: [String: String]

    init(project: LoadedProject, planned: Planned) {
        plan = project.plan
        self.planned = planned
        keys = UnitKeys(project: project)
        withoutFeedback = keys.plan(plan, feedback: UnitKeys.none)
        var pages = PageRenderer(templates: project.templates, plan: withoutFeedback)
        // A no-go announces nothing but the postponement (Build refuses it without --allow-no-go),
        // and writes no home page to link back to.
        pages.hasHomePage = plan.decision.status != .noGo
        self.pages = pages
        scheduled = MessageSchedule.messages(for: plan, sends: planned.sends)
        messages = ByAudience(scheduled, by: \.send.audienceID)
        feedbackKeys = keys.feedbackShown(to: plan.audiences.map(\.id))
    }

    /// `<audience>/comms/…`: one unit per audience.
    /// The units' closures hold an audience's id or index, not the audience: a rebuild makes thousands
    /// of units and renders a few, and each copy of an audience retains each of its many fields.
    func messageUnits() -> [RenderUnit] {
        plan.audiences.indices.map { index in
            let id = plan.audiences[index].id
            let (messages, pages, planned) = (messages, pages, planned)
            return RenderUnit(name: "messages/\(id)", key: keys.key("messages/\(id)", feedbackKey(id))) { [self] d in
                MessageDocuments(plan: audienceView(id), planned: planned, pages: pages).render(messages[id] ?? [], &d)
            }
        }
    }

    /// The documents of the whole plan: the comms plan and its exports, runbooks, post-go-live pages.
    /// The largest units, so they are handed out first.
    func planUnits() -> [RenderUnit] {
        let (plan, planned, pages, scheduled) = (withoutFeedback, planned, pages, scheduled)
        return [
            RenderUnit(name: "comms-plan", key: keys.key("comms-plan")) { d in
                pages.render(CommsPlanDocument(plan: plan, sends: planned.sends).page(), &d)
                    + CommsPlanExports(plan: plan, messages: scheduled).files()
            },
            RenderUnit(name: "runbook", key: keys.key("runbook")) { d in RunbookDocuments(plan: plan, pages: pages).render(&d) },
            RenderUnit(name: "post-go-live", key: keys.key("post-go-live")) { d in PostGoLiveDocuments(plan: plan, pages: pages).render(&d) },
        ]
    }

    /// The training schedule first (the largest), then each trained audience's page and each trainer's.
    func trainingUnits() -> [RenderUnit] {
        guard let training = TrainingDocuments(plan: withoutFeedback, planned: planned, pages: pages) else { return [] }
        var units = [RenderUnit(name: "training", key: keys.key("training")) { d in training.schedule(&d) }]
        for (index, audience) in training.trainedAudiences.enumerated() {
            units.append(RenderUnit(name: "training/\(audience.id)", key: keys.key("training/\(audience.id)")) { d in
                training.audience(training.trainedAudiences[index], &d)
            })
        }
        for (index, trainer) in training.trainers.enumerated() {
            units.append(RenderUnit(name: "trainers/\(trainer.id)", key: keys.key("trainers/\(trainer.id)")) { d in
                training.trainer(training.trainers[index], &d)
            })
        }
        return units
    }

    /// Each audience's guides, with the version and "What's new" their edition continues.
    func guideUnits(_ editions: [GuideEdition]) -> [RenderUnit] {
        let byAudience = Dictionary(grouping: editions, by: \.guide.audienceID)
        return plan.audiences.indices.compactMap { index in
            let id = plan.audiences[index].id
            guard let own = byAudience[id] else { return nil }
            let key = keys.key("guides/\(id)", feedbackKey(id), own.map(UnitKeys.edition).joined(separator: ","))
            return RenderUnit(name: "guides/\(id)", key: key) { [self] d in
                GuideDocuments(plan: audienceView(id), pages: pages).render(own, &d)
            }
        }
    }

    /// Each audience's kit. It links to its audience's messages and training page when they were
    /// rendered (`<id>/comms/…`, `<id>/training.html`), so it comes after the units that write them,
    /// `messages/<id>` and `training/<id>` among `earlier`, and is keyed on their keys: the same keys
    /// give the same files. (Not on every earlier file: kits then render beside the guides.)
    func kitUnits(earlier: [UnitOutcome]) -> [RenderUnit] {
        var linked: [String: [UnitOutcome]] = [:]
        for unit in earlier {
            // On bytes: a unit's name is a family and an id, both ASCII (ids are checked), and a Character
            // search cost more than the rest of listing a thousand kits.
            guard let slash = unit.name.utf8.firstIndex(of: UInt8(ascii: "/")) else { continue }
            let family = unit.name[..<slash]
            if family == "messages" || family == "training" { linked[String(unit.name[unit.name.index(after: slash)...]), default: []].append(unit) }
        }
        return plan.audiences.indices.map { index in
            let id = plan.audiences[index].id
            let own = (linked[id] ?? []).sorted { $0.name < $1.name }
            var parts = [feedbackKey(id)]
            for unit in own { parts.append(unit.name); parts.append(unit.key) }
            let key = keys.key("kit/\(id)", parts: parts)
            return RenderUnit(name: "kit/\(id)", key: key) { [self] d in
                let existing = Set(own.flatMap(\.paths))
                return KitDocuments(plan: audienceView(id), planned: planned, pages: pages, existing: existing).render(plan.audiences[index], &d)
            }
        }
    }

    /// The handover dossier indexes everything rendered before it and lists the unresolved feedback.
    func handoverUnit(earlier: [OutputFile], earlierKey: String) -> RenderUnit {
        let (unresolved, pages) = (keys.plan(plan, feedback: UnitKeys.unresolved), pages)
        return RenderUnit(name: "handover", key: keys.key("handover", keys.feedback(UnitKeys.unresolved), earlierKey)) { d in
            HandoverDocuments(plan: unresolved, pages: pages, earlier: earlier).render(&d)
        }
    }

    /// The home page indexes everything, the dossier included, and shows no feedback. `also`: files
    /// listed after `earlier`, put together only if the page renders (a rebuild most often keeps it,
    /// and copying tens of thousands of files for nothing was a visible part of one).
    func homeUnit(earlier: [OutputFile], also: [OutputFile] = [], earlierKey: String) -> RenderUnit {
        let (plan, planned, pages) = (withoutFeedback, planned, pages)
        return RenderUnit(name: "home", key: keys.key("home", earlierKey)) { d in
            HomeDocuments(plan: plan, planned: planned, pages: pages, earlier: also.isEmpty ? earlier : earlier + also).render(&d)
        }
    }

    private func audienceView(_ id: String) -> Plan { keys.plan(plan, feedback: UnitKeys.shownTo(id)) }
    private func feedbackKey(_ id: String) -> String { feedbackKeys[id] ?? keys.feedback(UnitKeys.shownTo(id)) }
}
