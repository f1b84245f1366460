import Foundation
import Testing
@testable import GoLiveCore

/// `golive bench` is for people: it must run and print figures that parse. How fast they are is
/// never asserted here (timed tests flake; the benchmark reports, it does not judge).
@Suite("Benchmark command")
struct BenchCommandTests {
    @Test func smallBenchPrintsWellFormedFigures() throws {
        let run = try CommandLineTests.golive(["bench", "--audiences", "20", "--waves", "2", "--json"])
        #expect(run.status == 0, "\(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(object["audiences"] as? Int == 20)
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.map { $0["name"] as? String } == ["read+validate", "plan", "render", "write"])
        for key in ["fullBuildSeconds", "fullBuildUserCPUSeconds", "documentsPerSecond", "markdownMegabytes",
                    "peakMemoryMegabytes", "rebuildSeconds"] {
            let value = try #require(object[key] as? Double, "\(key)")
            #expect(value > 0, "\(key)")
        }
        let written = try #require(object["filesWritten"] as? Int)
        let rewritten = try #require(object["rebuildFilesRewritten"] as? Int)
        #expect(rewritten >= 1 && rewritten < written, "one feedback entry must not rewrite everything")
        let table = try CommandLineTests.golive(["bench", "--audiences", "20", "--waves", "2"])
        #expect(table.out.contains("rebuild after one feedback"))
        #expect(table.out.contains("peak memory"))
    }

    /// `--rebuilds N` times N rebuilds, each after one more feedback entry, and reports their median:
    /// a steadier figure on a machine whose speed drifts from run to run.
    @Test func severalRebuildsAreEachTimedAndTheirMedianReported() throws {
        let run = try CommandLineTests.golive(["bench", "--audiences", "6", "--waves", "1", "--json", "--rebuilds", "3"])
        #expect(run.status == 0, "\(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let runs = try #require(object["rebuildRuns"] as? [Double])
        #expect(runs.count == 3 && runs.allSatisfy { $0 > 0 })
        #expect(object["rebuildSeconds"] as? Double == runs.sorted()[1])
        // Each rebuild's CPU time too, and their median: steadier than seconds on a busy machine.
        let cpu = try #require(object["rebuildCPURuns"] as? [Double])
        #expect(cpu.count == 3 && cpu.allSatisfy { $0 > 0 })
        #expect(object["rebuildCPUSeconds"] as? Double == cpu.sorted()[1])
        #expect((object["rebuildFilesRewritten"] as? Int ?? 0) >= 1)
        let table = try CommandLineTests.golive(["bench", "--audiences", "6", "--waves", "1", "--rebuilds", "2"])
        #expect(table.out.contains("median of 2"))
        #expect(table.out.contains("s median, GoLive and the kernel"))
        #expect(try CommandLineTests.golive(["bench", "--rebuilds", "0"]).status != 0)
        #expect(Benchmark.median([3, 1, 2]) == 2 && Benchmark.median([4, 1, 3, 2]) == 2.5 && Benchmark.median([]) == 0)
    }

    /// When creating the files cost the kernel more than GoLive's own work, the figures say so rather
    /// than pass the file system's state off as GoLive's speed.
    @Test func aKernelBoundFullBuildIsPointedOut() throws {
        let run = try CommandLineTests.golive(["bench", "--audiences", "6", "--waves", "1", "--json"])
        #expect(run.status == 0, "\(run.err)")
        var figures = try JSONDecoder().decode(Benchmark.Figures.self, from: Data(run.out.utf8))
        (figures.fullBuildUserCPUSeconds, figures.fullBuildSystemCPUSeconds) = (1.0, 0.4)
        #expect(!figures.kernelDominates && !figures.table.contains("note"))
        figures.fullBuildSystemCPUSeconds = 3.0
        #expect(figures.kernelDominates)
        #expect(figures.table.contains("the kernel worked more than GoLive") && figures.table.contains("--folder /dev/shm"))
    }

    @Test func theGeneratedProjectIsValidAndTheSameForTheSameSeed() throws {
        let a = SyntheticProject.files(audiences: 30, waves: 3, seed: 7)
        #expect(a == SyntheticProject.files(audiences: 30, waves: 3, seed: 7))
        #expect(a != SyntheticProject.files(audiences: 30, waves: 3, seed: 8))
        let loaded = try LoadedProject.load(MemoryFiles(a))
        #expect(loaded.plan.audiences.count == 30)
        #expect(loaded.plan.guideSources["user-guide"]?.base?.sections.count == 30)
        let planned = try Planning.run(loaded.plan)
        #expect(planned.training != nil, "the generated training must fit")
        // Realistic means what a PMO would ship: no warnings (invitations sent on the day of the first
        // session gave one per audience, which every build then worked out, printed and recorded).
        let (_, rendering) = try Rendering.run(loaded, planned, options: Build.Options())
        #expect((loaded.warnings + planned.warnings + rendering).isEmpty,
                "\((loaded.warnings + planned.warnings + rendering).prefix(3))")
    }

    @Test func theBenchBuildsInTheFolderItIsGivenAndLeavesItEmpty() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golive-bench-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests.golive(["bench", "--audiences", "5", "--waves", "1", "--json", "--folder", folder.path])
        #expect(run.status == 0, "\(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(object["folder"] as? String == folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func theGeneratedProjectCanBeWrittenOutAndBuilt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golive-bench-project-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let write = try CommandLineTests.golive(["bench", "--audiences", "12", "--waves", "2", "--write-project", folder.path])
        #expect(write.status == 0, "\(write.err)")
        let tree = SyntheticProject.files(audiences: 12, waves: 2, seed: 1)
        for (path, text) in tree {
            #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) == Data(text.utf8), "\(path)")
        }
        let build = try CommandLineTests.golive(["build", folder.path])
        #expect(build.status == 0, "\(build.err)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/aud-1/kit.html").path))
    }
}
