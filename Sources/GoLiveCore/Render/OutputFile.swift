import Foundation

/// One file of the output folder. Rendered in memory; a build then moves the bytes of most files to
/// disk as soon as their unit has rendered (`Staging`), keeping only what the next steps need.
public struct OutputFile: Sendable, Equatable {
    /// Relative to the output folder, `/`-separated.
    public var path: String
    /// The bytes, while they are in memory; empty once they are on disk (see `stored`).
    public var data: Data
    /// Set when the bytes are no longer in `data`.
    var stored: Stored?

    struct Stored: Sendable, Equatable {
        enum Place: Sendable, Equatable {
            /// The output folder already holds these bytes: kept from the last build, or rendered
            /// the same again.
            case inPlace
            /// Written to the build's staging folder, to be renamed into place once everything has rendered.
            case staged
            /// Rendered and digested, then dropped: `golive check` writes nothing and keeps no bytes.
            case discarded
        }
        var place: Place
        var digest: String
        var size: Int
    }

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }

    /// A file of a unit kept from the last build: on disk as it was written then.
    static func kept(_ path: String, digest: String, size: Int) -> OutputFile {
        var file = OutputFile(path: path, data: Data())
        file.stored = Stored(place: .inPlace, digest: digest, size: size)
        return file
    }

    var isInMemory: Bool { stored == nil }

    /// This file with its bytes dropped, its digest and size kept.
    var discarded: OutputFile {
        guard isInMemory else { return self }
        var file = OutputFile(path: path, data: Data())
        file.stored = Stored(place: .discarded, digest: Digest.contents(data), size: data.count)
        return file
    }
    /// The file at `path` in `files` sorted by path (`<`), by bisection.
    static func find(_ path: String, inSorted files: [OutputFile]) -> OutputFile? {
        var (low, high) = (0, files.count)
        while low < high {
            let middle = (low + high) / 2
            if files[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low < files.count && files[low].path == path ? files[low] : nil
    }

    /// Whether `files` are in path order (`<`), as a build gives them.
    static func isSortedByPath(_ files: [OutputFile]) -> Bool {
        files.indices.dropFirst().allSatisfy { files[$0 - 1].path < files[$0].path }
    }

    /// Finds files of `files` by path: by bisection when they are sorted (as a build gives them, tens of
    /// thousands of them, of which it looks a few up), else through a dictionary.
    static func finder(_ files: [OutputFile]) -> (String) -> OutputFile? {
        if isSortedByPath(files) { return { find($0, inSorted: files) } }
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return { byPath[$0] }
    }

    var digest: String { stored?.digest ?? Digest.contents(data) }
    var size: Int { stored?.size ?? data.count }
}
