import ArgumentParser
import Foundation
import GoLiveCore

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the built-in templates.",
        subcommands: [Export.self, List.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in templates into DIR so a team can edit them (put them in PROJECT/templates).")

        @Argument(help: "The folder to write into.", completion: .directory)
        var directory: String

        @Flag(help: "Replace files that already exist.")
        var force = false

        func run() throws {
            let root = projectURL(directory)
            for (path, text) in BuiltinTemplates.files.sorted(by: { $0.key < $1.key }) {
                let url = root.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: url.path), !force {
                    print("kept \(path) (exists; --force replaces it)")
                    continue
                }
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                print("wrote \(path)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in template files.")
        func run() throws {
            for path in BuiltinTemplates.files.keys.sorted() { print(path) }
        }
    }
}
