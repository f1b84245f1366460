import Foundation

/// The last stage: puts rendered files in place. Only files whose bytes change are written, each under
/// a temporary name in its own folder and renamed over the old one, so a reader never sees half a file
/// and an unchanged file keeps its modification time.
public struct OutputWriter: Sendable {
    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// What `write` would do, without touching anything (`--dry-run`).
    /// A file the previous manifest recorded with the same digest, and still on disk with the same size,
    /// is taken as unchanged without reading it back: a rebuild of thousands of files then reads none.
    /// `digests`: the files' digests when the caller already has them (the new manifest's).
    public func preview(_ files: [OutputFile], previous: Manifest?, digests: [String: String] = [:]) -> Report {
        var report = Report()
        for file in files.sorted(by: { $0.path < $1.path }) {
            if file.isKept { report.unchanged.append(file.path); continue }
            let target = url(file.path)
            if let recorded = previous?.files[file.path], recorded == (digests[file.path] ?? Digest.fnv1a(file.data)),
               let size = Self.size(of: target), size == file.data.count {
                report.unchanged.append(file.path)
                continue
            }
            let existing = try? Data(contentsOf: target)
            if existing == file.data { report.unchanged.append(file.path) } else { report.written.append(file.path) }
        }
        let current = Set(files.map(\.path))
        // A manifest edited to name paths outside the folder is not obeyed, nor reported as obeyed.
        report.removed = (previous?.files.keys.filter { !current.contains($0) && OutputPath.isSafeRelative($0) } ?? []).sorted()
            .filter { FileManager.default.fileExists(atPath: url($0).path) }
        return report
    }

    /// The units of the last build whose files are all still there with the size they were written
    /// with: a rebuild may keep them. A file deleted or edited by hand makes its unit render again.
    public func intactUnits(_ previous: Manifest?) -> [String: Manifest.UnitRecord] {
        guard let previous, let units = previous.units else { return [:] }
        return units.filter { _, record in
            record.files.allSatisfy { path, size in
                previous.files[path] != nil && OutputPath.isSafeRelative(path) && Self.size(of: url(path)) == size
            }
        }
    }

    private static func size(of url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// `extras` (the change report) are put in place like the manifest: rewritten only when their bytes
    /// change, never listed in the report nor in the manifest's `files`, so never removed as stale.
    public func write(_ files: [OutputFile], manifest: Manifest, previous: Manifest?,
                      extras: [OutputFile] = [], planned: Report? = nil) throws(GoLiveError) -> Report {
        for file in files where !OutputPath.isSafeRelative(file.path) {
            throw .io(path: file.path, reason: "refusing to write outside the output folder")
        }
        // `planned`: the preview the caller already made of these files, so they are not compared twice.
        let report = planned ?? preview(files, previous: previous)
        let byPath = Dictionary(files.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        try putAll(report.written, from: byPath)
        for path in report.removed {
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

    /// File creation is kernel work that proceeds in parallel across folders: two threads halve it.
    /// Every rename happens whatever the others do; the first error is reported.
    private func putAll(_ paths: [String], from data: [String: Data]) throws(GoLiveError) {
        let threads = min(ProcessInfo.processInfo.activeProcessorCount, paths.count < 64 ? 1 : 2)
        guard threads > 1 else {
            for path in paths { try put(data[path] ?? Data(), at: path) }
            return
        }
        let failure = FirstFailure()
        DispatchQueue.concurrentPerform(iterations: threads) { part in
            for index in stride(from: part, to: paths.count, by: threads) {
                do throws(GoLiveError) { try put(data[paths[index]] ?? Data(), at: paths[index]) } catch { failure.record(error) }
            }
        }
        if let error = failure.error { throw error }
    }

    private final class FirstFailure: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var error: GoLiveError?
        func record(_ error: GoLiveError) {
            lock.lock()
            if self.error == nil { self.error = error }
            lock.unlock()
        }
    }

    private func put(_ data: Data, at path: String) throws(GoLiveError) {
        let target = url(path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).golive-tmp")
        if !FileManager.default.fileExists(atPath: folder.path) {
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw .io(path: folder.path, reason: "cannot create the folder: \(error.localizedDescription)")
            }
        }
        // A fresh file renamed into place: no truncation of the old one, and atomic for readers.
        // Plain POSIX calls: this runs once per changed file, tens of thousands of times on a large build.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: target.path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        let complete = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return true
        }
        let reason = String(cString: strerror(errno))
        if close(descriptor) != 0 || !complete {
            unlink(temporary.path)
            throw .io(path: target.path, reason: "cannot write: \(reason)")
        }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .io(path: target.path, reason: "cannot rename into place: \(reason)")
        }
    }
}
