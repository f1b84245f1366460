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
