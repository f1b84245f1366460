import ArgumentParser
import Foundation
import GoLiveCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schemas (draft 2020-12) of plan.yaml and of audience files, for editors.")

    @Option(help: "Write plan.schema.json and audience.schema.json into this folder instead of printing.", completion: .directory)
    var write: String?

    @Option(help: "Print only one schema: plan or audience.")
    var only: String?

    func run() throws {
        let schemas = [("plan.schema.json", Schema.plan), ("audience.schema.json", Schema.audience)]
        if let write {
            let folder = projectURL(write)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, schema) in schemas {
                try Data(schema.utf8).write(to: folder.appendingPathComponent(name))
                print("wrote \(folder.appendingPathComponent(name).path)")
            }
            return
        }
        switch only {
        case nil: print("// plan.schema.json\n\(Schema.plan)\n// audience.schema.json\n\(Schema.audience)", terminator: "")
        case "plan": print(Schema.plan, terminator: "")
        case "audience": print(Schema.audience, terminator: "")
        default: throw fail(.usage("--only takes 'plan' or 'audience'"))
        }
    }
}
