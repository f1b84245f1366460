import Foundation

/// Wraps the project's files and remembers every read and listing, with a digest of what it returned.
/// A build keys each document on what it was rendered from; taking that from the reads themselves
/// means no file the loader looks at can be left out of the key, however the loader changes.
final class RecordingFiles: ProjectFiles, @unchecked Sendable {
    private let files: ProjectFiles
    private let lock = NSLock()
    private var seen: [String: String] = [:]

    init(_ files: ProjectFiles) { self.files = files }

    /// The digest recorded for a read that found no file.
    static let absent = "absent"

    func read(_ path: String) -> Data? {
        let data = files.read(path)
        record("read " + path, data.map(Digest.contents) ?? Self.absent)
        return data
    }

    func list(_ directory: String) -> [String] {
        let names = files.list(directory)
        record("list " + directory, Digest.fnv1a(names.joined(separator: "\n")))
        return names
    }

    private func record(_ access: String, _ digest: String) {
        lock.lock()
        seen[access] = digest
        lock.unlock()
    }

    /// Every access so far, `read PATH` or `list FOLDER` → digest, for those `include` accepts.
    func accesses(where include: (String) -> Bool) -> [(access: String, digest: String)] {
        lock.lock()
        defer { lock.unlock() }
        return seen.filter { include($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
