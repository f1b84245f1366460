import Foundation
import Testing
@testable import GoLiveCore

/// Random damage to the example project never crashes the tool: it either still loads, or it
/// fails with positioned errors only.
@Suite("Mutations of the example")
struct MutationPropertyTests {
    /// The example's input files; the built-in templates stay out of the damage.
    static func exampleFiles() -> [String: String] {
        TrainingOutputFixture.tree.filter { !$0.key.hasPrefix("templates/") }
    }

    static func mutate(_ text: String, _ r: inout TrainingRandom) -> String {
        var lines = text.components(separatedBy: "\n")
        guard !lines.isEmpty else { return text }
        let i = r.pick(lines.count)
        switch r.pick(6) {
        case 0: lines.remove(at: i)                                               // dropped key
        case 1: lines[i] = lines[i].replacingOccurrences(of: ": ", with: ": [")   // wrong type / syntax
        case 2: lines[i] = lines[i].replacingOccurrences(of: "2027-", with: "2027-13-")  // bad date
        case 3:                                                                      // random bytes
            let junk = (0..<8).map { _ in Character(UnicodeScalar(UInt8(r.pick(94) + 33))) }
            lines[i] += String(junk)
        case 4: lines[i] = lines[i].replacingOccurrences(of: "J-", with: "J+x")       // bad relative day
        default: lines.insert("  unexpected_key: 1", at: i)                          // unknown key
        }
        return lines.joined(separator: "\n")
    }

    @Test func randomMutationsNeverCrashAndAlwaysExplainThemselves() throws {
        let original = Self.exampleFiles()
        var r = TrainingRandom(seed: 20270319)
        let paths = original.keys.sorted()
        for _ in 0..<150 {
            var files = original
            let path = paths[r.pick(paths.count)]
            files[path] = Self.mutate(files[path] ?? "", &r)
            do {
                let loaded = try LoadedProject.load(MemoryFiles(files))
                for warning in loaded.warnings { #expect(warning.severity == .warning) }
            } catch {
                guard case .invalidInput(let diagnostics) = error else {
                    Issue.record("unexpected error kind for a mutation of \(path): \(error)")
                    continue
                }
                #expect(!diagnostics.filter { $0.severity == .error }.isEmpty)
                for diagnostic in diagnostics {
                    #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
                    #expect(files[diagnostic.location.file] != nil || diagnostic.location.file.hasSuffix("/"),
                            "\(diagnostic) names a file that is not in the project")
                }
            }
        }
    }

    @Test func nonUTF8FilesAreReportedNotCrashed() {
        var files = MemoryFiles(Self.exampleFiles())
        files.files["audiences/agents-paris.yaml"] = Data([0xFF, 0xFE, 0x00, 0x41, 0xC3])
        let messages = ProjectFixture.messages(files)
        #expect(messages.contains("audiences/agents-paris.yaml:1:1: error: the file is not UTF-8 text: save it as UTF-8"))
    }
}

extension TrainingRandom {
    /// 0 ..< n.
    mutating func pick(_ n: Int) -> Int { int(in: 0...(max(n, 1) - 1)) }
}
