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

    public init(root: URL) { self.root = root }

    public func read(_ path: String) -> Data? {
        var isDirectory: ObjCBool = false
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return try? Data(contentsOf: url)
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
