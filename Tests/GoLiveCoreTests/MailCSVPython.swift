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
        let r = try Subprocess.python(script, [file.path])
        return Outcome(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    /// Writes `content` as UTF-8 bytes to a fresh temporary file.
    static func temporaryFile(_ content: String, suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("golive-\(UUID().uuidString)\(suffix)")
        try Data(content.utf8).write(to: url)
        return url
    }
}
