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
        do {
            let loaded = try LoadedProject.load(DiskFiles(root: projectURL(project)), strict: strict)
            printWarnings(loaded.warnings)
            print(CheckSummary.text(loaded.plan))
        } catch {
            throw fail(error)
        }
    }
}
