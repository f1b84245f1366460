/// The words of announcements that are not prose: subjects, greetings, default signatures.
/// Subjects live here rather than in the templates so the `.eml` header and the page
/// title agree; a custom template can still write its own first heading, which wins.
enum MessageWords {
    /// "Atlas" from "Atlas — nouveau poste de travail du recouvrement": the name before the
    /// first dash or colon, which is how people call the tool in a sentence.
    static func product(_ project: Project) -> String {
        var name = project.name
        for separator in [" — ", " – ", " - ", ": ", " : "] {
            if let range = name.range(of: separator) { name = String(name[..<range.lowerBound]) }
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? project.code : trimmed
    }

    /// The subject line for a built-in template, starting with the project code.
    static func subject(template: String, code: String, product p: String, j: CivilDate,
                        sendDay: CivilDate, _ l: Language) -> String {
        let day = DateWords.dayAndMonth(j, l)
        let line: String
        switch (template, l) {
        case ("announcement/teaser", .fr): line = "\(p) arrive le \(day) : ce qui va changer pour vous"
        case ("announcement/teaser", .en): line = "\(p) is coming on \(day): what will change for you"
        case ("announcement/training", .fr): line = "Votre formation à \(p)"
        case ("announcement/training", .en): line = "Your \(p) training"
        case ("announcement/reminder", .fr): line = "Rappel : passage à \(p) le \(day)"
        case ("announcement/reminder", .en): line = "Reminder: moving to \(p) on \(day)"
        case ("announcement/eve", .fr): line = "Passage à \(p) \(shortWhen(j, from: sendDay, l)) : ce qu'il faut savoir"
        case ("announcement/eve", .en): line = "Moving to \(p) \(shortWhen(j, from: sendDay, l)): what you need to know"
        case ("announcement/golive", .fr): line = "\(p) est en service : vos premiers pas"
        case ("announcement/golive", .en): line = "\(p) is live: your first steps"
        case ("announcement/followup", .fr): line = "\(p) : vos retours et nos réponses"
        case ("announcement/followup", .en): line = "\(p): your feedback and our answers"
        case ("announcement/postponed", .fr): line = "Report du passage à \(p)"
        case ("announcement/postponed", .en): line = "The move to \(p) is postponed"
        default: line = p
        }
        return "\(code) — \(line)"
    }

    /// "demain" / "aujourd'hui" / "le vendredi 19 mars" (English: "tomorrow", "today", "on Friday 19 March").
    static func shortWhen(_ j: CivilDate, from day: CivilDate, _ l: Language) -> String {
        switch (day.days(until: j), l) {
        case (0, .fr): return "aujourd'hui"
        case (0, .en): return "today"
        case (1, .fr): return "demain"
        case (1, .en): return "tomorrow"
        case (_, .fr): return "le \(DateWords.dayAndMonth(j, l))"
        case (_, .en): return "on \(DateWords.dayAndMonth(j, l))"
        }
    }

    /// "demain, vendredi 19 mars" / "tomorrow, Friday 19 March"; otherwise as `shortWhen`.
    static func goLiveWhen(_ j: CivilDate, from day: CivilDate, _ l: Language) -> String {
        let delta = day.days(until: j)
        guard delta == 0 || delta == 1 else { return shortWhen(j, from: day, l) }
        return "\(shortWhen(j, from: day, l)), \(DateWords.dayAndMonth(j, l))"
    }

    /// Who took the decision, as the subject of a sentence: "Comité Go/No-Go" reads
    /// "Le comité Go/No-Go" in French and "The Comité Go/No-Go" in English; a person's name
    /// ("Isabelle Roux") or a text that already starts with an article is kept as written.
    static func decider(_ by: String, _ l: Language) -> String {
        let text = by.trimmingCharacters(in: .whitespacesAndNewlines)
        let firstWord = text.prefix { !$0.isWhitespace }.lowercased()
        switch l {
        case .fr:
            let masculine: Set<String> = ["comité", "conseil", "bureau", "groupe", "collège", "directoire", "copil",
                                          "comex", "codir", "sponsor", "pilotage"]
            let feminine: Set<String> = ["direction", "commission", "équipe", "cellule", "présidence", "réunion"]
            let elided: Set<String> = ["instance", "assemblée", "équipe-projet"]
            let isAcronym = text.prefix { !$0.isWhitespace }.allSatisfy { $0.isUppercase || !$0.isLetter }
            let noun = isAcronym ? String(text) : text.prefix(1).lowercased() + text.dropFirst()
            if masculine.contains(firstWord) { return "Le " + noun }
            if feminine.contains(firstWord) { return "La " + noun }
            if elided.contains(firstWord) { return "L'" + noun }
            return capitalised(text)
        case .en:
            let bodies: Set<String> = ["comité", "committee", "board", "steering", "council", "conseil", "team",
                                       "group", "direction", "executive", "management", "project", "go/no-go"]
            return bodies.contains(firstWord) ? "The " + text : capitalised(text)
        }
    }

    private static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static func greeting(_ l: Language) -> String {
        l == .fr ? "Bonjour à toutes et à tous," : "Hello everyone,"
    }

    static func defaultSender(product: String, _ l: Language) -> String {
        l == .fr ? "L'équipe projet \(product)" : "The \(product) project team"
    }

    static func format(_ f: TrainingModule.Format, _ l: Language) -> String {
        switch (f, l) {
        case (.classroom, .fr): return "en salle"
        case (.classroom, .en): return "in a training room"
        case (.remote, .fr): return "à distance"
        case (.remote, .en): return "remote"
        case (.elearning, .fr): return "en ligne, à votre rythme"
        case (.elearning, .en): return "online, at your own pace"
        }
    }

    /// "session 2 sur 15" / "session 2 of 15".
    static func session(_ number: Int, of count: Int, _ l: Language) -> String {
        l == .fr ? "session \(number) sur \(count)" : "session \(number) of \(count)"
    }

    /// "Vendredi 26 février, de 9 h à 11 h" / "Friday 26 February, 09:00 to 11:00".
    static func sessionTime(_ day: CivilDate, _ start: TimeOfDay, _ end: TimeOfDay, _ l: Language) -> String {
        let date = DateWords.dayAndMonth(day, l)
        let capitalised = date.prefix(1).uppercased() + date.dropFirst()
        return l == .fr ? "\(capitalised), de \(DateWords.time(start, l)) à \(DateWords.time(end, l))"
                        : "\(capitalised), \(DateWords.time(start, l)) to \(DateWords.time(end, l))"
    }

    /// Where a session happens: "en salle à Paris (paris-r1)" / "à distance".
    static func place(site: String, room: String?, remote: Bool, _ l: Language) -> String {
        if remote { return l == .fr ? "à distance" : "remote" }
        let where_ = site.isEmpty ? "" : (l == .fr ? " à \(site)" : " in \(site)")
        let room = room.map { " (\($0))" } ?? ""
        return (l == .fr ? "en salle" : "in a training room") + where_ + room
    }

    static func preheader(wave: String, goLive: String, _ l: Language) -> String {
        l == .fr ? "\(wave) — mise en service le \(goLive)" : "\(wave) — go-live on \(goLive)"
    }
}
