/// `out/handover/dossier.md|html` and `out/handover/handover.ics`. The dossier indexes the
/// documents rendered before it, so it is rendered after every other document but the home page.
struct HandoverDocuments {
    let plan: Plan
    let pages: PageRenderer
    let earlier: [OutputFile]

    func render(_ d: inout Diagnostics) -> [OutputFile] {
        guard let support = plan.support else { return [] }
        var files: [OutputFile] = []
        if let handover = support.handover, !handover.meetings.isEmpty {
            files.append(OutputFile(path: "handover/handover.ics", text: HandoverICS.render(plan, handover)))
        }
        let index = DocumentIndex(plan: plan, outputs: earlier + files)
        files += pages.render(HandoverPage(plan: plan, index: index).page(), &d)
        return files
    }
}
