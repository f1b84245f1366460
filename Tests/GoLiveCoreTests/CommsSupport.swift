import Foundation
@testable import GoLiveCore

/// The example project at the repository root, loaded from disk or as an editable inline tree,
/// planned and rendered in memory.
enum CommsFixture {
    static var repoRoot: URL { ProjectFixture.repoRoot }

    struct Rendered {
        let project: LoadedProject
        let planned: Planned
        let files: [String: OutputFile]
        let warnings: [Diagnostic]

        func text(_ path: String) -> String? { files[path].map { String(decoding: $0.data, as: UTF8.self) } }
        var messages: [ScheduledMessage] { MessageSchedule.messages(for: project.plan, sends: planned.sends) }
    }

    static func render(_ files: ProjectFiles) throws -> Rendered {
        let project = try LoadedProject.load(files)
        let planned = try Planning.run(project.plan)
        let (outputs, warnings) = try Rendering.run(project, planned, options: Build.Options())
        return Rendered(project: project, planned: planned,
                        files: Dictionary(outputs.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }),
                        warnings: warnings)
    }

    static func example() throws -> Rendered { try render(DiskFiles(root: repoRoot)) }

    /// The example project as `[path: content]`, for tests that edit an input.
    static func exampleTree() -> [String: String] {
        let disk = DiskFiles(root: repoRoot)
        var tree: [String: String] = [:]
        for path in ["plan.yaml"] + disk.allFiles(under: "audiences") + disk.allFiles(under: "guides")
            + disk.allFiles(under: "feedback") {
            if let data = disk.read(path) { tree[path] = String(decoding: data, as: UTF8.self) }
        }
        return tree
    }

    /// Writes the given outputs into a fresh temporary folder and returns it.
    static func writeTemp(_ files: [OutputFile]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golive-comms-\(UUID().uuidString)")
        for file in files {
            let url = dir.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        return dir
    }

    /// Parses every `.eml` named with Python's `email` package (policy=default): what a mail client sees.
    static let parseEmails = #"""
import sys, json, email, email.policy
out = {}
root = sys.argv[1]
for rel in sys.argv[2:]:
    raw = open(root + '/' + rel, 'rb').read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    out[rel] = {
        'subject': str(msg['Subject']),
        'to': [a.addr_spec for a in msg['To'].addresses] if msg['To'] else [],
        'from': str(msg['From']) if msg['From'] else '',
        'date': str(msg['Date']),
        'keys': [k.lower() for k in msg.keys()],
        'html': msg.get_body(('html',)).get_content(),
        'text': msg.get_body(('plain',)).get_content(),
        'defects': len(msg.defects),
    }
print(json.dumps(out))
"""#

    static func emails(_ rendered: Rendered, _ paths: [String]) throws -> [String: [String: Any]] {
        let dir = try writeTemp(paths.compactMap { rendered.files[$0] })
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try ICSPython.run(parseEmails, arguments: [dir.path] + paths)
        guard result.status == 0,
              let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]] else {
            throw CommsTestError.python(result.stderr)
        }
        return json
    }
}

enum CommsTestError: Error { case python(String) }

extension CommsFixture {
    /// Replaces the one occurrence of `old` in `text`; test inputs only.
    static func replace(_ old: String, with new: String, in text: String?) -> String {
        let text = text ?? ""
        precondition(text.components(separatedBy: old).count == 2, "'\(old)' must occur exactly once")
        return text.replacingOccurrences(of: old, with: new)
    }
}
