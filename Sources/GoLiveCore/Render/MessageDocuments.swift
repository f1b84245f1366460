/// Every announcement for every audience: `out/<audience>/comms/<date>-<message>.md|html|eml`.
struct MessageDocuments {
    let project: LoadedProject
    let planned: Planned
    let pages: PageRenderer

    func render(_ d: inout Diagnostics) -> [OutputFile] {
        []
    }
}
