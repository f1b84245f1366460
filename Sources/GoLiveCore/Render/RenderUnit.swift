/// A group of documents rendered together (one audience's messages, one trainer's schedule), with
/// the key of everything they are made from. A rebuild keeps the files of a unit whose key did not
/// change instead of rendering them again: after one feedback entry, only the few units that show
/// it are rendered.
///
/// The key is only as good as what it covers, so a unit renders from nothing but what its key
/// names: `UnitKeys.base` covers every input file read except feedback, and a unit that shows
/// feedback is given a plan holding only the entries its key adds.
struct RenderUnit: Sendable {
    /// `messages/agents-paris`, `home`…: stable from build to build.
    let name: String
    let key: String
    let render: @Sendable (inout Diagnostics) -> [OutputFile]
}

/// What became of one unit in this build.
struct UnitOutcome: Sendable {
    let name: String
    let key: String
    /// Its files' paths, in no order. A kept unit's come from its record when asked for: a rebuild
    /// keeps thousands of units, and asks for the paths of a few.
    var paths: [String] { keptFiles.map { $0.map(\.path) } ?? renderedPaths }
    private let renderedPaths: [String]
    /// When kept: its files as its record lists them, path → size.
    private let keptFiles: [Manifest.UnitRecord.FileSize]?
    let warnings: [Diagnostic]
    /// Kept from the last build rather than rendered.
    let kept: Bool
    /// When kept: its calendar events, UID → the digests of their copies (`Manifest.UnitRecord.events`),
    /// read when asked for (see `UnitEvents`).
    var keptEvents = UnitEvents(nil)
    /// When rendered: the events of its `.ics` files, read as it rendered (on its thread).
    var calendar = Manifest.EventCopies()

    /// A unit rendered by this build.
    init(name: String, key: String, paths: [String], warnings: [Diagnostic], calendar: Manifest.EventCopies) {
        (self.name, self.key, renderedPaths, keptFiles, self.warnings, kept, self.calendar) = (name, key, paths, nil, warnings, false, calendar)
    }

    /// A unit kept from the last build, as its record there has it.
    init(name: String, key: String, kept record: Manifest.UnitRecord) {
        (self.name, self.key, renderedPaths, keptFiles) = (name, key, [], record.fileSizes)
        (warnings, kept, keptEvents) = (record.warnings ?? [], true, record.eventStore)
    }

    /// `units` with the calendars of the rendered ones read again from `outputs`.
    static func rereadingCalendars(_ units: [UnitOutcome], in outputs: [OutputFile]) -> [UnitOutcome] {
        let calendars = Dictionary(outputs.filter { $0.path.hasSuffix(".ics") }.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        return units.map { unit in
            guard !unit.kept else { return unit }
            var reread = unit
            reread.calendar = Manifest.eventCopies(in: unit.paths.compactMap { calendars[$0] })
            return reread
        }
    }

    /// The event copies of every kept unit together, for the events `uids` (those rendered: a kept
    /// event with no rendered copy keeps its record as it is).
    static func keptEvents(_ units: [UnitOutcome], among uids: Set<String>) -> [String: [String]] {
        var all: [String: [String]] = [:]
        guard !uids.isEmpty else { return all }
        let wanted = UnitEvents.Wanted(uids)
        for unit in units where unit.kept {
            for (uid, digests) in unit.keptEvents.copies(among: wanted) { all[uid, default: []] += digests }
        }
        return all
    }

    /// The events of the units rendered in this build.
    static func renderedEvents(_ units: [UnitOutcome]) -> Set<String> {
        var uids = Set<String>()
        for unit in units where !unit.kept { uids.formUnion(unit.calendar.digests.keys) }
        return uids
    }
}

/// Renders the units whose key changed, on `parallelism` threads, and keeps the others.
struct UnitRunner: Sendable {
    /// The last build's units by name: one whose key did not change is kept.
    var previous: [String: Manifest.UnitRecord]
    /// The last build's units whose files are all still on disk as written (`OutputWriter.intactUnits`).
    /// Asked for only once every unit has been handed out: the check stats every file of the last
    /// build, and runs meanwhile on another core.
    var intact: @Sendable () -> OutputWriter.IntactUnits = { OutputWriter.IntactUnits() }
    /// The last build's output digests: looked up only when its manifest does not give one to each
    /// file its units record.
    let digests: ManifestTable<String>
    let parallelism: Int
    /// Takes each unit's files as soon as it has rendered (`Staging.take`): the build then holds
    /// digests, not bytes.
    var sink: (@Sendable ([OutputFile]) -> [OutputFile])?

    /// `kept`: the units kept on the strength of their key, to be checked with `damaged`.
    func run(_ units: [RenderUnit], _ d: inout Diagnostics) -> (files: [OutputFile], outcomes: [UnitOutcome], kept: [RenderUnit]) {
        var files: [OutputFile] = []
        var outcomes: [UnitOutcome] = []
        var toRender: [RenderUnit] = []
        var toKeep: [(unit: RenderUnit, record: Manifest.UnitRecord)] = []
        for unit in units {
            if let record = previous[unit.name], record.key == unit.key { toKeep.append((unit, record)) } else { toRender.append(unit) }
        }
        // Tens of thousands of kept files are listed on every core, each slice of units straight into its
        // own part of one array: no file is copied, nor released, as slices are put together.
        let keep = toKeep
        let slices = Parallel.slices(toKeep.count, parallelism)
        var starts: [Int] = []
        var total = 0
        for range in slices {
            starts.append(total)
            for (_, record) in keep[range] { total += record.fileSizes.count }
        }
        var parts: [(outcomes: [UnitOutcome], kept: [RenderUnit])] = []
        files = [OutputFile](unsafeUninitializedCapacity: total) { buffer, initialized in
            let base = Unchecked(buffer.baseAddress)   // each thread writes its own part of it
            parts = Parallel.map(Array(zip(slices, starts)), threads: parallelism) { range, start in
                var outcomes: [UnitOutcome] = []
                var kept: [RenderUnit] = []
                var next = base.value.map { $0 + start }
                for (unit, record) in keep[range] {
                    for file in record.fileSizes {
                        next?.initialize(to: OutputFile.kept(file.path, size: file.size))
                        next = next.map { $0 + 1 }
                    }
                    outcomes.append(UnitOutcome(name: unit.name, key: unit.key, kept: record))
                    kept.append(unit)
                }
                return (outcomes, kept)
            }
            initialized = total
        }
        var kept: [RenderUnit] = []
        for (sliceOutcomes, sliceKept) in parts {
            for outcome in sliceOutcomes { for warning in outcome.warnings { d.append(warning) } }
            outcomes += sliceOutcomes
            kept += sliceKept
        }
        let sink = self.sink
        let results = Parallel.map(toRender, threads: parallelism) { unit in
            var d = Diagnostics()
            let rendered = unit.render(&d)
            // Read here, on the unit's thread, rather than all at once after the last unit.
            let calendar = Manifest.eventCopies(in: rendered.filter { $0.path.hasSuffix(".ics") })
            return (files: sink?(rendered) ?? rendered, diagnostics: d, calendar: calendar)
        }
        for (unit, result) in zip(toRender, results) {
            files += result.files
            d.append(contentsOf: result.diagnostics)
            outcomes.append(UnitOutcome(name: unit.name, key: unit.key, paths: result.files.map(\.path),
                                        warnings: result.diagnostics.all, calendar: result.calendar))
        }
        return (files, outcomes, kept)
    }

    /// The units of `kept` a file of which was deleted or edited by hand since the last build: they
    /// render again.
    func damaged(_ kept: [RenderUnit]) -> [RenderUnit] {
        guard !kept.isEmpty else { return [] }
        let intact = self.intact()
        // By index: `filter` would copy each of thousands of units, retaining and releasing what it holds.
        return kept.indices.filter { index in
            if !intact.damaged.isEmpty, intact.damaged.contains(kept[index].name) { return true }
            // A manifest edited by hand may record a file of the unit and give it no digest.
            return !intact.everyFileListed && previous[kept[index].name]?.fileSizes.contains { digests[$0.path] == nil } != false
        }.map { kept[$0] }
    }

    /// Renders `units` again, in place of their kept files and outcomes. Their warnings are already
    /// among the build's, read from their records.
    func rerender(_ units: [RenderUnit], files: inout [OutputFile], outcomes: inout [UnitOutcome]) {
        guard !units.isEmpty else { return }
        var fresh = self
        fresh.previous = [:]
        var ignored = Diagnostics()
        let (rendered, done, _) = fresh.run(units, &ignored)
        let names = Set(units.map(\.name))
        let stale = Set(outcomes.filter { names.contains($0.name) }.flatMap(\.paths))
        files.removeAll { stale.contains($0.path) }
        files += rendered
        let byName = Dictionary(done.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        outcomes = outcomes.map { byName[$0.name] ?? $0 }
    }
}
