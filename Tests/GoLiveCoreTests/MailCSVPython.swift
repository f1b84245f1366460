import Foundation

/// Runs a Python snippet as an external checker of files GoLive writes.
/// The snippet gets the file path as `sys.argv[1]` and prints its findings.
enum MailCSVPython {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ script: String, file: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes `content` as UTF-8 bytes to a fresh temporary file.
    static func temporaryFile(_ content: String, suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("golive-\(UUID().uuidString)\(suffix)")
        try Data(content.utf8).write(to: url)
        return url
    }
}
