/// Every generated document, grouped by stem (`agents-paris/kit` → its `.html`, `.md`…),
/// by phase (prepare, deploy, check, hand over) and by audience, with a label in words
/// ("Annonce — 3 mars 2027 (intranet)", "Guide utilisateur") in the page's language.
/// The home page and the handover dossier list it; links are relative to where they sit.
struct DocumentIndex {
    enum Phase: String, CaseIterable { case prepare, deploy, check, handover, other }

    struct Entry {
        var stem: String
        /// The file the label links to: the `.html` when there is one.
        var primary: String
        /// The other formats of the same document (`.md`, `.ics`, `.eml`, `.csv`).
        var others: [String]
        var phase: Phase
        var audience: String?
        /// `stem` split at `/`, and the announcement it is (if any): read once, used by phase and label.
        var parts: [String]
        var message: Message?
    }

    let plan: Plan
    let entries: [Entry]

    init(plan: Plan, outputs: [OutputFile]) {
        self.plan = plan
        var byStem: [String: [String]] = [:]
        var order: [String] = []
        // Tens of thousands of paths: sorted on their leading bytes rather than compared as Strings.
        for path in OutputFile.sortedByPath(outputs).map(\.path) {
            let stem = Self.stem(path)
            if byStem[stem] == nil { order.append(stem) }
            byStem[stem, default: []].append(path)
        }
        let audienceIDs = Set(plan.audiences.map(\.id))
        let communications = Self.communications(plan)
        // Every audience's messages go out on the same few days: each date is read once.
        var dates: [String: CivilDate?] = [:]
        let date = { (text: String) -> CivilDate? in
            if let known = dates[text] { return known }
            let parsed = CivilDate(iso: text)
            dates[text] = parsed
            return parsed
        }
        entries = order.map { stem in
            let paths = byStem[stem] ?? []
            let primary = paths.first { $0.hasSuffix(".html") } ?? paths[0]
            let parts = stem.split(separator: "/").map(String.init)
            let audience = parts.first.flatMap { audienceIDs.contains($0) && parts.count > 1 ? $0 : nil }
            let message = Self.message(parts, date: date) { communications[$0] }
            return Entry(stem: stem, primary: primary, others: paths.filter { $0 != primary },
                         phase: Self.phase(parts, message: message, stem: stem, plan: plan), audience: audience,
                         parts: parts, message: message)
        }
    }

    /// An announcement's output stem, read back: `agents-paris/comms/2027-03-03-teaser-intranet`
    /// → the day it is sent and the communication it belongs to (nil when it is not one).
    struct Message {
        var date: CivilDate
        var communicationID: String
        /// `teaser`, `golive`…: the last part of the template path (`announcement/teaser`).
        var kind: String
        var channel: Communication.Channel?
    }

    static func message(_ stem: String, plan: Plan) -> Message? {
        message(stem.split(separator: "/").map(String.init)) { id in plan.communications.first { $0.id == id } }
    }

    /// The plan's communications by id (the first of a repeated id, as a linear search finds it).
    static func communications(_ plan: Plan) -> [String: Communication] {
        Dictionary(plan.communications.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func message(_ parts: [String], date parse: (String) -> CivilDate? = { CivilDate(iso: $0) },
                        _ communication: (String) -> Communication?) -> Message? {
        guard parts.count == 3, parts[1] == "comms", parts[2].count > 11,
              let date = parse(String(parts[2].prefix(10))) else { return nil }
        return message(date: date, communicationID: String(parts[2].dropFirst(11)), communication)
    }

    /// The message a send of `id` on `date` writes: what reading its file's stem gives (`Send.fileStem`
    /// is the date's ten characters, a dash and the id), without writing and reading the stem.
    static func message(date: CivilDate, communicationID id: String, _ communication: (String) -> Communication?) -> Message {
        if id == MessageSchedule.postponedID {
            return Message(date: date, communicationID: id, kind: "postponed", channel: .email)
        }
        let c = communication(id)
        let kind = c.map { $0.template.value.split(separator: "/").last.map(String.init) ?? $0.template.value } ?? id
        return Message(date: date, communicationID: id, kind: kind, channel: c?.channel)
    }

    /// `path` without the extension of its file name (`a/kit.html` → `a/kit`; `a/.hidden` as is).
    /// Read on bytes: `/` and `.` are ASCII, and a build indexes tens of thousands of paths.
    static func stem(_ path: String) -> String {
        let bytes = path.utf8
        let name = bytes.lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
        guard let dot = bytes[name...].lastIndex(of: UInt8(ascii: ".")), dot != name else { return path }
        return String(path[..<dot])
    }

    /// The phase a PMO files a document under: preparing (teaser, training and reminder
    /// messages, the comms plan, kits, training), deploying (eve and go-live messages, runbooks),
    /// checking (post-go-live, follow-up messages, user guides) and handing over (the dossier).
    static func phase(_ stem: String, plan: Plan) -> Phase {
        let parts = stem.split(separator: "/").map(String.init)
        return phase(parts, message: message(stem, plan: plan), stem: stem, plan: plan)
    }

    private static func phase(_ parts: [String], message: Message?, stem: String, plan: Plan) -> Phase {
        if let m = message { return messagePhase(m, audienceID: parts[0], plan: plan) }
        if parts.first == "runbook" { return .deploy }
        if parts.first == "post-golive" { return .check }
        if parts.first == "handover" { return .handover }
        if parts.first == "training" || parts.first?.hasPrefix("comms-") == true { return .prepare }
        if parts.count == 2, parts[1] == "guide" || parts[1].hasPrefix("guide-") { return .check }
        if parts.count >= 2, ["kit", "training"].contains(parts[1]) { return .prepare }
        if stem.contains("feedback") { return .check }
        return .other
    }

    /// Built-in messages by what they are for; a project's own template by when it is sent,
    /// relative to the audience's go-live day: before J-1 prepares, J-1 and J deploy, after checks.
    static func messagePhase(_ m: Message, audienceID: String, plan: Plan) -> Phase {
        switch m.kind {
        case "teaser", "training", "reminder", "postponed": return .prepare
        case "eve", "golive": return .deploy
        case "followup": return .check
        default:
            guard let j = plan.audience(audienceID).flatMap({ plan.wave($0.waveID) })?.date else { return .prepare }
            let day = j.days(until: m.date)
            return day < -1 ? .prepare : day <= 0 ? .deploy : .check
        }
    }

    /// "Annonce", "Rappel"…: what a built-in message is, or the communication's id for a project's own.
    static func messageName(_ m: Message, _ l: Language) -> String {
        let fr = l == .fr
        switch m.kind {
        case "teaser": return fr ? "Annonce" : "Announcement"
        case "training": return fr ? "Invitation à la formation" : "Training invitation"
        case "reminder": return fr ? "Rappel" : "Reminder"
        case "eve": return fr ? "Veille de la bascule" : "Eve of the cutover"
        case "golive": return fr ? "Mise en production" : "Go-live"
        case "followup": return fr ? "Suivi après la mise en production" : "Follow-up after go-live"
        case "postponed": return fr ? "Report de la mise en production" : "Go-live postponed"
        default: return m.communicationID
        }
    }

    static func phaseName(_ p: Phase, _ l: Language) -> String {
        switch (p, l) {
        case (.prepare, .fr): return "Préparer"
        case (.prepare, .en): return "Prepare"
        case (.deploy, .fr): return "Déployer"
        case (.deploy, .en): return "Deploy"
        case (.check, .fr): return "Contrôler et stabiliser"
        case (.check, .en): return "Check and stabilise"
        case (.handover, .fr): return "Passer la main"
        case (.handover, .en): return "Hand over"
        case (.other, .fr): return "Autres documents"
        case (.other, .en): return "Other documents"
        }
    }

    /// What a reader calls the document.
    func label(_ e: Entry, _ l: Language) -> String {
        let fr = l == .fr
        let parts = e.parts
        let waveName = { (id: String) in plan.wave(id)?.name ?? id }
        switch parts.first {
        case "comms-plan": return fr ? "Plan de communication" : "Communication plan"
        case "comms-calendar": return fr ? "Calendrier des envois" : "Send calendar"
        case "runbook" where parts.count == 2: return (fr ? "Runbook de bascule — " : "Cutover runbook — ") + waveName(parts[1])
        case "post-golive" where parts.count == 2:
            if parts[1].hasSuffix("-daily-meetings") {
                return (fr ? "Points quotidiens des anomalies — " : "Daily anomaly meetings — ") + waveName(String(parts[1].dropLast("-daily-meetings".count)))
            }
            return (fr ? "Après la mise en production — " : "After go-live — ") + waveName(parts[1])
        case "handover" where parts.count == 2:
            if parts[1] == "dossier" { return fr ? "Dossier de passation" : "Handover dossier" }
            if parts[1] == "handover" { return fr ? "Réunions de passation" : "Handover meetings" }
        case "training" where parts.count == 2 && parts[1] == "schedule": return fr ? "Planning des formations" : "Training schedule"
        case "training" where parts.count == 3 && parts[1] == "trainers":
            let name = plan.training?.trainers.first { $0.id == parts[2] }?.name ?? parts[2]
            return (fr ? "Planning formateur — " : "Trainer timetable — ") + name
        default: break
        }
        if e.audience != nil, parts.count >= 2 {
            switch parts[1] {
            case "kit": return fr ? "Kit de déploiement" : "Deployment kit"
            case "training": return fr ? "Formation" : "Training"
            case "guide": return fr ? "Guide utilisateur" : "User guide"
            case let name where name.hasPrefix("guide-"):
                return (fr ? "Guide utilisateur — " : "User guide — ") + name.dropFirst("guide-".count)
            case "comms" where parts.count == 3:
                guard let m = e.message else { return parts[2] }
                // "Annonce — 3 mars 2027 (intranet)"
                let channel = m.channel.map { " (\(Words.channel($0, l)))" } ?? ""
                return "\(Self.messageName(m, l)) — \(DateWords.dayMonthYear(m.date, l))\(channel)"
            default: return parts.dropFirst().joined(separator: "/")
            }
        }
        return e.stem
    }

    static func format(_ path: String) -> String {
        path.lastIndex(of: ".").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// One list item per document: label, link, other formats. `prefix` leads back to `out/`.
    func items(_ entries: [Entry], prefix: String, _ l: Language) -> [[String: Any]] {
        group(entries, prefix: prefix, l, items: true).documents
    }

    /// A group's items, and the same list as the Markdown lines `home/documents` prints for them
    /// (`documentLines`, without the last line break, which the partial's own line ends with):
    /// one value instead of a dozen lookups per document on pages that list thousands.
    /// `items`: whether to make each document's item too (see `TemplateLibrary.mayLoopOverIndexItems`).
    private func group(_ entries: [Entry], prefix: String, _ l: Language, items: Bool) -> (documents: [[String: Any]], lines: String) {
        var lines = ""
        var documents: [[String: Any]] = []
        for e in entries {
            let label = label(e, l), href = prefix + e.primary
            let others = e.others.map { (href: prefix + $0, format: Self.format($0)) }
            Self.appendLine(&lines, label: label, href: href, others: others)
            guard items else { continue }
            documents.append(["label": label, "href": href, "format": Self.format(e.primary),
                              "others": others.map { ["href": $0.href, "format": $0.format] },
                              "hasOthers": !e.others.isEmpty])
        }
        if lines.utf8.last == 0x0A { lines.removeLast() }
        return (documents, lines)
    }

    /// What `{{#documents}}- [{{label}}]({{href}}){{#hasOthers}} —{{#others}} [{{format}}]({{href}}){{/others}}{{/hasOthers}}`
    /// renders for one item, values escaped as Mustache escapes them in a Markdown template.
    static func appendLine(_ out: inout String, label: String, href: String, others: [(href: String, format: String)]) {
        out += "- ["
        out += MarkdownContentType.escape(label)
        out += "]("
        out += MarkdownContentType.escape(href)
        out += ")"
        if !others.isEmpty {
            out += " —"
            for other in others {
                out += " ["
                out += MarkdownContentType.escape(other.format)
                out += "]("
                out += MarkdownContentType.escape(other.href)
                out += ")"
            }
        }
        out += "\n"
    }

    /// Documents for no single audience, by phase.
    /// `items`: whether to give each group its `documents`, one item per document, besides its
    /// ready-made `documentLines` (see `TemplateLibrary.mayLoopOverIndexItems`).
    func byPhase(prefix: String, _ l: Language, items: Bool = true) -> [[String: Any]] {
        Phase.allCases.compactMap { p in
            let mine = entries.filter { $0.phase == p && $0.audience == nil }
            guard !mine.isEmpty else { return nil }
            let (documents, lines) = group(mine, prefix: prefix, l, items: items)
            return ["phase": Self.phaseName(p, l), "documents": documents, "documentLines": lines]
        }
    }

    /// Each audience's own documents, by phase within the audience.
    func byAudience(prefix: String, _ l: Language, items: Bool = true) -> [[String: Any]] {
        // Grouped once: a thousand audiences by tens of thousands of documents is too many to filter.
        let byID = Dictionary(grouping: entries.filter { $0.audience != nil }, by: { $0.audience ?? "" })
        return plan.audiences.compactMap { a in
            guard let mine = byID[a.id], !mine.isEmpty else { return nil }
            let phases: [[String: Any]] = Phase.allCases.compactMap { p in
                let inPhase = mine.filter { $0.phase == p }
                guard !inPhase.isEmpty else { return nil }
                let (documents, lines) = group(inPhase, prefix: prefix, l, items: items)
                return ["phase": Self.phaseName(p, l), "documents": documents, "documentLines": lines]
            }
            return ["audience": a.name, "id": a.id, "phases": phases]
        }
    }
}
