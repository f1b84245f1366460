import Foundation

/// Where a build puts the files it renders before they go into the output folder. Each unit's files
/// are written there as soon as the unit has rendered, so a build of tens of thousands of files never
/// holds them all in memory; they are renamed into place only once everything has rendered. A failed
/// build removes the staging folder and leaves the output folder as it was.
///
/// It sits inside the output folder, so a build writes nowhere else and a rename never crosses file
/// systems. On a first build the output folder is made for it (and removed again if the build fails),
/// and each top-level folder is then moved in one rename instead of one per file.
final class Staging: @unchecked Sendable {
    let output: URL
    let root: URL
    /// The output folder did not exist when the build started.
    let isFirstBuild: Bool
    /// The last build's digests by path, asked for when the first file is taken: the build starts
    /// rendering while the last manifest is still being read.
    private let previous: Shared<ManifestTable<String>>
    /// The output and staging folders' paths with a trailing slash: a URL per file costs more than
    /// writing the file.
    private let outputPath: String
    private let rootPath: String
    private let lock = NSLock()
    private var folders: Set<String> = []
    private(set) var failure: GoLiveError?

    static let folderName = ".golive-staging"

    /// `previous`: the last build's digests by path, to tell the files the output folder already holds.
    init(output: URL, previous: @escaping @Sendable () -> ManifestTable<String>) {
        self.output = output
        self.previous = Shared(previous)
        outputPath = output.path + "/"
        isFirstBuild = !FileManager.default.fileExists(atPath: output.path)
        root = output.appendingPathComponent(Self.folderName)
        rootPath = root.path + "/"
        // A build that was killed leaves its staging folder behind; nothing in it is wanted. A new one
        // is made only when a file is to be staged: a build that changes nothing touches nothing.
        try? FileManager.default.removeItem(at: root)
    }

    /// A unit's files, each moved to disk unless the output folder holds its bytes already. Calendars
    /// stay in memory: their SEQUENCE is settled once every unit has rendered.
    func take(_ files: [OutputFile]) -> [OutputFile] {
        files.map { file in
            guard file.isInMemory, !file.path.hasSuffix(".ics"), OutputPath.isSafeRelative(file.path) else { return file }
            let digest = Digest.contents(file.data)
            var taken = OutputFile(path: file.path, data: Data())
            if !isFirstBuild, FileBytes.holds(file.data, at: outputPath + file.path, recorded: previous.value[file.path], digest: { digest }) {
                taken.stored = .init(place: .inPlace, digest: digest, size: file.data.count)
                return taken
            }
            do throws(GoLiveError) {
                try write(file.data, at: file.path)
            } catch {
                record(error)
                return file
            }
            taken.stored = .init(place: .staged, digest: digest, size: file.data.count)
            return taken
        }
    }

    /// Writes `data` to the staging folder under `path` (the files the build keeps in memory).
    func write(_ data: Data, at path: String) throws(GoLiveError) {
        try makeFolder(of: path)
        try FileBytes.write(data, to: rootPath + path)
    }

    /// The manifest's bytes as encoded from the last one's, written as they are (see `ManifestEncoding`).
    func write(_ encoding: ManifestEncoding, at path: String) throws(GoLiveError) {
        try makeFolder(of: path)
        try encoding.write(to: rootPath + path)
    }

    /// The staging folder's copy of `path`.
    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Removes the staging folder, and on a first build the output folder made for it, if it is
    /// still empty: a failed first build leaves no folder behind.
    func discard() {
        try? FileManager.default.removeItem(at: root)
        if isFirstBuild { rmdir(output.path) }
    }

    private func makeFolder(of path: String) throws(GoLiveError) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        lock.lock()
        let known = folders.contains(folder)
        lock.unlock()
        guard !known else { return }
        let url = folder.isEmpty ? root : root.appendingPathComponent(folder)
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw .io(path: url.path, reason: "cannot create the staging folder: \(error.localizedDescription)")
        }
        lock.lock()
        folders.insert(folder)
        lock.unlock()
    }

    private func record(_ error: GoLiveError) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }
}
