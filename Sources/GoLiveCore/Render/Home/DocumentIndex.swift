/// Every generated document, grouped by stem (`agents-paris/kit` → its `.html`, `.md`…),
/// by phase (prepare, deploy, check, hand over) and by audience, with a label in words.
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
    }

    let plan: Plan
    let entries: [Entry]

    init(plan: Plan, outputs: [OutputFile]) {
        self.plan = plan
        var byStem: [String: [String]] = [:]
        var order: [String] = []
        for path in outputs.map(\.path).sorted() {
            let stem = Self.stem(path)
            if byStem[stem] == nil { order.append(stem) }
            byStem[stem, default: []].append(path)
        }
        let audienceIDs = Set(plan.audiences.map(\.id))
        entries = order.map { stem in
            let paths = byStem[stem] ?? []
            let primary = paths.first { $0.hasSuffix(".html") } ?? paths[0]
            let first = stem.split(separator: "/").first.map(String.init)
            let audience = first.flatMap { audienceIDs.contains($0) && stem.contains("/") ? $0 : nil }
            return Entry(stem: stem, primary: primary, others: paths.filter { $0 != primary },
                         phase: Self.phase(stem), audience: audience)
        }
    }

    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
    }

    static func phase(_ stem: String) -> Phase {
        let parts = stem.split(separator: "/").map(String.init)
        if parts.first == "runbook" { return .deploy }
        if parts.first == "post-golive" { return .check }
        if parts.first == "handover" || stem.contains("guide") || stem.contains("feedback") { return .handover }
        if parts.first == "training" || parts.first?.hasPrefix("comms-") == true { return .prepare }
        if parts.count >= 2, ["kit", "training", "comms"].contains(parts[1]) { return .prepare }
        return .other
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
        let parts = e.stem.split(separator: "/").map(String.init)
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
            case "comms" where parts.count == 3: return "Message \(parts[2])"
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
        entries.map { e in
            ["label": label(e, l), "href": prefix + e.primary, "format": Self.format(e.primary),
             "others": e.others.map { ["href": prefix + $0, "format": Self.format($0)] },
             "hasOthers": !e.others.isEmpty]
        }
    }

    /// Documents for no single audience, by phase.
    func byPhase(prefix: String, _ l: Language) -> [[String: Any]] {
        Phase.allCases.compactMap { p in
            let mine = entries.filter { $0.phase == p && $0.audience == nil }
            guard !mine.isEmpty else { return nil }
            return ["phase": Self.phaseName(p, l), "documents": items(mine, prefix: prefix, l)]
        }
    }

    /// Each audience's own documents, by phase within the audience.
    func byAudience(prefix: String, _ l: Language) -> [[String: Any]] {
        plan.audiences.compactMap { a in
            let mine = entries.filter { $0.audience == a.id }
            guard !mine.isEmpty else { return nil }
            let phases: [[String: Any]] = Phase.allCases.compactMap { p in
                let inPhase = mine.filter { $0.phase == p }
                guard !inPhase.isEmpty else { return nil }
                return ["phase": Self.phaseName(p, l), "documents": items(inPhase, prefix: prefix, l)]
            }
            return ["audience": a.name, "id": a.id, "phases": phases]
        }
    }
}
