import Foundation
@testable import GoLiveCore

/// Shared by the kit, runbook, handover and home tests: the example built in memory or on disk.
enum KitFixture {
    /// The example read, planned and rendered; outputs by path, and every warning of the run.
    static func build(_ edits: [String: (String) -> String] = [:]) throws -> (outputs: [String: String], warnings: [Diagnostic], plan: Plan) {
        let project = try LoadedProject.load(TrainingOutputFixture.files(edits))
        let planned = try Planning.run(project.plan)
        let (outputs, warnings) = try Rendering.run(project, planned, options: Build.Options())
        return (Dictionary(uniqueKeysWithValues: outputs.map { ($0.path, TrainingOutputFixture.text($0)) }),
                project.warnings + planned.warnings + warnings, project.plan)
    }

    /// `plan.yaml:LINE:COLUMN` of the first line of plan.yaml that contains `text`, at `column`.
    static func planLine(_ text: String, column: Int) -> String {
        let lines = (TrainingOutputFixture.tree["plan.yaml"] ?? "").components(separatedBy: "\n")
        let index = lines.firstIndex { $0.contains(text) } ?? -1
        return "plan.yaml:\(index + 1):\(column)"
    }

    /// The one inline `<svg>…</svg>` of a Markdown page.
    static func svg(in markdown: String) -> String? {
        guard let start = markdown.range(of: "<svg"), let end = markdown.range(of: "</svg>") else { return nil }
        return String(markdown[start.lowerBound..<end.upperBound])
    }

    /// Parses `.ics` files with Python's `icalendar`; one JSON line per file: events with summary and start.
    static let icsScript = #"""
import sys, json
from icalendar import Calendar
out = []
for path in sys.argv[1:]:
    cal = Calendar.from_ical(open(path, "rb").read())
    events = [{"summary": str(e.get("summary")), "start": e.decoded("dtstart").isoformat(), "uid": str(e.get("uid"))}
              for e in cal.walk("VEVENT")]
    out.append({"file": path.split("/")[-1], "events": events})
print(json.dumps(out))
"""#

    struct ParsedCalendar: Decodable {
        struct Event: Decodable { let summary: String; let start: String; let uid: String }
        let file: String
        let events: [Event]
    }

    static func parseICS(_ files: [String: String]) throws -> [String: ParsedCalendar] {
        let result = try TrainingOutputFixture.python(icsScript, files: files.mapValues { Data($0.utf8) })
        guard result.status == 0 else { throw ICSFailure(description: result.stderr) }
        let parsed = try JSONDecoder().decode([ParsedCalendar].self, from: Data(result.stdout.utf8))
        return Dictionary(uniqueKeysWithValues: parsed.map { ($0.file, $0) })
    }

    struct ICSFailure: Error, CustomStringConvertible { var description: String }
}
