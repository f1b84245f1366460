import Foundation

/// `golive init`: the smallest project that passes `golive check` and shows every folder's role.
public enum Scaffold {
    public static func files(code: String) -> [String: String] {
        let id = code.lowercased()
        return [
            "plan.yaml": """
            # The go-live plan. Reference: docs/input-format.md. Check it with: golive check .
            project:
              name: "\(code) — new tool"
              code: \(code)
              summary: "Why we change, in two or three sentences."
              benefits: ["Fewer manual steps", "One place for every file"]
              languages: [en, fr]        # the first one is the default language
              timezone: Europe/Paris

            decision:
              status: pending            # go | no-go | pending (documents carry a DRAFT banner)

            deployment:
              mode: global               # progressive (several waves) | global (exactly one wave)
              window: { start: "20:00", end: "06:00" }   # from J-1 20:00 to J 06:00
              waves:
                - id: wave-1
                  name: "Go-live"
                  date: 2030-03-15

            roles:
              - id: pmo
                name: "PMO"
                person: { name: "Name Surname", email: "pmo@example.org" }

            communications:
              - id: teaser
                template: announcement/teaser
                at: J-30
                audiences: all
                channel: email

            guides:
              - id: user-guide
                title: "User guide"
                source: guides/user-guide.md
                version: "1.0"

            """,
            "audiences/everyone.yaml": """
            # One file per population. The id defaults to the file name.
            name: "Every user"
            language: en
            headcount: 20
            impact: medium
            mailing_list: "\(id)-users@example.org"
            relays:
              - { name: "Team manager", role: "Manager", email: "manager@example.org" }
            changes: ["What changes for them"]
            actions: ["What they must do, and by when"]
            unchanged: ["What stays the same"]

            """,
            "guides/user-guide.md": """
            # User guide

            ## Getting started

            1. Open the new tool.
            2. Sign in with your usual account.

            """,
            "feedback/README.md": """
            Put first user feedback here after go-live: `*.yaml` (a list of entries) or `*.csv`
            (header: id,date,audience,guide,section,kind,text,answer,status).

            """,
        ]
    }

    /// Writes the scaffold; refuses to touch a folder that already holds a plan.
    public static func write(into root: URL, code: String) throws(GoLiveError) -> [String] {
        guard !code.isEmpty, code.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" }) else {
            throw .usage("the project code must be letters, digits, '-' or '_'")
        }
        let plan = root.appendingPathComponent("plan.yaml")
        if FileManager.default.fileExists(atPath: plan.path) {
            throw .usage("\(plan.path) already exists: golive init only creates new projects")
        }
        return try writeTree(files(code: code), into: root)
    }

    /// Writes `[path: text]` below `root`, creating folders; the paths written, sorted.
    static func writeTree(_ tree: [String: String], into root: URL) throws(GoLiveError) -> [String] {
        var written: [String] = []
        for (path, text) in tree.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } catch {
                throw .io(path: url.path, reason: "cannot create: \(error.localizedDescription)")
            }
            written.append(path)
        }
        return written
    }
}
