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
        /// Keep the documents whose inputs did not change since the last build instead of rendering them
        /// again (`--full` turns it off). Never with `previous`: its history may change them.
        public var reuse = true
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
        /// What the build worked with (the project, the manifests, every output's record), released
        /// with the result rather than as `run` returns: freeing hundreds of thousands of small values
        /// one by one is a good part of a rebuild, and `golive build` exits instead (see `BuildCommand`).
        let workings: Workings
    }

    /// Holds a build's working state for as long as its result is held.
    final class Workings: @unchecked Sendable {
        // Written once, at the end of `run`; never read.
        private let parts: [Any]
        init(_ parts: [Any]) { self.parts = parts }
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
        /// Sorted by path. A file kept from the last build has no bytes, and its digest is the last manifest's.
        public var outputs: [OutputFile]
        /// Each render unit, rendered or kept: the manifest records them for the next build.
        var units: [UnitOutcome]
        /// Each audience's guides with their versions, as rendered (the manifest records them).
        public var editions: [GuideEdition]
        /// Every warning of every stage, once each, in file order.
        public var warnings: [Diagnostic]
        var previous: Manifest?
        /// The last build's manifest as read, whose unchanged records the new one copies.
        var previousBytes: ManifestBytes?
        /// Where `build` already wrote the rendered files (nil for `check` and `--dry-run`).
        var staging: Staging?
        /// The build cache's bytes for the next build (nil for `check` and `--dry-run`).
        var nextCache: Background<Data>?
        /// The build cache's bytes as this build read them (nil with `--full`, or none there).
        var lastCache: Data?
        /// The manifest for the next build, and where it differs from the last one (nil for `check`).
        var manifest: (manifest: Manifest, differences: ManifestChanges)?
        /// The manifest, written to `staging` already or as bytes (nil but for `build`).
        var encodedManifest: Background<OutputWriter.EncodedManifest>?
        /// The render units, freed with the build's result (see `Rendering.Result.handedOut`).
        var handedOut: Workings?
    }

    /// Stages read+validate, plan and render, all in memory. With `--strict`, the warnings of all
    /// three stages are reported together and stop here, before anything is written.
    /// `keepingBytes`: false for `golive check`, which needs the warnings, not the files (calendars
    /// are kept: their revision reads them).
    public func render(progress: (String) -> Void = { _ in }, times: inout [(String, Double)],
                       keepingBytes: Bool = true) throws(GoLiveError) -> Rendered {
        try render(progress: progress, times: &times, staged: false, keepingBytes: keepingBytes)
    }

    /// `staged`: write each unit's files to the staging folder as soon as it renders (see `Staging`),
    /// rather than keeping every file in memory. A failure removes the staging folder.
    func render(progress: (String) -> Void, times: inout [(String, Double)], staged: Bool,
                keepingBytes: Bool = true) throws(GoLiveError) -> Rendered {
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
        // What the last build left, read on another core while the inputs are read: on a rebuild that
        // renders a few documents, a good part of the work.
        let (directory, checkUnits) = (outputDirectory, options.reuse && options.previous == nil)
        let lastManifest = Background { Manifest.loadKeepingBytes(from: directory) }
        let intactUnits = Background { () -> OutputWriter.IntactUnits in
            guard checkUnits, let last = lastManifest.value else { return OutputWriter.IntactUnits() }
            return OutputWriter(directory: directory).intactUnits(last.manifest, listed: last.spans.files?.keys,
                                                                  recorded: last.spans.units.map { ($0.keys, $0.values) })
        }
        // The profiles as the last build read them: a rebuild parses only those that changed. Not with
        // `--full`, which trusts nothing the last build left.
        let cachePath = outputDirectory.appendingPathComponent(BuildCache.fileName)
        let cacheBytes = options.reuse ? try? Data(contentsOf: cachePath) : nil
        let cache = options.reuse ? BuildCache(data: cacheBytes ?? Data()) : nil
        let project = try timed(1, "read+validate") { () throws(GoLiveError) in try LoadedProject.load(files, cache: cache) }
        if project.plan.decision.status == .noGo, !options.allowNoGo {
            throw .noGo(project.plan.decision.location)
        }
        // `--previous DIR`: read once, refused when it holds no manifest.
        let elsewhere: Manifest?
        if let folder = options.previous {
            guard let manifest = Manifest.load(from: folder) else {
                throw .usage("--previous \(folder.path): no readable \(Manifest.fileName) there")
            }
            elsewhere = manifest
        } else {
            elsewhere = nil
        }
        // Guides are versioned against the last build's manifest as soon as it is read, while the training
        // is scheduled and the other documents render: only the guides and what links to them wait for it.
        let versions = Background { () -> (history: Manifest?, editions: [GuideEdition]) in
            let history = Manifest.history(output: lastManifest.value?.manifest, previous: elsewhere)
            return (history, GuideVersioning.editions(project.plan, history: history))
        }
        let reusedSchedule = cache?.schedule(for: project.renderKey)
        let planned = try timed(2, "plan") { () throws(GoLiveError) in
            try Planning.run(project.plan, reusing: reusedSchedule)
        }
        // What the next build reads instead of parsing and scheduling again, encoded on another core
        // while the documents render. When every profile and the schedule came from the cache, and it
        // held no other, it is the same again: its bytes are kept, not encoded anew.
        let sameCache = reusedSchedule != nil && project.buildCache.reused == project.buildCache.count
            && project.buildCache.count == cache?.count
        let nextCache = staged ? Background { [renderKey = project.renderKey, cache = project.buildCache, training = planned.training] in
            if sameCache, let cacheBytes { return cacheBytes }
            var next = cache
            next.schedule = training.map { (BuildCache.scheduleKey(renderKey: renderKey), $0) }
            return next.encoded()
        } : nil
        let staging = staged ? Staging(output: outputDirectory, previous: { lastManifest.value?.manifest.fileTable ?? ManifestTable() }) : nil
        var sink: (@Sendable ([OutputFile]) -> [OutputFile])?
        if let staging {
            sink = { files in staging.take(files) }
        } else if !keepingBytes {
            sink = { files in files.map { $0.path.hasSuffix(".ics") ? $0 : $0.discarded } }
        }
        do throws(GoLiveError) {
            var result = try timed(3, "render") { () throws(GoLiveError) in
                // The documents' units are listed before the last build's manifest is needed, to decide
                // which of them to keep.
                try Rendering.render(project, planned, history: { versions.value.history }, editions: { versions.value.editions }) {
                    // From the manifest as soon as it is read, not after `versions`: that thread may not
                    // even have started then, both cores being busy checking the last build's files.
                    let previous = lastManifest.value?.manifest
                    var runner = UnitRunner(previous: checkUnits ? previous?.units ?? [:] : [:], digests: previous?.fileTable ?? ManifestTable(),
                                            parallelism: options.parallelism)
                    runner.intact = { intactUnits.value }
                    runner.sink = sink
                    return runner
                }
            }
            let (previous, editions) = (lastManifest.value?.manifest, versions.value.editions)
            if let failure = staging?.failure { throw failure }
            var all = Diagnostics()
            for warning in project.warnings + planned.warnings + result.warnings { all.append(warning) }
            if options.strict, !all.all.isEmpty { throw .invalidInput(all.promotingWarnings().sorted) }
            // The manifest is worked out from the files rendered, looked up by path, before the outputs are
            // sorted: it is then encoded, and written beside the staged files, on another core meanwhile.
            var outputs = result.files
            result.files = []
            let manifest = staged || keepingBytes
                ? Self.manifest(outputs, units: result.units, editions: editions, inputs: project.inputDigests, previous: previous) : nil
            let encoded = staged ? manifest.map { built in
                Background { [old = lastManifest.value, staging] () -> OutputWriter.EncodedManifest in
                    // Written from the runs of new bytes and of the last manifest's, as they are.
                    let encoding = built.manifest.encoding(reusing: old, changes: built.differences)
                    if let old, encoding.isSame(as: old.data) { return .bytes(old.data) }
                    if let staging, (try? staging.write(encoding, at: Manifest.fileName)) != nil { return .staged }
                    return .bytes(encoding.data())
                }
            } : nil
            OutputFile.sortByPath(&outputs)
            return Rendered(project: project, planned: planned, outputs: outputs, units: result.units, editions: editions,
                            warnings: all.sorted, previous: previous, previousBytes: lastManifest.value,
                            staging: staging, nextCache: nextCache, lastCache: cacheBytes, manifest: manifest, encodedManifest: encoded,
                            handedOut: result.handedOut)
        } catch {
            staging?.discard()
            throw error
        }
    }

    public func run(progress: (String) -> Void = { _ in }) throws(GoLiveError) -> Result {
        var times: [(String, Double)] = []
        let lock = options.dryRun ? nil : try OutputLock(output: outputDirectory)
        defer { withExtendedLifetime(lock) {} }
        let rendered = try render(progress: progress, times: &times, staged: !options.dryRun)
        let (project, outputs, previous) = (rendered.project, rendered.outputs, rendered.previous)
        progress("[4/4] " + (options.dryRun ? "write (dry run)" : "write"))
        let clock = ContinuousClock()
        let start = clock.now
        let (manifest, differences) = rendered.manifest
            ?? Self.manifest(outputs, units: rendered.units, editions: rendered.editions, inputs: project.inputDigests, previous: previous)
        // Ten megabytes at a thousand audiences: encoded, and written beside the staged files, on another core
        // while the outputs were sorted and the changes are worked out. Only its rename into place is left for the end.
        let encoded = rendered.encodedManifest
        let writer = OutputWriter(directory: outputDirectory)
        // `outputs` are in path order: `render` sorted them.
        let preview = writer.preview(outputs, previous: previous, digests: manifest.fileTable, keepsEveryPath: differences.files != nil, sorted: true)
        let changes = ChangeReport(written: preview.written, removed: preview.removed,
                                   audienceIDs: project.plan.audiences.map(\.id),
                                   language: project.plan.project.defaultLanguage,
                                   firstBuild: previous == nil, dryRun: options.dryRun)
        var report = preview
        if !options.dryRun {
            // A build that changes nothing leaves changes.md as it was: it tells the last real change.
            let extras = changes.isEmpty ? [] : [OutputFile(path: ChangeReport.fileName, text: changes.markdown)]
            do throws(GoLiveError) {
                report = try writer.write(outputs, manifest: manifest, previous: previous, extras: extras, sorted: true, planned: preview,
                                          staging: rendered.staging, encoded: encoded.map { encoded in { encoded.value } },
                                          cache: rendered.nextCache?.value,
                                          lastManifest: rendered.previousBytes?.data, lastCache: rendered.lastCache)
            } catch {
                // The manifest may still be being written into the staging folder: removed after it is.
                _ = encoded?.value
                rendered.staging?.discard()
                throw error
            }
        }
        times.append((options.dryRun ? "write (dry run)" : "write", Benchmark.seconds(clock.now - start)))
        return Result(warnings: rendered.warnings, report: report, changes: changes,
                      documentCount: outputs.count, stageTimes: times,
                      workings: Workings([rendered, manifest, outputs, preview, encoded as Any]))
    }
}

extension Build {
    /// The manifest of a build, and where it differs from the last one's (`previous`): each output's
    /// digest, the inputs', the guides' versions, the units' records and their calendar events.
    /// `outputs`: in any order.
    static func manifest(_ outputs: [OutputFile], units: [UnitOutcome], editions: [GuideEdition], inputs: [String: String],
                         previous: Manifest?) -> (manifest: Manifest, differences: ManifestChanges) {
        let rendered = OutputFile.renderedByPath(outputs)
        var manifest = Manifest()
        var differences = ManifestChanges()
        // The files' table, a copy of the last one's tens of thousands of entries, is made on another core
        // meanwhile: the build waits for this manifest, with the other core idle, before writing.
        let files = Background { Manifest.files(outputs, rendered: rendered, units: units, previous: previous) }
        manifest.inputs = inputs
        for edition in editions {
            manifest.guides[GuideVersioning.key(guide: edition.guide.guideID, audience: edition.guide.audienceID)] = edition.record
        }
        (differences.units, differences.events) = manifest.record(units, rendered: rendered, previous: previous)
        (manifest.fileTable, differences.files) = files.value
        return (manifest, differences)
    }
}

/// Stage "plan": dates, sends, schedules. Pure.
public struct Planned: Sendable {
    public let sends: [Send]
    /// The same sends grouped by audience, in the same order: a kit lists its audience's.
    let sendsByAudience: ByAudience<Send>
    /// The training sessions, when the plan has a `training` block and it fits.
    public let training: TrainingPlan?
    /// The same sessions grouped by audience, in the scheduler's order.
    public let sessionsByAudience: ByAudience<ScheduledSession>
    public var warnings: [Diagnostic]

    public init(sends: [Send], training: TrainingPlan?, warnings: [Diagnostic]) {
        self.sends = sends
        sendsByAudience = ByAudience(sends, by: \.audienceID)
        self.training = training
        self.warnings = warnings
        sessionsByAudience = ByAudience(training?.sessions ?? [], by: \.audienceID)
    }
}

public enum Planning {
    /// Throws when the plan cannot be carried out as written (training that does not fit).
    /// `schedule`: the training schedule worked out from the same inputs by an earlier build, taken
    /// instead of scheduling again.
    public static func run(_ plan: Plan, strict: Bool = false, reusing schedule: TrainingPlan? = nil) throws(GoLiveError) -> Planned {
        var d = Diagnostics()
        // Independent: the sends are worked out on another core while the training is scheduled. Not
        // when the schedule is the last build's: it takes no time to check, and a thread for the sends
        // would only wait for a core, both being busy reading the last build's manifest.
        let later = schedule == nil ? Background { CommsCalendar.sends(for: plan) } : nil
        let training = TrainingPlanning.run(plan, &d, reusing: schedule)
        let sends = later?.value ?? CommsCalendar.sends(for: plan)
        if strict { d = d.promotingWarnings() }
        if d.hasErrors { throw .invalidInput(d.sorted) }
        return Planned(sends: sends, training: training, warnings: d.sorted)
    }
}
