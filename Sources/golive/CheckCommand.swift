import ArgumentParser
import Foundation
import GoLiveCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a project and print its summary: waves, audiences, messages, training needs, guides.",
        discussion: "Problems are printed as FILE:LINE:COLUMN: error: MESSAGE; the exit status is 65 when there is any.")

    @Argument(help: "The project folder.", completion: .directory)
    var project: String = "."

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let root = projectURL(project)
        var options = Build.Options()
        options.strict = strict
        options.allowNoGo = true   // a no-go plan is still a plan to check
        // Everything a build does but writing, so check and build never disagree.
        let build = Build(files: DiskFiles(root: root), outputDirectory: root.appendingPathComponent("out"), options: options)
        do {
            var times: [(String, Double)] = []
            let rendered = try build.render(times: &times, keepingBytes: false)
            printWarnings(rendered.warnings)
            print(CheckSummary.text(rendered.project.plan))
        } catch {
            throw fail(error)
        }
    }
}
