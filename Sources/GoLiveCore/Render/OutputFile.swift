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
            /// The output folder already holds these bytes: rendered the same again.
            case inPlace
            /// The output folder holds the file as the last build wrote it: its unit was kept, not rendered.
            /// Its digest is the last manifest's record of it, not carried here (it is left empty).
            case kept
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

    /// A file of a unit kept from the last build: on disk as it was written then. Its digest is not
    /// looked up: tens of thousands of lookups took a good part of a rebuild, for what the last
    /// manifest's record of the file already says.
    static func kept(_ path: String, size: Int) -> OutputFile {
        var file = OutputFile(path: path, data: Data())
        file.stored = Stored(place: .kept, digest: "", size: size)
        return file
    }

    var isInMemory: Bool { stored == nil }

    /// Rendered by this build (in memory, staged, or found the same in place), not kept from the last.
    var isRendered: Bool { stored?.place != .kept }

    /// The files of `files` that this build rendered, by path: a build's few among tens of thousands kept,
    /// found by a field of each file rather than by sorting them all first.
    static func renderedByPath(_ files: [OutputFile]) -> [String: OutputFile] {
        var byPath: [String: OutputFile] = [:]
        for index in files.indices where files[index].isRendered {
            if byPath[files[index].path] == nil { byPath[files[index].path] = files[index] }
        }
        return byPath
    }

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

    /// `files` in path order (`<`). A build sorts tens of thousands: each path's first 32 bytes are
    /// read once as four `utf8Word`s, which order almost every pair, and two paths are compared as
    /// strings only when those are equal. Paths that are not all ASCII (which `<` orders by Unicode scalars,
    /// after normalization) are sorted as strings.
    static func sortedByPath(_ files: [OutputFile]) -> [OutputFile] {
        var sorted = files
        sortByPath(&sorted)
        return sorted
    }

    /// `sortedByPath`, in place: the files are moved to their places, not copied (each copy of a
    /// file retains its strings, and the array left behind releases them).
    static func sortByPath(_ files: inout [OutputFile]) {
        guard let keys = sortKeys(files) else { files.sort { $0.path < $1.path }; return }
        // Position `k` takes the file at `keys[k].index`: each cycle of that permutation is followed once.
        var placed = [Bool](repeating: false, count: keys.count)
        files.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in keys.indices where !placed[start] {
                let first = (base + start).move()
                var position = start
                while true {
                    placed[position] = true
                    let from = keys[position].index
                    if from == start { (base + position).initialize(to: first); break }
                    (base + position).initialize(to: (base + from).move())
                    position = from
                }
            }
        }
    }

    private typealias SortKey = (a: UInt64, b: UInt64, c: UInt64, d: UInt64, index: Int)

    /// Each file's index, in path order; nil when a path is not all ASCII. A build's tens of thousands
    /// of files are keyed and sorted in halves on two cores, which are then merged.
    private static func sortKeys(_ files: [OutputFile]) -> [SortKey]? {
        @Sendable func precedes(_ l: SortKey, _ r: SortKey) -> Bool {
            if l.a != r.a { return l.a < r.a }
            if l.b != r.b { return l.b < r.b }
            if l.c != r.c { return l.c < r.c }
            if l.d != r.d { return l.d < r.d }
            let (left, right) = (files[l.index].path, files[r.index].path)
            return left != right ? left < right : l.index < r.index
        }
        let threads = files.count < 8192 ? 1 : 2
        let halves = Parallel.map(Parallel.slices(files.count, threads), threads: threads) { range -> [SortKey]? in
            var keys: [SortKey] = []
            keys.reserveCapacity(range.count)
            for index in range {
                guard let key = withUTF8Bytes(of: files[index].path, asciiPrefix) else { return nil }
                keys.append((key.0, key.1, key.2, key.3, index))
            }
            keys.sort(by: precedes)
            return keys
        }
        guard halves.allSatisfy({ $0 != nil }) else { return nil }
        guard halves.count == 2, let left = halves[0], let right = halves[1] else { return halves.first.flatMap { $0 } ?? [] }
        var merged: [SortKey] = []
        merged.reserveCapacity(files.count)
        var (i, j) = (0, 0)
        while i < left.count, j < right.count {
            if precedes(right[j], left[i]) { merged.append(right[j]); j += 1 } else { merged.append(left[i]); i += 1 }
        }
        merged += left[i...]
        merged += right[j...]
        return merged
    }

    /// The first 32 bytes of an ASCII path as four `utf8Word`s (a shorter path orders first, as with
    /// `<`); nil when any byte of the path is not ASCII.
    private static func asciiPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64, UInt64)? {
        var ascii: UInt8 = 0
        for byte in bytes { ascii |= byte }
        guard ascii < 0x80 else { return nil }
        return (utf8Word(bytes), utf8Word(bytes.dropFirst(8)), utf8Word(bytes.dropFirst(16)), utf8Word(bytes.dropFirst(24)))
    }

    /// Whether `files` are in path order (`<`), as a build gives them.
    static func isSortedByPath(_ files: [OutputFile]) -> Bool {
        files.indices.dropFirst().allSatisfy { files[$0 - 1].path < files[$0].path }
    }

    /// Finds files of `files` by path: by bisection when they are sorted (as a build gives them, tens of
    /// thousands of them, of which it looks a few up), else through a dictionary.
    /// `sorted`: they are known to be in path order.
    static func finder(_ files: [OutputFile], sorted: Bool = false) -> (String) -> OutputFile? {
        if sorted || isSortedByPath(files) { return { find($0, inSorted: files) } }
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return { byPath[$0] }
    }

    /// Empty for a kept file (see `Stored.Place.kept`).
    var digest: String { stored?.digest ?? Digest.contents(data) }
    var size: Int { stored?.size ?? data.count }
}
