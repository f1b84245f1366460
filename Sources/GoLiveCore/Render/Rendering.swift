import Foundation

/// Stage "render": every output file in memory, or kept from the last build when what it is made
/// from did not change. Nothing is written if any document fails.
public enum Rendering {
    /// Renders every document, keeping every byte in memory, on `options.parallelism` threads.
    public static func run(_ project: LoadedProject, _ planned: Planned, options: Build.Options, history: Manifest? = nil,
                           editions: [GuideEdition]? = nil) throws(GoLiveError) -> ([OutputFile], [Diagnostic]) {
        let runner = UnitRunner(previous: [:], digests: ManifestTable(), parallelism: options.parallelism)
        var result = try render(project, planned, history: { history },
                                editions: { editions ?? GuideVersioning.editions(project.plan, history: history) }) { runner }
        var warnings = Diagnostics()
        for warning in result.warnings { warnings.append(warning) }
        OutputFile.sortByPath(&result.files)
        return (result.files, warnings.sorted)
    }

    struct Result: Sendable {
        /// In no order (the caller sorts them when it is ready to); kept files carry no bytes (see `OutputFile.Stored.Place.kept`).
        var files: [OutputFile]
        /// In no order, as found: the build sorts every stage's together.
        var warnings: [Diagnostic]
        var units: [UnitOutcome]
        /// The units handed out, kept for as long as the result is: freeing thousands of them (their
        /// closures and what those hold) as `render` returns took a few percent of a rebuild, and
        /// `golive build` exits instead (see `Build.Result`).
        var handedOut: Build.Workings
    }

    /// `history`, `editions` and `runner` are asked for when first needed: the build works them out
    /// from the last manifest, which is still being read as the units are listed.
    static func render(_ project: LoadedProject, _ planned: Planned, history: () -> Manifest?,
                       editions: () -> [GuideEdition], runner makeRunner: () -> UnitRunner) throws(GoLiveError) -> Result {
        let units = DocumentUnits(project: project, planned: planned)
        let noGo = project.plan.decision.status == .noGo
        // Units are handed out in this order: the largest first, so no core waits on a long one at the end.
        let first = noGo ? units.messageUnits() : units.planUnits() + units.trainingUnits() + units.messageUnits()
        let runner = makeRunner()
        var d = Diagnostics()
        var outputs: [OutputFile] = []
        var outcomes: [UnitOutcome] = []
        var paths = UnitKeys.PathSet()
        var kept: [RenderUnit] = []
        var batches: [[RenderUnit]] = []
        func run(_ batch: [RenderUnit]) {
            batches.append(batch)
            let (files, done, keptUnits) = runner.run(batch, &d)
            // The first batch's array is taken as it is, rather than its thousands of files copied.
            if outputs.isEmpty { outputs = files } else { outputs += files }
            paths.add(files)
            outcomes += done
            kept += keptUnits
        }
        // Kept units a file of which was deleted or edited by hand since the last build render again once
        // every unit has been handed out (their files are checked meanwhile, on another core). They render
        // the same paths: what the units after them made of those paths holds.
        func repair() { runner.rerender(runner.damaged(kept), files: &outputs, outcomes: &outcomes) }
        run(first)
        if noGo {
            repair()
        } else {
            // `editions` may still be worked out on another core meanwhile: the guides come next, and the
            // kits beside them (they link to the messages and training pages, rendered already).
            let kits = units.kitUnits(earlier: outcomes)
            run(units.guideUnits(editions()) + kits)
            // The dossier and the home page link to every document rendered before them; the home page lists
            // the dossier's files too, known before it renders: the two render together.
            let dossier = HandoverDocuments.paths(project.plan).map { OutputFile(path: $0, data: Data()) }
            var withDossier = paths
            withDossier.add(dossier)
            run([units.handoverUnit(earlier: outputs, earlierKey: paths.key),
                 units.homeUnit(earlier: outputs, also: dossier, earlierKey: withDossier.key)])
            repair()
            let keptEvents = UnitOutcome.keptEvents(outcomes, among: UnitOutcome.renderedEvents(outcomes))
            // The calendars rendered in this build, found by a field of each file rather than its path's suffix,
            // and put back in place: not every one of the thousands of files kept.
            let calendars = outputs.indices.filter { outputs[$0].isInMemory && outputs[$0].path.hasSuffix(".ics") }
            let revisions = CalendarRevisions.apply(calendars.map { outputs[$0] }, history: history(), kept: keptEvents)
            for (index, file) in zip(calendars, revisions.files) { outputs[index] = file }
            // New SEQUENCE and DTSTAMP values: the rendered units read their calendars again.
            if revisions.revised { outcomes = UnitOutcome.rereadingCalendars(outcomes, in: revisions.files) }
        }
        // `--strict` is judged by Build over the warnings of every stage together, not here.
        if d.hasErrors { throw .invalidInput(d.sorted) }
        return Result(files: outputs, warnings: d.all, units: outcomes, handedOut: Build.Workings([batches, kept, units]))
    }
}
