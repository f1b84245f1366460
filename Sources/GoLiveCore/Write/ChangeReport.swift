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

    /// The language of `changes.md` and of the summary: the project's default language.
    public var language: Language = .en
    /// No previous manifest: nothing was sent yet, so messages are "to send", not "to send again".
    public var firstBuild = false
    /// `--dry-run`: nothing is written, so the summary does not point to `changes.md`.
    public var dryRun = false

    public var isEmpty: Bool { audiences.isEmpty && shared.isEmpty && sharedRemoved.isEmpty }

    /// `language`, `firstBuild` and `dryRun` as above; the build passes
    /// `project.defaultLanguage`, `previous == nil` and `options.dryRun`.
    public init(written: [String], removed: [String], audienceIDs: [String],
                language: Language = .en, firstBuild: Bool = false, dryRun: Bool = false) {
        self.language = language
        self.firstBuild = firstBuild
        self.dryRun = dryRun
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
                // The path less its extension (everything before the last dot).
                let stem = rest.lastIndex(of: ".").map { String(rest[..<$0]) } ?? ""
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
        let fr = language == .fr
        let title = fr ? "# Changements" : "# Changes"
        guard !isEmpty else { return title + (fr ? "\n\nAucun changement.\n" : "\n\nNo changes.\n") }
        let send = sendWord
        let intro: String
        switch (fr, firstBuild) {
        case (true, true): intro = "Première génération : tous les documents sont nouveaux. Envoyez les messages listés sous « \(send) » à leur date."
        case (true, false): intro = "Ce que la dernière génération qui a changé quelque chose a réécrit, par population. Envoyez de nouveau les messages listés sous « \(send) »."
        case (false, true): intro = "First build: every document is new. Send the messages listed under “\(send)” on their date."
        case (false, false): intro = "What the last build that changed something rewrote, per audience. Send again the messages listed under “\(send)”."
        }
        var lines = [title, "", intro, ""]
        func block(_ heading: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append(heading)
            lines.append("")
            lines += items.map { "- `\($0)`" }
            lines.append("")
        }
        for a in audiences {
            lines.append("## \(a.audience)")
            lines.append("")
            block(send + (fr ? " :" : ":"), a.resend)
            block(fr ? (firstBuild ? "Nouveaux documents :" : "Documents modifiés :")
                     : (firstBuild ? "New documents:" : "Changed documents:"), a.documents)
            block(fr ? "Supprimés :" : "Removed:", a.removed)
        }
        if !shared.isEmpty || !sharedRemoved.isEmpty {
            lines.append(fr ? "## Documents communs" : "## Shared documents")
            lines.append("")
            lines += shared.map { "- `\($0)`" }
            lines += sharedRemoved.map { fr ? "- supprimé : `\($0)`" : "- removed: `\($0)`" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// "Resend" after a change; "To send" on a first build, when nothing was ever sent.
    private var sendWord: String {
        switch (language, firstBuild) {
        case (.fr, true): return "À envoyer"
        case (.fr, false): return "À renvoyer"
        case (.en, true): return "To send"
        case (.en, false): return "Resend"
        }
    }

    /// One line per audience, for the terminal (the full list is in `changes.md`, except on a dry run).
    public var summary: String {
        let fr = language == .fr
        guard !isEmpty else { return fr ? "aucun changement" : "no changes" }
        let changed = fr ? (firstBuild ? ("nouveau", "nouveaux") : ("modifié", "modifiés"))
                         : (firstBuild ? ("new", "new") : ("changed", "changed"))
        let removed = fr ? ("supprimé", "supprimés") : ("removed", "removed")
        var lines: [String] = []
        for a in audiences {
            var line = "  \(a.audience): " + count(a.documents.count, ("document", "documents"), changed)
            if !a.removed.isEmpty { line += ", " + count(a.removed.count, nil, removed) }
            if !a.resend.isEmpty { line += "; \(sendWord.lowercased()) \(a.resend.joined(separator: ", "))" }
            lines.append(line)
        }
        if !shared.isEmpty || !sharedRemoved.isEmpty {
            lines.append((fr ? "  communs : " : "  shared: ") + count(shared.count, ("document", "documents"), changed)
                         + ", " + count(sharedRemoved.count, nil, removed))
        }
        let header: String
        switch (fr, dryRun) {
        case (true, true): header = "changements (essai à blanc, rien n'est écrit) :"
        case (true, false): header = "changements (liste complète dans \(Self.fileName)) :"
        case (false, true): header = "changes (dry run, nothing written):"
        case (false, false): header = "changes (full list in \(Self.fileName)):"
        }
        return header + "\n" + lines.joined(separator: "\n")
    }

    /// "1 document modifié", "0 document modifié", "3 documents changed": French keeps 0 and 1 singular.
    private func count(_ n: Int, _ noun: (String, String)?, _ adjective: (String, String)) -> String {
        let plural = language == .fr ? n > 1 : n != 1
        let words = [noun.map { plural ? $0.1 : $0.0 }, plural ? adjective.1 : adjective.0].compactMap { $0 }
        return "\(n) " + words.joined(separator: " ")
    }
}
