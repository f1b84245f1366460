import Foundation

/// What the last build left in the output folder: its manifest, and which of its units still have
/// all their files as written. Read on a thread of its own from the start of a build, while the
/// inputs are read: on a rebuild that renders a few documents, it is a good part of the work.
final class PreviousBuild: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    // Written once, before `ready` is signalled; read only after waiting on it.
    private var manifest: Manifest?
    private var intact: [String: Manifest.UnitRecord] = [:]

    /// `checkUnits`: whether units may be kept (not with `--full` nor `--previous`).
    init(directory: URL, checkUnits: Bool) {
        DispatchQueue.global().async { [self] in
            manifest = Manifest.load(from: directory)
            if checkUnits { intact = OutputWriter(directory: directory).intactUnits(manifest) }
            ready.signal()
        }
    }

    /// Waits for the reading to finish (once; later calls return at once).
    func result() -> (manifest: Manifest?, intactUnits: [String: Manifest.UnitRecord]) {
        ready.wait()
        ready.signal()
        return (manifest, intact)
    }
}
