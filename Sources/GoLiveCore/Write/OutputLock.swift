import Foundation

/// Keeps two builds from writing the same output folder at once: each would clear the other's
/// staging folder. An advisory lock on the output folder, released when the build ends or its
/// process dies. A first build has no folder to lock yet; where the file system has no locks,
/// builds go on unlocked, as before.
final class OutputLock {
    private let descriptor: Int32

    init(output: URL) throws(GoLiveError) {
        let folder = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0, flock(folder, LOCK_EX | LOCK_NB) != 0, errno == EWOULDBLOCK {
            close(folder)
            throw .io(path: output.path, reason: "another golive build is writing to this folder: wait for it to finish")
        }
        descriptor = folder
    }

    deinit { if descriptor >= 0 { close(descriptor) } }
}
