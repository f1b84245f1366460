/// What a build changed, told per audience: which of its documents changed and which messages
/// (files under `<audience>/comms/`) must be sent again. Printed by `golive build` and written to
/// `out/changes.md`; empty when nothing changed.
public struct ChangeReport: Sendable, Equatable {
    public struct AudienceChanges: Sendable, Equatable {
        public var audience: String
        /// Changed or new documents, relative to the audience's folder (`guide.html`, `comms/…`).
        public var documents: [String]
        /// Messages to send again: `comms/<date>-<message>` stems, one per message whatever its formats.
        public var resend: [String]
        /// Documents removed because they no longer have a source.
        public var removed: [String]
    }

    public static let fileName = "changes.md"

    public var audiences: [AudienceChanges] = []
    /// Changed documents outside any audience folder (comms plan, training schedule, trainers…).
    public var shared: [String] = []
    public var sharedRemoved: [String] = []

    public var isEmpty: Bool { audiences.isEmpty && shared.isEmpty && sharedRemoved.isEmpty }

    public init(written: [String], removed: [String], audienceIDs: [String]) {
        let ids = Set(audienceIDs)
        var byAudience: [String: AudienceChanges] = [:]
        func split(_ path: String) -> (String, String)? {
            guard let slash = path.firstIndex(of: "/") else { return nil }
            let head = String(path[..<slash])
            return ids.contains(head) ? (head, String(path[path.index(after: slash)...])) : nil
        }
        for path in written.sorted() {
            guard let (audience, rest) = split(path) else { shared.append(path); continue }
            var entry = byAudience[audience] ?? AudienceChanges(audience: audience, documents: [], resend: [], removed: [])
            entry.documents.append(rest)
            if rest.hasPrefix("comms/") {
                let stem = rest.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
                if !entry.resend.contains(stem) { entry.resend.append(stem) }
            }
            byAudience[audience] = entry
        }
        for path in removed.sorted() {
            guard let (audience, rest) = split(path) else { sharedRemoved.append(path); continue }
            var entry = byAudience[audience] ?? AudienceChanges(audience: audience, documents: [], resend: [], removed: [])
            entry.removed.append(rest)
            byAudience[audience] = entry
        }
        audiences = byAudience.values.sorted { $0.audience < $1.audience }
    }

    /// The report as Markdown (also what the command prints). Deterministic: no date, no timing.
    public var markdown: String {
        guard !isEmpty else { return "# Changes\n\nNo changes.\n" }
        var lines = ["# Changes", "",
                     "What the last build that changed something rewrote, per audience. Send again the messages listed under “resend”.", ""]
        for a in audiences {
            lines.append("## \(a.audience)")
            lines.append("")
            if !a.resend.isEmpty {
                lines.append("Resend:")
                lines.append("")
                lines += a.resend.map { "- `\($0)`" }
                lines.append("")
            }
            if !a.documents.isEmpty {
                lines.append("Changed documents:")
                lines.append("")
                lines += a.documents.map { "- `\($0)`" }
                lines.append("")
            }
            if !a.removed.isEmpty {
                lines.append("Removed:")
                lines.append("")
                lines += a.removed.map { "- `\($0)`" }
                lines.append("")
            }
        }
        if !shared.isEmpty || !sharedRemoved.isEmpty {
            lines.append("## Shared documents")
            lines.append("")
            lines += shared.map { "- `\($0)`" }
            lines += sharedRemoved.map { "- removed: `\($0)`" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// One line per audience, for the terminal (the full list is in `changes.md`).
    public var summary: String {
        guard !isEmpty else { return "no changes" }
        var lines: [String] = []
        for a in audiences {
            var line = "  \(a.audience): \(a.documents.count) document(s) changed"
            if !a.removed.isEmpty { line += ", \(a.removed.count) removed" }
            if !a.resend.isEmpty { line += "; resend \(a.resend.joined(separator: ", "))" }
            lines.append(line)
        }
        if !shared.isEmpty || !sharedRemoved.isEmpty {
            lines.append("  shared: \(shared.count) document(s) changed, \(sharedRemoved.count) removed")
        }
        return "changes (full list in \(Self.fileName)):\n" + lines.joined(separator: "\n")
    }
}
