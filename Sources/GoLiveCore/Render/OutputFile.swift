import Foundation

/// One file of the output folder, fully rendered in memory before anything is written.
public struct OutputFile: Sendable, Equatable {
    /// Relative to the output folder, `/`-separated.
    public var path: String
    public var data: Data
    /// Set, to the digest of its bytes, when the file was not rendered again because what it is made
    /// from did not change: it is on disk as the last build wrote it, and `data` is empty.
    public var keptDigest: String?

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }

    static func kept(_ path: String, digest: String) -> OutputFile {
        var file = OutputFile(path: path, data: Data())
        file.keptDigest = digest
        return file
    }

    var isKept: Bool { keptDigest != nil }
}
