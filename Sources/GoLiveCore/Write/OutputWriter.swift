import Foundation

/// The last stage: puts rendered files in place. Only files whose bytes change are written, each under
/// a temporary name in its own folder and renamed over the old one, so a reader never sees half a file
/// and an unchanged file keeps its modification time.
public struct OutputWriter {
    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// What `write` would do, without touching anything (`--dry-run`).
    public func preview(_ files: [OutputFile], previous: Manifest?) -> Report {
        var report = Report()
        for file in files.sorted(by: { $0.path < $1.path }) {
            let existing = try? Data(contentsOf: url(file.path))
            if existing == file.data { report.unchanged.append(file.path) } else { report.written.append(file.path) }
        }
        let current = Set(files.map(\.path))
        report.removed = (previous?.files.keys.filter { !current.contains($0) } ?? []).sorted()
            .filter { FileManager.default.fileExists(atPath: url($0).path) }
        return report
    }

    /// `extras` (the change report) are put in place like the manifest: rewritten only when their bytes
    /// change, never listed in the report nor in the manifest's `files`, so never removed as stale.
    public func write(_ files: [OutputFile], manifest: Manifest, previous: Manifest?,
                      extras: [OutputFile] = []) throws(GoLiveError) -> Report {
        for file in files where !OutputPath.isSafeRelative(file.path) {
            throw .io(path: file.path, reason: "refusing to write outside the output folder")
        }
        let report = preview(files, previous: previous)
        let byPath = Dictionary(files.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        for path in report.written {
            try put(byPath[path] ?? Data(), at: path)
        }
        for path in report.removed where OutputPath.isSafeRelative(path) {
            do { try FileManager.default.removeItem(at: url(path)) } catch {
                throw .io(path: url(path).path, reason: "cannot remove the stale output: \(error.localizedDescription)")
            }
        }
        for extra in extras where OutputPath.isSafeRelative(extra.path) {
            if (try? Data(contentsOf: url(extra.path))) != extra.data { try put(extra.data, at: extra.path) }
        }
        let manifestData = manifest.encoded()
        if (try? Data(contentsOf: url(Manifest.fileName))) != manifestData {
            try put(manifestData, at: Manifest.fileName)
        }
        return report
    }

    private func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    private func put(_ data: Data, at path: String) throws(GoLiveError) {
        let target = url(path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).golive-tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // A fresh file renamed into place: no truncation of the old one, and atomic for readers.
            guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
                throw CocoaError(.fileWriteUnknown)
            }
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw GoLiveError.io(path: target.path, reason: "cannot rename into place: \(reason)")
            }
        } catch let error as GoLiveError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .io(path: target.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
