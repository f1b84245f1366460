import Foundation

/// `golive build`: read+validate → plan → render → write, each stage named in progress and errors.
public struct Build {
    public struct Options: Sendable {
        public var strict = false
        public var dryRun = false
        public var allowNoGo = false
        public init() {}
    }

    public struct Result: Sendable {
        public var warnings: [Diagnostic]
        public var report: OutputWriter.Report
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

    public func run(progress: (String) -> Void = { _ in }) throws(GoLiveError) -> Result {
        let clock = ContinuousClock()
        var times: [(String, Double)] = []
        func timed<T>(_ index: Int, _ name: String, _ body: () throws(GoLiveError) -> T) throws(GoLiveError) -> T {
            progress("[\(index)/4] \(name)")
            let start = clock.now
            let value = try body()
            let elapsed = clock.now - start
            times.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            return value
        }

        let project = try timed(1, "read+validate") { () throws(GoLiveError) in
            try LoadedProject.load(files, strict: options.strict)
        }
        if project.plan.decision.status == .noGo, !options.allowNoGo {
            throw .noGo(project.plan.decision.location)
        }
        let planned = try timed(2, "plan") { () throws(GoLiveError) in try Planning.run(project.plan, strict: options.strict) }
        let (outputs, renderWarnings) = try timed(3, "render") { () throws(GoLiveError) in
            try Rendering.run(project, planned, options: options)
        }
        let previous = Manifest.load(from: outputDirectory)
        var manifest = Manifest()
        manifest.files = Dictionary(uniqueKeysWithValues: outputs.map { ($0.path, Digest.fnv1a($0.data)) })
        manifest.inputs = project.inputDigests
        let writer = OutputWriter(directory: outputDirectory)
        let report = try timed(4, options.dryRun ? "write (dry run)" : "write") { () throws(GoLiveError) in
            options.dryRun ? writer.preview(outputs, previous: previous)
                           : try writer.write(outputs, manifest: manifest, previous: previous)
        }
        return Result(warnings: project.warnings + planned.warnings + renderWarnings, report: report,
                      documentCount: outputs.count, stageTimes: times)
    }
}

/// Stage "plan": dates, sends, schedules. Pure.
public struct Planned: Sendable {
    public var sends: [Send]
    /// The training sessions, when the plan has a `training` block and it fits.
    public var training: TrainingPlan?
    public var warnings: [Diagnostic]
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
public enum Rendering {
    public static func run(_ project: LoadedProject, _ planned: Planned,
                           options: Build.Options) throws(GoLiveError) -> ([OutputFile], [Diagnostic]) {
        var d = Diagnostics()
        let pages = PageRenderer(templates: project.templates, plan: project.plan)
        var outputs: [OutputFile] = []
        outputs += pages.render(CommsPlanDocument(plan: project.plan, sends: planned.sends).page(), &d)
        outputs += MessageDocuments(project: project, planned: planned, pages: pages).render(&d)
        outputs += TrainingDocuments(project: project, planned: planned, pages: pages).render(&d)
        if options.strict { d = d.promotingWarnings() }
        if d.hasErrors { throw .invalidInput(d.sorted) }
        return (outputs.sorted { $0.path < $1.path }, d.sorted)
    }
}
