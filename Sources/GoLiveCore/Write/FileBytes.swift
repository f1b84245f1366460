import Foundation

/// Plain POSIX file calls: they run once per file, tens of thousands of times on a large build.
enum FileBytes {
    static func write(_ data: Data, to path: String) throws(GoLiveError) {
        try data.withUnsafeBytes { bytes in Result { () throws(GoLiveError) in try write([bytes], to: path) } }.get()
    }

    /// `pieces`, one after the other, to a new file at `path`, not joined first (`writev`): the manifest
    /// is written from runs of the last one's bytes (`ManifestEncoding`).
    /// `startingWriteback`: the file is put on its way to the disk as soon as it is written, without
    /// waiting for it (`sync_file_range`). ext4 does so itself when a file is renamed over another, in
    /// the `rename`: for the 10 MB manifest, renamed into place last, that was 2 to 5 ms at the end of a
    /// rebuild, which the manifest's own thread now spends while the rest of the build goes on.
    static func write(_ pieces: [UnsafeRawBufferPointer], to path: String, startingWriteback: Bool = false) throws(GoLiveError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        var vectors = pieces.filter { !$0.isEmpty }.map { iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress!), iov_len: $0.count) }
        var first = 0
        var complete = true
        while first < vectors.count {
            // At most 1,024 pieces per call: the kernel's limit (UIO_MAXIOV). Through the array's own
            // storage: `&vectors[first]` may point to a copy of one element.
            let written = vectors.withUnsafeBufferPointer { writev(descriptor, $0.baseAddress! + first, Int32(min($0.count - first, 1024))) }
            if written < 0 { if errno == EINTR { continue }; complete = false; break }
            // A short write: on from where it stopped.
            var left = written
            while first < vectors.count, left >= vectors[first].iov_len { left -= vectors[first].iov_len; first += 1 }
            if left > 0 {
                vectors[first].iov_base = vectors[first].iov_base.map { $0 + left }
                vectors[first].iov_len -= left
            }
        }
        let reason = String(cString: strerror(errno))
        // Only started: a file system without writeback (tmpfs) ignores it, and a failure changes nothing.
        if complete, startingWriteback, let startWriteback = syncFileRange { _ = startWriteback(descriptor, 0, 0, 2) }   // SYNC_FILE_RANGE_WRITE
        if close(descriptor) != 0 || !complete {
            unlink(path)
            throw .io(path: path, reason: "cannot write: \(reason)")
        }
    }

    /// Linux's `sync_file_range`, which Swift's Glibc module leaves out (it is declared for `_GNU_SOURCE`
    /// only): found by name, once; nil elsewhere.
    static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    }()

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

    /// Sizes of files below one folder. A rebuild checks tens of thousands: each is looked up from an
    /// open descriptor of its own folder, so the kernel walks one name rather than the whole path, and
    /// no string is made per file (both cost more than the `stat` itself).
    final class Sizer {
        private let root: Int32
        /// The folders open last, most recent first: a unit's files sit in two or three.
        private var folders: [(path: [UInt8], descriptor: Int32)] = []
        /// The file's name, NUL-terminated: room for the longest name a file system takes.
        private let name = UnsafeMutablePointer<CChar>.allocate(capacity: Int(NAME_MAX) + 1)

        init(folder: String) {
            root = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }

        deinit {
            for folder in folders { close(folder.descriptor) }
            if root >= 0 { close(root) }
            name.deallocate()
        }

        /// The size of the regular file at `relative` below the folder, nil when there is none.
        func size(of relative: String) -> Int? {
            withUTF8Bytes(of: relative) { size(ofBytes: $0) }
        }

        private func size(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
            let folder = slash.map { descriptor(of: UnsafeBufferPointer(rebasing: bytes[..<$0])) } ?? root
            let start = slash.map { $0 + 1 } ?? 0
            guard folder >= 0, bytes.count - start <= Int(NAME_MAX), let base = bytes.baseAddress else { return nil }
            UnsafeMutableRawPointer(name).copyMemory(from: base + start, byteCount: bytes.count - start)
            name[bytes.count - start] = 0
            var info = stat()
            guard fstatat(folder, name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(info.st_size)
        }

        /// An open descriptor of the folder `path` below the root, -1 when it cannot be opened.
        private func descriptor(of path: UnsafeBufferPointer<UInt8>) -> Int32 {
            for index in folders.indices where folders[index].path.count == path.count {
                let same = folders[index].path.withUnsafeBufferPointer { memcmp($0.baseAddress!, path.baseAddress!, path.count) == 0 }
                guard same else { continue }
                if index > 0 { folders.swapAt(0, index) }
                return folders[0].descriptor
            }
            guard root >= 0 else { return -1 }
            var cPath = Array(path)
            cPath.append(0)
            let descriptor = cPath.withUnsafeBufferPointer { cPath in
                cPath.withMemoryRebound(to: CChar.self) { openat(root, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
            }
            guard descriptor >= 0 else { return -1 }
            if folders.count == 4 { close(folders.removeLast().descriptor) }
            folders.insert((Array(path), descriptor), at: 0)
            return descriptor
        }
    }
}
