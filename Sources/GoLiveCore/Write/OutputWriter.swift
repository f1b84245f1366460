import Foundation

/// The last stage: puts rendered files in place. Only files whose bytes change are written, each under
/// a temporary name (in the staging folder, or beside the file) and renamed over the old one, so a
/// reader never sees half a file and an unchanged file keeps its modification time.
public struct OutputWriter: Sendable {
    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// What `write` would do, without touching anything (`--dry-run`).
    /// A file the previous manifest recorded with the same digest, and still on disk with the same size,
    /// is taken as unchanged without reading it back: a rebuild of thousands of files then reads none.
    /// `digests`: the files' digests when the caller already has them (the new manifest's);
    /// `keepsEveryPath`: they were made from the last manifest's by adding and updating paths only
    /// (`Manifest.files`), so no file of the last build is stale.
    public func preview(_ files: [OutputFile], previous: Manifest?, digests: [String: String] = [:], keepsEveryPath: Bool = false) -> Report {
        preview(files, previous: previous, digests: ManifestTable(digests), keepsEveryPath: keepsEveryPath)
    }

    /// `sorted`: the files are in path order already, as a build gives them (checking it again compared
    /// tens of thousands of paths as strings).
    func preview(_ files: [OutputFile], previous: Manifest?, digests: ManifestTable<String>, keepsEveryPath: Bool = false,
                 sorted: Bool = false) -> Report {
        var report = Report()
        report.unchanged.reserveCapacity(files.count)
        let files = sorted || OutputFile.isSortedByPath(files) ? files : files.sorted(by: { $0.path < $1.path })
        // By index: `for file in files` copies each of tens of thousands, retaining and releasing its strings.
        for index in files.indices {
            switch files[index].stored?.place {
            case .inPlace?, .kept?: report.unchanged.append(files[index].path); continue
            case .staged?, .discarded?: report.written.append(files[index].path); continue
            case nil: break
            }
            let file = files[index]
            let holds = FileBytes.holds(file.data, at: url(file.path).path, recorded: previous?.fileTable[file.path]) {
                digests[file.path] ?? Digest.contents(file.data)
            }
            if holds { report.unchanged.append(file.path) } else { report.written.append(file.path) }
        }
        if keepsEveryPath, digests.count == files.count { return report }
        // `digests`, when given, holds exactly these files' paths: no set of them to make.
        let current = digests.count == files.count ? nil : Set(files.map(\.path))
        let isCurrent = { (path: String) in current?.contains(path) ?? (digests[path] != nil) }
        // A manifest edited to name paths outside the folder is not obeyed, nor reported as obeyed.
        report.removed = (previous?.fileTable.keys.filter { !isCurrent($0) && OutputPath.isSafeRelative($0) } ?? []).sorted()
            .filter { FileManager.default.fileExists(atPath: url($0).path) }
        return report
    }

    /// The manifest as the build encoded it on another core (see `write`).
    enum EncodedManifest: Sendable {
        /// Written to the staging folder, to be renamed into place.
        case staged
        case bytes(Data)
    }

    /// What a rebuild learns of the last build's files from its manifest and the folder (`intactUnits`).
    struct IntactUnits: Sendable {
        /// The units a file of which is no longer there with the size it was written with: most often
        /// none, where the intact ones are thousands.
        var damaged: Set<String> = []
        /// Whether the manifest gives a digest for each file its units record, as every manifest GoLive
        /// writes does. When not (one edited by hand), each kept unit's files are looked up
        /// (`UnitRunner.damaged`): looking up tens of thousands on every rebuild took a good part of it.
        var everyFileListed = true
    }

    /// Which units of the last build have a file no longer there with the size it was written with:
    /// a rebuild keeps the others. A file deleted or edited by hand makes its unit render again.
    /// `listed`: the paths the manifest gives a digest (its `files`), and `recorded`: its units, when the
    /// caller has them in arrays (going through the dictionaries costs more).
    func intactUnits(_ previous: Manifest, listed: [String]? = nil,
                     recorded units: (names: [String], records: [Manifest.UnitRecord])? = nil) -> IntactUnits {
        guard let all = previous.units else { return IntactUnits() }
        let (names, records) = units ?? (Array(all.keys), Array(all.values))
        // One stat per file of the last build: tens of thousands, on every core. An audience's units
        // (`messages/aud-1`, `kit/aud-1`…) are checked one after the other: their files share the
        // folders the sizer keeps open. Their indices are grouped, not the records (each copy of a
        // record retains each of its parts).
        let order = Dictionary(grouping: names.indices) { index in names[index].lastIndex(of: "/").map { names[index][$0...] } ?? "" }
            .values.flatMap { $0 }
        let base = directory.path + "/"   // plain strings: a URL per file costs more than its stat
        let listed = listed ?? previous.fileTable.keys
        // In one slice per core, each with its own path buffer. The paths the units record, and those
        // given a digest, are summed on the way (`UnitKeys.PathSet`): the same sum says the same paths.
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let (recordSlices, listedSlices) = (Parallel.slices(order.count, threads), Parallel.slices(listed.count, threads))
        let parts = Parallel.map(Array(0..<max(recordSlices.count, listedSlices.count)), threads: threads) { part in
            var (recorded, given) = (UnitKeys.PathSet(), UnitKeys.PathSet())
            if part < listedSlices.count { for index in listedSlices[part] { given.add(listed[index]) } }
            guard part < recordSlices.count else { return (intact: [Bool](), recorded: recorded, given: given) }
            let sizer = FileBytes.Sizer(folder: base)
            let intact = order[recordSlices[part]].map { index in
                var intact = true
                for file in records[index].fileSizes {
                    recorded.add(file.path)
                    intact = intact && OutputPath.isSafeRelative(file.path) && sizer.size(of: file.path) == file.size
                }
                return intact
            }
            return (intact: intact, recorded: recorded, given: given)
        }
        let (recorded, given) = parts.reduce((UnitKeys.PathSet(), UnitKeys.PathSet())) { ($0.0 + $1.recorded, $0.1 + $1.given) }
        return IntactUnits(damaged: Set(zip(order, parts.flatMap(\.intact)).filter { !$0.1 }.map { names[$0.0] }),
                           everyFileListed: recorded == given)
    }

    /// `extras` (the change report) are put in place like the manifest: rewritten only when their bytes
    /// change, never listed in the report nor in the manifest's `files`, so never removed as stale.
    /// `staging`: where the files rendered by this build already are (see `Staging`); it is emptied
    /// into the output folder and removed.
    /// `encoded`: the manifest, when the caller encodes it (asked for once the other files are in place):
    /// written to `staging` already, because it differs from the last one, or its bytes.
    /// `cache`: the build cache (`BuildCache.fileName`), put in place like the manifest, before it (its
    /// entries are keyed on what they were made from: any cache goes with any manifest).
    /// `lastManifest`, `lastCache`: the bytes of the manifest and cache in the folder, when the caller read them.
    /// `sorted`: `files` are in path order, as a build gives them.
    func write(_ files: [OutputFile], manifest: Manifest, previous: Manifest?, extras: [OutputFile] = [], sorted: Bool = false,
               planned: Report? = nil, staging: Staging? = nil, encoded: (() -> EncodedManifest)? = nil,
               cache: Data? = nil, lastManifest: Data? = nil, lastCache: Data? = nil) throws(GoLiveError) -> Report {
        var known: EncodedManifest?
        /// Its bytes, nil when they are in the staging folder already.
        func manifestBytes() -> Data? {
            let made = known ?? encoded?() ?? .bytes(manifest.encoded())
            known = made
            switch made {
            case .staged where staging != nil: return nil
            case .staged: return manifest.encoded()   // cannot be: staged is said only with a staging folder
            case .bytes(let data): return data
            }
        }
        // Only files still in memory: the others' paths were checked already, as their unit was found
        // intact (`intactUnits`) or as they were staged (`Staging.take`).
        for index in files.indices where files[index].isInMemory && !OutputPath.isSafeRelative(files[index].path) {
            throw .io(path: files[index].path, reason: "refusing to write outside the output folder")
        }
        // `planned`: the preview the caller already made of these files, so they are not compared twice.
        let report = planned ?? preview(files, previous: previous)
        let byPath = OutputFile.finder(files, sorted: sorted)
        if let staging, staging.isFirstBuild,
           try firstBuild(report, byPath, manifest: manifestBytes(), cache: cache, extras: extras, staging: staging) {
            return report
        }
        try putAll(report.written, from: byPath, staging: staging)
        for path in report.removed {
            do { try FileManager.default.removeItem(at: url(path)) } catch {
                throw .io(path: url(path).path, reason: "cannot remove the stale output: \(error.localizedDescription)")
            }
        }
        removeEmptyFolders(of: report.removed)
        for extra in extras where OutputPath.isSafeRelative(extra.path) {
            if (try? Data(contentsOf: url(extra.path))) != extra.data { try put(extra.data, at: extra.path) }
        }
        // While the manifest may still be being written on another core.
        if let cache, (lastCache ?? (try? Data(contentsOf: url(BuildCache.fileName)))) != cache {
            try put(cache, at: BuildCache.fileName)
        }
        // Last, as it tells the next build what the folder holds: meanwhile another core encoded it.
        if let manifestData = manifestBytes() {
            if (lastManifest ?? (try? Data(contentsOf: url(Manifest.fileName)))) != manifestData {
                // The last manifest's bytes, when the build read them at its start (it holds the folder's lock).
                try put(manifestData, at: Manifest.fileName)
            }
        } else if let staging, rename(staging.url(Manifest.fileName).path, url(Manifest.fileName).path) != 0 {
            throw .io(path: url(Manifest.fileName).path, reason: "cannot rename into place: \(String(cString: strerror(errno)))")
        }
        staging?.discard()
        return report
    }

    /// A new output folder holds only the staging folder: the rest goes into it too, and each of its
    /// entries (an audience's folder, `index.html`…) is moved up in one rename. False when something
    /// else appeared in the folder meanwhile: the files then go in one by one.
    /// `manifest`: nil when it is staged already.
    private func firstBuild(_ report: Report, _ byPath: (String) -> OutputFile?, manifest: Data?, cache: Data?,
                            extras: [OutputFile], staging: Staging) throws(GoLiveError) -> Bool {
        let inMemory = report.written.filter { byPath($0)?.isInMemory == true }
        let files = Dictionary(inMemory.compactMap { byPath($0) }.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        try eachFolder(inMemory) { path throws(GoLiveError) in try staging.write(files[path]?.data ?? Data(), at: path) }
        for extra in extras where OutputPath.isSafeRelative(extra.path) { try staging.write(extra.data, at: extra.path) }
        if let manifest { try staging.write(manifest, at: Manifest.fileName) }
        if let cache { try staging.write(cache, at: BuildCache.fileName) }
        let fileManager = FileManager.default
        guard (try? fileManager.contentsOfDirectory(atPath: directory.path)) == [Staging.folderName] else { return false }
        for entry in (try? fileManager.contentsOfDirectory(atPath: staging.root.path)) ?? [] {
            if rename(staging.root.appendingPathComponent(entry).path, url(entry).path) != 0 {
                throw .io(path: url(entry).path, reason: "cannot rename into place: \(String(cString: strerror(errno)))")
            }
        }
        staging.discard()
        return true
    }

    private func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    /// The folders the removed files leave empty (a removed audience's), deepest first, up to the
    /// output folder. `rmdir` removes only an empty folder: anything a user put there stays.
    private func removeEmptyFolders(of removed: [String]) {
        var folders = Set<String>()
        for path in removed {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(url(folder).path) }
    }

    /// File creation is kernel work that proceeds in parallel across folders: two threads halve it.
    /// Each thread takes whole folders, so the two never wait on the same folder's lock.
    /// Every rename happens whatever the others do; the first error is reported.
    private func putAll(_ paths: [String], from byPath: (String) -> OutputFile?, staging: Staging?) throws(GoLiveError) {
        // Looked up here, not on the writing threads: the finder is not Sendable.
        let files = Dictionary(paths.compactMap { byPath($0) }.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        try eachFolder(paths) { path throws(GoLiveError) in try place(files[path], at: path, staging: staging) }
    }

    /// `body` for every path, on two threads that each take whole folders.
    private func eachFolder(_ paths: [String], _ body: @Sendable (String) throws(GoLiveError) -> Void) throws(GoLiveError) {
        let threads = min(ProcessInfo.processInfo.activeProcessorCount, paths.count < 64 ? 1 : 2)
        let folders = Dictionary(grouping: paths) { path in path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" }
            .sorted { $0.key < $1.key }.map(\.value)
        let failures = Parallel.map(folders, threads: threads) { folder -> GoLiveError? in
            var failure: GoLiveError?
            for path in folder {
                do throws(GoLiveError) { try body(path) } catch { failure = failure ?? error }
            }
            return failure
        }
        if let error = failures.compactMap({ $0 }).first { throw error }
    }

    /// A staged file is renamed into place; a file still in memory is written beside its target first.
    private func place(_ file: OutputFile?, at path: String, staging: Staging?) throws(GoLiveError) {
        guard let file, file.stored?.place == .staged, let staging else { return try put(file?.data ?? Data(), at: path) }
        let target = url(path)
        try makeFolder(target.deletingLastPathComponent())
        if rename(staging.url(path).path, target.path) != 0 {
            throw .io(path: target.path, reason: "cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }

    private func makeFolder(_ folder: URL) throws(GoLiveError) {
        guard !FileManager.default.fileExists(atPath: folder.path) else { return }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .io(path: folder.path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    private func put(_ data: Data, at path: String) throws(GoLiveError) {
        let target = url(path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).golive-tmp")
        try makeFolder(folder)
        // A fresh file renamed into place: no truncation of the old one, and atomic for readers.
        do throws(GoLiveError) { try FileBytes.write(data, to: temporary.path) } catch {
            guard case .io(_, let reason) = error else { throw error }
            throw .io(path: target.path, reason: reason)
        }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .io(path: target.path, reason: "cannot rename into place: \(reason)")
        }
    }
}
