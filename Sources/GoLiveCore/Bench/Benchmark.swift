import Foundation

/// `golive bench`: a full build of a generated project, then one rebuild after one more feedback
/// entry, with the figures a user can reproduce. Figures are printed, never asserted.
public struct Benchmark {
    public struct Figures: Codable, Sendable {
        public var audiences: Int
        public var waves: Int
        public var seed: UInt64
        /// Stage name → seconds of the full build (render stages are summed CPU time across threads).
        public var stages: [Stage]
        public var fullBuildSeconds: Double
        /// CPU seconds of the full build, over all threads: in GoLive's code, and in the kernel
        /// (mostly creating files: on some file systems it varies a lot from run to run).
        public var fullBuildUserCPUSeconds: Double
        public var fullBuildSystemCPUSeconds: Double
        /// Where the generated project and its output were.
        public var folder: String
        public var htmlDocuments: Int
        public var filesWritten: Int
        public var documentsPerSecond: Double
        public var markdownMegabytes: Double
        public var markdownMegabytesPerSecond: Double
        public var peakMemoryMegabytes: Double
        /// The median of `rebuildRuns`.
        public var rebuildSeconds: Double
        /// Each rebuild's seconds, in the order run (`--rebuilds`): each adds one more feedback entry.
        public var rebuildRuns: [Double]
        /// CPU seconds of each rebuild over all threads (GoLive's and the kernel's), in the same order: steadier
        /// than the seconds when the machine's other load varies, it tells whether a change saved work.
        public var rebuildCPURuns: [Double]
        /// The median of `rebuildCPURuns`.
        public var rebuildCPUSeconds: Double
        /// Stage name → seconds of the rebuild after one feedback entry.
        public var rebuildStages: [Stage]
        public var rebuildFilesRewritten: Int
        public var rebuildShareOfFullBuild: Double
        /// The `cmark` command converting the same Markdown in one process, when it is installed.
        public var cmarkFloorSeconds: Double?
        public var ratioToCmarkFloor: Double?
    }

    public struct Stage: Codable, Sendable {
        public var name: String
        public var seconds: Double
    }

    public var audiences = 1000
    public var waves = 10
    public var seed: UInt64 = 1
    /// How many rebuilds to time, each after one more feedback entry (for another audience): their median
    /// is the figure, steadier than one run on a machine whose speed drifts.
    public var rebuilds = 1
    /// Where to generate the project and build it (a fresh subfolder, removed afterwards); nil for the
    /// system's temporary folder. The file system matters: the write stage is mostly its work.
    public var folder: URL?

    public init(audiences: Int, waves: Int, seed: UInt64) {
        self.audiences = audiences
        self.waves = waves
        self.seed = seed
    }

    public func run(progress: (String) -> Void = { _ in }) throws(GoLiveError) -> Figures {
        let fileManager = FileManager.default
        let work = (folder ?? fileManager.temporaryDirectory).appendingPathComponent("golive-bench-\(audiences)-\(waves)-\(seed)-\(getpid())")
        defer { try? fileManager.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        var tree = SyntheticProject.files(audiences: audiences, waves: waves, seed: seed)
        progress("generated \(tree.count) input files (\(audiences) audiences, \(waves) waves)")

        let clock = ContinuousClock()
        let fullStart = clock.now
        let cpuStart = Self.cpuSeconds()
        var fullResult: Build.Result? = try Build(files: MemoryFiles(tree), outputDirectory: out).run(progress: progress)
        let fullSeconds = Self.seconds(clock.now - fullStart)
        let cpu = Self.cpuSeconds()
        // The full build's peak. The rebuild below runs in this same process, on a heap the full build
        // left fragmented, so its own peak here says little: `golive build` rebuilds in a process of its own.
        let peak = Self.peakMemoryMegabytes()
        // As `golive build`, which exits when done, the clock stops before the build's working state is
        // freed; it is freed here, before the rebuild, whose peak memory is then its own.
        let (fullStages, fullWritten) = (fullResult?.stageTimes ?? [], fullResult?.report.written.count ?? 0)
        fullResult = nil

        // The first rebuild's stages and files are reported; with `rebuilds` > 1, the seconds are the median.
        var rebuildRuns: [Double] = []
        var rebuildCPURuns: [Double] = []
        var rebuildStages: [(stage: String, seconds: Double)] = []
        var rebuildWritten = 0
        for index in 0..<max(rebuilds, 1) {
            // The first is the entry a single rebuild has always added; the others follow it, one audience on.
            tree["feedback/first-week.yaml", default: ""] += SyntheticProject.oneMoreFeedback(
                audience: "aud-\(index % audiences + 1)", id: index == 0 ? "fb-new" : "fb-new-\(index + 1)")
            let (rebuildStart, cpuBefore) = (clock.now, Self.cpuSeconds())
            var result: Build.Result? = try Build(files: MemoryFiles(tree), outputDirectory: out).run()
            rebuildRuns.append(Self.seconds(clock.now - rebuildStart))
            let cpuAfter = Self.cpuSeconds()
            rebuildCPURuns.append(cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system)
            if index == 0 { (rebuildStages, rebuildWritten) = (result?.stageTimes ?? [], result?.report.written.count ?? 0) }
            result = nil   // its working state is freed off the clock, as `golive build` exits instead
            if rebuilds > 1 { progress("rebuild \(index + 1) of \(rebuilds): \(String(format: "%.3f", rebuildRuns[index])) s") }
        }
        let rebuildSeconds = Self.median(rebuildRuns)

        let markdown = Self.concatenatedMarkdown(in: out)
        let floor = Self.cmarkFloor(markdown, scratch: work)
        let htmlCount = Self.count(in: out, suffix: ".html")
        let megabytes = Double(markdown.count) / 1_000_000
        return Figures(
            audiences: audiences, waves: waves, seed: seed,
            stages: fullStages.map { Stage(name: $0.stage, seconds: $0.seconds) },
            fullBuildSeconds: fullSeconds,
            fullBuildUserCPUSeconds: cpu.user - cpuStart.user, fullBuildSystemCPUSeconds: cpu.system - cpuStart.system,
            folder: work.deletingLastPathComponent().path,
            htmlDocuments: htmlCount, filesWritten: fullWritten,
            documentsPerSecond: Double(htmlCount) / max(fullSeconds, 1e-9),
            markdownMegabytes: megabytes, markdownMegabytesPerSecond: megabytes / max(fullSeconds, 1e-9),
            peakMemoryMegabytes: peak,
            rebuildSeconds: rebuildSeconds, rebuildRuns: rebuildRuns,
            rebuildCPURuns: rebuildCPURuns, rebuildCPUSeconds: Self.median(rebuildCPURuns),
            rebuildStages: rebuildStages.map { Stage(name: $0.stage, seconds: $0.seconds) },
            rebuildFilesRewritten: rebuildWritten,
            rebuildShareOfFullBuild: rebuildSeconds / max(fullSeconds, 1e-9),
            cmarkFloorSeconds: floor, ratioToCmarkFloor: floor.map { fullSeconds / max($0, 1e-9) })
    }

    /// The generated project as files in `root`, for `golive build` and profilers.
    public func writeProject(to root: URL) throws(GoLiveError) {
        _ = try Scaffold.writeTree(SyntheticProject.files(audiences: audiences, waves: waves, seed: seed), into: root)
    }

    /// The middle value (the mean of the two middle ones for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func files(in root: URL, suffix: String) -> [URL] {
        var urls: [URL] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent.hasSuffix(suffix) { urls.append(url) }
        }
        return urls.sorted { $0.path < $1.path }
    }

    static func count(in root: URL, suffix: String) -> Int { files(in: root, suffix: suffix).count }

    static func concatenatedMarkdown(in root: URL) -> Data {
        var data = Data()
        for url in files(in: root, suffix: ".md") {
            if let bytes = try? Data(contentsOf: url) { data.append(bytes); data.append(0x0A) }
        }
        return data
    }

    /// Seconds the system `cmark` takes on the same Markdown in one process: the floor GoLive is compared to.
    static func cmarkFloor(_ markdown: Data, scratch: URL) -> Double? {
        let candidates = ["/usr/bin/cmark", "/usr/local/bin/cmark"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let input = scratch.appendingPathComponent("all.md")
        guard (try? markdown.write(to: input)) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [input.path]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let clock = ContinuousClock()
        let start = clock.now
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? seconds(clock.now - start) : nil
    }

    /// This process's CPU time so far, all threads: in user space and in the kernel.
    static func cpuSeconds() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }

    static func peakMemoryMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024   // Linux reports kilobytes
    }
}

extension Benchmark.Figures {
    public var table: String {
        func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
        var lines = ["GoLive benchmark — \(audiences) audiences, \(waves) waves, seed \(seed)", ""]
        lines.append("stage                         full build    rebuild")
        for stage in stages {
            let again = rebuildStages.first { $0.name == stage.name }.map { f($0.seconds) } ?? "-"
            lines.append(stage.name.padding(toLength: 30, withPad: " ", startingAt: 0)
                         + f(stage.seconds).padding(toLength: 14, withPad: " ", startingAt: 0) + again)
        }
        lines.append("")
        lines.append("full build                    \(f(fullBuildSeconds)) s, \(filesWritten) files written in \(folder)")
        lines.append("  CPU                         \(f(fullBuildUserCPUSeconds)) s in GoLive, \(f(fullBuildSystemCPUSeconds)) s in the kernel (both cores)")
        if kernelDominates {
            lines.append("  note                        the kernel worked more than GoLive: these figures measure the file system's state")
            lines.append("                              (see docs/benchmark.md, \"When the kernel dominates\"; --folder /dev/shm avoids it)")
        }
        lines.append("HTML documents                \(htmlDocuments) (\(f(documentsPerSecond, 0)) per second)")
        lines.append("Markdown                      \(f(markdownMegabytes, 2)) MB (\(f(markdownMegabytesPerSecond, 2)) MB/s)")
        lines.append("peak memory                   \(f(peakMemoryMegabytes, 1)) MB")
        if rebuildRuns.count > 1, let low = rebuildRuns.min(), let high = rebuildRuns.max() {
            lines.append("rebuild after one feedback    \(f(rebuildSeconds)) s median of \(rebuildRuns.count) (\(f(low))–\(f(high)) s), "
                         + "\(rebuildFilesRewritten) files rewritten by the first (\(f(rebuildShareOfFullBuild * 100, 1)) % of the full build)")
        } else {
            lines.append("rebuild after one feedback    \(f(rebuildSeconds)) s, \(rebuildFilesRewritten) files rewritten (\(f(rebuildShareOfFullBuild * 100, 1)) % of the full build)")
        }
        lines.append("  CPU                         \(f(rebuildCPUSeconds)) s\(rebuildCPURuns.count > 1 ? " median" : ""), GoLive and the kernel (both cores)")
        if let floor = cmarkFloorSeconds, let ratio = ratioToCmarkFloor {
            lines.append("cmark floor (same Markdown)   \(f(floor)) s; full build is \(f(ratio, 2))× the floor")
        } else {
            lines.append("cmark floor                   not measured: install the 'cmark' command (apt-get install cmark)")
        }
        return lines.joined(separator: "\n")
    }

    /// Whether the full build spent more CPU in the kernel than in GoLive: on a disk that was just
    /// freed of many files (ext4 without a journal passes over each recently deleted inode when it
    /// creates a file), creating the 24,000 files can take many times the rendering.
    public var kernelDominates: Bool { fullBuildSystemCPUSeconds > fullBuildUserCPUSeconds }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
