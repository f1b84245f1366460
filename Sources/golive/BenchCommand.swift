import ArgumentParser
import Foundation
import GoLiveCore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a full build and a rebuild on a generated project and print the figures.",
        discussion: "The project is generated deterministically in a temporary folder and removed afterwards.")

    @Option(help: "Number of audiences to generate.")
    var audiences: Int = 1000

    @Option(help: "Number of waves.")
    var waves: Int = 10

    @Option(help: "Seed of the generator (same seed, same project).")
    var seed: UInt64 = 1

    @Option(help: "Time this many rebuilds, each after one more feedback entry, and report their median (the machine's speed drifts from run to run).")
    var rebuilds: Int = 1

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Option(help: "Where to generate the project and build it (default: the system's temporary folder).",
            completion: .directory)
    var folder: String?

    @Option(name: .customLong("write-project"), help: "Only write the generated project to this folder (to build or profile it yourself), and measure nothing.",
            completion: .directory)
    var writeProject: String?

    func validate() throws {
        guard audiences >= 1, waves >= 1 else { throw ValidationError("--audiences and --waves must be at least 1") }
        guard rebuilds >= 1 else { throw ValidationError("--rebuilds must be at least 1") }
    }

    func run() throws {
        do {
            if let folder = writeProject {
                let root = URL(fileURLWithPath: folder)
                try Benchmark(audiences: audiences, waves: waves, seed: seed).writeProject(to: root)
                print("wrote the generated project to \(root.path): build it with 'golive build \(folder)'")
                return
            }
            var benchmark = Benchmark(audiences: audiences, waves: waves, seed: seed)
            benchmark.folder = folder.map { URL(fileURLWithPath: $0) }
            benchmark.rebuilds = rebuilds
            let figures = try benchmark.run()
            print(json ? figures.json : figures.table)
        } catch {
            throw fail(error)
        }
    }
}
