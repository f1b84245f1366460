import Foundation
import Testing
@testable import GoLiveCore

/// Input files are read with plain POSIX calls: the same bytes as Foundation reads, and nothing for
/// what is not a regular file (a pipe would have blocked the build).
@Suite("Reading the project folder")
struct DiskFilesTests {
    @Test func everyFileOfTheExampleProjectReadsAsFoundationReadsIt() throws {
        let disk = DiskFiles(root: ProjectFixture.repoRoot)
        let paths = ["plan.yaml"] + disk.allFiles(under: "audiences") + disk.allFiles(under: "guides")
            + disk.allFiles(under: "feedback") + disk.allFiles(under: "templates")
        #expect(paths.count > 30)
        for path in paths {
            let expected = try Data(contentsOf: ProjectFixture.repoRoot.appendingPathComponent(path))
            #expect(disk.read(path) == expected, "\(path)")
        }
        // The root given with a trailing slash reads the same.
        let slashed = DiskFiles(root: URL(fileURLWithPath: ProjectFixture.repoRoot.path + "/"))
        #expect(slashed.read("plan.yaml") == disk.read("plan.yaml"))
    }

    @Test func onlyRegularFilesAreRead() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golive-diskfiles-\(getpid())")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("folder"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data().write(to: root.appendingPathComponent("empty.yaml"))
        let big = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try big.write(to: root.appendingPathComponent("big.md"))
        #expect(mkfifo(root.appendingPathComponent("pipe.yaml").path, 0o644) == 0)
        let disk = DiskFiles(root: root)
        #expect(disk.read("empty.yaml") == Data())
        #expect(disk.read("big.md") == big)
        #expect(disk.read("missing.yaml") == nil)
        #expect(disk.read("folder") == nil)
        #expect(disk.read("pipe.yaml") == nil)
    }
}

/// A profile or feedback file that its folder lists but that cannot be read as a file is an error at
/// its path, not a profile silently left out of the plan.
@Suite("Unreadable inputs")
struct UnreadableInputTests {
    @Test func aPipeOrAFolderNamedLikeAnInputIsReported() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golive-unreadable-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in CommsFixture.exampleTree() {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        // The example project loads as it is.
        _ = try LoadedProject.load(DiskFiles(root: root))
        #expect(mkfifo(root.appendingPathComponent("audiences/pipe.yaml").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("feedback/export.csv"), withIntermediateDirectories: true)
        do {
            _ = try LoadedProject.load(DiskFiles(root: root))
            Issue.record("an unreadable input must stop the build")
        } catch {
            guard case .invalidInput(let diagnostics) = error else { Issue.record("\(error)"); return }
            let errors = diagnostics.filter { $0.severity == .error }.map(\.description)
            #expect(errors.contains { $0.hasPrefix("audiences/pipe.yaml:1:1: error: 'audiences/pipe.yaml' cannot be read as a file") }, "\(errors)")
            #expect(errors.contains { $0.hasPrefix("feedback/export.csv:1:1: error: 'feedback/export.csv' cannot be read as a file") }, "\(errors)")
        }
    }
}

/// The manifest is sent on its way to the disk as soon as it is written, so that its `rename` into
/// place at the end of a build does not wait for ext4 to do it.
@Suite("Starting writeback")
struct WritebackTests {
    @Test func theManifestIsWrittenWholeAndItsWritebackStarted() throws {
        #if os(Linux)
        #expect(FileBytes.syncFileRange != nil, "sync_file_range is found on Linux")
        #endif
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("golive-writeback-\(UUID().uuidString)").path
        defer { unlink(path) }
        let pieces = [Data("{\n  \"format\" : 1".utf8), Data(repeating: 0x20, count: 1 << 20), Data("\n}\n".utf8)]
        try pieces[0].withUnsafeBytes { a in try pieces[1].withUnsafeBytes { b in try pieces[2].withUnsafeBytes { c in
            try FileBytes.write([a, b, c], to: path, startingWriteback: true)
        } } }
        #expect(FileManager.default.contents(atPath: path) == pieces.reduce(Data(), +))
    }
}
