/// `out/handover/dossier.md|html` and `out/handover/handover.ics`. The dossier indexes the
/// documents rendered before it, so it is rendered after every other document but the home page.
struct HandoverDocuments {
    let plan: Plan
    let pages: PageRenderer
    let earlier: [OutputFile]

    func render(_ d: inout Diagnostics) -> [OutputFile] {
        let paths = Self.paths(plan)
        guard !paths.isEmpty else { return [] }
        var files: [OutputFile] = []
        if paths.contains(Self.calendar), let handover = plan.support?.handover {
            files.append(OutputFile(path: Self.calendar, text: HandoverICS.render(plan, handover)))
        }
        let index = DocumentIndex(plan: plan, outputs: earlier + files)
        files += pages.render(HandoverPage(plan: plan, index: index, indexItems: pages.templates.mayLoopOverIndexItems).page(), &d)
        return files
    }

    static let calendar = "handover/handover.ics"

    /// The files `render` gives, known before rendering: the home page, which lists them, can then
    /// render at the same time as the dossier.
    static func paths(_ plan: Plan) -> [String] {
        guard let support = plan.support else { return [] }
        let meetings = !(support.handover?.meetings ?? []).isEmpty
        return (meetings ? [calendar] : []) + ["handover/dossier.md", "handover/dossier.html"]
    }
}
