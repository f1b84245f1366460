import ArgumentParser
import Foundation
import GoLiveCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render every document of a project into its output folder.",
        discussion: "Nothing is written unless every document renders; unchanged files are left untouched.")

    @Argument(help: "The project folder.", completion: .directory)
    var project: String = "."

    @Option(name: .long, help: "Output folder (default: PROJECT/out).", completion: .directory)
    var out: String?

    @Option(name: .long, help: "A folder holding an earlier golive-manifest.json: guide versions continue from it.",
            completion: .directory)
    var previous: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("dry-run"), help: "Print what would change and write nothing.")
    var dryRun = false

    @Flag(name: .customLong("allow-no-go"), help: "With a no-go decision, render the postponement message only.")
    var allowNoGo = false

    @Flag(help: "Render every document, parse every profile and schedule the training again, trusting nothing the last build left.")
    var full = false

    @Flag(name: .shortAndLong, help: "Print each stage as it runs.")
    var verbose = false

    func run() throws {
        let root = projectURL(project)
        let output = out.map(projectURL) ?? root.appendingPathComponent("out")
        var options = Build.Options()
        options.strict = strict
        options.dryRun = dryRun
        options.allowNoGo = allowNoGo
        options.previous = previous.map(projectURL)
        options.reuse = !full
        let build = Build(files: DiskFiles(root: root), outputDirectory: output, options: options)
        do {
            let result = try build.run(progress: { if verbose { print($0) } })
            printWarnings(result.warnings)
            let r = result.report
            print("\(dryRun ? "would write" : "wrote") \(r.written.count) file(s), \(r.unchanged.count) unchanged, "
                  + "\(r.removed.count) removed — \(output.path)")
            print(result.changes.summary)
            // Done: the process ends here, with the build's working state still held, rather than
            // freeing it value by value on the way out (a tenth of a rebuild at a thousand audiences).
            withExtendedLifetime(result) { Foundation.exit(0) }
        } catch {
            throw fail(error)
        }
    }
}
