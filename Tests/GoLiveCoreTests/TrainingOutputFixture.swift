import Foundation
@testable import GoLiveCore

/// The example project at the repository root, read into memory so a test can change
/// one file and plan and render it without touching the disk.
enum TrainingOutputFixture {
    static var root: URL { ProjectFixture.repoRoot }

    /// Every input file of the example (never `out/`), as text.
    static let tree: [String: String] = {
        let disk = DiskFiles(root: root)
        var tree: [String: String] = [:]
        for path in ["plan.yaml"] + ["audiences", "guides", "feedback", "templates"].flatMap(disk.allFiles(under:)) {
            if let data = disk.read(path), let text = String(data: data, encoding: .utf8) { tree[path] = text }
        }
        return tree
    }()

    /// The example with `edit` applied to the text of each file it names.
    static func files(_ edits: [String: (String) -> String] = [:]) -> MemoryFiles {
        var copy = tree
        for (path, edit) in edits { copy[path] = edit(copy[path] ?? "") }
        return MemoryFiles(copy)
    }

    /// Read, plan and render: the outputs by path, and the plan stage's result.
    static func build(_ files: ProjectFiles) throws -> (project: LoadedProject, planned: Planned, outputs: [String: OutputFile]) {
        let project = try LoadedProject.load(files)
        let planned = try Planning.run(project.plan)
        let (outputs, _) = try Rendering.run(project, planned, options: Build.Options())
        return (project, planned, Dictionary(uniqueKeysWithValues: outputs.map { ($0.path, $0) }))
    }

    /// What the plan stage throws, or nil when the plan fits.
    static func planError(_ files: ProjectFiles) throws -> GoLiveError? {
        let project = try LoadedProject.load(files)
        do {
            _ = try Planning.run(project.plan)
            return nil
        } catch {
            return error
        }
    }

    /// `FILE:LINE:COLUMN` of `entry` inside the `modules:` line of an audience file.
    static func moduleEntry(_ path: String, _ entry: String) -> String {
        let lines = (tree[path] ?? "").components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix("modules:") }),
              let range = lines[index].range(of: entry) else { return "\(path):?:?" }
        let column = lines[index].unicodeScalars.distance(from: lines[index].unicodeScalars.startIndex,
                                                          to: range.lowerBound.samePosition(in: lines[index].unicodeScalars)!) + 1
        return "\(path):\(index + 1):\(column)"
    }

    static func text(_ file: OutputFile?) -> String { file.map { String(decoding: $0.data, as: UTF8.self) } ?? "" }

    /// Runs a Python checker on files written to a fresh temporary folder; returns stdout.
    static func python(_ script: String, files: [String: Data]) throws -> (status: Int32, stdout: String, stderr: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golive-training-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            paths.append(url.path)
        }
        let result = try ICSPython.run(script, arguments: paths)
        return (result.status, result.stdout, result.stderr)
    }
}
