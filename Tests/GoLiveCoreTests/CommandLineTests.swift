import Foundation
import Testing
@testable import GoLiveCore

/// The `golive` executable as users and scripts call it: exit statuses and what goes where.
@Suite("Command line")
struct CommandLineTests {
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("golive")
    }

    struct Run { let status: Int32; let out: String; let err: String }

    static func golive(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        let r = try Subprocess.run(executable, arguments, in: directory)
        return Run(status: r.status, out: r.stdout, err: r.stderr)
    }

    static func write(_ files: [String: String], to root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    @Test func versionAndHelp() throws {
        let version = try Self.golive(["--version"])
        #expect(version.status == 0)
        #expect(version.out.trimmingCharacters(in: .whitespacesAndNewlines) == GoLiveVersion.current)
        let help = try Self.golive(["--help"])
        for command in ["build", "check", "init", "schema", "templates"] { #expect(help.out.contains(command)) }
    }

    @Test func checkSummarisesTheExampleProject() throws {
        let run = try Self.golive(["check", ProjectFixture.repoRoot.path])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("lot-1  2027-03-19"))
        #expect(run.out.contains("Audiences: 6"))
        #expect(run.out.contains("essentials (classroom): 430 people, 38 sessions needed"))
        #expect(run.out.contains("Guide user-guide"))
    }

    @Test func badInputExits65WithPositionedErrorsOnly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golive-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write(["plan.yaml": ProjectFixture.plan.replacingOnce("duration: 30m", with: "duration: forever"),
                        "audiences/agents.yaml": ProjectFixture.audience, "guides/user-guide.md": ProjectFixture.guide], to: root)
        for command in ["check", "build"] {
            let run = try Self.golive([command, root.path])
            #expect(run.status == 65)
            #expect(run.err.contains("plan.yaml:25:15: error: 'duration' in runbook step 'freeze'"))
            #expect(!run.err.contains("Fatal error"))
            for line in run.err.split(separator: "\n") {
                #expect(line.range(of: #"^[^:]+:\d+:\d+: (error|warning): "#, options: .regularExpression) != nil, "\(line)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }

    @Test func initCreatesAProjectThatChecksAndBuilds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golive-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try Self.golive(["init", root.path, "--code", "NOVA"])
        #expect(created.status == 0, "\(created.err)")
        let check = try Self.golive(["check", root.path])
        #expect(check.status == 0, "\(check.err)")
        #expect(check.out.contains("NOVA"))
        let build = try Self.golive(["build", root.path])
        #expect(build.status == 0, "\(build.err)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/comms-plan.html").path))
        let again = try Self.golive(["init", root.path])
        #expect(again.status != 0)
    }

    @Test func templatesExportWritesEveryBuiltIn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golive-tpl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Self.golive(["templates", "export", root.path])
        #expect(run.status == 0)
        for (path, text) in BuiltinTemplates.files {
            #expect(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) == text)
        }
    }

    @Test func checkReportsWhatBuildWouldStopOn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golive-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // Valid input, but no trainer speaks the audience's language: only planning finds it.
        try Self.write(["plan.yaml": ProjectFixture.plan.replacingOnce("languages: [fr]", with: "languages: [en]"),
                        "audiences/agents.yaml": ProjectFixture.audience, "guides/user-guide.md": ProjectFixture.guide], to: root)
        let check = try Self.golive(["check", root.path])
        let build = try Self.golive(["build", root.path])
        #expect(check.status == 65)
        #expect(build.status == 65)
        #expect(check.err.contains("audiences/agents.yaml:7:11: error: training for 'agents' in 'essentials'"), "\(check.err)")
        #expect(check.err == build.err)
    }

    @Test func strictReportsTheWarningsOfEveryStageInOneRun() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("golive-strict-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try Self.golive(["build", ProjectFixture.repoRoot.path, "--out", out.path, "--strict"])
        #expect(run.status == 65)
        #expect(run.err.contains("audiences/agents-paris.yaml:11:1: error: audience 'agents-paris' has 4 relays"), "validation: \(run.err)")
        #expect(run.err.contains("audiences/agents-lille.yaml:8:11: error: sessions of 'essentials' hold at most 10"), "planning: \(run.err)")
        #expect(run.err.contains("plan.yaml:130:5: error: runbook step 'morning-checks' ends at J 07:30"), "rendering: \(run.err)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }
}
