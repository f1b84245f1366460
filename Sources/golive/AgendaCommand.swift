import ArgumentParser
import Foundation
import GoLiveCore

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Print what to send in a period, day by day, with the file to send.",
        discussion: "Dates are in the plan's timezone. Run 'golive build' first so the files exist.")

    @Argument(help: "The project folder.", completion: .directory)
    var project: String = "."

    @Option(help: "First day, YYYY-MM-DD (default: today in the plan's timezone).")
    var from: String?

    @Option(help: "Number of days to show.")
    var days: Int = 7

    @Option(name: .long, help: "Output folder the files are under (default: PROJECT/out).", completion: .directory)
    var out: String?

    func run() throws {
        guard days >= 1 else { throw fail(.usage("--days takes a number of days, 1 or more")) }
        do {
            let loaded = try LoadedProject.load(DiskFiles(root: projectURL(project)))
            let plan = loaded.plan
            let start: CivilDate
            if let from {
                guard let date = CivilDate(iso: from) else { throw GoLiveError.usage("--from takes a date written YYYY-MM-DD, e.g. 2027-03-15") }
                start = date
            } else {
                // The one place GoLive reads the clock: "today" where the plan happens.
                let zone = plan.project.timeZone
                start = ZonedTime.local(Date(), in: zone).date
            }
            let planned = try Planning.run(plan)
            let messages = MessageSchedule.messages(for: plan, sends: planned.sends)
            let folder = out ?? (project == "." ? "out" : (project as NSString).appendingPathComponent("out"))
            print(Agenda.text(plan, messages: messages, from: start, days: days, outputFolder: folder,
                              isBuilt: { FileManager.default.fileExists(atPath: $0) }), terminator: "")
        } catch let error as GoLiveError {
            throw fail(error)
        }
    }
}
