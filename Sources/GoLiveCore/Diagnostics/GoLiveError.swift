/// Why a command stopped. Each case has a fixed exit status (sysexits.h), so scripts can tell them apart.
public enum GoLiveError: Error, Sendable, CustomStringConvertible {
    /// Bad input: every problem found, each with its position.
    case invalidInput([Diagnostic])
    /// The plan says no-go and the user did not pass `--allow-no-go`.
    case noGo(SourceLocation)
    /// Reading or writing a file failed for a reason that is not the input's content.
    case io(path: String, reason: String)
    /// The command line asked for something that cannot be done.
    case usage(String)

    public var exitCode: Int32 {
        switch self {
        case .invalidInput, .noGo: return 65   // EX_DATAERR
        case .io: return 74                    // EX_IOERR
        case .usage: return 64                 // EX_USAGE
        }
    }

    public var description: String {
        switch self {
        case .invalidInput(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .noGo(let location):
            return "\(location): error: the Go/No-Go decision is 'no-go': nothing is announced. "
                + "Pass --allow-no-go to render the postponement message only."
        case .io(let path, let reason):
            return "\(path): error: \(reason)"
        case .usage(let message):
            return "error: \(message)"
        }
    }
}
