import ArgumentParser
import Foundation
import GoLiveCore

@main
struct GoLive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golive",
        abstract: "Turn a go-live plan into everything the people affected by it need to read.",
        discussion: """
        A project folder holds plan.yaml, audiences/*.yaml, guides/*.md and feedback/.
        Start one with 'golive init DIR', check it with 'golive check DIR', then
        'golive build DIR' writes the documents under DIR/out.
        """,
        version: GoLiveVersion.current,
        subcommands: [AgendaCommand.self, BenchCommand.self, BuildCommand.self, CheckCommand.self, InitCommand.self, SchemaCommand.self, TemplatesCommand.self],
        defaultSubcommand: nil
    )
}

/// Prints an error the way every command does and maps it to its exit status.
func fail(_ error: GoLiveError) -> ExitCode {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    return ExitCode(error.exitCode)
}

func printWarnings(_ warnings: [Diagnostic]) {
    for warning in warnings {
        FileHandle.standardError.write(Data((warning.description + "\n").utf8))
    }
}

func projectURL(_ path: String) -> URL {
    URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
}
