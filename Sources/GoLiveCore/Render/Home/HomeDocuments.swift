/// `out/index.md|html`, rendered last: it links every document rendered before it.
struct HomeDocuments {
    let plan: Plan
    let planned: Planned
    let pages: PageRenderer
    let earlier: [OutputFile]

    func render(_ d: inout Diagnostics) -> [OutputFile] {
        pages.render(HomePage(plan: plan, planned: planned, index: DocumentIndex(plan: plan, outputs: earlier),
                              indexItems: pages.templates.mayLoopOverIndexItems).page(), &d)
    }
}
