import Foundation
import Testing
@testable import GoLiveCore

/// The output folder is what teams diff and send from: a failed build must never touch it,
/// and an identical rebuild must not rewrite anything.
@Suite("Build output")
struct BuildOutputTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("golive-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under `root` with its bytes and modification date.
    static func snapshot(_ root: URL) throws -> [String: (Data, Date)] {
        var result: [String: (Data, Date)] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey])
        while let url = enumerator?.nextObject() as? URL {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .contentModificationDateKey])
            guard values.isRegularFile == true else { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            result[relative] = (try Data(contentsOf: url), values.contentModificationDate ?? .distantPast)
        }
        return result
    }

    @Test func aFailedBuildLeavesThePreviousOutputByteForByte() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Build(files: ProjectFixture.files(), outputDirectory: out).run()
        let before = try Self.snapshot(out)
        #expect(before["comms-plan.html"] != nil)

        let broken = ProjectFixture.files(plan: ProjectFixture.plan.replacingOnce("duration: 30m", with: "duration: never"))
        #expect(throws: GoLiveError.self) { try Build(files: broken, outputDirectory: out).run() }
        let brokenTemplate = ProjectFixture.files(extra: ["templates/comms-plan.fr.md": "{{#open}} never closed"])
        #expect(throws: GoLiveError.self) { try Build(files: brokenTemplate, outputDirectory: out).run() }

        let after = try Self.snapshot(out)
        #expect(Set(after.keys) == Set(before.keys))
        for (path, (data, date)) in before {
            #expect(after[path]?.0 == data, "\(path) changed")
            #expect(after[path]?.1 == date, "\(path) was rewritten")
        }
    }

    @Test func anIdenticalRebuildWritesNothingAndLeavesNoTemporaryFile() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try Build(files: ProjectFixture.files(), outputDirectory: out).run()
        #expect(!first.report.written.isEmpty)
        let second = try Build(files: ProjectFixture.files(), outputDirectory: out).run()
        #expect(second.report.written.isEmpty)
        #expect(second.report.removed.isEmpty)
        #expect(second.report.unchanged.count == first.report.written.count)
        #expect(try Self.snapshot(out).keys.allSatisfy { !$0.contains("golive-tmp") })
    }

    @Test func theSameInputGivesByteIdenticalOutput() throws {
        let a = try Self.temporaryDirectory(), b = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        _ = try Build(files: DiskFiles(root: ProjectFixture.repoRoot), outputDirectory: a).run()
        _ = try Build(files: DiskFiles(root: ProjectFixture.repoRoot), outputDirectory: b).run()
        let left = try Self.snapshot(a).mapValues(\.0), right = try Self.snapshot(b).mapValues(\.0)
        #expect(left == right)
        #expect(left.count > 2)
    }

    @Test func aDryRunWritesNothing() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        var options = Build.Options()
        options.dryRun = true
        let result = try Build(files: ProjectFixture.files(), outputDirectory: out, options: options).run()
        #expect(!result.report.written.isEmpty)
        #expect(try Self.snapshot(out).isEmpty)
    }

    @Test func outputsThatLostTheirSourceAreRemoved() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let writer = OutputWriter(directory: out)
        var manifest = Manifest()
        manifest.files = ["a/old.md": "x", "keep.md": "y"]
        _ = try writer.write([OutputFile(path: "a/old.md", text: "old"), OutputFile(path: "keep.md", text: "k")],
                             manifest: manifest, previous: nil)
        let report = try writer.write([OutputFile(path: "keep.md", text: "k")], manifest: Manifest(), previous: manifest)
        #expect(report.removed == ["a/old.md"])
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("a/old.md").path))
    }

    @Test func aPathOutsideTheOutputFolderIsRefused() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(throws: GoLiveError.self) {
            try OutputWriter(directory: out).write([OutputFile(path: "../escape.md", text: "x")], manifest: Manifest(), previous: nil)
        }
        #expect(!OutputPath.isSafeRelative("/etc/passwd"))
        #expect(!OutputPath.isSafeRelative("a/../../b"))
        #expect(OutputPath.isSafeRelative("agents-paris/comms/2027-02-17-teaser.html"))
        for unsafe in ["", "/", "a/", "a//b", ".", "..", ".hidden", "a/.b", "a/./b", "a\\b", "a\u{0}b", "./a"] {
            #expect(!OutputPath.isSafeRelative(unsafe), "\(unsafe)")
        }
    }

    /// The byte-level check says what the rule says segment by segment, on every short path.
    @Test func theSafePathRuleOnBytesAgreesWithTheRuleOnSegments() {
        func reference(_ path: String) -> Bool {
            guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
            return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && !$0.hasPrefix(".") }
        }
        let alphabet: [Character] = ["a", ".", "/", "\\", "é"]
        var paths = [""]
        for _ in 0..<5 { paths += paths.flatMap { p in alphabet.map { p + String($0) } }.filter { $0.count <= 5 } }
        for path in Set(paths) { #expect(OutputPath.isSafeRelative(path) == reference(path), "\(path)") }
    }

    @Test func onlyAPendingDecisionCarriesTheDraftBanner() throws {
        for (status, expectBanner) in [("go", false), ("pending", true)] {
            let files = ProjectFixture.files(plan: ProjectFixture.plan.replacingOnce("status: go", with: "status: \(status)"))
            let project = try LoadedProject.load(files)
            let (outputs, _) = try Rendering.run(project, try Planning.run(project.plan), options: Build.Options())
            let page = String(decoding: try #require(outputs.first { $0.path == "comms-plan.html" }).data, as: UTF8.self)
            #expect(page.contains("class=\"draft\"") == expectBanner, "\(status)")
            #expect(page.contains("BROUILLON") == expectBanner, "\(status)")
        }
    }

    @Test func parallelRenderingGivesTheSameBytesAsOneThread() throws {
        var outputs: [[String: Data]] = []
        for threads in [1, 2, 3] {
            let out = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            var options = Build.Options()
            options.parallelism = threads
            _ = try Build(files: DiskFiles(root: ProjectFixture.repoRoot), outputDirectory: out, options: options).run()
            outputs.append(try Self.snapshot(out).mapValues(\.0))
        }
        #expect(outputs[0].count > 100)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    @Test func aManifestNamingPathsOutsideTheFolderRemovesAndReportsNothingThere() throws {
        let parent = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        let bystander = parent.appendingPathComponent("keep.txt")
        try Data("mine".utf8).write(to: bystander)
        var forged = Manifest()
        forged.files = ["../keep.txt": "0", "/etc/hostname": "0"]
        let report = OutputWriter(directory: out).preview([OutputFile(path: "a.md", text: "a")], previous: forged)
        #expect(report.removed.isEmpty)
        _ = try OutputWriter(directory: out).write([OutputFile(path: "a.md", text: "a")], manifest: Manifest(), previous: forged)
        #expect(FileManager.default.fileExists(atPath: bystander.path))
    }
}
