import Foundation

/// `golive build`: read+validate → plan → render → write, each stage named in progress and errors.
public struct Build {
    public struct Options: Sendable {
        public var strict = false
        public var dryRun = false
        public var allowNoGo = false
        /// A folder holding an earlier `golive-manifest.json` (`--previous DIR`): guide versions and calendar
        /// sequences continue from it (merged with the output folder's own manifest, the most advanced wins).
        public var previous: URL?
        /// Threads used to render; the output is the same bytes whatever the number.
        public var parallelism = ProcessInfo.processInfo.activeProcessorCount
        public init() {}
    }

    public struct Result: Sendable {
        public var warnings: [Diagnostic]
        public var report: OutputWriter.Report
        /// Per audience: documents changed and messages to resend (also in `out/changes.md`).
        public var changes: ChangeReport
        public var documentCount: Int
        public var stageTimes: [(stage: String, seconds: Double)]
    }

    public let files: ProjectFiles
    public let outputDirectory: URL
    public let options: Options

    public init(files: ProjectFiles, outputDirectory: URL, options: Options = Options()) {
        self.files = files
        self.outputDirectory = outputDirectory
        self.options = options
    }

    /// What the stages before writing produced: everything `check` reports and `build` writes.
    public struct Rendered: Sendable {
        public var project: LoadedProject
        public var planned: Planned
        public var outputs: [OutputFile]
        /// Each audience's guides with their versions, as rendered (the manifest records them).
        public var editions: [GuideEdition]
        /// Every warning of every stage, once each, in file order.
        public var warnings: [Diagnostic]
        var previous: Manifest?
        var history: Manifest?
    }

    /// Stages read+validate, plan and render, all in memory. With `--strict`, the warnings of all
    /// three stages are reported together and stop here, before anything is written.
    public func render(progress: (String) -> Void = { _ in }, times: inout [(String, Double)]) throws(GoLiveError) -> Rendered {
        let clock = ContinuousClock()
        var log: [(String, Double)] = []
        func timed<T>(_ index: Int, _ name: String, _ body: () throws(GoLiveError) -> T) throws(GoLiveError) -> T {
            progress("[\(index)/4] \(name)")
            let start = clock.now
            let value = try body()
            log.append((name, Benchmark.seconds(clock.now - start)))
            return value
        }
        defer { times += log }
        let project = try timed(1, "read+validate") { () throws(GoLiveError) in try LoadedProject.load(files) }
        if project.plan.decision.status == .noGo, !options.allowNoGo {
            throw .noGo(project.plan.decision.location)
        }
        let planned = try timed(2, "plan") { () throws(GoLiveError) in try Planning.run(project.plan) }
        if let previous = options.previous, Manifest.load(from: previous) == nil {
            throw .usage("--previous \(previous.path): no readable \(Manifest.fileName) there")
        }
        let previous = Manifest.load(from: outputDirectory)
        let history = Manifest.history(output: previous, previous: options.previous.flatMap(Manifest.load(from:)))
        let editions = GuideVersioning.editions(project.plan, history: history)
        let (outputs, renderWarnings) = try timed(3, "render") { () throws(GoLiveError) in
            try Rendering.run(project, planned, options: options, history: history, editions: editions)
        }
        var all = Diagnostics()
        for warning in project.warnings + planned.warnings + renderWarnings { all.append(warning) }
        if options.strict, !all.all.isEmpty { throw .invalidInput(all.promotingWarnings().sorted) }
        return Rendered(project: project, planned: planned, outputs: outputs, editions: editions, warnings: all.sorted,
                        previous: previous, history: history)
    }

    public func run(progress: (String) -> Void = { _ in }) throws(GoLiveError) -> Result {
        var times: [(String, Double)] = []
        let rendered = try render(progress: progress, times: &times)
        let (project, outputs, previous) = (rendered.project, rendered.outputs, rendered.previous)
        var manifest = Manifest()
        manifest.files = Dictionary(uniqueKeysWithValues: outputs.map { ($0.path, Digest.fnv1a($0.data)) })
        manifest.inputs = project.inputDigests
        for edition in rendered.editions {
            manifest.guides[GuideVersioning.key(guide: edition.guide.guideID, audience: edition.guide.audienceID)] = edition.record
        }
        let events = Manifest.eventRecords(in: outputs)
        manifest.events = events.isEmpty ? nil : events
        let writer = OutputWriter(directory: outputDirectory)
        progress("[4/4] " + (options.dryRun ? "write (dry run)" : "write"))
        let clock = ContinuousClock()
        let start = clock.now
        let preview = writer.preview(outputs, previous: previous, digests: manifest.files)
        let changes = ChangeReport(written: preview.written, removed: preview.removed,
                                   audienceIDs: project.plan.audiences.map(\.id),
                                   language: project.plan.project.defaultLanguage,
                                   firstBuild: previous == nil, dryRun: options.dryRun)
        var report = preview
        if !options.dryRun {
            // A build that changes nothing leaves changes.md as it was: it tells the last real change.
            let extras = changes.isEmpty ? [] : [OutputFile(path: ChangeReport.fileName, text: changes.markdown)]
            report = try writer.write(outputs, manifest: manifest, previous: previous, extras: extras, planned: preview)
        }
        times.append((options.dryRun ? "write (dry run)" : "write", Benchmark.seconds(clock.now - start)))
        return Result(warnings: rendered.warnings, report: report, changes: changes,
                      documentCount: outputs.count, stageTimes: times)
    }
}

/// Stage "plan": dates, sends, schedules. Pure.
public struct Planned: Sendable {
    public var sends: [Send]
    /// The training sessions, when the plan has a `training` block and it fits.
    public let training: TrainingPlan?
    /// The same sessions grouped by audience, in the scheduler's order.
    public let sessionsByAudience: [String: [ScheduledSession]]
    public var warnings: [Diagnostic]

    public init(sends: [Send], training: TrainingPlan?, warnings: [Diagnostic]) {
        self.sends = sends
        self.training = training
        self.warnings = warnings
        sessionsByAudience = Dictionary(grouping: training?.sessions ?? [], by: \.audienceID)
    }
}

public enum Planning {
    /// Throws when the plan cannot be carried out as written (training that does not fit).
    public static func run(_ plan: Plan, strict: Bool = false) throws(GoLiveError) -> Planned {
        var d = Diagnostics()
        let training = TrainingPlanning.run(plan, &d)
        if strict { d = d.promotingWarnings() }
        if d.hasErrors { throw .invalidInput(d.sorted) }
        return Planned(sends: CommsCalendar.sends(for: plan), training: training, warnings: d.sorted)
    }
}

/// Stage "render": every output file in memory. Nothing is written if any document fails.
typealias RenderJob = RenderJobs.Job

public enum Rendering {
    public static func run(_ project: LoadedProject, _ planned: Planned,
                           options: Build.Options, history: Manifest? = nil,
                           editions known: [GuideEdition]? = nil) throws(GoLiveError) -> ([OutputFile], [Diagnostic]) {
        var pages = PageRenderer(templates: project.templates, plan: project.plan)
        pages.hasHomePage = true   // out/index.html is rendered last, below
        let plan = project.plan
        // More slices than threads, so the threads stay busy until the end.
        let shards = Shard.all(options.parallelism > 1 ? options.parallelism * 4 : 1)

        // A no-go announces nothing but the postponement (Build refuses it without --allow-no-go),
        // and writes no home page to link back to.
        if plan.decision.status == .noGo {
            pages.hasHomePage = false
            let postponement = pages
            let jobs = shards.map { shard -> RenderJob in
                { d in MessageDocuments(project: project, planned: planned, pages: postponement, shard: shard).render(&d) }
            }
            let (outputs, d) = RenderJobs.run(jobs, parallelism: options.parallelism)
            if d.hasErrors { throw .invalidInput(d.sorted) }
            return (outputs.sorted { $0.path < $1.path }, d.sorted)
        }

        let renderer = pages
        let editions = known ?? GuideVersioning.editions(plan, history: history)

        // Documents that depend only on the plan.
        var jobs: [RenderJob] = [
            { d in renderer.render(CommsPlanDocument(plan: plan, sends: planned.sends).page(), &d) },
            { d in RunbookDocuments(plan: plan, pages: renderer).render(&d) },
            { d in PostGoLiveDocuments(plan: plan, pages: renderer).render(&d) },
        ]
        for shard in shards {
            jobs.append { d in MessageDocuments(project: project, planned: planned, pages: renderer, shard: shard).render(&d) }
            jobs.append { d in TrainingDocuments(project: project, planned: planned, pages: renderer, shard: shard).render(&d) }
            jobs.append { d in GuideDocuments(plan: plan, editions: editions, pages: renderer, shard: shard).render(&d) }
        }
        var (outputs, d) = RenderJobs.run(jobs, parallelism: options.parallelism)

        // Kits link to the documents above, so they come after them.
        let earlier = outputs
        let kits = shards.map { shard -> RenderJob in
            { d in KitDocuments(plan: plan, planned: planned, pages: renderer, earlier: earlier, shard: shard).render(&d) }
        }
        let (kitFiles, kitDiagnostics) = RenderJobs.run(kits, parallelism: options.parallelism)
        outputs += kitFiles
        d.append(contentsOf: kitDiagnostics)
        outputs += HandoverDocuments(plan: plan, pages: renderer, earlier: outputs).render(&d)
        // Keep last: the home page links every document rendered above it.
        outputs += HomeDocuments(plan: plan, planned: planned, pages: renderer, earlier: outputs).render(&d)
        outputs = CalendarRevisions.apply(outputs, history: history)
        // `--strict` is judged by Build over the warnings of every stage together, not here.
        if d.hasErrors { throw .invalidInput(d.sorted) }
        return (outputs.sorted { $0.path < $1.path }, d.sorted)
    }
}
