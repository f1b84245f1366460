/// `out/<audience>/kit.md|html`: the deployment kit for an audience's relays, in its language,
/// printable on A4 with a page break between parts.
struct KitPage {
    let plan: Plan
    let planned: Planned
    let audience: Audience
    let wave: Wave
    let existing: Set<String>

    func page() -> PageRenderer.Page {
        let l = audience.language
        let j = wave.date
        let zone = plan.project.timeZone
        let night = plan.runbook.isEmpty ? nil : CutoverPlan(plan: plan, wave: wave, zone: zone)
        // No data entry from the first cutover step (or the window) to the window's close.
        let freezeStart = min(night?.first ?? wave.window.opens(j: j), wave.window.opens(j: j))
        let closes = wave.window.closes(j: j)
        let timeline = KitTimeline(plan: plan, planned: planned, audience: audience, wave: wave, existing: existing).items()
        var seen = Set<String>()
        let modules = audience.modules.map(\.value).filter { seen.insert($0).inserted }
            .map { plan.training?.module($0)?.title ?? $0 }
        let trainingDeadline = plan.training.map { DateWords.longDate($0.windowTo.resolve(j: j), l) } ?? ""
        let hypercare = plan.postGoLive?.hypercare
        // The profile's FAQ, then the questions first users asked and got an answer to.
        let answered = FeedbackDigest.for(audience: audience.id, plan: plan).answered
        let faq: [[String: Any]] = audience.faq.map { ["q": $0.question, "a": $0.answer] }
            + answered.map { ["q": $0.text, "a": $0.answer ?? ""] }
        let meeting = plan.postGoLive?.dailyMeeting
        let fallback = plan.fallback
        let needed = (audience.headcount + Coherence.peoplePerRelay - 1) / Coherence.peoplePerRelay
        let title = l == .fr ? "Kit de déploiement — \(audience.name)" : "Deployment kit — \(audience.name)"
        return PageRenderer.Page(stem: "\(audience.id)/kit", template: "kit/kit", language: l, title: title, context: [
            "title": title,
            "audience": audience.name,
            "headcount": audience.headcount,
            "wave": wave.name,
            "goLive": DateWords.longDate(j, l),
            "relays": audience.relays.map {
                ["name": $0.name, "role": $0.role ?? "", "hasRole": $0.role != nil, "details": Self.relayDetails(role: $0.role)]
            },
            "relayCount": audience.relays.count,
            "relaysShort": audience.relays.count < needed,
            "relaysNeeded": needed,
            "peoplePerRelay": Coherence.peoplePerRelay,
            "summary": plan.project.summary ?? "",
            "hasSummary": plan.project.summary != nil,
            "benefits": plan.project.benefits,
            "benefitsLines": Preformatted.bulletLines(plan.project.benefits),
            "hasBenefits": !plan.project.benefits.isEmpty,
            "sponsor": plan.project.sponsor.map { [$0.name, $0.role].compactMap { $0 }.joined(separator: ", ") } ?? "",
            "hasSponsor": plan.project.sponsor != nil,
            "freezeSpan": DateWords.span(from: (freezeStart.date, freezeStart.time), to: (closes.date, closes.time), l),
            "openAt": DateWords.moment(closes.date, closes.time, l),
            "hasTraining": !modules.isEmpty,
            "modules": modules,
            // Inside a key message already in « » (or “ ”): the inner quotes are “ ” (or ‘ ’).
            "moduleTitles": Self.list(modules.map { l == .fr ? "“\($0)”" : "‘\($0)’" }, l),
            "product": MessageWords.product(plan.project),
            "trainingDeadline": trainingDeadline,
            "hasDeadline": !trainingDeadline.isEmpty,
            "trainingLink": existing.contains("\(audience.id)/training.html") ? "training.html" as Any : false,
            "changes": audience.changes,
            "changesLines": Preformatted.bulletLines(audience.changes),
            "hasChanges": !audience.changes.isEmpty,
            "unchanged": audience.unchanged,
            "unchangedLines": Preformatted.bulletLines(audience.unchanged),
            "hasUnchanged": !audience.unchanged.isEmpty,
            "actions": audience.actions,
            "actionsLines": Preformatted.bulletLines(audience.actions),
            "hasActions": !audience.actions.isEmpty,
            "timeline": timeline.map { ["when": $0.when, "what": $0.what, "link": $0.link ?? "", "hasLink": $0.link != nil] },
            "timelineLines": Self.timelineLines(timeline.map { ($0.when, $0.what, $0.link) }),
            "faq": faq,
            "hasFAQ": !faq.isEmpty,
            "roles": RoleWords.roles(plan).map { Self.withDetails($0, Self.roleDetails($0, l)) },
            "teams": RoleWords.teams(plan).map { Self.withDetails($0, Self.teamDetails($0, l)) },
            "hasTeams": !(plan.support?.teams ?? []).isEmpty,
            "hasHypercare": hypercare != nil,
            "hypercareContact": hypercare?.contact ?? "",
            "hasHypercareContact": hypercare?.contact != nil,
            "hypercareUntil": hypercare.map { DateWords.longDate($0.until.resolve(j: j), l) } ?? "",
            "hasMeeting": meeting != nil,
            "meetingTime": meeting.map { DateWords.time($0.time, l) } ?? "",
            "hasFallback": fallback != nil,
            "decider": fallback?.decidedBy.map { RoleWords.name($0.value, plan) } ?? (l == .fr ? "le comité de pilotage" : "the steering committee"),
            "hasPNR": night?.pointOfNoReturn != nil,
            "pnr": night?.pointOfNoReturn.map { DateWords.moment($0.date, $0.time, l) } ?? "",
            "dayBefore": DateWords.longDate(j.adding(days: -1), l),
        ])
    }

    // What the kit prints after a relay's, a role's or a team's name, as one `details` value: each
    // `{{#hasX}}…{{/hasX}}` section costs Mustache a lookup and a context copy per item of every kit.
    // The template escapes the value, part by part alike.

    /// `{{#hasRole}} ({{role}}){{/hasRole}}`
    static func relayDetails(role: String?) -> String { role.map { " (" + $0 + ")" } ?? "" }

    /// `{{#hasPerson}}: {{person}}{{/hasPerson}}{{#hasContact}} — {{contact}}{{/hasContact}}` (` : ` in French)
    static func roleDetails(_ role: [String: Any], _ l: Language) -> String {
        (role["hasPerson"] as? Bool == true ? (l == .fr ? " : " : ": ") + (role["person"] as? String ?? "") : "")
            + (role["hasContact"] as? Bool == true ? " — " + (role["contact"] as? String ?? "") : "")
    }

    /// `{{#hasScope}} — {{scope}}{{/hasScope}}{{#hasContact}}: {{contact}}{{/hasContact}}` (` : ` in French)
    static func teamDetails(_ team: [String: Any], _ l: Language) -> String {
        (team["hasScope"] as? Bool == true ? " — " + (team["scope"] as? String ?? "") : "")
            + (team["hasContact"] as? Bool == true ? (l == .fr ? " : " : ": ") + (team["contact"] as? String ?? "") : "")
    }

    private static func withDetails(_ item: [String: Any], _ details: String) -> [String: Any] {
        var item = item
        item["details"] = details
        return item
    }

    /// What `{{#timeline}}- **{{when}}** — {{#hasLink}}[{{what}}]({{link}}){{/hasLink}}{{^hasLink}}{{what}}{{/hasLink}}⏎{{/timeline}}`
    /// prints, values escaped as Mustache escapes them in a Markdown template: one value for the
    /// whole calendar instead of six lookups per line of every kit.
    static func timelineLines(_ items: [(when: String, what: String, link: String?)]) -> String {
        var out = ""
        for item in items {
            out += "- **"
            out += MarkdownContentType.escape(item.when)
            out += "** — "
            if let link = item.link {
                out += "["
                out += MarkdownContentType.escape(item.what)
                out += "]("
                out += MarkdownContentType.escape(link)
                out += ")"
            } else {
                out += MarkdownContentType.escape(item.what)
            }
            out += "\n"
        }
        return out
    }

    /// "a, b et c" / "a, b and c".
    static func list(_ items: [String], _ l: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (l == .fr ? " et " : " and ") + items.last!
    }
}
