import Foundation

/// Plain POSIX file calls: they run once per file, tens of thousands of times on a large build.
enum FileBytes {
    static func write(_ data: Data, to path: String) throws(GoLiveError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
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
            unlink(path)
            throw .io(path: path, reason: "cannot write: \(reason)")
        }
    }

    /// Whether the file at `path` already holds `data`: of the same size and recorded by the last build
    /// with the same digest (not read back: a rebuild of thousands of files then reads none), or with
    /// the same bytes.
    static func holds(_ data: Data, at path: String, recorded: String?, digest: () -> String) -> Bool {
        guard size(of: path) == data.count else { return false }
        if let recorded, recorded == digest() { return true }
        return FileManager.default.contents(atPath: path) == data
    }

    /// The size of a regular file, nil when there is none.
    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Sizes of files below one folder, their paths made in one reused buffer: a rebuild checks tens
    /// of thousands, and a new string per path cost a good part of what the `stat` does.
    struct Sizer {
        private var buffer: [CChar]
        private let prefix: Int

        /// `folder` ends with `/`.
        init(folder: String) {
            buffer = Array(folder.utf8CString.dropLast())
            prefix = buffer.count
        }

        /// The size of the regular file at `relative` below the folder, nil when there is none.
        mutating func size(of relative: String) -> Int? {
            buffer.removeLast(buffer.count - prefix)
            for byte in relative.utf8 { buffer.append(CChar(bitPattern: byte)) }
            buffer.append(0)
            var info = stat()
            guard stat(buffer, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(info.st_size)
        }
    }
}
