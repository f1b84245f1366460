import ArgumentParser
import Foundation
import GoLiveCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, valid project folder to start from.")

    @Argument(help: "The folder to create (it must not hold a plan.yaml yet).", completion: .directory)
    var directory: String

    @Option(help: "Project code, used in email subjects and calendar UIDs.")
    var code: String = "PROJECT"

    func run() throws {
        let root = projectURL(directory)
        do {
            let written = try Scaffold.write(into: root, code: code)
            for path in written { print("created \(path)") }
            print("next: golive check \(directory)")
        } catch {
            throw fail(error)
        }
    }
}
