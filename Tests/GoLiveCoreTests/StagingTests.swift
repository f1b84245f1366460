import Foundation
import Testing
@testable import GoLiveCore

/// A build writes each unit's files to a staging folder as soon as they render, and moves them into
/// the output folder only once everything has rendered. What protects users: a build that fails
/// after rendering leaves the output folder as it was and no staging folder anywhere.
@Suite("Staged writes")
struct StagingTests {
    static func build(_ files: ProjectFiles, _ out: URL, strict: Bool = false) throws -> Build.Result {
        var options = Build.Options()
        options.strict = strict
        return try Build(files: files, outputDirectory: out, options: options).run()
    }

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func parent() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("golive-staging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aBuildThatFailsAfterRenderingLeavesTheOutputAsItWasAndNoStagingFolder() throws {
        let parent = try Self.parent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        _ = try Self.build(TrainingOutputFixture.files(), out)
        #expect(Self.entries(parent) == ["out"])
        let before = try BuildOutputTests.snapshot(out)
        // The example has warnings: --strict fails once every document has rendered and been staged.
        #expect(throws: GoLiveError.self) { try Self.build(RebuildTests.withEntry, out, strict: true) }
        let after = try BuildOutputTests.snapshot(out)
        #expect(Set(after.keys) == Set(before.keys))
        for (path, (data, date)) in before {
            #expect(after[path]?.0 == data, "\(path) changed")
            #expect(after[path]?.1 == date, "\(path) was rewritten")
        }
        #expect(Self.entries(parent) == ["out"])
        #expect(!Self.entries(out).contains(Staging.folderName))
    }

    /// The new manifest is written to the staging folder while the changes are worked out, and renamed
    /// into place last: a rebuild that fails to put a file in place publishes neither, and the next
    /// build still knows what the folder holds.
    @Test func aRebuildThatFailsToPutAFileInPlaceKeepsTheLastManifest() throws {
        let parent = try Self.parent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let (out, trial) = (parent.appendingPathComponent("out"), parent.appendingPathComponent("trial"))
        _ = try Self.build(TrainingOutputFixture.files(), out)
        try FileManager.default.copyItem(at: out, to: trial)
        let written = try Self.build(RebuildTests.withEntry, trial).report.written
        let path = try #require(written.first)
        let manifest = try Data(contentsOf: out.appendingPathComponent(Manifest.fileName))
        // A folder with something in it where the rebuild must put that file: its rename fails.
        let target = out.appendingPathComponent(path)
        try FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: target.appendingPathComponent("inside"))
        #expect(throws: GoLiveError.self) { try Self.build(RebuildTests.withEntry, out) }
        #expect(try Data(contentsOf: out.appendingPathComponent(Manifest.fileName)) == manifest)
        #expect(!Self.entries(out).contains(Staging.folderName))
    }

    @Test func aFailedFirstBuildCreatesNoOutputFolder() throws {
        let parent = try Self.parent()
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(throws: GoLiveError.self) { try Self.build(TrainingOutputFixture.files(), parent.appendingPathComponent("out"), strict: true) }
        #expect(Self.entries(parent) == [])
    }

    @Test func aFirstBuildAndARebuildGiveWhatIsRenderedInMemory() throws {
        let parent = try Self.parent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        for files in [TrainingOutputFixture.files(), RebuildTests.withEntry] {
            _ = try Self.build(files, out)
            let (rendered, _) = try Rendering.run(try LoadedProject.load(files), try Planning.run(try LoadedProject.load(files).plan),
                                                  options: Build.Options(), history: Manifest.load(from: out))
            for file in rendered where !file.path.hasSuffix(".ics") {
                #expect(FileManager.default.contents(atPath: out.appendingPathComponent(file.path).path) == file.data, "\(file.path)")
            }
        }
    }

    @Test func aStagingFolderLeftByAKilledBuildIsClearedAndNeverPublished() throws {
        let parent = try Self.parent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        _ = try Self.build(TrainingOutputFixture.files(), out)
        let leftover = out.appendingPathComponent(Staging.folderName).appendingPathComponent("agents-paris/kit.md")
        try FileManager.default.createDirectory(at: leftover.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("half a kit".utf8).write(to: leftover)
        let result = try Self.build(RebuildTests.withEntry, out)
        #expect(!result.report.written.isEmpty)
        #expect(!Self.entries(out).contains(Staging.folderName))
        #expect(String(decoding: FileManager.default.contents(atPath: out.appendingPathComponent("agents-paris/kit.md").path) ?? Data(),
                       as: UTF8.self).contains("half a kit") == false)
    }

    /// A build that changes nothing makes no staging folder: not even the output folder's own
    /// modification time moves.
    @Test func anIdenticalRebuildTouchesNotEvenTheOutputFolder() throws {
        let parent = try Self.parent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        _ = try Self.build(TrainingOutputFixture.files(), out)
        let before = try FileManager.default.attributesOfItem(atPath: out.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        let again = try Self.build(TrainingOutputFixture.files(), out)
        #expect(again.report.written.isEmpty)
        #expect(try FileManager.default.attributesOfItem(atPath: out.path)[.modificationDate] as? Date == before)
    }

    /// `golive check` renders everything but keeps no bytes (a large project's outputs would not fit
    /// in memory twice): the same files, digests and warnings as a render that keeps them.
    @Test func checkRendersTheSameFilesWithoutKeepingTheirBytes() throws {
        let build = Build(files: TrainingOutputFixture.files(), outputDirectory: RebuildTests.folder())
        var times: [(String, Double)] = []
        let kept = try build.render(times: &times)
        let dropped = try build.render(times: &times, keepingBytes: false)
        #expect(dropped.outputs.map(\.path) == kept.outputs.map(\.path))
        #expect(dropped.outputs.map(\.digest) == kept.outputs.map(\.digest))
        #expect(dropped.warnings == kept.warnings)
        #expect(dropped.outputs.allSatisfy { $0.path.hasSuffix(".ics") || $0.data.isEmpty })
        #expect(kept.outputs.allSatisfy { !$0.data.isEmpty })
    }

    /// A second build into a folder another build is writing changes nothing: it stops with a clear
    /// message instead of clearing the other's staging folder.
    @Test func aSecondBuildIntoAFolderBeingWrittenStopsAndTouchesNothing() throws {
        let parent = try Self.parent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        _ = try Self.build(TrainingOutputFixture.files(), out)
        let before = try BuildOutputTests.snapshot(out)
        var other: OutputLock? = try OutputLock(output: out)   // the build already writing
        #expect {
            try Self.build(RebuildTests.withEntry, out)
        } throws: { error in
            "\(error)".contains("another golive build is writing to this folder")
        }
        #expect(other != nil)
        #expect(try BuildOutputTests.snapshot(out).mapValues(\.0) == before.mapValues(\.0))
        other = nil
        _ = try Self.build(RebuildTests.withEntry, out)   // once the other has finished
    }

    /// A rebuild checks every file of the last build by its size, from open descriptors of its folders
    /// (see `intactUnits`): a size for each regular file, nil for what is missing or not a file.
    @Test func theSizerGivesEachRegularFilesSizeAndNothingForTheRest() throws {
        let root = try Self.parent()
        defer { try? FileManager.default.removeItem(at: root) }
        var expected: [String: Int?] = ["top.md": 3, "a/b/c.txt": 0, "équipe-é/guide.html": 7, "a/missing.md": nil, "a/b": nil,
                                        "nowhere/x.md": nil, String(repeating: "n", count: Int(NAME_MAX) + 1): nil]
        for folder in 0..<7 { expected["f\(folder)/file.md"] = folder }   // more folders than it keeps open
        for (path, size) in expected {
            guard let size else { continue }
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(repeating: 0x61, count: size).write(to: url)
        }
        let sizer = FileBytes.Sizer(folder: root.path + "/")
        for round in 0..<2 {
            for (path, size) in expected.sorted(by: { $0.key < $1.key }) {
                #expect(sizer.size(of: path) == size, "\(path), round \(round)")
            }
        }
    }

}
