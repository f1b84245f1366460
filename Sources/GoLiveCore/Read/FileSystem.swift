import Foundation

/// The one seam through which input files are read, so tests can load a project from an inline tree.
public protocol ProjectFiles: Sendable {
    /// nil when the file does not exist.
    func read(_ path: String) -> Data?
    /// File names (not paths) directly inside `directory`, sorted; empty when it does not exist.
    func list(_ directory: String) -> [String]
}

/// A project folder on disk.
public struct DiskFiles: ProjectFiles {
    public let root: URL
    /// `root`'s path and a slash: each file's path is this and its relative path, not a URL made per
    /// file (that took two thirds of reading a thousand small profiles).
    private let base: String

    public init(root: URL) {
        self.root = root
        let path = root.path
        base = path.hasSuffix("/") ? path : path + "/"
    }

    /// nil when there is no regular file at `path` (a folder, a pipe or a device is never read).
    public func read(_ path: String) -> Data? {
        // Non-blocking: opening a pipe to read waits for a writer (it is then refused as no regular file);
        // a regular file reads the same either way.
        let descriptor = open(base + path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Read to the end, in case the file grew since its size was taken.
        var data = Data(count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == data.count { data.count += max(data.count, 4096) }
            let got = data.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 { if errno == EINTR { continue }; return nil }
            if got == 0 { break }
            count += got
        }
        data.count = count
        return data
    }

    public func list(_ directory: String) -> [String] {
        let url = directory.isEmpty ? root : root.appendingPathComponent(directory)
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }
}

/// An inline `[path: content]` project, for tests and for `golive bench`'s generated project.
public struct MemoryFiles: ProjectFiles {
    public var files: [String: Data]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    public func read(_ path: String) -> Data? { files[path] }

    public func list(_ directory: String) -> [String] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        var names = Set<String>()
        for path in files.keys where path.hasPrefix(prefix) {
            if let name = path.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
        }
        return names.sorted()
    }
}
